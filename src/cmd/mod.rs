//! One file per subcommand; each turns its arguments into library calls and prints the result.

pub mod build;
pub mod changes;
pub mod check;
pub mod import;
pub mod new;
pub mod packet;
pub mod report;
pub mod schema;
pub mod serve;
pub mod signals;
pub mod uitslagen;

use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::build::Outcome;
use crate::cli::SourceArgs;
use crate::plan::diagnostic::visible;
use crate::words::plural;

/// The templates folder: the one named, which must exist, or `templates` when present.
fn templates_dir(args: &SourceArgs) -> Result<Option<PathBuf>> {
    match &args.templates {
        Some(dir) if !dir.is_dir() => bail!(
            "the templates folder {} does not exist: create it, or leave out --templates to use the built-in templates",
            dir.display()
        ),
        Some(dir) => Ok(Some(dir.clone())),
        None => {
            let default = PathBuf::from("templates");
            Ok(default.is_dir().then_some(default))
        }
    }
}

/// Prints the problems found, errors and warnings, to standard error.
fn print_problems(outcome: &Outcome) {
    for problem in problems(outcome) {
        eprintln!("{problem}\n");
    }
}

/// The problems found, errors and warnings, each as the terminal shows it (control characters
/// from templates, paths or typst escaped, as the plans' diagnostics do): the plans' with file,
/// line and the offending line, then the build record's, then the failures with their causes.
fn problems(outcome: &Outcome) -> Vec<String> {
    let diagnostics = outcome.diagnostics.iter().map(ToString::to_string);
    let ignored = (outcome.ignored.iter())
        .map(|entry| visible(&format!("warning: ignored in the build record: {entry}")));
    let failures = (outcome.failures.iter()).map(|failure| visible(&format!("error: {failure:#}")));
    diagnostics.chain(ignored).chain(failures).collect()
}

/// The line about plans that failed, if any: "1 plan <what>".
fn skipped_line(outcome: &Outcome, what: &str) -> Option<String> {
    let skipped = outcome.plans_found.saturating_sub(outcome.plans_built);
    (skipped > 0).then(|| format!("{} {what}", plural(skipped, "plan", "plans")))
}

/// Refuses to write personal data (`what`: a results list, a print packet) inside a published
/// output folder — one that holds a build record, at any level above the file: candidates' data
/// never goes on the site.
pub(crate) fn refuse_published(target: &std::path::Path, what: &str) -> Result<()> {
    let absolute = std::path::absolute(target).unwrap_or_else(|_| target.to_owned());
    let published = absolute
        .ancestors()
        .skip(1)
        .find(|dir| dir.join(crate::output::record::FILE_NAME).is_file());
    match published {
        Some(dir) => bail!(
            "{} lies inside {}, a published output folder (it holds toetsgen's build record): {what} are personal data and never go on the site; write them elsewhere",
            target.display(),
            dir.display()
        ),
        None => Ok(()),
    }
}
