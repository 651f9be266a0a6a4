//! `toetsgen build`: make every document of every valid plan and say what was made.

use anyhow::Result;

use crate::build::{self, Options};
use crate::cli::BuildArgs;
use crate::cmd::{plural, print_problems, skipped_line, templates_dir};

/// Runs the build; returns whether everything succeeded.
pub fn run(args: BuildArgs) -> Result<bool> {
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    let opts = Options {
        plans: args.source.plans.clone(),
        output: args.output.clone(),
        templates: templates_dir(&args.source)?,
        formats,
        jobs,
        today: chrono::Local::now().date_naive(),
        keep_typst: args.keep_typst.clone(),
    };
    let outcome = build::build(&opts)?;
    print_problems(&outcome);
    let formats: Vec<String> = opts.formats.iter().map(ToString::to_string).collect();
    println!(
        "Built {}: {} ({}), {} in {} in {:.2} s",
        plural(outcome.plans_built, "plan", "plans"),
        plural(outcome.documents, "document", "documents"),
        formats.join(", "),
        plural(outcome.files, "file", "files"),
        opts.output.display(),
        outcome.elapsed.as_secs_f64()
    );
    if let Some(line) = skipped_line(&outcome, "not built because of the errors above") {
        eprintln!("{line}");
    }
    Ok(outcome.success())
}
