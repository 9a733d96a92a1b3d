//! The exam engine's behaviour: drawing exams from fixture banks, running sessions, scoring them, and a
//! randomized property test of the session's invariants (driven by the engine's own seeded `Rng`).

use std::collections::HashSet;

use dva_exam::exam::blueprint::Blueprint;
use dva_exam::exam::rng::Rng;
use dva_exam::exam::score::{self, Competency, KeyInfo, Scale};
use dva_exam::exam::select::{Picked, QInfo, SectionTree, Shortfall, select};
use dva_exam::exam::session::{self, Chose, Item, Session};
use dva_exam::exam::spec::{Kind, Mode, Spec};

// ---------------------------------------------------------------- fixtures

/// DVA-C03's blueprint: 30/26/22/22, 65 questions in 130 minutes, 30 extra.
fn c03() -> Blueprint {
    Blueprint {
        weights: vec![30, 26, 22, 22],
        full_length: 65,
        full_minutes: 130,
        extra_minutes: 30,
    }
}

/// DVA-C03's scaled scores: 100-1000, 720 to pass.
const C03_SCALE: Scale = Scale {
    min: 100,
    pass: 720,
    max: 1000,
};

/// A made-up exam with three domains, so the engine cannot assume four.
fn three_domains() -> Blueprint {
    Blueprint {
        weights: vec![50, 30, 20],
        full_length: 40,
        full_minutes: 90,
        extra_minutes: 20,
    }
}

/// Note sections of the fixtures: "s3" has a child with a grandchild; "lambda" stands alone.
const ANCHORS: [&str; 4] = ["s3", "s3-versioning", "s3-versioning-mfa", "lambda"];
const PARENTS: [Option<u16>; 4] = [None, Some(0), Some(1), None];

fn tree() -> SectionTree<'static> {
    SectionTree {
        parents: &PARENTS,
        anchors: &ANCHORS,
    }
}

/// A bank with `per_domain[d]` questions in domain d+1, ids "d<domain>-<n>", 4 or 5 options, and each
/// question linked to one section in turn.
struct Bank {
    ids: Vec<String>,
    domains: Vec<u8>,
    sections: Vec<Vec<u16>>,
}

impl Bank {
    fn new<const N: usize>(per_domain: [usize; N]) -> Bank {
        let mut bank = Bank {
            ids: vec![],
            domains: vec![],
            sections: vec![],
        };
        for (d, &n) in per_domain.iter().enumerate() {
            for i in 0..n {
                bank.push(&format!("d{}-{i}", d + 1), d as u8 + 1, &[(i % 4) as u16]);
            }
        }
        bank
    }

    fn push(&mut self, id: &str, domain: u8, sections: &[u16]) {
        self.ids.push(id.to_string());
        self.domains.push(domain);
        self.sections.push(sections.to_vec());
    }

    fn infos(&self) -> Vec<QInfo<'_>> {
        (0..self.ids.len())
            .map(|i| QInfo {
                id: &self.ids[i],
                domain: self.domains[i],
                task: format!("{}.1", self.domains[i]),
                sections: &self.sections[i],
                choices: 4 + i % 2,
            })
            .collect()
    }
}

fn spec(kind: Kind, seed: u64) -> Spec {
    Spec {
        kind,
        mode: Mode::Exam,
        extra_time: false,
        seed,
    }
}

fn quick(length: usize, seed: u64) -> Spec {
    spec(Kind::Quick { length }, seed)
}

fn draw(spec: &Spec, bank: &[QInfo]) -> Result<Vec<Picked>, Shortfall> {
    select(spec, &c03(), bank, &tree(), &HashSet::new())
}

fn per_domain(picked: &[Picked], bank: &[QInfo]) -> Vec<usize> {
    let domains = bank
        .iter()
        .map(|q| usize::from(q.domain))
        .max()
        .unwrap_or(0);
    let mut counts = vec![0; domains];
    for p in picked {
        counts[usize::from(bank[p.index].domain - 1)] += 1;
    }
    counts
}

// ---------------------------------------------------------------- select

#[test]
fn every_length_gets_the_blueprint_counts_per_domain() {
    let bank = Bank::new([80; 4]);
    let infos = bank.infos();
    for length in 1..=200 {
        let picked = draw(&quick(length, length as u64), &infos).unwrap();
        assert_eq!(picked.len(), length);
        assert_eq!(
            per_domain(&picked, &infos),
            c03().counts(length),
            "length {length}"
        );
    }
    let full = draw(&spec(Kind::Full, 9), &infos).unwrap();
    assert_eq!(per_domain(&full, &infos), [20, 17, 14, 14]);
}

#[test]
fn a_three_domain_exam_draws_three_domains() {
    let bank = Bank::new([30, 30, 30]);
    let infos = bank.infos();
    let bp = three_domains();
    let full = select(&spec(Kind::Full, 3), &bp, &infos, &tree(), &HashSet::new()).unwrap();
    assert_eq!(per_domain(&full, &infos), [20, 12, 8]);
    let drill = Kind::Domains {
        domains: vec![3, 4],
        length: 10,
    };
    let picked = select(&spec(drill, 4), &bp, &infos, &tree(), &HashSet::new()).unwrap();
    assert_eq!(
        per_domain(&picked, &infos),
        [0, 0, 10],
        "domain 4 does not exist here"
    );
    let short = select(
        &spec(Kind::Quick { length: 80 }, 1),
        &bp,
        &infos,
        &tree(),
        &HashSet::new(),
    )
    .unwrap_err();
    assert_eq!(short.need, [40, 24, 16]);
    assert_eq!(
        short.to_string(),
        "Domain 1 needs 40 questions but the bank has 30"
    );
}

#[test]
fn a_domain_drill_draws_only_its_domains_by_their_weights() {
    let bank = Bank::new([30; 4]);
    let infos = bank.infos();
    let kind = Kind::Domains {
        domains: vec![1, 3],
        length: 20,
    };
    let picked = draw(&spec(kind, 5), &infos).unwrap();
    assert_eq!(per_domain(&picked, &infos), [12, 0, 8, 0]);
}

#[test]
fn the_same_seed_gives_the_same_exam_and_another_seed_another() {
    let bank = Bank::new([40; 4]);
    let infos = bank.infos();
    let a = draw(&quick(30, 77), &infos).unwrap();
    assert_eq!(a, draw(&quick(30, 77), &infos).unwrap());
    assert_ne!(a, draw(&quick(30, 78), &infos).unwrap());
    let ids = |p: &[Picked]| p.iter().map(|p| infos[p.index].id).collect::<Vec<_>>();
    assert_ne!(ids(&a), ids(&draw(&quick(30, 78), &infos).unwrap()));
}

#[test]
fn no_question_twice_and_every_option_order_is_a_permutation() {
    let bank = Bank::new([25, 20, 18, 14]);
    let infos = bank.infos();
    for seed in 0..200 {
        let picked = draw(&spec(Kind::Full, seed), &infos).unwrap();
        let distinct: HashSet<usize> = picked.iter().map(|p| p.index).collect();
        assert_eq!(distinct.len(), 65, "seed {seed}");
        for p in &picked {
            let mut order = p.order.clone();
            order.sort_unstable();
            assert_eq!(order, (0..infos[p.index].choices as u8).collect::<Vec<_>>());
        }
    }
}

#[test]
fn domains_are_interleaved_and_options_shuffled() {
    let bank = Bank::new([80; 4]);
    let infos = bank.infos();
    let picked = draw(&spec(Kind::Full, 3), &infos).unwrap();
    let domains: Vec<u8> = picked.iter().map(|p| infos[p.index].domain).collect();
    let mut sorted = domains.clone();
    sorted.sort_unstable();
    assert_ne!(domains, sorted, "questions are not grouped by domain");
    assert!(
        picked
            .iter()
            .any(|p| p.order.windows(2).any(|w| w[0] > w[1]))
    );
}

#[test]
fn recent_questions_are_avoided_while_the_bank_allows_and_used_when_it_must() {
    // Quick 10 needs [3, 3, 2, 2]; domain 1 has 5 questions.
    let bank = Bank::new([5, 3, 2, 2]);
    let infos = bank.infos();
    for seed in 0..50 {
        let two: HashSet<&str> = ["d1-0", "d1-1"].into();
        let picked = select(&quick(10, seed), &c03(), &infos, &tree(), &two).unwrap();
        assert!(
            picked.iter().all(|p| !two.contains(infos[p.index].id)),
            "seed {seed}"
        );

        let four: HashSet<&str> = ["d1-0", "d1-1", "d1-2", "d1-3"].into();
        let picked = select(&quick(10, seed), &c03(), &infos, &tree(), &four).unwrap();
        let ids: Vec<&str> = picked.iter().map(|p| infos[p.index].id).collect();
        assert!(
            ids.contains(&"d1-4"),
            "the only fresh domain-1 question is used"
        );
        assert_eq!(ids.iter().filter(|id| four.contains(*id)).count(), 2);
        assert_eq!(per_domain(&picked, &infos), [3, 3, 2, 2]);
    }
}

#[test]
fn too_small_a_bank_is_a_shortfall_with_exact_numbers_and_text() {
    let bank = Bank::new([20, 12, 15, 3]);
    let err = draw(&spec(Kind::Full, 1), &bank.infos()).unwrap_err();
    assert_eq!(err.need, [20, 17, 14, 14]);
    assert_eq!(err.have, [20, 12, 15, 3]);
    assert_eq!(
        err.to_string(),
        "Domain 2 needs 17 questions but the bank has 12; Domain 4 needs 14 questions but the bank has 3"
    );
}

#[test]
fn a_section_drill_takes_the_section_and_its_subsections_from_any_domain() {
    let mut bank = Bank::new([0; 4]);
    bank.push("top", 1, &[0]);
    bank.push("child", 2, &[1]);
    bank.push("grandchild", 4, &[2]);
    bank.push("also-lambda", 3, &[3, 2]);
    bank.push("lambda-only", 3, &[3]);
    let infos = bank.infos();
    let section = |anchor: &str, length| {
        spec(
            Kind::Section {
                anchor: anchor.into(),
                length,
            },
            4,
        )
    };

    let picked = draw(&section("s3", 4), &infos).unwrap();
    let mut ids: Vec<&str> = picked.iter().map(|p| infos[p.index].id).collect();
    ids.sort_unstable();
    assert_eq!(ids, ["also-lambda", "child", "grandchild", "top"]);

    let picked = draw(&section("s3-versioning", 2), &infos).unwrap();
    let ids: HashSet<&str> = picked.iter().map(|p| infos[p.index].id).collect();
    assert!(
        ids.iter()
            .all(|id| ["child", "grandchild", "also-lambda"].contains(id))
    );
    assert_eq!(ids.len(), 2);

    let err = draw(&section("s3-versioning", 10), &infos).unwrap_err();
    assert_eq!(err.have, [0, 1, 1, 1]);
    assert_eq!(err.asked, Some(10));
    assert_eq!(
        err.to_string(),
        "This section has 3 questions; 10 were asked for"
    );

    let err = draw(&section("no-such-anchor", 1), &infos).unwrap_err();
    assert_eq!(
        err.to_string(),
        "This section has 0 questions; 1 was asked for"
    );
}

#[test]
fn a_picked_exam_takes_exactly_its_questions_still_in_the_bank() {
    let bank = Bank::new([3, 3, 3, 3]);
    let infos = bank.infos();
    let ids = ["d2-1", "d1-0", "retired-one", "d2-1", "d4-2"]
        .map(String::from)
        .to_vec();
    let s = spec(
        Kind::Picked {
            title: "Retry incorrect".into(),
            ids,
        },
        9,
    );
    assert_eq!(s.title(), "Retry incorrect");
    let picked = draw(&s, &infos).unwrap();
    let mut got: Vec<&str> = picked.iter().map(|p| infos[p.index].id).collect();
    got.sort_unstable();
    assert_eq!(
        got,
        ["d1-0", "d2-1", "d4-2"],
        "retired and repeated ids are skipped"
    );
    let none = spec(
        Kind::Picked {
            title: "Due".into(),
            ids: vec!["gone".into()],
        },
        9,
    );
    assert!(draw(&none, &infos).is_err());
}

#[test]
fn a_section_drill_prefers_questions_not_seen_recently() {
    let bank = Bank::new([8; 4]); // 8 questions link section 3 ("lambda"): index 3 and 7 of each domain
    let infos = bank.infos();
    let recent: HashSet<&str> = ["d1-3", "d2-3", "d3-3"].into();
    let kind = Kind::Section {
        anchor: "lambda".into(),
        length: 5,
    };
    for seed in 0..30 {
        let picked = select(&spec(kind.clone(), seed), &c03(), &infos, &tree(), &recent).unwrap();
        assert!(picked.iter().all(|p| !recent.contains(infos[p.index].id)));
    }
}

// ---------------------------------------------------------------- session

/// An item whose display order reverses the options, so display and original indices differ.
fn item(id: &str, keys: u8, options: u8) -> Item {
    Item::new(id, (0..options).rev().collect(), keys)
}

fn session(mode: Mode, items: Vec<Item>, now: f64) -> Session {
    let kind = Kind::Quick {
        length: items.len(),
    };
    let minutes = items.len() as u32;
    Session::new(
        Spec {
            kind,
            mode,
            extra_time: false,
            seed: 0xbeef,
        },
        (mode == Mode::Exam).then_some(2 * minutes),
        "DVA-C03",
        "b1",
        items,
        now,
    )
}

fn three(mode: Mode) -> Session {
    session(
        mode,
        vec![item("a", 1, 4), item("b", 2, 5), item("c", 3, 6)],
        1_000.0,
    )
}

#[test]
fn a_new_session_starts_on_the_first_question_with_a_deadline() {
    let s = three(Mode::Exam);
    assert_eq!(s.version, 1);
    assert_eq!(s.id, "3e8-beef");
    assert_eq!(s.bank_version, "b1");
    assert_eq!(
        (s.current, s.started_ms, s.entered_ms),
        (0, 1_000.0, 1_000.0)
    );
    assert_eq!(s.deadline_ms, Some(1_000.0 + 6.0 * 60_000.0));
    assert!(!s.is_finished() && !s.expired);
    assert_eq!(s.counts(), (0, 3, 0));
}

#[test]
fn a_single_response_question_is_a_radio() {
    let mut s = three(Mode::Exam);
    assert_eq!(s.choose(0, 2_000.0), Chose::Selected);
    assert_eq!(s.items[0].chosen, [3], "display 0 is original option 3");
    assert_eq!(s.choose(2, 2_000.0), Chose::Selected);
    assert_eq!(s.items[0].chosen, [1]);
    assert_eq!(s.choose(2, 2_000.0), Chose::Selected);
    assert_eq!(s.items[0].chosen, [1], "clicking the chosen radio keeps it");
    assert!(s.answered(0));
    assert_eq!(s.choose(4, 2_000.0), Chose::Locked, "no such option");
    assert_eq!(s.items[0].chosen, [1]);
}

#[test]
fn a_multi_response_question_toggles_up_to_its_keys() {
    let mut s = three(Mode::Exam);
    s.next(2_000.0);
    assert_eq!(s.choose(0, 2_000.0), Chose::Selected);
    assert!(!s.answered(1));
    assert_eq!(s.choose(1, 2_000.0), Chose::Selected);
    assert!(s.answered(1));
    let before = s.clone();
    assert_eq!(s.choose(2, 2_000.0), Chose::CapReached);
    assert_eq!(s, before, "nothing changed at the cap");
    assert_eq!(s.choose(0, 2_000.0), Chose::Deselected);
    assert_eq!(s.items[1].chosen, [3]);
    assert_eq!(s.choose(2, 2_000.0), Chose::Selected);
    assert_eq!(
        s.items[1].chosen,
        [3, 2],
        "original indices in the order chosen"
    );
    assert_eq!(s.counts(), (1, 2, 0));
}

#[test]
fn flags_toggle_and_are_counted() {
    let mut s = three(Mode::Exam);
    s.toggle_flag();
    s.go_to(2, 1_000.0);
    s.toggle_flag();
    assert_eq!(s.counts(), (0, 3, 2));
    s.toggle_flag();
    assert!(s.items[0].flagged && !s.items[2].flagged);
}

#[test]
fn the_same_exam_from_another_tab_is_taken_in_keeping_the_question_on_screen() {
    // Tab one answers the first question; tab two opened the same stored exam, flags and answers the
    // third. Tab one takes tab two's copy in: both answers and the flag, its own place and running count.
    let mut one = three(Mode::Exam);
    one.choose(0, 2_000.0);
    one.go_to(1, 3_000.0);
    let mut two = one.clone();
    two.go_to(2, 4_000.0);
    two.toggle_flag();
    for option in 0..3 {
        two.choose(option, 5_000.0);
    }
    assert!(one.adopt(two.clone()));
    assert_eq!((one.current, one.entered_ms), (1, 3_000.0));
    assert_eq!(one.items, two.items);
    assert_eq!(one.counts(), (2, 1, 1));
    // Its next answer keeps what the other tab gave.
    one.choose(0, 6_000.0);
    one.choose(1, 6_000.0);
    assert_eq!(one.counts(), (3, 0, 1));

    // Nothing is taken from another exam, from a finished copy, or once finished here.
    let other = session(Mode::Exam, vec![item("x", 1, 4)], 7_000.0);
    assert!(!one.adopt(other));
    let mut submitted = one.clone();
    submitted.submit(8_000.0, false);
    let before = one.clone();
    assert!(!one.adopt(submitted));
    assert_eq!(one, before);
    one.submit(9_000.0, false);
    assert!(!one.adopt(two));
}

#[test]
fn navigation_clamps_to_the_questions() {
    let mut s = three(Mode::Exam);
    s.previous(1_000.0);
    assert_eq!(s.current, 0);
    s.go_to(99, 1_000.0);
    assert_eq!(s.current, 2);
    s.next(1_000.0);
    assert_eq!(s.current, 2);
    s.previous(1_000.0);
    assert_eq!(s.current, 1);
    assert!(!s.answered(99));
}

#[test]
fn time_is_charged_to_the_open_question_on_navigation_and_submit() {
    let mut s = three(Mode::Exam);
    s.go_to(1, 6_000.0);
    s.go_to(0, 7_000.0);
    s.next(9_500.0);
    s.submit(10_000.0, false);
    let spent: Vec<f64> = s.items.iter().map(|i| i.spent_ms).collect();
    assert_eq!(spent, [7_500.0, 1_500.0, 0.0]);
    assert_eq!(s.finished_ms, Some(10_000.0));
    assert!(!s.expired);
}

#[test]
fn a_clock_that_goes_backwards_charges_nothing() {
    let mut s = three(Mode::Practice);
    s.go_to(1, 500.0);
    assert_eq!(s.items[0].spent_ms, 0.0);
    s.go_to(2, 1_500.0);
    assert_eq!(s.items[1].spent_ms, 500.0);
}

#[test]
fn the_clock_counts_down_to_the_deadline_and_stops_there() {
    let mut s = three(Mode::Exam);
    let deadline = s.deadline_ms.unwrap();
    assert_eq!(s.remaining_ms(1_000.0), Some(360_000.0));
    assert_eq!(
        s.allotted_ms(),
        Some(360_000.0),
        "three questions: six minutes in all"
    );
    assert_eq!(s.remaining_ms(deadline - 1.0), Some(1.0));
    assert_eq!(s.remaining_ms(deadline + 5_000.0), Some(0.0));
    assert!(!s.is_expired(deadline - 1.0));
    assert!(s.is_expired(deadline) && s.is_expired(deadline + 1.0));
    assert_eq!(s.choose(0, deadline), Chose::Locked);
    // The tab slept through the deadline: the late time is not charged and the clock ended the exam.
    s.submit(deadline + 60_000.0, false);
    assert_eq!(s.finished_ms, Some(deadline));
    assert_eq!(s.items[0].spent_ms, deadline - 1_000.0);
    assert!(s.expired);
    assert_eq!(s.remaining_ms(deadline + 90_000.0), Some(0.0));
}

#[test]
fn the_remaining_time_freezes_at_submit() {
    let mut s = three(Mode::Exam);
    s.submit(61_000.0, false);
    assert_eq!(s.remaining_ms(200_000.0), Some(300_000.0));
}

#[test]
fn practice_mode_is_untimed() {
    let s = three(Mode::Practice);
    assert_eq!(s.deadline_ms, None);
    assert_eq!(s.remaining_ms(1e15), None);
    assert_eq!(s.allotted_ms(), None);
    assert!(!s.is_expired(1e15));
}

#[test]
fn submit_is_idempotent_and_locks_everything() {
    let mut s = three(Mode::Exam);
    s.choose(1, 2_000.0);
    s.submit(5_000.0, true);
    assert!(s.is_finished() && s.expired);
    let done = s.clone();
    s.submit(9_000.0, false);
    assert_eq!(s, done);
    assert_eq!(s.choose(0, 9_000.0), Chose::Locked);
    s.toggle_flag();
    s.next(9_000.0);
    s.go_to(2, 9_000.0);
    s.check();
    assert_eq!(s, done);
}

#[test]
fn practice_check_reveals_and_locks_an_answered_question_only() {
    let mut s = three(Mode::Practice);
    s.check();
    assert!(
        !s.items[0].checked,
        "an unanswered question cannot be checked"
    );
    s.choose(0, 2_000.0);
    s.check();
    assert!(s.items[0].checked);
    assert_eq!(s.choose(1, 2_000.0), Chose::Locked);
    assert_eq!(s.items[0].chosen, [3]);

    let mut exam = three(Mode::Exam);
    exam.choose(0, 2_000.0);
    exam.check();
    assert!(!exam.items[0].checked, "exam mode gives no feedback");
}

#[test]
fn a_session_survives_encode_and_decode() {
    let mut s = three(Mode::Exam);
    s.choose(0, 1_234.5);
    s.next(2_000.25);
    s.choose(3, 2_100.0);
    s.toggle_flag();
    assert_eq!(session::decode(&session::encode(&s)), Ok(s.clone()));
    s.submit(3_000.0, false);
    assert_eq!(session::decode(&session::encode(&s)), Ok(s));
}

#[test]
fn decode_rejects_garbage_other_versions_and_inconsistent_data() {
    let err = |raw: &str| session::decode(raw).unwrap_err();
    assert!(err("not json").starts_with("The saved exam is not valid JSON"));
    assert_eq!(
        err(r#"{"items": []}"#),
        "The saved exam has no version number"
    );

    let good: serde_json::Value =
        serde_json::from_str(&session::encode(&three(Mode::Exam))).unwrap();
    let with = |path: &[&str], v: serde_json::Value| {
        let mut j = good.clone();
        let mut at = &mut j;
        for p in path {
            at = match p.parse::<usize>() {
                Ok(i) => &mut at[i],
                Err(_) => &mut at[*p],
            };
        }
        *at = v;
        session::decode(&j.to_string()).unwrap_err()
    };
    assert_eq!(
        with(&["version"], 2.into()),
        "The saved exam has version 2; this app reads version 1"
    );
    assert!(with(&["items"], "x".into()).starts_with("The saved exam has an unexpected shape"));
    assert_eq!(
        with(&["current"], 3.into()),
        "The saved exam is inconsistent: current question 3 of 3"
    );
    let bad_choice = "The saved exam is inconsistent: question a: invalid choices";
    assert_eq!(
        with(&["items", "0", "chosen"], serde_json::json!([9])),
        bad_choice
    );
    assert_eq!(
        with(&["items", "0", "chosen"], serde_json::json!([1, 2])),
        bad_choice
    );
    assert_eq!(
        with(&["items", "1", "chosen"], serde_json::json!([1, 1])),
        bad_choice.replace("a:", "b:")
    );
    assert_eq!(
        with(&["items", "0", "order"], serde_json::json!([0, 0, 1, 2])),
        "The saved exam is inconsistent: question a: options are not a permutation"
    );
    assert_eq!(
        with(&["items", "0", "order"], serde_json::json!([0, 1, 2, 4])),
        "The saved exam is inconsistent: question a: options are not a permutation"
    );
}

#[test]
fn an_option_order_is_valid_only_as_a_permutation() {
    use dva_exam::exam::score::is_permutation;
    assert!(is_permutation(&[]));
    assert!(is_permutation(&[0]));
    assert!(is_permutation(&[2, 0, 3, 1]));
    assert!(!is_permutation(&[1]));
    assert!(!is_permutation(&[0, 0, 1]));
    assert!(!is_permutation(&[0, 1, 3]));
}

// ---------------------------------------------------------------- score

/// Keys of the fixture questions: "q<n>" in domain n % 4 + 1, key option 0 (and 1 for even n), linked to
/// section "sec-<n % 3>"; anything else is retired.
fn keys_of(id: &str) -> Option<KeyInfo<'static>> {
    const SINGLE: &[u8] = &[0];
    const DOUBLE: &[u8] = &[0, 1];
    const SECTIONS: [&str; 3] = ["sec-0", "sec-1", "sec-2"];
    let n: usize = id.strip_prefix('q')?.parse().ok()?;
    Some(KeyInfo {
        domain: (n % 4) as u8 + 1,
        keys: if n.is_multiple_of(2) { DOUBLE } else { SINGLE },
        options: 5,
        sections: vec![SECTIONS[n % 3]],
        task: ((n % 4) as u8 + 1, (n % 2) as u8 + 1),
    })
}

/// A finished session of `n` fixture questions of which those in `right` are answered correctly.
fn answered(n: usize, right: impl Fn(usize) -> bool) -> Session {
    let items = (0..n)
        .map(|i| {
            let keys = keys_of(&format!("q{i}")).unwrap().keys;
            let mut it = item(&format!("q{i}"), keys.len() as u8, 5);
            it.chosen = if right(i) { keys.to_vec() } else { vec![4] };
            it
        })
        .collect();
    let mut s = session(Mode::Exam, items, 0.0);
    s.submit(90_000.0, false);
    s
}

#[test]
fn the_scaled_score_runs_from_100_to_1000_with_the_pass_at_72_percent() {
    let none = score::score(&answered(25, |_| false), 4, &C03_SCALE, keys_of);
    assert_eq!((none.correct, none.scaled, none.passed), (0, 100, false));
    let all = score::score(&answered(25, |_| true), 4, &C03_SCALE, keys_of);
    assert_eq!((all.correct, all.scaled, all.passed), (25, 1000, true));
    let bar = score::score(&answered(25, |i| i < 18), 4, &C03_SCALE, keys_of);
    assert_eq!(
        (bar.correct, bar.scaled, bar.passed),
        (18, C03_SCALE.pass, true)
    );
    let below = score::score(&answered(25, |i| i < 17), 4, &C03_SCALE, keys_of);
    assert_eq!(
        (below.correct, below.scaled, below.passed),
        (17, 686, false)
    );
    assert_eq!(score::scaled(46, 65, &C03_SCALE), 709);
    assert_eq!(score::scaled(47, 65, &C03_SCALE), 723);
    assert!(!score::score(&answered(0, |_| true), 4, &C03_SCALE, keys_of).passed);
}

#[test]
fn only_the_exact_key_set_is_correct() {
    let mut it = item("q0", 2, 5);
    assert!(!score::is_correct(&it, &[0, 1]), "unanswered is wrong");
    it.chosen = vec![0];
    assert!(
        !score::is_correct(&it, &[0, 1]),
        "partial multi-response is wrong"
    );
    it.chosen = vec![1, 0];
    assert!(score::is_correct(&it, &[0, 1]), "order does not matter");
    it.chosen = vec![1, 2];
    assert!(!score::is_correct(&it, &[0, 1]));
    it.chosen = vec![0, 1, 2];
    assert!(!score::is_correct(&it, &[0, 1]));
}

#[test]
fn unanswered_and_partial_answers_score_as_wrong() {
    let mut s = answered(4, |_| true);
    s.items[0].chosen = vec![0]; // q0 needs 0 and 1
    s.items[1].chosen.clear();
    let out = score::score(&s, 4, &C03_SCALE, keys_of);
    assert_eq!((out.correct, out.total), (2, 4));
}

#[test]
fn domains_always_have_four_rows_with_their_verdicts() {
    // q0..q5: domains 1,2,3,4,1,2. Right: q0, q1, q4. Domain 1 2/2, domain 2 1/2, domain 3 0/1, domain 4 0/1.
    let out = score::score(
        &answered(6, |i| [0, 1, 4].contains(&i)),
        4,
        &C03_SCALE,
        keys_of,
    );
    let rows: Vec<(u8, usize, usize, Competency)> = out
        .domains
        .iter()
        .map(|d| (d.domain, d.correct, d.total, d.competency(&C03_SCALE)))
        .collect();
    use Competency::{Meets, NeedsImprovement as Needs};
    assert_eq!(
        rows,
        [
            (1, 2, 2, Meets),
            (2, 1, 2, Needs),
            (3, 0, 1, Needs),
            (4, 0, 1, Needs)
        ]
    );

    let one = score::score(&answered(1, |_| true), 4, &C03_SCALE, keys_of);
    assert_eq!(one.domains.len(), 4);
    assert_eq!(
        (one.domains[3].total, one.domains[3].competency(&C03_SCALE)),
        (0, Meets)
    );
}

#[test]
fn sections_are_tallied_most_missed_first() {
    // Sections: q0,q3 -> sec-0; q1,q4 -> sec-1; q2,q5 -> sec-2. Wrong: q1, q4, q2.
    let out = score::score(
        &answered(6, |i| [0, 3, 5].contains(&i)),
        4,
        &C03_SCALE,
        keys_of,
    );
    let tallies: Vec<(&str, usize, usize)> = out
        .sections
        .iter()
        .map(|t| (t.section.as_str(), t.missed, t.total))
        .collect();
    assert_eq!(tallies, [("sec-1", 2, 2), ("sec-2", 1, 2), ("sec-0", 0, 2)]);
}

#[test]
fn a_question_skipped_in_practice_is_wrong_but_no_section_to_study() {
    // q0 right, q1 wrong, q2 skipped: sections sec-0, sec-1, sec-2.
    let mut s = answered(3, |i| i == 0);
    s.items[2].chosen.clear();
    let tallies = |s: &Session| {
        let out = score::score(s, 4, &C03_SCALE, keys_of);
        let t: Vec<(String, usize, usize)> = out
            .sections
            .iter()
            .map(|t| (t.section.clone(), t.missed, t.total))
            .collect();
        (out.correct, out.total, t)
    };
    // Timed: an unanswered question is a miss like any other.
    let timed = tallies(&s);
    assert_eq!((timed.0, timed.1), (1, 3));
    assert_eq!(timed.2.iter().map(|t| t.1).sum::<usize>(), 2);
    s.spec.mode = Mode::Practice;
    let practice = tallies(&s);
    assert_eq!((practice.0, practice.1), (1, 3), "still wrong in the score");
    let sec = |n: usize| format!("sec-{n}");
    assert_eq!(practice.2, [(sec(1), 1, 1), (sec(0), 0, 1)]);
    // One of its two choices ticked and left so: skipped too, as the end dialog and the review count it
    // (the results said "Of the 3 you answered" while the dialog said 1 unanswered).
    s.items[2].chosen = vec![0];
    assert!(s.skipped(&s.items[2]) && !s.skipped(&s.items[1]));
    assert_eq!(tallies(&s), practice);
}

#[test]
fn a_retired_question_is_wrong_and_in_no_domain_or_section() {
    let mut s = answered(4, |_| true);
    s.items[3].id = "retired-7".to_string();
    let out = score::score(&s, 4, &C03_SCALE, keys_of);
    assert_eq!((out.correct, out.total), (3, 4));
    assert_eq!(out.domains.iter().map(|d| d.total).sum::<usize>(), 3);
    assert_eq!(out.domains[3].total, 0);
    assert_eq!(out.sections.iter().map(|t| t.total).sum::<usize>(), 3);
}

#[test]
fn used_time_runs_from_start_to_finish_or_the_last_moment_recorded() {
    assert_eq!(
        score::score(&answered(3, |_| true), 4, &C03_SCALE, keys_of).used_ms,
        90_000.0
    );
    let mut s = three(Mode::Practice);
    s.next(4_000.0);
    assert_eq!(score::score(&s, 4, &C03_SCALE, keys_of).used_ms, 3_000.0);
    // A timed exam never takes longer than its time, even when its last question was entered after the
    // deadline (a clock set back, an edited store): 6 minutes from 1 s, the deadline at 361 s.
    let mut late = three(Mode::Exam);
    late.entered_ms = 400_000.0;
    late.submit(500_000.0, true);
    assert_eq!(late.used_ms(), 360_000.0);
}

// ---------------------------------------------------------------- property test

/// A random session: 1-12 questions with 4-6 options and 1-3 keys, in exam or practice mode.
fn random_session(rng: &mut Rng, now: f64) -> Session {
    let n = 1 + rng.below(12);
    let items = (0..n)
        .map(|i| {
            let options = 4 + rng.below(3) as u8;
            let keys = if options == 4 {
                1
            } else {
                1 + rng.below(3) as u8
            };
            let mut it = item(&format!("q{i}"), keys, options);
            rng.shuffle(&mut it.order);
            it
        })
        .collect();
    let mode = if rng.below(2) == 0 {
        Mode::Exam
    } else {
        Mode::Practice
    };
    session(mode, items, now)
}

/// Everything that must hold after any sequence of transitions.
fn assert_invariants(s: &Session, now: f64, context: &str) {
    assert!(s.current < s.items.len(), "{context}: current");
    for it in &s.items {
        assert!(
            it.chosen.len() <= usize::from(it.keys),
            "{context}: over the cap"
        );
        let distinct: HashSet<u8> = it.chosen.iter().copied().collect();
        assert_eq!(
            distinct.len(),
            it.chosen.len(),
            "{context}: repeated choice"
        );
        assert!(
            it.chosen.iter().all(|&c| usize::from(c) < it.order.len()),
            "{context}"
        );
        assert!(it.spent_ms >= 0.0, "{context}: negative time");
    }
    let (answered, unanswered, flagged) = s.counts();
    assert_eq!(answered + unanswered, s.items.len(), "{context}: counts");
    assert_eq!(
        answered,
        (0..s.items.len()).filter(|&i| s.answered(i)).count()
    );
    assert_eq!(flagged, s.items.iter().filter(|it| it.flagged).count());
    let spent: f64 = s.items.iter().map(|it| it.spent_ms).sum();
    assert!(
        spent <= now - s.started_ms + 1e-6,
        "{context}: {spent} ms spent"
    );
    assert!(
        s.remaining_ms(now).is_none_or(|r| r >= 0.0),
        "{context}: remaining"
    );
}

#[test]
fn random_operations_keep_every_invariant() {
    for seed in 0..500u64 {
        let mut rng = Rng::new(seed);
        let mut now = 1.7e12 + rng.below(1_000_000) as f64;
        let mut s = random_session(&mut rng, now);
        let mut finished: Option<Session> = None;
        let mut checked: Vec<Option<Vec<u8>>> = vec![None; s.items.len()];
        for step in 0..200 {
            now += rng.below(30_000) as f64;
            let op = rng.below(200); // submit (199) is rare, so most sequences run long
            let arg = rng.below(s.items.len() + 3);
            let context = format!("seed {seed} step {step} op {op}({arg})");
            match op {
                0..=79 => {
                    let chose = s.choose(rng.below(8), now);
                    if finished.is_some() || s.items[s.current].checked {
                        assert_eq!(chose, Chose::Locked, "{context}");
                    }
                }
                80..=95 => s.toggle_flag(),
                96..=125 => s.go_to(arg, now),
                126..=145 => s.next(now),
                146..=165 => s.previous(now),
                166..=198 => s.check(),
                _ => s.submit(now, arg == 0),
            }
            assert_invariants(&s, now, &context);
            if let Some(done) = &finished {
                assert_eq!(&s, done, "{context}: changed after submit");
            } else if s.is_finished() {
                finished = Some(s.clone());
            }
            for (lock, it) in checked.iter_mut().zip(&s.items) {
                if let Some(chosen) = lock {
                    assert_eq!(&it.chosen, chosen, "{context}: a checked answer changed");
                } else if it.checked {
                    *lock = Some(it.chosen.clone());
                }
            }
        }
        assert_eq!(session::decode(&session::encode(&s)), Ok(s), "seed {seed}");
    }
}

#[test]
fn a_practice_session_resumed_the_next_day_reports_the_time_spent_on_questions() {
    let day = 86_400_000.0;
    let mut s = session(
        Mode::Practice,
        vec![item("q0", 1, 4), item("q1", 1, 4)],
        0.0,
    );
    s.choose(0, 60_000.0);
    s.go_to(1, 90_000.0); // 90 s on the first question
    // The tab closes; the learner comes back a day later and spends 30 s on the second question.
    let back = 90_000.0 + day;
    s.resume(back);
    s.choose(0, back + 30_000.0);
    s.submit(back + 30_000.0, false);
    assert_eq!(s.used_ms(), 120_000.0, "90 s + 30 s, not a day");
    // A timed exam keeps its real clock: the time away counts in the total, but not on the question
    // left open.
    let mut e = session(Mode::Exam, vec![item("q0", 1, 4)], 0.0);
    e.resume(60_000.0);
    e.submit(60_000.0, false);
    assert_eq!(e.used_ms(), 60_000.0);
    assert_eq!(e.items[0].spent_ms, 0.0);
}

#[test]
fn time_in_the_notes_during_an_exam_is_charged_to_no_question() {
    let mut e = session(Mode::Exam, vec![item("q0", 1, 4), item("q1", 1, 4)], 0.0);
    e.deadline_ms = Some(3_600_000.0);
    e.go_to(1, 30_000.0); // 30 s on question 1
    e.leave(50_000.0); // 20 s on question 2, then 12 minutes in the notes
    e.resume(50_000.0 + 720_000.0);
    e.choose(0, 780_000.0);
    e.submit(790_000.0, false);
    let spent: Vec<f64> = e.items.iter().map(|i| i.spent_ms).collect();
    assert_eq!(spent, [30_000.0, 40_000.0], "20 s + 20 s, not 12 minutes");
    assert_eq!(e.used_ms(), 790_000.0, "the exam's clock ran on");
    // Leaving or resuming a finished exam changes nothing.
    e.leave(900_000.0);
    e.resume(900_000.0);
    assert_eq!(e.items[1].spent_ms, 40_000.0);
    assert_eq!(e.finished_ms, Some(790_000.0));
    // An exam that expired while away: the deadline ends it, its questions keep what they had.
    let mut x = session(Mode::Exam, vec![item("q0", 1, 4)], 0.0);
    x.deadline_ms = Some(100_000.0);
    x.leave(10_000.0);
    x.resume(5_000_000.0);
    x.submit(5_000_000.0, true);
    assert_eq!(
        (x.items[0].spent_ms, x.finished_ms, x.used_ms()),
        (10_000.0, Some(100_000.0), 100_000.0)
    );
}

#[test]
fn a_half_answered_choose_two_is_partial_everywhere_and_scores_wrong() {
    let mut s = session(Mode::Exam, vec![item("q0", 2, 5)], 0.0);
    assert_eq!(s.items[0].answer(), session::Answer::Unanswered);
    s.choose(0, 1.0);
    assert_eq!(s.items[0].answer(), session::Answer::Partial);
    assert!(!s.answered(0), "not answered in the room");
    assert_eq!(s.counts(), (0, 1, 0));
    s.choose(1, 2.0);
    assert_eq!(s.items[0].answer(), session::Answer::Complete);
    assert!(s.answered(0));
    // Scored: the partial one is wrong whatever it holds (q0's keys are options 0 and 1).
    let mut partial = session(Mode::Exam, vec![item("q0", 2, 5)], 0.0);
    partial.items[0].chosen = vec![0]; // one of its two keys: still wrong
    partial.submit(10.0, false);
    assert_eq!(score::score(&partial, 4, &C03_SCALE, keys_of).correct, 0);
}

#[test]
fn a_task_drill_takes_only_its_task_statements() {
    // The fixture bank gives each question task "<domain>.1".
    let mut bank = Bank::new([3, 3, 3, 3]);
    bank.push("extra-2", 2, &[0]);
    let infos = bank.infos();
    let drill = |tasks: &[&str], length| {
        spec(
            Kind::Tasks {
                tasks: tasks.iter().map(|t| t.to_string()).collect(),
                length,
            },
            9,
        )
    };
    let picked = draw(&drill(&["2.1", "4.1"], 7), &infos).unwrap();
    assert_eq!(picked.len(), 7);
    assert!(
        picked
            .iter()
            .all(|p| matches!(infos[p.index].domain, 2 | 4))
    );
    let err = draw(&drill(&["2.1"], 5), &infos).unwrap_err();
    assert_eq!(
        err.to_string(),
        "This task statement has 4 questions; 5 were asked for"
    );
    let err = draw(&drill(&["1.1", "3.1"], 9), &infos).unwrap_err();
    assert_eq!(
        err.to_string(),
        "These task statements have 6 questions; 9 were asked for"
    );
}

#[test]
fn confidence_strike_outs_and_the_first_answer_are_kept_with_the_answer() {
    use dva_exam::exam::session::Confidence;
    let mut s = three(Mode::Practice);
    // Striking out is a note to oneself: the option stays selectable and striking again restores it.
    s.toggle_strike(1, 2_000.0);
    s.toggle_strike(3, 2_000.0);
    s.toggle_strike(1, 2_000.0);
    assert_eq!(s.items[0].struck, [s.items[0].order[3]]);
    assert_eq!(s.choose(3, 2_000.0), Chose::Selected);
    let first = vec![s.items[0].order[3]];
    assert_eq!(s.items[0].first, Some(first.clone()));
    s.choose(0, 2_500.0);
    assert_eq!(
        s.items[0].first,
        Some(first),
        "the first complete answer stays"
    );
    // Confidence toggles; choosing the same level again clears it.
    s.set_confidence(Confidence::Sure, 3_000.0);
    assert_eq!(s.items[0].confidence, Some(Confidence::Sure));
    s.set_confidence(Confidence::Sure, 3_000.0);
    assert_eq!(s.items[0].confidence, None);
    s.set_confidence(Confidence::Guess, 3_000.0);
    // Once the key is shown, how sure one was cannot change any more.
    s.check();
    s.set_confidence(Confidence::Sure, 3_500.0);
    assert_eq!(s.items[0].confidence, Some(Confidence::Guess));
    // A two-key question gets its first answer only when both are chosen.
    s.go_to(1, 4_000.0);
    s.choose(0, 4_000.0);
    assert_eq!(s.items[1].first, None);
    s.choose(1, 4_000.0);
    assert_eq!(s.items[1].first.as_ref().map(Vec::len), Some(2));
    // A finished exam is read-only.
    s.submit(5_000.0, false);
    s.toggle_strike(0, 6_000.0);
    s.set_confidence(Confidence::Unsure, 6_000.0);
    assert!(s.items[1].struck.is_empty() && s.items[1].confidence.is_none());
    // All of it survives the stored form.
    let back = session::decode(&session::encode(&s)).unwrap();
    assert_eq!(back, s);
}
