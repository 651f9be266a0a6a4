//! Agreement between two assessors who judged the same kandidaten on the same toetstermen, each
//! on a form of their own (issue 22): for every toetsterm of every kandidaat judged by both, a
//! pair of judgements (the first assessor's, the second's).
//!
//! - [`agreement`]: the share of pairs that agree and Cohen's kappa, for one toetsterm's pairs
//!   or (chained) for all pairs together;
//! - [`severity`]: each assessor's rate of voldoende on the same pairs;
//! - [`krippendorff_alpha`]: Krippendorff's alpha for nominal judgements, any number of
//!   assessors, judgements missing allowed.
//!
//! Cohen's kappa (J. Cohen, "A coefficient of agreement for nominal scales", Educational and
//! Psychological Measurement 20(1):37–46, 1960) corrects the observed agreement p_o for the
//! agreement p_e that two assessors judging at random with their own rates would reach:
//! κ = (p_o − p_e) / (1 − p_e), p_e = Σ_c (a_c / n) · (b_c / n) with a_c and b_c the number of
//! pairs in which the first and the second assessor chose category c. It is undefined (`None`)
//! when p_e = 1: both assessors gave every pair the same one category.

mod krippendorff;

pub use krippendorff::krippendorff_alpha;

/// A judgement of a toetsterm on the nominal scale voldoende / onvoldoende.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Oordeel {
    /// Voldoende.
    Voldoende,
    /// Onvoldoende.
    Onvoldoende,
}

/// How far two assessors agree on a set of pairs of judgements.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Agreement {
    /// How many pairs.
    pub pairs: usize,
    /// How many pairs agree.
    pub agreeing: usize,
    /// The share of pairs that agree, from 0 to 1 (0.85 is 85 %); `None` without pairs.
    pub proportion: Option<f64>,
    /// Cohen's kappa; `None` without pairs or when both assessors gave every pair the same
    /// one category (chance agreement 1).
    pub kappa: Option<f64>,
}

/// The agreement of the pairs (first assessor's judgement, second's). Give one toetsterm's
/// pairs for its figures, or all pairs chained (`per_toetsterm.iter().flatten()`) for the
/// overall ones: the overall kappa is Cohen's kappa of all pairs pooled.
pub fn agreement<'a, C: PartialEq + 'a>(pairs: impl IntoIterator<Item = &'a (C, C)>) -> Agreement {
    // Per category: how often the first and the second assessor chose it.
    let mut margins: Vec<(&C, u64, u64)> = Vec::new();
    let (mut n, mut agreeing) = (0u64, 0u64);
    for (first, second) in pairs {
        n += 1;
        agreeing += u64::from(first == second);
        for (judgement, side) in [(first, 0), (second, 1)] {
            let at = match margins.iter().position(|(c, _, _)| *c == judgement) {
                Some(at) => at,
                None => {
                    margins.push((judgement, 0, 0));
                    margins.len() - 1
                }
            };
            if side == 0 {
                margins[at].1 += 1;
            } else {
                margins[at].2 += 1;
            }
        }
    }
    let chance: u64 = margins.iter().map(|(_, a, b)| a * b).sum();
    let (nf, squared) = (n as f64, (n * n) as f64);
    let observed = (n > 0).then(|| agreeing as f64 / nf);
    let kappa = observed.filter(|_| chance < n * n).map(|p_o| {
        let p_e = chance as f64 / squared;
        (p_o - p_e) / (1.0 - p_e)
    });
    Agreement {
        pairs: n as usize,
        agreeing: agreeing as usize,
        proportion: observed,
        kappa,
    }
}

/// Each assessor's rate of voldoende on the same pairs: a lower rate than the other's is the
/// stricter assessor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Severity {
    /// How many pairs.
    pub pairs: usize,
    /// The first assessor's share of voldoende, from 0 to 1; `None` without pairs.
    pub eerste: Option<f64>,
    /// The second assessor's share of voldoende, from 0 to 1; `None` without pairs.
    pub tweede: Option<f64>,
}

/// The rates of voldoende of the first and the second assessor over the pairs.
pub fn severity<'a>(pairs: impl IntoIterator<Item = &'a (Oordeel, Oordeel)>) -> Severity {
    let (mut n, mut first, mut second) = (0usize, 0usize, 0usize);
    for (a, b) in pairs {
        n += 1;
        first += usize::from(*a == Oordeel::Voldoende);
        second += usize::from(*b == Oordeel::Voldoende);
    }
    let rate = |count: usize| (n > 0).then(|| count as f64 / n as f64);
    Severity {
        pairs: n,
        eerste: rate(first),
        tweede: rate(second),
    }
}

#[cfg(test)]
mod tests;
