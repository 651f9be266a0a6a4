//! `toetsgen packet`: the print packet of one exam session (or of every one with `--all`) as one
//! PDF ([`toetsgen_build::packet`]) from the plan's version in force on the session date (or the
//! one the session names), by default `pakketten/<session>.pdf`. Nothing is made for a
//! session with an error; the others still are.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::cli::PacketArgs;
use crate::cmd::report::Terminal;
use crate::cmd::{read_plans, templates_dir};
use crate::status::Status;
use toetsgen_base::cancel::Cancelled;
use toetsgen_base::msg;
use toetsgen_build::packet::{self, Made, Outcome, Packets};
use toetsgen_document::pdf::{Compiler, Typst};
use toetsgen_document::templates::Templates;
use toetsgen_output::personal::{Personal, refuse_published};
use toetsgen_plan::archive::Archive;

/// Makes the packets; returns whether every session was made.
pub(crate) fn run(args: PacketArgs) -> Result<Status> {
    let files = match &args.file {
        Some(file) => vec![file.clone()],
        None => toetsgen_session::load::discover(&args.sessies)?,
    };
    // typst's scratch folder (it holds the candidates' names) is private to the user and lives
    // beside the packets, not in a shared temporary folder; a packets folder made only for it
    // is removed again when it stays empty.
    let folder = match &args.output {
        Some(file) => {
            refuse_published(file, Personal::Packets)?;
            (file.parent())
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_owned()
        }
        None => {
            let folder = PathBuf::from(packet::PAKKETTEN);
            refuse_published(&folder, Personal::Packets)?;
            folder
        }
    };
    let made_folder = !folder.exists();
    toetsgen_base::fs::create_dir_all(&folder)?;
    let status = make_all(&args, &files, &folder);
    if made_folder {
        let _ = std::fs::remove_dir(&folder);
    }
    status
}

/// Makes the packet of each session in `files`, typst's scratch folder in `folder`.
fn make_all(args: &PacketArgs, files: &[PathBuf], folder: &Path) -> Result<Status> {
    let typst = Typst::locate(None)?;
    let compiler = Compiler::new(&typst, Some(folder), false, args.keep_typst.as_deref())?;
    let cancel = crate::cmd::signals::cancel_on_signals()?;
    let templates =
        Templates::load(templates_dir(&args.source)?.as_deref())?.stopped_by(cancel.clone());
    let plans = read_plans(&args.source.plans)?;
    let archive = Archive::of(&args.source.plans);
    let packets = Packets {
        templates: &templates,
        compiler: &compiler,
        plans: &plans,
        archive: &archive,
        today: chrono::Local::now().date_naive(),
        cancel: &cancel,
        force: args.force,
    };
    let reporter = Terminal::new();
    let mut ok = true;
    for file in files {
        let target = (args.output.clone()).unwrap_or_else(|| packet::default_target(file));
        match packets.make(file, &target, &reporter) {
            Ok(Outcome::Made(made, warnings)) => {
                for w in &warnings {
                    tell!("{w}\n");
                }
                say!("{}", made_line(&made))?;
            }
            Ok(Outcome::Refused(problems)) => {
                for p in &problems {
                    tell!("{p}\n");
                }
                tell!(
                    "{}",
                    msg!("cmd-packet-refused", file = file, n = problems.len())
                );
                ok = false;
            }
            Err(err) if err.is::<Cancelled>() => return Err(err),
            Err(err) => {
                tell!("{} {}\n", msg!("cli-error"), crate::describe(&err));
                ok = false;
            }
        }
    }
    Ok(Status::valid_if(ok))
}

/// "Wrote pakketten/x.pdf: 3 candidates for V1 (version 2021-09-01) on 2026-12-03".
fn made_line(made: &Made) -> String {
    let (path, n, code) = (&made.target, made.candidates, &made.plan);
    let (version, date) = (made.versie.to_string(), made.datum.to_string());
    match made.written {
        true => msg!(
            "cmd-packet-wrote",
            path = path,
            n = n,
            code = code,
            version = version,
            date = date
        ),
        false => msg!(
            "cmd-packet-unchanged",
            path = path,
            n = n,
            code = code,
            version = version,
            date = date
        ),
    }
}
