//! The text of a page's QR code: what a printed page of a packet is, readable by any QR reader:
//! `TG1:<plan>:<version>:<document>:<page>/<pages>:<session>:<candidate>:<assessor>:<layout>`,
//! e.g. `TG1:V1:20210901:BF:3/4:5F0C2A:2026-0012:1:9C1E3F0A`. The session is a short hash of
//! its file name (a page must not carry a location or a name), a missing session, candidate or
//! assessor is `-` (a published form printed from the site has none of the three:
//! `TG1:V1:20210901:BF:1/4:-:-:-:9C1E3F0A`; a field that is itself just `-` is written `%2D`, so
//! that `-` always means none), and the layout is the hash of where the document's boxes and fields are
//! ([`super::layout`]), so that paper printed from one run is never read with another run's
//! positions. Fields are kept to QR's alphanumeric characters where the plan allows; a `:` or `%`
//! inside a field is written `%3A` or `%25`.

use chrono::NaiveDate;

/// What opens every code, with the format's version.
const MAGIC: &str = "TG1";

/// What one printed page is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageCode {
    /// The plan's code.
    pub plan: String,
    /// The plan's version.
    pub versie: NaiveDate,
    /// The document, as its short code ([`document_code`]).
    pub document: String,
    /// The page within its document, from 1.
    pub pagina: u32,
    /// The document's number of pages.
    pub paginas: u32,
    /// The session's short hash ([`session_code`]), in a packet.
    pub sessie: Option<String>,
    /// The candidate's number, on a candidate's document.
    pub kandidaat: Option<String>,
    /// The assessor (1 or 2), on a form of one of two assessors.
    pub beoordelaar: Option<u8>,
    /// The document's layout hash.
    pub opmaak: String,
}

impl PageCode {
    /// The code's text.
    pub fn text(&self) -> String {
        let or_dash = |v: Option<String>| v.map_or_else(|| "-".to_owned(), |v| escape(&v));
        [
            MAGIC.to_owned(),
            escape(&self.plan),
            self.versie.format("%Y%m%d").to_string(),
            escape(&self.document),
            format!("{}/{}", self.pagina, self.paginas),
            or_dash(self.sessie.clone()),
            or_dash(self.kandidaat.clone()),
            or_dash(self.beoordelaar.map(|b| b.to_string())),
            escape(&self.opmaak),
        ]
        .join(":")
    }

    /// Whether this is a page of a blank published form: no session, no candidate.
    pub fn is_blank_form(&self) -> bool {
        self.sessie.is_none() && self.kandidaat.is_none()
    }

    /// Reads a code's text; `None` when it is not a toetsgen page code.
    pub fn parse(text: &str) -> Option<PageCode> {
        let fields: Vec<&str> = text.split(':').collect();
        let [
            magic,
            plan,
            versie,
            document,
            pages,
            sessie,
            kandidaat,
            beoordelaar,
            opmaak,
        ] = fields.as_slice()
        else {
            return None;
        };
        if *magic != MAGIC {
            return None;
        }
        let (pagina, paginas) = pages.split_once('/')?;
        let (pagina, paginas) = (pagina.parse().ok()?, paginas.parse().ok()?);
        if pagina == 0 || pagina > paginas {
            return None;
        }
        let optional = |v: &str| match v {
            "-" => Some(None),
            v => unescape(v).map(Some),
        };
        Some(PageCode {
            plan: unescape(plan)?,
            versie: NaiveDate::parse_from_str(versie, "%Y%m%d").ok()?,
            document: unescape(document)?,
            pagina,
            paginas,
            sessie: optional(sessie)?,
            kandidaat: optional(kandidaat)?,
            beoordelaar: match *beoordelaar {
                "-" => None,
                "1" => Some(1),
                "2" => Some(2),
                _ => return None,
            },
            opmaak: unescape(opmaak)?,
        })
    }
}

/// The short code of a packet's document.
pub fn document_code(naam: &str) -> String {
    match naam {
        "beoordelingsformulier" => "BF".to_owned(),
        "opdracht-kandidaat" => "OK".to_owned(),
        "instructie-beoordelaar" => "IB".to_owned(),
        "voorblad" => "VB".to_owned(),
        "presentielijst" => "PL".to_owned(),
        "proces-verbaal" => "PV".to_owned(),
        other => other.to_uppercase(),
    }
}

/// The short hash of a session's name (its file name without extension) that its pages carry.
pub fn session_code(naam: &str) -> String {
    super::layout::short_hash(naam.as_bytes(), 6)
}

/// `:` and `%` written as `%3A` and `%25`, and a field that is just `-` (which means none) as
/// `%2D`.
fn escape(field: &str) -> String {
    if field == "-" {
        return "%2D".to_owned();
    }
    field.replace('%', "%25").replace(':', "%3A")
}

/// The inverse of [`escape`]; `None` for any other `%`.
fn unescape(field: &str) -> Option<String> {
    let mut out = String::with_capacity(field.len());
    let mut rest = field;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        match rest.get(at..at + 3) {
            Some("%25") => out.push('%'),
            Some("%3A") => out.push(':'),
            Some("%2D") => out.push('-'),
            _ => return None,
        }
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code() -> PageCode {
        PageCode {
            plan: "V1".to_owned(),
            versie: NaiveDate::from_ymd_opt(2021, 9, 1).unwrap(),
            document: "BF".to_owned(),
            pagina: 3,
            paginas: 4,
            sessie: Some("5F0C2A".to_owned()),
            kandidaat: Some("2026-0012".to_owned()),
            beoordelaar: Some(1),
            opmaak: "9C1E3F0A".to_owned(),
        }
    }

    /// A code's text is as documented and reads back as the same code.
    #[test]
    fn text_reads_back() {
        let text = code().text();
        assert_eq!(text, "TG1:V1:20210901:BF:3/4:5F0C2A:2026-0012:1:9C1E3F0A");
        assert_eq!(PageCode::parse(&text), Some(code()));
    }

    /// Missing parts are dashes; a `:` or `%` inside a field survives.
    #[test]
    fn dashes_and_escapes() {
        let mut c = code();
        c.kandidaat = Some("A:1%".to_owned());
        c.sessie = None;
        c.beoordelaar = None;
        let text = c.text();
        assert_eq!(text, "TG1:V1:20210901:BF:3/4:-:A%3A1%25:-:9C1E3F0A");
        assert_eq!(PageCode::parse(&text), Some(c));
    }

    /// A blank published form's code has no session, candidate or assessor: three dashes, and
    /// it reads back as none of the three; a candidate whose number is `-` is not taken for none.
    #[test]
    fn a_blank_form_is_honest_about_none() {
        let mut c = code();
        c.sessie = None;
        c.kandidaat = None;
        c.beoordelaar = None;
        let text = c.text();
        assert_eq!(text, "TG1:V1:20210901:BF:3/4:-:-:-:9C1E3F0A");
        let back = PageCode::parse(&text).unwrap();
        assert!(back.is_blank_form());
        assert_eq!(back, c);
        assert!(!code().is_blank_form());
        c.kandidaat = Some("-".to_owned());
        let text = c.text();
        assert_eq!(text, "TG1:V1:20210901:BF:3/4:-:%2D:-:9C1E3F0A");
        assert_eq!(
            PageCode::parse(&text).unwrap().kandidaat.as_deref(),
            Some("-")
        );
    }

    /// Texts that are not page codes are refused, not half read.
    #[test]
    fn foreign_texts_are_refused() {
        for text in [
            "",
            "https://example.org",
            "TG2:V1:20210901:BF:3/4:-:-:-:X",
            "TG1:V1:20210901:BF:5/4:-:-:-:X",
            "TG1:V1:20210901:BF:0/4:-:-:-:X",
            "TG1:V1:2021-09-01:BF:3/4:-:-:-:X",
            "TG1:V1:20210901:BF:3/4:-:-:3:X",
            "TG1:V1:20210901:BF:3/4:-:%41:-:X",
            "TG1:V1:20210901:BF:3/4:-:-:-",
        ] {
            assert_eq!(PageCode::parse(text), None, "{text}");
        }
    }
}
