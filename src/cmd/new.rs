//! `toetsgen new CODE "Naam"`: a valid plan to start from, `toetsplannen/<CODE>-<naam>.yaml`,
//! every field present and explained in Dutch, never written over an existing file.

use std::path::Path;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use crate::cli::NewArgs;
use crate::cmd::import::default_target;
use crate::status::Status;
use toetsgen_base::fs;
use toetsgen_plan::diagnostic::Diagnostic;
use toetsgen_plan::folder::Plans;
use toetsgen_plan::limits::{MAX_CODE_CHARS, valid_plan_code};
use toetsgen_plan::{load, schema, starter, validate};

/// Writes the plan; returns whether it was written.
pub(crate) fn run(args: NewArgs) -> Result<Status> {
    let code = args.code.trim();
    // Plan codes are written in capitals (V1, B2): a lowercase code is refused like any other.
    if !valid_plan_code(code) || code.chars().any(|c| c.is_ascii_lowercase()) {
        bail!(
            "`{}` is not a plan code: use 1 to {MAX_CODE_CHARS} capital letters and digits, e.g. V2 (it becomes a folder name)",
            code.escape_debug()
        );
    }
    let target = default_target(code, &args.naam);
    let shown = target.display().to_string();
    if target.exists() {
        bail!(
            "{shown} already exists: toetsgen new never writes over a plan. Choose another code or name, or move that file away first"
        );
    }
    let today = chrono::Local::now().date_naive();
    let folder = target.parent().unwrap_or(Path::new("."));
    if let Some(other) = plan_with_code(code, folder, today)? {
        bail!("plan code {code} is already used by {other}: choose another code");
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
        tell!("Nothing written: correct the code or the name given");
        return Ok(Status::Invalid);
    }
    fs::write_atomic(&target, text.as_bytes())?;
    say!(
        "Wrote {shown}: plan {code} with one onderdeel and one toetsterm to start from. Fill it in and run `toetsgen check`; `toetsgen build` writes output/{}, which lets your editor check the plan as you type.",
        schema::FILE_NAME
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
