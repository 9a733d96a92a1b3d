//! Spaced review: which questions to ask again, and when, derived from the history alone.
//!
//! The Leitner system with five boxes. Replaying the full attempts in order, a question answered wrongly
//! (or left unanswered in a timed exam; a question skipped in practice keeps its box) goes to box 1, due
//! one day after that attempt; a question answered rightly moves
//! up one box (box 5 at most) and is due after that box's interval: 1, 2, 4, 8 or 16 days. A question
//! never missed is not scheduled: the exam draw already covers it.
//!
//! Why Leitner rather than SM-2 or FSRS: it needs nothing but right/wrong per question, which the history
//! already holds, so the schedule is a pure function of the history, with no separate state that could
//! drift or be lost (an import or a merge of two tabs simply changes the replay). Its rule fits in one
//! sentence a learner can check ("missed on Monday, so due Tuesday"). SM-2 and FSRS want graded recall
//! and per-card parameters fitted over many reviews; a practice exam gives neither.
//!
//! Compacted attempts no longer hold per-question answers, so they take no part in the replay.
//!
//! Confidence sharpens it: a right answer the learner marked as a guess is not knowledge, so it goes to
//! box 1 like a miss; and questions whose latest answer was wrong while sure (a misconception) or right by
//! guessing come first among those due.

use std::collections::HashMap;

use crate::exam::score::is_correct;
use crate::exam::session::Confidence;
use crate::store::history::{Attempt, History};

/// One day in milliseconds.
pub const DAY_MS: f64 = 86_400_000.0;

/// The review interval of each box, in days (box 1 first).
pub const INTERVAL_DAYS: [u8; 5] = [1, 2, 4, 8, 16];

/// A question scheduled for review.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    /// The question id.
    pub id: String,
    /// The Leitner box, 1-5.
    pub level: u8,
    /// When it is due (epoch milliseconds).
    pub due_ms: f64,
    /// Its latest answer was wrong while sure, or right by guessing: reviewed before the others.
    pub first: bool,
}

/// When an attempt's answers were given: its end (or the last recorded moment of an unfinished one).
fn answered_at(a: &Attempt) -> f64 {
    a.session.finished_ms.unwrap_or(a.session.entered_ms)
}

/// Every scheduled question, soonest due first (then by id). `key_of` gives a question's key (original
/// option indices); `None` means the question is retired and is skipped.
pub fn schedule(h: &History, key_of: impl Fn(&str) -> Option<Vec<u8>>) -> Vec<Due> {
    let mut boxes: HashMap<&str, Due> = HashMap::new();
    for a in h.full() {
        let at = answered_at(a);
        for item in &a.session.items {
            // Skipped in practice (not fully answered), a question says nothing about what the learner
            // knows and keeps its box: counted as misses, the skips of one practice mock put 35
            // questions never opened among those "due".
            if a.session.skipped(item) {
                continue;
            }
            let Some(keys) = key_of(&item.id) else {
                continue;
            };
            let right = is_correct(item, &keys);
            let first = match item.confidence {
                Some(Confidence::Sure) => !right,
                Some(Confidence::Guess) => right,
                _ => false,
            };
            let level = if !right || first {
                1
            } else if let Some(d) = boxes.get(item.id.as_str()) {
                (d.level + 1).min(5)
            } else {
                continue;
            };
            let days = f64::from(INTERVAL_DAYS[usize::from(level - 1)]);
            let due = Due {
                id: item.id.clone(),
                level,
                due_ms: at + days * DAY_MS,
                first,
            };
            boxes.insert(&item.id, due);
        }
    }
    let mut due: Vec<Due> = boxes.into_values().collect();
    crate::sort::sort_by(&mut due, |a, b| {
        a.due_ms.total_cmp(&b.due_ms).then_with(|| a.id.cmp(&b.id))
    });
    due
}

/// The ids due at `now_ms` (due time reached): misconceptions and lucky guesses first, then most overdue
/// first.
pub fn due_now(h: &History, key_of: impl Fn(&str) -> Option<Vec<u8>>, now_ms: f64) -> Vec<String> {
    let mut due: Vec<Due> = schedule(h, key_of)
        .into_iter()
        .take_while(|d| d.due_ms <= now_ms)
        .collect();
    // Stable: within each group the schedule's order (most overdue first) stays.
    crate::sort::sort_by_key(&mut due, |d| !d.first);
    due.into_iter().map(|d| d.id).collect()
}
