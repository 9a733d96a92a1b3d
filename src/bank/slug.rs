//! GitHub's heading anchor rule for ASCII text, shared by the build (`src/compile/slug.rs` includes this
//! file, and applies the rule to any text) and the app, which derives the anchors of ASCII titles
//! instead of carrying both ([`super::packed`]). The app never needs the Unicode case tables: the build
//! gives it every anchor whose title is not ASCII.

/// The GitHub slug of an ASCII heading's text: lowercased, every character but letters, numbers, `-`, `_`
/// and spaces dropped, each space turned into `-`. For ASCII text it is exactly GitHub's rule (which
/// `src/compile/slug.rs` applies to any text, and tests against this one).
pub fn ascii_slug(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}
