//! `toetsgen check`: validate the plans and render the templates in memory, writing nothing.

use anyhow::Result;

use crate::build::{self, Options};
use crate::cli::CheckArgs;
use crate::cmd::{print_problems, skipped_line, templates_dir};
use crate::words::plural;

/// Runs the check; returns whether every plan is valid.
pub fn run(args: CheckArgs) -> Result<bool> {
    let opts = Options {
        jobs: 1,
        ..Options::new(
            args.source.plans.clone(),
            std::path::PathBuf::new(),
            templates_dir(&args.source)?,
            crate::cancel::Cancel::new(),
        )
    };
    let outcome = build::check(&opts)?;
    print_problems(&outcome);
    let warnings = outcome.diagnostics.iter().filter(|d| !d.is_error()).count();
    println!(
        "Checked {}: {} valid, {}",
        plural(outcome.plans_found, "plan", "plans"),
        outcome.plans_built,
        plural(warnings, "warning", "warnings"),
    );
    if let Some(line) = skipped_line(&outcome, "with errors (see above)") {
        eprintln!("{line}");
    }
    Ok(outcome.success())
}
