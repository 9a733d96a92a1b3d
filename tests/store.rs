//! The stored history as the user meets it: old data still opens, nothing is lost when storage fills up
//! or two tabs write, a backup file round-trips and a bad one is refused with a clear sentence, and the
//! review schedule and study figures are exactly what the rules say.

use std::collections::HashSet;

use dva_exam::exam::rng::Rng;
use dva_exam::exam::score::{self, KeyInfo};
use dva_exam::exam::session::{self, Item, Session};
use dva_exam::exam::spec::{Kind, Mode, Spec};
use dva_exam::store::history::{self, Attempt, Entry, History, Summary};
use dva_exam::store::transfer::{self, ImportError, MAX_IMPORT_BYTES};
use dva_exam::store::vault;
use dva_exam::study;
use dva_exam::study::spaced::{self, DAY_MS, Due};
use dva_exam::study::stats;
use serde_json::{Value, json};

const V1: &str = include_str!("fixtures/store/history-v1.json");
const V2: &str = include_str!("fixtures/store/history-v2.json");

/// 2025-11-23T12:00:00Z.
const T0: f64 = 1_763_899_200_000.0;

// ---- builders ----------------------------------------------------------------------------------------

fn bank_keys(id: &str) -> Option<Vec<u8>> {
    study::key_info(id).map(|k| k.keys.to_vec())
}

/// A full mock from the real bank, answered the way a learner does: about 90% answered (right or
/// wrong at random), some flagged, a minute or two per question (whole milliseconds, like `Date.now()`).
fn realistic(seed: u64, start_ms: f64) -> Attempt {
    let spec = Spec {
        kind: Kind::Full,
        mode: Mode::Exam,
        extra_time: false,
        seed,
    };
    let mut s = study::start(spec, &HashSet::new(), start_ms).expect("the bank fills a mock");
    let mut rng = Rng::new(seed);
    let mut now = start_ms;
    for q in 0..s.items.len() {
        now += (20_000 + rng.below(100_000)) as f64;
        s.go_to(q, now);
        if rng.below(10) > 0 {
            let options = s.items[q].order.len();
            for _ in 0..s.items[q].keys {
                s.choose(rng.below(options), now);
            }
        }
        if rng.below(8) == 0 {
            s.toggle_flag();
        }
    }
    s.submit(now + 5_000.0, false);
    study::finish(s)
}

/// A history of `n` realistic attempts, one a day.
fn realistic_history(n: usize) -> History {
    let mut h = History::default();
    for i in 0..n {
        h.add(realistic(i as u64 + 1, T0 + i as f64 * DAY_MS));
    }
    h
}

/// A hand-made attempt over made-up questions whose key is always option 0: `answers` gives each
/// question's choice (`None` = unanswered).
fn hand_made(id: &str, finished_ms: f64, answers: &[(&str, Option<u8>)]) -> Attempt {
    let spec = Spec {
        kind: Kind::Quick {
            length: answers.len(),
        },
        mode: Mode::Practice,
        extra_time: false,
        seed: 1,
    };
    let items = answers
        .iter()
        .map(|(q, chosen)| Item {
            chosen: chosen.iter().copied().collect(),
            ..Item::new(*q, vec![0, 1, 2, 3], 1)
        })
        .collect();
    let mut s = Session::new(spec, None, "DVA-C03", "test", items, finished_ms - 60_000.0);
    s.id = id.to_string();
    s.submit(finished_ms, false);
    let outcome = score::score(&s, 4, &study::scale(), |q| {
        (!q.contains("retired")).then(|| KeyInfo {
            domain: 1,
            keys: &[0],
            options: 4,
            sections: vec!["s"],
            task: (1, 1),
        })
    });
    Attempt {
        session: s,
        outcome,
    }
}

fn fake_keys(id: &str) -> Option<Vec<u8>> {
    (!id.contains("retired")).then(|| vec![0])
}

fn summary(
    id: &str,
    started_ms: f64,
    domains: [(usize, usize); 4],
    sections: &[(&str, usize, usize)],
) -> Entry {
    let correct = domains.iter().map(|d| d.0).sum();
    let total = domains.iter().map(|d| d.1).sum();
    Entry::Compacted(Summary {
        id: id.to_string(),
        title: "Full mock exam".to_string(),
        exam: "DVA-C03".to_string(),
        measures: None,
        started_ms,
        finished_ms: started_ms + 1.0,
        scaled: score::scaled(correct, total, &study::scale()),
        passed: false,
        correct,
        total,
        domains: domains.to_vec(),
        tasks: Vec::new(),
        calibration: Default::default(),
        sections: sections
            .iter()
            .map(|&(s, missed, total)| score::SectionTally {
                section: s.to_string(),
                missed,
                total,
            })
            .collect(),
    })
}

fn ids(h: &History) -> Vec<String> {
    h.entries.iter().map(|e| e.id().to_string()).collect()
}

// ---- schema, migration, size -------------------------------------------------------------------------

#[test]
fn a_v1_history_opens_with_every_detail_and_is_written_back_as_v5() {
    let h = history::decode(V1).expect("v1 migrates");
    assert_eq!(h.version, 5);
    assert_eq!(h.len(), 2);
    let first = h.get("19a9b0a9c00-2a").expect("full after migration");
    assert_eq!(first.session.items[1].chosen, vec![1]);
    assert!(first.session.items[1].flagged);
    assert_eq!(first.outcome.scaled, 531);
    let rows = h.summaries();
    assert_eq!(rows[0].title, "Quick exam (2 questions)");
    assert_eq!(rows[0].domains, [(1, 1), (0, 1), (0, 0), (0, 0)]);
    assert_eq!(
        (rows[1].title.as_str(), rows[1].finished_ms),
        ("Domain 3 drill", 1_764_000_020_000.5)
    );
    assert_eq!(
        h.recent_ids(1),
        HashSet::from(["cloudwatch-embedded-metric-format".to_string()])
    );
    // Written as v5, read back unchanged.
    let again = history::decode(&history::encode(&h)).unwrap();
    assert_eq!(again, h);
    assert!(history::encode(&h).starts_with(r#"{"version":5,"entries":["#));
}

#[test]
fn the_v2_fixture_migrates_to_v5_as_dva_c02_attempts_scored_as_taken() {
    let h = history::decode(V2).expect("v2 reads");
    // Attempts stored before v3 were DVA-C02 exams; they keep their score and domain rows.
    assert!(h.summaries().iter().all(|s| s.exam == "DVA-C02"));
    assert!(h.full().all(|a| a.session.exam == "DVA-C02"));
    assert_eq!(h.summaries()[0].domains, [(1, 1), (0, 1), (0, 0), (0, 0)]);
    let v5 = history::encode(&h);
    assert!(v5.starts_with(r#"{"version":5,"entries":["#));
    assert!(v5.contains(r#""ex":"DVA-C02""#));
    assert_eq!(history::decode(&v5).unwrap(), h, "v5 reads back the same");
    // Readiness for DVA-C03 does not count them; for DVA-C02 it does.
    assert_eq!(stats::readiness(&h, 5, "DVA-C03", 4), [None; 4]);
    assert_eq!(stats::readiness(&h, 5, "DVA-C02", 4)[0], Some(1.0));
    // It is the v1 fixture with its first attempt compacted.
    let mut expected = history::decode(V1).unwrap();
    let mut first = expected.entries[0].summary();
    first.measures = None; // a v2 summary does not say; its title is judged instead
    expected.entries[0] = Entry::Compacted(first);
    assert_eq!(h, expected);
    assert!(h.summaries()[0].measures_readiness());
    assert_eq!(h.get("19a9b0a9c00-2a"), None, "compacted: no detail");
    assert_eq!(h.summaries()[0].scaled, 531);
}

#[test]
fn unreadable_stored_history_is_an_error_with_a_reason() {
    let err = |raw: &str| history::decode(raw).unwrap_err();
    assert_eq!(
        err(r#"{"version":6,"entries":[]}"#),
        "The history has version 6; this app reads versions 1 to 5."
    );
    assert_eq!(
        err(r#"{"entries":[]}"#),
        "The history has no version number."
    );
    assert_eq!(
        err(r#"{"version":2}"#),
        "The history has no list of entries."
    );
    assert!(
        err(r#"{"version":2,"entries":[{"a":{}}]}"#)
            .starts_with("Attempt 1 could not be read: missing field")
    );
    assert!(err("{").starts_with("The stored history is not valid JSON"));
}

#[test]
fn five_hundred_full_mocks_fit_in_local_storage() {
    let h = realistic_history(500);
    let one = history::encode(&History {
        version: history::VERSION,
        entries: h.entries[..1].to_vec(),
    });
    let all = history::encode(&h);
    let plain = session::encode(&h.get(h.entries[0].id()).unwrap().session);
    eprintln!(
        "one 65-question attempt: {} bytes stored ({} for its session alone in the plain form of an \
         exam in progress); 500: {} bytes",
        one.len(),
        plain.len(),
        all.len()
    );
    assert!(
        all.len() <= 5_000_000,
        "500 attempts take {} characters",
        all.len()
    );
    assert_eq!(history::decode(&all).unwrap(), h);
    let mut fitted = h.clone();
    assert_eq!(
        history::fit(&mut fitted, 5_000_000),
        0,
        "nothing to compact"
    );
    assert_eq!(fitted, h);
}

#[test]
fn fit_compacts_the_oldest_first_never_deletes_and_keeps_the_newest_full() {
    let mut h = realistic_history(10);
    let before = h.summaries();
    // A budget between the sizes with the oldest four and the oldest five compacted, measured on copies,
    // so that exactly five must go whatever the bank's questions weigh (a fixed 60 % of the size once
    // asked for nine: a compacted attempt keeps half its weight, and the bank had grown).
    let sized = |k: usize| {
        let mut c = h.clone();
        for e in &mut c.entries[..k] {
            *e = Entry::Compacted(e.summary());
        }
        history::encode(&c).len()
    };
    let budget = (sized(4) + sized(5)) / 2;
    let compacted = history::fit(&mut h, budget);
    assert_eq!(compacted, 5);
    assert!(history::encode(&h).len() <= budget);
    assert_eq!(
        h.summaries(),
        before,
        "every attempt is still listed, unchanged"
    );
    let full: Vec<bool> = h.entries.iter().map(|e| e.full().is_some()).collect();
    assert_eq!(
        full,
        [vec![false; compacted], vec![true; 10 - compacted]].concat()
    );
    // One character less than now: exactly one more (the oldest full one) goes.
    let now = history::encode(&h).len();
    assert_eq!(history::fit(&mut h, now - 1), 1);
    assert!(h.entries[compacted].full().is_none() && h.last().is_some());
    // An impossible budget compacts everything and still deletes nothing.
    assert_eq!(history::fit(&mut h, 0), 10 - compacted - 1);
    assert_eq!((h.len(), h.last()), (10, None));
    assert_eq!(h.summaries(), before);
}

#[test]
fn add_never_duplicates_and_restores_detail_over_a_summary() {
    let a = realistic(1, T0);
    let mut h = History::default();
    h.add(a.clone());
    h.add(a.clone());
    assert_eq!(h.len(), 1);
    history::fit(&mut h, 0);
    assert_eq!(h.get(a.id()), None);
    h.add(a.clone());
    assert_eq!((h.len(), h.get(a.id())), (1, Some(&a)));
}

#[test]
fn merging_two_tabs_keeps_every_attempt_once_in_time_order() {
    let (a, b, c, d) = (
        realistic(1, T0),
        realistic(2, T0 + DAY_MS),
        realistic(3, T0 + 2.0 * DAY_MS),
        realistic(4, T0 + 3.0 * DAY_MS),
    );
    let mut base = History::default();
    base.add(a.clone());
    base.add(b.clone());
    let mut tab1 = base.clone();
    tab1.add(d.clone());
    let mut tab2 = base.clone();
    tab2.add(c.clone());
    history::fit(&mut tab2, 0); // tab 2 ran short of space: everything compacted
    let mut one_into_two = tab2.clone();
    assert_eq!(one_into_two.merge(&tab1), 1, "only d is new");
    let mut two_into_one = tab1.clone();
    assert_eq!(two_into_one.merge(&tab2), 1, "only c is new");
    let want: Vec<String> = [&a, &b, &c, &d]
        .iter()
        .map(|x| x.id().to_string())
        .collect();
    assert_eq!(ids(&one_into_two), want);
    assert_eq!(ids(&two_into_one), want);
    // Full detail wins over a summary of the same attempt, whichever side holds it.
    assert_eq!(one_into_two.get(a.id()), Some(&a));
    assert_eq!(one_into_two.get(c.id()), None, "c exists only as a summary");
    assert_eq!(two_into_one, one_into_two);
    assert_eq!(one_into_two.clone().merge(&two_into_one), 0);
}

// ---- export and import -------------------------------------------------------------------------------

#[test]
fn an_export_round_trips_and_merges_into_nothing_new() {
    let mut h = realistic_history(5);
    let size = history::encode(&h).len();
    history::fit(&mut h, size - 1);
    let file = transfer::export(&h);
    assert!(file.starts_with(r#"{"format":"dva-c02-practice-history","history":{"version":5,"#));
    let back = transfer::import(&file).expect("own export imports");
    assert_eq!(back, h);
    assert_eq!(h.clone().merge(&back), 0);
    assert_eq!(
        transfer::import(&transfer::export(&History::default())),
        Ok(History::default())
    );
}

#[test]
fn an_export_holding_a_v1_history_imports_through_migration() {
    let file = format!(r#"{{"format":"dva-c02-practice-history","history":{V1}}}"#);
    assert_eq!(
        transfer::import(&file),
        history::decode(V1).map_err(ImportError::Unreadable)
    );
}

fn valid_doc() -> Value {
    let mut h = realistic_history(2);
    h.entries[1] = Entry::Compacted(h.entries[1].summary());
    serde_json::from_str(&transfer::export(&h)).unwrap()
}

/// The import message after `edit` changes a valid export.
fn message_after(edit: impl FnOnce(&mut Value)) -> String {
    let mut doc = valid_doc();
    edit(&mut doc);
    transfer::import(&doc.to_string()).unwrap_err().to_string()
}

/// A change made to a valid export.
type Edit = Box<dyn FnOnce(&mut Value)>;

/// The first attempt of [`valid_doc`] (full) in its stored form.
fn full(d: &mut Value) -> &mut Value {
    &mut d["history"]["entries"][0]["a"]
}

/// The second attempt of [`valid_doc`] (compacted).
fn sum(d: &mut Value) -> &mut Value {
    &mut d["history"]["entries"][1]["s"]
}

#[test]
fn import_rejects_each_absurd_value_with_its_own_sentence() {
    let cases: Vec<(Edit, &str)> = vec![
        (
            Box::new(|d| full(d)["r"]["s"] = json!(4000)),
            "Attempt 1 has a score of 4000; scores run from 100 to 1000.",
        ),
        (
            Box::new(|d| full(d)["r"]["s"] = json!(99)),
            "Attempt 1 has a score of 99; scores run from 100 to 1000.",
        ),
        (
            Box::new(|d| full(d)["r"]["c"] = json!(66)),
            "Attempt 1 has 66 correct answers out of 65.",
        ),
        (
            Box::new(|d| full(d)["r"]["d"][1] = json!([2, 18, 17])),
            "Attempt 1 has 18 correct answers out of 17 in domain 2.",
        ),
        (
            Box::new(|d| full(d)["r"]["d"][1] = json!([21, 1, 17])),
            "Attempt 1 has a score for domain 21; domains run 1 to 20.",
        ),
        (
            Box::new(|d| full(d)["ex"] = json!("<script>")),
            "Attempt 1 names an exam code that is not like DVA-C03.",
        ),
        (
            Box::new(|d| sum(d)["c"] = json!(70)),
            "Attempt 2 has 70 correct answers out of 65.",
        ),
        (
            Box::new(|d| sum(d)["d"][3] = json!([9, 8])),
            "Attempt 2 has 9 correct answers out of 8 in domain 4.",
        ),
        (
            Box::new(|d| full(d)["q"][0][4] = json!(-5)),
            "Attempt 1 has an impossible time spent on question 1 (-5 ms).",
        ),
        (
            Box::new(|d| full(d)["r"]["u"] = json!(-1.5)),
            "Attempt 1 has an impossible time spent in total (-1.5 ms).",
        ),
        (
            Box::new(|d| full(d)["t0"] = json!(-1)),
            "Attempt 1 has an impossible date (-1 ms).",
        ),
        (
            Box::new(|d| full(d)["t1"] = json!(1_000.0)),
            "Attempt 1 finished before it started.",
        ),
        (
            Box::new(|d| sum(d)["t1"] = json!(1_000.0)),
            "Attempt 2 finished before it started.",
        ),
        (
            Box::new(|d| full(d)["t1"] = json!(4_102_444_800_001.0_f64)),
            "Attempt 1 is dated after the year 2100.",
        ),
        (
            Box::new(|d| {
                let q = full(d)["q"][0].clone();
                full(d)["q"] = Value::Array(vec![q; 101]);
            }),
            "Attempt 1 has 101 questions; an exam has at most 100.",
        ),
        (
            Box::new(|d| sum(d)["n"] = json!(101)),
            "Attempt 2 has 101 questions; an exam has at most 100.",
        ),
        (
            Box::new(|d| full(d)["q"][2][1] = json!([0, 0, 1, 2])),
            "Attempt 1 has an impossible option order in question 3.",
        ),
        (
            Box::new(|d| full(d)["q"][2][1] = json!([0, 1, 2, 4])),
            "Attempt 1 has an impossible option order in question 3.",
        ),
        (
            Box::new(|d| {
                full(d)["q"][0][2] = json!(2);
                full(d)["q"][0][3] = json!([1, 1]);
            }),
            "Attempt 1 has an impossible answer to question 1.",
        ),
        (
            Box::new(|d| full(d)["q"][0][3] = json!([9])),
            "Attempt 1 has an impossible answer to question 1.",
        ),
        (
            Box::new(|d| full(d)["q"][0][2] = json!(4)),
            "Attempt 1 has 4 answers to question 1; a question has 1 to 3.",
        ),
        (
            Box::new(|d| full(d)["q"][0][2] = json!(0)),
            "Attempt 1 has 0 answers to question 1; a question has 1 to 3.",
        ),
        (
            Box::new(|d| full(d)["q"][4][0] = json!("Lambda-Limits")),
            "Attempt 1 has an invalid question id at question 5: ids are lowercase words joined by hyphens, at most 100 characters.",
        ),
        (
            Box::new(|d| full(d)["q"][4][0] = json!("a".repeat(101))),
            "Attempt 1 has an invalid question id at question 5: ids are lowercase words joined by hyphens, at most 100 characters.",
        ),
        (
            Box::new(|d| full(d)["id"] = json!("x--y")),
            "Attempt 1 has an invalid id: ids are lowercase words joined by hyphens, at most 100 characters.",
        ),
        (
            Box::new(|d| sum(d)["id"] = json!("<script>")),
            "Attempt 2 has an invalid id: ids are lowercase words joined by hyphens, at most 100 characters.",
        ),
        (
            Box::new(|d| full(d)["r"]["sec"][0][0] = json!("<b>")),
            "Attempt 1 has an invalid note section anchor.",
        ),
        (
            Box::new(|d| full(d)["r"]["sec"][0] = json!(["s3", 3, 2])),
            "Attempt 1 has 3 missed of 2 in section s3.",
        ),
        (
            Box::new(|d| full(d)["r"]["tk"] = json!([["1.1<img src=x>", 1, 2]])),
            "Attempt 1 has an invalid task statement (like 2.2) in its tallies.",
        ),
        (
            Box::new(|d| sum(d)["tk"] = json!([["2.2", 3, 2]])),
            "Attempt 2 has 3 correct answers out of 2.",
        ),
        (
            Box::new(|d| full(d)["r"]["n"] = json!(64)),
            "Attempt 1 counts 64 questions but holds 65.",
        ),
        (
            Box::new(|d| full(d)["cur"] = json!(65)),
            "Attempt 1 is open at question 66 of 65.",
        ),
        (
            Box::new(|d| full(d)["cur"] = json!(u64::MAX)),
            "Attempt 1 is open at question 18446744073709551615 of 65.",
        ),
        (
            Box::new(|d| full(d)["r"]["sec"][0] = json!(["s3", 0, u64::MAX])),
            "Attempt 1 has 18446744073709551615 questions; an exam has at most 100.",
        ),
        (
            Box::new(|d| sum(d)["d"][0] = json!([0, 1000])),
            "Attempt 2 has 1000 questions; an exam has at most 100.",
        ),
        (
            Box::new(|d| {
                let first = d["history"]["entries"][0].clone();
                sum(d)["id"] = first["a"]["id"].clone();
            }),
            "Attempt 2 has the same id as attempt 1.",
        ),
    ];
    for (edit, want) in cases {
        assert_eq!(message_after(edit), want);
    }
}

#[test]
fn import_rejects_what_is_not_a_readable_export() {
    let err = |raw: &str| transfer::import(raw).unwrap_err().to_string();
    assert_eq!(
        err("{\n  \"format\":\n  oops"),
        "This file is not valid JSON (line 3, column 3)."
    );
    assert_eq!(err(""), "This file is not valid JSON (line 1, column 0).");
    assert_eq!(
        err("[1,2]"),
        "This file is not a history export of this app."
    );
    assert_eq!(
        err(r#"{"format":"anki","history":{}}"#),
        "This file is not a history export of this app."
    );
    assert_eq!(
        err(r#"{"format":"dva-c02-practice-history"}"#),
        "This file is not a history export of this app."
    );
    assert_eq!(
        err(V1),
        "This file is not a history export of this app.",
        "a raw localStorage value"
    );
    assert_eq!(
        message_after(|d| d["history"]["version"] = json!(9)),
        "The history has version 9; this app reads versions 1 to 5."
    );
    assert_eq!(
        message_after(|d| d["history"]["entries"][0]["a"]["r"]["s"] = json!(70_000)),
        "Attempt 1 could not be read: invalid value: integer `70000`, expected u16."
    );
    let many = format!(
        r#"{{"format":"dva-c02-practice-history","history":{{"version":2,"entries":[{}0]}}}}"#,
        "0,".repeat(100_000)
    );
    assert_eq!(
        err(&many),
        "The history holds 100001 attempts; at most 100000 can be read."
    );
    let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert_eq!(
        transfer::import(&huge),
        Err(ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        })
    );
    assert_eq!(
        err(&huge),
        "This file is 10.0 MB; a history export is at most 10 MB."
    );
}

/// A random JSON value, including the awkward ones (huge, negative, fractional, wrong types, nesting).
fn random_value(rng: &mut Rng) -> Value {
    match rng.below(12) {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1),
        3 => json!(1e300),
        4 => json!(0.5),
        5 => json!(u64::MAX),
        6 => json!(""),
        7 => json!("Not-Kebab"),
        8 => json!([]),
        9 => json!({}),
        10 => json!(4000),
        _ => json!([[[1, 2, 3]], {"a": null}]),
    }
}

/// Replaces one randomly reached node of `v` (walking down at random) by a random value.
fn replace_somewhere(v: &mut Value, rng: &mut Rng) {
    let mut node = v;
    loop {
        let len = match node {
            Value::Array(a) => a.len(),
            Value::Object(o) => o.len(),
            _ => 0,
        };
        if len == 0 || rng.below(6) == 0 {
            *node = random_value(rng);
            return;
        }
        let i = rng.below(len);
        node = match node {
            Value::Array(a) => &mut a[i],
            Value::Object(o) => o.values_mut().nth(i).unwrap(),
            _ => unreachable!(),
        };
    }
}

/// What the review page does with each stored item of an accepted attempt: today's question for it (or
/// none, shown as retired), then every option in the stored order, the chosen ones marked, and the
/// verdict. Indexing must never go past today's options, whatever the file held.
fn review_every_option(h: &History) {
    for a in h.full() {
        for item in &a.session.items {
            if let Some(q) = study::question_for(item) {
                for &orig in &item.order {
                    let c = &q.choices[usize::from(orig)];
                    let _ = (
                        q.choice_html(usize::from(orig)),
                        c.key,
                        item.chosen.contains(&orig),
                    );
                }
                let keys = study::keys_of(q.id).expect("a question of the bank has keys");
                let _ = score::is_correct(item, &keys);
            }
        }
    }
}

#[test]
fn a_stored_item_that_no_longer_fits_its_question_is_shown_and_scored_as_retired() {
    let q = &dva_exam::bank::QUESTIONS[0];
    let n = q.choices.len() as u8;
    let fits = Item {
        chosen: vec![0],
        ..Item::new(q.id, (0..n).rev().collect(), q.keys() as u8)
    };
    assert!(study::question_for(&fits).is_some());
    // One option fewer or more than today, another key count, a choice past the end: all retired.
    let mut fewer = fits.clone();
    fewer.order.pop();
    let mut more = fits.clone();
    more.order.push(n);
    let mut keys = fits.clone();
    keys.keys += 1;
    let mut chosen = fits.clone();
    chosen.chosen = vec![n];
    let mut gone = fits.clone();
    gone.id = "appsync-subscriptions-live-bids".to_string();
    for item in [&fewer, &more, &keys, &chosen, &gone] {
        assert!(study::question_for(item).is_none(), "{item:?}");
    }
    // Scoring treats it as retired: asked, wrong, in no domain row.
    let spec = Spec {
        kind: Kind::Quick { length: 2 },
        mode: Mode::Exam,
        extra_time: false,
        seed: 1,
    };
    let mut right = fits.clone();
    right.chosen = study::keys_of(q.id).unwrap();
    let mut broken = right.clone();
    broken.order.pop();
    let mut s = Session::new(spec, None, "DVA-C03", "test", vec![right, broken], T0);
    s.submit(T0 + 1.0, false);
    let o = score::score(&s, 4, &study::scale(), study::key_info);
    assert_eq!((o.correct, o.total), (1, 2));
    assert_eq!(o.domains.iter().map(|d| d.total).sum::<usize>(), 1);
}

#[test]
fn mutated_exports_never_panic_and_anything_accepted_round_trips() {
    let file = valid_doc().to_string();
    let doc = valid_doc();
    let mut rng = Rng::new(2026);
    let (mut ok, mut err) = (0, 0);
    for round in 0..3000 {
        let mutated = match round % 3 {
            0 => {
                let mut at = rng.below(file.len());
                while !file.is_char_boundary(at) {
                    at -= 1;
                }
                file[..at].to_string()
            }
            1 => {
                let mut bytes = file.clone().into_bytes();
                for _ in 0..=rng.below(3) {
                    let at = rng.below(bytes.len());
                    bytes[at] = b" \"{}[],:0123456789-.eaz\\"[rng.below(24)];
                }
                String::from_utf8(bytes).expect("ASCII replaced by ASCII")
            }
            _ => {
                let mut v = doc.clone();
                replace_somewhere(&mut v, &mut rng);
                v.to_string()
            }
        };
        match transfer::import(&mutated) {
            Ok(h) => {
                ok += 1;
                review_every_option(&h);
                assert_eq!(transfer::import(&transfer::export(&h)), Ok(h));
            }
            Err(e) => {
                err += 1;
                let msg = e.to_string();
                assert!(!msg.is_empty() && !msg.contains('\n'), "{msg:?}");
            }
        }
    }
    assert!(ok > 0 && err > 1000, "ok {ok}, err {err}");
}

#[test]
fn random_valid_histories_round_trip_through_export() {
    let mut rng = Rng::new(7);
    for n in 0..12 {
        let mut h = History::default();
        for i in 0..n {
            h.add(realistic(rng.next_u64(), T0 + (i * 3_600_000) as f64));
        }
        let keep = rng.below(n + 1);
        for e in &mut h.entries[..keep] {
            *e = Entry::Compacted(e.summary());
        }
        assert_eq!(transfer::import(&transfer::export(&h)), Ok(h));
    }
}

// ---- spaced review -----------------------------------------------------------------------------------

/// A question scheduled `days` after `T0` in Leitner box `level`, not a misconception or lucky guess.
fn due(id: &str, level: u8, days: f64) -> Due {
    Due {
        id: id.to_string(),
        level,
        due_ms: T0 + days * DAY_MS,
        first: false,
    }
}

#[test]
fn the_leitner_schedule_follows_the_boxes_to_the_day() {
    let mut h = History::default();
    // A timed exam: its unanswered question is a miss.
    let mut timed = hand_made(
        "a1",
        T0,
        &[
            ("q-a", Some(1)),
            ("q-b", Some(0)),
            ("q-c", None),
            ("q-retired", Some(2)),
        ],
    );
    timed.session.spec.mode = Mode::Exam;
    h.add(timed);
    h.add(hand_made(
        "a2",
        T0 + DAY_MS,
        &[("q-a", Some(0)), ("q-b", Some(3)), ("q-c", Some(0))],
    ));
    h.add(hand_made(
        "a3",
        T0 + 3.0 * DAY_MS,
        &[("q-a", Some(0)), ("q-c", Some(0))],
    ));
    // q-a: missed (box 1), right a day later (box 2, +2 days = day 3), right on day 3 (box 3, +4 = day 7).
    // q-b: right first (never missed: not scheduled), missed on day 1 (box 1, due day 2).
    // q-c: unanswered counts as missed, then the same path as q-a. The retired question is skipped.
    assert_eq!(
        spaced::schedule(&h, fake_keys),
        vec![due("q-b", 1, 2.0), due("q-a", 3, 7.0), due("q-c", 3, 7.0)]
    );
    assert_eq!(
        spaced::due_now(&h, fake_keys, T0 + 2.0 * DAY_MS - 1.0),
        Vec::<String>::new()
    );
    assert_eq!(spaced::due_now(&h, fake_keys, T0 + 2.0 * DAY_MS), ["q-b"]);
    assert_eq!(
        spaced::due_now(&h, fake_keys, T0 + 30.0 * DAY_MS),
        ["q-b", "q-a", "q-c"]
    );
}

#[test]
fn a_question_skipped_in_practice_keeps_its_box() {
    let mut h = History::default();
    // Day 0, practice: q-a missed, q-b right, q-c and q-d never answered.
    h.add(hand_made(
        "p1",
        T0,
        &[
            ("q-a", Some(1)),
            ("q-b", Some(0)),
            ("q-c", None),
            ("q-d", None),
        ],
    ));
    // Day 1, practice: q-a right (box 2), q-b missed (box 1); q-a's next session skips it.
    h.add(hand_made(
        "p2",
        T0 + DAY_MS,
        &[("q-a", Some(0)), ("q-b", Some(2))],
    ));
    h.add(hand_made(
        "p3",
        T0 + 2.0 * DAY_MS,
        &[("q-a", None), ("q-b", None)],
    ));
    // The skips of day 0 schedule nothing, and those of day 2 move neither q-a (box 2, due day 3) nor q-b
    // (box 1, due day 2): a skip is not a miss.
    assert_eq!(
        spaced::schedule(&h, fake_keys),
        vec![due("q-b", 1, 2.0), due("q-a", 2, 3.0)]
    );
}

#[test]
fn confidence_brings_misconceptions_and_lucky_guesses_back_first() {
    use dva_exam::exam::session::Confidence;
    use dva_exam::study::stats;
    // Day 0: q-old missed (due day 1); day 1: q-sure wrong while sure, q-guess right by guessing,
    // q-known right and sure (never missed: not scheduled), q-plain missed.
    let mut h = History::default();
    h.add(hand_made("a0", T0, &[("q-old", Some(2))]));
    let mut a1 = hand_made(
        "a1",
        T0 + DAY_MS,
        &[
            ("q-sure", Some(1)),
            ("q-guess", Some(0)),
            ("q-known", Some(0)),
            ("q-plain", Some(3)),
        ],
    );
    let levels = [
        Some(Confidence::Sure),
        Some(Confidence::Guess),
        Some(Confidence::Sure),
        None,
    ];
    for (it, level) in a1.session.items.iter_mut().zip(levels) {
        it.confidence = level;
    }
    assert_eq!(stats::wrong_while_sure(&a1, fake_keys), [0]);
    assert_eq!(stats::right_by_guessing(&a1, fake_keys), [1]);
    h.add(a1);
    // On day 10 everything missed or guessed is due; the misconception and the guess come first even
    // though q-old has been due longest.
    assert_eq!(
        spaced::due_now(&h, fake_keys, T0 + 10.0 * DAY_MS),
        ["q-guess", "q-sure", "q-old", "q-plain"]
    );
    let guess = spaced::schedule(&h, fake_keys)
        .into_iter()
        .find(|d| d.id == "q-guess")
        .unwrap();
    assert_eq!(
        (guess.level, guess.first),
        (1, true),
        "a lucky guess is not knowledge"
    );
}

#[test]
fn the_top_box_is_five_and_a_miss_sends_a_question_back_to_box_one() {
    let mut h = History::default();
    h.add(hand_made("m", T0, &[("q", Some(1))]));
    for day in 1..=6 {
        h.add(hand_made(
            &format!("r{day}"),
            T0 + f64::from(day) * DAY_MS,
            &[("q", Some(0))],
        ));
    }
    let top = spaced::schedule(&h, fake_keys);
    assert_eq!(
        (top[0].level, top[0].due_ms),
        (5, T0 + (6.0 + 16.0) * DAY_MS)
    );
    h.add(hand_made("miss", T0 + 7.0 * DAY_MS, &[("q", Some(2))]));
    let back = spaced::schedule(&h, fake_keys);
    assert_eq!((back[0].level, back[0].due_ms), (1, T0 + 8.0 * DAY_MS));
    // Compacted attempts hold no answers: with every attempt compacted nothing is scheduled.
    history::fit(&mut h, 0);
    assert_eq!(spaced::schedule(&h, fake_keys), vec![]);
}

#[test]
fn realistic_history_schedules_exactly_the_missed_questions_of_a_single_mock() {
    let h = realistic_history(1);
    let a = h.last().unwrap();
    let missed: HashSet<String> = a
        .session
        .items
        .iter()
        .filter(|i| !score::is_correct(i, &bank_keys(&i.id).unwrap()))
        .map(|i| i.id.clone())
        .collect();
    let at = a.session.finished_ms.unwrap() + DAY_MS;
    let due: HashSet<String> = spaced::due_now(&h, bank_keys, at).into_iter().collect();
    assert_eq!(due, missed);
    assert_eq!(missed.len(), a.outcome.total - a.outcome.correct);
}

// ---- study statistics --------------------------------------------------------------------------------

fn stats_history() -> History {
    History {
        version: history::VERSION,
        entries: vec![
            summary(
                "s1",
                T0,
                [(3, 4), (1, 2), (0, 0), (2, 2)],
                &[("a", 2, 4), ("b", 1, 1), ("c", 0, 3)],
            ),
            summary(
                "s2",
                T0 + DAY_MS,
                [(1, 2), (0, 0), (0, 0), (1, 1)],
                &[("a", 1, 2), ("b", 1, 3), ("d", 2, 2), ("e", 2, 4)],
            ),
        ],
    }
}

#[test]
fn weakest_sections_sum_all_history_and_rank_by_misses_then_rate_then_name() {
    let h = stats_history();
    let row = |a: &str, m, t| (a.to_string(), m, t);
    // a 3/6; d 2/2 beats b 2/4 on rate; b and e tie at 2/4 and go by name; c was never missed.
    assert_eq!(
        stats::weakest_sections(&h, 10, |a, b| a == b),
        vec![
            row("a", 3, 6),
            row("d", 2, 2),
            row("b", 2, 4),
            row("e", 2, 4)
        ]
    );
    assert_eq!(
        stats::weakest_sections(&h, 2, |a, b| a == b),
        vec![row("a", 3, 6), row("d", 2, 2)]
    );
    assert_eq!(
        stats::weakest_sections(&History::default(), 5, |a, b| a == b),
        vec![]
    );
    // A section inside or around one ranked above it gives its place to the next one apart: with `b`
    // inside `a`, the list of three is a, d, e (b is left out, e moves up).
    let nested = |x: &str, y: &str| x == y || matches!((x, y), ("a", "b") | ("b", "a"));
    assert_eq!(
        stats::weakest_sections(&h, 3, nested),
        vec![row("a", 3, 6), row("d", 2, 2), row("e", 2, 4)]
    );
}

#[test]
fn readiness_is_the_share_right_per_domain_over_the_last_attempts() {
    let h = stats_history();
    assert_eq!(
        stats::readiness(&h, 1, "DVA-C03", 4),
        [Some(0.5), None, None, Some(1.0)]
    );
    assert_eq!(
        stats::readiness(&h, 2, "DVA-C03", 4),
        [Some(4.0 / 6.0), Some(0.5), None, Some(1.0)]
    );
    assert_eq!(
        stats::readiness(&h, 99, "DVA-C03", 4),
        stats::readiness(&h, 2, "DVA-C03", 4)
    );
    assert_eq!(stats::readiness(&h, 0, "DVA-C03", 4), [None; 4]);
    // What the shares rest on, for the dashboard to say so.
    let counts = stats::readiness_counts(&h, 2, "DVA-C03", 4);
    assert_eq!(counts[..3], [(4, 6), (1, 2), (0, 0)]);
    assert_eq!(counts[3].0, counts[3].1);
}

#[test]
fn retries_reviews_and_practice_do_not_count_toward_readiness() {
    let retry = |title: &str, mode: Mode, domain_one: (usize, usize)| {
        let mut a = hand_made("x", T0, &[("q1", Some(0))]);
        a.session.spec.kind = Kind::Picked {
            title: title.to_string(),
            ids: vec!["q1".to_string()],
        };
        a.session.spec.mode = mode;
        a.outcome.domains[0].correct = domain_one.0;
        a.outcome.domains[0].total = domain_one.1;
        a
    };
    let mut h = History::default();
    let mut exam = hand_made("exam", T0, &[("q1", Some(1))]);
    exam.session.spec.mode = Mode::Exam;
    exam.outcome.domains[0].correct = 1;
    exam.outcome.domains[0].total = 4;
    h.add(exam);
    let mut r = retry("Retry: Full mock exam", Mode::Exam, (5, 5));
    r.session.id = "retry".into();
    h.add(r);
    let mut p = hand_made("practice", T0 + 1.0, &[("q1", Some(0))]);
    p.session.spec.mode = Mode::Practice;
    p.outcome.domains[0].correct = 9;
    p.outcome.domains[0].total = 9;
    h.add(p);
    assert_eq!(stats::readiness(&h, 5, "DVA-C03", 4)[0], Some(0.25));
    // The same when compacted, and for old summaries that never recorded it (judged by the title).
    history::fit(&mut h, 0);
    assert_eq!(stats::readiness(&h, 5, "DVA-C03", 4)[0], Some(0.25));
    let mut old = h.summaries()[1].clone();
    old.measures = None;
    assert!(!old.measures_readiness(), "{}", old.title);
}

#[test]
fn full_and_compacted_attempts_give_the_same_statistics() {
    let h = realistic_history(4);
    let mut compacted = h.clone();
    history::fit(&mut compacted, 0);
    assert_eq!(
        stats::weakest_sections(&h, 20, |a, b| a == b),
        stats::weakest_sections(&compacted, 20, |a, b| a == b)
    );
    assert_eq!(
        stats::readiness(&h, 3, "DVA-C03", 4),
        stats::readiness(&compacted, 3, "DVA-C03", 4)
    );
    let by_hand = h.full().rev().take(3).fold([(0, 0); 4], |mut acc, a| {
        for d in &a.outcome.domains {
            acc[usize::from(d.domain) - 1].0 += d.correct;
            acc[usize::from(d.domain) - 1].1 += d.total;
        }
        acc
    });
    assert_eq!(
        stats::readiness(&h, 3, "DVA-C03", 4),
        by_hand.map(|(c, t)| Some(c as f64 / t as f64))
    );
}

#[test]
fn retry_ids_lists_wrong_unanswered_and_flagged_in_exam_order() {
    let mut a = hand_made(
        "r",
        T0,
        &[
            ("q-1", Some(0)),
            ("q-2", Some(2)),
            ("q-3", None),
            ("q-4", Some(0)),
            ("q-retired", Some(3)),
        ],
    );
    a.session.items[3].flagged = true;
    assert_eq!(stats::retry_ids(&a, fake_keys), ["q-2", "q-3", "q-4"]);
    let all_right = hand_made("ok", T0, &[("q-1", Some(0))]);
    assert_eq!(
        stats::retry_ids(&all_right, fake_keys),
        Vec::<String>::new()
    );
}

// ---- keeping aside, newer versions, quotas: the vault rules over a fake storage --------------------

/// A storage that holds values in memory and refuses a write that would take it over `quota` characters
/// (keys and values counted, as browsers count them), like a full localStorage.
struct Fake {
    map: std::collections::BTreeMap<String, String>,
    quota: usize,
}

impl Fake {
    fn new(quota: usize) -> Fake {
        Fake {
            map: Default::default(),
            quota,
        }
    }

    fn with(mut self, key: &str, value: &str) -> Fake {
        self.map.insert(key.to_string(), value.to_string());
        self
    }

    fn used(&self) -> usize {
        self.map.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl vault::Storage for Fake {
    fn get(&self, key: &str) -> Option<String> {
        self.map.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        let old = self.map.get(key).map_or(0, |v| key.len() + v.len());
        if self.used() - old + key.len() + value.len() > self.quota {
            return Err("quota exceeded".to_string());
        }
        self.map.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), String> {
        self.map.remove(key);
        Ok(())
    }
}

fn read_history(st: &mut Fake) -> (Option<History>, vault::Report) {
    vault::read(st, history::KEY, 3, "your stored results", history::decode)
}

#[test]
fn an_unreadable_value_is_kept_aside_under_its_own_name_and_only_then_removed() {
    let mut st = Fake::new(1_000_000).with(history::KEY, "{not json");
    let (h, report) = read_history(&mut st);
    assert_eq!(h, None);
    assert!(!report.read_only);
    assert_eq!(
        st.map.get("dva.history.unreadable").map(String::as_str),
        Some("{not json")
    );
    assert!(
        !st.map.contains_key(history::KEY),
        "removed once the copy is confirmed"
    );
    assert!(
        report.notices[0].contains("kept aside under \"dva.history.unreadable\""),
        "{:?}",
        report.notices
    );
    // A second unreadable value does not overwrite the first copy.
    st.map
        .insert(history::KEY.to_string(), "{also broken".to_string());
    let (_, report) = read_history(&mut st);
    assert_eq!(
        st.map.get("dva.history.unreadable").map(String::as_str),
        Some("{not json")
    );
    assert_eq!(
        st.map.get("dva.history.unreadable.2").map(String::as_str),
        Some("{also broken")
    );
    assert!(report.notices[0].contains("dva.history.unreadable.2"));
}

#[test]
fn when_the_copy_cannot_be_made_the_original_stays_and_the_tab_does_not_write_it() {
    // A history over half the quota cannot be copied aside: it must stay where it is.
    let big = format!(
        "{{\"version\":2,\"entries\":[{}]}}",
        "1,".repeat(3_000) + "x"
    );
    let mut st = Fake::new(big.len() + 100).with(history::KEY, &big);
    let (h, report) = read_history(&mut st);
    assert_eq!(h, None);
    assert!(report.read_only);
    assert_eq!(st.map.get(history::KEY), Some(&big), "not deleted");
    assert!(
        report.notices[0].contains("left where it is"),
        "{:?}",
        report.notices
    );
    // And a save from this tab would not have overwritten it either: it keeps it aside first or refuses.
    let mut mine = History::default();
    mine.add(hand_made("mine", T0, &[("q1", Some(0))]));
    assert!(matches!(
        vault::save_history(&mut st, &mut mine, 1_000_000),
        vault::Saved::NotStored(_)
    ));
    assert_eq!(st.map.get(history::KEY), Some(&big));
}

#[test]
fn a_newer_version_is_left_untouched_and_never_written_over() {
    let newer = r#"{"version":6,"entries":[],"something":"new"}"#;
    let mut st = Fake::new(1_000_000).with(history::KEY, newer);
    let (h, report) = read_history(&mut st);
    assert_eq!(h, None);
    assert!(report.read_only);
    assert!(report.notices[0].contains("written by a newer version of this app. Reload the page"));
    assert!(
        !st.map.contains_key("dva.history.unreadable"),
        "not treated as corrupt"
    );
    let mut mine = History::default();
    mine.add(hand_made("mine", T0, &[("q1", Some(0))]));
    assert!(matches!(
        vault::save_history(&mut st, &mut mine, 1_000_000),
        vault::Saved::NotStored(_)
    ));
    assert_eq!(st.map.get(history::KEY).map(String::as_str), Some(newer));
    // The same for a single-owner value such as the exam in progress or the settings.
    let mut st = Fake::new(1_000_000).with("dva.settings", r#"{"version":9,"theme":"Sepia"}"#);
    let err = vault::save_value(
        &mut st,
        "dva.settings",
        1,
        |_| true,
        Some(r#"{"version":1}"#),
    )
    .unwrap_err();
    assert!(err.contains("newer version"));
    assert_eq!(st.map["dva.settings"], r#"{"version":9,"theme":"Sepia"}"#);
}

#[test]
fn a_save_merges_what_another_tab_stored_and_keeps_an_unreadable_value_aside_first() {
    let mut theirs = History::default();
    theirs.add(hand_made("theirs", T0, &[("q1", Some(0))]));
    let mut st = Fake::new(1_000_000).with(history::KEY, &history::encode(&theirs));
    let mut mine = History::default();
    mine.add(hand_made("mine", T0 + 1.0, &[("q1", Some(1))]));
    assert_eq!(
        vault::save_history(&mut st, &mut mine, 1_000_000),
        vault::Saved::Stored
    );
    assert_eq!(
        ids(&mine),
        ["theirs", "mine"],
        "this tab sees the other tab's attempt"
    );
    assert_eq!(
        ids(&history::decode(&st.map[history::KEY]).unwrap()),
        ["theirs", "mine"]
    );
    // Another tab left something unreadable: it is kept aside before this tab writes.
    st.map
        .insert(history::KEY.to_string(), "garbage".to_string());
    assert_eq!(
        vault::save_history(&mut st, &mut mine, 1_000_000),
        vault::Saved::Stored
    );
    assert_eq!(st.map["dva.history.unreadable"], "garbage");
    // An unreadable exam in progress is kept aside before a new one is written.
    st.map.insert("dva.exam".to_string(), "{broken".to_string());
    vault::save_value(
        &mut st,
        "dva.exam",
        1,
        |r| session::decode(r).is_ok(),
        Some(r#"{"version":1}"#),
    )
    .unwrap();
    assert_eq!(st.map["dva.exam.unreadable"], "{broken");
}

#[test]
fn over_the_quota_the_stored_copy_is_compacted_and_memory_keeps_every_detail() {
    let mut mine = realistic_history(12);
    let full = history::encode(&mine).len();
    let mut st = Fake::new(full * 2 / 3);
    let saved = vault::save_history(&mut st, &mut mine, usize::MAX);
    let vault::Saved::Compacted(n) = saved else {
        panic!("{saved:?}")
    };
    assert!(n > 0);
    assert_eq!(
        mine.full().count(),
        12,
        "memory keeps every attempt in full"
    );
    let stored = history::decode(&st.map[history::KEY]).unwrap();
    assert_eq!(stored.len(), 12, "no attempt deleted");
    assert_eq!(stored.full().count(), 12 - n);
}
