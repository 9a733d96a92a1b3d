//! Search over the notes' sections, by title and text, as the learner types.
//!
//! Every word of the query must appear (case-insensitive) in the section's title or text. Hits whose title
//! holds the words rank first. The text is taken from each section's build-time HTML when the index is
//! first built (so the wasm does not carry the notes twice). Pure, so it is tested natively.

/// What a hit shows: the section's index and a short excerpt around the first match in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub section: usize,
    pub excerpt: String,
}

/// Sections as (title, text) pairs, lowercased once.
pub struct Index {
    entries: Vec<(String, String)>,
    originals: Vec<String>,
}

impl Index {
    /// Builds the index from (title, HTML) pairs.
    pub fn new<'a>(sections: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let (entries, originals) = sections
            .into_iter()
            .map(|(title, html)| {
                let text = text_of(html);
                ((title.to_lowercase(), text.to_lowercase()), text)
            })
            .unzip();
        Index { entries, originals }
    }

    /// At most `limit` hits for `query`; an empty query has none.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(bool, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, (title, text))| {
                words.iter().all(|w| title.contains(w) || text.contains(w))
            })
            .map(|(i, (title, _))| (!words.iter().all(|w| title.contains(w)), i))
            .collect();
        hits.sort();
        hits.into_iter()
            .take(limit)
            .map(|(_, i)| Hit {
                section: i,
                excerpt: excerpt(&self.originals[i], &self.entries[i].1, &words[0]),
            })
            .collect()
    }
}

/// About 140 characters of `text` around the first `word` (found in its lowercase twin `lower`).
fn excerpt(text: &str, lower: &str, word: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if lower.chars().count() != chars.len() {
        return chars.iter().take(140).collect();
    }
    let at = lower.find(word).map_or(0, |b| lower[..b].chars().count());
    let start = at.saturating_sub(50);
    let end = (start + 140).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// The visible text of build-time HTML: tags dropped (block ends become spaces), the five entities that
/// pulldown-cmark writes decoded, whitespace collapsed.
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if in_tag => {}
            _ => out.push(c),
        }
    }
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
        Index::new([
            (
                "AWS SQS",
                "<h2 id=\"aws-sqs\">AWS SQS</h2><p>Queues hold messages. The <em>visibility timeout</em> hides a received message.</p>",
            ),
            (
                "SQS Long Polling",
                "<p>ReceiveMessage waits up to 20 seconds.</p>",
            ),
            (
                "Amazon SNS",
                "<p>Topics fan out to SQS queues &amp; Lambda.</p>",
            ),
        ])
    }

    #[test]
    fn every_word_must_match_title_or_text() {
        let ix = index();
        let got: Vec<usize> = ix.search("sqs", 10).iter().map(|h| h.section).collect();
        assert_eq!(got, [0, 1, 2], "title matches first, then text matches");
        let got: Vec<usize> = ix
            .search("VISIBILITY timeout", 10)
            .iter()
            .map(|h| h.section)
            .collect();
        assert_eq!(got, [0]);
        assert!(ix.search("kinesis", 10).is_empty());
        assert!(ix.search("   ", 10).is_empty());
        assert_eq!(ix.search("sqs", 1).len(), 1);
        assert_eq!(ix.search("& lambda", 10).len(), 1, "entities are decoded");
        assert!(ix.search("h2", 10).is_empty(), "tags are not text");
    }

    #[test]
    fn text_of_html() {
        assert_eq!(
            text_of("<p>a &lt;b&gt; &amp; <code>c</code></p>\n<ul><li>d</li></ul>"),
            "a <b> & c d"
        );
    }

    #[test]
    fn excerpts_show_the_match() {
        let ix = index();
        assert!(
            ix.search("visibility", 1)[0]
                .excerpt
                .contains("visibility timeout")
        );
        let long = "x ".repeat(100) + "needle" + &" y".repeat(100);
        let hit = &Index::new([("T", long.as_str())]).search("needle", 1)[0];
        assert!(
            hit.excerpt.starts_with('…')
                && hit.excerpt.ends_with('…')
                && hit.excerpt.contains("needle")
        );
    }
}
