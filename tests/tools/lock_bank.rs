//! Writes `questions/bank.lock`: adds every question not yet locked, keeps what is locked, and with
//! `--relock <id>` (repeatable) accepts an edit of a locked question that kept its meaning.
//! Run: `cargo run --example lock-bank`, or to relock `DVA_RELOCK=1 cargo run --example lock-bank --
//! --relock <id> ...` (the variable lets the crate's build through while the lock still holds the old
//! options). Retiring an id is a line written by hand: `retired <id> <reason>`.

#[path = "../../src/compile/mod.rs"]
mod compile;

fn main() {
    let root = &compile::package_root();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let relock: Vec<String> = args
        .windows(2)
        .filter(|w| w[0] == "--relock")
        .map(|w| w[1].clone())
        .collect();
    let fail = |diags: Vec<compile::diag::Diag>| -> ! {
        for d in diags {
            eprintln!("{d}");
        }
        std::process::exit(1);
    };
    let read =
        |dir: &str| compile::read_sources(root, dir).unwrap_or_else(|e| panic!("{dir}: {e}"));
    let exam_text =
        std::fs::read_to_string(root.join("questions/exam.md")).expect("questions/exam.md");
    let c = compile::compile(
        &compile::Source::new("questions/exam.md", &exam_text),
        &read("questions/notes"),
        &read("questions/bank"),
    )
    .unwrap_or_else(|d| fail(d));
    let path = root.join("questions/bank.lock");
    let old_text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut diags = Vec::new();
    let old = compile::lock::read(
        &compile::Source::new("questions/bank.lock", &old_text),
        &mut diags,
    );
    if !diags.is_empty() {
        fail(diags);
    }
    let text = compile::lock::render(&old, &c.questions, &relock);
    std::fs::write(&path, &text).expect("write questions/bank.lock");
    let added = c
        .questions
        .iter()
        .filter(|q| !old.questions.contains_key(&q.id))
        .count();
    println!(
        "questions/bank.lock: {} questions locked ({added} new, {} relocked), {} retired",
        c.questions.len(),
        relock.len(),
        old.retired.len()
    );
}
