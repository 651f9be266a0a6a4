//! A scanned page set upright: the scan resampled through the page's transform into the page's
//! own coordinates at [`UPRIGHT_DPI`], whatever way up and at whatever skew and resolution it
//! was scanned. From it come the images a person looks at: the handwritten fields (cut out by
//! their place in the layout, kept when something is written in them) and the pages of the
//! inzage PDF.

use std::io::Cursor;

use toetsgen_document::packet::scan::layout::{Geometry, Place};

use crate::geometry::{Homography, Point};
use crate::grey::Grey;
use crate::limits::{UPRIGHT_DPI, WRITING_INSET, WRITING_LEVEL, WRITING_MIN};

/// `page` (the scan) as the printed page it shows: `geometrie`'s size at [`UPRIGHT_DPI`], each
/// pixel sampled where `transform` puts it in the scan (white outside the scan).
pub fn upright(page: &Grey, transform: &Homography, geometrie: &Geometry) -> Grey {
    let scale = UPRIGHT_DPI / 72.0;
    let (w, h) = (
        (geometrie.breedte * scale).round().max(1.0) as u32,
        (geometrie.hoogte * scale).round().max(1.0) as u32,
    );
    let mut pixels = Vec::with_capacity(w as usize * h as usize);
    for j in 0..h {
        for i in 0..w {
            let p = Point::new((f64::from(i) + 0.5) / scale, (f64::from(j) + 0.5) / scale);
            let q = transform.apply(p);
            pixels.push(page.sample(q.x, q.y).round().clamp(0.0, 255.0) as u8);
        }
    }
    Grey::new(w, h, pixels).expect("a page at 150 dpi is within the limits")
}

/// The part of an upright page that a handwritten field takes (its place and size in points),
/// or `None` when the layout gives the field no size.
pub fn cut(upright: &Grey, veld: &Place) -> Option<Grey> {
    let (breedte, hoogte) = (veld.breedte?, veld.hoogte?);
    let scale = UPRIGHT_DPI / 72.0;
    let px = |v: f64| (v * scale).round().max(0.0) as u32;
    let (x0, y0) = (px(veld.x), px(veld.y));
    let x1 = px(veld.x + breedte).min(upright.width());
    let y1 = px(veld.y + hoogte).min(upright.height());
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    let mut pixels = Vec::with_capacity(((x1 - x0) * (y1 - y0)) as usize);
    for y in y0..y1 {
        let row = y as usize * upright.width() as usize;
        pixels.extend_from_slice(&upright.pixels()[row + x0 as usize..row + x1 as usize]);
    }
    Grey::new(x1 - x0, y1 - y0, pixels)
}

/// Whether something is written in a field cut out of an upright page: more than
/// [`WRITING_MIN`] of its inside ([`WRITING_INSET`] points from its edges, where the printed
/// lines of its cell may lie) darker than [`WRITING_LEVEL`], leaving out the printed lines that
/// still fall inside (a row or column of pixels more than four fifths dark: the line to write
/// on, a cell's border a little off).
pub fn has_writing(field: &Grey) -> bool {
    let inset = (WRITING_INSET * UPRIGHT_DPI / 72.0).round() as u32;
    let (w, h) = (field.width(), field.height());
    if w <= 2 * inset || h <= 2 * inset {
        return false;
    }
    let (xs, ys) = (inset..w - inset, inset..h - inset);
    let dark = |x: u32, y: u32| field.get(i64::from(x), i64::from(y)) < WRITING_LEVEL;
    let line_rows: Vec<bool> = (ys.clone())
        .map(|y| xs.clone().filter(|&x| dark(x, y)).count() * 5 > xs.len() * 4)
        .collect();
    let line_columns: Vec<bool> = (xs.clone())
        .map(|x| ys.clone().filter(|&y| dark(x, y)).count() * 5 > ys.len() * 4)
        .collect();
    let mut ink = 0usize;
    for (j, y) in ys.clone().enumerate() {
        for (i, x) in xs.clone().enumerate() {
            if dark(x, y) && !line_rows[j] && !line_columns[i] {
                ink += 1;
            }
        }
    }
    ink as f64 / (xs.len() * ys.len()) as f64 > WRITING_MIN
}

/// An image as PNG bytes (grey, fast compression: a page is written for every page read).
pub fn png(image: &Grey) -> Vec<u8> {
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let mut bytes = Vec::new();
    let encoder = PngEncoder::new_with_quality(
        Cursor::new(&mut bytes),
        CompressionType::Fast,
        FilterType::Adaptive,
    );
    let written = image::ImageEncoder::write_image(
        encoder,
        image.pixels(),
        image.width(),
        image.height(),
        image::ExtendedColorType::L8,
    );
    match written {
        Ok(()) => bytes,
        Err(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page scanned at 300 dpi and turned upside down comes back upright at 150 dpi: a dark
    /// square printed near its top left is found there; a field with a stroke in it has writing,
    /// the same field empty (its cell's border lines only) has none.
    #[test]
    fn a_page_turned_comes_back_upright() {
        let geometrie = Geometry {
            breedte: 200.0,
            hoogte: 100.0,
            hoek: 10.0,
            rand: 10.0,
            qr: 40.0,
            qr_rand: 10.0,
            vakje: 9.0,
        };
        // The scan: 300 dpi, upside down; a black square at page points (20..40, 10..30).
        let s = 300.0 / 72.0;
        let (w, h) = ((200.0 * s) as u32, (100.0 * s) as u32);
        let mut pixels = vec![255u8; (w * h) as usize];
        for y in 0..h {
            for x in 0..w {
                let (px, py) = (
                    (f64::from(w - 1 - x) + 0.5) / s,
                    (f64::from(h - 1 - y) + 0.5) / s,
                );
                if (20.0..40.0).contains(&px) && (10.0..30.0).contains(&py) {
                    pixels[(y * w + x) as usize] = 0;
                }
            }
        }
        let scan = Grey::new(w, h, pixels).unwrap();
        let pairs: Vec<(Point, Point)> = [(0.0, 0.0), (200.0, 0.0), (0.0, 100.0), (200.0, 100.0)]
            .iter()
            .map(|&(x, y)| {
                (
                    Point::new(x, y),
                    Point::new((200.0 - x) * s, (100.0 - y) * s),
                )
            })
            .collect();
        let transform = Homography::fit(&pairs).unwrap();
        let up = upright(&scan, &transform, &geometrie);
        let u = UPRIGHT_DPI / 72.0;
        assert_eq!(
            (up.width(), up.height()),
            ((200.0 * u).round() as u32, (100.0 * u).round() as u32)
        );
        assert!(up.get((30.0 * u) as i64, (20.0 * u) as i64) < 20);
        assert!(up.get((170.0 * u) as i64, (80.0 * u) as i64) > 235);
        let field = |x: f64| Place {
            veld: "feedback.sterke_punten".to_owned(),
            waarde: None,
            pagina: 1,
            x,
            y: 5.0,
            breedte: Some(60.0),
            hoogte: Some(40.0),
        };
        assert!(has_writing(&cut(&up, &field(5.0)).unwrap()));
        assert!(!has_writing(&cut(&up, &field(100.0)).unwrap()));
        let mut lined = cut(&up, &field(100.0)).unwrap();
        let width = lined.width() as usize;
        lined.pixels_mut()[width * 60..width * 62].fill(0);
        assert!(
            !has_writing(&lined),
            "a printed line to write on is no writing"
        );
        let no_size = Place {
            breedte: None,
            ..field(5.0)
        };
        assert!(cut(&up, &no_size).is_none());
        assert!(png(&up).starts_with(b"\x89PNG"));
    }
}
