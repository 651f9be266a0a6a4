//! Finding typst and knowing its version. Running `typst --version` costs a process start on
//! every build, so the version is remembered (in the build record) with what identifies the
//! program file — its resolved path, size and modification time — and the program is only run
//! again when one of these changed.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use toetsgen_base::{lang, msg};

use super::{MIN_VERSION, Typst, Unavailable, install_hint, parse_version};

/// What identifies a program file: when all three are as before, so is its version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramId {
    /// The program's path, absolute and with links resolved.
    pub path: PathBuf,
    /// Its size in bytes.
    pub size: u64,
    /// Its modification time: seconds and nanoseconds since 1970.
    pub modified: (i64, u32),
}

impl Typst {
    /// Finds typst through the `TYPST` environment variable or on PATH and checks its version.
    /// `known` is what an earlier build learned: a program with the same [`ProgramId`] is not
    /// run again.
    pub fn locate(known: Option<(&ProgramId, &str)>) -> Result<Typst> {
        let named = std::env::var_os("TYPST").map_or_else(|| PathBuf::from("typst"), PathBuf::from);
        let id = find(&named).and_then(|p| identify(&p));
        let program = id.as_ref().map_or(named, |id| id.path.clone());
        let version = match (known, &id) {
            (Some((old, version)), Some(id)) if old == id => version.to_owned(),
            _ => run_version(&program)?,
        };
        let (major, minor, patch) = parse_version(&version)
            .with_context(|| msg!("document-typst-not-a-version", version = &version))?;
        if (major, minor) < MIN_VERSION {
            bail!(Unavailable(msg!(
                "document-typst-too-old",
                version = format!("{major}.{minor}"),
                min = format!("{}.{}", MIN_VERSION.0, MIN_VERSION.1),
                install = install_hint()
            )));
        }
        Ok(Typst {
            program,
            version: format!("{major}.{minor}.{patch}"),
            id,
        })
    }
}

/// The program file `named` stands for: itself when it names a path, else the first
/// executable of that name on PATH, as the operating system would find it.
fn find(named: &Path) -> Option<PathBuf> {
    if named.components().count() > 1 {
        return Some(named.to_owned());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(named))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// The program's resolved path, size and modification time, when it can be read.
fn identify(path: &Path) -> Option<ProgramId> {
    let path = std::path::absolute(path).ok()?.canonicalize().ok()?;
    let meta = std::fs::metadata(&path).ok()?;
    let since = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(ProgramId {
        path,
        size: meta.len(),
        modified: (i64::try_from(since.as_secs()).ok()?, since.subsec_nanos()),
    })
}

/// Runs `program --version` and returns what it printed.
fn run_version(program: &Path) -> Result<String> {
    let output = Command::new(program).arg("--version").output();
    let output = match output {
        Ok(o) if o.status.success() => o,
        Ok(o) => bail!(Unavailable(msg!(
            "document-typst-version-failed",
            program = program,
            status = o.status.to_string(),
            stderr = String::from_utf8_lossy(&o.stderr).trim(),
            install = install_hint()
        ))),
        Err(e) => bail!(Unavailable(msg!(
            "document-typst-cannot-run",
            program = program,
            error = lang::io_error(&e),
            install = install_hint()
        ))),
    };
    let text = String::from_utf8_lossy(&output.stdout);
    match parse_version(&text) {
        Some((major, minor, patch)) => Ok(format!("{major}.{minor}.{patch}")),
        None => bail!(Unavailable(msg!(
            "document-typst-version-unreadable",
            program = program,
            output = text.trim()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A program named by path is identified by that file; changing it changes its identity.
    #[test]
    fn identity_follows_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("typst");
        std::fs::write(&path, "#!/bin/sh\n").unwrap();
        let first = identify(&find(&path).unwrap()).unwrap();
        assert_eq!(first.size, 10);
        std::fs::write(&path, "#!/bin/sh\necho\n").unwrap();
        assert_ne!(identify(&path).unwrap(), first);
    }
}
