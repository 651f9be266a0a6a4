//! The results list written two ways: CSV for the office's spreadsheet (`;`-separated, as Dutch
//! Excel reads it, UTF-8 with a byte-order mark so that Excel shows é and ë) and a Markdown table.
//! A cell that a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading `'`.

use crate::Row;

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
        r.form.versie.clone(),
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
    out
}
