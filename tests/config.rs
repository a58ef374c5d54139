//! The embed settings a host page controls (`data-*` attributes / iframe parameters).
#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::config::{decode, Mode, Raw, MAX_VALUE};
use proptest::prelude::*;

fn raw(city: &str, lang: &str, mode: &str, chooser: &str, resize: &str) -> Raw {
    let s = |v: &str| (!v.is_empty()).then(|| v.to_string());
    Raw { city: s(city), lang: s(lang), mode: s(mode), chooser: s(chooser), resize: s(resize) }
}

#[test]
fn known_values_are_taken_and_trimmed() {
    let c = decode(content(), raw(" muroran ", "en", "counter", "hide", "1"));
    assert_eq!(c.profile.as_deref(), Some("muroran"));
    assert_eq!((c.lang.as_str(), c.mode, c.chooser, c.resize), ("en", Mode::Counter, false, true));
    assert!(c.problems.is_empty());
}

#[test]
fn unknown_values_fall_back_and_are_listed() {
    let c = decode(content(), raw("sapporo", "fr", "admin", "maybe", "yes"));
    assert_eq!(c.profile, None);
    assert_eq!((c.lang.as_str(), c.mode, c.chooser, c.resize), ("ja", Mode::Citizen, true, false));
    let attrs: Vec<&str> = c.problems.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(attrs, ["data-city", "data-lang", "data-mode", "data-chooser", "data-resize"]);
}

#[test]
fn no_city_and_no_chooser_still_works_with_the_general_profile() {
    let c = decode(content(), raw("", "", "", "hide", ""));
    assert_eq!(c.profile.as_deref(), Some("general"));
}

#[test]
fn a_huge_value_is_cut_before_it_is_kept() {
    let c = decode(content(), raw(&"<script>".repeat(100_000), "", "", "", ""));
    assert_eq!(c.problems[0].1.chars().count(), MAX_VALUE);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000), ..ProptestConfig::default() })]

    /// Whatever the host page writes: no panic, every kept value is a known one,
    /// every reported value is capped.
    #[test]
    fn any_settings_decode_to_a_working_configuration(city in ".{0,80}", lang in ".{0,80}", mode in ".{0,80}", chooser in ".{0,80}", resize in ".{0,80}") {
        let c = content();
        let cfg = decode(c, Raw { city: Some(city), lang: Some(lang), mode: Some(mode), chooser: Some(chooser), resize: Some(resize) });
        prop_assert!(c.language(&cfg.lang).is_some());
        if let Some(p) = &cfg.profile { prop_assert!(c.profile(p).is_some()); }
        for (_, v) in &cfg.problems { prop_assert!(v.chars().count() <= MAX_VALUE); }
    }
}
