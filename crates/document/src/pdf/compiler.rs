//! Runs typst over chunks of documents in a sandboxed scratch folder that lives as long as the
//! build: a chunk of several documents as one bundle where typst has the bundle target, else (or
//! when the bundle fails) one process per document, so that a failure names its document and
//! template and keeps its Typst source for inspection. The PDFs are left in the scratch folder
//! ([`super::scratch`]), staged for their rename into the output folder; the folder is removed
//! when the compiler is dropped.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use anyhow::{Context, Result, anyhow};

use toetsgen_base::cancel::{Cancel, Cancelled};
use toetsgen_base::{fs, msg};

use super::process::{self, Sandbox, Target};
use super::scratch::Scratch;
use super::{Chunk, Job, Typst, bundle, eval, fonts};

/// Compiles chunks of documents; shared by the threads that run typst.
pub struct Compiler {
    typst: Typst,
    dir: Scratch,
    fonts: PathBuf,
    /// Whether the fonts are written (on the first chunk: a build that compiles nothing
    /// does not write them), or why not.
    fonts_written: OnceLock<Result<(), String>>,
    packages: PathBuf,
    batch: bool,
    next: AtomicUsize,
    sets: Sets,
    /// Where a failed document's source and typst's messages are kept, when asked.
    keep: Option<PathBuf>,
}

/// Where one document's files are in the scratch folder: its source (and typst's messages)
/// under a name reused from chunk to chunk, so that a build does not create and delete a file
/// per document; its PDF under a name of its own, since it stays until it is moved into place.
struct Names {
    /// `src/<set>-<i>`, without extension.
    source: String,
    /// `pdf/<index>-<CODE>-<document>.pdf`.
    pdf: String,
}

/// Source name sets: the free ones, and how many there are.
type Sets = Mutex<(Vec<usize>, usize)>;

/// A set of source names for one chunk at a time, given back when the chunk is done.
struct SetGuard<'a>(usize, &'a Sets);

impl<'a> SetGuard<'a> {
    /// A free set, or a new one.
    fn take(sets: &'a Sets) -> SetGuard<'a> {
        let mut guard = sets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (free, count) = &mut *guard;
        let set = free.pop().unwrap_or_else(|| {
            *count += 1;
            *count - 1
        });
        SetGuard(set, sets)
    }
}

impl Drop for SetGuard<'_> {
    fn drop(&mut self) {
        let mut guard = self
            .1
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        guard.0.push(self.0);
    }
}

impl Compiler {
    /// A compiler with its scratch folder (the fonts written on first use; private to the user)
    /// under `scratch`, or the system's temporary folder; `batch` allows bundles when typst has
    /// them; a failed document's source and typst's messages are kept in `keep` when given, and
    /// else not at all (a packet's source holds candidates' names).
    pub fn new(
        typst: &Typst,
        scratch: Option<&Path>,
        batch: bool,
        keep: Option<&Path>,
    ) -> Result<Compiler> {
        let dir = Scratch::new(scratch)?;
        let (fonts, packages) = (dir.path().join("fonts"), dir.path().join("packages"));
        fs::create_dir_all(&packages)?;
        fs::create_dir_all(&dir.path().join("src"))?;
        fs::create_dir_all(&dir.path().join("pdf"))?;
        Ok(Compiler {
            typst: typst.clone(),
            dir,
            fonts,
            fonts_written: OnceLock::new(),
            packages,
            batch: batch && typst.bundles(),
            next: AtomicUsize::new(0),
            sets: Mutex::new((Vec::new(), 0)),
            keep: keep.map(Path::to_owned),
        })
    }

    /// Whether chunks of several documents go to typst as one bundle.
    pub fn batches(&self) -> bool {
        self.batch
    }

    /// Compiles a chunk; returns each PDF's path in the scratch folder (the caller moves it), or
    /// why it failed, in the order of the chunk's jobs. Fails as a whole only when cancelled or
    /// when the fonts cannot be written into the scratch folder.
    pub fn compile(&self, chunk: &Chunk, cancel: &Cancel) -> Result<Vec<Result<PathBuf>>> {
        self.write_fonts()?;
        let first = self.next.fetch_add(chunk.jobs.len(), Ordering::Relaxed);
        let set = SetGuard::take(&self.sets);
        let names: Vec<Names> = (chunk.jobs.iter().enumerate())
            .map(|(i, job)| Names {
                source: format!("src/{}-{i}", set.0),
                pdf: format!("pdf/{}.pdf", stem(first + i, &job.label)),
            })
            .collect();
        for (job, names) in chunk.jobs.iter().zip(&names) {
            let path = self.path(&format!("{}.typ", names.source));
            fs::write_scratch(&path, job.source.as_bytes())?;
        }
        if self.batch && chunk.jobs.len() > 1 {
            let name = format!("src/{}-bundel", set.0);
            let documents: Vec<(&str, &str)> = (names.iter())
                .map(|n| (n.source.as_str(), n.pdf.as_str()))
                .collect();
            let (program, sandbox) = (&self.typst.program, self.sandbox());
            match bundle::compile(
                program,
                &sandbox,
                &name,
                &documents,
                chunk.timestamp,
                cancel,
            ) {
                Ok(()) => return Ok(names.iter().map(|n| Ok(self.path(&n.pdf))).collect()),
                Err(err) if err.is::<Cancelled>() => return Err(err),
                Err(_) => {} // compile one by one: the error then names its document
            }
        }
        let mut results = Vec::new();
        for (job, names) in chunk.jobs.iter().zip(&names) {
            match self.single(job, names, chunk.timestamp, cancel) {
                Err(err) if err.is::<Cancelled>() => return Err(err),
                result => results.push(result),
            }
        }
        Ok(results)
    }

    /// Evaluates the Typst expression `expr` in the context of `job`'s source, laid out as it
    /// would be compiled ([`super::eval`]); returns typst's JSON answer.
    pub fn eval(&self, job: &Job, expr: &str, cancel: &Cancel) -> Result<Vec<u8>> {
        self.write_fonts()?;
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let names = Names {
            source: format!("src/eval-{n}"),
            pdf: format!("pdf/{}.pdf", stem(n, &job.label)),
        };
        let input = self.path(&format!("{}.typ", names.source));
        let log = self.path(&format!("{}.log", names.source));
        fs::write_scratch(&input, job.source.as_bytes())?;
        let result = eval::run(
            &self.typst.program,
            &self.sandbox(),
            &input,
            expr,
            &log,
            cancel,
        );
        let result = match result {
            Err(err) if !err.is::<Cancelled>() => Err(self.failure(job, &names, &err)),
            result => result,
        };
        let _ = std::fs::remove_file(&input);
        result
    }

    /// Writes a file the sources read (`json("/name")`) into the scratch root at `name`.
    pub fn put(&self, name: &str, bytes: &[u8]) -> Result<()> {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write_scratch(&path, bytes)
    }

    /// Writes the fonts into the scratch folder on first use; fails when they cannot be.
    fn write_fonts(&self) -> Result<()> {
        (self.fonts_written)
            .get_or_init(|| fonts::write_all(&self.fonts).map_err(|e| format!("{e:#}")))
            .clone()
            .map_err(|e| anyhow!(e))
    }

    /// Compiles one document in its own process.
    fn single(&self, job: &Job, names: &Names, timestamp: i64, cancel: &Cancel) -> Result<PathBuf> {
        let input = self.path(&format!("{}.typ", names.source));
        let log = self.path(&format!("{}.log", names.source));
        let output = self.path(&names.pdf);
        let target = Target::Single {
            input: &input,
            output: &output,
        };
        let sandbox = self.sandbox();
        let result = process::run(
            &self.typst.program,
            &sandbox,
            &target,
            timestamp,
            &log,
            cancel,
        );
        match result {
            Ok(()) => Ok(output),
            Err(err) if err.is::<Cancelled>() => Err(err),
            Err(err) => Err(self.failure(job, names, &err)),
        }
    }

    /// The error for a failed document: typst's diagnostics, the document and its template, and
    /// where its source is kept.
    fn failure(&self, job: &Job, names: &Names, err: &anyhow::Error) -> anyhow::Error {
        let packages = if job.source.contains("\"@") {
            format!("\n{}", msg!("document-typst-packages"))
        } else {
            String::new()
        };
        let failed = msg!(
            "document-typst-failed",
            label = &job.label,
            template = &job.template
        );
        let err = anyhow!("{failed}\n{err:#}{packages}");
        let Some(keep) = &self.keep else {
            return err.context(msg!("document-typst-keep-hint"));
        };
        match self.keep_source(keep, names) {
            Ok(()) => err.context(msg!("document-typst-kept", path = keep)),
            Err(why) => err.context(msg!("document-typst-not-kept", error = format!("{why:#}"))),
        }
    }

    /// Copies a failed document's source and typst's messages into `dir` (asked for with
    /// --keep-typst).
    fn keep_source(&self, dir: &Path, names: &Names) -> Result<()> {
        fs::create_dir_all(dir)?;
        let stem = names
            .pdf
            .trim_start_matches("pdf/")
            .trim_end_matches(".pdf");
        for ext in ["typ", "log"] {
            let from = self.path(&format!("{}.{ext}", names.source));
            std::fs::copy(&from, dir.join(format!("{stem}.{ext}")))
                .with_context(|| msg!("document-cannot-copy", path = &from))?;
        }
        Ok(())
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
