//! The whole pipeline: load → validate → view → render per format → write. A plan with errors is
//! skipped (its diagnostics reported) while the valid plans are built. Builds are incremental:
//! everything is rendered in memory (cheap), a PDF is compiled only when its Typst source, typst
//! or toetsgen changed, and a file is written only when its bytes differ from what is on disk.
//! When a plan's version changes, its previous documents are kept under `versies/<date>/`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};
use chrono::NaiveDate;
use rayon::prelude::*;

use crate::plan::changes;
use crate::plan::diagnostic::Diagnostic;
use crate::fs;
use crate::plan::load::{self, SourcePlan};
use crate::fs::sha256;
use crate::output::record::{FileRecord, Manifest, PlanRecord};
use crate::plan::model::{Datum, parse_iso_date};
use crate::output::dir::OutputDir;
use crate::document::pdf::{Job, Typst};
use crate::document::{self, Format};
use crate::document::templates::{RenderedDocument, Templates};
use crate::plan::validate;
use crate::document::view::{DocumentInfo, PlanView};
use crate::output::write::Writer;

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
    /// Rebuild and rewrite everything, whatever the build record says.
    pub force: bool,
    /// Build only plans with a toetsterm changed on or after this date.
    pub since: Option<NaiveDate>,
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
    /// Files written.
    pub files: usize,
    /// Files that were already up to date.
    pub unchanged: usize,
    /// Files removed (of deleted plans or removed templates).
    pub removed: usize,
    /// Earlier versions kept by this build.
    pub versions_kept: usize,
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
pub(crate) struct Rendered {
    /// Plan code.
    pub code: String,
    /// The plan's file, as shown.
    pub source: String,
    /// Hash of the plan's file.
    pub source_sha256: String,
    /// The plan's version.
    pub version: Datum,
    /// Its documents in every format.
    pub documents: Vec<(DocumentInfo, RenderedDocument)>,
    /// The view the documents were made from.
    pub view: PlanView,
}

/// Everything known before writing.
struct Prepared {
    outcome: Outcome,
    rendered: Vec<Rendered>,
    /// Every plan that could be read, valid or not: its file (as shown) → its code.
    present: HashMap<String, String>,
    /// Whether some plan file could not be read at all (its code is unknown).
    unreadable: bool,
    templates_fingerprint: String,
}

/// A PDF of this build: still up to date on disk, or newly made.
pub(crate) enum Pdf {
    /// The file on disk is current; its record.
    UpToDate(FileRecord),
    /// Newly compiled, with the key of the Typst source it came from.
    Made {
        /// The PDF.
        bytes: Vec<u8>,
        /// Hash of source, typst version and toetsgen version.
        key: String,
    },
}

/// Validates all plans and renders them in memory, writing nothing.
pub fn check(opts: &Options) -> Result<Outcome> {
    let start = Instant::now();
    let templates = Templates::load(opts.templates.as_deref())?;
    let files = load::discover(&opts.plans)?;
    let mut p = prepare(opts, &templates, &files, &Manifest::default())?;
    p.outcome.plans_built = p.rendered.len();
    p.outcome.documents = p.rendered.iter().map(|r| r.documents.len()).sum();
    p.outcome.elapsed = start.elapsed();
    Ok(p.outcome)
}

/// Builds every valid plan into the output folder, writing only what changed.
pub fn build(opts: &Options) -> Result<Outcome> {
    let start = Instant::now();
    let typst = if opts.formats.contains(&Format::Pdf) {
        Some(Typst::locate()?)
    } else {
        None
    };
    let templates = Templates::load(opts.templates.as_deref())?;
    let files = load::discover(&opts.plans)?;
    let out = OutputDir::open(&opts.output)?;
    let manifest = Manifest::load(&opts.output)?;
    let Prepared {
        outcome,
        rendered,
        present,
        unreadable,
        templates_fingerprint,
    } = prepare(opts, &templates, &files, &manifest)?;
    if let Some(dir) = &opts.keep_typst {
        write_typst_sources(dir, &rendered)?;
    }
    let pdfs = match &typst {
        Some(typst) => make_pdfs(typst, &rendered, &manifest, &out, opts)?,
        None => rendered.iter().map(|_| Ok(Vec::new())).collect(),
    };
    let mut writer = Writer::new(
        &out,
        &templates,
        &opts.formats,
        opts.force,
        manifest,
        outcome,
    );
    for (plan, pdfs) in rendered.iter().zip(pdfs) {
        writer.plan(plan, pdfs);
    }
    if !unreadable {
        writer.remove_deleted_plans(&present)?;
    }
    writer.site_index()?;
    let Writer {
        mut manifest,
        mut outcome,
        ..
    } = writer;
    manifest.toetsgen = env!("CARGO_PKG_VERSION").to_owned();
    if let Some(typst) = &typst {
        manifest.typst = Some(typst.version.clone());
    }
    manifest.sjablonen_sha256 = templates_fingerprint;
    manifest.save(&opts.output)?;
    outcome.elapsed = start.elapsed();
    Ok(outcome)
}

/// Load, validate, view and render every plan; invalid plans are reported and left out.
fn prepare(
    opts: &Options,
    templates: &Templates,
    files: &[PathBuf],
    manifest: &Manifest,
) -> Result<Prepared> {
    let mut outcome = Outcome {
        plans_found: files.len(),
        ..Outcome::default()
    };
    let mut loaded: Vec<SourcePlan> = Vec::new();
    for path in files {
        match load::load(path) {
            Ok(sp) => loaded.push(sp),
            Err(d) => outcome.diagnostics.push(d),
        }
    }
    let unreadable = loaded.len() < files.len();
    let present = loaded
        .iter()
        .map(|sp| (sp.display.clone(), sp.plan.code.clone()))
        .collect();
    let checks = validate::validate_all(&loaded, opts.today);
    let mut valid: Vec<&SourcePlan> = Vec::new();
    for (sp, diags) in loaded.iter().zip(checks) {
        if !diags.iter().any(Diagnostic::is_error) {
            valid.push(sp);
        }
        outcome.diagnostics.extend(diags);
    }
    let before = valid.len();
    valid.retain(|sp| {
        opts.since
            .is_none_or(|d| changes::changed_since(&sp.plan, d))
    });
    outcome.plans_skipped = before - valid.len();
    // Rendering is independent per plan: done in parallel, results kept in plan order.
    let results: Vec<Result<Rendered>> = valid
        .par_iter()
        .map(|sp| render_one(opts, templates, manifest, sp))
        .collect();
    let mut rendered = Vec::new();
    for result in results {
        match result {
            Ok(r) => rendered.push(r),
            Err(err) => outcome.failures.push(err),
        }
    }
    outcome
        .diagnostics
        .sort_by(|a, b| (&a.file, a.location).cmp(&(&b.file, b.location)));
    Ok(Prepared {
        outcome,
        rendered,
        present,
        unreadable,
        templates_fingerprint: templates.fingerprint().to_owned(),
    })
}

/// The view and every document of one valid plan.
fn render_one(
    opts: &Options,
    templates: &Templates,
    manifest: &Manifest,
    sp: &SourcePlan,
) -> Result<Rendered> {
    let kept = earlier_versions(manifest.plannen.get(&sp.plan.code), &opts.output);
    let view = PlanView::new(&sp.plan).with_eerdere_versies(kept);
    let docs = document::render_plan(templates, &view, &opts.formats)?;
    Ok(Rendered {
        code: sp.plan.code.clone(),
        source: sp.display.clone(),
        source_sha256: sha256(sp.source.as_bytes()),
        version: sp.plan.versie(),
        documents: templates.documents().iter().cloned().zip(docs).collect(),
        view,
    })
}

/// The versions of a plan kept in the output folder, and its current one there (which this build
/// keeps when the version changes), as long as any of its files exist.
fn earlier_versions(record: Option<&PlanRecord>, output: &Path) -> Vec<Datum> {
    let Some(record) = record else {
        return Vec::new();
    };
    let on_disk = |rel: &String| output.join(rel).exists();
    let mut dates: Vec<&String> = (record.eerdere_versies.iter())
        .filter(|(_, files)| files.iter().any(on_disk))
        .map(|(date, _)| date)
        .collect();
    if record.bestanden.keys().any(on_disk) {
        dates.push(&record.versie);
    }
    dates
        .into_iter()
        .filter_map(|d| parse_iso_date(d).ok().map(Datum))
        .collect()
}

/// Compiles the PDFs whose Typst source changed, in one parallel run; per plan, one entry per
/// document in order.
fn make_pdfs(
    typst: &Typst,
    plans: &[Rendered],
    manifest: &Manifest,
    out: &OutputDir,
    opts: &Options,
) -> Result<Vec<Result<Vec<Pdf>>>> {
    let mut jobs = Vec::new();
    let mut states: Vec<Vec<Option<Pdf>>> = Vec::new();
    for plan in plans {
        let timestamp = plan
            .version
            .0
            .and_hms_opt(0, 0, 0)
            .map_or(0, |t| t.and_utc().timestamp());
        let mut mine = Vec::new();
        for (doc, r) in &plan.documents {
            let rel = format!("{}/{}.pdf", plan.code, doc.naam);
            let key = sha256(
                format!(
                    "{}\0{}\0{}",
                    typst.version,
                    env!("CARGO_PKG_VERSION"),
                    r.typst
                )
                .as_bytes(),
            );
            let record = manifest
                .plannen
                .get(&plan.code)
                .and_then(|p| p.bestanden.get(&rel));
            let current = record.filter(|rec| {
                !opts.force
                    && rec.typst_bron.as_deref() == Some(key.as_str())
                    && out.hash_of(&rel).as_deref() == Some(rec.sha256.as_str())
            });
            match current {
                Some(rec) => mine.push(Some(Pdf::UpToDate(rec.clone()))),
                None => {
                    mine.push(None);
                    jobs.push((
                        key,
                        Job {
                            label: rel,
                            template: r.typst_template.clone(),
                            source: r.typst.clone(),
                            timestamp,
                        },
                    ));
                }
            }
        }
        states.push(mine);
    }
    let (keys, jobs): (Vec<String>, Vec<Job>) = jobs.into_iter().unzip();
    let mut made = typst.compile_all(&jobs, opts.jobs)?.into_iter().zip(keys);
    Ok(states
        .into_iter()
        .map(|mine| {
            let mut errors = Vec::new();
            let pdfs: Vec<Pdf> = (mine.into_iter())
                .filter_map(|state| match state {
                    Some(pdf) => Some(pdf),
                    None => match made.next() {
                        Some((Ok(bytes), key)) => Some(Pdf::Made { bytes, key }),
                        Some((Err(e), _)) => {
                            errors.push(format!("{e:#}"));
                            None
                        }
                        None => None,
                    },
                })
                .collect();
            if errors.is_empty() {
                Ok(pdfs)
            } else {
                Err(anyhow!(errors.join("\n")))
            }
        })
        .collect())
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
