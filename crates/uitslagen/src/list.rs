//! The results list written two ways: CSV for the office's spreadsheet (`;`-separated, as Dutch
//! Excel reads it, UTF-8 with a byte-order mark so that Excel shows é and ë) and a Markdown table.
//! A cell that a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading `'`.
//! Each row names the version its form was judged by; where forms of one plan were judged by
//! several versions, [`versions_judged`] says which, and the Markdown list says so below the table.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::form::word;
use crate::{Kandidaat, Row};
use toetsgen_plan::dates;

/// The columns of the list: the candidate, then each assessor's form.
const HEADERS: [&str; 17] = [
    "plan",
    "versie",
    "kandidaatnummer",
    "kandidaat",
    "gemeente",
    "uitslag",
    "eens",
    "beoordelaar_1",
    "datum_1",
    "uitslag_1",
    "reden_1",
    "bestand_1",
    "beoordelaar_2",
    "datum_2",
    "uitslag_2",
    "reden_2",
    "bestand_2",
];

/// The word for a form's result.
fn uitslag(r: &Row) -> &'static str {
    match r.uitslag.geslaagd {
        Some(g) => word(g),
        None => "onbekend",
    }
}

/// One line of the list: a candidate's form, or the forms of both assessors.
struct Line<'a> {
    forms: [Option<&'a Row>; 2],
}

impl<'a> Line<'a> {
    fn first(&self) -> &'a Row {
        // A candidate has at least one form.
        self.forms.iter().flatten().next().expect("a form")
    }

    /// The first non-empty value of `f` over both forms.
    fn either(&self, f: impl Fn(&Row) -> &str) -> String {
        (self.forms.iter().flatten())
            .map(|r| f(r).trim())
            .find(|v| !v.is_empty())
            .unwrap_or("")
            .to_owned()
    }

    /// Whether both assessors came to the same result; None with one form.
    fn eens(&self) -> Option<bool> {
        match self.forms {
            [Some(a), Some(b)] => Some(a.uitslag.geslaagd == b.uitslag.geslaagd),
            _ => None,
        }
    }

    /// The versions the forms were judged by, "2024-01-01" or "2024-01-01 / 2025-03-01".
    fn versie(&self) -> String {
        let mut v: Vec<String> = self
            .forms
            .iter()
            .flatten()
            .map(|r| r.versie.to_string())
            .collect();
        v.dedup();
        v.join(" / ")
    }

    /// The result of the candidate: the one result, the agreed one, or "oneens".
    fn uitslag(&self) -> &'static str {
        match self.eens() {
            Some(false) => "oneens",
            _ => uitslag(self.first()),
        }
    }
}

/// The lines of the list: every candidate with one form or a pair (more forms are refused by
/// the command).
fn lines<'a>(rows: &'a [Row], kandidaten: &[Kandidaat]) -> Vec<Line<'a>> {
    (kandidaten.iter())
        .filter(|k| k.forms.len() <= 2)
        .map(|k| Line {
            forms: k.beoordelaars.map(|b| b.map(|i| &rows[i])),
        })
        .collect()
}

/// The cells of one line, in the order of [`HEADERS`].
fn cells(l: &Line<'_>) -> Vec<String> {
    let first = l.first();
    let mut out = vec![
        first.form.plan.clone(),
        l.versie(),
        l.either(|r| r.form.nummer().unwrap_or("")),
        l.either(|r| &r.form.kandidaat.naam),
        l.either(|r| &r.form.kandidaat.gemeente),
        l.uitslag().to_owned(),
        match l.eens() {
            Some(true) => "ja".to_owned(),
            Some(false) => "nee".to_owned(),
            None => String::new(),
        },
    ];
    for form in l.forms {
        match form {
            Some(r) => out.extend([
                r.form.kandidaat.beoordelaar.clone(),
                r.form.kandidaat.datum.clone(),
                uitslag(r).to_owned(),
                r.uitslag.reden.clone(),
                r.file.clone(),
            ]),
            None => out.extend(std::iter::repeat_n(String::new(), 5)),
        }
    }
    out
}

/// Every kind of line break or control character becomes a space: a cell is one line.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// A cell as the spreadsheet gets it: one line, and a leading `'` where it would start a formula.
fn spreadsheet_cell(s: &str) -> String {
    let mut s = one_line(s);
    if s.starts_with(['=', '+', '-', '@']) {
        s.insert(0, '\'');
    }
    s
}

/// The list as CSV, written by the `csv` crate (quoting where a cell holds `;` or `"`): one row
/// per candidate, the columns of both assessors always there (empty with one form).
pub fn csv(rows: &[Row], kandidaten: &[Kandidaat]) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let lines = lines(rows, kandidaten);
    let records = std::iter::once(HEADERS.map(str::to_owned).to_vec())
        .chain((lines.iter()).map(|l| cells(l).iter().map(|c| spreadsheet_cell(c)).collect()));
    for record in records {
        // Writing into memory cannot fail.
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The list as a Markdown table for the examencommissie, one row per candidate; inside a table
/// cell only these characters can start markup, so they are escaped and nothing in a form is read
/// as markup. Where some candidate was judged by two assessors, each assessor has a column
/// (result, reason, name, date and file in one cell) and the column `uitslag` says whether they
/// agree; otherwise the one assessor's fields have a column each.
pub fn markdown(rows: &[Row], kandidaten: &[Kandidaat]) -> String {
    let esc = |s: &str| {
        one_line(s).chars().fold(String::new(), |mut o, c| {
            if "\\`*_[]<>|~&".contains(c) {
                o.push('\\');
            }
            o.push(c);
            o
        })
    };
    let lines = lines(rows, kandidaten);
    let pairs = lines.iter().any(|l| l.eens().is_some());
    let headers: &[&str] = match pairs {
        true => &[
            "kandidaatnummer",
            "kandidaat",
            "gemeente",
            "plan",
            "versie",
            "uitslag",
            "beoordelaar 1",
            "beoordelaar 2",
        ],
        false => &[
            "kandidaatnummer",
            "kandidaat",
            "gemeente",
            "plan",
            "versie",
            "uitslag",
            "reden",
            "beoordelaar",
            "datum",
            "bestand",
        ],
    };
    let mut out = String::from("# Uitslagen\n\n| ");
    out.push_str(&headers.join(" | "));
    out.push_str(" |\n|");
    out.push_str(&"---|".repeat(headers.len()));
    out.push('\n');
    let mut oneens = 0;
    for l in &lines {
        let c = cells(l);
        let mut row: Vec<String> = [&c[2], &c[3], &c[4], &c[0], &c[1]]
            .iter()
            .map(|v| esc(v))
            .collect();
        if pairs {
            row.push(match l.eens() {
                Some(true) => format!("{} (beide beoordelaars)", c[5]), // document text
                Some(false) => {
                    oneens += 1;
                    "**oneens**".to_owned()
                }
                None => c[5].clone(),
            });
            for r in l.forms {
                row.push(r.map_or(String::new(), |r| esc(&judgement(r))));
            }
        } else {
            let r = l.first();
            row.push(esc(uitslag(r)));
            row.extend(
                [
                    &r.uitslag.reden,
                    &r.form.kandidaat.beoordelaar,
                    &r.form.kandidaat.datum,
                    &r.file,
                ]
                .iter()
                .map(|v| esc(v)),
            );
        }
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    if oneens > 0 {
        let wie = if oneens == 1 {
            "kandidaat"
        } else {
            "kandidaten"
        };
        out.push_str(&format!(
            "\nBij {oneens} {wie} komen de twee beoordelaars tot een andere uitslag (oneens): de examencommissie beslist.\n" // document text
        ));
    }
    let several = versions_judged(rows);
    if !several.is_empty() {
        out.push_str("\nBeoordeeld volgens meer dan één versie van een toetsplan; elk formulier volgens de versie waarmee het is ingevuld (kolom versie):\n\n"); // document text
        for (plan, versions) in several {
            let each: Vec<String> = (versions.iter())
                .map(|(v, n)| {
                    let forms = if *n == 1 { "formulier" } else { "formulieren" };
                    format!("versie {} ({n} {forms})", dates::lang(*v))
                })
                .collect();
            out.push_str(&format!("- {}: {}\n", esc(&plan), each.join(", ")));
        }
    }
    out
}

/// One assessor's judgement in a cell: result and reason, who and when, and the file.
fn judgement(r: &Row) -> String {
    let reden = r.uitslag.reden.trim();
    let mut out = match reden.starts_with(uitslag(r)) {
        true => reden.to_owned(),
        false => format!("{}: {reden}", uitslag(r)),
    };
    let k = &r.form.kandidaat;
    let wie: Vec<&str> = [k.beoordelaar.trim(), k.datum.trim()]
        .into_iter()
        .filter(|v| !v.is_empty())
        .collect();
    if !wie.is_empty() {
        out.push_str(&format!(" — {}", wie.join(", ")));
    }
    out.push_str(&format!(" ({})", r.file));
    out
}

/// Each plan whose forms were judged by more than one version, with those versions and how many
/// forms each judged, oldest first.
pub fn versions_judged(rows: &[Row]) -> Vec<(String, Vec<(NaiveDate, usize)>)> {
    let mut by_plan: BTreeMap<&str, BTreeMap<NaiveDate, usize>> = BTreeMap::new();
    for r in rows {
        *by_plan
            .entry(&r.form.plan)
            .or_default()
            .entry(r.versie)
            .or_default() += 1;
    }
    (by_plan.into_iter())
        .filter(|(_, versions)| versions.len() > 1)
        .map(|(plan, versions)| (plan.to_owned(), versions.into_iter().collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{FormHeader, SavedForm};
    use crate::result::Uitslag;

    fn row(plan: &str, versie: &str) -> Row {
        Row {
            file: format!("{plan}-{versie}.json"),
            form: SavedForm {
                formaat: "toetsgen-beoordelingsformulier".into(),
                formaatversie: 1,
                plan: plan.into(),
                versie: versie.into(),
                kandidaatnummer: None,
                beoordelaar: None,
                kandidaat: FormHeader::default(),
                uitslag: None,
                waarden: Default::default(),
                twijfel: Vec::new(),
            },
            versie: versie.parse().expect("date"),
            uitslag: Uitslag {
                geslaagd: Some(true),
                reden: "geslaagd".into(),
            },
        }
    }

    /// Only plans judged by more than one version are named, with the forms per version.
    #[test]
    fn names_the_plans_judged_by_several_versions() {
        let rows = [
            row("F1", "2025-03-01"),
            row("B2", "2024-03-15"),
            row("F1", "2024-01-01"),
            row("F1", "2025-03-01"),
        ];
        let d = |t: &str| t.parse::<NaiveDate>().expect("date");
        assert_eq!(
            versions_judged(&rows),
            vec![(
                "F1".to_owned(),
                vec![(d("2024-01-01"), 1), (d("2025-03-01"), 2)]
            )]
        );
        let each = |n: usize| -> Vec<Kandidaat> {
            (0..n)
                .map(|i| Kandidaat {
                    forms: vec![i],
                    beoordelaars: [Some(i), None],
                })
                .collect()
        };
        let md = markdown(&rows, &each(4));
        assert!(
            md.ends_with(
                "- F1: versie 1 januari 2024 (1 formulier), versie 1 maart 2025 (2 formulieren)\n"
            ),
            "{md}"
        );
        assert!(!markdown(&rows[..2], &each(2)).contains("Beoordeeld"));
    }
}
