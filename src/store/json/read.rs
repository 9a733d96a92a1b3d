//! A pull reader of JSON text (RFC 8259), for the stored forms' hand-written readers: the caller asks
//! for the value it expects next, so nothing is built that the form does not keep, and callbacks are
//! `dyn` so each object or array costs one small closure, not a copy of the reader.
//!
//! Errors are serde_json's sentences where the app shows them ("missing field `q`", "invalid value:
//! integer `70000`, expected u16"); syntax errors carry the line and column of the offending character
//! (column 0 for the end of the text). Nesting deeper than [`MAX_DEPTH`] is an error, not a stack
//! overflow, whatever a hostile import holds.

use std::borrow::Cow;

use super::{Error, number};

/// How deep arrays and objects may nest (serde_json's limit too).
pub const MAX_DEPTH: u32 = 128;

/// Where reading is in a JSON text.
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: u32,
}

/// At most the first 40 characters of `s`, with "…" when there were more: an error sentence quotes the
/// value it is about, and a hostile file's value can be megabytes long.
pub fn clip(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Whether a number's text has a fraction or an exponent (serde_json reads those as floating point).
fn is_float(n: &str) -> bool {
    n.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'))
}

/// What comes next, for "invalid type" sentences.
fn describe(r: &mut Reader<'_>) -> String {
    let at = r.pos;
    let found = match r.peek() {
        Some(b'n') => "null".to_string(),
        Some(b't') => "boolean `true`".to_string(),
        Some(b'f') => "boolean `false`".to_string(),
        Some(b'"') => match r.string() {
            Ok(s) => format!("string {:?}", clip(&s)),
            Err(_) => "a string".to_string(),
        },
        Some(b'[') => "sequence".to_string(),
        Some(b'{') => "map".to_string(),
        _ => match r.number() {
            Ok(n) if is_float(n) => {
                format!("floating point `{}`", clip(n))
            }
            Ok(n) => format!("integer `{}`", clip(n)),
            Err(_) => "a value".to_string(),
        },
    };
    r.pos = at;
    found
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            pos: 0,
            depth: 0,
        }
    }

    /// A syntax error just after the character it is about (serde_json's column: that character's).
    pub fn syntax(&self, message: &str) -> Error {
        let before = &self.text.as_bytes()[..self.pos.min(self.text.len())];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = self.text[start..self.pos.min(self.text.len())]
            .chars()
            .count();
        Error {
            message: message.to_string(),
            at: Some((line, column)),
        }
    }

    /// "invalid type: <what comes next>, expected `expected`" (not a syntax error).
    pub fn unexpected(&mut self, expected: &str) -> Error {
        Error::data(format!(
            "invalid type: {}, expected {expected}",
            describe(self)
        ))
    }

    /// The next byte after whitespace, not consumed. (Inlined: it runs before every value and key.)
    #[inline]
    pub fn peek(&mut self) -> Option<u8> {
        let b = self.text.as_bytes();
        while self.pos < b.len() && matches!(b[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
        b.get(self.pos).copied()
    }

    /// Consumes `word` (after whitespace) if it comes next.
    fn eat(&mut self, word: &str) -> bool {
        self.peek();
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            return true;
        }
        false
    }

    /// Only whitespace is left.
    pub fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => {
                self.step();
                Err(self.syntax("trailing characters"))
            }
        }
    }

    /// Consumes a `null` if one comes next.
    pub fn null(&mut self) -> bool {
        self.eat("null")
    }

    /// A boolean.
    pub fn bool(&mut self) -> Result<bool, Error> {
        if self.eat("true") {
            Ok(true)
        } else if self.eat("false") {
            Ok(false)
        } else {
            Err(self.expected_value("a boolean"))
        }
    }

    /// A syntax error if what comes next is not a JSON value at all, else "invalid type".
    fn expected_value(&mut self, expected: &str) -> Error {
        let at = self.pos;
        match self.skip() {
            Ok(()) => {
                self.pos = at;
                self.unexpected(expected)
            }
            Err(e) => e,
        }
    }

    /// A string, borrowed from the text when it holds no escapes.
    pub fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        if self.peek() != Some(b'"') {
            return Err(self.expected_value("a string"));
        }
        self.pos += 1;
        let b = self.text.as_bytes();
        let start = self.pos;
        while self.pos < b.len() && b[self.pos] != b'"' && b[self.pos] != b'\\' {
            if b[self.pos] < 0x20 {
                return Err(self.control());
            }
            self.pos += 1;
        }
        if b.get(self.pos) == Some(&b'"') {
            self.pos += 1;
            return Ok(Cow::Borrowed(&self.text[start..self.pos - 1]));
        }
        let mut out = self.text[start..self.pos].to_string();
        loop {
            let Some(&c) = b.get(self.pos) else {
                return Err(self.syntax("EOF while parsing a string"));
            };
            self.pos += 1;
            match c {
                b'"' => return Ok(Cow::Owned(out)),
                b'\\' => out.push(self.escape()?),
                c if c < 0x20 => {
                    self.pos -= 1;
                    return Err(self.control());
                }
                _ => {
                    // A whole UTF-8 character: the text is a `str`, so its boundaries are sound.
                    let len = self.text[self.pos - 1..]
                        .chars()
                        .next()
                        .map_or(1, char::len_utf8);
                    out.push_str(&self.text[self.pos - 1..self.pos - 1 + len]);
                    self.pos += len - 1;
                }
            }
        }
    }

    fn control(&mut self) -> Error {
        self.pos += 1;
        self.syntax("control character (\\u0000-\\u001F) found while parsing a string")
    }

    /// The character of an escape whose backslash was just read.
    fn escape(&mut self) -> Result<char, Error> {
        let Some(&c) = self.text.as_bytes().get(self.pos) else {
            return Err(self.syntax("EOF while parsing a string"));
        };
        self.step();
        Ok(match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&hi) {
                    if !self.text[self.pos..].starts_with("\\u") {
                        return Err(self.syntax("lone leading surrogate in hex escape"));
                    }
                    self.pos += 2;
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return Err(self.syntax("lone leading surrogate in hex escape"));
                    }
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else {
                    hi
                };
                char::from_u32(code).ok_or_else(|| self.syntax("invalid unicode code point"))?
            }
            _ => return Err(self.syntax("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let digits = self.text.get(self.pos..self.pos + 4);
        match digits.and_then(|d| {
            d.bytes()
                .all(|b| b.is_ascii_hexdigit())
                .then(|| u32::from_str_radix(d, 16).ok())
                .flatten()
        }) {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => Err(self.syntax("invalid escape")),
        }
    }

    /// A number's text, checked against JSON's grammar (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`).
    pub fn number(&mut self) -> Result<&'a str, Error> {
        self.peek();
        let b = self.text.as_bytes();
        let start = self.pos;
        let digits = |r: &mut Reader<'_>| {
            let from = r.pos;
            while r.pos < b.len() && b[r.pos].is_ascii_digit() {
                r.pos += 1;
            }
            r.pos > from
        };
        if b.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let lead = self.pos;
        if !digits(self) {
            return Err(self.invalid_start(start));
        }
        if b[lead] == b'0' && self.pos > lead + 1 {
            self.pos = lead + 1;
            return Err(self.syntax("invalid number"));
        }
        if b.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.syntax("invalid number"));
            }
        }
        if matches!(b.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(b.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.syntax("invalid number"));
            }
        }
        Ok(&self.text[start..self.pos])
    }

    /// The error for text that starts no value: at its end, "EOF while parsing a value".
    fn invalid_start(&mut self, start: usize) -> Error {
        self.pos = start;
        if start >= self.text.len() {
            return self.syntax("EOF while parsing a value");
        }
        self.step();
        self.syntax("expected value")
    }

    /// Moves past the character at the current position (which may be longer than a byte).
    fn step(&mut self) {
        self.pos += self.text[self.pos..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
    }

    /// A whole number from 0 to `max`; `what` names the type in errors ("u16").
    pub fn uint(&mut self, max: u64, what: &str) -> Result<u64, Error> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.expected_value(what));
        }
        // The common case in one pass: plain digits, no leading zero, no fraction or exponent.
        let b = self.text.as_bytes();
        let start = self.pos;
        let mut v: u64 = 0;
        while let Some(&d) = b.get(self.pos).filter(|d| d.is_ascii_digit()) {
            match v
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(d - b'0')))
            {
                Some(next) if !(v == 0 && self.pos > start) => v = next,
                _ => break,
            }
            self.pos += 1;
        }
        let plain =
            self.pos > start && !matches!(b.get(self.pos), Some(b'0'..=b'9' | b'.' | b'e' | b'E'));
        if plain && v <= max {
            return Ok(v);
        }
        self.pos = start;
        let n = self.number()?;
        if is_float(n) {
            return Err(Error::data(format!(
                "invalid type: floating point `{}`, expected {what}",
                clip(n)
            )));
        }
        match n.parse::<u64>() {
            Ok(v) if v <= max => Ok(v),
            _ if n == "-0" => Ok(0),
            _ => Err(Error::data(format!(
                "invalid value: integer `{}`, expected {what}",
                clip(n)
            ))),
        }
    }

    /// Any number, as the `f64` [`number::parse`] reads it.
    pub fn float(&mut self) -> Result<f64, Error> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.expected_value("f64"));
        }
        let v = number::parse(self.number()?);
        if !v.is_finite() {
            return Err(self.syntax("number out of range"));
        }
        Ok(v)
    }

    /// An object: `field` is called with each key and must read (or [`Reader::skip`]) its value.
    pub fn object(
        &mut self,
        field: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.enter(b'{', b'}', "a map")? {
            return Ok(());
        }
        loop {
            if self.peek() != Some(b'"') {
                return Err(self.punctuation("key must be a string"));
            }
            let key = self.string()?;
            if self.peek() != Some(b':') {
                return Err(self.punctuation("expected `:`"));
            }
            self.pos += 1;
            field(self, &key)?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.leave();
                    return Ok(());
                }
                _ => return Err(self.punctuation("expected `,` or `}`")),
            }
        }
    }

    /// An array: `element` is called for each element and must read (or skip) it.
    pub fn array(
        &mut self,
        element: &mut dyn FnMut(&mut Reader<'a>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if self.enter(b'[', b']', "a sequence")? {
            return Ok(());
        }
        loop {
            element(self)?;
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    if self.peek() == Some(b']') {
                        return Err(self.punctuation("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.leave();
                    return Ok(());
                }
                _ => return Err(self.punctuation("expected `,` or `]`")),
            }
        }
    }

    /// A syntax error at the next character (or "EOF while parsing" at the end).
    fn punctuation(&mut self, message: &str) -> Error {
        if self.peek().is_none() {
            return self.syntax("EOF while parsing a value");
        }
        self.step();
        self.syntax(message)
    }

    /// Steps into an object or array that `open` starts (else an "invalid type" error naming `what`);
    /// true when `close` ends it at once, which is then stepped past too.
    fn enter(&mut self, open: u8, close: u8, what: &str) -> Result<bool, Error> {
        if self.peek() != Some(open) {
            return Err(self.expected_value(what));
        }
        self.pos += 1;
        self.nest()?;
        if self.peek() == Some(close) {
            self.leave();
            return Ok(true);
        }
        Ok(false)
    }

    /// Steps past the bracket that closes the innermost object or array.
    fn leave(&mut self) {
        self.pos += 1;
        self.depth -= 1;
    }

    fn nest(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.syntax("recursion limit exceeded"));
        }
        Ok(())
    }

    /// Reads past any one value.
    pub fn skip(&mut self) -> Result<(), Error> {
        match self.peek() {
            Some(b'{') => self.object(&mut |r, _| r.skip()),
            Some(b'[') => self.array(&mut |r| r.skip()),
            Some(b'"') => self.string().map(drop),
            Some(b't' | b'f') if self.eat("true") || self.eat("false") => Ok(()),
            Some(b'n') if self.null() => Ok(()),
            _ => self.number().map(drop),
        }
    }

    /// The raw texts of the next value's elements when it is an array (else `None`), read past.
    pub fn elements(&mut self) -> Result<Option<Vec<&'a str>>, Error> {
        if self.peek() != Some(b'[') {
            return self.skip().map(|()| None);
        }
        let mut items = Vec::new();
        self.array(&mut |r| r.raw().map(|v| items.push(v)))?;
        Ok(Some(items))
    }

    /// The text of the next value, read past.
    pub fn raw(&mut self) -> Result<&'a str, Error> {
        self.peek();
        let start = self.pos;
        self.skip()?;
        Ok(&self.text[start..self.pos])
    }
}

impl<'a> Reader<'a> {
    /// An object of a stored form whose fields are `names`: `field` is called with the index of each
    /// named field and must read its value; other fields are skipped. A field given twice is refused, and
    /// so is a missing one among those whose bit is set in `required` (bit `i` for `names[i]`), as serde
    /// did; the result has bit `i` set for each field that came.
    pub fn fields(
        &mut self,
        names: &[&str],
        required: u32,
        field: &mut dyn FnMut(&mut Reader<'a>, usize) -> Result<(), Error>,
    ) -> Result<u32, Error> {
        let mut seen = 0u32;
        self.object(&mut |r, key| {
            let Some(i) = names.iter().position(|n| *n == key) else {
                return r.skip();
            };
            if seen & (1 << i) != 0 {
                return Err(Error::data(format!("duplicate field `{key}`")));
            }
            seen |= 1 << i;
            field(r, i)
        })?;
        match (0..names.len()).find(|&i| required & !seen & (1 << i) != 0) {
            Some(i) => Err(Error::data(format!("missing field `{}`", names[i]))),
            None => Ok(seen),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skip_all(text: &str) -> Result<(), Error> {
        let mut r = Reader::new(text);
        r.skip()?;
        r.end()
    }

    #[test]
    fn reads_every_kind_of_value_and_rejects_what_json_does_not_allow() {
        for ok in [
            "null",
            " true ",
            "false",
            "0",
            "-0",
            "-12.5e-3",
            "1E+2",
            r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#,
            "[]",
            "[1, [2, {}], {\"a\": [null]}]",
            "{\"a\": 1, \"b\": {\"c\": \"d\"}}",
        ] {
            assert!(skip_all(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "nul",
            "01",
            "1.",
            ".5",
            "1e",
            "+1",
            "[1,]",
            "[1 2]",
            "{\"a\" 1}",
            "{a: 1}",
            "{\"a\": 1,}",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"a\nb\"",
            "[1] 2",
            "\"open",
        ] {
            assert!(skip_all(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn strings_are_decoded_and_borrowed_when_they_have_no_escapes() {
        let mut r = Reader::new(r#""plain ünï ✓""#);
        assert!(matches!(r.string().unwrap(), Cow::Borrowed("plain ünï ✓")));
        let mut r = Reader::new(r#""tab\t é\u00e9 \ud83d\ude00 ✓""#);
        assert_eq!(r.string().unwrap(), "tab\t éé 😀 ✓");
    }

    #[test]
    fn syntax_errors_give_the_line_and_column_of_the_offending_character() {
        let at = |text: &str| skip_all(text).unwrap_err().at;
        assert_eq!(at(""), Some((1, 0)));
        assert_eq!(at("{\n  \"format\":\n  oops"), Some((3, 3)));
        assert_eq!(at("[1,\n 2x]"), Some((2, 3)));
        assert_eq!(at("[\"é\", é]"), Some((1, 7)));
    }

    #[test]
    fn errors_quote_at_most_forty_characters_of_the_value() {
        let long = format!("\"{}\"", "é".repeat(10_000));
        let e = Reader::new(&long).uint(9, "u8").unwrap_err().to_string();
        assert_eq!(
            e,
            format!("invalid type: string \"{}…\", expected u8", "é".repeat(40))
        );
        let digits = "9".repeat(10_000);
        let e = Reader::new(&digits).uint(9, "u8").unwrap_err().to_string();
        assert_eq!(
            e,
            format!("invalid value: integer `{}…`, expected u8", "9".repeat(40))
        );
        assert_eq!(clip("short"), "short");
    }

    #[test]
    fn nesting_is_bounded_instead_of_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        let e = skip_all(&deep).unwrap_err();
        assert_eq!(e.message, "recursion limit exceeded");
        assert!(skip_all(&format!("{}{}", "[".repeat(128), "]".repeat(128))).is_ok());
        assert!(skip_all(&format!("{}{}", "[".repeat(129), "]".repeat(129))).is_err());
    }

    #[test]
    fn any_text_is_read_or_refused_without_a_panic() {
        // Random texts from JSON's punctuation, digits, escapes and multi-byte characters (errors land
        // on and after them), read as any value and as each typed value.
        const PIECES: [&str; 24] = [
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "d83d", "0", "7", "-", ".", "e", "+",
            " ", "\n", "é", "✓", "😀", "true", "null", "x",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let len = next(24);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            let lines = text.split('\n').collect::<Vec<_>>();
            let check = |e: Error| {
                if let Some((line, column)) = e.at {
                    assert!(line >= 1 && line <= lines.len(), "{text:?}: {e}");
                    assert!(column <= lines[line - 1].chars().count(), "{text:?}: {e}");
                }
            };
            let _ = skip_all(&text).map_err(check);
            let _ = Reader::new(&text).uint(u64::MAX, "u64").map_err(check);
            let _ = Reader::new(&text).float().map_err(check);
            let _ = Reader::new(&text).string().map_err(check);
            let _ = Reader::new(&text).bool().map_err(check);
            let _ = Reader::new(&text)
                .fields(&["a", "b"], 0b01, &mut |r, _| r.skip())
                .map_err(check);
        }
    }

    #[test]
    fn numbers_become_the_type_asked_for_or_say_why_not() {
        let uint = |t: &str, max| Reader::new(t).uint(max, "u16").map_err(|e| e.to_string());
        assert_eq!(uint("65535", 65_535), Ok(65_535));
        assert_eq!(uint("-0", 9), Ok(0));
        assert_eq!(
            uint("70000", 65_535).unwrap_err(),
            "invalid value: integer `70000`, expected u16"
        );
        assert_eq!(
            uint("-5", 9).unwrap_err(),
            "invalid value: integer `-5`, expected u16"
        );
        assert_eq!(
            uint("1.5", 9).unwrap_err(),
            "invalid type: floating point `1.5`, expected u16"
        );
        assert_eq!(
            uint("\"7\"", 9).unwrap_err(),
            "invalid type: string \"7\", expected u16"
        );
        assert_eq!(
            uint("99999999999999999999", u64::MAX).unwrap_err(),
            "invalid value: integer `99999999999999999999`, expected u16"
        );
        assert_eq!(Reader::new("1e2").float().unwrap(), 100.0);
        assert!(Reader::new("1e400").float().is_err());
        assert_eq!(
            Reader::new("null").bool().unwrap_err().to_string(),
            "invalid type: null, expected a boolean"
        );
    }
}
