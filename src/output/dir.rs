//! Stage 5, the output folder, which is the user's too. One build at a time holds its lock
//! (`.toetsgen.lock`; a second build waits). Every file is first written in full into a staging
//! folder beside the output folder and then renamed into place, so that a build killed at any
//! moment leaves each file either wholly old or wholly new and no partial file inside the output
//! folder. Only files this program wrote are ever removed; earlier versions are kept read-only.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::fs;
use crate::fs::sha256;

/// The lock file's name, in the output folder.
pub const LOCK_NAME: &str = ".toetsgen.lock";

/// The output folder, locked for this build.
pub struct OutputDir {
    root: PathBuf,
    staging: Option<PathBuf>,
    _lock: File,
}

impl OutputDir {
    /// Creates and locks the output folder, waiting while another build holds it.
    pub fn open(root: &Path) -> Result<OutputDir> {
        fs::create_dir_all(root)?;
        let lock_path = root.join(LOCK_NAME);
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("cannot open the lock file {}", lock_path.display()))?;
        if lock.try_lock().is_err() {
            eprintln!(
                "Another toetsgen build is writing to {}; waiting for it to finish…",
                root.display()
            );
            lock.lock()
                .with_context(|| format!("cannot lock {}", lock_path.display()))?;
        }
        let staging = staging_dir(root);
        Ok(OutputDir {
            root: root.to_owned(),
            staging,
            _lock: lock,
        })
    }

    /// The full path of a file given relative to the output folder.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// The hash of a file's current bytes, or `None` when it does not exist.
    pub fn hash_of(&self, rel: &str) -> Option<String> {
        std::fs::read(self.path(rel))
            .ok()
            .map(|bytes| sha256(&bytes))
    }

    /// Whether the file holds exactly `bytes`.
    pub fn holds(&self, rel: &str, bytes: &[u8]) -> bool {
        std::fs::read(self.path(rel)).is_ok_and(|old| old == bytes)
    }

    /// Writes a file atomically.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = self.path(rel);
        match &self.staging {
            // Across file systems the rename fails: then stage beside the file itself.
            Some(staging) => {
                fs::write_via(staging, &path, bytes).or_else(|_| fs::write_atomic(&path, bytes))
            }
            None => fs::write_atomic(&path, bytes),
        }
    }

    /// Copies a file to `to_rel` (creating folders) and makes the copy read-only.
    pub fn keep_copy(&self, from_rel: &str, to_rel: &str) -> Result<()> {
        let bytes = std::fs::read(self.path(from_rel))
            .with_context(|| format!("cannot read {}", self.path(from_rel).display()))?;
        self.write(to_rel, &bytes)?;
        let path = self.path(to_rel);
        let mut perms = std::fs::metadata(&path)
            .with_context(|| format!("cannot read {}", path.display()))?
            .permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&path, perms)
            .with_context(|| format!("cannot protect {}", path.display()))
    }

    /// Removes a file this program wrote, and its folder when that is left empty.
    pub fn remove(&self, rel: &str) -> Result<()> {
        let path = self.path(rel);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("cannot remove {}", path.display())),
        }
        if let Some(dir) = path.parent().filter(|d| *d != self.root) {
            let _ = std::fs::remove_dir(dir); // only succeeds when empty
        }
        Ok(())
    }
}

impl Drop for OutputDir {
    fn drop(&mut self) {
        if let Some(staging) = &self.staging {
            let _ = std::fs::remove_dir_all(staging);
        }
    }
}

/// The staging folder beside `root` (`.<name>.toetsgen-staging`), emptied of what a killed
/// build left; `None` when none can be made there (then files are staged in their own folder).
fn staging_dir(root: &Path) -> Option<PathBuf> {
    let abs = std::path::absolute(root).ok()?;
    let name = abs.file_name()?.to_string_lossy().into_owned();
    let staging = abs.parent()?.join(format!(".{name}.toetsgen-staging"));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).ok()?;
    Some(staging)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files land whole in the output folder and nothing else is left in it.
    #[test]
    fn writes_through_staging_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("output");
        {
            let out = OutputDir::open(&root).unwrap();
            out.write("V1/a.md", b"hallo").unwrap();
            assert!(out.holds("V1/a.md", b"hallo"));
            assert!(dir.path().join(".output.toetsgen-staging").is_dir());
        }
        assert!(
            !dir.path().join(".output.toetsgen-staging").exists(),
            "staging removed"
        );
        let names: Vec<_> = std::fs::read_dir(root.join("V1"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec!["a.md"]);
    }

    /// Kept copies are read-only; removing a file removes its emptied folder.
    #[test]
    fn keeps_read_only_copies_and_removes_empty_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = OutputDir::open(dir.path()).unwrap();
        out.write("V1/a.md", b"oud").unwrap();
        out.keep_copy("V1/a.md", "V1/versies/2021-09-01/a.md")
            .unwrap();
        let meta = std::fs::metadata(out.path("V1/versies/2021-09-01/a.md")).unwrap();
        assert!(meta.permissions().readonly());
        out.remove("V1/a.md").unwrap();
        assert!(!out.path("V1/a.md").exists());
        assert!(
            out.path("V1").is_dir(),
            "a folder that still holds files stays"
        );
    }
}
