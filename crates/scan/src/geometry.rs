//! The transform from a page as typeset (points from its top left corner) to a scan of it
//! (pixels): a homography (a plane seen in perspective, which covers rotation, skew, scale and a
//! page not lying flat), fitted by least squares to corresponding points, or an affine transform
//! when only three points are known.

/// A point: in points on the page, or in pixels in the scan.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Rightwards.
    pub x: f64,
    /// Downwards.
    pub y: f64,
}

impl Point {
    /// The point (x, y).
    pub const fn new(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    /// The distance to `other`.
    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// A plane-to-plane transform: a 3 × 3 matrix, row by row, acting on (x, y, 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Homography {
    m: [f64; 9],
}

impl Homography {
    /// The transform that changes nothing.
    pub const IDENTITY: Homography = Homography {
        m: [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0],
    };

    /// The image of `p`.
    pub fn apply(&self, p: Point) -> Point {
        let m = &self.m;
        let w = m[6] * p.x + m[7] * p.y + m[8];
        Point::new(
            (m[0] * p.x + m[1] * p.y + m[2]) / w,
            (m[3] * p.x + m[4] * p.y + m[5]) / w,
        )
    }

    /// The transform fitted by least squares to `pairs` of (from, to) points: a full homography
    /// from four pairs on, an affine transform from three. `None` for fewer pairs or points that
    /// fix no transform (all on one line).
    pub fn fit(pairs: &[(Point, Point)]) -> Option<Homography> {
        Homography::fit_as(pairs, pairs.len() >= 4)
    }

    /// The affine transform (no perspective) fitted by least squares to three or more pairs:
    /// steadier than a homography where the points lie close together and the transform is used
    /// far from them.
    pub fn fit_affine(pairs: &[(Point, Point)]) -> Option<Homography> {
        Homography::fit_as(pairs, false)
    }

    /// The transform fitted to `pairs`, with perspective or without.
    fn fit_as(pairs: &[(Point, Point)], projective: bool) -> Option<Homography> {
        if pairs.len() < 3 {
            return None;
        }
        let from: Vec<Point> = pairs.iter().map(|p| p.0).collect();
        let to: Vec<Point> = pairs.iter().map(|p| p.1).collect();
        let (nf, tf) = normalise(&from);
        let (nt, tt) = normalise(&to);
        let norm: Vec<(Point, Point)> = nf.into_iter().zip(nt).collect();
        let h = solve_normalised(&norm, projective)?;
        let back = tt.inverse()?;
        let m = back.then(&h).then(&tf);
        m.m.iter().all(|v| v.is_finite()).then_some(m)
    }

    /// The transform that applies `other` first, then `self`.
    pub fn then(&self, other: &Homography) -> Homography {
        let (a, b) = (&self.m, &other.m);
        let mut m = [0.0; 9];
        for r in 0..3 {
            for c in 0..3 {
                m[r * 3 + c] = (0..3).map(|k| a[r * 3 + k] * b[k * 3 + c]).sum();
            }
        }
        Homography { m }
    }

    /// The inverse transform; `None` when the transform is degenerate.
    pub fn inverse(&self) -> Option<Homography> {
        let m = &self.m;
        let cof = [
            m[4] * m[8] - m[5] * m[7],
            m[2] * m[7] - m[1] * m[8],
            m[1] * m[5] - m[2] * m[4],
            m[5] * m[6] - m[3] * m[8],
            m[0] * m[8] - m[2] * m[6],
            m[2] * m[3] - m[0] * m[5],
            m[3] * m[7] - m[4] * m[6],
            m[1] * m[6] - m[0] * m[7],
            m[0] * m[4] - m[1] * m[3],
        ];
        let det = m[0] * cof[0] + m[1] * cof[3] + m[2] * cof[6];
        if det.abs() < 1e-12 || !det.is_finite() {
            return None;
        }
        Some(Homography {
            m: cof.map(|c| c / det),
        })
    }

    /// How many pixels a point near `p` measures: the mean stretch of the transform there.
    pub fn scale_at(&self, p: Point) -> f64 {
        let o = self.apply(p);
        let dx = self.apply(Point::new(p.x + 1.0, p.y)).distance(o);
        let dy = self.apply(Point::new(p.x, p.y + 1.0)).distance(o);
        (dx + dy) / 2.0
    }
}

/// The points moved and scaled to mean 0 and mean distance √2 from it (Hartley's normalisation,
/// which keeps the least-squares system well conditioned), and the transform that does so.
fn normalise(points: &[Point]) -> (Vec<Point>, Homography) {
    let n = points.len() as f64;
    let cx = points.iter().map(|p| p.x).sum::<f64>() / n;
    let cy = points.iter().map(|p| p.y).sum::<f64>() / n;
    let mean = points
        .iter()
        .map(|p| p.distance(Point::new(cx, cy)))
        .sum::<f64>()
        / n;
    let s = if mean > 0.0 { 2f64.sqrt() / mean } else { 1.0 };
    let t = Homography {
        m: [s, 0.0, -s * cx, 0.0, s, -s * cy, 0.0, 0.0, 1.0],
    };
    (points.iter().map(|p| t.apply(*p)).collect(), t)
}

/// The least-squares transform for normalised pairs: unknowns h0…h7 (h8 = 1), or h0…h5 for an
/// affine transform, from the normal equations of two linear equations per pair.
fn solve_normalised(pairs: &[(Point, Point)], projective: bool) -> Option<Homography> {
    let n = if projective { 8 } else { 6 };
    let mut ata = vec![vec![0.0; n]; n];
    let mut atb = vec![0.0; n];
    for (f, t) in pairs {
        let rows = [
            ([f.x, f.y, 1.0, 0.0, 0.0, 0.0, -f.x * t.x, -f.y * t.x], t.x),
            ([0.0, 0.0, 0.0, f.x, f.y, 1.0, -f.x * t.y, -f.y * t.y], t.y),
        ];
        for (row, rhs) in rows {
            for i in 0..n {
                atb[i] += row[i] * rhs;
                for j in 0..n {
                    ata[i][j] += row[i] * row[j];
                }
            }
        }
    }
    let h = gauss(ata, atb)?;
    let (g, k) = if projective { (h[6], h[7]) } else { (0.0, 0.0) };
    Some(Homography {
        m: [h[0], h[1], h[2], h[3], h[4], h[5], g, k, 1.0],
    })
}

/// Solves `a x = b` by Gaussian elimination with partial pivoting; `None` when `a` is singular.
fn gauss(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let f = a[row][col] / a[col][col];
            let (upper, lower) = a.split_at_mut(row);
            for (x, p) in lower[0][col..].iter_mut().zip(&upper[col][col..]) {
                *x -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let s: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - s) / a[row][row];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A known transform: a page of 595 × 842 pt scanned at 300 dpi, turned 3°, shifted, in a
    /// slight perspective.
    fn known() -> Homography {
        let (s, a) = (300.0 / 72.0, 3f64.to_radians());
        Homography {
            m: [
                s * a.cos(),
                -s * a.sin(),
                40.0,
                s * a.sin(),
                s * a.cos(),
                -25.0,
                2e-6,
                -1e-6,
                1.0,
            ],
        }
    }

    fn corners() -> Vec<Point> {
        vec![
            Point::new(21.3, 21.3),
            Point::new(573.7, 21.3),
            Point::new(21.3, 820.7),
            Point::new(573.7, 820.7),
            Point::new(297.6, 790.0),
        ]
    }

    /// Fitted to exact points, the homography maps any other point where the known one does.
    #[test]
    fn recovers_a_known_homography() {
        let h = known();
        let pairs: Vec<_> = corners().into_iter().map(|p| (p, h.apply(p))).collect();
        let fit = Homography::fit(&pairs[..4]).unwrap();
        for p in [Point::new(100.0, 400.0), Point::new(500.0, 700.0)] {
            assert!(fit.apply(p).distance(h.apply(p)) < 1e-6, "{p:?}");
        }
    }

    /// With noise on the points, the least-squares fit of five pairs stays within the noise.
    #[test]
    fn least_squares_averages_noise() {
        let h = known();
        let noise = [
            (0.4, -0.3),
            (-0.2, 0.5),
            (0.3, 0.3),
            (-0.5, -0.1),
            (0.1, -0.4),
        ];
        let pairs: Vec<_> = (corners().into_iter().zip(noise))
            .map(|(p, (dx, dy))| {
                let q = h.apply(p);
                (p, Point::new(q.x + dx, q.y + dy))
            })
            .collect();
        let fit = Homography::fit(&pairs).unwrap();
        let centre = Point::new(300.0, 420.0);
        assert!(fit.apply(centre).distance(h.apply(centre)) < 1.0);
        assert!((fit.scale_at(centre) - 300.0 / 72.0).abs() < 0.02);
    }

    /// Three pairs fix an affine transform; points on one line or too few fix nothing.
    #[test]
    fn affine_from_three_and_nothing_from_a_line() {
        let h = known().then(&Homography::IDENTITY);
        let affine = Homography {
            m: [
                h.m[0], h.m[1], h.m[2], h.m[3], h.m[4], h.m[5], 0.0, 0.0, 1.0,
            ],
        };
        let pairs: Vec<_> = corners()[..3]
            .iter()
            .map(|&p| (p, affine.apply(p)))
            .collect();
        let fit = Homography::fit(&pairs).unwrap();
        let p = Point::new(573.7, 820.7);
        assert!(fit.apply(p).distance(affine.apply(p)) < 1e-6);
        let line: Vec<_> = (0..4)
            .map(|i| Point::new(f64::from(i), f64::from(i)))
            .map(|p| (p, p))
            .collect();
        assert!(Homography::fit(&line).is_none());
        assert!(Homography::fit(&pairs[..2]).is_none());
    }

    /// The inverse undoes the transform.
    #[test]
    fn inverse_undoes() {
        let h = known();
        let p = Point::new(123.0, 456.0);
        let back = h.inverse().unwrap().apply(h.apply(p));
        assert!(back.distance(p) < 1e-9);
    }
}
