//! One question as the exam room shows it: stem, options (radio buttons or checkboxes), and in practice
//! mode, once checked, the verdict, the key, the explanation and the note sections that teach it.

use leptos::prelude::*;

use crate::bank::{Question, SECTIONS};
use crate::exam::session::{Confidence, Item};
use crate::route::{Route, with_query};

/// The letter shown before the option at display position `pos`.
pub fn letter(pos: usize) -> char {
    (b'A' + pos as u8) as char
}

/// The letters under which the keys are shown, for a verdict that names them: "B", "B and D", "A, C and E".
/// `keys[i]` says whether original option `i` is a key; `order` maps display position to original option.
pub fn key_letters(keys: &[bool], order: &[u8]) -> String {
    let letters: Vec<String> = order
        .iter()
        .enumerate()
        .filter(|&(_, &orig)| keys.get(usize::from(orig)).copied().unwrap_or(false))
        .map(|(pos, _)| letter(pos).to_string())
        .collect();
    crate::exam::spec::and_list(&letters)
}

/// The practice verdict once an answer is checked: a wrong answer names the right letters, so the learner
/// need not scroll back to the options to see them.
pub fn verdict(correct: bool, keys: &[bool], order: &[u8]) -> String {
    if correct {
        return "✓ Correct".to_string();
    }
    let letters = key_letters(keys, order);
    let plural = keys.iter().filter(|&&k| k).count() > 1;
    format!(
        "✗ Incorrect: the answer{} {letters}",
        if plural { "s are" } else { " is" }
    )
}

/// The explanation as a learner reads it under shuffled options: its closing lines about distractors
/// (`<ul class="why-not">`, one `<li data-option="i">` each, written by the build) are put in the order the
/// options were shown and each starts with that option's letter. Anything else is returned unchanged.
pub fn letter_rebuttals(html: &str, order: &[u8]) -> String {
    // Plain byte searches and no sort: the generic string searcher and sort would each add kilobytes of
    // wasm for a list of at most four lines.
    const OPEN: &str = "<ul class=\"why-not\">\n";
    const ITEM: &str = "<li data-option=\"";
    const END: &str = "</li>\n";
    let find = |from: usize, needle: &str| {
        html.as_bytes()
            .get(from..)?
            .windows(needle.len())
            .position(|w| w == needle.as_bytes())
            .map(|i| from + i)
    };
    let Some(start) = find(0, OPEN) else {
        return html.to_string();
    };
    // Each line: its option's display position and its HTML.
    let mut items: Vec<(usize, &str)> = Vec::new();
    let mut at = start + OPEN.len();
    while html.get(at..).is_some_and(|rest| rest.starts_with(ITEM)) {
        let digit = html.as_bytes().get(at + ITEM.len()).copied().unwrap_or(0);
        let text_at = at + ITEM.len() + 3; // one digit, then `">`
        let (Some(orig), Some(end)) = (digit.checked_sub(b'0'), find(text_at, END)) else {
            return html.to_string();
        };
        // The line ends at the first `</li>` closing at its own depth: nested lists hold plain `<li>`s.
        let mut end = end;
        let mut from = text_at;
        while let Some(open) = find(from, "<li>").filter(|&o| o < end) {
            from = open + 4;
            end = find(end + END.len(), END).unwrap_or(end);
        }
        let Some(pos) = order.iter().position(|&o| o == orig) else {
            return html.to_string();
        };
        items.push((pos, &html[text_at..end]));
        at = end + END.len();
    }
    if items.is_empty() || html.get(at..) != Some("</ul>\n") {
        return html.to_string();
    }
    let mut out = String::with_capacity(html.len() + 40 * items.len());
    out.push_str(&html[..start]);
    out.push_str(OPEN);
    for pos in 0..order.len() {
        if let Some((_, text)) = items.iter().find(|(p, _)| *p == pos) {
            out.push_str("<li><span class=\"opt\">");
            out.push(letter(pos));
            out.push_str("</span> ");
            out.push_str(text);
            out.push_str(END);
        }
    }
    out.push_str("</ul>\n");
    out
}

/// "Choose TWO" for a multiple-response question.
pub fn choose_hint(keys: usize) -> Option<&'static str> {
    match keys {
        2 => Some("Choose TWO"),
        3 => Some("Choose THREE"),
        _ => None,
    }
}

/// The AWS documentation pages that confirm a question's key, opened in a new tab.
#[component]
pub fn DocLinks(question: &'static Question) -> impl IntoView {
    (!question.docs().is_empty()).then(|| {
        let links = question
            .docs()
            .iter()
            .map(|&d| {
                // `<url> <label>`: the build names the guide and the page (compile::doc_label).
                let (u, label) = d.split_once(' ').unwrap_or((d, d));
                view! {
                    <li><a href=u target="_blank" rel="noopener noreferrer">{label}
                        <span class="sr-only">" (AWS documentation, opens in a new tab)"</span></a></li>
                }
            })
            .collect_view();
        view! {
            <div class="doc-links">
                <h3>"AWS documentation"</h3>
                <ul>{links}</ul>
            </div>
        }
    })
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

/// The options of the current question; `item` is read reactively, `on_choose` and `on_strike` get a
/// display position. Each option has a strike-out toggle: a struck option is crossed through and dimmed,
/// and stays selectable, as on a paper exam.
#[component]
pub fn Choices(
    question: &'static Question,
    item: Signal<Option<Item>>,
    locked: Signal<bool>,
    reveal: Signal<bool>,
    on_choose: Callback<usize>,
    on_strike: Callback<usize>,
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
            let struck = move || item.with(|i| i.as_ref().is_some_and(|i| i.struck.contains(&orig)));
            let id = format!("choice-{pos}");
            let l = letter(pos);
            view! {
                <li class="choice" class:chosen=chosen class:key=move || reveal.get() && choice.key
                    class:wrong=move || reveal.get() && !choice.key && chosen() class:struck=struck>
                    <input id=id.clone() type=if multi { "checkbox" } else { "radio" } name="choice"
                        prop:checked=chosen prop:disabled=move || locked.get()
                        on:change=move |ev| {
                            on_choose.run(pos);
                            crate::platform::set_checked(&ev, chosen_now());
                        } />
                    <label for=id>
                        <span class="letter" aria-hidden="true">{l}</span>
                        <span class="text" inner_html=question.choice_html(usize::from(orig))></span>
                        {move || struck().then(|| view! { <span class="sr-only">" (struck out)"</span> })}
                        {move || mark().map(|m| view! { <span class="mark">{m}</span> })}
                    </label>
                    <button type="button" class="strike" id=format!("strike-{pos}")
                        aria-pressed=move || struck().to_string()
                        aria-label=move || format!("{} option {l}", if struck() { "Restore" } else { "Strike out" })
                        title=move || if struck() { "Restore this option (X)" } else { "Strike out this option (X)" }
                        on:click=move |_| on_strike.run(pos)>
                        <span aria-hidden="true">{move || if struck() { "↺" } else { "✕" }}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="choices" role="list">{rows}</ul> }
}

/// The shortcut key of each confidence level in the exam room.
pub fn confidence_key(level: Confidence) -> char {
    match level {
        Confidence::Sure => 'S',
        Confidence::Unsure => 'U',
        Confidence::Guess => 'G',
    }
}

/// "How sure are you?": three toggle buttons under the options. Optional; it feeds "wrong while sure",
/// "right by guessing" and the calibration on the results, and brings misconceptions back first in
/// spaced review. Locked once the answer is checked (how sure one was cannot change after seeing the key).
#[component]
pub fn ConfidencePicker(
    item: Signal<Option<Item>>,
    locked: Signal<bool>,
    on_pick: Callback<Confidence>,
) -> impl IntoView {
    let current = move || item.with(|i| i.as_ref().and_then(|i| i.confidence));
    let button = move |level: Confidence| {
        view! {
            <button type="button" class="pill-button" aria-pressed=move || (current() == Some(level)).to_string()
                prop:disabled=move || locked.get() on:click=move |_| on_pick.run(level)>
                {level.label()} " " <kbd aria-hidden="true">{confidence_key(level)}</kbd>
            </button>
        }
    };
    view! {
        <div class="confidence" role="group" aria-labelledby="confidence-label">
            <span id="confidence-label" class="meta">"How sure are you?"</span>
            {button(Confidence::Sure)}{button(Confidence::Unsure)}{button(Confidence::Guess)}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_about_distractors_follow_the_shown_order_under_their_letters() {
        let html = "<p>Beta is right.</p>\n<ul class=\"why-not\">\n<li data-option=\"0\">Alpha is wrong.</li>\n\
                    <li data-option=\"2\">Gamma is <code>x</code> wrong.</li>\n<li data-option=\"3\">Delta is wrong.</li>\n</ul>\n";
        // Shown as Delta, Beta, Alpha, Gamma: A, B (the key), C, D.
        assert_eq!(
            letter_rebuttals(html, &[3, 1, 0, 2]),
            "<p>Beta is right.</p>\n<ul class=\"why-not\">\n<li><span class=\"opt\">A</span> Delta is wrong.</li>\n\
             <li><span class=\"opt\">C</span> Alpha is wrong.</li>\n<li><span class=\"opt\">D</span> Gamma is <code>x</code> wrong.</li>\n</ul>\n"
        );
        // A line holding its own list keeps it whole.
        let nested = "<ul class=\"why-not\">\n<li data-option=\"1\">One:\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</li>\n\
                      <li data-option=\"0\">Zero.</li>\n</ul>\n";
        assert_eq!(
            letter_rebuttals(nested, &[0, 1, 2, 3]),
            "<ul class=\"why-not\">\n<li><span class=\"opt\">A</span> Zero.</li>\n\
             <li><span class=\"opt\">B</span> One:\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</li>\n</ul>\n"
        );
        // Without the build's marks (or with an order that does not fit), the explanation is left alone.
        assert_eq!(
            letter_rebuttals("<p>x</p>\n<ul>\n<li>y</li>\n</ul>\n", &[0, 1]),
            "<p>x</p>\n<ul>\n<li>y</li>\n</ul>\n"
        );
        assert_eq!(letter_rebuttals(html, &[1, 0]), html);
        assert_eq!(letter_rebuttals("", &[0, 1, 2, 3]), "");
    }

    #[test]
    fn a_wrong_verdict_names_the_keys_by_their_shown_letters() {
        // Original options 0..5, keys 1 and 3, shown in the order 3, 0, 4, 1, 2: keys at A and D.
        let keys = [false, true, false, true, false];
        let order = [3, 0, 4, 1, 2];
        assert_eq!(key_letters(&keys, &order), "A and D");
        assert_eq!(
            verdict(false, &keys, &order),
            "✗ Incorrect: the answers are A and D"
        );
        assert_eq!(verdict(true, &keys, &order), "✓ Correct");
        assert_eq!(
            key_letters(&[true, false, false, false], &[2, 1, 0, 3]),
            "C"
        );
        assert_eq!(
            verdict(false, &[true, false, false, false], &[2, 1, 0, 3]),
            "✗ Incorrect: the answer is C"
        );
        assert_eq!(
            key_letters(
                &[true, true, false, true, false, false],
                &[0, 1, 2, 3, 4, 5]
            ),
            "A, B and D"
        );
    }
}
