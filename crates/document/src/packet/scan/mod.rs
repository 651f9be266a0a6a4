//! What makes a printed packet readable by `toetsgen scan`: every page carries corner marks and a
//! QR code saying what the page is ([`code`]), drawn by `_scan.typ.tera`; the positions of its
//! boxes and handwritten fields come from the packet's own source ([`layout`]), read before it
//! is compiled. A packet is made in two typst runs over the same source: the first reads the
//! layout (`typst eval`, [`layout::QUERY`]), then [`codes`] makes each page's QR code from it
//! and the second run compiles the PDF with the codes in the pages' foreground, which moves
//! nothing. The layout and the codes are kept beside the packet ([`Sidecar`]): the reader looks
//! for boxes where this very run put them.
//!
//! The published beoordelingsformulier PDF ([`scannable`]) carries the same marks and codes,
//! without session, candidate or assessor, so that a blank form printed from the site can be
//! scanned too: the build reads its layout in the same two runs (its codes in
//! [`published_codes_file`]) and publishes it beside the PDF ([`Sidecar::published`]); it holds
//! no personal data.

pub mod code;
pub mod layout;

use chrono::NaiveDate;
use qrcode::{Color, EcLevel, QrCode};
use serde::{Deserialize, Serialize};

use code::{PageCode, document_code, session_code};
use layout::DocumentLayout;

/// Where the QR codes are in the packet's scratch root: `{ "<deel>": ["<svg>", …] }`, read by
/// `_scan.typ.tera`.
pub const CODES_FILE: &str = "scan/codes.json";

/// What a scan needs to know of one packet, written beside it (`<packet>.scan.json`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Sidecar {
    /// Always `toetsgen-scan`.
    pub formaat: String,
    /// The format's version: 1.
    pub formaatversie: u32,
    /// The plan's code.
    pub plan: String,
    /// The plan's version.
    pub versie: NaiveDate,
    /// The session's name (its file name without extension); `None` for a published form.
    pub sessie: Option<String>,
    /// The session's short hash, as its pages carry it; `None` for a published form.
    pub sessie_code: Option<String>,
    /// Each document of the packet, in order.
    pub documenten: Vec<DocumentLayout>,
}

/// The value of [`Sidecar::formaat`].
pub const FORMAAT: &str = "toetsgen-scan";

impl Sidecar {
    /// The sidecar of a packet of `plan` at `versie` for the session `sessie`.
    pub fn new(
        plan: &str,
        versie: NaiveDate,
        sessie: &str,
        documenten: Vec<DocumentLayout>,
    ) -> Self {
        Sidecar {
            formaat: FORMAAT.to_owned(),
            formaatversie: 1,
            plan: plan.to_owned(),
            versie,
            sessie: Some(sessie.to_owned()),
            sessie_code: Some(session_code(sessie)),
            documenten,
        }
    }

    /// The layout of a published form of `plan` at `versie` (no session, no candidate): written
    /// beside its PDF in the output folder.
    pub fn published(plan: &str, versie: NaiveDate, documenten: Vec<DocumentLayout>) -> Self {
        Sidecar {
            formaat: FORMAAT.to_owned(),
            formaatversie: 1,
            plan: plan.to_owned(),
            versie,
            sessie: None,
            sessie_code: None,
            documenten,
        }
    }

    /// Whether this is the layout of a published form (its pages carry no session).
    pub fn is_published(&self) -> bool {
        self.sessie.is_none()
    }

    /// The QR codes of a published form's pages as SVG, in page order (the file
    /// [`published_codes_file`] that its source reads).
    pub fn published_codes(&self) -> String {
        let pages: Vec<serde_json::Value> = (self.documenten.iter())
            .flat_map(|doc| (1..=doc.paginas).map(move |p| (doc, p)))
            .map(|(doc, p)| svg(&self.page_code(doc, p).text()).into())
            .collect();
        serde_json::Value::Array(pages).to_string()
    }

    /// Whether `bytes` are a sidecar toetsgen wrote (its format named at its start).
    pub fn is_sidecar(bytes: &[u8]) -> bool {
        let start = &bytes[..bytes.len().min(64)];
        let marker = format!("\"formaat\": \"{FORMAAT}\"");
        start.windows(marker.len()).any(|w| w == marker.as_bytes())
    }

    /// The sidecar as the JSON file written beside the packet.
    pub fn json(&self) -> Vec<u8> {
        let mut json = serde_json::to_vec_pretty(self).expect("a sidecar is plain data");
        json.push(b'\n');
        json
    }

    /// The code of page `pagina` (from 1) of `doc`.
    pub fn page_code(&self, doc: &DocumentLayout, pagina: u32) -> PageCode {
        PageCode {
            plan: self.plan.clone(),
            versie: self.versie,
            document: document_code(&doc.document),
            pagina,
            paginas: doc.paginas,
            sessie: self.sessie_code.clone(),
            kandidaat: doc.kandidaat.clone(),
            beoordelaar: doc.beoordelaar,
            opmaak: doc.opmaak.clone(),
        }
    }

    /// The contents of [`CODES_FILE`]: every page's QR code as SVG, per document.
    pub fn codes(&self) -> String {
        let mut map = serde_json::Map::new();
        for doc in &self.documenten {
            let pages: Vec<serde_json::Value> = (1..=doc.paginas)
                .map(|p| svg(&self.page_code(doc, p).text()).into())
                .collect();
            map.insert(doc.deel.to_string(), pages.into());
        }
        serde_json::Value::Object(map).to_string()
    }
}

/// Whether the published PDF of the document `naam` carries scan marks and page codes: the
/// beoordelingsformulier, the form an assessor fills in by hand.
pub fn scannable(naam: &str) -> bool {
    naam == "beoordelingsformulier"
}

/// Where, in typst's root, the page codes of the published document `naam` of `plan` at
/// `versie` (ISO) are for its source to read: `scan/V1-2021-09-01-beoordelingsformulier.json`.
pub fn published_codes_file(plan: &str, versie: &str, naam: &str) -> String {
    format!("scan/{plan}-{versie}-{naam}.json")
}

/// The modules of quiet zone around a QR code (the page around it is blank as well).
const QUIET: usize = 2;

/// A QR code of `text` as SVG, one unit per module, its quiet zone included: error correction
/// level M (15 % of the code may be lost), the smallest version that holds the text.
pub fn svg(text: &str) -> String {
    let Ok(code) = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M) else {
        // A page code is short; one that does not fit is a bug in `PageCode`.
        unreachable!("a page code always fits a QR code");
    };
    let width = code.width();
    let size = width + 2 * QUIET;
    let mut path = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The SVG is square, with the quiet zone, and as many dark modules as the code has.
    #[test]
    fn svg_of_a_code() {
        let text = "TG1:V1:20210901:BF:3/4:5F0C2A:2026-0012:1:9C1E3F0A";
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).unwrap();
        let size = code.width() + 2 * QUIET;
        let svg = svg(text);
        assert!(svg.contains(&format!("viewBox=\"0 0 {size} {size}\"")));
        let dark = code
            .to_colors()
            .iter()
            .filter(|c| **c == Color::Dark)
            .count();
        assert_eq!(svg.matches('z').count(), dark);
    }
}
