//! `toetsgen check`: validate the plans and render the templates in memory, writing nothing.

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::cmd::{print_problems, skipped_line, templates_dir};
use crate::status::Status;
use toetsgen_base::words::plural;
use toetsgen_build::{self as build, Options};

/// Runs the check; returns whether every plan is valid.
pub(crate) fn run(args: CheckArgs) -> Result<Status> {
    let opts = Options {
        jobs: 1,
        ..Options::new(
            args.source.plans.clone(),
            std::path::PathBuf::new(),
            templates_dir(&args.source)?,
            toetsgen_base::cancel::Cancel::new(),
        )
    };
    let outcome = build::check(&opts)?;
    print_problems(&outcome);
    let warnings = outcome.diagnostics.iter().filter(|d| !d.is_error()).count();
    say!(
        "Checked {}: {} valid, {}",
        plural(outcome.plans_found, "plan", "plans"),
        outcome.plans_built,
        plural(warnings, "warning", "warnings"),
    )?;
    if let Some(line) = skipped_line(&outcome, "with errors (see above)") {
        eprintln!("{line}");
    }
    Ok(Status::valid_if(outcome.success()))
}
