//! The stored forms, pinned byte for byte: a history (every kind of exam, every optional field, full and
//! compacted attempts), its export, exams in progress and the settings, as this app writes them, and what
//! the v1 and v2 fixtures read as. Each `.json` file under `tests/fixtures/store/golden/` must read back to
//! the value beside it (`.debug`, the `{:#?}` of what was read) and be written again byte for byte.
//!
//! The files were written by the serde-derived codec that the hand-written one replaced, so they prove
//! the two read and write the same. `cargo test --test golden -- --ignored` writes them anew (only when a
//! stored form changes on purpose; review the diff).

use std::fs;
use std::path::PathBuf;

use dva_exam::exam::score::{self, KeyInfo};
use dva_exam::exam::session::{self, Confidence, Item, Session};
use dva_exam::exam::spec::{Kind, Mode, Spec};
use dva_exam::store::history::{self, Attempt, Entry, History};
use dva_exam::store::settings::{self, Settings, Theme};
use dva_exam::store::transfer;

/// 2025-11-23T12:00:00Z.
const T0: f64 = 1_763_899_200_000.0;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store/golden")
}

fn spec(kind: Kind, mode: Mode, extra_time: bool, seed: u64) -> Spec {
    Spec {
        kind,
        mode,
        extra_time,
        seed,
    }
}

/// A finished attempt over made-up questions (key: option 0), with `tweak` applied to the session
/// before it is scored.
fn attempt(spec: Spec, start: f64, n: usize, tweak: impl FnOnce(&mut Session)) -> Attempt {
    let items = (0..n)
        .map(|i| {
            let order = if i % 2 == 0 {
                vec![0, 1, 2, 3]
            } else {
                vec![3, 1, 0, 2, 4]
            };
            Item {
                chosen: if i % 3 == 2 {
                    vec![]
                } else {
                    vec![(i % 2) as u8]
                },
                spent_ms: (i as f64 + 1.0) * 1_500.0,
                ..Item::new(format!("q-{i}"), order, 1)
            }
        })
        .collect();
    let minutes = (spec.mode == Mode::Exam).then_some(20);
    let mut s = Session::new(spec, minutes, "DVA-C03", "b4nk", items, start);
    tweak(&mut s);
    if s.finished_ms.is_none() {
        s.submit(start + 600_000.0, false);
    }
    let outcome = score::score(&s, 4, &dva_exam::study::scale(), |q| {
        let n: usize = q[2..].parse().unwrap_or(0);
        (n != 4).then(|| KeyInfo {
            domain: (n % 4 + 1) as u8,
            keys: &[0],
            options: if n.is_multiple_of(2) { 4 } else { 5 },
            sections: vec!["lambda-limits", "sqs-visibility"][..1 + n % 2].to_vec(),
            task: ((n % 4 + 1) as u8, (n % 3 + 1) as u8),
        })
    });
    Attempt {
        session: s,
        outcome,
    }
}

/// Every kind of exam and every optional field, full and compacted.
fn history() -> History {
    let mut h = History::default();
    h.add(attempt(
        spec(Kind::Full, Mode::Exam, false, 0xF00D_CAFE_1234_5678),
        T0,
        6,
        |s| {
            s.items[1].flagged = true;
            s.items[3].confidence = Some(Confidence::Unsure);
        },
    ));
    h.add(attempt(
        spec(Kind::Quick { length: 5 }, Mode::Practice, false, 7),
        T0 + 3_600_000.0,
        5,
        |s| {
            for (i, it) in s.items.iter_mut().enumerate() {
                it.checked = i < 3;
                it.confidence = [Some(Confidence::Sure), Some(Confidence::Guess), None][i % 3];
            }
            s.items[0].struck = vec![2, 3];
            s.items[1].first = Some(vec![0]);
            s.items[4].spent_ms = 1_234.5;
            s.current = 2;
        },
    ));
    h.add(attempt(
        spec(
            Kind::Domains {
                domains: vec![1, 3],
                length: 4,
            },
            Mode::Exam,
            true,
            u64::MAX,
        ),
        T0 + 7_200_000.0,
        4,
        |s| {
            s.expired = true;
            s.submit(s.deadline_ms.unwrap(), true);
        },
    ));
    h.add(attempt(
        spec(
            Kind::Section {
                anchor: "sqs-visibility".into(),
                length: 3,
            },
            Mode::Exam,
            false,
            0,
        ),
        T0 + 10_800_000.0,
        3,
        |_| {},
    ));
    h.add(attempt(
        spec(
            Kind::Tasks {
                tasks: vec!["1.1".into(), "2.2".into()],
                length: 3,
            },
            Mode::Exam,
            false,
            42,
        ),
        T0 + 14_400_000.25,
        3,
        |_| {},
    ));
    h.add(attempt(
        spec(
            Kind::Picked {
                title: "Retry: \"quoted\" \\ tab\t ünïcode ✓ </script>".into(),
                ids: vec!["q-0".into(), "q-1".into()],
            },
            Mode::Exam,
            false,
            3,
        ),
        T0 + 18_000_000.0,
        2,
        |_| {},
    ));
    // Two compacted: one as this app compacts, one as a v2 summary (no "m").
    for i in [0, 3] {
        let mut s = h.entries[i].summary();
        if i == 3 {
            s.measures = None;
        }
        h.entries[i] = Entry::Compacted(s);
    }
    h
}

/// Exams in progress: a timed mock half way through, and untimed practice.
fn sessions() -> Vec<Session> {
    let mut timed = attempt(spec(Kind::Full, Mode::Exam, true, 99), T0, 4, |_| {}).session;
    timed.finished_ms = None;
    timed.current = 3;
    timed.items[2].flagged = true;
    timed.items[0].struck = vec![1];
    timed.items[1].first = Some(vec![1]);
    let mut practice = attempt(
        spec(Kind::Quick { length: 2 }, Mode::Practice, false, 5),
        T0,
        2,
        |s| s.items[0].confidence = Some(Confidence::Sure),
    )
    .session;
    practice.finished_ms = None;
    vec![timed, practice]
}

fn v1() -> &'static str {
    include_str!("fixtures/store/history-v1.json")
}

fn v2() -> &'static str {
    include_str!("fixtures/store/history-v2.json")
}

/// Every golden file: its name and what this app writes.
fn cases() -> Vec<(String, String)> {
    let h = history();
    let mut out = vec![
        ("history".to_string(), history::encode(&h)),
        ("export".to_string(), transfer::export(&h)),
    ];
    for (i, s) in sessions().iter().enumerate() {
        out.push((format!("session-{i}"), session::encode(s)));
    }
    for theme in [Theme::System, Theme::Light, Theme::Dark] {
        let s = Settings {
            theme,
            ..Settings::default()
        };
        out.push((
            format!("settings-{theme:?}").to_lowercase(),
            settings::encode(&s),
        ));
    }
    out
}

/// What reading the stored form `json` of the golden file `name` gives (`{:#?}`), and that value written
/// again.
fn read_and_write(name: &str, json: &str) -> (String, String) {
    match name.split('-').next().unwrap() {
        "history" => {
            let h = history::decode(json).unwrap();
            (format!("{h:#?}"), history::encode(&h))
        }
        "export" => {
            let h = transfer::import(json).unwrap();
            (format!("{h:#?}"), transfer::export(&h))
        }
        "session" => {
            let s = session::decode(json).unwrap();
            (format!("{s:#?}"), session::encode(&s))
        }
        "settings" => {
            let s = settings::decode(json).unwrap();
            (format!("{s:#?}"), settings::encode(&s))
        }
        other => panic!("no reader for {other}"),
    }
}

#[test]
#[ignore = "writes the golden files anew; run only when a stored form changes on purpose"]
fn write_golden_files() {
    fs::create_dir_all(dir()).unwrap();
    for (name, json) in cases() {
        let (debug, _) = read_and_write(&name, &json);
        fs::write(dir().join(format!("{name}.json")), json).unwrap();
        fs::write(dir().join(format!("{name}.debug")), debug).unwrap();
    }
    for (name, raw) in [("v1", v1()), ("v2", v2())] {
        let h = history::decode(raw).unwrap();
        fs::write(dir().join(format!("{name}-read.debug")), format!("{h:#?}")).unwrap();
        fs::write(
            dir().join(format!("{name}-written.json")),
            history::encode(&h),
        )
        .unwrap();
    }
}

fn golden(name: &str) -> String {
    fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn this_app_writes_every_stored_form_byte_for_byte_as_pinned() {
    for (name, json) in cases() {
        assert_eq!(json, golden(&format!("{name}.json")), "{name}.json");
    }
}

#[test]
fn every_pinned_form_reads_back_to_its_value_and_is_written_again_unchanged() {
    for (name, _) in cases() {
        let json = golden(&format!("{name}.json"));
        let (debug, again) = read_and_write(&name, &json);
        assert_eq!(debug, golden(&format!("{name}.debug")), "{name}.debug");
        assert_eq!(again, json, "{name}.json written again");
    }
}

/// v4 stored each question as an object; v5 as a list. A v4 history and a v4 export (this file's
/// history and export as v4 wrote them) read to exactly what the v5 ones read to.
#[test]
fn the_v4_history_and_export_read_as_the_current_ones() {
    let v4 = include_str!("fixtures/store/history-v4.json");
    assert!(v4.starts_with(r#"{"version":4,"#) && v4.contains(r#"{"i":"#));
    let current = history::decode(&golden("history.json")).unwrap();
    let read = history::decode(v4).unwrap();
    assert_eq!(read, current);
    assert_eq!(history::encode(&read), golden("history.json"));
    let export = include_str!("fixtures/store/export-v4.json");
    assert!(export.contains(r#""history":{"version":4,"#));
    assert_eq!(transfer::import(export).unwrap(), current);
}

#[test]
fn the_v1_and_v2_fixtures_read_as_pinned_and_are_written_as_the_current_version_as_pinned() {
    for (name, raw) in [("v1", v1()), ("v2", v2())] {
        let h = history::decode(raw).unwrap();
        assert_eq!(format!("{h:#?}"), golden(&format!("{name}-read.debug")));
        assert_eq!(history::encode(&h), golden(&format!("{name}-written.json")));
    }
}
