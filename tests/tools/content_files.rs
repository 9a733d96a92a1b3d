//! Writes the content files (every notes chapter's HTML and the bank file, named by their hashes; see
//! `src/compile/files.rs`) under a site folder: the release build runs it from src/web/postbuild.py, so
//! `dist/content/` holds exactly the files the wasm asks for. Honours `DVA_CONTENT` as `build.rs` does.
//! Run: `cargo run --example content-files -- dist`.

#[path = "../../src/compile/mod.rs"]
mod compile;

use std::path::Path;

fn main() {
    let site = std::env::args().nth(1).unwrap_or_else(|| "dist".into());
    let (root, dir) = compile::content_root();
    let c = compile::compile_dir(&root, &dir).unwrap_or_else(|diags| {
        for d in diags {
            eprintln!("{d}");
        }
        std::process::exit(1);
    });
    let site = Path::new(&site);
    let files = compile::files::Files::of(&c);
    for f in files.all() {
        let path = site.join(&f.name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create the content folder");
        }
        std::fs::write(&path, &f.body).expect("write a content file");
    }
    println!(
        "{} content files written under {}",
        files.all().count(),
        site.display()
    );
}
