//! Where the columns of the toetstermen table are: read from each header row and the row naming
//! the levels after it, the columns before kept for what a header does not name.

use super::Reader;
use super::table::is_level_header;
use crate::Row;
use toetsgen_base::msg;
use toetsgen_plan::model::Niveau;

/// Where the columns of the toetstermen table are.
pub(super) struct Columns {
    /// The toetsterm's text.
    pub(super) tekst: usize,
    /// Its date of last change.
    pub(super) datum: usize,
    /// Its number of opdrachten, if the table has that column.
    pub(super) aantal: Option<usize>,
    /// The marks under K, B, RV and PV, in [`Niveau::ALL`]'s order.
    pub(super) niveaus: [usize; 4],
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            tekst: 1,
            datum: 2,
            aantal: Some(3),
            niveaus: [4, 5, 6, 7],
        }
    }
}

impl Reader {
    /// Reads the columns from a header row and the level row after it.
    pub(super) fn columns(&mut self, header: &Row, next: Option<&Row>, old: Columns) -> Columns {
        let find =
            |pred: &dyn Fn(&str) -> bool| header.cells.iter().position(|c| pred(&c.to_lowercase()));
        let tekst = find(&|c| c == "toetsterm").unwrap_or(old.tekst);
        let datum = find(&|c| c.contains("wijzigingsdatum")).unwrap_or(old.datum);
        let aantal = find(&|c| c.starts_with("aantal"));
        let niveaus = self.level_columns(header, next, old.niveaus);
        Columns {
            tekst,
            datum,
            aantal,
            niveaus,
        }
    }

    /// The columns of the levels, from the level row after a header (`next`); those it does not
    /// name, or all if there is no level row, stay where they were.
    fn level_columns(&mut self, header: &Row, next: Option<&Row>, old: [usize; 4]) -> [usize; 4] {
        let mut niveaus = old;
        match next.filter(|r| is_level_header(r)) {
            Some(levels) => {
                for (k, n) in Niveau::ALL.iter().enumerate() {
                    match levels.cells.iter().position(|c| c == n.code()) {
                        Some(col) => niveaus[k] = col,
                        None => self.problem(
                            levels.place,
                            msg!("import-level-column-missing", level = n.code()),
                        ),
                    }
                }
            }
            None => self.problem(header.place, msg!("import-no-level-row")),
        }
        niveaus
    }
}
