#!/usr/bin/env bash
# The SHA-256 of every file a build writes for the reference plans (the V1 plan, the fixture
# plans and the special-characters plan), one line per file, sorted. Run it before and after a
# reshape and diff the two lists: a reshape must not change a byte unless a commit says which fix
# did. The build record is left out (it names the toetsgen version and absolute-free paths only).
# Usage: [FORMAT=md,html] scripts/output-hashes.sh [BINARY] > hashes.txt
# (default: all formats, and a release build of this tree)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
  cargo build --release -q
  bin=$PWD/target/release/toetsgen
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/toetsplannen"
cp toetsplannen/*.yaml tests/fixtures/plans/*.yaml "$work/toetsplannen/"
(cd "$work" && "$bin" build --output output --format "${FORMAT:-md,html,pdf}" >/dev/null)
(cd "$work/output" && find . -type f ! -name '.toetsgen.*' -print0 | sort -z | xargs -0 sha256sum)
