//! The content cut for download (`model::split`, issue #20): a profile's file gives every
//! case of that profile the outcome the whole content gives and every text its pages
//! read; the shell holds what the start page and the calm failure message need and no
//! question; the file header refuses a wrong, stale or damaged file by name.

#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::embedded::{self, files};
use kyodo_check::model::{file, in_shell, Content};

/// A profile's file as the browser gets it: written by the build, checked, decoded.
fn downloaded(profile: Option<&str>) -> Content {
    let path = files::for_profile(profile).unwrap_or_else(|| panic!("no file for {profile:?}"));
    // build.rs writes the files into its output folder (`$OUT_DIR/content`).
    let dir = std::path::Path::new(env!("OUT_DIR")).join("content");
    let bytes = std::fs::read(dir.join(path.trim_start_matches("content/"))).unwrap_or_else(|e| panic!("{path}: {e}"));
    Content::decode(file::unwrap(&bytes, files::BUILD, profile.unwrap_or("")).expect("the build's own file")).expect("decodes")
}

#[test]
fn every_case_has_the_same_outcome_from_its_profile_s_file() {
    let full = content();
    let mut played = 0;
    let chooser = downloaded(None);
    for p in &full.profiles {
        let cut = downloaded(Some(&p.id));
        for case in cases().iter().filter(|c| c.profile == p.id) {
            let pairs = case.pairs();
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(q, o)| (q.as_str(), o.as_str())).collect();
            let want = play(full, &p.id, &pairs);
            assert_eq!(play(&cut, &p.id, &pairs), want, "{}: its city's file", case.id);
            assert_eq!(play(&chooser, &p.id, &pairs), want, "{}: the chooser's file", case.id);
            played += 1;
        }
    }
    assert!(played >= 90, "only {played} cases played");
}

#[test]
fn a_file_and_the_shell_have_every_text_its_pages_read_and_no_other_profile_s() {
    let full = content();
    let shell = embedded::shell().unwrap();
    for profile in full.profiles.iter().map(|p| Some(p.id.as_str())).chain([None]) {
        let cut = full.for_download(profile).unwrap();
        let whole = |q: &str| profile.is_none_or(|id| q == id || full.profile(id).unwrap().base.as_deref() == Some(q));
        for l in &full.languages {
            let (all, mine, shell) = (full.texts.lang(&l.code).unwrap(), cut.texts.lang(&l.code).unwrap(), shell.texts.lang(&l.code).unwrap());
            for (k, v) in all.iter() {
                let other = k.strip_prefix("p.").and_then(|r| r.split_once('.')).is_some_and(|(q, _)| !whole(q));
                if in_shell(k) {
                    assert_eq!((mine.get(k), shell.get(k)), (None, Some(v)), "{profile:?}: {} {k} is the shell's", l.code);
                } else if other {
                    assert_eq!(mine.get(k), None, "{profile:?}: {k} is another profile's");
                } else {
                    assert_eq!(mine.get(k), Some(v), "{profile:?}: {} {k}", l.code);
                }
            }
        }
        for p in &full.profiles {
            let whole_here = whole(&p.id);
            assert_eq!(cut.profile(&p.id) == full.profile(&p.id), whole_here, "{profile:?}: {} whole or a stub", p.id);
            // Every profile is still there (the common profile's cases name their city).
            assert_eq!(cut.profile(&p.id).unwrap().seed, p.seed);
        }
    }
}

#[test]
fn the_shell_names_every_profile_and_its_counter_and_holds_no_question() {
    let full = content();
    let shell = embedded::shell().unwrap();
    assert!(shell.questions.is_empty() && !full.questions.is_empty(), "no question in the shell");
    assert_eq!(shell.languages, full.languages);
    assert_eq!(shell.settings, full.settings);
    for p in &full.profiles {
        let s = shell.profile(&p.id).unwrap();
        assert_eq!((s.shown_contact(), &s.seed, &s.base), (p.shown_contact(), &p.seed, &p.base));
        assert!(s.forms.is_empty() && s.sections.is_empty(), "{}: only a name and a counter", p.id);
        for l in &full.languages {
            for key in ["name", "summary", "contact.department"] {
                assert_eq!(shell.profile_text(&l.code, &p.id, key), full.profile_text(&l.code, &p.id, key), "{} {key}", p.id);
            }
        }
    }
    for l in &full.languages {
        let (all, mine) = (full.texts.lang(&l.code).unwrap(), shell.texts.lang(&l.code).unwrap());
        for (k, v) in all.iter().filter(|(k, _)| k.starts_with("ui.")) {
            assert_eq!(mine.get(k), Some(v), "{} {k}", l.code);
        }
        assert!(mine.keys().all(|k| k.starts_with("ui.") || k.starts_with("p.")), "{}: only the interface and the profiles' names", l.code);
    }
}

#[test]
fn every_profile_has_its_own_file_and_the_chooser_the_one_with_all() {
    let full = content();
    let mut names: Vec<&str> = full.profiles.iter().map(|p| files::for_profile(Some(&p.id)).unwrap()).collect();
    names.push(files::for_profile(None).unwrap());
    for n in &names {
        assert!(n.starts_with("content/") && n.ends_with(".bin"), "{n}");
    }
    names.sort();
    names.dedup();
    assert_eq!(names.len(), full.profiles.len() + 1, "one file each");
    assert_eq!(files::BUILD, file::hash(embedded::CONTENT), "the build id is the content's hash");
}

#[test]
fn a_wrong_stale_or_damaged_file_is_refused_by_name() {
    let body = content().for_download(Some("tomakomai")).unwrap().encode();
    let good = file::wrap(7, "tomakomai", &body);
    assert_eq!(file::unwrap(&good, 7, "tomakomai"), Ok(body.as_slice()));
    assert_eq!(file::unwrap(b"<!doctype html><p>Not found</p>", 7, "tomakomai"), Err(file::Problem::NotContent));
    assert_eq!(file::unwrap(&good, 8, "tomakomai"), Err(file::Problem::OtherBuild));
    assert_eq!(file::unwrap(&good, 7, "muroran"), Err(file::Problem::OtherProfile("tomakomai".into())));
    assert_eq!(file::unwrap(&good, 7, ""), Err(file::Problem::OtherProfile("tomakomai".into())));
    for cut in [good.len() - 1, good.len() / 2, 30, 12, 5] {
        assert_eq!(file::unwrap(&good[..cut], 7, "tomakomai"), Err(file::Problem::Damaged), "cut at {cut}");
    }
    let mut flipped = good.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 1;
    assert_eq!(file::unwrap(&flipped, 7, "tomakomai"), Err(file::Problem::Damaged));
}
