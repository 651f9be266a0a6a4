//! Dates as Dutch readers expect them: "1 september 2021" in running text and "1-9-2021" in
//! tables, as in the office's own documents; written for the documents, read for the import.

use chrono::{Datelike, NaiveDate};

const MAANDEN: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

/// "1 september 2021".
pub fn lang(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MAANDEN[date.month0() as usize],
        date.year()
    )
}

/// "1-9-2021".
pub fn kort(date: NaiveDate) -> String {
    format!("{}-{}-{}", date.day(), date.month(), date.year())
}

/// Reads "1 september 2021".
pub fn parse_lang(text: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let [d, m, y] = parts[..] else { return None };
    let month = MAANDEN
        .iter()
        .position(|name| name.eq_ignore_ascii_case(m))? as u32
        + 1;
    NaiveDate::from_ymd_opt(y.parse().ok()?, month, d.parse().ok()?)
}

/// Reads "1-9-2021" (also "01-09-2021", "1/9/2021" and "1.9.2021").
pub fn parse_kort(text: &str) -> Option<NaiveDate> {
    let parts: Vec<u32> = text
        .trim()
        .split(['-', '/', '.'])
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match parts[..] {
        [d, m, y] if y >= 1900 => NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both Dutch forms, without leading zeros, as in the seed.
    #[test]
    fn dutch_forms() {
        let d = NaiveDate::from_ymd_opt(2021, 9, 1).unwrap();
        assert_eq!(lang(d), "1 september 2021");
        assert_eq!(kort(d), "1-9-2021");
        let d = NaiveDate::from_ymd_opt(2024, 12, 31).unwrap();
        assert_eq!(lang(d), "31 december 2024");
    }

    /// Both forms read back; impossible and abbreviated dates are refused.
    #[test]
    fn reads_dutch_dates() {
        let d = NaiveDate::from_ymd_opt(2021, 9, 1);
        assert_eq!(parse_lang("1 september 2021"), d);
        assert_eq!(parse_kort("1-9-2021"), d);
        assert_eq!(parse_kort("01-09-2021"), d);
        assert_eq!(parse_kort("1/9/2021"), d);
        assert_eq!(parse_kort("01.09.2021"), d);
        assert_eq!(parse_kort("31-2-2021"), None);
        assert_eq!(parse_lang("1 sept 2021"), None);
    }
}
