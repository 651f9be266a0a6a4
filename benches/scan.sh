#!/usr/bin/env bash
# Benchmark (not a test): `toetsgen scan` on the form pages of V1 packets of SIZES candidates
# (default 20), rendered by pdftoppm at DPI (default 300) in grey as PNG files, one page a file,
# as a scanner would write them: wall time, pages per second and peak memory of the run (GNU time;
# typst's, which makes the inzage PDFs, included), on all cores (pages are read a few at a time in
# parallel). The pages carry no marks: reading an empty box costs what reading a ticked one does,
# but every judgement is then doubtful, so the review page is as large as it gets.
# Usage: benches/scan.sh            (SIZES="20 200" DPI=300 for the issue's figures)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"20"}
DPI=${DPI:-300}
cargo build --release -q
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/toetsgen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/toetsplannen" "$work/sessies"
cp toetsplannen/V1-dienstverlening.yaml "$work/toetsplannen/"
cd "$work"
printf '| candidates | pages | dpi | seconds | pages per second | peak memory |\n|---|---|---|---|---|---|\n'
for n in $SIZES; do
  f=sessies/s$n.yaml
  printf 'plan: V1\ndatum: 2026-12-03\nlocatie: Stadhuis Den Haag\nbeoordelaars: [A. de Vries]\nkandidaten:\n' > "$f"
  for i in $(seq 1 "$n"); do printf '  - {naam: Kandidaat %04d, nummer: "2026-%04d"}\n' "$i" "$i" >> "$f"; done
  "$bin" packet "$f" >/dev/null 2>&1
  rm -rf scans && mkdir scans
  # The form pages: every document of the layout named beoordelingsformulier.
  python3 - "pakketten/s$n.scan.json" > pages.txt <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for doc in d["documenten"]:
    if doc["document"] == "beoordelingsformulier":
        for p in range(doc["eerste_pagina"], doc["eerste_pagina"] + doc["paginas"]):
            print(p)
PY
  while read -r p; do
    pdftoppm -gray -png -singlefile -r "$DPI" -f "$p" -l "$p" "pakketten/s$n.pdf" "scans/p$(printf %05d "$p")"
  done < pages.txt
  pages=$(wc -l < pages.txt)
  /usr/bin/time -f '%e %M' -o scan.time "$bin" scan scans/*.png --pakketten pakketten -o uitslagen/s$n >/dev/null 2>&1 || true
  read -r t rss < scan.time
  printf '| %s | %s | %s | %.2f | %.1f | %d MiB |\n' "$n" "$pages" "$DPI" "$t" "$(echo "$pages / $t" | bc -l)" $((rss / 1024))
done
