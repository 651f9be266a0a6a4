//! The corner marks: four solid black squares, one near each corner of every page. Each is
//! looked for near where the QR code predicts it, as a dark blob of about its size and square
//! enough, and its centroid (the mean of its pixels, precise to a fraction of a pixel) is where it
//! is. The paper's white and the print's black are measured on the QR code, whose modules are
//! both.

use crate::geometry::Point;
use crate::grey::Grey;
use crate::qr::Code;

/// The page's grey levels: paper and print.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Levels {
    /// The paper's white.
    pub white: f64,
    /// The print's black.
    pub black: f64,
}

impl Levels {
    /// Halfway between paper and print.
    pub fn middle(&self) -> f64 {
        (self.white + self.black) / 2.0
    }
}

/// The grey levels measured on the QR code's symbol: the 10th and 90th percentile of its pixels
/// (half its modules are dark).
pub fn levels(page: &Grey, code: &Code) -> Levels {
    let c = &code.corners;
    let (steps, mut values) = (40, Vec::with_capacity(1600));
    for i in 0..steps {
        for j in 0..steps {
            let (u, v) = ((f64::from(i) + 0.5) / 40.0, (f64::from(j) + 0.5) / 40.0);
            let top = (
                c[0].x + (c[1].x - c[0].x) * u,
                c[0].y + (c[1].y - c[0].y) * u,
            );
            let bottom = (
                c[3].x + (c[2].x - c[3].x) * u,
                c[3].y + (c[2].y - c[3].y) * u,
            );
            let (x, y) = (
                top.0 + (bottom.0 - top.0) * v,
                top.1 + (bottom.1 - top.1) * v,
            );
            values.push(page.get(x as i64, y as i64));
        }
    }
    values.sort_unstable();
    Levels {
        white: f64::from(values[values.len() * 9 / 10]),
        black: f64::from(values[values.len() / 10]),
    }
}

/// A connected dark region of a window: its pixel count, bounding box and coordinate sums.
#[derive(Debug, Default)]
struct Blob {
    area: u64,
    min: (i64, i64),
    max: (i64, i64),
    sum: (f64, f64),
    touches_edge: bool,
}

impl Blob {
    /// The centroid of its pixels' centres.
    fn centroid(&self) -> Point {
        let n = self.area as f64;
        Point::new(self.sum.0 / n + 0.5, self.sum.1 / n + 0.5)
    }

    /// Whether it looks like a mark of side `side` pixels, turned by a few degrees at most.
    fn is_mark(&self, side: f64) -> bool {
        let (w, h) = (
            (self.max.0 - self.min.0 + 1) as f64,
            (self.max.1 - self.min.1 + 1) as f64,
        );
        let sized = |v: f64| v >= 0.7 * side && v <= 1.45 * side;
        let area = self.area as f64;
        !self.touches_edge
            && sized(w)
            && sized(h)
            && area >= 0.6 * side * side
            && area <= 1.45 * side * side
            && area >= 0.6 * w * h
    }
}

/// The centre of the corner mark of side `side` pixels nearest to `predicted`, looked for within
/// `half` pixels of it (darker than `threshold`); `None` when no blob there looks like one.
pub fn find(page: &Grey, predicted: Point, half: f64, side: f64, threshold: f64) -> Option<Point> {
    let left = (predicted.x - half).floor().max(0.0) as i64;
    let top = (predicted.y - half).floor().max(0.0) as i64;
    let right = ((predicted.x + half).ceil() as i64).min(i64::from(page.width()));
    let bottom = ((predicted.y + half).ceil() as i64).min(i64::from(page.height()));
    if right <= left || bottom <= top {
        return None;
    }
    let window = Window {
        page,
        left,
        top,
        w: (right - left) as usize,
        h: (bottom - top) as usize,
        threshold,
    };
    (window.blobs().into_iter())
        .filter(|b| b.is_mark(side))
        .map(|b| b.centroid())
        .min_by(|a, b| a.distance(predicted).total_cmp(&b.distance(predicted)))
}

/// A part of the page searched for blobs.
struct Window<'a> {
    page: &'a Grey,
    left: i64,
    top: i64,
    w: usize,
    h: usize,
    threshold: f64,
}

impl Window<'_> {
    /// Whether the pixel at (x, y) of the window is dark.
    fn dark(&self, x: usize, y: usize) -> bool {
        let v = self.page.get(self.left + x as i64, self.top + y as i64);
        f64::from(v) < self.threshold
    }

    /// Every connected dark region of the window (four neighbours), found by flood fill.
    fn blobs(&self) -> Vec<Blob> {
        let mut seen = vec![false; self.w * self.h];
        let mut blobs = Vec::new();
        for start in 0..seen.len() {
            if !seen[start] && self.dark(start % self.w, start / self.w) {
                blobs.push(self.fill(start, &mut seen));
            }
        }
        blobs
    }

    /// The blob containing pixel `start` (an index into the window), marking its pixels seen.
    fn fill(&self, start: usize, seen: &mut [bool]) -> Blob {
        let mut blob = Blob {
            min: (i64::MAX, i64::MAX),
            max: (i64::MIN, i64::MIN),
            ..Blob::default()
        };
        let mut stack = vec![start];
        seen[start] = true;
        while let Some(i) = stack.pop() {
            let (x, y) = (i % self.w, i / self.w);
            let (px, py) = (self.left + x as i64, self.top + y as i64);
            blob.area += 1;
            blob.sum.0 += px as f64;
            blob.sum.1 += py as f64;
            blob.min = (blob.min.0.min(px), blob.min.1.min(py));
            blob.max = (blob.max.0.max(px), blob.max.1.max(py));
            blob.touches_edge |= x == 0 || y == 0 || x + 1 == self.w || y + 1 == self.h;
            let neighbours = [
                (x > 0).then(|| i - 1),
                (x + 1 < self.w).then(|| i + 1),
                (y > 0).then(|| i - self.w),
                (y + 1 < self.h).then(|| i + self.w),
            ];
            for n in neighbours.into_iter().flatten() {
                if !seen[n] && self.dark(n % self.w, n / self.w) {
                    seen[n] = true;
                    stack.push(n);
                }
            }
        }
        blob
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white image with a black square of `side` pixels at (x, y), and a line of text-like
    /// noise beside it.
    fn image_with_square(x: u32, y: u32, side: u32) -> Grey {
        let (w, h) = (300u32, 300u32);
        let mut pixels = vec![240u8; (w * h) as usize];
        for py in y..y + side {
            for px in x..x + side {
                pixels[(py * w + px) as usize] = 20;
            }
        }
        for px in (150..290).step_by(7) {
            for py in 200..212 {
                pixels[(py * w + px) as usize] = 20;
                pixels[(py * w + px + 1) as usize] = 20;
            }
        }
        Grey::new(w, h, pixels).unwrap()
    }

    /// The square is found at its centre though predicted 40 pixels off; the text beside it and
    /// a blob of the wrong size are not taken for it.
    #[test]
    fn finds_the_square_and_not_the_text() {
        let img = image_with_square(60, 80, 30);
        let found = find(&img, Point::new(100.0, 120.0), 90.0, 30.0, 130.0).unwrap();
        assert!(found.distance(Point::new(75.0, 95.0)) < 0.01, "{found:?}");
        assert_eq!(
            find(&img, Point::new(220.0, 206.0), 60.0, 30.0, 130.0),
            None
        );
        assert_eq!(find(&img, Point::new(75.0, 95.0), 90.0, 15.0, 130.0), None);
    }

    /// A square cut by the window's edge is not a mark.
    #[test]
    fn a_square_cut_by_the_window_is_not_taken() {
        let img = image_with_square(60, 80, 30);
        assert_eq!(find(&img, Point::new(40.0, 95.0), 30.0, 30.0, 130.0), None);
    }
}
