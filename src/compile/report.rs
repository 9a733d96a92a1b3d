//! Figures about the compiled bank: counts per domain, task statement, note section and kind, and the
//! shape figures the question standard sets limits on. The bank report prints them; the bank tests
//! assert the limits, so the bank cannot silently drift below them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::Compiled;
use super::questions::Question;

/// Everything the report shows.
#[derive(Debug, Default)]
pub struct Report {
    pub total: usize,
    /// Questions per domain of the exam definition (index 0 is domain 1).
    pub per_domain: Vec<usize>,
    pub per_task: BTreeMap<(u8, u8), usize>,
    /// Questions naming each skill (`Skill:` lines), by (domain, task, skill).
    pub per_skill: BTreeMap<(u8, u8, u8), usize>,
    /// Questions linking each section (directly or through a subsection), by anchor, in notes order.
    pub per_section: Vec<(String, usize)>,
    pub multiple_response: usize,
    /// Questions where a key is (one of) the longest options.
    pub key_longest: usize,
    /// Key positions (1-based) of the single-answer questions.
    pub key_positions: [usize; 4],
    /// Questions whose stem is a scenario (see [`is_scenario`]).
    pub scenarios: usize,
    /// Pairs of questions whose stems share most of their words (id, id, similarity).
    pub similar: Vec<(String, String, f64)>,
}

/// A scenario stem sets a situation before it asks: at least two sentences and 25 words.
pub fn is_scenario(q: &Question) -> bool {
    let words = q.stem_text.split_whitespace().count();
    let sentences = q.stem_text.matches(['.', '?']).count();
    words >= 25 && sentences >= 2
}

/// Whether a key is among the longest options (by characters).
pub fn key_is_longest(q: &Question) -> bool {
    let longest = q
        .choices
        .iter()
        .map(|c| c.text.chars().count())
        .max()
        .unwrap_or(0);
    q.choices
        .iter()
        .any(|c| c.key && c.text.chars().count() == longest)
}

fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .map(str::to_lowercase)
        .collect()
}

/// Jaccard similarity of two stems' word sets (words over three letters).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(&b).count() as f64 / union as f64
    }
}

/// Computes the report; stems more similar than `threshold` are listed as pairs.
pub fn report(c: &Compiled, threshold: f64) -> Report {
    let mut r = Report {
        total: c.questions.len(),
        per_domain: vec![0; c.exam.domains.len()],
        ..Report::default()
    };
    let mut direct = vec![0usize; c.notes.sections.len()];
    for q in &c.questions {
        if let Some(n) = r.per_domain.get_mut(usize::from(q.task.0).wrapping_sub(1)) {
            *n += 1;
        }
        *r.per_task.entry(q.task).or_default() += 1;
        for &k in &q.skills {
            *r.per_skill.entry((q.task.0, q.task.1, k)).or_default() += 1;
        }
        let keys = q.choices.iter().filter(|ch| ch.key).count();
        if keys > 1 {
            r.multiple_response += 1;
        } else if let Some(p) = q.choices.iter().position(|ch| ch.key) {
            r.key_positions[p.min(3)] += 1;
        }
        r.key_longest += usize::from(key_is_longest(q));
        r.scenarios += usize::from(is_scenario(q));
        // A question counts for the sections it links and for each of their ancestors, once each.
        let mut counted = BTreeSet::new();
        for &s in &q.notes {
            let mut at = Some(s);
            while let Some(i) = at {
                if counted.insert(i) {
                    direct[i] += 1;
                }
                at = c.notes.sections[i].parent;
            }
        }
    }
    r.per_section = c
        .notes
        .sections
        .iter()
        .zip(direct)
        .map(|(s, n)| (s.anchor.clone(), n))
        .collect();
    for (i, a) in c.questions.iter().enumerate() {
        for b in &c.questions[i + 1..] {
            let s = similarity(&a.stem_text, &b.stem_text);
            if s > threshold {
                r.similar.push((a.id.clone(), b.id.clone(), s));
            }
        }
    }
    r
}

fn pct(n: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        n as f64 * 100.0 / total as f64
    }
}

/// The report as text.
pub fn render(r: &Report, c: &Compiled) -> String {
    let mut s = String::new();
    let t = r.total;
    let e = &c.exam;
    let _ = writeln!(s, "{}", e.title);
    let _ = writeln!(s, "Question bank {}: {} questions", c.version, t);
    let _ = writeln!(
        s,
        "\nPer domain (share of the bank against the exam weight):"
    );
    for (d, n) in e.domains.iter().zip(&r.per_domain) {
        let _ = writeln!(
            s,
            "  Domain {} {:<36} {:>4}  {:5.1} % (weight {} %)",
            d.number,
            d.name,
            n,
            pct(*n, t),
            d.weight
        );
    }
    let _ = writeln!(
        s,
        "\nPer task statement, and per skill (questions with a `Skill:` line naming it):"
    );
    for task in &e.tasks {
        let key = (task.domain, task.number);
        let count = r.per_task.get(&key).copied().unwrap_or(0);
        let _ = writeln!(
            s,
            "  {}.{} {:>4}  {}",
            task.domain, task.number, count, task.title
        );
        let skills: Vec<String> = (1..=task.skills.len())
            .map(|k| {
                let n = r
                    .per_skill
                    .get(&(key.0, key.1, k as u8))
                    .copied()
                    .unwrap_or(0);
                format!("{}.{}.{k}: {n}", key.0, key.1)
            })
            .collect();
        let _ = writeln!(s, "      {}", skills.join("  "));
    }
    let _ = writeln!(
        s,
        "\nKinds: {} multiple choice, {} multiple response ({:.1} %)",
        t - r.multiple_response,
        r.multiple_response,
        pct(r.multiple_response, t)
    );
    let _ = writeln!(
        s,
        "Key is (one of) the longest options: {} ({:.1} %)",
        r.key_longest,
        pct(r.key_longest, t)
    );
    let single: usize = r.key_positions.iter().sum();
    let positions: Vec<String> = r
        .key_positions
        .iter()
        .map(|n| format!("{n} ({:.0} %)", pct(*n, single)))
        .collect();
    let _ = writeln!(
        s,
        "Key positions of single-answer questions (1-4): {}",
        positions.join(", ")
    );
    let _ = writeln!(
        s,
        "Scenario stems: {} ({:.1} %)",
        r.scenarios,
        pct(r.scenarios, t)
    );
    let _ = writeln!(s, "Pairs of very similar stems: {}", r.similar.len());
    for (a, b, sim) in &r.similar {
        let _ = writeln!(s, "  {a} ~ {b} ({sim:.2})");
    }
    let _ = writeln!(
        s,
        "\nPer note section (questions linking it or a subsection; sections with none omitted):"
    );
    for ((anchor, n), sec) in r.per_section.iter().zip(&c.notes.sections) {
        if *n > 0 {
            let indent = "  ".repeat(usize::from(sec.level));
            let _ = writeln!(s, "{indent}{anchor}: {n}");
        }
    }
    s
}
