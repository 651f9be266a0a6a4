//! The pages of a scanned PDF (JPEG, CCITT G4, JBIG2 or Flate images, as scanners write them),
//! rendered by hayro, a maintained pure-Rust PDF rasterizer, at [`PDF_DPI`] or, for a page too
//! large for that within [`MAX_PIXELS`], as fine as fits, but never coarser than [`PDF_MIN_DPI`].

use std::path::Path;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};

use crate::grey::Grey;
use crate::limits::{MAX_PAGES, MAX_PIXELS, MAX_SIDE, PDF_DPI, PDF_MIN_DPI};
use crate::load::LoadError;

/// A PDF opened for its pages.
pub(crate) struct PdfScan {
    pdf: Pdf,
}

impl PdfScan {
    /// Opens the PDF in `bytes` (read from `path`).
    pub(crate) fn open(path: &Path, bytes: Vec<u8>) -> Result<PdfScan, LoadError> {
        let pdf = Pdf::new(bytes).map_err(|e| LoadError::Pdf(path.to_owned(), format!("{e:?}")))?;
        let pages = pdf.pages().len();
        if pages > MAX_PAGES {
            return Err(LoadError::TooManyPages(path.to_owned(), pages));
        }
        Ok(PdfScan { pdf })
    }

    /// Its number of pages.
    pub(crate) fn len(&self) -> usize {
        self.pdf.pages().len()
    }

    /// Page `index` (from 0), rendered grey on white.
    pub(crate) fn page(&self, path: &Path, index: usize) -> Result<Grey, LoadError> {
        let too_large = || LoadError::TooLarge {
            path: path.to_owned(),
            page: index + 1,
        };
        let page = self.pdf.pages().get(index).ok_or_else(too_large)?;
        let (w, h) = page.render_dimensions();
        let scale = scale_for(f64::from(w), f64::from(h)).ok_or_else(too_large)?;
        let cache = RenderCache::new();
        let pixmap = hayro::render(
            page,
            &cache,
            &InterpreterSettings::default(),
            &RenderSettings::default(),
            &PixmapSettings {
                x_scale: scale as f32,
                y_scale: scale as f32,
                bg_color: WHITE,
            },
        );
        let (pw, ph) = (u32::from(pixmap.width()), u32::from(pixmap.height()));
        let rgba = pixmap.data_as_u8_slice();
        let grey = rgba.chunks_exact(4).map(luma).collect();
        Grey::new(pw, ph, grey).ok_or_else(too_large)
    }
}

/// The scale (pixels per point) a page of `w` × `h` points is rendered at: [`PDF_DPI`], or less
/// for a page that would not fit the limits; `None` below [`PDF_MIN_DPI`] or for an empty page.
fn scale_for(w: f64, h: f64) -> Option<f64> {
    if !(w >= 1.0 && h >= 1.0) {
        return None;
    }
    let by_pixels = (MAX_PIXELS as f64 / (w * h)).sqrt();
    let by_side = f64::from(MAX_SIDE) / w.max(h);
    let scale = (PDF_DPI / 72.0).min(by_pixels).min(by_side);
    (scale >= PDF_MIN_DPI / 72.0).then_some(scale)
}

/// The grey of a pixel (premultiplied on opaque white, so its colour as is): Rec. 601 luma.
fn luma(px: &[u8]) -> u8 {
    let (r, g, b) = (u32::from(px[0]), u32::from(px[1]), u32::from(px[2]));
    ((299 * r + 587 * g + 114 * b + 500) / 1000) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A4 is rendered at 250 dpi; a poster at less; a page too large for 100 dpi, or empty, not.
    #[test]
    fn resolution_from_the_page_size() {
        assert_eq!(scale_for(595.0, 842.0), Some(PDF_DPI / 72.0));
        let poster = scale_for(2384.0, 3370.0).unwrap();
        assert!((PDF_MIN_DPI / 72.0..PDF_DPI / 72.0).contains(&poster));
        assert_eq!(scale_for(14_400.0, 14_400.0), None);
        assert_eq!(scale_for(0.0, 842.0), None);
        assert_eq!(scale_for(f64::NAN, 842.0), None);
    }

    /// A PDF with one page holding a grey image (a hand-written minimal file: an 8 × 8 image
    /// drawn over the whole of a 72 × 72 pt page) renders as that grey.
    #[test]
    fn a_scanned_page_renders() {
        let pdf = minimal_pdf();
        let scan = PdfScan::open(Path::new("t.pdf"), pdf).unwrap();
        assert_eq!(scan.len(), 1);
        let page = scan.page(Path::new("t.pdf"), 0).unwrap();
        assert_eq!(page.width(), (72.0 * PDF_DPI / 72.0) as u32);
        let centre = page.get(i64::from(page.width() / 2), i64::from(page.height() / 2));
        assert!((i32::from(centre) - 100).abs() <= 2, "{centre}");
        assert!(PdfScan::open(Path::new("t.pdf"), b"%PDF-1.4 nothing".to_vec()).is_err());
    }

    /// A one-page PDF of an 8 × 8 image of grey 100, with a correct cross-reference table.
    fn minimal_pdf() -> Vec<u8> {
        let pixels = vec![100u8; 64];
        let objects: Vec<Vec<u8>> = vec![
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Resources << /XObject << /Im 5 0 R >> >> /Contents 4 0 R >>".to_vec(),
            stream(b"", b"q 72 0 0 72 0 0 cm /Im Do Q"),
            stream(
                b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8",
                &pixels,
            ),
        ];
        let mut out = b"%PDF-1.4\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        let trailer = format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        );
        out.extend_from_slice(trailer.as_bytes());
        out
    }

    /// A stream object with the entries `dict` and the data `data`.
    fn stream(dict: &[u8], data: &[u8]) -> Vec<u8> {
        let mut s = format!(
            "<< {} /Length {} >>\nstream\n",
            String::from_utf8_lossy(dict),
            data.len()
        )
        .into_bytes();
        s.extend_from_slice(data);
        s.extend_from_slice(b"\nendstream");
        s
    }
}
