#!/usr/bin/env bash
# Benchmark (not a test): `toetsgen packet` for sessions of SIZES candidates (default 1 20
# 200) of the V1 plan: wall time, pages and peak memory of toetsgen and of its one typst run
# (a wrapper named by TYPST times typst by itself: the layout reading, `typst eval`, and the
# compile), against the same candidates' documents made as
# separate PDFs: typst compiling one candidate's opdracht and beoordelingsformulier as two PDFs
# (best of 3, the published sources from `build --keep-typst`), times the number of candidates.
# Usage: benches/packet.sh            (SIZES="1 20 200" by default; a session holds at most 500)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1 20 200"}
cargo build --release -q
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/toetsgen
fonts=$PWD/fonts
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/toetsplannen" "$work/sessies"
cp toetsplannen/V1-dienstverlening.yaml "$work/toetsplannen/"
real_typst=$(command -v "${TYPST:-typst}")
cat > "$work/typst-timed" <<WRAP
#!/usr/bin/env bash
if [ "\$1" = compile ]; then exec /usr/bin/time -f '%e %M' -o "$work/typst.time" "$real_typst" "\$@"; fi
if [ "\$1" = eval ]; then exec /usr/bin/time -f '%e %M' -o "$work/typst-eval.time" "$real_typst" "\$@"; fi
exec "$real_typst" "\$@"
WRAP
chmod +x "$work/typst-timed"
cd "$work"
"$bin" build --keep-typst typ -o out >/dev/null 2>&1
now() { date +%s.%N; }
separate_one() { # one candidate's two documents as separate PDFs, best of 3, seconds
  local best=""
  for _ in 1 2 3; do
    local t0 t1 d
    t0=$(now)
    for doc in opdracht-kandidaat beoordelingsformulier; do
      typst compile --root typ --font-path "$fonts" --ignore-system-fonts --pdf-standard a-2a,ua-1 \
        --features a11y-extras "$(find typ -name "$doc.typ" | head -1)" sep.pdf
    done
    t1=$(now); d=$(echo "$t1 - $t0" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$d < $best" | bc -l)" = 1 ]; then best=$d; fi
  done
  echo "$best"
}
sep=$(separate_one)
printf '| candidates | pages | toetsgen s | toetsgen max RSS | typst eval s | typst compile s | typst max RSS | s per candidate | separate PDFs s (2 per candidate) | packet / separate |\n|---|---|---|---|---|---|---|---|---|---|\n'
for n in $SIZES; do
  f=sessies/s$n.yaml
  printf 'plan: V1\ndatum: 2026-12-03\ntijd: "09:30"\nlocatie: Stadhuis Den Haag\nbeoordelaars: [A. de Vries]\nkandidaten:\n' > "$f"
  for i in $(seq 1 "$n"); do printf '  - {naam: Kandidaat %04d Jansen, nummer: "2026-%04d", gemeente: Den Haag}\n' "$i" "$i" >> "$f"; done
  rm -f pakketten/s$n.pdf
  TYPST=$work/typst-timed /usr/bin/time -f '%e %M' -o toetsgen.time "$bin" packet "$f" >/dev/null 2>&1
  read -r t_all rss_all < toetsgen.time
  read -r t_typst rss_typst < typst.time
  read -r t_eval rss_eval < typst-eval.time
  if [ "$rss_eval" -gt "$rss_typst" ]; then rss_typst=$rss_eval; fi
  pages=$(pdfinfo pakketten/s$n.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
  per=$(echo "$t_all / $n" | bc -l)
  separate=$(echo "$sep * $n" | bc -l)
  printf '| %s | %s | %.2f | %d MiB | %.2f | %.2f | %d MiB | %.3f | %.2f | %.2f |\n' "$n" "$pages" "$t_all" $((rss_all / 1024)) \
    "$t_eval" "$t_typst" $((rss_typst / 1024)) "$per" "$separate" "$(echo "$t_all / $separate" | bc -l)"
done
