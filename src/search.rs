//! Search over the notes' sections, by title and text, as the learner types.
//!
//! Every word of the query must appear (case-insensitive) in the section's title or text. Hits whose title
//! holds the words rank first. A word found nowhere is taken as a typo: it matches the notes' words within
//! one edit (two for words of eight letters or more), so "encrpytion" still finds "encryption"; the hit says
//! which words it matched, so the page can highlight them. The text is taken from each section's build-time HTML when the index is
//! first built (so the wasm does not carry the notes twice). Pure, so it is tested natively.

/// What a hit shows: the section's index, a short excerpt around the first match in its text, and the
/// words (lowercase) that matched, to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub section: usize,
    pub excerpt: String,
    pub terms: Vec<String>,
}

/// Sections as (title, text) pairs, lowercased once, and every distinct word of the notes (for typos).
pub struct Index {
    entries: Vec<(String, String)>,
    /// Whether each section is a whole chapter (its HTML opens with the chapter's `h1`).
    chapters: Vec<bool>,
    originals: Vec<String>,
    vocab: Vec<String>,
}

impl Index {
    /// Builds the index from (title, HTML) pairs.
    pub fn new<'a>(sections: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut chapters = Vec::new();
        let (entries, originals): (Vec<(String, String)>, Vec<String>) = sections
            .into_iter()
            .map(|(title, html)| {
                chapters.push(html.trim_start().starts_with("<h1"));
                let text = text_of(body_of(html));
                ((lower(title), lower(&text)), text)
            })
            .unzip();
        let mut vocab: Vec<String> = Vec::new();
        for (title, text) in &entries {
            vocab.extend(
                title
                    .split(not_word)
                    .chain(text.split(not_word))
                    .filter(|w| w.chars().count() >= 4)
                    .map(str::to_string),
            );
            // Hyphenated words whole too ("fan-out"), so a query that writes them as one ("fanout")
            // finds them: see `meanings`.
            vocab.extend(
                text.split(|c| not_word(c) && c != '-')
                    .filter(|w| w.contains('-') && !w.starts_with('-') && !w.ends_with('-'))
                    .map(str::to_string),
            );
        }
        crate::sort::sort(&mut vocab);
        vocab.dedup();
        Index {
            entries,
            chapters,
            originals,
            vocab,
        }
    }

    /// A name written as one word that the notes write as two ("stepfunctions", "apigateway"): each split
    /// whose second part is a word of the notes and whose two parts stand together in some section.
    fn two_words(&self, word: &str) -> Vec<String> {
        let mut out = Vec::new();
        if !word.is_ascii() {
            return out;
        }
        for at in 2..word.len().saturating_sub(3) {
            let (head, tail) = word.split_at(at);
            if self
                .vocab
                .binary_search_by(|v| v.as_str().cmp(tail))
                .is_err()
            {
                continue;
            }
            let phrase = format!("{head} {tail}");
            if self
                .entries
                .iter()
                .any(|(title, text)| title.contains(&phrase) || text.contains(&phrase))
            {
                out.push(phrase);
            }
        }
        out
    }

    /// The words a query word stands for: itself when the notes contain it, else the notes' words within
    /// one edit of it (two for eight letters or more), or itself when there are none.
    fn meanings(&self, word: &str) -> Vec<String> {
        let found = self
            .entries
            .iter()
            .any(|(title, text)| title.contains(word) || text.contains(word));
        let n = word.chars().count();
        if found || n < 4 {
            // The notes' hyphenated spellings of the word too: "fanout" is in one chapter as a name,
            // and "fan-out" in several as prose.
            let mut all = vec![word.to_string()];
            all.extend(
                self.vocab
                    .iter()
                    .filter(|v| v.contains('-') && v.replace('-', "") == word)
                    .cloned(),
            );
            all.extend(self.two_words(word));
            return all;
        }
        let split = self.two_words(word);
        if !split.is_empty() {
            return split;
        }
        let max = if n >= 8 { 2 } else { 1 };
        let close = |v: &str| v.chars().count().abs_diff(n) <= max && edits(word, v) <= max;
        let near: Vec<String> = self
            .vocab
            .iter()
            // A hyphenated word is compared without its hyphens: "fanout" is "fan-out".
            .filter(|v| {
                if v.contains('-') {
                    close(&v.replace('-', ""))
                } else {
                    close(v)
                }
            })
            .take(8)
            .cloned()
            .collect();
        if near.is_empty() {
            vec![word.to_string()]
        } else {
            near
        }
    }

    /// At most `limit` hits for `query`; an empty query has none.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_counted(query, limit).0
    }

    /// The first `limit` hits for `query` and how many sections match in all (the page says "312 sections
    /// match; showing the first 50" and offers more).
    pub fn search_counted(&self, query: &str, limit: usize) -> (Vec<Hit>, usize) {
        let groups: Vec<Vec<String>> = query
            .split_whitespace()
            .map(|w| self.meanings(&lower(w)))
            .collect();
        if groups.is_empty() {
            return (Vec::new(), 0);
        }
        let has = |hay: &str, g: &[String]| g.iter().any(|w| hay.contains(w.as_str()));
        let mut hits: Vec<(Rank, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, (title, text))| groups.iter().all(|g| has(title, g) || has(text, g)))
            .map(|(i, (title, text))| (rank(title, text, self.chapters[i], &groups), i))
            .collect();
        crate::sort::sort(&mut hits);
        let total = hits.len();
        let hits = hits
            .into_iter()
            .take(limit)
            .map(|(_, i)| {
                let (title, text) = &self.entries[i];
                let terms: Vec<String> = groups
                    .iter()
                    .flatten()
                    .filter(|w| title.contains(w.as_str()) || text.contains(w.as_str()))
                    .cloned()
                    .collect();
                // Around a word the title lacks, when the text has one: the title shows the rest ("Lambda
                // With SQS" for "sqs visibility" showed its event's "eventSource (aws:sqs)", no "visibility").
                let in_text = |w: &&String| text.contains(w.as_str());
                let first = terms
                    .iter()
                    .filter(in_text)
                    .find(|w| !title.contains(w.as_str()))
                    .or_else(|| terms.iter().find(in_text))
                    .cloned()
                    .unwrap_or_default();
                Hit {
                    section: i,
                    excerpt: excerpt(&self.originals[i], text, &first),
                    terms,
                }
            })
            .collect();
        (hits, total)
    }
}

/// How well a section matches, smallest first: more of the query's words in its title; then, among those
/// whose title has any, a chapter before a section and, when the title holds every word, a shorter title
/// before a longer one, so "lambda" finds the chapter "AWS Lambda" before "X-Ray In Lambda Functions" and
/// "dynamodb" the chapter "Amazon DynamoDB" before "DynamoDB TTL"; then more uses of the words in its text
/// (a word the title lacks is found where the text is about it: "dynamodb gsi" put "DynamoDB TTL" before
/// "DynamoDB Secondary Indexes" for its shorter title); then the notes' order.
type Rank = (usize, bool, usize, usize);

fn rank(title: &str, text: &str, chapter: bool, groups: &[Vec<String>]) -> Rank {
    let in_title = groups
        .iter()
        .filter(|g| g.iter().any(|w| title.contains(w.as_str())))
        .count();
    // The uses of the words its title lacks, if any: "dynamodb" fills every DynamoDB section's text.
    let lacking = |g: &&Vec<String>| {
        in_title == groups.len() || !g.iter().any(|w| title.contains(w.as_str()))
    };
    let uses: usize = groups
        .iter()
        .filter(lacking)
        .flatten()
        .map(|w| text.matches(w.as_str()).count())
        .sum();
    let length = if in_title == groups.len() {
        title.len()
    } else {
        0
    };
    (
        groups.len() - in_title,
        in_title > 0 && !chapter,
        length,
        usize::MAX - uses.min(50),
    )
}

/// A section's HTML without its heading and the "Task statements: ..." line under it: the title is
/// searched on its own, and an excerpt should start with what the section says.
fn body_of(html: &str) -> &str {
    let mut rest = html.trim_start();
    if rest.starts_with("<h")
        && let Some(end) = rest.find("</h")
        && let Some(close) = rest[end..].find('>')
    {
        rest = rest[end + close + 1..].trim_start();
    }
    if rest.starts_with("<p class=\"serves\">")
        && let Some(end) = rest.find("</p>")
    {
        rest = &rest[end + 4..];
    }
    rest
}

/// About 140 characters of `text` around the first `word` (found in its lowercase twin `lower`).
fn excerpt(text: &str, lower: &str, word: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if lower.chars().count() != chars.len() {
        return chars.iter().take(140).collect();
    }
    let at = lower.find(word).map_or(0, |b| lower[..b].chars().count());
    let mut start = at.saturating_sub(50);
    // Start at a word ("…ries if stale" began mid-word).
    if start > 0
        && let Some(space) = chars[start..at].iter().position(|&c| c == ' ')
    {
        start += space + 1;
    }
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

/// The distance between two words (by characters), for typo tolerance: Levenshtein's insertions,
/// deletions and substitutions, plus a swap of two neighbouring letters as one edit (the optimal string
/// alignment distance): "lamdba" is one edit from "lambda", where Levenshtein counts two and a short
/// word's allowance of one found nothing.
fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let w = b.len() + 1;
    let mut d: Vec<usize> = (0..(a.len() + 1) * w)
        .map(|k| {
            if k < w {
                k
            } else if k % w == 0 {
                k / w
            } else {
                0
            }
        })
        .collect();
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

/// Whether `c` separates words for the typo suggestions: any ASCII character but letters and digits.
/// A character outside ASCII counts as part of a word (the notes hold one, a dash standing alone in a
/// table), which spares the wasm the Unicode letter tables of `char::is_alphanumeric`.
fn not_word(c: char) -> bool {
    c.is_ascii() && !c.is_ascii_alphanumeric()
}

/// `text` with its ASCII letters lowercased, the same way for the notes and the query. The notes and
/// questions hold no letter outside ASCII that has a lowercase form (`tests/bank.rs` checks it), so this
/// finds exactly what full Unicode lowercasing would, without the Unicode case table (5.3 KB of the
/// wasm); only a capital outside ASCII typed in the query stays as typed.
pub fn lower(text: &str) -> String {
    text.chars().map(|c| c.to_ascii_lowercase()).collect()
}

/// `text` cut into pieces, each marked when it is one of `terms` (case-insensitive), so a page can
/// highlight matches without ever treating the text or the query as HTML.
pub fn segments(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    let lower = lower(text);
    if lower.len() != text.len() || terms.iter().all(String::is_empty) {
        return vec![(text.to_string(), false)];
    }
    let mut marks = vec![false; text.len()];
    for t in terms.iter().filter(|t| !t.is_empty()) {
        for (at, _) in lower.match_indices(t.as_str()) {
            for m in &mut marks[at..at + t.len()] {
                *m = true;
            }
        }
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    for (i, c) in text.char_indices() {
        let m = marks[i];
        match out.last_mut() {
            Some((s, last)) if *last == m => s.push(c),
            _ => out.push((c.to_string(), m)),
        }
    }
    out
}

/// The visible text of build-time HTML: tags dropped (block ends become spaces), the five entities that
/// pulldown-cmark writes decoded, whitespace collapsed.
pub fn text_of(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut tag: Option<String> = None;
    for c in html.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(name), '>') => {
                // A block ends a word; an inline tag (`code` in "app.zip,") does not. A table cell ends
                // with a dot between words, or an excerpt ran a table's cells into one sentence
                // ("Standard Exactly once Express At least once").
                let closing = name.starts_with('/');
                let name = name
                    .trim_start_matches('/')
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                if closing && matches!(name, "td" | "th") {
                    out.push_str(" · ");
                } else if !matches!(
                    name,
                    "code"
                        | "em"
                        | "strong"
                        | "a"
                        | "span"
                        | "b"
                        | "i"
                        | "sub"
                        | "sup"
                        | "mark"
                        | "wbr"
                ) {
                    out.push(' ');
                }
                tag = None;
            }
            (Some(name), _) => name.push(c),
            (None, _) => out.push(c),
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

    /// The sections `q` finds in `ix`, in rank order.
    fn order(ix: &Index, q: &str) -> Vec<usize> {
        ix.search(q, 10).iter().map(|h| h.section).collect()
    }

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
                "<p>Topics fan out to SQS queues &amp; Lambda: a fan-out.</p>",
            ),
            ("Build Fanout", "<p>A pipeline named build-fanout.</p>"),
        ])
    }

    #[test]
    fn a_typo_still_finds_the_word_and_says_which_it_matched() {
        let ix = index();
        let hits = ix.search("visibilty", 10);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].section, 0);
        assert_eq!(hits[0].terms, ["visibility"]);
        assert!(ix.search("qqqqqqq", 10).is_empty());
        let swapped = ix.search("lamdba", 10);
        assert_eq!(swapped.len(), 1, "two letters swapped are one edit");
        assert_eq!(swapped[0].terms, ["lambda"]);
        let joined = ix.search("fanout", 10);
        assert_eq!(
            joined.len(),
            2,
            "a hyphenated word written as one, and the word itself"
        );
        assert_eq!(joined[0].terms, ["fanout"]);
        assert_eq!(joined[1].terms, ["fan-out"]);
        // A name the notes write as two words, written as one.
        let two = ix.search("longpolling", 10);
        assert_eq!(two.len(), 1);
        assert_eq!(two[0].terms, ["long polling"]);
        assert_eq!(edits("encrpytion", "encryption"), 1, "one swap");
        assert_eq!(edits("lamdba", "lambda"), 1, "one swap");
        assert_eq!(edits("kitten", "sitting"), 3);
        assert_eq!(edits("", "abc"), 3);
        assert_eq!(edits("abc", ""), 3);
        assert_eq!(edits("ab", "ba"), 1);
        assert_eq!(edits("abc", "ca"), 3, "no edit of a swapped pair");
    }

    #[test]
    fn segments_mark_every_match_and_keep_the_text_as_text() {
        let got = segments("Long <b>Polling</b> and polling", &["polling".to_string()]);
        assert_eq!(
            got,
            [
                ("Long <b>".to_string(), false),
                ("Polling".to_string(), true),
                ("</b> and ".to_string(), false),
                ("polling".to_string(), true),
            ]
        );
        assert_eq!(segments("abc", &[]), [("abc".to_string(), false)]);
    }

    #[test]
    fn a_word_the_titles_lack_ranks_by_its_uses_not_by_the_shorter_title() {
        let ix = Index::new([
            ("DynamoDB TTL", "<p>Expired items leave a GSI too.</p>"),
            (
                "DynamoDB Secondary Indexes",
                "<p>A GSI has its own keys; GSI writes are eventually consistent; an LSI shares the partition key.</p>",
            ),
        ]);
        assert_eq!(order(&ix, "dynamodb gsi"), [1, 0]);
        // Every word in both titles: the shorter title still comes first.
        assert_eq!(order(&ix, "dynamodb"), [0, 1]);
    }

    #[test]
    fn every_word_must_match_title_or_text() {
        let ix = index();
        assert_eq!(
            order(&ix, "sqs"),
            [0, 1, 2],
            "title matches first, then text matches"
        );
        assert_eq!(order(&ix, "VISIBILITY timeout"), [0]);
        assert!(ix.search("kinesis", 10).is_empty());
        assert!(ix.search("   ", 10).is_empty());
        assert_eq!(ix.search("sqs", 1).len(), 1);
        let (first, total) = ix.search_counted("sqs", 1);
        assert_eq!((first.len(), total), (1, ix.search("sqs", 10).len()));
        assert!(
            total > 1,
            "the count is of every match, not of those returned"
        );
        assert_eq!(ix.search("& lambda", 10).len(), 1, "entities are decoded");
        assert!(ix.search("h2", 10).is_empty(), "tags are not text");
    }

    #[test]
    fn the_section_named_by_the_query_comes_first() {
        let ix = Index::new([
            (
                "S3 Object Lambda",
                "<p>Transforms objects with a lambda function.</p>",
            ),
            ("X-Ray In Lambda", "<p>Active tracing.</p>"),
            (
                "AWS Lambda",
                "<h1 id=\"aws-lambda\">AWS Lambda</h1>\n<p class=\"serves\">Task statements: 1.2</p>\n<p>Lambda runs code; lambda scales.</p>",
            ),
            ("SQS Security", "<p>Lambda reads FIFO queues.</p>"),
            ("SQS FIFO Queues", "<p>Deduplication ids.</p>"),
            (
                "Amazon DynamoDB",
                "<h1 id=\"amazon-dynamodb\">Amazon DynamoDB</h1><p>Tables.</p>",
            ),
            (
                "DynamoDB TTL",
                "<h2 id=\"dynamodb-ttl\">DynamoDB TTL</h2><p>Expiry.</p>",
            ),
        ]);
        let order = |q: &str| order(&ix, q);
        assert_eq!(
            order("lambda"),
            [2, 1, 0, 3],
            "shortest title holding the word first"
        );
        assert_eq!(
            order("sqs fifo"),
            [4, 3],
            "both words in the title beat one"
        );
        assert_eq!(order("dedup"), [4]);
        assert_eq!(order("dynamodb"), [5, 6], "a chapter before its sections");
        // The excerpt starts with what the section says, not its heading or task statements.
        let hit = &ix.search("scales", 1)[0];
        assert_eq!(hit.section, 2);
        assert_eq!(hit.excerpt, "Lambda runs code; lambda scales.");
        assert!(ix.search("statements", 10).is_empty());
    }

    #[test]
    fn text_of_html() {
        assert_eq!(
            text_of(
                "<p>a &lt;b&gt; &amp; <code>c</code>, <em>e</em>.</p>\n<ul><li>d</li><li>f</li></ul>"
            ),
            "a <b> & c, e. d f"
        );
        // A soft break inside a long name of code (the build's <wbr>) splits no word.
        assert_eq!(
            text_of("<p><code>com.<wbr>amazonaws</code></p>"),
            "com.amazonaws"
        );
        assert_eq!(
            text_of(
                "<table><tr><th>Type</th><th>Order</th></tr><tr><td data-label=\"Type\">FIFO</td><td>kept</td></tr></table><p>x</p>"
            ),
            "Type · Order · FIFO · kept · x"
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
        // Around the word the title lacks, not an earlier use of the word the title shows.
        let body = "The event names sqs as its source. ".repeat(8)
            + "Set the visibility timeout above six times the timeout.";
        let hit = &Index::new([("Lambda With SQS", body.as_str())]).search("sqs visibility", 1)[0];
        assert!(
            hit.excerpt.contains("visibility timeout"),
            "{}",
            hit.excerpt
        );
        let mid = "abcdefgh ".repeat(20) + "needle";
        let hit = &Index::new([("T", mid.as_str())]).search("needle", 1)[0];
        assert!(
            hit.excerpt.starts_with("…abcdefgh "),
            "starts at a word: {}",
            hit.excerpt
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
