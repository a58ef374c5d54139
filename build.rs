//! Compiles content/**/*.toml into the compact form the widget embeds (postcard).
//! The TOML is parsed here, on the build machine, with the same loader the tests use:
//! a content file with a syntax or shape error stops the build with its file and id,
//! and the browser gets no TOML parser (a third of the wasm it used to be).
#![allow(dead_code)]

use std::{env, fs, path::Path};

#[path = "src/cond.rs"]
mod cond;
#[path = "src/model.rs"]
mod model;

/// model.rs names `crate::embedded::CONTENT`; the build script has no content yet.
mod embedded {
    pub static CONTENT: &[u8] = &[];
}

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("content");
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=src/model.rs");
    println!("cargo:rerun-if-changed=src/cond.rs");
    let content = match model::Content::load_dir(&root) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                println!("cargo:warning=content/{e}");
            }
            panic!("{} problem(s) in content/ (listed above)", errors.len());
        }
    };
    let bytes = content.encode();
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("content.bin"), bytes).unwrap();
}
