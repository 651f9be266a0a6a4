#!/usr/bin/env bash
# Benchmark, run by hand (figures in README, "Speed"). Every ratio is measured in one run, A/B
# alternating: each round runs every contender once, in turn, and a ratio is the median over the
# rounds of (contender / baseline) in that round, so a change in machine load hits both alike.
#
#   full build    `toetsgen build --force` of N copies of the V1 plan (every PDF compiled, every
#                 file rewritten; the output folder and its record exist, as at the office), against
#   floor         typst alone compiling the same .typ files, one process per PDF, JOBS at a time
#   batched floor typst alone compiling them in bundles of the chunk size toetsgen uses, JOBS at a time
#   for N = 1, 20, 100; then for 100 plans a no-op rebuild and a rebuild with one toetsterm changed
#   in one plan, against the full build; `--format md,html` for 300 plans; peak memory of toetsgen
#   and of its largest typst child for 100 and 2,000 plans.
#
# Usage: benches/build.sh   (RUNS=7 JOBS=<cores> SIZES="1 20 100" MEM="100 2000" by default; MEM="" skips memory)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
JOBS=${JOBS:-$(nproc)}
SIZES=${SIZES-1 20 100}
MEM=${MEM-100 2000}
cargo build --release -q
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/toetsgen
repo=$PWD
peak=$repo/benches/peak.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores, jobs $JOBS, $RUNS rounds; $(typst --version)"

plans() { # plans N DIR: N copies of V1 under DIR/toetsplannen
  mkdir -p "$2/toetsplannen"
  for i in $(seq 1 "$1"); do
    sed "s/^code: V1\$/code: B$i/; s/code: V1\\./code: B$i./" \
      toetsplannen/V1-dienstverlening.yaml > "$2/toetsplannen/B$i.yaml"
  done
}
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
sandbox() { echo --root "$1" --font-path "$repo/fonts" --ignore-system-fonts --pdf-standard a-2a,ua-1 --creation-timestamp 1630454400; }
floor_single() { # every .typ under $1/typ, one process each
  (cd "$1" && find typ -name '*.typ' -print0 | xargs -0 -P "$JOBS" -I{} \
    typst compile --features a11y-extras $(sandbox .) {} {}.pdf)
}
floor_batched() { # the bundles under $1/bundles
  (cd "$1" && find bundles -name '*.typ' -print0 | xargs -0 -P "$JOBS" -I{} \
    typst compile --features bundle,a11y-extras --format bundle --jobs 1 $(sandbox .) {} {}.out)
}
make_bundles() { # make_bundles DIR CHUNK: the bundles of the same chunking as toetsgen's
  (cd "$1" && mkdir -p bundles && find typ -name '*.typ' | sort | split -l "$2" -d -a 4 - bundles/part.)
  for p in "$1"/bundles/part.*; do
    while read -r f; do echo "#document(\"$(echo "$f" | tr / -).pdf\", include \"/$f\")"; done < "$p" > "$p.typ"
    rm "$p"
  done
}
report() { # report LABEL FILE-OF-"a b" — the median of a/b and of a and b
  local r a b
  r=$(awk '{print $1/$2}' "$2" | median); a=$(cut -d' ' -f1 "$2" | median); b=$(cut -d' ' -f2 "$2" | median)
  printf '%-44s %6.3f   (%.3f s / %.3f s; per round %s)\n' "$1" "$r" "$a" "$b" \
    "$(awk '{printf "%.2f ", $1/$2}' "$2")"
}

for n in $SIZES; do
  d=$work/n$n; plans "$n" "$d"
  (cd "$d" && "$bin" build --keep-typst typ -o out >/dev/null 2>&1)
  docs=$(find "$d/typ" -name '*.typ' | wc -l)
  chunk=$(( (docs + JOBS - 1) / JOBS )); [ "$chunk" -gt 40 ] && chunk=40
  make_bundles "$d" "$chunk"
  : > "$d/single"; : > "$d/batched"
  for r in $(seq 1 "$RUNS"); do
    full=$(cd "$d" && secs "$bin" build --force -o out -j "$JOBS")
    fs=$(secs floor_single "$d"); fb=$(secs floor_batched "$d")
    echo "$full $fs" >> "$d/single"; echo "$full $fb" >> "$d/batched"
    rm -rf "$d/bundles"/*.out
  done
  echo "== $n plans ($docs PDFs, chunks of $chunk); load $(cut -d' ' -f1 /proc/loadavg)"
  report "full build / one-process-per-PDF floor" "$d/single"
  report "full build / batched floor" "$d/batched"
  if [ "$n" = 100 ]; then
    : > "$d/noop"; : > "$d/change"
    f=$d/toetsplannen/B7.yaml
    for r in $(seq 1 "$RUNS"); do
      full=$(cd "$d" && secs "$bin" build --force -o out -j "$JOBS")
      noop=$(cd "$d" && secs "$bin" build -o out -j "$JOBS")
      # A real change: new wording and a new version (the plan's own gewijzigd, a day later each
      # round), as the plan archive demands of a changed text.
      sed -i -e "0,/Kan actief hulp/s//Kan actief hulp ($r)/" -e '/^gewijzigd: /d' "$f"
      sed -i "0,/^onderdelen:/s//gewijzigd: $(date -d "2022-01-01 + $r days" +%F)\nonderdelen:/" "$f"
      change=$(cd "$d" && secs "$bin" build -o out -j "$JOBS")
      echo "$noop $full" >> "$d/noop"; echo "$change $full" >> "$d/change"
    done
    report "no-op rebuild / full build" "$d/noop"
    report "one toetsterm changed in 1 plan / full" "$d/change"
  fi
done

d=$work/md; plans 300 "$d"; : > "$d/t"
(cd "$d" && "$bin" build --format md,html -o out >/dev/null 2>&1)
for r in $(seq 1 "$RUNS"); do
  (cd "$d" && secs "$bin" build --force --format md,html -o out) >> "$d/t"
done
echo "== 300 plans, --format md,html: $(median < "$d/t") s (median of $RUNS; $(tr '\n' ' ' < "$d/t"))"

for n in $MEM; do
  d=$work/mem$n; plans "$n" "$d"
  read -r t own child < <(cd "$d" && "$peak" "$bin" build -o out -j "$JOBS")
  read -r tm ownm _ < <(cd "$d" && "$peak" "$bin" build --format md,html -o out-md)
  echo "== $n plans: full build ${t} s, toetsgen peak ${own} MiB, largest typst ${child} MiB; md,html only: ${tm} s, toetsgen ${ownm} MiB"
  rm -rf "$d"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
