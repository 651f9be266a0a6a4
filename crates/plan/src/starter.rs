//! The plan `toetsgen new` writes to start from: every field present and explained in Dutch, one
//! onderdeel with one toetsterm, dated today, valid as it stands.

use chrono::NaiveDate;

/// The starting plan (a document: Dutch in every language of the program, kept in a file of its
/// own); `{…}` are filled in by [`yaml`].
const STARTER: &str = include_str!("starter.yaml");

/// The texts the starting plan holds for the office to replace: (a path in the plan, the text).
pub const PLACEHOLDERS: [(&str, &str); 2] = [
    ("omschrijving", "Beschrijf hier waar de module over gaat"), // document text
    ("tekst", "Beschrijf hier wat de kandidaat moet kunnen."),   // document text
];

/// The starting plan for `code` and `naam`, dated `today`, with `modeline` as its first line.
/// The name is written as a quoted string, so any text is read back exactly.
pub fn yaml(code: &str, naam: &str, today: NaiveDate, modeline: &str) -> String {
    let quoted = serde_json::to_string(naam).unwrap_or_default();
    STARTER
        .replace("{modeline}", modeline)
        .replace("{code}", code)
        .replace("{datum}", &today.format("%Y-%m-%d").to_string())
        .replace("{naam}", &quoted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{load, validate};

    /// The starting plan passes every rule, whatever the name, and keeps the name exactly; it is
    /// warned about as a concept with example texts.
    #[test]
    fn starter_is_valid() {
        let today = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        for naam in ["Publiekszaken", "Naam: met \"tekens\" # {code} en {datum}"] {
            let text = yaml("V2", naam, today, "# modeline");
            let sp = load::parse("V2.yaml", text).unwrap();
            assert_eq!(sp.plan.naam, naam);
            let problems = validate::validate(&sp, today);
            assert!(problems.iter().all(|d| !d.is_error()), "{problems:?}");
            // The concept, and the two example texts the office replaces.
            assert_eq!(problems.len(), 3, "{problems:?}");
        }
    }
}
