//! Small helpers shared by the figures: a correlation from sums of squares and products that is
//! `None` where a variable does not vary, and the tolerance that decides "does not vary" for a
//! variance found by subtraction.

/// A sum of squares found by subtraction (of the rest score: total minus one question) counts as
/// zero when it is this small a fraction of the sums it came from: the rounding of sums over
/// 10,000 kandidaten is about 1e-12 of them, a real variance far above 1e-9.
pub(crate) const RELATIVE_ZERO: f64 = 1e-9;

/// Pearson's r from the centred sums: `sxy` = Σ(x−x̄)(y−ȳ), `sxx` and `syy` the sums of squares.
/// `None` when either sum of squares is not positive (a constant has no correlation); clamped to
/// [−1, 1] against rounding.
pub(crate) fn correlation(sxy: f64, sxx: f64, syy: f64) -> Option<f64> {
    (sxx > 0.0 && syy > 0.0).then(|| (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A constant gives no correlation, not NaN; perfect correlation stays within [−1, 1].
    #[test]
    fn constant_is_none_and_bounds_hold() {
        assert_eq!(correlation(0.0, 0.0, 2.0), None);
        assert_eq!(correlation(0.0, 2.0, 0.0), None);
        assert_eq!(correlation(2.0 + 1e-15, 2.0, 2.0), Some(1.0));
        assert_eq!(correlation(-1.0, 1.0, 4.0), Some(-0.5));
    }
}
