//! The study notes: chapters, sections with GitHub anchors, task-statement tags, and rendered HTML.
//!
//! Two passes: the first gives every heading of every file its anchor (so links may point forward and
//! across files), the second renders each chapter with those anchors, checks its links and reads the
//! `Tasks:` line under each heading.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::Source;
use super::diag::{Diag, Locator};
use super::exam::ExamDef;
use super::markdown::{self, Spanned};
use super::questions::is_aws_doc;
use super::slug::Slugger;

/// One chapter: a notes file, rendered whole.
#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    pub title: String,
    pub path: String,
    pub html: String,
    /// Index of the chapter's own section (its `#` heading) in [`Notes::sections`].
    pub first: usize,
    /// One past the chapter's last section.
    pub end: usize,
}

/// One heading of the notes and the text under it up to the next heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub anchor: String,
    pub title: String,
    pub level: u8,
    pub chapter: usize,
    pub parent: Option<usize>,
    /// Task statements, own or inherited from the parent.
    pub tasks: Vec<(u8, u8)>,
    /// Byte range of the section in its chapter's HTML: from its heading to the next heading. The app
    /// searches the text of this range, so the text is not stored twice.
    pub html: std::ops::Range<usize>,
}

/// All chapters and sections, and an index from anchor to section.
#[derive(Debug, Default)]
pub struct Notes {
    pub chapters: Vec<Chapter>,
    pub sections: Vec<Section>,
    pub index: HashMap<String, usize>,
}

/// A heading found in the first pass.
struct Heading {
    level: u8,
    title: String,
    anchor: String,
    offset: usize,
}

/// Compiles every notes file, in the order given.
pub fn compile(files: &[Source], exam: &ExamDef, diags: &mut Vec<Diag>) -> Notes {
    let mut slugger = Slugger::default();
    let mut per_file: Vec<Vec<Heading>> = Vec::new();
    let mut notes = Notes::default();
    for file in files {
        let headings = headings(&markdown::parse(&file.text), &mut slugger);
        for h in &headings {
            notes.index.insert(h.anchor.clone(), notes.index.len());
        }
        per_file.push(headings);
    }
    for (file, headings) in files.iter().zip(per_file) {
        chapter(file, headings, exam, &mut notes, diags);
    }
    notes
}

fn headings(events: &[Spanned<'_>], slugger: &mut Slugger) -> Vec<Heading> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let (Event::Start(Tag::Heading { level, .. }), range) = &events[i] {
            let end = heading_end(events, i);
            let title = markdown::plain_text(&events[i + 1..end]);
            let anchor = slugger.unique(&title);
            out.push(Heading {
                level: *level as u8,
                title,
                anchor,
                offset: range.start,
            });
            i = end;
        }
        i += 1;
    }
    out
}

fn heading_end(events: &[Spanned<'_>], start: usize) -> usize {
    (start..events.len())
        .find(|&j| matches!(events[j].0, Event::End(TagEnd::Heading(_))))
        .unwrap_or(events.len())
}

fn chapter(
    file: &Source,
    headings: Vec<Heading>,
    exam: &ExamDef,
    notes: &mut Notes,
    diags: &mut Vec<Diag>,
) {
    let loc = Locator::new(&file.path, &file.text);
    let events = markdown::parse(&file.text);
    markdown::reject_raw_html(&events, &loc, diags);
    let Some(first) = headings.first() else {
        diags.push(loc.diag(
            0,
            "a notes file must start with its chapter heading (`# Title`)",
        ));
        return;
    };
    if first.level != 1
        || events
            .first()
            .is_some_and(|(e, _)| !matches!(e, Event::Start(Tag::Heading { .. })))
    {
        diags.push(loc.diag(
            0,
            "a notes file must start with its chapter heading (`# Title`)",
        ));
    }
    let chapter_index = notes.chapters.len();
    let first_section = notes.sections.len();
    let mut out: Vec<Spanned<'_>> = Vec::with_capacity(events.len());
    let mut stack: Vec<usize> = Vec::new(); // open sections, by increasing level
    let mut heading_no = 0;
    // The open `##` section (its heading's offset and title) and whether it has cited its documentation.
    let mut open: Option<(usize, String, bool)> = None;
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        if let Event::Start(Tag::Paragraph) = event
            && let Some((html, next)) = docs_paragraph(&events, i, &loc, diags)
        {
            match open.as_mut() {
                Some(section) => section.2 = true,
                None => diags.push(loc.diag(
                    range.start,
                    "an `AWS documentation:` paragraph belongs at the end of a `##` section",
                )),
            }
            out.push((Event::Html(CowStr::from(html)), range.clone()));
            out.extend(events[i + 1..next].iter().cloned());
            i = next;
            continue;
        }
        if let Event::Start(Tag::Heading { level, .. }) = event {
            let h = &headings[heading_no];
            heading_no += 1;
            if h.level <= 2 {
                close_section(open.take(), &loc, diags);
                if h.level == 2 {
                    open = Some((h.offset, h.title.clone(), false));
                }
            }
            if h.level == 1 && heading_no > 1 {
                diags.push(loc.diag(
                    h.offset,
                    "only one chapter heading (`#`) per notes file; use `##` for sections",
                ));
            }
            while stack
                .last()
                .is_some_and(|&s| notes.sections[s].level >= h.level)
            {
                stack.pop();
            }
            let parent = stack.last().copied();
            let end = heading_end(&events, i);
            out.push((
                Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(h.anchor.clone())),
                    classes: Vec::new(),
                    attrs: vec![(CowStr::Borrowed("tabindex"), Some(CowStr::Borrowed("-1")))],
                }),
                range.clone(),
            ));
            out.extend(events[i + 1..=end.min(events.len() - 1)].iter().cloned());
            i = end + 1;
            let own = tasks_line(&events, i, exam, &loc, diags);
            let tasks = match &own {
                Some((tasks, next)) => {
                    i = *next;
                    let label = tasks
                        .iter()
                        .map(|(d, n)| format!("{d}.{n}"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let html = format!("<p class=\"serves\">Task statements: {label}</p>\n");
                    out.push((Event::Html(CowStr::from(html)), range.clone()));
                    tasks.clone()
                }
                None => {
                    if h.level <= 2 {
                        diags.push(loc.diag(
                            h.offset,
                            format!("section `{}` has no `Tasks:` line under its heading (e.g. `Tasks: 1.2, 3.4`)", h.title),
                        ));
                    }
                    parent
                        .map(|p| notes.sections[p].tasks.clone())
                        .unwrap_or_default()
                }
            };
            stack.push(notes.sections.len());
            notes.sections.push(Section {
                anchor: h.anchor.clone(),
                title: h.title.clone(),
                level: h.level,
                chapter: chapter_index,
                parent,
                tasks,
                html: 0..0,
            });
            continue;
        }
        out.push((event.clone(), range.clone()));
        i += 1;
    }
    close_section(open, &loc, diags);
    let html = markdown::render(out, &notes.index, &loc, diags);
    let starts: Vec<usize> = notes.sections[first_section..]
        .iter()
        .map(|s| {
            let at = html.find(&format!(" id=\"{}\"", s.anchor)).unwrap_or(0);
            html[..at].rfind('<').unwrap_or(0)
        })
        .collect();
    for (k, s) in notes.sections[first_section..].iter_mut().enumerate() {
        s.html = starts[k]..starts.get(k + 1).copied().unwrap_or(html.len());
    }
    notes.chapters.push(Chapter {
        title: first.title.clone(),
        path: file.path.clone(),
        html,
        first: first_section,
        end: notes.sections.len(),
    });
}

/// Ends a `##` section: a section that teaches must say which AWS pages back it, so a learner (and the
/// next audit) can check every fact at its source.
fn close_section(open: Option<(usize, String, bool)>, loc: &Locator<'_>, diags: &mut Vec<Diag>) {
    if let Some((offset, title, false)) = open {
        diags.push(loc.diag(
            offset,
            format!(
                "section `{title}` cites no AWS documentation: end it with a paragraph \
                 `AWS documentation: [Page title](https://docs.aws.amazon.com/...)`"
            ),
        ));
    }
}

/// Reads an `AWS documentation: [title](url), ...` paragraph starting at event `i`: checks that it links
/// at least one page and that every link is a canonical English AWS documentation address. Returns the
/// opening tag that marks it for the app's styling and the index of its first inner event (the paragraph's
/// own end tag closes it), or `None` when the paragraph is something else.
fn docs_paragraph(
    events: &[Spanned<'_>],
    i: usize,
    loc: &Locator<'_>,
    diags: &mut Vec<Diag>,
) -> Option<(String, usize)> {
    let end = (i..events.len()).find(|&j| matches!(events[j].0, Event::End(TagEnd::Paragraph)))?;
    let text = markdown::plain_text(&events[i + 1..end]);
    if !text.starts_with("AWS documentation:") {
        return None;
    }
    let at = events[i].1.start;
    let mut links = 0;
    for (event, range) in &events[i + 1..end] {
        if let Event::Start(Tag::Link { dest_url, .. }) = event {
            links += 1;
            if !is_aws_doc(dest_url) {
                diags.push(loc.diag(
                    range.start,
                    format!("`{dest_url}` is not a canonical English AWS documentation address (https://docs.aws.amazon.com/..., no language segment)"),
                ));
            }
        }
    }
    if links == 0 {
        diags.push(loc.diag(
            at,
            "`AWS documentation:` names no page: link one or more https://docs.aws.amazon.com/ pages",
        ));
    }
    Some(("<p class=\"aws-docs\">".to_string(), i + 1))
}

/// Reads a `Tasks: 1.2, 3.4` paragraph starting at event `i`; returns the tasks and the index after it.
fn tasks_line(
    events: &[Spanned<'_>],
    i: usize,
    exam: &ExamDef,
    loc: &Locator<'_>,
    diags: &mut Vec<Diag>,
) -> Option<(Vec<(u8, u8)>, usize)> {
    if !matches!(events.get(i), Some((Event::Start(Tag::Paragraph), _))) {
        return None;
    }
    let end = (i..events.len()).find(|&j| matches!(events[j].0, Event::End(TagEnd::Paragraph)))?;
    let text = markdown::plain_text(&events[i + 1..end]);
    let list = text.strip_prefix("Tasks:")?;
    let at = events[i].1.start;
    let mut tasks = Vec::new();
    for item in list.split(',').filter(|i| !i.trim().is_empty()) {
        match exam.task(item) {
            Some(t) if !tasks.contains(&t) => tasks.push(t),
            Some(_) => {}
            None => diags.push(loc.diag(at, exam.bad_task(item))),
        }
    }
    if list.trim().is_empty() {
        diags.push(loc.diag(
            at,
            "empty `Tasks:` line: name at least one task statement (e.g. `Tasks: 1.2`)",
        ));
    }
    Some((tasks, end + 1))
}
