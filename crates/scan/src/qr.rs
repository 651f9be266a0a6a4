//! Finding and decoding a page's QR code (rqrr, a pure-Rust port of quirc), with the code's four
//! corners in its own orientation: top left, top right, bottom right, bottom left as printed,
//! wherever they lie in the scan. A page turned by 90°, 180° or 270° has its code's corners turned
//! with it, which tells the reader which way up the page is.
//!
//! The code is looked for first where it must be, in a strip along one of the image's four edges
//! (at the bottom of the page, which may lie at any edge), shrunk when the scan is finer than the
//! code needs; then in those strips enlarged twice, plain and smoothed (a coarse or black-and-white
//! scan); then in the whole image.

use crate::geometry::Point;
use crate::grey::Grey;

/// A decoded QR code.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    /// Its text.
    pub text: String,
    /// The corners of its symbol (without the quiet zone), in image pixels, in the code's own
    /// order: top left, top right, bottom right, bottom left.
    pub corners: [Point; 4],
    /// Its modules per side.
    pub modules: usize,
}

/// The width of A4's short side, in inches: a scan's resolution is estimated from it.
const A4_SHORT: f64 = 8.27;

/// The resolution the code is looked for at; finer scans are shrunk (a module of the page code,
/// 0.5 mm, is then 4 pixels).
const SEARCH_DPI: f64 = 200.0;

/// The depth of the strip searched along each edge, in inches.
const WINDOW_DEPTH: f64 = 1.7;

/// The page's QR code: the first that decodes, near an edge's middle or else anywhere.
pub fn find(page: &Grey) -> Option<Code> {
    let dpi = f64::from(page.width().min(page.height())) / A4_SHORT;
    let factor = ((dpi / SEARCH_DPI).floor() as u32).max(1);
    let small = shrink(page, factor);
    let windows = edge_windows(&small, dpi / f64::from(factor));
    let whole = [(0, 0, small.width(), small.height())];
    let middles = middle_windows(&small, dpi / f64::from(factor));
    let code = (windows.iter().find_map(|w| decode_in(&small, *w)))
        .or_else(|| {
            windows
                .iter()
                .find_map(|w| decode_enlarged(&small, *w, 0.0))
        })
        .or_else(|| {
            windows
                .iter()
                .find_map(|w| decode_enlarged(&small, *w, 0.5))
        })
        .or_else(|| {
            middles
                .iter()
                .find_map(|w| decode_enlarged(&small, *w, 0.0))
        })
        .or_else(|| {
            middles
                .iter()
                .find_map(|w| decode_enlarged(&small, *w, 0.5))
        })
        .or_else(|| decode_in(&small, whole[0]))?;
    let f = f64::from(factor);
    Some(Code {
        corners: code.corners.map(|p| Point::new(p.x * f, p.y * f)),
        ..code
    })
}

/// The image shrunk by `factor` in each direction (the mean of each block of pixels).
fn shrink(page: &Grey, factor: u32) -> Grey {
    if factor == 1 {
        return page.clone();
    }
    let (w, h) = (page.width() / factor, page.height() / factor);
    let mut pixels = Vec::with_capacity(w as usize * h as usize);
    let n = factor * factor;
    for y in 0..h {
        for x in 0..w {
            let mut sum = 0u32;
            for dy in 0..factor {
                for dx in 0..factor {
                    let (px, py) = (i64::from(x * factor + dx), i64::from(y * factor + dy));
                    sum += u32::from(page.get(px, py));
                }
            }
            pixels.push((sum / n) as u8);
        }
    }
    Grey::new(w, h, pixels).expect("a shrunk image is smaller than its original")
}

/// A window of the image: left, top, width, height.
type Window = (u32, u32, u32, u32);

/// The strips along each edge of the image, at `dpi`: the bottom first.
fn edge_windows(img: &Grey, dpi: f64) -> Vec<Window> {
    let (w, h) = (img.width(), img.height());
    let depth = ((WINDOW_DEPTH * dpi) as u32).clamp(1, w.min(h));
    vec![
        (0, h - depth, w, depth),
        (0, 0, w, depth),
        (0, 0, depth, h),
        (w - depth, 0, depth, h),
    ]
}

/// The squares at the middle of each edge of the image, at `dpi`, where the code is.
fn middle_windows(img: &Grey, dpi: f64) -> Vec<Window> {
    let (w, h) = (img.width(), img.height());
    let side = ((WINDOW_DEPTH * dpi) as u32).clamp(1, w.min(h));
    let (mx, my) = ((w - side) / 2, (h - side) / 2);
    vec![
        (mx, h - side, side, side),
        (mx, 0, side, side),
        (0, my, side, side),
        (w - side, my, side, side),
    ]
}

/// The first code that decodes in a window of the image enlarged twice (interpolated): a coarse
/// scan's modules of three pixels, blurred or turned a little, are then sampled surely. With
/// `blur` (in pixels of the image), each pixel is the mean of four samples that far apart, which
/// smooths the ragged edges of a black-and-white scan.
fn decode_enlarged(img: &Grey, (left, top, w, h): Window, blur: f64) -> Option<Code> {
    let (ew, eh) = (w * 2, h * 2);
    let mut pixels = Vec::with_capacity(ew as usize * eh as usize);
    for y in 0..eh {
        for x in 0..ew {
            let (sx, sy) = (
                f64::from(left) + (f64::from(x) + 0.5) / 2.0,
                f64::from(top) + (f64::from(y) + 0.5) / 2.0,
            );
            let v = if blur > 0.0 {
                let at = |dx: f64, dy: f64| img.sample(sx + dx, sy + dy);
                (at(-blur, -blur) + at(blur, -blur) + at(-blur, blur) + at(blur, blur)) / 4.0
            } else {
                img.sample(sx, sy)
            };
            pixels.push(v.round() as u8);
        }
    }
    let enlarged = Grey::new(ew, eh, pixels)?;
    let code = decode_in(&enlarged, (0, 0, ew, eh))?;
    let back = |p: Point| Point::new(p.x / 2.0 + f64::from(left), p.y / 2.0 + f64::from(top));
    Some(Code {
        corners: code.corners.map(back),
        ..code
    })
}

/// The first code that decodes in a window of the image.
fn decode_in(img: &Grey, (left, top, w, h): Window) -> Option<Code> {
    if w < 21 || h < 21 {
        return None;
    }
    let (l, t) = (i64::from(left), i64::from(top));
    // rqrr thresholds each pixel against the mean of an eighth of the image's width around it:
    // a narrow strip is widened with white, so that the mean spans more than the code.
    let canvas = w.max(h) as usize;
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(canvas, h as usize, |x, y| {
        if x < w as usize {
            img.get(l + x as i64, t + y as i64)
        } else {
            255
        }
    });
    prepared.detect_grids().into_iter().find_map(|grid| {
        let (_, text) = grid.decode().ok()?;
        let modules = rqrr::BitGrid::size(&grid.grid);
        let bounds = grid.bounds.map(|p| {
            Point::new(
                f64::from(p.x) + f64::from(left),
                f64::from(p.y) + f64::from(top),
            )
        });
        Some(Code {
            text,
            corners: symbol_corners(&bounds, modules),
            modules,
        })
    })
}

/// The corners of a symbol of `modules` a side from rqrr's bounds, which reach one module past
/// the symbol's right and bottom edges (its grid mapped from 0 to modules + 1).
fn symbol_corners(bounds: &[Point; 4], modules: usize) -> [Point; 4] {
    let s = modules as f64 / (modules as f64 + 1.0);
    let at = |u: f64, v: f64| {
        let top = lerp(bounds[0], bounds[1], u);
        let bottom = lerp(bounds[3], bounds[2], u);
        lerp(top, bottom, v)
    };
    [at(0.0, 0.0), at(s, 0.0), at(s, s), at(0.0, s)]
}

/// The point a fraction `t` of the way from `a` to `b`.
fn lerp(a: Point, b: Point, t: f64) -> Point {
    Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcode::{Color, EcLevel, QrCode};

    const TEXT: &str = "TG1:V1:20210901:BF:3/4:125288:2026-0012:1:A2FE3D23";
    const MODULE: u32 = 4;

    /// A 150 dpi A4 page (1240 × 1754) with the code at the bottom centre, a module of 4 pixels,
    /// and where its symbol's top left corner is.
    fn page() -> (Grey, usize, Point) {
        let code = QrCode::with_error_correction_level(TEXT.as_bytes(), EcLevel::M).unwrap();
        let n = code.width();
        let side = n as u32 * MODULE;
        let (w, h) = (1240u32, 1754u32);
        let (left, top) = ((w - side) / 2, h - 30 - side);
        let mut pixels = vec![255u8; (w * h) as usize];
        for (i, c) in code.to_colors().iter().enumerate() {
            if *c == Color::Dark {
                let (mx, my) = ((i % n) as u32, (i / n) as u32);
                for y in 0..MODULE {
                    for x in 0..MODULE {
                        let (px, py) = (left + mx * MODULE + x, top + my * MODULE + y);
                        pixels[(py * w + px) as usize] = 0;
                    }
                }
            }
        }
        let tl = Point::new(f64::from(left), f64::from(top));
        (Grey::new(w, h, pixels).unwrap(), n, tl)
    }

    /// The image turned a quarter clockwise, and where a point goes.
    fn quarter(g: &Grey) -> Grey {
        let (w, h) = (g.width(), g.height());
        let mut out = vec![0u8; (w * h) as usize];
        for y in 0..h {
            for x in 0..w {
                let (nx, ny) = (h - 1 - y, x);
                out[(ny * h + nx) as usize] = g.get(i64::from(x), i64::from(y));
            }
        }
        Grey::new(h, w, out).unwrap()
    }

    fn quarter_point(p: Point, h: u32) -> Point {
        Point::new(f64::from(h) - p.y, p.x)
    }

    /// The code is found and its corners come in the code's own order at 0°, 90°, 180° and 270°:
    /// the first corner is the printed top left however the page lies.
    #[test]
    fn corners_follow_the_code_through_every_quarter_turn() {
        let (mut img, n, mut tl) = page();
        let side = (n as u32 * MODULE) as f64;
        let mut tr = Point::new(tl.x + side, tl.y);
        for turn in 0..4 {
            let code = find(&img).unwrap_or_else(|| panic!("found at {}°", turn * 90));
            assert_eq!(code.text, TEXT);
            assert_eq!(code.modules, n);
            assert!(
                code.corners[0].distance(tl) < f64::from(MODULE) / 2.0,
                "{turn}: {:?} {tl:?}",
                code.corners
            );
            assert!(
                code.corners[1].distance(tr) < f64::from(MODULE) / 2.0,
                "{turn}: {:?} {tr:?}",
                code.corners
            );
            let h = img.height();
            img = quarter(&img);
            tl = quarter_point(tl, h);
            tr = quarter_point(tr, h);
        }
    }

    /// A page without a code gives none.
    #[test]
    fn no_code_no_reading() {
        let blank = Grey::new(600, 800, vec![255; 480_000]).unwrap();
        assert_eq!(find(&blank), None);
    }
}
