//! The stored forms that use the Rust field names (serde's default form, which the app wrote before
//! these were hand-written): the exam in progress ([`Session`], with its [`Item`]s and [`Spec`]), and the
//! plain [`Outcome`] of a v1 history's attempts. The compact form of finished attempts, which reuses
//! [`read_spec`] and [`write_spec`], is in `store::history`.
//!
//! Readers take fields in any order, ignore unknown ones, refuse a field given twice, and let a missing
//! `Option` read as `None`, as serde did; the golden files pin that what they write is byte for byte what
//! serde wrote.

use super::json::{Error, Reader, Writer, once, required};
use crate::exam::score::{Calibration, DomainScore, Outcome, SectionTally, TaskTally};
use crate::exam::session::{Confidence, Item, Session, earlier_exam};
use crate::exam::spec::{Kind, Mode, Spec};

/// A string, owned.
pub fn string(r: &mut Reader<'_>) -> Result<String, Error> {
    r.string().map(|s| s.into_owned())
}

/// A count or index.
pub fn count(r: &mut Reader<'_>) -> Result<usize, Error> {
    r.uint(usize::MAX as u64, "usize").map(|n| n as usize)
}

/// A small number (an option index, a domain).
pub fn byte(r: &mut Reader<'_>) -> Result<u8, Error> {
    r.uint(u64::from(u8::MAX), "u8").map(|n| n as u8)
}

/// An array whose elements `element` reads.
pub fn list<T>(
    r: &mut Reader<'_>,
    element: fn(&mut Reader<'_>) -> Result<T, Error>,
) -> Result<Vec<T>, Error> {
    let mut out = Vec::new();
    r.array(&mut |r| element(r).map(|v| out.push(v)))?;
    Ok(out)
}

/// `null` as `None`, else what `value` reads.
pub fn nullable<T>(
    r: &mut Reader<'_>,
    value: fn(&mut Reader<'_>) -> Result<T, Error>,
) -> Result<Option<T>, Error> {
    if r.null() {
        Ok(None)
    } else {
        value(r).map(Some)
    }
}

/// An array of exactly `N` elements, as serde reads a tuple or a fixed-size array.
pub fn tuple<T: Default + Copy, const N: usize>(
    r: &mut Reader<'_>,
    element: fn(&mut Reader<'_>) -> Result<T, Error>,
) -> Result<[T; N], Error> {
    let mut out = [T::default(); N];
    let mut n = 0;
    r.array(&mut |r| {
        if n == N {
            return Err(Error::data(format!(
                "invalid length {}, expected {N} elements",
                n + 1
            )));
        }
        out[n] = element(r)?;
        n += 1;
        Ok(())
    })?;
    if n < N {
        return Err(Error::data(format!(
            "invalid length {n}, expected {N} elements"
        )));
    }
    Ok(out)
}

/// The name of a unit variant, one of `names`.
fn variant(r: &mut Reader<'_>, names: &[&str]) -> Result<usize, Error> {
    let name = r.string()?;
    names.iter().position(|n| *n == name).ok_or_else(|| {
        Error::data(format!(
            "unknown variant `{name}`, expected one of {}",
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    })
}

const MODES: [&str; 2] = ["Exam", "Practice"];
const CONFIDENCES: [&str; 3] = ["Sure", "Unsure", "Guess"];
const KINDS: [&str; 6] = ["Full", "Quick", "Domains", "Section", "Tasks", "Picked"];

pub fn read_confidence(r: &mut Reader<'_>) -> Result<Confidence, Error> {
    Ok([Confidence::Sure, Confidence::Unsure, Confidence::Guess][variant(r, &CONFIDENCES)?])
}

pub fn write_confidence(w: &mut Writer, c: Confidence) {
    w.string(CONFIDENCES[c as usize]);
}

/// A kind: `"Full"`, or an object with one key, the variant, whose value holds its fields.
fn read_kind(r: &mut Reader<'_>) -> Result<Kind, Error> {
    if r.peek() == Some(b'"') {
        return match variant(r, &KINDS)? {
            0 => Ok(Kind::Full),
            _ => Err(Error::data(
                "invalid type: unit variant, expected struct variant".into(),
            )),
        };
    }
    let mut kind = None;
    r.object(&mut |r, name| {
        if kind.is_some() {
            return Err(Error::data("invalid length 2, expected 1 variant".into()));
        }
        let i = KINDS.iter().position(|k| *k == name).ok_or_else(|| {
            Error::data(format!("unknown variant `{name}`, expected one of `Full`, `Quick`, `Domains`, `Section`, `Tasks`, `Picked`"))
        })?;
        if i == 0 {
            if !r.null() {
                return Err(r.unexpected("unit variant"));
            }
            kind = Some(Kind::Full);
            return Ok(());
        }
        let (mut length, mut domains, mut anchor, mut tasks, mut title, mut ids) =
            (None, None, None, None, None, None);
        r.object(&mut |r, k| match (i, k) {
            (1..=4, "length") => once(&mut length, k, count(r)?),
            (2, "domains") => once(&mut domains, k, list(r, byte)?),
            (3, "anchor") => once(&mut anchor, k, string(r)?),
            (4, "tasks") => once(&mut tasks, k, list(r, string)?),
            (5, "title") => once(&mut title, k, string(r)?),
            (5, "ids") => once(&mut ids, k, list(r, string)?),
            _ => r.skip(),
        })?;
        kind = Some(match i {
            1 => Kind::Quick {
                length: required(length, "length")?,
            },
            2 => Kind::Domains {
                domains: required(domains, "domains")?,
                length: required(length, "length")?,
            },
            3 => Kind::Section {
                anchor: required(anchor, "anchor")?,
                length: required(length, "length")?,
            },
            4 => Kind::Tasks {
                tasks: required(tasks, "tasks")?,
                length: required(length, "length")?,
            },
            _ => Kind::Picked {
                title: required(title, "title")?,
                ids: required(ids, "ids")?,
            },
        });
        Ok(())
    })?;
    kind.ok_or_else(|| Error::data("invalid length 0, expected 1 variant".into()))
}

fn write_kind(w: &mut Writer, kind: &Kind) {
    let name = match kind {
        Kind::Full => return w.string("Full"),
        Kind::Quick { .. } => "Quick",
        Kind::Domains { .. } => "Domains",
        Kind::Section { .. } => "Section",
        Kind::Tasks { .. } => "Tasks",
        Kind::Picked { .. } => "Picked",
    };
    w.open();
    w.key(name);
    w.open();
    match kind {
        Kind::Full => {}
        Kind::Quick { length } => {
            w.key("length");
            w.uint(*length as u64);
        }
        Kind::Domains { domains, length } => {
            w.key("domains");
            w.bytes(domains);
            w.key("length");
            w.uint(*length as u64);
        }
        Kind::Section { anchor, length } => {
            w.key("anchor");
            w.string(anchor);
            w.key("length");
            w.uint(*length as u64);
        }
        Kind::Tasks { tasks, length } => {
            w.key("tasks");
            w.strings(tasks);
            w.key("length");
            w.uint(*length as u64);
        }
        Kind::Picked { title, ids } => {
            w.key("title");
            w.string(title);
            w.key("ids");
            w.strings(ids);
        }
    }
    w.close();
    w.close();
}

pub fn read_spec(r: &mut Reader<'_>) -> Result<Spec, Error> {
    let (mut kind, mut mode, mut extra_time, mut seed) = (None, None, None, None);
    r.object(&mut |r, k| match k {
        "kind" => once(&mut kind, k, read_kind(r)?),
        "mode" => once(
            &mut mode,
            k,
            [Mode::Exam, Mode::Practice][variant(r, &MODES)?],
        ),
        "extra_time" => once(&mut extra_time, k, r.bool()?),
        "seed" => once(&mut seed, k, r.uint(u64::MAX, "u64")?),
        _ => r.skip(),
    })?;
    Ok(Spec {
        kind: required(kind, "kind")?,
        mode: required(mode, "mode")?,
        extra_time: required(extra_time, "extra_time")?,
        seed: required(seed, "seed")?,
    })
}

pub fn write_spec(w: &mut Writer, s: &Spec) {
    w.open();
    w.key("kind");
    write_kind(w, &s.kind);
    w.key("mode");
    w.string(MODES[s.mode as usize]);
    w.key("extra_time");
    w.bool(s.extra_time);
    w.key("seed");
    w.uint(s.seed);
    w.close();
}

fn read_item(r: &mut Reader<'_>) -> Result<Item, Error> {
    let (mut id, mut order, mut keys, mut chosen, mut flagged) = (None, None, None, None, None);
    let (mut checked, mut spent, mut confidence, mut struck, mut first) =
        (None, None, None, None, None);
    r.object(&mut |r, k| match k {
        "id" => once(&mut id, k, string(r)?),
        "order" => once(&mut order, k, list(r, byte)?),
        "keys" => once(&mut keys, k, byte(r)?),
        "chosen" => once(&mut chosen, k, list(r, byte)?),
        "flagged" => once(&mut flagged, k, r.bool()?),
        "checked" => once(&mut checked, k, r.bool()?),
        "spent_ms" => once(&mut spent, k, r.float()?),
        "confidence" => once(&mut confidence, k, nullable(r, read_confidence)?),
        "struck" => once(&mut struck, k, list(r, byte)?),
        "first" => once(&mut first, k, nullable(r, |r| list(r, byte))?),
        _ => r.skip(),
    })?;
    Ok(Item {
        id: required(id, "id")?,
        order: required(order, "order")?,
        keys: required(keys, "keys")?,
        chosen: required(chosen, "chosen")?,
        flagged: required(flagged, "flagged")?,
        checked: required(checked, "checked")?,
        spent_ms: required(spent, "spent_ms")?,
        confidence: confidence.flatten(),
        struck: struck.unwrap_or_default(),
        first: first.flatten(),
    })
}

fn write_item(w: &mut Writer, it: &Item) {
    w.open();
    w.key("id");
    w.string(&it.id);
    w.key("order");
    w.bytes(&it.order);
    w.key("keys");
    w.uint(u64::from(it.keys));
    w.key("chosen");
    w.bytes(&it.chosen);
    w.key("flagged");
    w.bool(it.flagged);
    w.key("checked");
    w.bool(it.checked);
    w.key("spent_ms");
    w.float(it.spent_ms, true);
    if let Some(c) = it.confidence {
        w.key("confidence");
        write_confidence(w, c);
    }
    if !it.struck.is_empty() {
        w.key("struck");
        w.bytes(&it.struck);
    }
    if let Some(f) = &it.first {
        w.key("first");
        w.bytes(f);
    }
    w.close();
}

/// An exam in progress (or a v1 attempt's session).
pub fn read_session(r: &mut Reader<'_>) -> Result<Session, Error> {
    let (mut version, mut id, mut spec, mut exam, mut bank) = (None, None, None, None, None);
    let (mut started, mut deadline, mut items, mut current) = (None, None, None, None);
    let (mut entered, mut finished, mut expired) = (None, None, None);
    r.object(&mut |r, k| match k {
        "version" => once(&mut version, k, r.uint(u64::from(u32::MAX), "u32")? as u32),
        "id" => once(&mut id, k, string(r)?),
        "spec" => once(&mut spec, k, read_spec(r)?),
        "exam" => once(&mut exam, k, string(r)?),
        "bank_version" => once(&mut bank, k, string(r)?),
        "started_ms" => once(&mut started, k, r.float()?),
        "deadline_ms" => once(&mut deadline, k, nullable(r, |r| r.float())?),
        "items" => once(&mut items, k, list(r, read_item)?),
        "current" => once(&mut current, k, count(r)?),
        "entered_ms" => once(&mut entered, k, r.float()?),
        "finished_ms" => once(&mut finished, k, nullable(r, |r| r.float())?),
        "expired" => once(&mut expired, k, r.bool()?),
        _ => r.skip(),
    })?;
    Ok(Session {
        version: required(version, "version")?,
        id: required(id, "id")?,
        spec: required(spec, "spec")?,
        exam: exam.unwrap_or_else(earlier_exam),
        bank_version: required(bank, "bank_version")?,
        started_ms: required(started, "started_ms")?,
        deadline_ms: deadline.flatten(),
        items: required(items, "items")?,
        current: required(current, "current")?,
        entered_ms: required(entered, "entered_ms")?,
        finished_ms: finished.flatten(),
        expired: required(expired, "expired")?,
    })
}

pub fn write_session(w: &mut Writer, s: &Session) {
    let time = |w: &mut Writer, t: Option<f64>| match t {
        Some(t) => w.float(t, true),
        None => w.null(),
    };
    w.open();
    w.key("version");
    w.uint(u64::from(s.version));
    w.key("id");
    w.string(&s.id);
    w.key("spec");
    write_spec(w, &s.spec);
    w.key("exam");
    w.string(&s.exam);
    w.key("bank_version");
    w.string(&s.bank_version);
    w.key("started_ms");
    w.float(s.started_ms, true);
    w.key("deadline_ms");
    time(w, s.deadline_ms);
    w.key("items");
    w.open_list();
    for it in &s.items {
        w.item();
        write_item(w, it);
    }
    w.close_list();
    w.key("current");
    w.uint(s.current as u64);
    w.key("entered_ms");
    w.float(s.entered_ms, true);
    w.key("finished_ms");
    time(w, s.finished_ms);
    w.key("expired");
    w.bool(s.expired);
    w.close();
}

/// `[correct, total]`, a calibration row.
pub fn pair(r: &mut Reader<'_>) -> Result<(usize, usize), Error> {
    let [a, b] = tuple(r, count)?;
    Ok((a, b))
}

/// A v1 attempt's outcome (its fields by name; the tallies as objects).
pub fn read_outcome(r: &mut Reader<'_>) -> Result<Outcome, Error> {
    let (mut correct, mut total, mut scaled, mut passed) = (None, None, None, None);
    let (mut domains, mut sections, mut used, mut tasks, mut calibration) =
        (None, None, None, None, None);
    r.object(&mut |r, k| match k {
        "correct" => once(&mut correct, k, count(r)?),
        "total" => once(&mut total, k, count(r)?),
        "scaled" => once(&mut scaled, k, r.uint(u64::from(u16::MAX), "u16")? as u16),
        "passed" => once(&mut passed, k, r.bool()?),
        "domains" => once(&mut domains, k, list(r, read_domain)?),
        "sections" => once(&mut sections, k, list(r, read_section)?),
        "used_ms" => once(&mut used, k, r.float()?),
        "tasks" => once(&mut tasks, k, list(r, read_task)?),
        "calibration" => once(&mut calibration, k, read_calibration(r)?),
        _ => r.skip(),
    })?;
    Ok(Outcome {
        correct: required(correct, "correct")?,
        total: required(total, "total")?,
        scaled: required(scaled, "scaled")?,
        passed: required(passed, "passed")?,
        domains: required(domains, "domains")?,
        sections: required(sections, "sections")?,
        used_ms: required(used, "used_ms")?,
        tasks: tasks.unwrap_or_default(),
        calibration: calibration.unwrap_or_default(),
    })
}

fn read_domain(r: &mut Reader<'_>) -> Result<DomainScore, Error> {
    let (mut domain, mut correct, mut total) = (None, None, None);
    r.object(&mut |r, k| match k {
        "domain" => once(&mut domain, k, byte(r)?),
        "correct" => once(&mut correct, k, count(r)?),
        "total" => once(&mut total, k, count(r)?),
        _ => r.skip(),
    })?;
    Ok(DomainScore {
        domain: required(domain, "domain")?,
        correct: required(correct, "correct")?,
        total: required(total, "total")?,
    })
}

fn read_section(r: &mut Reader<'_>) -> Result<SectionTally, Error> {
    let (mut section, mut missed, mut total) = (None, None, None);
    r.object(&mut |r, k| match k {
        "section" => once(&mut section, k, string(r)?),
        "missed" => once(&mut missed, k, count(r)?),
        "total" => once(&mut total, k, count(r)?),
        _ => r.skip(),
    })?;
    Ok(SectionTally {
        section: required(section, "section")?,
        missed: required(missed, "missed")?,
        total: required(total, "total")?,
    })
}

fn read_task(r: &mut Reader<'_>) -> Result<TaskTally, Error> {
    let (mut task, mut correct, mut total) = (None, None, None);
    r.object(&mut |r, k| match k {
        "task" => once(&mut task, k, string(r)?),
        "correct" => once(&mut correct, k, count(r)?),
        "total" => once(&mut total, k, count(r)?),
        _ => r.skip(),
    })?;
    Ok(TaskTally {
        task: required(task, "task")?,
        correct: required(correct, "correct")?,
        total: required(total, "total")?,
    })
}

fn read_calibration(r: &mut Reader<'_>) -> Result<Calibration, Error> {
    let (mut sure, mut unsure, mut guess) = (None, None, None);
    r.object(&mut |r, k| match k {
        "sure" => once(&mut sure, k, pair(r)?),
        "unsure" => once(&mut unsure, k, pair(r)?),
        "guess" => once(&mut guess, k, pair(r)?),
        _ => r.skip(),
    })?;
    Ok(Calibration {
        sure: required(sure, "sure")?,
        unsure: required(unsure, "unsure")?,
        guess: required(guess, "guess")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::json::parse;

    fn kind(text: &str) -> Result<Kind, String> {
        parse(text, read_kind).map_err(|e| e.to_string())
    }

    #[test]
    fn kinds_read_in_every_form_serde_accepted() {
        assert_eq!(kind(r#""Full""#), Ok(Kind::Full));
        assert_eq!(kind(r#"{"Full": null}"#), Ok(Kind::Full));
        assert_eq!(
            kind(r#"{"Quick": {"length": 3, "x": 1}}"#),
            Ok(Kind::Quick { length: 3 })
        );
        assert_eq!(
            kind(r#"{"Section": {"length": 2, "anchor": "sqs"}}"#),
            Ok(Kind::Section {
                anchor: "sqs".into(),
                length: 2
            })
        );
        assert_eq!(
            kind(r#""Mock""#).unwrap_err(),
            "unknown variant `Mock`, expected one of `Full`, `Quick`, `Domains`, `Section`, `Tasks`, `Picked`"
        );
        assert_eq!(
            kind(r#"{"Quick": {}}"#).unwrap_err(),
            "missing field `length`"
        );
        assert!(kind(r#"{"Quick": {"length": 1}, "Full": null}"#).is_err());
        assert!(kind("{}").is_err());
        assert!(kind(r#""Quick""#).is_err());
    }

    #[test]
    fn items_take_defaults_refuse_repeats_and_name_what_is_missing() {
        let item = |text: &str| parse(text, read_item).map_err(|e| e.to_string());
        let base = r#""id": "q", "order": [1, 0], "keys": 1, "chosen": [], "flagged": false, "checked": true, "spent_ms": 1.5"#;
        let it = item(&format!(
            "{{{base}, \"confidence\": null, \"first\": null}}"
        ))
        .unwrap();
        assert_eq!(
            (
                it.confidence,
                it.struck.len(),
                it.first,
                it.spent_ms,
                it.checked
            ),
            (None, 0, None, 1.5, true)
        );
        let it = item(&format!(
            "{{{base}, \"confidence\": \"Guess\", \"first\": [1], \"struck\": [0]}}"
        ))
        .unwrap();
        assert_eq!(
            (it.confidence, it.first, it.struck),
            (Some(Confidence::Guess), Some(vec![1]), vec![0])
        );
        assert_eq!(
            item(&format!("{{{base}, \"id\": \"r\"}}")).unwrap_err(),
            "duplicate field `id`"
        );
        assert_eq!(
            item(r#"{"id": "q", "order": [0]}"#).unwrap_err(),
            "missing field `keys`"
        );
        assert_eq!(
            item(&format!("{{{base}, \"confidence\": \"sure\"}}")).unwrap_err(),
            "unknown variant `sure`, expected one of `Sure`, `Unsure`, `Guess`"
        );
        assert_eq!(
            item(&format!(
                "{{{}}}",
                base.replace("\"keys\": 1", "\"keys\": 256")
            ))
            .map(|_| ()),
            Err("invalid value: integer `256`, expected u8".to_string())
        );
    }

    #[test]
    fn tuples_have_exactly_their_length() {
        let pair = |text: &str| parse(text, pair).map_err(|e| e.to_string());
        assert_eq!(pair("[3, 4]"), Ok((3, 4)));
        assert_eq!(
            pair("[3]").unwrap_err(),
            "invalid length 1, expected 2 elements"
        );
        assert_eq!(
            pair("[3, 4, 5]").unwrap_err(),
            "invalid length 3, expected 2 elements"
        );
    }
}
