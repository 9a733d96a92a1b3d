//! Invariants of the real notes and question bank (`questions/`): what the issues and the question
//! standard require, asserted so the content cannot silently drift below them.

#[path = "../src/compile/mod.rs"]
mod compile;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use compile::Compiled;
use compile::report::{self, Report};
use dva_exam::exam::blueprint;

fn content() -> &'static (Compiled, Report) {
    static C: OnceLock<(Compiled, Report)> = OnceLock::new();
    C.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let c = compile::compile_dir(root, "questions").unwrap_or_else(|d| {
            panic!(
                "questions/ does not compile:\n{}",
                d.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        let r = report::report(&c, 0.6);
        (c, r)
    })
}

fn pct(n: usize, of: usize) -> f64 {
    n as f64 * 100.0 / of as f64
}

#[test]
fn every_anchor_of_the_seed_table_of_contents_exists() {
    let (c, _) = content();
    let missing: Vec<&str> = include_str!("fixtures/seed-toc.txt")
        .lines()
        .filter(|a| !c.notes.index.contains_key(*a))
        .collect();
    assert!(
        missing.is_empty(),
        "seed anchors without a section: {missing:?}"
    );
}

#[test]
fn every_section_serves_task_statements() {
    let (c, _) = content();
    let untagged: Vec<&str> = c
        .notes
        .sections
        .iter()
        .filter(|s| s.tasks.is_empty())
        .map(|s| s.anchor.as_str())
        .collect();
    assert!(
        untagged.is_empty(),
        "sections without task statements: {untagged:?}"
    );
}

#[test]
fn the_bank_holds_at_least_200_questions() {
    let (_, r) = content();
    assert!(r.total >= 200, "{} questions", r.total);
}

#[test]
fn three_full_mocks_can_be_drawn_without_repeats() {
    let (_, r) = content();
    let need = blueprint::counts(blueprint::FULL_LENGTH);
    for (d, (have, need)) in r.per_domain.iter().zip(need).enumerate() {
        assert!(
            *have >= 3 * need,
            "domain {}: {have} questions, need {}",
            d + 1,
            3 * need
        );
    }
}

#[test]
fn domains_are_within_three_points_of_the_exam_weights() {
    let (_, r) = content();
    for (d, (have, weight)) in r.per_domain.iter().zip(blueprint::WEIGHTS).enumerate() {
        let share = pct(*have, r.total);
        let weight = f64::from(weight);
        assert!(
            (share - weight).abs() <= 3.0,
            "domain {}: {share:.1} % vs {weight} %",
            d + 1
        );
    }
}

#[test]
fn every_task_statement_has_at_least_five_questions() {
    let (_, r) = content();
    let all = [
        (1, 1),
        (1, 2),
        (1, 3),
        (2, 1),
        (2, 2),
        (2, 3),
        (3, 1),
        (3, 2),
        (3, 3),
        (3, 4),
        (4, 1),
        (4, 2),
        (4, 3),
    ];
    for t in all {
        let n = r.per_task.get(&t).copied().unwrap_or(0);
        assert!(n >= 5, "task {}.{} has {n} questions", t.0, t.1);
    }
}

/// Seed sections excused from the two-question minimum, from `questions/README.md`.
fn exceptions() -> BTreeMap<String, String> {
    let readme = include_str!("../questions/README.md");
    let Some((_, rest)) = readme.split_once("## Coverage exceptions") else {
        return BTreeMap::new();
    };
    rest.lines()
        .take_while(|l| !l.starts_with("## "))
        .filter_map(|l| l.strip_prefix("- `#")?.split_once("`:"))
        .map(|(a, why)| (a.to_string(), why.trim().to_string()))
        .collect()
}

#[test]
fn every_seed_section_has_two_questions_or_a_listed_reason() {
    let (_, r) = content();
    let counts: BTreeMap<&str, usize> = r
        .per_section
        .iter()
        .map(|(a, n)| (a.as_str(), *n))
        .collect();
    let excused = exceptions();
    let short: Vec<String> = include_str!("fixtures/seed-toc.txt")
        .lines()
        .filter(|a| counts.get(a).copied().unwrap_or(0) < 2 && !excused.contains_key(*a))
        .map(|a| format!("{a} ({})", counts.get(a).copied().unwrap_or(0)))
        .collect();
    assert!(
        short.is_empty(),
        "seed sections with fewer than 2 questions: {short:?}"
    );
    for (a, why) in &excused {
        assert!(!why.is_empty(), "exception #{a} needs a reason");
        assert!(
            counts.contains_key(a.as_str()),
            "exception #{a} names no section"
        );
    }
}

#[test]
fn between_20_and_30_percent_are_multiple_response() {
    let (_, r) = content();
    let share = pct(r.multiple_response, r.total);
    assert!(
        (20.0..=30.0).contains(&share),
        "{share:.1} % multiple response"
    );
}

#[test]
fn the_key_is_the_longest_option_in_at_most_40_percent() {
    let (_, r) = content();
    let share = pct(r.key_longest, r.total);
    assert!(share <= 40.0, "key is the longest option in {share:.1} %");
}

#[test]
fn key_positions_are_spread_evenly() {
    let (_, r) = content();
    let single: usize = r.key_positions.iter().sum();
    for (p, n) in r.key_positions.iter().enumerate() {
        let share = pct(*n, single);
        assert!(
            (18.0..=32.0).contains(&share),
            "key in position {} in {share:.1} % of single-answer questions",
            p + 1
        );
    }
}

#[test]
fn at_least_three_quarters_are_scenarios() {
    let (_, r) = content();
    let share = pct(r.scenarios, r.total);
    assert!(share >= 75.0, "{share:.1} % scenario stems");
}

#[test]
fn no_two_stems_are_near_copies() {
    let (_, r) = content();
    assert!(
        r.similar.is_empty(),
        "stems sharing over 60 % of their words: {:?}",
        r.similar
    );
}
