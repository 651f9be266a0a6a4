# Messages of crates/import: a toetsplan read from a Word document or its text export.
# (The headings of the office's Word document that the importer recognises stay in the code.)

# Places in the source.
import-place-line = line { $n }
import-place-paragraph = paragraph { $n }
import-place-table-row = table { $table }, row { $row }
import-place-table = table { $table }
import-place-body = the body of the document

-import-resave = open it in Word and save it again
-import-not-word = the file was not made by Word; { -import-resave }
-import-damaged = the document is damaged; { -import-resave }
-import-split = check that this is one toetsplan, or split it into one document per toetsplan

# Reading the file (lib.rs, text.rs, docx/).
import-cannot-read-docx = cannot read the Word document { $path }
import-cannot-read-text = cannot read the text export { $path }
import-cannot-open = cannot open { $path }
import-not-utf8 = { $path }: line { $line } is not UTF-8: save the export as Unicode text (Word: Save as → Plain text → UTF-8)
import-text-too-large = cannot read the text export { $path }: it is larger than { $max } MiB, the limit for a text export (a toetsplan's export is about 10 KB): check that it is the export of one toetsplan, or split it into one file per toetsplan
import-too-many-cells = { $place } brings the cells and paragraphs read over { $max }, the limit (a toetsplan has a few hundred): { -import-split }
import-too-many-columns = { $place } has { $cells } cells (separated by tabs), more than the { $max } a row may have (a toetsplan's table has 8): check that the file is the text export of a toetsplan

# The Word document's archive and XML (docx/archive.rs, docx/xml.rs, markup.rs).
import-docx-too-large = the file is { $size } MiB, more than the { $max } MiB allowed (a toetsplan's document is about 0.1 MiB; pictures and embedded fonts make it large): save a copy without pictures, or split it into one document per toetsplan
import-xml-not-utf8 = { $part } is not UTF-8 text: { -import-damaged }
import-not-zip = the file is not a Word document (not a zip archive): save it from Word as "Word Document (.docx)"; a password-protected document must have its password removed first
import-too-many-parts = the file holds { $n } parts, more than the { $max } allowed (Word writes about 15): it is not a Word document as Word saves it; { -import-resave }
import-cannot-unpack = cannot unpack { $part } ({ $error }): the document is damaged or not saved by Word; { -import-resave }
import-no-document-xml = the file is not a Word document (it has no { $part }): save it from Word as "Word Document (.docx)"
import-xml-too-large = { $part } unpacks to more than { $max } MiB, the limit (a toetsplan's is about 0.2 MiB): save the document again from Word, or split it into one document per toetsplan
import-xml-over-limit = { $part } is more than { $max } MiB, the limit
import-xml-too-many-nodes = { $part } has more than { $max } XML nodes, the limit (a toetsplan's has about 5,000): { -import-split }
import-xml-dtd = { $part } has a document type declaration (<!DOCTYPE>), which Word never writes: open the document in Word and save it again
import-xml-malformed = { $part } is not well-formed XML ({ $error }): { -import-damaged }
import-namespace-too-long = { $part }: { $line }: a namespace name is longer than { $max } bytes (Word's are under 80): { -import-not-word }
import-too-many-attributes = { $part }: { $line }: an element has { $n } attributes, more than the { $max } allowed (Word writes at most about 15): { -import-not-word }
import-too-many-attributes-total = { $part }: { $line }: more than { $max } attributes in all, the limit (a toetsplan's document has about 10,000): { -import-split }
import-too-many-namespaces = { $part }: { $line }: more than { $max } namespace declarations (xmlns) in all, the limit (Word writes about 40): { -import-not-word }

# The body and tables of the Word document (docx/body.rs, docx/table.rs).
import-no-body = { $part } has no w:body under its root: { -import-damaged }
import-nested-controls = { $place }: content controls (w:sdt) are nested more than { $max } deep, the limit (Word documents nest a few): remove the content controls (Developer → Design Mode, or save a copy as a Word document without them)
import-too-many-grid-columns = table { $table } has more than { $max } columns (w:gridCol), the limit (a toetsplan's table has 8): check that this is a toetsplan
import-table-may-have = a table may have at most { $max }
import-table-has = the table has { $grid } (w:tblGrid)
import-cells-span = { $place }: the cells span more than { $width } columns, but { $has }: the document is damaged or was not made by Word; { -import-resave }
import-cell-span = { $place }: a cell spans { $span } columns (w:gridSpan), but { $has }: the document is damaged or was not made by Word; { -import-resave }
import-nested-table = { $place }: a cell holds a table of its own; a toetsplan's tables are not nested: move that table's text out of the cell

# Reading the plan from the rows (plan/).
import-no-table = no toetstermen table found: it starts with a header row whose first cell is "Naam onderdeel en toetsnummer"
import-control-characters = { $which } holds the control { $n ->
    [one] character { $chars }, which a plan cannot hold (Word does not show it)
   *[other] characters { $chars }, which a plan cannot hold (Word does not show them)
}: retype the text of that cell, then save or export again
import-which-text = the text
import-which-cell = cell { $cell }
import-text-after-metadata = cannot place the text { $text } after the metadata table: only the title and the introduction come before it
import-metadata-cells = a metadata row has { $n } cells; expected a label and a value
import-label-twice = the metadata label "{ $label }" appears twice
import-unknown-label = unknown metadata label { $label }: expected one of { $labels }
import-no-name = the plan has no "Naam van de toets" and no title line "Toetsplan <code>: <naam>"
import-bad-code-and-name = cannot read the code and name from { $text }: write it as "V1: Dienstverlening"
import-no-ingangsdatum = the metadata table has no Ingangsdatum
import-bad-ingangsdatum = cannot read the ingangsdatum { $text }: write it as e.g. 1 september 2021
import-ingangsdatum-too-early = the ingangsdatum { $text } lies before 1970-01-01, the earliest date toetsgen can put in a PDF: check the year
import-totaal-mismatch = the TOTAAL is { $totaal }, but the toetstermen' opdrachten add up to { $sum }
import-level-column-missing = the level row has no column { $level }
import-no-level-row = the header row is not followed by the row naming the levels K, B, RV and PV
import-text-between-tables = cannot place the text { $text } between or after the tables: remove it, or move it into the table
import-row-after-totaal = cannot place a row after the TOTAAL row: remove it, or move it into the table
import-row-unplaced = cannot place the row starting with { $text }: not a toetsterm code (such as V1.01), an onderdeel (a name alone) or TOTAAL
import-row-without-code = a row without a toetsterm code holds { $text }: give it its code in the first column, or remove it
import-totaal-not-number = the TOTAAL { $text } is not a whole number
import-term-no-text = toetsterm { $name } has a code but no text
import-term-before-onderdeel = toetsterm { $name } comes before any onderdeel row
import-bad-date = cannot read the date { $text } of toetsterm { $name }: write it as day-month-year, e.g. 1-9-2021
import-date-too-early = the date { $text } of toetsterm { $name } lies before 1970-01-01, the earliest date toetsgen can put in a PDF: check the year
import-bad-aantal = the number of opdrachten { $text } of toetsterm { $name } is not a whole number
import-bad-mark = the mark { $text } under { $level } of toetsterm { $name } is not understood: mark a level with X
import-no-level = toetsterm { $name } has no X under K, B, RV or PV

# Notes on what was derived rather than read.
import-note-empty-onderdeel = onderdeel { $naam } has no toetstermen
import-note-continuation = { $place }: { $text } is read as the continuation of "{ $label }" (a line break inside its cell)
import-note-beoordeling = beoordeling: { $n } waarnemingen "{ $waarneming }", read from the toetsvorm { $toetsvorm }; check it in the YAML
