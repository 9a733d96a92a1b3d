//! Compiles `questions/` (study notes and question banks) into the content files under
//! `$OUT_DIR/content/` and `$OUT_DIR/bank.rs`, which builds them into native builds (the tests).
//!
//! A content problem fails the build with every problem listed as `path:line:col: message`.

#[path = "src/compile/mod.rs"]
mod compile;

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-env-changed=DVA_CONTENT");
    println!("cargo:rerun-if-env-changed=DVA_RELOCK");
    println!("cargo:rerun-if-changed=src/compile");
    // DVA_CONTENT names another content root (holding notes/ and bank/), to build the app with other notes.
    let relative = std::env::var("DVA_CONTENT").unwrap_or_else(|_| "questions".to_string());
    // Relative to the package root, so that a target directory shared by several clones (as CI's is)
    // watches this clone's content, not the content of whichever clone built last.
    println!("cargo:rerun-if-changed={relative}");
    let (root, dir) = compile::content_root();
    // DVA_RELOCK lets the build through a question that no longer matches bank.lock, for lock-bank's
    // `--relock` (see `compile::compile_dir_locked`).
    let locked = std::env::var_os("DVA_RELOCK").is_none();
    match compile::compile_dir_locked(&root, &dir, locked) {
        Ok(compiled) => {
            if let Err(e) = compile::files::check(&compiled) {
                eprintln!("{e}");
                std::process::exit(1);
            }
            let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
            let out = Path::new(&out_dir);
            std::fs::create_dir_all(out.join("content")).expect("create $OUT_DIR/content");
            let files = compile::files::Files::of(&compiled);
            for f in files.all() {
                std::fs::write(out.join(&f.name), &f.body).expect("write a content file");
            }
            std::fs::write(
                out.join("bank.rs"),
                compile::emit::rust(&files, &out_dir.replace('\\', "/")),
            )
            .expect("write bank.rs");
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
