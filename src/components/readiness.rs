//! Readiness per task statement and the "Ready to book?" verdict, shown on the dashboard and the history
//! page. The rule and its thresholds live in `study::readiness`, where they are tested and explained.

use leptos::prelude::*;

use crate::bank::{EXAM, QUESTIONS, SECTIONS, Task};
use crate::exam::score::is_correct;
use crate::route::{Route, with_query};
use crate::state::use_app;
use crate::store::history::History;
use crate::study;
use crate::study::readiness::{
    self, DOMAIN_BAR, MIN_ANSWERS, MOCKS, SCORE_BAR, TASK_BAR, TaskReadiness, Verdict,
};

/// The exam's task statements as the history names them ("1.1", ...).
fn task_names() -> Vec<String> {
    EXAM.tasks.iter().map(|t| t.task.to_string()).collect()
}

/// The rule of the verdict, in words.
pub fn rule() -> String {
    format!(
        "Ready when your last {MOCKS} full mock exams each scored at least {SCORE_BAR} (the pass mark is {}, reached at {}% correct; one mock's score varies by about 50 points from draw to draw, so this asks for margin), none had a domain under {DOMAIN_BAR}% (a domain of one mock is few questions, so a little under the pass share is allowed there), and every task statement is at {TASK_BAR}% or more over at least {MIN_ANSWERS} recent questions (a bar only for a real gap; a question skipped counts as wrong).",
        EXAM.pass,
        crate::decimal::fixed(crate::study::scale().pass_percent(), 0)
    )
}

/// "Ready to book?": yes, or exactly what is still missing.
#[component]
pub fn BookingVerdict() -> impl IntoView {
    let app = use_app();
    let verdict = Memo::new(move |_| {
        app.history.with(|h| {
            readiness::verdict(
                h,
                EXAM.code,
                &study::scale(),
                &task_names(),
                EXAM.domains.len(),
            )
        })
    });
    view! {
        <div class="verdict-card" class:ready=move || verdict.get() == Verdict::Ready>
            <h2>"Ready to book?"</h2>
            {move || match verdict.get() {
                Verdict::Ready => view! { <p class="yes">{format!("Yes. Your recent exams meet the bar this app sets for booking {}.", EXAM.code)}</p> }.into_any(),
                Verdict::NotYet(missing) => view! {
                    <p class="no">"Not yet. Still missing:"</p>
                    <ul class="missing">{missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
                }.into_any(),
            }}
            <details><summary>"The rule"</summary><p class="meta">{rule()}</p></details>
        </div>
    }
}

/// The `##` section a section belongs to (itself at level 2).
fn top_section(mut at: usize) -> usize {
    while SECTIONS[at].level > 2 {
        match SECTIONS[at].parent {
            Some(p) => at = usize::from(p),
            None => break,
        }
    }
    at
}

/// For each task statement of the exam (in its order), how often each `##` note section was linked by a
/// question of that task answered wrongly, over every full attempt kept (a question skipped in practice
/// counts nowhere, as in the results' section tallies). Per task, not per section: the overall weakest
/// sections, kept where they served the task, put a Kiro section missed under 1.1 beside 3.2, 3.3, 4.1 and
/// 4.3 too (a learner's walkthrough). One pass, one lookup per item: a pass per task, each looking every
/// item up twice, made the history page with 500 attempts three times slower to draw.
fn missed_by_task(h: &History) -> Vec<Vec<usize>> {
    let mut missed = vec![vec![0usize; SECTIONS.len()]; EXAM.tasks.len()];
    for a in h.full() {
        for item in &a.session.items {
            let Some(i) = study::question_index(item) else {
                continue;
            };
            let q = &QUESTIONS[i];
            if let Some(t) = EXAM.tasks.iter().position(|x| x.task == q.task)
                && !a.session.skipped(item)
                && !is_correct(item, &study::key_lists()[i])
            {
                for &n in q.notes.iter() {
                    missed[t][top_section(usize::from(n))] += 1;
                }
            }
        }
    }
    missed
}

/// The note sections to study for `task`: those its missed questions link, most missed first; with none
/// missed, those serving it that its questions link most (its core: CodePipeline and CodeDeploy for CI/CD,
/// where the notes' first sections tagged with it, Route 53 and Amazon ECS, came first).
fn sections_for(task: &str, missed: &[usize]) -> Vec<usize> {
    let mut count: Vec<usize> = (0..SECTIONS.len())
        .map(|i| missed.get(i).copied().unwrap_or(0))
        .collect();
    let mut out: Vec<usize> = (0..SECTIONS.len()).filter(|&i| count[i] > 0).collect();
    if out.is_empty() {
        count.fill(0);
        for q in QUESTIONS.iter().filter(|q| q.task.to_string() == task) {
            for &n in q.notes.iter() {
                count[top_section(usize::from(n))] += 1;
            }
        }
        out = (0..SECTIONS.len())
            .filter(|&i| {
                SECTIONS[i].level == 2
                    && SECTIONS[i]
                        .tasks
                        .iter()
                        .any(|t: &Task| t.to_string() == task)
            })
            .collect();
    }
    crate::sort::sort_by(&mut out, |a, b| count[*b].cmp(&count[*a]));
    out.truncate(2);
    out
}

/// "↑ 8 points", "↓ 5 points", "steady".
fn trend_words(t: Option<i32>) -> Option<String> {
    t.map(|d| match d {
        d if d >= 5 => format!("↑ {d} points"),
        d if d <= -5 => format!("↓ {} points", -d),
        _ => "steady".to_string(),
    })
}

/// Readiness per task statement, weakest first, each with its note sections and a drill.
///
/// `limit` shows only the weakest few (the dashboard); the history page shows all.
#[component]
pub fn TaskReadinessList(#[prop(optional)] limit: Option<usize>) -> impl IntoView {
    let app = use_app();
    // Each row with its study sections, from one pass over the history for all the rows.
    let rows = Memo::new(move |_| {
        app.history.with(|h| {
            let missed = missed_by_task(h);
            let mut rows = readiness::per_task(h, EXAM.code, &task_names());
            // The dashboard's few weakest are measured ones: after practice alone it listed four rows
            // of "no questions yet" under "Weakest".
            if let Some(n) = limit {
                rows.retain(|t| t.total > 0);
                rows.truncate(n);
            }
            rows.into_iter()
                .map(|t| {
                    let at = EXAM.tasks.iter().position(|x| x.task.to_string() == t.task);
                    let notes = sections_for(&t.task, at.map_or(&[][..], |i| &missed[i]));
                    (t, notes)
                })
                .collect::<Vec<_>>()
        })
    });
    let row = move |(t, notes): (TaskReadiness, Vec<usize>)| {
        let title = EXAM
            .tasks
            .iter()
            .find(|x| x.task.to_string() == t.task)
            .map_or("", |x| x.title);
        let figure = if t.total == 0 {
            "no questions yet".to_string()
        } else {
            let mut f = format!(
                "{}% over {} question{}",
                t.percent(),
                t.total,
                if t.total == 1 { "" } else { "s" }
            );
            if let Some(w) = trend_words(t.trend) {
                f.push_str(&format!(" · {w}"));
            }
            // Only a task with enough questions is judged (red under the bar): one at 20 % over 5 stayed
            // uncoloured beside one at 38 % over 13 in red, with nothing saying why.
            if t.total < MIN_ANSWERS {
                f.push_str(&format!(" · too few to judge ({MIN_ANSWERS} needed)"));
            } else if t.percent() < TASK_BAR {
                // Said in words too, not by the red edge alone.
                f.push_str(&format!(" · under {TASK_BAR}%"));
            }
            f
        };
        let weak = t.total >= MIN_ANSWERS && t.percent() < TASK_BAR;
        let notes = notes
            .into_iter()
            .map(|i| view! { <a href=Route::Note(SECTIONS[i].anchor.to_string()).href()>{SECTIONS[i].title}</a> })
            .collect::<Vec<_>>();
        let drill = with_query(&Route::ExamSetup.href(), "tasks", &t.task);
        view! {
            <li class:weak=weak>
                <p class="task-head"><strong>{format!("Task {}", t.task)}</strong>{format!(" {title}")}</p>
                <p class="task-figure">{figure}</p>
                <p class="task-links">
                    {notes.into_iter().map(|a| view! { {a} " · " }).collect_view()}
                    <a href=drill>{format!("Drill task {}", t.task)}</a>
                </p>
            </li>
        }
    };
    view! {
        <p class="meta">{format!("Share correct per task statement over its latest {} questions, or a few more as whole exams count, in timed {} exams (practice, retries and reviews of due questions are not counted), weakest first. A task statement is judged from {MIN_ANSWERS} questions: red under {TASK_BAR}%.", readiness::WINDOW, EXAM.code)}</p>
        <ol class="task-readiness">{move || rows.get().into_iter().map(row).collect_view()}</ol>
        // Shown by the styles only while the list is empty (static: a reactive branch cost 250 B of wasm).
        <p class="none-yet">"None measured yet: a timed exam measures them."</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exam::spec::{Kind, Mode, Spec};
    use std::collections::HashSet;

    fn titles(task: &str, h: &History) -> Vec<&'static str> {
        let at = EXAM
            .tasks
            .iter()
            .position(|x| x.task.to_string() == task)
            .unwrap();
        sections_for(task, &missed_by_task(h)[at])
            .into_iter()
            .map(|i| SECTIONS[i].title)
            .collect()
    }

    /// A finished exam of these questions, all answered wrongly (nothing chosen) or, in practice, skipped.
    fn missed(ids: &[&str], mode: Mode) -> History {
        let spec = Spec {
            kind: Kind::Picked {
                title: "t".into(),
                ids: ids.iter().map(|s| s.to_string()).collect(),
            },
            mode,
            extra_time: false,
            seed: 1,
        };
        let mut s = study::start(spec, &HashSet::new(), 0.0).unwrap();
        s.submit(1_000.0, false);
        let mut h = History::default();
        h.add(study::finish(s));
        h
    }

    /// The first question of `task` that links the section titled `title`.
    fn asking(task: &str, title: &str) -> &'static str {
        QUESTIONS
            .iter()
            .find(|q| {
                q.task.to_string() == task
                    && q.notes
                        .iter()
                        .any(|&n| SECTIONS[top_section(usize::from(n))].title == title)
            })
            .unwrap()
            .id
    }

    #[test]
    fn a_task_never_missed_suggests_the_sections_its_questions_link_most() {
        // The notes' first sections tagged 3.3 were Route 53 and Amazon ECS; its questions link these.
        // Which of the two leads changes as questions are added (CloudTrail overtook X-Ray), so the pair is
        // compared sorted.
        let none = History::default();
        let sorted = |mut v: Vec<&'static str>| {
            v.sort_unstable();
            v
        };
        assert_eq!(
            sorted(titles("3.3", &none)),
            ["CodePipeline", "ECS Deployments"]
        );
        // For 4.2 the leaders change with the bank (X-Ray gave way to Structured Logging): checked by the
        // rule itself, no chapter tagged 4.2 left out is linked by more of its questions.
        let links = |title: &str| {
            QUESTIONS
                .iter()
                .filter(|q| q.task.to_string() == "4.2")
                .flat_map(|q| q.notes.iter())
                .filter(|&&n| SECTIONS[top_section(usize::from(n))].title == title)
                .count()
        };
        let chosen = titles("4.2", &none);
        assert_eq!(chosen.len(), 2);
        let least = chosen.iter().map(|t| links(t)).min().unwrap();
        for s in SECTIONS.iter().filter(|s| {
            s.level == 2
                && s.tasks.iter().any(|t| t.to_string() == "4.2")
                && !chosen.contains(&s.title)
        }) {
            assert!(
                links(s.title) <= least,
                "{} is linked more than {chosen:?}",
                s.title
            );
        }
        assert!(!titles("2.3", &none).iter().any(|t| t.contains("VPC")));
    }

    #[test]
    fn a_task_missed_suggests_the_sections_its_own_missed_questions_link() {
        // A Kiro question missed under 1.1: the Kiro section serves 3.2, 3.3, 4.1 and 4.3 too, and was
        // offered under each of them; only 1.1 names it now.
        let kiro = asking("1.1", "AI-Assisted Development With Kiro");
        let pipeline = asking("3.3", "CodePipeline");
        let dax = asking("4.3", "DynamoDB Accelerator (DAX)");
        let h = missed(&[kiro, pipeline, dax], Mode::Exam);
        assert_eq!(titles("1.1", &h)[0], "AI-Assisted Development With Kiro");
        assert!(titles("3.3", &h).contains(&"CodePipeline"));
        assert_eq!(titles("4.3", &h), ["DynamoDB Accelerator (DAX)"]);
        for task in ["3.3", "4.3"] {
            assert!(
                !titles(task, &h).contains(&"AI-Assisted Development With Kiro"),
                "{task}"
            );
        }
        // Skipped in practice, a question says nothing: the task falls back to what its questions link.
        let skipped = missed(&[kiro], Mode::Practice);
        assert_eq!(titles("1.1", &skipped), titles("1.1", &History::default()));
    }
}
