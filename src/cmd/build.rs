//! `toetsgen build`: make every document of every valid plan and say what was made.

use anyhow::Result;

use crate::cli::BuildArgs;
use crate::cmd::report::Terminal;
use crate::cmd::{print_problems, skipped_line, templates_dir};
use crate::status::Status;
use toetsgen_base::words::plural;
use toetsgen_build::{self as build, Archived, Options, Outcome};
use toetsgen_plan::archive::Stored;
use toetsgen_plan::diagnostic::visible;

/// Runs the build; returns whether everything succeeded.
pub(crate) fn run(args: BuildArgs) -> Result<Status> {
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    let mut formats = args.format.clone();
    formats.sort();
    formats.dedup();
    let opts = Options {
        formats,
        jobs,
        keep_typst: args.keep_typst.clone(),
        batch: !args.no_batch,
        chunk: args.chunk.map_or(0, usize::from),
        force: args.force,
        since: args.since,
        ..Options::new(
            args.source.plans.clone(),
            args.output.clone(),
            templates_dir(&args.source)?,
            crate::cmd::signals::cancel_on_signals()?,
        )
    };
    let outcome = build::build(&opts, &Terminal::new())?;
    print_problems(&outcome);
    for archived in &outcome.archived {
        say!("{}", archived_line(archived))?;
    }
    for note in &outcome.notes {
        tell!("{}\n", visible(&format!("note: {note}")));
    }
    say!("{}", summary(&opts, &outcome))?;
    if let Some(line) = skipped_line(&outcome, "not built because of the errors above") {
        tell!("{line}");
    }
    Ok(Status::valid_if(outcome.success()))
}

/// "Archived version 2021-09-01 of V1 in toetsplannen/archief/V1/2021-09-01.yaml".
fn archived_line(a: &Archived) -> String {
    let what = match a.stored {
        Stored::Corrected => "the correction of version",
        _ => "version",
    };
    visible(&format!(
        "Archived {what} {} of {} in {}",
        a.version, a.code, a.file
    ))
}

/// The one line that says what the build did.
pub(super) fn summary(opts: &Options, o: &Outcome) -> String {
    let time = format!("{:.2} s", o.elapsed.as_secs_f64());
    let skipped = match (opts.since, o.plans_skipped) {
        (Some(since), n) if n > 0 => format!(
            "; {} without changes since {since} left alone",
            plural(n, "plan", "plans")
        ),
        _ => String::new(),
    };
    if o.tally.written == 0 && o.tally.removed == 0 && o.plans_built > 0 && o.failures.is_empty() {
        return format!(
            "Nothing to do: all {} of {} in {} are up to date{skipped} ({time})",
            plural(o.tally.unchanged, "file", "files"),
            plural(o.plans_built, "plan", "plans"),
            opts.output.display()
        );
    }
    let formats: Vec<String> = opts.formats.iter().map(ToString::to_string).collect();
    let mut parts = vec![format!(
        "{} written",
        plural(o.tally.written, "file", "files")
    )];
    if o.tally.unchanged > 0 {
        parts.push(format!("{} up to date", o.tally.unchanged));
    }
    if o.tally.removed > 0 {
        parts.push(format!("{} removed", o.tally.removed));
    }
    if o.tally.versions_kept > 0 {
        parts.push(format!(
            "{} kept",
            plural(o.tally.versions_kept, "earlier version", "earlier versions")
        ));
    }
    format!(
        "Built {}: {} ({}); {} in {}{skipped} ({time})",
        plural(o.plans_built, "plan", "plans"),
        plural(o.documents, "document", "documents"),
        formats.join(", "),
        parts.join(", "),
        opts.output.display(),
    )
}
