//! Finished attempts as stored: a versioned JSON value under [`KEY`], oldest first.
//!
//! An attempt keeps the whole session (spec and seed, bank version, per question the id, option order,
//! answer, flag and time spent) and its score, so results and review can be shown again at any time, even
//! after the bank changes.
//!
//! localStorage holds about 5 M characters per origin, so the history must stay small and must never be
//! lost when it grows. Two things keep it so:
//! - a compact stored form of each attempt (short field names, defaults left out; the private `compact` module), so
//!   more than 500 full mock exams fit;
//! - [`fit`], which replaces the oldest attempts' detail by a [`Summary`] (what the history page shows)
//!   when the budget is reached. An attempt is never deleted.
//!
//! Versions: v1 (`{"version":1,"attempts":[..]}`, each attempt in the plain form, with the field names of
//! the Rust types) and v2 (`"entries"`) migrate to the current version on [`decode`]. v3 added the exam
//! code to each attempt and summary (`"ex"`); an attempt read from v1 or v2 was taken under DVA-C02 and is
//! labelled so, keeping the score and domains it was given. v4 adds per question the confidence, the options
//! struck out and the first answer (`"cf"`, `"x"`, `"a1"`), per attempt the tallies per task statement
//! and the calibration (`"tk"`, `"cal"`), and the task-statement drill; what v3 lacks reads as absent.
//! v5 stores each question of an attempt as a list of its fields by position instead of an object
//! (`compact`): with the bank past 600 questions, 500 full mocks in v4 came within 3 KB of the 5 M
//! characters. A v5 reader reads both forms, so a v4 history or export reads as it did.

use std::collections::{HashMap, HashSet};

use super::json::{self, Writer};

use crate::exam::score::{Calibration, Outcome, SectionTally, TaskTally};
use crate::exam::session::Session;
use crate::exam::spec::{Kind, Mode, Spec};

/// The localStorage key of the history.
pub const KEY: &str = "dva.history";

/// The schema version this build writes.
pub const VERSION: u32 = 5;

/// The most entries a history may hold when read: far beyond what storage can keep, low enough that a
/// hostile file cannot make the app allocate without bound.
pub const MAX_ENTRIES: usize = 100_000;

/// One finished exam.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub session: Session,
    pub outcome: Outcome,
}

impl Attempt {
    /// The attempt's id (the session's).
    pub fn id(&self) -> &str {
        &self.session.id
    }
}

/// What the history page needs of an attempt whose detail was compacted away to save space.
///
/// Stored with the same short names as a full attempt's outcome, since every byte of it stays (`"ex"`,
/// `"m"`, `"t0"`, `"t1"`, `"s"`, `"p"`, `"c"`, `"n"`, `"d"`, `"sec"`, `"tk"`, `"cal"`; see `compact`).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: String,
    /// The spec's title, e.g. "Full mock exam".
    pub title: String,
    /// The code of the exam it was taken under; summaries stored before v3 were DVA-C02 exams.
    pub exam: String,
    /// Whether it measures readiness: a timed exam drawn from the bank (full, quick, domain or section),
    /// not a retry or review of chosen questions and not practice mode. `None` in summaries stored before
    /// v3, judged from the title (see [`Summary::measures_readiness`]).
    pub measures: Option<bool>,
    pub started_ms: f64,
    /// When it ended (for an attempt stored unfinished, the last recorded moment).
    pub finished_ms: f64,
    pub scaled: u16,
    pub passed: bool,
    pub correct: usize,
    pub total: usize,
    /// `(correct, total)` per domain of its exam, domain 1 first.
    pub domains: Vec<(usize, usize)>,
    /// Section tallies as scored: most missed first.
    pub sections: Vec<SectionTally>,
    /// Tallies per task statement (empty for attempts stored before v4).
    pub tasks: Vec<TaskTally>,
    /// Right answers per confidence level.
    pub calibration: Calibration,
}

/// Whether an attempt of this spec measures readiness: questions drawn from the bank under exam
/// conditions. A retry of the questions just reviewed, a due-for-review set and practice mode (answers
/// shown as you go) would overstate it.
pub fn measures_readiness(spec: &Spec) -> bool {
    spec.mode == Mode::Exam && !matches!(spec.kind, Kind::Picked { .. })
}

impl Summary {
    /// Whether this attempt counts toward readiness ([`measures_readiness`]); for summaries stored before
    /// that was recorded, every attempt but a retry or a due-for-review set counts.
    pub fn measures_readiness(&self) -> bool {
        self.measures.unwrap_or_else(|| {
            !self.title.starts_with("Retry") && !self.title.starts_with("Due for review")
        })
    }

    /// Whether it was a full mock exam (the title is the spec's, which is a pure function of its kind).
    pub fn is_full_mock(&self) -> bool {
        self.title == crate::exam::spec::FULL_TITLE
    }

    /// The summary of a full attempt: what survives compaction.
    pub fn of(a: &Attempt) -> Summary {
        let (s, o) = (&a.session, &a.outcome);
        let rows = o
            .domains
            .iter()
            .map(|d| usize::from(d.domain))
            .max()
            .unwrap_or(0);
        let mut domains = vec![(0, 0); rows];
        for d in &o.domains {
            if let Some(row) = domains.get_mut(usize::from(d.domain).wrapping_sub(1)) {
                *row = (d.correct, d.total);
            }
        }
        Summary {
            id: s.id.clone(),
            title: s.spec.title(),
            exam: s.exam.clone(),
            measures: Some(measures_readiness(&s.spec)),
            started_ms: s.started_ms,
            finished_ms: s.finished_ms.unwrap_or(s.entered_ms),
            scaled: o.scaled,
            passed: o.passed,
            correct: o.correct,
            total: o.total,
            domains,
            sections: o.sections.clone(),
            tasks: o.tasks.clone(),
            calibration: o.calibration,
        }
    }
}

/// A stored attempt: in full, or compacted to its summary once space ran short.
/// Stored as `{"a": <attempt>}` or `{"s": <summary>}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Full(Attempt),
    Compacted(Summary),
}

impl Entry {
    /// The attempt id.
    pub fn id(&self) -> &str {
        match self {
            Entry::Full(a) => a.id(),
            Entry::Compacted(s) => &s.id,
        }
    }

    /// When the attempt started; the history is kept in this order.
    pub fn started_ms(&self) -> f64 {
        match self {
            Entry::Full(a) => a.session.started_ms,
            Entry::Compacted(s) => s.started_ms,
        }
    }

    /// The summary (computed for a full attempt).
    pub fn summary(&self) -> Summary {
        match self {
            Entry::Full(a) => Summary::of(a),
            Entry::Compacted(s) => s.clone(),
        }
    }

    /// The full attempt, unless it was compacted.
    pub fn full(&self) -> Option<&Attempt> {
        match self {
            Entry::Full(a) => Some(a),
            Entry::Compacted(_) => None,
        }
    }
}

/// Every finished attempt, oldest first, each at most once.
#[derive(Debug, Clone, PartialEq)]
pub struct History {
    pub version: u32,
    pub entries: Vec<Entry>,
}

impl Default for History {
    fn default() -> Self {
        History {
            version: VERSION,
            entries: Vec::new(),
        }
    }
}

impl History {
    /// Adds a newly finished attempt at the end. An id already present is not added twice, but a full
    /// attempt replaces its own compacted summary (detail is never thrown away when it is at hand).
    pub fn add(&mut self, attempt: Attempt) {
        match self.entries.iter_mut().find(|e| e.id() == attempt.id()) {
            Some(e @ Entry::Compacted(_)) => *e = Entry::Full(attempt),
            Some(Entry::Full(_)) => {}
            None => self.entries.push(Entry::Full(attempt)),
        }
    }

    /// The full attempt with this id (`None` if unknown or compacted).
    pub fn get(&self, id: &str) -> Option<&Attempt> {
        self.entries
            .iter()
            .find(|e| e.id() == id)
            .and_then(Entry::full)
    }

    /// The newest full attempt, for the start page's "last result".
    pub fn last(&self) -> Option<&Attempt> {
        self.full().next_back()
    }

    /// The full attempts, oldest first.
    pub fn full(&self) -> impl DoubleEndedIterator<Item = &Attempt> {
        self.entries.iter().filter_map(Entry::full)
    }

    /// Every attempt's summary, oldest first, compacted or not: the history page's rows.
    pub fn summaries(&self) -> Vec<Summary> {
        self.entries.iter().map(Entry::summary).collect()
    }

    /// Question ids asked in the last `n` full attempts: new exams avoid them while the bank allows.
    pub fn recent_ids(&self, n: usize) -> HashSet<String> {
        self.full()
            .rev()
            .take(n)
            .flat_map(|a| a.session.items.iter().map(|i| i.id.clone()))
            .collect()
    }

    /// The number of attempts, compacted ones included.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no attempt is stored.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds `other`'s attempts (another tab's history, or an import) and returns how many new attempts
    /// came in. Attempts are matched by id: a full attempt replaces its compacted summary (not counted as
    /// new), nothing is duplicated. The result is ordered by start time, then id, so merging A into B and
    /// B into A give the same history.
    pub fn merge(&mut self, other: &History) -> usize {
        let mut at: HashMap<String, usize> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id().to_string(), i))
            .collect();
        let mut added = 0;
        for e in &other.entries {
            match at.get(e.id()) {
                Some(&i) => {
                    if e.full().is_some() && self.entries[i].full().is_none() {
                        self.entries[i] = e.clone();
                    }
                }
                None => {
                    at.insert(e.id().to_string(), self.entries.len());
                    self.entries.push(e.clone());
                    added += 1;
                }
            }
        }
        crate::sort::sort_by(&mut self.entries, |a, b| {
            a.started_ms()
                .total_cmp(&b.started_ms())
                .then_with(|| a.id().cmp(b.id()))
        });
        added
    }
}

/// Compacts the oldest full attempts to summaries until [`encode`]`(h)` is at most `budget` characters;
/// returns how many it compacted. Never deletes an attempt: if even all summaries exceed the budget,
/// everything is compacted and the result is still over budget (the caller's write then reports it).
pub fn fit(h: &mut History, budget: usize) -> usize {
    // Compact JSON is the concatenation of its entries, so the size can be tracked entry by entry
    // instead of re-encoding the whole history after each step.
    let entry_len = |e: &Entry| {
        let mut w = Writer::new();
        compact::write_entry(&mut w, e);
        w.finish().len()
    };
    let mut size = encode(h).len();
    let mut compacted = 0;
    for e in &mut h.entries {
        if size <= budget {
            break;
        }
        if let Entry::Full(a) = e {
            let summary = Entry::Compacted(Summary::of(a));
            size = size - entry_len(e) + entry_len(&summary);
            *e = summary;
            compacted += 1;
        }
    }
    debug_assert_eq!(size, encode(h).len());
    compacted
}

/// Reads stored history (v1 to v5); the error is a sentence for the user (the caller keeps the text
/// aside).
pub fn decode(raw: &str) -> Result<History, String> {
    let head =
        json::head(raw).map_err(|e| format!("The stored history is not valid JSON ({e})."))?;
    from_head(head)
}

/// Reads a history from its JSON object's fields, migrating v1. Each entry is read on its own, so an
/// error names the attempt (counted from 1) that could not be read.
fn from_head(head: json::Head<'_>) -> Result<History, String> {
    let (field, version) = match head.version() {
        Some(1) => ("attempts", 1),
        Some(2) => ("entries", 2),
        Some(v @ 3..=5) => ("entries", v),
        Some(v) => {
            return Err(format!(
                "The history has version {v}; this app reads versions 1 to {VERSION}."
            ));
        }
        None => return Err("The history has no version number.".to_string()),
    };
    let list = if version == 1 {
        head.attempts
    } else {
        head.entries
    };
    let Some(list) = list else {
        return Err(format!("The history has no list of {field}."));
    };
    if list.len() > MAX_ENTRIES {
        return Err(format!(
            "The history holds {} attempts; at most {MAX_ENTRIES} can be read.",
            list.len()
        ));
    }
    let entries = list
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let read = if version == 1 {
                json::parse(v, |r| compact::read_plain_attempt(r).map(Entry::Full))
            } else {
                json::parse(v, compact::read_entry)
            };
            read.map(settle_first_answers)
                .map_err(|e| format!("Attempt {} could not be read: {}.", i + 1, e.message))
        })
        .collect::<Result<_, _>>()?;
    Ok(History {
        version: VERSION,
        entries,
    })
}

/// An item stores its first answer only when it differs from the final one (and attempts before v4 never
/// did): a complete answer without a first one was never changed, so its first answer is the final one.
fn settle_first_answers(mut e: Entry) -> Entry {
    if let Entry::Full(a) = &mut e {
        for it in &mut a.session.items {
            if it.first.is_none() && it.answer() == crate::exam::session::Answer::Complete {
                it.first = Some(it.chosen.clone());
            }
        }
    }
    e
}

/// The stored form of the history: always the current version, compact JSON.
pub fn encode(h: &History) -> String {
    let mut w = Writer::new();
    w.open();
    w.key("version");
    w.uint(u64::from(VERSION));
    w.key("entries");
    w.open_list();
    for e in &h.entries {
        w.item();
        compact::write_entry(&mut w, e);
    }
    w.close_list();
    w.close();
    w.finish()
}

/// The compact stored form of entries (short names, no defaults).
mod compact;
