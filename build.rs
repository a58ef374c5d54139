//! Compiles content/**/*.toml into the compact form the widget embeds (postcard).
//! The TOML is parsed here, on the build machine, with the same loader and validator the
//! tests use: any content error the validator knows (a syntax or shape error, a dangling
//! or duplicate id, a quote not verbatim in sources/, a missing text, a path that does
//! not end) stops the build with its file and id, and the browser gets no TOML parser.
#![allow(dead_code, unused_imports)]

use std::{env, fs, path::Path};

#[path = "src/cond.rs"]
mod cond;
#[path = "src/engine.rs"]
mod engine;
#[path = "src/model/mod.rs"]
mod model;
#[path = "src/route.rs"]
mod route;
#[path = "src/ruby.rs"]
mod ruby;
#[path = "src/session.rs"]
mod session;
#[path = "src/validate.rs"]
mod validate;


fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).to_path_buf();
    for watched in ["content", "sources", "src/model", "src/cond.rs", "src/engine.rs", "src/validate.rs", "src/ruby.rs"] {
        println!("cargo:rerun-if-changed={watched}");
    }
    let fail = |errors: Vec<model::ContentError>| -> ! {
        for e in &errors {
            println!("cargo:warning={e}");
        }
        panic!("{} problem(s) in content/ (listed above; paths are relative to content/, guidelines are in sources/)", errors.len());
    };
    let content = model::Content::load_dir(&root.join("content")).unwrap_or_else(|errors| fail(errors));
    let sources = validate::Sources::load(&root.join("sources"))
        .unwrap_or_else(|e| fail(vec![model::ContentError { file: "../sources".into(), id: String::new(), message: e.to_string() }]));
    let errors = validate::check_all(&content, &sources);
    if !errors.is_empty() {
        fail(errors);
    }
    let bytes = content.encode();
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("content.bin"), bytes).unwrap();
}
