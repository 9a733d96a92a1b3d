//! Compact JSON written by hand for the stored forms, byte for byte as serde_json wrote them (the golden
//! files in `tests/fixtures/store/golden/` pin it): no spaces, fields in the order given, strings escaped
//! the way serde_json does (`"`, `\`, and control characters; nothing else).

use super::number;

/// A JSON text being written.
#[derive(Default)]
pub struct Writer {
    out: String,
    /// Whether the innermost open object or array has no member yet.
    first: bool,
}

impl Writer {
    /// An empty text.
    pub fn new() -> Writer {
        Writer::default()
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    /// Appends text that is already JSON.
    pub fn raw(&mut self, json: &str) {
        self.out.push_str(json);
    }

    /// Opens an object.
    pub fn open(&mut self) {
        self.out.push('{');
        self.first = true;
    }

    /// Closes the innermost object.
    pub fn close(&mut self) {
        self.out.push('}');
        self.first = false;
    }

    /// Starts the member `name` of the open object; its value is written next.
    pub fn key(&mut self, name: &str) {
        self.item();
        self.string(name);
        self.out.push(':');
    }

    /// Opens an array.
    pub fn open_list(&mut self) {
        self.out.push('[');
        self.first = true;
    }

    /// Separates the next element of the open array (or member of the open object) from the one before.
    pub fn item(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
    }

    /// Closes the innermost array.
    pub fn close_list(&mut self) {
        self.out.push(']');
        self.first = false;
    }

    /// A string, escaped.
    pub fn string(&mut self, s: &str) {
        self.out.push('"');
        let mut from = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..0x20 => "",
                _ => continue,
            };
            self.out.push_str(&s[from..i]);
            if escape.is_empty() {
                self.out.push_str(&format!("\\u{b:04x}"));
            } else {
                self.out.push_str(escape);
            }
            from = i + 1;
        }
        self.out.push_str(&s[from..]);
        self.out.push('"');
    }

    /// A whole number.
    pub fn uint(&mut self, n: u64) {
        self.out.push_str(&n.to_string());
    }

    /// A boolean.
    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// `null`.
    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    /// A number that is usually whole (a time in milliseconds): digits, see [`number::write`]. `point`
    /// writes a whole number as serde_json writes an `f64` ("3000.0").
    pub fn float(&mut self, x: f64, point: bool) {
        number::write(&mut self.out, x, point);
    }

    /// An array of small numbers (option orders, choices).
    pub fn bytes(&mut self, v: &[u8]) {
        self.open_list();
        for &b in v {
            self.item();
            self.uint(u64::from(b));
        }
        self.close_list();
    }

    /// An array of strings.
    pub fn strings(&mut self, v: &[String]) {
        self.open_list();
        for s in v {
            self.item();
            self.string(s);
        }
        self.close_list();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_compact_json_with_serde_json_escapes() {
        let mut w = Writer::new();
        w.open();
        w.key("a");
        w.string("q\"\\/\n\t\u{1}é✓</script>");
        w.key("b");
        w.open_list();
        w.item();
        w.bytes(&[1, 2]);
        w.item();
        w.open();
        w.close();
        w.close_list();
        w.key("c");
        w.float(3000.0, true);
        w.key("d");
        w.null();
        w.close();
        assert_eq!(
            w.finish(),
            r#"{"a":"q\"\\/\n\t\u0001é✓</script>","b":[[1,2],{}],"c":3000.0,"d":null}"#
        );
    }
}
