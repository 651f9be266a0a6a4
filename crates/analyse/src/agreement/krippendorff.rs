//! Krippendorff's alpha for nominal judgements: any number of assessors, any judgements
//! missing (K. Krippendorff, "Computing Krippendorff's Alpha-Reliability", 2011, section C:
//! nominal data, any number of observers, missing data).
//!
//! A unit (one toetsterm of one kandidaat) with m ≥ 2 judgements adds each ordered pair of its
//! judgements by different assessors to the coincidences with weight 1/(m − 1); units with fewer
//! than 2 judgements are not pairable and are left out. With n the number of pairable judgements,
//! n_c those of category c and o_ck the coincidences,
//!
//! ```text
//! alpha = 1 − D_o / D_e = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k
//! ```
//!
//! A unit's disagreeing coincidences are (m² − Σ_c m_c²)/(m − 1), m_c its judgements of category c,
//! so one pass over the units suffices. Alpha is undefined (`None`) when no unit is pairable or
//! every pairable judgement is of one category (D_e = 0).

/// Krippendorff's alpha (nominal) of `units`: per unit the judgement of each assessor, `None`
/// where that assessor gave none. Units may have different numbers of assessors.
pub fn krippendorff_alpha<C: PartialEq, U: AsRef<[Option<C>]>>(units: &[U]) -> Option<f64> {
    let mut categories: Vec<(&C, f64)> = Vec::new();
    let mut unit_counts: Vec<(&C, f64)> = Vec::new();
    let (mut n, mut disagreeing) = (0.0, 0.0);
    for unit in units {
        unit_counts.clear();
        for value in unit.as_ref().iter().flatten() {
            count(&mut unit_counts, value, 1.0);
        }
        let m: f64 = unit_counts.iter().map(|(_, c)| c).sum();
        if m < 2.0 {
            continue;
        }
        let same: f64 = unit_counts.iter().map(|(_, c)| c * c).sum();
        disagreeing += (m * m - same) / (m - 1.0);
        n += m;
        for &(value, c) in &unit_counts {
            count(&mut categories, value, c);
        }
    }
    let expected = n * n - categories.iter().map(|(_, c)| c * c).sum::<f64>();
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * disagreeing / expected)
}

/// Adds `by` to the count of `value` in `counts`.
fn count<'a, C: PartialEq>(counts: &mut Vec<(&'a C, f64)>, value: &'a C, by: f64) {
    match counts.iter_mut().find(|(c, _)| *c == value) {
        Some((_, n)) => *n += by,
        None => counts.push((value, by)),
    }
}
