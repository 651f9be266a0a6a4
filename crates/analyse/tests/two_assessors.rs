//! Two assessors on the same kandidaten (issue 22): the hand-made fixture
//! `tests/fixtures/analyse/two-assessors.csv` with its kappa worked out by hand below, and the same
//! figures as scikit-learn and krippendorff compute them (`two-assessors.reference.csv`).
//!
//! The fixture, as 2 × 2 tables (first assessor in rows, V voldoende, O onvoldoende):
//!
//! ```text
//! V1.01      2nd V  2nd O        V1.02      2nd V  2nd O        both       2nd V  2nd O
//! 1st V        6      1   7      1st V        4      3   7      1st V       10      4  14
//! 1st O        1      2   3      1st O        0      3   3      1st O        1      5   6
//!              7      3  10                   4      6  10                  11      9  20
//! ```
//!
//! V1.01: p_o = (6 + 2)/10 = 0.8; p_e = (7·7 + 3·3)/10² = 58/100 = 0.58;
//!        kappa = (0.8 − 0.58)/(1 − 0.58) = 0.22/0.42 = 11/21 = 0.524.
//! V1.02: p_o = (4 + 3)/10 = 0.7; p_e = (7·4 + 3·6)/100 = 46/100 = 0.46;
//!        kappa = (0.7 − 0.46)/(1 − 0.46) = 0.24/0.54 = 4/9 = 0.444.
//! Both (pooled, 20 pairs): p_o = 15/20 = 0.75; p_e = (14·11 + 6·9)/20² = 208/400 = 0.52;
//!        kappa = (0.75 − 0.52)/(1 − 0.52) = 0.23/0.48 = 23/48 = 0.479.
//! Severity: the first assessor voldoende 14/20 = 0.70, the second 11/20 = 0.55 (stricter).
//! Krippendorff's alpha (nominal, 2 coders, 20 units): n = 40 judgements, V 25, O 15; each of the
//!        5 disagreeing units adds (2² − 1 − 1)/(2 − 1) = 2 coincidences, 10 in all;
//!        alpha = 1 − (40 − 1) · 10/(40² − 25² − 15²) = 1 − 390/750 = 0.48.

mod common;

use common::{equal_3, reference, rows};
use toetsgen_analyse::agreement::{Oordeel, agreement, krippendorff_alpha, severity};

/// The fixture's pairs per toetsterm, in file order.
fn pairs() -> Vec<(String, Vec<(Oordeel, Oordeel)>)> {
    let oordeel = |s: &str| match s {
        "voldoende" => Oordeel::Voldoende,
        "onvoldoende" => Oordeel::Onvoldoende,
        other => panic!("not a judgement: {other}"),
    };
    let rows = rows("two-assessors.csv");
    assert_eq!(
        rows[0],
        ["kandidaat", "toetsterm", "beoordelaar_1", "beoordelaar_2"]
    );
    let mut out: Vec<(String, Vec<(Oordeel, Oordeel)>)> = Vec::new();
    for r in &rows[1..] {
        let pair = (oordeel(&r[2]), oordeel(&r[3]));
        match out.iter_mut().find(|(t, _)| *t == r[1]) {
            Some((_, pairs)) => pairs.push(pair),
            None => out.push((r[1].clone(), vec![pair])),
        }
    }
    out
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

/// The figures worked out by hand above, exactly.
#[test]
fn kappa_by_hand() {
    let terms = pairs();
    assert_eq!(terms.len(), 2);
    let (v101, v102) = (&terms[0].1, &terms[1].1);
    assert!(close(agreement(v101).kappa, 11.0 / 21.0));
    assert!(close(agreement(v101).proportion, 0.8));
    assert!(close(agreement(v102).kappa, 4.0 / 9.0));
    assert!(close(agreement(v102).proportion, 0.7));
    let all = agreement(terms.iter().flat_map(|(_, p)| p));
    assert_eq!((all.pairs, all.agreeing), (20, 15));
    assert!(close(all.kappa, 23.0 / 48.0));
    let s = severity(terms.iter().flat_map(|(_, p)| p));
    assert!(close(s.eerste, 0.70) && close(s.tweede, 0.55));
    let units: Vec<[Option<Oordeel>; 2]> = (terms.iter().flat_map(|(_, p)| p))
        .map(|&(a, b)| [Some(a), Some(b)])
        .collect();
    assert!(close(krippendorff_alpha(&units), 0.48));
}

/// The same figures as scikit-learn's `cohen_kappa_score` and the `krippendorff` package give,
/// to 3 decimals, per toetsterm and overall.
#[test]
fn as_the_reference_implementations() {
    let terms = pairs();
    let figures = reference("two-assessors.reference.csv");
    let all: Vec<(Oordeel, Oordeel)> = terms.iter().flat_map(|(_, p)| p.clone()).collect();
    let mut checked = 0;
    for f in &figures {
        let pairs = match terms.iter().find(|(t, _)| *t == f.of) {
            Some((_, p)) => p,
            None if f.of == "alle" => &all,
            None => panic!("no toetsterm {}", f.of),
        };
        let a = agreement(pairs);
        let s = severity(pairs);
        let actual = match f.figure.as_str() {
            "pairs" => Some(a.pairs as f64),
            "overeenstemming" => a.proportion,
            "kappa" => a.kappa,
            "voldoende_1" => s.eerste,
            "voldoende_2" => s.tweede,
            "krippendorff_alpha" => {
                let units: Vec<[Option<Oordeel>; 2]> =
                    pairs.iter().map(|&(a, b)| [Some(a), Some(b)]).collect();
                krippendorff_alpha(&units)
            }
            other => panic!("unknown reference figure {other}"),
        };
        assert!(
            equal_3(actual, f.value),
            "{} of {}: toetsgen {actual:?}, reference {:?}",
            f.figure,
            f.of,
            f.value
        );
        checked += 1;
    }
    assert_eq!(checked, 3 * 5 + 1);
}
