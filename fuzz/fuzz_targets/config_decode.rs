//! Embed settings (`data-*` attributes / iframe URL parameters): `config::decode` must
//! never panic and must always give a usable configuration.
//! The input is split on 0xFF (never part of UTF-8) into city, lang, mode, chooser, resize, staff and title;
//! resize; a missing part is an absent attribute, a non-UTF-8 part is read lossily.
#![no_main]

use kyodo_check::config::{decode, Raw, MAX_VALUE};
use kyodo_check::model::Content;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn content() -> &'static Content {
    static C: OnceLock<Content> = OnceLock::new();
    C.get_or_init(|| kyodo_check::embedded::content().expect("embedded content decodes"))
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.split(|&b| b == 0xFF).map(|p| {
        Some(match std::str::from_utf8(p) {
            Ok(s) => s.to_string(),
            Err(_) => String::from_utf8_lossy(p).into_owned(),
        })
    });
    let raw = Raw {
        city: parts.next().flatten(),
        lang: parts.next().flatten(),
        mode: parts.next().flatten(),
        chooser: parts.next().flatten(),
        resize: parts.next().flatten(),
        staff: parts.next().flatten(),
        title: parts.next().flatten(),
    };
    let c = content();
    let cfg = decode(c, raw.clone());
    assert!(c.language(&cfg.lang).is_some(), "unknown language {:?} from {raw:?}", cfg.lang);
    if let Some(p) = &cfg.profile {
        assert!(c.profile(p).is_some(), "unknown profile {p:?} from {raw:?}");
    }
    assert!(cfg.problems.len() <= 7, "{:?}", cfg.problems);
    for (name, value) in &cfg.problems {
        assert!(name.starts_with("data-"), "{name:?}");
        assert!(value.chars().count() <= MAX_VALUE, "problem value not capped: {value:?}");
    }
    // Deterministic: the same attributes give the same settings.
    assert_eq!(decode(c, raw), cfg);
});
