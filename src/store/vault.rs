//! Reading and writing the stored values so that nothing the user made is ever lost: the rules of
//! "keep aside, never overwrite", as plain logic over a small [`Storage`] trait, so that every case is
//! tested natively with a fake storage that enforces a quota and holds values of any schema version
//! (`tests/store.rs`); `state.rs` runs the same code over localStorage.
//!
//! - A value that cannot be read is copied aside under a name of its own (`<key>.unreadable`, then
//!   `<key>.unreadable.2`, ...) and the original is removed only once the copy is read back intact; if the
//!   copy fails, the original stays where it is and this tab does not write over it.
//! - A value written by a newer version of the app is left untouched: the key is read-only for this tab,
//!   and the user is asked to reload (a newer release is waiting).
//! - Before a write, what is stored now is read again: another tab may have written since. Attempts are
//!   merged; a newer or unreadable stored value is never written over (unreadable ones are kept aside
//!   first).

use crate::store::history::{self, History};

/// The few operations the rules need; localStorage in the app, a quota-enforcing map in the tests.
pub trait Storage {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value`; an error says why it could not (quota, storage disabled).
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
    /// Removes `key`.
    fn remove(&mut self, key: &str) -> Result<(), String>;
}

/// What reading a stored value found, beyond the value itself.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    /// Sentences for the user, every one to be shown.
    pub notices: Vec<String>,
    /// The key must not be written by this tab: it holds a newer version's value, or an unreadable value
    /// that could not be copied aside.
    pub read_only: bool,
}

/// The schema version a stored JSON value declares, if it declares one (a cheap look, no full parse).
pub fn declared_version(raw: &str) -> Option<u64> {
    crate::store::json::head(raw).ok()?.version()
}

/// Copies `raw` aside under the first free name `<key>.unreadable`, `<key>.unreadable.2`, ... and reads
/// it back; returns the name only when the copy is confirmed.
pub fn keep_aside(st: &mut impl Storage, key: &str, raw: &str) -> Result<String, String> {
    let name = (1..=1000)
        .map(|n| {
            if n == 1 {
                format!("{key}.unreadable")
            } else {
                format!("{key}.unreadable.{n}")
            }
        })
        .find(|name| st.get(name).is_none_or(|old| old == raw))
        .ok_or_else(|| "no free name to keep it under".to_string())?;
    st.set(&name, raw)?;
    if st.get(&name).as_deref() == Some(raw) {
        Ok(name)
    } else {
        Err("the copy could not be read back".to_string())
    }
}

/// Reads the value under `key` with `decode`. `newer` is the version above which a value comes from a
/// newer release; `what` names the value in notices ("your history"). Returns the value (or `None` when
/// there is none, or it could not be used) and what the user must be told.
pub fn read<T>(
    st: &mut impl Storage,
    key: &str,
    newer: u64,
    what: &str,
    decode: impl Fn(&str) -> Result<T, String>,
) -> (Option<T>, Report) {
    let mut report = Report::default();
    let Some(raw) = st.get(key) else {
        return (None, report);
    };
    if declared_version(&raw).is_some_and(|v| v > newer) {
        report.read_only = true;
        report.notices.push(format!(
            "{} was written by a newer version of this app. Reload the page to use it; until then this tab leaves it untouched.",
            capitalized(what)
        ));
        return (None, report);
    }
    match decode(&raw) {
        Ok(v) => (Some(v), report),
        Err(e) => {
            match keep_aside(st, key, &raw) {
                Ok(name) => {
                    let _ = st.remove(key);
                    report.notices.push(format!(
                        "{} could not be read ({}). It was kept aside under \"{name}\", not deleted.",
                        capitalized(what),
                        e.trim_end_matches('.')
                    ));
                }
                Err(why) => {
                    report.read_only = true;
                    report.notices.push(format!(
                        "{} could not be read ({}), and could not be copied aside ({why}). It was left where it is, and this tab will not write over it.",
                        capitalized(what),
                        e.trim_end_matches('.')
                    ));
                }
            }
            (None, report)
        }
    }
}

/// What [`save_history`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Stored in full.
    Stored,
    /// Stored with the `n` oldest attempts compacted to summaries (the quota was reached).
    Compacted(usize),
    /// Not stored: the key is read-only (a newer version's value), or the storage refused even the most
    /// compact form; the history stays whole in memory.
    NotStored(String),
}

/// Writes the history `h` under [`history::KEY`], merging in what another tab stored meanwhile (into `h`
/// too, so this tab sees it). Never writes over a newer version's value; keeps an unreadable stored value
/// aside before writing; on a full quota stores a copy whose oldest attempts are compacted (the
/// in-memory history keeps every detail). `budget` caps the first compaction target (characters).
pub fn save_history(st: &mut impl Storage, h: &mut History, budget: usize) -> Saved {
    if let Some(raw) = st.get(history::KEY) {
        if declared_version(&raw).is_some_and(|v| v > u64::from(history::VERSION)) {
            return Saved::NotStored(
                "the stored history was written by a newer version of this app; reload the page"
                    .into(),
            );
        }
        match history::decode(&raw) {
            Ok(theirs) => {
                h.merge(&theirs);
            }
            Err(_) => {
                if let Err(why) = keep_aside(st, history::KEY, &raw) {
                    return Saved::NotStored(format!(
                        "the stored history could not be read or copied aside ({why})"
                    ));
                }
            }
        }
    }
    if st.set(history::KEY, &history::encode(h)).is_ok() {
        return Saved::Stored;
    }
    // Over the quota: a copy with the oldest attempts compacted, a quarter smaller each round.
    let mut stored = h.clone();
    let mut compacted = 0;
    loop {
        let target = history::encode(&stored).len() * 3 / 4;
        let more = history::fit(&mut stored, target.min(budget));
        compacted += more;
        match st.set(history::KEY, &history::encode(&stored)) {
            Ok(()) => return Saved::Compacted(compacted),
            Err(e) if more == 0 => return Saved::NotStored(e),
            Err(_) => {}
        }
    }
}

/// Writes a single-owner value (the exam in progress, the settings; `None` removes it) unless another tab
/// stored a value this one must not overwrite: a newer version's is left alone (an error), an unreadable
/// one (`readable` says no) is kept aside first.
pub fn save_value(
    st: &mut impl Storage,
    key: &str,
    newer: u64,
    readable: impl Fn(&str) -> bool,
    value: Option<&str>,
) -> Result<(), String> {
    if let Some(raw) = st.get(key) {
        if declared_version(&raw).is_some_and(|v| v > newer) {
            return Err(
                "a newer version of this app stored this value; reload the page".to_string(),
            );
        }
        if !readable(&raw) {
            keep_aside(st, key, &raw)?;
        }
    }
    match value {
        Some(v) => st.set(key, v),
        None => st.remove(key),
    }
}

/// `s` with its first letter in capitals. `s` is one of the app's own English phrases ("your history"),
/// so ASCII is enough: `char::to_uppercase` would bring the Unicode case table (2.9 KB of the wasm).
fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}
