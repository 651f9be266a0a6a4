//! One file per subcommand; each turns its arguments into library calls and prints the result.

/// Writes a line to standard output, giving the write's error (`?` ends the command with it):
/// a closed pipe, as in `toetsgen changes … | head -1`, then ends the program quietly.
/// Every control character in the text is written as an escape (`\u{1b}`): whatever a plan, a
/// form or a file name holds, it cannot drive the terminal.
macro_rules! say {
    ($($arg:tt)*) => {
        std::io::Write::write_fmt(
            &mut std::io::stdout(),
            format_args!("{}\n", toetsgen_plan::diagnostic::visible(&format!($($arg)*))),
        )
    };
}

/// [`say!`] without the line break.
macro_rules! say_raw {
    ($($arg:tt)*) => {
        std::io::Write::write_fmt(
            &mut std::io::stdout(),
            format_args!("{}", toetsgen_plan::diagnostic::visible(&format!($($arg)*))),
        )
    };
}

/// A line to standard error, every control character escaped as [`say!`] does.
macro_rules! tell {
    ($($arg:tt)*) => {
        eprintln!("{}", toetsgen_plan::diagnostic::visible(&format!($($arg)*)))
    };
}

pub(crate) mod analyse;
pub(crate) mod build;
pub(crate) mod changes;
pub(crate) mod check;
pub(crate) mod import;
pub(crate) mod new;
pub(crate) mod packet;
pub(crate) mod report;
pub(crate) mod scan;
pub(crate) mod schema;
pub(crate) mod serve;
pub(crate) mod signals;
pub(crate) mod uitslagen;

use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::cli::SourceArgs;
use toetsgen_base::msg;
use toetsgen_build::Outcome;
use toetsgen_plan::diagnostic::visible;
use toetsgen_plan::folder::Plans;

/// The templates folder: the one named, which must exist, or `templates` when present.
fn templates_dir(args: &SourceArgs) -> Result<Option<PathBuf>> {
    match &args.templates {
        Some(dir) if !dir.is_dir() => bail!(msg!("cmd-no-templates-folder", path = dir)),
        Some(dir) => Ok(Some(dir.clone())),
        None => {
            let default = PathBuf::from("templates");
            Ok(default.is_dir().then_some(default))
        }
    }
}

/// Prints the plans' problems, errors and warnings, as every command reports them.
fn print_plan_problems(plans: &Plans) {
    for problem in plans.problems() {
        tell!("{problem}\n");
    }
}

/// Reads and checks every plan in `dir` ([`Plans::read`]) and prints their problems: the one way
/// a command other than `build` and `check` gets its plans.
fn read_plans(dir: &std::path::Path) -> Result<Plans> {
    let plans = Plans::read(dir, chrono::Local::now().date_naive())?;
    print_plan_problems(&plans);
    Ok(plans)
}

/// Prints the problems found, errors and warnings, to standard error.
fn print_problems(outcome: &Outcome) {
    for problem in problems(outcome) {
        tell!("{problem}\n");
    }
}

/// The problems found, errors and warnings, each as the terminal shows it (control characters
/// from templates, paths or typst escaped, as the plans' diagnostics do): the plans' with file,
/// line and the offending line, then the build record's, then the failures with their causes.
fn problems(outcome: &Outcome) -> Vec<String> {
    let diagnostics = outcome.diagnostics.iter().map(ToString::to_string);
    let ignored = (outcome.ignored.iter()).map(|entry| {
        visible(&format!(
            "{} {}",
            msg!("cmd-warning"),
            msg!("cmd-record-ignored", entry = entry.to_string())
        ))
    });
    let failures = (outcome.failures.iter()).map(|failure| {
        visible(&format!(
            "{} {}",
            msg!("cli-error"),
            crate::describe(failure)
        ))
    });
    diagnostics.chain(ignored).chain(failures).collect()
}

/// The plans that failed: found, but neither built nor left out by `--since`.
fn plans_failed(outcome: &Outcome) -> usize {
    (outcome.plans_found).saturating_sub(outcome.plans_built + outcome.plans_skipped)
}

/// What became of the plans that failed.
enum Skipped {
    /// `build`: not built.
    NotBuilt,
    /// `check`: found to have errors.
    WithErrors,
}

/// The line about plans that failed, if any: "1 plan not built because of the errors above".
fn skipped_line(outcome: &Outcome, what: Skipped) -> Option<String> {
    let failed = plans_failed(outcome);
    (failed > 0).then(|| match what {
        Skipped::NotBuilt => msg!("cmd-plans-not-built", n = failed),
        Skipped::WithErrors => msg!("cmd-plans-with-errors", n = failed),
    })
}
