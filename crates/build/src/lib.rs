//! The one place that runs the floors in order: load → validate ([`prepare`]) → view → render
//! per format → compile the PDFs ([`pdfs`]) → write, the last four as a [`stream`] of plans. A
//! plan with errors is skipped (its diagnostics reported) while the valid plans are built. Builds
//! are incremental: everything is rendered in memory (cheap), a PDF is compiled only when its
//! Typst source, typst or toetsgen changed, and a file is written only when its bytes differ from
//! what is on disk. Every archived version older than the current one is rendered too, into
//! `versies/<date>/` ([`versions`]); a version is archived once it is published ([`archiving`]).
//!
//! The rules of the data flow, where a stage reads more than its input:
//! - validating reads the plan archive (a plan must equal the archived copy of its version), and a
//!   plan that fails takes its part of the site from its archived version (`prepare::LastGood`);
//! - a plan's input key and the earlier versions its documents list come from the archive and,
//!   for versions an older toetsgen kept as copies, from the record and the output folder
//!   (`versions::listed`);
//! - while plans are read, each one's search entry is written to a scratch file in the staging
//!   folder (`Site::with_search`), so that the site's search index never holds every plan in
//!   memory; whether the site is written is decided once (`Site::is_written`);
//! - the writer renders the site's pages itself (see `toetsgen_output::write`).

mod archiving;
mod chunks;
mod folders;
pub mod packet;
mod pdfs;
mod prepare;
mod stream;
mod unchanged;
mod versions;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use rayon::prelude::*;

pub use archiving::Archived;
use prepare::{LastGood, Loaded, PlanFile, Rendered};
use toetsgen_base::cancel::Cancel;
use toetsgen_base::msg;
use toetsgen_base::report::Reporter;
use toetsgen_document::Format;
use toetsgen_document::packet::scan::scannable;
use toetsgen_document::pdf::{Compiler, Typst};
use toetsgen_document::templates::Templates;
use toetsgen_output::dir::OutputDir;
use toetsgen_output::overview::Site;
use toetsgen_output::path::OutputFile;
use toetsgen_output::record::Record;
use toetsgen_output::write::{Content, PlanFiles, Tally, Writer};
use toetsgen_plan::archive::Archive;
use toetsgen_plan::diagnostic::Diagnostic;
use toetsgen_plan::load;

/// What to build and where.
#[derive(Debug, Clone)]
pub struct Options {
    /// Folder searched (recursively) for toetsplannen.
    pub plans: PathBuf,
    /// Folder the documents are written to.
    pub output: PathBuf,
    /// Folder of user templates, if any.
    pub templates: Option<PathBuf>,
    /// Formats to write.
    pub formats: Vec<Format>,
    /// Typst processes at a time.
    pub jobs: usize,
    /// Whether typst may compile many documents in one process (where it can).
    pub batch: bool,
    /// Documents per typst process when batching; 0 chooses (see README, "Speed").
    pub chunk: usize,
    /// The date against which "in the future" is judged.
    pub today: NaiveDate,
    /// Where to write the Typst sources too, if anywhere.
    pub keep_typst: Option<PathBuf>,
    /// Rebuild and rewrite everything, whatever the build record says, and replace files at
    /// generated paths that the record does not list.
    pub force: bool,
    /// Build only plans with a toetsterm changed on or after this date.
    pub since: Option<NaiveDate>,
    /// Asks the build to stop (SIGINT, SIGTERM): checked between steps.
    pub cancel: Cancel,
    /// Whether the versions built are published, and so go into the plan archive: true for
    /// `build`, false for the live preview of `serve`, where a plan is still being written.
    pub publish: bool,
    /// Whether the plans also get the advice for whoever reviews them (the readability of the
    /// candidate's texts, [`toetsgen_plan::folder::Depth::Review`]): true for `check` and the
    /// preview of `serve`, false for `build` and the packets, which use the plans as they are.
    pub review: bool,
}

impl Options {
    /// The defaults of `toetsgen build` for the plans under `plans`, written to `output`: every
    /// format, one typst process per core, batched, today's date, nothing forced, kept or
    /// skipped.
    pub fn new(
        plans: PathBuf,
        output: PathBuf,
        templates: Option<PathBuf>,
        cancel: Cancel,
    ) -> Self {
        Options {
            plans,
            output,
            templates,
            formats: Format::ALL.to_vec(),
            jobs: std::thread::available_parallelism().map_or(1, usize::from),
            batch: true,
            chunk: 0,
            today: chrono::Local::now().date_naive(),
            keep_typst: None,
            force: false,
            since: None,
            cancel,
            publish: true,
            review: false,
        }
    }
}

/// What a run found and did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Plan files found.
    pub plans_found: usize,
    /// Plans whose documents are all made and up to date.
    pub plans_built: usize,
    /// Plans left out by `--since`.
    pub plans_skipped: usize,
    /// Documents made (per plan and document, in all formats).
    pub documents: usize,
    /// Files written, left alone, removed and kept.
    pub tally: Tally,
    /// Problems in the plans (errors and warnings), by file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// Entries of the build record that were ignored, each with the reason.
    pub ignored: Vec<String>,
    /// Failures while rendering or writing, one per plan or per run.
    pub failures: Vec<anyhow::Error>,
    /// Versions put into the plan archive.
    pub archived: Vec<Archived>,
    /// Things the user should know that are not problems.
    pub notes: Vec<String>,
    /// Time taken.
    pub elapsed: Duration,
    /// What the site shows of every valid plan (its search and Wijzigingen page).
    pub site: Site,
}

impl Outcome {
    /// True when every plan was valid and every document made.
    pub fn success(&self) -> bool {
        self.failures.is_empty() && !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Validates all plans and renders them in memory, writing nothing.
pub fn check(opts: &Options) -> Result<Outcome> {
    let start = Instant::now();
    let templates = Templates::load(opts.templates.as_deref())?.stopped_by(opts.cancel.clone());
    let files = load::discover(&opts.plans)?;
    let archive = Archive::of(&opts.plans);
    let last = LastGood {
        record: None,
        archive: &archive,
    };
    let Loaded {
        mut outcome, valid, ..
    } = prepare::load(opts, &files, Site::default(), &last);
    let results: Vec<Result<usize>> = (valid.par_iter())
        .map(|file| {
            let sp = prepare::reload(file)?;
            let input = prepare::input(&templates, (&archive, None, None), &sp, "");
            let rendered = prepare::render_one(opts, &templates, &archive, input, &sp)?;
            Ok(rendered.documents.len())
        })
        .collect();
    for result in results {
        match result {
            Ok(documents) => {
                outcome.plans_built += 1;
                outcome.documents += documents;
            }
            Err(err) => outcome.failures.push(err),
        }
    }
    outcome.elapsed = start.elapsed();
    Ok(outcome)
}

/// Builds every valid plan into the output folder, writing only what changed.
pub fn build(opts: &Options, reporter: &dyn Reporter) -> Result<Outcome> {
    let start = Instant::now();
    folders::check_apart(opts)?;
    let templates = Templates::load(opts.templates.as_deref())?.stopped_by(opts.cancel.clone());
    let files = load::discover(&opts.plans)?;
    let typst = match opts.formats.contains(&Format::Pdf) {
        true => Some(locate_typst(opts)?),
        false => None,
    };
    let out = OutputDir::open(&opts.output, reporter, &opts.cancel)?;
    // Read once the folder is ours: a build that waited reads what the one before it wrote.
    let (mut record, ignored) = Record::load(&opts.output)?;
    if let Some(id) = typst.as_ref().and_then(|t| t.id.clone()) {
        record.typst_program = typst.as_ref().map(|t| (id, t.version.clone()));
    }
    let archive = Archive::of(&opts.plans);
    let last_good = LastGood {
        record: Some(&record),
        archive: &archive,
    };
    let Loaded {
        mut outcome,
        valid,
        present,
        unreadable,
    } = prepare::load(opts, &files, site_of(opts, &record, &out), &last_good);
    outcome.ignored = ignored;
    let batch = opts.batch && templates.typst_all_builtin();
    let compiler = (typst.as_ref())
        .map(|t| Compiler::new(t, out.scratch(), batch, opts.keep_typst.as_deref()))
        .transpose()?;
    // The stream reads the record as it was while the writer updates its own.
    let before = record.clone();
    let mut writer = Writer::new(&out, &templates, &opts.formats, opts.force, record);
    let stream = stream::Stream {
        opts,
        archive: &archive,
        templates: &templates,
        record: &before,
        out: &out,
        compiler: compiler.as_ref(),
        typst_version: typst.as_ref().map_or("", |t| t.version.as_str()),
        reporter,
    };
    let streamed = stream.run(&valid, &mut writer, &mut outcome);
    drop(before);
    if let Err(err) = streamed {
        writer.commit()?;
        writer.record().save(&opts.output, out.staging())?;
        return Err(err);
    }
    // What the archive step needs of the plans, without the plans kept for rendering.
    let mut valid = valid;
    valid.iter_mut().for_each(PlanFile::forget_plan);
    if !unreadable {
        writer.remove_deleted_plans(&present)?;
    }
    if let Err(err) = writer.site_index(&mut outcome.site) {
        outcome
            .failures
            .push(err.context(msg!("build-index-not-written")));
    }
    if let Err(err) = writer.schema() {
        (outcome.failures).push(err.context(msg!("build-schema-not-written")));
    }
    let (record, tally) = writer.finish()?;
    // Archived once the documents are in place: a published version, in the archive.
    if opts.publish {
        archiving::archive_published(&valid, &record, &archive, &mut outcome);
    }
    save_record(record, opts, &out, typst.as_ref(), &templates)?;
    outcome.tally = tally;
    outcome.elapsed = start.elapsed();
    Ok(outcome)
}

/// What the build keeps of every valid plan for the site: with the search index's entries when
/// it writes the site ([`Site::is_written`]).
fn site_of(opts: &Options, record: &Record, out: &OutputDir) -> Site {
    match Site::is_written(&opts.formats, record) {
        true => Site::with_search(out.scratch()),
        false => Site::default(),
    }
}

/// Saves the record with the versions and templates this build used.
fn save_record(
    mut record: Record,
    opts: &Options,
    out: &OutputDir,
    typst: Option<&Typst>,
    templates: &Templates,
) -> Result<()> {
    record.toetsgen = env!("CARGO_PKG_VERSION").to_owned();
    if let Some(typst) = typst {
        record.typst = Some(typst.version.clone());
    }
    record.sjablonen_sha256 = templates.fingerprint().to_owned();
    record.save(&opts.output, out.staging())
}

/// typst, its version known from the last build's record when the program is the same file
/// (read before the folder is locked, so that a missing typst is reported before anything is
/// written; it is only a hint).
fn locate_typst(opts: &Options) -> Result<Typst> {
    let known = Record::typst_program(&opts.output);
    Typst::locate(known.as_ref().map(|(id, version)| (id, version.as_str())))
}

/// Every file of one plan with its content, in document and format order; a PDF is taken from
/// `made` by its name. Fails when a PDF could not be made.
pub(crate) fn plan_files<'a>(
    plan: &'a Rendered,
    templates: &'a Templates,
    formats: &[Format],
    made: &mut HashMap<OutputFile, Result<Content>>,
) -> Result<PlanFiles<'a>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for (version, doc) in plan.all_documents() {
        for format in Format::ALL.into_iter().filter(|f| formats.contains(f)) {
            let file = plan.file(&doc.info.naam, format, version)?;
            let content = match format {
                Format::Pdf => made.remove(&file),
                _ => (doc.source(format)).map(|s| {
                    Ok(Content::New {
                        bytes: s.text.clone().into_bytes(),
                        typst_bron: None,
                    })
                }),
            };
            let layout =
                (format == Format::Pdf && scannable(&doc.info.naam)).then(|| file.scan_layout());
            for (file, content) in std::iter::once((file, content)).chain(layout.map(|l| {
                let content = made.remove(&l);
                (l, content)
            })) {
                match content {
                    Some(Ok(content)) => files.push((file, content)),
                    Some(Err(e)) => errors.push(format!("{e:#}")),
                    None => errors.push(msg!(
                        "build-not-made",
                        format = format.to_string(),
                        file = file.to_string()
                    )),
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(anyhow!(errors.join("\n")));
    }
    Ok(PlanFiles {
        view: &plan.view,
        version: plan.version,
        source: &plan.source,
        source_sha256: plan.source_sha256.clone(),
        input_sha256: plan.input_sha256.clone(),
        documents: templates.documents(),
        files,
    })
}
