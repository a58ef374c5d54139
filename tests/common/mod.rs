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

// ---- tests/fixtures/cases.json: the worked examples, shared with e2e and the benchmark ----

/// The ids a case expects; `None` (JSON `null`) is not checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub verdict: Option<String>,
    /// The first ranked form's id in the profile, and its fit (`Fit::name`: "Good" …).
    pub top_form: Option<String>,
    pub top_fit: Option<String>,
    pub band: Option<String>,
    /// The start type (類型) id, `a` to `d`.
    pub start: Option<String>,
}

/// One complete answer set of `cases.json` and the outcome it must have.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub profile: String,
    /// Where in the city's guideline the example comes from, as the widget names that
    /// passage in Japanese (city, document, section): one of the outcome's citations, or,
    /// for a case that gives `section`, a passage of the city's guideline: after the city
    /// and document names, its parts (joined by `…`) are found verbatim in the guideline.
    pub source: String,
    /// An answer set of `answer_sets` that `answers` override, if any.
    pub base: Option<String>,
    pub answers: std::collections::BTreeMap<String, String>,
    pub expect: Expect,
    /// Who is asking, in one sentence: the answers are what this person would choose,
    /// reading each question's wording (content/text/ja/common.toml).
    #[serde(default)]
    pub person: Option<String>,
    /// The section of the city's guideline the outcome rests on, as the widget names it in
    /// Japanese: cited by the verdict, the first-ranked form, the band or a listed finding.
    #[serde(default)]
    pub section: Option<String>,
    /// Findings (rules.toml ids) the outcome must hold.
    #[serde(default)]
    pub findings: Vec<String>,
    /// The profile's forms that must not fit (neither Good nor Possible).
    #[serde(default)]
    pub not_forms: Vec<String>,
    /// Set when today's engine does not give the guideline's outcome: why. tests/cases.rs
    /// lists these cases and checks that they still fail, rather than skip them silently.
    #[serde(default)]
    pub known_wrong: Option<String>,
}

impl Case {
    /// The complete answers: the base set with this case's answers over it, as
    /// `("question", "option")` pairs for `play` (several options joined with `+`).
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut all = match &self.base {
            Some(b) => answer_set(b),
            None => std::collections::BTreeMap::new(),
        };
        all.extend(self.answers.iter().map(|(q, a)| (q.clone(), a.clone())));
        all.into_iter().collect()
    }

    /// Plays the case in its profile (fails if the flow is not complete).
    pub fn play(&self) -> Outcome {
        let pairs = self.pairs();
        let refs: Vec<(&str, &str)> = pairs.iter().map(|(q, a)| (q.as_str(), a.as_str())).collect();
        play(content(), &self.profile, &refs)
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CasesFile {
    #[serde(rename = "_comment")]
    _comment: String,
    answer_sets: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
    cases: Vec<Case>,
}

fn cases_file() -> &'static CasesFile {
    static F: std::sync::OnceLock<CasesFile> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        let path = root().join("tests/fixtures/cases.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    })
}

/// Every case of `tests/fixtures/cases.json`, in file order.
pub fn cases() -> Vec<Case> {
    cases_file().cases.clone()
}

/// The case with this id (panics naming it if there is none).
pub fn case(id: &str) -> Case {
    cases_file().cases.iter().find(|c| c.id == id).cloned().unwrap_or_else(|| panic!("no case {id} in tests/fixtures/cases.json"))
}

/// A named answer set of `cases.json` (question id → option id, several joined with `+`).
pub fn answer_set(name: &str) -> std::collections::BTreeMap<String, String> {
    cases_file().answer_sets.get(name).cloned().unwrap_or_else(|| panic!("no answer set {name} in tests/fixtures/cases.json"))
}
