//! A saved beoordelingsformulier as the HTML form writes it (`templates/_formulier.html.tera`):
//! `formaat`, `formaatversie`, `plan`, `versie`, `kandidaat` and `waarden` (every field by name).
//! Only what the results list needs is read; the file's own `uitslag` is not trusted.

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
    /// 1.
    pub formaatversie: u32,
    /// Plan code.
    pub plan: String,
    /// The plan's version date (ISO) the form was made from.
    pub versie: String,
    /// Candidate, gemeente, assessor and date.
    #[serde(default)]
    pub kandidaat: FormHeader,
    /// Every field by name: text, a tick (true/false) or the chosen judgement (or null).
    pub waarden: BTreeMap<String, serde_json::Value>,
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

impl SavedForm {
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
    if bytes.len() as u64 > MAX_BYTES {
        return Err(msg!("uitslagen-too-large", max = MAX_BYTES / 1024));
    }
    let text = String::from_utf8(bytes).map_err(|_| msg!("uitslagen-not-utf8"))?;
    let form: SavedForm = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| msg!("uitslagen-not-a-form", error = e.to_string()))?;
    if form.formaat != "toetsgen-beoordelingsformulier" || form.formaatversie != 1 {
        return Err(msg!(
            "uitslagen-other-format",
            formaat = format!("{:?}", form.formaat),
            versie = form.formaatversie
        ));
    }
    Ok(form)
}
