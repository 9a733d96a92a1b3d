//! Study statistics over the history: what to reread, how ready each domain is, and what to retry.
//!
//! Everything is computed from [`History::summaries`] (so compacted attempts still count) or from one full
//! attempt; nothing is stored, so nothing can disagree with the history.

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::exam::score::is_correct;
use crate::exam::session::Confidence;
use crate::store::history::{Attempt, History};

/// The `n` note sections missed most over the whole history, as `(anchor, missed, total)`: most missed
/// first, then the higher miss rate, then by anchor. Sections never missed are left out, and so is a
/// section inside or around one ranked above it (`nested(a, b)`: one holds the other): a chapter's `##`
/// section beside a `###` inside it sent the learner to the same pages twice, and took a place in a short
/// list that a different weak spot should have had.
pub fn weakest_sections(
    h: &History,
    n: usize,
    nested: impl Fn(&str, &str) -> bool,
) -> Vec<(String, usize, usize)> {
    let mut sums: HashMap<String, (usize, usize)> = HashMap::new();
    for s in h.summaries() {
        for t in s.sections {
            let sum = sums.entry(t.section).or_default();
            sum.0 += t.missed;
            sum.1 += t.total;
        }
    }
    let mut rows: Vec<(String, usize, usize)> = sums
        .into_iter()
        .filter(|(_, (missed, _))| *missed > 0)
        .map(|(anchor, (missed, total))| (anchor, missed, total))
        .collect();
    crate::sort::sort_by(&mut rows, |a, b| {
        b.1.cmp(&a.1)
            .then_with(|| rate_desc(a, b))
            .then_with(|| a.0.cmp(&b.0))
    });
    let mut kept: Vec<(String, usize, usize)> = Vec::with_capacity(n);
    for row in rows {
        if kept.len() == n {
            break;
        }
        if !kept.iter().any(|k| nested(&k.0, &row.0)) {
            kept.push(row);
        }
    }
    kept
}

/// Higher miss rate first, compared exactly: a.missed/a.total > b.missed/b.total.
fn rate_desc(a: &(String, usize, usize), b: &(String, usize, usize)) -> Ordering {
    let (left, right) = (a.1 as u128 * b.2 as u128, b.1 as u128 * a.2 as u128);
    right.cmp(&left)
}

/// The share of questions answered rightly per domain of the exam `exam` (index 0 is domain 1, `domains`
/// rows) over the last `last` attempts taken under that exam that measure readiness (timed exams drawn
/// from the bank: not retries, due-for-review sets or practice); `None` for a domain none of them asked
/// about. Attempts under another exam do not count: its domains mean other things.
pub fn readiness(h: &History, last: usize, exam: &str, domains: usize) -> Vec<Option<f64>> {
    readiness_counts(h, last, exam, domains)
        .into_iter()
        .map(|(correct, total)| (total > 0).then(|| correct as f64 / total as f64))
        .collect()
}

/// What [`readiness`] rests on: `(correct, total)` per domain, so a share can say how many answers it
/// stands on (67 % of 3 is not 67 % of 60).
pub fn readiness_counts(
    h: &History,
    last: usize,
    exam: &str,
    domains: usize,
) -> Vec<(usize, usize)> {
    let summaries = h.summaries();
    let mut sums = vec![(0usize, 0usize); domains];
    let counted = summaries
        .iter()
        .rev()
        .filter(|s| s.exam == exam && s.measures_readiness());
    for s in counted.take(last) {
        for (sum, (correct, total)) in sums.iter_mut().zip(&s.domains) {
            sum.0 += correct;
            sum.1 += total;
        }
    }
    sums
}

/// The questions of an attempt worth another go: answered wrongly, unanswered, or flagged, in the
/// attempt's order. Retired questions (`key_of` gives `None`) are left out.
pub fn retry_ids(a: &Attempt, key_of: impl Fn(&str) -> Option<Vec<u8>>) -> Vec<String> {
    a.session
        .items
        .iter()
        .filter(|it| key_of(&it.id).is_some_and(|keys| it.flagged || !is_correct(it, &keys)))
        .map(|it| it.id.clone())
        .collect()
}

/// Item indices of an attempt answered wrongly although the learner said they were sure: a
/// misconception, the most valuable thing to restudy. Retired questions are left out.
pub fn wrong_while_sure(a: &Attempt, key_of: impl Fn(&str) -> Option<Vec<u8>>) -> Vec<usize> {
    with_confidence(a, Confidence::Sure, false, key_of)
}

/// Item indices of an attempt answered rightly by a guess: a point that will not come twice.
pub fn right_by_guessing(a: &Attempt, key_of: impl Fn(&str) -> Option<Vec<u8>>) -> Vec<usize> {
    with_confidence(a, Confidence::Guess, true, key_of)
}

fn with_confidence(
    a: &Attempt,
    level: Confidence,
    right: bool,
    key_of: impl Fn(&str) -> Option<Vec<u8>>,
) -> Vec<usize> {
    a.session
        .items
        .iter()
        .enumerate()
        .filter(|(_, it)| {
            it.confidence == Some(level)
                && !it.chosen.is_empty()
                && key_of(&it.id).is_some_and(|keys| is_correct(it, &keys) == right)
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn miss_rates_compare_exactly() {
        let row = |m, t| (String::new(), m, t);
        assert_eq!(rate_desc(&row(1, 3), &row(2, 6)), Ordering::Equal);
        assert_eq!(
            rate_desc(&row(2, 2), &row(2, 4)),
            Ordering::Less,
            "the higher rate sorts first"
        );
        assert_eq!(rate_desc(&row(1, 3), &row(1, 2)), Ordering::Greater);
    }
}
