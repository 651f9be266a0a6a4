//! The results list written two ways: CSV for the office's spreadsheet (`;`-separated, as Dutch
//! Excel reads it, UTF-8 with a byte-order mark so that Excel shows é and ë) and a Markdown table.
//! A cell that a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading `'`.

use crate::Rij;

const KOPPEN: [&str; 9] = [
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

fn cellen(r: &Rij) -> [String; 9] {
    let uitslag = match r.uitslag.geslaagd {
        Some(true) => "geslaagd",
        Some(false) => "niet geslaagd",
        None => "onbekend",
    };
    let k = &r.form.kandidaat;
    [
        r.bestand.clone(),
        r.form.plan.clone(),
        r.form.versie.clone(),
        k.naam.clone(),
        k.gemeente.clone(),
        k.beoordelaar.clone(),
        k.datum.clone(),
        uitslag.to_owned(),
        r.uitslag.reden.clone(),
    ]
}

/// One line per kind of line break or control character becomes a space.
fn plat(s: &str) -> String {
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

fn csv_cel(s: &str) -> String {
    let mut s = plat(s);
    if s.starts_with(['=', '+', '-', '@']) {
        s.insert(0, '\'');
    }
    if s.contains([';', '"', ',']) || s != s.trim() {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The list as CSV.
pub fn csv(rijen: &[Rij]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&KOPPEN.join(";"));
    out.push_str("\r\n");
    for r in rijen {
        let cells: Vec<String> = cellen(r).iter().map(|c| csv_cel(c)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// The list as a Markdown table; inside a table cell only these characters can start markup, so
/// they are escaped and nothing in a form is read as markup.
pub fn markdown(rijen: &[Rij]) -> String {
    let esc = |s: &str| {
        plat(s).chars().fold(String::new(), |mut o, c| {
            if "\\`*_[]<>|~&".contains(c) {
                o.push('\\');
            }
            o.push(c);
            o
        })
    };
    let mut out = String::from("# Uitslagen\n\n| ");
    out.push_str(&KOPPEN.join(" | "));
    out.push_str(" |\n|");
    out.push_str(&"---|".repeat(KOPPEN.len()));
    out.push('\n');
    for r in rijen {
        let cells: Vec<String> = cellen(r).iter().map(|c| esc(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}
