//! PDF output: the Typst sources are compiled by the `typst` command-line program, run as child
//! processes, as many at a time as asked. Typst sees only the build's own scratch folder
//! (`--root`), only the fonts shipped with toetsgen ([`fonts`]), no packages and no network, and a
//! fixed creation date, so that the same plan gives the same PDF bytes on any machine
//! ([`process`] runs one). A typst that has the bundle target (0.15 and newer) compiles many
//! documents of the same creation date in one process ([`bundle`]), which saves its start-up and
//! font scanning per document; the PDFs are the same bytes either way. [`Compiler`] runs the
//! chunks, falling back to one process per document when a chunk fails, so that the error names
//! the document. The scratch folder lives in the output folder's staging folder when there is
//! one, so the PDFs are already staged for their rename into place, and a build killed outright
//! leaves nothing the next build does not remove; elsewhere (a packet's, beside the packets) it is
//! locked while in use, so that the next run removes one a killed run left ([`scratch`]). A
//! document compiled alone comes from typst through a pipe, written to disk by toetsgen, so a
//! typst that outlives a killed toetsgen writes nothing ([`process`]).

mod bundle;
mod compiler;
mod eval;
mod fonts;
mod locate;
mod process;
mod scratch;

pub use compiler::Compiler;
pub use fonts::can_print;
pub use locate::ProgramId;

use std::path::PathBuf;

/// The oldest typst release whose command line and layout features toetsgen uses: 0.14 brought
/// PDF/UA-1 and row header cells (`pdf.header-cell`, feature `a11y-extras`).
pub const MIN_VERSION: (u32, u32) = (0, 14);

/// The oldest typst release with the bundle target (`--features bundle --format bundle`).
pub const BUNDLE_VERSION: (u32, u32) = (0, 15);

/// How to get typst, for messages, in the user's language.
pub fn install_hint() -> String {
    toetsgen_base::msg!("document-typst-install")
}

/// Typst is missing, too old or cannot run: a failure of the machine toetsgen runs on, not of the
/// input (the command line gives it its own exit code).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Unavailable(pub String);

/// The typst program, found and checked.
#[derive(Debug, Clone)]
pub struct Typst {
    program: PathBuf,
    /// The version it reported, e.g. "0.15.1".
    pub version: String,
    /// What identifies the program file, to know its version next time without running it.
    pub id: Option<ProgramId>,
}

impl Typst {
    /// Whether this typst compiles bundles of documents in one process.
    pub fn bundles(&self) -> bool {
        parse_version(&self.version)
            .is_some_and(|(major, minor, _)| (major, minor) >= BUNDLE_VERSION)
    }
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
}

/// PDFs made in one run of typst: all with the same creation date (a UNIX timestamp: the plans'
/// version), since typst sets one date for a whole run.
#[derive(Debug, Clone, Default)]
pub struct Chunk {
    /// The PDFs' creation date.
    pub timestamp: i64,
    /// The PDFs.
    pub jobs: Vec<Job>,
}

/// Reads "typst 0.15.1 (abc)" as (0, 15, 1).
pub fn parse_version(text: &str) -> Option<(u32, u32, u32)> {
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

    /// Bundles are used from typst 0.15 on, never before.
    #[test]
    fn bundles_from_0_15() {
        let typst = |v: &str| Typst {
            program: PathBuf::from("typst"),
            version: v.to_owned(),
            id: None,
        };
        assert!(typst("0.15.1").bundles());
        assert!(typst("1.0.0").bundles());
        assert!(!typst("0.14.2").bundles());
    }
}
