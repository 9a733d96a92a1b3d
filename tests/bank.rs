//! Invariants of the real notes and question bank (`questions/`): what the issues and the question
//! standard require, asserted so the content cannot silently drift below them.

#[path = "../src/compile/mod.rs"]
mod compile;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use compile::Compiled;
use compile::report::{self, Report};
use dva_exam::exam::blueprint::Blueprint;

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

/// The blueprint of the exam definition the bank is written for.
fn blueprint() -> Blueprint {
    let e = &content().0.exam;
    Blueprint {
        weights: e.domains.iter().map(|d| u32::from(d.weight)).collect(),
        full_length: usize::from(e.questions),
        full_minutes: u32::from(e.minutes),
        extra_minutes: u32::from(e.extra_minutes),
    }
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
fn the_bank_holds_at_least_540_questions() {
    let (_, r) = content();
    assert!(r.total >= 540, "{} questions", r.total);
}

/// Eight full mocks without a repeated question: a learner who takes one a day for a week and a half
/// never meets the same question twice.
#[test]
fn eight_full_mocks_can_be_drawn_without_repeats() {
    let (_, r) = content();
    let bp = blueprint();
    let need = bp.counts(bp.full_length);
    assert_eq!(need, [20, 17, 14, 14], "DVA-C03's full mock");
    for (d, (have, need)) in r.per_domain.iter().zip(need).enumerate() {
        assert!(
            *have >= 8 * need,
            "domain {}: {have} questions, need {}",
            d + 1,
            8 * need
        );
    }
}

#[test]
fn domains_are_within_two_points_of_the_exam_weights() {
    let (_, r) = content();
    for (d, (have, weight)) in r.per_domain.iter().zip(blueprint().weights).enumerate() {
        let share = pct(*have, r.total);
        let weight = f64::from(weight);
        assert!(
            (share - weight).abs() <= 2.0,
            "domain {}: {share:.1} % vs {weight} %",
            d + 1
        );
    }
}

#[test]
fn every_task_statement_has_at_least_twenty_questions() {
    let (c, r) = content();
    assert_eq!(c.exam.tasks.len(), 12, "DVA-C03 has twelve task statements");
    for t in &c.exam.tasks {
        let n = r.per_task.get(&(t.domain, t.number)).copied().unwrap_or(0);
        assert!(n >= 20, "task {}.{} has {n} questions", t.domain, t.number);
    }
}

/// Skills excused from the two-question minimum, from `questions/README.md` (`- 1.2.3: reason`).
fn skill_exceptions() -> BTreeMap<String, String> {
    let readme = include_str!("../questions/README.md");
    let Some((_, rest)) = readme.split_once("## Skill exceptions") else {
        return BTreeMap::new();
    };
    rest.lines()
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter_map(|l| l.strip_prefix("- ")?.split_once(": "))
        .map(|(s, why)| (s.trim().to_string(), why.trim().to_string()))
        .collect()
}

#[test]
fn every_skill_has_two_questions_or_a_listed_reason() {
    let (c, r) = content();
    let excused = skill_exceptions();
    let mut short = Vec::new();
    for t in &c.exam.tasks {
        for n in 1..=t.skills.len() {
            let key = (t.domain, t.number, n as u8);
            let label = format!("{}.{}.{n}", t.domain, t.number);
            let have = r.per_skill.get(&key).copied().unwrap_or(0);
            if have < 2 && !excused.contains_key(&label) {
                short.push(format!("{label} ({have})"));
            }
        }
    }
    assert!(
        short.is_empty(),
        "skills with fewer than 2 questions: {short:?}"
    );
    for (skill, why) in &excused {
        assert!(!why.is_empty(), "exception {skill} needs a reason");
    }
}

#[test]
fn every_question_cites_aws_documentation() {
    let (c, _) = content();
    let without: Vec<&str> = c
        .questions
        .iter()
        .filter(|q| q.docs.is_empty())
        .map(|q| q.id.as_str())
        .collect();
    assert!(
        without.is_empty(),
        "questions without a Docs line: {without:?}"
    );
}

/// Every documentation link a learner sees under a question is labelled with its guide's name, not a
/// folder of its address.
#[test]
fn every_documentation_link_names_its_guide() {
    let (c, _) = content();
    let raw: Vec<String> = c
        .questions
        .iter()
        .flat_map(|q| q.docs.iter().map(move |d| (q, d)))
        .filter(|(_, d)| !compile::doc_label::names_guide(d))
        .map(|(q, d)| format!("{}: {d}", q.id))
        .collect();
    assert!(
        raw.is_empty(),
        "add these guides to src/compile/doc_label.rs: {raw:#?}"
    );
}

/// Every `##` section of the notes teaches something a question should test: at least one question
/// links it (or one of its subsections), unless `questions/README.md` lists it with a reason.
#[test]
fn every_section_has_a_question_or_a_listed_reason() {
    let (c, r) = content();
    let excused = exceptions();
    let bare: Vec<&str> = r
        .per_section
        .iter()
        .zip(&c.notes.sections)
        .filter(|((a, n), s)| s.level == 2 && *n == 0 && !excused.contains_key(a.as_str()))
        .map(|((a, _), _)| a.as_str())
        .collect();
    assert!(bare.is_empty(), "sections no question links: {bare:?}");
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

/// A heuristic, not a reading: a stem of at least two sentences and 25 words usually sets a scenario
/// before it asks (pure recall is short). A person still reads each stem; this only catches a bank
/// drifting toward one-line recall questions.
#[test]
fn at_least_three_quarters_of_stems_are_long_enough_to_set_a_scenario() {
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

#[test]
fn every_question_is_locked_and_appsync_is_retired() {
    let (c, _) = content();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("questions/bank.lock")).expect("questions/bank.lock");
    let mut diags = Vec::new();
    let lock = compile::lock::read(&compile::Source::new("bank.lock", &text), &mut diags);
    assert!(diags.is_empty(), "{diags:?}");
    let unlocked: Vec<&str> = c
        .questions
        .iter()
        .filter(|q| !lock.questions.contains_key(&q.id))
        .map(|q| q.id.as_str())
        .collect();
    assert!(
        unlocked.is_empty(),
        "run `cargo run --example lock-bank` to publish: {unlocked:?}"
    );
    for id in [
        "appsync-subscriptions-live-bids",
        "appsync-direct-dynamodb-resolver",
        "appsync-additional-auth-mode-public-read",
    ] {
        assert!(lock.retired.contains_key(id), "{id} is retired");
    }
    let out_of_scope: Vec<&str> = c
        .questions
        .iter()
        .filter(|q| {
            let t = format!("{} {}", q.id, q.stem_text).to_lowercase();
            t.contains("appsync") || t.contains("q developer")
        })
        .map(|q| q.id.as_str())
        .collect();
    assert!(
        out_of_scope.is_empty(),
        "AppSync and Amazon Q Developer are outside DVA-C03: {out_of_scope:?}"
    );
}

/// The app's content index, unpacked from the file `build.rs` wrote, is exactly what the compiler
/// produced: the bank's version, the file names, every field of the exam definition, every chapter, and
/// every field of every section and question.
#[test]
fn the_packed_index_unpacks_to_the_compiled_content() {
    use dva_exam::bank::{self, CHAPTERS, EXAM, QUESTIONS, SECTIONS};
    let (c, _) = content();
    let files = compile::files::Files::of(c);
    assert_eq!(bank::bank_version(), c.version);
    assert_eq!(bank::questions_file(), files.questions.name);
    assert_eq!(bank::explanations_file(), files.explanations.name);
    let e = &c.exam;
    assert_eq!(
        (EXAM.title, EXAM.code, EXAM.name, EXAM.since),
        (&*e.title, &*e.code, &*e.name, &*e.since)
    );
    assert_eq!(
        [EXAM.questions, EXAM.minutes, EXAM.extra_minutes],
        [e.questions, e.minutes, e.extra_minutes]
    );
    assert_eq!([EXAM.pass, EXAM.min, EXAM.max], [e.pass, e.min, e.max]);
    let domains: Vec<(u8, &str, u8)> = EXAM
        .domains
        .iter()
        .map(|d| (d.number, d.name, d.weight))
        .collect();
    let built: Vec<(u8, &str, u8)> = e
        .domains
        .iter()
        .map(|d| (d.number, &*d.name, d.weight))
        .collect();
    assert_eq!(domains, built);
    assert_eq!(EXAM.tasks.len(), e.tasks.len());
    for (app, built) in EXAM.tasks.iter().zip(&e.tasks) {
        assert_eq!(
            (app.task.domain, app.task.number),
            (built.domain, built.number)
        );
        assert_eq!(app.title, built.title);
        assert_eq!(app.skills, built.skills);
    }
    assert_eq!(EXAM.earlier.len(), e.earlier.len());
    for (app, built) in EXAM.earlier.iter().zip(&e.earlier) {
        assert_eq!((app.code, app.last), (&*built.code, &*built.last));
        let names: Vec<(u8, String)> = app
            .domains
            .iter()
            .map(|&(n, s)| (n, s.to_string()))
            .collect();
        assert_eq!(names, built.domains);
    }
    assert!(
        !EXAM.earlier.is_empty(),
        "DVA-C02 is kept for older attempts"
    );
    assert_eq!(CHAPTERS.len(), c.notes.chapters.len());
    for ((app, built), file) in CHAPTERS.iter().zip(&c.notes.chapters).zip(&files.chapters) {
        assert_eq!((app.title, app.file), (&*built.title, &*file.name));
        assert_eq!(
            (usize::from(app.first), usize::from(app.end)),
            (built.first, built.end)
        );
    }
    assert_eq!(SECTIONS.len(), c.notes.sections.len());
    for (app, built) in SECTIONS.iter().zip(&c.notes.sections) {
        let tasks: Vec<(u8, u8)> = app.tasks.iter().map(|t| (t.domain, t.number)).collect();
        assert_eq!(
            (app.anchor, app.title, app.level, usize::from(app.chapter)),
            (
                built.anchor.as_str(),
                built.title.as_str(),
                built.level,
                built.chapter
            )
        );
        assert_eq!(
            app.parent.map(usize::from),
            built.parent,
            "{}",
            built.anchor
        );
        assert_eq!(tasks, built.tasks, "{}", built.anchor);
        assert_eq!(
            app.start as usize..app.end as usize,
            built.html.clone(),
            "{}",
            built.anchor
        );
    }
    assert_eq!(QUESTIONS.len(), c.questions.len());
    for (at, (app, built)) in QUESTIONS.iter().zip(&c.questions).enumerate() {
        assert_eq!((app.id, usize::from(app.at)), (built.id.as_str(), at));
        assert_eq!(
            (app.task.domain, app.task.number),
            built.task,
            "{}",
            built.id
        );
        assert_eq!(*app.skills, *built.skills, "{}", built.id);
        let notes: Vec<usize> = app.notes.iter().map(|&n| usize::from(n)).collect();
        assert_eq!(notes, built.notes, "{}", built.id);
        let keys: Vec<bool> = app.choices.iter().map(|ch| ch.key).collect();
        let built_keys: Vec<bool> = built.choices.iter().map(|ch| ch.key).collect();
        assert_eq!(keys, built_keys, "{}", built.id);
    }
}

/// Search lowercases only ASCII letters (`dva_exam::search::lower`, which spares the wasm the Unicode case
/// table): exact as long as no text of the notes or the bank holds a letter outside ASCII that has a
/// lowercase form. A new text with one fails here, and the search would need the full rule again.
#[test]
fn no_text_holds_a_capital_outside_ascii() {
    let (c, _) = content();
    let capital = |text: &str| {
        text.chars()
            .find(|ch| !ch.is_ascii() && !ch.to_lowercase().eq([*ch]))
    };
    for ch in &c.notes.chapters {
        assert_eq!(capital(&ch.title), None, "{}", ch.title);
        assert_eq!(capital(&ch.html), None, "{}", ch.title);
    }
    for s in &c.notes.sections {
        assert_eq!(capital(&s.title), None, "{}", s.anchor);
    }
    for q in &c.questions {
        let texts = [&q.stem, &q.explanation]
            .into_iter()
            .chain(q.choices.iter().map(|ch| &ch.html));
        for t in texts {
            assert_eq!(capital(t), None, "{}", q.id);
        }
    }
    assert_eq!(
        dva_exam::search::lower("Amazon SQS — FIFO"),
        "amazon sqs — fifo"
    );
}
