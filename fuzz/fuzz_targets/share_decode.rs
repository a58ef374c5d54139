//! Share links (URL fragment, read through `share::from_fragment`) and saved answers
//! (localStorage, read as they are): `share::decode` must never panic, and whatever it
//! decodes must survive a re-encode unchanged (profile, answers, language, notes).
#![no_main]

use kyodo_check::model::Content;
use kyodo_check::share::{decode, encode_with_notes, from_fragment};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn content() -> &'static Content {
    static C: OnceLock<Content> = OnceLock::new();
    C.get_or_init(|| kyodo_check::embedded::content().expect("embedded content decodes"))
}

fn check(input: &str) {
    let c = content();
    let Ok(d) = decode(c, input) else { return };
    // Re-encoding uses the link's language, or Japanese when it named none we know.
    let lang = d.lang.as_deref().unwrap_or("ja");
    let link = encode_with_notes(c, &d.profile, &d.answers, lang, d.notes.as_ref());
    let again = decode(c, &link).unwrap_or_else(|e| panic!("re-encoded link does not decode: {e:?}\nlink: {link:?}"));
    assert_eq!(again.profile, d.profile, "profile changed; link {link:?}");
    assert_eq!(again.answers, d.answers, "answers changed; link {link:?}");
    assert_eq!(again.lang.as_deref(), Some(lang), "language changed; link {link:?}");
    // Blank notes are not written into a link, so they come back as none.
    assert_eq!(again.notes, d.notes.clone().filter(|n| !n.is_empty()), "notes changed; link {link:?}");
    assert_eq!(again.dropped, 0, "a re-encoded link dropped something; link {link:?}");
    // Encoding is canonical: a second round gives the same text.
    let link2 = encode_with_notes(c, &again.profile, &again.answers, lang, again.notes.as_ref());
    assert_eq!(link2, link, "encoding is not stable");
    // A link we wrote reads the same through the URL-fragment path.
    assert_eq!(decode(c, &from_fragment(&link)).as_ref(), Ok(&again), "from_fragment changed a link we wrote: {link:?}");
}

fn check_both(input: &str) {
    check(input); // localStorage: read as stored
    check(&from_fragment(input)); // URL fragment: browser escapes undone first
}

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(s) => check_both(s),
        Err(_) => check_both(&String::from_utf8_lossy(data)),
    }
});
