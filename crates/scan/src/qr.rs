//! Finding and decoding a page's QR code (rqrr, a pure-Rust port of quirc), with the code's four
//! corners in its own orientation: top left, top right, bottom right, bottom left as printed,
//! wherever they lie in the scan. A page turned by 90°, 180° or 270° has its code's corners turned
//! with it, which tells the reader which way up the page is.
//!
//! The code is looked for first where it must be, in a strip along one of the image's four edges
//! (at the bottom of the page, which may lie at any edge; a strip along a side is turned to lie
//! wide, since rqrr thresholds each pixel against the mean of an eighth of the image's width),
//! shrunk when the scan is finer than the code needs ([`Effort::Quick`]). Then, for a coarse or
//! black-and-white scan, in those strips and in squares at the edges' middles enlarged twice,
//! plain and smoothed, and last in the whole image ([`Effort::Thorough`]).

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

/// How hard to look for the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// In the strips along the edges, as scanned (most pages).
    Quick,
    /// Also enlarged and smoothed, and in the whole image.
    Thorough,
}

/// The width of A4's short side, in inches: a scan's resolution is estimated from it.
const A4_SHORT: f64 = 8.27;

/// The resolution the code is looked for at; finer scans are shrunk (a module of the page code,
/// 0.5 mm, is then 4 pixels).
const SEARCH_DPI: f64 = 200.0;

/// Below this resolution (after shrinking) a thorough search also enlarges.
const ENLARGE_BELOW_DPI: f64 = 260.0;

/// The depth of the strip searched along each edge, in inches.
const STRIP_DEPTH: f64 = 1.7;

/// The page's QR code: the first that decodes, looked for as hard as `effort` says.
pub fn find(page: &Grey, effort: Effort) -> Option<Code> {
    let dpi = f64::from(page.width().min(page.height())) / A4_SHORT;
    let factor = ((dpi / SEARCH_DPI).floor() as u32).max(1);
    let small = shrink(page, factor);
    let dpi = dpi / f64::from(factor);
    let depth = ((STRIP_DEPTH * dpi) as u32).clamp(1, small.width().min(small.height()));
    let strips: Vec<View> = (0..4).map(|edge| strip(&small, edge, depth)).collect();
    let mut code = strips.iter().find_map(View::decode);
    if code.is_none() && effort == Effort::Thorough {
        let squares: Vec<View> = (0..4).map(|edge| square(&small, edge, depth)).collect();
        if dpi < ENLARGE_BELOW_DPI {
            code = [0.0, 0.5]
                .iter()
                .flat_map(|&blur| strips.iter().chain(&squares).map(move |v| (v, blur)))
                .find_map(|(v, blur)| v.enlarged(blur).decode());
        }
        code = code.or_else(|| View::whole(&small).decode());
    }
    let f = f64::from(factor);
    code.map(|c| Code {
        corners: c.corners.map(|p| Point::new(p.x * f, p.y * f)),
        ..c
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

/// A part of the image to search, as an image of its own, and the way back: a point (x, y) of
/// the view is (a·x + b·y + c, d·x + e·y + f) in the image.
struct View {
    image: Grey,
    back: [f64; 6],
}

/// The view of `w` × `h` pixels whose pixel (x, y) is `at(x, y)` of the image.
fn view(w: u32, h: u32, back: [f64; 6], at: impl Fn(i64, i64) -> u8) -> View {
    let mut pixels = Vec::with_capacity(w as usize * h as usize);
    for y in 0..i64::from(h) {
        for x in 0..i64::from(w) {
            pixels.push(at(x, y));
        }
    }
    View {
        image: Grey::new(w, h, pixels).expect("a view is no larger than its image"),
        back,
    }
}

/// The strip of `depth` pixels along edge `edge` (bottom, top, left, right), lying wide: a strip
/// along a side is turned a quarter (a turn, not a mirror: a mirrored code does not decode).
fn strip(img: &Grey, edge: u8, depth: u32) -> View {
    let (w, h) = (img.width(), img.height());
    let d = i64::from(depth);
    let (bottom, right) = (i64::from(h) - d, i64::from(w) - d);
    match edge {
        0 => view(
            w,
            depth,
            [1.0, 0.0, 0.0, 0.0, 1.0, bottom as f64],
            |x, y| img.get(x, bottom + y),
        ),
        1 => view(w, depth, [1.0, 0.0, 0.0, 0.0, 1.0, 0.0], |x, y| {
            img.get(x, y)
        }),
        // The view's (x, y) is the image's (left + depth - 1 - y, x), pixel for pixel; for
        // points, (left + depth - y, x).
        _ => {
            let left = if edge == 2 { 0 } else { right };
            let back = [0.0, -1.0, (left + d) as f64, 1.0, 0.0, 0.0];
            view(h, depth, back, |x, y| img.get(left + d - 1 - y, x))
        }
    }
}

/// The square of `side` pixels at the middle of edge `edge` (bottom, top, left, right).
fn square(img: &Grey, edge: u8, side: u32) -> View {
    let (w, h) = (i64::from(img.width()), i64::from(img.height()));
    let s = i64::from(side);
    let (left, top) = match edge {
        0 => ((w - s) / 2, h - s),
        1 => ((w - s) / 2, 0),
        2 => (0, (h - s) / 2),
        _ => (w - s, (h - s) / 2),
    };
    let back = [1.0, 0.0, left as f64, 0.0, 1.0, top as f64];
    view(side, side, back, |x, y| img.get(left + x, top + y))
}

impl View {
    /// The whole image as a view.
    fn whole(img: &Grey) -> View {
        View {
            image: img.clone(),
            back: [1.0, 0.0, 0.0, 0.0, 1.0, 0.0],
        }
    }

    /// A point of the view in the image.
    fn to_image(&self, p: Point) -> Point {
        let b = &self.back;
        Point::new(
            b[0] * p.x + b[1] * p.y + b[2],
            b[3] * p.x + b[4] * p.y + b[5],
        )
    }

    /// The view enlarged twice (interpolated): a coarse scan's modules of three pixels, blurred
    /// or turned a little, are then sampled surely. With `blur` (in pixels of the view), each
    /// pixel is the mean of four samples that far apart, which smooths the ragged edges of a
    /// black-and-white scan.
    fn enlarged(&self, blur: f64) -> View {
        let img = &self.image;
        let b = &self.back;
        let back = [b[0] / 2.0, b[1] / 2.0, b[2], b[3] / 2.0, b[4] / 2.0, b[5]];
        view(img.width() * 2, img.height() * 2, back, |x, y| {
            let (sx, sy) = ((x as f64 + 0.5) / 2.0, (y as f64 + 0.5) / 2.0);
            let at = |dx: f64, dy: f64| img.sample(sx + dx, sy + dy);
            let v = if blur > 0.0 {
                (at(-blur, -blur) + at(blur, -blur) + at(-blur, blur) + at(blur, blur)) / 4.0
            } else {
                at(0.0, 0.0)
            };
            v.round() as u8
        })
    }

    /// The first code that decodes in the view, its corners in the image.
    fn decode(&self) -> Option<Code> {
        let img = &self.image;
        let (w, h) = (img.width() as usize, img.height() as usize);
        if w < 21 || h < 21 {
            return None;
        }
        let mut prepared =
            rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| img.get(x as i64, y as i64));
        prepared.detect_grids().into_iter().find_map(|grid| {
            let (_, text) = grid.decode().ok()?;
            let modules = rqrr::BitGrid::size(&grid.grid);
            let bounds = grid
                .bounds
                .map(|p| self.to_image(Point::new(f64::from(p.x), f64::from(p.y))));
            Some(Code {
                text,
                corners: symbol_corners(&bounds, modules),
                modules,
            })
        })
    }
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
            let code =
                find(&img, Effort::Quick).unwrap_or_else(|| panic!("found at {}°", turn * 90));
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
        assert_eq!(find(&blank, Effort::Thorough), None);
    }
}
