//! Entry point: a panic hook; then the content index the page names (the exam, the chapters, the
//! questions' index), without which nothing can show; then mount the app on the page's body in place of
//! the static first screen that `index.html` shows while the code loads. If the index cannot be had, the
//! first screen's status line says why (its links stay, the rest of the page is static).

fn main() {
    dva_exam::platform::install_panic_hook();
    wasm_bindgen_futures::spawn_local(async {
        match dva_exam::components::content::load_index().await {
            Ok(()) => {
                dva_exam::platform::remove_element("first-screen");
                leptos::mount::mount_to_body(dva_exam::app::App);
                dva_exam::platform::mark("app-mounted");
            }
            // A notice, not the grey status line: the page's buttons cannot work without the app.
            Err(why) => dva_exam::platform::set_text("first-status", &why, "notice"),
        }
    });
}
