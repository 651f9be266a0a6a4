//! typst's scratch folder: private to the user (0700, as `tempfile` makes it), hidden, and
//! locked for as long as its compiler lives, so that a later run can tell a folder a killed run
//! left (its lock free) from one a running toetsgen uses (its lock held) and removes the first
//! at once: it may hold a packet's source, with candidates' names.

use std::fs::{File, TryLockError};
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};

use toetsgen_base::{fs, msg};

/// How the scratch folders of typst runs begin: hidden, so that they never mix with documents.
const SCRATCH_PREFIX: &str = ".toetsgen-typst-";

/// The lock file in a scratch folder, locked while the folder is in use.
const LOCK: &str = "lock";

/// The lock file under the name it has until it is locked (so that no sweep can take a lock
/// that was not yet taken by its owner).
const LOCK_NEW: &str = "lock.new";

/// How long a scratch folder without a lock file (left by a toetsgen before the lock, or killed
/// in the moment between making the folder and its lock) lives before a later run removes it.
const STALE_AFTER: Duration = Duration::from_secs(6 * 3600);

/// A scratch folder in use: removed when dropped, its lock held until then.
pub(super) struct Scratch {
    dir: tempfile::TempDir,
    /// Held for the folder's life; released when dropped (or when the process ends, however).
    _lock: File,
}

impl Scratch {
    /// A new scratch folder under `parent` (or the system's temporary folder), after removing
    /// the ones killed runs left in `parent`.
    pub(super) fn new(parent: Option<&Path>) -> Result<Scratch> {
        if let Some(parent) = parent {
            sweep(parent);
        }
        let mut builder = tempfile::Builder::new();
        builder.prefix(SCRATCH_PREFIX);
        let dir = match parent {
            Some(parent) => builder.tempdir_in(parent),
            None => builder.tempdir(),
        }
        .context(msg!("document-typst-no-scratch"))?;
        let lock = lock(dir.path()).context(msg!("document-typst-no-scratch"))?;
        Ok(Scratch { dir, _lock: lock })
    }

    /// The folder.
    pub(super) fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Creates the lock file of the scratch folder `dir` and locks it: under a name of its own
/// first, renamed to [`LOCK`] once locked.
fn lock(dir: &Path) -> std::io::Result<File> {
    let new = dir.join(LOCK_NEW);
    let file = fs::no_follow(File::options().write(true).create_new(true)).open(&new)?;
    file.try_lock().map_err(std::io::Error::from)?;
    std::fs::rename(&new, dir.join(LOCK))?;
    Ok(file)
}

/// Removes the scratch folders in `parent` that killed runs left: at once those whose lock is
/// free, after [`STALE_AFTER`] those without a lock file; never one whose lock is held.
fn sweep(parent: &Path) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let ours = entry
            .file_name()
            .to_string_lossy()
            .starts_with(SCRATCH_PREFIX);
        let folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if ours && folder && left_behind(&entry) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether the scratch folder `entry` was left by a run that is gone.
fn left_behind(entry: &std::fs::DirEntry) -> bool {
    let lock = fs::no_follow(File::options().read(true)).open(entry.path().join(LOCK));
    match lock.map(|file| file.try_lock()) {
        Ok(Ok(())) => true,
        Ok(Err(TryLockError::WouldBlock)) => false,
        // No lock file (or one that cannot be locked here): the age decides.
        Ok(Err(TryLockError::Error(_))) | Err(_) => (entry.metadata().and_then(|m| m.modified()))
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE_AFTER)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder in use is left alone, even by a sweep in the same process; once its compiler is
    /// gone (its lock free) the next sweep removes it at once, whatever its age; a folder
    /// without a lock file is removed only when old.
    #[test]
    fn sweeps_only_folders_whose_lock_is_free() {
        let parent = tempfile::tempdir().unwrap();
        let held = Scratch::new(Some(parent.path())).unwrap();
        let orphan = Scratch::new(Some(parent.path())).unwrap();
        let unlocked = parent.path().join(".toetsgen-typst-old");
        std::fs::create_dir(&unlocked).unwrap();
        // What a killed run leaves: the folder and its lock file, the lock no longer held.
        let Scratch { dir, _lock } = orphan;
        drop(_lock);
        let left = dir.keep();
        sweep(parent.path());
        assert!(held.path().exists(), "a folder in use is left alone");
        assert!(!left.exists(), "a folder whose lock is free is removed");
        assert!(unlocked.exists(), "a young folder without a lock is kept");
        let _ = std::fs::File::open(&unlocked)
            .unwrap()
            .set_modified(std::time::SystemTime::now() - 2 * STALE_AFTER);
        sweep(parent.path());
        assert!(
            !unlocked.exists(),
            "an old folder without a lock is removed"
        );
        assert!(held.path().exists());
    }
}
