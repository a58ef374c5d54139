//! Furigana markup `{漢字|よみ}`: `ruby::parse` and its helpers must never panic, and
//! parsing must lose nothing (the segments put back together give the input).
#![no_main]

use kyodo_check::ruby::{bare_kanji, parse, plain, sentences, Seg};
use libfuzzer_sys::fuzz_target;

fn check(s: &str) {
    let segs = parse(s);
    let mut joined = String::with_capacity(s.len());
    for seg in &segs {
        match seg {
            Seg::Text(t) => {
                assert!(!t.is_empty(), "empty text segment in {s:?}");
                joined.push_str(t);
            }
            Seg::Ruby { base, reading } => {
                assert!(!base.is_empty() && !reading.is_empty(), "empty ruby part in {s:?}");
                joined.push('{');
                joined.push_str(base);
                joined.push('|');
                joined.push_str(reading);
                joined.push('}');
            }
        }
    }
    assert_eq!(joined, s, "parse lost or changed text");
    let p = plain(s);
    assert!(p.len() <= s.len());
    let _ = bare_kanji(s);
    let _ = sentences(s);
}

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(s) => check(s),
        Err(_) => check(&String::from_utf8_lossy(data)),
    }
});
