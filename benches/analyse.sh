#!/usr/bin/env bash
# Benchmark (not a test): `toetsgen analyse` of a question exam with CANDIDATES candidates
# (default 10000) and 100 questions (10 toetstermen × 10 opdrachten), end to end with the
# release binary: reading the CSV, the figures, and the report (Markdown and HTML), or the figures
# alone as JSON. Wall time (best of RUNS, default 3) and peak memory (/usr/bin/time), on one core
# (taskset -c 0 when it is there). The scores are made here, reproducibly: candidate c answers
# question q right when (c·31 + q·17) mod 100 is below a question-dependent threshold, so the
# questions differ in difficulty and the figures are not degenerate.
# Usage: benches/analyse.sh        (CANDIDATES=10000 RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
CANDIDATES=${CANDIDATES:-10000}
RUNS=${RUNS:-3}
cargo build --release -q
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/toetsgen
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/toetsplannen"

# The plan: Z1, 10 toetstermen of 10 questions each.
{
  echo "code: Z1"
  echo "naam: Honderd vragen"
  echo "ingangsdatum: 2024-01-01"
  echo "toetsvorm: Digitale theorietoets"
  echo "aantal_vragen: 100"
  echo "totaal_opdrachten: 100"
  echo "beoordeling:"
  echo "  soort: vragen"
  echo "  minimaal_goed: 55"
  echo "onderdelen:"
  echo "  - naam: Alles"
  echo "    toetstermen:"
  for t in $(seq -w 1 10); do
    echo "      - code: Z1.$t"
    echo "        tekst: Kent onderwerp $t."
    echo "        gewijzigd: 2024-01-01"
    echo "        niveaus: [K]"
    echo "        aantal_opdrachten: 10"
  done
} > "$work/toetsplannen/Z1.yaml"

# The scores.
awk -v n="$CANDIDATES" 'BEGIN {
  printf "kandidaat";
  for (t = 1; t <= 10; t++) for (k = 1; k <= 10; k++) printf ";Z1.%02d", t;
  printf "\n";
  for (c = 1; c <= n; c++) {
    printf "%d", 100000 + c;
    for (q = 1; q <= 100; q++) printf ";%d", ((c * 31 + q * 17) % 100 < 30 + (q % 60)) ? 1 : 0;
    printf "\n";
  }
}' > "$work/scores.csv"

pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
cd "$work"
run() { # $1: label, rest: arguments of toetsgen analyse; best wall time and its peak memory
  local label=$1 best="" mem=""
  shift
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o time.txt "${pin[@]}" "$bin" analyse scores.csv --plan Z1 "$@" >/dev/null 2>&1
    read -r t m < time.txt
    if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t mem=$m; fi
  done
  printf '%-28s %8s s %8s MiB\n' "$label" "$best" "$(awk -v k="$mem" 'BEGIN { printf "%.1f", k / 1024 }')"
}
echo "toetsgen analyse, $CANDIDATES candidates × 100 questions ($(du -k scores.csv | cut -f1) KiB of CSV), best of $RUNS:"
run "figures as JSON (--json)" --json
run "report (md and html)"
