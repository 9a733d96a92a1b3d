//! Loading the content files the wasm does not carry (see `crate::bank`): the content index before the
//! app mounts (the page preloads it), the questions file as the app starts (not preloaded by the page, so
//! a slow line brings the code first), then the explanations; the pages that need them wait with a status
//! line, or say why they could not load and offer to try again. A notes chapter is fetched when it is
//! opened, and every chapter when the notes are searched. Offline after the first visit, the service
//! worker has them all.

use leptos::prelude::*;

use crate::bank::{self, CHAPTERS, text};
use crate::platform;
use crate::state::{AppState, Fetch, use_app};

/// Fetches and installs the content index the page names (`<link id="content-index">`, which the page
/// preloads beside the code): the app cannot mount without it. On failure, the reason, as a sentence
/// for the first screen's status line.
pub async fn load_index() -> Result<(), String> {
    let Err(why) = fetch_index().await else {
        return Ok(());
    };
    let reload = if why.contains("reload") {
        ""
    } else {
        " Reload the page to try again."
    };
    Err(format!(
        "The app could not start: its content index {why}.{reload}"
    ))
}

/// The content index the page names, fetched and installed; or why not.
async fn fetch_index() -> Result<(), String> {
    let url = platform::href_of("content-index").ok_or("is not named by this page")?;
    let text = platform::fetch_text(&url).await?;
    bank::install(&url, text)
}

/// Fetches the questions file and installs it; then the explanations. Once the questions are here the
/// app is ready: the boot script may register the service worker.
pub fn load_questions(app: AppState) {
    load(
        app.words,
        bank::questions_file(),
        "the questions file",
        text::install_words,
        move || {
            platform::mark("questions-ready");
            platform::announce_ready();
            load_explanations(app);
        },
    );
}

/// Fetches the explanations file and installs it.
fn load_explanations(app: AppState) {
    load(
        app.explained,
        bank::explanations_file(),
        "the explanations file",
        text::install_explained,
        || {},
    );
}

/// Fetches `file` and installs it, unless it is here already; `state` says how that goes (the reason,
/// starting with `what`, if it fails), and `then` runs once it is here.
fn load(
    state: RwSignal<Fetch>,
    file: &'static str,
    what: &'static str,
    install: fn(String) -> Result<(), String>,
    then: impl FnOnce() + 'static,
) {
    if state.get_untracked() == Fetch::Ready {
        then();
        return;
    }
    state.set(Fetch::Pending);
    leptos::task::spawn_local(async move {
        match platform::fetch_text(file).await.and_then(install) {
            Ok(()) => {
                state.set(Fetch::Ready);
                then();
            }
            Err(why) => state.set(Fetch::Failed(format!("{what} {why}"))),
        }
    });
}

/// Which content a part of a page needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// Stems and options (an exam, the results).
    Questions,
    /// Explanations too (a review, practice feedback).
    Explanations,
}

/// Its children once the content they need is here; meanwhile a status line, and if it could not be
/// loaded, the reason and a way to try again. `inline` for a part of a page (a plain paragraph), else a
/// whole page.
#[component]
pub fn NeedsContent(
    needs: Needs,
    #[prop(optional)] inline: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let app = use_app();
    // The explanations are fetched after the questions: if those failed, that is the reason to show.
    let state = Memo::new(move |_| match (needs, app.words.get()) {
        (Needs::Explanations, Fetch::Ready) => app.explained.get(),
        (_, words) => words,
    });
    let what = match needs {
        Needs::Questions => "Loading the questions…",
        Needs::Explanations if inline => "Loading the explanation…",
        Needs::Explanations => "Loading the questions and explanations…",
    };
    // The page arriving replaces the status heading that had focus: give focus to the new page's heading,
    // unless the learner has moved it somewhere meanwhile.
    if !inline {
        Effect::new(move |before: Option<Fetch>| {
            let now = state.get();
            if now == Fetch::Ready && before.is_some_and(|b| b != Fetch::Ready) {
                request_animation_frame(|| {
                    if platform::focus_lost() {
                        platform::focus_page_heading();
                    }
                });
            }
            now
        });
    }
    let retry = move |_| {
        if app.words.get_untracked() == Fetch::Ready {
            load_explanations(app);
        } else {
            load_questions(app);
        }
    };
    move || match state.get() {
        Fetch::Ready => children().into_any(),
        Fetch::Pending if inline => {
            view! { <p class="loading" role="status">{what}</p> }.into_any()
        }
        Fetch::Pending => view! {
            <section class="page">
                <h1 class="loading" tabindex="-1"><span role="status">{what}</span></h1>
            </section>
        }
        .into_any(),
        Fetch::Failed(why) => {
            let body = view! {
                <p>{format!("Sorry: {why}. Your exams and history are safe on this device.")}</p>
                <p><button type="button" class="button primary" on:click=retry>"Try again"</button></p>
            };
            if inline {
                view! { <div class="notice" role="alert">{body}</div> }.into_any()
            } else {
                view! {
                    <section class="page">
                        <h1 tabindex="-1">"This page could not load"</h1>
                        {body}
                    </section>
                }
                .into_any()
            }
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
