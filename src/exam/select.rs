//! Drawing an exam's questions from the bank: stratified by domain, seeded, fresh questions first.
//!
//! The engine sees the bank only through [`QInfo`], so it does not depend on the compiled content and
//! tests can use small fixtures. Everything is decided by `spec.seed`: the same spec and bank give the
//! same questions in the same order with the same option orders.

use std::collections::HashSet;
use std::fmt;

use super::blueprint::Blueprint;
use super::rng::Rng;
use super::spec::{Kind, Spec};

/// What the selection needs to know about one question of the bank.
#[derive(Debug, Clone)]
pub struct QInfo<'a> {
    /// The question's permanent id, matched against `recent`.
    pub id: &'a str,
    /// Its domain, numbered from 1.
    pub domain: u8,
    /// Its task statement as the exam numbers it ("2.2"), for a task drill.
    pub task: String,
    /// Indices of the note sections that teach it (into [`SectionTree::parents`]).
    pub sections: &'a [u16],
    /// How many options it has (at most 256), to shuffle them.
    pub choices: usize,
}

/// The shape of the notes, so a section drill also takes the questions of its subsections.
pub struct SectionTree<'a> {
    /// The parent of each note section, `None` for a chapter's top heading.
    pub parents: &'a [Option<u16>],
    /// The anchor of each note section, parallel to `parents`, to find the section a drill names.
    pub anchors: &'a [&'a str],
}

/// One drawn question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picked {
    /// Index into the `QInfo` slice given to [`select`].
    pub index: usize,
    /// The option permutation: display position -> original option index.
    pub order: Vec<u8>,
}

/// Why an exam could not be drawn: the bank has too few questions for what was asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortfall {
    /// Questions asked for, per domain (index 0 is domain 1); all zero for a section drill, which asks
    /// for no particular domain.
    pub need: Vec<usize>,
    /// Questions available, per domain: the whole bank's, or for a section drill those linked to it.
    pub have: Vec<usize>,
    /// For a section or task drill (or chosen questions), how many questions were asked for; `None` for
    /// the kinds drawn per domain.
    pub asked: Option<usize>,
    /// What `asked` was asked of, as the sentence's subject ("This section").
    pub of: &'static str,
}

impl fmt::Display for Shortfall {
    /// One line for the setup page: what is missing, in words a learner can act on.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(asked) = self.asked {
            let has: usize = self.have.iter().sum();
            let were = if asked == 1 { "was" } else { "were" };
            let of = self.of;
            return write!(
                f,
                "{of} {} {}; {asked} {were} asked for",
                have_or_has(of),
                questions(has)
            );
        }
        let short: Vec<String> = (0..self.need.len().min(self.have.len()))
            .filter(|&d| self.have[d] < self.need[d])
            .map(|d| {
                let (need, have) = (questions(self.need[d]), self.have[d]);
                format!("Domain {} needs {need} but the bank has {have}", d + 1)
            })
            .collect();
        f.write_str(&short.join("; "))
    }
}

/// The verb for the sentence's subject: "These task statements have", "This section has".
fn have_or_has(subject: &str) -> &'static str {
    if subject.starts_with("These") {
        "have"
    } else {
        "has"
    }
}

/// "1 question", "3 questions".
fn questions(n: usize) -> String {
    format!("{n} question{}", if n == 1 { "" } else { "s" })
}

/// Draws the questions of the exam `spec` describes.
///
/// - A picked exam takes exactly its listed questions that the bank still has (none left is a shortfall).
/// - Full, Quick and Domains kinds take exactly [`Spec::domain_counts`] questions from each domain; a
///   section drill takes `length` questions linked to the section or any descendant, from any domain.
///   Too few questions gives a [`Shortfall`] rather than a shorter exam.
/// - No question is drawn twice. Questions whose id is in `recent` are drawn only when a domain (or the
///   section) has too few others, so repeated exams show new questions while the bank allows.
/// - The result is shuffled, so domains interleave as on the real exam, and so are every question's options.
pub fn select(
    spec: &Spec,
    bp: &Blueprint,
    bank: &[QInfo],
    tree: &SectionTree,
    recent: &HashSet<&str>,
) -> Result<Vec<Picked>, Shortfall> {
    let mut rng = Rng::new(spec.seed);
    let mut picked: Vec<usize> = Vec::with_capacity(spec.length(bp));
    let domains = bp.domains();
    if let Kind::Picked { ids, .. } = &spec.kind {
        // Ids no longer in the bank are skipped; each id counts once.
        let mut pool: Vec<usize> = Vec::new();
        for id in ids {
            if let Some(i) = bank.iter().position(|q| q.id == id.as_str())
                && !pool.contains(&i)
            {
                pool.push(i);
            }
        }
        if pool.is_empty() {
            return Err(Shortfall {
                need: vec![0; domains],
                have: vec![0; domains],
                asked: Some(ids.len()),
                of: "This list",
            });
        }
        picked.extend(pool);
    } else if let Kind::Section { .. } | Kind::Tasks { .. } = &spec.kind {
        let (pool, length, of) = match &spec.kind {
            Kind::Section { anchor, length } => {
                (section_pool(bank, tree, anchor), length, "This section")
            }
            Kind::Tasks { tasks, length } => (
                (0..bank.len())
                    .filter(|&i| tasks.iter().any(|t| *t == bank[i].task))
                    .collect(),
                length,
                if tasks.len() == 1 {
                    "This task statement"
                } else {
                    "These task statements"
                },
            ),
            _ => unreachable!("matched above"),
        };
        if pool.len() < *length {
            let mut have = vec![0; domains];
            for &i in &pool {
                if let Some(n) = have.get_mut(usize::from(bank[i].domain).wrapping_sub(1)) {
                    *n += 1;
                }
            }
            return Err(Shortfall {
                need: vec![0; domains],
                have,
                asked: Some(*length),
                of,
            });
        }
        picked.extend(draw(pool, *length, bank, recent, &mut rng));
    } else {
        let need = spec.domain_counts(bp).unwrap_or_default();
        let pools: Vec<Vec<usize>> = (1..=need.len())
            .map(|d| {
                (0..bank.len())
                    .filter(|&i| usize::from(bank[i].domain) == d)
                    .collect()
            })
            .collect();
        let have: Vec<usize> = pools.iter().map(Vec::len).collect();
        if (0..need.len()).any(|d| have[d] < need[d]) {
            return Err(Shortfall {
                need,
                have,
                asked: None,
                of: "",
            });
        }
        for (pool, n) in pools.into_iter().zip(need) {
            picked.extend(draw(pool, n, bank, recent, &mut rng));
        }
    }
    rng.shuffle(&mut picked);
    Ok(picked
        .into_iter()
        .map(|index| {
            let mut order: Vec<u8> = (0..bank[index].choices).map(|o| o as u8).collect();
            rng.shuffle(&mut order);
            Picked { index, order }
        })
        .collect())
}

/// Draws `n` of `pool` (bank indices, `n <= pool.len()`): a random sample of the questions not in
/// `recent`, topped up with a random sample of the recent ones when those are too few.
fn draw(
    pool: Vec<usize>,
    n: usize,
    bank: &[QInfo],
    recent: &HashSet<&str>,
    rng: &mut Rng,
) -> Vec<usize> {
    let (mut fresh, mut stale): (Vec<usize>, Vec<usize>) = pool
        .into_iter()
        .partition(|&i| !recent.contains(bank[i].id));
    rng.shuffle(&mut fresh);
    rng.shuffle(&mut stale);
    fresh.into_iter().chain(stale).take(n).collect()
}

/// The bank indices of the questions linked to the section `anchor` or a descendant (none for an
/// unknown anchor).
fn section_pool(bank: &[QInfo], tree: &SectionTree, anchor: &str) -> Vec<usize> {
    let Some(root) = tree.anchors.iter().position(|a| *a == anchor) else {
        return Vec::new();
    };
    (0..bank.len())
        .filter(|&i| bank[i].sections.iter().any(|&s| within(tree, s, root)))
        .collect()
}

/// Whether section `s` is `root` or one of its descendants. Bounded by the tree's size, so a malformed
/// tree with a cycle cannot hang the draw.
fn within(tree: &SectionTree, s: u16, root: usize) -> bool {
    let mut at = Some(s);
    for _ in 0..=tree.parents.len() {
        match at {
            Some(s) if usize::from(s) == root => return true,
            Some(s) => at = tree.parents.get(usize::from(s)).copied().flatten(),
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_walks_up_to_the_root_and_survives_cycles() {
        let parents = [None, Some(0), Some(1), None, Some(5), Some(4)];
        let anchors = ["a", "a-b", "a-b-c", "d", "loop1", "loop2"];
        let tree = SectionTree {
            parents: &parents,
            anchors: &anchors,
        };
        assert!(within(&tree, 2, 0));
        assert!(within(&tree, 2, 1));
        assert!(within(&tree, 0, 0));
        assert!(!within(&tree, 0, 1));
        assert!(!within(&tree, 3, 0));
        assert!(!within(&tree, 4, 0));
        assert!(!within(&tree, 99, 0));
    }

    #[test]
    fn shortfall_text_is_singular_for_one() {
        let s = Shortfall {
            need: vec![1, 0, 0, 0],
            have: vec![0; 4],
            asked: None,
            of: "",
        };
        assert_eq!(
            s.to_string(),
            "Domain 1 needs 1 question but the bank has 0"
        );
        let s = Shortfall {
            need: vec![0; 4],
            have: vec![0, 1, 0, 0],
            asked: Some(1),
            of: "This section",
        };
        assert_eq!(
            s.to_string(),
            "This section has 1 question; 1 was asked for"
        );
        let s = Shortfall {
            need: vec![0; 4],
            have: vec![0; 4],
            asked: Some(3),
            of: "This section",
        };
        assert_eq!(
            s.to_string(),
            "This section has 0 questions; 3 were asked for"
        );
        let s = Shortfall {
            need: vec![0; 4],
            have: vec![0, 4, 0, 0],
            asked: Some(10),
            of: "These task statements",
        };
        assert_eq!(
            s.to_string(),
            "These task statements have 4 questions; 10 were asked for"
        );
    }
}
