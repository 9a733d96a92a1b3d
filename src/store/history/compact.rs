//! The stored form of history entries: `{"a": <attempt>}` or `{"s": <summary>}`, with short field names
//! and defaults left out (the per-domain verdicts are a function of the counts and are not stored at
//! all). This halves the size of the plain form, which is what lets 500 full mocks fit in localStorage;
//! the exam in progress keeps its plain form (`store::forms`).
//!
//! Times are written as whole numbers when they are whole (most are, from `Date.now()`); section and task
//! tallies as `[name, a, b]` triples, since the field names would repeat in every one of them.

use super::{Attempt, Entry, Summary};
use crate::exam::score::{Calibration, DomainScore, Outcome, SectionTally, TaskTally};
use crate::exam::session::{Item, earlier_exam};
use crate::store::forms::{
    blank_item, blank_outcome, blank_session, count, item_field, list, nullable, pair,
    read_item_named, read_session, read_session_named, string, tagged, tuple, write_confidence,
    write_spec,
};
use crate::store::json::{Error, Reader, Writer};

/// An entry as this app stores it.
pub fn read_entry(r: &mut Reader<'_>) -> Result<Entry, Error> {
    tagged(r, &["a", "s"], &mut |r, i| {
        Ok(if i == 0 {
            Entry::Full(read_attempt(r)?)
        } else {
            Entry::Compacted(read_summary(r)?)
        })
    })
}

pub fn write_entry(w: &mut Writer, e: &Entry) {
    w.open();
    match e {
        Entry::Full(a) => {
            w.key("a");
            write_attempt(w, a);
        }
        Entry::Compacted(s) => {
            w.key("s");
            write_summary(w, s);
        }
    }
    w.close();
}

/// An attempt of a v1 history: its session and outcome in the plain form.
pub fn read_plain_attempt(r: &mut Reader<'_>) -> Result<Attempt, Error> {
    let (mut session, mut outcome) = (blank_session(), blank_outcome());
    r.fields(&["session", "outcome"], 0b11, &mut |r, i| {
        match i {
            0 => session = read_session(r)?,
            _ => outcome = crate::store::forms::read_outcome(r)?,
        }
        Ok(())
    })?;
    Ok(Attempt { session, outcome })
}

fn time(w: &mut Writer, name: &str, ms: f64) {
    w.key(name);
    w.float(ms, false);
}

/// A full attempt's fields: the session's (in `forms::SESSION`'s order) and the outcome (`r`); `ex`, `dl`,
/// `cur`, `t1` and `x` may be left out.
const ATTEMPT: [&str; 13] = [
    "v", "id", "spec", "ex", "b", "t0", "dl", "q", "cur", "te", "t1", "x", "r",
];

fn read_attempt(r: &mut Reader<'_>) -> Result<Attempt, Error> {
    let mut outcome = blank_outcome();
    let session = read_session_named(r, &ATTEMPT, 0b1_0010_1011_0111, read_item, &mut |r, _| {
        outcome = read_outcome(r)?;
        Ok(())
    })?;
    Ok(Attempt { session, outcome })
}

fn write_attempt(w: &mut Writer, a: &Attempt) {
    let (s, o) = (&a.session, &a.outcome);
    w.open();
    w.key("v");
    w.uint(u64::from(s.version));
    w.key("id");
    w.string(&s.id);
    w.key("spec");
    write_spec(w, &s.spec);
    w.key("ex");
    w.string(&s.exam);
    w.key("b");
    w.string(&s.bank_version);
    time(w, "t0", s.started_ms);
    if let Some(t) = s.deadline_ms {
        time(w, "dl", t);
    }
    w.key("q");
    w.open_list();
    for it in &s.items {
        w.item();
        write_item(w, it);
    }
    w.close_list();
    if s.current != 0 {
        w.key("cur");
        w.uint(s.current as u64);
    }
    time(w, "te", s.entered_ms);
    if let Some(t) = s.finished_ms {
        time(w, "t1", t);
    }
    if s.expired {
        w.key("x");
        w.bool(true);
    }
    w.key("r");
    write_outcome(w, o);
    w.close();
}

/// A v4 item's fields (in `forms::ITEM`'s order); only `i`, `o` and `k` are always there.
const ITEM: [&str; 10] = ["i", "o", "k", "c", "f", "p", "ms", "cf", "x", "a1"];

/// The fields of an item as v5 stores it, by position (as numbered in `forms::ITEM`): id, order, keys,
/// chosen, time, confidence, checked, flagged, struck out, first answer. A field at its default is
/// `null`, or left out past the last one set; most items are `["id",[2,0,1,3],1,[0],41250]`, a fifth
/// of v4's `{"i":..,"o":..,"k":..,"c":..,"ms":..}` saved, which keeps 500 full mocks in localStorage.
const LISTED: [usize; 10] = [0, 1, 2, 3, 6, 7, 5, 4, 8, 9];

/// An item of either form: v5's list or v4's object.
fn read_item(r: &mut Reader<'_>) -> Result<Item, Error> {
    if r.peek() != Some(b'[') {
        return read_item_named(r, &ITEM, 0b111);
    }
    let mut it = blank_item();
    let mut n = 0;
    r.array(&mut |r| {
        let Some(&field) = LISTED.get(n) else {
            return Err(Error::data("an item has at most 10 fields".into()));
        };
        n += 1;
        if n > 3 && r.null() {
            return Ok(());
        }
        item_field(r, &mut it, field)
    })?;
    if n < 3 {
        return Err(Error::data(
            "an item needs its id, option order and number of keys".into(),
        ));
    }
    Ok(it)
}

fn write_item(w: &mut Writer, it: &Item) {
    w.open_list();
    w.item();
    w.string(&it.id);
    w.item();
    w.bytes(&it.order);
    w.item();
    w.uint(u64::from(it.keys));
    // The fields that may be at their default, in `LISTED`'s order: `null` for one at its default, until
    // the last one set.
    let mut nulls = 0;
    let mut put = |w: &mut Writer, set: bool, value: &dyn Fn(&mut Writer)| {
        if set {
            for _ in 0..nulls {
                w.item();
                w.null();
            }
            nulls = 0;
            w.item();
            value(w);
        } else {
            nulls += 1;
        }
    };
    put(w, !it.chosen.is_empty(), &|w| w.bytes(&it.chosen));
    put(w, it.spent_ms != 0.0, &|w| w.float(it.spent_ms, false));
    put(w, it.confidence.is_some(), &|w| {
        if let Some(c) = it.confidence {
            write_confidence(w, c);
        }
    });
    put(w, it.checked, &|w| w.bool(true));
    put(w, it.flagged, &|w| w.bool(true));
    put(w, !it.struck.is_empty(), &|w| w.bytes(&it.struck));
    // Kept only when the answer changed: an unchanged first answer is the final one, so most items
    // store nothing (see `crate::exam::pacing`).
    if let Some(f) = it.first.as_ref().filter(|f| **f != it.chosen) {
        put(w, true, &|w| w.bytes(f));
    }
    w.close_list();
}

fn read_outcome(r: &mut Reader<'_>) -> Result<Outcome, Error> {
    let mut o = blank_outcome();
    let names = ["c", "n", "s", "p", "d", "sec", "u", "tk", "cal"];
    r.fields(&names, 0b111_1111, &mut |r, i| {
        match i {
            0 => o.correct = count(r)?,
            1 => o.total = count(r)?,
            2 => o.scaled = scaled_score(r)?,
            3 => o.passed = r.bool()?,
            4 => o.domains = list(r, domain_row)?,
            5 => o.sections = list(r, section_tally)?,
            6 => o.used_ms = r.float()?,
            7 => o.tasks = list(r, task_tally)?,
            _ => o.calibration = read_calibration(r)?,
        }
        Ok(())
    })?;
    Ok(o)
}

fn write_outcome(w: &mut Writer, o: &Outcome) {
    w.open();
    w.key("c");
    w.uint(o.correct as u64);
    w.key("n");
    w.uint(o.total as u64);
    w.key("s");
    w.uint(u64::from(o.scaled));
    w.key("p");
    w.bool(o.passed);
    w.key("d");
    write_rows(
        w,
        o.domains
            .iter()
            .map(|d| [usize::from(d.domain), d.correct, d.total]),
    );
    write_sections(w, &o.sections);
    time(w, "u", o.used_ms);
    write_tasks_and_calibration(w, &o.tasks, &o.calibration);
    w.close();
}

fn scaled_score(r: &mut Reader<'_>) -> Result<u16, Error> {
    r.uint(u64::from(u16::MAX), "u16").map(|n| n as u16)
}

/// `[domain, correct, total]`.
fn domain_row(r: &mut Reader<'_>) -> Result<DomainScore, Error> {
    let [domain, correct, total] = tuple(r, count)?;
    Ok(DomainScore {
        domain: u8::try_from(domain)
            .map_err(|_| Error::data(format!("invalid value: integer `{domain}`, expected u8")))?,
        correct,
        total,
    })
}

/// A `[name, a, b]` triple.
fn triple(r: &mut Reader<'_>) -> Result<(String, usize, usize), Error> {
    let (mut name, mut a, mut b, mut n) = (String::new(), 0, 0, 0);
    r.array(&mut |r| {
        match n {
            0 => name = string(r)?,
            1 => a = count(r)?,
            2 => b = count(r)?,
            _ => {
                return Err(Error::data(
                    "invalid length 4, expected a tuple of size 3".into(),
                ));
            }
        }
        n += 1;
        Ok(())
    })?;
    if n < 3 {
        return Err(Error::data(format!(
            "invalid length {n}, expected a tuple of size 3"
        )));
    }
    Ok((name, a, b))
}

fn section_tally(r: &mut Reader<'_>) -> Result<SectionTally, Error> {
    let (section, missed, total) = triple(r)?;
    Ok(SectionTally {
        section,
        missed,
        total,
    })
}

fn task_tally(r: &mut Reader<'_>) -> Result<TaskTally, Error> {
    let (task, correct, total) = triple(r)?;
    Ok(TaskTally {
        task,
        correct,
        total,
    })
}

/// `[[right, answered] x3]` for sure, unsure and guess.
fn read_calibration(r: &mut Reader<'_>) -> Result<Calibration, Error> {
    let [sure, unsure, guess] = tuple(r, pair)?;
    Ok(Calibration {
        sure,
        unsure,
        guess,
    })
}

fn write_triples<'a>(w: &mut Writer, rows: impl Iterator<Item = (&'a str, usize, usize)>) {
    w.open_list();
    for (name, a, b) in rows {
        w.item();
        w.open_list();
        w.item();
        w.string(name);
        for n in [a, b] {
            w.item();
            w.uint(n as u64);
        }
        w.close_list();
    }
    w.close_list();
}

fn write_sections(w: &mut Writer, sections: &[SectionTally]) {
    w.key("sec");
    write_triples(
        w,
        sections
            .iter()
            .map(|t| (t.section.as_str(), t.missed, t.total)),
    );
}

/// Rows of counts as arrays: `[[1,2],[3,4]]` (domain rows, calibration).
fn write_rows<const N: usize>(w: &mut Writer, rows: impl IntoIterator<Item = [usize; N]>) {
    w.open_list();
    for row in rows {
        w.item();
        w.open_list();
        for n in row {
            w.item();
            w.uint(n as u64);
        }
        w.close_list();
    }
    w.close_list();
}

fn write_tasks_and_calibration(w: &mut Writer, tasks: &[TaskTally], c: &Calibration) {
    if !tasks.is_empty() {
        w.key("tk");
        write_triples(
            w,
            tasks.iter().map(|t| (t.task.as_str(), t.correct, t.total)),
        );
    }
    if !c.is_empty() {
        w.key("cal");
        write_rows(w, [c.sure, c.unsure, c.guess].map(|(a, b)| [a, b]));
    }
}

/// A summary's fields; `ex`, `m`, `tk` and `cal` may be left out.
const SUMMARY: [&str; 14] = [
    "id", "title", "ex", "m", "t0", "t1", "s", "p", "c", "n", "d", "sec", "tk", "cal",
];

fn read_summary(r: &mut Reader<'_>) -> Result<Summary, Error> {
    let mut s = Summary {
        id: String::new(),
        title: String::new(),
        exam: earlier_exam(),
        measures: None,
        started_ms: 0.0,
        finished_ms: 0.0,
        scaled: 0,
        passed: false,
        correct: 0,
        total: 0,
        domains: Vec::new(),
        sections: Vec::new(),
        tasks: Vec::new(),
        calibration: Calibration::default(),
    };
    r.fields(&SUMMARY, 0b1111_1111_0011, &mut |r, i| {
        match i {
            0 => s.id = string(r)?,
            1 => s.title = string(r)?,
            2 => s.exam = string(r)?,
            3 => s.measures = nullable(r, |r| r.bool())?,
            4 => s.started_ms = r.float()?,
            5 => s.finished_ms = r.float()?,
            6 => s.scaled = scaled_score(r)?,
            7 => s.passed = r.bool()?,
            8 => s.correct = count(r)?,
            9 => s.total = count(r)?,
            10 => s.domains = list(r, pair)?,
            11 => s.sections = list(r, section_tally)?,
            12 => s.tasks = list(r, task_tally)?,
            _ => s.calibration = read_calibration(r)?,
        }
        Ok(())
    })?;
    Ok(s)
}

fn write_summary(w: &mut Writer, s: &Summary) {
    w.open();
    w.key("id");
    w.string(&s.id);
    w.key("title");
    w.string(&s.title);
    w.key("ex");
    w.string(&s.exam);
    if let Some(m) = s.measures {
        w.key("m");
        w.bool(m);
    }
    time(w, "t0", s.started_ms);
    time(w, "t1", s.finished_ms);
    w.key("s");
    w.uint(u64::from(s.scaled));
    w.key("p");
    w.bool(s.passed);
    w.key("c");
    w.uint(s.correct as u64);
    w.key("n");
    w.uint(s.total as u64);
    w.key("d");
    write_rows(w, s.domains.iter().map(|&(c, t)| [c, t]));
    write_sections(w, &s.sections);
    write_tasks_and_calibration(w, &s.tasks, &s.calibration);
    w.close();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exam::session::Confidence;
    use crate::store::json::parse;

    fn read(text: &str) -> Result<Item, String> {
        parse(text, read_item).map_err(|e| e.message)
    }

    fn written(it: &Item) -> String {
        let mut w = Writer::new();
        write_item(&mut w, it);
        w.finish()
    }

    #[test]
    fn an_item_is_a_list_to_its_last_field_set_with_null_for_defaults_before_it() {
        let mut it = Item::new("q", vec![2, 0, 1, 3], 1);
        assert_eq!(written(&it), r#"["q",[2,0,1,3],1]"#);
        it.chosen = vec![0];
        it.spent_ms = 41_250.0;
        assert_eq!(written(&it), r#"["q",[2,0,1,3],1,[0],41250]"#);
        it.flagged = true;
        it.struck = vec![3];
        assert_eq!(
            written(&it),
            r#"["q",[2,0,1,3],1,[0],41250,null,null,true,[3]]"#
        );
        it.confidence = Some(Confidence::Unsure);
        it.checked = true;
        it.first = Some(vec![1]);
        let all = written(&it);
        assert_eq!(
            all,
            r#"["q",[2,0,1,3],1,[0],41250,"Unsure",true,true,[3],[1]]"#
        );
        assert_eq!(read(&all), Ok(it.clone()));
        // A first answer equal to the final one is not stored (decoding settles it again).
        it.first = Some(vec![0]);
        assert!(written(&it).ends_with("true,true,[3]]"));
        // Explicit defaults read as absent ones.
        let plain = read(r#"["q",[1,0],2,null,null,null,null,null,null,null]"#).unwrap();
        assert_eq!(plain, Item::new("q", vec![1, 0], 2));
    }

    #[test]
    fn a_v4_object_item_still_reads() {
        let it = read(r#"{"i":"q","o":[1,0],"k":1,"c":[1],"f":true,"ms":5,"cf":"Guess"}"#).unwrap();
        assert_eq!(
            (
                it.id.as_str(),
                it.chosen,
                it.flagged,
                it.spent_ms,
                it.confidence
            ),
            ("q", vec![1], true, 5.0, Some(Confidence::Guess))
        );
    }

    #[test]
    fn a_listed_item_names_what_is_missing_or_too_much() {
        let short = "an item needs its id, option order and number of keys";
        assert_eq!(read(r#"["q",[1,0]]"#).unwrap_err(), short);
        assert_eq!(read("[]").unwrap_err(), short);
        assert!(read(r#"[null,[1,0],1]"#).is_err(), "the id cannot be null");
        assert_eq!(
            read(r#"["q",[1,0],1,null,null,null,null,null,null,null,null]"#).unwrap_err(),
            "an item has at most 10 fields"
        );
        assert!(read(r#"["q",[1,0],1,[0],"soon"]"#).is_err());
    }
}
