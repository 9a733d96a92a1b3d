//! The content the app fetches instead of carrying in its code: one HTML file per notes chapter, one text
//! file with what an exam shows of every question (stem and options), and one with what comes after an
//! answer (explanation and documentation pages), so an exam can start before the second has arrived. Each file is named by a hash of its bytes, so a host and the
//! service worker may keep it forever, and a changed file is a new name.
//!
//! `build.rs` puts the names in the generated `bank.rs` (and the files in `$OUT_DIR/content/`, which
//! native builds embed); the release build writes the same files into `dist/content/` with
//! `cargo run --example content-files` (src/web/postbuild.py). Both name them from the same bytes.

use super::Compiled;

/// Separates the fields of one question's record: stem and options, or explanation and documentation pages.
pub const FIELD: char = '\u{1f}';
/// Ends each question's record.
pub const RECORD: char = '\u{1e}';

/// One content file: its path relative to the site root, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub name: String,
    pub body: String,
}

/// The file of notes chapter `index` (0-based): its HTML as compiled.
pub fn chapter(c: &Compiled, index: usize) -> File {
    let body = c.notes.chapters[index].html.clone();
    File {
        name: hashed(&format!("notes-{:02}", index + 1), "html", &body),
        body,
    }
}

/// The questions file: per question, in bank order, its stem and each option, separated by [`FIELD`], the
/// record ended by [`RECORD`].
pub fn questions(c: &Compiled) -> File {
    let mut body = String::new();
    for q in &c.questions {
        body.push_str(&q.stem);
        for ch in &q.choices {
            body.push(FIELD);
            body.push_str(&ch.html);
        }
        body.push(RECORD);
    }
    File {
        name: hashed("questions", "txt", &body),
        body,
    }
}

/// The explanations file: per question, in bank order, its explanation and each documentation page,
/// separated by [`FIELD`], the record ended by [`RECORD`].
pub fn explanations(c: &Compiled) -> File {
    let mut body = String::new();
    for q in &c.questions {
        body.push_str(&q.explanation);
        for d in &q.docs {
            body.push(FIELD);
            body.push_str(d);
        }
        body.push(RECORD);
    }
    File {
        name: hashed("explanations", "txt", &body),
        body,
    }
}

/// Every content file: the chapters in order, then the questions and the explanations.
pub fn all(c: &Compiled) -> Vec<File> {
    let mut files: Vec<File> = (0..c.notes.chapters.len()).map(|i| chapter(c, i)).collect();
    files.push(questions(c));
    files.push(explanations(c));
    files
}

/// Why a compiled text cannot go into the questions' files, if it holds one of its separators (markdown never
/// renders these control characters on its own, but a source file could hold them).
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

/// `content/<stem>-<16 hex digits of FNV-1a over body>.<ext>`.
fn hashed(stem: &str, ext: &str, body: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in body.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("content/{stem}-{h:016x}.{ext}")
}
