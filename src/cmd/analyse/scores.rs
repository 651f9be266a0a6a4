//! A question exam's score export (issue 22): one row per kandidaat, a first column `kandidaat`
//! (number or name), then one column per question headed by the code of the toetsterm it tests,
//! as often as the plan's `aantal_opdrachten` says; each cell a score (0/1 or points, a decimal
//! comma or point). Read as the candidates' exports are (`;`, `,` or tab from the header line;
//! UTF-8 or Windows-1252 through the one decoder, with a note), within [`MAX_BYTES`]; every
//! problem names the file, the line and the column, and shows the line.

use std::collections::HashMap;

use encoding_rs::WINDOWS_1252;
use toetsgen_base::encoding::{self, Accepted};
use toetsgen_base::msg;
use toetsgen_plan::diagnostic::{Diagnostic, Location};
use toetsgen_plan::load::char_name;
use toetsgen_plan::model::Toetsplan;

/// The largest score export read: 10,000 kandidaten × 100 questions take about 2.5 MB.
pub(crate) const MAX_BYTES: usize = 64 * 1024 * 1024;

/// The most kandidaten (rows) in one export.
pub(crate) const MAX_KANDIDATEN: usize = 100_000;

/// The most questions (columns after `kandidaat`) in one export.
pub(crate) const MAX_QUESTIONS: usize = 2_000;

/// One question: a column of the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Question {
    /// The code of the toetsterm it tests, as the plan writes it.
    pub toetsterm: String,
    /// Its 1-based column in the file (`kandidaat` is column 1).
    pub kolom: usize,
}

/// The scores read from an export.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scores {
    /// The questions, in the file's column order.
    pub questions: Vec<Question>,
    /// Each kandidaat as the first column names them, in the file's order.
    pub kandidaten: Vec<String>,
    /// One row of scores per kandidaat, one score per question.
    pub rows: Vec<Vec<f64>>,
    /// Said to the user: the file was read as Windows-1252.
    pub note: Option<String>,
}

/// Reads the export `bytes` of the question exam of `plan`; `display` names the file.
pub(crate) fn read(display: &str, bytes: &[u8], plan: &Toetsplan) -> Result<Scores, Diagnostic> {
    if bytes.len() > MAX_BYTES {
        return Err(Diagnostic::error(
            display,
            None,
            msg!(
                "analyse-csv-too-large",
                size = bytes.len() / 1024 / 1024,
                max = MAX_BYTES / 1024 / 1024
            ),
        ));
    }
    let decoded = encoding::decode(bytes, Accepted::Utf8Else(WINDOWS_1252)).map_err(|at| {
        let place = Location {
            line: at.line,
            column: at.column,
        };
        Diagnostic::error(display, Some(place), msg!("analyse-csv-bad-encoding"))
    })?;
    let note = (decoded.encoding == WINDOWS_1252).then(|| msg!("analyse-csv-windows-1252"));
    let text = decoded.text;
    check_characters(display, &text)?;
    let file = File {
        display,
        text: &text,
        separator: toetsgen_session::csv::detect_separator(&text),
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(file.separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = loop {
        match records.next() {
            Some(Ok(h)) if h.iter().all(|f| f.trim().is_empty()) => continue,
            Some(Ok(h)) => break h,
            Some(Err(e)) => return Err(file.unreadable(&e)),
            None => {
                return Err(Diagnostic::error(display, None, msg!("analyse-csv-empty"))
                    .with_help(msg!("analyse-csv-empty.help")));
            }
        }
    };
    let mut lines = Lines::default();
    let header_line = lines.of(&text, &header);
    let questions = file.header(&header, header_line, plan)?;
    let mut out = Scores {
        questions,
        kandidaten: Vec::new(),
        rows: Vec::new(),
        note,
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for record in records {
        let record = record.map_err(|e| file.unreadable(&e))?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = lines.of(&text, &record);
        if out.rows.len() == MAX_KANDIDATEN {
            return Err(file.at(
                line,
                1,
                msg!("analyse-csv-too-many-kandidaten", max = MAX_KANDIDATEN),
            ));
        }
        if record.len() != header.len() {
            return Err(file
                .at(
                    line,
                    1,
                    msg!(
                        "analyse-csv-fields",
                        n = record.len(),
                        header = header.len()
                    ),
                )
                .with_help(msg!("analyse-csv-fields.help", separator = file.shown())));
        }
        let kandidaat = record.get(0).unwrap_or("").trim().to_owned();
        if kandidaat.is_empty() {
            return Err(file
                .at(line, 1, msg!("analyse-csv-no-kandidaat"))
                .with_help(msg!("analyse-csv-no-kandidaat.help")));
        }
        let key = kandidaat
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if let Some(first) = seen.insert(key, line) {
            return Err(file
                .at(
                    line,
                    1,
                    msg!(
                        "analyse-csv-duplicate",
                        kandidaat = &kandidaat,
                        first = first
                    ),
                )
                .with_help(msg!("analyse-csv-duplicate.help")));
        }
        let mut row = Vec::with_capacity(out.questions.len());
        for (q, cell) in out.questions.iter().zip(record.iter().skip(1)) {
            row.push(file.score(cell, line, q)?);
        }
        out.kandidaten.push(kandidaat);
        out.rows.push(row);
    }
    if out.rows.is_empty() {
        return Err(file
            .at(header_line, 1, msg!("analyse-csv-header-only"))
            .with_help(msg!("analyse-csv-header-only.help")));
    }
    Ok(out)
}

/// The file being read, for messages that point into it.
struct File<'a> {
    display: &'a str,
    text: &'a str,
    separator: u8,
}

impl File<'_> {
    /// An error at `line`, field `field` (1-based), showing the line.
    fn at(&self, line: usize, field: usize, message: String) -> Diagnostic {
        let source = self.text.split('\n').nth(line - 1).unwrap_or("");
        let column = field_column(source, self.separator, field);
        Diagnostic::error(self.display, Some(Location { line, column }), message)
            .with_line(Some(source.trim_end_matches('\r')))
    }

    /// The csv reader's own error (a quote left open).
    fn unreadable(&self, e: &::csv::Error) -> Diagnostic {
        let place = e.position().map(|p| Location {
            line: usize::try_from(p.line()).unwrap_or(0),
            column: 1,
        });
        Diagnostic::error(
            self.display,
            place,
            msg!("analyse-csv-unreadable", error = e.to_string()),
        )
    }

    /// The separator as a message shows it.
    fn shown(&self) -> String {
        match self.separator {
            b'\t' => "tab".to_owned(),
            sep => format!("`{}`", sep as char),
        }
    }

    /// The questions the header names: `kandidaat` first, then toetsterm codes of `plan`, each
    /// as often as its `aantal_opdrachten`.
    fn header(
        &self,
        header: &::csv::StringRecord,
        line: usize,
        plan: &Toetsplan,
    ) -> Result<Vec<Question>, Diagnostic> {
        let first = header.get(0).unwrap_or("").trim();
        if !first.eq_ignore_ascii_case("kandidaat") {
            return Err(self
                .at(line, 1, msg!("analyse-csv-first-column", name = first))
                .with_help(msg!("analyse-csv-first-column.help")));
        }
        if header.len() - 1 > MAX_QUESTIONS {
            return Err(self.at(
                line,
                MAX_QUESTIONS + 2,
                msg!("analyse-csv-too-many-questions", max = MAX_QUESTIONS),
            ));
        }
        let codes: Vec<&str> = plan.toetstermen().map(|t| t.code.trim()).collect();
        let mut questions: Vec<Question> = Vec::new();
        for (i, field) in header.iter().enumerate().skip(1) {
            let name = field.trim();
            let Some(code) = codes.iter().find(|c| c.eq_ignore_ascii_case(name)) else {
                return Err(self
                    .at(
                        line,
                        i + 1,
                        msg!(
                            "analyse-csv-unknown-toetsterm",
                            name = name,
                            plan = plan.code.trim()
                        ),
                    )
                    .with_help(msg!(
                        "analyse-csv-unknown-toetsterm.help",
                        codes = codes.join(", ")
                    )));
            };
            let t = plan.toetstermen().find(|t| t.code.trim() == *code);
            let expected = t.and_then(|t| t.aantal_opdrachten);
            let so_far = questions.iter().filter(|q| q.toetsterm == *code).count();
            if let Some(n) = expected
                && so_far + 1 > n as usize
            {
                return Err(self
                    .at(
                        line,
                        i + 1,
                        msg!("analyse-csv-too-many-columns", code = *code, n = n),
                    )
                    .with_help(msg!("analyse-csv-too-many-columns.help")));
            }
            questions.push(Question {
                toetsterm: (*code).to_owned(),
                kolom: i + 1,
            });
        }
        for t in plan.toetstermen() {
            let code = t.code.trim();
            let found = questions.iter().filter(|q| q.toetsterm == code).count();
            if let Some(n) = t.aantal_opdrachten
                && found < n as usize
            {
                let last = (questions.iter().rev())
                    .find(|q| q.toetsterm == code)
                    .map_or(1, |q| q.kolom);
                return Err(self
                    .at(
                        line,
                        last,
                        msg!(
                            "analyse-csv-too-few-columns",
                            code = code,
                            n = n,
                            found = found
                        ),
                    )
                    .with_help(msg!("analyse-csv-too-few-columns.help")));
            }
        }
        if questions.is_empty() {
            return Err(self
                .at(line, 1, msg!("analyse-csv-no-questions"))
                .with_help(msg!("analyse-csv-no-questions.help")));
        }
        Ok(questions)
    }

    /// The score in `cell`: a number of at least 0, with a decimal comma or point.
    fn score(&self, cell: &str, line: usize, q: &Question) -> Result<f64, Diagnostic> {
        let value = cell.trim();
        let parsed = value.replace(',', ".").parse::<f64>();
        match parsed {
            Ok(x) if x.is_finite() && x >= 0.0 && !value.starts_with('+') => Ok(x),
            _ => {
                let message = if value.is_empty() {
                    msg!(
                        "analyse-csv-empty-cell",
                        kolom = column_letters(q.kolom),
                        code = &q.toetsterm
                    )
                } else {
                    msg!(
                        "analyse-csv-not-a-score",
                        value = value,
                        kolom = column_letters(q.kolom),
                        code = &q.toetsterm
                    )
                };
                Err(self
                    .at(line, q.kolom, message)
                    .with_help(msg!("analyse-csv-not-a-score.help")))
            }
        }
    }
}

/// A spreadsheet's name of the 1-based column `n`, with its number: `3 (C)`, `28 (AB)`.
pub(crate) fn column_name(n: usize) -> String {
    format!("{n} ({})", column_letters(n))
}

/// A spreadsheet's letters of the 1-based column `n`: `C`, `AB`.
fn column_letters(n: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = n;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        rest = (rest - 1) / 26;
    }
    letters.reverse();
    letters.into_iter().collect()
}

/// The 1-based character column where field `field` (1-based) of `line` starts, quotes heeded;
/// the end of the line when it has fewer fields.
fn field_column(line: &str, separator: u8, field: usize) -> usize {
    let separator = char::from(separator);
    let mut current = 1;
    let mut quoted = false;
    for (i, c) in line.chars().enumerate() {
        if current == field {
            return i + 1;
        }
        match c {
            '"' => quoted = !quoted,
            c if c == separator && !quoted => current += 1,
            _ => {}
        }
    }
    line.chars().count() + 1
}

/// Refuses control characters other than tab and line breaks, with their place.
fn check_characters(display: &str, text: &str) -> Result<(), Diagnostic> {
    match toetsgen_session::csv::first_control(text) {
        Some((location, ch, line)) => Err(Diagnostic::error(
            display,
            Some(location),
            msg!("analyse-csv-control", char = char_name(ch)),
        )
        .with_line(Some(line))),
        None => Ok(()),
    }
}

/// The line each record starts on, counted as the records come (they come in order): the
/// newlines between one record and the next are counted once, so a file of many rows is read in
/// one pass (counting from the start for every row took 3.7 s for 10,000 rows).
#[derive(Debug, Default)]
struct Lines {
    /// The byte up to which newlines are counted.
    at: usize,
    /// Newlines before `at`.
    newlines: usize,
}

impl Lines {
    /// The 1-based line of `text` where `record` starts (blank lines before it skipped).
    fn of(&mut self, text: &str, record: &::csv::StringRecord) -> usize {
        let bytes = text.as_bytes();
        let mut at = (record.position())
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX))
            .min(bytes.len());
        while bytes.get(at).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            at += 1;
        }
        if at < self.at {
            *self = Lines::default();
        }
        self.newlines += bytes[self.at..at].iter().filter(|&&b| b == b'\n').count();
        self.at = at;
        self.newlines + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spreadsheet column names run A…Z, AA…: what the office sees above the column.
    #[test]
    fn column_names() {
        assert_eq!(column_name(1), "1 (A)");
        assert_eq!(column_name(26), "26 (Z)");
        assert_eq!(column_name(28), "28 (AB)");
    }

    /// A field's column counts characters and skips separators inside quotes.
    #[test]
    fn field_columns() {
        assert_eq!(field_column("a;bb;c", b';', 3), 6);
        assert_eq!(field_column("\"x;y\";1", b';', 2), 7);
        assert_eq!(field_column("é;1", b';', 2), 3);
        assert_eq!(field_column("a", b';', 3), 2);
    }
}
