//! The only place that touches the browser directly (web-sys, js-sys): location, clock, theme, scrolling
//! and focus. Everything here is a thin call; the decisions live in pure modules.

use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// `location.hash`, or "" when there is none.
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Milliseconds since the epoch (std's clock panics on wasm32).
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Whether the system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    media("(prefers-color-scheme: dark)")
}

/// Whether the CSS media query matches now.
pub fn media(query: &str) -> bool {
    window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Calls `f` with the new value whenever the system switches between light and dark.
pub fn on_system_theme_change(f: impl Fn(bool) + 'static) {
    let Some(list) =
        window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
        move |e: web_sys::MediaQueryListEvent| f(e.matches()),
    );
    let _ = list.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    callback.forget();
}

/// Sets `data-theme` on the root element ("light", "dark", or removed to follow the system).
pub fn apply_theme(name: Option<&str>) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = match name {
            Some(n) => root.set_attribute("data-theme", n),
            None => root.remove_attribute("data-theme"),
        };
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(d) = document() {
        d.set_title(title);
    }
}

/// Scrolls the element with this id into view, marks it as the target and moves focus to it (so screen
/// readers and keyboard users start reading there). Returns false if there is no such element.
pub fn reveal(id: &str) -> bool {
    let Some(doc) = document() else { return false };
    let Some(el) = doc.get_element_by_id(id) else {
        return false;
    };
    if let Ok(old) = doc.query_selector_all(".target") {
        for i in 0..old.length() {
            if let Some(e) = old
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = e.class_list().remove_1("target");
            }
        }
    }
    let _ = el.class_list().add_1("target");
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    opts.set_behavior(web_sys::ScrollBehavior::Instant);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
    if let Ok(h) = el.dyn_into::<web_sys::HtmlElement>() {
        focus_in_place(&h);
    }
    true
}

/// Scrolls the element `selector` finds (if any) just into view within its scrolling box: a long sidebar
/// of contents shows the entry of the section open (it stayed at the chapter's first entries).
pub fn show_nearest(selector: &str) {
    if let Some(el) = document().and_then(|d| d.query_selector(selector).ok().flatten()) {
        scroll_nearest(&el);
    }
}

/// Focuses the first element `selector` finds (the browser scrolls it into view if it is not).
pub fn focus_match(selector: &str) {
    if let Some(h) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h.focus();
    }
}

/// Scrolls as little as brings `el` into view (its top first when it is taller than the view), at once.
fn scroll_nearest(el: &web_sys::Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
    opts.set_behavior(web_sys::ScrollBehavior::Instant);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Scrolls the page to its top.
pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves focus to the element `id` without scrolling, then scrolls as little as shows it whole (its top
/// first when it is taller than the window; nothing when it is in view already).
pub fn focus_showing(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
            focus_in_place(h);
        }
        scroll_nearest(&el);
    }
}

/// After a page change: scrolls to the top and moves focus to the page's main heading (`main h1`), so a
/// keyboard or screen-reader user starts reading the new page, as on a page load.
pub fn focus_page_heading() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
    if let Some(h) = document()
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        if !h.has_attribute("tabindex") {
            let _ = h.set_attribute("tabindex", "-1");
        }
        focus_in_place(&h);
    }
}

/// Whether focus is nowhere in particular (on the body, or on an element since removed from the page).
pub fn focus_lost() -> bool {
    document()
        .map(|d| match d.active_element() {
            None => true,
            Some(e) => d.body().is_some_and(|b| *b == e) || !e.is_connected(),
        })
        .unwrap_or(false)
}

/// Scrolls to the top of the page and focuses the element with this id (after a page change).
pub fn focus_top(id: &str) {
    scroll_to_top();
    if let Some(h) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        focus_in_place(&h);
    }
}

/// Logs a panic's message and place to the browser console before the wasm aborts, so a bug report can
/// say more than "unreachable" (the release profile aborts on panic, which prints nothing by itself).
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("dva-exam panicked: {info}").into());
    }));
}

/// A time as `YYYY-MM-DD HH:MM` in the browser's time zone.
pub fn local_date_time(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Whether localStorage can be used at all (it throws in some privacy modes and sandboxed frames).
pub fn storage_available() -> bool {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// The element that had focus when a dialog opened, so closing the dialog can give focus back to it.
pub struct Focused(Option<web_sys::HtmlElement>);

/// Remembers the element that has focus now.
pub fn focused() -> Focused {
    Focused(
        document()
            .and_then(|d| d.active_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    )
}

impl Focused {
    /// Gives focus back, if the element is still on the page.
    pub fn restore(&self) {
        if let Some(el) = &self.0
            && el.is_connected()
        {
            focus_in_place(el);
        }
    }
}

/// Keeps Tab and Shift+Tab inside the element `id` (a modal dialog): from its last focusable element Tab
/// goes to its first, and Shift+Tab from the first to the last.
pub fn trap_tab(ev: &web_sys::KeyboardEvent, id: &str) {
    if ev.key() != "Tab" {
        return;
    }
    let Some(dialog) = document().and_then(|d| d.get_element_by_id(id)) else {
        return;
    };
    let Ok(list) = dialog.query_selector_all(
        "button:not([disabled]), a[href], input:not([disabled]), select, [tabindex]:not([tabindex='-1'])",
    ) else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = document().and_then(|d| d.active_element());
    let at = |el: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.as_ref() as &web_sys::Element)
    };
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    if ev.shift_key() && (at(first) || !inside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (at(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

/// Sets the checked state of the input an event happened on. A click on a checkbox ticks it before the app
/// decides; when the app refuses the choice (a "Choose TWO" question already has two), the box must show
/// what was recorded, not what was clicked.
pub fn set_checked(ev: &web_sys::Event, checked: bool) {
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        && input.checked() != checked
    {
        input.set_checked(checked);
    }
}

/// Whether a keyboard event happened on a control that acts on Enter itself (a button, link, input,
/// select or text area), so a page-wide Enter shortcut leaves it alone.
pub fn event_on_control(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(
                el.tag_name().to_ascii_lowercase().as_str(),
                "button" | "a" | "select" | "textarea"
            ) || (el.tag_name().eq_ignore_ascii_case("input")
                && !matches!(
                    el.get_attribute("type").as_deref(),
                    Some("radio" | "checkbox")
                ))
        })
}

/// The display position of the option whose radio button, checkbox or strike-out button has keyboard
/// focus (ids `choice-<n>` and `strike-<n>`), for the strike-out shortcut.
pub fn focused_option() -> Option<usize> {
    let id = web_sys::window()?.document()?.active_element()?.id();
    id.strip_prefix("choice-")
        .or_else(|| id.strip_prefix("strike-"))?
        .parse()
        .ok()
}

/// Copies `text` to the clipboard; `done` hears whether it worked (the browser may refuse, for example
/// outside a secure context).
pub fn copy_text(text: &str, done: impl FnOnce(bool) + 'static) {
    use wasm_bindgen::closure::Closure;
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"navigator".into()).ok())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null());
    let promise = clipboard.and_then(|c| {
        let write = js_sys::Reflect::get(&c, &"writeText".into()).ok()?;
        let write: js_sys::Function = write.dyn_into().ok()?;
        write
            .call1(&c, &text.into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    let Some(promise) = promise else {
        done(false);
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let (ok, err) = (done.clone(), done);
    let on_ok = Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = ok.borrow_mut().take() {
            f(true);
        }
    });
    let on_err = Closure::once(move |_: wasm_bindgen::JsValue| {
        if let Some(f) = err.borrow_mut().take() {
            f(false);
        }
    });
    let _ = promise.then2(&on_ok, &on_err);
    on_ok.forget();
    on_err.forget();
}

/// The `href` attribute of the link an event happened in, if any.
pub fn link_href(ev: &web_sys::Event) -> Option<String> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    el.closest("a").ok()??.get_attribute("href")
}

/// The id of the nearest heading before the link an event happened in, among the siblings of the link's
/// block in `container` (a selector): the heading a reader was under when they followed the link.
pub fn heading_before_link(ev: &web_sys::Event, container: &str) -> Option<String> {
    let link = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let mut el = link.closest(&format!("{container} > *")).ok()??;
    loop {
        el = el.previous_element_sibling()?;
        if el.tag_name().starts_with('H') && !el.id().is_empty() {
            return Some(el.id());
        }
    }
}

/// Navigates to a route's href (a hash change; the app's listener does the rest).
pub fn go(href: &str) {
    if let Some(w) = window() {
        let _ = w.location().set_hash(href.trim_start_matches('#'));
    }
}

/// Navigates to a route's href in place of the current history entry (a hash change, as [`go`]).
pub fn go_replacing(href: &str) {
    if let Some(w) = window() {
        let _ = w.location().replace(href);
    }
}

/// Replaces the current history entry's hash without adding a history entry.
pub fn replace_hash(href: &str) {
    if let Some(w) = window()
        && let Ok(h) = w.history()
    {
        // The entry keeps its state: the scroll position the boot script keeps for Back and Forward.
        let state = h.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = h.replace_state_with_url(&state, "", Some(href));
    }
}

/// Sets the address to `href` in a new history entry, without a `hashchange` (Back returns to the one
/// before, and then the app hears it).
pub fn push_hash(href: &str) {
    if let Some(w) = window()
        && let Ok(h) = w.history()
    {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// Undoes the latest move through the browser's history by going back to the entry it left (boot.js's
/// `dvaReturn`), so no copy of that entry is added; false where the browser cannot say which it was.
pub fn return_to_left_entry() -> bool {
    window()
        .and_then(|w| js_sys::Reflect::get(&w, &"dvaReturn".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&wasm_bindgen::JsValue::NULL).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Goes one entry back in the browser's history, as its Back button does.
pub fn go_back() {
    if let Some(w) = window()
        && let Ok(h) = w.history()
    {
        let _ = h.back();
    }
}

/// A fresh random exam seed.
pub fn random_seed() -> u64 {
    let hi = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let lo = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (hi << 32) | lo
}

/// Asks the user a yes/no question with the browser's own dialog.
pub fn confirm(message: &str) -> bool {
    window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(true)
}

/// While `active()` is true, closing or reloading the tab asks for confirmation first.
pub fn guard_unload(active: impl Fn() -> bool + 'static) {
    let Some(w) = window() else { return };
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |e: web_sys::BeforeUnloadEvent| {
            if active() {
                e.prevent_default();
                e.set_return_value("An exam is in progress.");
            }
        },
    );
    let _ = w.add_event_listener_with_callback("beforeunload", callback.as_ref().unchecked_ref());
    callback.forget();
}

/// Whether the page is hidden (another tab or app in front, the screen off, the tab closing).
pub fn hidden() -> bool {
    document().is_some_and(|d| d.hidden())
}

/// Focuses the element with this id, if there is one.
pub fn focus(id: &str) {
    if let Some(h) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h.focus();
    }
}

/// Focus without the browser's scrolling: the callers scroll as they mean to (or need none: a dialog's
/// control is fixed on screen, and the control focus returns to when it closes is where it was). Left to
/// the browser, focus scrolled the page behind a dialog, and to clear the bottom scroll padding.
fn focus_in_place(el: &web_sys::HtmlElement) {
    let opts = web_sys::FocusOptions::new();
    opts.set_prevent_scroll(true);
    let _ = el.focus_with_options(&opts);
}

/// Moves focus to the element `id` without scrolling ([`focus_in_place`]).
pub fn focus_still(id: &str) {
    if let Some(h) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        focus_in_place(&h);
    }
}

/// Offers `text` as a file download named `name` (the export).
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let fail = |_| "the browser refused to create the file".to_string();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let doc = document().ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "no anchor")?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Reads the file chosen in a file input (the import) and calls `done` with its text, or with a message
/// when there is no file, it is larger than `max_bytes` (checked before reading) or cannot be read.
pub fn read_chosen_file(
    ev: &web_sys::Event,
    max_bytes: f64,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
    let file = input
        .as_ref()
        .and_then(|i| i.files())
        .and_then(|files| files.get(0));
    // Clear the input, so choosing the same file again is a new choice.
    if let Some(i) = &input {
        i.set_value("");
    }
    let Some(file) = file else {
        return done(Err("No file was chosen.".to_string()));
    };
    if file.size() > max_bytes {
        return done(Err(format!(
            "This file is {} MB; an export is never larger than {} MB, so it was not read.",
            crate::decimal::fixed(file.size() / 1_048_576.0, 1),
            crate::decimal::fixed(max_bytes / 1_048_576.0, 0)
        )));
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        return done(Err("The browser cannot read files.".to_string()));
    };
    let slot = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let on_error = slot.clone();
    let r = reader.clone();
    let onload = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        if let Some(done) = slot.borrow_mut().take() {
            match r.result().ok().and_then(|v| v.as_string()) {
                Some(text) => done(Ok(text)),
                None => done(Err("The file could not be read as text.".to_string())),
            }
        }
    });
    reader.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    if reader.read_as_text(&file).is_err()
        && let Some(done) = on_error.borrow_mut().take()
    {
        done(Err("The file could not be read.".to_string()));
    }
}

/// Calls `f(key)` when another tab changes localStorage (the `storage` event fires only in other tabs).
pub fn on_storage_change(f: impl Fn(Option<String>) + 'static) {
    let Some(w) = window() else { return };
    let callback = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(
        move |e: web_sys::StorageEvent| f(e.key()),
    );
    let _ = w.add_event_listener_with_callback("storage", callback.as_ref().unchecked_ref());
    callback.forget();
}

/// Calls `f` once a new release of the app has been installed by the service worker and waits for the
/// next visit (`src/web/boot.js` marks the page and fires `dva-update-ready`); at once if that already
/// happened before the app started.
pub fn on_update_ready(f: impl Fn() + 'static) {
    let Some(w) = window() else { return };
    let ready = w
        .document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("data-update"))
        .is_some_and(|v| v == "ready");
    if ready {
        f();
        return;
    }
    let callback = wasm_bindgen::closure::Closure::<dyn Fn()>::new(f);
    let _ =
        w.add_event_listener_with_callback("dva-update-ready", callback.as_ref().unchecked_ref());
    callback.forget();
}

/// Removes the element with this id, if there is one (the static first screen, once the app mounts).
pub fn remove_element(id: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.remove();
    }
}

/// The `href` attribute (as written, relative to the page) of the element with this id.
pub fn href_of(id: &str) -> Option<String> {
    document()?.get_element_by_id(id)?.get_attribute("href")
}

/// Replaces the text and the class of the element with this id (the static first screen's status line,
/// when the app cannot start).
pub fn set_text(id: &str, text: &str, class: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        el.set_text_content(Some(text));
        el.set_class_name(class);
    }
}

/// The text of the file at `url` (relative to the page), or a sentence saying why there is none (offline
/// and not yet saved for offline use, or the host answered with an error). The request starts at once,
/// before the future is first polled, so several can be in flight together.
pub fn fetch_text(url: &str) -> impl Future<Output = Result<String, String>> + 'static {
    const OFFLINE: &str =
        "could not be downloaded (no connection, and it is not saved on this device yet)";
    let started = window().map(|w| wasm_bindgen_futures::JsFuture::from(w.fetch_with_str(url)));
    async move {
        let response = started.ok_or(OFFLINE)?.await.map_err(|_| OFFLINE)?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| OFFLINE)?;
        if response.status() == 404 {
            // Files are named by their contents: a missing one means a newer release replaced this one.
            return Err("is no longer on the server (a newer version of the app was published: reload the page to use it)".to_string());
        }
        if !response.ok() {
            return Err(format!(
                "could not be downloaded (the server answered {})",
                response.status()
            ));
        }
        let text = response.text().map_err(|_| OFFLINE)?;
        let text = wasm_bindgen_futures::JsFuture::from(text)
            .await
            .map_err(|_| OFFLINE)?;
        text.as_string().ok_or_else(|| OFFLINE.to_string())
    }
}

/// Tells the page's boot script that the app is ready (it then registers the service worker, whose
/// downloads would otherwise compete with the app's own on a slow first visit).
pub fn announce_ready() {
    if let Some(w) = window()
        && let Ok(e) = web_sys::Event::new("dva-app-ready")
    {
        let _ = w.dispatch_event(&e);
    }
}

/// Records a performance mark (the load benchmark reads "app-mounted": when "Start exam" works).
pub fn mark(name: &str) {
    let perf = window().and_then(|w| js_sys::Reflect::get(&w, &"performance".into()).ok());
    if let Some(perf) = perf
        && let Ok(f) = js_sys::Reflect::get(&perf, &"mark".into())
        && let Ok(f) = f.dyn_into::<js_sys::Function>()
    {
        let _ = f.call1(&perf, &name.into());
    }
}
