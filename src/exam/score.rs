//! Scoring a finished session the way AWS reports it: all-or-nothing per question, a scaled score with a
//! pass mark (DVA-C03: 100 to 1000, 720 to pass, from the exam definition), and a per-domain verdict;
//! plus which note sections to revisit.
//!
//! AWS does not publish its scaling; ours is piecewise linear through (0 %, min), (pass/max, pass) and
//! (100 %, max): for DVA-C03 (0 %, 100), (72 %, 720), (100 %, 1000), so the pass mark sits where a 72 %
//! raw score would put it.

use std::collections::BTreeMap;

use super::session::{Confidence, Item, Session};

/// The scaled-score range and pass mark of the exam, from its definition (`questions/exam.md`); the
/// share correct that passes (and that a domain needs to meet its competencies) is `pass / max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub min: u16,
    pub pass: u16,
    pub max: u16,
}

impl Scale {
    /// The share correct, in percent, that passes (72 for DVA-C03).
    pub fn pass_percent(&self) -> f64 {
        f64::from(self.pass) * 100.0 / f64::from(self.max.max(1))
    }

    /// Whether `correct` of `total` reaches the pass share, in exact integer arithmetic.
    fn at_bar(&self, correct: usize, total: usize) -> bool {
        correct as u64 * u64::from(self.max) >= total as u64 * u64::from(self.pass)
    }
}

/// The per-domain verdict AWS reports instead of a per-domain score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Competency {
    Meets,
    NeedsImprovement,
}

/// One domain's row of the results.
#[derive(Debug, Clone, PartialEq)]
pub struct DomainScore {
    /// Numbered from 1.
    pub domain: u8,
    pub correct: usize,
    pub total: usize,
}

impl DomainScore {
    /// The domain's verdict on `scale` (a function of the counts, so it is not stored).
    pub fn competency(&self, scale: &Scale) -> Competency {
        competency(self.correct, self.total, scale)
    }
}

/// How one note section fared, to point the learner at what to reread. Keyed by anchor, which is forever.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionTally {
    pub section: String,
    pub missed: usize,
    pub total: usize,
}

/// How one task statement fared in an attempt, for readiness per task statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskTally {
    /// The task statement as the exam numbers it, e.g. "2.2".
    pub task: String,
    pub correct: usize,
    pub total: usize,
}

/// Right answers and answers given, per level of confidence the learner chose: how often "sure" is
/// right says whether their sense of knowing can be trusted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Calibration {
    pub sure: (usize, usize),
    pub unsure: (usize, usize),
    pub guess: (usize, usize),
}

impl Calibration {
    /// Whether no answer had a confidence.
    pub fn is_empty(&self) -> bool {
        self.sure.1 + self.unsure.1 + self.guess.1 == 0
    }

    fn add(&mut self, level: Confidence, right: bool) {
        let row = match level {
            Confidence::Sure => &mut self.sure,
            Confidence::Unsure => &mut self.unsure,
            Confidence::Guess => &mut self.guess,
        };
        row.0 += usize::from(right);
        row.1 += 1;
    }
}

/// The result of an attempt, stored in the history.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub correct: usize,
    /// Every question asked, retired ones included.
    pub total: usize,
    pub scaled: u16,
    pub passed: bool,
    /// One row per domain of the exam it was taken under, in order (a domain with no questions has
    /// total 0).
    pub domains: Vec<DomainScore>,
    /// Every section linked by an asked question, most missed first, then by anchor.
    pub sections: Vec<SectionTally>,
    /// Time from start to finish (or to the last recorded moment of an unfinished session).
    pub used_ms: f64,
    /// Per task statement asked about, in the exam's order. Empty in attempts stored before it was kept.
    pub tasks: Vec<TaskTally>,
    /// Right answers per confidence level (answered questions with a confidence only).
    pub calibration: Calibration,
}

/// What scoring needs to know about a question of the current bank.
pub struct KeyInfo<'a> {
    /// Numbered from 1.
    pub domain: u8,
    /// Original indices of the correct options.
    pub keys: &'a [u8],
    /// How many options the question has today.
    pub options: usize,
    /// Anchors of the note sections that teach it.
    pub sections: Vec<&'a str>,
    /// Its task statement, `(domain, number)`.
    pub task: (u8, u8),
}

/// Whether `order` holds each of `0..order.len()` exactly once: a valid order of a question's options.
pub fn is_permutation(order: &[u8]) -> bool {
    let mut seen = vec![false; order.len()];
    order.iter().all(|&o| {
        seen.get_mut(usize::from(o))
            .is_some_and(|s| !std::mem::replace(s, true))
    })
}

/// Whether a stored item still fits the question as the bank has it today: the option order shown is a
/// permutation of today's options, the number of keys is the same, and every choice is one of them. An
/// item that does not fit (the question changed under a stored exam or attempt) is treated as retired:
/// indexing today's options with it could point past the end or at other options.
pub fn consistent(item: &Item, options: usize, keys: usize) -> bool {
    item.order.len() == options
        && is_permutation(&item.order)
        && usize::from(item.keys) == keys
        && item.chosen.iter().all(|&c| usize::from(c) < options)
}

/// Whether an item is right: the chosen set equals the key set exactly, as on the real exam (no partial
/// credit, no penalty for guessing). An unanswered item is wrong.
pub fn is_correct(item: &Item, keys: &[u8]) -> bool {
    !item.chosen.is_empty() && same_choices(&item.chosen, keys)
}

/// `part` of `whole` in whole percent, rounded half up; 0 of nothing is 0.
pub fn percent(part: usize, whole: usize) -> usize {
    (part * 100 + whole / 2).checked_div(whole).unwrap_or(0)
}

/// [`percent`], except that a share under `bar` percent never reads as the bar (59.6 % of a 60 % bar is
/// 59): a line that says a share falls short must not print the bar itself.
pub fn percent_under(part: usize, whole: usize, bar: usize) -> usize {
    let rounded = percent(part, whole);
    if part * 100 < bar * whole {
        rounded.min(bar - 1)
    } else {
        rounded
    }
}

/// Whether two lists of options are the same set (the order chosen does not matter).
pub fn same_choices(a: &[u8], b: &[u8]) -> bool {
    let set = |v: &[u8]| {
        let mut v = v.to_vec();
        crate::sort::sort(&mut v);
        v.dedup();
        v
    };
    set(a) == set(b)
}

/// The scaled score on `scale`: linear from 0 % (min) to the pass share (pass) and from there to 100 %
/// (max), rounded half up (DVA-C03: 100, 720 at 72 %, 1000). A ratio below the pass share never rounds
/// up to the pass mark. No questions scores the minimum.
pub fn scaled(correct: usize, total: usize, scale: &Scale) -> u16 {
    let (min, pass, max) = (
        u64::from(scale.min),
        u64::from(scale.pass),
        u64::from(scale.max),
    );
    if total == 0 || max == 0 || pass == 0 {
        return scale.min;
    }
    let (c, t) = (correct.min(total) as u64, total as u64);
    // round(a / b) = (2a + b) / (2b) for the two segments, with p = c/t and the pass share pass/max:
    // above: pass + (max - pass) (p - pass/max) / (1 - pass/max) = max * p;
    // below: min + (pass - min) p / (pass/max) = min + (pass - min) max c / (pass t).
    let s = if scale.at_bar(correct.min(total), total) {
        (2 * max * c + t) / (2 * t)
    } else {
        (min + (2 * (pass - min.min(pass)) * max * c + pass * t) / (2 * pass * t)).min(pass - 1)
    };
    s.min(max) as u16
}

/// A domain's verdict: meets competency at the same bar as the pass mark; no questions meets it.
pub fn competency(correct: usize, total: usize, scale: &Scale) -> Competency {
    if scale.at_bar(correct, total) {
        Competency::Meets
    } else {
        Competency::NeedsImprovement
    }
}

/// Scores a session of an exam with `domains` domains against the current bank; `info` looks a question
/// up by id.
///
/// A question skipped in practice mode ([`Session::skipped`]) is wrong but in no section tally.
///
/// A question `info` does not know (retired since the attempt), or whose stored item no longer fits it
/// ([`consistent`]), counts as asked and wrong, but is in no domain row and no section tally.
pub fn score<'a>(
    s: &Session,
    domains: usize,
    scale: &Scale,
    info: impl Fn(&str) -> Option<KeyInfo<'a>>,
) -> Outcome {
    let mut correct = 0;
    let mut domains = vec![(0usize, 0usize); domains];
    let mut sections: BTreeMap<&'a str, (usize, usize)> = BTreeMap::new();
    let mut tasks: BTreeMap<(u8, u8), (usize, usize)> = BTreeMap::new();
    let mut calibration = Calibration::default();
    for item in &s.items {
        let Some(k) = info(&item.id).filter(|k| consistent(item, k.options, k.keys.len())) else {
            continue;
        };
        let right = is_correct(item, k.keys);
        correct += usize::from(right);
        let task = tasks.entry(k.task).or_default();
        task.0 += usize::from(right);
        task.1 += 1;
        if let Some(level) = item.confidence
            && !item.chosen.is_empty()
        {
            calibration.add(level, right);
        }
        if let Some(row) = domains.get_mut(usize::from(k.domain).wrapping_sub(1)) {
            row.0 += usize::from(right);
            row.1 += 1;
        }
        // A question skipped in practice mode (browsing, answers shown as you go) says nothing about what
        // the learner knows: it is wrong in the score but sends them to no section to study.
        if s.skipped(item) {
            continue;
        }
        let mut anchors = k.sections;
        crate::sort::sort(&mut anchors);
        anchors.dedup();
        for a in anchors {
            let tally = sections.entry(a).or_default();
            tally.0 += usize::from(!right);
            tally.1 += 1;
        }
    }
    let total = s.items.len();
    let mut sections: Vec<SectionTally> = sections
        .into_iter()
        .map(|(a, (missed, total))| SectionTally {
            section: a.to_string(),
            missed,
            total,
        })
        .collect();
    crate::sort::sort_by(&mut sections, |a, b| {
        b.missed
            .cmp(&a.missed)
            .then_with(|| a.section.cmp(&b.section))
    });
    Outcome {
        correct,
        total,
        scaled: scaled(correct, total, scale),
        passed: total > 0 && scale.at_bar(correct, total),
        domains: (1..=u8::MAX)
            .zip(domains)
            .map(|(domain, (correct, total))| DomainScore {
                domain,
                correct,
                total,
            })
            .collect(),
        sections,
        used_ms: s.used_ms(),
        tasks: tasks
            .into_iter()
            .map(|((d, n), (correct, total))| TaskTally {
                task: format!("{d}.{n}"),
                correct,
                total,
            })
            .collect(),
        calibration,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// DVA-C03's scale, shared with the other modules' tests.
    pub(crate) const C03: Scale = Scale {
        min: 100,
        pass: 720,
        max: 1000,
    };

    #[test]
    fn scaled_hits_the_anchors_and_is_monotonic() {
        assert_eq!(scaled(0, 65, &C03), 100);
        assert_eq!(scaled(65, 65, &C03), 1000);
        assert_eq!(scaled(18, 25, &C03), 720);
        assert_eq!(scaled(36, 50, &C03), 720);
        assert_eq!(scaled(0, 0, &C03), 100);
        assert_eq!(
            scaled(9, 4, &C03),
            1000,
            "more correct than asked is clamped"
        );
        // 7195 of 10000 is 719.57 on the line, but below the bar: it must not round up to a pass.
        assert_eq!(scaled(7195, 10_000, &C03), 719);
        for total in 1..=120 {
            let mut last = 0;
            for correct in 0..=total {
                let s = scaled(correct, total, &C03);
                assert!((100..=1000).contains(&s) && s >= last, "{correct}/{total}");
                assert_eq!(
                    s >= C03.pass,
                    C03.at_bar(correct, total),
                    "{correct}/{total}"
                );
                last = s;
            }
        }
    }

    #[test]
    fn another_exam_s_scale_is_followed() {
        // A made-up exam scored 200-800 with 500 to pass (62.5 %).
        let s = Scale {
            min: 200,
            pass: 500,
            max: 800,
        };
        assert_eq!(scaled(0, 8, &s), 200);
        assert_eq!(scaled(5, 8, &s), 500);
        assert_eq!(scaled(8, 8, &s), 800);
        assert_eq!(scaled(4, 8, &s), 440, "200 + 300 x 0.5 / 0.625");
        assert!((s.pass_percent() - 62.5).abs() < 1e-9);
        assert_eq!(competency(5, 8, &s), Competency::Meets);
        assert_eq!(competency(4, 8, &s), Competency::NeedsImprovement);
    }

    #[test]
    fn percentages_round_half_up_and_choices_compare_as_sets() {
        assert_eq!(
            [
                percent(18, 20),
                percent(1, 3),
                percent(2, 3),
                percent(1, 8),
                percent(0, 0)
            ],
            [90, 33, 67, 13, 0]
        );
        assert!(same_choices(&[2, 0], &[0, 2]));
        assert!(!same_choices(&[0], &[0, 2]));
    }

    #[test]
    fn competency_uses_the_pass_bar() {
        assert_eq!(competency(18, 25, &C03), Competency::Meets);
        assert_eq!(competency(17, 25, &C03), Competency::NeedsImprovement);
        assert_eq!(competency(0, 0, &C03), Competency::Meets);
    }

    #[test]
    fn a_share_under_a_bar_never_reads_as_the_bar() {
        assert_eq!(
            percent_under(119, 200, 60),
            59,
            "59.5 rounds to 60, under the bar"
        );
        assert_eq!(percent_under(3, 5, 60), 60);
        assert_eq!(percent_under(2, 3, 60), 67);
        assert_eq!(percent_under(0, 0, 60), 0);
    }
}
