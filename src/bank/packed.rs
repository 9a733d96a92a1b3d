//! Reads the notes' headings and the questions' index from the packed form `build.rs` emits
//! (`src/compile/emit.rs` writes it): a byte table of LEB128 numbers and one string of every text back
//! to back.
//!
//! Why packed: written as Rust `static` slices of structs, every `&str` and slice of the 747 headings
//! and 588 questions is a pointer and a length, which compress badly. Packed, with the anchors that are
//! their title's slug derived here rather than stored, each section's tasks given only where they differ
//! from its parent's and its place in the chapter as a distance from the previous section, the wasm is
//! about 10 KB smaller compressed (measured 2026-11-26); the app downloads its code before anything works.
//! They are unpacked once, on first use, into the plain structs of [`super`].

use super::slug::slug;
use super::{Choice, Question, Section, Task};

/// A cursor over one packed table and its strings.
struct Reader {
    bytes: &'static [u8],
    text: &'static str,
    at: usize,
    text_at: usize,
}

impl Reader {
    fn new(bytes: &'static [u8], text: &'static str) -> Self {
        Reader {
            bytes,
            text,
            at: 0,
            text_at: 0,
        }
    }

    /// The next number (unsigned LEB128: seven bits a byte, low bits first, high bit set on all but the
    /// last byte).
    fn n(&mut self) -> u32 {
        let mut value = 0;
        let mut shift = 0;
        loop {
            let b = self.bytes[self.at];
            self.at += 1;
            value |= u32::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return value;
            }
            shift += 7;
        }
    }

    fn small(&mut self) -> u8 {
        self.n() as u8
    }

    /// The next string: its length in bytes is the next number, its bytes the next ones of the text.
    fn s(&mut self) -> &'static str {
        let len = self.n() as usize;
        let s = &self.text[self.text_at..self.text_at + len];
        self.text_at += len;
        s
    }

    fn task(&mut self) -> Task {
        let domain = self.small();
        Task::new(domain, self.small())
    }

    /// A count, then that many items.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Box<[T]> {
        let len = self.n();
        (0..len).map(|_| item(self)).collect()
    }
}

/// The sections of the notes. Per section: level, chapter, parent (0 for none, else index + 1), tasks
/// (0 when they are the parent's, else their count + 1 and then domain and number of each), where its
/// HTML starts (counted from where the previous section of its chapter ends, so mostly 0) and its length,
/// anchor ("" when it is the title's slug, which is derived here), title.
pub fn sections(bytes: &'static [u8], text: &'static str) -> Vec<Section> {
    let mut r = Reader::new(bytes, text);
    let count = r.n();
    let mut sections: Vec<Section> = Vec::with_capacity(count as usize);
    for _ in 0..count {
        let level = r.small();
        let chapter = r.n() as u16;
        let parent = r.n().checked_sub(1).map(|p| p as u16);
        let tasks = match (r.n(), parent) {
            (0, Some(p)) => sections[usize::from(p)].tasks.clone(),
            (n, _) => (1..n).map(|_| r.task()).collect(),
        };
        let previous_end = sections
            .last()
            .filter(|s| s.chapter == chapter)
            .map_or(0, |s| s.end);
        let start = previous_end + r.n();
        let end = start + r.n();
        sections.push(Section {
            anchor: r.s(),
            title: r.s(),
            level,
            chapter,
            parent,
            tasks,
            start,
            end,
        });
    }
    // The derived anchors, in one string that lives as long as the app (as the packed text does).
    let mut anchors = String::new();
    let spans: Vec<(usize, usize)> = sections
        .iter()
        .map(|s| {
            let start = anchors.len();
            if s.anchor.is_empty() {
                anchors.push_str(&slug(s.title));
            }
            (start, anchors.len())
        })
        .collect();
    let anchors: &'static str = anchors.leak();
    for (s, (start, end)) in sections.iter_mut().zip(spans) {
        if s.anchor.is_empty() {
            s.anchor = &anchors[start..end];
        }
    }
    sections
}

/// The questions of the bank. Per question: id, task (domain, number), skills (a count, then each), note
/// sections (a count, then each as its zigzag distance from the previous link, across questions), the
/// number of options, and the keys as a bit set (bit `i` for option `i`).
pub fn questions(bytes: &'static [u8], text: &'static str) -> Vec<Question> {
    let mut r = Reader::new(bytes, text);
    let count = r.n();
    let mut previous_note = 0_i32;
    (0..count)
        .map(|at| {
            let id = r.s();
            let task = r.task();
            let skills = r.list(Reader::small);
            let notes = r.list(|r| {
                let zigzag = r.n() as i32;
                previous_note += if zigzag % 2 == 0 {
                    zigzag / 2
                } else {
                    -(zigzag + 1) / 2
                };
                previous_note as u16
            });
            let options = r.n();
            let keys = r.n();
            Question {
                id,
                at: at as u16,
                task,
                skills,
                notes,
                choices: (0..options)
                    .map(|i| Choice {
                        key: keys & (1 << i) != 0,
                    })
                    .collect(),
            }
        })
        .collect()
}
