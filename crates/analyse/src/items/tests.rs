//! The item analysis on small matrices worked out by hand. The reference figures on public data
//! are in `crates/analyse/tests/reference.rs`, the properties in `tests/properties.rs`.

use super::*;

fn matrix(maxima: &[f64], rows: &[&[f64]]) -> ScoreMatrix {
    ScoreMatrix::new(maxima.to_vec(), rows).expect("a valid matrix")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

/// Four kandidaten, three 0/1 questions (a Guttman pattern), worked out by hand:
/// totals 3, 2, 1, 0 (mean 1.5, Σ(t−t̄)² = 5, sample SD √(5/3) = 1.290994);
/// Q1 = 1,1,1,0: Σ(x−x̄)² = 0.75, Σ(x−x̄)(t−t̄) = 1.5, Rit = 1.5/√(0.75·5) = 0.774597;
/// rest = t − x: Σ(r−r̄)² = 5 + 0.75 − 2·1.5 = 2.75, Σ(x−x̄)(r−r̄) = 1.5 − 0.75 = 0.75,
/// Rir = 0.75/√(0.75·2.75) = 0.522233, alpha without = 2·(1 − 1.75/2.75) = 0.727273;
/// Q2 = 1,1,0,0: Σ(x−x̄)² = 1, product 2, Rit = 2/√5 = 0.894427, Rir = 1/√2 = 0.707107,
/// alpha without = 2·(1 − 1.5/2) = 0.5; Q3 as Q1 mirrored;
/// alpha = 3/2 · (1 − 2.5/5) = 0.75 (KR-20: 3/2 · (1 − Σpq / (5/4)) = 3/2 · (1 − 0.625/1.25));
/// SEM = 1.290994 · √0.25 = 0.645497.
#[test]
fn a_guttman_pattern_by_hand() {
    let m = matrix(
        &[1.0, 1.0, 1.0],
        &[
            &[1.0, 1.0, 1.0],
            &[1.0, 1.0, 0.0],
            &[1.0, 0.0, 0.0],
            &[0.0, 0.0, 0.0],
        ],
    );
    let a = analyse(&m);
    assert_eq!(a.totals, [3.0, 2.0, 1.0, 0.0]);
    let t = a.test;
    assert_eq!((t.kandidaten, t.questions, t.max_score), (4, 3, 3.0));
    assert!(close(t.mean, 1.5));
    assert!(close(t.sd.unwrap(), 1.290994));
    assert!(close(t.alpha.unwrap(), 0.75));
    assert!(close(t.sem.unwrap(), 0.645497));
    let expected = [
        (0.75, 0.774597, 0.522233, 0.727273),
        (0.5, 0.894427, std::f64::consts::FRAC_1_SQRT_2, 0.5),
        (0.25, 0.774597, 0.522233, 0.727273),
    ];
    for (q, (p, rit, rir, without)) in a.questions.iter().zip(expected) {
        assert!(close(q.p, p), "{q:?}");
        assert!(close(q.rit.unwrap(), rit), "{q:?}");
        assert!(close(q.rir.unwrap(), rir), "{q:?}");
        assert!(close(q.alpha_zonder.unwrap(), without), "{q:?}");
    }
}

/// Points, not 0/1: p is the mean over the maximum.
#[test]
fn p_is_the_mean_over_the_maximum() {
    let m = matrix(&[4.0, 1.0], &[&[4.0, 1.0], &[1.0, 0.0], &[2.0, 1.0]]);
    let a = analyse(&m);
    assert!(close(a.questions[0].mean, 7.0 / 3.0));
    assert!(close(a.questions[0].p, 7.0 / 12.0));
    assert!(close(a.questions[1].p, 2.0 / 3.0));
    assert_eq!(a.test.max_score, 5.0);
}

/// A question everyone got right has p 1 and no Rit or Rir; the others keep theirs.
#[test]
fn a_constant_question_has_no_correlation() {
    let m = matrix(
        &[1.0, 1.0, 1.0],
        &[&[1.0, 1.0, 0.0], &[1.0, 0.0, 0.0], &[1.0, 1.0, 1.0]],
    );
    let a = analyse(&m);
    let q = a.questions[0];
    assert_eq!((q.p, q.rit, q.rir), (1.0, None, None));
    assert!(q.alpha_zonder.is_some());
    assert!(a.questions[1].rit.is_some());
}

/// Undefined figures are `None`: one question (no alpha, a constant rest score), one kandidaat
/// (no SD, constant everything), a constant total.
#[test]
fn undefined_figures_are_none() {
    let one_question = analyse(&matrix(&[1.0], &[&[1.0], &[0.0]]));
    assert_eq!(one_question.test.alpha, None);
    assert_eq!(one_question.test.sem, None);
    let q = one_question.questions[0];
    assert_eq!(q.rit, Some(1.0));
    assert_eq!((q.rir, q.alpha_zonder), (None, None));

    let one_kandidaat = analyse(&matrix(&[1.0, 1.0], &[&[1.0, 0.0]]));
    assert_eq!(one_kandidaat.test.sd, None);
    assert_eq!(one_kandidaat.test.alpha, None);
    assert_eq!(one_kandidaat.questions[0].rit, None);

    // Totals 1, 1: the total does not vary, though the questions do.
    let constant_total = analyse(&matrix(&[1.0, 1.0], &[&[1.0, 0.0], &[0.0, 1.0]]));
    assert_eq!(constant_total.test.alpha, None);
    assert_eq!(constant_total.test.sd, Some(0.0));
    assert_eq!(constant_total.questions[0].rit, None);
    assert_eq!(constant_total.questions[0].rir, Some(-1.0));
}

/// Two questions the same: alpha without either is undefined (one question left), Rir is 1.
#[test]
fn two_identical_questions() {
    let a = analyse(&matrix(
        &[1.0, 1.0],
        &[&[1.0, 1.0], &[0.0, 0.0], &[1.0, 1.0]],
    ));
    assert!(close(a.test.alpha.unwrap(), 1.0));
    assert_eq!(a.test.sem, Some(0.0));
    assert!(close(a.questions[0].rir.unwrap(), 1.0));
    assert_eq!(a.questions[0].alpha_zonder, None);
}

/// The distribution and the number passing come from the totals.
#[test]
fn distribution_and_passing() {
    let a = analyse(&matrix(
        &[1.0, 1.0],
        &[&[1.0, 1.0], &[1.0, 0.0], &[0.0, 1.0], &[0.0, 0.0]],
    ));
    let counts: Vec<(f64, usize)> = a
        .distribution()
        .iter()
        .map(|f| (f.score, f.count))
        .collect();
    assert_eq!(counts, [(0.0, 1), (1.0, 2), (2.0, 1)]);
    assert_eq!(a.passing(1.0), 3);
    assert_eq!(a.passing(2.0), 1);
}
