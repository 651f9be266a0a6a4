#!/bin/sh
# Seeds fuzz/corpus/<target>/ from the import fixtures: every text export for import_text; every
# .docx, and the word/document.xml inside it, for import_docx (which reads XML by itself too).
set -eu
cd "$(dirname "$0")"
mkdir -p corpus/import_text corpus/import_docx
for f in ../tests/fixtures/import/*/source.txt ../tests/fixtures/seed-V1.txt; do
    name=$(echo "$f" | sed 's|^\.\./tests/fixtures/||; s|/|_|g')
    cp "$f" "corpus/import_text/$name"
done
for f in ../tests/fixtures/import/*.docx ../tests/fixtures/import/*/source.docx; do
    name=$(echo "$f" | sed 's|^\.\./tests/fixtures/||; s|/|_|g')
    cp "$f" "corpus/import_docx/$name"
    python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml"))' \
        "$f" >"corpus/import_docx/$name.document.xml"
done
# A small plan as XML and as .docx, so that short inputs reach a plan that is read and written.
python3 - <<'PY'
import zipfile
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
def p(t): return f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>"
def row(*cells): return "<w:tr>" + "".join(f"<w:tc>{p(c)}</w:tc>" for c in cells) + "</w:tr>"
def tbl(n, *rows): return "<w:tbl><w:tblGrid>" + "<w:gridCol/>" * n + "</w:tblGrid>" + "".join(rows) + "</w:tbl>"
body = (p("Toetsplan V1: Dienstverlening") + p("Inleiding")
    + tbl(2, row("Ingangsdatum", "1 september 2021"), row("Toetsvorm", "Proeve op basis van vijf klantgesprekken"))
    + tbl(8, row("Naam onderdeel en toetsnummer", "Toetsterm", "Laatste wijzigingsdatum", "Aantal opdrachten", "", "", "", ""),
          row("", "", "", "", "K", "B", "RV", "PV"), row("Klantgericht", "", "", "", "", "", "", ""),
          row("V1.01", "Kan hulp bieden.", "1-9-2021", "1", "", "", "", "X"),
          row("V1.02", "Kan uitleggen.", "1-9-2021", "1", "X", "", "", ""),
          row("TOTAAL", "", "", "2", "", "", "", "")))
xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
open("corpus/import_docx/small.document.xml", "w").write(xml)
with zipfile.ZipFile("corpus/import_docx/small.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", xml)
PY
ls corpus/import_text corpus/import_docx | wc -l
