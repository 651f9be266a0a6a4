//! Reads a toetsplan from the rows of an office document: the title line, the introduction, the
//! two-column metadata table, and the toetstermen table (its header may repeat at page breaks; a
//! row after a repeated header belongs to the onderdeel before it unless a new onderdeel row
//! follows). Whatever cannot be placed is reported with its place; nothing is guessed silently.

use chrono::Datelike;

use super::{Imported, Place, Problem, Row, is_forbidden_control};
use crate::plan::dates;
use crate::plan::model::{
    AantalVragen, Beoordeling, Datum, Niveau, Onderdeel, Toetsplan, Toetsterm,
};
use crate::words::capitalize;

const LABELS: [&str; 9] = [
    "Ingangsdatum",
    "Naam van de toets",
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
    ("Naam toets", "Naam van de toets"),
    ("Datum van ingang", "Ingangsdatum"),
];

/// Reads the plan, or every problem found.
pub fn read(rows: &[Row]) -> Result<Imported, Vec<Problem>> {
    let mut r = Reader::default();
    for row in rows {
        r.control_characters(row);
    }
    let table_start = rows.iter().position(is_header).unwrap_or(rows.len());
    r.front_matter(&rows[..table_start]);
    if table_start == rows.len() {
        let place = rows.last().map_or(Place::Line(1), |row| row.place);
        r.problem(place, "no toetstermen table found: it starts with a header row whose first cell is \"Naam onderdeel en toetsnummer\"");
    } else {
        r.table(&rows[table_start..]);
    }
    r.finish()
}

#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    notes: Vec<String>,
    title: Option<(Place, String)>,
    intro: Vec<String>,
    meta: Vec<(Place, &'static str, String)>,
    onderdelen: Vec<Onderdeel>,
    totaal: Option<(Place, u32)>,
}

/// Where the columns of the toetstermen table are.
struct Columns {
    tekst: usize,
    datum: usize,
    aantal: Option<usize>,
    niveaus: [usize; 4],
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

/// The first header row of the toetstermen table: "Naam onderdeel en toetsnummer", or any row
/// with the columns "Toetsterm" and "… wijzigingsdatum".
fn is_header(row: &Row) -> bool {
    let lower: Vec<String> = row.cells.iter().map(|c| c.to_lowercase()).collect();
    lower
        .first()
        .is_some_and(|c| c.starts_with("naam onderdeel"))
        || (lower.iter().any(|c| c == "toetsterm")
            && lower.iter().any(|c| c.contains("wijzigingsdatum")))
}

fn is_level_header(row: &Row) -> bool {
    let filled: Vec<&String> = row.cells.iter().filter(|c| !c.is_empty()).collect();
    !filled.is_empty()
        && filled
            .iter()
            .all(|c| Niveau::ALL.iter().any(|n| n.code() == c.as_str()))
}

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
            let mut found: Vec<char> = Vec::new();
            for c in cell.chars().filter(|&c| is_forbidden_control(c)) {
                if !found.contains(&c) {
                    found.push(c);
                }
            }
            if found.is_empty() {
                continue;
            }
            let which = if row.cells.len() == 1 {
                "the text".to_owned()
            } else {
                format!("cell {}", i + 1)
            };
            let list: Vec<String> = found.iter().map(|&c| codepoint(c)).collect();
            let (s, it) = if found.len() == 1 {
                ("", "it")
            } else {
                ("s", "them")
            };
            self.problem(
                row.place,
                format!(
                    "{which} holds the control character{s} {}, which a plan cannot hold (Word does not show {it}): retype the text of that cell, then save or export again",
                    list.join(", ")
                ),
            );
        }
    }

    /// Title, introduction and metadata table: everything before the toetstermen table.
    fn front_matter(&mut self, rows: &[Row]) {
        for row in rows {
            let cells = filled(row);
            match cells {
                [] => {}
                [text] if self.title.is_none() && text.starts_with("Toetsplan ") => {
                    self.title = Some((row.place, text["Toetsplan ".len()..].trim().to_owned()));
                }
                [text] if self.meta.is_empty() => self.intro.push(text.clone()),
                [label, value] => self.metadata(row.place, label, value),
                [text] if matches!(row.place, Place::Line(_)) => {
                    // A line break inside a value's cell: the text export puts the rest on a line of its own.
                    if let Some((_, label, value)) = self.meta.last_mut() {
                        value.push('\n');
                        value.push_str(text);
                        self.notes.push(format!("{}: {} is read as the continuation of \"{label}\" (a line break inside its cell)", row.place, q(text)));
                    }
                }
                [first] => self.problem(
                    row.place,
                    format!("cannot place the text {} after the metadata table: only the title and the introduction come before it", q(first)),
                ),
                _ => self.problem(
                    row.place,
                    format!("a metadata row has {} cells; expected a label and a value", cells.len()),
                ),
            }
        }
    }

    fn metadata(&mut self, place: Place, label: &str, value: &str) {
        let label = label.trim_end_matches(':').trim();
        let label = ALIASES
            .iter()
            .find(|(alias, _)| alias.eq_ignore_ascii_case(label))
            .map_or(label, |(_, l)| l);
        match LABELS.iter().find(|l| l.eq_ignore_ascii_case(label)) {
            Some(known) if self.meta.iter().any(|(_, l, _)| l == known) => {
                self.problem(
                    place,
                    format!("the metadata label \"{known}\" appears twice"),
                );
            }
            Some(known) => self.meta.push((place, known, value.to_owned())),
            None => self.problem(
                place,
                format!(
                    "unknown metadata label {}: expected one of {}",
                    q(label),
                    LABELS.join(", ")
                ),
            ),
        }
    }

    /// The toetstermen table, from its first header row on.
    fn table(&mut self, rows: &[Row]) {
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
                    format!("cannot place the text {} between or after the tables: remove it, or move it into the table", q(first)),
                );
            } else if after_totaal {
                self.problem(
                    row.place,
                    "cannot place a row after the TOTAAL row: remove it, or move it into the table",
                );
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
                let text = row
                    .cells
                    .iter()
                    .find(|c| !c.is_empty())
                    .cloned()
                    .unwrap_or_default();
                self.problem(row.place, format!("a row without a toetsterm code holds {}: give it its code in the first column, or remove it", q(&text)));
            } else {
                self.problem(
                    row.place,
                    format!("cannot place the row starting with {}: not a toetsterm code (such as V1.01), an onderdeel (a name alone) or TOTAAL", q(first)),
                );
            }
        }
    }

    /// Reads the columns from a header row and the level row after it.
    fn columns(&mut self, header: &Row, next: Option<&Row>, old: Columns) -> Columns {
        let find =
            |pred: &dyn Fn(&str) -> bool| header.cells.iter().position(|c| pred(&c.to_lowercase()));
        let tekst = find(&|c| c == "toetsterm").unwrap_or(old.tekst);
        let datum = find(&|c| c.contains("wijzigingsdatum")).unwrap_or(old.datum);
        let aantal = find(&|c| c.starts_with("aantal"));
        let mut niveaus = old.niveaus;
        match next.filter(|r| is_level_header(r)) {
            Some(levels) => {
                for (k, n) in Niveau::ALL.iter().enumerate() {
                    match levels.cells.iter().position(|c| c == n.code()) {
                        Some(col) => niveaus[k] = col,
                        None => self.problem(
                            levels.place,
                            format!("the level row has no column {}", n.code()),
                        ),
                    }
                }
            }
            None => self.problem(
                header.place,
                "the header row is not followed by the row naming the levels K, B, RV and PV",
            ),
        }
        Columns {
            tekst,
            datum,
            aantal,
            niveaus,
        }
    }

    fn toetsterm(&mut self, row: &Row, columns: &Columns) {
        let cell = |i: usize| row.cells.get(i).map_or("", String::as_str);
        let code = cell(0).to_owned();
        let name = short(&code);
        let tekst = cell(columns.tekst).to_owned();
        if tekst.is_empty() {
            self.problem(
                row.place,
                format!("toetsterm {name} has a code but no text"),
            );
        }
        let datum = match dates::parse_kort(cell(columns.datum))
            .or_else(|| dates::parse_lang(cell(columns.datum)))
            .filter(four_digit_year)
        {
            Some(d) => Some(d),
            None => {
                self.problem(
                    row.place,
                    format!("cannot read the date {} of toetsterm {name}: write it as day-month-year, e.g. 1-9-2021", q(cell(columns.datum))),
                );
                None
            }
        };
        let aantal = match columns.aantal.map(cell).filter(|s| !s.is_empty()) {
            None => None,
            Some(text) => {
                match text.parse::<u32>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        self.problem(row.place, format!("the number of opdrachten {} of toetsterm {name} is not a whole number", q(text)));
                        None
                    }
                }
            }
        };
        let mut niveaus = Vec::new();
        let mut unread_mark = false;
        for (k, n) in Niveau::ALL.iter().enumerate() {
            match cell(columns.niveaus[k]) {
                "" => {}
                "X" | "x" => niveaus.push(*n),
                other => {
                    unread_mark = true;
                    self.problem(
                    row.place,
                    format!("the mark {} under {} of toetsterm {name} is not understood: mark a level with X", q(other), n.code()),
                    );
                }
            }
        }
        if niveaus.is_empty() && !unread_mark {
            self.problem(
                row.place,
                format!("toetsterm {name} has no X under K, B, RV or PV"),
            );
        }
        let Some(onderdeel) = self.onderdelen.last_mut() else {
            self.problem(
                row.place,
                format!("toetsterm {name} comes before any onderdeel row"),
            );
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
                format!(
                    "the TOTAAL {} is not a whole number",
                    q(text.map_or("", String::as_str))
                ),
            ),
        }
    }

    fn finish(mut self) -> Result<Imported, Vec<Problem>> {
        let meta = std::mem::take(&mut self.meta);
        let first_place = meta.first().map_or(Place::Line(1), |m| m.0);
        let get = |label: &str| {
            meta.iter()
                .find(|(_, l, _)| *l == label)
                .map(|(p, _, v)| (*p, v.clone()))
        };
        let (code, naam) = match get("Naam van de toets").or_else(|| self.title.clone()) {
            Some((place, name)) => match name.split_once(':') {
                Some((c, n)) if !c.trim().is_empty() && !n.trim().is_empty() => {
                    (c.trim().to_owned(), n.trim().to_owned())
                }
                _ => {
                    self.problem(place, format!("cannot read the code and name from {}: write it as \"V1: Dienstverlening\"", q(&name)));
                    (String::new(), String::new())
                }
            },
            None => {
                self.problem(first_place, "the plan has no \"Naam van de toets\" and no title line \"Toetsplan <code>: <naam>\"");
                (String::new(), String::new())
            }
        };
        let ingangsdatum = match get("Ingangsdatum") {
            Some((place, text)) => dates::parse_lang(&text)
                .filter(four_digit_year)
                .or_else(|| {
                    self.problem(
                        place,
                        format!(
                            "cannot read the ingangsdatum {}: write it as e.g. 1 september 2021",
                            q(&text)
                        ),
                    );
                    None
                }),
            None => {
                self.problem(first_place, "the metadata table has no Ingangsdatum");
                None
            }
        };
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
                format!("the TOTAAL is {totaal}, but the toetstermen' opdrachten add up to {sum}"),
            );
        }
        for o in &self.onderdelen {
            if o.toetstermen.is_empty() {
                self.notes
                    .push(format!("onderdeel {} has no toetstermen", q(&o.naam)));
            }
        }
        if !self.problems.is_empty() {
            self.problems.sort_by_key(|p| place_order(p.place));
            return Err(self.problems);
        }
        let text = |label: &str| get(label).map(|(_, v)| v);
        let toetsvorm = text("Toetsvorm");
        let beoordeling = toetsvorm.as_deref().and_then(observations);
        if let (Some(b), Some(vorm)) = (&beoordeling, &toetsvorm) {
            self.notes.push(format!(
                "beoordeling: {} waarnemingen \"{}\", read from the toetsvorm {}; check it in the YAML",
                b.waarnemingen, short(&b.waarneming), q(vorm)
            ));
        }
        let plan = Toetsplan {
            code,
            naam,
            omschrijving: (!self.intro.is_empty()).then(|| self.intro.join("\n\n")),
            ingangsdatum: Datum(ingangsdatum.unwrap_or_default()),
            toetsvorm,
            toegestane_tijd: text("Toegestane tijd"),
            aantal_vragen: text("Aantal vragen").map(|v| match v.parse::<u64>() {
                Ok(n) => AantalVragen::Aantal(n),
                Err(_) => AantalVragen::Tekst(v),
            }),
            cesuur: text("Cesuur"),
            scoringsregels: text("Scoringsregels"),
            hulpmiddelen: text("Toegestane hulpmiddelen"),
            instructies: text("Instructies"),
            totaal_opdrachten: self.totaal.map(|(_, n)| n),
            beoordeling,
            onderdelen: self.onderdelen,
        };
        Ok(Imported {
            plan,
            notes: self.notes,
        })
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

/// A date the YAML can hold: years of four digits (chrono writes others with a sign).
fn four_digit_year(date: &chrono::NaiveDate) -> bool {
    (1000..=9999).contains(&date.year())
}

/// `U+001B`.
fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// A text from the source as a message shows it: at most 60 characters, control characters
/// written as U+XXXX (they would act on the terminal).
fn short(text: &str) -> String {
    const MAX: usize = 60;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        if is_forbidden_control(c) {
            out.push_str(&codepoint(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// [`short`] in quotes.
fn q(text: &str) -> String {
    format!("\"{}\"", short(text))
}

fn place_order(place: Place) -> (usize, usize) {
    match place {
        Place::Line(n) | Place::Paragraph(n) => (0, n),
        Place::TableRow { table, row } => (table, row),
    }
}

/// The observations a toetsvorm such as "Proeve op de werkplek op basis van vijf klantgesprekken"
/// names: five, each a "Klantgesprek".
fn observations(toetsvorm: &str) -> Option<Beoordeling> {
    const NUMBERS: [&str; 10] = [
        "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    ];
    let lower = toetsvorm.to_lowercase();
    let rest = &lower[lower.find("op basis van ")? + "op basis van ".len()..];
    let mut words = rest.split_whitespace();
    let number = words.next()?;
    let n = match number.parse::<u32>() {
        Ok(n) => n,
        Err(_) => {
            NUMBERS
                .iter()
                .position(|w| *w == number.replace('é', "e"))? as u32
                + 1
        }
    };
    let noun = words.next()?.trim_end_matches(['.', ',', ';']);
    (2..=10).contains(&n).then(|| Beoordeling {
        waarnemingen: n,
        waarneming: capitalize(&singular(noun)),
        ..Beoordeling::default()
    })
}

/// The singular of a Dutch plural: "klantgesprekken" → "klantgesprek", "observaties" →
/// "observatie", "rollenspellen" → "rollenspel".
fn singular(plural: &str) -> String {
    if let Some(stem) = plural
        .strip_suffix("'s")
        .or_else(|| plural.strip_suffix('s'))
    {
        return stem.to_owned();
    }
    let Some(stem) = plural.strip_suffix("en") else {
        return plural.to_owned();
    };
    let chars: Vec<char> = stem.chars().collect();
    match chars[..] {
        [.., a, b] if a == b && !"aeiou".contains(a) => chars[..chars.len() - 1].iter().collect(),
        [.., 'v'] => format!("{}f", &stem[..stem.len() - 1]),
        [.., 'z'] => format!("{}s", &stem[..stem.len() - 1]),
        _ => stem.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The observations are read from the toetsvorm's "op basis van <aantal> <zelfstandig naamwoord>".
    #[test]
    fn reads_observations_from_toetsvorm() {
        let b = observations("Proeve op de werkplek op basis van vijf klantgesprekken").unwrap();
        assert_eq!((b.waarnemingen, b.waarneming.as_str()), (5, "Klantgesprek"));
        assert_eq!(observations("Digitale toets").map(|b| b.waarnemingen), None);
        assert_eq!(singular("rollenspellen"), "rollenspel");
        assert_eq!(singular("observaties"), "observatie");
        assert_eq!(singular("opdrachten"), "opdracht");
    }

    /// A line break inside a cell of a text export splits its row; the row is joined again.
    #[test]
    fn joins_rows_broken_inside_a_cell() {
        let rows = crate::import::text::rows(
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
