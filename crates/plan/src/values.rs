//! The values a toetsplan is made of that YAML has no type for: a taxonomy level ([`Niveau`]), a
//! calendar date ([`Datum`], read with [`parse_iso_date`]) and the number of questions
//! ([`AantalVragen`]), each read with an error that says how to fix it.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::{self, Deserialize, Deserializer};
use toetsgen_base::msg;

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
            .ok_or_else(|| de::Error::custom(msg!("plan-level-unknown", level = text.as_str())))
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
        return Err(msg!("plan-date-format", text = text));
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| msg!("plan-date-impossible", text = text))?;
    if date < crate::limits::FIRST_DATE {
        return Err(msg!("plan-date-too-early", text = text));
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
                f.write_str(&msg!("plan-aantal-vragen-expected"))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<AantalVragen, E> {
                Ok(AantalVragen::Aantal(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<AantalVragen, E> {
                u64::try_from(v)
                    .map(AantalVragen::Aantal)
                    .map_err(|_| E::custom(msg!("plan-aantal-vragen-negative", n = v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<AantalVragen, E> {
                Err(E::custom(msg!(
                    "plan-aantal-vragen-fraction",
                    n = v.to_string()
                )))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AantalVragen, E> {
                Ok(AantalVragen::Tekst(v.to_owned()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Impossible dates must be refused, not rolled over to the next month.
    #[test]
    fn iso_dates_must_exist() {
        toetsgen_base::lang::set(toetsgen_base::lang::Lang::En);
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
