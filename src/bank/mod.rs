//! The compiled content: the exam, the chapters, the notes' headings and the questions' index, read from
//! the content index file that the page names and [`install`] takes before the app mounts ([`packed`]);
//! the words of the notes and the questions come in the other content files ([`text`]). The wasm holds
//! none of it, so a release that changes only the content leaves the code unchanged.
//!
//! Plain types, no serde. Native builds (the tests) have every content file built in and read the index
//! on first use.

use std::ops::Deref;
use std::sync::OnceLock;

/// A task statement of the exam, such as 1.2 ("Develop code for AWS Lambda").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Task {
    pub domain: u8,
    pub number: u8,
}

impl Task {
    /// A task statement; the compiler only emits valid ones.
    pub const fn new(domain: u8, number: u8) -> Self {
        Task { domain, number }
    }
}

impl std::fmt::Display for Task {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.domain, self.number)
    }
}

/// The exam the app simulates, compiled from `questions/exam.md`: everything that differs between one
/// exam version and the next lives here, so moving to a new exam is an edit of that file.
#[derive(Debug)]
pub struct Exam {
    /// The full title, e.g. "AWS Certified Developer - Associate (DVA-C03)".
    pub title: &'static str,
    /// The exam code, e.g. "DVA-C03"; stored with every attempt.
    pub code: &'static str,
    pub name: &'static str,
    /// Questions and minutes of the full exam; the extra minutes granted on request.
    pub questions: u16,
    pub minutes: u16,
    pub extra_minutes: u16,
    /// The scaled pass mark and range.
    pub pass: u16,
    pub min: u16,
    pub max: u16,
    /// The first day it is delivered, `YYYY-MM-DD`.
    pub since: &'static str,
    pub domains: &'static [Domain],
    pub tasks: &'static [TaskInfo],
    /// Exams simulated before this one, so older attempts keep the names they were scored under.
    pub earlier: &'static [Earlier],
}

/// One domain: number, name, weight in percent.
#[derive(Debug)]
pub struct Domain {
    pub number: u8,
    pub name: &'static str,
    pub weight: u8,
}

/// One task statement: its title and its skills (skill `d.t.n` is `skills[n - 1]`).
#[derive(Debug)]
pub struct TaskInfo {
    pub task: Task,
    pub title: &'static str,
    pub skills: &'static [&'static str],
}

/// An exam the app simulated before.
#[derive(Debug)]
pub struct Earlier {
    pub code: &'static str,
    /// Its last day of delivery, `YYYY-MM-DD`.
    pub last: &'static str,
    pub domains: &'static [(u8, &'static str)],
}

impl Exam {
    /// The name of domain `number` under the exam `code` (this one or an earlier one), if known.
    pub fn domain_name(&self, code: &str, number: u8) -> Option<&'static str> {
        if code == self.code {
            return self
                .domains
                .iter()
                .find(|d| d.number == number)
                .map(|d| d.name);
        }
        let earlier = self.earlier.iter().find(|e| e.code == code)?;
        earlier.domains.iter().find(|d| d.0 == number).map(|d| d.1)
    }

    /// The domain weights in percent, in domain order.
    pub fn weights(&self) -> Vec<u32> {
        self.domains.iter().map(|d| u32::from(d.weight)).collect()
    }

    /// What a learner should know about the change of exam on `today` (`YYYY-MM-DD`): while an earlier
    /// exam is still delivered, that it ends and which exam the app simulates. `None` once it has ended.
    pub fn transition(&self, today: &str) -> Option<String> {
        let e = self.earlier.iter().find(|e| today <= e.last)?;
        Some(format!(
            "{} is delivered until {}; from {} every candidate sits {}, which this app simulates.",
            e.code, e.last, self.since, self.code
        ))
    }
}

/// One chapter of the notes, rendered to HTML at build time into its own content file.
#[derive(Debug)]
pub struct Chapter {
    pub title: &'static str,
    /// Its content file (relative to the site root), fetched when the chapter is opened; see [`text`].
    pub file: &'static str,
    /// Index of the chapter's own heading in [`SECTIONS`].
    pub first: u16,
    /// One past its last section.
    pub end: u16,
}

/// One heading of the notes.
#[derive(Debug)]
pub struct Section {
    pub anchor: &'static str,
    pub title: &'static str,
    pub level: u8,
    pub chapter: u16,
    pub parent: Option<u16>,
    pub tasks: Box<[Task]>,
    /// Byte range of the section (its heading up to the next heading) in its chapter's HTML.
    pub start: u32,
    pub end: u32,
}

/// One option of a question (its words are in the bank file: [`Question::choice_html`]).
#[derive(Debug)]
pub struct Choice {
    pub key: bool,
}

/// One question of the bank: what selection, scoring and the history need. Its words (stem, options,
/// explanation, documentation pages) are in two content files, read through the methods below once
/// [`text::words_ready`] and [`text::explained_ready`].
#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    /// Its position in [`QUESTIONS`] and in the bank file.
    pub at: u16,
    pub task: Task,
    /// The skills of its task it tests (`3` is skill `<task>.3`); may be empty.
    pub skills: Box<[u8]>,
    /// Indices into [`SECTIONS`] of the sections that teach it.
    pub notes: Box<[u16]>,
    pub choices: Box<[Choice]>,
}

impl Question {
    /// How many options the learner must choose.
    pub fn keys(&self) -> usize {
        self.choices.iter().filter(|c| c.key).count()
    }

    fn words(&self) -> Option<&'static text::Words> {
        text::words(usize::from(self.at))
    }

    fn explained(&self) -> Option<&'static text::Explained> {
        text::explained(usize::from(self.at))
    }

    /// The stem, as HTML rendered at build time ("" until the questions file is loaded).
    pub fn stem(&self) -> &'static str {
        self.words().map_or("", |w| w.stem)
    }

    /// Option `i`'s HTML ("" until the questions file is loaded).
    pub fn choice_html(&self, i: usize) -> &'static str {
        self.words()
            .and_then(|w| w.choices.get(i).copied())
            .unwrap_or("")
    }

    /// The explanation's HTML ("" until the explanations file is loaded).
    pub fn explanation(&self) -> &'static str {
        self.explained().map_or("", |w| w.explanation)
    }

    /// The AWS documentation pages that confirm its key, each `<url> <label>` (none until the explanations
    /// file is loaded).
    pub fn docs(&self) -> &'static [&'static str] {
        self.explained().map_or(&[], |w| w.docs.as_slice())
    }
}

mod fnv;
mod packed;
mod slug;
pub mod text;

include!(concat!(env!("OUT_DIR"), "/bank.rs"));

/// Everything the code knows of the content before any of its words, from the content index.
#[derive(Debug)]
pub struct Content {
    /// Content hash of the question bank: attempts record it.
    pub version: &'static str,
    /// The file with every question's stem and options (see `src/compile/files.rs`).
    pub questions_file: &'static str,
    /// The file with every question's explanation and documentation pages.
    pub explanations_file: &'static str,
    /// The exam the app simulates, from `questions/exam.md`.
    pub exam: Exam,
    /// The chapters of the study notes, in file order.
    pub chapters: Vec<Chapter>,
    /// Every heading of the notes, in document order.
    pub sections: Vec<Section>,
    /// Every question of the bank, in file order.
    pub questions: Vec<Question>,
}

static CONTENT: OnceLock<Content> = OnceLock::new();

/// Installs the content index fetched from `name` (the address the page gives, ending in
/// `-<16 hex digits>.txt`, the FNV-1a hash of its bytes): refused if the text is not the one named, as
/// when a transfer was cut short. A second call keeps the first index.
pub fn install(name: &str, text: String) -> Result<(), String> {
    let named = name
        .rsplit_once('-')
        .and_then(|(_, tail)| tail.strip_suffix(".txt"))
        .and_then(|hex| u64::from_str_radix(hex, 16).ok());
    if named != Some(fnv::fnv1a(text.bytes())) {
        return Err("does not match its name (it arrived damaged)".into());
    }
    if CONTENT.get().is_none() {
        let _ = CONTENT.set(packed::content(Box::leak(text.into_boxed_str())));
    }
    Ok(())
}

/// The installed content (native builds read their built-in index on first use).
fn content() -> &'static Content {
    #[cfg(not(target_arch = "wasm32"))]
    if CONTENT.get().is_none() {
        let text = text::embedded(INDEX_FILE).expect("the index is built in");
        install(INDEX_FILE, text.to_string()).expect("the built-in index matches its name");
    }
    CONTENT
        .get()
        .expect("main installs the content index before the app mounts")
}

/// A part of the installed [`Content`], read like the `static` it was when the content was compiled
/// into the code (`EXAM.code`, `SECTIONS.iter()`, `CHAPTERS[i]`).
pub struct Installed<T: ?Sized + 'static>(fn(&'static Content) -> &'static T);

impl<T: ?Sized> Deref for Installed<T> {
    type Target = T;

    fn deref(&self) -> &T {
        (self.0)(content())
    }
}

/// The exam the app simulates, from `questions/exam.md`.
pub static EXAM: Installed<Exam> = Installed(|c| &c.exam);

/// The chapters of the study notes, in file order.
pub static CHAPTERS: Installed<[Chapter]> = Installed(|c| &c.chapters);

/// Every heading of the notes, in document order.
pub static SECTIONS: Installed<[Section]> = Installed(|c| &c.sections);

/// Every question of the bank, in file order.
pub static QUESTIONS: Installed<[Question]> = Installed(|c| &c.questions);

/// Content hash of the question bank: attempts record it.
pub fn bank_version() -> &'static str {
    content().version
}

/// The file with every question's stem and options.
pub fn questions_file() -> &'static str {
    content().questions_file
}

/// The file with every question's explanation and documentation pages.
pub fn explanations_file() -> &'static str {
    content().explanations_file
}

impl Section {
    /// The section's part of its chapter's HTML, once the chapter is loaded.
    pub fn html(&self) -> Option<&'static str> {
        text::chapter(usize::from(self.chapter))?.get(self.start as usize..self.end as usize)
    }
}

/// The section with this anchor.
pub fn section(anchor: &str) -> Option<(usize, &'static Section)> {
    SECTIONS
        .iter()
        .enumerate()
        .find(|(_, s)| s.anchor == anchor)
}

/// How many questions the bank holds per domain of [`EXAM`] (index 0 is domain 1).
pub fn per_domain() -> Vec<usize> {
    let mut counts = vec![0; EXAM.domains.len()];
    for q in QUESTIONS.iter() {
        if let Some(n) = counts.get_mut(usize::from(q.task.domain).wrapping_sub(1)) {
            *n += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_index_that_is_not_the_one_named_is_refused() {
        let text = text::embedded(INDEX_FILE).expect("built in");
        // Cut short in transit, or another file under this name: refused with a reason.
        let cut = text[..text.len() - 1].to_string();
        assert!(install(INDEX_FILE, cut).unwrap_err().contains("damaged"));
        assert!(install("content/index-0123456789abcdef.txt", text.to_string()).is_err());
        assert!(install("content/index.txt", text.to_string()).is_err());
        // The one named is taken, and the content reads from it.
        assert_eq!(install(INDEX_FILE, text.to_string()), Ok(()));
        assert_eq!(EXAM.code, "DVA-C03");
        assert_eq!(CHAPTERS.len(), 24);
    }
}
