//! "Report a problem with this question" under a question's explanation (review and practice feedback):
//! a prefilled issue on the project's repository when the build names one (`DVA_REPORT_URL`), otherwise
//! the same report copied to the clipboard. Nothing is sent without the learner's click.

use leptos::prelude::*;

use crate::bank::{EXAM, Question};
use crate::components::question::letter;
use crate::exam::session::Item;
use crate::platform;
use crate::report::{self, Report};

/// Letters, in the order shown, of the options of `item` that `pick` selects ("none" when empty).
fn letters(item: &Item, pick: impl Fn(u8) -> bool) -> String {
    let list: Vec<String> = item
        .order
        .iter()
        .enumerate()
        .filter(|(_, o)| pick(**o))
        .map(|(pos, _)| letter(pos).to_string())
        .collect();
    if list.is_empty() {
        "none".to_string()
    } else {
        list.join(", ")
    }
}

#[component]
pub fn ReportLink(question: &'static Question, item: Item) -> impl IntoView {
    let answer = letters(&item, |o| item.chosen.contains(&o));
    let key = letters(&item, |o| {
        question.choices.get(usize::from(o)).is_some_and(|c| c.key)
    });
    let r = Report {
        question: question.id,
        bank_version: crate::bank::bank_version(),
        exam: EXAM.code,
        answer: &answer,
        key: &key,
    };
    match report::base_url() {
        Some(base) => view! {
            <p class="report">
                <a href=r.url(base) target="_blank" rel="noopener noreferrer">
                    "Report a problem with this question"
                    <span class="sr-only">" (opens the issue tracker in a new tab)"</span>
                </a>
            </p>
        }
        .into_any(),
        None => {
            let text = r.text();
            let said = RwSignal::new(String::new());
            view! {
                <p class="report">
                    <button type="button" class="linkish" on:click=move |_| {
                        platform::copy_text(&text, move |ok| {
                            let _ = said.try_set(if ok {
                                "Copied: the report (question id, bank version, your answer) is on your clipboard. This copy of the app names no issue tracker; paste it into a message to whoever runs it.".to_string()
                            } else {
                                "Could not copy. The question id is shown in the address of this page's review.".to_string()
                            });
                        });
                    }>"Report a problem with this question"</button>
                    " "<span class="meta" role="status">{move || said.get()}</span>
                </p>
            }
            .into_any()
        }
    }
}
