//! A saved beoordelingsformulier as the HTML form writes it (`templates/_formulier.html.tera`):
//! `formaat`, `formaatversie`, `plan`, `versie`, `kandidaat`, `uitslag` and `waarden` (every
//! field by name). `formaatversie` 2 adds `kandidaatnummer` (the candidate's number, "" when not
//! filled in) and `beoordelaar` (1 or 2: which of the session's assessors filled the form in);
//! forms of `formaatversie` 1 have neither and stay readable. Only what the results list needs is
//! read; the file's own `uitslag` is not trusted, only checked against itself
//! ([`SavedForm::contradiction`]).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::Deserialize;
use toetsgen_base::lang::io_error;
use toetsgen_base::msg;

/// The largest saved form read (a filled V1 form is about 10 KB).
pub(crate) const MAX_BYTES: u64 = 1024 * 1024;

/// What a saved form says.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct SavedForm {
    /// Always "toetsgen-beoordelingsformulier".
    pub formaat: String,
    /// 1 or 2.
    pub formaatversie: u32,
    /// Plan code.
    pub plan: String,
    /// The plan's version date (ISO) the form was made from.
    pub versie: String,
    /// The candidate's number (formaatversie 2; may be empty there; absent in version 1).
    #[serde(default)]
    pub kandidaatnummer: Option<String>,
    /// Which assessor filled the form in, 1 or 2 (formaatversie 2; absent in version 1).
    #[serde(default)]
    pub beoordelaar: Option<u8>,
    /// Candidate, gemeente, assessor and date.
    #[serde(default)]
    pub kandidaat: FormHeader,
    /// The result as the form worked it out or the assessor chose it (not trusted).
    #[serde(default)]
    pub uitslag: Option<SavedUitslag>,
    /// Every field by name: text, a tick (true/false) or the chosen judgement (or null).
    pub waarden: BTreeMap<String, serde_json::Value>,
    /// A form read from a scan: the fields still to decide (`kandidaatnummer` for a blank form
    /// whose candidate is not known yet).
    #[serde(default)]
    pub twijfel: Vec<String>,
}

/// The fields at the top of the form: candidate, gemeente, assessor and date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct FormHeader {
    /// Naam kandidaat.
    #[serde(default)]
    pub naam: String,
    /// Gemeente.
    #[serde(default)]
    pub gemeente: String,
    /// Naam beoordelaar.
    #[serde(default)]
    pub beoordelaar: String,
    /// Datum (as typed or as the date field gives it).
    #[serde(default)]
    pub datum: String,
}

/// The result a form saved beside its values: only checked against them, never used.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct SavedUitslag {
    /// Passed, failed, or not known.
    #[serde(default)]
    pub geslaagd: Option<bool>,
    /// Why, in Dutch ("geslaagd: 5 van 5 toetstermen voldoende …").
    #[serde(default)]
    pub reden: Option<String>,
}

impl SavedForm {
    /// The candidate's number, if the form has one (never in formaatversie 1).
    pub fn nummer(&self) -> Option<&str> {
        (self.kandidaatnummer.as_deref())
            .map(str::trim)
            .filter(|n| !n.is_empty())
    }

    /// Whether the form's candidate is still to be decided (a blank form read from a scan).
    pub fn candidate_undecided(&self) -> bool {
        self.twijfel.iter().any(|v| v == "kandidaatnummer")
    }

    /// The text value of a field, if it is a non-empty text.
    pub fn tekst(&self, name: &str) -> Option<&str> {
        match self.waarden.get(name) {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.trim()),
            _ => None,
        }
    }
}

/// Reads and parses one saved form, within [`MAX_BYTES`].
pub(crate) fn read(path: &Path) -> Result<SavedForm, String> {
    let unreadable = |e: std::io::Error| msg!("uitslagen-cannot-read", error = io_error(&e));
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    (file.take(MAX_BYTES + 1).read_to_end(&mut bytes)).map_err(unreadable)?;
    parse(bytes)
}

/// A saved form from its bytes (at most [`MAX_BYTES`]): JSON of this toetsgen's form, of
/// `formaatversie` 1 (no number, one assessor) or 2 (`kandidaatnummer`, `beoordelaar` 1 or 2).
pub fn parse(bytes: Vec<u8>) -> Result<SavedForm, String> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(msg!("uitslagen-too-large", max = MAX_BYTES / 1024));
    }
    let text = String::from_utf8(bytes).map_err(|_| msg!("uitslagen-not-utf8"))?;
    let form: SavedForm = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| msg!("uitslagen-not-a-form", error = e.to_string()))?;
    if form.formaat != "toetsgen-beoordelingsformulier" || !(1..=2).contains(&form.formaatversie) {
        return Err(msg!(
            "uitslagen-other-format",
            formaat = format!("{:?}", form.formaat),
            versie = form.formaatversie
        ));
    }
    match form.formaatversie {
        1 if form.kandidaatnummer.is_some() || form.beoordelaar.is_some() => {
            Err(msg!("uitslagen-v1-fields"))
        }
        1 => Ok(form),
        _ if form.kandidaatnummer.is_none() => Err(msg!("uitslagen-no-number-field")),
        _ => match form.beoordelaar {
            Some(1 | 2) => Ok(form),
            Some(n) => Err(msg!("uitslagen-beoordelaar", value = n.to_string())),
            None => Err(msg!("uitslagen-beoordelaar", value = "null")),
        },
    }
}

/// What a saved result's `reden` says of it: geslaagd, niet geslaagd, or neither.
fn says(reden: &str) -> Option<bool> {
    let reden = reden.trim_start();
    if reden.starts_with("niet geslaagd") {
        Some(false)
    } else if reden.starts_with("geslaagd") {
        Some(true)
    } else {
        None
    }
}

/// "geslaagd" or "niet geslaagd".
pub(crate) fn word(geslaagd: bool) -> &'static str {
    match geslaagd {
        true => "geslaagd",
        false => "niet geslaagd",
    }
}

impl SavedForm {
    /// Why the form contradicts itself, if it does: the result it saved says `geslaagd` and its
    /// reason the opposite ("geslaagd": false beside "geslaagd: 18 van 20"), or the result worked
    /// out from its values (`worked`: by the plan's rule, or the assessor's choice on the form) is
    /// not the one it saved. Which of the two holds is not for the list to guess.
    pub(crate) fn contradiction(&self, worked: Option<bool>) -> Option<String> {
        let saved = self.uitslag.as_ref()?;
        let geslaagd = saved.geslaagd?;
        let reden = saved.reden.as_deref().unwrap_or("").trim();
        if says(reden).is_some_and(|r| r != geslaagd) {
            return Some(msg!(
                "uitslagen-contradicts-itself",
                geslaagd = word(geslaagd),
                reden = reden
            ));
        }
        match worked {
            Some(w) if w != geslaagd => Some(msg!(
                "uitslagen-contradicts-values",
                saved = word(geslaagd),
                worked = word(w)
            )),
            _ => None,
        }
    }
}
