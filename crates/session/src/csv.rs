//! The candidates from a spreadsheet export, as Dutch exam offices make them in Excel: fields
//! separated by `;`, `,` or tab (detected from the header line), a header row naming the columns
//! (`naam`, `nummer`, `gemeente`; case and spaces ignored), quoted fields, a byte-order mark,
//! lines ended by CR LF or LF, and UTF-8 or Windows-1252 (Excel's default in the Netherlands),
//! the latter said in a note. Every problem names the file and its line.

use encoding_rs::WINDOWS_1252;
use toetsgen_base::encoding::{self, Accepted, Undecodable};
use toetsgen_base::msg;

use crate::limits::{MAX_CSV_BYTES, MAX_CSV_FIELDS, MAX_KANDIDATEN};
use crate::model::Kandidaat;
use toetsgen_plan::diagnostic::{Diagnostic, Location};
use toetsgen_plan::load::char_name;

/// The candidates read from an export, each with its line, and a note on how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvKandidaten {
    /// Each candidate with the 1-based line it came from.
    pub rijen: Vec<(Kandidaat, usize)>,
    /// Said to the user, e.g. that the file was read as Windows-1252.
    pub note: Option<String>,
    /// The file's text, to show its lines in messages.
    pub text: String,
}

/// The columns a header may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kolom {
    Naam,
    Nummer,
    Gemeente,
}

/// Reads an export's bytes; `display` names the file in messages.
pub fn read(display: &str, bytes: &[u8]) -> Result<CsvKandidaten, Diagnostic> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(Diagnostic::error(
            display,
            None,
            msg!(
                "session-csv-too-large",
                size = bytes.len() / 1024,
                max = MAX_CSV_BYTES / 1024
            ),
        )
        .with_help(msg!("session-csv-too-large.help")));
    }
    let (text, note) = decode(bytes).map_err(|at| {
        let place = Location {
            line: at.line,
            column: at.column,
        };
        Diagnostic::error(display, Some(place), msg!("session-csv-bad-utf16"))
            .with_help(msg!("session-csv-bad-utf16.help"))
    })?;
    check_characters(display, &text)?;
    let separator = detect_separator(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        _ => {
            return Err(Diagnostic::error(display, None, msg!("session-csv-empty"))
                .with_help(msg!("session-csv-empty.help")));
        }
    };
    let header_line = line_of(&text, &header);
    let kolommen = header_columns(display, &text, &header, header_line)?;
    let mut rijen = Vec::new();
    for record in records {
        let record = record.map_err(|e| {
            Diagnostic::error(
                display,
                None,
                msg!("session-csv-unreadable", error = e.to_string()),
            )
        })?;
        let line = line_of(&text, &record);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rijen.len() == MAX_KANDIDATEN {
            return Err(at(
                display,
                &text,
                line,
                msg!("session-csv-too-many", max = MAX_KANDIDATEN),
            )
            .with_help(msg!("session-csv-too-many.help")));
        }
        rijen.push((
            row(display, &text, &record, line, &kolommen, separator)?,
            line,
        ));
    }
    if rijen.is_empty() {
        return Err(
            at(display, &text, header_line, msg!("session-csv-header-only"))
                .with_help(msg!("session-csv-header-only.help")),
        );
    }
    Ok(CsvKandidaten { rijen, note, text })
}

/// The text of the export: Unicode with a byte-order mark, UTF-8, else Windows-1252 with a note.
fn decode(bytes: &[u8]) -> Result<(String, Option<String>), Undecodable> {
    let decoded = encoding::decode(bytes, Accepted::Utf8Else(WINDOWS_1252))?;
    let note = (decoded.encoding == WINDOWS_1252).then(|| msg!("session-csv-windows-1252"));
    Ok((decoded.text, note))
}

/// Refuses control characters other than tab and line breaks, with their place.
fn check_characters(display: &str, text: &str) -> Result<(), Diagnostic> {
    match first_control(text) {
        Some((location, ch, _)) => Err(Diagnostic::error(
            display,
            Some(location),
            msg!("session-csv-control", char = char_name(ch)),
        )
        .with_source(text)
        .with_help(msg!("session-csv-control.help"))),
        None => Ok(()),
    }
}

/// The first control character of a spreadsheet export other than tab and line breaks: where
/// it is, which, and its line (without the line break). Also for the score exports of
/// `toetsgen analyse`.
pub fn first_control(text: &str) -> Option<(Location, char, &str)> {
    text.split('\n').enumerate().find_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        let (column, ch) =
            (line.chars().enumerate()).find(|(_, c)| c.is_control() && *c != '\t')?;
        let location = Location {
            line: i + 1,
            column: column + 1,
        };
        Some((location, ch, line))
    })
}

/// The separator of the header line: whichever of `;`, tab and `,` occurs most outside quotes
/// (`;` on a tie, as Dutch Excel writes it). Also the score exports of `toetsgen analyse`.
pub fn detect_separator(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0usize), (b'\t', 0), (b',', 0)];
    let mut quoted = false;
    for b in first.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (sep, count) in &mut counts {
                if b == *sep {
                    *count += 1;
                }
            }
        }
    }
    let best = counts.iter().max_by_key(|(_, c)| *c).map_or(0, |(_, c)| *c);
    counts
        .iter()
        .find(|(_, c)| *c == best)
        .map_or(b';', |(s, _)| *s)
}

/// The columns of the header row, each known and given once; `naam` and `nummer` required.
fn header_columns(
    display: &str,
    text: &str,
    header: &::csv::StringRecord,
    line: usize,
) -> Result<Vec<Kolom>, Diagnostic> {
    let mut kolommen = Vec::new();
    for field in header.iter().take(MAX_CSV_FIELDS + 1) {
        let name: String = field
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        let kolom = match name.as_str() {
            "naam" => Kolom::Naam,
            "nummer" => Kolom::Nummer,
            "gemeente" => Kolom::Gemeente,
            _ => {
                return Err(at(
                    display,
                    text,
                    line,
                    msg!("session-csv-unknown-column", name = field.trim()),
                )
                .with_help(msg!("session-csv-unknown-column.help")));
            }
        };
        if kolommen.contains(&kolom) {
            return Err(at(
                display,
                text,
                line,
                msg!("session-csv-column-twice", name = &name),
            )
            .with_help(msg!("session-csv-column-twice.help")));
        }
        kolommen.push(kolom);
    }
    for (needed, name) in [(Kolom::Naam, "naam"), (Kolom::Nummer, "nummer")] {
        if !kolommen.contains(&needed) {
            return Err(at(
                display,
                text,
                line,
                msg!("session-csv-column-missing", name = name),
            )
            .with_help(msg!("session-csv-column-missing.help")));
        }
    }
    Ok(kolommen)
}

/// One candidate from a row that has as many fields as the header.
fn row(
    display: &str,
    text: &str,
    record: &::csv::StringRecord,
    line: usize,
    kolommen: &[Kolom],
    separator: u8,
) -> Result<Kandidaat, Diagnostic> {
    if record.len() != kolommen.len() {
        let (n, header) = (record.len(), kolommen.len());
        let message = match n < header {
            true => msg!("session-csv-too-few-fields", n = n, header = header),
            false => msg!("session-csv-too-many-fields", n = n, header = header),
        };
        let shown = if separator == b'\t' {
            "tab".to_owned()
        } else {
            format!("`{}`", separator as char)
        };
        return Err(at(display, text, line, message)
            .with_help(msg!("session-csv-fields-help", separator = shown)));
    }
    let mut kandidaat = Kandidaat {
        naam: String::new(),
        nummer: String::new(),
        gemeente: None,
    };
    for (kolom, value) in kolommen.iter().zip(record.iter()) {
        let value = value.trim().to_owned();
        match kolom {
            Kolom::Naam => kandidaat.naam = value,
            Kolom::Nummer => kandidaat.nummer = value,
            Kolom::Gemeente => kandidaat.gemeente = (!value.is_empty()).then_some(value),
        }
    }
    Ok(kandidaat)
}

/// The 1-based line of `text` a record starts on. The reader's position is where the record
/// before it ended (its line ends and blank lines not yet skipped), so those are skipped here.
fn line_of(text: &str, record: &::csv::StringRecord) -> usize {
    let bytes = text.as_bytes();
    let mut at = record
        .position()
        .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX))
        .min(bytes.len());
    while bytes.get(at).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
        at += 1;
    }
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// An error at the start of `line`, showing it.
fn at(display: &str, text: &str, line: usize, message: impl Into<String>) -> Diagnostic {
    Diagnostic::error(display, Some(Location { line, column: 1 }), message).with_source(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(read: &CsvKandidaten) -> Vec<(&str, &str, Option<&str>, usize)> {
        (read.rijen.iter())
            .map(|(k, line)| {
                (
                    k.naam.as_str(),
                    k.nummer.as_str(),
                    k.gemeente.as_deref(),
                    *line,
                )
            })
            .collect()
    }

    /// The separator is the one the header uses most, quotes aside.
    #[test]
    fn detects_the_separator() {
        assert_eq!(detect_separator("naam;nummer;gemeente\n"), b';');
        assert_eq!(detect_separator("naam,nummer\n"), b',');
        assert_eq!(detect_separator("naam\tnummer\n"), b'\t');
        assert_eq!(detect_separator("\"a;b\",nummer,naam\n"), b',');
    }

    /// Quotes, a BOM, CRLF and header case and spaces are read as a spreadsheet writes them.
    #[test]
    fn reads_quotes_bom_and_crlf() {
        let bytes = b"\xEF\xBB\xBF Naam ,NUMMER,Gemeente\r\n\"Jansen, Jan\",\"2026-01\",\"Den \"\"Haag\"\"\"\r\n\r\nPiet,2,\r\n";
        let read = read("k.csv", bytes).unwrap();
        assert_eq!(
            names(&read),
            vec![
                ("Jansen, Jan", "2026-01", Some("Den \"Haag\""), 2),
                ("Piet", "2", None, 4)
            ]
        );
        assert_eq!(read.note, None);
    }

    /// Bytes that are not UTF-8 are read as Windows-1252, and the user is told.
    #[test]
    fn reads_windows_1252_with_a_note() {
        let read = read("k.csv", b"naam;nummer\nRen\xe9e M\xfcller;1\n").unwrap();
        assert_eq!(read.rijen[0].0.naam, "Renée Müller");
        assert!(read.note.unwrap().contains("Windows-1252"));
    }

    /// A row with a field too many is refused with its line.
    #[test]
    fn refuses_a_row_of_the_wrong_length() {
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let err = read("k.csv", b"naam;nummer\nA;1\nB;2;x\n").unwrap_err();
        assert_eq!(err.location, Some(Location { line: 3, column: 1 }));
        assert!(err.message.contains("too many"), "{}", err.message);
    }
}
