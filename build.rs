//! Compiles `questions/` (study notes and question banks) into `$OUT_DIR/bank.rs`.
//!
//! A content problem fails the build with every problem listed as `path:line:col: message`.

#[path = "src/compile/mod.rs"]
mod compile;

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-env-changed=DVA_CONTENT");
    println!("cargo:rerun-if-changed=src/compile");
    // DVA_CONTENT names another content root (holding notes/ and bank/), to build the app with other notes.
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let relative = std::env::var("DVA_CONTENT").unwrap_or_else(|_| "questions".to_string());
    // Relative to the package root, so that a target directory shared by several clones (as CI's is)
    // watches this clone's content, not the content of whichever clone built last.
    println!("cargo:rerun-if-changed={relative}");
    let content = manifest.join(&relative);
    let root = content.parent().unwrap_or(manifest);
    let dir = content
        .file_name()
        .map_or("questions".into(), |n| n.to_string_lossy().into_owned());
    match compile::compile_dir(root, &dir) {
        Ok(compiled) => {
            let out =
                Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bank.rs");
            std::fs::write(&out, compile::emit::rust(&compiled)).expect("write bank.rs");
        }
        Err(diags) => {
            for d in &diags {
                eprintln!("{d}");
            }
            eprintln!(
                "error: {} problem(s) in questions/; the build stops here",
                diags.len()
            );
            std::process::exit(1);
        }
    }
}
