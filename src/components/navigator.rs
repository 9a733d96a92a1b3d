//! The navigator grid: one button per question showing answered, unanswered, flagged and current (and, in
//! practice mode, right or wrong once checked), with a legend; any question opens with a click.

use leptos::prelude::*;

use crate::exam::score::is_correct;
use crate::exam::session::{Answer, Session};
use crate::exam::spec::Mode;
use crate::pages::exam::answer_label;
use crate::study::keys_of;

/// The grid; `on_go` gets the question index. While `reviewing` (the exam's review screen is shown), no
/// cell is marked current: no question is on screen then (the last one kept its outline).
#[component]
pub fn Navigator(
    session: Signal<Option<Session>>,
    on_go: Callback<usize>,
    #[prop(into)] reviewing: Signal<bool>,
) -> impl IntoView {
    let (n, practice) = session.with_untracked(|s| {
        s.as_ref().map_or((0, false), |s| {
            (s.items.len(), s.spec.mode == Mode::Practice)
        })
    });
    let cells = (0..n)
        .map(|i| {
            // The answer, the flag, whether it is shown, and a practice check's verdict: a session half
            // done reads at a glance as which questions went wrong.
            // A memo per cell: a move to the next question changes two cells of hundreds, and only their
            // classes and names are recomputed (each of a 588-question exam's cells redrew on every key).
            let state = Memo::new(move |_| {
                session.with(|s| {
                    s.as_ref()
                        .and_then(|s| {
                            s.items.get(i).map(|it| {
                                let verdict = it
                                    .checked
                                    .then(|| keys_of(&it.id).is_some_and(|k| is_correct(it, &k)));
                                (
                                    it.answer(),
                                    it.flagged,
                                    s.current == i && !reviewing.get(),
                                    verdict,
                                )
                            })
                        })
                        .unwrap_or((Answer::Unanswered, false, false, None))
                })
            });
            let label = move || {
                let (answer, flagged, _, verdict) = state.get();
                format!(
                    "Question {}, {}{}{}",
                    i + 1,
                    answer_label(answer).to_ascii_lowercase(),
                    match verdict {
                        Some(true) => ", checked: right",
                        Some(false) => ", checked: wrong",
                        None => "",
                    },
                    if flagged { ", flagged for review" } else { "" }
                )
            };
            view! {
                <li>
                    <button type="button" class="cell" class:answered=move || state.get().0 == Answer::Complete
                        class:right=move || state.get().3 == Some(true) class:wrong=move || state.get().3 == Some(false)
                        class:partial=move || state.get().0 == Answer::Partial class:flagged=move || state.get().1
                        aria-current=move || state.get().2.then_some("step") aria-label=label
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
                {practice.then(|| view! {
                    <li><span class="cell right" aria-hidden="true"></span>"Right"</li>
                    <li><span class="cell wrong" aria-hidden="true"></span>"Wrong"</li>
                })}
            </ul>
        </nav>
    }
}
