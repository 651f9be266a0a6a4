//! PDF output: the Typst sources are compiled by the `typst` command-line program, run as child
//! processes, as many at a time as asked. Typst sees only the build's own scratch folder
//! (`--root`), only the fonts shipped with toetsgen ([`fonts`]), no packages and no network, and a
//! fixed creation date, so that the same plan gives the same PDF bytes on any machine
//! ([`process`] runs one). The scratch folder lives in the output folder's staging folder when
//! there is one, so a build killed outright leaves nothing the next build does not remove.

mod fonts;
mod process;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use crate::cancel::Cancel;
use crate::report::Reporter;
use process::Sandbox;

/// The oldest typst release whose command line and layout features toetsgen uses: 0.14 brought
/// PDF/UA-1 and row header cells (`pdf.header-cell`, feature `a11y-extras`).
pub const MIN_VERSION: (u32, u32) = (0, 14);

/// How to get typst, for messages.
pub const INSTALL_HINT: &str = "install it with `cargo install typst-cli --locked` (about 7 minutes), \
     or point the TYPST environment variable at the program; to build without PDFs, use `--format md,html`";

/// The typst program, found and checked.
#[derive(Debug, Clone)]
pub struct Typst {
    program: PathBuf,
    /// The version it reported, e.g. "0.15.1".
    pub version: String,
}

/// One PDF to make.
#[derive(Debug, Clone)]
pub struct Job {
    /// What it is, for messages and file names, e.g. `V1/beoordelingsformulier.pdf`.
    pub label: String,
    /// The template the source came from, for messages.
    pub template: String,
    /// The Typst source.
    pub source: String,
    /// The PDF's creation date as a UNIX timestamp (the plan's version).
    pub timestamp: i64,
}

impl Typst {
    /// Finds typst through the `TYPST` environment variable or on PATH and checks its version.
    pub fn locate() -> Result<Typst> {
        let program =
            std::env::var_os("TYPST").map_or_else(|| PathBuf::from("typst"), PathBuf::from);
        let output = Command::new(&program).arg("--version").output();
        let output = match output {
            Ok(o) if o.status.success() => o,
            Ok(o) => bail!(
                "`{} --version` failed ({}): {}\n{INSTALL_HINT}",
                program.display(),
                o.status,
                String::from_utf8_lossy(&o.stderr).trim()
            ),
            Err(e) => bail!(
                "the typst program is needed for PDFs but `{}` could not be run ({e}): {INSTALL_HINT}",
                program.display()
            ),
        };
        let text = String::from_utf8_lossy(&output.stdout);
        let version = parse_version(&text).with_context(|| {
            format!(
                "`{} --version` printed `{}`, which is not a typst version",
                program.display(),
                text.trim()
            )
        })?;
        let (major, minor) = (version.0, version.1);
        if (major, minor) < MIN_VERSION {
            bail!(
                "typst {major}.{minor} is too old: toetsgen needs typst {}.{} or newer; {INSTALL_HINT}",
                MIN_VERSION.0,
                MIN_VERSION.1
            );
        }
        Ok(Typst {
            program,
            version: format!("{}.{}.{}", version.0, version.1, version.2),
        })
    }

    /// Compiles all jobs, `threads` typst processes at a time, in a scratch folder under
    /// `scratch` (or the system's temporary folder), and returns each PDF or its error with the
    /// key it was given (`K` names the job's file for the caller). On any failure the Typst
    /// sources are kept for inspection and the error says where; on cancellation the children
    /// are killed and the error is [`Cancelled`](crate::cancel::Cancelled).
    pub fn compile_all<K: Send>(
        &self,
        jobs: Vec<(K, Job)>,
        threads: usize,
        scratch: Option<&Path>,
        cancel: &Cancel,
        reporter: &dyn Reporter,
    ) -> Result<Vec<(K, Result<Vec<u8>>)>> {
        if jobs.is_empty() {
            return Ok(Vec::new());
        }
        let mut builder = tempfile::Builder::new();
        builder.prefix("toetsgen-typst-");
        let dir = match scratch {
            Some(parent) => builder.tempdir_in(parent),
            None => builder.tempdir(),
        }
        .context("cannot create a temporary folder for typst")?;
        let (fonts, packages) = (dir.path().join("fonts"), dir.path().join("packages"));
        fonts::write_all(&fonts)?;
        crate::fs::create_dir_all(&packages)?;
        let sandbox = Sandbox {
            root: dir.path(),
            fonts: &fonts,
            packages: &packages,
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build()
            .context("cannot start the worker threads")?;
        reporter.begin("PDFs", jobs.len());
        let results: Vec<(K, Result<Vec<u8>>)> = pool.install(|| {
            jobs.into_par_iter()
                .enumerate()
                .map(|(i, (key, job))| {
                    let result = self.compile(&sandbox, i, &job, cancel);
                    reporter.step(&job.label);
                    (key, result)
                })
                .collect()
        });
        reporter.end();
        cancel.check()?;
        if results.iter().any(|(_, r)| r.is_err()) {
            let kept = keep_sources(dir.path())?;
            let note = format!(
                "the Typst sources are kept in {} for inspection",
                kept.display()
            );
            return Ok((results.into_iter())
                .map(|(key, r)| (key, r.context(note.clone())))
                .collect());
        }
        Ok(results)
    }

    fn compile(
        &self,
        sandbox: &Sandbox<'_>,
        index: usize,
        job: &Job,
        cancel: &Cancel,
    ) -> Result<Vec<u8>> {
        cancel.check()?;
        let stem = format!(
            "{index:04}-{}",
            job.label.replace(['/', '\\'], "-").trim_end_matches(".pdf")
        );
        let result = process::compile(
            &self.program,
            sandbox,
            &stem,
            &job.source,
            job.timestamp,
            cancel,
        );
        result.map_err(|err| {
            if err.is::<crate::cancel::Cancelled>() {
                return err;
            }
            let packages = if job.source.contains("\"@") {
                "\nnote: the source imports a Typst package (`@…`); toetsgen lets typst use no packages and no network, so every template must be self-contained"
            } else {
                ""
            };
            anyhow::anyhow!(
                "typst failed on {} (from template {}):\n{err:#}{packages}",
                job.label,
                job.template
            )
        })
    }
}

/// Copies the Typst sources and typst's messages out of the scratch folder (which is removed)
/// into a folder of their own, and returns it.
fn keep_sources(scratch: &Path) -> Result<PathBuf> {
    let kept = tempfile::Builder::new()
        .prefix("toetsgen-typst-failed-")
        .tempdir()
        .context("cannot create a folder for the Typst sources")?
        .keep();
    for entry in std::fs::read_dir(scratch).context("cannot read the typst scratch folder")? {
        let path = entry
            .context("cannot read the typst scratch folder")?
            .path();
        let wanted = path.extension().is_some_and(|e| e == "typ" || e == "log");
        if let (true, Some(name)) = (wanted, path.file_name()) {
            std::fs::copy(&path, kept.join(name))
                .with_context(|| format!("cannot copy {}", path.display()))?;
        }
    }
    Ok(kept)
}

/// Reads "typst 0.15.1 (abc)" as (0, 15, 1).
fn parse_version(text: &str) -> Option<(u32, u32, u32)> {
    let word = text
        .split_whitespace()
        .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))?;
    let mut parts = word.split(['.', '-', '+']).map(|p| p.parse::<u32>());
    Some((
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next().and_then(Result::ok).unwrap_or(0),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Version strings of released and development builds are understood.
    #[test]
    fn parses_versions() {
        assert_eq!(
            parse_version("typst 0.15.1 (unknown commit)\n"),
            Some((0, 15, 1))
        );
        assert_eq!(parse_version("typst 0.13.0-rc1"), Some((0, 13, 0)));
        assert_eq!(parse_version("hello"), None);
    }
}
