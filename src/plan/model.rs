//! The toetsplan as SPEC.md defines it: the typed form of one YAML file. Field names are the
//! Dutch ones of the YAML; unknown fields are rejected so that a typo is never ignored.
//! Type-level rules (dates, levels, whole numbers) are enforced while deserializing; the
//! rules that span fields live in `validate`.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};

/// One exam module's plan (e.g. "V1: Dienstverlening").
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Toetsplan {
    /// Short code of letters and digits, e.g. `V1`; used in file and folder names.
    pub code: String,
    /// Name of the module, e.g. `Dienstverlening`.
    pub naam: String,
    /// Introduction above the table.
    #[serde(default)]
    pub omschrijving: Option<String>,
    /// Date the plan takes effect.
    pub ingangsdatum: Datum,
    /// Form of the exam (text).
    #[serde(default)]
    pub toetsvorm: Option<String>,
    /// Time allowed.
    #[serde(default)]
    pub toegestane_tijd: Option<String>,
    /// Number of questions: a whole number, or text such as "Niet van toepassing".
    #[serde(default)]
    pub aantal_vragen: Option<AantalVragen>,
    /// Pass mark as text.
    #[serde(default)]
    pub cesuur: Option<String>,
    /// Scoring rules as text.
    #[serde(default)]
    pub scoringsregels: Option<String>,
    /// Allowed aids as text.
    #[serde(default)]
    pub hulpmiddelen: Option<String>,
    /// Where the instructions come from, as text.
    #[serde(default)]
    pub instructies: Option<String>,
    /// The TOTAAL row of the toetstermen table.
    #[serde(default)]
    pub totaal_opdrachten: Option<u32>,
    /// How the beoordelingsformulier is shaped; absent for plans without observations.
    #[serde(default)]
    pub beoordeling: Option<Beoordeling>,
    /// The groups of toetstermen, in order.
    pub onderdelen: Vec<Onderdeel>,
}

/// A group of toetstermen under one heading.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Onderdeel {
    /// Heading, e.g. "Klantgericht denken en handelen".
    pub naam: String,
    /// The criteria in this group, in order.
    pub toetstermen: Vec<Toetsterm>,
}

/// One numbered, dated assessment criterion.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Toetsterm {
    /// Code: the plan code, a dot and a number, e.g. `V1.01`.
    pub code: String,
    /// The criterion, printed exactly as written.
    pub tekst: String,
    /// Last change date (laatste wijzigingsdatum).
    pub gewijzigd: Datum,
    /// Taxonomy levels at which it is tested; at least one.
    pub niveaus: Vec<Niveau>,
    /// Number of assignments (opdrachten) testing it, if the plan counts them.
    #[serde(default)]
    pub aantal_opdrachten: Option<u32>,
}

/// How the assessor records observations and judgements on the beoordelingsformulier.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Beoordeling {
    /// Number of observation columns (V1: five klantgesprekken).
    #[serde(default = "default_waarnemingen")]
    pub waarnemingen: u32,
    /// Label of one observation, e.g. "Klantgesprek".
    #[serde(default = "default_waarneming")]
    pub waarneming: String,
    /// The judgement scale per toetsterm, lowest first.
    #[serde(default = "default_schaal")]
    pub schaal: Vec<String>,
    /// Structured cesuur: at least this many toetstermen must be judged sufficient.
    #[serde(default)]
    pub minimaal_voldoende: Option<u32>,
    /// Toetstermen that must be judged sufficient.
    #[serde(default)]
    pub verplicht: Vec<String>,
}

impl Default for Beoordeling {
    fn default() -> Self {
        Beoordeling {
            waarnemingen: default_waarnemingen(),
            waarneming: default_waarneming(),
            schaal: default_schaal(),
            minimaal_voldoende: None,
            verplicht: Vec::new(),
        }
    }
}

fn default_waarnemingen() -> u32 {
    1
}

fn default_waarneming() -> String {
    "Waarneming".to_owned()
}

fn default_schaal() -> Vec<String> {
    vec!["onvoldoende".to_owned(), "voldoende".to_owned()]
}

/// A taxonomy level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Niveau {
    /// Kennis.
    K,
    /// Begrip.
    B,
    /// Reproductieve vaardigheden.
    RV,
    /// Productieve vaardigheden.
    PV,
}

impl Niveau {
    /// All levels in table order.
    pub const ALL: [Niveau; 4] = [Niveau::K, Niveau::B, Niveau::RV, Niveau::PV];

    /// The abbreviation used in the tables.
    pub fn code(self) -> &'static str {
        match self {
            Niveau::K => "K",
            Niveau::B => "B",
            Niveau::RV => "RV",
            Niveau::PV => "PV",
        }
    }

    /// The full Dutch name.
    pub fn naam(self) -> &'static str {
        match self {
            Niveau::K => "kennis",
            Niveau::B => "begrip",
            Niveau::RV => "reproductieve vaardigheden",
            Niveau::PV => "productieve vaardigheden",
        }
    }
}

impl<'de> Deserialize<'de> for Niveau {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Niveau::ALL
            .into_iter()
            .find(|n| n.code() == text.trim())
            .ok_or_else(|| {
                de::Error::custom(format!(
                    "unknown level `{text}`: use K (kennis), B (begrip), RV (reproductieve \
                     vaardigheden) or PV (productieve vaardigheden)"
                ))
            })
    }
}

/// A calendar date written in the YAML as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Datum(pub NaiveDate);

impl<'de> Deserialize<'de> for Datum {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_iso_date(&text).map(Datum).map_err(de::Error::custom)
    }
}

/// Parses `YYYY-MM-DD` into a real calendar date, with an error that says how to fix it.
pub fn parse_iso_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(format!(
            "`{text}` is not a date in the form YYYY-MM-DD: write e.g. 2021-09-01 for 1 september 2021"
        ));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        format!("`{text}` is not a real calendar date: check the day and the month")
    })?;
    if date < crate::plan::limits::FIRST_DATE {
        return Err(format!(
            "`{text}` lies before 1970-01-01, the earliest date toetsgen can put in a PDF: check the year"
        ));
    }
    Ok(date)
}

impl fmt::Display for Datum {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// The number of questions: a whole number or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum AantalVragen {
    /// A count, e.g. 40.
    Aantal(u64),
    /// A text, e.g. "Niet van toepassing".
    Tekst(String),
}

impl fmt::Display for AantalVragen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AantalVragen::Aantal(n) => write!(f, "{n}"),
            AantalVragen::Tekst(t) => f.write_str(t),
        }
    }
}

impl<'de> Deserialize<'de> for AantalVragen {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = AantalVragen;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a whole number (e.g. 40) or a text (e.g. Niet van toepassing)")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<AantalVragen, E> {
                Ok(AantalVragen::Aantal(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<AantalVragen, E> {
                u64::try_from(v)
                    .map(AantalVragen::Aantal)
                    .map_err(|_| E::custom(format!("aantal_vragen is {v}: it cannot be negative")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<AantalVragen, E> {
                Err(E::custom(format!(
                    "aantal_vragen is {v}: use a whole number"
                )))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AantalVragen, E> {
                Ok(AantalVragen::Tekst(v.to_owned()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl Toetsplan {
    /// All toetstermen in document order.
    pub fn toetstermen(&self) -> impl Iterator<Item = &Toetsterm> {
        self.onderdelen.iter().flat_map(|o| o.toetstermen.iter())
    }

    /// The plan's version: its latest change date (ingangsdatum or any `gewijzigd`).
    pub fn versie(&self) -> Datum {
        self.toetstermen()
            .map(|t| t.gewijzigd)
            .chain([self.ingangsdatum])
            .max()
            .unwrap_or(self.ingangsdatum)
    }

    /// The beoordeling block, or its defaults when the plan has none.
    pub fn beoordeling_or_default(&self) -> Beoordeling {
        self.beoordeling.clone().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Impossible dates must be refused, not rolled over to the next month.
    #[test]
    fn iso_dates_must_exist() {
        assert!(parse_iso_date("2021-09-01").is_ok());
        assert!(
            parse_iso_date("2021-02-29")
                .unwrap_err()
                .contains("real calendar date")
        );
        assert!(
            parse_iso_date("1969-12-31")
                .unwrap_err()
                .contains("before 1970")
        );
        assert!(
            parse_iso_date("1-9-2021")
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
    }
}
