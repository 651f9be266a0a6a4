//! Where everything a scan reads is on a packet's pages, as typst laid it out: read from the
//! packet's own source by `typst eval` ([`QUERY`]) before the source is compiled, so the
//! positions are those of the document that is printed. Positions are in points (1/72 inch)
//! from the top left corner of the page; a box's position is that of its top left corner.

use anyhow::{Context as _, Result, bail};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use toetsgen_base::msg;

/// The Typst expression `typst eval --in <packet>` evaluates: the metadata `_scan.typ.tera` and
/// `merk`/`schrift` in `_base.typ.tera` leave, each with the page and the point it was laid out at.
pub const QUERY: &str = "(
  documenten: query(<scan-document>).map(m => (..m.value, pagina: locate(m.location()).page())),
  einden: query(<scan-einde>).map(m => (deel: m.value, pagina: locate(m.location()).page())),
  vakjes: query(<scan-vakje>).map(m => { let p = locate(m.location()).position(); (..m.value, pagina: p.page, x: p.x.pt(), y: p.y.pt()) }),
  velden: query(<scan-veld>).map(m => { let p = locate(m.location()).position(); (..m.value, pagina: p.page, x: p.x.pt(), y: p.y.pt()) }),
  einden_velden: query(<scan-veld-einde>).map(m => { let p = locate(m.location()).position(); (..m.value, pagina: p.page, x: p.x.pt(), y: p.y.pt()) }),
)";

/// What [`QUERY`] gives.
#[derive(Debug, Deserialize)]
struct Raw {
    documenten: Vec<RawDocument>,
    einden: Vec<RawEnd>,
    vakjes: Vec<Place>,
    velden: Vec<Place>,
    /// Where each handwritten field ends (its bottom right), in the order of `velden`; absent in
    /// the layout of a source without them.
    #[serde(default)]
    einden_velden: Vec<Place>,
}

/// Where a document begins, what it is, and its geometry.
#[derive(Debug, Deserialize)]
struct RawDocument {
    deel: usize,
    document: String,
    kandidaat: Option<String>,
    beoordelaar: Option<u8>,
    breedte: f64,
    hoogte: f64,
    hoek: f64,
    rand: f64,
    qr: f64,
    #[serde(rename = "qr-rand")]
    qr_rand: f64,
    vakje: f64,
    pagina: u32,
}

/// The last page of a document.
#[derive(Debug, Deserialize)]
struct RawEnd {
    deel: usize,
    pagina: u32,
}

/// A box or the start of a handwritten field, where it was laid out.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Place {
    /// What it is: the saved form's key (`t.V1.01.w1`, `t.V1.01.oordeel`, …).
    pub veld: String,
    /// For one of several boxes of the same key: the value ticking it gives (`voldoende`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waarde: Option<String>,
    /// The page: in the packet while reading, then within its document (from 1).
    pub pagina: u32,
    /// Points from the page's left edge.
    pub x: f64,
    /// Points from the page's top edge.
    pub y: f64,
    /// A handwritten field's width in points (from its start to the bottom right corner of the
    /// cell or box that holds it), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breedte: Option<f64>,
    /// A handwritten field's height in points, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hoogte: Option<f64>,
}

/// The page geometry of a document, in points: the page, the corner marks (squares of `hoek`,
/// `rand` from the page's edges) and the QR code (a square of `qr`, centred, `qr_rand` above the
/// bottom edge), and the size of a box.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct Geometry {
    /// The page's width.
    pub breedte: f64,
    /// The page's height.
    pub hoogte: f64,
    /// The corner marks' size.
    pub hoek: f64,
    /// The corner marks' distance from the page's edges.
    pub rand: f64,
    /// The QR code's size, its quiet zone included.
    pub qr: f64,
    /// The QR code's distance from the bottom edge.
    pub qr_rand: f64,
    /// A box's size.
    pub vakje: f64,
}

/// One document of a packet and where its boxes and fields are.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct DocumentLayout {
    /// Its place in the packet (from 1).
    pub deel: usize,
    /// Its name (`beoordelingsformulier`).
    pub document: String,
    /// The candidate's number, on a candidate's document.
    pub kandidaat: Option<String>,
    /// The assessor, on a form of one of two assessors.
    pub beoordelaar: Option<u8>,
    /// Its first page in the packet.
    pub eerste_pagina: u32,
    /// Its number of pages.
    pub paginas: u32,
    /// Its page geometry.
    pub geometrie: Geometry,
    /// Its boxes, pages counted within the document.
    pub vakjes: Vec<Place>,
    /// Where its handwritten fields begin (and each toetsterm's row, `waarde` "rij").
    pub velden: Vec<Place>,
    /// The hash of all the above but `deel`, `eerste_pagina` and the candidate: the same form
    /// laid out the same way has the same hash in any packet.
    pub opmaak: String,
}

/// Reads what [`QUERY`] gave for a packet.
pub fn parse(json: &[u8]) -> Result<Vec<DocumentLayout>> {
    let raw: Raw = serde_json::from_slice(json).context(msg!("document-scan-layout-unreadable"))?;
    let mut out = Vec::with_capacity(raw.documenten.len());
    for doc in &raw.documenten {
        let Some(end) = raw.einden.iter().find(|e| e.deel == doc.deel) else {
            bail!(msg!("document-scan-layout-no-end", deel = doc.deel));
        };
        let (first, last) = (doc.pagina, end.pagina);
        if last < first {
            bail!(msg!("document-scan-layout-no-end", deel = doc.deel));
        }
        let within = |places: &[Place]| -> Vec<Place> {
            (places.iter())
                .filter(|p| p.pagina >= first && p.pagina <= last)
                .map(|p| Place {
                    pagina: p.pagina - first + 1,
                    x: round(p.x),
                    y: round(p.y),
                    ..p.clone()
                })
                .collect()
        };
        let geometrie = Geometry {
            breedte: round(doc.breedte),
            hoogte: round(doc.hoogte),
            hoek: round(doc.hoek),
            rand: round(doc.rand),
            qr: round(doc.qr),
            qr_rand: round(doc.qr_rand),
            vakje: round(doc.vakje),
        };
        let mut layout = DocumentLayout {
            deel: doc.deel,
            document: doc.document.clone(),
            kandidaat: doc.kandidaat.clone(),
            beoordelaar: doc.beoordelaar,
            eerste_pagina: first,
            paginas: last - first + 1,
            geometrie,
            vakjes: within(&raw.vakjes),
            velden: within(&sized(&raw.velden, &raw.einden_velden)),
            opmaak: String::new(),
        };
        layout.opmaak = opmaak(&layout);
        out.push(layout);
    }
    Ok(out)
}

/// The handwritten fields with their size: each start is paired with the first end not yet
/// taken of the same field on the same page, below and right of it (typst lists both in the
/// order of the document). A start without such an end keeps no size.
fn sized(starts: &[Place], ends: &[Place]) -> Vec<Place> {
    let mut taken = vec![false; ends.len()];
    (starts.iter())
        .map(|start| {
            let end = (ends.iter().enumerate()).find(|(i, e)| {
                !taken[*i]
                    && e.veld == start.veld
                    && e.waarde == start.waarde
                    && e.pagina == start.pagina
                    && e.x >= start.x
                    && e.y >= start.y
            });
            let mut place = start.clone();
            if let Some((i, end)) = end {
                taken[i] = true;
                place.breedte = Some(round(end.x - start.x));
                place.hoogte = Some(round(end.y - start.y));
            }
            place
        })
        .collect()
}

/// The layout hash of a document: its geometry, page count, boxes and fields.
fn opmaak(layout: &DocumentLayout) -> String {
    let shape = (
        &layout.document,
        layout.paginas,
        &layout.geometrie,
        &layout.vakjes,
        &layout.velden,
    );
    let bytes = serde_json::to_vec(&shape).unwrap_or_default();
    short_hash(&bytes, 8)
}

/// The first `n` hexadecimal digits (upper case: QR's alphanumeric mode) of the SHA-256 of `bytes`.
pub(crate) fn short_hash(bytes: &[u8], n: usize) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02X}")).collect();
    hex[..n.min(hex.len())].to_owned()
}

/// A position to a hundredth of a point (the same on every machine).
fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &str = r#"{
      "documenten": [
        {"deel": 4, "document": "beoordelingsformulier", "kandidaat": "12", "beoordelaar": null,
         "breedte": 841.89, "hoogte": 595.28, "hoek": 14.17, "rand": 14.17, "qr": 46.77,
         "qr-rand": 14.17, "vakje": 9.07, "pagina": 7}
      ],
      "einden": [{"deel": 4, "pagina": 8}],
      "vakjes": [
        {"veld": "t.V1.01.w1", "pagina": 7, "x": 100.004, "y": 200.0},
        {"veld": "t.V1.01.oordeel", "waarde": "voldoende", "pagina": 8, "x": 1, "y": 2},
        {"veld": "elders", "pagina": 9, "x": 1, "y": 2}
      ],
      "velden": [
        {"veld": "feedback.sterke_punten", "pagina": 8, "x": 50, "y": 300},
        {"veld": "handtekening.kandidaat", "pagina": 8, "x": 60, "y": 500}
      ],
      "einden_velden": [
        {"veld": "feedback.sterke_punten", "pagina": 8, "x": 550.5, "y": 368}
      ]
    }"#;

    /// Pages are counted within the document, positions rounded, other documents' boxes left out,
    /// and the layout hash does not depend on where the document sits in the packet.
    #[test]
    fn reads_a_document() {
        let docs = parse(JSON.as_bytes()).unwrap();
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!((d.eerste_pagina, d.paginas), (7, 2));
        assert_eq!(d.vakjes.len(), 2);
        assert_eq!((d.vakjes[0].pagina, d.vakjes[0].x), (1, 100.0));
        assert_eq!(d.vakjes[1].waarde.as_deref(), Some("voldoende"));
        let moved = JSON.replace("\"pagina\": 7}", "\"pagina\": 17}");
        let moved = moved.replace("\"pagina\": 8}]", "\"pagina\": 18}]");
        let moved = moved.replace("\"pagina\": 7, \"x\"", "\"pagina\": 17, \"x\"");
        let moved = moved.replace("\"pagina\": 8, \"x\"", "\"pagina\": 18, \"x\"");
        let again = parse(moved.as_bytes()).unwrap();
        assert_eq!(again[0].eerste_pagina, 17);
        assert_eq!(again[0].opmaak, d.opmaak);
    }

    /// A handwritten field has the size from its start to its end; one without an end has none.
    #[test]
    fn handwritten_fields_have_their_size() {
        let d = &parse(JSON.as_bytes()).unwrap()[0];
        assert_eq!(d.velden.len(), 2);
        assert_eq!(
            (d.velden[0].breedte, d.velden[0].hoogte),
            (Some(500.5), Some(68.0))
        );
        assert_eq!((d.velden[1].breedte, d.velden[1].hoogte), (None, None));
    }

    /// A document without its end is an error, not a guess.
    #[test]
    fn a_document_needs_its_end() {
        let broken = JSON.replace("\"deel\": 4, \"pagina\": 8", "\"deel\": 5, \"pagina\": 8");
        assert!(parse(broken.as_bytes()).is_err());
    }
}
