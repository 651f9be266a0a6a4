//! `toetsgen scan` as an office uses it: a packet printed (rendered by pdftoppm at 200 dpi),
//! its form filled in with a pen (crosses drawn by the test where it chose to tick), scanned
//! (the images), read back by `toetsgen scan`, and the saved form it writes taken by
//! `toetsgen uitslagen`: the values read are exactly the ones ticked, and the result is the one
//! the same form filled in on screen gives; the names come from the session file. A stack with a missing page and a foreign page is
//! reported with file and page, exit 1.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};
use toetsgen::document::packet::scan::Sidecar;

use crate::common::{exits, run, seed_v1, toetsgen};

pub(crate) const SESSION: &str = "2026-12-10-tilburg";
const DPI: f64 = 200.0;

/// A project with V1 and a session of one candidate and one assessor, its packet made.
pub(crate) fn packet() -> (tempfile::TempDir, Sidecar) {
    packet_of(
        SESSION,
        "plan: V1\ndatum: 2026-12-10\nlocatie: Stadskantoor Tilburg\nbeoordelaars: [Annelies de Vries]\nkandidaten:\n  - {naam: Jan Jansen, nummer: \"2026-0101\"}\n",
    )
}

/// A project with V1 and the session `session` (its file's text `yaml`), its packet made.
pub(crate) fn packet_of(session: &str, yaml: &str) -> (tempfile::TempDir, Sidecar) {
    let dir = crate::common::project(&[&seed_v1()]);
    std::fs::create_dir_all(dir.path().join("sessies")).unwrap();
    std::fs::write(dir.path().join(format!("sessies/{session}.yaml")), yaml).unwrap();
    exits(
        toetsgen(dir.path()).args(["packet", &format!("sessies/{session}.yaml")]),
        0,
        &[],
    );
    let json = std::fs::read(dir.path().join(format!("pakketten/{session}.scan.json"))).unwrap();
    (dir, serde_json::from_slice(&json).unwrap())
}

/// The saved form of candidate 2026-0101 of [`SESSION`] that `scan` wrote in `uitslagen/<out>/`.
pub(crate) fn saved(dir: &Path, out: &str) -> Value {
    let path = dir.join(format!("uitslagen/{out}/{SESSION}-2026-0101.json"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The values the test ticks: observations by a pattern, judgements voldoende but for three.
pub(crate) fn chosen(sidecar: &Sidecar) -> serde_json::Map<String, Value> {
    let form = (sidecar.documenten.iter())
        .find(|d| d.document == "beoordelingsformulier")
        .unwrap();
    let mut values = serde_json::Map::new();
    for (i, b) in form.vakjes.iter().enumerate() {
        if !(b.veld.starts_with("t.") || b.veld == "uitslag") {
            continue;
        }
        let value = match &b.waarde {
            None => json!(i % 3 != 0),
            Some(_) if b.veld == "uitslag" => json!("niet geslaagd"),
            Some(_) => {
                let bad = ["t.V1.02.oordeel", "t.V1.09.oordeel", "t.V1.17.oordeel"];
                json!(if bad.contains(&b.veld.as_str()) {
                    "onvoldoende"
                } else {
                    "voldoende"
                })
            }
        };
        values.insert(b.veld.clone(), value);
    }
    values
}

/// Renders page `n` of `pdf` and crosses the boxes `values` ticks (and the `extra` boxes) (a pen's two strokes, 0.8 pt
/// wide), written as a PNG to `to`.
pub(crate) fn fill_in(
    pdf: &Path,
    n: u32,
    sidecar: &Sidecar,
    marks: (&serde_json::Map<String, Value>, &[(&str, &str)]),
    to: &Path,
) {
    let form = (sidecar.documenten.iter())
        .find(|d| d.document == "beoordelingsformulier")
        .unwrap();
    fill_in_form(pdf, n, form, marks, to);
}

/// [`fill_in`] for page `n` of the packet that belongs to the form `form`.
pub(crate) fn fill_in_form(
    pdf: &Path,
    n: u32,
    form: &toetsgen::document::packet::scan::layout::DocumentLayout,
    (values, extra): (&serde_json::Map<String, Value>, &[(&str, &str)]),
    to: &Path,
) {
    let stem = to.with_extension("");
    run(Command::new("pdftoppm")
        .args([
            "-gray",
            "-png",
            "-singlefile",
            "-r",
            &DPI.to_string(),
            "-f",
            &n.to_string(),
            "-l",
            &n.to_string(),
        ])
        .arg(pdf)
        .arg(&stem));
    let mut img = image::open(stem.with_extension("png")).unwrap().to_luma8();
    let pagina = n - form.eerste_pagina + 1;
    let px = |pt: f64| pt * DPI / 72.0;
    for b in form.vakjes.iter().filter(|b| b.pagina == pagina) {
        let also = (extra.iter()).any(|(v, w)| *v == b.veld && b.waarde.as_deref() == Some(*w));
        let ticked = also
            || match (&b.waarde, values.get(&b.veld)) {
                (None, Some(Value::Bool(t))) => *t,
                (Some(w), Some(Value::String(v))) => w == v,
                _ => false,
            };
        if !ticked {
            continue;
        }
        let (x0, y0, side) = (px(b.x + 1.5), px(b.y + 1.5), px(form.geometrie.vakje - 3.0));
        let steps = (side * 4.0) as i32;
        for s in 0..=steps {
            let t = f64::from(s) / f64::from(steps);
            for (cx, cy) in [
                (x0 + t * side, y0 + t * side),
                (x0 + t * side, y0 + side - t * side),
            ] {
                let r = px(0.4);
                for dy in -2..=2 {
                    for dx in -2..=2 {
                        let (x, y) = (cx + f64::from(dx) * r / 2.0, cy + f64::from(dy) * r / 2.0);
                        img.put_pixel(x as u32, y as u32, image::Luma([20]));
                    }
                }
            }
        }
    }
    img.save(to).unwrap();
}

/// The form's pages filled in and scanned; returns the scans' paths.
fn scans(
    dir: &Path,
    sidecar: &Sidecar,
    values: &serde_json::Map<String, Value>,
    extra: &[(&str, &str)],
) -> Vec<PathBuf> {
    let pdf = dir.join(format!("pakketten/{SESSION}.pdf"));
    let form = (sidecar.documenten.iter())
        .find(|d| d.document == "beoordelingsformulier")
        .unwrap();
    std::fs::create_dir_all(dir.join("scans")).unwrap();
    (0..form.paginas)
        .map(|p| {
            let to = dir.join(format!("scans/blad-{}.png", p + 1));
            fill_in(&pdf, form.eerste_pagina + p, sidecar, (values, extra), &to);
            to
        })
        .collect()
}

/// Writes a line of "handwriting" (a wavy stroke) into the handwritten field `veld` of the
/// scanned form page that holds it; returns that page's layout.
pub(crate) fn write_in(
    files: &[PathBuf],
    sidecar: &Sidecar,
    veld: &str,
) -> toetsgen::document::packet::scan::layout::DocumentLayout {
    let form = (sidecar.documenten.iter())
        .find(|d| d.document == "beoordelingsformulier")
        .unwrap();
    let field = (form.velden.iter()).find(|v| v.veld == veld).unwrap();
    let file = &files[field.pagina as usize - 1];
    let mut img = image::open(file).unwrap().to_luma8();
    let px = |pt: f64| pt * DPI / 72.0;
    for i in 0..(px(120.0) as u32) {
        let x = px(field.x + 12.0) + f64::from(i);
        let y = px(field.y + 20.0) + 12.0 * (f64::from(i) / 9.0).sin();
        for d in 0..3 {
            img.put_pixel(x as u32, y as u32 + d, image::Luma([35]));
        }
    }
    img.save(file).unwrap();
    form.clone()
}

/// The result columns of a results list (CSV): uitslag and reden of the first assessor.
fn result_of(dir: &Path, list: &str) -> (String, String) {
    let csv = std::fs::read_to_string(dir.join(format!("{list}.csv"))).unwrap();
    let mut lines = csv.lines().map(|l| l.trim_start_matches('\u{feff}'));
    let header: Vec<&str> = lines.next().unwrap().split(';').collect();
    let row: Vec<&str> = lines.next().unwrap().split(';').collect();
    let col = |name: &str| row[header.iter().position(|h| *h == name).unwrap()].to_owned();
    (col("uitslag"), col("reden_1"))
}

/// Ticked on paper, read by `scan`, judged by `uitslagen`: the values are the ones ticked, no
/// field is doubtful, and the result equals that of the same values saved from the screen form.
#[test]
fn a_form_read_back_gives_the_result_of_the_same_form_on_screen() {
    let (dir, sidecar) = packet();
    let values = chosen(&sidecar);
    let files = scans(dir.path(), &sidecar, &values, &[]);
    let page = write_in(&files, &sidecar, "feedback.sterke_punten");
    let mut cmd = toetsgen(dir.path());
    cmd.arg("scan").args(&files);
    exits(&mut cmd, 0, &[]);
    let read = saved(dir.path(), "scans");
    assert_eq!(read["bron"], json!("scan"));
    let names = &read["kandidaat"];
    assert_eq!(names["naam"], json!("Jan Jansen"), "from the session file");
    assert_eq!(names["beoordelaar"], json!("Annelies de Vries"));
    assert_eq!(names["datum"], json!("2026-12-10"));
    assert_eq!(read["twijfel"], json!([]));
    for (key, value) in &values {
        assert_eq!(&read["waarden"][key], value, "{key}");
    }
    // Only the field written in is kept, as an image of the field on its page.
    let image = format!("handschrift/{SESSION}-2026-0101/feedback.sterke_punten.png");
    assert_eq!(
        read["handschrift"],
        json!({"feedback.sterke_punten": image})
    );
    let kept = image::open(dir.path().join("uitslagen/scans").join(&image)).unwrap();
    let field = (page.velden.iter())
        .find(|v| v.veld == "feedback.sterke_punten")
        .unwrap();
    let at_150 = |pt: f64| (pt * 150.0 / 72.0).round() as i64;
    assert!((i64::from(kept.width()) - at_150(field.breedte.unwrap())).abs() <= 1);
    assert!((i64::from(kept.height()) - at_150(field.hoogte.unwrap())).abs() <= 1);
    let mut screen = read.clone();
    screen.as_object_mut().unwrap().remove("bron");
    screen.as_object_mut().unwrap().remove("zekerheid");
    screen.as_object_mut().unwrap().remove("twijfel");
    screen.as_object_mut().unwrap().remove("scan");
    screen.as_object_mut().unwrap().remove("handschrift");
    std::fs::write(dir.path().join("scherm.json"), screen.to_string()).unwrap();
    let scanned = format!("uitslagen/scans/{SESSION}-2026-0101.json");
    exits(
        toetsgen(dir.path()).args(["results", &scanned, "-o", "uitslagen/papier"]),
        0,
        &[],
    );
    exits(
        toetsgen(dir.path()).args(["results", "scherm.json", "-o", "uitslagen/scherm"]),
        0,
        &[],
    );
    let paper = result_of(dir.path(), "uitslagen/papier");
    assert_eq!(paper, result_of(dir.path(), "uitslagen/scherm"));
    assert_eq!(
        paper.0, "niet geslaagd",
        "three toetstermen onvoldoende: {paper:?}"
    );
}

/// A stack missing a page of the form and holding a page that is no toetsgen page: both named
/// with file and page, exit 1; the form is still written, the missing page's fields empty.
#[test]
fn a_missing_and_a_foreign_page_are_named() {
    let (dir, sidecar) = packet();
    let values = chosen(&sidecar);
    let mut files = scans(dir.path(), &sidecar, &values, &[]);
    let dropped = files.remove(1);
    std::fs::remove_file(&dropped).unwrap();
    let foreign = dir.path().join("scans/brief.png");
    image::GrayImage::from_fn(1654, 2339, |x, y| {
        image::Luma([if (x / 40 + y / 25) % 7 == 0 { 30 } else { 245 }])
    })
    .save(&foreign)
    .unwrap();
    files.push(foreign);
    let mut cmd = toetsgen(dir.path());
    cmd.arg("scan").args(&files);
    let (_, stderr) = exits(
        &mut cmd,
        1,
        &[
            "scans/brief.png, page 1",
            "page 2 of 4 of the beoordelingsformulier of candidate 2026-0101 is missing",
        ],
    );
    assert_eq!(stderr.matches("error:").count(), 2, "{stderr}");
    let read = saved(dir.path(), "scans");
    assert!(!read["twijfel"].as_array().unwrap().is_empty());
}

/// A judgement with both boxes ticked is doubtful, never guessed: it is on the review page with
/// the crops of its boxes; the decision the page saves is applied by the next run (a decision
/// that does not fit its field is not), and `uitslagen` then takes the form.
#[test]
fn a_doubtful_field_is_decided_on_the_review_page() {
    let (dir, sidecar) = packet();
    let values = chosen(&sidecar);
    let both = [("t.V1.05.oordeel", "onvoldoende")];
    let files = scans(dir.path(), &sidecar, &values, &both);
    let form = dir
        .path()
        .join(format!("uitslagen/scans/{SESSION}-2026-0101.json"));
    let read = |dir: &Path| -> Value {
        let mut cmd = toetsgen(dir);
        cmd.arg("scan").args(&files);
        exits(&mut cmd, 0, &[]);
        serde_json::from_slice(&std::fs::read(&form).unwrap()).unwrap()
    };
    let first = read(dir.path());
    assert_eq!(first["twijfel"], json!(["t.V1.05.oordeel"]));
    assert_eq!(first["waarden"]["t.V1.05.oordeel"], Value::Null);
    let review =
        std::fs::read_to_string(dir.path().join("uitslagen/scans/scan-controle.html")).unwrap();
    let html = scraper::Html::parse_document(&review);
    let fieldsets = scraper::Selector::parse("fieldset[data-veld]").unwrap();
    let sets: Vec<_> = html.select(&fieldsets).collect();
    assert_eq!(sets.len(), 1, "one field to decide");
    assert_eq!(sets[0].value().attr("data-veld"), Some("t.V1.05.oordeel"));
    let question = scraper::Selector::parse("p.vraag").unwrap();
    let asked: String = sets[0].select(&question).next().unwrap().text().collect();
    assert!(
        asked.starts_with("V1.05 ") && asked.len() > 40,
        "the toetsterm's text beside the crops: {asked}"
    );
    let img = scraper::Selector::parse("img[alt]").unwrap();
    let crops: Vec<_> = sets[0].select(&img).collect();
    assert_eq!(crops.len(), 2, "a crop of each box");
    assert!(crops.iter().all(|c| {
        c.value()
            .attr("src")
            .unwrap()
            .starts_with("data:image/png;base64,")
    }));
    let mut nothing = toetsgen(dir.path());
    exits(nothing.args(["scan", "weg.png"]), 1, &["weg.png"]);
    let again =
        std::fs::read_to_string(dir.path().join("uitslagen/scans/scan-controle.html")).unwrap();
    assert_eq!(
        again, review,
        "a run that reads no form leaves the review page alone"
    );
    let name = format!("{SESSION}-2026-0101");
    let decide = |value: Value| {
        let decisions = json!({"formaat": "toetsgen-scan-besluiten", "besluiten": {name.clone(): {"t.V1.05.oordeel": value}}});
        std::fs::write(
            dir.path().join("uitslagen/scans/scan-besluiten.json"),
            decisions.to_string(),
        )
        .unwrap();
    };
    decide(json!("misschien"));
    assert_eq!(
        read(dir.path())["twijfel"],
        json!(["t.V1.05.oordeel"]),
        "a value the field cannot take"
    );
    decide(json!("voldoende"));
    let second = read(dir.path());
    assert_eq!(second["twijfel"], json!([]));
    assert_eq!(second["besloten"], json!(["t.V1.05.oordeel"]));
    assert_eq!(second["waarden"]["t.V1.05.oordeel"], json!("voldoende"));
    assert_eq!(second["zekerheid"]["t.V1.05.oordeel"], json!(1.0));
    inzage_shows_the_decision(dir.path(), &sidecar, &name);
    let scanned = format!("uitslagen/scans/{name}.json");
    exits(
        toetsgen(dir.path()).args(["results", &scanned, "-o", "uitslagen/lijst"]),
        0,
        &[],
    );
}

/// The candidate's inzage PDF after the decision: a first page that lists what was read (V1.05
/// decided by the office), then each scanned form page upright, the box decided as ticked framed
/// in blue and a box read as ticked framed in green (looked for in the PDF rendered back).
fn inzage_shows_the_decision(dir: &Path, sidecar: &Sidecar, name: &str) {
    let pdf = dir.join(format!("uitslagen/scans/inzage/{name}.pdf"));
    let out = run(Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-"));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("Inzage: uw beoordelingsformulier"), "{text}");
    assert!(text.contains("2026-0101 Jan Jansen"), "{text}");
    let row = text.lines().find(|l| l.contains("V1.05")).unwrap();
    assert!(row.contains("deels beslist door het examenbureau"), "{row}");
    let form = (sidecar.documenten.iter())
        .find(|d| d.document == "beoordelingsformulier")
        .unwrap();
    let pages = crate::common::pdf_pages(&pdf);
    assert_eq!(
        pages,
        1 + form.paginas as usize,
        "a first page, then every form page"
    );
    let frame = |veld: &str, waarde: Option<&str>| -> (u8, u8, u8) {
        let b = (form.vakjes.iter())
            .find(|b| b.veld == veld && b.waarde.as_deref() == waarde)
            .unwrap();
        let page = 1 + b.pagina;
        let stem = dir.join(format!("inzage-{page}"));
        run(Command::new("pdftoppm")
            .args(["-png", "-singlefile", "-r", "144", "-f", &page.to_string()])
            .args(["-l", &page.to_string()])
            .arg(&pdf)
            .arg(&stem));
        let img = image::open(stem.with_extension("png")).unwrap().to_rgb8();
        // The frame runs 2.5 pt outside the box, 1.5 pt wide: its left side at mid-height.
        let (x, y) = ((b.x - 2.0) * 2.0, (b.y + form.geometrie.vakje / 2.0) * 2.0);
        let p = img.get_pixel(x as u32, y as u32);
        (p[0], p[1], p[2])
    };
    let (r, g, bl) = frame("t.V1.05.oordeel", Some("voldoende"));
    assert!(bl > 120 && r < 80, "blue frame: {:?}", (r, g, bl));
    let (r, g, bl) = frame("t.V1.01.oordeel", Some("voldoende"));
    assert!(
        g > 90 && r < 80 && bl < 100,
        "green frame: {:?}",
        (r, g, bl)
    );
}
