//! An exam in progress: plain state and pure transitions, serialized to localStorage after each change.
//!
//! Time is passed in (`now_ms`, epoch milliseconds) rather than read, so every transition is testable and
//! the browser clock stays at the edge. The session stores a deadline, not a countdown: a reload or a
//! sleeping laptop cannot give or take time. Time after the deadline is never charged to a question.

use super::spec::{Mode, Spec};

/// The schema version this build writes and reads.
pub const VERSION: u32 = 1;

/// One question of the session, as the learner sees and answers it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The question id; ids are forever, so an old attempt can still be reviewed.
    pub id: String,
    /// The option permutation: display position -> original option index.
    pub order: Vec<u8>,
    /// How many options must be chosen (1, 2 or 3).
    pub keys: u8,
    /// Original option indices chosen, in the order chosen.
    pub chosen: Vec<u8>,
    /// Marked for review by the learner.
    pub flagged: bool,
    /// Practice mode: the key was revealed and the answer is locked.
    pub checked: bool,
    /// Time spent on this question, in milliseconds.
    pub spent_ms: f64,
    /// How sure the learner said they were of their answer, if they said.
    pub confidence: Option<Confidence>,
    /// Original option indices the learner struck out (crossed through as ruled out, still selectable).
    pub struck: Vec<u8>,
    /// The first complete answer given, to tell whether changing it helped (see [`crate::exam::pacing`]).
    pub first: Option<Vec<u8>>,
}

/// How sure the learner is of an answer: "wrong while sure" shows a misconception worth more study than any
/// other mistake, and "right by guessing" a point that will not come twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Confidence {
    Sure,
    Unsure,
    Guess,
}

impl Confidence {
    /// The word the learner sees.
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Sure => "Sure",
            Confidence::Unsure => "Unsure",
            Confidence::Guess => "Guess",
        }
    }
}

/// How far a question is answered. The one definition the exam room, the navigator, the review and
/// scoring share: a "Choose TWO" question with one choice is partly answered, which counts as wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    Unanswered,
    /// Some but not all of the choices the question asks for.
    Partial,
    Complete,
}

impl Item {
    /// A question as a new exam asks it: option order `order`, `keys` choices wanted, nothing answered yet.
    /// The one place that lists an item's fields, so a new field has one default.
    pub fn new(id: impl Into<String>, order: Vec<u8>, keys: u8) -> Item {
        Item {
            id: id.into(),
            order,
            keys,
            chosen: Vec::new(),
            flagged: false,
            checked: false,
            spent_ms: 0.0,
            confidence: None,
            struck: Vec::new(),
            first: None,
        }
    }

    /// How far this item is answered.
    pub fn answer(&self) -> Answer {
        match self.chosen.len() {
            0 => Answer::Unanswered,
            n if n < usize::from(self.keys) => Answer::Partial,
            _ => Answer::Complete,
        }
    }
}

/// An exam in progress or finished, everything needed to resume it after a reload.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Schema version ([`VERSION`]), so stored sessions can be migrated or rejected.
    pub version: u32,
    /// The attempt id: start time and seed in hex, unique enough per browser.
    pub id: String,
    pub spec: Spec,
    /// The code of the exam it simulates (e.g. "DVA-C03"), so an attempt keeps the blueprint and domain
    /// names it was taken under. Sessions stored before the field existed were DVA-C02 exams.
    pub exam: String,
    /// The bank the questions came from, so results can say when the bank changed since.
    pub bank_version: String,
    pub started_ms: f64,
    /// When the exam ends by the clock; `None` when untimed.
    pub deadline_ms: Option<f64>,
    pub items: Vec<Item>,
    /// The question on screen.
    pub current: usize,
    /// When the current question was opened, to charge its `spent_ms`.
    pub entered_ms: f64,
    pub finished_ms: Option<f64>,
    /// True when the exam ended by the clock rather than by the learner.
    pub expired: bool,
}

/// What [`Session::choose`] did, so the UI can explain a click that changed nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chose {
    /// The option is now chosen.
    Selected,
    /// A multi-response option was un-chosen.
    Deselected,
    /// A multi-response question already has `keys` choices; nothing changed.
    CapReached,
    /// The item is checked, the exam is finished or past its deadline, or there is no such option;
    /// nothing changed.
    Locked,
}

/// The exam every session stored before sessions named their exam was drawn for.
pub fn earlier_exam() -> String {
    EARLIER_EXAM.to_string()
}

/// See [`earlier_exam`].
pub const EARLIER_EXAM: &str = "DVA-C02";

impl Session {
    /// Starts an exam at `now_ms`; the deadline is `now` plus `minutes` (`None`: untimed), which the
    /// caller takes from [`Spec::minutes`] with the exam's blueprint.
    pub fn new(
        spec: Spec,
        minutes: Option<u32>,
        exam: &str,
        bank_version: &str,
        items: Vec<Item>,
        now_ms: f64,
    ) -> Session {
        Session {
            version: VERSION,
            id: format!("{:x}-{:x}", now_ms as u64, spec.seed),
            deadline_ms: minutes.map(|m| now_ms + f64::from(m) * 60_000.0),
            spec,
            exam: exam.to_string(),
            bank_version: bank_version.to_string(),
            started_ms: now_ms,
            items,
            current: 0,
            entered_ms: now_ms,
            finished_ms: None,
            expired: false,
        }
    }

    /// Clicks the option at display position `display` of the current question.
    ///
    /// A single-response question behaves like radio buttons (the new choice replaces the old one); a
    /// multi-response question toggles, but never holds more than `keys` choices.
    pub fn choose(&mut self, display: usize, now_ms: f64) -> Chose {
        if self.is_finished() || self.is_expired(now_ms) {
            return Chose::Locked;
        }
        let Some(item) = self.items.get_mut(self.current) else {
            return Chose::Locked;
        };
        let Some(&option) = item.order.get(display) else {
            return Chose::Locked;
        };
        if item.checked {
            return Chose::Locked;
        }
        let chose = if item.keys == 1 {
            item.chosen = vec![option];
            Chose::Selected
        } else if let Some(at) = item.chosen.iter().position(|&c| c == option) {
            item.chosen.remove(at);
            Chose::Deselected
        } else if item.chosen.len() >= usize::from(item.keys) {
            Chose::CapReached
        } else {
            item.chosen.push(option);
            Chose::Selected
        };
        if item.first.is_none() && item.answer() == Answer::Complete {
            item.first = Some(item.chosen.clone());
        }
        chose
    }

    /// Sets how sure the learner is of the current answer; choosing the level already set clears it.
    /// Not once the answer is checked (practice) or the exam is over: it must say how sure they were
    /// before they knew.
    pub fn set_confidence(&mut self, level: Confidence, now_ms: f64) {
        if self.is_finished() || self.is_expired(now_ms) {
            return;
        }
        if let Some(item) = self.items.get_mut(self.current)
            && !item.checked
        {
            item.confidence = (item.confidence != Some(level)).then_some(level);
        }
    }

    /// Strikes out the option at display position `display` of the current question, or restores it. A
    /// struck option stays selectable (striking is a note to oneself, as on paper), so nothing else changes.
    pub fn toggle_strike(&mut self, display: usize, now_ms: f64) {
        if self.is_finished() || self.is_expired(now_ms) {
            return;
        }
        let Some(item) = self.items.get_mut(self.current) else {
            return;
        };
        let Some(&option) = item.order.get(display) else {
            return;
        };
        match item.struck.iter().position(|&o| o == option) {
            Some(at) => {
                item.struck.remove(at);
            }
            None => item.struck.push(option),
        }
    }

    /// Flags or unflags the current question for review (not after the exam is finished).
    pub fn toggle_flag(&mut self) {
        if self.is_finished() {
            return;
        }
        if let Some(item) = self.items.get_mut(self.current) {
            item.flagged = !item.flagged;
        }
    }

    /// Opens question `index` (clamped to the last one), charging the time since the current question
    /// was opened to it. Does nothing once finished.
    pub fn go_to(&mut self, index: usize, now_ms: f64) {
        if self.is_finished() {
            return;
        }
        self.charge(now_ms);
        self.current = index.min(self.items.len().saturating_sub(1));
    }

    /// Opens the next question (stays on the last).
    pub fn next(&mut self, now_ms: f64) {
        self.go_to(self.current.saturating_add(1), now_ms);
    }

    /// Opens the previous question (stays on the first).
    pub fn previous(&mut self, now_ms: f64) {
        self.go_to(self.current.saturating_sub(1), now_ms);
    }

    /// Practice mode: reveals the key of the current question and locks its answer, if it is answered.
    /// Does nothing in exam mode, where feedback waits for the end.
    pub fn check(&mut self) {
        if self.spec.mode != Mode::Practice || self.is_finished() || !self.answered(self.current) {
            return;
        }
        self.items[self.current].checked = true;
    }

    /// Whether question `i` has all its choices made (`false` for no such question): [`Item::answer`].
    pub fn answered(&self, i: usize) -> bool {
        self.items
            .get(i)
            .is_some_and(|it| it.answer() == Answer::Complete)
    }

    /// Whether `item` was skipped in a practice session: not fully answered, as the end dialog and the review
    /// count it (a partly ticked question counted as answered on the results and as unanswered there). It
    /// is wrong in the score but says nothing about what the learner knows, so no section is suggested.
    pub fn skipped(&self, item: &Item) -> bool {
        self.spec.mode == Mode::Practice && item.answer() != Answer::Complete
    }

    /// `(answered, unanswered, flagged)`, for the navigator and the submit dialog.
    pub fn counts(&self) -> (usize, usize, usize) {
        let answered = (0..self.items.len()).filter(|&i| self.answered(i)).count();
        let flagged = self.items.iter().filter(|it| it.flagged).count();
        (answered, self.items.len() - answered, flagged)
    }

    /// Time left on the clock (frozen once finished), never negative; `None` when untimed.
    pub fn remaining_ms(&self, now_ms: f64) -> Option<f64> {
        let now = self.finished_ms.unwrap_or(now_ms);
        self.deadline_ms.map(|d| (d - now).max(0.0))
    }

    /// The whole time the exam was given (its deadline less its start), `None` when untimed; the clock's
    /// warning levels are relative to it.
    pub fn allotted_ms(&self) -> Option<f64> {
        self.deadline_ms.map(|d| d - self.started_ms)
    }

    /// Whether the clock has run out at `now_ms` (from the deadline on).
    pub fn is_expired(&self, now_ms: f64) -> bool {
        self.deadline_ms.is_some_and(|d| now_ms >= d)
    }

    /// Ends the exam: charges the current question's time and records when it finished (the deadline at
    /// the latest). `expired` says the clock ended it; so does submitting after the deadline. A second
    /// call changes nothing.
    pub fn submit(&mut self, now_ms: f64, expired: bool) {
        if self.is_finished() {
            return;
        }
        self.charge(now_ms);
        // `charge` moved `entered_ms` to now, or to the deadline if that came first; never past the deadline
        // (a question entered after it, as a clock set back or an edited store can leave, made a 20-minute
        // exam take 20:59).
        self.finished_ms = Some(
            self.deadline_ms
                .map_or(self.entered_ms, |d| self.entered_ms.min(d)),
        );
        self.expired = expired || self.is_expired(now_ms);
    }

    /// Called when the exam room opens again: after a reload, the next day, or a visit to the notes in
    /// the middle of an exam. The time away is charged to no question, so pacing shows the time spent on
    /// each (a timed exam's clock ran on all the same: its deadline is fixed and [`Session::used_ms`]
    /// counts the whole time; before, an hour in the notes showed as an hour on the question left open).
    pub fn resume(&mut self, now_ms: f64) {
        if !self.is_finished() && now_ms > self.entered_ms {
            self.entered_ms = now_ms;
        }
    }

    /// Called when the exam room closes while the exam goes on (the learner opens the notes): the open
    /// question is charged its time until now; [`Session::resume`] restarts the count on return.
    pub fn leave(&mut self, now_ms: f64) {
        if !self.is_finished() {
            self.charge(now_ms);
        }
    }

    /// The time the attempt took: for a timed exam from start to finish (or to the last recorded moment);
    /// for untimed practice the time spent on its questions, which leaves out the time the app was
    /// closed between sittings.
    pub fn used_ms(&self) -> f64 {
        match self.spec.mode {
            Mode::Practice => self.items.iter().map(|i| i.spent_ms.max(0.0)).sum(),
            Mode::Exam => (self.finished_ms.unwrap_or(self.entered_ms) - self.started_ms).max(0.0),
        }
    }

    /// Takes in the same exam as another tab just stored it (its answers, flags, confidence, struck
    /// options, checked items and time), keeping the question on screen here and its running count.
    /// Each tab stores the whole exam after every move, so without this the two copies overwrote each
    /// other and an answer given in one tab was lost at the next move in the other. Returns whether
    /// anything was taken: nothing is once this exam is finished here, nor from another exam or a
    /// finished copy (an exam submitted elsewhere is let go by the caller instead).
    pub fn adopt(&mut self, theirs: Session) -> bool {
        if self.is_finished()
            || theirs.is_finished()
            || theirs.id != self.id
            || theirs.items.len() != self.items.len()
        {
            return false;
        }
        let (current, entered_ms) = (self.current, self.entered_ms);
        *self = Session {
            current,
            entered_ms,
            ..theirs
        };
        true
    }

    /// Whether the exam has been submitted (by the learner or the clock).
    pub fn is_finished(&self) -> bool {
        self.finished_ms.is_some()
    }

    /// Adds the time since `entered_ms` (up to the deadline) to the current question and restarts the
    /// count. A clock that went backwards charges nothing.
    fn charge(&mut self, now_ms: f64) {
        let until = self.deadline_ms.map_or(now_ms, |d| now_ms.min(d));
        let spent = until - self.entered_ms;
        if spent > 0.0 {
            if let Some(item) = self.items.get_mut(self.current) {
                item.spent_ms += spent;
            }
            self.entered_ms = until;
        }
    }
}

/// Reads a stored session, rejecting other schema versions and anything inconsistent (which would make
/// the UI index out of bounds) with a message for the learner.
pub fn decode(raw: &str) -> Result<Session, String> {
    let head = crate::store::json::head(raw)
        .map_err(|e| format!("The saved exam is not valid JSON: {e}"))?;
    match head.version() {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => {
            return Err(format!(
                "The saved exam has version {v}; this app reads version {VERSION}"
            ));
        }
        None => return Err("The saved exam has no version number".to_string()),
    }
    let s = crate::store::json::parse(raw, crate::store::forms::read_session)
        .map_err(|e| format!("The saved exam has an unexpected shape: {}", e.message))?;
    check_consistent(&s).map_err(|e| format!("The saved exam is inconsistent: {e}"))?;
    Ok(s)
}

/// Writes a session for storage; [`decode`] reads it back unchanged.
pub fn encode(s: &Session) -> String {
    let mut w = crate::store::json::Writer::new();
    crate::store::forms::write_session(&mut w, s);
    w.finish()
}

/// The invariants the transitions keep, checked on data that came from outside.
fn check_consistent(s: &Session) -> Result<(), String> {
    if s.current >= s.items.len().max(1) {
        return Err(format!(
            "current question {} of {}",
            s.current,
            s.items.len()
        ));
    }
    for it in &s.items {
        if !crate::exam::score::is_permutation(&it.order) {
            return Err(format!("question {}: options are not a permutation", it.id));
        }
        let distinct = it
            .chosen
            .iter()
            .enumerate()
            .all(|(i, c)| !it.chosen[..i].contains(c));
        let in_range = |v: &[u8]| v.iter().all(|&c| usize::from(c) < it.order.len());
        if !distinct
            || it.chosen.len() > usize::from(it.keys)
            || !in_range(&it.chosen)
            || !in_range(&it.struck)
            || !it.first.as_deref().is_none_or(in_range)
        {
            return Err(format!("question {}: invalid choices", it.id));
        }
    }
    Ok(())
}
