//! PDF output: the Typst sources are compiled by the `typst` command-line program, run as child
//! processes, as many at a time as asked. Typst sees only the build's own temporary folder
//! (`--root`), only the fonts shipped with toetsgen (`--ignore-system-fonts`), and a fixed
//! creation date, so that the same plan gives the same PDF bytes on any machine.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use crate::fs;
use crate::report::Reporter;

/// The oldest typst release whose command line and layout features toetsgen uses.
pub const MIN_VERSION: (u32, u32) = (0, 13);

/// How to get typst, for messages.
pub const INSTALL_HINT: &str = "install it with `cargo install typst-cli --locked` (about 7 minutes), \
     or point the TYPST environment variable at the program; to build without PDFs, use `--format md,html`";

const FONTS: &[(&str, &[u8])] = &[
    (
        "NotoSans-Regular.ttf",
        include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    ),
    (
        "NotoSans-Bold.ttf",
        include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    ),
    (
        "NotoSans-Italic.ttf",
        include_bytes!("../../fonts/NotoSans-Italic.ttf"),
    ),
    (
        "NotoSans-BoldItalic.ttf",
        include_bytes!("../../fonts/NotoSans-BoldItalic.ttf"),
    ),
    (
        "NotoSansArabic-Regular.ttf",
        include_bytes!("../../fonts/NotoSansArabic-Regular.ttf"),
    ),
    (
        "NotoSansArabic-Bold.ttf",
        include_bytes!("../../fonts/NotoSansArabic-Bold.ttf"),
    ),
    (
        "NotoEmoji-Regular.ttf",
        include_bytes!("../../fonts/NotoEmoji-Regular.ttf"),
    ),
    (
        "NotoSansSymbols2-Regular.ttf",
        include_bytes!("../../fonts/NotoSansSymbols2-Regular.ttf"),
    ),
    (
        "DejaVuSans.ttf",
        include_bytes!("../../fonts/DejaVuSans.ttf"),
    ),
];

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

    /// Compiles all jobs, `threads` typst processes at a time, and returns each PDF or its
    /// error with the key it was given (`K` names the job's file for the caller). On any failure
    /// the Typst sources are kept on disk and the error says where.
    pub fn compile_all<K: Send>(
        &self,
        jobs: Vec<(K, Job)>,
        threads: usize,
        reporter: &dyn Reporter,
    ) -> Result<Vec<(K, Result<Vec<u8>>)>> {
        if jobs.is_empty() {
            return Ok(Vec::new());
        }
        let dir = tempfile::Builder::new()
            .prefix("toetsgen-typst-")
            .tempdir()
            .context("cannot create a temporary folder for typst")?;
        let fonts = dir.path().join("fonts");
        for (name, bytes) in FONTS {
            fs::write_scratch(&fonts.join(name), bytes)?;
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build()
            .context("cannot start the worker threads")?;
        reporter.begin("PDFs", jobs.len());
        let results: Vec<(K, Result<Vec<u8>>)> = pool.install(|| {
            jobs.into_par_iter()
                .enumerate()
                .map(|(i, (key, job))| {
                    let result = self.compile(dir.path(), &fonts, i, &job);
                    reporter.step(&job.label);
                    (key, result)
                })
                .collect()
        });
        reporter.end();
        if results.iter().any(|(_, r)| r.is_err()) {
            let kept = dir.keep();
            let note = format!(
                "the Typst sources are kept in {} for inspection",
                kept.display()
            );
            return Ok(results
                .into_iter()
                .map(|(key, r)| (key, r.context(note.clone())))
                .collect());
        }
        Ok(results)
    }

    fn compile(&self, root: &Path, fonts: &Path, index: usize, job: &Job) -> Result<Vec<u8>> {
        let stem = format!(
            "{index:04}-{}",
            job.label.replace(['/', '\\'], "-").trim_end_matches(".pdf")
        );
        let input = root.join(format!("{stem}.typ"));
        let output = root.join(format!("{stem}.pdf"));
        fs::write_scratch(&input, job.source.as_bytes())?;
        let result = Command::new(&self.program)
            .arg("compile")
            .arg("--root")
            .arg(root)
            .arg("--font-path")
            .arg(fonts)
            .arg("--ignore-system-fonts")
            .arg("--creation-timestamp")
            .arg(job.timestamp.to_string())
            .arg(&input)
            .arg(&output)
            .env_remove("SOURCE_DATE_EPOCH")
            .env_remove("TYPST_FONT_PATHS")
            .output()
            .with_context(|| format!("cannot run {} for {}", self.program.display(), job.label))?;
        if !result.status.success() {
            bail!(
                "typst failed on {} (from template {}):\n{}",
                job.label,
                job.template,
                String::from_utf8_lossy(&result.stderr).trim_end()
            );
        }
        std::fs::read(&output).with_context(|| format!("typst wrote no PDF for {}", job.label))
    }
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
