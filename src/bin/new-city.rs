//! Drafts a new city profile from the city's own guideline (level 2 of
//! docs/adding-a-city.md):
//!
//! ```sh
//! cargo run --bin new-city -- <id> <guideline.txt>
//! ```
//!
//! Copies the guideline to `sources/<id>.txt` and writes `content/profiles/<id>.toml`
//! and `content/text/<lang>/<id>.toml` for every registered language, every value still
//! to fill marked 【要記入】. Never overwrites a file. Exit code 2: bad input (nothing
//! written); 1: the existing content does not load, or a file cannot be written.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match native::run(&args) {
        Ok(()) => {}
        Err((code, message)) => {
            eprintln!("new-city: {message}");
            std::process::exit(code);
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use kyodo_check::model::Content;
    use kyodo_check::scaffold::scaffold;
    use std::path::{Path, PathBuf};

    const USAGE: &str = "usage: cargo run --bin new-city -- <id> <guideline.txt>
  <id>             the city's id: lowercase letters a-z, digits 0-9 and _, starting with a letter
                   (e.g. hinagata). It becomes the file names and ?city=<id>.
  <guideline.txt>  the city's 協働 guideline as plain text (UTF-8)";

    type Failure = (i32, String);

    fn bad(message: impl Into<String>) -> Failure {
        (2, message.into())
    }

    /// The repository root: the nearest directory, from here upwards, that holds
    /// content/languages.toml.
    fn repo_root() -> Result<PathBuf, Failure> {
        let here = std::env::current_dir().map_err(|e| (1, format!("cannot read the current directory: {e}")))?;
        here.ancestors().find(|d| d.join("content/languages.toml").is_file()).map(Path::to_path_buf).ok_or_else(|| {
            bad(format!(
                "no content/languages.toml in {} or any folder above it: run this inside the project's folder",
                here.display()
            ))
        })
    }

    pub fn check_id(id: &str) -> Result<(), String> {
        let first_ok = id.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        let rest_ok = id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if id.is_empty() {
            Err("the city id is empty".into())
        } else if !rest_ok || !first_ok {
            Err(format!("the city id `{id}` may use only lowercase letters a-z, digits 0-9 and _, and must start with a letter (e.g. `hinagata`, `minami_alps`)"))
        } else if id.len() > 64 {
            Err(format!("the city id `{id}` is longer than 64 characters"))
        } else {
            Ok(())
        }
    }

    pub fn run(args: &[String]) -> Result<(), Failure> {
        if args.iter().any(|a| a == "-h" || a == "--help") {
            println!("{USAGE}");
            return Ok(());
        }
        let [id, guideline] = args else {
            return Err(bad(format!("expected two arguments, got {}\n{USAGE}", args.len())));
        };
        check_id(id).map_err(bad)?;
        let root = repo_root()?;

        // Not already a profile or a city.
        for existing in [format!("content/profiles/{id}.toml"), format!("content/cities/{id}.toml")] {
            if root.join(&existing).exists() {
                return Err(bad(format!("`{id}` is already taken: {existing} exists. Choose another id, or edit that file.")));
            }
        }

        // The guideline: there, readable as text, not empty.
        let guideline_path = PathBuf::from(guideline);
        if !guideline_path.is_file() {
            return Err(bad(format!("the guideline file {guideline} does not exist (or is not a file)")));
        }
        let bytes = std::fs::read(&guideline_path).map_err(|e| bad(format!("cannot read the guideline {guideline}: {e}")))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            bad(format!("the guideline {guideline} is not UTF-8 text: open it in a text editor and save it as UTF-8 (it may be Shift_JIS)"))
        })?;
        if text.trim().is_empty() {
            return Err(bad(format!("the guideline {guideline} is empty: it must hold the guideline's text, so that quotes can be checked against it")));
        }

        let content = Content::load_dir(&root.join("content")).map_err(|errs| {
            let list: Vec<String> = errs.iter().map(|e| format!("  content/{e}")).collect();
            (1, format!("the existing content does not load; fix this first:\n{}", list.join("\n")))
        })?;
        if content.profile(id).is_some() {
            return Err(bad(format!("`{id}` is already a profile. Choose another id.")));
        }
        if content.profile("general").is_none() {
            return Err((1, "the content has no `general` profile to copy the structure from".into()));
        }

        let seed = format!("{id}.txt");
        let mut files = vec![(format!("sources/{seed}"), text)];
        files.extend(scaffold(&content, id, &seed));

        // Refuse before writing anything.
        let taken: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).filter(|p| root.join(p).exists()).collect();
        if !taken.is_empty() {
            return Err(bad(format!("these files exist already and are left as they are:\n  {}\nChoose another id, or remove them first.", taken.join("\n  "))));
        }
        for (path, body) in &files {
            let full = root.join(path);
            if let Some(dir) = full.parent() {
                std::fs::create_dir_all(dir).map_err(|e| (1, format!("cannot create {}: {e}", dir.display())))?;
            }
            std::fs::write(&full, body).map_err(|e| (1, format!("cannot write {path}: {e}")))?;
        }

        println!("Created the draft of city `{id}`:");
        for (path, _) in &files {
            println!("  {path}");
        }
        println!(
            "
Next steps:
  1. Open content/profiles/{id}.toml and replace every 【要記入】. Each heading and
     quote must be copied exactly from sources/{seed} (spaces and line breaks may
     differ). Delete the forms and principles your guideline does not have, with
     their sections and their texts. Copy [contact] values only as printed in the
     guideline; leave \"\" where it prints none.
  2. Replace every 【要記入】 in the text files, one per language:
       {}
  3. Run `cargo test --test content`. It names each file and key still to fill and
     every quote that is not found in the guideline. Repeat until it passes.
  4. Add the city nowhere else: the city chooser lists it automatically.
  5. Run `scripts/run` and open http://127.0.0.1:8080/kyodo/?city={id} to try it.
See docs/adding-a-city.md for each step and what the error messages mean.",
            content.languages.iter().map(|l| format!("content/text/{}/{id}.toml", l.code)).collect::<Vec<_>>().join("\n       ")
        );
        Ok(())
    }
}
