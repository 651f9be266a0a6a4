//! `toetsgen check`: validate the plans and render the templates in memory, writing nothing.

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::cmd::{Skipped, plans_failed, print_problems, skipped_line, templates_dir};
use crate::status::Status;
use toetsgen_base::msg;
use toetsgen_build::{self as build, Options, Outcome};

/// Runs the check; returns whether every plan is valid.
pub(crate) fn run(args: CheckArgs) -> Result<Status> {
    let opts = Options {
        jobs: 1,
        review: true,
        ..Options::new(
            args.source.plans.clone(),
            std::path::PathBuf::new(),
            templates_dir(&args.source)?,
            toetsgen_base::cancel::Cancel::new(),
        )
    };
    let outcome = build::check(&opts)?;
    print_problems(&outcome);
    say!("{}", summary(&outcome))?;
    if let Some(line) = skipped_line(&outcome, Skipped::WithErrors) {
        tell!("{line}");
    }
    Ok(Status::valid_if(outcome.success()))
}

/// The one line that says what the check found: "Checked 3 plans: 2 valid, 1 warning", and
/// with errors "Checked 3 plans: 2 valid, 1 with errors; 4 errors, 1 warning".
fn summary(outcome: &Outcome) -> String {
    let (errors, warnings): (Vec<_>, Vec<_>) =
        outcome.diagnostics.iter().partition(|d| d.is_error());
    let errors = errors.len() + outcome.failures.len();
    let failed = plans_failed(outcome);
    let (plans, valid, warnings) = (outcome.plans_found, outcome.plans_built, warnings.len());
    match (failed, errors) {
        (0, 0) => msg!(
            "cmd-checked",
            plans = plans,
            valid = valid,
            warnings = warnings
        ),
        _ => msg!(
            "cmd-checked-errors",
            plans = plans,
            valid = valid,
            failed = failed,
            errors = errors,
            warnings = warnings,
        ),
    }
}
