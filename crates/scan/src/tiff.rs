//! The pages of a multi-page TIFF (as office scanners write a stack): where each page's image
//! directory (IFD) is, found by following the file's chain of directories, and a view of the
//! file in which the header points at page `n`'s directory, so that the `image` crate decodes
//! that page as it decodes a first page (every compression and photometry it knows). Only the
//! chain is walked here — a count and a next offset per directory, bounded, each offset seen once
//! — never the pixels.

use std::io::{Read, Seek, SeekFrom};

use crate::limits::MAX_PAGES;

/// Whether `bytes` begin like a TIFF file (classic or BigTIFF, either byte order).
pub(crate) fn is_tiff(bytes: &[u8]) -> bool {
    matches!(
        bytes.get(..4),
        Some(b"II*\0" | b"MM\0*" | b"II+\0" | b"MM\0+")
    )
}

/// The byte order and size of a TIFF's offsets.
#[derive(Clone, Copy)]
struct Format {
    little: bool,
    big: bool,
}

impl Format {
    /// An unsigned number of `n` bytes at `at`, if the file has it.
    fn number(self, bytes: &[u8], at: u64, n: usize) -> Option<u64> {
        let start = usize::try_from(at).ok()?;
        let slice = bytes.get(start..start.checked_add(n)?)?;
        let mut value = 0u64;
        for i in 0..n {
            let b = if self.little {
                slice[n - 1 - i]
            } else {
                slice[i]
            };
            value = (value << 8) | u64::from(b);
        }
        Some(value)
    }
}

/// The offsets of the file's image directories, in order: at most [`MAX_PAGES`]; `None` when the
/// chain leaves the file or comes back to a directory already seen.
pub(crate) fn directories(bytes: &[u8]) -> Option<Vec<u64>> {
    let format = Format {
        little: bytes.starts_with(b"II"),
        big: bytes.get(2..4)
            == Some(if bytes.starts_with(b"II") {
                b"+\0"
            } else {
                b"\0+"
            }),
    };
    let (word, entry, count_size) = match format.big {
        true => (8, 20u64, 8),
        false => (4, 12u64, 2),
    };
    let mut next = format.number(bytes, if format.big { 8 } else { 4 }, word)?;
    let mut found = Vec::new();
    while next != 0 {
        if found.contains(&next) || found.len() >= MAX_PAGES {
            return None;
        }
        found.push(next);
        let count = format.number(bytes, next, count_size)?;
        let after = next
            .checked_add(count_size as u64)?
            .checked_add(count.checked_mul(entry)?)?;
        next = format.number(bytes, after, word)?;
    }
    Some(found)
}

/// The file as a reader whose header names the directory at `offset` as its first.
pub(crate) struct Page<'a> {
    bytes: &'a [u8],
    header: Vec<u8>,
    position: u64,
}

impl<'a> Page<'a> {
    /// The view of `bytes` that starts at the directory at `offset`.
    pub(crate) fn new(bytes: &'a [u8], offset: u64) -> Page<'a> {
        let big = bytes.get(2..4).is_some_and(|v| v == b"+\0" || v == b"\0+");
        let (at, word) = if big { (8usize, 8usize) } else { (4, 4) };
        let mut header = bytes[..(at + word).min(bytes.len())].to_vec();
        let value = offset.to_be_bytes();
        let value = &value[8 - word..];
        for i in 0..word {
            let b = if bytes.starts_with(b"II") {
                value[word - 1 - i]
            } else {
                value[i]
            };
            if let Some(slot) = header.get_mut(at + i) {
                *slot = b;
            }
        }
        Page {
            bytes,
            header,
            position: 0,
        }
    }
}

impl Read for Page<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let at = usize::try_from(self.position).unwrap_or(usize::MAX);
        let n = match at < self.header.len() {
            true => copy(&self.header[at..], buf),
            false => copy(self.bytes.get(at..).unwrap_or_default(), buf),
        };
        self.position += n as u64;
        Ok(n)
    }
}

impl Seek for Page<'_> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        let end = self.bytes.len() as i128;
        let target = match to {
            SeekFrom::Start(n) => i128::from(n),
            SeekFrom::End(d) => end + i128::from(d),
            SeekFrom::Current(d) => i128::from(self.position) + i128::from(d),
        };
        self.position = u64::try_from(target).map_err(|_| std::io::ErrorKind::InvalidInput)?;
        Ok(self.position)
    }
}

/// Copies what fits of `from` into `to`; how much.
fn copy(from: &[u8], to: &mut [u8]) -> usize {
    let n = from.len().min(to.len());
    to[..n].copy_from_slice(&from[..n]);
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chain of two directories is followed; a chain that loops is refused.
    #[test]
    fn the_chain_of_directories() {
        // II*\0, first IFD at 8: 0 entries, next at 14; at 14: 0 entries, next 0.
        let mut bytes = b"II*\0\x08\0\0\0".to_vec();
        bytes.extend_from_slice(&[0, 0, 14, 0, 0, 0]);
        bytes.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        assert_eq!(directories(&bytes), Some(vec![8, 14]));
        bytes[16] = 8; // the second points back at the first
        assert_eq!(directories(&bytes), None);
        let mut page = Page::new(&bytes, 14);
        let mut header = [0u8; 8];
        page.read_exact(&mut header).unwrap();
        assert_eq!(&header, b"II*\0\x0e\0\0\0");
    }
}
