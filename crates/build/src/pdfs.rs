//! Which PDFs of a plan this build must compile: a PDF whose Typst source, typst and toetsgen
//! are those recorded for the file on disk is up to date; the others become jobs for typst, each
//! travelling with its [`OutputFile`] and the key it will be recorded with. A PDF typst made is
//! hashed where it lies (in the staging folder) and handed to the writer as staged. A form's PDF
//! that a scan reads back (`document::packet::scan::scannable`) has its scan layout beside it
//! ([`Layout`]): read by one `typst eval` before the compile, whose page codes are made from it,
//! and published as `<document>.scan.json`; the PDF is up to date only when its layout is too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use chrono::NaiveDate;

use crate::prepare::Rendered;
use toetsgen_base::cancel::Cancel;
use toetsgen_base::fs::{self, sha256};
use toetsgen_base::{lang, msg};
use toetsgen_document::Format;
use toetsgen_document::packet::scan::{self, Sidecar};
use toetsgen_document::pdf::{Compiler, Job};
use toetsgen_output::dir::OutputDir;
use toetsgen_output::path::OutputFile;
use toetsgen_output::record::{FileRecord, Record};
use toetsgen_output::write::Content;

/// A PDF to compile: its file, the key it is recorded with, its creation date (the date of its
/// version, as a UNIX timestamp) and the job for typst.
pub(crate) struct Wanted {
    pub file: OutputFile,
    pub key: String,
    pub timestamp: i64,
    pub job: Job,
    pub layout: Option<Layout>,
}

/// The scan layout of a form's PDF: its file beside the PDF, the plan and version its page codes
/// name, and where in typst's root its source reads the codes.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub file: OutputFile,
    pub plan: String,
    pub versie: NaiveDate,
    pub codes: String,
}

impl Layout {
    /// Reads where the form `job` lays out its boxes (one `typst eval`) and puts its page codes
    /// where its source reads them; returns the layout to publish.
    pub(crate) fn prepare(
        &self,
        compiler: &Compiler,
        job: &Job,
        cancel: &Cancel,
    ) -> Result<Sidecar> {
        compiler.put(&self.codes, b"[]")?;
        let answer = compiler.eval(job, scan::layout::QUERY, cancel)?;
        let documents = scan::layout::parse(&answer)?;
        let sidecar = Sidecar::published(&self.plan, self.versie, documents);
        compiler.put(&self.codes, sidecar.published_codes().as_bytes())?;
        Ok(sidecar)
    }
}

/// The plan's PDFs that are up to date on disk, and those to compile.
pub(crate) fn plan_jobs(
    typst_version: &str,
    plan: &Rendered,
    record: &Record,
    out: &OutputDir,
    force: bool,
) -> (HashMap<OutputFile, Result<Content>>, Vec<Wanted>) {
    let mut up_to_date = HashMap::new();
    let mut wanted = Vec::new();
    for (version, doc) in plan.all_documents() {
        let Some(source) = doc.source(Format::Pdf) else {
            continue;
        };
        let Ok(file) = plan.file(&doc.info.naam, Format::Pdf, version) else {
            continue;
        };
        let key = source_key(typst_version, &source.text);
        let versie = version.unwrap_or(plan.version);
        let layout = scan::scannable(&doc.info.naam).then(|| Layout {
            file: file.scan_layout(),
            plan: plan.view.code.clone(),
            versie,
            codes: scan::published_codes_file(&plan.view.code, &versie.to_string(), &doc.info.naam),
        });
        let held = |file: &OutputFile, key: Option<&str>| {
            let rec = (record.plannen.get(&plan.view.code)).and_then(|p| p.bestanden.get(file))?;
            if force || key.is_some_and(|k| rec.typst_bron.as_deref() != Some(k)) {
                return None;
            }
            let held = out.verify(&file.rel(), &rec.sha256, rec.stempel.as_ref())?;
            Some(FileRecord {
                stempel: held.stamp,
                ..rec.clone()
            })
        };
        let recorded = held(&file, Some(&key));
        let layout_recorded = match &layout {
            Some(l) => held(&l.file, None).map(Some),
            None => Some(None),
        };
        match (recorded, layout_recorded) {
            (Some(rec), Some(layout_rec)) => {
                up_to_date.insert(file, Ok(Content::UpToDate(rec)));
                if let (Some(l), Some(rec)) = (&layout, layout_rec) {
                    up_to_date.insert(l.file.clone(), Ok(Content::UpToDate(rec)));
                }
            }
            _ => {
                let job = Job {
                    label: file.to_string(),
                    template: source.template.clone(),
                    source: source.text.clone(),
                };
                wanted.push(Wanted {
                    file,
                    key,
                    timestamp: timestamp(versie),
                    job,
                    layout,
                });
            }
        }
    }
    (up_to_date, wanted)
}

/// A PDF's creation date: its version's date, at midnight UTC, as a UNIX timestamp.
pub(crate) fn timestamp(version: NaiveDate) -> i64 {
    (version.and_hms_opt(0, 0, 0)).map_or(0, |t| t.and_utc().timestamp())
}

/// A PDF typst wrote at `path`, hashed, as the writer's content.
pub(crate) fn staged(path: PathBuf, key: String) -> Result<Content> {
    let bytes = std::fs::read(&path).map_err(|e| {
        anyhow::anyhow!(msg!(
            "build-typst-wrote-no-pdf",
            path = &path,
            error = lang::io_error(&e)
        ))
    })?;

    Ok(Content::Staged {
        path,
        sha256: sha256(&bytes),
        typst_bron: Some(key),
    })
}

/// A form's scan layout as the writer's content.
pub(crate) fn layout_content(sidecar: &Sidecar) -> Content {
    Content::New {
        bytes: sidecar.json(),
        typst_bron: None,
    }
}

/// The hash that says whether a PDF is current: of typst's version, toetsgen's and the source.
fn source_key(typst_version: &str, source: &str) -> String {
    let text = format!("{typst_version}\0{}\0{source}", env!("CARGO_PKG_VERSION"));
    sha256(text.as_bytes())
}

/// Writes the plan's Typst sources as `<dir>/<CODE>/<document>.typ`, those of an earlier
/// version as `<dir>/<CODE>/versies/<date>/<document>.typ`.
pub(crate) fn write_typst_sources(dir: &Path, plan: &Rendered) -> Result<()> {
    for (version, doc) in plan.all_documents() {
        if let Some(source) = doc.source(Format::Pdf) {
            let folder = match version {
                Some(v) => dir
                    .join(&plan.view.code)
                    .join("versies")
                    .join(v.to_string()),
                None => dir.join(&plan.view.code),
            };
            let path = folder.join(format!("{}.typ", doc.info.naam));
            fs::write_atomic(&path, source.text.as_bytes())?;
        }
    }
    Ok(())
}
