//! Readiness per task statement and the "Ready to book?" verdict, shown on the dashboard and the history
//! page. The rule and its thresholds live in `study::readiness`, where they are tested and explained.

use leptos::prelude::*;

use crate::bank::{EXAM, QUESTIONS, SECTIONS, Task};
use crate::route::{Route, with_query};
use crate::state::use_app;
use crate::study::readiness::{
    self, DOMAIN_BAR, MIN_ANSWERS, MOCKS, SCORE_BAR, TASK_BAR, TaskReadiness, Verdict,
};
use crate::study::{self, stats};

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

/// The note sections to study for `task`: those serving it that were missed most; with none missed, those
/// its questions link most (its core: CodePipeline and CodeDeploy for CI/CD, where the notes' first
/// sections tagged with it, Route 53 and Amazon ECS, came first).
fn sections_for(task: &str, weakest: &[(String, usize, usize)]) -> Vec<usize> {
    let serves = |i: usize| {
        SECTIONS[i].level == 2
            && SECTIONS[i]
                .tasks
                .iter()
                .any(|t: &Task| t.to_string() == task)
    };
    let mut out: Vec<usize> = Vec::new();
    for (anchor, _, _) in weakest {
        // A missed subsection points to its `##` section.
        if let Some(top) = crate::bank::section(anchor).map(|(at, _)| top_section(at))
            && serves(top)
            && !out.contains(&top)
        {
            out.push(top);
        }
    }
    if out.is_empty() {
        let mut linked = vec![0usize; SECTIONS.len()];
        for q in QUESTIONS.iter().filter(|q| q.task.to_string() == task) {
            for &n in q.notes.iter() {
                linked[top_section(usize::from(n))] += 1;
            }
        }
        out = (0..SECTIONS.len()).filter(|&i| serves(i)).collect();
        crate::sort::sort_by(&mut out, |a, b| linked[*b].cmp(&linked[*a]));
    }
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
    let rows = Memo::new(move |_| {
        let mut rows = app
            .history
            .with(|h| readiness::per_task(h, EXAM.code, &task_names()));
        rows.truncate(limit.unwrap_or(usize::MAX));
        rows
    });
    let weakest = Memo::new(move |_| app.history.with(|h| stats::weakest_sections(h, 60)));
    let row = move |t: TaskReadiness| {
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
            f
        };
        let weak = t.total >= MIN_ANSWERS && t.percent() < TASK_BAR;
        let notes = sections_for(&t.task, &weakest.get())
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
        <p class="meta">{format!("Share correct per task statement over its last {} or so questions in timed {} exams (practice, retries and reviews of due questions are not counted), weakest first.", readiness::WINDOW, EXAM.code)}</p>
        <ol class="task-readiness">{move || rows.get().into_iter().map(row).collect_view()}</ol>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(task: &str, weakest: &[(String, usize, usize)]) -> Vec<&'static str> {
        sections_for(task, weakest)
            .into_iter()
            .map(|i| SECTIONS[i].title)
            .collect()
    }

    #[test]
    fn a_task_never_missed_suggests_the_sections_its_questions_link_most() {
        // The notes' first sections tagged 3.3 were Route 53 and Amazon ECS; its questions link these.
        assert_eq!(titles("3.3", &[]), ["ECS Deployments", "CodePipeline"]);
        assert_eq!(titles("4.2", &[]), ["AWS X-Ray", "AWS CloudTrail"]);
        assert!(!titles("2.3", &[]).iter().any(|t| t.contains("VPC")));
    }

    #[test]
    fn a_task_missed_suggests_its_sections_missed_most_first() {
        // Missed most first; sections not serving the task are skipped (CodePipeline serves 4.2 too).
        let weakest = [
            ("aws-x-ray".to_string(), 3, 4),
            ("codepipeline".to_string(), 2, 2),
        ];
        assert_eq!(titles("3.3", &weakest), ["CodePipeline"]);
        assert_eq!(titles("4.2", &weakest), ["AWS X-Ray", "CodePipeline"]);
    }
}
