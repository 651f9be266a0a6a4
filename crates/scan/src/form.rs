//! A beoordelingsformulier read from a scan as the saved form the HTML form writes
//! (`formaat` `toetsgen-beoordelingsformulier`, `formaatversie` 2), so that `toetsgen uitslagen`
//! and `analyse` take it unchanged. Beside the values it says where they come from: `bron`
//! `scan`, `zekerheid` (how sure each value is, 0 to 1), `twijfel` (the fields a person must
//! decide: left empty, `null`, so the form is incomplete until then) and `scan` (the file and
//! page of each of its pages). The result the assessor ticked is `uitslag` (`geslaagd` or
//! `niet geslaagd`), where the screen form saves the assessor's choice. Handwritten fields are
//! not read as text: they stay empty here. A blank form from the site names no candidate: its
//! `kandidaatnummer` is empty and listed first under `twijfel` ([`KANDIDAATNUMMER`]), for the
//! office to decide on the review page.

use serde_json::{Map, Value, json};

use toetsgen_document::packet::scan::Sidecar;
use toetsgen_document::packet::scan::layout::DocumentLayout;

use crate::stack::StackDocument;
use crate::values::Reading;

/// What a session gives, when it is at hand: the candidate's name and gemeente, the assessor's
/// name and the date.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Naam kandidaat.
    pub kandidaat: String,
    /// Gemeente.
    pub gemeente: String,
    /// Naam beoordelaar.
    pub beoordelaar: String,
    /// The session's date (ISO).
    pub datum: String,
}

/// What `twijfel` lists when the form's candidate is not known (a blank form from the site).
pub const KANDIDAATNUMMER: &str = "kandidaatnummer";

/// What `twijfel` lists when a blank form's assessor (1 or 2, ticked on the form) is not read
/// for sure; until it is decided the form says assessor 1.
pub const BEOORDELAAR: &str = "beoordelaar";

/// The assessor a blank form's boxes say (`beoordelaar` 1 or 2, one ticked), if read for sure.
fn assessor_ticked(doc: &StackDocument) -> Option<u8> {
    let read = doc.velden.iter().find(|f| f.veld == BEOORDELAAR)?;
    match &read.waarde {
        Reading::Choice(n) => n.parse().ok().filter(|n| (1..=2).contains(n)),
        _ => None,
    }
}

/// The saved form of `doc` (a beoordelingsformulier) read from the stack.
pub fn saved_form(sidecar: &Sidecar, doc: &StackDocument, names: &Names) -> Value {
    let layout = &sidecar.documenten[doc.document];
    let (waarden, zekerheid, mut twijfel) = values(layout, doc);
    let beoordelaar = layout.beoordelaar.or_else(|| assessor_ticked(doc));
    if doc.blanco {
        if beoordelaar.is_none() {
            twijfel.insert(0, BEOORDELAAR.to_owned());
        }
        twijfel.insert(0, KANDIDAATNUMMER.to_owned());
    }
    let pages: Vec<Value> = (doc.pages.iter())
        .map(|(p, o)| json!({"pagina": p, "bestand": o.file.display().to_string(), "bestandspagina": o.page}))
        .collect();
    json!({
        "formaat": "toetsgen-beoordelingsformulier",
        "formaatversie": 2,
        "plan": sidecar.plan,
        "versie": sidecar.versie.to_string(),
        "soort": "waarnemingen",
        "kandidaatnummer": layout.kandidaat.clone().unwrap_or_default(),
        "beoordelaar": beoordelaar.unwrap_or(1),
        "kandidaat": {
            "naam": names.kandidaat,
            "gemeente": names.gemeente,
            "beoordelaar": names.beoordelaar,
            "datum": names.datum,
        },
        "bron": "scan",
        "waarden": waarden,
        "zekerheid": zekerheid,
        "twijfel": twijfel,
        "scan": {"sessie": sidecar.sessie, "paginas": pages},
    })
}

/// Every key of the form: boxes read (observations true/false, a choice's value, `null` when
/// doubtful) and handwritten fields (empty); how sure each value read is; the doubtful keys.
fn values(
    layout: &DocumentLayout,
    doc: &StackDocument,
) -> (Map<String, Value>, Map<String, Value>, Vec<String>) {
    let mut waarden = Map::new();
    let mut zekerheid = Map::new();
    let mut twijfel = Vec::new();
    for veld in &layout.velden {
        if veld.waarde.is_none() && is_text_key(&veld.veld) {
            waarden.insert(veld.veld.clone(), Value::String(String::new()));
        }
    }
    for b in &layout.vakjes {
        if !(b.veld.starts_with("t.") || b.veld == "uitslag") {
            continue;
        }
        let read = doc.velden.iter().find(|f| f.veld == b.veld);
        let value = match read.map(|f| &f.waarde) {
            Some(Reading::Tick(t)) => Value::Bool(*t),
            Some(Reading::Choice(c)) => Value::String(c.clone()),
            Some(Reading::Doubtful) | None => Value::Null,
        };
        if value.is_null() && !twijfel.contains(&b.veld) {
            twijfel.push(b.veld.clone());
        }
        zekerheid.insert(
            b.veld.clone(),
            json!(read.map_or(0.0, |f| round(f.zekerheid))),
        );
        waarden.insert(b.veld.clone(), value);
    }
    (waarden, zekerheid, twijfel)
}

/// Whether a handwritten field's key is one the saved form holds as text.
fn is_text_key(key: &str) -> bool {
    key.ends_with(".aandachtspunten")
        || key.ends_with(".sterke_punten")
        || key.starts_with("feedback.")
}

/// A share to three decimals (the same text on every machine).
fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stack::Origin;
    use crate::values::FieldReading;
    use chrono::NaiveDate;
    use std::collections::BTreeMap;
    use std::path::PathBuf;
    use toetsgen_document::packet::scan::layout::{Geometry, Place};

    fn place(veld: &str, waarde: Option<&str>) -> Place {
        Place {
            veld: veld.to_owned(),
            waarde: waarde.map(str::to_owned),
            pagina: 1,
            x: 0.0,
            y: 0.0,
            breedte: None,
            hoogte: None,
        }
    }

    /// A form read with one doubtful judgement is a saved form `uitslagen` reads, with the
    /// doubtful field `null` and listed, every value's certainty, and where its page was scanned.
    #[test]
    fn a_read_form_is_a_saved_form() {
        let layout = DocumentLayout {
            deel: 5,
            document: "beoordelingsformulier".to_owned(),
            kandidaat: Some("2026-0012".to_owned()),
            beoordelaar: Some(2),
            eerste_pagina: 11,
            paginas: 1,
            geometrie: Geometry {
                breedte: 841.89,
                hoogte: 595.28,
                hoek: 14.17,
                rand: 14.17,
                qr: 46.77,
                qr_rand: 14.17,
                vakje: 9.07,
            },
            vakjes: vec![
                place("t.V1.01.w1", None),
                place("t.V1.01.oordeel", Some("onvoldoende")),
                place("t.V1.01.oordeel", Some("voldoende")),
                place("t.V1.02.oordeel", Some("onvoldoende")),
                place("t.V1.02.oordeel", Some("voldoende")),
                place("uitslag", Some("geslaagd")),
                place("uitslag", Some("niet geslaagd")),
            ],
            velden: vec![
                place("t.V1.01", Some("rij")),
                place("t.V1.01.aandachtspunten", None),
                place("handtekening.kandidaat", None),
            ],
            opmaak: "X".to_owned(),
        };
        let sidecar = Sidecar::new(
            "V1",
            NaiveDate::from_ymd_opt(2021, 9, 1).unwrap(),
            "2026-12-03-den-haag",
            vec![layout],
        );
        let read = |veld: &str, waarde: Reading, zekerheid: f64| FieldReading {
            veld: veld.to_owned(),
            waarde,
            zekerheid,
        };
        let doc = StackDocument {
            sidecar: 0,
            document: 0,
            pages: BTreeMap::from([(
                1,
                Origin {
                    file: PathBuf::from("scan.pdf"),
                    page: 3,
                },
            )]),
            paginas: 1,
            crops: Vec::new(),
            velden: vec![
                read("t.V1.01.w1", Reading::Tick(true), 0.95),
                read(
                    "t.V1.01.oordeel",
                    Reading::Choice("voldoende".to_owned()),
                    0.9,
                ),
                read("t.V1.02.oordeel", Reading::Doubtful, 0.0),
            ],
            blanco: false,
        };
        let form = saved_form(&sidecar, &doc, &Names::default());
        let w = &form["waarden"];
        assert_eq!(w["t.V1.01.w1"], json!(true));
        assert_eq!(w["t.V1.01.oordeel"], json!("voldoende"));
        assert_eq!(w["t.V1.02.oordeel"], Value::Null);
        assert_eq!(w["t.V1.01.aandachtspunten"], json!(""));
        assert!(w.get("t.V1.01").is_none() && w.get("handtekening.kandidaat").is_none());
        assert_eq!(form["twijfel"], json!(["t.V1.02.oordeel", "uitslag"]));
        assert_eq!(form["zekerheid"]["t.V1.01.w1"], json!(0.95));
        assert_eq!(form["scan"]["paginas"][0]["bestandspagina"], json!(3));
        let parsed = toetsgen_uitslagen::parse_form(form.to_string().into_bytes()).unwrap();
        assert_eq!(parsed.nummer(), Some("2026-0012"));
        assert_eq!(parsed.beoordelaar, Some(2));
    }
}
