//! `toetsgen new CODE "Naam"`: a valid plan to start from, `toetsplannen/<CODE>-<naam>.yaml`,
//! every field present and explained in Dutch, never written over an existing file.

use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::cli::NewArgs;
use crate::cmd::import::default_target;
use crate::status::Status;
use toetsgen_base::{fs, msg};
use toetsgen_plan::diagnostic::Diagnostic;
use toetsgen_plan::folder::Plans;
use toetsgen_plan::limits::{MAX_CODE_CHARS, valid_plan_code};
use toetsgen_plan::{load, schema, starter, validate};

/// Writes the plan; returns whether it was written.
pub(crate) fn run(args: NewArgs) -> Result<Status> {
    let code = args.code.trim();
    // Plan codes are written in capitals (V1, B2): a lowercase code is refused like any other.
    if !valid_plan_code(code) || code.chars().any(|c| c.is_ascii_lowercase()) {
        bail!(msg!(
            "cmd-new-bad-code",
            code = code.escape_debug().to_string(),
            max = MAX_CODE_CHARS
        ));
    }
    let target = default_target(code, &args.naam);
    let shown = target.display().to_string();
    if target.exists() {
        bail!(msg!("cmd-new-exists", path = &shown));
    }
    let today = chrono::Local::now().date_naive();
    let folder = target.parent().unwrap_or(Path::new("."));
    if let Some(other) = plan_with_code(code, folder, today)? {
        bail!(msg!("cmd-new-code-used", code = code, path = other));
    }
    let modeline = schema::modeline(&target, Path::new("output"));
    let text = starter::yaml(code, &args.naam, today, &modeline);
    let problems = match load::parse(&shown, text.clone()) {
        Ok(sp) => validate::validate(&sp, today),
        Err(d) => vec![d],
    };
    if problems.iter().any(Diagnostic::is_error) {
        for d in &problems {
            tell!("{d}\n");
        }
        tell!("{}", msg!("cmd-new-nothing"));
        return Ok(Status::Invalid);
    }
    fs::write_atomic(&target, text.as_bytes())?;
    say!(
        "{}",
        msg!(
            "cmd-new-wrote",
            path = &shown,
            code = code,
            schema = schema::FILE_NAME
        )
    )?;

    Ok(Status::Success)
}

/// The plan file in `folder` (read as every command reads it) that already has `code`, if any.
fn plan_with_code(code: &str, folder: &Path, today: NaiveDate) -> Result<Option<String>> {
    let has_plans = folder.is_dir() && load::discover(folder).is_ok();
    if !has_plans {
        return Ok(None);
    }
    let plans = Plans::read(folder, today)?;
    let found = (plans.read_plans())
        .find(|p| p.source.plan.code.trim().eq_ignore_ascii_case(code))
        .map(|p| p.source.display.clone());
    Ok(found)
}
