//! The app shell: routes from the URL hash, the header with navigation and the theme toggle, and the page
//! for the current route. State lives in signals here; pages get what they need as props or context.

use leptos::prelude::*;

use crate::components::content::{Needs, NeedsContent, load_questions};
use crate::components::dialog::Modal;
use crate::exam::spec::Mode;
use crate::pages::{
    exam::ExamRoom, history::HistoryPage, home::Home, not_found::NotFound, notes::NotesPage,
    results::Results, review::Review, setup::Setup,
};
use crate::platform;
use crate::route::Route;
use crate::state::{AppState, use_app};
use crate::store::local::Local;
use crate::store::{settings, vault};

/// Which page component is mounted; a change of anchor within the notes keeps the notes page mounted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Home,
    Notes,
    Setup,
    Exam,
    History,
    Other,
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::load();
    provide_context(app);
    load_questions(app);
    let route = RwSignal::new(Route::parse(&platform::hash()));
    // An exam is "running" while a timed exam is open: leaving it asks first (the answers are saved anyway).
    let running = move || {
        app.session.with_untracked(|s| {
            s.as_ref()
                .is_some_and(|s| s.spec.mode == Mode::Exam && !s.is_finished())
        })
    };
    // Closing the tab in the exam room saves the question's last seconds; whether the room is open.
    let save_in_room = move || {
        let room = route.get_untracked() == Route::Exam;
        if room {
            app.save_on_close();
        }
        room
    };
    platform::guard_unload(move || save_in_room() && running());
    // And whenever the page is hidden: a phone closes a tab or discards a page in the background without
    // `beforeunload`, and being hidden is the last moment it lets the page act (`visibilitychange` reaches
    // the window from the document). The seconds while hidden are charged at the next move.
    window_event_listener(leptos::ev::visibilitychange, move |_| {
        if platform::hidden() {
            save_in_room();
        }
    });
    // A new release waits for the next visit, so an exam in progress is never reloaded under the learner.
    platform::on_update_ready(move || {
        app.tell("A new version of this app is ready. It will be used the next time you open it (after every tab of it is closed); your exam in progress and your history are kept.");
    });
    // The app's clock ticks twice a second. A timed exam ends on time wherever the learner is (the exam
    // room watches the clock itself): left for the notes, it used to wait at 0:00 until Resume was pressed.
    let _ = set_interval_with_handle(
        move || {
            let now = platform::now_ms();
            app.now.set(now);
            if route.get_untracked() != Route::Exam
                && app
                    .session
                    .with_untracked(|s| s.as_ref().is_some_and(|s| s.is_expired(now)))
            {
                // Away from the room, the time since it was left goes to no question (see
                // `Session::resume`): the question left open was charged the whole wait.
                app.session.update_untracked(|s| {
                    if let Some(s) = s {
                        s.resume(now);
                    }
                });
                if let Some(id) = app.finish(now, true) {
                    app.tell(&format!("{} while you were away from it. It was submitted with the answers you had saved.{}{}", crate::state::EXPIRED_NOTICE, crate::state::LINK, Route::Results(id).href()));
                    // The banner heads the page: bring it into sight (it appeared above a scrolled chapter, unseen).
                    platform::scroll_to_top();
                }
            }
        },
        std::time::Duration::from_millis(500),
    );
    window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Route::parse(&platform::hash());
        if route.get_untracked() == Route::Exam
            && next != Route::Exam
            && !matches!(next, Route::Results(_))
            && running()
            && !platform::confirm(
                "Leave the exam? Your answers are saved and the clock keeps running.",
            )
        {
            if !platform::return_to_left_entry() {
                platform::replace_hash(&Route::Exam.href());
            }
            return;
        }
        // The results an expired exam's notice links to are open: the notice has done its work.
        if let Route::Results(_) = &next {
            let href = next.href();
            app.notices.update(|n| n.retain(|t| !t.ends_with(&href)));
        }
        // A new page starts at the top with focus on its heading; a link to a place inside a page (a
        // note section, a question of a review) scrolls there instead, as those pages do themselves.
        let to_place = matches!(next, Route::Note(_)) || platform::hash().contains("q=");
        let changed = route.get_untracked() != next;
        route.set(next);
        if changed && !to_place {
            request_animation_frame(platform::focus_page_heading);
        }
    });
    let page = Memo::new(move |_| match route.get() {
        Route::Home => Page::Home,
        Route::Notes | Route::Note(_) => Page::Notes,
        Route::ExamSetup => Page::Setup,
        Route::Exam => Page::Exam,
        Route::History => Page::History,
        _ => Page::Other,
    });
    let anchor = Memo::new(move |_| match route.get() {
        Route::Note(a) => Some(a),
        _ => None,
    });
    let other = move || match route.get() {
        Route::Results(id) => view! {
            <NeedsContent needs=Needs::Questions>
                {let id = id.clone(); move || view! { <Results id=id.clone() /> }}
            </NeedsContent>
        }
        .into_any(),
        Route::Review(id, incorrect) => view! {
            <NeedsContent needs=Needs::Explanations>
                {let id = id.clone(); move || view! { <Review id=id.clone() incorrect /> }}
            </NeedsContent>
        }
        .into_any(),
        Route::History => view! { <HistoryPage /> }.into_any(),
        Route::NotFound(hash) => view! { <NotFound hash /> }.into_any(),
        _ => ().into_any(),
    };
    // Every message is shown (an earlier one is never replaced by a later one) until dismissed.
    let notice = move || {
        let list = app.notices.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|text| {
                    let (text, href) = match text.split_once(crate::state::LINK) {
                        Some((t, h)) => (t.to_string(), Some(h.to_string())),
                        None => (text, None),
                    };
                    view! { <p>{text}{href.map(|href| view! { " " <a href=href>"See its results"</a> })}</p> }
                })
                .collect_view();
            view! {
                <div class="banner" role="alert">
                    <div>{items}</div>
                    <button type="button" class="button" on:click=move |_| app.notices.set(Vec::new())>"Dismiss"</button>
                </div>
            }
        })
    };

    view! {
        <Header page />
        {notice}
        <main id="main" tabindex="-1">
            {move || match page.get() {
                Page::Home => view! { <Home /> }.into_any(),
                Page::Notes => view! { <NotesPage anchor /> }.into_any(),
                Page::Setup => view! { <Setup /> }.into_any(),
                Page::Exam => {
                    view! { <NeedsContent needs=Needs::Questions><ExamRoom /></NeedsContent> }.into_any()
                }
                Page::History | Page::Other => other().into_any(),
            }}
        </main>
        <StartGuard />
        <footer class="foot">
            <p>"Independent study aid; not affiliated with or endorsed by AWS. Notes grew from Aditya Hajare's MIT-licensed notes."</p>
        </footer>
    }
}

/// The top bar: the product name, navigation and the theme toggle.
#[component]
fn Header(page: Memo<Page>) -> impl IntoView {
    let current = move |p: Page| move || if page.get() == p { Some("page") } else { None };
    // An exam in progress stays one click away from every page (it was reached only through the
    // dashboard's Resume or Back): the header's exam link resumes it instead of offering a new one, and in
    // the room it is the current page's ("Exam").
    let app = use_app();
    let open = Memo::new(move |_| {
        app.session
            .with(|s| s.as_ref().is_some_and(|s| !s.is_finished()))
    });
    let exam = move || match (open.get(), page.get() == Page::Exam) {
        (true, true) => (Route::Exam, "Exam", Page::Exam),
        (true, false) => (Route::Exam, "Resume", Page::Exam),
        _ => (Route::ExamSetup, "New exam", Page::Setup),
    };
    view! {
        <header class="top">
            // The skip link is the first thing Tab reaches, inside the banner landmark (axe's `region`).
            <a class="skip" href="#/" on:click=move |ev| {
                ev.prevent_default();
                platform::focus_top("main");
            }>"Skip to content"</a>
            <a class="brand" href="#/">{crate::bank::EXAM.code}" " <span>"Practice"</span></a>
            <nav aria-label="Main">
                <a href=Route::Home.href() aria-current=current(Page::Home)>"Home"</a>
                <a href=move || exam().0.href() aria-current=move || current(exam().2)()>
                    {move || exam().1}
                    // "Resume exam"; on a phone "Resume" keeps the four links on one line.
                    {move || (exam().1 == "Resume").then(|| view! { <span class="wide">" exam"</span> })}
                </a>
                <a href=Route::Notes.href() aria-current=current(Page::Notes)>"Notes"</a>
                <a href=Route::History.href() aria-current=current(Page::History)>"History"</a>
            </nav>
            <ThemeToggle />
        </header>
    }
}

/// The theme: follow the system (the default), light or dark; the choice is remembered.
#[component]
fn ThemeToggle() -> impl IntoView {
    // Unreadable settings are kept aside (never overwritten); a newer version's are left untouched and
    // this tab does not write them (the toggle still works for this visit).
    let (read, report) = vault::read(
        &mut Local,
        settings::KEY,
        u64::from(settings::VERSION),
        "your settings",
        |r| {
            settings::decode(r).map_err(|e| match e {
                settings::Unreadable::Corrupt(why) => why,
                settings::Unreadable::Newer(v) => format!("version {v}"),
            })
        },
    );
    let initial = read.unwrap_or_default();
    let read_only = report.read_only;
    let app = use_app();
    for n in &report.notices {
        app.tell(n);
    }
    let stored = RwSignal::new(initial);
    let system_dark = RwSignal::new(platform::prefers_dark());
    platform::on_system_theme_change(move |dark| system_dark.set(dark));
    let dark = move || settings::effective_dark(stored.get().theme, system_dark.get());
    Effect::new(move |_| {
        platform::apply_theme(match stored.get().theme {
            settings::Theme::System => None,
            settings::Theme::Light => Some("light"),
            settings::Theme::Dark => Some("dark"),
        });
    });
    let choose = move |theme: settings::Theme| {
        stored.update(|s| s.theme = theme);
        if !read_only {
            let value = settings::encode(&stored.get_untracked());
            let readable = |r: &str| settings::decode(r).is_ok();
            let _ = vault::save_value(
                &mut Local,
                settings::KEY,
                u64::from(settings::VERSION),
                readable,
                Some(&value),
            );
        }
    };
    // Three choices, the first one being "follow the system" (the default), so the way back is there.
    let value = move || match stored.get().theme {
        settings::Theme::System => "system",
        settings::Theme::Light => "light",
        settings::Theme::Dark => "dark",
    };
    let system_label = move || {
        if system_dark.get() {
            "◐ System (dark)"
        } else {
            "◐ System (light)"
        }
    };
    view! {
        <label class="theme" data-dark=move || dark().to_string()>
            <span class="sr-only">"Theme"</span>
            <select prop:value=value on:change=move |ev| choose(match event_target_value(&ev).as_str() {
                "light" => settings::Theme::Light,
                "dark" => settings::Theme::Dark,
                _ => settings::Theme::System,
            })>
                <option value="system">{system_label}</option>
                <option value="light">"☀ Light"</option>
                <option value="dark">"☾ Dark"</option>
            </select>
        </label>
    }
}

/// Asks what to do when an exam is started while another is unfinished: resume the unfinished one, or
/// discard it (nothing is recorded) and start the new one. Shown for every way to start an exam.
#[component]
fn StartGuard() -> impl IntoView {
    let app = use_app();
    let open = move || app.pending.with(Option::is_some);
    let text = move || {
        let new = app
            .pending
            .with(|p| p.as_ref().map(|p| p.spec.title()))
            .unwrap_or_default();
        app.session
            .with(|s| {
                s.as_ref().map(|s| {
                    let (answered, _, _) = s.counts();
                    format!(
                        "You have an unfinished exam: {}, {answered} of {} answered. Resume it, or discard it and start \"{new}\" instead. A discarded exam is not recorded.",
                        s.spec.title(),
                        s.items.len()
                    )
                })
            })
            .unwrap_or_default()
    };
    let cancel = Callback::new(move |()| app.pending.set(None));
    view! {
        <Show when=open>
            <Modal id="start-guard" title="Finish or discard your unfinished exam?".to_string()
                first="guard-resume" on_close=cancel>
                <p id="start-guard-text">{text}</p>
                <div class="row">
                    <button id="guard-resume" type="button" class="button primary"
                        on:click=move |_| app.resume_pending()>"Resume the unfinished exam"</button>
                    <button id="guard-discard" type="button" class="button"
                        on:click=move |_| app.discard_and_start()>"Discard it and start the new one"</button>
                    <button id="guard-cancel" type="button" class="button"
                        on:click=move |_| cancel.run(())>"Cancel"</button>
                </div>
            </Modal>
        </Show>
    }
}
