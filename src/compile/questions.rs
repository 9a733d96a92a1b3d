//! The question bank: one `##` heading per question, its metadata, stem, options and explanation.
//!
//! Every structural rule of the project's question standard is checked here, so a question that reaches
//! the app is well formed: a kebab-case id used once, a real task statement, note links that exist, 4
//! options with 1 key or 5-6 options with 2-3 keys (and a stem that says "Choose TWO/THREE"), distinct
//! options, and an explanation with one line per distractor.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::Source;
use super::diag::{Diag, Locator};
use super::exam::ExamDef;
use super::markdown::{self, Spanned};
use super::notes::Notes;

/// One option of a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub html: String,
    pub text: String,
    pub key: bool,
}

/// One compiled question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub task: (u8, u8),
    /// The skills of its task that it tests (`Skill: 1.2.4` gives 4), sorted; may be empty.
    pub skills: Vec<u8>,
    /// Indices of the linked note sections.
    pub notes: Vec<usize>,
    /// AWS documentation pages that confirm the key (`Docs:`).
    pub docs: Vec<String>,
    pub stem: String,
    /// The stem as plain text (for reports and shape checks).
    pub stem_text: String,
    pub choices: Vec<Choice>,
    pub explanation: String,
    /// The file the question came from, and the line and column of its heading.
    pub path: String,
    pub line: usize,
    pub col: usize,
}

/// Compiles every bank file; ids are unique across all of them.
pub fn compile(
    files: &[Source],
    exam: &ExamDef,
    notes: &Notes,
    diags: &mut Vec<Diag>,
) -> Vec<Question> {
    let mut out = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
    for file in files {
        let loc = Locator::new(&file.path, &file.text);
        let events = markdown::parse(&file.text);
        markdown::reject_raw_html(&events, &loc, diags);
        for (id, at, body) in split(&events, &loc, diags) {
            if !is_kebab(&id) {
                diags.push(loc.diag(
                    at,
                    format!(
                        "question id `{id}` is not lowercase kebab-case (like `sqs-long-polling`)"
                    ),
                ));
            }
            let (line, col) = loc.line_col(at);
            let here = format!("{}:{line}:{col}", file.path);
            if let Some(first) = seen.get(&id) {
                diags.push(loc.diag(
                    at,
                    format!("duplicate question id `{id}` (first used at {first})"),
                ));
            } else {
                seen.insert(id.clone(), here);
            }
            if let Some(mut q) = question(id, at, body, exam, notes, &loc, diags) {
                (q.line, q.col) = (line, col);
                out.push(q);
            }
        }
    }
    out
}

/// Splits a file into questions: (id, offset of the heading, events under it).
fn split<'a>(
    events: &[Spanned<'a>],
    loc: &Locator<'_>,
    diags: &mut Vec<Diag>,
) -> Vec<(String, usize, Vec<Spanned<'a>>)> {
    let mut out: Vec<(String, usize, Vec<Spanned<'a>>)> = Vec::new();
    let mut i = 0;
    let mut complained = false;
    while i < events.len() {
        let (event, range) = &events[i];
        if let Event::Start(Tag::Heading { level, .. }) = event
            && (*level == HeadingLevel::H2 || (*level == HeadingLevel::H1 && out.is_empty()))
        {
            let end = (i..events.len())
                .find(|&j| matches!(events[j].0, Event::End(TagEnd::Heading(_))))
                .unwrap_or(events.len());
            if *level == HeadingLevel::H2 {
                out.push((
                    markdown::plain_text(&events[i + 1..end]),
                    range.start,
                    Vec::new(),
                ));
            }
            i = end + 1;
            continue;
        }
        match out.last_mut() {
            Some((_, _, body)) => body.push((event.clone(), range.clone())),
            None if !complained => {
                complained = true;
                diags.push(loc.diag(range.start, "text before the first question: each question starts with a `## question-id` heading"));
            }
            None => {}
        }
        i += 1;
    }
    out
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// Splits a question's events into top-level blocks.
fn blocks<'a>(events: Vec<Spanned<'a>>) -> Vec<Vec<Spanned<'a>>> {
    let mut out: Vec<Vec<Spanned<'a>>> = Vec::new();
    let mut depth = 0usize;
    for (event, range) in events {
        if depth == 0 {
            out.push(Vec::new());
        }
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if let Some(block) = out.last_mut() {
            block.push((event, range));
        }
    }
    out
}

fn is_option_list(block: &[Spanned<'_>]) -> bool {
    matches!(block.first(), Some((Event::Start(Tag::List(_)), _)))
        && block
            .iter()
            .take(4)
            .any(|(e, _)| matches!(e, Event::TaskListMarker(_)))
}

fn question(
    id: String,
    at: usize,
    body: Vec<Spanned<'_>>,
    exam: &ExamDef,
    notes: &Notes,
    loc: &Locator<'_>,
    diags: &mut Vec<Diag>,
) -> Option<Question> {
    let mut blocks = blocks(body).into_iter().peekable();
    let meta = match blocks.peek() {
        Some(b)
            if matches!(b.first(), Some((Event::Start(Tag::Paragraph), _)))
                && starts_with_key(b) =>
        {
            blocks.next()
        }
        _ => None,
    };
    let Some(meta) = meta else {
        diags.push(loc.diag(at, format!("question `{id}` has no metadata (`Task:` and `Notes:` lines) right under its heading")));
        return None;
    };
    let Meta {
        task,
        skills,
        notes: note_refs,
        docs,
    } = metadata(&id, at, &meta, exam, notes, loc, diags);
    let mut stem = Vec::new();
    let mut options = None;
    for block in blocks.by_ref() {
        if is_option_list(&block) {
            options = Some(block);
            break;
        }
        stem.extend(block);
    }
    let mut explanation: Vec<Spanned<'_>> = blocks.flatten().collect();
    let stem_text = markdown::plain_text(&stem);
    let stem_at = stem.first().map_or(at, |(_, r)| r.start);
    if stem_text.is_empty() {
        diags.push(loc.diag(
            at,
            format!("question `{id}` has no stem before its options"),
        ));
    }
    let Some(options) = options else {
        diags.push(loc.diag(at, format!("question `{id}` has no options (a task list: `- [x]` for a key, `- [ ]` for a distractor)")));
        return None;
    };
    let choices = choices(&id, options, notes, loc, diags);
    let keys = choices.iter().filter(|c| c.key).count();
    let n = choices.len();
    let shape_ok = n == 4 && keys == 1 || (5..=6).contains(&n) && (2..=3).contains(&keys);
    if !shape_ok {
        diags.push(loc.diag(
            at,
            format!("question `{id}` has {n} options with {keys} keys; use 4 options with 1 key, or 5-6 options with 2-3 keys"),
        ));
    }
    let wanted = match keys {
        2 => Some("(Choose TWO.)"),
        3 => Some("(Choose THREE.)"),
        _ => None,
    };
    match wanted {
        Some(w) if !stem_text.ends_with(w) => diags.push(loc.diag(
            stem_at,
            format!("question `{id}` has {keys} keys, so its stem must end with \"{w}\""),
        )),
        None if keys == 1 && stem_text.contains("(Choose") => diags.push(loc.diag(
            stem_at,
            format!("question `{id}` has 1 key, so its stem must not say \"(Choose ...)\""),
        )),
        _ => {}
    }
    let explanation_at = explanation.first().map_or(at, |(_, r)| r.start);
    if markdown::plain_text(&explanation).is_empty() {
        diags.push(loc.diag(
            at,
            format!("question `{id}` has no explanation after its options"),
        ));
    } else {
        // The explanation ends with one bullet line per distractor, in option order, keys skipped: marked with
        // the option each answers, so the app can show them under the letters the options were shown with.
        let distractors: Vec<usize> = (0..n).filter(|&i| !choices[i].key).collect();
        let lines = mark_rebuttals(&mut explanation, &distractors);
        // More lines than distractors is only worth saying when the options themselves are right.
        if lines < distractors.len() || lines > distractors.len() && shape_ok {
            diags.push(loc.diag(
                explanation_at,
                format!(
                    "question `{id}` ends its explanation with {lines} bullet lines for its {} distractors; end it with one bullet line per distractor, in option order",
                    distractors.len()
                ),
            ));
        }
    }
    Some(Question {
        id,
        task: task?,
        skills,
        notes: note_refs,
        docs,
        stem: markdown::render(stem, &notes.index, loc, diags),
        stem_text,
        choices,
        explanation: markdown::render(explanation, &notes.index, loc, diags),
        path: loc.path().to_string(),
        line: 0,
        col: 0,
    })
}

fn starts_with_key(block: &[Spanned<'_>]) -> bool {
    matches!(block.get(1), Some((Event::Text(t), _)) if t.split_once(':').is_some_and(|(k, _)| !k.is_empty() && k.chars().all(|c| c.is_ascii_alphabetic())))
}

/// A question's metadata lines, read.
struct Meta {
    task: Option<(u8, u8)>,
    skills: Vec<u8>,
    notes: Vec<usize>,
    docs: Vec<String>,
}

/// Whether `url` is a canonical English AWS documentation address: `https://docs.aws.amazon.com/...`,
/// with no language segment (`/pt_br/`, `/en_gb/`) and not a mirror. Kiro, an AWS product, keeps its
/// official documentation at `https://kiro.dev/docs/`, which is accepted for the same reason.
pub fn is_aws_doc(url: &str) -> bool {
    let Some(path) = url
        .strip_prefix("https://docs.aws.amazon.com/")
        .or_else(|| url.strip_prefix("https://kiro.dev/docs/"))
    else {
        return false;
    };
    let language = |seg: &str| {
        let b = seg.as_bytes();
        b.len() == 5
            && b[2] == b'_'
            && b[..2].iter().all(u8::is_ascii_lowercase)
            && b[3..].iter().all(u8::is_ascii_lowercase)
    };
    !path.is_empty()
        && !path.split('/').any(language)
        && !url.contains(char::is_whitespace)
        && !url.contains(['<', '>', '"', '\''])
}

/// Reads the `Task:`, `Skill:`, `Notes:` and `Docs:` lines.
fn metadata(
    id: &str,
    at: usize,
    block: &[Spanned<'_>],
    exam: &ExamDef,
    notes: &Notes,
    loc: &Locator<'_>,
    diags: &mut Vec<Diag>,
) -> Meta {
    let mut lines: Vec<(String, usize)> = Vec::new();
    let mut new_line = true;
    for (event, range) in &block[1..block.len().saturating_sub(1)] {
        match event {
            Event::Text(t) | Event::Code(t) => {
                if new_line {
                    lines.push((String::new(), range.start));
                    new_line = false;
                }
                if let Some((line, _)) = lines.last_mut() {
                    line.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => new_line = true,
            _ => {}
        }
    }
    let (mut task, mut refs, mut saw_notes, mut saw_task) = (None, Vec::new(), false, false);
    let mut docs: Vec<String> = Vec::new();
    let mut saw_docs = false;
    // Skills are checked once the task is known, whatever the order of the lines.
    let mut skill_lines: Vec<(&str, usize)> = Vec::new();
    for (line, offset) in &lines {
        let Some((key, value)) = line.split_once(':') else {
            diags.push(loc.diag(
                *offset,
                format!("expected a `key: value` line, found `{line}`"),
            ));
            continue;
        };
        match key.trim() {
            "Task" => {
                saw_task = true;
                match exam.task(value) {
                    Some(t) => task = Some(t),
                    None => diags.push(loc.diag(*offset, exam.bad_task(value))),
                }
            }
            "Skill" => skill_lines.push((value, *offset)),
            "Docs" => {
                saw_docs = true;
                let urls: Vec<&str> = value
                    .split([',', ' '])
                    .map(str::trim)
                    .filter(|u| !u.is_empty())
                    .collect();
                if urls.is_empty() {
                    diags.push(loc.diag(
                        *offset,
                        "empty `Docs:` line: name at least one https://docs.aws.amazon.com/ page",
                    ));
                }
                for u in urls {
                    if !is_aws_doc(u) {
                        diags.push(loc.diag(*offset, format!("`{u}` is not a canonical English AWS documentation address (https://docs.aws.amazon.com/..., no language segment)")));
                    } else if !docs.iter().any(|d| d == u) {
                        docs.push(u.to_string());
                    }
                }
            }
            "Notes" => {
                saw_notes = true;
                let mut named = 0;
                for reference in value.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                    named += 1;
                    let anchor = markdown::anchor_of(reference);
                    match notes.index.get(anchor) {
                        Some(&s) if !refs.contains(&s) => refs.push(s),
                        Some(_) => {}
                        None => diags.push(
                            loc.diag(*offset, format!("note section `#{anchor}` does not exist")),
                        ),
                    }
                }
                if named == 0 {
                    diags.push(loc.diag(
                        *offset,
                        "empty `Notes:` line: name at least one note section anchor",
                    ));
                }
            }
            other => diags.push(loc.diag(
                *offset,
                format!("unknown metadata key `{other}` (expected `Task:`, `Skill:`, `Notes:` or `Docs:`)"),
            )),
        }
    }
    if !saw_task {
        diags.push(loc.diag(
            at,
            format!(
                "question `{id}` has no `Task:` line (a task statement of {})",
                exam.code
            ),
        ));
    }
    let mut skills = Vec::new();
    for (value, offset) in skill_lines {
        for item in value.split(',').map(str::trim) {
            match exam.skill(item) {
                Some((t, n)) if Some(t) == task => {
                    if !skills.contains(&n) {
                        skills.push(n);
                    }
                }
                Some(_) => diags.push(loc.diag(
                    offset,
                    format!("skill `{item}` belongs to another task than the question's"),
                )),
                None => diags.push(loc.diag(
                    offset,
                    format!("skill `{item}` is not in the exam definition"),
                )),
            }
        }
    }
    skills.sort_unstable();
    if !saw_notes {
        diags.push(loc.diag(
            at,
            format!("question `{id}` has no `Notes:` line linking the note sections that teach it"),
        ));
    }
    if docs.is_empty() && !saw_docs {
        diags.push(loc.diag(
            at,
            format!("question `{id}` has no `Docs:` line naming the AWS documentation that confirms its key"),
        ));
    }
    Meta {
        task,
        skills,
        notes: refs,
        docs,
    }
}

/// The options of a task list, each rendered inline.
fn choices(
    id: &str,
    list: Vec<Spanned<'_>>,
    notes: &Notes,
    loc: &Locator<'_>,
    diags: &mut Vec<Diag>,
) -> Vec<Choice> {
    let mut items: Vec<(Range<usize>, Vec<Spanned<'_>>)> = Vec::new();
    let mut depth = 0usize;
    for (event, range) in list {
        match &event {
            Event::Start(Tag::Item) if depth == 1 => items.push((range.clone(), Vec::new())),
            _ => {}
        }
        let opens = matches!(event, Event::Start(_));
        let closes = matches!(event, Event::End(_));
        if closes {
            depth -= 1;
        }
        if depth >= 2
            && let Some((_, body)) = items.last_mut()
        {
            body.push((event.clone(), range.clone()));
        }
        if opens {
            depth += 1;
        }
    }
    let mut out: Vec<Choice> = Vec::new();
    for (range, body) in items {
        let key = body.iter().find_map(|(e, _)| match e {
            Event::TaskListMarker(k) => Some(*k),
            _ => None,
        });
        let inline: Vec<Spanned<'_>> = body
            .into_iter()
            .filter(|(e, _)| {
                !matches!(
                    e,
                    Event::TaskListMarker(_)
                        | Event::Start(Tag::Paragraph)
                        | Event::End(TagEnd::Paragraph)
                )
            })
            .collect();
        let text = markdown::plain_text(&inline);
        let Some(key) = key else {
            diags.push(loc.diag(range.start, format!("question `{id}`: option \"{text}\" is not a task-list item (`- [ ]` or `- [x]`)")));
            continue;
        };
        if text.is_empty() {
            diags.push(loc.diag(range.start, format!("question `{id}` has an empty option")));
        } else if out.iter().any(|c| c.text.eq_ignore_ascii_case(&text)) {
            diags.push(loc.diag(
                range.start,
                format!("question `{id}` repeats the option \"{text}\""),
            ));
        }
        let html = markdown::render(inline, &notes.index, loc, diags);
        out.push(Choice {
            html: html.trim().to_string(),
            text,
            key,
        });
    }
    out
}

/// Marks the explanation's last top-level bullet list as its lines about distractors: the list becomes
/// `<ul class="why-not">` and its `k`-th item `<li data-option="i">`, `i` being the original index of the
/// `k`-th distractor (`distractors`), which the app turns into the letter that option was shown with.
/// Returns the number of items in that list (0 without one); marks nothing unless it equals the distractors.
fn mark_rebuttals(events: &mut [Spanned<'_>], distractors: &[usize]) -> usize {
    let mut depth = 0usize;
    let mut last: Option<(usize, usize)> = None;
    let mut open = None;
    for (i, (event, _)) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::List(None)) if depth == 0 => open = Some(i),
            Event::Start(Tag::List(Some(_))) if depth == 0 => open = None,
            Event::End(TagEnd::List(_)) if depth == 1 => {
                if let Some(start) = open.take() {
                    last = Some((start, i));
                }
            }
            _ => {}
        }
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let Some((start, end)) = last else { return 0 };
    // The list must also be the explanation's last block.
    if end + 1 != events.len() {
        return 0;
    }
    // Its own items (start and end event), not those of a list nested in one of them.
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0usize;
    for (i, (event, _)) in events.iter().enumerate().take(end).skip(start + 1) {
        match event {
            Event::Start(Tag::Item) if depth == 0 => items.push((i, i)),
            Event::End(TagEnd::Item) if depth == 1 => {
                if let Some(item) = items.last_mut() {
                    item.1 = i;
                }
            }
            _ => {}
        }
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    if items.len() == distractors.len() {
        events[start].0 = Event::Html(CowStr::Borrowed("<ul class=\"why-not\">\n"));
        events[end].0 = Event::Html(CowStr::Borrowed("</ul>\n"));
        for (&(open, close), option) in items.iter().zip(distractors) {
            events[open].0 = Event::Html(CowStr::from(format!("<li data-option=\"{option}\">")));
            events[close].0 = Event::Html(CowStr::Borrowed("</li>\n"));
        }
    }
    items.len()
}
