//! The session file as written ([`SessieFile`], unknown fields refused) and the checked
//! session the packet is made from ([`Sessie`]).

use chrono::NaiveDate;
use serde::Deserialize;

use toetsgen_plan::model::Datum;

/// A session file as written in YAML; field names as the exam office says them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessieFile {
    /// The plan's code, e.g. `V1`.
    pub plan: String,
    /// The day of the exam.
    pub datum: Datum,
    /// The plan's version to use, when not the one in force on `datum`.
    #[serde(default)]
    pub versie: Option<Datum>,
    /// The starting time, `09:30`.
    #[serde(default)]
    pub tijd: Option<String>,
    /// Where the exam takes place.
    pub locatie: String,
    /// One or two assessors.
    pub beoordelaars: Vec<String>,
    /// The candidates, written in the file.
    #[serde(default)]
    pub kandidaten: Option<Vec<Kandidaat>>,
    /// Or a spreadsheet export of them, relative to the session file.
    #[serde(default)]
    pub kandidaten_bestand: Option<String>,
}

/// One candidate.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kandidaat {
    /// Full name as it is printed.
    pub naam: String,
    /// The candidate's number, unique in the session.
    pub nummer: String,
    /// The municipality the candidate works for.
    #[serde(default)]
    pub gemeente: Option<String>,
}

/// A checked session.
#[derive(Debug, Clone)]
pub struct Sessie {
    /// The session file's name without extension; names the packet.
    pub naam: String,
    /// The session file, as shown.
    pub bestand: String,
    /// The plan's code.
    pub plan: String,
    /// The day of the exam.
    pub datum: NaiveDate,
    /// The plan's version the packet is made from: the one in force on `datum`, or the one the
    /// session names.
    pub versie: NaiveDate,
    /// The starting time, `09:30`.
    pub tijd: Option<String>,
    /// Where.
    pub locatie: String,
    /// One or two assessors.
    pub beoordelaars: Vec<String>,
    /// The candidates, in the order given.
    pub kandidaten: Vec<Kandidaat>,
}
