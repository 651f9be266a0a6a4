//! The results list written two ways: CSV for the office's spreadsheet (`;`-separated, as Dutch
//! Excel reads it, UTF-8 with a byte-order mark so that Excel shows é and ë) and a Markdown table.
//! A cell that a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading `'`.
//! Each row names the version its form was judged by; where forms of one plan were judged by
//! several versions, [`versions_judged`] says which, and the Markdown list says so below the table.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::Row;
use toetsgen_plan::dates;

/// The columns of the list.
const HEADERS: [&str; 9] = [
    "bestand",
    "plan",
    "versie",
    "kandidaat",
    "gemeente",
    "beoordelaar",
    "datum",
    "uitslag",
    "reden",
];

/// The cells of one row, in the order of [`HEADERS`].
fn cells(r: &Row) -> [String; 9] {
    let uitslag = match r.uitslag.geslaagd {
        Some(true) => "geslaagd",
        Some(false) => "niet geslaagd",
        None => "onbekend",
    };
    let k = &r.form.kandidaat;
    [
        r.file.clone(),
        r.form.plan.clone(),
        r.versie.to_string(),
        k.naam.clone(),
        k.gemeente.clone(),
        k.beoordelaar.clone(),
        k.datum.clone(),
        uitslag.to_owned(),
        r.uitslag.reden.clone(),
    ]
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

/// The list as CSV, written by the `csv` crate (quoting where a cell holds `;` or `"`).
pub fn csv(rows: &[Row]) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    let records = std::iter::once(HEADERS.map(str::to_owned))
        .chain(rows.iter().map(|r| cells(r).map(|c| spreadsheet_cell(&c))));
    for record in records {
        // Writing into memory cannot fail.
        let _ = writer.write_record(&record);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The list as a Markdown table; inside a table cell only these characters can start markup, so
/// they are escaped and nothing in a form is read as markup.
pub fn markdown(rows: &[Row]) -> String {
    let esc = |s: &str| {
        one_line(s).chars().fold(String::new(), |mut o, c| {
            if "\\`*_[]<>|~&".contains(c) {
                o.push('\\');
            }
            o.push(c);
            o
        })
    };
    let mut out = String::from("# Uitslagen\n\n| ");
    out.push_str(&HEADERS.join(" | "));
    out.push_str(" |\n|");
    out.push_str(&"---|".repeat(HEADERS.len()));
    out.push('\n');
    for r in rows {
        let cells: Vec<String> = cells(r).iter().map(|c| esc(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
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
                kandidaat: FormHeader::default(),
                waarden: Default::default(),
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
        let md = markdown(&rows);
        assert!(
            md.ends_with(
                "- F1: versie 1 januari 2024 (1 formulier), versie 1 maart 2025 (2 formulieren)\n"
            ),
            "{md}"
        );
        assert!(!markdown(&rows[..2]).contains("Beoordeeld"));
    }
}
