//! The beoordeling derived from the toetsvorm: "… op basis van vijf klantgesprekken" names five
//! observations, each a "Klantgesprek". A derived beoordeling is noted for the user to check.

use super::Reader;
use super::quote::{q, short};
use toetsgen_base::msg;
use toetsgen_base::words::capitalize;
use toetsgen_plan::model::Beoordeling;

impl Reader {
    /// The beoordeling the toetsvorm names, if any, with a note saying where it came from.
    pub(super) fn beoordeling(&mut self, toetsvorm: Option<&str>) -> Option<Beoordeling> {
        let beoordeling = toetsvorm.and_then(observations);
        if let (Some(b), Some(vorm)) = (&beoordeling, toetsvorm) {
            self.notes.push(msg!(
                "import-note-beoordeling",
                n = b.waarnemingen,
                waarneming = short(&b.waarneming),
                toetsvorm = q(vorm)
            ));
        }
        beoordeling
    }
}

/// The observations a toetsvorm such as "Proeve op de werkplek op basis van vijf klantgesprekken"
/// names: five, each a "Klantgesprek".
fn observations(toetsvorm: &str) -> Option<Beoordeling> {
    let lower = toetsvorm.to_lowercase();
    let rest = &lower[lower.find("op basis van ")? + "op basis van ".len()..]; // document text
    let mut words = rest.split_whitespace();
    let n = number(words.next()?)?;
    let noun = words.next()?.trim_end_matches(['.', ',', ';']);
    (2..=10).contains(&n).then(|| Beoordeling {
        waarnemingen: n,
        waarneming: capitalize(&singular(noun)),
        ..Beoordeling::default()
    })
}

/// A number written in digits or as a Dutch word from "een" to "tien" ("één" too).
fn number(word: &str) -> Option<u32> {
    const NUMBERS: [&str; 10] = [
        "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    ];
    match word.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => Some(NUMBERS.iter().position(|w| *w == word.replace('é', "e"))? as u32 + 1),
    }
}

/// The singular of a Dutch plural: "klantgesprekken" → "klantgesprek", "observaties" →
/// "observatie", "rollenspellen" → "rollenspel".
fn singular(plural: &str) -> String {
    if let Some(stem) = plural
        .strip_suffix("'s")
        .or_else(|| plural.strip_suffix('s'))
    {
        return stem.to_owned();
    }
    let Some(stem) = plural.strip_suffix("en") else {
        return plural.to_owned();
    };
    let chars: Vec<char> = stem.chars().collect();
    match chars[..] {
        [.., a, b] if a == b && !"aeiou".contains(a) => chars[..chars.len() - 1].iter().collect(),
        [.., 'v'] => format!("{}f", &stem[..stem.len() - 1]),
        [.., 'z'] => format!("{}s", &stem[..stem.len() - 1]),
        _ => stem.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The observations are read from the toetsvorm's "op basis van <aantal> <zelfstandig naamwoord>".
    #[test]
    fn reads_observations_from_toetsvorm() {
        let b = observations("Proeve op de werkplek op basis van vijf klantgesprekken").unwrap();
        assert_eq!((b.waarnemingen, b.waarneming.as_str()), (5, "Klantgesprek"));
        assert_eq!(observations("Digitale toets").map(|b| b.waarnemingen), None);
        assert_eq!(singular("rollenspellen"), "rollenspel");
        assert_eq!(singular("observaties"), "observatie");
        assert_eq!(singular("opdrachten"), "opdracht");
    }
}
