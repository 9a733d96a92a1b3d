//! `#/results/<attempt>`: the scaled score and pass or fail against the pass mark, correct/total, time used, a bar
//! per domain with its competency label, how sure the learner was (wrong while sure, right by guessing),
//! the pacing, the note sections missed most, and the way into the review.

use leptos::prelude::*;

use crate::bank::{EXAM, section};
use crate::clock;
use crate::components::domain_bar::{DomainBar, share, share_figure};
use crate::components::insights::{ConfidenceLists, PacingSummary};
use crate::decimal::fixed;
use crate::exam::score::{self, Competency};
use crate::exam::spec::{Kind, Mode, Spec};
use crate::platform;
use crate::route::{Route, with_query};
use crate::state::use_app;
use crate::store::history::{Summary, measures_readiness};
use crate::study;
use crate::study::stats;

/// The words for a domain's verdict, as on AWS's score report.
fn label(c: Competency) -> &'static str {
    match c {
        Competency::Meets => "Meets competencies",
        Competency::NeedsImprovement => "Needs improvement",
    }
}

/// The results of one attempt.
#[component]
pub fn Results(id: String) -> impl IntoView {
    let app = use_app();
    let Some(attempt) = app.history.with_untracked(|h| h.get(&id).cloned()) else {
        let summary = app
            .history
            .with_untracked(|h| h.entries.iter().find(|e| e.id() == id).map(|e| e.summary()));
        if let Some(s) = summary {
            return view! { <Compacted s /> }.into_any();
        }
        platform::set_title(&format!(
            "Results not found · {} Practice",
            crate::bank::EXAM.code
        ));
        return view! {
            <section class="page narrow">
                <h1>"Results not found"</h1>
                <p>"No finished exam with this id is stored in this browser."</p>
                <p><a href=Route::ExamSetup.href()>"Start a new exam"</a></p>
            </section>
        }
        .into_any();
    };
    platform::set_title(&format!("Results · {} Practice", crate::bank::EXAM.code));
    let o = attempt.outcome.clone();
    let s = &attempt.session;
    let scale = study::scale();
    let domains = o
        .domains
        .iter()
        .map(|d| {
            let name = EXAM.domain_name(&s.exam, d.domain).unwrap_or("");
            let p = share(d.correct, d.total);
            let figure = share_figure(d.correct, d.total, "no questions");
            let note = if d.total == 0 {
                "Not tested in this exam"
            } else {
                label(d.competency(&scale))
            };
            view! {
                <DomainBar name=format!("Domain {}: {name}", d.domain) figure percent=p as u32
                    weak=d.competency(&scale) == Competency::NeedsImprovement note />
            }
        })
        .collect_view();
    // The section a learner went to the notes from, on the way back (`?q=<anchor>`): its link is focused
    // and in view (Back, or the notes' "Back to results", returned to the page's top, screens above).
    let from = crate::route::query(&platform::hash(), "q");
    if let Some(a) = from.clone() {
        request_animation_frame(move || {
            platform::focus_match(&format!(".missed a[href^=\"#/notes/{a}?\"]"));
        });
    }
    let results = Route::Results(id.clone()).href();
    // Every section a miss links, most missed first (cut at eight, a question missed further down sent
    // the learner to no section at all); beyond the first ten, folded: a weak mock links ninety.
    let mut missed = o
        .sections
        .iter()
        .filter(|t| t.missed > 0)
        .map(|t| {
            let title = section(&t.section).map_or(t.section.as_str(), |(_, s)| s.title);
            let back = with_query(&results, "q", &t.section);
            let href = with_query(&Route::Note(t.section.clone()).href(), "back", &back);
            view! {
                <li><a href=href on:click=move |_| platform::replace_hash(&back)>{title.to_string()}</a>
                    {format!(" — missed {}\u{a0}of\u{a0}{}", t.missed, t.total)}</li>
            }
        })
        .collect::<Vec<_>>();
    let folded = o
        .sections
        .iter()
        .filter(|t| t.missed > 0)
        .skip(10)
        .any(|t| Some(&t.section) == from.as_ref());
    let more = missed.split_off(missed.len().min(10));
    let more = (!more.is_empty()).then(|| {
        view! {
            <details class="more-missed" open=folded>
                <summary>{format!("{} more sections", more.len())}</summary>
                <ol class="missed" start="11">{more}</ol>
            </details>
        }
    });
    let any_missed = o.sections.iter().any(|t| t.missed > 0);
    let retry_ids = stats::retry_ids(&attempt, study::keys_of);
    let retry_count = retry_ids.len();
    let error = RwSignal::new(None::<String>);
    let mode = s.spec.mode;
    // "Retry (9 questions) of Quick exam (10 questions)"; a retry of a retry names the original exam. (Retries
    // stored before were titled "Retry (9 questions): …", and pages put "Review: " before a title: two colons.)
    let title = s.spec.title();
    let original = title
        .strip_prefix("Retry (")
        .and_then(|t| t.split_once(") of ").or_else(|| t.split_once("): ")))
        .map(|(_, rest)| rest)
        .or_else(|| title.strip_prefix("Retry: "))
        .unwrap_or(&title);
    let noun = if retry_count == 1 {
        "question"
    } else {
        "questions"
    };
    let retry_title = format!("Retry ({retry_count} {noun}) of {original}");
    let retry = move |_| {
        let spec = Spec {
            kind: Kind::Picked {
                title: retry_title.clone(),
                ids: retry_ids.clone(),
            },
            mode,
            extra_time: false,
            seed: platform::random_seed(),
        };
        app.start_exam(spec, error);
    };
    let passed = o.passed;
    let practice = mode == Mode::Practice;
    // Questions skipped in a practice session (a timed exam's unanswered ones are misses like any other).
    let skipped = s.items.iter().filter(|i| s.skipped(i)).count();
    let counted_note = if practice {
        Some(
            "Practice mode shows each answer once checked, so this score is not counted toward readiness or plotted in History.",
        )
    } else if !measures_readiness(&s.spec) {
        Some(
            "A retry or review of chosen questions: this score is not counted toward readiness or plotted in History.",
        )
    } else {
        None
    };
    view! {
        <section class="page results">
            <h1 id="results-title" tabindex="-1">"Results: " {s.spec.title()}</h1>
            // Whether the score counts comes first: under "Simulates the DVA-C03 exam." a practice
            // session's note read as a contradiction.
            {counted_note.map(|n| view! { <p class="meta counted">{n}</p> })}
            <p class="meta exam-code">{exam_label(&s.exam)}</p>
            {s.expired.then(|| view! { <p class="notice">"The time ran out; the exam was submitted with the answers given."</p> })}
            <div class="score" class:pass=passed class:fail=!passed>
                <p class="scaled"><span class="big">{o.scaled}</span>" / 1000"</p>
                <p class="verdict">{if passed { format!("Pass ({} needed)", EXAM.pass) } else { format!("Fail ({} needed)", EXAM.pass) }}</p>
                <p>{format!("{} of {} correct · time used {}", o.correct, o.total, clock::hms(o.used_ms))}</p>
                // Practice is for working through some questions: what was tried, apart from what was skipped.
                {(skipped > 0).then(|| view! {
                    <p class="practice-tally">{format!("Of the {} you answered, {} right; {skipped} skipped.", o.total - skipped, o.correct)}</p>
                })}
                <p class="meta">{format!("The scaled score approximates AWS's scoring: {}% correct maps to {}, and each question counts all or nothing.", fixed(scale.pass_percent(), 0), EXAM.pass)}</p>
            </div>
            <h2>"By domain"</h2>
            <ul class="domains-bars">{domains}</ul>
            <p class="actions">
                // With nothing wrong, "Review missed questions" led to an empty page: all answers lead then.
                {(o.correct < o.total).then(|| view! {
                    <a class="button primary" href=Route::Review(id.clone(), true).href()>"Review missed questions"</a>
                })}
                <a class="button" class:primary=o.correct == o.total href=Route::Review(id.clone(), false).href()>"Review all answers"</a>
                {(retry_count > 0).then(|| view! {
                    <button type="button" class="button" on:click=retry.clone()>
                        {format!("Retry the {retry_count} missed or flagged")}
                    </button>
                })}
                <a class="button" href=Route::ExamSetup.href()>"New exam"</a>
            </p>
            {move || error.get().map(|e| view! { <div class="notice" role="alert"><p>{e}</p></div> })}
            <ConfidenceLists attempt=attempt.clone() />
            <PacingSummary attempt=attempt.clone() />
            <h2>"Sections to study"</h2>
            {(skipped > 0).then(|| view! {
                <p class="meta">{format!("The {skipped} {} you skipped {} left out: in practice mode no note section is suggested for a skipped question.",
                    if skipped == 1 { "question" } else { "questions" }, if skipped == 1 { "is" } else { "are" })}</p>
            })}
            {if any_missed { view! { <ol class="missed">{missed}</ol> {more} }.into_any() } else {
                let text = if o.correct == o.total { "You missed nothing. Well done." }
                    else if skipped > 0 { "Every question you answered was right." }
                    else { "No section to list: the questions missed are no longer in the bank." };
                view! { <p>{text}</p> }.into_any() }}
        </section>
    }
    .into_any()
}

/// Which exam an attempt simulated, said plainly when it is not the current one.
pub fn exam_label(code: &str) -> String {
    if code == EXAM.code {
        format!("Simulates the {} exam.", EXAM.code)
    } else {
        format!(
            "Simulated the {code} exam, scored and reported as it was then (the current exam is {}).",
            EXAM.code
        )
    }
}

/// The results of an attempt compacted to its summary to save storage: the figures, without the review.
#[component]
fn Compacted(s: Summary) -> impl IntoView {
    platform::set_title(&format!("Results · {} Practice", crate::bank::EXAM.code));
    let rows = s
        .domains
        .iter()
        .enumerate()
        .map(|(d, (c, t))| {
            let name = EXAM.domain_name(&s.exam, d as u8 + 1).unwrap_or("");
            let label = label(score::competency(*c, *t, &study::scale()));
            view! { <li>{format!("Domain {}: {name}: {c}/{t} · {label}", d + 1)}</li> }
        })
        .collect_view();
    view! {
        <section class="page results">
            <h1>"Results: " {s.title.clone()}</h1>
            <p class="meta exam-code">{exam_label(&s.exam)}</p>
            <div class="score" class:pass=s.passed class:fail=!s.passed>
                <p class="scaled"><span class="big">{s.scaled}</span>" / 1000"</p>
                <p class="verdict">{if s.passed { "Pass" } else { "Fail" }}</p>
                <p>{format!("{} of {} correct · time used {}", s.correct, s.total, clock::hms(s.finished_ms - s.started_ms))}</p>
            </div>
            <ul>{rows}</ul>
            <p class="meta">"This attempt was reduced to its summary when browser storage ran full, so its questions can no longer be reviewed."</p>
        </section>
    }
}
