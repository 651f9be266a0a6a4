//! Properties of the statistics that hold for every input (issue 22): alpha of identical
//! questions is 1; permuting kandidaten or questions changes nothing; a constant question has p 0
//! or 1 and no Rit; no figure is ever NaN; the two assessors' order does not change agreement.

use proptest::prelude::*;
use toetsgen_analyse::agreement::{Oordeel, agreement, krippendorff_alpha};
use toetsgen_analyse::items::{ItemAnalysis, QuestionFigures, ScoreMatrix, analyse};

/// Maxima and rows of scores: 1–40 kandidaten, 1–12 questions, each question 0/1 or whole or
/// half points up to 4.
fn matrices() -> impl Strategy<Value = (Vec<f64>, Vec<Vec<f64>>)> {
    (
        1usize..=40,
        prop::collection::vec(prop_oneof![Just(1u8), 2..=8u8], 1..=12),
    )
        .prop_flat_map(|(n, steps)| {
            // A question of `s` steps scores 0..=s in steps of 0.5 (1 step: 0/1).
            let step = |s: u8| if s == 1 { 1.0 } else { 0.5 };
            let maxima: Vec<f64> = steps.iter().map(|&s| f64::from(s) * step(s)).collect();
            let row: Vec<_> = (steps.iter())
                .map(move |&s| (0..=s).prop_map(move |x| f64::from(x) * step(s)))
                .collect();
            (Just(maxima), prop::collection::vec(row, n))
        })
}

fn analysed(maxima: &[f64], rows: &[Vec<f64>]) -> ItemAnalysis {
    analyse(&ScoreMatrix::new(maxima.to_vec(), rows).expect("valid scores"))
}

/// Two figures equal up to the rounding of a different summation order.
fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs())),
        _ => false,
    }
}

fn same_question(a: &QuestionFigures, b: &QuestionFigures) -> bool {
    same(Some(a.p), Some(b.p))
        && same(Some(a.mean), Some(b.mean))
        && same(a.rit, b.rit)
        && same(a.rir, b.rir)
        && same(a.alpha_zonder, b.alpha_zonder)
}

fn same_test(a: &ItemAnalysis, b: &ItemAnalysis) -> bool {
    let (s, t) = (&a.test, &b.test);
    (s.kandidaten, s.questions) == (t.kandidaten, t.questions)
        && same(Some(s.mean), Some(t.mean))
        && same(s.sd, t.sd)
        && same(s.alpha, t.alpha)
        && same(s.sem, t.sem)
        && a.distribution() == b.distribution()
}

/// Every figure is a finite number or `None`, and within its range.
fn well_formed(a: &ItemAnalysis) -> bool {
    let finite = |x: Option<f64>| x.is_none_or(f64::is_finite);
    let unit = |x: Option<f64>| x.is_none_or(|x| (-1.0..=1.0).contains(&x));
    let at_most_1 = |x: Option<f64>| x.is_none_or(|x| x <= 1.0);
    a.questions.iter().all(|q| {
        (0.0..=1.0).contains(&q.p)
            && unit(q.rit)
            && unit(q.rir)
            && finite(q.alpha_zonder)
            && at_most_1(q.alpha_zonder)
    }) && finite(Some(a.test.mean))
        && finite(a.test.sd)
        && finite(a.test.alpha)
        && at_most_1(a.test.alpha)
        && finite(a.test.sem)
}

proptest! {
    /// k ≥ 2 copies of one question that varies: alpha is 1 and the SEM 0; a constant one: no alpha.
    #[test]
    fn alpha_of_identical_questions_is_1(
        column in prop::collection::vec(0..=4u8, 2..=50),
        k in 2usize..=10,
    ) {
        let rows: Vec<Vec<f64>> = column.iter().map(|&x| vec![f64::from(x); k]).collect();
        let a = analysed(&vec![4.0; k], &rows);
        if column.iter().all(|&x| x == column[0]) {
            prop_assert_eq!(a.test.alpha, None);
        } else {
            prop_assert!(same(a.test.alpha, Some(1.0)), "{:?}", a.test);
            prop_assert!(same(a.test.sem, Some(0.0)), "{:?}", a.test);
            for q in &a.questions {
                prop_assert!(same(q.rit, Some(1.0)), "{:?}", q);
            }
        }
    }

    /// Permuting the kandidaten changes no figure (the totals follow their kandidaten).
    #[test]
    fn permuting_kandidaten_changes_nothing(
        (maxima, rows, order) in matrices().prop_flat_map(|(m, rows)| {
            let order = Just((0..rows.len()).collect::<Vec<_>>()).prop_shuffle();
            (Just(m), Just(rows), order)
        })
    ) {
        let a = analysed(&maxima, &rows);
        let shuffled: Vec<Vec<f64>> = order.iter().map(|&i| rows[i].clone()).collect();
        let b = analysed(&maxima, &shuffled);
        prop_assert!(same_test(&a, &b), "{:?}\n{:?}", a.test, b.test);
        for (qa, qb) in a.questions.iter().zip(&b.questions) {
            prop_assert!(same_question(qa, qb), "{:?}\n{:?}", qa, qb);
        }
        for (i, &from) in order.iter().enumerate() {
            prop_assert!(same(Some(b.totals[i]), Some(a.totals[from])));
        }
    }

    /// Permuting the questions permutes their figures and changes none of the test's.
    #[test]
    fn permuting_questions_changes_nothing(
        (maxima, rows, order) in matrices().prop_flat_map(|(m, rows)| {
            let order = Just((0..m.len()).collect::<Vec<_>>()).prop_shuffle();
            (Just(m), Just(rows), order)
        })
    ) {
        let a = analysed(&maxima, &rows);
        let permute = |v: &[f64]| order.iter().map(|&j| v[j]).collect::<Vec<f64>>();
        let rows_b: Vec<Vec<f64>> = rows.iter().map(|r| permute(r)).collect();
        let b = analysed(&permute(&maxima), &rows_b);
        prop_assert!(same_test(&a, &b), "{:?}\n{:?}", a.test, b.test);
        for (j, &from) in order.iter().enumerate() {
            prop_assert!(same_question(&b.questions[j], &a.questions[from]));
        }
    }

    /// A question everyone scored 0 or everyone scored full marks on: p 0 or 1, Rit and Rir
    /// `None`; and no figure anywhere is NaN or out of range.
    #[test]
    fn a_constant_question_has_p_0_or_1_and_no_rit(
        (maxima, mut rows) in matrices(),
        full in any::<bool>(),
        at in any::<prop::sample::Index>(),
    ) {
        let j = at.index(maxima.len());
        for row in &mut rows {
            row[j] = if full { maxima[j] } else { 0.0 };
        }
        let a = analysed(&maxima, &rows);
        let q = a.questions[j];
        prop_assert_eq!(q.p, if full { 1.0 } else { 0.0 });
        prop_assert_eq!((q.rit, q.rir), (None, None));
        prop_assert!(well_formed(&a), "{:?}", a);
    }

    /// Any matrix: every figure finite or `None`, in range.
    #[test]
    fn no_figure_is_nan((maxima, rows) in matrices()) {
        let a = analysed(&maxima, &rows);
        prop_assert!(well_formed(&a), "{:?}", a);
    }

    /// Swapping the two assessors, or reordering the pairs, changes neither kappa nor
    /// Krippendorff's alpha; kappa is at most 1 and never NaN.
    #[test]
    fn agreement_is_symmetric(
        (pairs, order) in prop::collection::vec((any::<bool>(), any::<bool>()), 0..60)
            .prop_flat_map(|p| {
                let order = Just((0..p.len()).collect::<Vec<_>>()).prop_shuffle();
                (Just(p), order)
            })
    ) {
        let oordeel = |v: bool| if v { Oordeel::Voldoende } else { Oordeel::Onvoldoende };
        let pairs: Vec<(Oordeel, Oordeel)> =
            pairs.iter().map(|&(a, b)| (oordeel(a), oordeel(b))).collect();
        let swapped: Vec<(Oordeel, Oordeel)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
        let shuffled: Vec<(Oordeel, Oordeel)> = order.iter().map(|&i| pairs[i]).collect();
        let k = agreement(&pairs).kappa;
        prop_assert!(same(k, agreement(&swapped).kappa));
        prop_assert!(same(k, agreement(&shuffled).kappa));
        prop_assert!(k.is_none_or(|k| k.is_finite() && k <= 1.0));
        let units = |p: &[(Oordeel, Oordeel)]| -> Vec<[Option<Oordeel>; 2]> {
            p.iter().map(|&(a, b)| [Some(a), Some(b)]).collect()
        };
        let alpha = krippendorff_alpha(&units(&pairs));
        prop_assert!(same(alpha, krippendorff_alpha(&units(&swapped))));
        prop_assert!(same(alpha, krippendorff_alpha(&units(&shuffled))));
        prop_assert!(alpha.is_none_or(|a| a.is_finite() && a <= 1.0));
    }
}
