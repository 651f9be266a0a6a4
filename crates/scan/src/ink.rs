//! The ink in a box: the share of its inside (its printed border left out, [`BOX_INSET`]) that
//! is darker than [`INK_LEVEL`] of the way from the local paper white (measured on a ring around
//! the box) to the page's black, and what that share means: empty, ticked, filled in completely
//! (a cancelled mark), or doubtful in the bands between.

use crate::geometry::{Homography, Point};
use crate::grey::Grey;
use crate::limits::{
    BOX_INSET, CROP_MARGIN, CROP_SCALE, EMPTY_MAX, FILLED_MIN, INK_LEVEL, SURE_MARGIN, TICKED_MAX,
    TICKED_MIN,
};

/// What a box holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Nothing.
    Empty,
    /// A tick or a cross.
    Ticked,
    /// Filled in completely: a mark cancelled.
    Filled,
    /// Too much ink for empty and too little for a tick, or too much for a tick and too little
    /// for filled: a person must look.
    Doubtful,
}

/// A box's ink share judged: its mark and how sure that is (from 0 to 1; 0 for doubtful).
pub fn classify(ink: f64) -> (Mark, f64) {
    let sure = |distance: f64| (distance / SURE_MARGIN).clamp(0.0, 1.0);
    if ink <= EMPTY_MAX {
        (
            Mark::Empty,
            ((EMPTY_MAX - ink) / EMPTY_MAX.min(SURE_MARGIN)).min(1.0),
        )
    } else if ink < TICKED_MIN {
        (Mark::Doubtful, 0.0)
    } else if ink <= TICKED_MAX {
        (Mark::Ticked, sure((ink - TICKED_MIN).min(TICKED_MAX - ink)))
    } else if ink < FILLED_MIN {
        (Mark::Doubtful, 0.0)
    } else {
        (Mark::Filled, sure(ink - FILLED_MIN))
    }
}

/// Where a box is on the page and how the page lies in the scan.
#[derive(Debug, Clone, Copy)]
pub struct Place<'a> {
    /// The scan.
    pub page: &'a Grey,
    /// From page points to scan pixels.
    pub transform: &'a Homography,
    /// The print's black on this page.
    pub black: f64,
}

impl Place<'_> {
    /// The share of the inside of the box of side `side` at (x, y) (its top left corner, in
    /// points) that is inked.
    pub fn ink(&self, x: f64, y: f64, side: f64) -> f64 {
        let white = self.white_around(x, y, side);
        let span = (white - self.black).max(30.0);
        let level = white - INK_LEVEL * span;
        let inner = side - 2.0 * BOX_INSET;
        let scale = self.transform.scale_at(Point::new(x, y));
        let n = ((inner * scale / 0.75).ceil() as usize).clamp(6, 200);
        let step = inner / n as f64;
        let mut inked = 0usize;
        for i in 0..n {
            for j in 0..n {
                let p = Point::new(
                    x + BOX_INSET + (i as f64 + 0.5) * step,
                    y + BOX_INSET + (j as f64 + 0.5) * step,
                );
                if self.grey(p) < level {
                    inked += 1;
                }
            }
        }
        inked as f64 / (n * n) as f64
    }

    /// The scan's grey at a point of the page.
    fn grey(&self, p: Point) -> f64 {
        let q = self.transform.apply(p);
        self.page.sample(q.x, q.y)
    }

    /// The paper's white around a box: the 80th percentile of a ring from 1.5 to 4.5 points
    /// outside it (text or a stray mark nearby darkens only part of the ring).
    fn white_around(&self, x: f64, y: f64, side: f64) -> f64 {
        let mut values = Vec::new();
        for d in [1.5, 3.0, 4.5] {
            let (x0, y0, s) = (x - d, y - d, side + 2.0 * d);
            for k in 0..16 {
                let t = s * f64::from(k) / 16.0;
                for p in [
                    Point::new(x0 + t, y0),
                    Point::new(x0 + s, y0 + t),
                    Point::new(x0 + s - t, y0 + s),
                    Point::new(x0, y0 + s - t),
                ] {
                    values.push(self.grey(p));
                }
            }
        }
        values.sort_by(f64::total_cmp);
        values[values.len() * 4 / 5]
    }

    /// The box and its surroundings ([`CROP_MARGIN`]) as an upright image at [`CROP_SCALE`]
    /// pixels a point, for a person to judge.
    pub fn crop(&self, x: f64, y: f64, side: f64) -> Grey {
        let extent = side + 2.0 * CROP_MARGIN;
        let n = (extent * CROP_SCALE).round() as u32;
        let mut pixels = Vec::with_capacity((n * n) as usize);
        for j in 0..n {
            for i in 0..n {
                let p = Point::new(
                    x - CROP_MARGIN + (f64::from(i) + 0.5) / CROP_SCALE,
                    y - CROP_MARGIN + (f64::from(j) + 0.5) / CROP_SCALE,
                );
                pixels.push(self.grey(p).round().clamp(0.0, 255.0) as u8);
            }
        }
        Grey::new(n, n, pixels).expect("a crop is small")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A synthetic box on white paper at 200 dpi: its border, and inside it the pixels that
    /// `ink` darkens to `grey` (coordinates in points relative to the box's top left).
    fn boxed(grey: u8, ink: impl Fn(f64, f64) -> bool) -> (Grey, Homography) {
        let s = 200.0 / 72.0;
        let (w, h) = (120u32, 120u32);
        let (bx, by, side) = (10.0, 10.0, 9.07);
        let mut pixels = vec![245u8; (w * h) as usize];
        for py in 0..h {
            for px in 0..w {
                let (x, y) = (
                    (f64::from(px) + 0.5) / s - bx,
                    (f64::from(py) + 0.5) / s - by,
                );
                let on_border = |v: f64| (v + 0.3).abs() < 0.6 || (v - side + 0.3).abs() < 0.6;
                let inside = |v: f64| (-0.3..side + 0.3).contains(&v);
                let border = (on_border(x) && inside(y)) || (on_border(y) && inside(x));
                if border {
                    pixels[(py * w + px) as usize] = 25;
                } else if ink(x, y) {
                    pixels[(py * w + px) as usize] = grey;
                }
            }
        }
        let t = Homography::fit(&[
            (Point::new(0.0, 0.0), Point::new(0.0, 0.0)),
            (Point::new(1.0, 0.0), Point::new(s, 0.0)),
            (Point::new(0.0, 1.0), Point::new(0.0, s)),
            (Point::new(1.0, 1.0), Point::new(s, s)),
        ])
        .unwrap();
        (Grey::new(w, h, pixels).unwrap(), t)
    }

    fn judge(grey: u8, ink: impl Fn(f64, f64) -> bool) -> (Mark, f64) {
        let (img, t) = boxed(grey, ink);
        let place = Place {
            page: &img,
            transform: &t,
            black: 25.0,
        };
        classify(place.ink(10.0, 10.0, 9.07))
    }

    /// The whole box filled in.
    fn filled(x: f64, y: f64) -> bool {
        (0.0..9.07).contains(&x) && (0.0..9.07).contains(&y)
    }

    /// A stroke of width `w` points from (x0, y0) to (x1, y1).
    fn stroke(x0: f64, y0: f64, x1: f64, y1: f64, w: f64) -> impl Fn(f64, f64) -> bool {
        move |x, y| {
            let (dx, dy) = (x1 - x0, y1 - y0);
            let t = (((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
            (x - x0 - t * dx).hypot(y - y0 - t * dy) <= w / 2.0
        }
    }

    /// An empty box is empty (its border is not ink); a tick, a cross and a light pencil tick
    /// are ticked; a box filled in is filled; a dot is doubtful.
    #[test]
    fn ink_is_classified() {
        assert_eq!(judge(25, |_, _| false).0, Mark::Empty);
        let tick = |x: f64, y: f64| {
            stroke(1.5, 4.5, 3.5, 7.5, 1.2)(x, y) || stroke(3.5, 7.5, 8.5, 1.0, 1.2)(x, y)
        };
        assert_eq!(judge(25, tick).0, Mark::Ticked);
        assert_eq!(judge(150, tick).0, Mark::Ticked, "light pencil");
        let cross = |x: f64, y: f64| {
            stroke(1.0, 1.0, 8.0, 8.0, 1.3)(x, y) || stroke(1.0, 8.0, 8.0, 1.0, 1.3)(x, y)
        };
        assert_eq!(judge(25, cross).0, Mark::Ticked);
        assert_eq!(judge(25, filled).0, Mark::Filled);
        let dot = |x: f64, y: f64| (x - 4.5).hypot(y - 4.5) < 1.0;
        assert_eq!(judge(25, dot), (Mark::Doubtful, 0.0));
        assert_eq!(judge(235, tick).0, Mark::Empty, "too faint to be ink");
    }

    /// The thresholds: each band gives its mark, confidence grows away from the thresholds.
    #[test]
    fn thresholds_and_confidence() {
        assert_eq!(classify(0.0), (Mark::Empty, 1.0));
        assert!(classify(0.02).1 < 0.5);
        assert_eq!(classify(0.05).0, Mark::Doubtful);
        assert_eq!(classify(0.3), (Mark::Ticked, 1.0));
        assert_eq!(classify(0.75).0, Mark::Doubtful);
        assert_eq!(classify(0.99), (Mark::Filled, 1.0));
        assert!(classify(0.11).1 < 0.5);
    }

    /// A crop is upright and shows the box.
    #[test]
    fn crops_show_the_box() {
        let (img, t) = boxed(25, filled);
        let place = Place {
            page: &img,
            transform: &t,
            black: 25.0,
        };
        let crop = place.crop(10.0, 10.0, 9.07);
        let n = crop.width();
        assert_eq!(n, crop.height());
        assert!(crop.get(i64::from(n / 2), i64::from(n / 2)) < 60);
        assert!(crop.get(2, 2) > 200);
    }
}
