//! The stack of the harness: which sheets it holds (every form page but one, one scanned
//! twice, a foreign page, a filler page, a page of an opdracht), how each is scanned (resolution,
//! turn, noise, JPEG, black and white, a scanner's PDF), and every sheet scanned and read.

use std::path::{Path, PathBuf};

use toetsgen::document::packet::scan::Sidecar;
use toetsgen::scan::{PageProblem, PageReading, read_page};

use super::DPIS;
use super::pen::{self, Rng, Sheet, Style};

/// One sheet of the stack.
#[derive(Debug, Clone, Copy)]
pub(super) enum Kind {
    /// Page `page` of form `doc` (an index into the layout's documents).
    Form { doc: usize, page: u32 },
    /// Another page of the packet (1-based), read as it was printed.
    Packet { page: u32 },
    /// A page that is not toetsgen's.
    Foreign,
}

/// A sheet and how it is scanned.
#[derive(Debug, Clone, Copy)]
pub(super) struct Spec {
    pub(super) kind: Kind,
    pub(super) dpi: u32,
    /// The turn: a quarter turn times k plus skew, in degrees.
    pub(super) degrees: f64,
    /// Scanned black and white (1 bit).
    pub(super) bw: bool,
    /// Compressed as JPEG, quality 60.
    pub(super) jpeg: bool,
    /// Wrapped in a PDF like a scanner's (JPEG image), read back through hayro.
    pub(super) pdf: bool,
    /// The seed of the scan's noise.
    pub(super) seed: u64,
}

/// A scan's turn: mostly upright, some upside down or sideways, always some skew.
fn turn(rng: &mut Rng) -> f64 {
    let r = rng.unit();
    let quarter = if r < 0.6 {
        0.0
    } else if r < 0.85 {
        180.0
    } else if r < 0.93 {
        90.0
    } else {
        270.0
    };
    quarter + rng.range(-5.0, 5.0)
}

/// The scan of a sheet as the reader gets it.
fn scan(
    spec: &Spec,
    pdf: &Path,
    sidecar: &Sidecar,
    marks: &[Vec<Style>],
    tmp: &Path,
) -> toetsgen::scan::Grey {
    let mut rng = Rng::new(spec.seed);
    let dpi = f64::from(spec.dpi);
    let image = match spec.kind {
        Kind::Form { doc, page } => {
            let d = &sidecar.documenten[doc];
            let mut sheet = Sheet {
                image: pen::render(pdf, d.eerste_pagina + page - 1, spec.dpi),
                dpi,
            };
            // The paper's marks are the same however often it is scanned.
            let mut hand = Rng::new(1000 + doc as u64 * 10 + u64::from(page));
            for (b, style) in d.vakjes.iter().zip(&marks[doc]) {
                if b.pagina == page {
                    sheet.mark(b.x, b.y, d.geometrie.vakje, *style, &mut hand);
                }
            }
            sheet.image
        }
        Kind::Packet { page } => pen::render(pdf, page, spec.dpi),
        Kind::Foreign => pen::foreign_page(dpi, &mut rng),
    };
    let mut image = pen::rotate(&image, spec.degrees);
    pen::noise(&mut image, if spec.bw { 40.0 } else { 14.0 }, &mut rng);
    if spec.bw {
        pen::one_bit(&mut image);
        return image;
    }
    if spec.pdf {
        let jpeg = pen::jpeg_bytes(&image, 60);
        let file = tmp.join(format!("scan-{}.pdf", spec.seed));
        std::fs::write(
            &file,
            pen::pdf_of_jpeg(&jpeg, image.width(), image.height(), dpi),
        )
        .unwrap();
        let mut pages = toetsgen::scan::load(&file).expect("a scanner's PDF loads");
        assert_eq!(pages.len(), 1);
        return pages.remove(0);
    }
    if spec.jpeg {
        pen::jpeg(&image, 60)
    } else {
        image
    }
}

/// Every sheet scanned and read, on two threads; a scan that gives no reading is written to
/// the folder `TOETSGEN_SCAN_DUMP` names, if set, to look at.
pub(super) fn read_all(
    specs: &[Spec],
    pdf: &Path,
    sidecar: &Sidecar,
    marks: &[Vec<Style>],
    tmp: &Path,
) -> Vec<Result<PageReading, PageProblem>> {
    let dump = std::env::var_os("TOETSGEN_SCAN_DUMP").map(PathBuf::from);
    let sidecars = [sidecar.clone()];
    let one = |spec: &Spec| {
        let image = scan(spec, pdf, sidecar, marks, tmp);
        let result = read_page(&image, &sidecars);
        if let (Some(dump), Err(_)) = (&dump, &result) {
            let file = dump.join(format!("scan-{}.png", spec.seed));
            let pixels = image.pixels().to_vec();
            let png = image::GrayImage::from_raw(image.width(), image.height(), pixels).unwrap();
            png.save(file).unwrap();
        }
        result
    };
    let halves: Vec<Vec<_>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|k| s.spawn(move || specs.iter().skip(k).step_by(2).map(one).collect()))
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let mut out = Vec::with_capacity(specs.len());
    let mut iters: Vec<_> = halves.into_iter().map(Vec::into_iter).collect();
    for i in 0..specs.len() {
        out.push(iters[i % 2].next().unwrap());
    }
    out
}

/// The stack: every form page but one, one scanned twice, a foreign page, a filler page if
/// the packet has one, and a page of a candidate's opdracht; shuffled.
pub(super) fn stack(
    sidecar: &Sidecar,
    forms: &[usize],
    rng: &mut Rng,
) -> (Vec<Spec>, (usize, u32), (usize, u32)) {
    let mut specs = Vec::new();
    let mut n = 0u64;
    let mut spec = |kind, dpi: u32, rng: &mut Rng| {
        n += 1;
        let bw = rng.unit() < 0.12;
        Spec {
            kind,
            dpi,
            degrees: turn(rng),
            bw,
            jpeg: !bw && rng.unit() < 0.4,
            pdf: !bw && rng.unit() < 0.08,
            seed: n,
        }
    };
    for (i, &doc) in forms.iter().enumerate() {
        for page in 1..=sidecar.documenten[doc].paginas {
            let dpi = DPIS[(i + page as usize) % 3];
            specs.push(spec(Kind::Form { doc, page }, dpi, rng));
        }
    }
    let dropped = specs.remove(rng.below(specs.len()));
    let mut twice = specs[rng.below(specs.len())];
    twice.seed = 999;
    twice.degrees = turn(rng);
    specs.push(twice);
    specs.push(spec(Kind::Foreign, 200, rng));
    let covered = |p: u32| {
        sidecar
            .documenten
            .iter()
            .any(|d| p >= d.eerste_pagina && p < d.eerste_pagina + d.paginas)
    };
    let last = sidecar
        .documenten
        .iter()
        .map(|d| d.eerste_pagina + d.paginas - 1)
        .max()
        .unwrap();
    if let Some(filler) = (1..=last).find(|&p| !covered(p)) {
        specs.push(spec(Kind::Packet { page: filler }, 150, rng));
    }
    let opdracht = sidecar
        .documenten
        .iter()
        .find(|d| d.document == "opdracht-kandidaat")
        .unwrap();
    specs.push(spec(
        Kind::Packet {
            page: opdracht.eerste_pagina,
        },
        200,
        rng,
    ));
    for i in (1..specs.len()).rev() {
        specs.swap(i, rng.below(i + 1));
    }
    let key = |s: &Spec| match s.kind {
        Kind::Form { doc, page } => (doc, page),
        _ => unreachable!("dropped and doubled sheets are form pages"),
    };
    (specs.clone(), key(&dropped), key(&twice))
}
