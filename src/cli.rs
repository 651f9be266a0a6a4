//! The command line: `toetsgen build` and `toetsgen check`, with the folders and formats they
//! work on.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::render::Format;

/// Generate the documents of an exam (toetsplan, beoordelingsformulier, instructie voor de
/// beoordelaar, opdracht voor de kandidaat) as Markdown, HTML and PDF from toetsplannen in YAML.
#[derive(Debug, Parser)]
#[command(name = "toetsgen", version, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build every document of every plan into the output folder.
    Build(BuildArgs),
    /// Check the plans and templates without writing anything.
    Check(CheckArgs),
}

/// Where the plans and templates are.
#[derive(Debug, Args)]
pub struct SourceArgs {
    /// Folder with the toetsplannen (*.yaml, searched recursively).
    #[arg(long, value_name = "DIR", default_value = "toetsplannen")]
    pub plans: PathBuf,

    /// Folder whose templates override the built-in ones by name; a template there with a new
    /// name adds a document. Default: `templates` when that folder exists.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Options of `toetsgen build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub source: SourceArgs,

    /// Folder the documents are written to, one subfolder per plan code.
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,

    /// Formats to write, comma-separated. Markdown and HTML need no typst.
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "md,html,pdf"
    )]
    pub format: Vec<Format>,

    /// Number of typst processes run at a time. Default: the number of cores.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Also write the Typst source of every PDF into DIR, as <CODE>/<document>.typ (to inspect a
    /// template's output, or to time typst on its own).
    #[arg(long, value_name = "DIR")]
    pub keep_typst: Option<PathBuf>,
}

/// Options of `toetsgen check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub source: SourceArgs,
}
