//! The `toetsgen` binary: parse the command line, run the subcommand, print any error with its
//! whole chain of causes, and exit with the code of its [`Status`](status::Status): 0 success,
//! 1 invalid input (or a document that could not be made from it), 2 wrong usage, 3 a failure of
//! the system (a file that cannot be written, typst missing), 130 / 143 when SIGINT / SIGTERM
//! stopped it.

// The binary is the one place that talks to the terminal (the crates report through
// toetsgen_base::report), so the workspace's print lints are lifted here only.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod cmd;
mod status;

use std::process::ExitCode;

use cli::{Cli, Command};
use status::Status;
use toetsgen_base::lang::Lang;
use toetsgen_base::msg;
use toetsgen_plan::diagnostic::visible;

fn main() -> ExitCode {
    let args = cli::help_command(std::env::args_os().collect());
    let lang = cli::lang_asked(&args).unwrap_or_else(|| Lang::from_env(|k| std::env::var(k).ok()));
    toetsgen_base::lang::set(lang);
    let cli = match Cli::parse_from(args, lang) {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            let status = if err.use_stderr() {
                Status::Usage
            } else {
                Status::Success
            };
            return status.code();
        }
    };
    let result = match cli.command {
        Command::Build(args) => cmd::build::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Changes(args) => cmd::changes::run(args),
        Command::Uitslagen(args) => cmd::uitslagen::run(args),
        Command::Scan(args) => cmd::scan::run(args),
        Command::Import(args) => cmd::import::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Schema => cmd::schema::run(),
        Command::New(args) => cmd::new::run(args),
        Command::Packet(args) => cmd::packet::run(args),
        Command::Analyse(args) => cmd::analyse::run(args),
    };
    let status = match result {
        Ok(status) => status,
        Err(err) => {
            let status = Status::of_error(&err);
            match status {
                Status::PipeClosed => {}
                Status::Interrupted(_) => eprintln!("{err}"),
                _ => eprintln!(
                    "{}",
                    visible(&format!("{} {}", msg!("cli-error"), describe(&err)))
                ),
            }
            status
        }
    };
    status.code()
}

/// An error with its causes, as `{:#}` writes it (`what: why: why`), each error of the operating
/// system told in the user's language.
fn describe(err: &anyhow::Error) -> String {
    err.chain()
        .map(|cause| match cause.downcast_ref::<std::io::Error>() {
            Some(io) => toetsgen_base::lang::io_error(io),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}
