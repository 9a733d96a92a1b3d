//! Reads the content index (`src/compile/emit.rs` writes it): a first line of numbers (base 47 in
//! printable characters), then every string back to back, each one's length being the next number where
//! it is read.
//!
//! Why a file of its own: the code then holds nothing of the content, so a release that changes only the
//! content leaves the wasm byte for byte as it was, and a returning learner downloads only the changed
//! content files. Why packed: as structs, every `&str` and slice of the 747 headings and 588 questions
//! is a pointer and a length, which compress badly; packed, with the anchors that are their title's slug
//! derived here rather than stored, each section's tasks given only where they differ from its parent's
//! and its place in the chapter as a distance from the previous section, it is about 10 KB smaller
//! compressed (measured 2026-11-26, when it was still in the wasm). It is unpacked once, when the app
//! starts, into the plain structs of [`super`].

use super::slug::ascii_slug;
use super::{Chapter, Choice, Content, Domain, Earlier, Exam, Question, Section, Task, TaskInfo};

/// A cursor over the index's numbers and strings.
struct Reader {
    numbers: &'static [u8],
    text: &'static str,
    at: usize,
    text_at: usize,
}

impl Reader {
    /// The next number: base 47, most significant digit first, the last one as `!` (0) to `O` (46),
    /// the others as `P` (0) to `~` (46).
    fn n(&mut self) -> u32 {
        let mut value = 0;
        loop {
            let b = self.numbers[self.at];
            self.at += 1;
            if b >= b'P' {
                value = value * 47 + u32::from(b - b'P');
            } else {
                return value * 47 + u32::from(b - b'!');
            }
        }
    }

    fn small(&mut self) -> u8 {
        self.n() as u8
    }

    fn u16(&mut self) -> u16 {
        self.n() as u16
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

    /// [`Self::list`] for the exam's `'static` slices (unpacked once, kept for the visit).
    fn leaked<T>(&mut self, item: impl FnMut(&mut Self) -> T) -> &'static [T] {
        Box::leak(self.list(item))
    }
}

/// Everything in the index, in the order `src/compile/emit.rs` writes it. `text` is the whole file.
pub fn content(text: &'static str) -> Content {
    let (numbers, text) = text.split_once('\n').unwrap_or((text, ""));
    let mut r = Reader {
        numbers: numbers.as_bytes(),
        text,
        at: 0,
        text_at: 0,
    };
    let version = r.s();
    let questions_file = r.s();
    let explanations_file = r.s();
    let exam = exam(&mut r);
    let chapters = r
        .list(|r| Chapter {
            title: r.s(),
            file: r.s(),
            first: r.u16(),
            end: r.u16(),
        })
        .into_vec();
    let sections = sections(&mut r);
    let questions = questions(&mut r);
    Content {
        version,
        questions_file,
        explanations_file,
        exam,
        chapters,
        sections,
        questions,
    }
}

/// The exam definition: title, code, name, the six figures, first day, domains (number, name, weight),
/// task statements (domain, number, title, skills), earlier exams (code, last day, domains).
fn exam(r: &mut Reader) -> Exam {
    Exam {
        title: r.s(),
        code: r.s(),
        name: r.s(),
        questions: r.u16(),
        minutes: r.u16(),
        extra_minutes: r.u16(),
        pass: r.u16(),
        min: r.u16(),
        max: r.u16(),
        since: r.s(),
        domains: r.leaked(|r| Domain {
            number: r.small(),
            name: r.s(),
            weight: r.small(),
        }),
        tasks: r.leaked(|r| TaskInfo {
            task: r.task(),
            title: r.s(),
            skills: r.leaked(Reader::s),
        }),
        earlier: r.leaked(|r| Earlier {
            code: r.s(),
            last: r.s(),
            domains: r.leaked(|r| (r.small(), r.s())),
        }),
    }
}

/// The sections of the notes. Per section: level, chapter, parent (0 for none, else index + 1), tasks
/// (0 when they are the parent's, else their count + 1 and then domain and number of each), where its
/// HTML starts (counted from where the previous section of its chapter ends, so mostly 0) and its length,
/// anchor ("" when it is the title's slug, which is derived here), title.
fn sections(r: &mut Reader) -> Vec<Section> {
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
                anchors.push_str(&ascii_slug(s.title));
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
fn questions(r: &mut Reader) -> Vec<Question> {
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
