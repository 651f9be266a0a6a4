#!/usr/bin/env bash
# How many PDFs per typst process: full builds (`build --force`) of N copies of V1 with each
# chunk size in CHUNKS, the sizes alternating within each round; prints per size the median time
# and the median over rounds of its time / the time of the first size in that round, and the
# peak memory of the largest typst process (from benches/peak.py).
# Usage: benches/chunks.sh   (N=100 RUNS=5 CHUNKS="40 10 20 60 100" by default)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100}
RUNS=${RUNS:-5}
CHUNKS=${CHUNKS:-40 10 20 60 100}
cargo build --release -q
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/toetsgen
peak=$PWD/benches/peak.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/toetsplannen"
for i in $(seq 1 "$N"); do
  sed "s/^code: V1\$/code: B$i/; s/code: V1\\./code: B$i./" \
    toetsplannen/V1-dienstverlening.yaml > "$work/toetsplannen/B$i.yaml"
done
cd "$work"
"$bin" build -o out >/dev/null 2>&1
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); $N plans, $RUNS rounds"
for r in $(seq 1 "$RUNS"); do
  for c in $CHUNKS; do
    read -r t _ child < <("$peak" "$bin" build --force -o out --chunk "$c")
    echo "$c $t $child" >> times
  done
done
first=${CHUNKS%% *}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for c in $CHUNKS; do
  t=$(awk -v c="$c" '$1==c {print $2}' times | median)
  m=$(awk -v c="$c" '$1==c {print $3}' times | sort -g | tail -1)
  ratio=$(paste <(awk -v c="$c" '$1==c {print $2}' times) <(awk -v c="$first" '$1==c {print $2}' times) \
    | awk '{print $1/$2}' | median)
  printf 'chunk %4s: %6.3f s median, %.3f x chunk %s, largest typst %s MiB\n' "$c" "$t" "$ratio" "$first" "$m"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
