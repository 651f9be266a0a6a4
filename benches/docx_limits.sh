#!/usr/bin/env bash
# Hostile files against the limits of `toetsgen import` (README, "Limits of the import"): each
# must be imported or refused in under a second and under 100 MiB. Generates the files in a
# temporary folder (nothing big is kept in the repository), runs the release binary on each under
# /usr/bin/time -v and prints the exit code, elapsed time and maximum resident memory, the first
# line of the message, and whether a YAML file was written.
#
# Usage: benches/docx_limits.sh [TOETSGEN-BINARY]   (default: builds target/release/toetsgen)
# Needs python3 (its zipfile module) and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
if [ -z "$bin" ]; then
    cargo build --release --quiet
    bin="${CARGO_TARGET_DIR:-target}/release/toetsgen"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import sys, zipfile
out = sys.argv[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MiB = 1024 * 1024

def p(t): return f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
def row(*cells): return "<w:tr>" + "".join(f"<w:tc>{p(c)}</w:tc>" for c in cells) + "</w:tr>"
def tbl(n, rows): return "<w:tbl><w:tblGrid>" + "<w:gridCol/>" * n + "</w:tblGrid>" + "".join(rows) + "</w:tbl>"
def doc(body, decls=""): return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"{decls}><w:body>{body}</w:body></w:document>'
def docx(name, xml):
    with zipfile.ZipFile(f"{out}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", xml)

def plan(terms, intro="Inleiding", width=100):
    """A toetsplan with `terms` toetstermen, each text `width` characters long."""
    meta = tbl(2, [row("Ingangsdatum", "1 september 2021"), row("Toetsvorm", "Digitale toets")])
    head = [row("Naam onderdeel en toetsnummer", "Toetsterm", "Laatste wijzigingsdatum", "Aantal opdrachten", "", "", "", ""),
            row("", "", "", "", "K", "B", "RV", "PV"), row("Onderdeel", "", "", "", "", "", "", "")]
    terms = [row(f"V1.{i:05}", ("Kan iets. " * (width // 10 + 1))[:width], "1-9-2021", "1", "X", "", "", "") for i in range(1, terms + 1)]
    total = [row("TOTAAL", "", "", str(len(terms)), "", "", "", "")]
    return p("Toetsplan V1: Dienstverlening") + p(intro) + meta + tbl(8, head + terms + total)

# 1. A cell spanning two thousand million columns.
docx("1-gridspan.docx", doc(tbl(8, [row("a"), '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2000000000"/></w:tcPr>' + p("b") + "</w:tc></w:tr>"])))
# 2. 50,000 content controls nested in each other.
n = 50_000
docx("2-nested-sdt.docx", doc("<w:sdt><w:sdtContent>" * n + p("diep") + "</w:sdtContent></w:sdt>" * n))
# 3. 1 GiB of zeros as word/document.xml (about 1 MiB compressed).
with zipfile.ZipFile(f"{out}/3-zeros-1gib.docx", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    with z.open("word/document.xml", "w", force_zip64=True) as f:
        zeros = bytes(MiB)
        for _ in range(1024):
            f.write(zeros)
# 4. As many (empty) zip entries as fit in the 16 MiB allowed: about 190,000.
with zipfile.ZipFile(f"{out}/4-many-entries.docx", "w", zipfile.ZIP_STORED) as z:
    i = 0
    while z.fp.tell() * (76 + 10) / (30 + 5) < 15.9 * MiB:
        z.writestr(f"{i:05x}", b"")
        i += 1
    z.writestr("word/document.xml", doc(p("x")))
# 5. 12,500 elements with 32 attributes each: the most allowed per element and in all.
attrs = "".join(f' w:a{i}=""' for i in range(32))
docx("5-attributes.docx", doc(f"<w:x{attrs}/>" * 12_499))
# 6. 256 namespace declarations (the most allowed), each inherited by elements declaring more.
decls = "".join(f' xmlns:n{i}="urn:{i}"' for i in range(128))
docx("6-namespaces.docx", doc("".join(f'<w:p xmlns:m{i}="urn:m{i}"><w:r><w:t>x</w:t></w:r></w:p>' for i in range(127)), decls))
# 7. Just under 8 MiB of empty paragraphs: past the node limit.
docx("7-nodes.docx", doc("<w:p/>" * ((8 * MiB - 200) // 6)))
# 8. A plan with 7.9 MiB of introduction: read, written and checked.
docx("8-text-7.9mib.docx", doc(plan(10, intro="Lange inleiding. " * (int(7.9 * MiB) // 17))))
# 9. A plan with 8,000 toetstermen (64,000 cells): read, written and checked.
docx("9-plan-8000-terms.docx", doc(plan(8000, width=300)))
# 10. A text export of just under 8 MiB with 11,000 toetstermen.
lines = ["Toetsplan V1: Dienstverlening", "Inleiding", "Ingangsdatum\t1 september 2021",
         "Naam onderdeel en toetsnummer\tToetsterm\tLaatste wijzigingsdatum\tAantal opdrachten",
         "\t\t\t\tK\tB\tRV\tPV", "Onderdeel"]
text = ("Kan iets. " * 80)[: (8 * MiB - 1000) // 11_000 - 30]
lines += [f"V1.{i:05}\t{text}\t1-9-2021\t1\tX" for i in range(1, 11_001)] + ["TOTAAL\t\t\t11000"]
open(f"{out}/10-export-8mib.txt", "w").write("\n".join(lines))
PY

printf '%-24s %9s %4s %8s %8s\n' file size exit seconds 'max RSS'
for f in $(ls "$work" | sort -n); do
    path="$work/$f"
    rm -f "$work/out.yaml"
    code=0
    /usr/bin/time -v -o "$work/time" "$bin" import "$path" -o "$work/out.yaml" \
        >"$work/stdout" 2>"$work/stderr" || code=$?
    elapsed=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$work/time")
    seconds=$(echo "$elapsed" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
    size=$(stat -c %s "$path")
    printf '%-24s %9s %4s %8s %5s MiB\n' "$f" "$size" "$code" "$seconds" "$((rss / 1024))"
    { grep -v '^$' "$work/stderr" || true; } | head -1 | sed "s|$work/||" | cut -c1-220 | sed 's/^/    /'
    if [ -e "$work/out.yaml" ]; then
        echo "    wrote $(stat -c %s "$work/out.yaml") bytes of YAML"
    fi
done
