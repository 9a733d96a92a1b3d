//! Loading the content files the wasm does not carry (see `crate::bank::text`): the bank file at start,
//! and the pages that need the questions' words waiting for it; a notes chapter when it is opened, and
//! every chapter when the notes are searched. Offline after the first visit, the service worker has them.

use leptos::prelude::*;

use crate::bank::{self, CHAPTERS, text};
use crate::platform;
use crate::state::{Fetch, use_app};

/// Fetches the bank file (the page preloads it beside the code) and installs it. Once it is here the app
/// is ready: the boot script may register the service worker.
pub fn load_questions() {
    let app = use_app();
    if app.words.get_untracked() == Fetch::Ready {
        platform::announce_ready();
        return;
    }
    app.words.set(Fetch::Pending);
    leptos::task::spawn_local(async move {
        let result = match platform::fetch_text(bank::BANK_FILE).await {
            Ok(body) => text::install_bank(body),
            Err(why) => Err(format!("the question file {why}")),
        };
        match result {
            Ok(()) => {
                app.words.set(Fetch::Ready);
                platform::mark("questions-ready");
                platform::announce_ready();
            }
            Err(why) => app.words.set(Fetch::Failed(why)),
        }
    });
}

/// Its children once the questions' words are here; meanwhile a short status line, and if they could not
/// be loaded, the reason and a way to try again.
#[component]
pub fn NeedsQuestions(children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    let state = Memo::new(move |_| app.words.get());
    move || {
        match state.get() {
        Fetch::Ready => children().into_any(),
        Fetch::Pending => view! {
            <section class="page"><p class="loading" role="status">"Loading the questions…"</p></section>
        }
        .into_any(),
        Fetch::Failed(why) => view! {
            <section class="page">
                <h1 tabindex="-1">"The questions did not load"</h1>
                <p>{format!("Sorry: {why}. Your exams and history are safe on this device.")}</p>
                <p><button type="button" class="button primary" on:click=move |_| load_questions()>"Try again"</button></p>
            </section>
        }
        .into_any(),
    }
    }
}

/// Fetches chapter `index` unless it is here; `done` hears whether it now is (with the reason if not).
pub fn load_chapter(index: usize, done: impl FnOnce(Result<(), String>) + 'static) {
    if text::chapter(index).is_some() {
        done(Ok(()));
        return;
    }
    let Some(ch) = CHAPTERS.get(index) else {
        done(Err("there is no such chapter".into()));
        return;
    };
    leptos::task::spawn_local(async move {
        done(
            platform::fetch_text(ch.file)
                .await
                .map(|html| text::install_chapter(index, html))
                .map_err(|why| format!("the chapter {why}")),
        );
    });
}

/// Fetches every chapter not yet here (for search), all at once; `done` hears whether they all are.
pub fn load_all_chapters(done: impl FnOnce(Result<(), String>) + 'static) {
    let started: Vec<_> = (0..CHAPTERS.len())
        .filter(|&i| text::chapter(i).is_none())
        .map(|i| (i, platform::fetch_text(CHAPTERS[i].file)))
        .collect();
    if started.is_empty() {
        done(Ok(()));
        return;
    }
    leptos::task::spawn_local(async move {
        let mut result = Ok(());
        for (i, fetch) in started {
            match fetch.await {
                Ok(html) => text::install_chapter(i, html),
                Err(why) => result = Err(format!("a chapter {why}")),
            }
        }
        done(result);
    });
}
