//! The front matter: everything before the toetstermen table — the title line, the introduction
//! and the two-column metadata table, whose labels (and the other names the office uses for
//! them) this file knows.

use super::Reader;
use super::quote::q;
use crate::{Place, Row};
use toetsgen_base::msg;

/// The labels of the metadata table, as the plan's fields are read from them.
const LABELS: [&str; 9] = [
    "Ingangsdatum",
    "Naam van de toets", // document text
    "Toetsvorm",
    "Toegestane tijd",
    "Aantal vragen",
    "Cesuur",
    "Scoringsregels",
    "Toegestane hulpmiddelen",
    "Instructies",
];

/// Other names the office's documents use for a label.
const ALIASES: [(&str, &str); 3] = [
    ("Hulpmiddelen", "Toegestane hulpmiddelen"),
    ("Naam toets", "Naam van de toets"),  // document text
    ("Datum van ingang", "Ingangsdatum"), // document text
];

/// The cells of a row without the empty ones at the end.
fn filled(row: &Row) -> &[String] {
    let end = row
        .cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |i| i + 1);
    &row.cells[..end]
}

impl Reader {
    /// Title, introduction and metadata table: everything before the toetstermen table.
    pub(super) fn front_matter(&mut self, rows: &[Row]) {
        for row in rows {
            let cells = filled(row);
            match cells {
                [] => {}
                [text] if self.title.is_none() && text.starts_with("Toetsplan ") => {
                    self.title = Some((row.place, text["Toetsplan ".len()..].trim().to_owned()));
                }
                [text] if self.meta.is_empty() => self.intro.push(text.clone()),
                [label, value] => self.metadata(row.place, label, value),
                [text] if matches!(row.place, Place::Line(_)) => self.continuation(row.place, text),
                [first] => self.problem(
                    row.place,
                    msg!("import-text-after-metadata", text = q(first)),
                ),
                _ => self.problem(row.place, msg!("import-metadata-cells", n = cells.len())),
            }
        }
    }

    /// A line break inside a value's cell: the text export puts the rest on a line of its own,
    /// added here to the last value read.
    fn continuation(&mut self, place: Place, text: &str) {
        if let Some((_, label, value)) = self.meta.last_mut() {
            value.push('\n');
            value.push_str(text);
            self.notes.push(msg!(
                "import-note-continuation",
                place = place.to_string(),
                text = q(text),
                label = *label
            ));
        }
    }

    /// A row of the metadata table: a known label (or another name for it), once, and its value.
    fn metadata(&mut self, place: Place, label: &str, value: &str) {
        let label = label.trim_end_matches(':').trim();
        let label = ALIASES
            .iter()
            .find(|(alias, _)| alias.eq_ignore_ascii_case(label))
            .map_or(label, |(_, l)| l);
        match LABELS.iter().find(|l| l.eq_ignore_ascii_case(label)) {
            Some(known) if self.meta.iter().any(|(_, l, _)| l == known) => {
                self.problem(place, msg!("import-label-twice", label = *known));
            }
            Some(known) => self.meta.push((place, known, value.to_owned())),
            None => self.problem(
                place,
                msg!(
                    "import-unknown-label",
                    label = q(label),
                    labels = LABELS.join(", ")
                ),
            ),
        }
    }
}
