//! Reading files from folders toetsgen does not own: UTF-8 text with its byte-order mark
//! stripped and the place of a bad byte; bounded reads (a plain file only, never more than a
//! limit, inside a given folder); and opening without following a link.

use std::path::Path;

use crate::encoding::{self, Accepted};

/// Why a text file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read at all.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is not valid UTF-8; `line` and `column` point at the first bad byte.
    #[error("{path}:{line}:{column}: the file is not valid UTF-8")]
    NotUtf8 {
        /// The file.
        path: String,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column (in bytes) of the first invalid byte.
        column: usize,
    },
}

/// Reads a UTF-8 text file, stripping a leading byte-order mark.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(|source| ReadError::Io {
        path: path.display().to_string(),
        source,
    })?;
    decode_text(path, &bytes)
}

/// [`read_bounded`] of a text file: its UTF-8 text, or why not (a [`ReadError`] for what cannot be
/// read or decoded, `Err(Err(..))` for a file that is not a plain file or too large).
pub fn read_text_bounded(
    path: &Path,
    max: u64,
) -> Result<String, Result<ReadError, BoundedReadError>> {
    match read_bounded(path, max, None) {
        Ok(bytes) => decode_text(path, &bytes).map_err(Ok),
        Err(BoundedReadError::Io(source)) => Err(Ok(ReadError::Io {
            path: path.display().to_string(),
            source,
        })),
        Err(other) => Err(Err(other)),
    }
}

/// Why a file from a user's folder was not read by [`read_bounded`].
#[derive(Debug, thiserror::Error)]
pub enum BoundedReadError {
    /// The file could not be opened or read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The name leads outside the folder it must be in (a link, after it is followed).
    #[error("it lies outside {0}, the folder it must be in")]
    Outside(String),
    /// It is a folder, a pipe, a device or another thing that is not a plain file.
    #[error("it is not a plain file (a folder, a pipe or a device)")]
    NotAFile,
    /// It holds more than the limit.
    #[error("it is larger than {0} bytes")]
    TooLarge(u64),
}

/// The bytes of `path`, a file from a user's folder, read once and at most `max` of them: it
/// must be a plain file (a pipe, which would never end, or a device such as /dev/zero is
/// refused without being read) and, when `inside` is given, really lie in that folder once its
/// links are followed.
pub fn read_bounded(
    path: &Path,
    max: u64,
    inside: Option<&Path>,
) -> Result<Vec<u8>, BoundedReadError> {
    if let Some(folder) = inside {
        let (real, folder) = (path.canonicalize()?, folder.canonicalize()?);
        if !real.starts_with(&folder) {
            return Err(BoundedReadError::Outside(folder.display().to_string()));
        }
    }
    if !std::fs::metadata(path)?.is_file() {
        return Err(BoundedReadError::NotAFile);
    }
    let mut options = std::fs::File::options();
    options.read(true);
    #[cfg(unix)]
    {
        // A pipe put in the file's place after the check above must not block the open.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(BoundedReadError::NotAFile);
    }
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, max + 1), &mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(BoundedReadError::TooLarge(max));
    }
    Ok(bytes)
}

/// Options that refuse to open a symbolic link as the file itself (`O_NOFOLLOW` on Unix): for
/// toetsgen's own files in a folder someone else may change (the lock, the build record), where
/// a check before opening would race with a link swapped in.
pub fn no_follow(options: &mut std::fs::OpenOptions) -> &mut std::fs::OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    options
}

/// [`read_text`], refusing a symbolic link ([`no_follow`]).
pub fn read_text_no_follow(path: &Path) -> Result<String, ReadError> {
    let io = |source| ReadError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut file = no_follow(std::fs::File::options().read(true))
        .open(path)
        .map_err(io)?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(io)?;
    decode_text(path, &bytes)
}

/// UTF-8 text (a byte-order mark stripped) from the bytes read from `path`.
pub fn decode_text(path: &Path, bytes: &[u8]) -> Result<String, ReadError> {
    let decoded = encoding::decode(bytes, Accepted::Utf8).map_err(|at| ReadError::NotUtf8 {
        path: path.display().to_string(),
        line: at.line,
        column: at.column,
    })?;
    Ok(decoded.text)
}
