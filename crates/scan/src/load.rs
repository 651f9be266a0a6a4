//! Scans from files: PNG, JPEG and TIFF images (the `image` crate; every page of a TIFF), and PDF
//! files whose pages are scanned images, rendered by hayro ([`crate::pdf`]). Every page becomes a
//! [`Grey`] image within the size limits; a file or a page beyond them is refused with a message
//! that says which and why. Nothing is decoded on opening: an image is decoded, and a PDF's page
//! rendered, when its page is asked for, so that counting a stack's pages costs no pixels and a
//! large stack does not sit in memory at once.

use std::fmt;
use std::path::{Path, PathBuf};

use std::io::{BufRead, BufReader, Seek};

use image::{ImageReader, Limits};
use toetsgen_base::fs::{BoundedReadError, read_bounded};
use toetsgen_base::msg;

use crate::grey::Grey;
use crate::limits::{MAX_FILE_BYTES, MAX_PAGES, MAX_PIXELS, MAX_SIDE};
use crate::pdf::PdfScan;
use crate::tiff;

/// A scan file, opened: an image (one page) or a PDF.
pub struct ScanFile {
    path: PathBuf,
    kind: Kind,
}

/// What a scan file holds.
enum Kind {
    /// One page: the file's bytes, decoded when asked for.
    Image(Vec<u8>),
    /// A TIFF of one or more pages: its bytes and where each page's directory is.
    Tiff(Vec<u8>, Vec<u64>),
    /// A PDF's pages, rendered when asked for.
    Pdf(PdfScan),
}

/// Why a scan file, or a page of it, cannot be read.
#[derive(Debug)]
pub enum LoadError {
    /// The file cannot be read.
    Io(PathBuf, std::io::Error),
    /// The file is larger than [`MAX_FILE_BYTES`].
    FileTooLarge(PathBuf),
    /// A folder, a pipe or a device, not a plain file.
    NotAFile(PathBuf),
    /// Neither an image the reader knows nor a PDF.
    NotAScan(PathBuf),
    /// An image that does not decode.
    Image(PathBuf, String),
    /// A PDF that does not open.
    Pdf(PathBuf, String),
    /// A PDF with more than [`MAX_PAGES`] pages.
    TooManyPages(PathBuf, usize),
    /// A page larger than the limits allow.
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The page (from 1).
        page: usize,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |p: &PathBuf| p.display().to_string();
        let text = match self {
            LoadError::Io(p, e) => msg!(
                "scan-load-io",
                path = show(p),
                error = toetsgen_base::lang::io_error(e)
            ),
            LoadError::FileTooLarge(p) => msg!(
                "scan-load-file-too-large",
                path = show(p),
                max = MAX_FILE_BYTES >> 20
            ),
            LoadError::NotAScan(p) => msg!("scan-load-not-a-scan", path = show(p)),
            LoadError::NotAFile(p) => msg!("scan-load-not-a-file", path = show(p)),
            LoadError::Image(p, e) => msg!("scan-load-image", path = show(p), error = e.as_str()),
            LoadError::Pdf(p, e) => msg!("scan-load-pdf", path = show(p), error = e.as_str()),
            LoadError::TooManyPages(p, n) => msg!(
                "scan-load-too-many-pages",
                path = show(p),
                pages = *n,
                max = MAX_PAGES
            ),
            LoadError::TooLarge { path, page } => msg!(
                "scan-load-too-large",
                path = show(path),
                page = *page,
                side = MAX_SIDE,
                pixels = MAX_PIXELS / 1_000_000
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for LoadError {}

impl ScanFile {
    /// Opens a scan file: by its first bytes, a PDF, or else an image whose format and size are
    /// checked from its header (its pixels are decoded by [`ScanFile::page`]).
    /// The file is read once and at most [`MAX_FILE_BYTES`] of it; a pipe, a device or a folder
    /// is refused without being read.
    pub fn open(path: &Path) -> Result<ScanFile, LoadError> {
        let bytes = read_bounded(path, MAX_FILE_BYTES, None).map_err(|e| match e {
            BoundedReadError::Io(e) => LoadError::Io(path.to_owned(), e),
            BoundedReadError::TooLarge(_) => LoadError::FileTooLarge(path.to_owned()),
            BoundedReadError::NotAFile | BoundedReadError::Outside(_) => {
                LoadError::NotAFile(path.to_owned())
            }
        })?;
        ScanFile::from_bytes(path, bytes)
    }

    /// A scan file from its bytes (`path` names it in messages): by its first bytes a PDF, a
    /// TIFF of one or more pages, or another image; each image's format and size checked from
    /// its header.
    pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<ScanFile, LoadError> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(LoadError::FileTooLarge(path.to_owned()));
        }
        let kind = if bytes.starts_with(b"%PDF-") {
            Kind::Pdf(PdfScan::open(path, bytes)?)
        } else if tiff::is_tiff(&bytes) {
            let pages = tiff::directories(&bytes)
                .ok_or_else(|| LoadError::Image(path.to_owned(), msg!("scan-load-tiff-chain")))?;
            for &page in &pages {
                check_image(path, BufReader::new(tiff::Page::new(&bytes, page)))?;
            }
            Kind::Tiff(bytes, pages)
        } else {
            check_image(path, std::io::Cursor::new(&bytes[..]))?;
            Kind::Image(bytes)
        };
        Ok(ScanFile {
            path: path.to_owned(),
            kind,
        })
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Its number of pages.
    pub fn len(&self) -> usize {
        match &self.kind {
            Kind::Image(_) => 1,
            Kind::Tiff(_, pages) => pages.len(),
            Kind::Pdf(pdf) => pdf.len(),
        }
    }

    /// Whether it has no pages (a PDF without pages).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Page `index` (from 0) as a grey image.
    pub fn page(&self, index: usize) -> Result<Grey, LoadError> {
        match &self.kind {
            Kind::Image(bytes) => decode_image(&self.path, std::io::Cursor::new(&bytes[..]), 1),
            Kind::Tiff(bytes, pages) => {
                let offset = *pages.get(index).ok_or(LoadError::TooLarge {
                    path: self.path.clone(),
                    page: index + 1,
                })?;
                decode_image(
                    &self.path,
                    BufReader::new(tiff::Page::new(bytes, offset)),
                    index + 1,
                )
            }
            Kind::Pdf(pdf) => pdf.page(&self.path, index),
        }
    }
}

/// Every page of a scan file, as grey images (for a file of a few pages; [`ScanFile`] renders a
/// PDF's pages one at a time).
pub fn load(path: &Path) -> Result<Vec<Grey>, LoadError> {
    let file = ScanFile::open(path)?;
    (0..file.len()).map(|i| file.page(i)).collect()
}

/// A reader of an image file (or a TIFF's page), its format known; a file of no format the
/// reader knows is not a scan.
fn image_reader<R: BufRead + Seek>(path: &Path, reader: R) -> Result<ImageReader<R>, LoadError> {
    let reader = ImageReader::new(reader)
        .with_guessed_format()
        .map_err(|e| LoadError::Io(path.to_owned(), e))?;
    match reader.format() {
        Some(_) => Ok(reader),
        None => Err(LoadError::NotAScan(path.to_owned())),
    }
}

/// An image's format and size, from its header: an image of no known format, whose header does
/// not read, or larger than the limits, is refused before any pixel is decoded.
fn check_image<R: BufRead + Seek>(path: &Path, reader: R) -> Result<(), LoadError> {
    let (w, h) = image_reader(path, reader)?
        .into_dimensions()
        .map_err(|e| LoadError::Image(path.to_owned(), e.to_string()))?;
    let pixels = u64::from(w) * u64::from(h);
    if w > MAX_SIDE || h > MAX_SIDE || pixels > MAX_PIXELS {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            page: 1,
        });
    }
    Ok(())
}

/// An image (page `page` of its file, for messages) decoded to grey, its size checked before
/// its pixels are decoded.
fn decode_image<R: BufRead + Seek>(path: &Path, reader: R, page: usize) -> Result<Grey, LoadError> {
    let mut reader = image_reader(path, reader)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_PIXELS * 4);
    reader.limits(limits);
    let too_large = || LoadError::TooLarge {
        path: path.to_owned(),
        page,
    };
    let image = reader.decode().map_err(|e| match e {
        image::ImageError::Limits(_) => too_large(),
        other => LoadError::Image(path.to_owned(), other.to_string()),
    })?;
    let luma = image.into_luma8();
    let (w, h) = luma.dimensions();
    Grey::new(w, h, luma.into_raw()).ok_or_else(too_large)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG and a JPEG read back as grey pages of their size; a text file is not a scan; an
    /// image beyond the limits is refused before its pixels are decoded; what is not a plain file
    /// is refused unread.
    #[test]
    fn images_are_read_and_checked() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let img = image::GrayImage::from_fn(40, 30, |x, _| image::Luma([(x * 6) as u8]));
        for name in ["a.png", "a.jpg", "a.tif"] {
            let path = dir.join(name);
            img.save(&path).unwrap();
            let pages = load(&path).unwrap();
            assert_eq!(pages.len(), 1);
            assert_eq!((pages[0].width(), pages[0].height()), (40, 30));
        }
        let text = dir.join("a.txt");
        std::fs::write(&text, "geen scan").unwrap();
        assert!(matches!(load(&text), Err(LoadError::NotAScan(_))));
        let wide = image::GrayImage::new(MAX_SIDE + 1, 1);
        let path = dir.join("wide.png");
        wide.save(&path).unwrap();
        assert!(matches!(load(&path), Err(LoadError::TooLarge { .. })));
        // A folder and a device are refused without being read (/dev/zero would never end).
        assert!(matches!(load(dir), Err(LoadError::NotAFile(_))));
        let zero = Path::new("/dev/zero");
        assert!(matches!(load(zero), Err(LoadError::NotAFile(_))));
    }
}
