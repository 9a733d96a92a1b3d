//! The fields of a stored JSON object that the app looks at before reading the rest (its version, an
//! export's format, the raw text of its history and lists), read straight from the text with
//! serde_json's `RawValue`. Each attempt is then parsed on its own from its own text, so an error names
//! the attempt, and no `serde_json::Value` pass is compiled into the wasm (it doubled every
//! `Deserialize`).

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::value::RawValue;

/// The top-level fields of interest, each as its raw JSON text; absent when missing.
#[derive(Debug, Default, Deserialize)]
pub struct Head<'a> {
    #[serde(borrow, default)]
    version: Option<&'a RawValue>,
    #[serde(borrow, default)]
    format: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub history: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub entries: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub attempts: Option<&'a RawValue>,
}

impl Head<'_> {
    /// The declared version, when it is a whole number.
    pub fn version(&self) -> Option<u64> {
        self.version
            .and_then(|v| serde_json::from_str::<u64>(v.get()).ok())
    }

    /// The declared export format, when it is a string.
    pub fn format(&self) -> Option<String> {
        self.format
            .and_then(|v| serde_json::from_str::<String>(v.get()).ok())
    }
}

/// The fields of `raw`. Valid JSON that is not an object (or whose fields repeat) has none of them; only
/// text that is not JSON at all is an error.
pub fn head(raw: &str) -> Result<Head<'_>, serde_json::Error> {
    // serde reads a struct from an array too (fields in order): only an object has fields here.
    let object = raw.trim_start().starts_with('{');
    match serde_json::from_str::<Head>(raw) {
        Ok(h) if object => Ok(h),
        Err(e) if !e.is_data() => Err(e),
        _ => serde_json::from_str::<IgnoredAny>(raw).map(|_| Head::default()),
    }
}

/// The elements of a JSON array, each as its raw text; `None` when `raw` is not an array.
pub fn list(raw: &RawValue) -> Option<Vec<&RawValue>> {
    serde_json::from_str(raw.get()).ok()
}

/// What is wrong with a value, without serde_json's " at line L column C" (a place in one attempt's
/// text would mean nothing to the learner).
pub fn reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) if e.line() > 0 => text[..i].to_string(),
        _ => text,
    }
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
        let l = list(h.entries.unwrap()).unwrap();
        assert_eq!(
            l.iter().map(|r| r.get()).collect::<Vec<_>>(),
            [r#"{"a": 1}"#, "[2]"]
        );
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
        assert!(
            head(r#"{"entries": 3}"#)
                .unwrap()
                .entries
                .and_then(list)
                .is_none()
        );
        assert!(head("{\"version\": 4").is_err());
        assert!(head("not json").is_err());
    }
}
