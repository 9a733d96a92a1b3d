//! Export and import of the history as a file, so it can be backed up, moved to another browser, and
//! never lost with a cleared localStorage.
//!
//! An import is untrusted input: it is checked completely (size before parsing, JSON syntax, the format
//! marker, shape and version, then every value the app would rely on) and rejected with one sentence the
//! user can act on. Import never touches the stored history; the caller merges the result with
//! [`History::merge`].

use std::collections::HashMap;
use std::fmt;

use super::history::{self, Attempt, Entry, History, Summary};
use super::json;
use crate::exam::score::SectionTally;

/// The format marker of an export.
pub const FORMAT: &str = "dva-c02-practice-history";

/// Files larger than this are rejected before they are parsed (an export of the fullest possible
/// localStorage is about half of it).
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// The most questions an attempt may hold (a full mock has 65).
const MAX_ITEMS: usize = 100;

/// Ids (attempts and questions) and anchors are at most this long.
const MAX_ID: usize = 100;

/// 2100-01-01T00:00:00Z in epoch milliseconds: no real attempt is dated later.
const YEAR_2100_MS: f64 = 4_102_444_800_000.0;

/// Why a file was not imported; `Display` is the message for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Over [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize },
    /// Not JSON; where the parser stopped (1-based).
    NotJson { line: usize, column: usize },
    /// JSON, but not an export of this app.
    NotExport,
    /// An export whose history cannot be read (version, shape); the sentence says why.
    Unreadable(String),
    /// Attempt `attempt` (1-based, in file order) holds an impossible value.
    Absurd { attempt: usize, problem: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "This file is {} MB; a history export is at most 10 MB.",
                crate::decimal::fixed(*bytes as f64 / (1024.0 * 1024.0), 1)
            ),
            ImportError::NotJson { line, column } => write!(
                f,
                "This file is not valid JSON (line {line}, column {column})."
            ),
            ImportError::NotExport => {
                write!(f, "This file is not a history export of this app.")
            }
            ImportError::Unreadable(why) => write!(f, "{why}"),
            ImportError::Absurd { attempt, problem } => write!(f, "Attempt {attempt} {problem}."),
        }
    }
}

impl std::error::Error for ImportError {}

/// The export file: the format marker and the history in its stored (current) form.
pub fn export(h: &History) -> String {
    format!(
        r#"{{"format":"{FORMAT}","history":{}}}"#,
        history::encode(h)
    )
}

/// Reads an export (v1 or v2 history inside), checking everything; see the module doc.
pub fn import(raw: &str) -> Result<History, ImportError> {
    if raw.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: raw.len() });
    }
    let doc = json::head(raw).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    if doc.format().as_deref() != Some(FORMAT) {
        return Err(ImportError::NotExport);
    }
    let Some(h) = doc.history else {
        return Err(ImportError::NotExport);
    };
    // Its text is valid JSON already, so what can go wrong is what the stored history can have.
    let h = history::decode(h).map_err(ImportError::Unreadable)?;
    check(&h)?;
    Ok(h)
}

/// Every value the app relies on, with the attempt it belongs to.
fn check(h: &History) -> Result<(), ImportError> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, e) in h.entries.iter().enumerate() {
        let absurd = |problem: String| ImportError::Absurd {
            attempt: i + 1,
            problem,
        };
        if let Some(j) = seen.insert(e.id(), i) {
            return Err(absurd(format!("has the same id as attempt {}", j + 1)));
        }
        match e {
            Entry::Full(a) => check_attempt(a),
            Entry::Compacted(s) => check_summary(s),
        }
        .map_err(absurd)?;
    }
    Ok(())
}

fn check_summary(s: &Summary) -> Result<(), String> {
    check_id("id", &s.id)?;
    check_times(s.started_ms, &[s.finished_ms])?;
    check_length(s.total)?;
    if s.title.chars().count() > MAX_ID {
        return Err(format!("has a title longer than {MAX_ID} characters"));
    }
    check_score(s.scaled, s.correct, s.total)?;
    check_exam(&s.exam)?;
    if s.domains.len() > MAX_DOMAINS {
        return Err(format!(
            "has scores for {} domains; an exam has at most {MAX_DOMAINS}",
            s.domains.len()
        ));
    }
    for (d, &(correct, total)) in s.domains.iter().enumerate() {
        check_count(correct, total, Some(d + 1))?;
    }
    check_tasks(&s.tasks)?;
    check_sections(&s.sections)
}

fn check_attempt(a: &Attempt) -> Result<(), String> {
    let (s, o) = (&a.session, &a.outcome);
    check_id("id", &s.id)?;
    check_exam(&s.exam)?;
    let mut times = vec![s.entered_ms];
    times.extend(s.deadline_ms);
    times.extend(s.finished_ms);
    check_times(s.started_ms, &times)?;
    check_duration("in total", o.used_ms)?;
    check_length(s.items.len())?;
    if s.current >= s.items.len().max(1) {
        return Err(format!(
            "is open at question {} of {}",
            s.current.saturating_add(1),
            s.items.len()
        ));
    }
    for (n, it) in s.items.iter().enumerate() {
        let q = format!("question {}", n + 1);
        check_id(&format!("question id at {q}"), &it.id)?;
        if !(1..=3).contains(&it.keys) {
            return Err(format!(
                "has {} answers to {q}; a question has 1 to 3",
                it.keys
            ));
        }
        if !crate::exam::score::is_permutation(&it.order) {
            return Err(format!("has an impossible option order in {q}"));
        }
        let repeated = (1..it.chosen.len()).any(|i| it.chosen[..i].contains(&it.chosen[i]));
        if repeated
            || it.chosen.len() > usize::from(it.keys)
            || it.chosen.iter().any(|&c| usize::from(c) >= it.order.len())
        {
            return Err(format!("has an impossible answer to {q}"));
        }
        check_duration(&format!("on {q}"), it.spent_ms)?;
    }
    if o.total != s.items.len() {
        return Err(format!(
            "counts {} questions but holds {}",
            o.total,
            s.items.len()
        ));
    }
    check_score(o.scaled, o.correct, o.total)?;
    for d in &o.domains {
        if !(1..=MAX_DOMAINS).contains(&usize::from(d.domain)) {
            return Err(format!(
                "has a score for domain {}; domains run 1 to {MAX_DOMAINS}",
                d.domain
            ));
        }
        check_count(d.correct, d.total, Some(usize::from(d.domain)))?;
    }
    check_tasks(&o.tasks)?;
    check_sections(&o.sections)
}

/// Task tallies name task statements as `d.n` (one or two digits each) with counts that add up.
fn check_tasks(tasks: &[crate::exam::score::TaskTally]) -> Result<(), String> {
    for t in tasks {
        let named = t.task.split_once('.').is_some_and(|(d, n)| {
            [d, n]
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        });
        if !named {
            return Err("has an invalid task statement (like 2.2) in its tallies".to_string());
        }
        check_count(t.correct, t.total, None)?;
    }
    Ok(())
}

/// The most domains an exam may have in an imported attempt (DVA-C02 and DVA-C03 have 4).
const MAX_DOMAINS: usize = 20;

/// An exam code is short, of `A-Z`, `0-9` and `-`, like `DVA-C03`.
fn check_exam(code: &str) -> Result<(), String> {
    let ok = !code.is_empty()
        && code.len() <= 16
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err("names an exam code that is not like DVA-C03".to_string())
    }
}

/// Ids are lowercase kebab-case (words of `a-z0-9` joined by single hyphens), at most [`MAX_ID`] long:
/// what the bank's compiler and `Session::new` produce.
fn check_id(what: &str, id: &str) -> Result<(), String> {
    let word = |w: &str| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    };
    if id.len() <= MAX_ID && id.split('-').all(word) {
        return Ok(());
    }
    Err(format!(
        "has an invalid {what}: ids are lowercase words joined by hyphens, at most {MAX_ID} characters"
    ))
}

fn check_times(started: f64, later: &[f64]) -> Result<(), String> {
    for &t in std::iter::once(&started).chain(later) {
        if !(t.is_finite() && t >= 0.0) {
            return Err(format!(
                "has an impossible date ({} ms)",
                crate::decimal::plain(t)
            ));
        }
        if t > YEAR_2100_MS {
            return Err("is dated after the year 2100".to_string());
        }
    }
    if later.iter().any(|&t| t < started) {
        return Err("finished before it started".to_string());
    }
    Ok(())
}

fn check_score(scaled: u16, correct: usize, total: usize) -> Result<(), String> {
    if !(100..=1000).contains(&scaled) {
        return Err(format!(
            "has a score of {scaled}; scores run from 100 to 1000"
        ));
    }
    check_count(correct, total, None)
}

fn check_length(questions: usize) -> Result<(), String> {
    if questions > MAX_ITEMS {
        return Err(format!(
            "has {questions} questions; an exam has at most {MAX_ITEMS}"
        ));
    }
    Ok(())
}

/// `correct` of `total`, overall or in one domain (totals are bounded too, so sums over a whole history
/// cannot overflow).
fn check_count(correct: usize, total: usize, domain: Option<usize>) -> Result<(), String> {
    check_length(total)?;
    if correct <= total {
        return Ok(());
    }
    Err(match domain {
        Some(d) => format!("has {correct} correct answers out of {total} in domain {d}"),
        None => format!("has {correct} correct answers out of {total}"),
    })
}

/// A time spent: not negative, and no longer than from 1970 to 2100 (a file claiming 10^156 ms was
/// accepted, and such a number is not written back digit for digit, so its export read back differently).
fn check_duration(what: &str, ms: f64) -> Result<(), String> {
    if (0.0..=YEAR_2100_MS).contains(&ms) {
        Ok(())
    } else {
        Err(format!(
            "has an impossible time spent {what} ({} ms)",
            crate::decimal::plain(ms)
        ))
    }
}

fn check_sections(sections: &[SectionTally]) -> Result<(), String> {
    for t in sections {
        // Anchors are GitHub heading slugs: lowercase ASCII letters, digits, `-` and `_`, and (from a
        // title outside ASCII) letters of any script, let through here without the Unicode tables.
        let slug = !t.section.is_empty()
            && t.section.chars().count() <= MAX_ID
            && t.section
                .chars()
                .all(|c| matches!(c, '-' | '_' | 'a'..='z' | '0'..='9') || !c.is_ascii());
        if !slug {
            return Err("has an invalid note section anchor".to_string());
        }
        check_length(t.total)?;
        if t.missed > t.total {
            return Err(format!(
                "has {} missed of {} in section {}",
                t.missed, t.total, t.section
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::exam::score::SectionTally;

    #[test]
    fn section_anchors_are_lowercase_slugs_in_any_script() {
        let tally = |a: &str| {
            check_sections(&[SectionTally {
                section: a.to_string(),
                missed: 0,
                total: 1,
            }])
        };
        for good in [
            "s3-versioning",
            "kms---key-policies",
            "snake_case-and-code",
            "événements--été",
        ] {
            assert_eq!(tally(good), Ok(()), "{good}");
        }
        for bad in ["", "S3-Versioning", "<b>", "a b", "x\"y", "a/b"] {
            assert!(tally(bad).is_err(), "{bad}");
        }
    }

    use super::*;

    #[test]
    fn ids_are_lowercase_kebab_case_of_bounded_length() {
        for good in [
            "a",
            "lambda-timeout-max",
            "19a9b0a9c00-2a",
            &"a".repeat(100),
        ] {
            assert_eq!(check_id("id", good), Ok(()), "{good}");
        }
        let long = "a".repeat(101);
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é", &long] {
            assert!(check_id("id", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn times_must_be_real_dates_in_order() {
        assert_eq!(check_times(0.0, &[0.0, 1.0]), Ok(()));
        assert_eq!(check_times(YEAR_2100_MS, &[YEAR_2100_MS]), Ok(()));
        assert!(check_times(f64::NAN, &[]).is_err());
        assert!(check_times(1.0, &[f64::INFINITY]).is_err());
        assert_eq!(
            check_times(5.0, &[4.0]),
            Err("finished before it started".to_string())
        );
        assert!(check_duration("x", -0.5).is_err() && check_duration("x", 0.0).is_ok());
        assert!(check_duration("x", 1.1e156).is_err() && check_duration("x", f64::NAN).is_err());
    }
}
