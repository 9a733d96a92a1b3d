//! The page for a URL the app does not know.

use leptos::prelude::*;

use crate::route::Route;

/// Says what was asked for and offers the way back.
#[component]
pub fn NotFound(hash: String) -> impl IntoView {
    crate::platform::set_title(&format!(
        "Page not found · {} Practice",
        crate::bank::EXAM.code
    ));
    view! {
        <section class="page narrow">
            <h1>"Page not found"</h1>
            <p>"There is no page at " <code>{hash}</code> "."</p>
            <p><a href=Route::Home.href()>"Go to the start page"</a> " or " <a href=Route::Notes.href()>"browse the study notes"</a> "."</p>
        </section>
    }
}
