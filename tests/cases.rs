//! Every case of tests/fixtures/cases.json (the worked examples of PRODUCT.md, shared
//! with the end-to-end tests and the benchmark) played natively: each expected id that
//! is not null must be what the engine returns, the passage the example comes from must
//! be cited, and every answer a case gives must be asked on its path (an answer that is
//! never asked would make the case prove nothing about it).

#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::engine::{Engine, Outcome};
use kyodo_check::model::Source;

/// A section as the widget names it in Japanese (src/app/components/cite.rs).
fn citation_name(profile: &str, section: &str) -> String {
    let c = content();
    let p = c.profile(profile).unwrap();
    let t = |key: &str| c.profile_text("ja", profile, key).to_string();
    let label = t(&format!("sections.{section}.label"));
    match p.section(section) {
        Some(s) if s.source == Source::Domain => label,
        Some(s) if s.seed.is_some() => format!("{} {label}", t(&format!("sections.{section}.source"))),
        _ => format!("{} {} {label}", t("name"), t("document_short")),
    }
}

/// What is wrong with one case, if anything (empty when it holds).
fn problems(case: &Case) -> Vec<String> {
    let c = content();
    let mut out = Vec::new();
    let Some(p) = c.profile(&case.profile) else { return vec![format!("no profile {}", case.profile)] };
    let pairs = case.pairs();
    let a = answers(&pairs.iter().map(|(q, o)| (q.as_str(), o.as_str())).collect::<Vec<_>>());
    let e = Engine::new(c, p);
    let walk = e.walk(&a);
    if !walk.is_complete() {
        return vec![format!("the flow still asks `{:?}` after {:?}", walk.next, walk.path)];
    }
    for q in case.answers.keys() {
        if !walk.path.contains(q) {
            out.push(format!("answers `{q}`, which is not asked on the path {:?} (or its answer is not valid)", walk.path));
        }
    }
    let o: Outcome = e.evaluate(&a).expect("a complete flow has an outcome");
    let top = o.forms.first();
    let got = [
        ("verdict", &case.expect.verdict, Some(o.verdict.id.clone())),
        ("top_form", &case.expect.top_form, top.map(|f| f.id.clone())),
        ("top_fit", &case.expect.top_fit, top.map(|f| f.fit.name().to_string())),
        ("band", &case.expect.band, o.band.as_ref().map(|b| b.id.clone())),
        ("start", &case.expect.start, o.start_type.as_ref().map(|s| s.id.clone())),
    ];
    for (what, want, got) in got {
        if let Some(want) = want {
            if got.as_deref() != Some(want.as_str()) {
                out.push(format!("{what}: expected {want}, the engine returns {got:?}"));
            }
        }
    }
    let cited: Vec<String> = o.all_citations().iter().map(|s| citation_name(&case.profile, s)).collect();
    if !cited.contains(&case.source) {
        out.push(format!("source {:?} is not cited; the outcome cites {cited:#?}", case.source));
    }
    out
}

#[test]
fn every_case_has_the_expected_outcome() {
    let all = cases();
    assert!(all.len() >= 23, "cases.json holds the worked examples ({} cases)", all.len());
    let mut failed = Vec::new();
    for case in &all {
        for p in problems(case) {
            failed.push(format!("{} ({}): {p}", case.id, case.profile));
        }
    }
    assert!(failed.is_empty(), "{} problem(s) in tests/fixtures/cases.json:\n{}", failed.len(), failed.join("\n"));
    println!("{} cases played", all.len());
}

#[test]
fn cases_are_distinct_and_named_once() {
    let all = cases();
    for (i, a) in all.iter().enumerate() {
        for b in &all[..i] {
            assert_ne!(a.id, b.id, "case id {} is used twice", a.id);
            assert!(
                !(a.profile == b.profile && a.pairs() == b.pairs()),
                "cases {} and {} are the same answer set in {}",
                b.id,
                a.id,
                a.profile
            );
        }
        assert!(a.expect.verdict.is_some(), "{}: every case fixes its verdict", a.id);
        assert_eq!(a.expect.top_form.is_some(), a.expect.top_fit.is_some(), "{}: top_form and top_fit are fixed together", a.id);
    }
}

/// The `kyodo` set is a complete answer set on its own in every profile (tests/e2e/adopt.test.mjs
/// plays it in adopted cities), and each of its answers is a valid option.
#[test]
fn the_kyodo_answer_set_is_complete_in_every_profile() {
    let c = content();
    let set = answer_set("kyodo");
    let pairs: Vec<(&str, &str)> = set.iter().map(|(q, a)| (q.as_str(), a.as_str())).collect();
    for (q, a) in &pairs {
        let question = c.question(q).unwrap_or_else(|| panic!("kyodo answers `{q}`, which is no question"));
        for o in a.split('+') {
            assert!(question.option(o).is_some(), "kyodo answers `{q}` with `{o}`, which is no option of it");
        }
    }
    for p in &c.profiles {
        let o = play(c, &p.id, &pairs);
        assert_eq!(o.verdict.id, "kyodo", "{}: the kyodo set is 協働", p.id);
    }
}
