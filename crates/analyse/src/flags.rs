//! The questions worth a second look, by the thresholds issue 22 names (rules of thumb of
//! classical item analysis, named here once so that the report can print them):
//!
//! - p below [`P_LOW`] (0.30): too hard, or the key is wrong;
//! - p above [`P_HIGH`] (0.90): too easy to tell kandidaten apart;
//! - Rir below [`RIR_LOW`] (0.20): the question hardly measures what the rest measures;
//! - Rir below 0: kandidaten who do well on the rest do worse on this question (a wrong key, an
//!   ambiguous question); reported instead of the low Rir, not beside it;
//! - Rir undefined: everyone scored the same (or the rest did), so it tells nothing.
//!
//! A flag is a reason to read the question again, not a verdict: with few kandidaten the
//! correlations vary a lot by chance.

use crate::items::QuestionFigures;

/// Below this p-waarde a question is flagged as hard.
pub const P_LOW: f64 = 0.30;

/// Above this p-waarde a question is flagged as easy.
pub const P_HIGH: f64 = 0.90;

/// Below this Rir (and not below 0) a question is flagged as discriminating little.
pub const RIR_LOW: f64 = 0.20;

/// Why a question is flagged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flag {
    /// p < [`P_LOW`].
    Hard,
    /// p > [`P_HIGH`].
    Easy,
    /// 0 ≤ Rir < [`RIR_LOW`].
    LowRir,
    /// Rir < 0.
    NegativeRir,
    /// Rir undefined: the question or the rest score is constant.
    NoRir,
}

/// The flags of one question, in the order of [`Flag`]; empty when nothing is wrong.
pub fn flag(q: &QuestionFigures) -> Vec<Flag> {
    let mut out = Vec::new();
    if q.p < P_LOW {
        out.push(Flag::Hard);
    }
    if q.p > P_HIGH {
        out.push(Flag::Easy);
    }
    match q.rir {
        Some(r) if r < 0.0 => out.push(Flag::NegativeRir),
        Some(r) if r < RIR_LOW => out.push(Flag::LowRir),
        Some(_) => {}
        None => out.push(Flag::NoRir),
    }
    out
}

/// The flagged questions: (index of the question, its flags), in question order.
pub fn flag_all(questions: &[QuestionFigures]) -> Vec<(usize, Vec<Flag>)> {
    (questions.iter().enumerate())
        .map(|(j, q)| (j, flag(q)))
        .filter(|(_, flags)| !flags.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(p: f64, rir: Option<f64>) -> QuestionFigures {
        QuestionFigures {
            max: 1.0,
            mean: p,
            p,
            rit: rir,
            rir,
            alpha_zonder: None,
        }
    }

    /// Each threshold flags on its side and not at the threshold itself.
    #[test]
    fn thresholds() {
        assert_eq!(flag(&question(0.5, Some(0.4))), []);
        assert_eq!(flag(&question(0.29, Some(0.4))), [Flag::Hard]);
        assert_eq!(flag(&question(P_LOW, Some(RIR_LOW))), []);
        assert_eq!(flag(&question(P_HIGH, Some(0.4))), []);
        assert_eq!(
            flag(&question(0.91, Some(0.19))),
            [Flag::Easy, Flag::LowRir]
        );
        assert_eq!(flag(&question(0.5, Some(-0.1))), [Flag::NegativeRir]);
        assert_eq!(flag(&question(1.0, None)), [Flag::Easy, Flag::NoRir]);
    }

    /// Only flagged questions are listed, with their index.
    #[test]
    fn lists_flagged_questions() {
        let qs = [question(0.5, Some(0.4)), question(0.1, Some(0.3))];
        assert_eq!(flag_all(&qs), [(1, vec![Flag::Hard])]);
    }
}
