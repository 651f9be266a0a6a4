//! `toetsgen new CODE "Naam"`: a valid plan to start from, `toetsplannen/<CODE>-<naam>.yaml`,
//! every field present and explained in Dutch, never written over an existing file.

use std::path::Path;

use anyhow::{Result, bail};

use crate::cli::NewArgs;
use crate::cmd::import::default_target;
use crate::fs;
use crate::plan::diagnostic::Diagnostic;
use crate::plan::limits::{MAX_CODE_CHARS, valid_plan_code};
use crate::plan::{load, schema, starter, validate};

/// Writes the plan; returns whether it was written.
pub fn run(args: NewArgs) -> Result<bool> {
    let code = args.code.trim();
    if !valid_plan_code(code) {
        bail!(
            "`{}` is not a plan code: use 1 to {MAX_CODE_CHARS} letters and digits, e.g. V2 (it becomes a folder name)",
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
    if let Some(other) = plan_with_code(code, target.parent().unwrap_or(Path::new(".")))? {
        bail!("plan code {code} is already used by {other}: choose another code");
    }
    let today = chrono::Local::now().date_naive();
    let modeline = schema::modeline(&target, Path::new("output"));
    let text = starter::yaml(code, &args.naam, today, &modeline);
    let problems = match load::parse(&shown, text.clone()) {
        Ok(sp) => validate::validate(&sp, today),
        Err(d) => vec![d],
    };
    if problems.iter().any(Diagnostic::is_error) {
        for d in &problems {
            eprintln!("{d}\n");
        }
        eprintln!("Nothing written: correct the code or the name given");
        return Ok(false);
    }
    fs::write_atomic(&target, text.as_bytes())?;
    println!(
        "Wrote {shown}: plan {code} with one onderdeel and one toetsterm to start from. Fill it in and run `toetsgen check`; `toetsgen build` writes output/{}, which lets your editor check the plan as you type.",
        schema::FILE_NAME
    );
    Ok(true)
}

/// The plan file in `folder` (searched as `build` does) that already has `code`, if any.
fn plan_with_code(code: &str, folder: &Path) -> Result<Option<String>> {
    if !folder.is_dir() {
        return Ok(None);
    }
    let found = (load::discover(folder)?.iter())
        .filter_map(|path| load::load(path).ok())
        .find(|sp| sp.plan.code.trim() == code)
        .map(|sp| sp.display);
    Ok(found)
}
