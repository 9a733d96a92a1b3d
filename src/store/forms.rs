//! The stored forms that use the Rust field names (serde's default form, which the app wrote before
//! these were hand-written): the exam in progress ([`Session`], with its [`Item`]s and [`Spec`]), and the
//! plain [`Outcome`] of a v1 history's attempts. The compact form of finished attempts, which reuses
//! [`read_spec`] and [`write_spec`], is in `store::history`.
//!
//! Readers ([`Reader::fields`]) take fields in any order, ignore unknown ones, refuse a field given twice
//! or a required one missing, and let a missing `Option` read as `None`, as serde did; the golden files
//! pin that what they write is byte for byte what serde wrote.

use super::json::{Error, Reader, Writer, clip};
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

/// The index of a unit variant's name among `names`.
pub fn variant(r: &mut Reader<'_>, names: &[&str]) -> Result<usize, Error> {
    let name = r.string()?;
    names
        .iter()
        .position(|n| *n == name)
        .ok_or_else(|| unknown_variant(&name, names))
}

/// An externally tagged enum's object form: exactly one key, the variant's name among `names`, whose
/// value `read` reads, given the variant's index.
pub fn tagged<'a, T>(
    r: &mut Reader<'a>,
    names: &[&str],
    read: &mut dyn FnMut(&mut Reader<'a>, usize) -> Result<T, Error>,
) -> Result<T, Error> {
    let mut out = None;
    r.object(&mut |r, name| {
        if out.is_some() {
            return Err(Error::data("invalid length 2, expected 1 variant".into()));
        }
        let i = names
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| unknown_variant(name, names))?;
        out = Some(read(r, i)?);
        Ok(())
    })?;
    out.ok_or_else(|| Error::data("invalid length 0, expected 1 variant".into()))
}

/// "unknown variant `name`, expected ..." with `names` listed as serde listed them: `a`, `a` or `b`,
/// one of `a`, `b`, `c`.
fn unknown_variant(name: &str, names: &[&str]) -> Error {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let expected = match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} or {b}"),
        _ => format!("one of {}", quoted.join(", ")),
    };
    Error::data(format!(
        "unknown variant `{}`, expected {expected}",
        clip(name)
    ))
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
    tagged(r, &KINDS, &mut |r, v| {
        if v == 0 {
            if !r.null() {
                return Err(r.unexpected("unit variant"));
            }
            return Ok(Kind::Full);
        }
        let names: &[&str] = match v {
            1 => &["length"],
            2 => &["domains", "length"],
            3 => &["anchor", "length"],
            4 => &["tasks", "length"],
            _ => &["title", "ids"],
        };
        let (mut length, mut bytes, mut text, mut texts) =
            (0, Vec::new(), String::new(), Vec::new());
        r.fields(names, (1 << names.len()) - 1, &mut |r, i| {
            match (v, i) {
                (1, _) | (2..=4, 1) => length = count(r)?,
                (2, _) => bytes = list(r, byte)?,
                (3, _) | (5, 0) => text = string(r)?,
                _ => texts = list(r, string)?,
            }
            Ok(())
        })?;
        Ok(match v {
            1 => Kind::Quick { length },
            2 => Kind::Domains {
                domains: bytes,
                length,
            },
            3 => Kind::Section {
                anchor: text,
                length,
            },
            4 => Kind::Tasks {
                tasks: texts,
                length,
            },
            _ => Kind::Picked {
                title: text,
                ids: texts,
            },
        })
    })
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

/// A spec a reader fills in.
fn blank_spec() -> Spec {
    Spec {
        kind: Kind::Full,
        mode: Mode::Exam,
        extra_time: false,
        seed: 0,
    }
}

pub fn read_spec(r: &mut Reader<'_>) -> Result<Spec, Error> {
    let mut s = blank_spec();
    r.fields(
        &["kind", "mode", "extra_time", "seed"],
        0b1111,
        &mut |r, i| {
            match i {
                0 => s.kind = read_kind(r)?,
                1 => s.mode = [Mode::Exam, Mode::Practice][variant(r, &MODES)?],
                2 => s.extra_time = r.bool()?,
                _ => s.seed = r.uint(u64::MAX, "u64")?,
            }
            Ok(())
        },
    )?;
    Ok(s)
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

/// The plain item's fields; the first seven are required.
const ITEM: [&str; 10] = [
    "id",
    "order",
    "keys",
    "chosen",
    "flagged",
    "checked",
    "spent_ms",
    "confidence",
    "struck",
    "first",
];

/// An item whose fields are called `names` (in [`ITEM`]'s order; the compact form has short ones), of
/// which those in `required` must be there.
pub fn read_item_named(
    r: &mut Reader<'_>,
    names: &[&str; 10],
    required: u32,
) -> Result<Item, Error> {
    let mut it = blank_item();
    r.fields(names, required, &mut |r, i| item_field(r, &mut it, i))?;
    Ok(it)
}

/// An item a reader fills in.
pub fn blank_item() -> Item {
    Item::new(String::new(), Vec::new(), 0)
}

/// Reads the item's field number `i` (in [`ITEM`]'s order) into `it`.
pub fn item_field(r: &mut Reader<'_>, it: &mut Item, i: usize) -> Result<(), Error> {
    match i {
        0 => it.id = string(r)?,
        1 => it.order = list(r, byte)?,
        2 => it.keys = byte(r)?,
        3 => it.chosen = list(r, byte)?,
        4 => it.flagged = r.bool()?,
        5 => it.checked = r.bool()?,
        6 => it.spent_ms = r.float()?,
        7 => it.confidence = nullable(r, read_confidence)?,
        8 => it.struck = list(r, byte)?,
        // Absent from the compact form when unchanged or never complete; `History` settles which.
        _ => it.first = nullable(r, |r| list(r, byte))?,
    }
    Ok(())
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

/// The plain session's fields; all but `exam`, `deadline_ms` and `finished_ms` are required.
const SESSION: [&str; 12] = [
    "version",
    "id",
    "spec",
    "exam",
    "bank_version",
    "started_ms",
    "deadline_ms",
    "items",
    "current",
    "entered_ms",
    "finished_ms",
    "expired",
];

/// A session in a state no stored form leaves it in: what a reader fills in.
pub fn blank_session() -> Session {
    Session {
        version: 0,
        id: String::new(),
        spec: blank_spec(),
        // Sessions stored before they named their exam were drawn for DVA-C02.
        exam: earlier_exam(),
        bank_version: String::new(),
        started_ms: 0.0,
        deadline_ms: None,
        items: Vec::new(),
        current: 0,
        entered_ms: 0.0,
        finished_ms: None,
        expired: false,
    }
}

/// An exam in progress (or a v1 attempt's session).
pub fn read_session(r: &mut Reader<'_>) -> Result<Session, Error> {
    let item = |r: &mut Reader<'_>| read_item_named(r, &ITEM, 0b111_1111);
    read_session_named(r, &SESSION, 0b1011_1011_0111, item, &mut |r, _| r.skip())
}

/// A session whose fields are called `names` (the first twelve in [`SESSION`]'s order; the compact form
/// has short ones), of which those in `required` must be there; `item` reads each of its items; `rest`
/// reads the fields past the twelfth (the compact form's outcome).
pub fn read_session_named<'a>(
    r: &mut Reader<'a>,
    names: &[&str],
    required: u32,
    item: fn(&mut Reader<'_>) -> Result<Item, Error>,
    rest: &mut dyn FnMut(&mut Reader<'a>, usize) -> Result<(), Error>,
) -> Result<Session, Error> {
    let mut s = blank_session();
    r.fields(names, required, &mut |r, i| {
        match i {
            0 => s.version = r.uint(u64::from(u32::MAX), "u32")? as u32,
            1 => s.id = string(r)?,
            2 => s.spec = read_spec(r)?,
            3 => s.exam = string(r)?,
            4 => s.bank_version = string(r)?,
            5 => s.started_ms = r.float()?,
            6 => s.deadline_ms = nullable(r, |r| r.float())?,
            7 => {
                let mut items = Vec::new();
                r.array(&mut |r| {
                    items.push(item(r)?);
                    Ok(())
                })?;
                s.items = items;
            }
            8 => s.current = count(r)?,
            9 => s.entered_ms = r.float()?,
            10 => s.finished_ms = nullable(r, |r| r.float())?,
            11 => s.expired = r.bool()?,
            _ => rest(r, i)?,
        }
        Ok(())
    })?;
    Ok(s)
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

/// An outcome with nothing counted: what a reader fills in.
pub fn blank_outcome() -> Outcome {
    Outcome {
        correct: 0,
        total: 0,
        scaled: 0,
        passed: false,
        domains: Vec::new(),
        sections: Vec::new(),
        used_ms: 0.0,
        tasks: Vec::new(),
        calibration: Calibration::default(),
    }
}

/// A v1 attempt's outcome (its fields by name; the tallies as objects).
pub fn read_outcome(r: &mut Reader<'_>) -> Result<Outcome, Error> {
    let mut o = blank_outcome();
    let names = [
        "correct",
        "total",
        "scaled",
        "passed",
        "domains",
        "sections",
        "used_ms",
        "tasks",
        "calibration",
    ];
    r.fields(&names, 0b111_1111, &mut |r, i| {
        match i {
            0 => o.correct = count(r)?,
            1 => o.total = count(r)?,
            2 => o.scaled = r.uint(u64::from(u16::MAX), "u16")? as u16,
            3 => o.passed = r.bool()?,
            4 => o.domains = list(r, read_domain)?,
            5 => o.sections = list(r, read_section)?,
            6 => o.used_ms = r.float()?,
            7 => o.tasks = list(r, read_task)?,
            _ => o.calibration = read_calibration(r)?,
        }
        Ok(())
    })?;
    Ok(o)
}

/// An object of a name and two counts, each required: a section or task tally in the plain form.
fn read_counted(r: &mut Reader<'_>, names: &[&str]) -> Result<(String, usize, usize), Error> {
    let (mut name, mut a, mut b) = (String::new(), 0, 0);
    r.fields(names, 0b111, &mut |r, i| {
        match i {
            0 => name = string(r)?,
            1 => a = count(r)?,
            _ => b = count(r)?,
        }
        Ok(())
    })?;
    Ok((name, a, b))
}

fn read_domain(r: &mut Reader<'_>) -> Result<DomainScore, Error> {
    let mut d = DomainScore {
        domain: 0,
        correct: 0,
        total: 0,
    };
    r.fields(&["domain", "correct", "total"], 0b111, &mut |r, i| {
        match i {
            0 => d.domain = byte(r)?,
            1 => d.correct = count(r)?,
            _ => d.total = count(r)?,
        }
        Ok(())
    })?;
    Ok(d)
}

fn read_section(r: &mut Reader<'_>) -> Result<SectionTally, Error> {
    let (section, missed, total) = read_counted(r, &["section", "missed", "total"])?;
    Ok(SectionTally {
        section,
        missed,
        total,
    })
}

fn read_task(r: &mut Reader<'_>) -> Result<TaskTally, Error> {
    let (task, correct, total) = read_counted(r, &["task", "correct", "total"])?;
    Ok(TaskTally {
        task,
        correct,
        total,
    })
}

fn read_calibration(r: &mut Reader<'_>) -> Result<Calibration, Error> {
    let mut c = Calibration::default();
    r.fields(&["sure", "unsure", "guess"], 0b111, &mut |r, i| {
        let row = pair(r)?;
        *[&mut c.sure, &mut c.unsure, &mut c.guess][i] = row;
        Ok(())
    })?;
    Ok(c)
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
        let item = |text: &str| {
            parse(text, |r| read_item_named(r, &ITEM, 0b111_1111)).map_err(|e| e.to_string())
        };
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
    fn unknown_variants_are_listed_as_serde_listed_them() {
        let mode = parse(
            r#"{"kind": "Full", "mode": "Test", "extra_time": false, "seed": 1}"#,
            read_spec,
        );
        assert_eq!(
            mode.unwrap_err().to_string(),
            "unknown variant `Test`, expected `Exam` or `Practice`"
        );
        assert_eq!(
            crate::store::history::decode(r#"{"version": 4, "entries": [{"x": {}}]}"#).unwrap_err(),
            "Attempt 1 could not be read: unknown variant `x`, expected `a` or `s`."
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
