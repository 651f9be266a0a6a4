//! `toetsgen build`: make every document of every valid plan and say what was made.

use anyhow::Result;

use crate::cli::BuildArgs;
use crate::cmd::report::Terminal;
use crate::cmd::{Skipped, print_problems, skipped_line, templates_dir};
use crate::status::Status;
use toetsgen_base::msg;
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
        tell!("{}\n", visible(&format!("{} {note}", msg!("cmd-note"))));
    }
    say!("{}", summary(&opts, &outcome))?;
    if let Some(line) = skipped_line(&outcome, Skipped::NotBuilt) {
        tell!("{line}");
    }
    Ok(Status::valid_if(outcome.success()))
}

/// "Archived version 2021-09-01 of V1 in toetsplannen/archief/V1/2021-09-01.yaml".
fn archived_line(a: &Archived) -> String {
    let (version, code, file) = (
        a.version.to_string(),
        a.code.to_string(),
        a.file.to_string(),
    );
    visible(&match a.stored {
        Stored::Corrected => msg!(
            "cmd-archived-correction",
            version = version,
            code = code,
            file = file
        ),
        _ => msg!("cmd-archived", version = version, code = code, file = file),
    })
}

/// The one line that says what the build did.
pub(super) fn summary(opts: &Options, o: &Outcome) -> String {
    let seconds = toetsgen_base::lang::decimal(o.elapsed.as_secs_f64(), 2);
    let time = msg!("cmd-seconds", s = seconds);
    let skipped = match (opts.since, o.plans_skipped) {
        (Some(since), n) if n > 0 => msg!("cmd-build-left-alone", n = n, since = since.to_string()),
        _ => String::new(),
    };
    let output = opts.output.display().to_string();
    if o.tally.written == 0 && o.tally.removed == 0 && o.plans_built > 0 && o.failures.is_empty() {
        return msg!(
            "cmd-build-nothing",
            files = o.tally.unchanged,
            plans = o.plans_built,
            output = output,
            skipped = skipped,
            time = time,
        );
    }
    let formats: Vec<String> = opts.formats.iter().map(ToString::to_string).collect();
    let mut parts = vec![msg!("cmd-build-written", n = o.tally.written)];
    if o.tally.unchanged > 0 {
        parts.push(msg!("cmd-build-up-to-date", n = o.tally.unchanged));
    }
    if o.tally.removed > 0 {
        parts.push(msg!("cmd-build-removed", n = o.tally.removed));
    }
    if o.tally.versions_kept > 0 {
        parts.push(msg!("cmd-build-kept", n = o.tally.versions_kept));
    }
    msg!(
        "cmd-build-done",
        plans = o.plans_built,
        documents = o.documents,
        formats = formats.join(", "),
        parts = parts.join(", "),
        output = output,
        skipped = skipped,
        time = time,
    )
}
