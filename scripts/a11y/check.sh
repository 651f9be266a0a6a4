#!/usr/bin/env bash
# Accessibility check of the HTML in an output folder: every page is loaded in headless Chromium
# (Debian: apt-get install chromium) and checked with axe-core against WCAG 2.1 A and AA.
# Usage: scripts/a11y/check.sh [output]      Exit code 1 when any violation is found.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(cd "${1:-output}" && pwd)"
[ -d "$here/node_modules" ] || (cd "$here" && npm install --silent --no-audit --no-fund)
mapfile -t pages < <(find "$out" -name '*.html' -not -path '*/versies/*' | sort)
node "$here/run.js" "${pages[@]}" | tee /dev/stderr | tail -1 | grep -q '^violations: 0$'
