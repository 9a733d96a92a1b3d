//! GitHub's heading anchor rule, shared by the build (`src/compile/slug.rs` includes this file) and the
//! app, which derives most anchors from their titles instead of carrying both ([`super::packed`]).

/// The GitHub slug of a heading's plain text: lowercased, every character but letters, marks, numbers,
/// `-`, `_` and spaces dropped, each space turned into `-`.
pub fn slug(text: &str) -> String {
    text.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}
