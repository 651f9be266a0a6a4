#!/bin/sh
# Seeds fuzz/corpus/<target>/: from the import fixtures every text export for import_text and
# every .docx, and the word/document.xml inside it, for import_docx (which reads XML by itself
# too); every valid and invalid plan for load_validate; texts no mutation should be trusted to
# find for escape_markdown, escape_html and escape_typst; sessions and saved forms for
# session_yaml, session_csv and saved_form.
set -eu
cd "$(dirname "$0")"
mkdir -p corpus/import_text corpus/import_docx corpus/load_validate
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
for f in ../toetsplannen/*.yaml ../tests/fixtures/plans/*.yaml ../tests/fixtures/invalid/*/plan.yaml; do
    name=$(echo "$f" | sed 's|^\.\./||; s|^tests/fixtures/||; s|/|_|g')
    cp "$f" "corpus/load_validate/$name"
done
# The escapers: Markdown block and inline syntax, HTML tags and entities, Typst markup and code,
# every kind of line break, web addresses, long and compound words, invisible characters.
python3 - <<'PY'
import os
NASTY = [
    "#set page(width: 1cm)",
    "= kop",
    "- item\n+ item\n1. item\n12) item",
    "/ term: uitleg",
    "$x$ <lbl> @ref *b* _i_ `c`",
    "```rust\nfn\n```",
    "a\\ \\ a // commentaar /* */ ] [ #{ } #box[x];",
    "\"a\" 'b' -- c --- d ... e ~ f -? g",
    "Zie https://example.org/a_b*c?q=1&r=(2). En (http://x.nl/p(1)), www.x.nl a@b.nl",
    "a\u2028= kop\u2029- item\x85+ ook",
    "a\r\n\r\nb\rc\n\td\x0b\x0c",
    "  voor en na  \xa0a\u3000",
    "\\u{41} \\# \\\\ &amp; &#65; &lt;b&gt; <!-- </p> <script>",
    "| a | b |\n|---|:-:|\n| 1 | 2 |",
    "[a](b) ![a](b) [a]: b <https://x.nl> ~~weg~~",
    "    ingesprongen\n> citaat\n***\n---",
    "sociaal-culturele en/of 1-9-2021 een-heel-erg-lang-samengesteld-woord-met-streepjes",
    "Klantgerichtheidsvaardigheidsbeoordelingsformulieren",
    "\u200b\u200d\ufeff\u0301e\U0001F600\U0001F44D \x00\x1b[31m",
]
for target in ["escape_markdown", "escape_html", "escape_typst"]:
    os.makedirs(f"corpus/{target}", exist_ok=True)
    for i, text in enumerate(NASTY, 1):
        with open(f"corpus/{target}/nasty-{i:02}", "w", encoding="utf-8", newline="") as f:
            f.write(text)
PY
# The session readers and the saved-form reader: every session and candidates' export of the
# fixtures, valid and refused, and every saved form.
mkdir -p corpus/session_yaml corpus/session_csv corpus/saved_form
for f in $(find ../tests/fixtures/sessions -name '*.yaml'); do
    cp "$f" "corpus/session_yaml/$(echo "$f" | sed 's|^\.\./tests/fixtures/||; s|/|_|g')"
done
for f in $(find ../tests/fixtures/sessions -name '*.csv'); do
    cp "$f" "corpus/session_csv/$(echo "$f" | sed 's|^\.\./tests/fixtures/||; s|/|_|g')"
done
for f in $(find ../tests/fixtures/uitslagen -name '*.json'); do
    cp "$f" "corpus/saved_form/$(echo "$f" | sed 's|^\.\./tests/fixtures/||; s|/|_|g')"
done
ls corpus/* | wc -l
