//! `#/review/<attempt>`: each question of a finished attempt with the answer given, the key, the
//! explanation and the note sections that teach it. The choice marks use words and symbols, not colour alone.

use leptos::prelude::*;

use crate::bank::QUESTIONS;
use crate::components::question::{NoteLinks, letter};
use crate::exam::score;
use crate::platform;
use crate::route::Route;
use crate::state::use_app;
use crate::study;

/// The review of one attempt; `incorrect` shows only the questions answered wrongly (or not at all).
#[component]
pub fn Review(id: String, incorrect: bool) -> impl IntoView {
    let app = use_app();
    platform::set_title("Review · DVA-C02 Practice");
    let Some(attempt) = app.history.with_untracked(|h| h.get(&id).cloned()) else {
        return view! {
            <section class="page narrow"><h1>"Review not found"</h1>
            <p>"No finished exam with this id is stored in this browser."</p></section>
        }
        .into_any();
    };
    let items = attempt
        .session
        .items
        .iter()
        .enumerate()
        .filter_map(|(n, item)| {
            let Some(k) = study::find(&item.id) else {
                return (!incorrect).then(|| view! {
                    <li class="card"><h2>{format!("Question {}", n + 1)}</h2><p>"This question was retired from the bank."</p></li>
                }.into_any());
            };
            let q = &QUESTIONS[k];
            let keys: Vec<u8> = q.choices.iter().enumerate().filter(|(_, c)| c.key).map(|(i, _)| i as u8).collect();
            let right = score::is_correct(item, &keys);
            if incorrect && right {
                return None;
            }
            let verdict = if item.chosen.is_empty() { "Unanswered" } else if right { "✓ Correct" } else { "✗ Incorrect" };
            let options = item.order.iter().enumerate().map(|(pos, &orig)| {
                let c = &q.choices[usize::from(orig)];
                let chosen = item.chosen.contains(&orig);
                let mark = match (c.key, chosen) {
                    (true, true) => "✓ Correct · your answer",
                    (true, false) => "✓ Correct answer",
                    (false, true) => "✗ Your answer",
                    _ => "",
                };
                view! {
                    <li class="choice static" class:key=c.key class:wrong=chosen && !c.key class:chosen=chosen>
                        <span class="letter">{letter(pos)}</span>
                        <span class="text" inner_html=c.html></span>
                        <span class="mark">{mark}</span>
                    </li>
                }
            }).collect_view();
            Some(view! {
                <li class="card">
                    <h2>{format!("Question {}", n + 1)} <span class="verdict" class:right=right class:wrong=!right>{verdict}</span>
                        {item.flagged.then_some(" ⚑ Flagged")}</h2>
                    <div class="stem" inner_html=q.stem></div>
                    <ul class="choices">{options}</ul>
                    <details open=!right>
                        <summary>"Explanation"</summary>
                        <div class="explanation" inner_html=q.explanation></div>
                    </details>
                    <NoteLinks question=q />
                </li>
            }.into_any())
        })
        .collect::<Vec<_>>();
    let empty = items.is_empty();
    view! {
        <section class="page review">
            <h1>{if incorrect { "Incorrect answers" } else { "All answers" }}</h1>
            <p class="actions">
                <a class="button" href=Route::Results(id.clone()).href()>"Back to results"</a>
                {if incorrect {
                    view! { <a class="button" href=Route::Review(id.clone(), false).href()>"Show all answers"</a> }
                } else {
                    view! { <a class="button" href=Route::Review(id.clone(), true).href()>"Show only incorrect"</a> }
                }}
            </p>
            {empty.then(|| view! { <p>"Every answer was correct."</p> })}
            <ol class="review-items">{items}</ol>
        </section>
    }
    .into_any()
}
