//! The command line: `toetsgen bouw`, `controleer`, `wijzigingen`, `importeer`, `bekijk`,
//! `schema`, `nieuw`, `uitslagen`, `pakket`, `analyse` and `scan` (each also under its English name: `build`,
//! `check`, `changes`, `import`, `serve`, `schema`, `new`, `results`, `packet`, `analyze`), with the folders
//! and formats they work on. The texts of `--help` and of a wrong command line come from the
//! message catalogue ([`localize`], [`usage`]); the doc comments here are for developers.

mod localize;
pub(crate) mod usage;

use std::net::IpAddr;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};

use toetsgen_base::lang::Lang;
use toetsgen_document::Format;

/// Generate the documents of an exam (toetsplan, beoordelingsformulier, instructie voor de
/// beoordelaar, opdracht voor de kandidaat) as Markdown, HTML and PDF from toetsplannen in YAML.
#[derive(Debug, Parser)]
#[command(name = "toetsgen", version)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// The language of messages and help: nl (default) or en. Without it, the locale
    /// variables (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) choose.
    #[arg(long, global = true, value_name = "TAAL", alias = "lang", value_parser = parse_lang)]
    pub taal: Option<Lang>,
}

/// The subcommands, named in Dutch; each English name is an alias, so that scripts written for
/// either keep working.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Build every document of every plan into the output folder.
    #[command(name = "bouw", alias = "build")]
    Build(BuildArgs),
    /// Check the plans and templates without writing anything.
    #[command(name = "controleer", alias = "check")]
    Check(CheckArgs),
    /// List, per plan, the toetstermen changed on or after a date.
    #[command(name = "wijzigingen", alias = "changes")]
    Changes(ChangesArgs),
    /// Turn a toetsplan from a text export (.txt) or Word document (.docx) into YAML.
    #[command(name = "importeer", alias = "import")]
    Import(ImportArgs),
    /// Build, serve the output folder on this computer, and rebuild and reload on every save.
    #[command(name = "bekijk", alias = "serve")]
    Serve(ServeArgs),
    /// Print the JSON Schema of a toetsplan (for editors such as VS Code).
    #[command(name = "schema")]
    Schema,
    /// Write a new toetsplan to start from: toetsplannen/<CODE>-<naam>.yaml.
    #[command(name = "nieuw", alias = "new")]
    New(NewArgs),
    /// Collect saved beoordelingsformulieren (JSON) into a results list (CSV and Markdown).
    #[command(name = "uitslagen", alias = "results")]
    Uitslagen(UitslagenArgs),
    /// Make the print packet of an exam session: one PDF in pakketten/.
    #[command(name = "pakket", alias = "packet")]
    Packet(PacketArgs),
    /// The toetsanalyse of a question exam's scores (CSV) or of saved observation forms (JSON).
    #[command(name = "analyse", alias = "analyze")]
    Analyse(AnalyseArgs),
    /// Read filled-in forms of a print packet back from scans into saved forms (JSON).
    #[command(name = "scan")]
    Scan(ScanArgs),
}

impl Cli {
    /// The command line with every text in `lang`.
    pub(crate) fn command_in(lang: Lang) -> clap::Command {
        localize::localize(<Cli as CommandFactory>::command(), lang)
    }

    /// Reads the command line `args` (the program's name first), its texts in `lang`.
    pub(crate) fn parse_from(
        args: Vec<std::ffi::OsString>,
        lang: Lang,
    ) -> Result<Cli, clap::error::Error<usage::Dutch>> {
        let mut command = Cli::command_in(lang);
        command
            .try_get_matches_from_mut(args)
            .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
            .map_err(|err| err.format(&mut command).apply())
    }
}

/// The language `--taal` (or `--lang`) names on the command line `args`, looked for before the
/// command line is read, so that its own help and errors are in that language.
pub(crate) fn lang_asked(args: &[std::ffi::OsString]) -> Option<Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        for flag in ["--taal", "--lang"] {
            if arg == flag {
                return args.next().and_then(|v| Lang::parse(&v));
            }
            if let Some(value) = arg.strip_prefix(flag).and_then(|r| r.strip_prefix('=')) {
                return Lang::parse(value);
            }
        }
    }
    None
}

/// `toetsgen hulp [opdracht]` (or `help`) as `toetsgen [opdracht] --help`: the help command
/// that clap would add speaks only English, so toetsgen reads it itself.
pub(crate) fn help_command(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let mut at = 1;
    while let Some(arg) = args.get(at).and_then(|a| a.to_str()) {
        match arg {
            "--taal" | "--lang" => at += 2,
            "hulp" | "help" => {
                args.remove(at);
                args.push("--help".into());
                break;
            }
            _ if arg.starts_with('-') => at += 1,
            _ => break,
        }
    }
    args
}

/// Reads a `--taal` value: nl or en.
fn parse_lang(text: &str) -> Result<Lang, String> {
    match text {
        "nl" => Ok(Lang::Nl),
        "en" => Ok(Lang::En),
        _ => Err(toetsgen_base::msg!("cli-lang-unknown")),
    }
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

/// Options of `toetsgen scan`.
#[derive(Debug, Args)]
pub(crate) struct ScanArgs {
    /// The scans: PDF files of scanned pages, or PNG, JPEG or TIFF images, pages in any order.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// The folder with the packets and their layouts (*.scan.json) the scans come from.
    #[arg(long, value_name = "DIR", default_value = "pakketten")]
    pub pakketten: PathBuf,

    /// The published output folder: blank forms printed from the site are read with the layouts
    /// published beside their PDFs (<CODE>/beoordelingsformulier.scan.json, and under versies/).
    #[arg(long, value_name = "DIR", default_value = "output")]
    pub site: PathBuf,

    /// The folder with the session files: the names of the candidates and assessors of a packet
    /// come from its session file there, when it is.
    #[arg(long, value_name = "DIR", default_value = "sessies")]
    pub sessies: PathBuf,

    /// Folder with the toetsplannen (*.yaml, searched recursively).
    #[arg(long, value_name = "DIR", default_value = "toetsplannen")]
    pub plans: PathBuf,

    /// Where to write the forms read, one JSON file per candidate and assessor. They hold
    /// personal data: never in the published output folder.
    #[arg(short, long, value_name = "DIR", default_value = "uitslagen/scans")]
    pub output: PathBuf,
}

/// Options of `toetsgen analyse`.
#[derive(Debug, Args)]
pub(crate) struct AnalyseArgs {
    /// A question exam's score export (one CSV), or saved observation forms (JSON files).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// The plan of a question exam's scores (its code, e.g. B2); saved forms name their own.
    #[arg(long, value_name = "CODE")]
    pub plan: Option<String>,

    /// Folder with the toetsplannen (*.yaml, searched recursively).
    #[arg(long, value_name = "DIR", default_value = "toetsplannen")]
    pub plans: PathBuf,

    /// Folder for the report (<plan>-<date>.md and .html). It holds personal data: never
    /// inside the published output folder.
    #[arg(short, long, value_name = "DIR", default_value = "analyse")]
    pub output: PathBuf,

    /// Print the figures as JSON on standard output instead of writing a report.
    #[arg(long)]
    pub json: bool,

    /// Show candidates' names in the report and the JSON (otherwise numbers).
    #[arg(long)]
    pub namen: bool,
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
