//! The session (where each step goes) and the share-link codec, natively.
#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::session::{Page, Session};
use kyodo_check::engine::{Answers, Engine};
use kyodo_check::share::{decode, encode, Decoded, Notes, ShareError, MAX_LEN};
use kyodo_check::validate::all_answers;
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

/// One of the content's languages.
fn any_lang() -> impl Strategy<Value = String> {
    prop::sample::select(content().languages.iter().map(|l| l.code.clone()).collect::<Vec<_>>())
}

/// Notes within the caps the decoder keeps (date 40, section 200, each record field 80
/// characters), the record's fields often empty (as most notes have them), or none.
fn any_notes() -> impl Strategy<Value = Option<Notes>> {
    let record = prop_oneof![Just(Default::default()), (".{0,80}", ".{0,80}", ".{0,80}", ".{0,80}", ".{0,80}")];
    prop::option::of((".{0,40}", ".{0,200}", ".{0,300}", record).prop_map(|(date, section, text, (person, group, contact, staff, next))| {
        Notes { date, section, text, person, group, contact, staff, next }
    }))
}

/// What notes come back as: without the field separator U+001F, the one character a
/// field cannot hold, and none at all when blank.
fn notes_as_read(notes: Option<&Notes>) -> Option<Notes> {
    let strip = |f: &str| f.replace('\u{1f}', "");
    notes.filter(|n| !n.is_empty()).map(|n| Notes {
        date: strip(&n.date), section: strip(&n.section), text: strip(&n.text), person: strip(&n.person), group: strip(&n.group),
        contact: strip(&n.contact), staff: strip(&n.staff), next: strip(&n.next),
    })
}

/// A valid walk through a profile: at each open question, one of its valid answers.
fn random_walk(pi: usize, picks: &[prop::sample::Index]) -> (String, Answers) {
    let c = content();
    let p = &c.profiles[pi % c.profiles.len()];
    let e = Engine::new(c, p);
    let mut a = Answers::new();
    for pick in picks {
        let Some(next) = e.walk(&a).next else { break };
        a.insert(next.clone(), pick.get(&all_answers(c.question(&next).unwrap())).clone());
    }
    (p.id.clone(), a)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000), ..ProptestConfig::default() })]

    #[test]
    fn decoding_never_panics(s in ".{0,300}") {
        let _ = decode(content(), &s);
    }

    /// A link cut anywhere, with junk after the cut, decodes whenever its head
    /// (`k1!general!`) is intact; whatever it decodes to encodes again, in any language
    /// and with any notes, to a link that decodes to exactly that: profile, answers,
    /// language and notes, nothing dropped.
    #[test]
    fn decoding_near_valid_links_never_panics(cut in 0usize..400, junk in "[a-z_:+,!]{0,20}", lang in any_lang(), notes in any_notes()) {
        use kyodo_check::share::encode_with_notes;
        let c = content();
        let link = encode(c, "general", &session("general", FULL).answers, "ja");
        let mut s: String = link.chars().take(cut).collect();
        s.push_str(&junk);
        match decode(c, &s) {
            Ok(d) => {
                let again = decode(c, &encode_with_notes(c, &d.profile, &d.answers, &lang, notes.as_ref())).unwrap();
                let want = Decoded { profile: d.profile, answers: d.answers, dropped: 0, unreadable: 0, lang: Some(lang), notes: notes_as_read(notes.as_ref()) };
                prop_assert_eq!(again, want);
            }
            Err(e) => prop_assert!(cut < "k1!general!".len(), "{:?} does not decode: {:?}", s, e),
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
    let notes = Notes { date: "2026-11-22".into(), section: "市民自治推進課".into(), text: "後援申請は1か月前まで。<script>alert(1)</script> 100% !#&".into(), ..Default::default() };
    let link = encode_with_notes(c, "tomakomai", &s.answers, "ja", Some(&notes));
    assert!(!link.contains('<') && !link.contains('#') && !link.contains(' '), "notes are percent-encoded: {link}");
    let d = decode(c, &link).unwrap();
    assert_eq!(d.notes, Some(notes));
    assert_eq!(d.answers, s.answers);
    let broken = format!("{plain}!%E3%8");
    let d = decode(c, &broken).unwrap();
    assert_eq!((d.notes, d.dropped), (None, 1), "a broken notes part is dropped, answers kept");
}

/// Counter notes with every field of the printed record filled in.
fn record_notes() -> Notes {
    Notes {
        date: "2026-11-22".into(), section: "市民自治推進課".into(), text: "後援申請は1か月前まで。".into(), person: "苫小牧 花子".into(),
        group: "NPO法人 まちの森".into(), contact: "0144-00-0000 hanako@example.jp".into(), staff: "協働 太郎".into(),
        next: "12月5日 企画書を持参".into(),
    }
}

#[test]
fn the_record_fields_are_saved_and_read_back() {
    use kyodo_check::share::encode_with_notes;
    let c = content();
    let s = session("tomakomai", FULL);
    let notes = record_notes();
    let saved = encode_with_notes(c, "tomakomai", &s.answers, "ja", Some(&notes));
    let d = decode(c, &saved).unwrap();
    assert_eq!((d.notes, d.dropped, d.unreadable), (Some(notes.clone()), 0, 0));
    assert_eq!(d.answers, s.answers);
    // The record's fields alone are notes too.
    let only = Notes { person: notes.person.clone(), next: notes.next.clone(), ..Default::default() };
    let d = decode(c, &encode_with_notes(c, "tomakomai", &s.answers, "ja", Some(&only))).unwrap();
    assert_eq!(d.notes, Some(only));
}

#[test]
fn a_share_link_never_carries_the_record_fields() {
    use kyodo_check::share::encode_link;
    let c = content();
    let s = session("tomakomai", FULL);
    let notes = record_notes();
    let link = encode_link(c, "tomakomai", &s.answers, "ja", Some(&notes));
    let d = decode(c, &link).unwrap();
    let want = Notes { date: notes.date.clone(), section: notes.section.clone(), text: notes.text.clone(), ..Default::default() };
    assert_eq!(d.notes, Some(want));
    // Not even escaped: none of the visitor's details is anywhere in the link.
    let escaped = |t: &str| t.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect::<String>();
    for f in [&notes.person, &notes.group, &notes.contact, &notes.staff, &notes.next] {
        assert!(!link.contains(&escaped(f)) && !link.contains(f.as_str()), "{f} is in the link {link}");
    }
    assert!(!link.contains("hanako") && !link.contains("0144"), "{link}");
    // Notes of nothing but the record's fields: the link has no notes part at all.
    let only = Notes { person: notes.person.clone(), contact: notes.contact.clone(), ..Default::default() };
    let link = encode_link(c, "tomakomai", &s.answers, "ja", Some(&only));
    assert_eq!(link, encode(c, "tomakomai", &s.answers, "ja"));
}

#[test]
fn notes_saved_before_the_record_fields_still_load() {
    use kyodo_check::share::encode_with_notes;
    let c = content();
    // As the widget saved them before the record's fields: three fields (相談日, 担当課,
    // 助言した内容: 2026-11-22, 市民自治推進課, 次回は企画書を持参。).
    let old = "k1!tomakomai!role:npo,idea:together,partner:city!ja!2026-11-22%1F%E5%B8%82%E6%B0%91%E8%87%AA%E6%B2%BB%E6%8E%A8%E9%80%B2%E8%AA%B2%1F%E6%AC%A1%E5%9B%9E%E3%81%AF%E4%BC%81%E7%94%BB%E6%9B%B8%E3%82%92%E6%8C%81%E5%8F%82%E3%80%82";
    let d = decode(c, old).unwrap();
    let want = Notes { date: "2026-11-22".into(), section: "市民自治推進課".into(), text: "次回は企画書を持参。".into(), ..Default::default() };
    assert_eq!((d.notes.as_ref(), d.dropped, d.unreadable, d.answers.len()), (Some(&want), 0, 0, 3));
    // Notes without record fields are still written exactly so.
    assert_eq!(encode_with_notes(c, "tomakomai", &d.answers, "ja", Some(&want)), old);
}

#[test]
fn damaged_saved_notes_are_dropped_and_the_answers_kept() {
    use kyodo_check::share::encode_with_notes;
    let c = content();
    let s = session("tomakomai", FULL);
    let plain = encode(c, "tomakomai", &s.answers, "ja");
    let saved = encode_with_notes(c, "tomakomai", &s.answers, "ja", Some(&record_notes()));
    let notes_at = saved.rfind('!').unwrap() + 1;
    // Cut inside an escape, an escape that is not hex, bytes that are not UTF-8, a lone
    // '%' at the end: each a notes part that cannot be read.
    let damaged = [
        saved[..saved.len() - 2].to_string(),
        format!("{}%G1", &saved[..notes_at]),
        format!("{}%FF%FE%1F%1F%1F%C3", &saved[..notes_at]),
        format!("{saved}%"),
    ];
    for v in &damaged {
        let d = decode(c, v).unwrap_or_else(|e| panic!("{v}: refused whole: {e:?}"));
        assert_eq!((d.notes.as_ref(), &d.answers), (None, &s.answers), "{v}: the notes dropped, every answer kept");
        // Counted as unreadable: the widget says calmly that part of what was saved
        // could not be read (Notice::StoredPartial) and does not overwrite it.
        assert_eq!((d.dropped, d.unreadable), (1, 1), "{v}");
    }
    assert_eq!(decode(c, &format!("{plain}!")).unwrap().notes, None, "an empty notes part is no notes");
}

/// What a browser or mail program may do to a link: percent-encode any character.
fn uri_encode_all(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// Percent-encodes the link's characters where `escape` (cycled) says so, leaving the
/// link's own `%XX` escapes as they are.
fn escape_some(link: &str, escape: &[bool]) -> String {
    let mut out = String::new();
    let mut rest = link;
    let mut i = 0;
    while let Some(ch) = rest.chars().next() {
        if ch == '%' {
            out.push_str(&rest[..3]);
            rest = &rest[3..];
            continue;
        }
        if escape[i % escape.len()] {
            out.extend(ch.to_string().bytes().map(|b| format!("%{b:02X}")));
        } else {
            out.push(ch);
        }
        i += 1;
        rest = &rest[ch.len_utf8()..];
    }
    out
}

#[test]
fn a_link_survives_being_percent_encoded_on_the_way() {
    use kyodo_check::share::{encode_with_notes, from_fragment, Notes};
    let c = content();
    let s = session("tomakomai", FULL);
    let notes = Notes { date: "2026-11-22".into(), section: "課".into(), text: "50% で %E3 は文字のまま、!と#も".into(), ..Default::default() };
    let link = encode_with_notes(c, "tomakomai", &s.answers, "ja", Some(&notes));
    for seen in [link.clone(), link.replace('!', "%21"), link.replace(',', "%2C").replace(':', "%3a")] {
        let d = decode(c, &from_fragment(&seen)).unwrap();
        assert_eq!((d.answers.clone(), d.notes.clone(), d.dropped), (s.answers.clone(), Some(notes.clone()), 0), "{seen}");
    }
    assert_eq!(from_fragment("%E3%8"), "%E3%8", "a broken escape is kept, not lost");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000), ..ProptestConfig::default() })]

    /// Any notes with any answers of any profile, in any language, through the link and
    /// back, also after a browser or mail program percent-encoded any of the link's
    /// characters (never its own escapes: that would change the link); and a link with
    /// every byte escaped, its own escapes too, still gives back the profile, answers and
    /// language (only the notes' text then reads as its escapes).
    #[test]
    fn notes_round_trip_through_any_link(
        date in ".{0,40}", section in ".{0,200}", text in ".{0,200}", lang in any_lang(),
        (pi, picks) in (0usize..16, prop::collection::vec(any::<prop::sample::Index>(), 20)),
        escape in prop::collection::vec(any::<bool>(), 64),
    ) {
        use kyodo_check::share::{encode_with_notes, from_fragment};
        let c = content();
        let (profile, answers) = random_walk(pi, &picks);
        let notes = Notes { date, section, text, ..Default::default() };
        let link = encode_with_notes(c, &profile, &answers, &lang, Some(&notes));
        let want = Decoded { profile, answers, dropped: 0, unreadable: 0, lang: Some(lang), notes: notes_as_read(Some(&notes)) };
        prop_assert_eq!(&decode(c, &link).unwrap(), &want);
        let seen = escape_some(&link, &escape);
        prop_assert_eq!(from_fragment(&seen), from_fragment(&link), "{}", seen);
        prop_assert_eq!(&decode(c, &from_fragment(&seen)).unwrap(), &want);
        let all = decode(c, &from_fragment(&uri_encode_all(&link))).unwrap();
        prop_assert_eq!((&all.profile, &all.answers, &all.lang), (&want.profile, &want.answers, &want.lang));
    }
}

#[test]
fn notes_found_by_the_fuzzer_round_trip() {
    use kyodo_check::share::{encode_with_notes, Notes};
    let c = content();
    // A fourth field is the record's first (相談者); a ninth separator, inside the last
    // field, is dropped, not kept inside the field.
    let d = decode(c, "k1!general!!ja!a%1Fb%1Fc%1Fd").unwrap();
    assert_eq!(d.notes, Some(Notes { date: "a".into(), section: "b".into(), text: "c".into(), person: "d".into(), ..Default::default() }));
    let again = decode(c, &encode_with_notes(c, &d.profile, &d.answers, "ja", d.notes.as_ref())).unwrap();
    assert_eq!(again.notes, d.notes);
    let d = decode(c, "k1!general!!ja!a%1Fb%1Fc%1Fd%1Fe%1Ff%1Fg%1Fh%1Fi").unwrap();
    let want = Notes {
        date: "a".into(), section: "b".into(), text: "c".into(), person: "d".into(), group: "e".into(), contact: "f".into(), staff: "g".into(),
        next: "hi".into(),
    };
    assert_eq!(d.notes, Some(want));
    let again = decode(c, &encode_with_notes(c, &d.profile, &d.answers, "ja", d.notes.as_ref())).unwrap();
    assert_eq!(again.notes, d.notes);
    // Notes that are nothing but separators are no notes, and nothing was dropped.
    let d = decode(c, "k1!tachikawa!!!%1F%1F%1F").unwrap();
    assert_eq!((d.notes, d.dropped), (None, 0));
}

// ---- the notes' caps (src/share.rs): date 40, section 200, text MAX_NOTES characters ----

const DATE_CAP: usize = 40;
const SECTION_CAP: usize = 200;

/// Notes of `n` times `ch` in each field, each of the record's five fields `record` times
/// (plus `extra` after each, to see what is cut).
fn notes_of(ch: char, (date, section, text): (usize, usize, usize), record: usize, extra: &str) -> Notes {
    let field = |n: usize| ch.to_string().repeat(n) + extra;
    Notes {
        date: field(date), section: field(section), text: field(text), person: field(record), group: field(record), contact: field(record),
        staff: field(record), next: field(record),
    }
}

/// Notes in brief for a failure message: each field's length in characters and its last character.
fn brief(n: Option<&Notes>) -> String {
    let f = |s: &str| format!("{} chars ending {:?}", s.chars().count(), s.chars().last());
    n.map_or("no notes".into(), |n| {
        format!(
            "date {}, section {}, text {}, person {}, group {}, contact {}, staff {}, next {}",
            f(&n.date), f(&n.section), f(&n.text), f(&n.person), f(&n.group), f(&n.contact), f(&n.staff), f(&n.next)
        )
    })
}

/// The notes part of a link, read back byte for byte (the test's own percent-decoding).
fn notes_part(link: &str) -> String {
    let part = link.splitn(5, '!').nth(4).expect("the link carries notes");
    let (mut bytes, b) = (Vec::new(), part.as_bytes());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            bytes.push(u8::from_str_radix(&part[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            bytes.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(bytes).unwrap()
}

#[test]
fn notes_at_their_caps_are_kept_in_any_characters() {
    use kyodo_check::share::{encode_with_notes, MAX_NOTES, RECORD_CAP};
    let c = content();
    let s = session("tomakomai", FULL);
    // One byte, three bytes (most Japanese) and four bytes (𠮷) in UTF-8: the caps count characters.
    for ch in ['a', 'あ', '𠮷'] {
        let notes = notes_of(ch, (DATE_CAP, SECTION_CAP, MAX_NOTES), RECORD_CAP, "");
        let link = encode_with_notes(c, "tomakomai", &s.answers, "ja", Some(&notes));
        let d = decode(c, &link).unwrap_or_else(|e| panic!("{ch}: a link with notes at their caps ({} bytes) is refused: {e:?}", link.len()));
        assert!(d.notes.as_ref() == Some(&notes), "{ch}: kept whole, read back as {}", brief(d.notes.as_ref()));
        assert_eq!((&d.answers, d.dropped), (&s.answers, 0));
    }
}

#[test]
fn notes_one_character_over_their_caps_are_cut_on_reading() {
    use kyodo_check::share::{encode_with_notes, MAX_NOTES, RECORD_CAP};
    let c = content();
    let s = session("tomakomai", FULL);
    for ch in ['a', 'あ', '𠮷'] {
        let over = notes_of(ch, (DATE_CAP, SECTION_CAP, MAX_NOTES), RECORD_CAP, "X");
        let link = encode_with_notes(c, "tomakomai", &s.answers, "ja", Some(&over));
        // The encoder writes what it is given: the form's fields cap what is typed
        // (maxlength 200, 2000 and 80, a date input), the decoder caps what a value carries.
        let whole = [&over.date, &over.section, &over.text, &over.person, &over.group, &over.contact, &over.staff, &over.next].map(|f| f.as_str()).join("\u{1f}");
        assert!(notes_part(&link) == whole, "{ch}: the saved value carries the notes whole");
        let d = decode(c, &link).unwrap();
        let cut = notes_of(ch, (DATE_CAP, SECTION_CAP, MAX_NOTES), RECORD_CAP, "");
        assert!(d.notes.as_ref() == Some(&cut), "{ch}: each field is cut to its cap, read back as {}", brief(d.notes.as_ref()));
        assert_eq!(&d.answers, &s.answers, "the answers are kept");
        assert_eq!(d.dropped, 0, "cutting is not dropping");
        // What was cut reads back unchanged.
        let again = decode(c, &encode_with_notes(c, "tomakomai", &d.answers, "ja", d.notes.as_ref())).unwrap();
        assert!(again.notes == Some(cut), "{ch}: read back as {}", brief(again.notes.as_ref()));
    }
    // Each cap on its own: only the field over its cap is cut.
    let one = |date: usize, section: usize, text: usize, next: usize| {
        let n = Notes { date: "d".repeat(date), section: "s".repeat(section), text: "t".repeat(text), next: "n".repeat(next), ..Default::default() };
        decode(c, &encode_with_notes(c, "tomakomai", &s.answers, "ja", Some(&n))).unwrap().notes.unwrap()
    };
    let lens = |n: Notes| (n.date.len(), n.section.len(), n.text.len(), n.next.len());
    assert_eq!(lens(one(DATE_CAP + 1, 1, 1, 1)), (DATE_CAP, 1, 1, 1));
    assert_eq!(lens(one(1, SECTION_CAP + 1, 1, 1)), (1, SECTION_CAP, 1, 1));
    assert_eq!(lens(one(1, 1, MAX_NOTES + 1, 1)), (1, 1, MAX_NOTES, 1));
    assert_eq!(lens(one(1, 1, 1, RECORD_CAP + 1)), (1, 1, 1, RECORD_CAP));
    assert_eq!(lens(one(DATE_CAP, SECTION_CAP, MAX_NOTES, RECORD_CAP)), (DATE_CAP, SECTION_CAP, MAX_NOTES, RECORD_CAP));
}

#[test]
fn a_hand_made_link_over_the_caps_is_cut_too() {
    // Not written by the encoder: fields straight in the link, one character over.
    use kyodo_check::share::{MAX_NOTES, RECORD_CAP};
    let c = content();
    let link = format!("k1!general!role:npo!ja!{}%1F{}%1F{}", "1".repeat(DATE_CAP + 1), "2".repeat(SECTION_CAP + 1), "3".repeat(MAX_NOTES + 1));
    let n = decode(c, &link).unwrap().notes;
    let want = Notes { date: "1".repeat(DATE_CAP), section: "2".repeat(SECTION_CAP), text: "3".repeat(MAX_NOTES), ..Default::default() };
    assert!(n.as_ref() == Some(&want), "read back as {}", brief(n.as_ref()));
    // And a saved value with the record's fields, each one over.
    let over = "4".repeat(RECORD_CAP + 1);
    let saved = format!("{link}{}", format!("%1F{over}").repeat(5));
    let n = decode(c, &saved).unwrap().notes;
    let cut = "4".repeat(RECORD_CAP);
    let want = Notes { person: cut.clone(), group: cut.clone(), contact: cut.clone(), staff: cut.clone(), next: cut, ..want };
    assert!(n.as_ref() == Some(&want), "read back as {}", brief(n.as_ref()));
}

#[test]
fn the_longest_link_the_widget_can_write_is_read() {
    // Every field at its cap in four-byte characters (12 bytes each once escaped), with
    // the longest answers: what counter staff can type must come back from the saved
    // value (every field) and from the link (no record fields).
    use kyodo_check::share::{encode_link, encode_with_notes, MAX_NOTES, RECORD_CAP};
    let c = content();
    let (mut longest, mut longest_link) = (String::new(), String::new());
    for p in &c.profiles {
        let e = Engine::new(c, p);
        // Every question answered with its longest valid answer, in question order.
        let mut a = Answers::new();
        while let Some(next) = e.walk(&a).next {
            let best = all_answers(c.question(&next).unwrap()).into_iter().max_by_key(|x| x.join("+").len()).unwrap();
            a.insert(next, best);
        }
        let notes = notes_of('𠮷', (DATE_CAP, SECTION_CAP, MAX_NOTES), RECORD_CAP, "");
        let link = encode_with_notes(c, &p.id, &a, "ja-easy", Some(&notes));
        assert!(link.len() <= MAX_LEN, "{}: {} bytes, over MAX_LEN {MAX_LEN}", p.id, link.len());
        let d = decode(c, &link).unwrap();
        assert_eq!(d.answers, a);
        assert!(d.notes.as_ref() == Some(&notes), "{}: read back as {}", p.id, brief(d.notes.as_ref()));
        let shared = encode_link(c, &p.id, &a, "ja-easy", Some(&notes));
        assert!(decode(c, &shared).unwrap().notes == Some(notes.for_link()), "{}: the link's notes", p.id);
        if link.len() > longest.len() {
            longest = link;
        }
        if shared.len() > longest_link.len() {
            longest_link = shared;
        }
    }
    println!("the longest saved value: {} bytes of {MAX_LEN}; the longest link: {} bytes", longest.len(), longest_link.len());
}
