//! `toetsgen import <file>`: a text export or Word document of a toetsplan becomes a YAML plan
//! that passes `toetsgen check`, written only when nothing was left unplaced.

use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::cli::ImportArgs;
use crate::status::Status;
use toetsgen_base::fs;
use toetsgen_base::words::plural;
use toetsgen_import::{self as import, yaml};
use toetsgen_plan::diagnostic::Diagnostic;
use toetsgen_plan::{load, validate};

/// The most problems printed: a damaged or wrong file can have thousands.
const MAX_SHOWN: usize = 50;

/// Imports; returns whether a plan was written.
pub(crate) fn run(args: ImportArgs) -> Result<Status> {
    let source = args.file.display().to_string();
    let imported = match import::import(&args.file)? {
        Ok(imported) => imported,
        Err(problems) => {
            for p in problems.iter().take(MAX_SHOWN) {
                eprintln!("error: {}\n  --> {source}: {}\n", p.message, p.place);
            }
            if problems.len() > MAX_SHOWN {
                eprintln!(
                    "… and {} more, not shown (the first {MAX_SHOWN} are)\n",
                    plural(problems.len() - MAX_SHOWN, "problem", "problems")
                );
            }
            eprintln!(
                "Nothing written: {} to fix in {source}",
                plural(problems.len(), "problem", "problems")
            );
            return Ok(Status::Invalid);
        }
    };
    let plan = &imported.plan;
    let target = args
        .output
        .clone()
        .unwrap_or_else(|| default_target(&plan.code, &plan.naam));
    let text = format!(
        "{}\n{}",
        toetsgen_plan::schema::modeline(&target, std::path::Path::new("output")),
        yaml::to_yaml(plan, &source)
    );
    let shown = target.display().to_string();
    let problems = check(&shown, &text);
    if problems.iter().any(Diagnostic::is_error) {
        for d in &problems {
            eprintln!("{d}\n");
        }
        eprintln!(
            "Nothing written: the imported plan would not pass `toetsgen check` (the lines above are those of the YAML it would write)"
        );
        return Ok(Status::Invalid);
    }
    if target.exists() && !args.force {
        bail!("{shown} already exists: give another file with -o, or overwrite it with --force");
    }
    fs::write_atomic(&target, text.as_bytes())?;
    for note in &imported.notes {
        eprintln!("note: {note}");
    }
    let terms: usize = plan.onderdelen.iter().map(|o| o.toetstermen.len()).sum();
    say!(
        "Imported {source} into {shown}: plan {}, {} onderdelen, {terms} toetstermen",
        plan.code,
        plan.onderdelen.len()
    )?;
    Ok(Status::Success)
}

/// The validator's findings on the YAML about to be written.
fn check(shown: &str, text: &str) -> Vec<Diagnostic> {
    match load::parse(shown, text.to_owned()) {
        Ok(sp) => validate::validate(&sp, chrono::Local::now().date_naive()),
        Err(d) => vec![d],
    }
}

/// `toetsplannen/V1-dienstverlening.yaml`.
pub(crate) fn default_target(code: &str, naam: &str) -> PathBuf {
    let slug: String = naam
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    PathBuf::from("toetsplannen").join(format!("{code}-{slug}.yaml"))
}
