//! Which PDFs this build must compile, and their compilation: a PDF whose Typst source, typst
//! and toetsgen are those recorded for the file on disk is up to date; the others go to typst in
//! one parallel run. Each PDF travels with its [`OutputFile`], so it is filed under its own name.

use std::collections::HashMap;
use std::path::Path;

use anyhow::Result;

use crate::build::Options;
use crate::build::prepare::Rendered;
use crate::document::Format;
use crate::document::pdf::{Job, Typst};
use crate::fs::{self, sha256};
use crate::output::dir::OutputDir;
use crate::output::path::OutputFile;
use crate::output::record::Record;
use crate::output::write::Content;
use crate::report::Reporter;

/// Every PDF of the rendered plans: up to date on disk, newly made, or the reason it failed.
pub(crate) fn make(
    typst: &Typst,
    plans: &[Rendered],
    record: &Record,
    out: &OutputDir,
    opts: &Options,
    reporter: &dyn Reporter,
) -> Result<HashMap<OutputFile, Result<Content>>> {
    let mut pdfs = HashMap::new();
    let mut jobs = Vec::new();
    for plan in plans {
        let timestamp = (plan.version.and_hms_opt(0, 0, 0)).map_or(0, |t| t.and_utc().timestamp());
        for doc in &plan.documents {
            let Some(source) = doc.source(Format::Pdf) else {
                continue;
            };
            let Ok(file) = OutputFile::new(&plan.view.code, &doc.info.naam, Format::Pdf) else {
                continue;
            };
            let key = source_key(&typst.version, &source.text);
            let recorded = (record.plannen.get(&plan.view.code))
                .and_then(|p| p.bestanden.get(&file))
                .filter(|rec| {
                    !opts.force
                        && rec.typst_bron.as_deref() == Some(key.as_str())
                        && out.hash_of(&file.rel()).as_deref() == Some(rec.sha256.as_str())
                });
            match recorded {
                Some(rec) => {
                    pdfs.insert(file, Ok(Content::UpToDate(rec.clone())));
                }
                None => {
                    let job = Job {
                        label: file.to_string(),
                        template: source.template.clone(),
                        source: source.text.clone(),
                        timestamp,
                    };
                    jobs.push(((file, key), job));
                }
            }
        }
    }
    for ((file, key), result) in
        typst.compile_all(jobs, opts.jobs, out.scratch(), &opts.cancel, reporter)?
    {
        let content = result.map(|bytes| Content::New {
            bytes,
            typst_bron: Some(key),
        });
        pdfs.insert(file, content);
    }
    Ok(pdfs)
}

/// The hash that says whether a PDF is current: of typst's version, toetsgen's and the source.
fn source_key(typst_version: &str, source: &str) -> String {
    let text = format!("{typst_version}\0{}\0{source}", env!("CARGO_PKG_VERSION"));
    sha256(text.as_bytes())
}

/// Writes every Typst source as `<dir>/<CODE>/<document>.typ`.
pub(crate) fn write_typst_sources(dir: &Path, plans: &[Rendered]) -> Result<()> {
    for plan in plans {
        for doc in &plan.documents {
            if let Some(source) = doc.source(Format::Pdf) {
                let path = dir
                    .join(&plan.view.code)
                    .join(format!("{}.typ", doc.info.naam));
                fs::write_atomic(&path, source.text.as_bytes())?;
            }
        }
    }
    Ok(())
}
