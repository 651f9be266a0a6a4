//! A blank beoordelingsformulier printed from the site, filled in by hand and scanned: the
//! published PDF carries marks and page codes without a candidate, its layout is published
//! beside it, and `toetsgen scan` reads it into a saved form with the values ticked and the
//! kandidaatnummer to decide; the review page asks for it, beside what the assessor wrote on
//! the number line, the decision saved gives it, and
//! `uitslagen` takes the form only then. Pages of a blank form out of their order are reported
//! with file and page, exit 1.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use toetsgen::document::packet::scan::Sidecar;

use crate::common::{exits, seed_v1, toetsgen};
use crate::scan_command::{chosen, fill_in, write_in};

/// A project with V1 built (md, html, pdf), and the layout published beside its form.
fn site() -> (tempfile::TempDir, Sidecar) {
    let dir = crate::common::project(&[&seed_v1()]);
    exits(toetsgen(dir.path()).args(["build"]), 0, &[]);
    let json = std::fs::read(dir.path().join("output/V1/beoordelingsformulier.scan.json")).unwrap();
    (dir, serde_json::from_slice(&json).unwrap())
}

/// The published form's pages ticked by the test's pen (assessor 1 too), one PNG a page, in
/// page order.
fn scans(dir: &Path, sidecar: &Sidecar, values: &serde_json::Map<String, Value>) -> Vec<PathBuf> {
    let pdf = dir.join("output/V1/beoordelingsformulier.pdf");
    std::fs::create_dir_all(dir.join("scans")).unwrap();
    (1..=sidecar.documenten[0].paginas)
        .map(|p| {
            let to = dir.join(format!("scans/blad-{p}.png"));
            fill_in(&pdf, p, sidecar, (values, &[("beoordelaar", "1")]), &to);
            to
        })
        .collect()
}

/// Read, decided and taken: the values ticked on a blank form are read, its candidate is asked
/// and given by a decision, and `uitslagen` refuses the form until then.
#[test]
fn a_blank_form_from_the_site_is_read_and_its_candidate_decided() {
    let (dir, sidecar) = site();
    assert!(sidecar.is_published() && sidecar.documenten.len() == 1);
    assert!(sidecar.documenten[0].kandidaat.is_none());
    let values = chosen(&sidecar);
    let files = scans(dir.path(), &sidecar, &values);
    write_in(&files, &sidecar, "kandidaatnummer");
    let name = "V1-blanco-blad-1-p1";
    let form = dir.path().join(format!("uitslagen/scans/{name}.json"));
    let read = || -> Value {
        exits(toetsgen(dir.path()).arg("scan").args(&files), 0, &[]);
        serde_json::from_slice(&std::fs::read(&form).unwrap()).unwrap()
    };
    let first = read();
    assert_eq!(first["kandidaatnummer"], json!(""));
    assert_eq!(first["twijfel"], json!(["kandidaatnummer"]));
    assert_eq!(first["beoordelaar"], json!(1), "the assessor box ticked");
    for (key, value) in &values {
        assert_eq!(&first["waarden"][key], value, "{key}");
    }
    let bytes = std::fs::read(&form).unwrap();
    read();
    assert_eq!(
        std::fs::read(&form).unwrap(),
        bytes,
        "same scans, same bytes"
    );
    let review =
        std::fs::read_to_string(dir.path().join("uitslagen/scans/scan-controle.html")).unwrap();
    let html = scraper::Html::parse_document(&review);
    let input = scraper::Selector::parse("fieldset[data-veld=kandidaatnummer] input[type=text]");
    let input = html.select(&input.unwrap()).next().expect("a text field");
    let id = input.value().attr("id").unwrap();
    let label = scraper::Selector::parse(&format!("label[for={id}]")).unwrap();
    assert!(
        html.select(&label).next().is_some(),
        "the field is labelled"
    );
    // What the assessor wrote on the number line is shown; the empty name line is not.
    let image = format!("handschrift/{name}/kandidaatnummer.png");
    assert_eq!(first["handschrift"], json!({"kandidaatnummer": image}));
    let shown = scraper::Selector::parse("fieldset[data-veld=kandidaatnummer] figure img[alt]");
    assert_eq!(html.select(&shown.unwrap()).count(), 1);
    let scanned = format!("uitslagen/scans/{name}.json");
    let results = ["results", scanned.as_str(), "-o", "uitslagen/lijst"];
    exits(toetsgen(dir.path()).args(results), 1, &["not known yet"]);
    let decisions = json!({"formaat": "toetsgen-scan-besluiten", "besluiten": {name: {"kandidaatnummer": " 2026-0107 "}}});
    std::fs::write(
        dir.path().join("uitslagen/scans/scan-besluiten.json"),
        decisions.to_string(),
    )
    .unwrap();
    let second = read();
    assert_eq!(second["kandidaatnummer"], json!("2026-0107"));
    assert_eq!(second["twijfel"], json!([]));
    assert_eq!(second["besloten"], json!(["kandidaatnummer"]));
    exits(toetsgen(dir.path()).args(results), 0, &[]);
    let list = std::fs::read_to_string(dir.path().join("uitslagen/lijst.csv")).unwrap();
    assert!(
        list.contains("2026-0107") && list.contains("niet geslaagd"),
        "{list}"
    );
}

/// A blank form's pages carry no candidate: scanned out of their order they cannot be put
/// together, and each is named with its file and page (exit 1); nothing is written for them.
#[test]
fn a_blank_forms_pages_out_of_order_are_named() {
    let (dir, sidecar) = site();
    let values = chosen(&sidecar);
    let mut files = scans(dir.path(), &sidecar, &values);
    files.swap(0, 1);
    let (_, stderr) = exits(toetsgen(dir.path()).arg("scan").args(&files), 1, &[]);
    let shown: Vec<String> = (stderr.lines())
        .filter(|l| l.starts_with("error:"))
        .map(|l| l.replace(&format!("{}/", dir.path().display()), ""))
        .collect();
    let shown = shown.join("\n");
    insta::assert_snapshot!("blank_form_out_of_order", shown);
    assert!(
        !dir.path().join("uitslagen/scans").exists() || {
            let names: Vec<_> = std::fs::read_dir(dir.path().join("uitslagen/scans"))
                .unwrap()
                .collect();
            names.is_empty()
        }
    );
}
