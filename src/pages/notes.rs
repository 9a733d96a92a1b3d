//! The notes reader: the table of contents with search at `#/notes`, and a chapter opened at a section at
//! `#/notes/<anchor>` (scrolled into view, highlighted and focused, also on a direct deep link).

use std::sync::OnceLock;

use leptos::prelude::*;

use crate::bank::{self, CHAPTERS, SECTIONS, text};
use crate::components::content::{load_all_chapters, load_chapter};
use crate::platform;
use crate::route::{Route, query, with_query};
use crate::search::{self, Index};
use crate::state::Fetch;

/// How many search results are shown at first, and added by each "Show more".
const PAGE: usize = 50;

/// The search index, once every chapter is here (built on first use).
fn index() -> Option<&'static Index> {
    static INDEX: OnceLock<Index> = OnceLock::new();
    if INDEX.get().is_none() && !text::all_chapters_ready() {
        return None;
    }
    Some(INDEX.get_or_init(|| {
        Index::new(
            SECTIONS
                .iter()
                .map(|s| (s.title, s.html().unwrap_or_default())),
        )
    }))
}

fn note_href(anchor: &str) -> String {
    Route::Note(anchor.to_string()).href()
}

/// The contents page with search `q` in its address (`#/notes?q=...`), or without one when `q` is blank.
fn search_href(q: &str) -> String {
    if q.trim().is_empty() {
        Route::Notes.href()
    } else {
        with_query(&Route::Notes.href(), "q", q)
    }
}

/// The notes page; `anchor` is the section asked for, if any.
#[component]
pub fn NotesPage(anchor: Memo<Option<String>>) -> impl IntoView {
    let found = Memo::new(move |_| anchor.get().map(|a| bank::section(&a).map(|(i, _)| i)));
    move || match found.get() {
        None => view! { <Contents missing=None /> }.into_any(),
        Some(None) => view! { <Contents missing=anchor.get_untracked() /> }.into_any(),
        Some(Some(_)) => view! { <ChapterView anchor found /> }.into_any(),
    }
}

/// The table of contents by chapter, with a search box that filters sections as you type.
#[component]
fn Contents(missing: Option<String>) -> impl IntoView {
    platform::set_title(&format!(
        "Study notes · {} Practice",
        crate::bank::EXAM.code
    ));
    // The query lives in the address too (`#/notes?q=...`, replaced as you type, no history entry per
    // key), so Back from a result finds the results again.
    let query = RwSignal::new(query(&platform::hash(), "q").unwrap_or_default());
    let kept = RwSignal::new(false);
    // Search reads every chapter: they are fetched when the search box is first used (the service
    // worker keeps them after the first visit).
    let chapters = RwSignal::new(Fetch::of(text::all_chapters_ready()));
    let fetching = RwSignal::new(false);
    let fetch_all = move || {
        if chapters.get_untracked() != Fetch::Ready && !fetching.get_untracked() {
            fetching.set(true);
            load_all_chapters(move |r| {
                fetching.set(false);
                chapters.set(match r {
                    Ok(()) => Fetch::Ready,
                    Err(why) => Fetch::Failed(why),
                });
            });
        }
    };
    if !query.get_untracked().trim().is_empty() {
        fetch_all();
    }
    // The box follows the address: Back through earlier searches, or a query edited in the address bar
    // (the box kept the old words, the address the new).
    let follow = window_event_listener(leptos::ev::hashchange, move |_| {
        let q = crate::route::query(&platform::hash(), "q").unwrap_or_default();
        if query.try_get_untracked().is_some_and(|old| old != q) {
            if !q.trim().is_empty() {
                fetch_all();
            }
            query.set(q);
        }
    });
    on_cleanup(move || follow.remove());
    // Results come [`PAGE`] at a time: "Show 50 more" raises the limit for this query only (a new query
    // starts again at 50). The whole list of a broad query ("lambda": hundreds) would be a long page of
    // links; the cap used to be silent about the rest.
    // How many were shown is in the address too (`&n=100`), so Back to a result past the first 50 finds it.
    let shown_before = crate::route::query(&platform::hash(), "n")
        .and_then(|n| n.parse::<usize>().ok())
        .map_or(PAGE, |n| n.max(PAGE));
    let more = RwSignal::new((query.get_untracked(), shown_before));
    // How many results query `q` shows: more only for the query that asked for them.
    let limit_for = move |q: &str| more.with_untracked(|(at, n)| if at == q { *n } else { PAGE });
    let limit = move || {
        more.track();
        query.with(|q| limit_for(q))
    };
    // The results' address: the query, and how many are shown when more than the first page.
    let list_href = move |q: &str| {
        let n = limit_for(q);
        if n > PAGE {
            with_query(&search_href(q), "n", &n.to_string())
        } else {
            search_href(q)
        }
    };
    let found = Memo::new(move |_| {
        chapters.track(); // the index exists once every chapter is here
        let q = query.get();
        index()
            .map(|i| i.search_counted(&q, limit()))
            .unwrap_or_default()
    });
    let total = move || found.with(|(_, n)| *n);
    let shown = move || found.with(|(h, _)| h.len());
    // Back at the results from a section (the browser's Back or "← Back to search results"), focus returns
    // to the result opened, `at` in the address (written as it was opened): the page had kept the
    // chapter's scroll, at the list's end, with focus on nothing. Once, when the results are here.
    let at = crate::route::query(&platform::hash(), "at");
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || shown() == 0 {
            return done.unwrap_or(false);
        }
        if let Some(a) = &at {
            let link = format!("ol.hits a[href^=\"{}?\"]", note_href(a));
            request_animation_frame(move || platform::focus_match(&link));
        }
        true
    });
    let notice = missing.map(|a| {
        view! {
            <div class="notice" role="alert">
                <p>"There is no section " <code>{format!("#{a}")}</code> " in the notes. It may have been renamed; pick one below or search."</p>
            </div>
        }
    });
    view! {
        <section class="page">
            <h1 id="notes-top" tabindex="-1">"Study notes"</h1>
            {notice}
            <div class="search">
                <label for="note-search">"Search the notes"</label>
                <input id="note-search" type="search" autocomplete="off" placeholder="e.g. visibility timeout"
                    prop:value=move || query.get()
                    on:focus=move |_| fetch_all()
                    on:input=move |ev| {
                        fetch_all();
                        let q = event_target_value(&ev);
                        // A search moved on from (Enter, or the box left) keeps its history entry: the
                        // next one's first key adds an entry, so Back returns to it; keys in between
                        // replace theirs (no entry per key).
                        if kept.get_untracked() {
                            kept.set(false);
                            platform::push_hash(&search_href(&q));
                        } else {
                            platform::replace_hash(&search_href(&q));
                        }
                        query.set(q);
                    }
                    on:change=move |_| kept.set(true) />
                <p class="count" aria-live="polite">{move || {
                    let q = query.get();
                    if q.trim().is_empty() { String::new() } else if let Fetch::Failed(why) = chapters.get() {
                        format!("Search needs every chapter, but {why}.")
                    } else if chapters.get() == Fetch::Pending {
                        "Loading the notes to search…".to_string()
                    } else {
                        let shown = shown();
                        match total() { 0 => "No section matches.".to_string(), 1 => "1 section matches.".to_string(),
                            n if n > shown => format!("{n} sections match; showing the first {shown}."), n => format!("{n} sections match.") }
                    }
                }}</p>
            </div>
            <Show when=move || !query.get().trim().is_empty() fallback=|| view! { <Toc /> }>
                <ol class="hits">
                    <For each=move || found.with(|(h, _)| h.clone()) key=|h| (h.section, h.terms.clone()) let:hit>
                        {
                            let s = &SECTIONS[hit.section];
                            let back = with_query(&list_href(&query.get_untracked()), "at", s.anchor);
                            let here = back.clone();
                            view! {
                                <li>
                                    <a href=with_query(&note_href(s.anchor), "back", &back)
                                        on:click=move |_| platform::replace_hash(&here)>{marked(s.title, &hit.terms)}</a>
                                    <span class="where">{CHAPTERS[usize::from(s.chapter)].title}</span>
                                    <p>{marked(&hit.excerpt, &hit.terms)}</p>
                                </li>
                            }
                        }
                    </For>
                </ol>
                {move || {
                    let shown = shown();
                    let left = total().saturating_sub(shown);
                    (left > 0).then(|| view! {
                        <p><button type="button" class="button" on:click=move |_| {
                            let q = query.get_untracked();
                            more.set((q.clone(), shown + PAGE));
                            platform::replace_hash(&list_href(&q));
                            // On to the first result just shown, so the keyboard goes on from there.
                            let first = format!("ol.hits > li:nth-child({}) a", shown + 1);
                            request_animation_frame(move || platform::focus_match(&first));
                        }>{format!("Show {} more", left.min(PAGE))}</button></p>
                    })
                }}
            </Show>
        </section>
    }
}

/// Every chapter with its `##` sections.
#[component]
fn Toc() -> impl IntoView {
    let chapters = CHAPTERS
        .iter()
        .map(|ch| {
            let head = &SECTIONS[usize::from(ch.first)];
            let sections = SECTIONS[usize::from(ch.first) + 1..usize::from(ch.end)]
                .iter()
                .filter(|s| s.level == 2)
                .map(|s| view! { <li><a href=note_href(s.anchor)>{s.title}</a></li> })
                .collect_view();
            view! {
                <li>
                    <h2><a href=note_href(head.anchor)>{ch.title}</a></h2>
                    <ul>{sections}</ul>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="toc">{chapters}</ol> }
}

/// `text` with the matched words in `<mark>` (text nodes only: neither the notes' text nor the query is
/// ever treated as HTML).
fn marked(text: &str, terms: &[String]) -> impl IntoView + use<> {
    search::segments(text, terms)
        .into_iter()
        .map(|(piece, hit)| {
            if hit {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}

/// One chapter, opened at a section.
#[component]
fn ChapterView(anchor: Memo<Option<String>>, found: Memo<Option<Option<usize>>>) -> impl IntoView {
    let chapter = Memo::new(move |_| {
        found
            .get()
            .flatten()
            .map_or(0, |i| usize::from(SECTIONS[i].chapter))
    });
    // The chapter's words: here at once when cached in memory, else fetched (a failure says why, with a
    // way to try again).
    let arrived = RwSignal::new(0u32);
    let failed = RwSignal::new(None::<String>);
    let html = Memo::new(move |_| {
        arrived.track();
        text::chapter(chapter.get())
    });
    let fetch = move |c: usize| {
        failed.set(None);
        load_chapter(c, move |r| match r {
            Ok(()) => arrived.update(|n| *n += 1),
            Err(why) => {
                if chapter.get_untracked() == c {
                    failed.set(Some(why));
                }
            }
        });
    };
    Effect::new(move |_| {
        let c = chapter.get();
        if text::chapter(c).is_none() {
            fetch(c);
        }
    });
    // After the DOM shows the chapter, bring the section into view and give it focus.
    Effect::new(move |_| {
        if let Some(a) = anchor.get()
            && html.get().is_some()
        {
            request_animation_frame(move || {
                platform::reveal(&a);
                platform::show_nearest(".chapter-nav [aria-current]");
            });
        }
    });
    // While the chapter is not here, the page starts at its title with the status below (a link from a
    // scrolled page keeps the scroll position, and the section to reveal does not exist yet).
    Effect::new(move |_| {
        if html.get().is_none() {
            request_animation_frame(|| platform::focus_top("chapter-title"));
        }
    });
    // Until the chapter is here, its title heads the page (the chapter's own heading is in its file).
    let retry = move |_| fetch(chapter.get_untracked());
    let state = move || match failed.get() {
        None => view! { <p class="loading" role="status">"Loading the chapter…"</p> }.into_any(),
        Some(why) => view! {
            <div class="notice" role="alert">
                <p>{format!("Sorry: {why}.")}</p>
                <p><button type="button" class="button" on:click=retry>"Try again"</button></p>
            </div>
        }
        .into_any(),
    };
    // Only the status line changes when a fetch fails, so the focused title stays in place.
    let status = move || {
        html.get().is_none().then(|| {
            let head = &SECTIONS[usize::from(CHAPTERS[chapter.get()].first)];
            view! {
                <div class="chapter-status">
                    <h1 id="chapter-title" tabindex="-1">{head.title}</h1>
                    {state}
                </div>
            }
        })
    };
    Effect::new(move |_| {
        let title = found
            .get()
            .flatten()
            .map_or("Study notes", |i| SECTIONS[i].title);
        platform::set_title(&format!("{title} · {} Practice", crate::bank::EXAM.code));
    });
    // The way back a learner arrived with (from a review, results, practice feedback or search): offered
    // while the notes stay open, and kept on the chapter's own section links (a jump through the contents
    // used to drop it). Only the app's own pages are accepted as a way back: `back` is (address, label, the
    // label in a phone's bottom bar, where both buttons must fit one line).
    let back_to = query(&platform::hash(), "back");
    let back = back_to.clone().and_then(|b| {
        let (label, short) = if b.starts_with("#/review/") {
            ("← Back to review", "← Review")
        } else if b.starts_with("#/results/") {
            ("← Back to results", "← Results")
        } else if b == "#/exam" {
            ("← Back to the question", "← Question")
        } else if b.starts_with("#/notes?q=") {
            ("← Back to search results", "← Search results")
        } else {
            return None;
        };
        Some((b, label, short))
    });
    let side = move || {
        let ch = &CHAPTERS[chapter.get()];
        SECTIONS[usize::from(ch.first)..usize::from(ch.end)]
            .iter()
            .filter(|s| s.level <= 3)
            .map(|s| {
                let a = s.anchor;
                let current = move || (anchor.get().as_deref() == Some(a)).then_some("location");
                let href = match &back_to {
                    Some(b) => with_query(&note_href(a), "back", b),
                    None => note_href(a),
                };
                view! { <li class=format!("l{}", s.level)><a href=href aria-current=current>{s.title}</a></li> }
            })
            .collect_view()
    };
    let narrow = platform::media("(max-width: 800px)");
    let back_link = back.clone().filter(|_| !narrow).map(|(href, label, _)| {
        view! { <p class="back"><a class="button primary way-back" href=href>{label}</a></p> }
    });
    // On a narrow screen the contents start folded (open, they pushed the section a screen or two down),
    // and a bar at the window's bottom keeps the way back and the contents in reach down a long chapter.
    let contents = NodeRef::<leptos::html::Details>::new();
    let to_contents = move |_| {
        if let Some(d) = contents.get_untracked() {
            d.set_open(true);
        }
        platform::focus_top("chapter-contents");
    };
    let tools = narrow.then(|| {
        view! {
            <div class="reader-tools">
                {back.map(|(href, _, short)| view! { <a class="button primary way-back" href=href>{short}</a> })}
                <button type="button" class="button" on:click=to_contents>"↑ Contents"</button>
            </div>
        }
    });
    // From reading to practising: a section drill of the section open (its subsections included), when the
    // bank has questions on it.
    let drill = move || {
        let i = found.get().flatten()?;
        let n = crate::study::questions_for_section(i);
        (n > 0).then(|| {
            let s = &SECTIONS[i];
            let href = with_query(&Route::ExamSetup.href(), "section", s.anchor);
            view! { <p><a href=href>{format!("Practise this: {n} {} on {}", if n == 1 { "question" } else { "questions" }, s.title)}</a></p> }
        })
    };
    let pager = move || {
        let c = chapter.get();
        let prev = c.checked_sub(1).map(|p| {
            let s = &SECTIONS[usize::from(CHAPTERS[p].first)];
            view! { <a rel="prev" href=note_href(s.anchor)>"← " {CHAPTERS[p].title}</a> }
        });
        let next = CHAPTERS.get(c + 1).map(|n| {
            let s = &SECTIONS[usize::from(n.first)];
            view! { <a rel="next" href=note_href(s.anchor)>{n.title} " →"</a> }
        });
        view! { <nav class="pager" aria-label="Chapters">{prev}{next}</nav> }
    };
    view! {
        <div class="reader" on:click=move |ev| {
            let Some(href) = platform::link_href(&ev) else { return };
            // A link to the section already open changes no hash: bring it back into view anyway.
            if let Some(a) = anchor.get_untracked()
                && href.split('?').next() == Some(note_href(&a).as_str())
            {
                platform::reveal(&a);
            } else if href.starts_with("#/notes/")
                && let Some(h) = platform::heading_before_link(&ev, "article.notes")
            {
                // Followed from deep in a section, Back returned to the section's top: the entry left
                // now names the heading the link sat under (keeping the way back), and Back reveals it.
                let here = platform::hash();
                let rest = here.find('?').map_or("", |q| &here[q..]);
                platform::replace_hash(&format!("{}{rest}", note_href(&h)));
            }
        }>
            <aside class="chapter-nav">
                {back_link}
                <details open=!narrow node_ref=contents>
                    <summary id="chapter-contents">"In this chapter"</summary>
                    <nav aria-label="Sections of this chapter"><ul>{side}</ul></nav>
                </details>
                <p><a href=Route::Notes.href()>"All chapters and search"</a></p>
                {drill}
            </aside>
            {status}
            <article class="notes" inner_html=move || html.get().unwrap_or_default()></article>
            {pager}
            {tools}
        </div>
    }
}
