//! Entry point: a panic hook, then mount the app on the page's body in place of the static first screen
//! that `index.html` shows while the code loads.

fn main() {
    dva_exam::platform::install_panic_hook();
    dva_exam::platform::remove_element("first-screen");
    leptos::mount::mount_to_body(dva_exam::app::App);
    dva_exam::platform::mark("app-mounted");
}
