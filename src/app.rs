//! The app shell: routes from the URL hash, the header with navigation and the theme toggle, and the page
//! for the current route. State lives in signals here; pages get what they need as props or context.

use leptos::prelude::*;

use crate::pages::{home::Home, not_found::NotFound, notes::NotesPage};
use crate::platform;
use crate::route::Route;
use crate::store::{local, settings};

/// Which page component is mounted; a change of anchor within the notes keeps the notes page mounted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Page {
    Home,
    Notes,
    NotFound,
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(Route::parse(&platform::hash()));
    window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(Route::parse(&platform::hash()))
    });
    let page = Memo::new(move |_| match route.get() {
        Route::Home => Page::Home,
        Route::Notes | Route::Note(_) => Page::Notes,
        Route::NotFound(_) => Page::NotFound,
    });
    let anchor = Memo::new(move |_| match route.get() {
        Route::Note(a) => Some(a),
        _ => None,
    });
    let missing = move || match route.get() {
        Route::NotFound(h) => h,
        _ => String::new(),
    };

    view! {
        <a class="skip" href="#/" on:click=move |ev| {
            ev.prevent_default();
            platform::focus_top("main");
        }>"Skip to content"</a>
        <Header page />
        <main id="main" tabindex="-1">
            {move || match page.get() {
                Page::Home => view! { <Home /> }.into_any(),
                Page::Notes => view! { <NotesPage anchor /> }.into_any(),
                Page::NotFound => view! { <NotFound hash=missing() /> }.into_any(),
            }}
        </main>
        <footer class="foot">
            <p>"Independent study aid; not affiliated with or endorsed by AWS. Notes grew from Aditya Hajare's MIT-licensed notes."</p>
        </footer>
    }
}

/// The top bar: the product name, navigation and the theme toggle.
#[component]
fn Header(page: Memo<Page>) -> impl IntoView {
    let current = move |p: Page| move || if page.get() == p { Some("page") } else { None };
    view! {
        <header class="top">
            <a class="brand" href="#/">"DVA-C02 " <span>"Practice"</span></a>
            <nav aria-label="Main">
                <a href=Route::Home.href() aria-current=current(Page::Home)>"Home"</a>
                <a href=Route::Notes.href() aria-current=current(Page::Notes)>"Notes"</a>
            </nav>
            <ThemeToggle />
        </header>
    }
}

/// A button that switches between light and dark and remembers the choice; until it is used the page
/// follows the system setting.
#[component]
fn ThemeToggle() -> impl IntoView {
    let raw = local::read(settings::KEY);
    let initial = match raw.as_deref().map(settings::decode) {
        None => settings::Settings::default(),
        Some(Ok(s)) => s,
        Some(Err(_)) => {
            // Keep the unreadable value aside rather than overwrite it.
            if let Some(r) = &raw {
                let _ = local::write(&format!("{}.unreadable", settings::KEY), r);
            }
            settings::Settings::default()
        }
    };
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
    let toggle = move |_| {
        stored.update(|s| s.theme = settings::toggled(s.theme, system_dark.get_untracked()));
        let _ = local::write(settings::KEY, &settings::encode(&stored.get_untracked()));
    };
    view! {
        <button class="theme" type="button" on:click=toggle aria-pressed=move || dark().to_string()
            title="Dark theme">
            <span aria-hidden="true">{move || if dark() { "☾" } else { "☀" }}</span>
            <span class="label">"Dark theme"</span>
        </button>
    }
}
