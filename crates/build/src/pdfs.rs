//! Which PDFs of a plan this build must compile: a PDF whose Typst source, typst and toetsgen
//! are those recorded for the file on disk is up to date; the others become jobs for typst, each
//! travelling with its [`OutputFile`] and the key it will be recorded with. A PDF typst made is
//! hashed where it lies (in the staging folder) and handed to the writer as staged.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::prepare::Rendered;
use toetsgen_base::fs::{self, sha256};
use toetsgen_document::Format;
use toetsgen_document::pdf::Job;
use toetsgen_output::dir::OutputDir;
use toetsgen_output::path::OutputFile;
use toetsgen_output::record::{FileRecord, Record};
use toetsgen_output::write::Content;

/// A PDF to compile: its file, the key it is recorded with, and the job for typst.
pub(crate) struct Wanted {
    pub file: OutputFile,
    pub key: String,
    pub job: Job,
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
    for doc in &plan.documents {
        let Some(source) = doc.source(Format::Pdf) else {
            continue;
        };
        let Ok(file) = OutputFile::new(&plan.view.code, &doc.info.naam, Format::Pdf) else {
            continue;
        };
        let key = source_key(typst_version, &source.text);
        let recorded = (record.plannen.get(&plan.view.code))
            .and_then(|p| p.bestanden.get(&file))
            .filter(|rec| !force && rec.typst_bron.as_deref() == Some(key.as_str()))
            .and_then(|rec| {
                let held = out.verify(&file.rel(), &rec.sha256, rec.stempel.as_ref())?;
                Some(FileRecord {
                    stempel: held.stamp,
                    ..rec.clone()
                })
            });
        match recorded {
            Some(rec) => {
                up_to_date.insert(file, Ok(Content::UpToDate(rec)));
            }
            None => {
                let job = Job {
                    label: file.to_string(),
                    template: source.template.clone(),
                    source: source.text.clone(),
                };
                wanted.push(Wanted { file, key, job });
            }
        }
    }
    (up_to_date, wanted)
}

/// The PDF's creation date for a plan: its version, at midnight UTC, as a UNIX timestamp.
pub(crate) fn timestamp(plan: &Rendered) -> i64 {
    (plan.version.and_hms_opt(0, 0, 0)).map_or(0, |t| t.and_utc().timestamp())
}

/// A PDF typst wrote at `path`, hashed, as the writer's content.
pub(crate) fn staged(path: PathBuf, key: String) -> Result<Content> {
    let bytes = std::fs::read(&path)
        .map_err(|e| anyhow::anyhow!("typst wrote no PDF at {} ({e})", path.display()))?;
    Ok(Content::Staged {
        path,
        sha256: sha256(&bytes),
        typst_bron: Some(key),
    })
}

/// The hash that says whether a PDF is current: of typst's version, toetsgen's and the source.
fn source_key(typst_version: &str, source: &str) -> String {
    let text = format!("{typst_version}\0{}\0{source}", env!("CARGO_PKG_VERSION"));
    sha256(text.as_bytes())
}

/// Writes the plan's Typst sources as `<dir>/<CODE>/<document>.typ`.
pub(crate) fn write_typst_sources(dir: &Path, plan: &Rendered) -> Result<()> {
    for doc in &plan.documents {
        if let Some(source) = doc.source(Format::Pdf) {
            let path = dir
                .join(&plan.view.code)
                .join(format!("{}.typ", doc.info.naam));
            fs::write_atomic(&path, source.text.as_bytes())?;
        }
    }
    Ok(())
}
