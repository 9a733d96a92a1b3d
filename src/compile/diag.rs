//! Content problems with a place: `path:line:col: message`.
//!
//! The compiler never stops at the first problem. Every check pushes a [`Diag`] and the build fails once,
//! listing all of them, so an author fixes a whole file in one round (as zola and mdBook do).

use std::fmt;

/// One problem in one content file, at a 1-based line and column (columns count characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diag {
    pub path: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Diag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.col, self.message
        )
    }
}

/// Turns byte offsets of one file into line and column numbers.
pub struct Locator<'a> {
    path: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// Indexes the start of every line of `text`.
    pub fn new(path: &'a str, text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Locator {
            path,
            text,
            line_starts,
        }
    }

    /// The 1-based line and character column of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        let col = self.text[start..offset].chars().count() + 1;
        (line, col)
    }

    /// A problem at byte `offset`.
    pub fn diag(&self, offset: usize, message: impl Into<String>) -> Diag {
        let (line, col) = self.line_col(offset);
        Diag {
            path: self.path.to_string(),
            line,
            col,
            message: message.into(),
        }
    }

    /// The file's path as it appears in messages.
    pub fn path(&self) -> &'a str {
        self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_are_one_based_and_count_characters() {
        let loc = Locator::new("a.md", "ab\nçd\n\nx");
        assert_eq!(loc.line_col(0), (1, 1));
        assert_eq!(loc.line_col(1), (1, 2));
        assert_eq!(loc.line_col(3), (2, 1));
        assert_eq!(loc.line_col(5), (2, 2)); // after the two-byte 'ç'
        assert_eq!(loc.line_col(8), (4, 1));
        assert_eq!(loc.diag(8, "boom").to_string(), "a.md:4:1: boom");
    }
}
