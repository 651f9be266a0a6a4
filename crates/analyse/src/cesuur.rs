//! A cesuur proposal by the Cohen-Schotanus method (a proposal for the examencommissie, never
//! applied by toetsgen).
//!
//! The method: J. Cohen-Schotanus and C. P. M. van der Vleuten, "A standard setting method with
//! the best performing students as point of reference: Practical and affordable", Medical Teacher
//! 32(2):154–160, 2010, doi:10.3109/01421590903196979 (in Dutch first as "Een betere cesuur bij
//! tentamens", Onderzoek van Onderwijs, 1996). The best kandidaten's score is a stable measure of
//! how hard a test was, so the cesuur is set relative to it: the reference score P is the score
//! of the kandidaat at the 95th percentile (the lowest score among the best 5 %), C the score to
//! be had by guessing, and
//!
//! ```text
//! cesuur = C + 0.6 · (P − C)
//! ```
//!
//! as C. Taylor summarises it ("60 % of the score of the student at the 95th percentile, after
//! correcting for guessing", Medical Teacher 33(12):e678–682, 2011, which proposes a modified
//! version not used here). Some Dutch summaries say "the mean of the best 5 %" instead; the
//! papers use the 95th-percentile score, and so does this module.
//!
//! Which kandidaat is at the 95th percentile: with n kandidaten, the ⌈0.05 · n⌉-th highest total
//! (at least the highest), so with 80 kandidaten whose best four scored 27, 26, 26 and 24, P is
//! 24. C is the caller's: the sum over the questions of maximum / number of options for
//! multiple-choice questions, 0 for open ones.

/// The share of best kandidaten whose lowest score is the reference: 5 % (the 95th percentile).
pub const TOP_SHARE: f64 = 0.05;

/// The share of the reference score above guessing that the cesuur asks: 60 %.
pub const FACTOR: f64 = 0.6;

/// A cesuur proposal and how it was found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CesuurProposal {
    /// How many kandidaten make up the best 5 % (at least 1).
    pub top: usize,
    /// The reference score P: the lowest total among the best 5 %.
    pub reference: f64,
    /// The guessing score C as given.
    pub guessing: f64,
    /// The proposed cesuur, C + 0.6 · (P − C), as a total score (not rounded).
    pub cesuur: f64,
}

/// The Cohen-Schotanus proposal for kandidaten with these `totals` and a test whose guessing
/// score is `guessing`; `None` without kandidaten or for a guessing score that is not a finite
/// number.
pub fn cohen_schotanus(totals: &[f64], guessing: f64) -> Option<CesuurProposal> {
    if totals.is_empty() || !guessing.is_finite() {
        return None;
    }
    let top = ((TOP_SHARE * totals.len() as f64).ceil() as usize).clamp(1, totals.len());
    let mut sorted = totals.to_vec();
    // The `top`-th highest: select it without sorting everything.
    let (_, &mut reference, _) = sorted.select_nth_unstable_by(top - 1, |a, b| b.total_cmp(a));
    Some(CesuurProposal {
        top,
        reference,
        guessing,
        cesuur: guessing + FACTOR * (reference - guessing),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of the method in the handbook of statest.cz ("Cohen Method", 2022,
    /// www.statest.cz/w/Book_(2022)/Cohen_Method): 80 kandidaten, 30 questions of 5 options
    /// (C = 6), the best four scored 27, 26, 26, 24: P = 24, cesuur = 6 + 0.6 · 18 = 16.8.
    #[test]
    fn eighty_kandidaten() {
        let mut totals = vec![27.0, 26.0, 26.0, 24.0];
        totals.extend((0..76).map(|i| f64::from(i % 24)));
        let p = cohen_schotanus(&totals, 6.0).unwrap();
        assert_eq!((p.top, p.reference), (4, 24.0));
        assert!((p.cesuur - 16.8).abs() < 1e-12);
    }

    /// Fewer than 20 kandidaten: the best one is the reference; 21 kandidaten: the second best.
    #[test]
    fn at_least_one_kandidaat_is_the_top() {
        let p = cohen_schotanus(&[10.0, 30.0, 20.0], 0.0).unwrap();
        assert_eq!((p.top, p.reference, p.cesuur), (1, 30.0, 18.0));
        let mut totals: Vec<f64> = (0..21).map(f64::from).collect();
        totals.reverse();
        let p = cohen_schotanus(&totals, 0.0).unwrap();
        assert_eq!((p.top, p.reference), (2, 19.0));
    }

    /// No kandidaten or no number as guessing score: no proposal.
    #[test]
    fn nothing_to_propose() {
        assert_eq!(cohen_schotanus(&[], 0.0), None);
        assert_eq!(cohen_schotanus(&[1.0], f64::NAN), None);
    }
}
