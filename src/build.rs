//! Stage 5 and the whole pipeline: load → validate → view → render per format → write.
//! A plan with errors is skipped (its diagnostics reported) while the valid plans are built;
//! a plan's files are written only when all of its documents rendered, each atomically.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};
use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::fs;
use crate::load::{self, SourcePlan};
use crate::render::pdf::{Job, Typst};
use crate::render::{self, Format};
use crate::templates::{RenderedDocument, Templates};
use crate::validate;
use crate::view::{DocumentInfo, PlanView};

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
}

/// What a run found and did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Plan files found.
    pub plans_found: usize,
    /// Plans whose documents were all made.
    pub plans_built: usize,
    /// Documents made (per plan and document, in all formats).
    pub documents: usize,
    /// Files written.
    pub files: usize,
    /// Problems in the plans (errors and warnings), by file and line.
    pub diagnostics: Vec<Diagnostic>,
    /// Failures while rendering or writing, one per plan or per run.
    pub failures: Vec<anyhow::Error>,
    /// Time taken.
    pub elapsed: Duration,
}

impl Outcome {
    /// True when every plan was valid and every document made.
    pub fn success(&self) -> bool {
        self.failures.is_empty() && !self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// A valid plan rendered in memory.
struct Rendered {
    code: String,
    version: NaiveDate,
    documents: Vec<(DocumentInfo, RenderedDocument)>,
}

/// Validates all plans and renders them in memory, writing nothing.
pub fn check(opts: &Options) -> Result<Outcome> {
    let start = Instant::now();
    let (mut outcome, rendered) = prepare(opts)?;
    outcome.plans_built = rendered.len();
    outcome.documents = rendered.iter().map(|r| r.documents.len()).sum();
    outcome.elapsed = start.elapsed();
    Ok(outcome)
}

/// Builds every valid plan into the output folder.
pub fn build(opts: &Options) -> Result<Outcome> {
    let start = Instant::now();
    let typst = if opts.formats.contains(&Format::Pdf) {
        Some(Typst::locate()?)
    } else {
        None
    };
    let (mut outcome, rendered) = prepare(opts)?;
    if let Some(dir) = &opts.keep_typst {
        write_typst_sources(dir, &rendered)?;
    }
    let pdfs = match &typst {
        Some(typst) => compile_pdfs(typst, &rendered, opts.jobs)?,
        None => rendered.iter().map(|_| Ok(Vec::new())).collect(),
    };
    for (plan, pdfs) in rendered.iter().zip(pdfs) {
        let written = pdfs.and_then(|pdfs| write_plan(&opts.output, plan, &pdfs, &opts.formats));
        match written {
            Ok(files) => {
                outcome.plans_built += 1;
                outcome.documents += plan.documents.len();
                outcome.files += files;
            }
            Err(err) => outcome
                .failures
                .push(err.context(format!("plan {} was not written", plan.code))),
        }
    }
    outcome.elapsed = start.elapsed();
    Ok(outcome)
}

/// Load, validate, view and render every plan; invalid plans are reported and left out.
fn prepare(opts: &Options) -> Result<(Outcome, Vec<Rendered>)> {
    let templates = Templates::load(opts.templates.as_deref())?;
    let files = load::discover(&opts.plans)?;
    let mut outcome = Outcome {
        plans_found: files.len(),
        ..Outcome::default()
    };
    let mut loaded: Vec<SourcePlan> = Vec::new();
    for path in &files {
        match load::load(path) {
            Ok(sp) => loaded.push(sp),
            Err(d) => outcome.diagnostics.push(d),
        }
    }
    let checks = validate::validate_all(&loaded, opts.today);
    let mut rendered = Vec::new();
    for (sp, diags) in loaded.iter().zip(checks) {
        let valid = !diags.iter().any(Diagnostic::is_error);
        outcome.diagnostics.extend(diags);
        if !valid {
            continue;
        }
        let view = PlanView::new(&sp.plan);
        match render::render_plan(&templates, &view, &opts.formats) {
            Ok(docs) => rendered.push(Rendered {
                code: sp.plan.code.clone(),
                version: sp.plan.versie().0,
                documents: templates.documents().iter().cloned().zip(docs).collect(),
            }),
            Err(err) => outcome.failures.push(err),
        }
    }
    outcome
        .diagnostics
        .sort_by(|a, b| (&a.file, a.location).cmp(&(&b.file, b.location)));
    Ok((outcome, rendered))
}

/// Compiles every plan's PDFs in one parallel run; per plan, its PDFs in document order.
fn compile_pdfs(
    typst: &Typst,
    plans: &[Rendered],
    jobs: usize,
) -> Result<Vec<Result<Vec<Vec<u8>>>>> {
    let mut all_jobs = Vec::new();
    for plan in plans {
        let timestamp = plan
            .version
            .and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp());
        for (doc, r) in &plan.documents {
            all_jobs.push(Job {
                label: format!("{}/{}.pdf", plan.code, doc.naam),
                template: r.typst_template.clone(),
                source: r.typst.clone(),
                timestamp,
            });
        }
    }
    let mut results = typst.compile_all(&all_jobs, jobs)?.into_iter();
    let per_plan = plans
        .iter()
        .map(|plan| {
            let mine: Vec<Result<Vec<u8>>> = results.by_ref().take(plan.documents.len()).collect();
            let mut errors = mine
                .iter()
                .filter_map(|r| r.as_ref().err())
                .map(|e| format!("{e:#}"));
            match errors.next() {
                Some(first) => Err(anyhow!(errors.fold(first, |acc, e| format!("{acc}\n{e}")))),
                None => Ok(mine.into_iter().filter_map(Result::ok).collect()),
            }
        })
        .collect();
    Ok(per_plan)
}

/// Writes every Typst source as `<dir>/<CODE>/<document>.typ`.
fn write_typst_sources(dir: &Path, plans: &[Rendered]) -> Result<()> {
    for plan in plans {
        for (doc, r) in &plan.documents {
            let path = dir.join(&plan.code).join(format!("{}.typ", doc.naam));
            fs::write_atomic(&path, r.typst.as_bytes())?;
        }
    }
    Ok(())
}

/// Writes one plan's files; returns how many.
fn write_plan(
    output: &Path,
    plan: &Rendered,
    pdfs: &[Vec<u8>],
    formats: &[Format],
) -> Result<usize> {
    let dir = output.join(&plan.code);
    let mut files = 0;
    for (i, (doc, r)) in plan.documents.iter().enumerate() {
        for format in Format::ALL.iter().filter(|f| formats.contains(f)) {
            let bytes: &[u8] = match format {
                Format::Md => r.markdown.as_bytes(),
                Format::Html => r.html.as_bytes(),
                Format::Pdf => &pdfs[i],
            };
            fs::write_atomic(
                &dir.join(format!("{}.{}", doc.naam, format.extension())),
                bytes,
            )?;
            files += 1;
        }
    }
    Ok(files)
}
