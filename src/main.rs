//! The `toetsgen` binary: parse the command line, run the subcommand, print any error with its
//! whole chain of causes, and exit with 0 (success), 1 (invalid input or failed generation),
//! 2 (wrong usage), or 130 / 143 when SIGINT / SIGTERM stopped a build.

use std::process::ExitCode;

use clap::Parser;
use toetsgen::cancel::Cancelled;
use toetsgen::cli::{Cli, Command};
use toetsgen::cmd;
use toetsgen::plan::diagnostic::visible;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Build(args) => cmd::build::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Changes(args) => cmd::changes::run(args),
        Command::Uitslagen(args) => cmd::uitslagen::run(args),
        Command::Import(args) => cmd::import::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Schema => cmd::schema::run(),
        Command::New(args) => cmd::new::run(args),
        Command::Packet(args) => cmd::packet::run(args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) => match err.downcast_ref::<Cancelled>() {
            Some(cancelled) => {
                eprintln!("{cancelled}");
                ExitCode::from(u8::try_from(128 + cancelled.signal).unwrap_or(1))
            }
            None => {
                eprintln!("{}", visible(&format!("error: {err:#}")));
                ExitCode::from(1)
            }
        },
    }
}
