//! `questions/bank.lock`: every published question's id with what its meaning rests on, so "ids are
//! forever" is enforced at build time.
//!
//! History and exams in progress store question ids with the option order shown and the options chosen.
//! If a published question changed its number of options or keys, or the options themselves, a stored
//! answer would silently mean something else. The lock records, per id, the option count, the key count
//! and a hash of the options (text and key flag, in file order). The build fails, with the question's
//! `path:line:col`, when a locked question no longer matches, when a locked id disappears without being
//! retired, or when a retired id comes back. New questions are added to the lock by
//! `cargo run --example lock-bank`, which also accepts an edit that kept the meaning (`--relock <id>`).
//!
//! Format, one entry a line (`#` starts a comment):
//! ```text
//! sqs-long-polling-empty-receives 4 1 9f3a0c1d2e4b5a6c
//! retired appsync-subscriptions-live-bids AWS AppSync is outside DVA-C03
//! ```

use std::collections::BTreeMap;
use std::fmt::Write;

use super::Source;
use super::diag::{Diag, Locator};
use super::questions::Question;

/// One locked question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locked {
    pub options: usize,
    pub keys: usize,
    pub hash: String,
    /// Byte offset of its line in the lock file.
    pub at: usize,
}

/// The lock file, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lock {
    pub questions: BTreeMap<String, Locked>,
    /// Retired ids with the reason given, and the offset of their line.
    pub retired: BTreeMap<String, (String, usize)>,
}

/// The hash the lock keeps of a question's options: FNV-1a over each option's text and key flag.
pub fn options_hash(q: &Question) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in &q.choices {
        let flag = if c.key { b'x' } else { b' ' };
        for b in c.text.trim().bytes().chain([flag, 0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// Reads the lock file; malformed lines are problems.
pub fn read(file: &Source, diags: &mut Vec<Diag>) -> Lock {
    let loc = Locator::new(&file.path, &file.text);
    let mut lock = Lock::default();
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let first = words.next().unwrap_or_default();
        if first == "retired" {
            let id = words.next().unwrap_or_default().to_string();
            let reason = words.collect::<Vec<_>>().join(" ");
            if id.is_empty() || reason.is_empty() {
                diags.push(loc.diag(at, "a retired line reads `retired <id> <reason>`"));
            } else if lock.questions.contains_key(&id) || lock.retired.contains_key(&id) {
                diags.push(loc.diag(at, format!("`{id}` is listed twice")));
            } else {
                lock.retired.insert(id, (reason, at));
            }
            continue;
        }
        let parsed = (|| {
            let options: usize = words.next()?.parse().ok()?;
            let keys: usize = words.next()?.parse().ok()?;
            let hash = words.next()?.to_string();
            (words.next().is_none() && hash.len() == 16).then_some((options, keys, hash))
        })();
        match parsed {
            Some((options, keys, hash))
                if !lock.questions.contains_key(first) && !lock.retired.contains_key(first) =>
            {
                let locked = Locked {
                    options,
                    keys,
                    hash,
                    at,
                };
                lock.questions.insert(first.to_string(), locked);
            }
            Some(_) => diags.push(loc.diag(at, format!("`{first}` is listed twice"))),
            None => diags.push(loc.diag(
                at,
                "a lock line reads `<id> <options> <keys> <16-hex-digit hash>`",
            )),
        }
    }
    lock
}

/// Checks the bank against the lock. `place(q)` gives a question's `path:line:col` position as a diag
/// builder, so problems point at the question, not at the lock.
pub fn check(
    lock: &Lock,
    lock_file: &Source,
    bank: &[Question],
    place: impl Fn(&Question, String) -> Diag,
    diags: &mut Vec<Diag>,
) {
    let loc = Locator::new(&lock_file.path, &lock_file.text);
    let path = &lock_file.path;
    let line = |at: usize| loc.line_col(at).0;
    for q in bank {
        if let Some((_, at)) = lock.retired.get(&q.id) {
            diags.push(place(
                q,
                format!(
                    "question `{}` was retired ({path}:{}); a retired id is never used again: give this question a new id",
                    q.id,
                    line(*at)
                ),
            ));
            continue;
        }
        let Some(l) = lock.questions.get(&q.id) else {
            continue;
        };
        let keys = q.choices.iter().filter(|c| c.key).count();
        if (l.options, l.keys) != (q.choices.len(), keys) {
            diags.push(place(
                q,
                format!(
                    "question `{}` was published with {} options and {} key(s) ({path}:{}) and now has {} and {}; stored answers would change meaning: give it a new id and retire the old one",
                    q.id,
                    l.options,
                    l.keys,
                    line(l.at),
                    q.choices.len(),
                    keys
                ),
            ));
        } else if l.hash != options_hash(q) {
            diags.push(place(
                q,
                format!(
                    "question `{}` changed its options since it was published ({path}:{}): if its meaning changed, give it a new id and retire the old one; if not, run `DVA_RELOCK=1 cargo run --example lock-bank -- --relock {}`",
                    q.id,
                    line(l.at),
                    q.id
                ),
            ));
        }
    }
    for (id, l) in &lock.questions {
        if !bank.iter().any(|q| &q.id == id) {
            diags.push(loc.diag(
                l.at,
                format!("published question `{id}` is no longer in the bank: record it as `retired {id} <reason>`"),
            ));
        }
    }
}

/// The lock file for `bank`: the old lock's entries kept (their hashes only replaced for ids in
/// `relock`), new questions added, retired lines kept. Sorted by id, so diffs stay small.
pub fn render(old: &Lock, bank: &[Question], relock: &[String]) -> String {
    let mut s = String::from(
        "# Every published question: id, options, keys, hash of the options (src/compile/lock.rs).\n\
         # Written by `cargo run --example lock-bank`; the build checks the bank against it.\n\
         # A question whose meaning changes gets a new id; the old one is retired, never reused.\n",
    );
    let mut lines: BTreeMap<&str, String> = BTreeMap::new();
    for q in bank {
        let keep = old.questions.get(&q.id).filter(|_| !relock.contains(&q.id));
        let line = match keep {
            Some(l) => format!("{} {} {} {}", q.id, l.options, l.keys, l.hash),
            None => format!(
                "{} {} {} {}",
                q.id,
                q.choices.len(),
                q.choices.iter().filter(|c| c.key).count(),
                options_hash(q)
            ),
        };
        lines.insert(&q.id, line);
    }
    for line in lines.values() {
        let _ = writeln!(s, "{line}");
    }
    for (id, (reason, _)) in &old.retired {
        let _ = writeln!(s, "retired {id} {reason}");
    }
    s
}
