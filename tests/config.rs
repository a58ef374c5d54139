//! The embed settings a host page controls (`data-*` attributes / iframe parameters).
#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::config::{decode, Mode, Raw, MAX_VALUE};
use proptest::prelude::*;

fn raw(city: &str, lang: &str, mode: &str, chooser: &str, resize: &str) -> Raw {
    let s = |v: &str| (!v.is_empty()).then(|| v.to_string());
    Raw { city: s(city), lang: s(lang), mode: s(mode), chooser: s(chooser), resize: s(resize), ..Raw::default() }
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

    /// Whatever the host page writes (known values with space around them, anything
    /// else, or nothing): no panic, each known value is taken, anything else falls back
    /// to the default and is reported once, capped.
    #[test]
    fn any_settings_decode_to_a_working_configuration(
        city in prop::option::of(setting(content().profiles.iter().map(|p| p.id.clone()).collect())),
        lang in prop::option::of(setting(content().languages.iter().map(|l| l.code.clone()).collect())),
        mode in prop::option::of(setting(vec!["citizen".into(), "counter".into()])),
        chooser in prop::option::of(setting(vec!["show".into(), "hide".into()])),
        resize in prop::option::of(setting(vec!["1".into(), "0".into()])),
    ) {
        let c = content();
        let raw = Raw { city: city.clone(), lang: lang.clone(), mode: mode.clone(), chooser: chooser.clone(), resize: resize.clone(), ..Raw::default() };
        let cfg = decode(c, raw);
        // The model: a value is read trimmed and capped; blank is no value.
        let read = |v: &Option<String>| v.as_ref().map(|v| v.trim().chars().take(MAX_VALUE).collect::<String>()).filter(|v| !v.is_empty());
        let mut problems = Vec::new();
        let mut known = |name: &str, v: &Option<String>, ok: &dyn Fn(&str) -> bool| match read(v) {
            Some(v) if ok(&v) => Some(v),
            Some(v) => { problems.push((format!("data-{name}"), v)); None }
            None => None,
        };
        let want_city = known("city", &city, &|v| c.profile(v).is_some());
        let want_lang = known("lang", &lang, &|v| c.language(v).is_some()).unwrap_or_else(|| c.default_lang.clone());
        let want_mode = match known("mode", &mode, &|v| ["citizen", "counter"].contains(&v)).as_deref() { Some("counter") => Mode::Counter, _ => Mode::Citizen };
        let want_chooser = known("chooser", &chooser, &|v| ["show", "hide"].contains(&v)).as_deref() != Some("hide");
        let want_resize = known("resize", &resize, &|v| ["1", "0"].contains(&v)).as_deref() == Some("1");
        // Without a city and without the chooser, the general profile.
        let want_profile = want_city.or_else(|| (!want_chooser).then(|| "general".to_string()));
        prop_assert_eq!(&cfg.profile, &want_profile);
        prop_assert!(cfg.profile.as_ref().is_none_or(|p| c.profile(p).is_some()));
        prop_assert_eq!((&cfg.lang, cfg.mode, cfg.chooser, cfg.resize), (&want_lang, want_mode, want_chooser, want_resize));
        prop_assert_eq!(&cfg.problems, &problems);
        for (_, v) in &cfg.problems { prop_assert!(v.chars().count() <= MAX_VALUE); }
    }
}

/// A setting as a host page may write it: a known value, perhaps with space around it,
/// or anything at all.
fn setting(known: Vec<String>) -> impl Strategy<Value = String> {
    prop_oneof![
        (prop::sample::select(known), "[ \t\n]{0,2}", "[ \t\n]{0,2}").prop_map(|(v, a, b)| format!("{a}{v}{b}")),
        ".{0,80}",
    ]
}

#[test]
fn the_staff_toggle_and_the_host_title_are_settings() {
    let c = content();
    let d = decode(&c, Raw::default());
    assert!(d.staff && !d.title, "by default: toggle shown, a host page's title left alone");
    let set = decode(&c, Raw { staff: Some("hide".into()), title: Some("set".into()), ..Raw::default() });
    assert!(!set.staff && set.title);
    let bad = decode(&c, Raw { staff: Some("off".into()), title: Some("yes".into()), ..Raw::default() });
    assert!(bad.staff && !bad.title, "unknown values fall back to the default");
    assert_eq!(bad.problems.len(), 2, "{:?}", bad.problems);
}
