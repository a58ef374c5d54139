//! Shared helpers for the native tests: the content as the files on disk and the
//! guidelines it quotes, from the repository's own `sources/`.
#![allow(dead_code)]

use kyodo_check::engine::{Answers, Engine, Outcome};
use kyodo_check::model::Content;
use kyodo_check::validate::Sources;
use std::path::PathBuf;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The content as on disk, parsed once per test binary.
pub fn content() -> &'static Content {
    static C: std::sync::OnceLock<Content> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        Content::load_dir(&root().join("content")).unwrap_or_else(|errs| {
            panic!("content does not load:\n{}", errs.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))
        })
    })
}

pub fn sources() -> Sources {
    let dir = root().join("sources");
    Sources::load(&dir).unwrap_or_else(|e| panic!("cannot read the guidelines in {}: {e}", dir.display()))
}

/// Every content file as (path relative to content/, text), to mutate in tests.
pub fn files() -> Vec<(String, String)> {
    let dir = root().join("content");
    let mut out = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                let rel = p.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Builds answers from `("question", "option")` pairs; a multi answer is `"a+b"`.
pub fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(q, a)| (q.to_string(), a.split('+').map(str::to_string).collect())).collect()
}

/// Plays the answers in a profile and returns the outcome; fails if the flow is not complete.
pub fn play(c: &Content, profile: &str, pairs: &[(&str, &str)]) -> Outcome {
    let p = c.profile(profile).unwrap_or_else(|| panic!("no profile {profile}"));
    let e = Engine::new(c, p);
    let a = answers(pairs);
    let walk = e.walk(&a);
    assert!(walk.is_complete(), "{profile}: flow still asks `{:?}` after {:?}", walk.next, walk.path);
    e.evaluate(&a).expect("complete flow has an outcome")
}
