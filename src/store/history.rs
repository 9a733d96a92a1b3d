//! Finished attempts as stored: a versioned JSON list under [`KEY`].
//!
//! An attempt keeps the whole session (spec and seed, bank version, per question the id, option order,
//! answer, flag and time spent) and its score, so results and review can be shown again at any time, even
//! after the bank changes.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::exam::score::Outcome;
use crate::exam::session::Session;

/// The localStorage key of the history.
pub const KEY: &str = "dva.history";

/// The schema version this build writes.
pub const VERSION: u32 = 1;

/// One finished exam.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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

/// Every finished attempt, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    pub version: u32,
    pub attempts: Vec<Attempt>,
}

impl Default for History {
    fn default() -> Self {
        History {
            version: VERSION,
            attempts: Vec::new(),
        }
    }
}

impl History {
    /// Adds an attempt; an attempt already present (same id) is not added twice.
    pub fn add(&mut self, attempt: Attempt) {
        if self.get(attempt.id()).is_none() {
            self.attempts.push(attempt);
        }
    }

    /// The attempt with this id.
    pub fn get(&self, id: &str) -> Option<&Attempt> {
        self.attempts.iter().find(|a| a.id() == id)
    }

    /// Question ids asked in the last `n` attempts: new exams avoid them while the bank allows.
    pub fn recent_ids(&self, n: usize) -> HashSet<String> {
        self.attempts
            .iter()
            .rev()
            .take(n)
            .flat_map(|a| a.session.items.iter().map(|i| i.id.clone()))
            .collect()
    }
}

/// Reads stored history; the error says why it could not be read (the caller keeps the text aside).
pub fn decode(raw: &str) -> Result<History, String> {
    let h: History = serde_json::from_str(raw).map_err(|e| format!("unreadable history: {e}"))?;
    if h.version != VERSION {
        return Err(format!(
            "history version {} is not supported by this version of the app",
            h.version
        ));
    }
    Ok(h)
}

/// The stored form of the history.
pub fn encode(h: &History) -> String {
    serde_json::to_string(h).unwrap_or_default()
}
