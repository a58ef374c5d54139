//! The counter's case export (`case::snippet`) writes what the case table reads: every
//! case of the table, played and exported, reads back as the same case.

#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::engine::Engine;

#[test]
fn an_exported_consultation_reads_back_as_the_same_case() {
    let c = content();
    // A case marked known_wrong does not have its expected outcome yet (tests/cases.rs lists them).
    for case in cases().into_iter().filter(|c| c.known_wrong.is_none()) {
        let outcome = case.play();
        let p = c.profile(&case.profile).unwrap();
        let pairs = case.pairs();
        let refs: Vec<(&str, &str)> = pairs.iter().map(|(q, a)| (q.as_str(), a.as_str())).collect();
        // What the widget holds at the counter: the answers on the path.
        let on_path = Engine::new(c, p).path_answers(&answers(&refs));
        let json = kyodo_check::case::snippet(&case.profile, &on_path, &outcome, &case.source, "2026-12-05");
        let back: Case = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}\n{json}", case.id));
        assert_eq!(back.id, format!("{}_counter_20261205", case.profile));
        assert_eq!((back.profile.as_str(), back.source.as_str()), (case.profile.as_str(), case.source.as_str()));
        assert_eq!(back.play().verdict.id, outcome.verdict.id, "{}: the exported answers give the same verdict", case.id);
        assert_eq!(back.expect.verdict.as_deref(), Some(outcome.verdict.id.as_str()));
        assert_eq!(back.expect.top_form.as_deref(), outcome.forms.first().map(|f| f.id.as_str()));
        assert_eq!(back.expect.band.as_deref(), outcome.band.as_ref().map(|b| b.id.as_str()));
    }
}
