//! The blueprint: how many questions of each domain an exam of a given length holds, and the full exam's
//! length and time.
//!
//! Nothing here knows which exam is simulated: the app builds its [`Blueprint`] from the exam definition
//! (`questions/exam.md`, compiled into `bank::EXAM`), and tests build others (three domains, say), so the
//! engine cannot quietly assume four domains. An exam of `n` questions gets each domain's share rounded by
//! the largest-remainder method, so the counts always sum to `n` and no domain is off by more than one
//! from its exact share.

/// The shape of an exam: domain weights and the full exam's format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blueprint {
    /// The weight of each domain in percent; index 0 is domain 1.
    pub weights: Vec<u32>,
    /// Questions of the full exam.
    pub full_length: usize,
    /// Minutes of the full exam.
    pub full_minutes: u32,
    /// Extra minutes granted on request for the full exam (shorter exams get the same proportion).
    pub extra_minutes: u32,
}

impl Blueprint {
    /// How many domains the exam has.
    pub fn domains(&self) -> usize {
        self.weights.len()
    }

    /// Questions per domain for an exam of `len` questions, in domain order.
    pub fn counts(&self, len: usize) -> Vec<usize> {
        split(len, &self.weights)
    }
}

/// Splits `len` between the domains by `weights` with the largest-remainder method: the counts sum to
/// `len` (unless every weight is 0), and on a tie the lower (heavier) domain wins. Domain drills use it
/// with the weights of the chosen domains only (the others set to 0).
pub fn split(len: usize, weights: &[u32]) -> Vec<usize> {
    let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
    let mut counts = vec![0usize; weights.len()];
    if total == 0 {
        return counts;
    }
    let mut remainders: Vec<(u64, usize)> = Vec::with_capacity(weights.len());
    for (d, w) in weights.iter().enumerate() {
        let exact = len as u64 * u64::from(*w);
        counts[d] = (exact / total) as usize;
        remainders.push((exact % total, d));
    }
    crate::sort::sort_by(&mut remainders, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let short = len - counts.iter().sum::<usize>();
    for &(_, d) in remainders.iter().take(short) {
        counts[d] += 1;
    }
    counts
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// DVA-C03's blueprint, for the unit tests of this module and of `spec`.
    pub(crate) fn c03() -> Blueprint {
        Blueprint {
            weights: vec![30, 26, 22, 22],
            full_length: 65,
            full_minutes: 130,
            extra_minutes: 30,
        }
    }

    #[test]
    fn full_exam() {
        assert_eq!(c03().counts(65), [20, 17, 14, 14]);
        assert_eq!(split(65, &[32, 26, 24, 18]), [21, 17, 15, 12], "DVA-C02");
    }

    #[test]
    fn every_length_sums_and_stays_within_one_of_its_share() {
        for weights in [
            vec![30, 26, 22, 22],
            vec![50, 30, 20],
            vec![100],
            vec![10, 10, 10, 10, 60],
        ] {
            let total: u32 = weights.iter().sum();
            for len in 0..=200 {
                let c = split(len, &weights);
                assert_eq!(c.len(), weights.len());
                assert_eq!(c.iter().sum::<usize>(), len, "length {len}");
                for d in 0..weights.len() {
                    let exact = len as f64 * f64::from(weights[d]) / f64::from(total);
                    assert!(
                        (c[d] as f64 - exact).abs() < 1.0,
                        "{weights:?} length {len} domain {d}"
                    );
                }
            }
        }
        assert_eq!(c03().counts(10), [3, 3, 2, 2]);
        assert_eq!(c03().counts(20), [6, 5, 5, 4]);
        assert_eq!(c03().counts(30), [9, 8, 7, 6]);
    }

    #[test]
    fn no_weights_asks_for_nothing() {
        assert_eq!(split(10, &[0, 0, 0]), [0, 0, 0]);
        assert!(split(10, &[]).is_empty());
    }
}
