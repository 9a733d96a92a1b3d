//! Entry point: a panic hook, then mount the app on the page's body.

fn main() {
    dva_exam::platform::install_panic_hook();
    leptos::mount::mount_to_body(dva_exam::app::App);
}
