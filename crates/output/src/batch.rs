//! A build's writes, staged as they are made and made durable together. Each file is written
//! whole into the staging folder beside the output folder (or, for a PDF, left where typst wrote
//! it in the scratch folder inside the staging folder) without waiting for the disk; [`commit`]
//! then flushes every staged file (on Linux, many of them with one `syncfs` of their file
//! system; else several at once, so the disk's queue is used rather than one blocking flush per
//! file in sequence), renames them into place in the order they were given,
//! carries out the removals, and flushes the folders that changed. A build killed at any moment
//! thus leaves each file wholly old or wholly new. Every path goes through
//! [`OutputDir::resolve`] when the step is carried out.
//!
//! [`commit`]: Batch::commit

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::dir::OutputDir;
use crate::path::RelPath;
use toetsgen_base::fs;
use toetsgen_base::msg;

/// How many files are flushed to disk at the same time.
const SYNC_THREADS: usize = 8;

/// Writes, copies and removals waiting for [`Batch::commit`].
#[derive(Default)]
pub(crate) struct Batch {
    steps: Vec<Step>,
}

enum Step {
    /// Rename a staged file to `rel`.
    Place { staged: Staged, rel: RelPath },
    /// Remove `rel`, a file this program wrote.
    Remove(RelPath),
}

/// A file written in full, not yet flushed nor in place.
struct Staged {
    path: PathBuf,
    /// Removes the file if the build ends before it is placed.
    _temp: Option<tempfile::TempPath>,
}

impl Batch {
    /// An empty batch.
    pub(crate) fn new() -> Batch {
        Batch::default()
    }

    /// How many steps wait.
    pub(crate) fn len(&self) -> usize {
        self.steps.len()
    }

    /// Stages `bytes` to be written at `rel`; `read_only` for kept versions.
    pub(crate) fn write(
        &mut self,
        out: &OutputDir,
        rel: &RelPath,
        bytes: &[u8],
        read_only: bool,
    ) -> Result<()> {
        let dir = staging_dir(out, rel)?;
        let mut tmp = fs::temp_file_in(&dir)?;
        tmp.write_all(bytes)
            .and_then(|()| set_mode(tmp.as_file(), read_only))
            .with_context(|| msg!("base-cannot-write", path = tmp.path()))?;
        self.push_place(rel, tmp.into_temp_path());
        Ok(())
    }

    /// Adds the step that renames the staged file `temp` to `rel`, keeping `temp` until then.
    fn push_place(&mut self, rel: &RelPath, temp: tempfile::TempPath) {
        self.steps.push(Step::Place {
            staged: Staged {
                path: temp.to_path_buf(),
                _temp: Some(temp),
            },
            rel: rel.clone(),
        });
    }

    /// Writes a file through `write` into the staging folder (for `rel`), hashing it on the way,
    /// without holding it in memory: the staged file, removed when dropped unless it is placed
    /// with [`Batch::place_staged`], and its hash.
    pub(crate) fn stage_with(
        out: &OutputDir,
        rel: &RelPath,
        write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> Result<(tempfile::TempPath, String)> {
        let (file, temp, sha256) = fs::write_temp_hashed(&staging_dir(out, rel)?, write)?;
        set_mode(&file, false).with_context(|| msg!("base-cannot-write", path = &*temp))?;
        Ok((temp, sha256))
    }

    /// Stages a file from [`Batch::stage_with`] to be renamed to `rel`; `read_only` for earlier
    /// versions.
    pub(crate) fn place_staged(
        &mut self,
        rel: &RelPath,
        temp: tempfile::TempPath,
        read_only: bool,
    ) -> Result<()> {
        let opened = std::fs::File::open(&temp).and_then(|f| set_mode(&f, read_only));
        opened.with_context(|| msg!("base-cannot-read", path = &*temp))?;
        self.push_place(rel, temp);
        Ok(())
    }

    /// Stages a file made elsewhere in the staging folder (a PDF typst wrote) to be renamed to
    /// `rel`; `read_only` for earlier versions.
    pub(crate) fn place(&mut self, rel: &RelPath, file: &Path, read_only: bool) -> Result<()> {
        let opened = std::fs::File::open(file).and_then(|f| set_mode(&f, read_only));
        opened.with_context(|| msg!("base-cannot-read", path = &*file))?;
        self.steps.push(Step::Place {
            staged: Staged {
                path: file.to_owned(),
                _temp: None,
            },
            rel: rel.clone(),
        });
        Ok(())
    }

    /// Stages a read-only copy of the file at `from` to be placed at `to`.
    pub(crate) fn keep_copy(
        &mut self,
        out: &OutputDir,
        from: &RelPath,
        to: &RelPath,
    ) -> Result<()> {
        let source = out.resolve(from)?;
        let bytes =
            std::fs::read(&source).with_context(|| msg!("base-cannot-read", path = &*source))?;
        self.write(out, to, &bytes, true)
    }

    /// Stages the removal of a file this program wrote (and of its folder, when left empty).
    pub(crate) fn remove(&mut self, rel: &RelPath) {
        self.steps.push(Step::Remove(rel.clone()));
    }

    /// Flushes every staged file, renames them into place and carries out the removals, in
    /// order, then flushes the folders that changed.
    pub(crate) fn commit(&mut self, out: &OutputDir) -> Result<()> {
        let staged: Vec<&Path> = (self.steps.iter())
            .filter_map(|s| match s {
                Step::Place { staged, .. } => Some(staged.path.as_path()),
                Step::Remove(_) => None,
            })
            .collect();
        sync_all(&staged)?;
        let mut folders = BTreeSet::new();
        for step in std::mem::take(&mut self.steps) {
            match step {
                Step::Place { staged, rel } => {
                    let dest = out.resolve(&rel)?;
                    place(&staged.path, &dest)?;
                    folders.extend(dest.parent().map(Path::to_owned));
                }
                Step::Remove(rel) => out.remove(&rel)?,
            }
        }
        let folders: Vec<&Path> = folders.iter().map(PathBuf::as_path).collect();
        sync_all(&folders)
    }
}

/// Where a file for `rel` is staged: the staging folder, or else beside the file itself.
fn staging_dir(out: &OutputDir, rel: &RelPath) -> Result<PathBuf> {
    let dir = match out.staging() {
        Some(staging) => staging.to_owned(),
        None => out
            .resolve(rel)?
            .parent()
            .map(Path::to_owned)
            .unwrap_or_default(),
    };
    fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Renames `staged` to `dest`, creating its folder; across file systems, copies it whole.
fn place(staged: &Path, dest: &Path) -> Result<()> {
    if let Some(dir) = dest.parent() {
        fs::create_dir_all(dir)?;
    }
    if std::fs::rename(staged, dest).is_ok() {
        return Ok(());
    }
    let bytes = std::fs::read(staged).with_context(|| msg!("base-cannot-read", path = &*staged))?;
    fs::write_atomic(dest, &bytes)
}

/// From how many files on one file system a single `syncfs` is cheaper than flushing each.
#[cfg(target_os = "linux")]
const SYNC_WHOLE_FROM: usize = 64;

/// Flushes files (or folders) to disk. On Linux, many files on one file system are flushed with
/// one `syncfs` (2,700 small files: 0.06 s instead of 0.3 s, and one wait on the disk instead of
/// thousands); otherwise each is flushed, several at a time.
fn sync_all(paths: &[&Path]) -> Result<()> {
    #[cfg(target_os = "linux")]
    if paths.len() >= SYNC_WHOLE_FROM {
        return sync_file_systems(paths);
    }
    sync_each(paths)
}

/// Flushes the file systems that hold `paths`, each once, when they are local disks; the files
/// on any other (a network share, FUSE), whose `syncfs` may not reach the server, one by one.
#[cfg(target_os = "linux")]
fn sync_file_systems(paths: &[&Path]) -> Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    let mut local = BTreeSet::new();
    let mut elsewhere = Vec::new();
    for path in paths {
        let failed = |e: std::io::Error| {
            anyhow::Error::new(e).context(msg!("output-cannot-flush", path = &**path))
        };
        let device = std::fs::symlink_metadata(path).map_err(failed)?.dev();
        if local.contains(&device) {
            continue;
        }
        let file = std::fs::File::open(path).map_err(failed)?;
        let kind = rustix::fs::fstatfs(&file)
            .map_err(|e| failed(e.into()))?
            .f_type;
        if LOCAL_FILE_SYSTEMS.contains(&(kind as u64)) {
            rustix::fs::syncfs(&file).map_err(|e| failed(e.into()))?;
            local.insert(device);
        } else {
            elsewhere.push(*path);
        }
    }
    sync_each(&elsewhere)
}

/// File systems on a local disk (`statfs` magic numbers): ext2/3/4, XFS, Btrfs, tmpfs, F2FS,
/// ZFS, overlayfs and bcachefs.
#[cfg(target_os = "linux")]
const LOCAL_FILE_SYSTEMS: [u64; 8] = [
    0xEF53,
    0x5846_5342,
    0x9123_683E,
    0x0102_1994,
    0xF2F5_2010,
    0x2FC1_2FC1,
    0x794C_7630,
    0xCA45_1A4E,
];

/// Flushes each of `paths`, several at a time.
fn sync_each(paths: &[&Path]) -> Result<()> {
    if paths.is_empty() {
        return Ok(());
    }
    let per_thread = paths.len().div_ceil(SYNC_THREADS);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (paths.chunks(per_thread))
            .map(|part| {
                scope.spawn(move || {
                    for path in part {
                        std::fs::File::open(path)
                            .and_then(|f| f.sync_all())
                            .with_context(|| msg!("output-cannot-flush", path = &**path))?;
                    }
                    Ok(())
                })
            })
            .collect();
        (workers.into_iter()).try_for_each(|w| {
            (w.join()).unwrap_or_else(|_| Err(anyhow::anyhow!(msg!("output-flush-thread-failed"))))
        })
    })
}

/// Published documents are readable by all (0644); kept versions are read-only (0444).
#[cfg(unix)]
fn set_mode(file: &std::fs::File, read_only: bool) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = if read_only { 0o444 } else { 0o644 };
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(file: &std::fs::File, read_only: bool) -> std::io::Result<()> {
    let mut perms = file.metadata()?.permissions();
    perms.set_readonly(read_only);
    file.set_permissions(perms)
}
