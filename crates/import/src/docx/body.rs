//! Walking the body of `word/document.xml` into rows: each paragraph outside the tables a row of
//! one cell, the tables handed to `table`, content controls (`w:sdt`) opened up on a stack of
//! their own, at most [`MAX_NESTING`] deep.

use anyhow::{Context, Result, bail};
use roxmltree::{Document, Node};

use super::{DOCUMENT_XML, MAX_NESTING, is};
use crate::{CellCount, Place, Row, clean_cell};
use toetsgen_base::msg;

/// The rows read so far, and the counters that place and bound them.
#[derive(Default)]
pub(super) struct Reader {
    /// The rows, in document order.
    pub(super) rows: Vec<Row>,
    /// The paragraphs outside tables met so far, empty ones too.
    pub(super) paragraphs: usize,
    /// The tables met so far.
    pub(super) tables: usize,
    /// The cells read, against [`MAX_CELLS`](crate::MAX_CELLS).
    pub(super) cells: CellCount,
}

/// The rows of a parsed document.xml, from its `w:body`.
pub(super) fn rows(doc: &Document) -> Result<Vec<Row>> {
    let body = doc
        .root_element()
        .children()
        .find(|n| is(n, "body"))
        .with_context(|| msg!("import-no-body", part = DOCUMENT_XML))?;
    let mut reader = Reader::default();
    for node in blocks(body, || msg!("import-place-body"))? {
        if is(&node, "p") {
            reader.paragraph(&node)?;
        } else if is(&node, "tbl") {
            reader.table(&node)?;
        }
    }
    Ok(reader.rows)
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
}

/// The element children of a node, with content controls (`w:sdt`, which Word wraps around
/// parts of a document) opened up so that their paragraphs, tables, rows and cells count too.
/// Walked with a stack of its own, not by recursion; controls nested deeper than
/// [`MAX_NESTING`] are refused, naming `place`.
pub(super) fn blocks<'a, 'input>(
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
                bail!(msg!(
                    "import-nested-controls",
                    place = place(),
                    max = MAX_NESTING
                ));
            }
            stack.push((child.children(), true));
        } else if child.is_element() {
            out.push(child);
        }
    }
    Ok(out)
}

/// The text of a paragraph: its runs' text, tabs and line breaks.
pub(super) fn paragraph_text(p: &Node) -> String {
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
