//! JSON for the stored forms, by hand: a pull [`read::Reader`], a [`write::Writer`] and [`number`]s.
//! serde and serde_json compiled a generic reader and writer per stored type into the wasm; one small
//! reader and writer that every form calls made the compressed wasm about 17 KB smaller.
//!
//! Also the fields of a stored object that the app looks at before reading the rest (its version, an
//! export's format, the raw text of its history and lists): each attempt is then read on its own from its
//! own text, so an error names the attempt.

pub mod number;
pub mod read;
pub mod write;

use std::fmt;

pub use read::{Reader, clip};
pub use write::Writer;

/// What is wrong with a JSON text: a syntax error (with its line and column, 1-based; column 0 is the end
/// of an empty line) or a value of the wrong shape (no position: a place in one attempt's text would mean
/// nothing to the learner).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    pub at: Option<(usize, usize)>,
}

impl Error {
    /// A value of the wrong shape.
    pub fn data(message: String) -> Error {
        Error { message, at: None }
    }

    /// The line of a syntax error (0 for a shape error).
    pub fn line(&self) -> usize {
        self.at.map_or(0, |a| a.0)
    }

    /// The column of a syntax error (0 for a shape error).
    pub fn column(&self) -> usize {
        self.at.map_or(0, |a| a.1)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, column)) => write!(f, "{} at line {line} column {column}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Reads a whole text as one value with `read`, then checks nothing follows it.
pub fn parse<T>(
    text: &str,
    read: impl FnOnce(&mut Reader<'_>) -> Result<T, Error>,
) -> Result<T, Error> {
    let mut r = Reader::new(text);
    let v = read(&mut r)?;
    r.end()?;
    Ok(v)
}

/// The top-level fields of interest, each as its raw JSON text, and the lists a history keeps its
/// attempts in as their elements' raw texts (split in the same pass that read past them, so a 5 MB
/// history is not scanned once more to find its attempts); absent when missing, and a list also when it
/// is not an array.
#[derive(Debug, Default)]
pub struct Head<'a> {
    version: Option<&'a str>,
    format: Option<&'a str>,
    pub history: Option<&'a str>,
    pub entries: Option<Vec<&'a str>>,
    pub attempts: Option<Vec<&'a str>>,
}

impl Head<'_> {
    /// The declared version, when it is a whole number.
    pub fn version(&self) -> Option<u64> {
        self.version
            .and_then(|v| parse(v, |r| r.uint(u64::MAX, "u64")).ok())
    }

    /// The declared export format, when it is a string.
    pub fn format(&self) -> Option<String> {
        self.format
            .and_then(|v| parse(v, |r| r.string().map(|s| s.into_owned())).ok())
    }
}

/// The fields of `raw`. Valid JSON that is not an object (or that names one of the fields twice) has
/// none of them; only text that is not JSON at all is an error.
pub fn head(raw: &str) -> Result<Head<'_>, Error> {
    let mut r = Reader::new(raw);
    let mut h = Head::default();
    let (mut seen, mut twice) = (0u8, false);
    if r.peek() == Some(b'{') {
        r.object(&mut |r, key| {
            let Some(i) = ["version", "format", "history", "entries", "attempts"]
                .iter()
                .position(|k| *k == key)
            else {
                return r.skip();
            };
            twice |= seen & (1 << i) != 0;
            seen |= 1 << i;
            match i {
                0 => h.version = Some(r.raw()?),
                1 => h.format = Some(r.raw()?),
                2 => h.history = Some(r.raw()?),
                3 => h.entries = r.elements()?,
                _ => h.attempts = r.elements()?,
            }
            Ok(())
        })?;
    } else {
        r.skip()?;
    }
    r.end()?;
    Ok(if twice { Head::default() } else { h })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_version_format_and_lists_without_parsing_the_rest() {
        let h = head(
            r#"{"version": 4, "format": "dva-\u0065xport", "entries": [{"a": 1}, [2]], "x": {}}"#,
        )
        .unwrap();
        assert_eq!(h.version(), Some(4));
        assert_eq!(h.format().as_deref(), Some("dva-export"));
        assert_eq!(h.entries.unwrap(), [r#"{"a": 1}"#, "[2]"]);
        assert!(h.attempts.is_none() && h.history.is_none());
    }

    #[test]
    fn other_shapes_have_no_fields_and_only_broken_text_is_an_error() {
        for raw in [
            "[1, 2]",
            "3",
            "null",
            r#"{"version": "4"}"#,
            r#"{"version": 4.5}"#,
            r#"{"version": 1, "version": 2}"#,
        ] {
            assert_eq!(head(raw).unwrap().version(), None, "{raw}");
        }
        assert!(head(r#"{"entries": 3}"#).unwrap().entries.is_none());
        assert!(
            head(r#"{"entries": [], "entries": []}"#)
                .unwrap()
                .entries
                .is_none()
        );
        assert!(head("{\"version\": 4").is_err());
        assert!(head("not json").is_err());
        assert!(head("{} x").is_err());
    }
}
