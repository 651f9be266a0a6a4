//! Reading the fixtures of `tests/fixtures/analyse/` (comma-separated, `#` lines are comments)
//! and comparing figures to 3 decimals.

#![allow(dead_code, reason = "each test binary uses part of the helpers")]

use std::path::PathBuf;

/// The text of a fixture file.
pub(crate) fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/analyse")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The rows of a fixture's CSV, header first, comments left out.
pub(crate) fn rows(name: &str) -> Vec<Vec<String>> {
    fixture(name)
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect()
}

/// A score file: the question names (header without `kandidaat`) and one row of scores per
/// kandidaat.
pub(crate) fn scores(name: &str) -> (Vec<String>, Vec<Vec<f64>>) {
    let mut rows = rows(name).into_iter();
    let header = rows.next().expect("a header");
    assert_eq!(header[0], "kandidaat");
    let scores = rows
        .map(|r| r[1..].iter().map(|c| c.parse().expect("a score")).collect())
        .collect();
    (header[1..].to_vec(), scores)
}

/// One reference figure: its name, what it is of (a question, a score, a toetsterm; empty for
/// the whole) and its value (`None` where the reference gives none: undefined).
#[derive(Debug, Clone)]
pub(crate) struct Figure {
    /// The figure's name.
    pub(crate) figure: String,
    /// What it is of.
    pub(crate) of: String,
    /// Its value.
    pub(crate) value: Option<f64>,
}

/// The figures of a `*.reference.csv`.
pub(crate) fn reference(name: &str) -> Vec<Figure> {
    let mut rows = rows(name).into_iter();
    assert_eq!(rows.next().expect("a header"), ["figure", "of", "value"]);
    rows.map(|r| Figure {
        figure: r[0].clone(),
        of: r[1].clone(),
        value: match r[2].as_str() {
            "none" => None,
            v => Some(v.parse().expect("a number")),
        },
    })
    .collect()
}

/// Whether two figures are equal to 3 decimals: both undefined, or the same when rounded to 3
/// decimals (or within 1e-9, for a value on a rounding boundary computed in another order).
pub(crate) fn equal_3(actual: Option<f64>, expected: Option<f64>) -> bool {
    match (actual, expected) {
        (None, None) => true,
        (Some(a), Some(e)) => (a * 1000.0).round() == (e * 1000.0).round() || (a - e).abs() < 1e-9,
        _ => false,
    }
}
