//! The words of the content, which the wasm does not carry: each notes chapter's HTML and the bank file
//! (stems, options, explanations, documentation pages; format in `src/compile/files.rs`). The page
//! preloads the bank file beside the code and the app installs it at start; a chapter is fetched when it
//! is opened or searched. Native builds (the tests) read the copies built into them instead, on first use.
//!
//! A text, once installed, stays for the rest of the visit (leaked to `'static`), so pages keep handing
//! out plain `&'static str`s as they did when the content was compiled in.

use std::sync::OnceLock;

use super::{CHAPTERS, QUESTIONS, Question};

/// Field and record separators of the bank file (as `src/compile/files.rs` writes them).
const FIELD: char = '\u{1f}';
const RECORD: char = '\u{1e}';

/// The words of one question.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    pub stem: &'static str,
    pub choices: Vec<&'static str>,
    pub explanation: &'static str,
    pub docs: Vec<&'static str>,
}

static BANK: OnceLock<Vec<Words>> = OnceLock::new();
static NOTES: OnceLock<Vec<OnceLock<&'static str>>> = OnceLock::new();

/// Splits a bank file into each question's words, checking it against the questions' index (one record
/// per question, at least its options and an explanation); a file that does not match (from another
/// release, or cut short) is an error, never a question with missing words.
pub fn parse(body: &'static str, questions: &[Question]) -> Result<Vec<Words>, String> {
    let mismatch = |why: String| {
        format!("the question file does not match this version of the app ({why}); reload the page")
    };
    let body = body
        .strip_suffix(RECORD)
        .ok_or_else(|| mismatch("it is cut short".into()))?;
    let records: Vec<&'static str> = body.split(RECORD).collect();
    if records.len() != questions.len() {
        return Err(mismatch(format!(
            "{} questions where {} were expected",
            records.len(),
            questions.len()
        )));
    }
    records
        .into_iter()
        .zip(questions)
        .map(|(record, q)| {
            let fields: Vec<&'static str> = record.split(FIELD).collect();
            let n = q.choices.len();
            if fields.len() < n + 2 {
                return Err(mismatch(format!("question {} has too few parts", q.id)));
            }
            Ok(Words {
                stem: fields[0],
                choices: fields[1..=n].to_vec(),
                explanation: fields[n + 1],
                docs: fields[n + 2..].to_vec(),
            })
        })
        .collect()
}

/// Installs the bank file's text (fetched by the app); a second call keeps the first text.
pub fn install_bank(body: String) -> Result<(), String> {
    if BANK.get().is_some() {
        return Ok(());
    }
    let words = parse(Box::leak(body.into_boxed_str()), QUESTIONS)?;
    let _ = BANK.set(words);
    Ok(())
}

/// Whether the questions' words are here.
pub fn bank_ready() -> bool {
    bank().is_some()
}

fn bank() -> Option<&'static Vec<Words>> {
    #[cfg(not(target_arch = "wasm32"))]
    if BANK.get().is_none() {
        let body = embedded(super::BANK_FILE).expect("the bank file is built in");
        let _ = BANK.set(parse(body, QUESTIONS).expect("the built-in bank file matches"));
    }
    BANK.get()
}

/// The words of question `at` (its position in [`QUESTIONS`]), once the bank file is installed.
pub fn words(at: usize) -> Option<&'static Words> {
    bank()?.get(at)
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

#[cfg(not(target_arch = "wasm32"))]
fn embedded(name: &str) -> Option<&'static str> {
    super::EMBEDDED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, body)| *body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::{Choice, Task};

    const Q: Question = Question {
        id: "q",
        at: 0,
        task: Task::new(1, 1),
        skills: &[],
        notes: &[],
        choices: &[Choice { key: true }, Choice { key: false }],
    };

    #[test]
    fn splits_a_record_into_stem_options_explanation_and_docs() {
        let w = parse("S\u{1f}A\u{1f}B\u{1f}E\u{1f}d1\u{1f}d2\u{1e}", &[Q]).unwrap();
        assert_eq!(
            w,
            vec![Words {
                stem: "S",
                choices: vec!["A", "B"],
                explanation: "E",
                docs: vec!["d1", "d2"]
            }]
        );
    }

    #[test]
    fn a_file_of_another_release_or_cut_short_is_refused() {
        // Cut short: no final record mark.
        assert!(
            parse("S\u{1f}A\u{1f}B\u{1f}E", &[Q])
                .unwrap_err()
                .contains("cut short")
        );
        // One question too many or too few.
        let two = "S\u{1f}A\u{1f}B\u{1f}E\u{1e}S\u{1f}A\u{1f}B\u{1f}E\u{1e}";
        assert!(
            parse(two, &[Q])
                .unwrap_err()
                .contains("2 questions where 1")
        );
        // A question with fewer options than the index says.
        assert!(
            parse("S\u{1f}A\u{1f}E\u{1e}", &[Q])
                .unwrap_err()
                .contains("too few parts")
        );
    }

    #[test]
    fn the_built_in_files_hold_every_question_and_chapter() {
        for q in QUESTIONS {
            assert!(!q.stem().is_empty(), "{}", q.id);
            assert!(!q.explanation().is_empty(), "{}", q.id);
            assert!(!q.docs().is_empty(), "{}", q.id);
            for i in 0..q.choices.len() {
                assert!(!q.choice_html(i).is_empty(), "{} option {i}", q.id);
            }
        }
        assert!(all_chapters_ready());
        for s in crate::bank::SECTIONS {
            assert!(
                s.html().is_some_and(|h| h.contains(s.anchor)),
                "{}",
                s.anchor
            );
        }
    }
}
