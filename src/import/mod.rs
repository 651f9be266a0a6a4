//! `toetsgen import`: an existing toetsplan — a text export of the office's Word document, or the
//! Word document (.docx) itself — turned into the YAML of SPEC.md. Both sources are first read as
//! the same thing, a list of rows of cells with their place in the source ([`Row`]); [`plan`]
//! then reads a toetsplan from those rows, reporting everything it cannot place instead of
//! guessing, and [`yaml`] writes it in SPEC.md's field order.

pub mod docx;
pub mod plan;
pub mod text;
pub mod yaml;

use std::fmt;
use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::plan::model::Toetsplan;

/// One line of a text export, or one paragraph or table row of a Word document.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Where it is in the source, for messages.
    pub place: Place,
    /// Its cells (a paragraph is one cell), each trimmed.
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
        match self {
            Place::Line(n) => write!(f, "line {n}"),
            Place::Paragraph(n) => write!(f, "paragraph {n}"),
            Place::TableRow { table, row } => write!(f, "table {table}, row {row}"),
        }
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
        docx::rows(path)
            .with_context(|| format!("cannot read the Word document {}", path.display()))?
    } else {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        match text::decode(&bytes) {
            Ok(text) => text::rows(&text),
            Err(line) => bail!(
                "{}: line {line} is not UTF-8: save the export as Unicode text (Word: Save as → Plain text → UTF-8)",
                path.display()
            ),
        }
    };
    Ok(plan::read(&rows))
}
