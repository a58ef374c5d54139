//! Embeds every content file (content/**/*.toml) in the binary, so the widget needs
//! no request after load and a city edits data, never Rust.
use std::{env, fs, path::Path};

fn collect(dir: &Path, base: &Path, out: &mut Vec<String>) {
    let mut entries: Vec<_> = fs::read_dir(dir).expect("content dir").flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, base, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p.strip_prefix(base).unwrap().to_string_lossy().replace('\\', "/"));
        }
    }
}

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("content");
    println!("cargo:rerun-if-changed=content");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    let mut src = String::from("pub static FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        src.push_str(&format!(
            "    ({f:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/content/\", {f:?}))),\n"
        ));
    }
    src.push_str("];\n");
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("embedded.rs"), src).unwrap();
}
