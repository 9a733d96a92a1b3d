//! One question as the exam room shows it: stem, options (radio buttons or checkboxes), and in practice
//! mode, once checked, the verdict, the key, the explanation and the note sections that teach it.

use leptos::prelude::*;

use crate::bank::{Question, SECTIONS};
use crate::exam::session::Item;
use crate::route::{Route, with_query};

/// The letter shown before the option at display position `pos`.
pub fn letter(pos: usize) -> char {
    (b'A' + pos as u8) as char
}

/// "Choose TWO" for a multiple-response question.
pub fn choose_hint(keys: usize) -> Option<&'static str> {
    match keys {
        2 => Some("Choose TWO"),
        3 => Some("Choose THREE"),
        _ => None,
    }
}

/// The links to the note sections a question is linked to; with `back`, the notes offer a way back there.
#[component]
pub fn NoteLinks(
    question: &'static Question,
    #[prop(optional)] back: Option<String>,
) -> impl IntoView {
    let links = question
        .notes
        .iter()
        .map(|&s| {
            let s = &SECTIONS[usize::from(s)];
            let href = Route::Note(s.anchor.to_string()).href();
            let href = match &back {
                Some(b) => with_query(&href, "back", b),
                None => href,
            };
            view! { <li><a href=href>{s.title}</a></li> }
        })
        .collect_view();
    view! {
        <div class="note-links">
            <h3>"Study this in the notes"</h3>
            <ul>{links}</ul>
        </div>
    }
}

/// The options of the current question; `item` is read reactively, `on_choose` gets a display position.
#[component]
pub fn Choices(
    question: &'static Question,
    item: Signal<Option<Item>>,
    locked: Signal<bool>,
    reveal: Signal<bool>,
    on_choose: Callback<usize>,
) -> impl IntoView {
    let multi = question.keys() > 1;
    let order = item.with_untracked(|i| i.as_ref().map(|i| i.order.clone()).unwrap_or_default());
    let rows = order
        .into_iter()
        .enumerate()
        .map(|(pos, orig)| {
            let choice = &question.choices[usize::from(orig)];
            let chosen =
                move || item.with(|i| i.as_ref().is_some_and(|i| i.chosen.contains(&orig)));
            let chosen_now = move || {
                item.with_untracked(|i| i.as_ref().is_some_and(|i| i.chosen.contains(&orig)))
            };
            let mark = move || {
                if !reveal.get() {
                    return None;
                }
                match (choice.key, chosen()) {
                    (true, true) => Some("✓ Correct, your answer"),
                    (true, false) => Some("✓ Correct answer"),
                    (false, true) => Some("✗ Your answer, incorrect"),
                    (false, false) => None,
                }
            };
            let id = format!("choice-{pos}");
            view! {
                <li class="choice" class:chosen=chosen class:key=move || reveal.get() && choice.key
                    class:wrong=move || reveal.get() && !choice.key && chosen()>
                    <input id=id.clone() type=if multi { "checkbox" } else { "radio" } name="choice"
                        prop:checked=chosen prop:disabled=move || locked.get()
                        on:change=move |ev| {
                            on_choose.run(pos);
                            crate::platform::set_checked(&ev, chosen_now());
                        } />
                    <label for=id>
                        <span class="letter" aria-hidden="true">{letter(pos)}</span>
                        <span class="text" inner_html=choice.html></span>
                        {move || mark().map(|m| view! { <span class="mark">{m}</span> })}
                    </label>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="choices" role="list">{rows}</ul> }
}
