//! `toetsgen serve`: build, serve the output folder on this computer, and on every change of a
//! plan or template build again (only what changed) and reload the open pages. The problems of a
//! build show in the terminal and on the pages alike, until they are fixed. Ctrl-C or SIGTERM
//! stops it (a build under way stops cleanly first).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::ServeArgs;
use crate::cmd::build::summary;
use crate::cmd::report::Terminal;
use crate::cmd::{Skipped, print_problems, problems, skipped_line, templates_dir};
use crate::status::Status;
use toetsgen_base::cancel::Cancelled;
use toetsgen_base::{lang, msg};
use toetsgen_build::{self as build, Options};
use toetsgen_document::Format;
use toetsgen_serve::http::{self as http, Server};
use toetsgen_serve::watch::Watcher;

/// Serves until stopped; returns true when stopped by a signal, an error otherwise.
pub(crate) fn run(args: ServeArgs) -> Result<Status> {
    let mut opts = options(&args)?;
    if !args.bind.is_loopback() {
        let open = msg!("cmd-serve-open-to-network", addr = args.bind.to_string());
        tell!("{} {open}", msg!("cmd-warning"));
    }
    let server = Server::start(SocketAddr::new(args.bind, args.port), &args.output)?;
    let url = format!("http://{}/", server.addr());
    let templates = PathBuf::from("templates");
    let watched: Vec<&Path> = [Some(opts.plans.as_path()), opts.templates.as_deref()]
        .into_iter()
        .flatten()
        .chain((opts.templates.is_none()).then_some(templates.as_path()))
        .collect();
    let watcher = Watcher::new(&watched)?;
    let folders = (watched.iter().map(|p| p.display().to_string()))
        .collect::<Vec<_>>()
        .join(&msg!("cmd-and"));
    say!(
        "{}",
        msg!(
            "cmd-serving",
            output = &opts.output,
            url = &url,
            folders = folders
        )
    )?;
    if !args.pdf {
        say!("{}", msg!("cmd-serve-no-pdfs"))?;
    }
    let mut builds = 0;
    if rebuild(&opts, &server, &mut builds).is_err() {
        return stopped(&url);
    }
    if args.open
        && let Err(err) = open::that(&url)
    {
        let error = lang::io_error(&err);
        let no_browser = msg!("cmd-serve-no-browser", error = error, url = &url);
        tell!("{} {no_browser}", msg!("cmd-warning"));
    }
    loop {
        let changed = match watcher.next(&opts.cancel) {
            Ok(changed) => changed,
            Err(err) if err.downcast_ref::<Cancelled>().is_some() => return stopped(&url),
            Err(err) => return Err(err),
        };
        say!("{}", msg!("cmd-serve-changed", files = names(&changed)))?;
        opts.today = chrono::Local::now().date_naive();
        if rebuild(&opts, &server, &mut builds).is_err() {
            return stopped(&url);
        }
    }
}

/// The build's options: Markdown and HTML (and PDF with `--pdf`), incremental, stopped by
/// SIGINT and SIGTERM.
fn options(args: &ServeArgs) -> Result<Options> {
    let mut formats = vec![Format::Md, Format::Html];
    if args.pdf {
        formats.push(Format::Pdf);
    }
    Ok(Options {
        formats,
        publish: false,
        review: true,
        ..Options::new(
            args.source.plans.clone(),
            args.output.clone(),
            templates_dir(&args.source)?,
            crate::cmd::signals::cancel_on_signals()?,
        )
    })
}

/// Builds, says what it did or what is wrong, and tells the pages. Fails only when a signal
/// stopped the build.
fn rebuild(opts: &Options, server: &Server, builds: &mut u64) -> Result<(), Cancelled> {
    let status = match build::build(opts, &Terminal::new()) {
        Ok(outcome) => {
            print_problems(&outcome);
            // The server keeps serving when nobody reads its standard output any more.
            let _ = say!("{}", summary(opts, &outcome));
            if let Some(line) = skipped_line(&outcome, Skipped::NotBuilt) {
                tell!("{line}");
            }
            let ok = outcome.success();
            http::Status {
                builds: 0,
                // Warnings too (the readability of a candidate's text): the panel says whether
                // they stopped a plan.
                problems: problems(&outcome),
                ok,
            }
        }
        Err(err) => {
            if let Some(cancelled) = err.downcast_ref::<Cancelled>() {
                return Err(*cancelled);
            }
            let problem = toetsgen_plan::diagnostic::visible(&format!(
                "{} {}",
                msg!("cli-error"),
                crate::describe(&err)
            ));
            tell!("{problem}\n");
            http::Status {
                builds: 0,
                problems: vec![problem],
                ok: false,
            }
        }
    };
    *builds += 1;
    server.publish(http::Status {
        builds: *builds,
        ..status
    });
    Ok(())
}

/// The files changed, shortest form: up to three names, then how many more.
fn names(changed: &[PathBuf]) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let shown: Vec<String> = (changed.iter().take(3))
        .map(|p| p.strip_prefix(&cwd).unwrap_or(p).display().to_string())
        .collect();
    match changed.len() {
        n if n > 3 => msg!("cmd-serve-and-more", names = shown.join(", "), n = n - 3),
        _ => shown.join(", "),
    }
}

/// The last words when a signal stopped serve.
fn stopped(url: &str) -> Result<Status> {
    say!("{}", msg!("cmd-serve-stopped", url = url))?;

    Ok(Status::Success)
}
