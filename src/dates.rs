//! Dates as Dutch readers expect them: "1 september 2021" in running text and "1-9-2021" in
//! tables, as in the office's own documents.

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
}
