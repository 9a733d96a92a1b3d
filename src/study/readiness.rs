//! Readiness per task statement, and the verdict on booking the exam.
//!
//! Computed from the history's summaries (compacted attempts keep their task tallies), counting only
//! attempts that measure readiness (timed exams drawn from the bank) under the current exam: practice
//! shows the key as you go and a retry repeats questions just reviewed, so both would flatter.
//!
//! The verdict's rule, and why (also on the dashboard and in the README):
//! - **the last three full mocks each scored at least 800**: the pass mark is 720, but one mock is a
//!   sample of 65 questions, whose share correct varies by about ±5 points from one draw to the next; 80
//!   points above the pass mark (about 8 points of share correct) on three draws in a row leaves that
//!   margin, and a practice bank's questions are not the exam's;
//! - **no domain under 70 % in any of them**: a domain is a quarter of the exam; one far below the rest
//!   is where a harder real exam would sink the score;
//! - **no task statement under 60 % over at least 10 recent answers**: ten answers are the fewest that say
//!   anything about a task statement (at 10 answers, one question is 10 points), and 60 % is well below the
//!   pass share, so this flags only a real gap, never noise.

use crate::exam::score::{self, Scale};
use crate::store::history::{History, Summary};

/// Answers per task statement that readiness looks at, newest first: recent enough to show progress,
/// many enough to mean something.
pub const WINDOW: usize = 30;

/// The fewest answers on which a task statement's share is judged by the verdict.
pub const MIN_ANSWERS: usize = 10;

/// The share a task statement needs in the verdict, in percent.
pub const TASK_BAR: usize = 60;

/// The share each domain needs in each of the last full mocks, in percent.
pub const DOMAIN_BAR: usize = 70;

/// The scaled score each of the last full mocks needs.
pub const SCORE_BAR: u16 = 800;

/// How many of the newest full mocks the verdict looks at.
pub const MOCKS: usize = 3;

/// One task statement's readiness.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskReadiness {
    /// As the exam numbers it, e.g. "2.2".
    pub task: String,
    pub correct: usize,
    /// Answers counted: at most about [`WINDOW`], the newest.
    pub total: usize,
    /// The change in percentage points between the older and the newer half of those answers, when each
    /// half holds at least 5 answers; positive is better.
    pub trend: Option<i32>,
}

impl TaskReadiness {
    /// The share correct in whole percent, rounded as every other share in the app (2 of 3 is 67 here as
    /// in a domain's share; truncated, it read 66), except that a share under the bar never reads as the
    /// bar (59.6 is 59: the rule compares exactly); 0 with no answers.
    pub fn percent(&self) -> usize {
        score::percent_under(self.correct, self.total, TASK_BAR)
    }
}

/// The attempts that measure readiness under `exam`, newest first.
fn measuring<'a>(summaries: &'a [Summary], exam: &'a str) -> impl Iterator<Item = &'a Summary> {
    summaries
        .iter()
        .rev()
        .filter(move |s| s.exam == exam && s.measures_readiness())
}

/// Readiness for each of `tasks` ("1.1", ...), weakest first (by share, then fewer answers first, then
/// the exam's order); task statements never asked come last, in the exam's order.
pub fn per_task(h: &History, exam: &str, tasks: &[String]) -> Vec<TaskReadiness> {
    per_task_of(&h.summaries(), exam, tasks)
}

/// [`per_task`] over summaries already at hand (the verdict reads them once for both of its parts).
fn per_task_of(summaries: &[Summary], exam: &str, tasks: &[String]) -> Vec<TaskReadiness> {
    let mut rows: Vec<TaskReadiness> = tasks
        .iter()
        .map(|task| {
            // Per attempt (newest first) the answers on this task, until the window is full.
            let mut parts: Vec<(usize, usize)> = Vec::new();
            let mut seen = 0;
            for s in measuring(summaries, exam) {
                if seen >= WINDOW {
                    break;
                }
                if let Some(t) = s.tasks.iter().find(|t| t.task == *task && t.total > 0) {
                    parts.push((t.correct, t.total));
                    seen += t.total;
                }
            }
            let (correct, total) = sum(&parts);
            TaskReadiness {
                task: task.clone(),
                correct,
                total,
                trend: trend(&parts),
            }
        })
        .collect();
    let order = |t: &TaskReadiness| tasks.iter().position(|x| *x == t.task).unwrap_or(0);
    crate::sort::sort_by(&mut rows, |a, b| {
        (a.total == 0)
            .cmp(&(b.total == 0))
            .then_with(|| (a.correct * b.total).cmp(&(b.correct * a.total)))
            .then_with(|| a.total.cmp(&b.total))
            .then_with(|| order(a).cmp(&order(b)))
    });
    rows
}

fn sum(parts: &[(usize, usize)]) -> (usize, usize) {
    parts
        .iter()
        .fold((0, 0), |(c, t), (pc, pt)| (c + pc, t + pt))
}

/// Newer half against older half of the answers (parts are newest first, split at an attempt
/// boundary as near the middle as possible), in whole percentage points.
fn trend(parts: &[(usize, usize)]) -> Option<i32> {
    let total: usize = parts.iter().map(|p| p.1).sum();
    // The attempt boundary that splits the answers most evenly (both sides non-empty).
    let split = (1..parts.len()).min_by_key(|&k| {
        let newer: usize = parts[..k].iter().map(|p| p.1).sum();
        (2 * newer).abs_diff(total)
    })?;
    let (a, b) = (sum(&parts[..split]), sum(&parts[split..]));
    if a.1 < 5 || b.1 < 5 {
        return None;
    }
    let pct = |(c, t): (usize, usize)| c as f64 * 100.0 / t as f64;
    Some((pct(a) - pct(b)).round() as i32)
}

/// What the verdict is missing, one sentence each, in the order a learner can act on them.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Ready,
    NotYet(Vec<String>),
}

/// The verdict on booking the exam, under the rule in this module's documentation. `tasks` are the
/// exam's task statements; `domains` its number of domains.
pub fn verdict(
    h: &History,
    exam: &str,
    scale: &Scale,
    tasks: &[String],
    domains: usize,
) -> Verdict {
    let summaries = h.summaries();
    let mut missing = Vec::new();
    let mocks: Vec<&Summary> = measuring(&summaries, exam)
        .filter(|s| s.is_full_mock())
        .take(MOCKS)
        .collect();
    if mocks.len() < MOCKS {
        let more = MOCKS - mocks.len();
        missing.push(format!(
            "Take {more} more full mock exam{}: the verdict looks at your last {MOCKS}.",
            if more == 1 { "" } else { "s" }
        ));
    }
    // One line for the scores and one per short domain, each naming every mock it is about: a line per
    // mock and rule repeated "each of the last 3 needs 800" three times and filled a phone's screen.
    if mocks.iter().any(|s| s.scaled < SCORE_BAR) {
        let scores: Vec<String> = mocks.iter().map(|s| s.scaled.to_string()).collect();
        let (subject, order) = match mocks.len() {
            1 => ("Your last full mock scored".to_string(), ""),
            n => (
                format!("Your last {n} full mocks scored"),
                " (newest first)",
            ),
        };
        missing.push(format!(
            "{subject} {}{order}; each of the last {MOCKS} needs {SCORE_BAR} (the pass mark is {}).",
            crate::exam::spec::and_list(&scores),
            scale.pass
        ));
    }
    for d in 0..domains {
        let short: Vec<String> = mocks
            .iter()
            .enumerate()
            .filter_map(|(n, s)| {
                let &(correct, total) = s.domains.get(d)?;
                (total > 0 && correct * 100 < DOMAIN_BAR * total).then(|| {
                    let which = match n {
                        0 => "your last full mock",
                        1 => "the one before it",
                        // "Full mock 3 back" read as jargon.
                        _ => "the one before those two",
                    };
                    // Rounded as everywhere else, but never up to the bar it falls short of.
                    let p = score::percent_under(correct, total, DOMAIN_BAR);
                    format!("{p}% ({correct} of {total}) in {which}")
                })
            })
            .collect();
        if !short.is_empty() {
            missing.push(format!(
                "Domain {}: {}; each domain needs {DOMAIN_BAR}%.",
                d + 1,
                crate::exam::spec::and_list(&short)
            ));
        }
    }
    let rows = per_task_of(&summaries, exam, tasks);
    // Task statements with too few answers to judge, in the exam's order, as one sentence.
    let mut thin: Vec<&TaskReadiness> = rows.iter().filter(|t| t.total < MIN_ANSWERS).collect();
    crate::sort::sort_by_key(&mut thin, |t| tasks.iter().position(|x| *x == t.task));
    match thin.as_slice() {
        [] => {}
        [t] => missing.push(format!(
            "Task {}: {} question{} so far; it needs at least {MIN_ANSWERS} (a task-statement drill is quickest).",
            t.task,
            t.total,
            if t.total == 1 { "" } else { "s" }
        )),
        many => missing.push(format!(
            "{} task statements have fewer than {MIN_ANSWERS} questions so far ({}): full mocks and task-statement drills fill them.",
            many.len(),
            many.iter().map(|t| t.task.as_str()).collect::<Vec<_>>().join(", ")
        )),
    }
    for t in &rows {
        if t.total < MIN_ANSWERS {
            continue;
        } else if t.correct * 100 < TASK_BAR * t.total {
            missing.push(format!(
                "Task {}: {}% over {} questions; it needs {TASK_BAR}%: take a task-statement drill.",
                t.task,
                t.percent(),
                t.total
            ));
        }
    }
    if missing.is_empty() {
        Verdict::Ready
    } else {
        Verdict::NotYet(missing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exam::score::TaskTally;
    use crate::exam::score::tests::C03;
    use crate::store::history::Entry;

    fn tasks() -> Vec<String> {
        ["1.1", "1.2", "2.1"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn summary(
        n: u32,
        title: &str,
        scaled: u16,
        domains: Vec<(usize, usize)>,
        tk: &[(&str, usize, usize)],
    ) -> Entry {
        Entry::Compacted(Summary {
            id: format!("a{n}"),
            title: title.into(),
            exam: "DVA-C03".into(),
            measures: Some(true),
            started_ms: f64::from(n),
            finished_ms: f64::from(n) + 1.0,
            scaled,
            passed: scaled >= 720,
            correct: 0,
            total: 0,
            domains,
            sections: Vec::new(),
            tasks: tk
                .iter()
                .map(|(t, c, n)| TaskTally {
                    task: t.to_string(),
                    correct: *c,
                    total: *n,
                })
                .collect(),
            calibration: Default::default(),
        })
    }

    fn history(entries: Vec<Entry>) -> History {
        History {
            entries,
            ..History::default()
        }
    }

    #[test]
    fn per_task_is_weakest_first_over_the_newest_answers() {
        let h = history(vec![
            summary(
                1,
                "Full mock exam",
                700,
                vec![],
                &[("1.1", 0, 40), ("1.2", 5, 10)],
            ),
            summary(
                2,
                "Full mock exam",
                700,
                vec![],
                &[("1.1", 9, 10), ("1.2", 2, 10)],
            ),
            summary(
                3,
                "Full mock exam",
                700,
                vec![],
                &[("1.1", 10, 10), ("1.2", 3, 10)],
            ),
        ]);
        let rows = per_task(&h, "DVA-C03", &tasks());
        assert_eq!(
            rows.iter().map(|r| r.task.as_str()).collect::<Vec<_>>(),
            ["1.1", "1.2", "2.1"]
        );
        // 1.1: 10 + 9 of 20, then the 40 of the oldest attempt still count (the window is filled by
        // whole attempts, so a big old attempt is not cut in half): 19 of 60, 32 %.
        assert_eq!((rows[0].correct, rows[0].total), (19, 60));
        // 1.2: the newest three attempts fill the window (30 answers): 3 + 2 + 5 of 30, 33 %.
        assert_eq!((rows[1].correct, rows[1].total), (10, 30));
        assert_eq!(rows[2].total, 0, "never asked comes last");
        // Trend of 1.1: newer half (10 + 9 of 20 = 95 %) against the older (0 of 40).
        assert_eq!(rows[0].trend, Some(95));
        assert_eq!(rows[0].percent(), 32, "19 of 60 is 31.7 %, rounded");
    }

    #[test]
    fn a_task_share_is_rounded_but_never_up_to_the_bar() {
        let share = |correct, total| {
            TaskReadiness {
                task: "1.1".to_string(),
                correct,
                total,
                trend: None,
            }
            .percent()
        };
        assert_eq!(share(2, 3), 67, "as a domain's share");
        assert_eq!(share(2, 7), 29);
        assert_eq!(share(119, 200), 59, "59.5 is under the 60 bar");
        assert_eq!(share(3, 5), 60);
        assert_eq!(share(0, 0), 0);
    }

    #[test]
    fn trend_needs_five_answers_each_side() {
        assert_eq!(trend(&[(4, 4)]), None);
        assert_eq!(trend(&[(4, 4), (1, 4)]), None);
        assert_eq!(trend(&[(5, 5), (0, 5)]), Some(100));
        assert_eq!(trend(&[(2, 5), (4, 5)]), Some(-40));
    }

    #[test]
    fn practice_other_exams_and_retries_do_not_count() {
        let mut practice = summary(
            1,
            "Quick exam (10 questions)",
            900,
            vec![],
            &[("1.1", 10, 10)],
        );
        if let Entry::Compacted(s) = &mut practice {
            s.measures = Some(false);
        }
        let mut c02 = summary(2, "Full mock exam", 900, vec![], &[("1.1", 10, 10)]);
        if let Entry::Compacted(s) = &mut c02 {
            s.exam = "DVA-C02".into();
        }
        let h = history(vec![practice, c02]);
        assert!(
            per_task(&h, "DVA-C03", &tasks())
                .iter()
                .all(|r| r.total == 0)
        );
    }

    #[test]
    fn the_verdict_says_exactly_what_is_missing() {
        let good_domains = vec![(15, 20), (13, 17), (11, 14), (11, 14)];
        let good_tasks = [("1.1", 9, 10), ("1.2", 8, 10), ("2.1", 7, 10)];
        let ready = history(vec![
            summary(1, "Full mock exam", 820, good_domains.clone(), &good_tasks),
            summary(2, "Quick exam (20 questions)", 500, vec![(0, 20)], &[]),
            summary(3, "Full mock exam", 850, good_domains.clone(), &good_tasks),
            summary(4, "Full mock exam", 800, good_domains.clone(), &good_tasks),
        ]);
        assert_eq!(
            verdict(&ready, "DVA-C03", &C03, &tasks(), 4),
            Verdict::Ready
        );

        let empty = history(vec![]);
        let Verdict::NotYet(why) = verdict(&empty, "DVA-C03", &C03, &tasks(), 4) else {
            panic!("not ready with no attempts");
        };
        assert_eq!(
            why[0],
            "Take 3 more full mock exams: the verdict looks at your last 3."
        );
        assert_eq!(
            why[1],
            "3 task statements have fewer than 10 questions so far (1.1, 1.2, 2.1): full mocks and task-statement drills fill them."
        );
        assert_eq!(why.len(), 2);
        // One thin task statement is named on its own.
        let one = history(vec![summary(
            1,
            "Quick exam (10 questions)",
            900,
            vec![],
            &[("1.1", 9, 10), ("1.2", 9, 10), ("2.1", 2, 3)],
        )]);
        let Verdict::NotYet(why) = verdict(&one, "DVA-C03", &C03, &tasks(), 4) else {
            panic!("not ready");
        };
        assert_eq!(
            why[1],
            "Task 2.1: 3 questions so far; it needs at least 10 (a task-statement drill is quickest)."
        );

        let weak = history(vec![
            summary(1, "Full mock exam", 780, good_domains.clone(), &good_tasks),
            summary(2, "Full mock exam", 790, good_domains.clone(), &good_tasks),
            summary(
                3,
                "Full mock exam",
                900,
                vec![(15, 20), (11, 17), (11, 14), (11, 14)],
                &[("1.1", 1, 4), ("1.2", 0, 8), ("2.1", 9, 10)],
            ),
        ]);
        let Verdict::NotYet(why) = verdict(&weak, "DVA-C03", &C03, &tasks(), 4) else {
            panic!("not ready");
        };
        assert_eq!(
            why,
            [
                // Rounded like every other share (11 of 17 is 64.7 %), with no-break spaces before "%".
                "Your last 3 full mocks scored 900, 790 and 780 (newest first); each of the last 3 needs 800 (the pass mark is 720).",
                "Domain 2: 65% (11 of 17) in your last full mock; each domain needs 70%.",
                "Task 1.2: 57% over 28 questions; it needs 60%: take a task-statement drill.",
            ]
        );

        // A domain short in two mocks is one line naming both; scores all at the bar give no score line.
        let short3 = vec![(15, 20), (13, 17), (9, 14), (11, 14)];
        let twice = history(vec![
            summary(1, "Full mock exam", 820, short3.clone(), &good_tasks),
            summary(2, "Full mock exam", 810, good_domains.clone(), &good_tasks),
            summary(
                3,
                "Full mock exam",
                830,
                vec![(15, 20), (13, 17), (8, 14), (11, 14)],
                &good_tasks,
            ),
        ]);
        let Verdict::NotYet(why) = verdict(&twice, "DVA-C03", &C03, &tasks(), 4) else {
            panic!("not ready");
        };
        assert_eq!(
            why,
            [
                "Domain 3: 57% (8 of 14) in your last full mock and 64% (9 of 14) in the one before those two; each domain needs 70%."
            ]
        );
    }
}
