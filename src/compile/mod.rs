//! The content compiler: study notes and question banks (markdown) to checked, rendered Rust statics.
//!
//! Build-time only: `build.rs` and the tests include this module with `#[path]`; the app's `lib.rs` never
//! declares it, so pulldown-cmark never reaches the wasm. Every problem in the content is collected as a
//! [`diag::Diag`] (`path:line:col: message`) and the build fails once, listing them all.
#![allow(dead_code)]

pub mod diag;
pub mod doc_label;
pub mod emit;
pub mod exam;
pub mod files;
pub mod lock;
pub mod markdown;
pub mod notes;
pub mod questions;
pub mod report;
pub mod slug;

// FNV-1a, shared with the app, which checks the content index against its name.
#[path = "../bank/fnv.rs"]
mod fnv;
pub use fnv::fnv1a;

use std::path::Path;

use diag::Diag;
use exam::ExamDef;
use notes::Notes;
use questions::Question;

/// One content file: its path as shown in messages, and its text.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: String,
    pub text: String,
}

impl Source {
    /// A source from a path and text (used by tests with fixture strings).
    pub fn new(path: &str, text: &str) -> Self {
        Source {
            path: path.to_string(),
            text: text.to_string(),
        }
    }
}

/// Everything the app needs from `questions/`.
#[derive(Debug)]
pub struct Compiled {
    pub exam: ExamDef,
    pub notes: Notes,
    pub questions: Vec<Question>,
    /// Content hash of the bank files (FNV-1a, 64 bits, hex).
    pub version: String,
}

/// Compiles the exam definition, then the notes and bank files checked against it; on any problem,
/// returns all of them in file order.
pub fn compile(exam: &Source, notes: &[Source], bank: &[Source]) -> Result<Compiled, Vec<Diag>> {
    compile_locked(exam, notes, bank, None)
}

/// [`compile`], then the bank checked against its lock file (`bank.lock`), when there is one.
pub fn compile_locked(
    exam: &Source,
    notes: &[Source],
    bank: &[Source],
    lock_file: Option<&Source>,
) -> Result<Compiled, Vec<Diag>> {
    let mut diags = Vec::new();
    let exam = exam::compile(exam, &mut diags);
    let compiled_notes = notes::compile(notes, &exam, &mut diags);
    let questions = questions::compile(bank, &exam, &compiled_notes, &mut diags);
    if let Some(file) = lock_file {
        let lock = lock::read(file, &mut diags);
        let place = |q: &Question, message: String| Diag {
            path: q.path.clone(),
            line: q.line,
            col: q.col,
            message,
        };
        lock::check(&lock, file, &questions, place, &mut diags);
    }
    if diags.is_empty() {
        Ok(Compiled {
            exam,
            notes: compiled_notes,
            questions,
            version: version(bank),
        })
    } else {
        diags.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
        diags.dedup();
        Err(diags)
    }
}

/// The package's folder, read when the program runs: cargo sets `CARGO_MANIFEST_DIR` for build scripts
/// and for `cargo run`. Not `env!`, which bakes in the folder of whichever clone compiled the binary:
/// clones sharing one target directory (CI's) share the binary too, and a later build elsewhere read the
/// `questions/` of a clone since deleted and failed.
pub fn package_root() -> std::path::PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .expect("cargo sets CARGO_MANIFEST_DIR")
        .into()
}

/// Where the content is: `questions/` of the package (its folder read when the program runs, see
/// [`package_root`]), or the folder the `DVA_CONTENT` environment variable names (relative to the
/// package), as (the folder above it, its name). Used by `build.rs` and by the tool that writes the
/// content files, so both compile the same content.
pub fn content_root() -> (std::path::PathBuf, String) {
    let manifest = package_root();
    let relative = std::env::var("DVA_CONTENT").unwrap_or_else(|_| "questions".to_string());
    let content = manifest.join(&relative);
    let root = content.parent().unwrap_or(&manifest).to_path_buf();
    let dir = content
        .file_name()
        .map_or("questions".into(), |n| n.to_string_lossy().into_owned());
    (root, dir)
}

/// Compiles `<content>/exam.md`, `<content>/notes/*.md` and `<content>/bank/*.md` (paths relative to
/// `root`, as shown in messages), in file-name order, checking the bank against `<content>/bank.lock`.
pub fn compile_dir(root: &Path, content: &str) -> Result<Compiled, Vec<Diag>> {
    compile_dir_locked(root, content, true)
}

/// [`compile_dir`], checking the lock file only when `locked`: a build with `DVA_RELOCK` set skips it, so
/// that `cargo run --example lock-bank -- --relock <id>` can run while the lock still holds a question's
/// old options (the build refused, and the example could not start). The bank tests and every other build
/// still check it.
pub fn compile_dir_locked(root: &Path, content: &str, locked: bool) -> Result<Compiled, Vec<Diag>> {
    let read = |dir: &str| -> Result<Vec<Source>, Vec<Diag>> {
        read_sources(root, dir).map_err(|e| {
            vec![Diag {
                path: dir.to_string(),
                line: 1,
                col: 1,
                message: e.to_string(),
            }]
        })
    };
    let exam_path = format!("{content}/exam.md");
    let exam = std::fs::read_to_string(root.join(&exam_path)).map_err(|e| {
        vec![Diag {
            path: exam_path.clone(),
            line: 1,
            col: 1,
            message: format!("cannot read the exam definition: {e}"),
        }]
    })?;
    let lock_path = format!("{content}/bank.lock");
    let lock = std::fs::read_to_string(root.join(&lock_path))
        .ok()
        .filter(|_| locked)
        .map(|text| Source::new(&lock_path, &text));
    compile_locked(
        &Source::new(&exam_path, &exam),
        &read(&format!("{content}/notes"))?,
        &read(&format!("{content}/bank"))?,
        lock.as_ref(),
    )
}

/// Reads every `*.md` file of `root/dir` (README.md excepted), sorted by name.
pub fn read_sources(root: &Path, dir: &str) -> std::io::Result<Vec<Source>> {
    let mut names: Vec<String> = std::fs::read_dir(root.join(dir))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") && n != "README.md")
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let path = format!("{dir}/{n}");
            Ok(Source {
                text: std::fs::read_to_string(root.join(&path))?,
                path,
            })
        })
        .collect()
}

/// FNV-1a over the bank's paths and texts: changes whenever any question changes.
pub fn version(bank: &[Source]) -> String {
    let bytes = bank
        .iter()
        .flat_map(|s| s.path.bytes().chain([0]).chain(s.text.bytes()).chain([0]));
    format!("{:016x}", fnv1a(bytes))
}
