//! The classical item analysis of a question exam (klassieke toetsanalyse): from a
//! [`ScoreMatrix`] the figures of each question and of the test.
//!
//! Per question j, with x the question's scores, t the total scores and r = t − x the rest:
//! - p-waarde: mean(x) / maximum (for 0/1 scores the fraction right);
//! - Rit: Pearson's r of x and t; Rir: Pearson's r of x and r (the question left out of the
//!   total, so it does not correlate with itself);
//! - alpha without it: Cronbach's alpha of the other questions.
//!
//! For the test, with k questions: Cronbach's alpha = k/(k−1) · (1 − Σ var(x_j) / var(t)), which
//! for 0/1 scores is KR-20; SD of the totals and SEM = SD · √(1 − alpha).
//!
//! **Variances are sample variances** (divided by n − 1), as pandas' `std()`, SPSS and the
//! reference figures of `tests/fixtures/analyse/` compute them; alpha and the correlations do not
//! depend on the choice, the SD and SEM do (by √(n/(n−1))).
//!
//! Undefined figures are `None`: a correlation with a constant (a question everyone got right or
//! wrong: Rit and Rir; a constant total or rest score), alpha of fewer than 2 questions (alpha
//! without a question: fewer than 3) or of a constant total, the SD of one kandidaat.
//!
//! Two passes over the scores: the first sums the columns and the totals, the second the
//! centred squares and the products with the total. The sums for the rest score follow from
//! those (var(t − x) = var(t) + var(x) − 2 cov(x, t)), so nothing is of size kandidaten ×
//! kandidaten or questions × questions.

mod distribution;
mod matrix;

pub use distribution::{Frequency, distribution, passing};
pub use matrix::{MatrixError, ScoreMatrix};

use crate::moments::{RELATIVE_ZERO, correlation};

/// The figures of one question.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuestionFigures {
    /// The question's maximum score.
    pub max: f64,
    /// The mean score.
    pub mean: f64,
    /// p-waarde: the mean score divided by the maximum, from 0 to 1.
    pub p: f64,
    /// Rit: correlation of the question with the total score; `None` if either is constant.
    pub rit: Option<f64>,
    /// Rir: correlation of the question with the rest score (the total without this question);
    /// `None` if either is constant.
    pub rir: Option<f64>,
    /// Cronbach's alpha of the test without this question; `None` below 3 questions or when the
    /// rest score is constant.
    pub alpha_zonder: Option<f64>,
}

/// The figures of the test as a whole.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TestFigures {
    /// How many kandidaten.
    pub kandidaten: usize,
    /// How many questions.
    pub questions: usize,
    /// The highest total score possible: the sum of the maxima.
    pub max_score: f64,
    /// The mean total score.
    pub mean: f64,
    /// The sample standard deviation of the total scores (n − 1); `None` for one kandidaat.
    pub sd: Option<f64>,
    /// Cronbach's alpha (KR-20 for 0/1 scores); `None` below 2 questions or for a constant total.
    pub alpha: Option<f64>,
    /// Standard error of measurement, SD · √(1 − alpha); `None` where either is.
    pub sem: Option<f64>,
}

/// The item analysis of a score matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemAnalysis {
    /// One entry per question, in the matrix's column order.
    pub questions: Vec<QuestionFigures>,
    /// The test's figures.
    pub test: TestFigures,
    /// Each kandidaat's total score, in the matrix's row order.
    pub totals: Vec<f64>,
}

impl ItemAnalysis {
    /// The score distribution: each total score that occurs, lowest first, with its count.
    pub fn distribution(&self) -> Vec<Frequency> {
        distribution(&self.totals)
    }

    /// How many kandidaten reach `cesuur` (a total score at or above it).
    pub fn passing(&self, cesuur: f64) -> usize {
        passing(&self.totals, cesuur)
    }
}

/// Sums of the first pass: per question its sum and whether it is constant, per kandidaat the
/// total.
struct Sums {
    column: Vec<f64>,
    constant: Vec<bool>,
    totals: Vec<f64>,
}

fn first_pass(m: &ScoreMatrix) -> Sums {
    let first = m.rows().next().unwrap_or(&[]).to_vec();
    let mut sums = Sums {
        column: vec![0.0; m.questions()],
        constant: vec![true; m.questions()],
        totals: Vec::with_capacity(m.kandidaten()),
    };
    for row in m.rows() {
        let mut total = 0.0;
        for (j, &x) in row.iter().enumerate() {
            sums.column[j] += x;
            sums.constant[j] &= x == first[j];
            total += x;
        }
        sums.totals.push(total);
    }
    sums
}

/// Centred sums of the second pass: per question Σ(x − x̄)² and Σ(x − x̄)(t − t̄), and Σ(t − t̄)².
struct Centred {
    sxx: Vec<f64>,
    sxt: Vec<f64>,
    stt: f64,
}

fn second_pass(m: &ScoreMatrix, means: &[f64], totals: &[f64], mean_total: f64) -> Centred {
    let mut c = Centred {
        sxx: vec![0.0; m.questions()],
        sxt: vec![0.0; m.questions()],
        stt: 0.0,
    };
    for (row, &t) in m.rows().zip(totals) {
        let dt = t - mean_total;
        c.stt += dt * dt;
        for (j, (&x, &mean)) in row.iter().zip(means).enumerate() {
            let dx = x - mean;
            c.sxx[j] += dx * dx;
            c.sxt[j] += dx * dt;
        }
    }
    c
}

/// Cronbach's alpha of `k` questions from the sum of their sums of squares and the total's;
/// `None` below 2 questions or for a constant total. At most 1, as in exact arithmetic; within
/// rounding of 1 ([`RELATIVE_ZERO`]) it is 1, so that identical questions give alpha 1 and a SEM
/// of 0 rather than √(2e-16) · SD.
fn cronbach(k: usize, sum_sxx: f64, stt: f64) -> Option<f64> {
    (k >= 2 && stt > 0.0).then(|| {
        let k = k as f64;
        let alpha = k / (k - 1.0) * (1.0 - sum_sxx / stt);
        if alpha > 1.0 - RELATIVE_ZERO {
            1.0
        } else {
            alpha
        }
    })
}

/// The item analysis of `m`.
pub fn analyse(m: &ScoreMatrix) -> ItemAnalysis {
    let n = m.kandidaten() as f64;
    let k = m.questions();
    let sums = first_pass(m);
    let means: Vec<f64> = sums.column.iter().map(|s| s / n).collect();
    let mean_total = sums.totals.iter().sum::<f64>() / n;
    let c = second_pass(m, &means, &sums.totals, mean_total);
    let total_constant = sums.totals.iter().all(|&t| t == sums.totals[0]);
    let stt = if total_constant { 0.0 } else { c.stt };
    let sum_sxx: f64 = (0..k)
        .map(|j| if sums.constant[j] { 0.0 } else { c.sxx[j] })
        .sum();

    let questions = (0..k)
        .map(|j| {
            let sxx = if sums.constant[j] { 0.0 } else { c.sxx[j] };
            let sxt = if sums.constant[j] { 0.0 } else { c.sxt[j] };
            // The rest score r = t − x: Σ(r − r̄)² and Σ(x − x̄)(r − r̄) from the sums above.
            let srr = stt + sxx - 2.0 * sxt;
            let srr = if srr > RELATIVE_ZERO * (stt + sxx) {
                srr
            } else {
                0.0
            };
            let sxr = sxt - sxx;
            let max = m.maxima()[j];
            QuestionFigures {
                max,
                mean: means[j],
                p: means[j] / max,
                rit: correlation(sxt, sxx, stt),
                rir: correlation(sxr, sxx, srr),
                alpha_zonder: cronbach(k - 1, sum_sxx - sxx, srr),
            }
        })
        .collect();

    let sd = (m.kandidaten() >= 2).then(|| (stt / (n - 1.0)).sqrt());
    let alpha = cronbach(k, sum_sxx, stt);
    let sem = sd.zip(alpha).map(|(sd, a)| sd * (1.0 - a).max(0.0).sqrt());
    ItemAnalysis {
        questions,
        test: TestFigures {
            kandidaten: m.kandidaten(),
            questions: k,
            max_score: m.maxima().iter().sum(),
            mean: mean_total,
            sd,
            alpha,
            sem,
        },
        totals: sums.totals,
    }
}

#[cfg(test)]
mod tests;
