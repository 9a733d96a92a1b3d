//! The dashboard (`#/`): start buttons, the exam in progress, the last result, the "Ready to book?"
//! verdict, readiness per domain and the weakest task statements from recent attempts, the questions due
//! for spaced review, and the weakest note sections.

use leptos::prelude::*;

use crate::bank::{self, CHAPTERS, EXAM, QUESTIONS, SECTIONS};
use crate::components::domain_bar::{DomainBar, share, share_figure};
use crate::components::readiness::{BookingVerdict, TaskReadinessList};
use crate::exam::spec::{Kind, Mode, Spec};
use crate::pages::history::section_links;
use crate::platform;
use crate::route::Route;
use crate::state::use_app;
use crate::study;
use crate::study::spaced;
use crate::study::stats;

/// How many recent attempts readiness looks at.
const RECENT: usize = 5;

/// The dashboard.
#[component]
pub fn Home() -> impl IntoView {
    platform::set_title(&format!("{} Practice", EXAM.code));
    let app = use_app();
    let now = platform::now_ms();
    let due = Memo::new(move |_| {
        app.history
            .with(|h| spaced::due_now(h, study::keys_of, now))
    });
    let readiness = Memo::new(move |_| {
        app.history
            .with(|h| stats::readiness_counts(h, RECENT, EXAM.code, EXAM.domains.len()))
    });
    let transition = EXAM.transition(&crate::pages::history::date(now)[..10]);
    let weakest = Memo::new(move |_| {
        app.history
            .with(|h| stats::weakest_sections(h, 5, study::nested_sections))
    });
    let has_history = Memo::new(move |_| app.history.with(|h| !h.is_empty()));
    let error = RwSignal::new(None::<String>);

    // An exam in progress comes first: described above its buttons (below them it was out of sight on a
    // phone), with how far it got and its clock, which ticks as the exam's own does; starting another is then
    // the second choice.
    let tick = app.now;
    let status = move || {
        app.session.with(|s| {
            s.as_ref().map(|s| {
                let left = s
                    .remaining_ms(tick.get())
                    .map_or("untimed".to_string(), |ms| {
                        format!(
                            "{} left; the clock keeps running while you are away",
                            crate::clock::hms(ms)
                        )
                    });
                format!("{} of {} answered · {left}", s.counts().0, s.items.len())
            })
        })
    };
    let start = move || {
        let resume = app.session.with(|s| s.as_ref().map(|s| s.spec.title()));
        let running = resume.is_some();
        view! {
            {running.then(|| view! { <p class="resume-status">"Exam in progress: " {status}</p> })}
            <p class="actions">
                {resume.map(|title| view! { <a class="button primary" href=Route::Exam.href()>{format!("Resume: {title}")}</a> })}
                <a class="button" class:primary=!running href=Route::ExamSetup.href()>
                    {if running { "Start another exam" } else { "Start an exam" }}</a>
                <a class="button" href=Route::Notes.href()>"Read the study notes"</a>
            </p>
        }
    };
    // Starts a review of the `n` most overdue questions (all of them when `n` is larger).
    let start_due = move |n: usize| {
        let mut ids = due.get_untracked();
        ids.truncate(n);
        let spec = Spec {
            kind: Kind::Picked {
                title: format!("Due for review ({} questions)", ids.len()),
                ids,
            },
            mode: Mode::Practice,
            extra_time: false,
            seed: platform::random_seed(),
        };
        app.start_exam(spec, error);
    };
    let last = move || {
        app.history.with(|h| {
            h.entries.last().map(|e| {
                let s = e.summary();
                let verdict = if s.passed { "pass" } else { "fail" };
                // A practice session or a retry says so: its score does not measure readiness.
                let tag = crate::pages::history::attempt_tag(e)
                    .map_or(String::new(), |t| format!(" · {}", crate::search::lower(t)));
                let text = format!(
                    "Last result: {} / 1000 ({verdict}), {}{tag}",
                    s.scaled, s.title
                );
                view! { <p class="last"><a href=Route::Results(s.id.clone()).href()>{text}</a></p> }
            })
        })
    };
    let readiness_rows = move || {
        let r = readiness.get();
        EXAM.domains
            .iter()
            .zip(r)
            .map(|(d, (correct, total))| {
                let (n, name) = (d.number, d.name);
                // The results page's test of a domain, in exact arithmetic (nothing asked is not weak).
                let weak = crate::exam::score::competency(correct, total, &study::scale())
                    == crate::exam::score::Competency::NeedsImprovement;
                view! { <DomainBar name=format!("Domain {n}: {name}") figure=share_figure(correct, total, "not tested yet")
                    percent=share(correct, total) as u32 weak /> }
            })
            .collect_view()
    };
    let weak_list = move || {
        weakest
            .get()
            .into_iter()
            .map(|(anchor, missed, total)| {
                let (title, notes, drill) = section_links(&anchor);
                view! {
                    <li><a href=notes>{title}</a>
                        {format!(" — missed {missed} of {total}")}
                        {drill.map(|d| view! { " · " <a href=d>"drill"</a> })}</li>
                }
            })
            .collect_view()
    };
    let counts = bank::per_domain();
    let rows = EXAM
        .domains
        .iter()
        .zip(counts)
        .map(|(d, count)| {
            let (n, name, weight) = (d.number, d.name, d.weight);
            view! {
                <tr>
                    <th scope="row">{format!("{n}. {name}")}</th>
                    <td class="num">{format!("{weight}%")}</td>
                    <td class="num">{count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="page">
            <h1>{EXAM.name}" " <span class="nowrap">{format!("({})", EXAM.code)}</span></h1>
            {transition.map(|t| view! { <p class="notice exam-change">{t}</p> })}
            <p class="lead">
                "Study notes written for the current exam, and practice questions that explain every answer. "
                "New here? A quick exam of 10 questions shows where you stand and which notes to read first. "
                "Everything runs in your browser; nothing you do leaves this device."
            </p>
            {start}
            {last}
            {move || error.get().map(|e| view! { <div class="notice" role="alert"><p>{e}</p></div> })}
            <Show when=move || has_history.get()>
                <BookingVerdict />
                <div class="dash">
                    <div>
                        <h2>"Readiness"</h2>
                        <p class="meta">{format!("Share correct per domain over your last {RECENT} timed {} exams (retries, reviews of due questions, practice mode and attempts under an earlier exam are not counted). The mark on each bar is {p}%, the share correct that scores the pass mark of {}, and a bar under it is red; \"Ready to book?\" asks for more margin (its rule says how much).", EXAM.code, EXAM.pass, p = crate::decimal::fixed(crate::study::scale().pass_percent(), 0))}</p>
                        <ul class="domains-bars">{readiness_rows}</ul>
                        <h2>"Weakest task statements"</h2>
                        <TaskReadinessList limit=4 />
                        <p><a href=Route::History.href()>"All twelve task statements"</a></p>
                    </div>
                    <div>
                        <h2>"Due for review"</h2>
                        <p class="meta">"From all your attempts."</p>
                        {move || {
                            let n = due.get().len();
                            if n == 0 {
                                view! { <p>"Nothing is due. Questions you miss come back after 1, 2, 4, 8 and 16 days until you answer them right."</p> }.into_any()
                            } else {
                                view! {
                                    <p>{format!("{n} {} you missed or guessed right {} due again.", if n == 1 { "question" } else { "questions" }, if n == 1 { "is" } else { "are" })}</p>
                                    <p class="row">
                                        {[10usize, 20].into_iter().filter(|&k| k < n).map(|k| view! {
                                            <button type="button" class="button" on:click=move |_| start_due(k)>{format!("Review {k}")}</button>
                                        }).collect_view()}
                                        <button type="button" class="button primary" on:click=move |_| start_due(n)>
                                            {if n == 1 { "Review it now".to_string() } else { format!("Review all {n}") }}
                                        </button>
                                    </p>
                                }.into_any()
                            }
                        }}
                        <h2>"Weakest sections"</h2>
                        {move || if weakest.get().is_empty() {
                            view! { <p>"No missed questions yet."</p> }.into_any()
                        } else {
                            view! { <ol class="missed">{weak_list}</ol> }.into_any()
                        }}
                        <p><a href=Route::History.href()>"All history"</a></p>
                    </div>
                </div>
            </Show>
            <h2>"The real exam " <span class="nowrap">{format!("({})", EXAM.code)}</span></h2>
            <ul class="facts">
                <li><strong>{format!("{} questions", EXAM.questions)}</strong>" (50 scored, 15 unscored and unmarked)"</li>
                <li><strong>{format!("{} minutes", EXAM.minutes)}</strong>{format!(" (+{} on request for non-native English speakers)", EXAM.extra_minutes)}</li>
                <li>"Multiple choice (1 of 4) and multiple response (2 or more of 5 or more)"</li>
                <li>{format!("Scaled score {}–{}; ", EXAM.min, EXAM.max)} <strong>{format!("{} passes", EXAM.pass)}</strong>"; no penalty for guessing"</li>
            </ul>
            <h2>"Domains"</h2>
            <table class="domains">
                <caption>"Exam weight per domain, and questions in this app's bank"</caption>
                <thead><tr><th scope="col">"Domain"</th><th scope="col" class="num">"Weight"</th><th scope="col" class="num">"Questions"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="meta">
                {format!("{} chapters and {} sections of notes, {} questions.",
                    CHAPTERS.len(), SECTIONS.len(), QUESTIONS.len())}
            </p>
        </section>
    }
}
