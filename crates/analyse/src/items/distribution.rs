//! The score distribution (how many kandidaten have each total score) and the number passing at
//! a cesuur.

/// One total score and how many kandidaten have it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frequency {
    /// The total score.
    pub score: f64,
    /// How many kandidaten have it.
    pub count: usize,
}

/// Each total score in `totals` that occurs, lowest first, with its count. Totals are sums of
/// the scores as read (whole or half points are exact in binary), so equal totals are equal
/// numbers.
pub fn distribution(totals: &[f64]) -> Vec<Frequency> {
    let mut sorted = totals.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mut out: Vec<Frequency> = Vec::new();
    for score in sorted {
        match out.last_mut() {
            Some(last) if last.score == score => last.count += 1,
            _ => out.push(Frequency { score, count: 1 }),
        }
    }
    out
}

/// How many of `totals` reach `cesuur`: a total at or above it. A total a rounding error below
/// the cesuur (0.1 + 0.2 against 0.3) counts as reaching it: the tolerance is 1e-9 of the cesuur,
/// far below any score step.
pub fn passing(totals: &[f64], cesuur: f64) -> usize {
    let floor = cesuur - 1e-9 * cesuur.abs().max(1.0);
    totals.iter().filter(|&&t| t >= floor).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Equal totals are counted together, lowest first.
    #[test]
    fn counts_each_total() {
        let d = distribution(&[3.0, 1.0, 3.0, 2.5, 1.0, 3.0]);
        let pairs: Vec<(f64, usize)> = d.iter().map(|f| (f.score, f.count)).collect();
        assert_eq!(pairs, [(1.0, 2), (2.5, 1), (3.0, 3)]);
        assert!(distribution(&[]).is_empty());
    }

    /// The cesuur itself passes; a rounding error below it too; a real step below it does not.
    #[test]
    fn the_cesuur_passes() {
        assert_eq!(passing(&[17.0, 18.0, 16.5, 20.0], 18.0), 2);
        assert_eq!(passing(&[0.1 + 0.2], 0.3), 1);
        assert_eq!(passing(&[0.29], 0.3), 0);
    }
}
