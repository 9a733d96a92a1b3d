//! "Report a problem with this question": the report a learner sends about one question, as a prefilled
//! issue on the project's repository or as text for the clipboard. Nothing is sent without the learner's
//! click, and there is no backend: the link opens the issue tracker with the report filled in.
//!
//! The repository's "new issue" address is set at build time with `DVA_REPORT_URL` (for GitHub,
//! `https://github.com/<owner>/<repo>/issues/new`); without it the report is copied to the clipboard.

/// The new-issue address the build was given, if any.
pub fn base_url() -> Option<&'static str> {
    option_env!("DVA_REPORT_URL").filter(|u| u.starts_with("https://"))
}

/// What the report says about the question.
pub struct Report<'a> {
    pub question: &'a str,
    pub bank_version: &'a str,
    pub exam: &'a str,
    /// The answer given, as option letters in the order shown ("B, D"), or "none".
    pub answer: &'a str,
    /// The letters of the key in the order shown.
    pub key: &'a str,
}

impl Report<'_> {
    /// The issue title.
    pub fn title(&self) -> String {
        format!("Question {}: ", self.question)
    }

    /// The issue body: the facts the maintainers need, and a place for the learner's words.
    pub fn body(&self) -> String {
        format!(
            "**Question:** `{}`\n**Bank version:** `{}` ({})\n**Answer given:** {} (the key, in the \
             order shown: {})\n\n**What is wrong?**\n\n(Describe the problem: a wrong key, an unclear \
             stem, an outdated fact. A link to the AWS documentation that says otherwise helps most.)\n",
            self.question, self.bank_version, self.exam, self.answer, self.key
        )
    }

    /// The prefilled new-issue address on `base` (GitHub's `title` and `body` query parameters).
    pub fn url(&self, base: &str) -> String {
        let sep = if base.contains('?') { '&' } else { '?' };
        format!(
            "{base}{sep}title={}&body={}",
            encode(&self.title()),
            encode(&self.body())
        )
    }

    /// The report as plain text, for the clipboard.
    pub fn text(&self) -> String {
        format!("{}\n\n{}", self.title(), self.body())
    }
}

/// Percent-encodes a query value: everything but the unreserved characters of RFC 3986.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report<'static> {
        Report {
            question: "sqs-long-polling",
            bank_version: "abc123",
            exam: "DVA-C03",
            answer: "B, D",
            key: "B, C",
        }
    }

    #[test]
    fn the_url_carries_the_question_the_bank_and_the_answer() {
        let url = report().url("https://github.com/o/r/issues/new");
        assert!(url.starts_with(
            "https://github.com/o/r/issues/new?title=Question%20sqs-long-polling%3A%20&body="
        ));
        assert!(url.contains("%60sqs-long-polling%60"));
        assert!(url.contains("%60abc123%60%20%28DVA-C03%29"));
        assert!(url.contains("B%2C%20D"));
        assert!(!url[url.find("body=").unwrap()..].contains(' '));
        assert!(
            report()
                .url("https://x.test/new?labels=content")
                .contains("?labels=content&title=")
        );
    }

    #[test]
    fn the_text_is_the_same_report() {
        let t = report().text();
        assert!(t.starts_with("Question sqs-long-polling: \n\n**Question:** `sqs-long-polling`"));
        assert!(t.contains("**Answer given:** B, D (the key, in the order shown: B, C)"));
    }

    #[test]
    fn encoding_keeps_only_unreserved_characters() {
        assert_eq!(encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(encode("é &\n"), "%C3%A9%20%26%0A");
    }
}
