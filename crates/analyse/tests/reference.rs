//! The statistics against reference implementations on public data with published results
//! (issue 22): every figure in `tests/fixtures/analyse/*.reference.csv`, computed by pingouin,
//! pandas, scikit-learn and krippendorff (`scripts/analyse-reference.py`; sources, licences and
//! versions in `tests/fixtures/analyse/README.md`), equals toetsgen's to 3 decimals.

mod common;

use common::{Figure, equal_3, reference, scores};
use toetsgen_analyse::agreement::krippendorff_alpha;
use toetsgen_analyse::cesuur::cohen_schotanus;
use toetsgen_analyse::items::{ScoreMatrix, analyse};

/// Compares every reference figure of the score file `name` with the item analysis; returns the
/// figures that differ (empty when all agree) and fails on a figure it does not know, so that no
/// reference figure goes unchecked.
fn check_items(name: &str) -> Vec<String> {
    let (questions, rows) = scores(&format!("{name}.csv"));
    let figures = reference(&format!("{name}.reference.csv"));
    let maxima: Vec<f64> = (questions.iter())
        .map(|q| {
            let max = figures.iter().find(|f| f.figure == "max" && &f.of == q);
            max.and_then(|f| f.value).expect("a maximum per question")
        })
        .collect();
    let matrix = ScoreMatrix::new(maxima, &rows).expect("valid scores");
    let a = analyse(&matrix);
    let guessing = one(&figures, "guessing").expect("a guessing score");
    let proposal = cohen_schotanus(&a.totals, guessing).expect("a proposal");
    let distribution = a.distribution();
    let mut differ = Vec::new();
    let mut frequencies = 0;
    for f in &figures {
        let question = || {
            let j = questions.iter().position(|q| *q == f.of);
            a.questions[j.unwrap_or_else(|| panic!("{name}: no question {}", f.of))]
        };
        let of = || f.of.parse::<f64>().expect("a number");
        let actual = match f.figure.as_str() {
            "max" => Some(question().max),
            "p" => Some(question().p),
            "rit" => question().rit,
            "rir" => question().rir,
            "alpha_zonder" => question().alpha_zonder,
            "kandidaten" => Some(a.test.kandidaten as f64),
            "alpha" => a.test.alpha,
            "mean" => Some(a.test.mean),
            "sd" => a.test.sd,
            "sem" => a.test.sem,
            "frequency" => {
                frequencies += 1;
                (distribution.iter().find(|d| d.score == of())).map(|d| d.count as f64)
            }
            "guessing" => Some(proposal.guessing),
            "cesuur_reference" => Some(proposal.reference),
            "cesuur_voorstel" => Some(proposal.cesuur),
            "passing_at" => Some(a.passing(of()) as f64),
            other => panic!("{name}: unknown reference figure {other}"),
        };
        if !equal_3(actual, f.value) {
            differ.push(format!(
                "{name}: {} of {}: toetsgen {actual:?}, reference {:?}",
                f.figure, f.of, f.value
            ));
        }
    }
    assert_eq!(frequencies, distribution.len(), "{name}: scores that occur");
    let per_question = ["max", "p", "rit", "rir", "alpha_zonder"];
    for figure in per_question {
        let n = figures.iter().filter(|f| f.figure == figure).count();
        assert_eq!(n, questions.len(), "{name}: {figure} for every question");
    }
    differ
}

/// The value of a figure that occurs once.
fn one(figures: &[Figure], figure: &str) -> Option<f64> {
    let mut found = figures.iter().filter(|f| f.figure == figure);
    let first = found.next().unwrap_or_else(|| panic!("no {figure}"));
    assert!(found.next().is_none(), "{figure} twice");
    first.value
}

/// pingouin's `cronbach_alpha` dataset (15 respondents × 10 Likert items, 1–7): alpha 0.592 as
/// pingouin's documentation publishes it, and every other figure as pandas and pingouin compute.
#[test]
fn pingouin_likert_ratings() {
    let differ = check_items("pingouin-cronbach-alpha");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    let figures = reference("pingouin-cronbach-alpha.reference.csv");
    assert!(equal_3(one(&figures, "alpha"), Some(0.592)));
}

/// pingouin's `cronbach_wide_missing` (0/1 answers) without its incomplete rows: KR-20 0.802, as
/// pingouin's documentation publishes it for listwise deletion.
#[test]
fn pingouin_binary_answers() {
    let differ = check_items("pingouin-cronbach-wide-missing");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    let figures = reference("pingouin-cronbach-wide-missing.reference.csv");
    assert!(equal_3(one(&figures, "alpha"), Some(0.802)));
}

/// The LSAT section 6 data (Bock & Lieberman 1970; 1000 kandidaten × 5 questions): p-waarden
/// 0.924, 0.709, 0.553, 0.763, 0.870 as the item proportions of the paper's response-pattern
/// table, and every figure as pandas and pingouin compute (alpha 0.295).
#[test]
fn lsat6() {
    let differ = check_items("lsat6");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    let figures = reference("lsat6.reference.csv");
    let p: Vec<Option<f64>> = (figures.iter())
        .filter(|f| f.figure == "p")
        .map(|f| f.value)
        .collect();
    let published = [0.924, 0.709, 0.553, 0.763, 0.870];
    assert!(p.iter().zip(published).all(|(p, q)| equal_3(*p, Some(q))));
    assert!(equal_3(one(&figures, "alpha"), Some(0.295)));
}

/// A question everyone got right: the reference's correlations are NaN (written `none`) where
/// toetsgen's are `None`, and the alphas are still defined.
#[test]
fn a_constant_question_matches_the_reference_nan() {
    let differ = check_items("constant-question");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    let figures = reference("constant-question.reference.csv");
    let q12: Vec<&Figure> = figures.iter().filter(|f| f.of == "Q12").collect();
    assert!(q12.iter().any(|f| f.figure == "rit" && f.value.is_none()));
}

/// Reliability data (one row per unit, one column per coder, empty when missing).
fn units(name: &str) -> Vec<Vec<Option<u32>>> {
    let rows = common::rows(name);
    (rows[1..].iter())
        .map(|r| r.iter().map(|c| c.parse().ok()).collect())
        .collect()
}

/// Krippendorff's own example (2011, section C: 4 observers, 12 units, missing values): nominal
/// alpha 0.743 as published, and as the `krippendorff` package computes it.
#[test]
fn krippendorff_2011() {
    let alpha = krippendorff_alpha(&units("krippendorff-2011.csv"));
    let figures = reference("krippendorff-2011.reference.csv");
    assert!(
        equal_3(alpha, one(&figures, "krippendorff_alpha")),
        "{alpha:?}"
    );
    assert!(equal_3(alpha, Some(0.743)));
}

/// The `krippendorff` package's documented example (3 coders, 15 units, many missing): 0.691.
#[test]
fn krippendorff_docstring() {
    let alpha = krippendorff_alpha(&units("krippendorff-docstring.csv"));
    let figures = reference("krippendorff-docstring.reference.csv");
    assert!(
        equal_3(alpha, one(&figures, "krippendorff_alpha")),
        "{alpha:?}"
    );
    assert!(equal_3(alpha, Some(0.691)));
}
