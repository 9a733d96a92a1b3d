//! The start page: what the exam is, what the app holds, and where to begin.

use leptos::prelude::*;

use crate::bank::{self, CHAPTERS, DOMAINS, QUESTIONS, SECTIONS};
use crate::route::Route;
use crate::state::use_app;

/// The dashboard.
#[component]
pub fn Home() -> impl IntoView {
    crate::platform::set_title("DVA-C02 Practice");
    let app = use_app();
    let resume =
        move || {
            app.session.with(|s| s.as_ref().map(|s| s.spec.title())).map(|title| {
            view! { <a class="button" href=Route::Exam.href()>{format!("Resume: {title}")}</a> }
        })
        };
    let last = move || {
        app.history.with(|h| {
            h.last().map(|a| {
                let verdict = if a.outcome.passed { "pass" } else { "fail" };
                let text = format!("Last result: {} / 1000 ({verdict}) in {}", a.outcome.scaled, a.session.spec.title());
                view! { <p class="last"><a href=Route::Results(a.id().to_string()).href()>{text}</a></p> }
            })
        })
    };
    let counts = bank::per_domain();
    let rows = DOMAINS
        .iter()
        .zip(counts)
        .map(|((n, name, weight), count)| {
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
            <h1>"AWS Certified Developer – Associate (DVA-C02)"</h1>
            <p class="lead">
                "Study notes written for the current exam, and practice questions that explain every answer. "
                "Everything runs in your browser; nothing you do leaves this device."
            </p>
            <p class="actions">
                <a class="button primary" href=Route::ExamSetup.href()>"Start an exam"</a>
                {resume}
                <a class="button" href=Route::Notes.href()>"Read the study notes"</a>
            </p>
            {last}
            <h2>"The real exam"</h2>
            <ul class="facts">
                <li><strong>"65 questions"</strong>" (50 scored, 15 unscored and unmarked)"</li>
                <li><strong>"130 minutes"</strong></li>
                <li>"Multiple choice (1 of 4) and multiple response (2 or more of 5 or more)"</li>
                <li>"Scaled score 100–1000; " <strong>"720 passes"</strong>"; no penalty for guessing"</li>
            </ul>
            <h2>"Domains"</h2>
            <table class="domains">
                <caption>"Exam weight per domain, and questions in this app's bank"</caption>
                <thead><tr><th scope="col">"Domain"</th><th scope="col" class="num">"Weight"</th><th scope="col" class="num">"Questions"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="meta">
                {format!("{} chapters and {} sections of notes, {} questions. Bank version {}.",
                    CHAPTERS.len(), SECTIONS.len(), QUESTIONS.len(), bank::BANK_VERSION)}
            </p>
        </section>
    }
}
