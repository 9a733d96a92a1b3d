//! The stored form of history entries: `{"a": <attempt>}` or `{"s": <summary>}`, with short field names
//! and defaults left out (the per-domain verdicts are a function of the counts and are not stored at
//! all). This halves the size of the plain form, which is what lets 500 full mocks fit in localStorage;
//! the exam in progress keeps its plain form (`store::forms`).
//!
//! Times are written as whole numbers when they are whole (most are, from `Date.now()`); section and task
//! tallies as `[name, a, b]` triples, since the field names would repeat in every one of them.

use super::{Attempt, Entry, Summary};
use crate::exam::score::{Calibration, DomainScore, Outcome, SectionTally, TaskTally};
use crate::exam::session::{Item, Session, earlier_exam};
use crate::store::forms::{
    byte, count, list, nullable, pair, read_confidence, read_session, read_spec, string, tuple,
    write_confidence, write_spec,
};
use crate::store::json::{Error, Reader, Writer, once, required};

/// An entry as this app stores it.
pub fn read_entry(r: &mut Reader<'_>) -> Result<Entry, Error> {
    let mut entry = None;
    r.object(&mut |r, k| {
        if entry.is_some() {
            return Err(Error::data("invalid length 2, expected 1 variant".into()));
        }
        entry = Some(match k {
            "a" => Entry::Full(read_attempt(r)?),
            "s" => Entry::Compacted(read_summary(r)?),
            other => {
                return Err(Error::data(format!(
                    "unknown variant `{other}`, expected `a` or `s`"
                )));
            }
        });
        Ok(())
    })?;
    entry.ok_or_else(|| Error::data("invalid length 0, expected 1 variant".into()))
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
    let (mut session, mut outcome) = (None, None);
    r.object(&mut |r, k| match k {
        "session" => once(&mut session, k, read_session(r)?),
        "outcome" => once(&mut outcome, k, crate::store::forms::read_outcome(r)?),
        _ => r.skip(),
    })?;
    Ok(Attempt {
        session: required(session, "session")?,
        outcome: required(outcome, "outcome")?,
    })
}

fn time(w: &mut Writer, name: &str, ms: f64) {
    w.key(name);
    w.float(ms, false);
}

fn read_attempt(r: &mut Reader<'_>) -> Result<Attempt, Error> {
    let (mut version, mut id, mut spec, mut exam, mut bank) = (None, None, None, None, None);
    let (mut started, mut deadline, mut items, mut current) = (None, None, None, None);
    let (mut entered, mut finished, mut expired, mut outcome) = (None, None, None, None);
    r.object(&mut |r, k| match k {
        "v" => once(&mut version, k, r.uint(u64::from(u32::MAX), "u32")? as u32),
        "id" => once(&mut id, k, string(r)?),
        "spec" => once(&mut spec, k, read_spec(r)?),
        "ex" => once(&mut exam, k, string(r)?),
        "b" => once(&mut bank, k, string(r)?),
        "t0" => once(&mut started, k, r.float()?),
        "dl" => once(&mut deadline, k, nullable(r, |r| r.float())?),
        "q" => once(&mut items, k, list(r, read_item)?),
        "cur" => once(&mut current, k, count(r)?),
        "te" => once(&mut entered, k, r.float()?),
        "t1" => once(&mut finished, k, nullable(r, |r| r.float())?),
        "x" => once(&mut expired, k, r.bool()?),
        "r" => once(&mut outcome, k, read_outcome(r)?),
        _ => r.skip(),
    })?;
    Ok(Attempt {
        session: Session {
            version: required(version, "v")?,
            id: required(id, "id")?,
            spec: required(spec, "spec")?,
            exam: exam.unwrap_or_else(earlier_exam),
            bank_version: required(bank, "b")?,
            started_ms: required(started, "t0")?,
            deadline_ms: deadline.flatten(),
            items: required(items, "q")?,
            current: current.unwrap_or(0),
            entered_ms: required(entered, "te")?,
            finished_ms: finished.flatten(),
            expired: expired.unwrap_or(false),
        },
        outcome: required(outcome, "r")?,
    })
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

fn read_item(r: &mut Reader<'_>) -> Result<Item, Error> {
    let (mut id, mut order, mut keys, mut chosen, mut flagged) = (None, None, None, None, None);
    let (mut checked, mut spent, mut confidence, mut struck, mut first) =
        (None, None, None, None, None);
    r.object(&mut |r, k| match k {
        "i" => once(&mut id, k, string(r)?),
        "o" => once(&mut order, k, list(r, byte)?),
        "k" => once(&mut keys, k, byte(r)?),
        "c" => once(&mut chosen, k, list(r, byte)?),
        "f" => once(&mut flagged, k, r.bool()?),
        "p" => once(&mut checked, k, r.bool()?),
        "ms" => once(&mut spent, k, r.float()?),
        "cf" => once(&mut confidence, k, nullable(r, read_confidence)?),
        "x" => once(&mut struck, k, list(r, byte)?),
        "a1" => once(&mut first, k, nullable(r, |r| list(r, byte))?),
        _ => r.skip(),
    })?;
    Ok(Item {
        // Absent: unchanged or never complete; `History` settles which on reading.
        first: first.flatten(),
        id: required(id, "i")?,
        order: required(order, "o")?,
        keys: required(keys, "k")?,
        chosen: chosen.unwrap_or_default(),
        flagged: flagged.unwrap_or(false),
        checked: checked.unwrap_or(false),
        spent_ms: spent.unwrap_or(0.0),
        confidence: confidence.flatten(),
        struck: struck.unwrap_or_default(),
    })
}

fn write_item(w: &mut Writer, it: &Item) {
    w.open();
    w.key("i");
    w.string(&it.id);
    w.key("o");
    w.bytes(&it.order);
    w.key("k");
    w.uint(u64::from(it.keys));
    if !it.chosen.is_empty() {
        w.key("c");
        w.bytes(&it.chosen);
    }
    if it.flagged {
        w.key("f");
        w.bool(true);
    }
    if it.checked {
        w.key("p");
        w.bool(true);
    }
    if it.spent_ms != 0.0 {
        time(w, "ms", it.spent_ms);
    }
    if let Some(c) = it.confidence {
        w.key("cf");
        write_confidence(w, c);
    }
    if !it.struck.is_empty() {
        w.key("x");
        w.bytes(&it.struck);
    }
    // Kept only when the answer changed: an unchanged first answer is the final one, so most items
    // store nothing (see `crate::exam::pacing`).
    if let Some(f) = it.first.as_ref().filter(|f| **f != it.chosen) {
        w.key("a1");
        w.bytes(f);
    }
    w.close();
}

fn read_outcome(r: &mut Reader<'_>) -> Result<Outcome, Error> {
    let (mut correct, mut total, mut scaled, mut passed) = (None, None, None, None);
    let (mut domains, mut sections, mut used, mut tasks, mut calibration) =
        (None, None, None, None, None);
    r.object(&mut |r, k| match k {
        "c" => once(&mut correct, k, count(r)?),
        "n" => once(&mut total, k, count(r)?),
        "s" => once(&mut scaled, k, scaled_score(r)?),
        "p" => once(&mut passed, k, r.bool()?),
        "d" => once(&mut domains, k, list(r, domain_row)?),
        "sec" => once(&mut sections, k, list(r, section_tally)?),
        "u" => once(&mut used, k, r.float()?),
        "tk" => once(&mut tasks, k, list(r, task_tally)?),
        "cal" => once(&mut calibration, k, read_calibration(r)?),
        _ => r.skip(),
    })?;
    Ok(Outcome {
        correct: required(correct, "c")?,
        total: required(total, "n")?,
        scaled: required(scaled, "s")?,
        passed: required(passed, "p")?,
        domains: required(domains, "d")?,
        sections: required(sections, "sec")?,
        used_ms: required(used, "u")?,
        tasks: tasks.unwrap_or_default(),
        calibration: calibration.unwrap_or_default(),
    })
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
    w.open_list();
    for d in &o.domains {
        w.item();
        w.open_list();
        for n in [u64::from(d.domain), d.correct as u64, d.total as u64] {
            w.item();
            w.uint(n);
        }
        w.close_list();
    }
    w.close_list();
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
        w.open_list();
        for (a, b) in [c.sure, c.unsure, c.guess] {
            w.item();
            w.open_list();
            w.item();
            w.uint(a as u64);
            w.item();
            w.uint(b as u64);
            w.close_list();
        }
        w.close_list();
    }
}

fn read_summary(r: &mut Reader<'_>) -> Result<Summary, Error> {
    let (mut id, mut title, mut exam, mut measures, mut started) = (None, None, None, None, None);
    let (mut finished, mut scaled, mut passed, mut correct, mut total) =
        (None, None, None, None, None);
    let (mut domains, mut sections, mut tasks, mut calibration) = (None, None, None, None);
    r.object(&mut |r, k| match k {
        "id" => once(&mut id, k, string(r)?),
        "title" => once(&mut title, k, string(r)?),
        "ex" => once(&mut exam, k, string(r)?),
        "m" => once(&mut measures, k, nullable(r, |r| r.bool())?),
        "t0" => once(&mut started, k, r.float()?),
        "t1" => once(&mut finished, k, r.float()?),
        "s" => once(&mut scaled, k, scaled_score(r)?),
        "p" => once(&mut passed, k, r.bool()?),
        "c" => once(&mut correct, k, count(r)?),
        "n" => once(&mut total, k, count(r)?),
        "d" => once(&mut domains, k, list(r, pair)?),
        "sec" => once(&mut sections, k, list(r, section_tally)?),
        "tk" => once(&mut tasks, k, list(r, task_tally)?),
        "cal" => once(&mut calibration, k, read_calibration(r)?),
        _ => r.skip(),
    })?;
    Ok(Summary {
        id: required(id, "id")?,
        title: required(title, "title")?,
        exam: exam.unwrap_or_else(earlier_exam),
        measures: measures.flatten(),
        started_ms: required(started, "t0")?,
        finished_ms: required(finished, "t1")?,
        scaled: required(scaled, "s")?,
        passed: required(passed, "p")?,
        correct: required(correct, "c")?,
        total: required(total, "n")?,
        domains: required(domains, "d")?,
        sections: required(sections, "sec")?,
        tasks: tasks.unwrap_or_default(),
        calibration: calibration.unwrap_or_default(),
    })
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
    w.open_list();
    for &(c, t) in &s.domains {
        w.item();
        w.open_list();
        w.item();
        w.uint(c as u64);
        w.item();
        w.uint(t as u64);
        w.close_list();
    }
    w.close_list();
    write_sections(w, &s.sections);
    write_tasks_and_calibration(w, &s.tasks, &s.calibration);
    w.close();
}
