//! The rules a session keeps, each broken one an error with file, line and how to fix it, and
//! nothing made on any error: a known plan that passes check, one or two assessors, a time
//! written `09:30`, candidates inline or from a readable export (never both, at least one), names
//! and numbers given, numbers unique, no line breaks or control characters in what is printed.
//! The plan's version is the one in force on the session date or the one the session names
//! ([`version`](crate::version)); a named version not in force on that date is a warning.

use std::collections::HashMap;
use std::path::{Component, Path};

use chrono::NaiveDate;

use crate::csv;
use crate::limits::{MAX_BEOORDELAARS, MAX_CSV_BYTES, MAX_NUMMER_CHARS, MAX_TEXT_CHARS};
use crate::load::SourceSessie;
use crate::model::{Kandidaat, Sessie};
use crate::version;
use toetsgen_base::fs;
use toetsgen_plan::diagnostic::{Diagnostic, Location};
use toetsgen_plan::model::Toetsplan;
use toetsgen_plan::spans::Spans;

/// A plan the session may name, and whether it passes check.
#[derive(Debug, Clone, Copy)]
pub struct PlanStatus<'a> {
    /// The plan.
    pub plan: &'a Toetsplan,
    /// Its file, as shown.
    pub file: &'a str,
    /// Whether it has no errors.
    pub valid: bool,
    /// Its versions in the plan archive, oldest first.
    pub archived: &'a [NaiveDate],
}

/// A candidate with where it was written: its file, line, and the text to show the line from.
struct Herkomst<'a> {
    file: &'a str,
    source: &'a str,
    /// For a candidate in the session file: its path there and the file's span map.
    path: Option<(String, &'a Spans)>,
    line: usize,
}

impl Herkomst<'_> {
    /// An error at the candidate's `field`: at its value in the session file, or at the
    /// candidate's line of the export.
    fn error(&self, field: &str, message: String) -> Diagnostic {
        let loc = match &self.path {
            Some((path, spans)) => spans.nearest(&format!("{path}.{field}")),
            None => Some(Location {
                line: self.line,
                column: 1,
            }),
        };
        Diagnostic::error(self.file, loc, message).with_source(self.source)
    }
}

/// Which characters the packet's PDF can show (the document floor knows its fonts).
pub type Printable<'a> = &'a (dyn Fn(char) -> bool + Sync);

/// Checks a session against the plans; on success the session and its warnings and notes.
pub fn validate(
    ss: &SourceSessie,
    plans: &[PlanStatus<'_>],
    printable: Printable<'_>,
) -> Result<(Sessie, Vec<Diagnostic>), Vec<Diagnostic>> {
    let b = &ss.bestand;
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let at = |path: &str| ss.spans.value(path).or_else(|| ss.spans.nearest(path));
    let error = |path: &str, message: String, help: &str| {
        Diagnostic::error(&ss.display, at(path), message)
            .with_source(&ss.source)
            .with_help(help)
    };
    let versie = check_plan(ss, plans, &error, &mut problems, &mut warnings);
    if let Some(tijd) = &b.tijd
        && !valid_time(tijd)
    {
        problems.push(error(
            "tijd",
            format!("`{tijd}` is not a time"),
            "write the starting time as hours and minutes, e.g. \"09:30\" (with the quotes)",
        ));
    }
    check_text(
        &mut problems,
        &error,
        ("locatie", &b.locatie),
        MAX_TEXT_CHARS,
        printable,
    );
    if b.beoordelaars.is_empty() || b.beoordelaars.len() > MAX_BEOORDELAARS {
        problems.push(error(
            "beoordelaars",
            format!(
                "a session has one or two beoordelaars, this one {}",
                b.beoordelaars.len()
            ),
            "name one or two assessors, e.g. `beoordelaars: [A. de Vries]`",
        ));
    }
    for (i, naam) in b.beoordelaars.iter().enumerate() {
        let path = format!("beoordelaars[{i}]");
        check_text(
            &mut problems,
            &error,
            (&path, naam),
            MAX_TEXT_CHARS,
            printable,
        );
    }
    let kandidaten = candidates(ss, &mut problems, &mut warnings, printable);
    let Some(versie) = versie.filter(|_| problems.is_empty()) else {
        return Err(problems);
    };
    let sessie = Sessie {
        naam: ss.stem.clone(),
        bestand: ss.display.clone(),
        plan: b.plan.clone(),
        datum: b.datum.0,
        versie,
        tijd: b.tijd.clone(),
        locatie: b.locatie.trim().to_owned(),
        beoordelaars: b.beoordelaars.iter().map(|n| n.trim().to_owned()).collect(),
        kandidaten,
    };
    Ok((sessie, warnings))
}

/// The candidates, inline or from the export, each checked; problems go to `problems`.
fn candidates(
    ss: &SourceSessie,
    problems: &mut Vec<Diagnostic>,
    notes: &mut Vec<Diagnostic>,
    printable: Printable<'_>,
) -> Vec<Kandidaat> {
    let b = &ss.bestand;
    let at = |path: &str| ss.spans.value(path).or_else(|| ss.spans.nearest(path));
    let error = |path: &str, message: &str, help: &str| {
        Diagnostic::error(&ss.display, at(path), message)
            .with_source(&ss.source)
            .with_help(help)
    };
    let csv_text;
    let csv_display;
    let rows: Vec<(Kandidaat, Herkomst<'_>)> = match (&b.kandidaten, &b.kandidaten_bestand) {
        (Some(_), Some(_)) => {
            problems.push(error(
                "kandidaten_bestand",
                "the session gives both `kandidaten` and `kandidaten_bestand`",
                "give the candidates one way: in the file, or in a spreadsheet export",
            ));
            return Vec::new();
        }
        (None, None) => {
            problems.push(error("plan", "the session has no candidates", "add `kandidaten:` with one entry per candidate, or `kandidaten_bestand: kandidaten.csv`"));
            return Vec::new();
        }
        (Some(list), None) => inline(ss, list),
        (None, Some(name)) => {
            let Some((display, text, read)) = read_csv(ss, name, problems) else {
                return Vec::new();
            };
            if let Some(note) = &read.note {
                notes.push(Diagnostic::warning(&display, None, note.clone()));
            }
            csv_display = display;
            csv_text = text;
            (read.rijen.into_iter())
                .map(|(k, line)| {
                    (
                        k,
                        Herkomst {
                            file: &csv_display,
                            source: &csv_text,
                            path: None,
                            line,
                        },
                    )
                })
                .collect()
        }
    };
    if rows.is_empty() {
        problems.push(error(
            "kandidaten",
            "the session has no candidates",
            "add at least one candidate",
        ));
    }
    check_candidates(&rows, problems, printable);
    rows.into_iter().map(|(k, _)| k).collect()
}

/// Each candidate's name and number given, printable and not too long; numbers unique.
fn check_candidates(
    rows: &[(Kandidaat, Herkomst<'_>)],
    problems: &mut Vec<Diagnostic>,
    printable: Printable<'_>,
) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (k, h) in rows {
        let fields = [
            ("naam", Some(k.naam.as_str()), MAX_TEXT_CHARS),
            ("nummer", Some(k.nummer.as_str()), MAX_NUMMER_CHARS),
            ("gemeente", k.gemeente.as_deref(), MAX_TEXT_CHARS),
        ];
        for (field, value, max) in fields {
            let Some(value) = value else { continue };
            if let Some((message, help)) = text_problem(field, value, max, printable) {
                problems.push(h.error(field, message).with_help(help));
            }
        }
        let nummer = k.nummer.trim();
        if nummer.is_empty() {
            continue;
        }
        if let Some(first) = seen.insert(nummer, h.line) {
            let message =
                format!("candidate number `{nummer}` is given twice (first on line {first})");
            problems.push(
                h.error("nummer", message)
                    .with_help("every candidate has a number of their own: check both rows"),
            );
        }
    }
}

/// Reads the candidates' export named in the session: a plain relative path inside the session's
/// folder. Returns the file as shown, its text and the candidates; `None` after a problem.
fn read_csv(
    ss: &SourceSessie,
    name: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<(String, String, csv::CsvKandidaten)> {
    let loc = ss.spans.value("kandidaten_bestand");
    let error = |message: String, help: &str| {
        Diagnostic::error(&ss.display, loc, message)
            .with_source(&ss.source)
            .with_help(help)
    };
    let plain = !name.is_empty()
        && Path::new(name)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !plain {
        problems.push(error(format!("`{name}` is not a file name inside the session's folder"), "name the export relative to the session file, without `..` or a leading `/`, e.g. `kandidaten.csv`"));
        return None;
    }
    let path = ss.dir.join(name);
    let display = path.display().to_string();
    let bytes = match fs::read_bounded(&path, MAX_CSV_BYTES as u64, Some(&ss.dir)) {
        Ok(bytes) => bytes,
        Err(e) => {
            let help = match e {
                fs::BoundedReadError::Io(_) => {
                    "check the name; the path is relative to the session file"
                }
                fs::BoundedReadError::TooLarge(_) => {
                    "check that this is the export of the candidates, or split the session"
                }
                _ => {
                    "name the spreadsheet export of the candidates, a plain file in the session's folder (the path is relative to the session file)"
                }
            };
            problems.push(error(
                format!("cannot read the candidates file {display}: {e}"),
                help,
            ));
            return None;
        }
    };
    match csv::read(&display, &bytes) {
        Ok(read) => Some((display, read.text.clone(), read)),
        Err(d) => {
            problems.push(d);
            None
        }
    }
}

/// What is wrong with a printed text, and how to fix it.
fn text_problem(
    field: &str,
    value: &str,
    max: usize,
    printable: Printable<'_>,
) -> Option<(String, String)> {
    if value.trim().is_empty() {
        return Some((
            format!("`{field}` is empty"),
            format!("fill in the {field}: it is printed in the packet"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Some((
            format!("`{field}` holds a line break or control character"),
            "write it on one line".to_owned(),
        ));
    }
    if let Some(ch) = value.chars().find(|&c| !printable(c)) {
        return Some((
            format!("`{field}` holds {ch} (U+{:04X}), which the fonts of the packet cannot show", u32::from(ch)),
            "write it with Latin letters (as on an identity document) or another character the documents can print".to_owned(),
        ));
    }
    let n = value.chars().count();
    (n > max).then(|| {
        (
            format!("`{field}` is {n} characters, more than the {max} allowed"),
            "shorten it".to_owned(),
        )
    })
}

fn check_text(
    problems: &mut Vec<Diagnostic>,
    error: &impl Fn(&str, String, &str) -> Diagnostic,
    (path, value): (&str, &str),
    max: usize,
    printable: Printable<'_>,
) {
    let field = path.split('[').next().unwrap_or(path);
    if let Some((message, help)) = text_problem(field, value, max, printable) {
        problems.push(error(path, message, &help));
    }
}

/// Whether `text` is a time of day written `HH:MM`.
fn valid_time(text: &str) -> bool {
    chrono::NaiveTime::parse_from_str(text, "%H:%M").is_ok() && text.len() == 5
}

/// The plan the session names, known and passing check, and the version of it the session uses
/// ([`version::choose`]); `None` after a problem.
fn check_plan(
    ss: &SourceSessie,
    plans: &[PlanStatus<'_>],
    error: &impl Fn(&str, String, &str) -> Diagnostic,
    problems: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Option<NaiveDate> {
    let b = &ss.bestand;
    match plans.iter().find(|p| p.plan.code == b.plan) {
        None => {
            let known: Vec<&str> = plans.iter().map(|p| p.plan.code.as_str()).collect();
            problems.push(error("plan", format!("there is no plan with the code `{}`", b.plan), &format!("the plans found are: {}; check the code, or name the plans folder with --plans", known.join(", "))));
        }
        Some(p) if !p.valid => problems.push(error(
            "plan",
            format!(
                "plan {} ({}) does not pass `toetsgen check`",
                b.plan, p.file
            ),
            "fix the plan first: `toetsgen check` shows its errors",
        )),
        Some(p) => match version::choose(ss, p) {
            Ok((versie, warning)) => {
                warnings.extend(warning);
                return Some(versie);
            }
            Err(problem) => problems.push(problem),
        },
    }
    None
}

/// The candidates written in the session file, each with its place there.
fn inline<'a>(ss: &'a SourceSessie, list: &[Kandidaat]) -> Vec<(Kandidaat, Herkomst<'a>)> {
    (list.iter().enumerate())
        .map(|(i, k)| {
            let path = format!("kandidaten[{i}]");
            let line = ss.spans.value(&path).map_or(1, |l| l.line);
            let herkomst = Herkomst {
                file: &ss.display,
                source: &ss.source,
                path: Some((path, &ss.spans)),
                line,
            };
            (k.clone(), herkomst)
        })
        .collect()
}
