//! The toetstermen table, from its first header row on: which row is a header, an onderdeel, a
//! toetsterm or the TOTAAL, and the rows of a text export broken inside a cell joined again.

use super::Reader;
use super::columns::Columns;
use super::quote::q;
use crate::{Place, Row};
use toetsgen_base::msg;
use toetsgen_plan::model::{Niveau, Onderdeel};

/// The first header row of the toetstermen table: "Naam onderdeel en toetsnummer", or any row
/// with the columns "Toetsterm" and "… wijzigingsdatum".
pub(super) fn is_header(row: &Row) -> bool {
    let lower: Vec<String> = row.cells.iter().map(|c| c.to_lowercase()).collect();
    lower
        .first()
        .is_some_and(|c| c.starts_with("naam onderdeel"))
        || (lower.iter().any(|c| c == "toetsterm")
            && lower.iter().any(|c| c.contains("wijzigingsdatum")))
}

/// The second header row: the level codes K, B, RV and PV and nothing else.
pub(super) fn is_level_header(row: &Row) -> bool {
    let filled: Vec<&String> = row.cells.iter().filter(|c| !c.is_empty()).collect();
    !filled.is_empty()
        && filled
            .iter()
            .all(|c| Niveau::ALL.iter().any(|n| n.code() == c.as_str()))
}

/// A toetsterm code: a plan code, a dot and a number, such as V1.01.
fn is_code(text: &str) -> bool {
    match text.split_once('.') {
        Some((a, b)) => {
            !a.is_empty()
                && !b.is_empty()
                && a.chars().all(|c| c.is_ascii_alphanumeric())
                && b.chars().all(|c| c.is_ascii_alphanumeric())
                && b.chars().next().is_some_and(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

impl Reader {
    /// The toetstermen table, from its first header row on.
    pub(super) fn table(&mut self, rows: &[Row]) {
        let rows = join_broken_rows(rows);
        let mut columns = Columns::default();
        let mut after_totaal = false;
        for (i, row) in rows.iter().enumerate() {
            let first = row.cells.first().map_or("", String::as_str);
            let rest_empty = row.cells.iter().skip(1).all(String::is_empty);
            if is_header(row) {
                columns = self.columns(row, rows.get(i + 1), columns);
            } else if is_level_header(row) {
                // the second header row, read with the first
            } else if let Place::Paragraph(_) = row.place {
                self.problem(
                    row.place,
                    msg!("import-text-between-tables", text = q(first)),
                );
            } else if after_totaal {
                self.problem(row.place, msg!("import-row-after-totaal"));
            } else if first.to_uppercase().starts_with("TOTAAL") {
                after_totaal = true;
                self.totaal(row, &columns);
            } else if is_code(first) {
                self.toetsterm(row, &columns);
            } else if !first.is_empty() && rest_empty {
                self.onderdelen.push(Onderdeel {
                    naam: first.to_owned(),
                    toetstermen: Vec::new(),
                });
            } else if first.is_empty() {
                self.without_code(row);
            } else {
                self.problem(row.place, msg!("import-row-unplaced", text = q(first)));
            }
        }
    }

    /// A row with text but an empty first column: reported with its first text.
    fn without_code(&mut self, row: &Row) {
        let text = row
            .cells
            .iter()
            .find(|c| !c.is_empty())
            .cloned()
            .unwrap_or_default();
        self.problem(row.place, msg!("import-row-without-code", text = q(&text)));
    }

    /// The TOTAAL row: its number from the column of opdrachten, or else its first filled cell.
    fn totaal(&mut self, row: &Row, columns: &Columns) {
        let from_column = columns
            .aantal
            .and_then(|i| row.cells.get(i))
            .filter(|c| !c.is_empty());
        let text = from_column.or_else(|| row.cells.iter().skip(1).find(|c| !c.is_empty()));
        match text.map(|t| t.parse::<u32>()) {
            None => {}
            Some(Ok(n)) => self.totaal = Some((row.place, n)),
            Some(Err(_)) => self.problem(
                row.place,
                msg!(
                    "import-totaal-not-number",
                    text = q(text.map_or("", String::as_str))
                ),
            ),
        }
    }
}

/// Rows of a text export broken by a line break inside a cell, joined again: a toetsterm row with
/// fewer cells than the table is wide takes the following lines until it is complete, the line
/// break kept inside the cell.
fn join_broken_rows(rows: &[Row]) -> Vec<Row> {
    let width = rows
        .iter()
        .find(|r| is_header(r))
        .map_or(0, |r| r.cells.len());
    let mut out: Vec<Row> = Vec::new();
    let mut open = false;
    for row in rows {
        let text_line = matches!(row.place, Place::Line(_));
        match out.last_mut() {
            Some(last)
                if open && text_line && !is_code(row.cells.first().map_or("", String::as_str)) =>
            {
                let mut cells = row.cells.iter();
                if let (Some(tail), Some(head)) = (last.cells.last_mut(), cells.next()) {
                    tail.push('\n');
                    tail.push_str(head);
                }
                last.cells.extend(cells.cloned());
            }
            _ => out.push(row.clone()),
        }
        let last = out.last().expect("a row was just added");
        open = text_line
            && last.cells.len() < width
            && is_code(last.cells.first().map_or("", String::as_str));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line break inside a cell of a text export splits its row; the row is joined again.
    #[test]
    fn joins_rows_broken_inside_a_cell() {
        let rows = crate::text::rows(
            "Naam onderdeel\tToetsterm\tLaatste wijzigingsdatum\tK\nV1.01\tEerste regel\nTweede regel\t1-9-2021\tX\nV1.02\tB\t1-9-2021\tX\n",
        )
        .unwrap();
        let joined = join_broken_rows(&rows);
        assert_eq!(joined.len(), 3);
        assert_eq!(
            joined[1].cells,
            vec!["V1.01", "Eerste regel\nTweede regel", "1-9-2021", "X"]
        );
        assert_eq!(joined[1].place, Place::Line(2));
    }

    /// Codes are a plan code, a dot and a number.
    #[test]
    fn recognises_codes() {
        assert!(is_code("V1.01"));
        assert!(is_code("B12.3a"));
        assert!(!is_code("TOTAAL:"));
        assert!(!is_code("Communiceren met de klant."));
    }
}
