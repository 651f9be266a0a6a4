//! The output folder, which is the user's too. One build at a time holds its lock
//! (`.toetsgen.lock`; a second build waits). Every file is first written in full into a staging
//! folder beside the output folder and then renamed into place, so that a build killed at any
//! moment leaves each file either wholly old or wholly new and no partial file inside the output
//! folder (a killed build's temporary files are removed by the next). Only files this program
//! wrote are ever removed; earlier versions are kept read-only.
//!
//! Every read, write, copy and removal goes through [`OutputDir::resolve`] ([`resolve_in`] for
//! `serve`, which only reads): the path is a [`RelPath`] (plain names, nothing that leads up or
//! out) and no name on the way may be a symbolic link, so nothing outside the folder is ever
//! touched, whoever wrote the name.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::path::RelPath;
use toetsgen_base::cancel::Cancel;
use toetsgen_base::fs::{self, Stamp};
use toetsgen_base::msg;
use toetsgen_base::report::Reporter;

/// The lock file's name, in the output folder.
pub const LOCK_NAME: &str = ".toetsgen.lock";

/// A file found to hold the bytes asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    /// Its stamp, taken before its bytes were read (`None` where there can be none, see
    /// [`Stamp`]): when the stamp is the same next time, the bytes need not be read again.
    pub stamp: Option<Stamp>,
}

/// The output folder, locked for this build.
pub struct OutputDir {
    root: PathBuf,
    staging: Option<PathBuf>,
    /// Whether a file in the staging folder can be renamed into the output folder (not when
    /// the output folder is on another file system or is a mount point of its own).
    places: bool,
    _lock: File,
}

impl OutputDir {
    /// Creates and locks the output folder, waiting while another build holds it.
    pub fn open(root: &Path, reporter: &dyn Reporter, cancel: &Cancel) -> Result<OutputDir> {
        fs::create_dir_all(root)?;
        let lock_path = root.join(LOCK_NAME);
        let lock = fs::no_follow(File::options().create(true).truncate(false).write(true))
            .open(&lock_path)
            .with_context(|| match is_link(&lock_path) {
                true => msg!("output-lock-is-link", path = &lock_path),
                false => msg!("output-cannot-open-lock", path = &lock_path),
            })?;
        let mut told = false;
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) if !told => {
                    reporter.note(&msg!("output-waiting", path = root));
                    told = true;
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    cancel.check()?;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(e).with_context(|| msg!("output-cannot-lock", path = &lock_path));
                }
            }
        }
        let staging = staging_dir(root);
        let places = staging.as_deref().is_some_and(|s| renames_into(s, root));
        remove_temporaries(root, !places);
        Ok(OutputDir {
            root: root.to_owned(),
            staging,
            places,
            _lock: lock,
        })
    }

    /// The staging folder beside the output folder, for the build's scratch files too: it is
    /// removed when the build ends, and by the next build after a build killed outright.
    pub fn scratch(&self) -> Option<&Path> {
        self.staging.as_deref()
    }

    /// The staging folder, when files written there can be renamed into the output folder: the
    /// files of the output folder are staged there, so that a killed build leaves nothing
    /// inside it. `None` when they must be staged beside themselves.
    pub fn staging(&self) -> Option<&Path> {
        self.staging.as_deref().filter(|_| self.places)
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The full path of `rel`, refused when a name on the way is a symbolic link.
    pub fn resolve(&self, rel: &RelPath) -> Result<PathBuf> {
        resolve_in(&self.root, rel)
    }

    /// Whether the file exists (and can be reached without a link).
    pub fn exists(&self, rel: &RelPath) -> bool {
        self.resolve(rel).is_ok_and(|p| p.exists())
    }

    /// The file's current bytes, or `None` when it does not exist or cannot be reached.
    pub fn read(&self, rel: &RelPath) -> Option<Vec<u8>> {
        std::fs::read(self.resolve(rel).ok()?).ok()
    }

    /// Whether the file holds exactly `bytes`.
    pub fn holds(&self, rel: &RelPath, bytes: &[u8]) -> bool {
        self.read(rel).is_some_and(|old| old == bytes)
    }

    /// `Some` when the file holds exactly `bytes`, with its stamp taken before it was read.
    pub fn holds_stamped(&self, rel: &RelPath, bytes: &[u8]) -> Option<Held> {
        let path = self.resolve(rel).ok()?;
        let stamp = Stamp::of(&path);
        (std::fs::read(&path).ok()? == bytes).then_some(Held { stamp })
    }

    /// `Some` when the file holds the bytes with hash `expected`, with its stamp as in
    /// [`OutputDir::holds_stamped`]. The file is not read when its stamp is `known` (taken when
    /// those bytes were last verified); otherwise it is read and hashed, the stamp taken before
    /// reading, so that a change while it is read shows next time.
    pub fn verify(&self, rel: &RelPath, expected: &str, known: Option<&Stamp>) -> Option<Held> {
        let path = self.resolve(rel).ok()?;
        let stamp = Stamp::of(&path);
        if stamp.is_some() && stamp.as_ref() == known {
            return Some(Held { stamp });
        }
        (fs::sha256_of_file(&path).ok()? == expected).then_some(Held { stamp })
    }

    /// The stamp of a file in the folder.
    pub fn stamp(&self, rel: &RelPath) -> Option<Stamp> {
        Stamp::of(&self.resolve(rel).ok()?)
    }

    /// Writes a file atomically.
    pub fn write(&self, rel: &RelPath, bytes: &[u8]) -> Result<()> {
        let path = self.resolve(rel)?;
        match self.staging() {
            Some(staging) => {
                fs::write_via(staging, &path, bytes).or_else(|_| fs::write_atomic(&path, bytes))
            }
            None => fs::write_atomic(&path, bytes),
        }
    }

    /// Copies a file to `to` (creating folders) and makes the copy read-only.
    pub fn keep_copy(&self, from: &RelPath, to: &RelPath) -> Result<()> {
        let source = self.resolve(from)?;
        let bytes =
            std::fs::read(&source).with_context(|| msg!("base-cannot-read", path = &source))?;
        self.write(to, &bytes)?;
        let path = self.resolve(to)?;
        let mut perms = std::fs::metadata(&path)
            .with_context(|| msg!("base-cannot-read", path = &path))?
            .permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&path, perms)
            .with_context(|| msg!("output-cannot-protect", path = &path))
    }

    /// Removes a file this program wrote, and its folder when that is left empty.
    pub fn remove(&self, rel: &RelPath) -> Result<()> {
        let path = self.resolve(rel)?;
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| msg!("output-cannot-remove", path = &path)),
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

/// The full path of `rel` in the output folder `root`, refused when a name on the way is a
/// symbolic link: the one rule for every path in the output folder, for the build through
/// [`OutputDir::resolve`] and for `toetsgen serve`, which reads without taking the lock.
pub fn resolve_in(root: &Path, rel: &RelPath) -> Result<PathBuf> {
    let mut path = root.to_owned();
    for name in rel.names() {
        path.push(name);
        let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if link {
            bail!(msg!("output-is-link", path = &path));
        }
    }
    Ok(path)
}

/// Removes the temporary files (`.toetsgen-*.tmp`, names no plan can give) a build killed
/// outright left in the output folder: at its top (where the record is written when files cannot
/// be staged outside it) and, when files are staged in their own folders (`deep`), in every
/// folder. Each file's folder is reached as every path in the folder is, through [`resolve_in`]
/// (no symbolic link on the way); a file that cannot be removed is left.
fn remove_temporaries(root: &Path, deep: bool) {
    let walk =
        walkdir::WalkDir::new(root)
            .min_depth(1)
            .max_depth(if deep { usize::MAX } else { 1 });
    for entry in walk.into_iter().filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file()
            || !name.starts_with(fs::TEMP_PREFIX)
            || !name.ends_with(fs::TEMP_SUFFIX)
        {
            continue;
        }
        let folder = (entry.path().parent())
            .and_then(|p| p.strip_prefix(root).ok())
            .map(|p| p.to_string_lossy().replace(std::path::MAIN_SEPARATOR, "/"));
        let folder = match folder.as_deref() {
            Some("") => Some(root.to_owned()),
            Some(rel) => (RelPath::new(rel).ok()).and_then(|rel| resolve_in(root, &rel).ok()),
            None => None,
        };
        if let Some(folder) = folder {
            let _ = std::fs::remove_file(folder.join(entry.file_name()));
        }
    }
}

/// Whether a file made in `staging` can be renamed into `root`: tried with a temporary file
/// (removed at once; one left by a killed build is a temporary file like any other).
fn renames_into(staging: &Path, root: &Path) -> bool {
    let probe = fs::temp_file_in(staging);
    let Ok(probe) = probe.map(tempfile::NamedTempFile::into_temp_path) else {
        return false;
    };
    let Some(name) = probe.file_name() else {
        return false;
    };
    let target = root.join(name);
    let renamed = std::fs::rename(&probe, &target).is_ok();
    if renamed {
        let _ = std::fs::remove_file(&target);
    }
    renamed
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

/// Whether `path` is a symbolic link.
fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(test)]
mod tests {
    use super::*;
    use toetsgen_base::report::Quiet;

    fn rel(text: &str) -> RelPath {
        RelPath::new(text).unwrap()
    }

    /// The temporary files a killed build left are removed by the next: at the top of the
    /// output folder, and in every folder when files are staged beside themselves; nothing else.
    #[test]
    fn removes_what_a_killed_build_left() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("output");
        std::fs::create_dir_all(root.join("V1")).unwrap();
        for name in [
            ".toetsgen-a1B2c3.tmp",
            "V1/.toetsgen-x.tmp",
            "keep.tmp",
            ".toetsgen-y",
        ] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        drop(OutputDir::open(&root, &Quiet, &Cancel::new()).unwrap());
        assert!(!root.join(".toetsgen-a1B2c3.tmp").exists());
        // Only the top is swept while there is a staging folder.
        assert!(root.join("V1/.toetsgen-x.tmp").exists());
        assert!(root.join("keep.tmp").exists() && root.join(".toetsgen-y").exists());
        remove_temporaries(&root, true);
        assert!(!root.join("V1/.toetsgen-x.tmp").exists());
        assert!(root.join("keep.tmp").exists() && root.join(".toetsgen-y").exists());
    }

    /// A staging folder whose files cannot be renamed into the output folder is not used for
    /// its files; the probe leaves nothing behind.
    #[test]
    fn stages_beside_the_files_when_renames_fail() {
        let dir = tempfile::tempdir().unwrap();
        let (staging, root) = (dir.path().join("s"), dir.path().join("out"));
        std::fs::create_dir_all(&staging).unwrap();
        std::fs::create_dir_all(&root).unwrap();
        assert!(renames_into(&staging, &root));
        assert_eq!(std::fs::read_dir(&root).unwrap().count(), 0);
        assert_eq!(std::fs::read_dir(&staging).unwrap().count(), 0);
        assert!(!renames_into(&staging, &dir.path().join("missing")));
        let mut out = OutputDir::open(&root, &Quiet, &Cancel::new()).unwrap();
        assert!(out.staging().is_some());
        out.places = false;
        assert_eq!(out.staging(), None);
        assert!(out.scratch().is_some());
    }

    /// Files land whole in the output folder and nothing else is left in it.
    #[test]
    fn writes_through_staging_and_cleans_up() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("output");
        {
            let out = OutputDir::open(&root, &Quiet, &Cancel::new()).unwrap();
            out.write(&rel("V1/a.md"), b"hallo").unwrap();
            assert!(out.holds(&rel("V1/a.md"), b"hallo"));
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
        let out = OutputDir::open(dir.path(), &Quiet, &Cancel::new()).unwrap();
        out.write(&rel("V1/a.md"), b"oud").unwrap();
        out.keep_copy(&rel("V1/a.md"), &rel("V1/versies/2021-09-01/a.md"))
            .unwrap();
        let meta = std::fs::metadata(dir.path().join("V1/versies/2021-09-01/a.md")).unwrap();
        assert!(meta.permissions().readonly());
        out.remove(&rel("V1/a.md")).unwrap();
        assert!(!dir.path().join("V1/a.md").exists());
        assert!(
            dir.path().join("V1").is_dir(),
            "a folder that still holds files stays"
        );
    }

    /// Nothing is read, written or removed through a symbolic link, even one inside the folder.
    #[test]
    fn symbolic_links_are_never_followed() {
        // The messages checked here are the English ones.
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("buiten");
        std::fs::create_dir(&outside).unwrap();
        std::fs::write(outside.join("a.md"), b"van iemand anders").unwrap();
        let root = dir.path().join("output");
        std::fs::create_dir(&root).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("V1")).unwrap();
        let out = OutputDir::open(&root, &Quiet, &Cancel::new()).unwrap();
        let a = rel("V1/a.md");
        assert!(out.read(&a).is_none());
        assert!(
            out.write(&a, b"x")
                .unwrap_err()
                .to_string()
                .contains("symbolic link")
        );
        assert!(out.remove(&a).is_err());
        assert!(out.keep_copy(&a, &rel("V2/a.md")).is_err());
        assert_eq!(
            std::fs::read(outside.join("a.md")).unwrap(),
            b"van iemand anders"
        );
    }
}
