//! `toetsgen import`: an existing toetsplan — a text export of the office's Word document, or the
//! Word document (.docx) itself — turned into the YAML of SPEC.md. Both sources are first read as
//! the same thing, a list of rows of cells with their place in the source ([`Row`]); [`plan`]
//! then reads a toetsplan from those rows, reporting everything it cannot place instead of
//! guessing, and [`yaml`] writes it in SPEC.md's field order.
//!
//! The files come from outside and may be damaged or hostile, so every read is bounded: the file
//! sizes, the number of cells, the columns of a row and, for a Word document, the XML inside it
//! ([`docx`] lists those limits). A source over a limit is refused with a message naming the
//! limit; nothing is written then.

pub mod docx;
mod markup;
mod plan;
pub mod text;
pub mod yaml;

use std::fmt;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};

use toetsgen_base::msg;
use toetsgen_plan::model::Toetsplan;

/// One mebibyte.
pub const MIB: u64 = 1024 * 1024;

/// The largest text export read. A toetsplan's export is about 10 KB.
pub const MAX_TEXT_BYTES: u64 = 8 * MIB;

/// The most cells a row may have (a paragraph is one cell). A toetsplan's widest table has 8
/// columns.
pub const MAX_COLUMNS: usize = 64;

/// The most cells read from one source, paragraphs counted as one cell each. A toetsplan has a
/// few hundred (the V1 plan: about 250).
pub const MAX_CELLS: usize = 100_000;

/// One line of a text export, or one paragraph or table row of a Word document.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Where it is in the source, for messages.
    pub place: Place,
    /// Its cells (a paragraph is one cell), each trimmed, with every kind of line break made `\n`
    /// (see [`clean_cell`]).
    pub cells: Vec<String>,
}

/// A place in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// A 1-based line of a text export.
    Line(usize),
    /// A paragraph of a Word document (1-based, counting the paragraphs outside tables).
    Paragraph(usize),
    /// A row of a table of a Word document (both 1-based).
    TableRow {
        /// Which table.
        table: usize,
        /// Which row.
        row: usize,
    },
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match *self {
            Place::Line(n) => msg!("import-place-line", n = n),
            Place::Paragraph(n) => msg!("import-place-paragraph", n = n),
            Place::TableRow { table, row } => {
                msg!("import-place-table-row", table = table, row = row)
            }
        };
        f.write_str(&text)
    }
}

/// A problem in the source: where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where.
    pub place: Place,
    /// What cannot be placed.
    pub message: String,
}

/// What an import produced: the plan, and notes on what was derived rather than read.
#[derive(Debug)]
pub struct Imported {
    /// The plan.
    pub plan: Toetsplan,
    /// Things the user should check, e.g. a beoordeling derived from the toetsvorm.
    pub notes: Vec<String>,
}

/// Reads a toetsplan from a text export (`.txt`) or a Word document (`.docx`).
pub fn import(path: &Path) -> Result<std::result::Result<Imported, Vec<Problem>>> {
    let is_docx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    let rows = if is_docx {
        docx::rows(path).with_context(|| msg!("import-cannot-read-docx", path = path))?
    } else {
        let bytes = read_text_export(path)?;
        match text::decode(&bytes) {
            Ok(text) => {
                text::rows(&text).with_context(|| msg!("import-cannot-read-text", path = path))?
            }
            Err(line) => bail!(msg!("import-not-utf8", path = path, line = line)),
        }
    };
    Ok(plan::read(&rows))
}

/// The bytes of a text export, refused above [`MAX_TEXT_BYTES`] (read with a limit, so that a
/// file growing meanwhile or a device without a size cannot exceed it).
fn read_text_export(path: &Path) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).with_context(|| msg!("base-cannot-read", path = path))?;
    let mut bytes = Vec::new();
    file.take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .with_context(|| msg!("base-cannot-read", path = path))?;
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        bail!(msg!(
            "import-text-too-large",
            path = path,
            max = MAX_TEXT_BYTES / MIB
        ));
    }
    Ok(bytes)
}

/// Whether a character is a line break of some kind other than `\n`: a manual line break or page
/// break as Word keeps them (vertical tab, form feed), a carriage return, or Unicode's next-line,
/// line-separator and paragraph-separator characters.
fn is_other_break(c: char) -> bool {
    matches!(
        c,
        '\u{0B}' | '\u{0C}' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A cell's text as the plan gets it: every kind of line break made `\n` (`\r\n` counts as one),
/// then trimmed. Other control characters are left for [`plan::read`] to report.
pub fn clean_cell(text: &str) -> String {
    let text = text.trim();
    if !text.contains(is_other_break) {
        return text.to_owned();
    }
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| if is_other_break(c) { '\n' } else { c })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Whether a character may not go into a plan: a control character other than tab and newline.
pub fn is_forbidden_control(c: char) -> bool {
    c.is_control() && c != '\t' && c != '\n'
}

/// Counts the cells read against [`MAX_CELLS`].
#[derive(Debug, Default)]
struct CellCount(usize);

impl CellCount {
    /// Adds `n` cells; fails, naming `place`, beyond the limit.
    fn add(&mut self, n: usize, place: Place) -> Result<()> {
        self.0 += n;
        if self.0 > MAX_CELLS {
            bail!(msg!(
                "import-too-many-cells",
                place = place.to_string(),
                max = MAX_CELLS
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Word's manual line and page breaks and Unicode's line separators become newlines; other
    /// control characters stay (for the plan reader to report).
    #[test]
    fn cleans_line_breaks_only() {
        assert_eq!(
            clean_cell(" a\u{0B}b\u{0C}c\r\nd\re\u{85}f\u{2028}g\u{2029}h \u{0C}"),
            "a\nb\nc\nd\ne\nf\ng\nh"
        );
        assert_eq!(clean_cell("a\u{1B}b\t"), "a\u{1B}b");
        assert!(is_forbidden_control('\u{1B}'));
        assert!(is_forbidden_control('\u{9B}'));
        assert!(!is_forbidden_control('\t'));
        assert!(!is_forbidden_control('\n'));
    }
}
