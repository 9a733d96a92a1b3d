//! Writes the compiled content (every notes chapter's HTML and every question's HTML, ids and
//! documentation addresses) to stdout: what the app ships besides its code. The load benchmark compresses
//! it to print the content floor of the release size. Run: `cargo run --example content-dump`.

#[path = "../../src/compile/mod.rs"]
mod compile;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let c = compile::compile_dir(root, "questions").unwrap_or_else(|diags| {
        for d in diags {
            eprintln!("{d}");
        }
        std::process::exit(1);
    });
    let mut out = String::new();
    for ch in &c.notes.chapters {
        out.push_str(&ch.title);
        out.push_str(&ch.html);
    }
    for s in &c.notes.sections {
        out.push_str(&s.anchor);
        out.push_str(&s.title);
    }
    for q in &c.questions {
        out.push_str(&q.id);
        out.push_str(&q.stem);
        for ch in &q.choices {
            out.push_str(&ch.html);
        }
        out.push_str(&q.explanation);
        for d in &q.docs {
            out.push_str(d);
        }
    }
    print!("{out}");
}
