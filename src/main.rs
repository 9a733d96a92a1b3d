//! Entry point: mount the app on the page's body.

fn main() {
    leptos::mount::mount_to_body(dva_exam::app::App);
}
