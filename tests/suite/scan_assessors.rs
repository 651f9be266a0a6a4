//! Two assessors judge one candidate, each on their own paper form: the packet prints a form per
//! assessor, the two are scanned mixed up (the second assessor's pages first, in reverse), and
//! `toetsgen scan` writes each assessor's form with exactly what that assessor ticked — never a
//! value of one on the other's — and one inzage PDF with both (its scanned pages counted by
//! poppler's pdfimages). A second run over the same scans
//! writes the same bytes (forms, review page, handwriting, inzage PDF), and `uitslagen` pairs the
//! two forms.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use toetsgen::document::packet::scan::Sidecar;

use crate::common::{exits, run, toetsgen};
use crate::scan_command::{chosen, fill_in_form, packet_of};

const SESSION: &str = "2026-12-11-breda";

/// A project with V1 and a session of one candidate and two assessors, its packet made.
fn packet() -> (tempfile::TempDir, Sidecar) {
    packet_of(
        SESSION,
        "plan: V1\ndatum: 2026-12-11\nlocatie: Stadskantoor Breda\nbeoordelaars: [Annelies de Vries, Bram Peeters]\nkandidaten:\n  - {naam: Jan Jansen, nummer: \"2026-0101\"}\n",
    )
}

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap().to_owned();
            out.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    out
}

/// Each assessor's form read with that assessor's ticks; one inzage with both; same bytes twice.
#[test]
fn two_assessors_forms_stay_apart() {
    let (dir, sidecar) = packet();
    let forms: Vec<_> = (sidecar.documenten.iter())
        .filter(|d| d.document == "beoordelingsformulier")
        .collect();
    assert_eq!(forms.len(), 2, "a form per assessor");
    let first = chosen(&sidecar);
    let mut second = first.clone();
    second.insert("t.V1.09.oordeel".to_owned(), json!("voldoende"));
    second.insert(
        "t.V1.04.w2".to_owned(),
        json!(!first["t.V1.04.w2"].as_bool().unwrap()),
    );
    let pdf = dir.path().join(format!("pakketten/{SESSION}.pdf"));
    std::fs::create_dir_all(dir.path().join("scans")).unwrap();
    let mut scans = Vec::new();
    for (form, values) in forms.iter().zip([&first, &second]).rev() {
        for p in (0..form.paginas).rev() {
            let b = form.beoordelaar.unwrap();
            let to = dir.path().join(format!("scans/b{b}-{}.png", p + 1));
            fill_in_form(&pdf, form.eerste_pagina + p, form, (values, &[]), &to);
            scans.push(to);
        }
    }
    let scan = || {
        let mut cmd = toetsgen(dir.path());
        cmd.arg("scan").args(&scans);
        exits(&mut cmd, 0, &[]);
    };
    scan();
    let out = dir.path().join("uitslagen/scans");
    for (b, values) in [(1, &first), (2, &second)] {
        let path = out.join(format!("{SESSION}-2026-0101-b{b}.json"));
        let read: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(read["beoordelaar"], json!(b));
        assert_eq!(read["twijfel"], json!([]));
        for (key, value) in values {
            assert_eq!(&read["waarden"][key], value, "assessor {b}, {key}");
        }
        let pages = read["scan"]["paginas"].as_array().unwrap();
        assert!(pages.iter().all(|p| {
            let file = p["bestand"].as_str().unwrap();
            file.contains(&format!("scans/b{b}-"))
        }));
    }
    let inzage = out.join(format!("inzage/{SESSION}-2026-0101.pdf"));
    let form_pages: u32 = forms.iter().map(|f| f.paginas).sum();
    let list = run(std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&inzage));
    let images = String::from_utf8_lossy(&list.stdout)
        .lines()
        .skip(2)
        .count();
    assert_eq!(
        images, form_pages as usize,
        "every page of both forms, scanned"
    );
    assert!(crate::common::pdf_pages(&inzage) > form_pages as usize);
    let text = crate::common::pdf_text(&inzage);
    assert!(text.contains("Wat is gelezen (beoordelaar 1)"), "{text}");
    assert!(text.contains("Wat is gelezen (beoordelaar 2)"), "{text}");
    let before = files(&out);
    scan();
    assert_eq!(files(&out), before, "the same scans give the same bytes");
    let b1 = format!("uitslagen/scans/{SESSION}-2026-0101-b1.json");
    let b2 = format!("uitslagen/scans/{SESSION}-2026-0101-b2.json");
    exits(
        toetsgen(dir.path()).args(["results", &b1, &b2, "-o", "uitslagen/lijst"]),
        0,
        &[],
    );
    let list = std::fs::read_to_string(dir.path().join("uitslagen/lijst.csv")).unwrap();
    assert_eq!(list.lines().count(), 2, "one row for the candidate: {list}");
}
