//! GitHub's heading anchors, so that every link in the seed notes' table of contents keeps working.
//!
//! GitHub lowercases the heading text, drops every character that is not a letter, a mark, a number, `-`,
//! `_` or a space, and turns each space into `-`. A slug seen before gets `-1`, `-2`, ... (mdBook's
//! `unique_id` does the same).

use std::collections::HashMap;

// The rule for ASCII text lives with the app, which derives the anchors of ASCII titles at run time.
#[path = "../bank/slug.rs"]
mod rule;
pub use rule::ascii_slug;

/// The GitHub slug of a heading's plain text: lowercased, every character but letters, marks, numbers,
/// `-`, `_` and spaces dropped, each space turned into `-` (the rule the app applies to ASCII titles,
/// with Unicode lowercasing and letters).
pub fn slug(text: &str) -> String {
    rule::slug_by(text, char::to_lowercase, char::is_alphanumeric)
}

/// Hands out unique slugs in document order: the second "intro" becomes "intro-1".
#[derive(Default)]
pub struct Slugger {
    seen: HashMap<String, usize>,
}

impl Slugger {
    /// The unique anchor for the next heading with this text.
    pub fn unique(&mut self, text: &str) -> String {
        let base = slug(text);
        let mut candidate = base.clone();
        while let Some(n) = self.seen.get_mut(&candidate) {
            *n += 1;
            let next = format!("{base}-{n}");
            if !self.seen.contains_key(&next) {
                candidate = next;
                break;
            }
        }
        self.seen.insert(candidate.clone(), 0);
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_match_github() {
        let cases = [
            ("Lambda Concurrency", "lambda-concurrency"),
            ("KMS - Key Policies", "kms---key-policies"),
            ("AWS Basics (IAM & EC2)", "aws-basics-iam--ec2"),
            ("SSE-S3:", "sse-s3"),
            (
                "AWS Monitoring & Audit: CloudWatch, X-Ray And CloudTrail",
                "aws-monitoring--audit-cloudwatch-x-ray-and-cloudtrail",
            ),
            ("snake_case and `code`", "snake_case-and-code"),
            ("Déjà vu 2.0", "déjà-vu-20"),
            ("ÉTÉ — Été", "été--été"),
        ];
        for (text, want) in cases {
            assert_eq!(slug(text), want, "{text}");
            if text.is_ascii() {
                assert_eq!(ascii_slug(text), want, "the app's rule: {text}");
            }
        }
    }

    #[test]
    fn repeats_are_numbered() {
        let mut s = Slugger::default();
        assert_eq!(s.unique("Intro"), "intro");
        assert_eq!(s.unique("Intro"), "intro-1");
        assert_eq!(s.unique("Intro"), "intro-2");
        assert_eq!(s.unique("Intro 1"), "intro-1-1");
    }
}
