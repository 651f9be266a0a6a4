//! Runs typst over chunks of documents in a sandboxed scratch folder that lives as long as the
//! build: a chunk of several documents as one bundle where typst has the bundle target, else (or
//! when the bundle fails) one process per document, so that a failure names its document and
//! template and keeps its Typst source for inspection. The PDFs are left in the scratch folder,
//! staged for their rename into the output folder; the folder is removed when the compiler is
//! dropped.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result, anyhow};

use crate::cancel::{Cancel, Cancelled};
use crate::fs;

use super::process::{self, Sandbox, Target};
use super::{Chunk, Job, Typst, bundle, fonts};

/// Compiles chunks of documents; shared by the threads that run typst.
pub struct Compiler {
    typst: Typst,
    dir: tempfile::TempDir,
    fonts: PathBuf,
    packages: PathBuf,
    batch: bool,
    next: AtomicUsize,
    kept: Mutex<Option<PathBuf>>,
}

impl Compiler {
    /// A compiler with its scratch folder (with the fonts) under `scratch`, or the system's
    /// temporary folder; `batch` allows bundles when typst has them.
    pub fn new(typst: &Typst, scratch: Option<&Path>, batch: bool) -> Result<Compiler> {
        let mut builder = tempfile::Builder::new();
        builder.prefix("toetsgen-typst-");
        let dir = match scratch {
            Some(parent) => builder.tempdir_in(parent),
            None => builder.tempdir(),
        }
        .context("cannot create a temporary folder for typst")?;
        let (fonts, packages) = (dir.path().join("fonts"), dir.path().join("packages"));
        fonts::write_all(&fonts)?;
        fs::create_dir_all(&packages)?;
        Ok(Compiler {
            typst: typst.clone(),
            dir,
            fonts,
            packages,
            batch: batch && typst.bundles(),
            next: AtomicUsize::new(0),
            kept: Mutex::new(None),
        })
    }

    /// Whether chunks of several documents go to typst as one bundle.
    pub fn batches(&self) -> bool {
        self.batch
    }

    /// Compiles a chunk; returns each PDF's path in the scratch folder (the caller moves it), or
    /// why it failed, in the order of the chunk's jobs. Fails as a whole only when cancelled.
    pub fn compile(&self, chunk: &Chunk, cancel: &Cancel) -> Result<Vec<Result<PathBuf>>> {
        let first = self.next.fetch_add(chunk.jobs.len(), Ordering::Relaxed);
        let stems: Vec<String> = (chunk.jobs.iter().enumerate())
            .map(|(i, job)| stem(first + i, &job.label))
            .collect();
        for (job, stem) in chunk.jobs.iter().zip(&stems) {
            fs::write_scratch(&self.path(&format!("{stem}.typ")), job.source.as_bytes())?;
        }
        if self.batch && chunk.jobs.len() > 1 {
            let name = format!("bundel-{first:05}");
            let (program, sandbox) = (&self.typst.program, self.sandbox());
            match bundle::compile(program, &sandbox, &name, &stems, chunk.timestamp, cancel) {
                Ok(pdfs) => {
                    stems.iter().for_each(|s| self.forget_source(s));
                    return Ok(pdfs.into_iter().map(Ok).collect());
                }
                Err(err) if err.is::<Cancelled>() => return Err(err),
                Err(_) => {} // compile one by one: the error then names its document
            }
        }
        let mut results = Vec::new();
        for (job, stem) in chunk.jobs.iter().zip(&stems) {
            match self.single(job, stem, chunk.timestamp, cancel) {
                Err(err) if err.is::<Cancelled>() => return Err(err),
                result => results.push(result),
            }
        }
        Ok(results)
    }

    /// Compiles one document in its own process.
    fn single(&self, job: &Job, stem: &str, timestamp: i64, cancel: &Cancel) -> Result<PathBuf> {
        let (input, output) = (
            self.path(&format!("{stem}.typ")),
            self.path(&format!("{stem}.pdf")),
        );
        let log = self.path(&format!("{stem}.log"));
        let target = Target::Single {
            input: &input,
            output: &output,
        };
        let result = process::run(
            &self.typst.program,
            &self.sandbox(),
            &target,
            timestamp,
            &log,
            cancel,
        );
        match result {
            Ok(()) => {
                self.forget_source(stem);
                Ok(output)
            }
            Err(err) if err.is::<Cancelled>() => Err(err),
            Err(err) => Err(self.failure(job, stem, &err)),
        }
    }

    /// The error for a failed document: typst's diagnostics, the document and its template, and
    /// where its source is kept.
    fn failure(&self, job: &Job, stem: &str, err: &anyhow::Error) -> anyhow::Error {
        let packages = if job.source.contains("\"@") {
            "\nnote: the source imports a Typst package (`@…`); toetsgen lets typst use no packages and no network, so every template must be self-contained"
        } else {
            ""
        };
        let err = anyhow!(
            "typst failed on {} (from template {}):\n{err:#}{packages}",
            job.label,
            job.template
        );
        match self.keep_source(stem) {
            Ok(kept) => err.context(format!(
                "the Typst sources are kept in {} for inspection",
                kept.display()
            )),
            Err(why) => err.context(format!("the Typst source could not be kept: {why:#}")),
        }
    }

    /// Copies a failed document's source and typst's messages into a folder of their own, made
    /// once per build, and returns it.
    fn keep_source(&self, stem: &str) -> Result<PathBuf> {
        let mut kept = self
            .kept
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if kept.is_none() {
            let dir = tempfile::Builder::new()
                .prefix("toetsgen-typst-failed-")
                .tempdir()
                .context("cannot create a folder for the Typst sources")?;
            *kept = Some(dir.keep());
        }
        let dir = kept.clone().unwrap_or_default();
        for ext in ["typ", "log"] {
            let name = format!("{stem}.{ext}");
            let from = self.path(&name);
            std::fs::copy(&from, dir.join(&name))
                .with_context(|| format!("cannot copy {}", from.display()))?;
        }
        Ok(dir)
    }

    fn forget_source(&self, stem: &str) {
        let _ = std::fs::remove_file(self.path(&format!("{stem}.typ")));
        let _ = std::fs::remove_file(self.path(&format!("{stem}.log")));
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn sandbox(&self) -> Sandbox<'_> {
        Sandbox {
            root: self.dir.path(),
            fonts: &self.fonts,
            packages: &self.packages,
        }
    }
}

/// A file name for job `index` that says which document it is: `00012-V1-toetsplan`.
fn stem(index: usize, label: &str) -> String {
    let name: String = (label.trim_end_matches(".pdf").chars())
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' => c,
            _ => '-',
        })
        .collect();
    format!("{index:05}-{name}")
}
