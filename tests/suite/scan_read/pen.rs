//! The harness's own scans: a page rendered by pdftoppm, pen marks drawn on it like a hand
//! would (ticks, crosses, boxes filled in, light pencil, a tick straying over the border, a
//! faint dot), and the page then scanned badly: turned, noisy, JPEG-compressed or black and white.
//! Everything random comes from one seeded generator, so a failure comes back on every run.

use std::path::Path;
use std::process::Command;

use toetsgen::scan::Grey;

use crate::common::run;

/// A small seeded generator (SplitMix64): the same seed, the same scans.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator from `seed`.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A number in [a, b).
    pub(crate) fn range(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.unit()
    }

    /// An index below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// How a box is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// Left alone.
    Empty,
    /// A tick in black or blue pen.
    Tick,
    /// A cross.
    Cross,
    /// A tick in light pencil.
    Pencil,
    /// A tick whose long stroke runs far over the box's border.
    Stray,
    /// Filled in completely: the mark cancelled.
    Filled,
    /// A faint dot: ambiguous.
    Dot,
}

/// A page image with its resolution, to draw on in points.
pub(crate) struct Sheet {
    pub(crate) image: Grey,
    pub(crate) dpi: f64,
}

impl Sheet {
    /// Pixels per point.
    fn scale(&self) -> f64 {
        self.dpi / 72.0
    }

    /// A stroke of width `w` points from `a` to `b` (points on the page) in grey `level`:
    /// every pixel within w/2 of the segment is darkened to the level, its edge anti-aliased.
    pub(crate) fn stroke(&mut self, a: (f64, f64), b: (f64, f64), w: f64, level: u8) {
        let s = self.scale();
        let (ax, ay, bx, by, r) = (a.0 * s, a.1 * s, b.0 * s, b.1 * s, w * s / 2.0);
        let (x0, x1) = ((ax.min(bx) - r - 1.0) as i64, (ax.max(bx) + r + 1.0) as i64);
        let (y0, y1) = ((ay.min(by) - r - 1.0) as i64, (ay.max(by) + r + 1.0) as i64);
        let (dx, dy) = (bx - ax, by - ay);
        let len2 = (dx * dx + dy * dy).max(1e-9);
        let width = i64::from(self.image.width());
        let height = i64::from(self.image.height());
        for y in y0.max(0)..=y1.min(height - 1) {
            for x in x0.max(0)..=x1.min(width - 1) {
                let (px, py) = (x as f64 + 0.5, y as f64 + 0.5);
                let t = (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0);
                let d = (px - ax - t * dx).hypot(py - ay - t * dy);
                let cover = (r + 0.5 - d).clamp(0.0, 1.0);
                if cover > 0.0 {
                    let i = (y * width + x) as usize;
                    let old = f64::from(self.image.pixels()[i]);
                    let new = old - cover * (old - f64::from(level)).max(0.0);
                    self.image.pixels_mut()[i] = new.round() as u8;
                }
            }
        }
    }

    /// Marks the box of side `v` at (x, y) (its top left corner, in points) in `style`.
    pub(crate) fn mark(&mut self, x: f64, y: f64, v: f64, style: Style, rng: &mut Rng) {
        let pen = if rng.unit() < 0.5 { 20 } else { 70 };
        let w = rng.range(1.0, 1.5);
        let pencil = rng.range(135.0, 160.0) as u8;
        let radius = rng.range(0.85, 1.05);
        let mut j = |f: f64| f + rng.range(-0.06, 0.06);
        let at = |u: f64, w: f64| (x + u * v, y + w * v);
        match style {
            Style::Empty => {}
            Style::Tick | Style::Pencil | Style::Stray => {
                let (level, w) = if style == Style::Pencil {
                    (pencil, 1.0)
                } else {
                    (pen, w)
                };
                let (a, b) = (at(j(0.18), j(0.5)), at(j(0.42), j(0.82)));
                let end = if style == Style::Stray {
                    at(j(1.5), j(-0.6))
                } else {
                    at(j(0.88), j(0.14))
                };
                self.stroke(a, b, w, level);
                self.stroke(b, end, w, level);
            }
            Style::Cross => {
                self.stroke(at(j(0.12), j(0.12)), at(j(0.88), j(0.88)), w, pen);
                self.stroke(at(j(0.12), j(0.88)), at(j(0.88), j(0.12)), w, pen);
            }
            Style::Filled => {
                let mut t = -0.05;
                while t <= 1.05 {
                    self.stroke(at(-0.05, t), at(1.05, t + 0.1), 1.6, 35);
                    t += 0.1;
                }
            }
            Style::Dot => {
                let (cx, cy) = at(j(0.5), j(0.5));
                self.stroke((cx - 0.01, cy), (cx + 0.01, cy), 2.0 * radius, 60);
            }
        }
    }
}

/// Page `n` of `pdf`, rendered grey by pdftoppm at `dpi`.
pub(crate) fn render(pdf: &Path, n: u32, dpi: u32) -> Grey {
    let out = run(Command::new("pdftoppm")
        .args(["-gray", "-r", &dpi.to_string()])
        .args(["-f", &n.to_string(), "-l", &n.to_string()])
        .arg(pdf));
    assert!(out.status.success(), "pdftoppm renders page {n}");
    let data = out.stdout;
    // P5 header: "P5\n<w> <h>\n255\n", fields separated by whitespace.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while data[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5", "pdftoppm -gray writes PGM");
    let (w, h) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = data[at + 1..].to_vec();
    Grey::new(w, h, pixels).expect("an A4 page at 300 dpi is within the limits")
}

/// The image turned by `degrees` clockwise about its centre, on a canvas that holds all of it
/// (the scanner's white lid around), interpolated bilinearly (in fixed point, row by row: the
/// harness runs unoptimised).
pub(crate) fn rotate(img: &Grey, degrees: f64) -> Grey {
    let (s, c) = degrees.to_radians().sin_cos();
    let (w, h) = (f64::from(img.width()), f64::from(img.height()));
    let (nw, nh) = (w * c.abs() + h * s.abs(), w * s.abs() + h * c.abs());
    let (ow, oh) = (nw.ceil() as usize, nh.ceil() as usize);
    let (iw, ih) = (img.width() as i64, img.height() as i64);
    let src = img.pixels();
    let mut pixels = vec![250u8; ow * oh];
    const ONE: f64 = 65536.0;
    let (step_x, step_y) = ((c * ONE) as i64, (-s * ONE) as i64);
    for (oy, row) in pixels.chunks_exact_mut(ow).enumerate() {
        let dy = oy as f64 + 0.5 - nh / 2.0;
        let dx = 0.5 - nw / 2.0;
        // Source coordinates of pixel centres, less half a pixel, in 16.16 fixed point.
        let mut sx = ((c * dx + s * dy + w / 2.0 - 0.5) * ONE) as i64;
        let mut sy = ((-s * dx + c * dy + h / 2.0 - 0.5) * ONE) as i64;
        for out in row.iter_mut() {
            let (x0, y0) = (sx >> 16, sy >> 16);
            if x0 >= 0 && y0 >= 0 && x0 + 1 < iw && y0 + 1 < ih {
                let (ax, ay) = (sx & 0xFFFF, sy & 0xFFFF);
                let i = (y0 * iw + x0) as usize;
                let (p00, p10) = (i64::from(src[i]), i64::from(src[i + 1]));
                let j = i + iw as usize;
                let (p01, p11) = (i64::from(src[j]), i64::from(src[j + 1]));
                let top = p00 * (0x10000 - ax) + p10 * ax;
                let bottom = p01 * (0x10000 - ax) + p11 * ax;
                *out = ((top * (0x10000 - ay) + bottom * ay) >> 32) as u8;
            }
            sx += step_x;
            sy += step_y;
        }
    }
    Grey::new(ow as u32, oh as u32, pixels).expect("a turned page is within the limits")
}

/// Adds noise of about ±`amount` grey levels (a triangular distribution) to every pixel: from a
/// table of random values, walked with a random odd stride.
pub(crate) fn noise(img: &mut Grey, amount: f64, rng: &mut Rng) {
    let table: Vec<i16> = (0..65_536)
        .map(|_| {
            let r = rng.next();
            let t = ((r & 0xFF) as f64 + ((r >> 8) & 0xFF) as f64) / 255.0 - 1.0;
            (t * amount).round() as i16
        })
        .collect();
    let (mut at, stride) = (rng.below(65_536), rng.below(32_768) * 2 + 1);
    for p in img.pixels_mut() {
        *p = (i16::from(*p) + table[at]).clamp(0, 255) as u8;
        at = (at + stride) & 0xFFFF;
    }
}

/// The image as a JPEG of `quality` (the bytes a scanner would write).
pub(crate) fn jpeg_bytes(img: &Grey, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .encode(
            img.pixels(),
            img.width(),
            img.height(),
            image::ExtendedColorType::L8,
        )
        .expect("a grey image encodes");
    out
}

/// The image compressed as a JPEG of `quality` and decoded again.
pub(crate) fn jpeg(img: &Grey, quality: u8) -> Grey {
    let bytes = jpeg_bytes(img, quality);
    let luma = image::load_from_memory(&bytes).unwrap().into_luma8();
    let (w, h) = luma.dimensions();
    Grey::new(w, h, luma.into_raw()).unwrap()
}

/// Black and white at the scanner's fixed threshold, as a 1-bit scan.
pub(crate) fn one_bit(img: &mut Grey) {
    for p in img.pixels_mut() {
        *p = if *p < 128 { 0 } else { 255 };
    }
}

/// A page that is not toetsgen's: lines of word-like blots and a framed square in each corner
/// (a form of someone else's), at `dpi`.
pub(crate) fn foreign_page(dpi: f64, rng: &mut Rng) -> Grey {
    let (w, h) = ((8.27 * dpi) as u32, (11.69 * dpi) as u32);
    let mut sheet = Sheet {
        image: Grey::new(w, h, vec![245; (w * h) as usize]).unwrap(),
        dpi,
    };
    let mut y = 60.0;
    while y < 780.0 {
        let mut x = 60.0;
        while x < 520.0 {
            let word = rng.range(10.0, 45.0);
            sheet.stroke((x, y), (x + word, y), 5.0, 40);
            x += word + 5.0;
        }
        y += 14.0;
    }
    for (x, y) in [(20.0, 20.0), (560.0, 20.0), (20.0, 810.0), (560.0, 810.0)] {
        sheet.stroke((x, y), (x + 14.0, y + 14.0), 3.0, 30);
    }
    sheet.image
}

/// A one-page PDF whose page is the JPEG `jpeg` of `w` × `h` pixels scanned at `dpi`, as a
/// scanner writes it (a DCT-encoded grey image filling the page).
pub(crate) fn pdf_of_jpeg(jpeg: &[u8], w: u32, h: u32, dpi: f64) -> Vec<u8> {
    pdf_of_image(jpeg, (w, h, 8), dpi, "/DCTDecode")
}

/// A one-page PDF whose page is the grey image `data` (`w` × `h` pixels of `bits` bits,
/// encoded with the PDF filter `filter`) scanned at `dpi`, filling the page.
pub(crate) fn pdf_of_image(
    data: &[u8],
    (w, h, bits): (u32, u32, u8),
    dpi: f64,
    filter: &str,
) -> Vec<u8> {
    let (pw, ph) = (f64::from(w) * 72.0 / dpi, f64::from(h) * 72.0 / dpi);
    let content = format!("q {pw:.2} 0 0 {ph:.2} 0 0 cm /Im Do Q");
    let image = format!(
        "<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray /BitsPerComponent {bits} /Filter {filter} /Length {} >>\nstream\n",
        data.len()
    );
    let mut image = image.into_bytes();
    image.extend_from_slice(data);
    image.extend_from_slice(b"\nendstream");
    let mut contents = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    contents.extend_from_slice(content.as_bytes());
    contents.extend_from_slice(b"\nendstream");
    let page = format!(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {pw:.2} {ph:.2}] /Resources << /XObject << /Im 5 0 R >> >> /Contents 4 0 R >>"
    );
    let objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        page.into_bytes(),
        contents,
        image,
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
    out.extend_from_slice(b"xref\n0 6\n0000000000 65535 f \n");
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}
