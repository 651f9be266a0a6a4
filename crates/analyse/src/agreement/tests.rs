//! Agreement on small cases worked out by hand; the two-assessor fixture and the published
//! examples are in `crates/analyse/tests/`.

use super::*;
use Oordeel::{Onvoldoende as O, Voldoende as V};

/// 2 × 2 table (first assessor in rows): V/V 2, V/O 1, O/V 0, O/O 1. p_o = 3/4;
/// margins first V 3, O 1, second V 2, O 2; p_e = (3·2 + 1·2)/16 = 1/2;
/// kappa = (3/4 − 1/2)/(1 − 1/2) = 1/2.
#[test]
fn kappa_by_hand() {
    let pairs = [(V, V), (V, V), (V, O), (O, O)];
    let a = agreement(&pairs);
    assert_eq!((a.pairs, a.agreeing, a.proportion), (4, 3, Some(0.75)));
    assert_eq!(a.kappa, Some(0.5));
}

/// Both assessors always voldoende: they agree fully, but kappa is undefined (p_e = 1).
/// No pairs: nothing is defined.
#[test]
fn undefined_kappa() {
    let a = agreement(&[(V, V), (V, V)]);
    assert_eq!((a.proportion, a.kappa), (Some(1.0), None));
    let none: [(Oordeel, Oordeel); 0] = [];
    let a = agreement(&none);
    assert_eq!((a.pairs, a.proportion, a.kappa), (0, None, None));
}

/// One always voldoende, the other not always: p_e < 1, kappa 0 (no agreement beyond chance).
#[test]
fn one_constant_assessor_gives_kappa_zero() {
    let a = agreement(&[(V, V), (V, O)]);
    assert_eq!(a.kappa, Some(0.0));
}

/// Complete disagreement on a balanced table is kappa −1.
#[test]
fn complete_disagreement() {
    let a = agreement(&[(V, O), (O, V)]);
    assert_eq!(a.kappa, Some(-1.0));
}

/// Kappa works for any nominal scale, e.g. the plan's own judgement words.
#[test]
fn any_nominal_scale() {
    let pairs = [("goed", "goed"), ("matig", "slecht"), ("slecht", "slecht")];
    let a = agreement(&pairs);
    // p_o = 2/3; margins goed 1/1, matig 1/0, slecht 1/2: p_e = (1 + 0 + 2)/9 = 1/3;
    // kappa = (2/3 − 1/3)/(2/3) = 1/2.
    assert!((a.kappa.unwrap() - 0.5).abs() < 1e-12);
}

/// The rates of voldoende of each assessor over the same pairs.
#[test]
fn severity_is_each_rate() {
    let s = severity(&[(V, V), (V, O), (O, O), (V, O)]);
    assert_eq!((s.pairs, s.eerste, s.tweede), (4, Some(0.75), Some(0.25)));
    let none: [(Oordeel, Oordeel); 0] = [];
    assert_eq!(severity(&none).eerste, None);
}

/// Krippendorff by hand: units (V,V), (V,O), (O,O), (V, missing). The last is not pairable;
/// n = 6 (V 3, O 3); the one disagreeing unit adds (4 − 2)/1 = 2; D_e sum = 36 − 18 = 18;
/// alpha = 1 − 5 · 2/18 = 4/9.
#[test]
fn krippendorff_by_hand() {
    let units = [
        [Some(V), Some(V)],
        [Some(V), Some(O)],
        [Some(O), Some(O)],
        [Some(V), None],
    ];
    let alpha = krippendorff_alpha(&units).unwrap();
    assert!((alpha - 4.0 / 9.0).abs() < 1e-12);
}

/// Perfect agreement is 1; one category only, or nothing pairable, is undefined.
#[test]
fn krippendorff_bounds() {
    assert_eq!(
        krippendorff_alpha(&[[Some(V), Some(V)], [Some(O), Some(O)]]),
        Some(1.0)
    );
    assert_eq!(
        krippendorff_alpha(&[[Some(V), Some(V)], [Some(V), None]]),
        None
    );
    assert_eq!(
        krippendorff_alpha(&[[Some(V), None], [None, Some(O)]]),
        None
    );
    let empty: [[Option<Oordeel>; 2]; 0] = [];
    assert_eq!(krippendorff_alpha(&empty), None);
}
