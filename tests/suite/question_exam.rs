//! A plan judged by questions (`beoordeling.soort: vragen`, the fixture B2) gets documents that
//! speak of questions and scores: a score form instead of an observation form, a toetsmatrijs in
//! the toetsplan and the instructie, and an opdracht with the questions, time, aids and cut-off.
//! Read back from every format: Markdown as written, HTML with a parser, PDF with pdftotext.

use std::path::Path;

use crate::common::{build_ok, collapse, fixture, html_text, pdf_text, project};
use scraper::{Html, Selector};

/// Builds B2 in all formats; returns the project folder.
fn build_b2() -> tempfile::TempDir {
    let dir = project(&[&fixture("plans/B2-theorie.yaml")]);
    build_ok(dir.path(), &[]);
    dir
}

/// The document's text in each format: (format, text).
fn texts(out: &Path, doc: &str) -> Vec<(&'static str, String)> {
    let md = std::fs::read_to_string(out.join(format!("{doc}.md"))).unwrap();
    vec![
        ("md", collapse(&md.replace('*', "").replace('|', " "))),
        ("html", html_text(&out.join(format!("{doc}.html")))),
        ("pdf", pdf_text(&out.join(format!("{doc}.pdf")))),
    ]
}

/// The beoordelingsformulier of a question exam is a score form in every format: a box per
/// toetsterm out of its questions, subtotals, the total and the cut-off applied to geslaagd /
/// niet geslaagd (the Markdown pinned whole; the HTML and PDF read back for the same facts); no
/// observation column and no onvoldoende/voldoende choice anywhere.
#[test]
fn score_form_in_every_format() {
    let dir = build_b2();
    let out = dir.path().join("output/B2");
    let md = std::fs::read_to_string(out.join("beoordelingsformulier.md")).unwrap();
    insta::assert_snapshot!("score_form_md", md);
    for (format, text) in texts(&out, "beoordelingsformulier") {
        for absent in ["voldoende", "Waarneming", "Oordeel"] {
            assert!(
                !text.contains(absent),
                "{format}: `{absent}` in the score form"
            );
        }
        if format == "md" {
            continue;
        }
        for needle in [
            "B2.01 Kent de wettelijke termijnen voor aangifte van geboorte. K 3",
            "Subtotaal 1. Geboorte en naam",
            "van 12",
            "van 6",
            "van 15",
            "van 13",
            "Aantal vragen goed:",
            "van de 40",
            "De kandidaat is geslaagd met ten minste 28 van de 40 vragen goed.",
            "Geslaagd (28 of meer goed)",
            "Niet geslaagd (27 of minder goed)",
            "Naam kandidaat",
        ] {
            assert!(
                text.contains(needle),
                "{format}: `{needle}` missing in {text}"
            );
        }
    }
    let html = Html::parse_document(
        &std::fs::read_to_string(out.join("beoordelingsformulier.html")).unwrap(),
    );
    let boxes = Selector::parse("table.score tr:not(.subtotaal) td.goed").unwrap();
    assert_eq!(
        html.select(&boxes).count(),
        9,
        "one score box per toetsterm"
    );
}

/// The toetsplan's toetsmatrijs (HTML, parsed): each onderdeel's subtotal is the sum of its rows,
/// the total row equals totaal_opdrachten (40), and each level's total the sum of its column.
#[test]
fn toetsmatrijs_totals_equal_totaal_opdrachten() {
    let dir = build_b2();
    let out = dir.path().join("output/B2");
    let html = Html::parse_document(&std::fs::read_to_string(out.join("toetsplan.html")).unwrap());
    let rows = Selector::parse("table.toetsmatrijs tr").unwrap();
    let cells = Selector::parse("td").unwrap();
    let mut column_sums = [0u32; 5];
    let mut onderdeel = [0u32; 5];
    let mut totaal = None;
    for row in html.select(&rows) {
        let class = row.value().attr("class").unwrap_or("");
        let values: Vec<u32> = (row.select(&cells))
            .map(|c| c.text().collect::<String>().trim().parse().unwrap_or(0))
            .collect();
        match class {
            "onderdeel" => onderdeel = [0; 5],
            "subtotaal" => assert_eq!(values, onderdeel, "a subtotal is the sum of its rows"),
            "totaal" => totaal = Some(values),
            _ if values.len() == 5 => {
                for k in 0..5 {
                    onderdeel[k] += values[k];
                    column_sums[k] += values[k];
                }
            }
            _ => {}
        }
    }
    let totaal = totaal.expect("a Totaal row");
    assert_eq!(totaal, column_sums.to_vec());
    assert_eq!(
        totaal[4], 40,
        "the toetsmatrijs total equals totaal_opdrachten"
    );
    assert_eq!(
        totaal[..4],
        [23, 14, 9, 0],
        "K, B, RV, PV (B2.04 counts under K and B)"
    );
    for doc in ["toetsplan", "instructie-beoordelaar"] {
        for (format, text) in texts(&out, doc) {
            assert!(text.contains("Toetsmatrijs"), "{doc}.{format}");
            assert!(text.contains("Totaal 23 14 9 40"), "{doc}.{format}: {text}");
            assert!(
                text.contains("telt mee bij elk van zijn niveaus"),
                "{doc}.{format}"
            );
        }
    }
}

/// The opdracht tells the candidate, in every format, the number of questions, the time, the
/// aids and the cut-off (the Markdown pinned whole); the instructie speaks to whoever
/// supervises; observation wording is gone.
#[test]
fn opdracht_and_instructie_speak_of_questions() {
    let dir = build_b2();
    let out = dir.path().join("output/B2");
    let md = std::fs::read_to_string(out.join("opdracht-kandidaat.md")).unwrap();
    insta::assert_snapshot!("opdracht_md", md);
    for (format, text) in texts(&out, "opdracht-kandidaat") {
        assert!(!text.contains("voldoende"), "opdracht.{format}");
        if format == "md" {
            continue;
        }
        for needle in [
            "De toets heeft 40 vragen.",
            "90 minuten",
            "Hulpmiddelen: Geen",
            "Als je ten minste 28 van de 40 vragen goed hebt.",
            "in de BRP worden opgenomen. (6 vragen, K, B)",
        ] {
            assert!(
                text.contains(needle),
                "opdracht.{format}: `{needle}` missing in {text}"
            );
        }
    }
    for (format, text) in texts(&out, "instructie-beoordelaar") {
        assert!(
            text.contains("surveillant of beoordelaar"),
            "instructie.{format}"
        );
        assert!(
            text.contains("met 27 of minder is de kandidaat niet geslaagd"),
            "instructie.{format}"
        );
        assert!(!text.contains("waarneem"), "instructie.{format}");
    }
}
