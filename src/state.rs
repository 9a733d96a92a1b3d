//! App-wide state: the exam in progress, the history of finished attempts, and a message for the user.
//! Loaded once from localStorage; every change is written back at once. Unreadable stored values are kept
//! aside under `<key>.unreadable` (never overwritten or dropped) and the user is told.

use leptos::prelude::*;

use crate::exam::session::{self, Session};
use crate::platform;
use crate::route::Route;
use crate::store::history::{self, History};
use crate::store::local;
use crate::study;

/// The localStorage key of the exam in progress.
pub const EXAM_KEY: &str = "dva.exam";

/// Shared through context; every field is a signal, so the struct is `Copy`.
#[derive(Clone, Copy)]
pub struct AppState {
    pub session: RwSignal<Option<Session>>,
    pub history: RwSignal<History>,
    /// A message shown in a banner until dismissed.
    pub notice: RwSignal<Option<String>>,
}

/// The state, from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

fn keep_aside(key: &str, raw: &str) {
    let _ = local::write(&format!("{key}.unreadable"), raw);
}

impl AppState {
    /// Loads what is stored and submits an exam whose time ran out while the app was closed.
    pub fn load() -> AppState {
        let mut notes = Vec::new();
        if !local::available() {
            notes.push("This browser does not let the app store anything: exams and results will be lost when the tab closes.".to_string());
        }
        let history = match local::read(history::KEY) {
            None => History::default(),
            Some(raw) => history::decode(&raw).unwrap_or_else(|e| {
                keep_aside(history::KEY, &raw);
                notes.push(format!("Your stored results could not be read ({e}); they were kept aside, not deleted."));
                History::default()
            }),
        };
        let session = local::read(EXAM_KEY).and_then(|raw| match session::decode(&raw) {
            Ok(s) => Some(s),
            Err(e) => {
                keep_aside(EXAM_KEY, &raw);
                notes.push(format!(
                    "The saved exam could not be resumed ({e}); it was kept aside."
                ));
                None
            }
        });
        let state = AppState {
            session: RwSignal::new(session),
            history: RwSignal::new(history),
            notice: RwSignal::new((!notes.is_empty()).then(|| notes.join(" "))),
        };
        let now = platform::now_ms();
        let expired = state
            .session
            .with_untracked(|s| s.as_ref().is_some_and(|s| s.is_expired(now)));
        if expired && let Some(id) = state.finish(now, true) {
            state.notice.set(Some(
                "The time of your exam ran out while the app was closed. It was submitted with the answers you had saved."
                    .to_string(),
            ));
            platform::replace_hash(&Route::Results(id).href());
        }
        state
    }

    /// Writes the exam in progress (or removes it).
    pub fn save_session(&self) {
        let raw = self
            .session
            .with_untracked(|s| s.as_ref().map(session::encode));
        let result = match raw {
            Some(raw) => local::write(EXAM_KEY, &raw),
            None => local::remove(EXAM_KEY),
        };
        if let Err(e) = result {
            self.warn_unsaved(&e);
        }
    }

    fn warn_unsaved(&self, why: &str) {
        if local::available() {
            self.notice.set(Some(format!(
                "Could not save: {why}. Your answers are kept while this tab stays open."
            )));
        }
    }

    /// Ends the exam in progress: scores it, adds it to the history, and returns its id.
    pub fn finish(&self, now_ms: f64, expired: bool) -> Option<String> {
        let mut session = self.session.get_untracked()?;
        session.submit(now_ms, expired);
        let attempt = study::finish(session);
        let id = attempt.id().to_string();
        self.history.update(|h| h.add(attempt));
        let raw = self.history.with_untracked(history::encode);
        if let Err(e) = local::write(history::KEY, &raw) {
            self.warn_unsaved(&e);
        }
        self.session.set(None);
        self.save_session();
        Some(id)
    }
}
