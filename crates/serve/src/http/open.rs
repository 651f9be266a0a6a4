//! A file of the output folder opened without following a symbolic link at any step: each name
//! of the path is opened inside the folder opened before it (`openat` with `O_NOFOLLOW`), so a
//! link swapped in between a check and the open cannot lead outside — there is no check apart
//! from the open. Only the output folder itself is opened by its path, as the user named it.

use std::fs::File;
use std::io;
use std::os::fd::OwnedFd;
use std::path::Path;

use rustix::fs::{AtFlags, CWD, FileType, Mode, OFlags};
use rustix::io::Errno;
use toetsgen_output::path::RelPath;

/// What a path of the output folder turned out to be.
#[derive(Debug)]
pub(crate) enum Opened {
    /// A plain file, open for reading, and its length.
    File(File, u64),
    /// A folder.
    Folder,
    /// Nothing there (or a plain file where the path needs a folder).
    Missing,
    /// A symbolic link on the way: the path up to it.
    Link(String),
    /// Something else than a plain file or folder (a device, a pipe, a socket).
    Special,
    /// It could not be opened (no permission, no file handle left, …).
    Failed(io::Error),
}

/// Opens `rel` inside the folder `root`.
pub(crate) fn open_in(root: &Path, rel: &RelPath) -> Opened {
    let base = OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOCTTY;
    let mut folder: OwnedFd =
        match rustix::fs::openat(CWD, root, base | OFlags::DIRECTORY, Mode::empty()) {
            Ok(fd) => fd,
            Err(e) => return failed(e),
        };
    let names: Vec<&str> = rel.names().collect();
    let mut so_far = String::new();
    for (i, name) in names.iter().enumerate() {
        if !so_far.is_empty() {
            so_far.push('/');
        }
        so_far.push_str(name);
        let last = i + 1 == names.len();
        // Non-blocking: opening a named pipe must not wait for a writer; plain files ignore it.
        let flags = base
            | OFlags::NOFOLLOW
            | OFlags::NONBLOCK
            | if last {
                OFlags::empty()
            } else {
                OFlags::DIRECTORY
            };
        let fd = match rustix::fs::openat(&folder, *name, flags, Mode::empty()) {
            Ok(fd) => fd,
            Err(Errno::LOOP | Errno::NOTDIR) => {
                // Only to say why: the open above has already refused to follow it.
                let stat = rustix::fs::statat(&folder, *name, AtFlags::SYMLINK_NOFOLLOW);
                let link =
                    stat.is_ok_and(|s| FileType::from_raw_mode(s.st_mode) == FileType::Symlink);
                return if link {
                    Opened::Link(so_far)
                } else {
                    Opened::Missing
                };
            }
            Err(e) => return failed(e),
        };
        if !last {
            folder = fd;
            continue;
        }
        let file = File::from(fd);
        return match file.metadata() {
            Ok(meta) if meta.is_file() => Opened::File(file, meta.len()),
            Ok(meta) if meta.is_dir() => Opened::Folder,
            Ok(_) => Opened::Special,
            Err(e) => Opened::Failed(e),
        };
    }
    Opened::Folder
}

fn failed(err: Errno) -> Opened {
    match err {
        Errno::NOENT | Errno::NOTDIR => Opened::Missing,
        e => Opened::Failed(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn rel(text: &str) -> RelPath {
        RelPath::new(text).unwrap()
    }

    /// Files and folders open; links, at the end or on the way, are refused; missing is missing.
    #[test]
    fn opens_without_following_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("output");
        std::fs::create_dir_all(root.join("V1")).unwrap();
        std::fs::write(root.join("V1/a.txt"), "binnen").unwrap();
        std::fs::write(dir.path().join("geheim.txt"), "geheim").unwrap();
        std::os::unix::fs::symlink("../geheim.txt", root.join("link.txt")).unwrap();
        std::os::unix::fs::symlink("..", root.join("uit")).unwrap();
        std::os::unix::fs::symlink("V1", root.join("V2")).unwrap();
        match open_in(&root, &rel("V1/a.txt")) {
            Opened::File(mut file, 6) => {
                let mut text = String::new();
                file.read_to_string(&mut text).unwrap();
                assert_eq!(text, "binnen");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(open_in(&root, &rel("V1")), Opened::Folder));
        assert!(matches!(open_in(&root, &rel("link.txt")), Opened::Link(p) if p == "link.txt"));
        assert!(matches!(open_in(&root, &rel("uit/geheim.txt")), Opened::Link(p) if p == "uit"));
        assert!(matches!(open_in(&root, &rel("V2/a.txt")), Opened::Link(p) if p == "V2"));
        assert!(matches!(open_in(&root, &rel("V1/b.txt")), Opened::Missing));
        assert!(matches!(
            open_in(&root, &rel("V1/a.txt/c")),
            Opened::Missing
        ));
        assert!(matches!(
            open_in(&dir.path().join("nee"), &rel("a")),
            Opened::Missing
        ));
    }
}
