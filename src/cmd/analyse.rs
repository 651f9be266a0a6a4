//! `toetsgen analyse`: the toetsanalyse of issue 22. Either one score export of a question exam
//! (`scores.csv --plan B2`: [`scores`], [`questions`]) or saved observation forms
//! (`uitslagen/*.json`: read and checked by `toetsgen_uitslagen`, then [`forms`]). The figures go
//! to standard output as JSON (`--json`), or into a report `analyse/<plan>-<date>.md` and
//! `.html` ([`content`], [`report`], [`svg`]), which holds personal data and is refused inside a
//! published output folder.

mod content;
mod forms;
mod pdf;
mod questions;
mod report;
mod scores;
mod svg;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::cli::AnalyseArgs;
use crate::cmd::read_plans;
use crate::status::Status;
use toetsgen_base::{fs, msg};
use toetsgen_plan::archive::Archive;
use toetsgen_plan::model::{Soort, Toetsplan};
use toetsgen_uitslagen::{self as uitslagen, Versions};

/// What the files given are.
enum Input<'a> {
    /// One score export.
    Scores(&'a Path),
    /// Saved forms.
    Forms(Vec<&'a Path>),
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

/// One CSV, or only JSON files.
fn input(files: &[PathBuf]) -> Result<Input<'_>> {
    match files {
        [one] if has_extension(one, "csv") => Ok(Input::Scores(one)),
        _ if files.iter().all(|f| has_extension(f, "json")) => {
            Ok(Input::Forms(files.iter().map(PathBuf::as_path).collect()))
        }
        _ => bail!(msg!("analyse-input-kind")),
    }
}

/// Runs the analysis; the exit code is 1 when an input is refused.
pub(crate) fn run(args: AnalyseArgs) -> Result<Status> {
    let input = input(&args.files)?;
    let read = read_plans(&args.plans)?;
    let plans: HashMap<String, Toetsplan> = (read.valid())
        .map(|sp| (sp.plan.code.trim().to_owned(), sp.plan.clone()))
        .collect();
    let today = chrono::Local::now().date_naive();
    let date = today.to_string();
    let (code, json, report) = match input {
        Input::Scores(file) => {
            let Some(code) = args.plan.as_deref() else {
                bail!(msg!("analyse-plan-needed"));
            };
            let Some(plan) = plans.get(code.trim()) else {
                bail!(msg!(
                    "analyse-plan-unknown",
                    code = code,
                    plans = args.plans.display().to_string()
                ));
            };
            if plan.soort() != Soort::Vragen {
                bail!(msg!("analyse-plan-not-questions", code = code));
            }
            let bytes =
                std::fs::read(file).with_context(|| msg!("base-cannot-read", path = file))?;
            let scores = match scores::read(&file.display().to_string(), &bytes, plan) {
                Ok(s) => s,
                Err(d) => {
                    tell!("{d}\n");
                    return Ok(Status::Invalid);
                }
            };
            if let Some(note) = &scores.note {
                tell!("{note}");
            }
            let figures = questions::figures(plan, &scores);
            if figures.maximum == questions::Maximum::HoogsteGegeven && !args.json {
                tell!("{}", msg!("analyse-max-note"));
            }
            let json = serde_json::to_string_pretty(&figures)?;
            let summary = msg!(
                "analyse-q-summary",
                plan = &figures.plan,
                kandidaten = figures.aantal_kandidaten,
                vragen = figures.aantal_vragen,
                alpha = report::number(figures.alpha, 2),
                flagged = figures
                    .vragen
                    .iter()
                    .filter(|v| !v.signalen.is_empty())
                    .count()
            );
            (
                figures.plan.clone(),
                json,
                (content::questions(&figures, &date), summary),
            )
        }
        Input::Forms(files) => {
            let archive = Archive::of(&args.plans);
            let versions = Versions {
                current: &plans,
                archive: &archive,
                today,
            };
            let found = uitslagen::collect(&files, versions);
            if !found.refused.is_empty() {
                for p in &found.refused {
                    tell!("{} {p}\n", msg!("cli-error"));
                }
                tell!("{}", msg!("analyse-forms-refused", n = found.refused.len()));
                return Ok(Status::Invalid);
            }
            let mut codes: Vec<&str> = found.rows.iter().map(|r| r.form.plan.as_str()).collect();
            codes.sort();
            codes.dedup();
            let [code] = codes.as_slice() else {
                bail!(msg!("analyse-forms-plans", plans = codes.join(", ")));
            };
            if let Some(asked) = &args.plan
                && asked.trim() != *code
            {
                bail!(msg!(
                    "analyse-forms-other-plan",
                    asked = asked,
                    code = *code
                ));
            }
            let current = &plans[*code];
            let mut judged = Vec::new();
            for row in &found.rows {
                let plan = uitslagen::plan_of(versions, code, row.versie)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", row.file))?;
                if plan.soort() != Soort::Waarnemingen {
                    bail!(msg!("analyse-forms-questions", code = *code));
                }
                judged.push(plan);
            }
            let figures = match forms::figures(
                current,
                &found.rows,
                &found.kandidaten,
                &judged,
                args.namen,
            ) {
                Ok(f) => f,
                Err(e) => {
                    tell!("{} {e}", msg!("cli-error"));
                    return Ok(Status::Invalid);
                }
            };
            let json = serde_json::to_string_pretty(&figures)?;
            let summary = msg!(
                "analyse-o-summary",
                plan = &figures.plan,
                formulieren = figures.aantal_formulieren,
                paren = figures.aantal_paren,
                kappa = report::number(figures.kappa, 2)
            );
            (
                figures.plan.clone(),
                json,
                (content::observations(&figures, &date), summary),
            )
        }
    };
    if args.json {
        say!("{json}")?;
        return Ok(Status::Success);
    }
    let (report, summary) = report;
    let base = args.output.join(format!("{code}-{date}"));
    let md = base.with_extension("md");
    let html = base.with_extension("html");
    toetsgen_output::personal::refuse_published(
        &md,
        toetsgen_output::personal::Personal::Analyses,
    )?;
    fs::write_atomic(&md, report::to_markdown(&report).as_bytes())?;
    fs::write_atomic(&html, report::to_html(&report).as_bytes())?;
    let pdf = base.with_extension("pdf");
    let made = write_pdf(&report, &pdf, &args.output, today)?;
    say!("{summary}")?;
    let (md, html, pdf) = (
        md.display().to_string(),
        html.display().to_string(),
        pdf.display().to_string(),
    );
    say!(
        "{}",
        match made {
            true => msg!("analyse-written-pdf", md = md, html = html, pdf = pdf),
            false => msg!("analyse-written", md = md, html = html),
        }
    )?;
    Ok(Status::Success)
}

/// Writes the report's PDF to `pdf`, made by typst in a private scratch folder under `folder`;
/// `false` (with a warning saying why and how to get typst) when typst cannot be found, since the
/// Markdown and HTML report stand on their own.
fn write_pdf(
    report: &report::Report,
    pdf: &Path,
    folder: &Path,
    today: chrono::NaiveDate,
) -> Result<bool> {
    let typst = match toetsgen_document::pdf::Typst::locate(None) {
        Ok(typst) => typst,
        Err(err) => {
            let why = crate::describe(&err);
            tell!(
                "{} {}",
                msg!("cmd-warning"),
                msg!("analyse-pdf-no-typst", why = why)
            );
            return Ok(false);
        }
    };
    let timestamp = (today.and_hms_opt(0, 0, 0)).map_or(0, |t| t.and_utc().timestamp());
    let bytes = self::pdf::make(report, &typst, folder, timestamp)?;
    fs::write_atomic(pdf, &bytes)?;
    Ok(true)
}
