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
//!
//! This file owns the limits and the ways in; the steps are `archive` (unpacking
//! `word/document.xml` from the zip), `xml` (parsing it), `body` (walking the body into rows,
//! content controls opened) and `table` (a table's rows and cells, with their spans).

mod archive;
mod body;
mod table;
mod xml;

use std::io::Cursor;
use std::path::Path;

use anyhow::{Context, Result};
use roxmltree::Node;

use super::{MIB, Row};

/// The namespace of WordprocessingML, the `w:` of `word/document.xml`.
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
    let file = std::fs::File::open(path)
        .with_context(|| toetsgen_base::msg!("import-cannot-open", path = path))?;
    let size = file
        .metadata()
        .with_context(|| toetsgen_base::msg!("base-cannot-read", path = path))?
        .len();
    archive::check_file_size(size)?;
    rows_from_xml(&archive::document_xml(file)?)
}

/// The rows of a Word document given as its bytes (the same checks as [`rows`]).
pub fn rows_from_bytes(bytes: &[u8]) -> Result<Vec<Row>> {
    archive::check_file_size(bytes.len() as u64)?;
    rows_from_xml(&archive::document_xml(Cursor::new(bytes))?)
}

/// The rows of a document.xml.
pub fn rows_from_xml(xml: &str) -> Result<Vec<Row>> {
    let doc = xml::parse(xml)?;
    body::rows(&doc)
}

/// Whether a node is the WordprocessingML element `w:<name>`.
fn is(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

// Last in the file: the source scans of `tests/suite/lang.rs` read a file up to `#[cfg(test)]`.
#[cfg(test)]
mod tests;
