//! The command line: `toetsgen build`, `check`, `changes`, `import`, `serve`, `schema`, `new` and
//! `packet`,
//! with the folders and formats they work on.

use std::net::IpAddr;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use toetsgen_document::Format;

/// Generate the documents of an exam (toetsplan, beoordelingsformulier, instructie voor de
/// beoordelaar, opdracht voor de kandidaat) as Markdown, HTML and PDF from toetsplannen in YAML.
#[derive(Debug, Parser)]
#[command(name = "toetsgen", version, propagate_version = true)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Build every document of every plan into the output folder.
    Build(BuildArgs),
    /// Check the plans and templates without writing anything.
    Check(CheckArgs),
    /// List, per plan, the toetstermen changed on or after a date.
    Changes(ChangesArgs),
    /// Turn a toetsplan from a text export (.txt) or Word document (.docx) into YAML.
    Import(ImportArgs),
    /// Build, serve the output folder on this computer, and rebuild and reload on every save.
    Serve(ServeArgs),
    /// Print the JSON Schema of a toetsplan (for editors such as VS Code).
    Schema,
    /// Write a new toetsplan to start from: toetsplannen/<CODE>-<naam>.yaml.
    New(NewArgs),
    /// Collect saved beoordelingsformulieren (JSON) into a results list (CSV and Markdown).
    Uitslagen(UitslagenArgs),
    /// Make the print packet of an exam session: one PDF in pakketten/.
    Packet(PacketArgs),
}

/// Options of `toetsgen uitslagen`.
#[derive(Debug, Args)]
pub(crate) struct UitslagenArgs {
    /// The saved forms: JSON files written by the form's "Opslaan".
    #[arg(value_name = "FILE.json", required = true)]
    pub files: Vec<PathBuf>,

    /// Folder with the toetsplannen (*.yaml, searched recursively).
    #[arg(long, value_name = "DIR", default_value = "toetsplannen")]
    pub plans: PathBuf,

    /// Where to write the list: NAME.csv and NAME.md. It holds personal data: it stays out of
    /// the published output folder and, by default, in the folder uitslagen/ (keep that folder
    /// out of version control).
    #[arg(
        short,
        long,
        value_name = "NAME",
        default_value = "uitslagen/uitslagen"
    )]
    pub output: PathBuf,
}

/// Where the plans and templates are.
#[derive(Debug, Args)]
pub(crate) struct SourceArgs {
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
pub(crate) struct BuildArgs {
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

    /// Rebuild and rewrite every file, even those that are up to date.
    #[arg(long)]
    pub force: bool,

    /// Run typst once per PDF, rather than many PDFs per process (the PDFs are the same).
    #[arg(long)]
    pub no_batch: bool,

    /// PDFs per typst process when batching (default: chosen; for benchmarks).
    #[arg(long, hide = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub chunk: Option<u16>,

    /// Build only the plans with a toetsterm changed on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: Option<NaiveDate>,

    /// Also write the Typst source of every PDF into DIR, as <CODE>/<document>.typ (to inspect a
    /// template's output, or to time typst on its own).
    #[arg(long, value_name = "DIR")]
    pub keep_typst: Option<PathBuf>,
}

/// Options of `toetsgen import`.
#[derive(Debug, Args)]
pub(crate) struct ImportArgs {
    /// The text export (tab-separated, UTF-8) or Word document (.docx) of a toetsplan.
    pub file: PathBuf,

    /// The YAML file to write. Default: <CODE>-<naam>.yaml in the plans folder.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Folder with the toetsplannen (*.yaml, searched recursively): an import of a plan code that
    /// a plan there has is refused, unless --force.
    #[arg(long, value_name = "DIR", default_value = "toetsplannen")]
    pub plans: PathBuf,

    /// Replace the plan in the plans folder that has the imported plan's code (its file is
    /// written over, so there is still one plan with that code), or overwrite the YAML file if
    /// it exists.
    #[arg(long)]
    pub force: bool,
}

/// Options of `toetsgen changes`.
#[derive(Debug, Args)]
pub(crate) struct ChangesArgs {
    /// Folder with the toetsplannen (*.yaml, searched recursively).
    #[arg(long, value_name = "DIR", default_value = "toetsplannen")]
    pub plans: PathBuf,

    /// List the toetstermen changed on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub since: NaiveDate,

    /// How to print the list: a table for people, or JSON for programs.
    #[arg(long, value_name = "FORMAT", default_value = "table")]
    pub format: ListFormat,
}

/// How `changes` prints its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ListFormat {
    /// Aligned columns.
    Table,
    /// A JSON array of plans with their changed toetstermen.
    Json,
}

/// Reads a date argument written as YYYY-MM-DD.
fn parse_date(text: &str) -> Result<NaiveDate, String> {
    toetsgen_plan::model::parse_iso_date(text)
}

/// Options of `toetsgen check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub source: SourceArgs,
}

/// Options of `toetsgen serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub source: SourceArgs,

    /// Folder the documents are written to and served from.
    #[arg(short, long, value_name = "DIR", default_value = "output")]
    pub output: PathBuf,

    /// Port to serve on.
    #[arg(short, long, value_name = "PORT", default_value_t = 4300)]
    pub port: u16,

    /// Address to listen on. Default: 127.0.0.1, this computer only. Any other address lets
    /// other computers on the network read the documents.
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    pub bind: IpAddr,

    /// Open the site in the web browser once it is built.
    #[arg(long)]
    pub open: bool,

    /// Also make the PDFs (needs typst; each rebuild takes longer). Without it, a plan changed
    /// since its PDFs were made links no PDF until they are made again.
    #[arg(long)]
    pub pdf: bool,
}

/// Options of `toetsgen new`.
#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// The plan's code: letters and digits, e.g. V2.
    pub code: String,

    /// The module's name, e.g. "Publiekszaken". The file is named after it.
    pub naam: String,

    /// Folder to write the plan into.
    #[arg(long, value_name = "DIR", default_value = "toetsplannen")]
    pub plans: PathBuf,
}

/// Options of `toetsgen packet`.
#[derive(Debug, Args)]
pub(crate) struct PacketArgs {
    #[command(flatten)]
    pub source: SourceArgs,

    /// The session file, e.g. sessies/2026-12-03-den-haag.yaml.
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub file: Option<PathBuf>,

    /// Make the packet of every session file in the sessions folder.
    #[arg(long)]
    pub all: bool,

    /// The sessions folder that --all reads.
    #[arg(long, value_name = "DIR", default_value = "sessies")]
    pub sessies: PathBuf,

    /// Where to write the packet. Default: pakketten/<session file name>.pdf.
    #[arg(short, long, value_name = "FILE", conflicts_with = "all")]
    pub output: Option<PathBuf>,

    /// Replace a file at the packet's place that is not a packet toetsgen made.
    #[arg(long)]
    pub force: bool,

    /// Keep the Typst source and typst's messages of a packet typst fails on in DIR (it holds
    /// the candidates' names: a folder of your own, not a shared one).
    #[arg(long, value_name = "DIR")]
    pub keep_typst: Option<PathBuf>,
}
