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
use toetsgen_base::msg;
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
            msg!("session-not-a-time", tijd = tijd),
            &msg!("session-not-a-time.help"),
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
            msg!("session-assessors-count", n = b.beoordelaars.len()),
            &msg!("session-assessors-count.help"),
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
    let error = |path: &str, message: String, help: String| {
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
                msg!("session-both-sources"),
                msg!("session-both-sources.help"),
            ));
            return Vec::new();
        }
        (None, None) => {
            problems.push(error(
                "plan",
                msg!("session-no-candidates"),
                msg!("session-no-candidates.help"),
            ));
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
            msg!("session-no-candidates"),
            msg!("session-no-candidates.help-empty"),
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
            let message = msg!("session-number-twice", nummer = nummer, first = first);
            problems.push(
                h.error("nummer", message)
                    .with_help(msg!("session-number-twice.help")),
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
    let error = |message: String, help: String| {
        Diagnostic::error(&ss.display, loc, message)
            .with_source(&ss.source)
            .with_help(help)
    };
    let plain = !name.is_empty()
        && Path::new(name)
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if !plain {
        problems.push(error(
            msg!("session-csv-not-inside", name = name),
            msg!("session-csv-not-inside.help"),
        ));
        return None;
    }
    let path = ss.dir.join(name);
    let display = path.display().to_string();
    let bytes = match fs::read_bounded(&path, MAX_CSV_BYTES as u64, Some(&ss.dir)) {
        Ok(bytes) => bytes,
        Err(e) => {
            let help = match e {
                fs::BoundedReadError::Io(_) => msg!("session-csv-cannot-read.help-io"),
                fs::BoundedReadError::TooLarge(_) => msg!("session-csv-cannot-read.help-large"),
                _ => msg!("session-csv-cannot-read.help-other"),
            };
            problems.push(error(
                msg!(
                    "session-csv-cannot-read",
                    path = &display,
                    error = crate::read_failure(&e)
                ),
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
            msg!("session-field-empty", field = field),
            msg!("session-field-empty.help", field = field),
        ));
    }
    if value.chars().any(char::is_control) {
        return Some((
            msg!("session-field-control", field = field),
            msg!("session-field-control.help"),
        ));
    }
    if let Some(ch) = value.chars().find(|&c| !printable(c)) {
        return Some((
            msg!(
                "session-field-unprintable",
                field = field,
                char = ch.to_string(),
                code = format!("{:04X}", u32::from(ch))
            ),
            msg!("session-field-unprintable.help"),
        ));
    }
    let n = value.chars().count();
    (n > max).then(|| {
        (
            msg!("session-field-too-long", field = field, n = n, max = max),
            msg!("session-field-too-long.help"),
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
            problems.push(error(
                "plan",
                msg!("session-unknown-plan", code = &b.plan),
                &msg!("session-unknown-plan.help", known = known.join(", ")),
            ));
        }
        Some(p) if !p.valid => problems.push(error(
            "plan",
            msg!("session-plan-invalid", code = &b.plan, file = p.file),
            &msg!("session-plan-invalid.help"),
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
