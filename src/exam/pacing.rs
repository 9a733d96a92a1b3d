//! Pacing: where the time of an attempt went, against the real exam's pace, and whether changing an
//! answer paid off.
//!
//! The real exam allows about two minutes per question (130 minutes for 65). A learner who runs out of
//! time needs to know which domains and which questions ate it; one who changes answers needs to know
//! whether second thoughts help them (most learners believe they hurt; the data usually says otherwise,
//! and each learner's own data is what persuades).

use super::score::{is_correct, same_choices};
use super::session::{Item, Session};

/// Time spent on one domain's questions.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainPace {
    /// Numbered from 1.
    pub domain: u8,
    pub questions: usize,
    pub spent_ms: f64,
}

impl DomainPace {
    /// Average time per question (0 for a domain with none).
    pub fn per_question_ms(&self) -> f64 {
        if self.questions == 0 {
            0.0
        } else {
            self.spent_ms / self.questions as f64
        }
    }
}

/// How changed answers turned out. An answer counts as changed when the final answer differs from the
/// first complete one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Changes {
    /// Questions answered completely at some point.
    pub answered: usize,
    pub changed: usize,
    /// Wrong first, right in the end.
    pub helped: usize,
    /// Right first, wrong in the end.
    pub hurt: usize,
    /// Wrong both times.
    pub neither: usize,
}

/// The pacing of one attempt.
#[derive(Debug, Clone, PartialEq)]
pub struct Pacing {
    /// The exam's pace: its full minutes over its full length (2 minutes for DVA-C03).
    pub pace_ms: f64,
    /// One row per domain of the exam, domain 1 first.
    pub domains: Vec<DomainPace>,
    /// Item indices of the slowest questions, slowest first (ties by position).
    pub slowest: Vec<usize>,
    /// Questions that took longer than the pace.
    pub over_pace: usize,
    pub changes: Changes,
}

/// What pacing needs to know of a question of today's bank: its domain and key; `None` for a retired
/// question, which still counts toward the time but toward no domain and no change.
pub struct PaceInfo<'a> {
    pub domain: u8,
    pub keys: &'a [u8],
}

/// The pacing of session `s` on an exam of `domains` domains whose pace is `pace_ms` per question,
/// naming its `slowest` slowest questions.
pub fn pacing<'a>(
    s: &Session,
    domains: usize,
    pace_ms: f64,
    slowest: usize,
    info: impl Fn(&str) -> Option<PaceInfo<'a>>,
) -> Pacing {
    let mut rows: Vec<DomainPace> = (1..=domains)
        .map(|d| DomainPace {
            domain: d as u8,
            questions: 0,
            spent_ms: 0.0,
        })
        .collect();
    let mut changes = Changes::default();
    for item in &s.items {
        let Some(k) = info(&item.id) else {
            continue;
        };
        if let Some(row) = rows.get_mut(usize::from(k.domain).wrapping_sub(1)) {
            row.questions += 1;
            row.spent_ms += item.spent_ms.max(0.0);
        }
        tally_change(item, k.keys, &mut changes);
    }
    let mut order: Vec<usize> = (0..s.items.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| {
        s.items[b]
            .spent_ms
            .total_cmp(&s.items[a].spent_ms)
            .then(a.cmp(&b))
    });
    // Under a second is a question skipped past, not a slow one.
    order.retain(|&i| s.items[i].spent_ms >= 1_000.0);
    order.truncate(slowest);
    Pacing {
        pace_ms,
        domains: rows,
        slowest: order,
        over_pace: s.items.iter().filter(|i| i.spent_ms > pace_ms).count(),
        changes,
    }
}

/// Adds one item to the change tally.
fn tally_change(item: &Item, keys: &[u8], c: &mut Changes) {
    let Some(first) = &item.first else {
        return;
    };
    c.answered += 1;
    if same_choices(first, &item.chosen) {
        return;
    }
    c.changed += 1;
    let right_first = !first.is_empty() && same_choices(first, keys);
    let right_now = is_correct(item, keys);
    match (right_first, right_now) {
        (false, true) => c.helped += 1,
        (true, false) => c.hurt += 1,
        (false, false) => c.neither += 1,
        (true, true) => {}
    }
}

/// "1 min 05 s", "45 s", "2.6 s": a duration as a learner reads it on the results page, on one line (no-break
/// spaces: "28 min" and "09 s" broke apart in a phone's table cell). Under ten seconds it keeps a tenth: a
/// domain's "3 s, 1 s each" beside another's "3 s, 2 s each" (2.6 and 3.4 s over two questions) read as
/// arithmetic gone wrong.
pub fn short_duration(ms: f64) -> String {
    let ms = ms.max(0.0);
    if ms < 9_950.0 {
        return format!("{}\u{a0}s", crate::decimal::fixed(ms / 1000.0, 1));
    }
    let s = (ms / 1000.0).round() as u64;
    if s < 60 {
        format!("{s}\u{a0}s")
    } else {
        format!("{}\u{a0}min\u{a0}{:02}\u{a0}s", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exam::spec::{Kind, Mode, Spec};

    fn item(id: &str, spent_ms: f64, first: Option<Vec<u8>>, chosen: Vec<u8>) -> Item {
        Item {
            chosen,
            spent_ms,
            first,
            ..Item::new(id, vec![0, 1, 2, 3], 1)
        }
    }

    fn session(items: Vec<Item>) -> Session {
        let spec = Spec {
            kind: Kind::Quick { length: 4 },
            mode: Mode::Exam,
            extra_time: false,
            seed: 1,
        };
        Session::new(spec, Some(8), "T", "b", items, 0.0)
    }

    /// Every question's key is option 0; "d2-" questions are in domain 2, "gone" is retired.
    fn info(id: &str) -> Option<PaceInfo<'static>> {
        (id != "gone").then(|| PaceInfo {
            domain: if id.starts_with("d2-") { 2 } else { 1 },
            keys: &[0],
        })
    }

    #[test]
    fn time_per_domain_slowest_and_over_pace() {
        let s = session(vec![
            item("a", 60_000.0, Some(vec![0]), vec![0]),
            item("d2-b", 200_000.0, Some(vec![1]), vec![1]),
            item("d2-c", 130_000.0, None, vec![]),
            item("gone", 500_000.0, Some(vec![0]), vec![0]),
        ]);
        let p = pacing(&s, 3, 120_000.0, 2, info);
        assert_eq!(p.domains[0].questions, 1);
        assert_eq!(p.domains[1].spent_ms, 330_000.0);
        assert_eq!(p.domains[1].per_question_ms(), 165_000.0);
        assert_eq!(
            p.domains[2].per_question_ms(),
            0.0,
            "a domain with no questions"
        );
        assert_eq!(
            p.slowest,
            [3, 1],
            "the retired question's time still counts"
        );
        assert_eq!(p.over_pace, 3);
    }

    #[test]
    fn changed_answers_are_judged_first_against_final() {
        let s = session(vec![
            item("a", 1.0, Some(vec![1]), vec![0]), // wrong -> right
            item("b", 1.0, Some(vec![0]), vec![2]), // right -> wrong
            item("c", 1.0, Some(vec![1]), vec![2]), // wrong -> wrong
            item("d", 1.0, Some(vec![0]), vec![0]), // unchanged
            item("e", 1.0, None, vec![]),           // never answered
        ]);
        let c = pacing(&s, 1, 120_000.0, 0, info).changes;
        assert_eq!(
            c,
            Changes {
                answered: 4,
                changed: 3,
                helped: 1,
                hurt: 1,
                neither: 1
            }
        );
    }

    #[test]
    fn a_multi_response_answer_in_another_order_is_not_a_change() {
        let mut it = item("a", 1.0, Some(vec![0, 1]), vec![1, 0]);
        it.keys = 2;
        let mut c = Changes::default();
        tally_change(&it, &[0, 1], &mut c);
        assert_eq!((c.answered, c.changed), (1, 0));
        // Cut back to one choice of two: a change from right to wrong (partial is wrong).
        let mut it = item("a", 1.0, Some(vec![0, 1]), vec![0]);
        it.keys = 2;
        tally_change(&it, &[0, 1], &mut c);
        assert_eq!((c.changed, c.hurt), (1, 1));
    }

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        // Numbers and units joined by no-break spaces: "1 min 39" and "s" on two lines looked broken.
        assert_eq!(short_duration(45_400.0), "45\u{a0}s");
        assert_eq!(short_duration(65_000.0), "1\u{a0}min\u{a0}05\u{a0}s");
        assert_eq!(short_duration(-3.0), "0.0\u{a0}s");
        assert_eq!(short_duration(600_000.0), "10\u{a0}min\u{a0}00\u{a0}s");
        // A tenth under ten seconds, so a total and its share per question agree (2.6 s, 1.3 s each).
        assert_eq!(short_duration(2_600.0), "2.6\u{a0}s");
        assert_eq!(short_duration(1_300.0), "1.3\u{a0}s");
        assert_eq!(short_duration(9_949.0), "9.9\u{a0}s");
        assert_eq!(short_duration(9_950.0), "10\u{a0}s");
    }
}
