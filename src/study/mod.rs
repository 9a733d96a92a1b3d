//! What the learner should study next, and the glue between the exam engine and the compiled bank:
//! spaced review ([`spaced`]) and statistics ([`stats`]) derived from the history, kept out of `exam/` so
//! the engine does not depend on storage.
//!
//! Connects the exam engine to the compiled bank: the engine works on plain question facts (`QInfo`,
//! `KeyInfo`) so it can be tested on fixtures; this module supplies them from `bank::QUESTIONS`, starts
//! sessions and turns a finished session into a stored attempt.

pub mod readiness;
pub mod spaced;
pub mod stats;

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::bank::{self, EXAM, QUESTIONS, SECTIONS};
use crate::exam::blueprint::Blueprint;
use crate::exam::score::{self, KeyInfo, Scale};
use crate::exam::select::{self, Picked, QInfo, SectionTree, Shortfall};
use crate::exam::session::{Item, Session};
use crate::exam::spec::Spec;
use crate::store::history::Attempt;

/// The blueprint of the exam the app simulates, from the exam definition (`questions/exam.md`).
pub fn blueprint() -> &'static Blueprint {
    static BLUEPRINT: OnceLock<Blueprint> = OnceLock::new();
    BLUEPRINT.get_or_init(|| Blueprint {
        weights: EXAM.weights(),
        full_length: usize::from(EXAM.questions),
        full_minutes: u32::from(EXAM.minutes),
        extra_minutes: u32::from(EXAM.extra_minutes),
    })
}

/// The scaled-score range and pass mark of the exam the app simulates, from the exam definition.
pub fn scale() -> Scale {
    Scale {
        min: EXAM.min,
        pass: EXAM.pass,
        max: EXAM.max,
    }
}

/// Every question's key (original option indices), in bank order, made once.
pub fn key_lists() -> &'static Vec<Vec<u8>> {
    static KEYS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    KEYS.get_or_init(|| {
        QUESTIONS
            .iter()
            .map(|q| {
                q.choices
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.key)
                    .map(|(i, _)| i as u8)
                    .collect()
            })
            .collect()
    })
}

fn parents() -> &'static Vec<Option<u16>> {
    static PARENTS: OnceLock<Vec<Option<u16>>> = OnceLock::new();
    PARENTS.get_or_init(|| SECTIONS.iter().map(|s| s.parent).collect())
}

fn anchors() -> &'static Vec<&'static str> {
    static ANCHORS: OnceLock<Vec<&'static str>> = OnceLock::new();
    ANCHORS.get_or_init(|| SECTIONS.iter().map(|s| s.anchor).collect())
}

/// The bank as the engine sees it.
pub fn qinfos() -> Vec<QInfo<'static>> {
    QUESTIONS
        .iter()
        .map(|q| QInfo {
            id: q.id,
            domain: q.task.domain,
            task: q.task.to_string(),
            sections: &q.notes,
            choices: q.choices.len(),
        })
        .collect()
}

/// The index of the question with this id, if the bank still has it.
pub fn find(id: &str) -> Option<usize> {
    QUESTIONS.iter().position(|q| q.id == id)
}

/// The first `max` characters of a question's stem as plain text (with "…" when cut), for lists that
/// name questions; "(retired question)" for an id the bank no longer has.
pub fn stem_excerpt(id: &str, max: usize) -> String {
    let Some(k) = find(id) else {
        return "(retired question)".to_string();
    };
    let t = crate::search::text_of(QUESTIONS[k].stem());
    if t.chars().count() > max {
        // Cut at the last space within `max`, not mid-word ("...a Lambda funct…").
        let cut: String = t.chars().take(max + 1).collect();
        let end = cut.rfind(' ').unwrap_or(cut.len());
        format!("{}…", cut[..end].trim_end_matches([',', ';', ':', '.']))
    } else {
        t
    }
}

/// How many questions of the bank belong to the task statements `tasks` ("2.2"), for a task drill.
pub fn questions_for_tasks(tasks: &[String]) -> usize {
    QUESTIONS
        .iter()
        .filter(|q| tasks.iter().any(|t| *t == q.task.to_string()))
        .count()
}

/// What scoring needs to know of one question; `None` for a retired id.
pub fn key_info(id: &str) -> Option<KeyInfo<'static>> {
    let i = find(id)?;
    let q = &QUESTIONS[i];
    Some(KeyInfo {
        domain: q.task.domain,
        keys: &key_lists()[i],
        options: q.choices.len(),
        sections: q
            .notes
            .iter()
            .map(|&s| SECTIONS[usize::from(s)].anchor)
            .collect(),
        task: (q.task.domain, q.task.number),
    })
}

/// Draws the questions for `spec` and opens a session at `now_ms`.
pub fn start(spec: Spec, recent: &HashSet<String>, now_ms: f64) -> Result<Session, Shortfall> {
    let bank = qinfos();
    let tree = SectionTree {
        parents: parents(),
        anchors: anchors(),
    };
    let recent: HashSet<&str> = recent.iter().map(String::as_str).collect();
    let bp = blueprint();
    let picked = select::select(&spec, bp, &bank, &tree, &recent)?;
    let items = picked.into_iter().map(item).collect();
    let minutes = spec.minutes(bp);
    Ok(Session::new(
        spec,
        minutes,
        EXAM.code,
        bank::bank_version(),
        items,
        now_ms,
    ))
}

fn item(p: Picked) -> Item {
    let q = &QUESTIONS[p.index];
    Item::new(q.id, p.order, q.keys() as u8)
}

/// Today's question for a stored item, if the bank still has it in the same shape ([`score::consistent`]);
/// `None` shows it as retired. Every page that shows a stored item's options goes through here, so no
/// stored or imported data can index past today's options.
pub fn question_for(item: &Item) -> Option<&'static bank::Question> {
    question_index(item).map(|i| &QUESTIONS[i])
}

/// [`question_for`]'s position in [`QUESTIONS`] (and in [`key_lists`]), for a caller that needs both.
pub fn question_index(item: &Item) -> Option<usize> {
    let i = find(&item.id)?;
    let q = &QUESTIONS[i];
    score::consistent(item, q.choices.len(), q.keys()).then_some(i)
}

/// The keys of a question by id, as the spaced-review and retry logic need them; `None` when retired.
pub fn keys_of(id: &str) -> Option<Vec<u8>> {
    find(id).map(|i| key_lists()[i].clone())
}

/// Scores a finished session into an attempt for the history.
pub fn finish(session: Session) -> Attempt {
    let outcome = score::score(&session, EXAM.domains.len(), &scale(), key_info);
    Attempt { session, outcome }
}

/// Whether one of the two note sections holds the other (or they are the same), by their anchors: the
/// weakest-sections lists name only sections apart from each other. An unknown anchor nests only with itself.
pub fn nested_sections(a: &str, b: &str) -> bool {
    match (bank::section(a), bank::section(b)) {
        (Some((a, _)), Some((b, _))) => within(a, b) || within(b, a),
        _ => a == b,
    }
}

/// Whether section `s` is `outer` or lies inside it.
fn within(outer: usize, mut s: usize) -> bool {
    loop {
        if s == outer {
            return true;
        }
        match SECTIONS[s].parent {
            Some(p) => s = usize::from(p),
            None => return false,
        }
    }
}

/// How many questions a section (with its subsections) has in the bank.
pub fn questions_for_section(section: usize) -> usize {
    QUESTIONS
        .iter()
        .filter(|q| q.notes.iter().any(|&n| within(section, usize::from(n))))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exam::spec::{Kind, Mode};

    #[test]
    fn a_full_mock_from_the_real_bank_follows_the_blueprint() {
        let spec = Spec {
            kind: Kind::Full,
            mode: Mode::Exam,
            extra_time: false,
            seed: 42,
        };
        let s = start(spec, &HashSet::new(), 1_000.0).expect("the bank fills a full mock");
        assert_eq!(s.items.len(), 65);
        let mut per = vec![0; EXAM.domains.len()];
        for it in &s.items {
            per[usize::from(QUESTIONS[find(&it.id).unwrap()].task.domain - 1)] += 1;
        }
        assert_eq!(
            per,
            [20, 17, 14, 14],
            "DVA-C03's 30/26/22/22 by largest remainder"
        );
        assert_eq!(s.deadline_ms, Some(1_000.0 + 130.0 * 60_000.0));
        assert_eq!(s.exam, "DVA-C03");
    }

    #[test]
    fn three_successive_mocks_need_not_repeat_a_question() {
        let mut recent = HashSet::new();
        let mut seen = HashSet::new();
        for seed in 1..=3 {
            let spec = Spec {
                kind: Kind::Full,
                mode: Mode::Exam,
                extra_time: false,
                seed,
            };
            let s = start(spec, &recent, 0.0).unwrap();
            for it in &s.items {
                assert!(
                    seen.insert(it.id.clone()),
                    "{} repeated in mock {seed}",
                    it.id
                );
                recent.insert(it.id.clone());
            }
        }
    }

    #[test]
    fn all_wrong_scores_100_and_keys_score_1000() {
        let spec = Spec {
            kind: Kind::Quick { length: 10 },
            mode: Mode::Exam,
            extra_time: false,
            seed: 7,
        };
        let mut s = start(spec, &HashSet::new(), 0.0).unwrap();
        s.submit(1_000.0, false);
        assert_eq!(finish(s.clone()).outcome.scaled, 100);
        for it in &mut s.items {
            it.chosen = key_info(&it.id).unwrap().keys.to_vec();
        }
        let a = finish(s);
        assert_eq!(
            (a.outcome.scaled, a.outcome.passed, a.outcome.correct),
            (1000, true, 10)
        );
        assert_eq!(a.outcome.domains.len(), 4);
    }

    #[test]
    fn a_stem_excerpt_ends_at_a_word() {
        for q in QUESTIONS.iter().take(50) {
            let full = crate::search::text_of(q.stem());
            let short = stem_excerpt(q.id, 40);
            let Some(kept) = short.strip_suffix('…') else {
                assert_eq!(short, full);
                continue;
            };
            assert!(
                kept.chars().count() <= 40 && full.starts_with(kept),
                "{short}"
            );
            let next = full[kept.len()..].chars().next();
            assert!(
                next.is_some_and(|c| !c.is_alphanumeric()),
                "cut mid-word: {short}"
            );
        }
        assert_eq!(stem_excerpt("no-such-question", 40), "(retired question)");
    }

    #[test]
    fn retired_ids_have_no_key_info() {
        assert!(key_info("no-such-question").is_none());
        assert!(find(QUESTIONS[0].id).is_some());
    }

    #[test]
    fn sections_nest_with_their_ancestors_and_descendants_only() {
        // A section two levels down, its parent and grandparent, and a sibling of the parent.
        let deep = SECTIONS
            .iter()
            .position(|s| {
                s.parent
                    .is_some_and(|p| SECTIONS[usize::from(p)].parent.is_some())
            })
            .expect("a section two levels down");
        let parent = usize::from(SECTIONS[deep].parent.unwrap());
        let top = usize::from(SECTIONS[parent].parent.unwrap());
        let sibling = (0..SECTIONS.len())
            .find(|&i| i != parent && SECTIONS[i].parent == SECTIONS[parent].parent)
            .expect("the parent has a sibling");
        let a = |i: usize| SECTIONS[i].anchor;
        for (x, y) in [(deep, parent), (deep, top), (parent, top), (deep, deep)] {
            assert!(nested_sections(a(x), a(y)), "{} / {}", a(x), a(y));
            assert!(nested_sections(a(y), a(x)), "{} / {}", a(y), a(x));
        }
        assert!(!nested_sections(a(sibling), a(deep)));
        assert!(!nested_sections(a(sibling), a(parent)));
        assert!(!nested_sections("no-such-section", a(top)));
        assert!(nested_sections("no-such-section", "no-such-section"));
    }
}
