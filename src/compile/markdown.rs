//! The markdown dialect shared by notes and questions, and the checks both share.
//!
//! One explicit set of pulldown-cmark options (tables, strikethrough, task lists; no raw HTML, no images,
//! no footnotes), so the content means the same on every build. Links are rewritten here: `#anchor` and
//! `file.md#anchor` become in-app routes `#/notes/anchor`, web links open in a new tab, anything else is
//! an error.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::diag::{Diag, Locator};

/// One parsed event and the bytes of the source it came from.
pub type Spanned<'a> = (Event<'a>, Range<usize>);

/// The one set of parser options used for every content file.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// Parses a whole file into events with their source ranges.
pub fn parse(text: &str) -> Vec<Spanned<'_>> {
    Parser::new_ext(text, options())
        .into_offset_iter()
        .collect()
}

/// The plain text of a run of inline events (a heading's title, an option's label).
pub fn plain_text(events: &[Spanned<'_>]) -> String {
    let mut out = String::new();
    for (event, _) in events {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// Where a link points, once checked.
enum Target {
    Web(String),
    Section(String),
}

/// Reports every piece of raw HTML in a parsed file: only build-time HTML of our own may reach the page.
pub fn reject_raw_html(events: &[Spanned<'_>], loc: &Locator<'_>, diags: &mut Vec<Diag>) {
    let mut in_block = false;
    for (event, range) in events {
        let report = match event {
            Event::Start(Tag::HtmlBlock) => {
                in_block = true;
                true
            }
            Event::End(TagEnd::HtmlBlock) => {
                in_block = false;
                false
            }
            Event::Html(_) => !in_block,
            Event::InlineHtml(_) => true,
            _ => false,
        };
        if report {
            diags.push(loc.diag(
                range.start,
                "raw HTML is not allowed (write markdown instead)",
            ));
        }
    }
}

/// The longest word of inline code kept on one line: 22 characters of code fit a list item's text on a
/// 320 px screen even with WCAG's text spacing (26 did not).
const NOWRAP_WORD: usize = 22;

/// Inline code holding a hyphen, as HTML: each hyphenated word short enough ([`NOWRAP_WORD`]) kept whole
/// (`class="nw"`: the whole span when it is one such word, else a span per word); a longer one is kept in
/// whole pieces of at most that length, so it breaks after a word of it, never after a prefix alone: a
/// phone showed `x-` at a line's end and `amz-server-side-encryption-aws-kms-key-id` below it.
fn code_html(code: &str) -> String {
    let whole = |w: &str| w.contains('-') && w.len() <= NOWRAP_WORD;
    if !code.contains(' ') && whole(code) {
        return format!("<code class=\"nw\">{}</code>", escape_attr(code));
    }
    let words: Vec<String> = code
        .split(' ')
        .map(|w| {
            pieces(w)
                .iter()
                .map(|p| {
                    // A piece too long for a phone's line (a URL's run between hyphens) may break, first
                    // after its dots and slashes, or the page would scroll sideways.
                    if p.len() > NOWRAP_WORD {
                        soft_breaks(p)
                    } else if w.contains('-') {
                        format!("<span class=\"nw\">{}</span>", escape_attr(p))
                    } else {
                        escape_attr(p)
                    }
                })
                .collect()
        })
        .collect();
    format!("<code>{}</code>", words.join(" "))
}

/// A long word of code, escaped, with a `<wbr>` after each `.`, `/` and `:` that a name part follows, so it
/// breaks between the parts of an endpoint, ARN or path before anywhere else: options read
/// `com.amazonaws.REGION.be` / `drock` on a phone. (A `<wbr>` adds no character to copied text.)
fn soft_breaks(word: &str) -> String {
    let mut out = String::new();
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        out.push_str(&escape_attr(c.encode_utf8(&mut [0; 4])));
        if matches!(c, '.' | '/' | ':')
            && chars
                .peek()
                .is_some_and(|n| n.is_alphanumeric() || matches!(n, '{' | '$' | '*' | '<' | '@'))
        {
            out.push_str("<wbr>");
        }
    }
    out
}

/// `word` cut after hyphens into pieces of at most [`NOWRAP_WORD`] characters, each as long as it can be
/// ("x-amz-server-side-", "encryption-aws-kms-", "key-id"); a part with no hyphen that is longer stays whole.
fn pieces(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut end = 0;
    for part in word.split_inclusive('-') {
        if end > start && end - start + part.len() > NOWRAP_WORD {
            out.push(&word[start..end]);
            start = end;
        }
        end += part.len();
    }
    if end > start {
        out.push(&word[start..end]);
    }
    out
}

/// Renders checked events to HTML: images are rejected, internal links must name an existing section
/// (`anchors`), web links get `target="_blank"`. Raw HTML must have been rejected by [`reject_raw_html`].
pub fn render(
    events: Vec<Spanned<'_>>,
    anchors: &HashMap<String, usize>,
    loc: &Locator<'_>,
    diags: &mut Vec<Diag>,
) -> String {
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let mut in_web_link = false;
    let mut in_table_head = false;
    let mut cards = Cards::default();
    for (event, range) in events {
        let event = cards.see(event);
        // An empty header cell (the corner of a comparison table) still needs a name for a screen reader.
        if in_table_head
            && matches!(event, Event::End(TagEnd::TableCell))
            && matches!(out.last(), Some(Event::Start(Tag::TableCell)))
        {
            out.push(Event::InlineHtml(CowStr::Borrowed(
                "<span class=\"sr-only\">Item</span>",
            )));
        }
        match &event {
            Event::Start(Tag::TableHead) => in_table_head = true,
            Event::End(TagEnd::TableHead) => in_table_head = false,
            _ => {}
        }
        match event {
            Event::Start(Tag::Image { .. }) => {
                diags.push(loc.diag(
                    range.start,
                    "images are not supported in notes or questions",
                ));
            }
            Event::Start(Tag::Link {
                dest_url,
                title,
                link_type,
                id,
            }) => match resolve(&dest_url, anchors) {
                Ok(Target::Web(url)) => {
                    in_web_link = true;
                    let url = escape_attr(&url);
                    out.push(Event::InlineHtml(CowStr::from(format!(
                        "<a href=\"{url}\" target=\"_blank\" rel=\"noopener noreferrer\">"
                    ))));
                }
                Ok(Target::Section(anchor)) => {
                    let dest_url = CowStr::from(format!("#/notes/{anchor}"));
                    out.push(Event::Start(Tag::Link {
                        dest_url,
                        title,
                        link_type,
                        id,
                    }));
                }
                Err(message) => {
                    diags.push(loc.diag(range.start, message));
                    out.push(Event::Start(Tag::Link {
                        dest_url,
                        title,
                        link_type,
                        id,
                    }));
                }
            },
            // A hyphenated word of code ("--force-new-deployment", "get-caller-identity") stays on one
            // line when short enough to fit a phone: browsers break after a hyphen, leaving "-" and
            // "-force-new-deployment", which read as another flag, or "get-" and "caller-identity". A
            // command may still wrap between its words.
            Event::Code(code)
                if code.contains('-') || code.split(' ').any(|w| w.len() > NOWRAP_WORD) =>
            {
                out.push(Event::InlineHtml(CowStr::from(code_html(&code))))
            }
            Event::End(TagEnd::Link) if in_web_link => {
                in_web_link = false;
                out.push(Event::InlineHtml(CowStr::Borrowed("</a>")));
            }
            other => out.push(other),
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, out.into_iter());
    scroll_regions(&html)
}

/// Tables read as one card per row on a phone (the stylesheet's `table.cards`): each body cell carries its
/// column's heading as `data-label`, shown before the value (the first cell's, the card's title, small
/// above it: "Path under http://169.254.169.254/latest/" says what the title is), so "Layer / protocols: 7,
/// HTTP and HTTPS" reads whole where three columns would leave slivers ("10 secon"), and a long name in
/// the first column (`ProvisionedThroughputExceededException`) no longer pushes the second out of sight.
/// The heading's plain text is taken from the head row as it goes by.
#[derive(Default)]
struct Cards {
    /// In a table of at least [`CARD_COLUMNS`] columns.
    on: bool,
    in_head: bool,
    /// The head row's cells as plain text, in column order.
    labels: Vec<String>,
    /// The body cell being written, counted from 0 in its row.
    column: usize,
}

/// The fewest columns for which a table turns into cards on a phone: two already, as a name in the first
/// column as long as a phone is wide left the second off-screen.
const CARD_COLUMNS: usize = 2;

impl Cards {
    /// Watches one event; returns the event to write in its place.
    fn see<'a>(&mut self, event: Event<'a>) -> Event<'a> {
        match &event {
            Event::Start(Tag::Table(columns)) => {
                *self = Cards {
                    on: columns.len() >= CARD_COLUMNS,
                    ..Cards::default()
                };
                if self.on {
                    return Event::InlineHtml(CowStr::Borrowed(
                        "<table tabindex=\"0\" class=\"cards\">",
                    ));
                }
            }
            Event::End(TagEnd::Table) => self.on = false,
            Event::Start(Tag::TableHead) => self.in_head = true,
            Event::End(TagEnd::TableHead) => self.in_head = false,
            Event::Start(Tag::TableRow) => self.column = 0,
            Event::Start(Tag::TableCell) if self.in_head => self.labels.push(String::new()),
            Event::Text(text) | Event::Code(text) if self.in_head => {
                if let Some(label) = self.labels.last_mut() {
                    label.push_str(text);
                }
            }
            Event::Start(Tag::TableCell) if self.on => {
                let label = self.labels.get(self.column).map(|l| l.trim());
                if let Some(label) = label.filter(|l| !l.is_empty()) {
                    return Event::InlineHtml(CowStr::from(format!(
                        "<td data-label=\"{}\">",
                        escape_attr(label)
                    )));
                }
            }
            Event::End(TagEnd::TableCell) if !self.in_head => self.column += 1,
            _ => {}
        }
        event
    }
}

/// Code blocks and tables scroll sideways inside their own box on a narrow screen; a keyboard user must be
/// able to scroll them too, so each is focusable (WCAG 2.1.1; axe's `scrollable-region-focusable`).
fn scroll_regions(html: &str) -> String {
    html.replace("<pre>", "<pre tabindex=\"0\">")
        .replace("<table>", "<table tabindex=\"0\">")
}

/// The section anchor a link names, if it names one: `#a`, `a`, `file.md#a`.
pub fn anchor_of(reference: &str) -> &str {
    let reference = reference.trim();
    match reference.rsplit_once('#') {
        Some((_, anchor)) => anchor,
        None => reference,
    }
}

fn resolve(dest: &str, anchors: &HashMap<String, usize>) -> Result<Target, String> {
    if dest.starts_with("https://") || dest.starts_with("http://") {
        return Ok(Target::Web(dest.to_string()));
    }
    let internal = dest.starts_with('#') || dest.contains(".md#");
    if !internal {
        return Err(format!(
            "unsupported link `{dest}`: link a section as `#anchor` or `file.md#anchor`, or the web with https://"
        ));
    }
    let anchor = anchor_of(dest);
    if anchors.contains_key(anchor) {
        Ok(Target::Section(anchor.to_string()))
    } else {
        Err(format!("link to missing section `#{anchor}`"))
    }
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_from_references() {
        assert_eq!(anchor_of("#aws-sqs"), "aws-sqs");
        assert_eq!(anchor_of("aws-sqs"), "aws-sqs");
        assert_eq!(anchor_of("10-messaging.md#aws-sqs"), "aws-sqs");
    }

    #[test]
    fn long_code_words_break_after_a_word_not_a_prefix() {
        assert_eq!(
            pieces("x-amz-server-side-encryption-aws-kms-key-id"),
            ["x-amz-server-side-", "encryption-aws-kms-", "key-id"]
        );
        assert_eq!(pieces("us-east-1"), ["us-east-1"]);
        assert_eq!(
            soft_breaks("com.amazonaws.REGION.bedrock"),
            "com.<wbr>amazonaws.<wbr>REGION.<wbr>bedrock"
        );
        assert_eq!(
            soft_breaks("https://x/{id}:<a>"),
            "https://<wbr>x/<wbr>{id}:<wbr>&lt;a&gt;"
        );
        assert_eq!(
            pieces("ProvisionedThroughputExceededException-x"),
            ["ProvisionedThroughputExceededException-", "x"]
        );
    }
}
