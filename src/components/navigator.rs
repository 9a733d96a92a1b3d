//! The navigator grid: one button per question showing answered, unanswered, flagged and current, with a
//! legend; any question opens with a click.

use leptos::prelude::*;

use crate::exam::session::{Answer, Session};
use crate::pages::exam::answer_label;

/// The grid; `on_go` gets the question index.
#[component]
pub fn Navigator(session: Signal<Option<Session>>, on_go: Callback<usize>) -> impl IntoView {
    let n = session.with_untracked(|s| s.as_ref().map_or(0, |s| s.items.len()));
    let cells = (0..n)
        .map(|i| {
            let state = move || {
                session.with(|s| {
                    s.as_ref().and_then(|s| s.items.get(i).map(|it| (it.answer(), it.flagged, s.current == i)))
                        .unwrap_or((Answer::Unanswered, false, false))
                })
            };
            let label = move || {
                let (answer, flagged, _) = state();
                format!(
                    "Question {}, {}{}",
                    i + 1,
                    answer_label(answer).to_ascii_lowercase(),
                    if flagged { ", flagged for review" } else { "" }
                )
            };
            view! {
                <li>
                    <button type="button" class="cell" class:answered=move || state().0 == Answer::Complete
                        class:partial=move || state().0 == Answer::Partial class:flagged=move || state().1
                        aria-current=move || state().2.then_some("step") aria-label=label
                        on:click=move |_| on_go.run(i)>{i + 1}</button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="navigator" aria-label="Questions">
            <ol class="grid">{cells}</ol>
            <ul class="legend" aria-label="Legend">
                <li><span class="cell answered" aria-hidden="true"></span>"Answered"</li>
                <li><span class="cell partial" aria-hidden="true"></span>"Partly answered"</li>
                <li><span class="cell" aria-hidden="true"></span>"Unanswered"</li>
                <li><span class="cell flagged" aria-hidden="true"></span>"Flagged"</li>
                <li><span class="cell current" aria-hidden="true"></span>"Current"</li>
            </ul>
        </nav>
    }
}
