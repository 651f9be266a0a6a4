//! A Word document (.docx) read directly from its XML: the paragraphs outside tables become rows
//! of one cell, and each table row a row of its cells (a cell spanning columns is followed by
//! empty cells, so that columns keep their positions). No conversion program is needed.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};
use roxmltree::{Document, Node};

use super::{Place, Row};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The rows of a Word document, in document order; empty paragraphs are left out.
pub fn rows(path: &Path) -> Result<Vec<Row>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut zip = zip::ZipArchive::new(file)
        .context("the file is not a Word document (not a zip archive)")?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .context("the file is not a Word document (it has no word/document.xml)")?
        .read_to_string(&mut xml)
        .context("cannot read word/document.xml")?;
    rows_from_xml(&xml)
}

/// The rows of a document.xml.
pub fn rows_from_xml(xml: &str) -> Result<Vec<Row>> {
    let doc = Document::parse(xml).context("word/document.xml is not well-formed XML")?;
    let body = doc
        .descendants()
        .find(|n| is(n, "body"))
        .context("word/document.xml has no body")?;
    let mut rows = Vec::new();
    let (mut paragraphs, mut tables) = (0, 0);
    for node in blocks(body) {
        if is(&node, "p") {
            let text = paragraph_text(&node);
            paragraphs += 1;
            if !text.trim().is_empty() {
                rows.push(Row {
                    place: Place::Paragraph(paragraphs),
                    cells: vec![text.trim().to_owned()],
                });
            }
        } else if is(&node, "tbl") {
            tables += 1;
            for (r, tr) in node.children().filter(|n| is(n, "tr")).enumerate() {
                let mut cells = Vec::new();
                for tc in blocks(tr).into_iter().filter(|n| is(n, "tc")) {
                    let text: Vec<String> = blocks(tc)
                        .into_iter()
                        .filter(|n| is(n, "p"))
                        .map(|p| paragraph_text(&p))
                        .collect();
                    cells.push(text.join("\n").trim().to_owned());
                    for _ in 1..grid_span(&tc) {
                        cells.push(String::new());
                    }
                }
                if cells.iter().any(|c| !c.is_empty()) {
                    rows.push(Row {
                        place: Place::TableRow {
                            table: tables,
                            row: r + 1,
                        },
                        cells,
                    });
                }
            }
        }
    }
    Ok(rows)
}

/// The element children of a node, with content controls (`w:sdt`, which Word wraps around
/// parts of a document) opened up so that their paragraphs, tables, rows and cells count too.
fn blocks<'a, 'input>(node: Node<'a, 'input>) -> Vec<Node<'a, 'input>> {
    let mut out = Vec::new();
    for child in node.children().filter(Node::is_element) {
        if is(&child, "sdt") {
            for content in child.children().filter(|n| is(n, "sdtContent")) {
                out.extend(blocks(content));
            }
        } else {
            out.push(child);
        }
    }
    out
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

/// How many grid columns a cell spans.
fn grid_span(tc: &Node) -> usize {
    tc.children()
        .filter(|n| is(n, "tcPr"))
        .flat_map(|pr| pr.children())
        .find(|n| is(n, "gridSpan"))
        .and_then(|n| n.attribute((W, "val")))
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs (also inside content controls) and table rows become rows; a spanning cell keeps
    /// the columns in place.
    #[test]
    fn reads_paragraphs_and_tables() {
        let xml = format!(
            r#"<w:document xmlns:w="{W}"><w:body>
            <w:p><w:r><w:t>Toetsplan V1: Dienst</w:t></w:r><w:r><w:t>verlening</w:t></w:r></w:p>
            <w:p/>
            <w:sdt><w:sdtContent><w:p><w:r><w:t>Inleiding</w:t></w:r></w:p></w:sdtContent></w:sdt>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cesuur</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>16</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Onderdeel</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>X</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:body></w:document>"#
        );
        let rows = rows_from_xml(&xml).unwrap();
        assert_eq!(rows[0].cells, vec!["Toetsplan V1: Dienstverlening"]);
        assert_eq!(rows[1].cells, vec!["Inleiding"], "inside a content control");
        assert_eq!(rows[2].cells, vec!["Cesuur", "16"]);
        assert_eq!(rows[2].place, Place::TableRow { table: 1, row: 1 });
        assert_eq!(rows[3].cells, vec!["Onderdeel", "", "X"]);
    }
}
