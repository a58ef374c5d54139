//! The session (where each step goes) and the share-link codec, natively.
#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::session::{Page, Session};
use kyodo_check::share::{decode, encode, ShareError, MAX_LEN};
use proptest::prelude::*;

const FULL: &[(&str, &str)] = &[
    ("role", "npo"), ("idea", "together"), ("partner", "city"), ("purpose", "public"), ("open_to", "anyone"),
    ("synergy", "yes"), ("risks", "none"), ("subject", "event"), ("lead", "co_host"), ("support", "money+goods"),
    ("duration", "once"), ("capacity", "established"), ("why_partner", "strengths"), ("repeat_partner", "first"),
    ("readiness", "purpose+plan"),
];

fn session(profile: &str, pairs: &[(&str, &str)]) -> Session {
    let c = content();
    let mut s = Session::new(Some(profile.into()));
    for (q, a) in pairs {
        s.answer(c, q, a.split('+').map(str::to_string).collect());
    }
    s
}

#[test]
fn the_flow_goes_question_by_question_then_to_the_check_page() {
    let c = content();
    let mut s = Session::new(Some("tomakomai".into()));
    assert_eq!(s.next_page(c), Page::Question("role".into()));
    s.answer(c, "role", vec!["npo".into()]);
    assert_eq!(s.next_page(c), Page::Question("idea".into()));
    let s = session("tomakomai", FULL);
    assert_eq!(s.next_page(c), Page::Check);
}

#[test]
fn pages_ahead_of_the_answers_are_not_shown() {
    let c = content();
    let s = session("tomakomai", &FULL[..3]);
    assert_eq!(s.resolve(c, &Page::Result), Page::Question("purpose".into()));
    assert_eq!(s.resolve(c, &Page::Question("readiness".into())), Page::Question("purpose".into()));
    assert_eq!(s.resolve(c, &Page::Question("idea".into())), Page::Question("idea".into()));
    assert_eq!(Session::new(None).resolve(c, &Page::Question("role".into())), Page::Start);
}

#[test]
fn a_change_asks_new_follow_ups_then_returns_to_the_check_page() {
    let c = content();
    let mut s = session("tomakomai", FULL);
    s.answer(c, "idea", vec!["unsure".into()]);
    assert_eq!(s.next_page(c), Page::Question("who_does".into()), "the new follow-up is asked");
    s.answer(c, "who_does", vec!["plan_run".into()]);
    assert_eq!(s.next_page(c), Page::Check, "the earlier answers still stand");
    assert_eq!(s.answers.len(), FULL.len() + 1);
}

#[test]
fn a_change_that_ends_the_flow_drops_the_skipped_branch() {
    let c = content();
    let mut s = session("tomakomai", FULL);
    s.answer(c, "idea", vec!["join".into()]);
    assert_eq!(s.next_page(c), Page::Check);
    assert_eq!(s.answers.keys().cloned().collect::<Vec<_>>(), vec!["idea".to_string(), "role".to_string()]);
}

#[test]
fn back_goes_to_the_previous_question_on_the_path() {
    let c = content();
    let s = session("tomakomai", FULL);
    assert_eq!(s.previous(c, "partner").as_deref(), Some("idea"));
    assert_eq!(s.previous(c, "role"), None);
    let s = session("tomakomai", &[("role", "npo"), ("idea", "unsure"), ("who_does", "plan_run")]);
    assert_eq!(s.previous(c, "partner").as_deref(), Some("who_does"));
}

#[test]
fn a_share_link_round_trips() {
    let c = content();
    let s = session("muroran", FULL);
    let link = encode(c, "muroran", &s.answers, "ja");
    assert!(link.starts_with("k1!muroran!role:npo,idea:together"), "{link}");
    assert!(link.ends_with("!ja"), "{link}");
    let d = decode(c, &link).unwrap();
    assert_eq!((d.profile.as_str(), &d.answers, d.dropped, d.lang.as_deref()), ("muroran", &s.answers, 0, Some("ja")));
    let en = decode(c, &encode(c, "muroran", &s.answers, "en")).unwrap();
    assert_eq!(en.lang.as_deref(), Some("en"), "the language travels with the link");
    let unknown = decode(c, &encode(c, "muroran", &s.answers, "xx")).unwrap();
    assert_eq!((unknown.lang, unknown.answers), (None, s.answers.clone()), "an unknown language falls back, answers kept");
}

#[test]
fn a_truncated_link_keeps_the_valid_part() {
    let c = content();
    let link = encode(c, "tomakomai", &session("tomakomai", FULL).answers, "ja");
    let cut = &link[..link.find("synergy").unwrap() + 4];
    let d = decode(c, cut).unwrap();
    assert_eq!(d.answers.len(), 5);
    assert_eq!(d.dropped, 1);
}

#[test]
fn unknown_ids_and_tampering_are_dropped_not_fatal() {
    let c = content();
    let d = decode(c, "k1!tomakomai!role:npo,idea:togethr,zzz:1,purpose:public+profit,,role:individual").unwrap();
    assert_eq!(d.answers.len(), 1, "{:?}", d.answers);
    assert!(d.dropped >= 4);
    assert_eq!(d.unreadable, d.dropped, "none of these could be read");
}

#[test]
fn answers_merely_off_the_path_are_not_unreadable() {
    // A saved session keeps later answers while an earlier one is changed; reading them
    // back drops those off the path, but nothing in the value is damaged.
    let c = content();
    let full = session("tomakomai", FULL);
    let mut answers = full.answers.clone();
    answers.remove("idea");
    let d = decode(c, &encode(c, "tomakomai", &answers, "ja")).unwrap();
    assert!(d.dropped > 0, "later answers are off the path without `idea`");
    assert_eq!(d.unreadable, 0);
    let broken = decode(c, "k1!tomakomai!{{{broken").unwrap();
    assert_eq!((broken.unreadable, broken.answers.len()), (1, 0));
}

#[test]
fn hopeless_links_say_why() {
    let c = content();
    assert_eq!(decode(c, ""), Err(ShareError::Empty));
    assert_eq!(decode(c, "k9!tomakomai!role:npo"), Err(ShareError::NewerVersion(9)));
    assert_eq!(decode(c, "k2!tomakomai!role:npo"), Err(ShareError::NewerVersion(2)));
    assert_eq!(decode(c, "k0!tomakomai!role:npo"), Err(ShareError::UnknownFormat), "there never was a k0");
    assert_eq!(decode(c, "k99999999999999999999!x"), Err(ShareError::UnknownFormat), "no overflow");
    assert_eq!(decode(c, "k!x"), Err(ShareError::UnknownFormat));
    assert_eq!(decode(c, "k+2!x"), Err(ShareError::UnknownFormat));
    assert_eq!(decode(c, "hello"), Err(ShareError::UnknownFormat));
    assert_eq!(decode(c, "k1!sapporo!role:npo"), Err(ShareError::UnknownProfile("sapporo".into())));
    assert_eq!(decode(c, &"x".repeat(MAX_LEN + 1)), Err(ShareError::TooLong(MAX_LEN + 1)));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000), ..ProptestConfig::default() })]

    #[test]
    fn decoding_never_panics(s in ".{0,300}") {
        let _ = decode(content(), &s);
    }

    #[test]
    fn decoding_near_valid_links_never_panics(cut in 0usize..400, junk in "[a-z_:+,!]{0,20}") {
        let c = content();
        let link = encode(c, "general", &session("general", FULL).answers, "ja");
        let mut s: String = link.chars().take(cut).collect();
        s.push_str(&junk);
        if let Ok(d) = decode(c, &s) {
            // Whatever decodes re-encodes and decodes to the same answers.
            let again = decode(c, &encode(c, &d.profile, &d.answers, "ja")).unwrap();
            prop_assert_eq!(again.answers, d.answers);
        }
    }
}

#[test]
fn notes_travel_only_when_included_and_round_trip() {
    use kyodo_check::share::{encode_with_notes, Notes};
    let c = content();
    let s = session("tomakomai", FULL);
    let plain = encode(c, "tomakomai", &s.answers, "ja");
    assert_eq!(decode(c, &plain).unwrap().notes, None);
    let notes = Notes { date: "2026-11-22".into(), section: "市民自治推進課".into(), text: "後援申請は1か月前まで。<script>alert(1)</script> 100% !#&".into() };
    let link = encode_with_notes(c, "tomakomai", &s.answers, "ja", Some(&notes));
    assert!(!link.contains('<') && !link.contains('#') && !link.contains(' '), "notes are percent-encoded: {link}");
    let d = decode(c, &link).unwrap();
    assert_eq!(d.notes, Some(notes));
    assert_eq!(d.answers, s.answers);
    let broken = format!("{plain}!%E3%8");
    let d = decode(c, &broken).unwrap();
    assert_eq!((d.notes, d.dropped), (None, 1), "a broken notes part is dropped, answers kept");
}

/// What a browser or mail program may do to a link: percent-encode any character.
fn uri_encode_all(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

#[test]
fn a_link_survives_being_percent_encoded_on_the_way() {
    use kyodo_check::share::{encode_with_notes, from_fragment, Notes};
    let c = content();
    let s = session("tomakomai", FULL);
    let notes = Notes { date: "2026-11-22".into(), section: "課".into(), text: "50% で %E3 は文字のまま、!と#も".into() };
    let link = encode_with_notes(c, "tomakomai", &s.answers, "ja", Some(&notes));
    for seen in [link.clone(), link.replace('!', "%21"), link.replace(',', "%2C").replace(':', "%3a")] {
        let d = decode(c, &from_fragment(&seen)).unwrap();
        assert_eq!((d.answers.clone(), d.notes.clone(), d.dropped), (s.answers.clone(), Some(notes.clone()), 0), "{seen}");
    }
    assert_eq!(from_fragment("%E3%8"), "%E3%8", "a broken escape is kept, not lost");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000), ..ProptestConfig::default() })]

    /// Any notes, through the link and back, also after a browser re-encoded the link's
    /// separators; and the fragment reader never panics.
    #[test]
    fn notes_round_trip_through_any_link(date in ".{0,40}", section in ".{0,60}", text in ".{0,200}", reencode in any::<bool>()) {
        use kyodo_check::share::{encode_with_notes, from_fragment, Notes};
        let c = content();
        let notes = Notes { date, section, text };
        let mut link = encode_with_notes(c, "muroran", &Default::default(), "en", Some(&notes));
        if reencode { link = link.replace('!', "%21"); }
        let _ = from_fragment(&uri_encode_all(&link));
        let d = decode(c, &from_fragment(&link)).unwrap();
        // The field separator U+001F is the one character a field cannot hold.
        let strip = |f: &str| f.replace('\u{1f}', "");
        let want = (!notes.is_empty()).then(|| Notes { date: strip(&notes.date), section: strip(&notes.section), text: strip(&notes.text) });
        prop_assert_eq!(d.notes, want);
    }
}

#[test]
fn notes_found_by_the_fuzzer_round_trip() {
    use kyodo_check::share::{encode_with_notes, Notes};
    let c = content();
    // A fourth separator inside the text: dropped, not kept inside the field.
    let d = decode(c, "k1!general!!ja!a%1Fb%1Fc%1Fd").unwrap();
    assert_eq!(d.notes, Some(Notes { date: "a".into(), section: "b".into(), text: "cd".into() }));
    let again = decode(c, &encode_with_notes(c, &d.profile, &d.answers, "ja", d.notes.as_ref())).unwrap();
    assert_eq!(again.notes, d.notes);
    // Notes that are nothing but separators are no notes, and nothing was dropped.
    let d = decode(c, "k1!tachikawa!!!%1F%1F%1F").unwrap();
    assert_eq!((d.notes, d.dropped), (None, 0));
}
