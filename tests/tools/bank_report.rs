//! Prints the question bank's counts per domain, task statement, note section and kind, and its shape
//! figures. Run: `cargo run --example bank-report`.

#[path = "../../src/compile/mod.rs"]
mod compile;

fn main() {
    let root = &compile::package_root();
    match compile::compile_dir(root, "questions") {
        Ok(c) => print!(
            "{}",
            compile::report::render(&compile::report::report(&c, SIMILAR), &c)
        ),
        Err(diags) => {
            for d in diags {
                eprintln!("{d}");
            }
            std::process::exit(1);
        }
    }
}

/// Stems sharing more than this share of their words are listed for a human to compare.
const SIMILAR: f64 = 0.5;
