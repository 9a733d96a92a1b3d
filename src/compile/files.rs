//! The content the app fetches instead of carrying in its code: one HTML file per notes chapter, one text
//! file with what an exam shows of every question (stem and options), and one with what comes after an
//! answer (explanation and documentation pages), so an exam can start before the second has arrived.
//! Each file is named by a hash of its bytes, so a host and the service worker may keep it forever, and a
//! changed file is a new name.
//!
//! The index names the other files; the page names the index (src/web/postbuild.py), so the wasm holds
//! no content at all. `build.rs` writes the files to `$OUT_DIR/content/`, which native builds embed; the
//! release build writes the same files into `dist/content/` with `cargo run --example content-files`
//! (src/web/postbuild.py). Both name them from the same bytes.

use super::Compiled;

/// Separates the fields of one question's record: stem and options, or explanation and documentation
/// pages.
pub const FIELD: char = '\u{1f}';
/// Ends each question's record.
pub const RECORD: char = '\u{1e}';

/// One content file: its path relative to the site root, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub name: String,
    pub body: String,
}

/// Every content file of a compiled content, made once: `build.rs` writes them and names them in the
/// generated code, the content-files tool writes them into the site.
#[derive(Debug, Clone, PartialEq)]
pub struct Files {
    /// One per notes chapter, in order: its HTML as compiled.
    pub chapters: Vec<File>,
    /// Per question, in bank order: its stem and each option.
    pub questions: File,
    /// Per question, in bank order: its explanation and each documentation page.
    pub explanations: File,
    /// The index the app reads before anything else: the exam, the chapters, the headings, the
    /// questions' index and the names of the files above (`super::emit::index`). The page names it.
    pub index: File,
}

impl Files {
    /// The content files of `c`.
    pub fn of(c: &Compiled) -> Files {
        let chapters: Vec<File> = c
            .notes
            .chapters
            .iter()
            .enumerate()
            .map(|(i, ch)| File::hashed(&format!("notes-{:02}", i + 1), "html", ch.html.clone()))
            .collect();
        let questions = records(
            "questions",
            c.questions
                .iter()
                .map(|q| (q.stem.as_str(), q.choices.iter().map(|ch| ch.html.as_str()))),
        );
        // Each documentation page as `<url> <label>`: the app shows the label and links the address.
        let docs: Vec<Vec<String>> = c
            .questions
            .iter()
            .map(|q| {
                q.docs
                    .iter()
                    .map(|u| format!("{u} {}", super::doc_label::label(u)))
                    .collect()
            })
            .collect();
        let explanations = records(
            "explanations",
            c.questions
                .iter()
                .zip(&docs)
                .map(|(q, d)| (q.explanation.as_str(), d.iter().map(String::as_str))),
        );
        let names: Vec<&str> = chapters.iter().map(|f| f.name.as_str()).collect();
        let index = super::emit::index(c, &names, &questions.name, &explanations.name);
        Files {
            index: File::hashed("index", "txt", index),
            chapters,
            questions,
            explanations,
        }
    }

    /// Every file: the chapters in order, then the questions, the explanations and the index.
    pub fn all(&self) -> impl Iterator<Item = &File> {
        self.chapters
            .iter()
            .chain([&self.questions, &self.explanations, &self.index])
    }
}

impl File {
    /// A file named `content/<stem>-<16 hex digits of FNV-1a over body>.<ext>`.
    fn hashed(stem: &str, ext: &str, body: String) -> File {
        let h = super::fnv1a(body.bytes());
        File {
            name: format!("content/{stem}-{h:016x}.{ext}"),
            body,
        }
    }
}

/// A text file of one record per question: its first field, then each of the rest, separated by
/// [`FIELD`], the record ended by [`RECORD`].
fn records<'a, R: Iterator<Item = &'a str>>(
    stem: &str,
    rows: impl Iterator<Item = (&'a str, R)>,
) -> File {
    let mut body = String::new();
    for (first, rest) in rows {
        body.push_str(first);
        for field in rest {
            body.push(FIELD);
            body.push_str(field);
        }
        body.push(RECORD);
    }
    File::hashed(stem, "txt", body)
}

/// Why a compiled text cannot go into the questions' files, if it holds one of its separators (markdown
/// never renders these control characters on its own, but a source file could hold them).
pub fn check(c: &Compiled) -> Result<(), String> {
    let bad = |s: &str| s.contains(FIELD) || s.contains(RECORD);
    for q in &c.questions {
        let texts = [&q.stem, &q.explanation]
            .into_iter()
            .chain(q.choices.iter().map(|ch| &ch.html))
            .chain(q.docs.iter());
        for t in texts {
            if bad(t) {
                return Err(format!(
                    "{}:{}:{}: control character U+001E or U+001F in the question's text",
                    q.path, q.line, q.col
                ));
            }
        }
    }
    Ok(())
}
