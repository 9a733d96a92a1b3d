//! The DVA-C02 blueprint: how many questions of each domain an exam of a given length holds.
//!
//! The real exam weights its four domains 32/26/24/18 percent. An exam of `n` questions gets each domain's
//! share rounded by the largest-remainder method, so the counts always sum to `n` and no domain is off by
//! more than one from its exact share.

/// The weights of domains 1-4, in percent.
pub const WEIGHTS: [u32; 4] = [32, 26, 24, 18];

/// The full mock exam: questions and minutes, as on the real exam.
pub const FULL_LENGTH: usize = 65;
/// Minutes for the full exam.
pub const FULL_MINUTES: u32 = 130;

/// Questions per domain for an exam of `len` questions, in domain order.
pub fn counts(len: usize) -> [usize; 4] {
    split(len, WEIGHTS)
}

/// Splits `len` between the domains by `weights` with the largest-remainder method: the counts sum to
/// `len` (unless every weight is 0), and on a tie the lower (heavier) domain wins. Domain drills use it
/// with the weights of the chosen domains only.
pub fn split(len: usize, weights: [u32; 4]) -> [usize; 4] {
    let total = u64::from(weights.iter().sum::<u32>());
    let mut counts = [0usize; 4];
    if total == 0 {
        return counts;
    }
    let mut remainders = [(0u64, 0usize); 4];
    for (d, w) in weights.iter().enumerate() {
        let exact = len as u64 * u64::from(*w);
        counts[d] = (exact / total) as usize;
        remainders[d] = (exact % total, d);
    }
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let short = len - counts.iter().sum::<usize>();
    for &(_, d) in remainders.iter().take(short) {
        counts[d] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_exam() {
        assert_eq!(counts(65), [21, 17, 15, 12]);
    }

    #[test]
    fn every_length_sums_and_stays_within_one_of_its_share() {
        for len in 0..=200 {
            let c = counts(len);
            assert_eq!(c.iter().sum::<usize>(), len, "length {len}");
            for d in 0..4 {
                let exact = len as f64 * f64::from(WEIGHTS[d]) / 100.0;
                assert!(
                    (c[d] as f64 - exact).abs() < 1.0,
                    "length {len} domain {}: {} vs {exact}",
                    d + 1,
                    c[d]
                );
            }
        }
        assert_eq!(counts(10), [3, 3, 2, 2]);
        assert_eq!(counts(20), [6, 5, 5, 4]);
        assert_eq!(counts(30), [10, 8, 7, 5]);
    }
}
