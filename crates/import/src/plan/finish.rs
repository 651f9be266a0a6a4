//! The last step: the checks across the plan (its code and name, the ingangsdatum, the TOTAAL
//! against the toetstermen's opdrachten, onderdelen without toetstermen), then either every
//! problem in source order or the plan assembled from what was read.

use chrono::NaiveDate;

use super::quote::q;
use super::{Reader, four_digit_year, too_early};
use crate::{Imported, Place, Problem};
use toetsgen_base::msg;
use toetsgen_plan::dates;
use toetsgen_plan::model::{AantalVragen, Datum, Toetsplan};

/// The metadata table's values, looked up by label.
struct Metadata(Vec<(Place, &'static str, String)>);

impl Metadata {
    /// The place and value of a label.
    fn get(&self, label: &str) -> Option<(Place, String)> {
        self.0
            .iter()
            .find(|(_, l, _)| *l == label)
            .map(|(p, _, v)| (*p, v.clone()))
    }

    /// The value of a label.
    fn text(&self, label: &str) -> Option<String> {
        self.get(label).map(|(_, v)| v)
    }

    /// Where the table starts, for what is missing from it.
    fn first_place(&self) -> Place {
        self.0.first().map_or(Place::Line(1), |m| m.0)
    }
}

impl Reader {
    /// The plan, or every problem found, ordered by place.
    pub(super) fn finish(mut self) -> Result<Imported, Vec<Problem>> {
        let meta = Metadata(std::mem::take(&mut self.meta));
        let (code, naam) = self.code_and_naam(&meta);
        let ingangsdatum = self.ingangsdatum(&meta);
        self.check_totaal();
        self.note_empty_onderdelen();
        if !self.problems.is_empty() {
            self.problems.sort_by_key(|p| place_order(p.place));
            return Err(self.problems);
        }
        Ok(self.assemble(&meta, code, naam, ingangsdatum))
    }

    /// The code and name from "Naam van de toets", or else from the title line, written as
    /// "V1: Dienstverlening".
    fn code_and_naam(&mut self, meta: &Metadata) -> (String, String) {
        let naam_van_de_toets = meta.get("Naam van de toets"); // document text
        let Some((place, name)) = naam_van_de_toets.or_else(|| self.title.clone()) else {
            self.problem(meta.first_place(), msg!("import-no-name"));
            return (String::new(), String::new());
        };
        match name.split_once(':') {
            Some((c, n)) if !c.trim().is_empty() && !n.trim().is_empty() => {
                (c.trim().to_owned(), n.trim().to_owned())
            }
            _ => {
                self.problem(place, msg!("import-bad-code-and-name", text = q(&name)));
                (String::new(), String::new())
            }
        }
    }

    /// The Ingangsdatum, written out (1 september 2021).
    fn ingangsdatum(&mut self, meta: &Metadata) -> Option<NaiveDate> {
        let Some((place, text)) = meta.get("Ingangsdatum") else {
            self.problem(meta.first_place(), msg!("import-no-ingangsdatum"));
            return None;
        };
        let date = dates::parse_lang(&text).filter(four_digit_year);
        let Some(date) = date else {
            self.problem(place, msg!("import-bad-ingangsdatum", text = q(&text)));
            return None;
        };
        if too_early(date) {
            self.problem(
                place,
                msg!("import-ingangsdatum-too-early", text = q(&text)),
            );
            return None;
        }
        Some(date)
    }

    /// The TOTAAL, if given, must be the sum of the toetstermen's opdrachten, if any are given.
    fn check_totaal(&mut self) {
        let sum: Option<u32> = {
            let counts: Vec<u32> = self
                .onderdelen
                .iter()
                .flat_map(|o| &o.toetstermen)
                .filter_map(|t| t.aantal_opdrachten)
                .collect();
            (!counts.is_empty()).then(|| counts.iter().sum())
        };
        if let (Some((place, totaal)), Some(sum)) = (self.totaal, sum)
            && totaal != sum
        {
            self.problem(
                place,
                msg!("import-totaal-mismatch", totaal = totaal, sum = sum),
            );
        }
    }

    /// An onderdeel without toetstermen is allowed, but noted.
    fn note_empty_onderdelen(&mut self) {
        for o in &self.onderdelen {
            if o.toetstermen.is_empty() {
                (self.notes).push(msg!("import-note-empty-onderdeel", naam = q(&o.naam)));
            }
        }
    }

    /// The plan from what was read, once nothing was found wrong.
    fn assemble(
        mut self,
        meta: &Metadata,
        code: String,
        naam: String,
        ingangsdatum: Option<NaiveDate>,
    ) -> Imported {
        let toetsvorm = meta.text("Toetsvorm");
        let beoordeling = self.beoordeling(toetsvorm.as_deref());
        let plan = Toetsplan {
            code,
            naam,
            omschrijving: (!self.intro.is_empty()).then(|| self.intro.join("\n\n")),
            ingangsdatum: Datum(ingangsdatum.unwrap_or_default()),
            toetsvorm,
            toegestane_tijd: meta.text("Toegestane tijd"),
            aantal_vragen: meta.text("Aantal vragen").map(aantal_vragen),
            cesuur: meta.text("Cesuur"),
            scoringsregels: meta.text("Scoringsregels"),
            hulpmiddelen: meta.text("Toegestane hulpmiddelen"),
            instructies: meta.text("Instructies"),
            taalniveau: None,
            totaal_opdrachten: self.totaal.map(|(_, n)| n),
            beoordeling,
            concept: false,
            gewijzigd: None,
            correcties: Vec::new(),
            onderdelen: self.onderdelen,
        };
        Imported {
            plan,
            notes: self.notes,
        }
    }
}

/// "Aantal vragen": a number, or else the text as written.
fn aantal_vragen(value: String) -> AantalVragen {
    match value.parse::<u64>() {
        Ok(n) => AantalVragen::Aantal(n),
        Err(_) => AantalVragen::Tekst(value),
    }
}

/// The order of places in the source: paragraphs and lines first, then tables row by row.
fn place_order(place: Place) -> (usize, usize) {
    match place {
        Place::Line(n) | Place::Paragraph(n) => (0, n),
        Place::TableRow { table, row } => (table, row),
    }
}
