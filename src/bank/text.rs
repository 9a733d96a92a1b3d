//! The words of the content, which the wasm does not carry: each notes chapter's HTML, the questions file
//! (stems and options) and the explanations file (explanations and documentation pages); formats in
//! `src/compile/files.rs`. The app fetches the questions file as it starts, then the explanations; a
//! chapter is fetched when it is opened or searched. Native builds (the tests) read the copies built into
//! them instead, on first use.
//!
//! A text, once installed, stays for the rest of the visit (leaked to `'static`), so pages keep handing
//! out plain `&'static str`s as they did when the content was compiled in.

use std::sync::OnceLock;

use super::{CHAPTERS, QUESTIONS, Question};

/// Field and record separators of the question files (as `src/compile/files.rs` writes them).
const FIELD: char = '\u{1f}';
const RECORD: char = '\u{1e}';

/// What an exam shows of one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    pub stem: &'static str,
    pub choices: Vec<&'static str>,
}

/// What comes after an answer: the explanation and the documentation pages.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    pub explanation: &'static str,
    /// Each page as `<url> <label>` (the build makes the label: `compile::doc_label`).
    pub docs: Vec<&'static str>,
}

static WORDS: OnceLock<Vec<Words>> = OnceLock::new();
static EXPLAINED: OnceLock<Vec<Explained>> = OnceLock::new();
static NOTES: OnceLock<Vec<OnceLock<&'static str>>> = OnceLock::new();

/// One record per question, each split into its fields; a file that does not match the questions'
/// index (from another release, or cut short) is an error, never a question with missing words.
fn records(body: &'static str, questions: &[Question]) -> Result<Vec<Vec<&'static str>>, String> {
    let body = body
        .strip_suffix(RECORD)
        .ok_or_else(|| mismatch("it is cut short"))?;
    let records: Vec<Vec<&'static str>> = body
        .split(RECORD)
        .map(|r| r.split(FIELD).collect())
        .collect();
    if records.len() != questions.len() {
        return Err(mismatch(&format!(
            "{} questions where {} were expected",
            records.len(),
            questions.len()
        )));
    }
    Ok(records)
}

fn mismatch(why: &str) -> String {
    format!("does not match this version of the app ({why}); reload the page")
}

/// Splits the questions file into each question's stem and options (exactly as many as the index says).
pub fn parse_words(body: &'static str, questions: &[Question]) -> Result<Vec<Words>, String> {
    records(body, questions)?
        .into_iter()
        .zip(questions)
        .map(|(fields, q)| match fields.split_first() {
            Some((stem, choices)) if choices.len() == q.choices.len() => Ok(Words {
                stem,
                choices: choices.to_vec(),
            }),
            _ => Err(mismatch(&format!("question {} has other options", q.id))),
        })
        .collect()
}

/// Splits the explanations file into each question's explanation and documentation pages.
pub fn parse_explained(
    body: &'static str,
    questions: &[Question],
) -> Result<Vec<Explained>, String> {
    Ok(records(body, questions)?
        .into_iter()
        .map(|fields| {
            let (explanation, docs) = fields
                .split_first()
                .expect("split yields one field at least");
            Explained {
                explanation,
                docs: docs.to_vec(),
            }
        })
        .collect())
}

/// How a file's text becomes its per-question records.
type Parse<T> = fn(&'static str, &[Question]) -> Result<Vec<T>, String>;

/// Installs a fetched file's text into `cell`; a second call keeps the first text.
fn install<T>(cell: &OnceLock<Vec<T>>, parse: Parse<T>, body: String) -> Result<(), String> {
    if cell.get().is_none() {
        let _ = cell.set(parse(Box::leak(body.into_boxed_str()), &QUESTIONS)?);
    }
    Ok(())
}

/// The records in `cell`, once installed (native builds install the built-in copy of `file` first; the
/// wasm only ever has what it fetched).
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
fn installed<T>(
    cell: &'static OnceLock<Vec<T>>,
    parse: Parse<T>,
    file: &str,
) -> Option<&'static Vec<T>> {
    #[cfg(not(target_arch = "wasm32"))]
    if cell.get().is_none() {
        let body = embedded(file).expect("the content file is built in");
        let _ = cell.set(parse(body, &QUESTIONS).expect("the built-in file matches"));
    }
    cell.get()
}

/// Installs the questions file's text (fetched by the app); a second call keeps the first text.
pub fn install_words(body: String) -> Result<(), String> {
    install(&WORDS, parse_words, body)
}

/// Installs the explanations file's text (fetched by the app); a second call keeps the first text.
pub fn install_explained(body: String) -> Result<(), String> {
    install(&EXPLAINED, parse_explained, body)
}

/// Whether every question's stem and options are here.
pub fn words_ready() -> bool {
    all_words().is_some()
}

/// Whether every question's explanation is here.
pub fn explained_ready() -> bool {
    all_explained().is_some()
}

fn all_words() -> Option<&'static Vec<Words>> {
    installed(&WORDS, parse_words, super::questions_file())
}

fn all_explained() -> Option<&'static Vec<Explained>> {
    installed(&EXPLAINED, parse_explained, super::explanations_file())
}

/// The stem and options of question `at` (its position in [`QUESTIONS`]), once they are installed.
pub fn words(at: usize) -> Option<&'static Words> {
    all_words()?.get(at)
}

/// The explanation of question `at`, once installed.
pub fn explained(at: usize) -> Option<&'static Explained> {
    all_explained()?.get(at)
}

fn notes() -> &'static [OnceLock<&'static str>] {
    NOTES.get_or_init(|| CHAPTERS.iter().map(|_| OnceLock::new()).collect())
}

/// Installs chapter `index`'s HTML (fetched by the app).
pub fn install_chapter(index: usize, html: String) {
    if let Some(slot) = notes().get(index) {
        let _ = slot.set(Box::leak(html.into_boxed_str()));
    }
}

/// Chapter `index`'s HTML, once it is installed.
pub fn chapter(index: usize) -> Option<&'static str> {
    let slot = notes().get(index)?;
    #[cfg(not(target_arch = "wasm32"))]
    if slot.get().is_none() {
        let _ = slot.set(embedded(CHAPTERS[index].file)?);
    }
    slot.get().copied()
}

/// Whether every chapter is here (search reads them all).
pub fn all_chapters_ready() -> bool {
    (0..CHAPTERS.len()).all(|i| chapter(i).is_some())
}

/// The built-in copy of the content file `name` (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn embedded(name: &str) -> Option<&'static str> {
    super::EMBEDDED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, body)| *body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Choice, Task};

    fn q() -> [Question; 1] {
        [Question {
            id: "q",
            at: 0,
            task: Task::new(1, 1),
            skills: Box::new([]),
            notes: Box::new([]),
            choices: Box::new([Choice { key: true }, Choice { key: false }]),
        }]
    }

    #[test]
    fn splits_records_into_stem_and_options_and_into_explanation_and_docs() {
        let w = parse_words("S\u{1f}A\u{1f}B\u{1e}", &q()).unwrap();
        assert_eq!(
            w,
            vec![Words {
                stem: "S",
                choices: vec!["A", "B"]
            }]
        );
        let e = parse_explained("E\u{1f}d1\u{1f}d2\u{1e}", &q()).unwrap();
        assert_eq!(
            e,
            vec![Explained {
                explanation: "E",
                docs: vec!["d1", "d2"]
            }]
        );
    }

    #[test]
    fn a_file_of_another_release_or_cut_short_is_refused() {
        let words = |body: &'static str| parse_words(body, &q()).unwrap_err();
        // Cut short: no final record mark.
        assert!(words("S\u{1f}A\u{1f}B").contains("cut short"));
        assert!(
            parse_explained("E", &q())
                .unwrap_err()
                .contains("cut short")
        );
        // One question too many.
        assert!(
            words("S\u{1f}A\u{1f}B\u{1e}S\u{1f}A\u{1f}B\u{1e}").contains("2 questions where 1")
        );
        // Fewer or more options than the index says.
        assert!(words("S\u{1f}A\u{1e}").contains("other options"));
        assert!(words("S\u{1f}A\u{1f}B\u{1f}C\u{1e}").contains("other options"));
    }

    #[test]
    fn the_built_in_files_hold_every_question_and_chapter() {
        for q in QUESTIONS.iter() {
            assert!(!q.stem().is_empty(), "{}", q.id);
            assert!(!q.explanation().is_empty(), "{}", q.id);
            assert!(!q.docs().is_empty(), "{}", q.id);
            for d in q.docs() {
                let (url, label) = d.split_once(' ').expect("a label after the address");
                assert!(
                    url.starts_with("https://") && !label.contains("https:"),
                    "{d}"
                );
            }
            for i in 0..q.choices.len() {
                assert!(!q.choice_html(i).is_empty(), "{} option {i}", q.id);
            }
        }
        assert!(all_chapters_ready());
        for s in crate::bank::SECTIONS.iter() {
            assert!(
                s.html().is_some_and(|h| h.contains(s.anchor)),
                "{}",
                s.anchor
            );
        }
    }
}
