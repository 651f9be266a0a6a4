//! Reads a toetsplan from the rows of an office document: the title line, the introduction, the
//! two-column metadata table, and the toetstermen table (its header may repeat at page breaks; a
//! row after a repeated header belongs to the onderdeel before it unless a new onderdeel row
//! follows). Whatever cannot be placed is reported with its place; nothing is guessed silently.
//!
//! This file owns the reader's state and the order of the steps, each in a file of its own:
//! `front_matter` (title, introduction, metadata labels), `table` (the toetstermen table's rows),
//! `columns` (where its columns are), `toetsterm` (one toetsterm row), `finish` (the checks across
//! the plan and its assembly) and `observations` (the beoordeling a toetsvorm names); `quote`
//! shows source text in messages.

mod columns;
mod finish;
mod front_matter;
mod observations;
mod quote;
mod table;
mod toetsterm;

use chrono::Datelike;

use super::{Imported, Place, Problem, Row, is_forbidden_control};
use quote::codepoint;
use toetsgen_base::msg;
use toetsgen_plan::model::Onderdeel;

/// Reads the plan, or every problem found.
pub(crate) fn read(rows: &[Row]) -> Result<Imported, Vec<Problem>> {
    let mut r = Reader::default();
    for row in rows {
        r.control_characters(row);
    }
    let table_start = rows.iter().position(table::is_header).unwrap_or(rows.len());
    r.front_matter(&rows[..table_start]);
    if table_start == rows.len() {
        let place = rows.last().map_or(Place::Line(1), |row| row.place);
        r.problem(place, msg!("import-no-table"));
    } else {
        r.table(&rows[table_start..]);
    }
    r.finish()
}

/// What has been read so far, and what was found wrong.
#[derive(Default)]
struct Reader {
    /// Everything that cannot be placed, in the order found.
    problems: Vec<Problem>,
    /// What was derived rather than read, for the user to check.
    notes: Vec<String>,
    /// The title line's "`<code>: <naam>`".
    title: Option<(Place, String)>,
    /// The paragraphs of the introduction.
    intro: Vec<String>,
    /// The metadata table: place, label (one of the known labels) and value.
    meta: Vec<(Place, &'static str, String)>,
    /// The onderdelen with their toetstermen.
    onderdelen: Vec<Onderdeel>,
    /// The TOTAAL row's number.
    totaal: Option<(Place, u32)>,
}

impl Reader {
    /// Records a problem at a place.
    fn problem(&mut self, place: Place, message: impl Into<String>) {
        self.problems.push(Problem {
            place,
            message: message.into(),
        });
    }

    /// Control characters other than tab and newline cannot go into a plan (the YAML must never
    /// hold them; line and page breaks were made newlines when the rows were read): each cell
    /// holding one is reported, its characters written as U+XXXX.
    fn control_characters(&mut self, row: &Row) {
        for (i, cell) in row.cells.iter().enumerate() {
            let found = forbidden_controls(cell);
            if found.is_empty() {
                continue;
            }
            let which = if row.cells.len() == 1 {
                msg!("import-which-text")
            } else {
                msg!("import-which-cell", cell = i + 1)
            };
            let list: Vec<String> = found.iter().map(|&c| codepoint(c)).collect();
            self.problem(
                row.place,
                msg!(
                    "import-control-characters",
                    which = which,
                    n = found.len(),
                    chars = list.join(", ")
                ),
            );
        }
    }
}

/// The control characters a cell holds that a plan cannot, each once, in order of appearance.
fn forbidden_controls(cell: &str) -> Vec<char> {
    let mut found: Vec<char> = Vec::new();
    for c in cell.chars().filter(|&c| is_forbidden_control(c)) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// A date the YAML can hold: years of four digits (chrono writes others with a sign).
fn four_digit_year(date: &chrono::NaiveDate) -> bool {
    (1000..=9999).contains(&date.year())
}

/// Whether a date that was read is too early to be a plan's date: a plan's dates start at
/// 1970-01-01, the earliest a PDF can carry (as `toetsgen check` says of a plan's YAML).
fn too_early(date: chrono::NaiveDate) -> bool {
    date < toetsgen_plan::limits::FIRST_DATE
}
