//! The marks that make a printed packet readable by a scanner (issue 23), checked on the printed
//! pages themselves: the packet rendered by an independent renderer (poppler's `pdftoppm`, grey,
//! 150 dpi: the lowest resolution a scan may have), each page's QR code decoded by an independent
//! reader (`rqrr`) and compared with what the layout beside the packet (`.scan.json`) says the page
//! is, and every box the layout names found drawn at its place: a dark border, a light inside.
//! The codes stay out of the text (pdftotext) and the packet's bytes and layout are the same twice.

use std::process::Command;

use toetsgen::document::packet::scan::Sidecar;
use toetsgen::document::packet::scan::code::PageCode;

use toetsgen::scan::Grey;

use crate::common::{exits, fixture, run, seed_v1, toetsgen};
use crate::scan_read::pen::render;

const SESSION: &str = "2026-12-03-den-haag";
const DPI: f64 = 150.0;

/// The pixel of `page` at a point given in PDF points from the top left.
fn at_pt(page: &Grey, x: f64, y: f64) -> u8 {
    let (px, py) = ((x * DPI / 72.0) as i64, (y * DPI / 72.0) as i64);
    page.get(px, py)
}

/// The darkest pixel of the square of side `side` points at (x, y) (its top left corner).
fn darkest(page: &Grey, x: f64, y: f64, side: f64) -> u8 {
    let step = 72.0 / DPI / 2.0;
    let n = (side / step) as usize;
    (0..=n)
        .flat_map(|i| (0..=n).map(move |j| (i, j)))
        .map(|(i, j)| at_pt(page, x + i as f64 * step, y + j as f64 * step))
        .min()
        .unwrap()
}

/// Whether a box of side `v` is drawn with its top left corner at (x, y): its four sides dark at
/// their middles, its inside and the space left of it light. A box a point and a half off fails.
fn drawn_at(page: &Grey, x: f64, y: f64, v: f64) -> bool {
    let h = v / 2.0 - 0.7;
    let sides = [
        (x - 0.7, y + h),
        (x + v - 0.7, y + h),
        (x + h, y - 0.7),
        (x + h, y + v - 0.7),
    ];
    let dark = sides
        .iter()
        .all(|&(sx, sy)| darkest(page, sx, sy, 1.4) < 140);
    let inside = darkest(page, x + 2.0, y + 2.0, v - 4.0) > 200;
    let left = darkest(page, x - 3.5, y + 2.0, 2.0) > 200;
    dark && inside && left
}

/// The text of the page's QR code(s), read by rqrr.
fn qr_texts(page: &Grey) -> Vec<String> {
    let width = page.width() as usize;
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(width, page.height() as usize, |x, y| {
            page.pixels()[y * width + x]
        });
    (img.detect_grids().iter())
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

/// A project with the V1 plan and the Den Haag session, its packet made.
fn packet() -> tempfile::TempDir {
    let dir = crate::common::project(&[&seed_v1()]);
    let sessies = dir.path().join("sessies");
    std::fs::create_dir_all(&sessies).unwrap();
    let from = fixture(&format!("sessions/pakket/{SESSION}.yaml"));
    std::fs::copy(from, sessies.join(format!("{SESSION}.yaml"))).unwrap();
    exits(
        toetsgen(dir.path()).args(["packet", &format!("sessies/{SESSION}.yaml")]),
        0,
        &[],
    );
    dir
}

/// Every page of every document carries the QR code the layout says, readable at 150 dpi; the
/// corner marks are there; every box of a form is drawn where the layout puts it.
#[test]
fn every_page_says_what_it_is_and_every_box_is_where_the_layout_says() {
    let dir = packet();
    let pdf = dir.path().join(format!("pakketten/{SESSION}.pdf"));
    let json = std::fs::read(dir.path().join(format!("pakketten/{SESSION}.scan.json"))).unwrap();
    assert!(Sidecar::is_sidecar(&json));
    let sidecar: Sidecar = serde_json::from_slice(&json).unwrap();
    assert_eq!(
        (sidecar.plan.as_str(), sidecar.sessie.as_deref()),
        ("V1", Some(SESSION))
    );
    let forms = sidecar
        .documenten
        .iter()
        .filter(|d| d.document == "beoordelingsformulier");
    assert_eq!(forms.count(), 6, "3 candidates, 2 assessors");
    let mut boxes = 0;
    for doc in &sidecar.documenten {
        for p in 1..=doc.paginas {
            let page = render(&pdf, doc.eerste_pagina + p - 1, DPI as u32);
            let expected = sidecar.page_code(doc, p);
            let texts = qr_texts(&page);
            assert_eq!(texts.len(), 1, "one code on page {p} of {}", doc.document);
            assert_eq!(PageCode::parse(&texts[0]).as_ref(), Some(&expected));
            let g = &doc.geometrie;
            for (x, y) in [
                (g.rand, g.rand),
                (g.breedte - g.rand - g.hoek, g.rand),
                (g.rand, g.hoogte - g.rand - g.hoek),
                (g.breedte - g.rand - g.hoek, g.hoogte - g.rand - g.hoek),
            ] {
                let centre = at_pt(&page, x + g.hoek / 2.0, y + g.hoek / 2.0);
                assert!(centre < 60, "corner mark at ({x}, {y}) on page {p}");
            }
            for b in doc.vakjes.iter().filter(|b| b.pagina == p) {
                assert!(
                    drawn_at(&page, b.x, b.y, g.vakje),
                    "box {} on page {p}",
                    b.veld
                );
                boxes += 1;
            }
        }
    }
    // V1: 20 toetstermen × (5 observations + 2 judgements) + 2 result boxes, on 6 forms.
    assert_eq!(boxes, 6 * 142);
    let form = (sidecar.documenten.iter())
        .find(|d| d.document == "beoordelingsformulier")
        .unwrap();
    let keys: Vec<&str> = form.vakjes.iter().map(|b| b.veld.as_str()).collect();
    assert!(keys.contains(&"t.V1.01.w1") && keys.contains(&"t.V1.20.w5"));
    let judged = form.vakjes.iter().filter(|b| b.veld == "t.V1.07.oordeel");
    let values: Vec<_> = judged.map(|b| b.waarde.as_deref().unwrap()).collect();
    assert_eq!(values, ["onvoldoende", "voldoende"]);
}

/// The codes are artifacts: no code text among the page's words; the same session gives the same
/// packet and layout bytes.
#[test]
fn codes_stay_out_of_the_text_and_the_packet_is_reproducible() {
    let dir = packet();
    let pdf = dir.path().join(format!("pakketten/{SESSION}.pdf"));
    let text = run(Command::new("pdftotext").arg(&pdf).arg("-")).stdout;
    assert!(!String::from_utf8_lossy(&text).contains("TG1:"));
    let layout = dir.path().join(format!("pakketten/{SESSION}.scan.json"));
    let (first_pdf, first_layout) = (
        std::fs::read(&pdf).unwrap(),
        std::fs::read(&layout).unwrap(),
    );
    std::fs::remove_file(&pdf).unwrap();
    std::fs::remove_file(&layout).unwrap();
    exits(
        toetsgen(dir.path()).args(["packet", &format!("sessies/{SESSION}.yaml")]),
        0,
        &[],
    );
    assert!(
        std::fs::read(&pdf).unwrap() == first_pdf,
        "same packet bytes"
    );
    assert!(
        std::fs::read(&layout).unwrap() == first_layout,
        "same layout bytes"
    );
}

/// A file at the layout's place that toetsgen did not write is not replaced without --force.
#[test]
fn a_foreign_file_at_the_layouts_place_is_kept() {
    let dir = packet();
    let layout = dir.path().join(format!("pakketten/{SESSION}.scan.json"));
    std::fs::write(&layout, "{\"mijn\": \"gegevens\"}").unwrap();
    exits(
        toetsgen(dir.path()).args(["packet", &format!("sessies/{SESSION}.yaml")]),
        1,
        &["scan.json"],
    );
    assert_eq!(
        std::fs::read_to_string(&layout).unwrap(),
        "{\"mijn\": \"gegevens\"}"
    );
}
