#!/usr/bin/env bash
# Benchmark: a full `toetsgen build --force` of PLANS copies of the V1 plan, against the floor —
# typst compiling the very same .typ files by itself, as many at a time as toetsgen runs (JOBS) —
# and a second build with nothing changed, against the full build.
# Usage: benches/build.sh            (PLANS=20 RUNS=3 JOBS=<cores> by default)
set -euo pipefail
cd "$(dirname "$0")/.."
PLANS=${PLANS:-20}
RUNS=${RUNS:-3}
JOBS=${JOBS:-$(nproc)}
cargo build --release -q
bin=$PWD/target/release/toetsgen
fonts=$PWD/fonts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/toetsplannen"
for i in $(seq 1 "$PLANS"); do
  sed "s/^code: V1\$/code: B$i/; s/code: V1\\./code: B$i./" toetsplannen/V1-dienstverlening.yaml > "$work/toetsplannen/B$i.yaml"
done
cd "$work"
"$bin" build --keep-typst typ -o out-keep >/dev/null

now() { date +%s.%N; }
best() { # best of RUNS runs of "$@", in seconds
  local best=""
  for _ in $(seq 1 "$RUNS"); do
    local t0 t1 d
    t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
    d=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$d < $best" | bc -l)" = 1 ]; then best=$d; fi
  done
  printf '%.3f' "$best"
}
floor() {
  find typ -name '*.typ' -print0 | xargs -0 -P "$JOBS" -I{} \
    typst compile --root typ --font-path "$fonts" --ignore-system-fonts {} {}.pdf
}
full=$(best "$bin" build --force -j "$JOBS" -o out-full)
noop=$(best "$bin" build -j "$JOBS" -o out-full)
nopdf=$(best "$bin" build --force --format md,html -o out-nopdf)
typst_floor=$(best floor)
docs=$(find typ -name '*.typ' | wc -l)
echo "plans: $PLANS, PDFs: $docs, jobs: $JOBS, best of $RUNS runs"
echo "toetsgen build (md, html, pdf):  ${full} s"
echo "toetsgen build (md, html):       ${nopdf} s"
echo "second build, nothing changed:   ${noop} s ($(echo "scale=1; $noop * 100 / $full" | bc -l) % of a full build)"
echo "typst compile alone (the floor): ${typst_floor} s"
echo "overhead over the floor:         $(echo "scale=1; ($full - $typst_floor) * 100 / $typst_floor" | bc -l) %"
