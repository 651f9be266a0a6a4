#!/bin/sh
# Seeds fuzz/corpus/<target>/: from the import fixtures every text export for import_text and
# every .docx, and the word/document.xml inside it, for import_docx (which reads XML by itself
# too); every valid and invalid plan for load_validate; texts no mutation should be trusted to
# find for escape_markdown, escape_html and escape_typst; sessions and saved forms for
# session_yaml, session_csv and saved_form; small scans for scan_file.
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
# The scan reader: small scans in every container it reads — a grey and a black-and-white page
# (with a QR-like pattern and corner squares) as PNG, as one- and two-page TIFFs (Deflate, G4)
# and as PDFs of CCITT, Flate and JPEG images (libtiff's tools, as a scanner writes them).
mkdir -p corpus/scan_file
python3 - corpus/scan_file <<'PY'
import struct, sys, zlib
out = sys.argv[1]
w, h = 96, 128
px = bytearray(255 for _ in range(w * h))
for (x0, y0) in [(2, 2), (86, 2), (2, 118), (86, 118)]:
    for y in range(y0, y0 + 8):
        for x in range(x0, x0 + 8):
            px[y * w + x] = 0
for y in range(100, 116):
    for x in range(40, 56):
        if (x // 2 + y // 2) % 2:
            px[y * w + x] = 0
open(f"{out}/page.pgm", "wb").write(b"P5\n%d %d\n255\n" % (w, h) + bytes(px))
rows = [bytes(px[y * w:(y + 1) * w]) for y in range(h)]
bits = b"".join(bytes(sum((1 << (7 - i)) for i in range(8) if r[x + i] < 128) for x in range(0, w, 8)) for r in rows)
open(f"{out}/page.pbm", "wb").write(b"P4\n%d %d\n" % (w, h) + bits)
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
raw = b"".join(b"\0" + r for r in rows)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(f"{out}/page.png", "wb").write(png)
PY
if command -v ppm2tiff >/dev/null && command -v tiff2pdf >/dev/null; then
    (cd corpus/scan_file &&
        ppm2tiff -c zip page.pgm grey.tif && ppm2tiff -c g4 page.pbm g4.tif &&
        tiffcp grey.tif g4.tif two.tif &&
        tiff2pdf -o g4.pdf g4.tif && tiff2pdf -z -o zip.pdf grey.tif && tiff2pdf -j -o jpeg.pdf grey.tif)
fi
rm -f corpus/scan_file/page.pgm corpus/scan_file/page.pbm
ls corpus/* | wc -l
