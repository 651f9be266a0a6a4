//! One toetsterm row of the table: its code, text, date, number of opdrachten and level marks,
//! each checked, and the toetsterm added to the onderdeel before it.

use chrono::NaiveDate;

use super::columns::Columns;
use super::quote::{q, short};
use super::{Reader, four_digit_year, too_early};
use crate::{Place, Row};
use toetsgen_base::msg;
use toetsgen_plan::dates;
use toetsgen_plan::model::{Datum, Niveau, Toetsterm};

impl Reader {
    /// A row whose first cell is a toetsterm code.
    pub(super) fn toetsterm(&mut self, row: &Row, columns: &Columns) {
        let cell = |i: usize| row.cells.get(i).map_or("", String::as_str);
        let place = row.place;
        let code = cell(0).to_owned();
        let name = short(&code);
        let tekst = cell(columns.tekst).to_owned();
        if tekst.is_empty() {
            self.problem(place, msg!("import-term-no-text", name = &name));
        }
        let datum = self.datum(place, &name, cell(columns.datum));
        let aantal = self.aantal(place, &name, columns.aantal.map(cell));
        let niveaus = self.niveaus(place, &name, columns.niveaus.map(cell));
        let Some(onderdeel) = self.onderdelen.last_mut() else {
            self.problem(place, msg!("import-term-before-onderdeel", name = &name));
            return;
        };
        if let Some(datum) = datum {
            onderdeel.toetstermen.push(Toetsterm {
                code,
                tekst,
                gewijzigd: Datum(datum),
                niveaus,
                aantal_opdrachten: aantal,
            });
        }
    }

    /// The date of last change, short (1-9-2021) or long (1 september 2021).
    fn datum(&mut self, place: Place, name: &str, text: &str) -> Option<NaiveDate> {
        let datum = dates::parse_kort(text)
            .or_else(|| dates::parse_lang(text))
            .filter(four_digit_year);
        let Some(datum) = datum else {
            self.problem(place, msg!("import-bad-date", text = q(text), name = name));
            return None;
        };
        if too_early(datum) {
            self.problem(
                place,
                msg!("import-date-too-early", text = q(text), name = name),
            );
            return None;
        }
        Some(datum)
    }

    /// The number of opdrachten, if the table has the column and the cell is filled.
    fn aantal(&mut self, place: Place, name: &str, text: Option<&str>) -> Option<u32> {
        let text = text.filter(|s| !s.is_empty())?;
        match text.parse::<u32>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.problem(
                    place,
                    msg!("import-bad-aantal", text = q(text), name = name),
                );
                None
            }
        }
    }

    /// The levels marked with X, from the cells under K, B, RV and PV; at least one is needed.
    fn niveaus(&mut self, place: Place, name: &str, marks: [&str; 4]) -> Vec<Niveau> {
        let mut niveaus = Vec::new();
        let mut unread_mark = false;
        for (n, mark) in Niveau::ALL.iter().zip(marks) {
            match mark {
                "" => {}
                "X" | "x" => niveaus.push(*n),
                other => {
                    unread_mark = true;
                    self.problem(
                        place,
                        msg!(
                            "import-bad-mark",
                            text = q(other),
                            level = n.code(),
                            name = name
                        ),
                    );
                }
            }
        }
        if niveaus.is_empty() && !unread_mark {
            self.problem(place, msg!("import-no-level", name = name));
        }
        niveaus
    }
}
