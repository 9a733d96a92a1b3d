//! App-wide state: the exam in progress, the history of finished attempts, and a message for the user.
//!
//! Loaded once from localStorage; every change is written back at once. Nothing is ever lost:
//! - an unreadable stored value is kept aside under `<key>.unreadable` (never overwritten or dropped) and the
//!   user is told;
//! - the history is merged with what is stored before every write, so attempts finished in another tab are
//!   kept (no overwrite), and a `storage` event from another tab merges its attempts in at once;
//! - a full quota compacts the oldest attempts to summaries (never deletes them) and says so; if even that
//!   fails, the history stays in memory and the user is offered the export;
//! - with storage disabled the app works for the session, with a banner saying nothing will be kept.

use leptos::prelude::*;

use crate::exam::session::{self, Session};
use crate::exam::spec::Spec;
use crate::platform;
use crate::route::Route;
use crate::store::history::{self, History};
use crate::store::local::{self, Local};
use crate::store::vault::{self, Saved};
use crate::study;

/// The localStorage key of the exam in progress.
pub const EXAM_KEY: &str = "dva.exam";

/// Characters of history JSON to aim for when the quota is hit: well inside the ~5 M a browser allows.
const COMPACT_BUDGET: usize = 3_500_000;

/// Shared through context; every field is a signal, so the struct is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    pub session: RwSignal<Option<Session>>,
    pub history: RwSignal<History>,
    /// Messages shown in a banner until dismissed; every one is shown, not only the last.
    pub notices: RwSignal<Vec<String>>,
    /// Keys this tab must not write (a newer version's value, or an unreadable one that could not be
    /// kept aside): see [`crate::store::vault`].
    pub locked: RwSignal<Locked>,
    /// An exam asked for while another is unfinished: it waits for the learner's choice (resume the
    /// unfinished one, or discard it and start this one). See [`AppState::start_exam`].
    pub pending: RwSignal<Option<Pending>>,
    /// Whether every question's stem and options are here, and every explanation: see
    /// [`crate::components::content`].
    pub words: RwSignal<Fetch>,
    pub explained: RwSignal<Fetch>,
    /// The app's one clock (milliseconds since the epoch), set every half second by [`crate::app::App`]:
    /// the exam room's countdown and the dashboard's exam in progress read it, so one timer serves all.
    pub now: RwSignal<f64>,
}

/// The state of a content file the app fetches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fetch {
    Pending,
    Ready,
    /// Why it is not here, as a sentence for the learner.
    Failed(String),
}

impl Fetch {
    /// Ready if it is here already, else pending.
    pub fn of(here: bool) -> Fetch {
        if here { Fetch::Ready } else { Fetch::Pending }
    }
}

/// Which stored values this tab leaves untouched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Locked {
    pub history: bool,
    pub exam: bool,
}

/// A start that waits for the learner's choice, with the page's error slot for a shortfall.
#[derive(Clone)]
pub struct Pending {
    pub spec: Spec,
    pub error: RwSignal<Option<String>>,
}

/// The state, from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The stored history, if it can be read (used to merge another tab's attempts in).
fn stored_history() -> Option<History> {
    local::read(history::KEY).and_then(|raw| history::decode(&raw).ok())
}

/// How the notices that an exam's time ran out begin (one when the app was closed, one while the learner
/// was on another page); starting another exam dismisses them.
pub const EXPIRED_NOTICE: &str = "The time of your exam ran out";

/// Splits a notice's text from the address of a link it ends with ("See its results"): the banner shows
/// the text, then the link (the notice of an exam that ran out while the learner read the notes said its
/// results were "first in History", a page away).
pub const LINK: char = '\u{1}';

thread_local! {
    /// The stored exam as this tab last read or wrote it (see [`AppState::save_on_close`]).
    static WRITTEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The warning that the exam open here is also open in another tab (withdrawn once it is submitted there).
const BOTH_TABS: &str = "This exam is also open in another tab. Answers given in either tab show in both; the clock is the same in both.";

impl AppState {
    /// Loads what is stored and submits an exam whose time ran out while the app was closed.
    pub fn load() -> AppState {
        let mut notes = Vec::new();
        if !local::available() {
            notes.push(
                "This browser does not let the app store anything: exams and results will be lost when the tab closes."
                    .to_string(),
            );
        }
        let mut st = Local;
        let (history, h_report) = vault::read(
            &mut st,
            history::KEY,
            u64::from(history::VERSION),
            "your stored results",
            history::decode,
        );
        let (session, s_report) = vault::read(
            &mut st,
            EXAM_KEY,
            u64::from(session::VERSION),
            "the saved exam",
            session::decode,
        );
        WRITTEN.set(local::read(EXAM_KEY));
        notes.extend(h_report.notices);
        notes.extend(s_report.notices);
        let now = platform::now_ms();
        let session = session.map(|mut s| {
            s.resume(now);
            s
        });
        let state = AppState {
            session: RwSignal::new(session),
            history: RwSignal::new(history.unwrap_or_default()),
            notices: RwSignal::new(notes),
            locked: RwSignal::new(Locked {
                history: h_report.read_only,
                exam: s_report.read_only,
            }),
            pending: RwSignal::new(None),
            words: RwSignal::new(Fetch::of(crate::bank::text::words_ready())),
            explained: RwSignal::new(Fetch::of(crate::bank::text::explained_ready())),
            now: RwSignal::new(now),
        };
        let expired = state
            .session
            .with_untracked(|s| s.as_ref().is_some_and(|s| s.is_expired(now)));
        if expired && let Some(id) = state.finish(now, true) {
            // The results it opens say that the exam was submitted with the answers given; the banner
            // says only when the time ran out (it said both, and the results page the same again).
            state.tell(&format!("{EXPIRED_NOTICE} while the app was closed."));
            platform::replace_hash(&Route::Results(id).href());
        }
        state.watch_other_tabs();
        state
    }

    /// Merges attempts finished in other tabs as they are stored, and takes in the exam open here when
    /// another tab stores it (see [`Session::adopt`]), saying it is open there too.
    fn watch_other_tabs(self) {
        platform::on_storage_change(move |key| match key.as_deref() {
            Some(history::KEY) => {
                if let Some(theirs) = stored_history() {
                    self.history.update(|h| {
                        h.merge(&theirs);
                    });
                }
            }
            Some(EXAM_KEY) => {
                let ours = self
                    .session
                    .with_untracked(|s| s.as_ref().map(|s| s.id.clone()));
                let stored = local::read(EXAM_KEY);
                let theirs = stored.as_deref().and_then(|raw| session::decode(raw).ok());
                if ours.is_some() && ours.as_ref() == theirs.as_ref().map(|s| &s.id) {
                    self.tell(BOTH_TABS);
                }
                let taken = theirs.and_then(|theirs| {
                    let mut mine = self.session.get_untracked()?;
                    mine.adopt(theirs).then_some(mine)
                });
                if let Some(mine) = taken {
                    self.session.set(Some(mine));
                    // What is stored is now this tab's copy too: closing the tab may save it.
                    WRITTEN.set(stored.clone());
                }
                // Submitted in another tab (its attempt has just been merged into the history, which that
                // tab stores first): this tab lets its copy go, which its next answer wrote back as an exam
                // still in progress. Another exam going on elsewhere is left alone: each tab keeps its own.
                if let Some(id) = ours.filter(|id| {
                    stored.is_none() && self.history.with_untracked(|h| h.get(id).is_some())
                }) {
                    self.session.set(None);
                    self.notices.update(|n| n.retain(|t| t != BOTH_TABS));
                    self.tell(&format!(
                        "This exam was submitted in another tab.{LINK}{}",
                        Route::Results(id).href()
                    ));
                }
            }
            _ => {}
        });
    }

    /// Adds a message to the banner (once: the same sentence is not repeated).
    pub fn tell(&self, text: &str) {
        self.notices.update(|n| {
            if !n.iter().any(|x| x == text) {
                n.push(text.to_string());
            }
        });
    }

    /// Writes the exam in progress (or removes it), unless this tab must leave the stored one alone.
    pub fn save_session(&self) {
        if self.locked.with_untracked(|l| l.exam) || !local::available() {
            return;
        }
        let raw = self
            .session
            .with_untracked(|s| s.as_ref().map(session::encode));
        let readable = |r: &str| session::decode(r).is_ok();
        let result = vault::save_value(
            &mut Local,
            EXAM_KEY,
            u64::from(session::VERSION),
            readable,
            raw.as_deref(),
        );
        match result {
            Ok(()) => WRITTEN.set(raw),
            Err(e) => self.warn_unsaved(&e),
        }
    }

    /// The tab is closing, reloading or hidden in the exam room: the question on screen is charged its time
    /// until now (it was charged at the learner's last move, and the seconds after it were lost) and the
    /// exam saved, but only while the stored exam is still what this tab last read or wrote: nothing another
    /// tab (or a person in the browser's tools) stored meanwhile is overwritten on the way out.
    pub fn save_on_close(&self) {
        let mine = WRITTEN.with_borrow(|w| *w == local::read(EXAM_KEY));
        if mine
            && self
                .session
                .with_untracked(|s| s.as_ref().is_some_and(|s| !s.is_finished()))
        {
            self.session.update_untracked(|s| {
                if let Some(s) = s {
                    s.leave(platform::now_ms());
                }
            });
            self.save_session();
        }
    }

    fn warn_unsaved(&self, why: &str) {
        if local::available() {
            self.tell(&format!(
                "Could not save: {why}. Nothing is lost while this tab stays open; export your history (History page) to keep a copy."
            ));
        }
    }

    /// Writes the history, merged with what other tabs stored; on a full quota the stored copy has its
    /// oldest attempts compacted (this tab keeps every detail); never over a newer version's history.
    pub fn save_history(&self) {
        if !local::available() || self.locked.with_untracked(|l| l.history) {
            return;
        }
        let mut h = self.history.get_untracked();
        let saved = vault::save_history(&mut Local, &mut h, COMPACT_BUDGET);
        self.history.set(h);
        match saved {
            Saved::Stored => {}
            Saved::Compacted(n) => self.tell(&format!(
                "Browser storage was full, so the {n} oldest attempts were stored as summaries only (scores and weak sections are kept; their question-by-question detail is not). Export your history now to keep everything."
            )),
            Saved::NotStored(why) => self.warn_unsaved(&why),
        }
    }

    /// Merges an imported history; returns how many attempts were new.
    pub fn merge_history(&self, incoming: &History) -> usize {
        let mut added = 0;
        self.history.update(|h| added = h.merge(incoming));
        self.save_history();
        added
    }

    /// Draws and opens a new exam, or says what the bank is short of.
    ///
    /// Every way to start an exam comes through here, and an exam in progress is never replaced without
    /// the learner's choice: while one is unfinished the request waits in [`AppState::pending`] and the app
    /// asks (resume it, or discard it, which records nothing).
    pub fn start_exam(&self, spec: Spec, error: RwSignal<Option<String>>) {
        if self.session.with_untracked(Option::is_some) {
            self.pending.set(Some(Pending { spec, error }));
            return;
        }
        self.start_now(spec, error);
    }

    /// The learner chose to keep the unfinished exam: back to it, the new one forgotten.
    pub fn resume_pending(&self) {
        self.pending.set(None);
        platform::go(&Route::Exam.href());
    }

    /// The learner chose to discard the unfinished exam (nothing is recorded) and start the waiting one.
    pub fn discard_and_start(&self) {
        let Some(p) = self.pending.get_untracked() else {
            return;
        };
        self.pending.set(None);
        self.session.set(None);
        self.save_session();
        self.start_now(p.spec, p.error);
    }

    fn start_now(&self, spec: Spec, error: RwSignal<Option<String>>) {
        let recent = self.history.with_untracked(|h| h.recent_ids(3));
        match study::start(spec, &recent, platform::now_ms()) {
            Ok(s) => {
                error.set(None);
                // A notice that an earlier exam's time ran out would read as about this one.
                self.notices
                    .update(|n| n.retain(|t| !t.starts_with(EXPIRED_NOTICE)));
                self.session.set(Some(s));
                self.save_session();
                platform::go(&Route::Exam.href());
            }
            Err(short) => error.set(Some(short.to_string())),
        }
    }

    /// Ends the exam in progress: scores it, adds it to the history, and returns its id.
    pub fn finish(&self, now_ms: f64, expired: bool) -> Option<String> {
        let mut session = self.session.get_untracked()?;
        session.submit(now_ms, expired);
        let attempt = study::finish(session);
        let id = attempt.id().to_string();
        self.history.update(|h| h.add(attempt));
        self.save_history();
        self.session.set(None);
        self.save_session();
        Some(id)
    }
}
