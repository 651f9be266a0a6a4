//! A Word document (.docx) read directly from its XML: the paragraphs outside tables become rows
//! of one cell, and each table row a row of its cells (a cell spanning columns is followed by
//! empty cells, so that columns keep their positions). No conversion program is needed.
//!
//! A .docx is a zip archive that may be damaged or hostile, so every step is bounded and nothing
//! is sized by a number read from the file: the file itself ([`MAX_FILE_BYTES`]), the parts in
//! the archive ([`MAX_ENTRIES`]), the unpacked `word/document.xml` ([`MAX_XML_BYTES`], read with a
//! limit whatever the archive claims), its XML ([`MAX_XML_NODES`], no DTD, and the attribute and
//! namespace limits of `markup`), content controls nested in each other ([`MAX_NESTING`], walked
//! without recursion), the columns of a table ([`MAX_COLUMNS`](super::MAX_COLUMNS), a cell's
//! `w:gridSpan` within the table's grid) and the cells in all ([`MAX_CELLS`](super::MAX_CELLS)).
//! Measured (README, "Limits of the import"): any .docx is read or refused in well under a
//! second and 100 MiB.

use std::io::{Cursor, Read, Seek};
use std::path::Path;

use anyhow::{Context, Result, anyhow, bail};
use roxmltree::{Document, Node, ParsingOptions};

use super::{CellCount, MAX_COLUMNS, MIB, Place, Row, clean_cell, markup};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The largest .docx read. A toetsplan's document is about 20–100 KB; Word documents grow large
/// only through pictures and embedded fonts, which an import does not need.
pub const MAX_FILE_BYTES: u64 = 16 * MIB;

/// The most parts (zip entries) a .docx may hold. Word writes about 10–20.
pub const MAX_ENTRIES: usize = 1_000;

/// The largest unpacked `word/document.xml`. The V1 plan's is 136 KB.
pub const MAX_XML_BYTES: u64 = 8 * MIB;

/// The most XML nodes (elements, texts, comments) in `word/document.xml`. The V1 plan's has
/// about 5,000.
pub const MAX_XML_NODES: u32 = 400_000;

/// The deepest content controls (`w:sdt`) may be nested in each other at one level of the
/// document (body, table, row or cell). Word nests a few at most.
pub const MAX_NESTING: usize = 64;

/// The part of a .docx that holds its text.
const DOCUMENT_XML: &str = "word/document.xml";

/// The rows of a Word document, in document order; empty paragraphs are left out.
pub fn rows(path: &Path) -> Result<Vec<Row>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let size = file
        .metadata()
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    check_file_size(size)?;
    rows_from_zip(file)
}

/// The rows of a Word document given as its bytes (the same checks as [`rows`]).
pub fn rows_from_bytes(bytes: &[u8]) -> Result<Vec<Row>> {
    check_file_size(bytes.len() as u64)?;
    rows_from_zip(Cursor::new(bytes))
}

fn check_file_size(size: u64) -> Result<()> {
    if size > MAX_FILE_BYTES {
        bail!(
            "the file is {:.1} MiB, more than the {} MiB allowed (a toetsplan's document is about 0.1 MiB; pictures and embedded fonts make it large): save a copy without pictures, or split it into one document per toetsplan",
            size as f64 / MIB as f64,
            MAX_FILE_BYTES / MIB
        );
    }
    Ok(())
}

fn rows_from_zip<R: Read + Seek>(reader: R) -> Result<Vec<Row>> {
    let mut zip = zip::ZipArchive::new(reader).context(
        "the file is not a Word document (not a zip archive): save it from Word as \"Word Document (.docx)\"; a password-protected document must have its password removed first",
    )?;
    if zip.len() > MAX_ENTRIES {
        bail!(
            "the file holds {} parts, more than the {MAX_ENTRIES} allowed (Word writes about 15): it is not a Word document as Word saves it; open it in Word and save it again",
            zip.len()
        );
    }
    let entry = zip.by_name(DOCUMENT_XML).map_err(|e| match e {
        zip::result::ZipError::FileNotFound => anyhow!(
            "the file is not a Word document (it has no {DOCUMENT_XML}): save it from Word as \"Word Document (.docx)\""
        ),
        e => anyhow!(
            "cannot unpack {DOCUMENT_XML} ({e}): the document is damaged or not saved by Word; open it in Word and save it again"
        ),
    })?;
    // Read with a limit whatever size the archive states: the stated size can lie.
    let mut bytes = Vec::new();
    entry
        .take(MAX_XML_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            anyhow!(
                "cannot unpack {DOCUMENT_XML} ({e}): the document is damaged or not saved by Word; open it in Word and save it again"
            )
        })?;
    if bytes.len() as u64 > MAX_XML_BYTES {
        bail!(
            "{DOCUMENT_XML} unpacks to more than {} MiB, the limit (a toetsplan's is about 0.2 MiB): save the document again from Word, or split it into one document per toetsplan",
            MAX_XML_BYTES / MIB
        );
    }
    let xml = String::from_utf8(bytes).map_err(|_| {
        anyhow!("{DOCUMENT_XML} is not UTF-8 text: the document is damaged; open it in Word and save it again")
    })?;
    rows_from_xml(&xml)
}

/// The rows of a document.xml.
pub fn rows_from_xml(xml: &str) -> Result<Vec<Row>> {
    if xml.len() as u64 > MAX_XML_BYTES {
        bail!(
            "{DOCUMENT_XML} is more than {} MiB, the limit",
            MAX_XML_BYTES / MIB
        );
    }
    markup::check(DOCUMENT_XML, xml)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(xml, options).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => anyhow!(
            "{DOCUMENT_XML} has more than {MAX_XML_NODES} XML nodes, the limit (a toetsplan's has about 5,000): check that this is one toetsplan, or split it into one document per toetsplan"
        ),
        roxmltree::Error::DtdDetected => anyhow!(
            "{DOCUMENT_XML} has a document type declaration (<!DOCTYPE>), which Word never writes: open the document in Word and save it again"
        ),
        e => anyhow!(
            "{DOCUMENT_XML} is not well-formed XML ({e}): the document is damaged; open it in Word and save it again"
        ),
    })?;
    let body = doc
        .root_element()
        .children()
        .find(|n| is(n, "body"))
        .with_context(|| format!("{DOCUMENT_XML} has no w:body under its root: the document is damaged; open it in Word and save it again"))?;
    let mut reader = Reader::default();
    for node in blocks(body, || "the body of the document".to_owned())? {
        if is(&node, "p") {
            reader.paragraph(&node)?;
        } else if is(&node, "tbl") {
            reader.table(&node)?;
        }
    }
    Ok(reader.rows)
}

#[derive(Default)]
struct Reader {
    rows: Vec<Row>,
    paragraphs: usize,
    tables: usize,
    cells: CellCount,
}

impl Reader {
    /// A paragraph outside the tables: a row of one cell, unless empty.
    fn paragraph(&mut self, p: &Node) -> Result<()> {
        self.paragraphs += 1;
        let text = clean_cell(&paragraph_text(p));
        if !text.is_empty() {
            let place = Place::Paragraph(self.paragraphs);
            self.cells.add(1, place)?;
            self.rows.push(Row {
                place,
                cells: vec![text],
            });
        }
        Ok(())
    }

    /// A table: a row per table row that has text, a cell spanning columns followed by empty
    /// cells. The columns are the table's grid (`w:tblGrid`), at most [`MAX_COLUMNS`].
    fn table(&mut self, tbl: &Node) -> Result<()> {
        self.tables += 1;
        let table = self.tables;
        let grid = tbl
            .children()
            .filter(|n| is(n, "tblGrid"))
            .flat_map(|g| g.children())
            .filter(|n| is(n, "gridCol"))
            .take(MAX_COLUMNS + 1)
            .count();
        if grid > MAX_COLUMNS {
            bail!(
                "table {table} has more than {MAX_COLUMNS} columns (w:gridCol), the limit (a toetsplan's table has 8): check that this is a toetsplan"
            );
        }
        // Word always writes the grid; without one, a row may still have at most MAX_COLUMNS.
        let width = if grid == 0 { MAX_COLUMNS } else { grid };
        let trs = blocks(*tbl, || format!("table {table}"))?;
        for (r, tr) in trs.into_iter().filter(|n| is(n, "tr")).enumerate() {
            let place = Place::TableRow { table, row: r + 1 };
            let cells = self.cells_of(tr, place, width, grid)?;
            if cells.iter().any(|c| !c.is_empty()) {
                self.cells.add(cells.len(), place)?;
                self.rows.push(Row { place, cells });
            }
        }
        Ok(())
    }

    /// The cells of a table row, `width` columns at most.
    fn cells_of(&self, tr: Node, place: Place, width: usize, grid: usize) -> Result<Vec<String>> {
        let fix =
            "the document is damaged or was not made by Word; open it in Word and save it again";
        let has = if grid == 0 {
            format!("a table may have at most {MAX_COLUMNS}")
        } else {
            format!("the table has {grid} (w:tblGrid)")
        };
        let mut cells = Vec::new();
        for tc in blocks(tr, || place.to_string())?
            .into_iter()
            .filter(|n| is(n, "tc"))
        {
            let span = match grid_span(&tc) {
                None => 1,
                Some(v) => match v.trim().parse::<usize>() {
                    Ok(n) if (1..=width).contains(&n) => n,
                    _ => bail!(
                        "{place}: a cell spans {:?} columns (w:gridSpan), but {has}: {fix}",
                        v.chars().take(40).collect::<String>()
                    ),
                },
            };
            if cells.len() + span > width {
                bail!("{place}: the cells span more than {width} columns, but {has}: {fix}");
            }
            let mut text = Vec::new();
            for block in blocks(tc, || place.to_string())? {
                if is(&block, "p") {
                    text.push(paragraph_text(&block));
                } else if is(&block, "tbl") {
                    bail!(
                        "{place}: a cell holds a table of its own; a toetsplan's tables are not nested: move that table's text out of the cell"
                    );
                }
            }
            cells.push(clean_cell(&text.join("\n")));
            cells.resize(cells.len() + span - 1, String::new());
        }
        Ok(cells)
    }
}

/// The element children of a node, with content controls (`w:sdt`, which Word wraps around
/// parts of a document) opened up so that their paragraphs, tables, rows and cells count too.
/// Walked with a stack of its own, not by recursion; controls nested deeper than
/// [`MAX_NESTING`] are refused, naming `place`.
fn blocks<'a, 'input>(
    node: Node<'a, 'input>,
    place: impl Fn() -> String,
) -> Result<Vec<Node<'a, 'input>>> {
    let mut out = Vec::new();
    // Each level: the children being walked, and whether they are those of a content control
    // (of which only `w:sdtContent` holds content).
    let mut stack = vec![(node.children(), false)];
    while let Some((children, in_control)) = stack.last_mut() {
        let in_control = *in_control;
        let Some(child) = children.next() else {
            stack.pop();
            continue;
        };
        if in_control {
            if is(&child, "sdtContent") {
                stack.push((child.children(), false));
            }
        } else if is(&child, "sdt") {
            if stack.len() > 2 * MAX_NESTING {
                bail!(
                    "{}: content controls (w:sdt) are nested more than {MAX_NESTING} deep, the limit (Word documents nest a few): remove the content controls (Developer → Design Mode, or save a copy as a Word document without them)",
                    place()
                );
            }
            stack.push((child.children(), true));
        } else if child.is_element() {
            out.push(child);
        }
    }
    Ok(out)
}

fn is(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// The text of a paragraph: its runs' text, tabs and line breaks.
fn paragraph_text(p: &Node) -> String {
    let mut out = String::new();
    for n in p.descendants() {
        if is(&n, "t") {
            out.push_str(n.text().unwrap_or_default());
        } else if is(&n, "tab") {
            out.push('\t');
        } else if is(&n, "br") || is(&n, "cr") {
            out.push('\n');
        } else if is(&n, "noBreakHyphen") {
            out.push('-');
        }
    }
    out
}

/// The `w:gridSpan` of a cell, as written.
fn grid_span<'a>(tc: &Node<'a, '_>) -> Option<&'a str> {
    tc.children()
        .filter(|n| is(n, "tcPr"))
        .flat_map(|pr| pr.children())
        .find(|n| is(n, "gridSpan"))
        .and_then(|n| n.attribute((W, "val")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(body: &str) -> String {
        format!(r#"<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#)
    }

    fn cell(text: &str) -> String {
        format!("<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    /// Paragraphs (also inside content controls) and table rows become rows; a spanning cell keeps
    /// the columns in place.
    #[test]
    fn reads_paragraphs_and_tables() {
        let xml = document(
            r#"
            <w:p><w:r><w:t>Toetsplan V1: Dienst</w:t></w:r><w:r><w:t>verlening</w:t></w:r></w:p>
            <w:p/>
            <w:sdt><w:sdtContent><w:p><w:r><w:t>Inleiding</w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cesuur</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>16</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Onderdeel</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>X</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            "#,
        );
        let rows = rows_from_xml(&xml).unwrap();
        assert_eq!(rows[0].cells, vec!["Toetsplan V1: Dienstverlening"]);
        assert_eq!(rows[1].cells, vec!["Inleiding"], "inside a content control");
        assert_eq!(rows[2].cells, vec!["Cesuur", "16"]);
        assert_eq!(rows[2].place, Place::TableRow { table: 1, row: 1 });
        assert_eq!(rows[3].cells, vec!["Onderdeel", "", "X"]);
    }

    /// A table's grid bounds its rows: a span within it is read, a span beyond it, a row wider
    /// than it, or a grid over 64 columns is refused with the table and row.
    #[test]
    fn grid_bounds_the_columns() {
        let grid = |n: usize| format!("<w:tblGrid>{}</w:tblGrid>", "<w:gridCol/>".repeat(n));
        let span = |v: &str| {
            format!(
                r#"<w:tc><w:tcPr><w:gridSpan w:val="{v}"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>"#
            )
        };
        let table = |grid: String, row: String| {
            document(&format!(
                "<w:tbl>{grid}<w:tr>{}</w:tr><w:tr>{row}</w:tr></w:tbl>",
                cell("x")
            ))
        };
        let rows = rows_from_xml(&table(grid(3), span("2") + &cell("b"))).unwrap();
        assert_eq!(rows[1].cells, vec!["a", "", "b"]);
        for (xml, expected) in [
            (
                table(grid(3), span("2000000000")),
                "table 1, row 2: a cell spans \"2000000000\" columns (w:gridSpan), but the table has 3 (w:tblGrid)",
            ),
            (
                table(grid(3), span("0")),
                "table 1, row 2: a cell spans \"0\" columns",
            ),
            (
                table(String::new(), span("65")),
                "a cell spans \"65\" columns (w:gridSpan), but a table may have at most 64",
            ),
            (
                table(grid(3), span("2") + &span("2")),
                "table 1, row 2: the cells span more than 3 columns, but the table has 3",
            ),
            (
                table(grid(65), cell("a")),
                "table 1 has more than 64 columns (w:gridCol), the limit",
            ),
        ] {
            let err = rows_from_xml(&xml).unwrap_err().to_string();
            assert!(err.contains(expected), "{err}");
        }
    }

    /// Content controls nested up to the limit are opened; one level more is refused, naming
    /// where (no recursion: the depth is counted on a stack of its own).
    #[test]
    fn nesting_is_bounded() {
        let nested = |n: usize| {
            document(&format!(
                "{}<w:p><w:r><w:t>diep</w:t></w:r></w:p>{}",
                "<w:sdt><w:sdtContent>".repeat(n),
                "</w:sdtContent></w:sdt>".repeat(n)
            ))
        };
        assert_eq!(
            rows_from_xml(&nested(MAX_NESTING)).unwrap()[0].cells,
            ["diep"]
        );
        let err = rows_from_xml(&nested(MAX_NESTING + 1))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "the body of the document: content controls (w:sdt) are nested more than 64 deep"
            ),
            "{err}"
        );
        let in_cell = document(&format!(
            "<w:tbl><w:tr><w:tc><w:tbl><w:tr>{}</w:tr></w:tbl></w:tc></w:tr></w:tbl>",
            cell("a")
        ));
        let err = rows_from_xml(&in_cell).unwrap_err().to_string();
        assert!(
            err.starts_with("table 1, row 1: a cell holds a table of its own"),
            "{err}"
        );
    }

    /// Word's line break (`w:br`) and the Unicode line breaks a text may hold (XML allows no
    /// vertical tab or form feed) become newlines in the cell.
    #[test]
    fn line_breaks_become_newlines() {
        let xml = document(&format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            cell("a&#x85;b"),
            "<w:tc><w:p><w:r><w:t>c</w:t><w:br/><w:t>d&#x2028;e</w:t></w:r></w:p></w:tc>"
        ));
        assert_eq!(rows_from_xml(&xml).unwrap()[0].cells, ["a\nb", "c\nd\ne"]);
    }

    /// XML that would make the parser slow or large is refused before it is parsed, and the
    /// parser itself stops at the node limit and refuses a DTD.
    #[test]
    fn xml_is_bounded() {
        let attrs: String = (0..33).map(|i| format!(" w:a{i}=\"\"")).collect();
        let err = rows_from_xml(&document(&format!("<w:p{attrs}/>")))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("an element has 33 attributes, more than the 32 allowed"),
            "{err}"
        );
        let decls: String = (0..300).map(|i| format!(" xmlns:n{i}=\"u\"")).collect();
        let err = rows_from_xml(&document(&format!("<w:p{decls}/>")))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("more than 256 namespace declarations"),
            "{err}"
        );
        let err = rows_from_xml(&document(&"<w:p/>".repeat(MAX_XML_NODES as usize)))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("has more than 400000 XML nodes, the limit"),
            "{err}"
        );
        let dtd = format!("<!DOCTYPE d [<!ENTITY e \"x\">]>{}", document(""));
        let err = rows_from_xml(&dtd).unwrap_err().to_string();
        assert!(err.contains("has a document type declaration"), "{err}");
    }
}
