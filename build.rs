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
    // Another checkout building into the same target/ (tests/e2e/adopt.test.mjs) shares this
    // script's output folder; it sets KYODO_CHECKOUT, so a change of checkout runs it again.
    println!("cargo:rerun-if-env-changed=KYODO_CHECKOUT");
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
    let out = Path::new(&env::var("OUT_DIR").unwrap()).to_path_buf();
    let bytes = content.encode();
    fs::write(out.join("content.bin"), &bytes).unwrap();
    write_files(&content, &bytes, &out);
}

/// The files the widget downloads (issue #20; `model::split`): one per profile, one
/// with every profile for the chooser, each named by its hash so a browser never mixes
/// builds; the shell the wasm carries; and `files.rs`, the names the wasm fetches.
/// The files go to `$OUT_DIR/content/`; scripts/post-build.mjs finds the names in the
/// wasm (they are `files.rs`'s strings) and copies those files into dist/content/.
fn write_files(content: &model::Content, full: &[u8], out: &Path) {
    let build = model::file::hash(full);
    let dir = out.join("content");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let mut named = Vec::new();
    let mut write = |profile: &str, part: &model::Content| {
        let bytes = model::file::wrap(build, profile, &part.encode());
        let stem = if profile.is_empty() { ALL } else { profile };
        let name = format!("content/{stem}.{:016x}.bin", model::file::hash(&bytes));
        fs::write(dir.join(name.trim_start_matches("content/")), &bytes).unwrap();
        named.push((profile.to_string(), name));
    };
    write("", &content.for_download(None).expect("every profile"));
    for p in &content.profiles {
        assert!(p.id != ALL, "a profile may not be called {ALL}: that is the name of the file with every profile");
        write(&p.id, &content.for_download(Some(&p.id)).expect("a listed profile"));
    }
    let list: Vec<String> = named.iter().map(|(p, n)| format!("    ({p:?}, {n:?}),\n")).collect();
    fs::write(
        out.join("files.rs"),
        format!("/// The build's id, in each file's header.\npub const BUILD: u64 = {build};\n/// (profile, file) for every profile; \"\" is the file with every profile.\npub static FILES: &[(&str, &str)] = &[\n{}];\n", list.concat()),
    )
    .unwrap();
    fs::write(out.join("shell.bin"), content.shell().encode()).unwrap();
}

/// The stem of the file with every profile.
const ALL: &str = "all";
