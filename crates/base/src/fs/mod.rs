//! File access with errors that always name the path: reading plans (UTF-8 checked,
//! byte-order mark stripped) and writing outputs atomically (a temporary file in the same
//! folder, then a rename), so a reader never sees a half-written document.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};

mod read;

pub use read::{
    BoundedReadError, ReadError, decode_text, no_follow, read_bounded, read_text,
    read_text_bounded, read_text_no_follow,
};

/// How every temporary file toetsgen writes begins: `.toetsgen-`, hidden.
pub const TEMP_PREFIX: &str = ".toetsgen-";
/// How every temporary file toetsgen writes ends.
pub const TEMP_SUFFIX: &str = ".tmp";

/// A new temporary file in `dir`, named `.toetsgen-*.tmp` ([`TEMP_PREFIX`], [`TEMP_SUFFIX`]) so
/// that a later run recognises one that a killed run left; removed when dropped.
pub fn temp_file_in(dir: &Path) -> Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .with_context(|| crate::msg!("base-cannot-create-temp", dir = dir))
}

/// Writes `contents` to `path` atomically, creating parent folders as needed.
///
/// The bytes go to a temporary file in the same folder, are flushed to disk, and the file
/// is then renamed over `path`: an interrupted build leaves either the old or the new file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    write_via(dir, path, contents)
}

/// Writes `contents` to a temporary file in `tmp_dir`, flushes it, and renames it to `path`
/// (creating `path`'s folder). The rename fails when `tmp_dir` is on another file system.
pub fn write_via(tmp_dir: &Path, path: &Path, contents: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_dir_all(dir)?;
    }
    let mut tmp = temp_file_in(tmp_dir)?;
    tmp.write_all(contents)
        .and_then(|()| make_readable(tmp.as_file()))
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| crate::msg!("base-cannot-write", path = tmp.path()))?;
    tmp.persist(path)
        .with_context(|| crate::msg!("base-cannot-write", path = path))?;
    Ok(())
}

/// Writes a file through `write` as [`write_atomic`] does, without holding it in memory: into a
/// temporary file in `tmp_dir` (a staging folder outside the file's own folder, so that a
/// process killed while writing leaves nothing beside it) or, when there is none or writing
/// through it fails in any way (another file system, a full disk there, the folder gone), beside
/// the file; hashed on the way. When the file already holds those bytes it is left as it is.
/// Returns whether it was written.
pub fn write_atomic_with(
    path: &Path,
    tmp_dir: Option<&Path>,
    write: impl Fn(&mut dyn Write) -> std::io::Result<()>,
) -> Result<bool> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_dir_all(dir)?;
    let staged = tmp_dir.map(|staging| write_hashed_via(staging, path, &write));
    let first = match staged {
        Some(Ok(Placed::Done(written))) => return Ok(written),
        Some(Ok(Placed::Elsewhere(err))) => Some(anyhow::Error::new(err)),
        Some(Err(err)) => Some(err),
        None => None,
    };
    let beside = match write_hashed_via(dir, path, &write) {
        Ok(Placed::Done(written)) => return Ok(written),
        Ok(Placed::Elsewhere(err)) => anyhow::Error::new(err),
        Err(err) => err,
    };
    let beside = beside.context(crate::msg!("base-cannot-write", path = path));
    Err(match first {
        Some(first) => beside.context(crate::msg!(
            "base-staging-too",
            first = format!("{first:#}")
        )),
        None => beside,
    })
}

/// What [`write_hashed_via`] did.
enum Placed {
    /// The file was written (`true`) or already held those bytes (`false`).
    Done(bool),
    /// The temporary file could not be renamed to the file (on another file system, say).
    Elsewhere(std::io::Error),
}

/// A temporary file in `dir` (removed when the path is dropped) holding what `write` wrote,
/// not yet flushed to disk, with the SHA-256 of its bytes.
pub fn write_temp_hashed(
    dir: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(std::fs::File, tempfile::TempPath, String)> {
    let tmp = temp_file_in(dir)?;
    let (file, temp) = tmp.into_parts();
    let mut hashing = Hashing::new(std::io::BufWriter::new(file));
    let written = write(&mut hashing).and_then(|()| hashing.flush());
    let (buffered, sha256) = hashing.finish();
    let file = written
        .and_then(|()| buffered.into_inner().map_err(|e| e.into_error()))
        .with_context(|| crate::msg!("base-cannot-write", path = &*temp))?;
    Ok((file, temp, sha256))
}

/// Writes `write`'s bytes to a temporary file in `tmp_dir` and renames it to `path` unless
/// `path` already holds them.
fn write_hashed_via(
    tmp_dir: &Path,
    path: &Path,
    write: &impl Fn(&mut dyn Write) -> std::io::Result<()>,
) -> Result<Placed> {
    let (file, temp, sha256) = write_temp_hashed(tmp_dir, write)?;
    if sha256_of_file(path).is_ok_and(|old| old == sha256) {
        return Ok(Placed::Done(false));
    }
    make_readable(&file)
        .and_then(|()| file.sync_all())
        .with_context(|| crate::msg!("base-cannot-write", path = &*temp))?;
    match temp.persist(path) {
        Ok(()) => Ok(Placed::Done(true)),
        Err(err) => Ok(Placed::Elsewhere(err.error)),
    }
}

/// Writes a scratch file (one the build itself reads back and then deletes), creating parent
/// folders; not atomic and not flushed to disk, since nobody else ever reads it.
pub fn write_scratch(path: &Path, contents: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent() {
        create_dir_all(dir)?;
    }
    std::fs::write(path, contents).with_context(|| crate::msg!("base-cannot-write", path = path))
}

/// Temporary files are private (0600); published documents must be readable by all (0644).
/// Called on a temporary file before it is renamed into place.
#[cfg(unix)]
pub fn make_readable(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
pub fn make_readable(_file: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// Creates a folder and its parents, naming the folder on failure.
pub fn create_dir_all(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)
        .with_context(|| crate::msg!("base-cannot-create-folder", path = dir))
}

/// What the file system says about a file without reading it: its size, its modification time,
/// its inode and its status-change time, which every write, rename or `touch` moves forward and
/// which no program can set back. When a file's stamp is the one taken when its bytes were last
/// hashed, it still holds those bytes: a build trusts the recorded hash and does not read it.
/// Only on Unix: elsewhere size and modification time are all there is, and a restore can set
/// both back, so there is no stamp. Nor is there one for a file changed in the last two seconds
/// on a file system that keeps whole seconds only (FAT, ext3, HFS+): an edit in the same second
/// would leave the stamp as it was. Where times have finer steps (ext4, XFS, Btrfs, APFS), an
/// edit of the same size within one step of the stamp being taken is the one change it misses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stamp {
    /// Size in bytes.
    #[serde(rename = "grootte")]
    pub size: u64,
    /// Modification time: nanoseconds since 1970.
    #[serde(rename = "gewijzigd_ns")]
    pub modified: i64,
    /// Status-change time: nanoseconds since 1970.
    #[serde(rename = "status_ns")]
    pub changed: i64,
    /// The file's inode.
    pub inode: u64,
}

impl Stamp {
    /// The stamp of the file at `path` (not following a link at the end), if it is a file and
    /// a stamp can be trusted (see [`Stamp`]).
    #[cfg(unix)]
    pub fn of(path: &Path) -> Option<Stamp> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::symlink_metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let nanos = |s: i64, ns: i64| s.saturating_mul(1_000_000_000).saturating_add(ns);
        let stamp = Stamp {
            size: meta.len(),
            modified: nanos(meta.mtime(), meta.mtime_nsec()),
            changed: nanos(meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
        };
        let whole_seconds = meta.mtime_nsec() == 0 && meta.ctime_nsec() == 0;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        let recent = meta.ctime().max(meta.mtime()) > now.saturating_sub(2);
        (!(whole_seconds && recent)).then_some(stamp)
    }

    /// No stamp off Unix (see [`Stamp`]).
    #[cfg(not(unix))]
    pub fn of(_path: &Path) -> Option<Stamp> {
        None
    }
}

/// A writer that hashes what passes through it.
pub struct Hashing<W> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Hashing<W> {
    /// Hashes what is written to `inner`.
    pub fn new(inner: W) -> Self {
        Hashing {
            inner,
            hasher: Sha256::new(),
        }
    }

    /// The writer, and the SHA-256 of everything written, in hexadecimal.
    pub fn finish(self) -> (W, String) {
        (self.inner, hex(&self.hasher.finalize()))
    }
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The SHA-256 of a file's bytes, read a piece at a time.
pub fn sha256_of_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hashing = Hashing::new(std::io::sink());
    std::io::copy(&mut file, &mut hashing)?;
    Ok(hashing.finish().1)
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of some bytes, in hexadecimal.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A byte-order mark from Windows editors must not end up in the first field name.
    #[test]
    fn read_text_strips_bom() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, b"\xEF\xBB\xBFcode: V1\n").unwrap();
        assert_eq!(read_text(&path).unwrap(), "code: V1\n");
    }

    /// Rewriting a file with other bytes of the same size changes its stamp.
    #[cfg(unix)]
    #[test]
    fn a_rewrite_changes_the_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, b"aaaa").unwrap();
        let before = Stamp::of(&path).unwrap();
        assert_eq!(Stamp::of(&path), Some(before));
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&path, b"bbbb").unwrap();
        let after = Stamp::of(&path).unwrap();
        assert_eq!(after.size, before.size);
        assert_ne!(after, before);
        assert_eq!(Stamp::of(dir.path()), None);
    }

    /// A Latin-1 file is reported with the line and column of the first bad byte.
    #[test]
    fn read_text_reports_first_invalid_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        std::fs::write(&path, b"code: V1\nnaam: Caf\xE9\n").unwrap();
        let err = read_text(&path).unwrap_err();
        assert!(
            matches!(
                err,
                ReadError::NotUtf8 {
                    line: 2,
                    column: 10,
                    ..
                }
            ),
            "{err}"
        );
    }

    /// Atomic writes create missing folders and replace existing files whole.
    #[test]
    fn write_atomic_creates_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x/y/out.md");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let leftovers = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files may remain");
    }

    /// While a file is written through a staging folder, nothing of it is in its own folder; an
    /// unchanged file is not rewritten.
    #[test]
    fn write_atomic_with_stages_outside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let (folder, staging) = (dir.path().join("out"), dir.path().join("staging"));
        create_dir_all(&folder).unwrap();
        create_dir_all(&staging).unwrap();
        let path = folder.join("record.json");
        let write = |out: &mut dyn Write| {
            let beside = std::fs::read_dir(&folder).unwrap().count();
            assert_eq!(beside, 0, "a temporary file beside the record");
            out.write_all(b"{}")
        };
        assert!(write_atomic_with(&path, Some(&staging), write).unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"{}");
        assert!(!write_atomic_with(&path, Some(&staging), |out| out.write_all(b"{}")).unwrap());
        assert_eq!(std::fs::read_dir(&staging).unwrap().count(), 0);
        // Without a staging folder the file is written beside itself, as before.
        assert!(write_atomic_with(&path, None, |out| out.write_all(b"[]")).unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"[]");
        // A staging folder that cannot be written to: the file is written beside itself.
        let gone = dir.path().join("gone");
        assert!(write_atomic_with(&path, Some(&gone), |out| out.write_all(b"()")).unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"()");
        let beside: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
        assert_eq!(beside.len(), 1, "only the file itself is left beside it");
    }

    /// Hashes are lowercase hexadecimal SHA-256.
    #[test]
    fn sha256_hex() {
        assert_eq!(
            sha256(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
