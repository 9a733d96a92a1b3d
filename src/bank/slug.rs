//! GitHub's heading anchor rule, shared by the build (`src/compile/slug.rs` includes this file and applies
//! it to any text) and the app, which derives the anchors of ASCII titles instead of carrying both
//! ([`super::packed`]). The app never needs the Unicode case tables: the build gives it every anchor
//! whose title is not ASCII.

/// GitHub's slug with the given lowercasing and letter test: `text` trimmed and lowercased, every
/// character but letters, numbers, `-`, `_` and spaces dropped, each space turned into `-`.
pub fn slug_by<L: IntoIterator<Item = char>>(
    text: &str,
    lower: impl Fn(char) -> L,
    letter: impl Fn(char) -> bool,
) -> String {
    text.trim()
        .chars()
        .flat_map(lower)
        .filter(|&c| letter(c) || matches!(c, '-' | '_' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The slug of an ASCII heading's text, with ASCII lowercasing and letters only: exactly GitHub's rule
/// for ASCII text (`src/compile/slug.rs` tests it against the Unicode one).
pub fn ascii_slug(text: &str) -> String {
    slug_by(
        text,
        |c| [c.to_ascii_lowercase()],
        |c| c.is_ascii_alphanumeric(),
    )
}
