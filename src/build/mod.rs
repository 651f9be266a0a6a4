//! The one place that runs the floors in order: load → validate → view → render per format
//! ([`prepare`]) → compile the PDFs ([`pdfs`]) → write. A plan with errors is skipped (its
//! diagnostics reported) while the valid plans are built. Builds are incremental: everything is
//! rendered in memory (cheap), a PDF is compiled only when its Typst source, typst or toetsgen
//! changed, and a file is written only when its bytes differ from what is on disk. When a plan's
//! version changes, its previous documents are kept under `versies/<date>/`.

mod folders;
mod pdfs;
mod prepare;

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};
use chrono::NaiveDate;

use crate::cancel::Cancel;
use crate::document::Format;
use crate::document::pdf::Typst;
use crate::document::templates::Templates;
use crate::output::dir::OutputDir;
use crate::output::overview::SitePlan;
use crate::output::path::OutputFile;
use crate::output::record::Record;
use crate::output::write::{Content, PlanFiles, Tally, Writer};
use crate::plan::diagnostic::Diagnostic;
use crate::plan::load;
use crate::report::Reporter;
use prepare::{Prepared, Rendered};

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
    /// Time taken.
    pub elapsed: Duration,
    /// What the site shows of every valid plan (its search and Wijzigingen page).
    pub site: Vec<SitePlan>,
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
    let templates = Templates::load(opts.templates.as_deref())?;
    let files = load::discover(&opts.plans)?;
    let mut p = prepare::prepare(opts, &templates, &files, &Record::default(), None)?;
    p.outcome.plans_built = p.rendered.len();
    p.outcome.documents = p.rendered.iter().map(|r| r.documents.len()).sum();
    p.outcome.elapsed = start.elapsed();
    Ok(p.outcome)
}

/// Builds every valid plan into the output folder, writing only what changed.
pub fn build(opts: &Options, reporter: &dyn Reporter) -> Result<Outcome> {
    let start = Instant::now();
    folders::check_apart(opts)?;
    let typst = (opts.formats.contains(&Format::Pdf))
        .then(Typst::locate)
        .transpose()?;
    let templates = Templates::load(opts.templates.as_deref())?;
    let files = load::discover(&opts.plans)?;
    let out = OutputDir::open(&opts.output, reporter, &opts.cancel)?;
    let (record, ignored) = Record::load(&opts.output)?;
    let Prepared {
        mut outcome,
        rendered,
        present,
        unreadable,
    } = prepare::prepare(opts, &templates, &files, &record, Some(&out))?;
    outcome.ignored = ignored;
    if let Some(dir) = &opts.keep_typst {
        pdfs::write_typst_sources(dir, &rendered)?;
    }
    let mut made = match &typst {
        Some(typst) => pdfs::make(typst, &rendered, &record, &out, opts, reporter)?,
        None => HashMap::new(),
    };
    let mut writer = Writer::new(&out, &templates, &opts.formats, opts.force, record);
    write_plans(
        &mut writer,
        &rendered,
        &templates,
        opts,
        &mut made,
        &mut outcome,
    )?;
    if !unreadable {
        writer.remove_deleted_plans(&present)?;
    }
    if let Err(err) = writer.site_index(&outcome.site) {
        outcome
            .failures
            .push(err.context("the site's index was not written"));
    }
    if let Err(err) = writer.schema() {
        (outcome.failures).push(err.context("the plans' JSON Schema was not written"));
    }
    let (mut record, tally) = writer.finish();
    record.toetsgen = env!("CARGO_PKG_VERSION").to_owned();
    if let Some(typst) = &typst {
        record.typst = Some(typst.version.clone());
    }
    record.sjablonen_sha256 = templates.fingerprint().to_owned();
    record.save(&opts.output)?;
    outcome.tally = tally;
    outcome.elapsed = start.elapsed();
    Ok(outcome)
}

/// Writes every rendered plan; a plan that fails is counted against it and the others go on. On
/// cancellation the record of what was written so far is saved.
fn write_plans(
    writer: &mut Writer<'_>,
    rendered: &[Rendered],
    templates: &Templates,
    opts: &Options,
    made: &mut HashMap<OutputFile, Result<Content>>,
    outcome: &mut Outcome,
) -> Result<()> {
    for plan in rendered {
        if let Err(cancelled) = opts.cancel.check() {
            writer.record().save(&opts.output)?;
            return Err(cancelled.into());
        }
        let written =
            plan_files(plan, templates, &opts.formats, made).and_then(|files| writer.plan(files));
        match written {
            Ok(()) => {
                outcome.plans_built += 1;
                outcome.documents += plan.documents.len();
            }
            Err(err) => (outcome.failures)
                .push(err.context(format!("plan {} was not written", plan.view.code))),
        }
    }
    Ok(())
}

/// Every file of one plan with its content, in document and format order; a PDF is taken from
/// `made` by its name. Fails when a PDF could not be made.
fn plan_files<'a>(
    plan: &'a Rendered,
    templates: &'a Templates,
    formats: &[Format],
    made: &mut HashMap<OutputFile, Result<Content>>,
) -> Result<PlanFiles<'a>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for doc in &plan.documents {
        for format in Format::ALL.into_iter().filter(|f| formats.contains(f)) {
            let file = OutputFile::new(&plan.view.code, &doc.info.naam, format)
                .map_err(|why| anyhow!("cannot name the file of {}: {why}", doc.info.naam))?;
            let content = match format {
                Format::Pdf => made.remove(&file),
                _ => (doc.source(format)).map(|s| {
                    Ok(Content::New {
                        bytes: s.text.clone().into_bytes(),
                        typst_bron: None,
                    })
                }),
            };
            match content {
                Some(Ok(content)) => files.push((file, content)),
                Some(Err(e)) => errors.push(format!("{e:#}")),
                None => errors.push(format!("no {format} was made for {file}")),
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
        documents: templates.documents(),
        files,
    })
}
