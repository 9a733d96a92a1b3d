//! What exam to build: the kind of exam, the mode, extra time and the seed.
//!
//! A `Spec` is stored with the attempt, so everything derived from it here (length, time, per-domain
//! targets, title) must stay a pure function of it.

use super::blueprint::{self, Blueprint};

/// Which questions an exam draws.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The real exam's shape (65 questions in 130 minutes for DVA-C03), split by the blueprint.
    Full,
    /// A shorter exam (the UI offers 10, 20 or 30 questions) with the blueprint's split for that length.
    Quick { length: usize },
    /// Only the listed domains, split between them by their blueprint weights. Domains the blueprint does
    /// not have and repeats are ignored; a list with no valid domain asks for nothing.
    Domains { domains: Vec<u8>, length: usize },
    /// Questions linked to the note section with this anchor or any of its subsections, from any domain.
    Section { anchor: String, length: usize },
    /// Questions of the listed task statements ("2.2", "4.1"), from their domains: a drill on the weakest
    /// task statements the readiness view names.
    Tasks { tasks: Vec<String>, length: usize },
    /// Exactly these questions (those still in the bank), in shuffled order: "retry incorrect" and "due for
    /// review" build these. The title says where they came from.
    Picked { title: String, ids: Vec<String> },
}

/// How the exam behaves while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Timed, and no feedback until the end, like the real exam.
    Exam,
    /// Untimed, and the key is shown after each answer, for learning.
    Practice,
}

/// Everything needed to rebuild an exam: with the same bank, the same `Spec` draws the same questions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub kind: Kind,
    pub mode: Mode,
    /// The 30 extra minutes AWS grants on request (ESL +30), scaled down for shorter exams.
    pub extra_time: bool,
    pub seed: u64,
}

impl Spec {
    /// The number of questions asked for.
    pub fn length(&self, bp: &Blueprint) -> usize {
        match &self.kind {
            Kind::Full => bp.full_length,
            Kind::Quick { length }
            | Kind::Domains { length, .. }
            | Kind::Section { length, .. }
            | Kind::Tasks { length, .. } => *length,
            Kind::Picked { ids, .. } => ids.len(),
        }
    }

    /// The time allowed, or `None` in practice mode, which is untimed.
    ///
    /// The full exam has the blueprint's minutes (130); other kinds keep its pace (2 minutes per question),
    /// rounded to whole minutes. Extra time adds the same proportion as on the real exam (30 of 130).
    pub fn minutes(&self, bp: &Blueprint) -> Option<u32> {
        if self.mode == Mode::Practice {
            return None;
        }
        let full = u64::from(bp.full_minutes).max(1);
        let full_len = (bp.full_length as u64).max(1);
        let base = match self.kind {
            Kind::Full => full,
            _ => ((self.length(bp) as u64).saturating_mul(full) + full_len / 2) / full_len,
        };
        let extra = if self.extra_time {
            (base.saturating_mul(u64::from(bp.extra_minutes)) + full / 2) / full
        } else {
            0
        };
        Some(u32::try_from(base + extra).unwrap_or(u32::MAX))
    }

    /// Questions to draw from each domain (index 0 is domain 1), or `None` for a section or task drill,
    /// which takes whatever domains its questions belong to.
    pub fn domain_counts(&self, bp: &Blueprint) -> Option<Vec<usize>> {
        match &self.kind {
            Kind::Full => Some(bp.counts(bp.full_length)),
            Kind::Quick { length } => Some(bp.counts(*length)),
            Kind::Domains { domains, length } => {
                let mut weights = vec![0; bp.domains()];
                for d in valid_domains(domains) {
                    if let Some(w) = weights.get_mut(usize::from(d - 1)) {
                        *w = bp.weights[usize::from(d - 1)];
                    }
                }
                Some(blueprint::split(*length, &weights))
            }
            Kind::Section { .. } | Kind::Tasks { .. } | Kind::Picked { .. } => None,
        }
    }

    /// A short human title for headings and the history list.
    pub fn title(&self) -> String {
        match &self.kind {
            Kind::Full => FULL_TITLE.to_string(),
            Kind::Quick { length } => format!("Quick exam ({length} questions)"),
            Kind::Domains { domains, .. } => {
                let list: Vec<String> = valid_domains(domains).map(|d| d.to_string()).collect();
                drill_title("Domain", "Domains", &list)
            }
            // Named, as a task drill is by its tasks ("Section drill" alone told the history's rows apart
            // by nothing): "Amazon S3 drill" (with no colon: pages put "Results: " before a title); an
            // anchor no longer in the notes keeps the bare name.
            Kind::Section { anchor, .. } => match crate::bank::section(anchor) {
                Some((_, s)) => format!("{} drill", s.title),
                None => "Section drill".to_string(),
            },
            Kind::Tasks { tasks, .. } => drill_title("Task", "Tasks", tasks),
            Kind::Picked { title, .. } => title.clone(),
        }
    }
}

/// "Domain 1 drill", "Domains 1 and 3 drill", "Tasks 1.1, 2.2 and 4.1 drill" ("Domain drill: 1" read
/// like a count).
fn drill_title(one: &str, many: &str, list: &[String]) -> String {
    match list {
        [] => format!("{one} drill"),
        [only] => format!("{one} {only} drill"),
        _ => format!("{many} {} drill", and_list(list)),
    }
}

/// A list in words: "B", "B and D", "A, C and E" (empty for none). The drills' titles, a verdict's key
/// letters and the end dialog's unchecked questions all say lists this way.
pub fn and_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The title of a full mock exam, by which stored summaries are recognised as full mocks.
pub const FULL_TITLE: &str = "Full mock exam";

/// The domains of a drill, sorted, without repeats and without 0 (domains are numbered from 1).
fn valid_domains(domains: &[u8]) -> impl Iterator<Item = u8> + '_ {
    (1..=u8::MAX).filter(|d| domains.contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::exam::blueprint::tests::c03;

    fn spec(kind: Kind) -> Spec {
        Spec {
            kind,
            mode: Mode::Exam,
            extra_time: false,
            seed: 1,
        }
    }

    #[test]
    fn domain_drills_split_by_the_chosen_weights() {
        let drill = |domains: Vec<u8>, length| {
            spec(Kind::Domains { domains, length }).domain_counts(&c03())
        };
        // 1 and 3 weigh 30 and 22: 20 * 30/52 = 11.54, 20 * 22/52 = 8.46, so domain 1 gets the spare one.
        assert_eq!(drill(vec![3, 1], 20), Some(vec![12, 0, 8, 0]));
        assert_eq!(drill(vec![2], 7), Some(vec![0, 7, 0, 0]));
        assert_eq!(drill(vec![4, 4, 9, 0], 5), Some(vec![0, 0, 0, 5]));
        assert_eq!(drill(vec![], 5), Some(vec![0; 4]));
        assert_eq!(drill(vec![1, 2, 3, 4], 30), Some(c03().counts(30)));
        // A made-up exam with three domains: domain 4 does not exist there.
        let three = Blueprint {
            weights: vec![50, 30, 20],
            full_length: 40,
            full_minutes: 90,
            extra_minutes: 20,
        };
        let d = |domains: Vec<u8>| {
            spec(Kind::Domains {
                domains,
                length: 10,
            })
            .domain_counts(&three)
        };
        assert_eq!(d(vec![2, 3, 4]), Some(vec![0, 6, 4]));
        assert_eq!(
            spec(Kind::Full).domain_counts(&three),
            Some(vec![20, 12, 8])
        );
    }

    #[test]
    fn lengths_and_targets() {
        assert_eq!(spec(Kind::Full).length(&c03()), 65);
        assert_eq!(
            spec(Kind::Full).domain_counts(&c03()),
            Some(vec![20, 17, 14, 14])
        );
        assert_eq!(
            spec(Kind::Quick { length: 20 }).domain_counts(&c03()),
            Some(vec![6, 5, 5, 4])
        );
        let section = spec(Kind::Section {
            anchor: "s3".into(),
            length: 10,
        });
        assert_eq!(section.length(&c03()), 10);
        assert_eq!(section.domain_counts(&c03()), None);
    }

    #[test]
    fn minutes_follow_the_real_pace_and_extra_time() {
        let timed = |kind, extra_time| {
            Spec {
                extra_time,
                ..spec(kind)
            }
            .minutes(&c03())
        };
        assert_eq!(timed(Kind::Full, false), Some(130));
        assert_eq!(timed(Kind::Full, true), Some(160));
        assert_eq!(timed(Kind::Quick { length: 10 }, false), Some(20));
        // 20 * 30 / 130 = 4.6 -> 5; 40 * 30 / 130 = 9.2 -> 9; 60 * 30 / 130 = 13.8 -> 14.
        assert_eq!(timed(Kind::Quick { length: 10 }, true), Some(25));
        assert_eq!(timed(Kind::Quick { length: 20 }, true), Some(49));
        assert_eq!(timed(Kind::Quick { length: 30 }, true), Some(74));
        let practice = Spec {
            mode: Mode::Practice,
            extra_time: true,
            ..spec(Kind::Full)
        };
        assert_eq!(practice.minutes(&c03()), None);
        // Another exam's pace: 40 questions in 90 minutes, 20 extra.
        let three = Blueprint {
            weights: vec![50, 30, 20],
            full_length: 40,
            full_minutes: 90,
            extra_minutes: 20,
        };
        assert_eq!(spec(Kind::Full).minutes(&three), Some(90));
        assert_eq!(spec(Kind::Quick { length: 10 }).minutes(&three), Some(23));
        let extra = Spec {
            extra_time: true,
            ..spec(Kind::Full)
        };
        assert_eq!(extra.minutes(&three), Some(110));
    }

    #[test]
    fn titles() {
        assert_eq!(spec(Kind::Full).title(), "Full mock exam");
        assert_eq!(
            spec(Kind::Quick { length: 20 }).title(),
            "Quick exam (20 questions)"
        );
        let drill = spec(Kind::Domains {
            domains: vec![3, 1, 3],
            length: 10,
        });
        assert_eq!(drill.title(), "Domains 1 and 3 drill");
        let one = spec(Kind::Domains {
            domains: vec![2],
            length: 10,
        });
        assert_eq!(one.title(), "Domain 2 drill");
        let three = spec(Kind::Tasks {
            tasks: vec!["1.1".into(), "2.2".into(), "4.1".into()],
            length: 10,
        });
        assert_eq!(three.title(), "Tasks 1.1, 2.2 and 4.1 drill");
        assert_eq!(
            spec(Kind::Section {
                anchor: "x".into(),
                length: 5
            })
            .title(),
            "Section drill"
        );
        let tasks = spec(Kind::Tasks {
            tasks: vec!["2.2".into(), "4.1".into()],
            length: 10,
        });
        assert_eq!(tasks.title(), "Tasks 2.2 and 4.1 drill");
        assert_eq!(tasks.length(&c03()), 10);
        assert_eq!(tasks.domain_counts(&c03()), None);
        assert_eq!(tasks.minutes(&c03()), Some(20));
    }

    #[test]
    fn lists_read_as_words() {
        let l = |v: &[&str]| and_list(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&[]), "");
        assert_eq!(l(&["B"]), "B");
        assert_eq!(l(&["B", "D"]), "B and D");
        assert_eq!(l(&["A", "C", "E"]), "A, C and E");
    }
}
