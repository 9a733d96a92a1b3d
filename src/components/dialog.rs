//! A modal dialog: focus moves into it when it opens, Tab stays inside it, Esc closes it, and focus goes
//! back to where it was when it closes (WAI-ARIA's dialog pattern).

use leptos::prelude::*;

use crate::platform;

/// A modal dialog over the page, shown while it is mounted (wrap it in `<Show>`).
///
/// `id` names the dialog box (its focus trap looks it up); `title` is its heading's text; `first` is the id
/// of the control that gets focus when it opens; `on_close` runs on Esc (the caller decides what closing
/// means, usually the same as its cancel button).
#[component]
pub fn Modal(
    id: &'static str,
    title: String,
    first: &'static str,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let back = StoredValue::new_local(platform::focused());
    request_animation_frame(move || platform::focus_still(first));
    on_cleanup(move || back.with_value(|f| f.restore()));
    let title_id = format!("{id}-title");
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            on_close.run(());
        } else {
            platform::trap_tab(&ev, id);
        }
    };
    view! {
        <div class="overlay">
            <div class="dialog" id=id role="dialog" aria-modal="true" aria-labelledby=title_id.clone()
                on:keydown=keydown>
                <h2 id=title_id.clone()>{title}</h2>
                {children()}
            </div>
        </div>
    }
}
