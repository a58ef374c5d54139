//! Adopting the widget in a new city (docs/adding-a-city.md): the level-2 scaffold
//! (`kyodo_check::scaffold`, the `new-city` binary), a filled level-2 city and a
//! level-1 city file, both fictitious (tests/fixtures/cities/), and bad adoption input
//! refused with the file and the key named.
//!
//! Problems are matched on their file and key (`ContentError::file`, `::id`), never on
//! the wording of the message.

#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::model::{Content, ContentError};
use kyodo_check::scaffold::{scaffold, TODO};
use kyodo_check::validate::{reachability_errors, required_keys, validate, walk_all, Sources};
use std::path::{Path, PathBuf};
use std::process::Command;

// ---------------------------------------------------------------- helpers

fn fixture(rel: &str) -> String {
    let p = root().join("tests/fixtures/cities").join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// A fresh, empty directory under the system's temp directory.
fn temp_dir(tag: &str) -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let dir = std::env::temp_dir().join(format!("kyodo-adopt-{}-{tag}-{n}-{nanos}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap_or_else(|e| panic!("cannot read {}: {e}", from.display())).flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// The repository's sources/ with some files added, replaced or taken away
/// (`None`), loaded as the validator loads them.
fn sources_with(changes: &[(&str, Option<&str>)]) -> Sources {
    let dir = temp_dir("sources").join("sources");
    copy_dir(&root().join("sources"), &dir);
    for (name, text) in changes {
        match text {
            Some(t) => std::fs::write(dir.join(name), t).unwrap(),
            None => {
                let _ = std::fs::remove_file(dir.join(name));
            }
        }
    }
    let s = Sources::load(&dir).unwrap_or_else(|e| panic!("cannot load the sources in {}: {e}", dir.display()));
    let _ = std::fs::remove_dir_all(dir.parent().unwrap());
    s
}

fn hinagata_sources() -> Sources {
    sources_with(&[("hinagata.txt", Some(&fixture("level2/hinagata.txt")))])
}

/// The repository's content files plus others, as (path relative to content/, text).
fn files_plus(extra: &[(String, String)]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = files().into_iter().filter(|(p, _)| !extra.iter().any(|(q, _)| q == p)).collect();
    out.extend(extra.iter().cloned());
    out.sort();
    out
}

/// The filled level-2 fixture, as content files.
fn hinagata_files() -> Vec<(String, String)> {
    let mut out = vec![("profiles/hinagata.toml".to_string(), fixture("level2/profiles/hinagata.toml"))];
    for lang in &content().languages {
        out.push((format!("text/{}/hinagata.toml", lang.code), fixture(&format!("level2/text/{}/hinagata.toml", lang.code))));
    }
    out
}

fn report(errs: &[ContentError]) -> String {
    errs.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n")
}

fn load(files: &[(String, String)]) -> Content {
    Content::from_files(files).unwrap_or_else(|errs| panic!("content does not load:\n{}", report(&errs)))
}

/// Everything wrong with these files: the loader's problems, or else the validator's.
fn problems(files: &[(String, String)], sources: &Sources) -> Vec<ContentError> {
    match Content::from_files(files) {
        Err(errs) => errs,
        Ok(c) => validate(&c, sources),
    }
}

/// Some problem names this file and this key (the key in the problem's id, or quoted
/// in its message where the id is the file's own).
fn assert_named(errs: &[ContentError], file: &str, key: &str) {
    assert!(
        errs.iter().any(|e| e.file.ends_with(file) && (e.id.contains(key) || e.message.contains(key))),
        "expected a problem naming {file} and {key}, got:\n{}",
        report(errs)
    );
}

fn level1_problems(file: &str, text: &str) -> Vec<ContentError> {
    problems(&files_plus(&[(file.to_string(), text.to_string())]), &sources_with(&[]))
}

// ---------------------------------------------------------------- the scaffold

#[test]
fn scaffold_writes_a_profile_and_one_text_file_per_language() {
    let c = content();
    let out = scaffold(c, "hinagata", "hinagata.txt");
    let paths: Vec<&str> = out.iter().map(|(p, _)| p.as_str()).collect();
    let mut want = vec!["content/profiles/hinagata.toml".to_string()];
    want.extend(c.languages.iter().map(|l| format!("content/text/{}/hinagata.toml", l.code)));
    assert_eq!(paths, want);
    for (path, text) in &out {
        text.parse::<toml::Table>().unwrap_or_else(|e| panic!("{path} is not valid TOML: {e}\n{text}"));
        assert!(text.lines().next().is_some_and(|l| l.starts_with('#')), "{path} opens with a comment");
    }

    // The profile: the general profile's concepts, forms and principles, each with
    // its own section still to fill.
    let general = c.profile("general").unwrap();
    let p: toml::Table = out[0].1.parse().unwrap();
    assert_eq!(p["id"].as_str(), Some("hinagata"));
    assert_eq!(p["seed"].as_str(), Some("hinagata.txt"));
    let sections = p["section"].as_array().unwrap();
    let section_ids: Vec<&str> = sections.iter().map(|s| s["id"].as_str().unwrap()).collect();
    for s in sections {
        assert!(s["heading"].as_str().unwrap().starts_with(TODO), "{s:?}");
        let quotes = s["quotes"].as_array().unwrap();
        assert!(!quotes.is_empty() && quotes.iter().all(|q| q.as_str().unwrap().starts_with(TODO)), "{s:?}");
    }
    let concepts = p["concepts"].as_table().unwrap();
    for k in c.concepts.iter().filter(|k| k.flag.is_none()) {
        let id = format!("sec-{}", k.id);
        assert_eq!(concepts[&k.id].as_array().unwrap()[0].as_str(), Some(id.as_str()));
        assert!(section_ids.contains(&id.as_str()), "{id}");
    }
    // A concept that needs a flag is there, commented out, for a city that sets it.
    for k in c.concepts.iter().filter(|k| k.flag.is_some()) {
        assert!(!concepts.contains_key(&k.id), "{} needs a flag", k.id);
        assert!(out[0].1.contains(&format!("# {} = [\"sec-{}\"]", k.id, k.id)), "{} offered commented out", k.id);
    }
    let forms = p["form"].as_array().unwrap();
    assert_eq!(forms.len(), general.forms.len());
    for (f, g) in forms.iter().zip(&general.forms) {
        assert_eq!(f["id"].as_str(), Some(g.id.as_str()));
        assert_eq!(f["band"].as_str(), Some(g.band.as_str()));
        let covers: Vec<&str> = f["covers"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
        assert_eq!(covers, g.covers);
        let cite = format!("form-{}", g.id);
        assert_eq!(f["cite"].as_array().unwrap()[0].as_str(), Some(cite.as_str()));
        assert!(section_ids.contains(&cite.as_str()));
    }
    let principles = p["principle"].as_array().unwrap();
    assert_eq!(principles.len(), general.principles.len());
    for (x, g) in principles.iter().zip(&general.principles) {
        assert_eq!(x["id"].as_str(), Some(g.id.as_str()));
        assert!(section_ids.contains(&format!("principle-{}", g.id).as_str()));
    }
    // The contact is never invented: every value empty, nothing cited.
    let contact = p["contact"].as_table().unwrap();
    for (k, v) in contact {
        match v {
            toml::Value::String(s) => assert!(s.is_empty(), "contact.{k} = {s:?}"),
            toml::Value::Array(a) => assert!(a.is_empty(), "contact.{k}"),
            other => panic!("contact.{k} = {other:?}"),
        }
    }
    // The comments at the top say what may be deleted and that contact values are copied.
    let head: String = out[0].1.lines().take_while(|l| l.starts_with('#')).collect::<Vec<_>>().join("\n");
    assert!(head.contains("[[form]]") && head.contains("削除"), "{head}");
    assert!(head.contains("[contact]") && head.contains("\"\""), "{head}");
}

#[test]
fn scaffold_texts_hold_every_key_the_validator_requires() {
    // required_keys of the general profile's shape under the new id, in each language:
    // each key is in the file, marked, with a hint after the marker.
    let c = content();
    let out = scaffold(c, "hinagata", "hinagata.txt");
    let ids: Vec<String> = {
        let p: toml::Table = out[0].1.parse().unwrap();
        p["section"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect()
    };
    for lang in &c.languages {
        let path = format!("content/text/{}/hinagata.toml", lang.code);
        let text = &out.iter().find(|(p, _)| *p == path).unwrap().1;
        let mut flat = std::collections::BTreeMap::new();
        flatten(&text.parse::<toml::Table>().unwrap(), "", &mut flat);
        // The keys every profile needs, from the validator, for a profile like this one.
        let (req, _) = required_keys(c, &lang.code);
        let tomakomai: Vec<String> =
            req.keys().filter_map(|k| k.strip_prefix("p.tomakomai.")).filter(|k| !k.starts_with("sections.") && !k.starts_with("forms.") && !k.starts_with("principles.") && !k.starts_with("examples.")).map(str::to_string).collect();
        for k in &tomakomai {
            assert!(flat.contains_key(k), "{path}: missing {k}");
        }
        for id in &ids {
            assert!(flat.contains_key(&format!("sections.{id}.label")), "{path}: missing sections.{id}.label");
            if lang.code != c.default_lang {
                assert!(flat.contains_key(&format!("sections.{id}.summary")), "{path}: missing sections.{id}.summary");
            }
        }
        for f in &c.profile("general").unwrap().forms {
            for k in ["name", "definition", "caution"] {
                assert!(flat.contains_key(&format!("forms.{}.{k}", f.id)), "{path}: forms.{}.{k}", f.id);
            }
        }
        for (k, v) in &flat {
            assert!(v.starts_with(TODO) && v.chars().count() > TODO.chars().count(), "{path}: {k} = {v:?}");
        }
    }
}

fn flatten(t: &toml::Table, prefix: &str, out: &mut std::collections::BTreeMap<String, String>) {
    for (k, v) in t {
        match v {
            toml::Value::Table(t) => flatten(t, &format!("{prefix}{k}."), out),
            toml::Value::String(s) => {
                out.insert(format!("{prefix}{k}"), s.clone());
            }
            other => panic!("{prefix}{k} = {other:?}"),
        }
    }
}

#[test]
fn scaffold_output_loads_and_every_marker_is_reported_with_file_and_key() {
    let c = content();
    let generated: Vec<(String, String)> =
        scaffold(c, "hinagata", "hinagata.txt").into_iter().map(|(p, t)| (p.strip_prefix("content/").unwrap().to_string(), t)).collect();
    let loaded = load(&files_plus(&generated));
    let p = loaded.profile("hinagata").expect("the draft loads as profile hinagata");

    // A guideline that holds the placeholders themselves, so that the quotes are found
    // and the only thing wrong with a section is its marker.
    let mut placeholder = String::new();
    for s in &p.sections {
        placeholder.push_str(&s.heading);
        placeholder.push('\n');
        for q in &s.quotes {
            placeholder.push_str(q);
            placeholder.push('\n');
        }
    }
    let errs = validate(&loaded, &sources_with(&[("hinagata.txt", Some(&placeholder))]));
    assert!(!errs.is_empty());
    // Each section of the profile, by id.
    for s in &p.sections {
        assert_named(&errs, "profiles/hinagata.toml", &s.id);
    }
    // Each text of each language, by key.
    for (path, text) in generated.iter().filter(|(p, _)| p.starts_with("text/")) {
        let mut flat = std::collections::BTreeMap::new();
        flatten(&text.parse::<toml::Table>().unwrap(), "", &mut flat);
        for k in flat.keys() {
            assert_named(&errs, path, &format!("p.hinagata.{k}"));
        }
    }
    // Nothing else is wrong: every problem is in a generated file.
    for e in &errs {
        assert!(generated.iter().any(|(p, _)| e.file.ends_with(p.as_str())), "a problem outside the draft: {e}");
    }
    // And once the guideline is the real one, the placeholders are not found in it.
    let errs = validate(&loaded, &hinagata_sources());
    assert_named(&errs, "profiles/hinagata.toml", "sec-definition");
}

// ---------------------------------------------------------------- a filled level-2 city

#[test]
fn filled_level2_city_validates_and_every_path_ends_in_an_outcome() {
    for (path, text) in hinagata_files() {
        assert!(!text.contains(TODO), "{path} still has {TODO}");
    }
    let c = load(&files_plus(&hinagata_files()));
    let errs = validate(&c, &hinagata_sources());
    assert!(errs.is_empty(), "{} problem(s):\n{}", errs.len(), report(&errs));
    let p = c.profile("hinagata").expect("profile hinagata");
    assert_eq!(p.seed, "hinagata.txt");
    assert_eq!(p.forms.iter().map(|f| f.id.as_str()).collect::<Vec<_>>(), ["kyosai", "koen", "hojo", "itaku"]);
    let stats = walk_all(&c, p, |answers, outcome| {
        assert!(!outcome.verdict.citations.is_empty(), "verdict without citation for {answers:?}");
        for f in &outcome.findings {
            assert!(!f.citations.is_empty(), "finding {} without citation", f.id);
        }
        for f in &outcome.forms {
            assert!(!f.citations.is_empty(), "form {} without citation", f.id);
        }
        if let Some(b) = &outcome.band {
            assert!(!b.citations.is_empty(), "band without citation");
        }
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let errs = reachability_errors(&c, p, &stats);
    assert!(errs.is_empty(), "{}", report(&errs));
    assert!(stats.paths > 0);
    println!("profile hinagata: {} paths, {} answer sets evaluated, verdicts {:?}", stats.paths, stats.evaluated, stats.verdicts);
}

#[test]
fn level2_city_without_its_guideline_is_refused() {
    let files = files_plus(&hinagata_files());
    let about_the_guideline = |errs: &[ContentError]| {
        assert!(
            errs.iter().any(|e| e.file.ends_with("profiles/hinagata.toml")
                && (e.id.contains("seed") || e.id.starts_with("section") || e.message.contains("hinagata.txt"))),
            "expected a problem naming profiles/hinagata.toml and its guideline, got:\n{}",
            report(errs)
        );
    };
    // Missing from sources/.
    about_the_guideline(&problems(&files, &sources_with(&[("hinagata.txt", None)])));
    // Empty.
    about_the_guideline(&problems(&files, &sources_with(&[("hinagata.txt", Some(""))])));
    about_the_guideline(&problems(&files, &sources_with(&[("hinagata.txt", Some(" \n\n"))])));
}

#[test]
fn a_changed_quote_in_the_level2_city_is_reported() {
    let mut files = hinagata_files();
    files[0].1 = files[0].1.replace("資金の支援は伴いません。", "資金の支援があります。");
    let errs = problems(&files_plus(&files), &hinagata_sources());
    assert_named(&errs, "profiles/hinagata.toml", "form-koen");
}

// ---------------------------------------------------------------- a level-1 city file

#[test]
fn level1_city_loads_as_its_own_profile_and_validates() {
    let c = load(&files_plus(&[("cities/mihon.toml".to_string(), fixture("level1/mihon.toml"))]));
    let errs = validate(&c, &sources_with(&[]));
    assert!(errs.is_empty(), "{} problem(s):\n{}", errs.len(), report(&errs));
    let mihon = c.profile("mihon").expect("the city file loads as profile mihon");
    let general = c.profile("general").unwrap();
    // The general profile's questions-side data, with the city's own name and contact.
    assert_eq!(mihon.forms, general.forms);
    assert_eq!(mihon.principles, general.principles);
    assert_eq!(mihon.concepts, general.concepts);
    assert_eq!(mihon.flags, general.flags);
    assert_eq!(c.profile_text("ja", "mihon", "name"), "見本市");
    assert_eq!(c.profile_text("ja-easy", "mihon", "name"), "{見本市|みほんし}");
    assert_eq!(c.profile_text("en", "mihon", "name"), "Mihon City (見本市)");
    assert_eq!(c.profile_text("ja", "mihon", "contact.department"), "見本市 市民部 市民協働課");
    assert_eq!(c.profile_text("ja", "mihon", "contact.address"), "〒000-0000 見本市本町1-1 市役所2階");
    // Texts the city file does not give come from the general profile.
    assert_eq!(c.profile_text("ja", "mihon", "document"), c.profile_text("ja", "general", "document"));
    let stats = walk_all(&c, mihon, |_, _| {}).unwrap_or_else(|e| panic!("{e}"));
    assert!(reachability_errors(&c, mihon, &stats).is_empty());
}

#[test]
fn level1_city_without_a_phone_is_refused() {
    let text = fixture("level1/mihon.toml");
    let cut: String = text.lines().filter(|l| !l.starts_with("phone =")).map(|l| format!("{l}\n")).collect();
    assert_ne!(cut, text);
    assert_named(&level1_problems("cities/mihon.toml", &cut), "cities/mihon.toml", "contact.phone");
}

#[test]
fn level1_city_with_an_unknown_profile_is_refused() {
    let text = fixture("level1/mihon.toml").replace("profile = \"general\"", "profile = \"genral\"");
    assert_named(&level1_problems("cities/mihon.toml", &text), "cities/mihon.toml", "profile");
}

#[test]
fn level1_city_with_a_malformed_phone_is_refused() {
    for bad in ["call 0120-000-000", "0120 000 000 ext", "phone", "〇一二〇"] {
        let text = fixture("level1/mihon.toml").replace("phone = \"0120-000-000\"", &format!("phone = \"{bad}\""));
        assert_named(&level1_problems("cities/mihon.toml", &text), "cities/mihon.toml", "contact.phone");
    }
}

#[test]
fn level1_city_with_a_malformed_url_is_refused() {
    for bad in ["www.city.mihon.example/kyodo/", "javascript:alert(1)", "https://", "ftp://city.mihon.example/"] {
        let text = fixture("level1/mihon.toml").replace("web = \"https://www.city.mihon.example/kyodo/\"", &format!("web = \"{bad}\""));
        assert_named(&level1_problems("cities/mihon.toml", &text), "cities/mihon.toml", "contact.web");
    }
}

#[test]
fn level1_city_without_a_proposal_route_is_refused() {
    // Neither proposal_web nor proposal_phone: where does a citizen send a proposal?
    let text = fixture("level1/mihon.toml");
    let cut: String = text.lines().filter(|l| !l.starts_with("proposal_")).map(|l| format!("{l}\n")).collect();
    assert_ne!(cut, text);
    assert_named(&level1_problems("cities/mihon.toml", &cut), "cities/mihon.toml", "contact.proposal");
    // A malformed one is refused like the web page.
    let text = text.replace("proposal_web = \"https://www.city.mihon.example/koucho/\"", "proposal_web = \"city.mihon.example/koucho\"");
    assert_named(&level1_problems("cities/mihon.toml", &text), "cities/mihon.toml", "contact.proposal_web");
}

#[test]
fn level1_city_missing_a_text_is_refused() {
    let text = fixture("level1/mihon.toml").replacen("contact.department = \"見本市 市民部 市民協働課 — ", "contact.departmen = \"", 1);
    let errs = level1_problems("cities/mihon.toml", &text);
    assert!(
        errs.iter().any(|e| e.file.ends_with("cities/mihon.toml") && (e.id.contains("contact.department") || e.id.contains("contact.departmen"))),
        "{}",
        report(&errs)
    );
}

#[test]
fn a_city_id_that_is_already_a_profile_is_refused() {
    let errs = level1_problems("cities/tomakomai.toml", &fixture("level1/mihon.toml"));
    assert!(
        errs.iter().any(|e| e.file.contains("cities/tomakomai.toml") || e.id.contains("cities/tomakomai.toml") || e.message.contains("cities/tomakomai.toml")),
        "expected a problem naming cities/tomakomai.toml, got:\n{}",
        report(&errs)
    );
}

// ---------------------------------------------------------------- level 3 and the guide's templates

#[test]
fn level3_city_file_adds_what_the_guideline_does_not_print() {
    // 雛形市's guideline prints its phone, fax and web page but no opening hours.
    let extra = "profile = \"hinagata\"\n\n[contact]\n\n[text.ja]\ncontact.hours = \"平日 8時30分から17時15分まで\"\n\n[text.ja-easy]\ncontact.hours = \"{平日|へいじつ} 8{時|じ}30{分|ぷん}から17{時|じ}15{分|ふん}まで\"\n\n[text.en]\ncontact.hours = \"Weekdays 8:30–17:15\"\n";
    let mut files = hinagata_files();
    files.push(("cities/hinagata.toml".to_string(), extra.to_string()));
    let c = load(&files_plus(&files));
    let errs = validate(&c, &hinagata_sources());
    assert!(errs.is_empty(), "{}", report(&errs));
    let p = c.profile("hinagata").unwrap();
    assert!(p.base.is_none(), "still the city's own guideline");
    assert_eq!(p.shown_contact().phone, "0120-000-000", "the printed phone stays");
    assert_eq!(c.profile_text("ja", "hinagata", "contact.hours"), "平日 8時30分から17時15分まで");
    assert_eq!(c.profile_text("ja", "hinagata", "contact.address"), "〒000-0000 雛形市中央一丁目1番1号 市役所3階");
}

/// The ```toml blocks of docs/adding-a-city.md, unindented.
fn guide_snippets() -> Vec<String> {
    let guide = std::fs::read_to_string(root().join("docs/adding-a-city.md")).unwrap();
    let mut out = Vec::new();
    let mut cur: Option<(usize, Vec<String>)> = None;
    for line in guide.lines() {
        let indent = line.len() - line.trim_start().len();
        match (&mut cur, line.trim()) {
            (None, "```toml") => cur = Some((indent, Vec::new())),
            (Some((_, lines)), "```") => {
                out.push(lines.join("\n") + "\n");
                cur = None;
            }
            (Some((i, lines)), _) => lines.push(line.get(*i..).unwrap_or("").to_string()),
            _ => {}
        }
    }
    out
}

#[test]
fn the_guides_templates_copied_as_they_are_are_refused() {
    let snippets = guide_snippets();
    // Level 1: the template, still marked 【要記入】, names each contact value to fill.
    let level1 = snippets.iter().find(|s| s.contains("profile = \"general\"") && s.contains(TODO)).expect("a level-1 template in the guide");
    let errs = level1_problems("cities/sapporo.toml", level1);
    for key in ["contact.phone", "contact.web", "contact.proposal_web"] {
        assert_named(&errs, "cities/sapporo.toml", key);
    }
    // Filled in with the contact only, the texts still marked are named one by one.
    let contact_filled = level1
        .replace("phone = \"【要記入】\"", "phone = \"0120-000-000\"")
        .replace("web = \"【要記入】\"", "web = \"https://www.city.mihon.example/kyodo/\"");
    let errs = level1_problems("cities/sapporo.toml", &contact_filled);
    for lang in ["ja", "ja-easy", "en"] {
        for key in ["name", "contact.department", "contact.address", "contact.hours", "contact.proposal"] {
            let full = format!("p.sapporo.{key}");
            assert!(
                errs.iter().any(|e| e.file.ends_with("cities/sapporo.toml") && e.id == full && e.message.contains(TODO)),
                "{lang} {full} not named:\n{}",
                report(&errs)
            );
        }
    }
    // The filled example in the guide is the fixture the tests load.
    let example = snippets.iter().find(|s| s.contains("name = \"見本市\"")).expect("the filled example in the guide");
    assert_eq!(example.parse::<toml::Table>().unwrap(), fixture("level1/mihon.toml").parse::<toml::Table>().unwrap());
    // Level 3: the template for a seed city, unfilled, is refused too.
    let level3 = snippets.iter().find(|s| s.contains("profile = \"tomakomai\"")).expect("a level-3 template in the guide");
    let errs = level1_problems("cities/tomakomai.toml", level3);
    assert_named(&errs, "cities/tomakomai.toml", "contact.phone");
    assert_named(&errs, "cities/tomakomai.toml", "contact.web");
}

// ---------------------------------------------------------------- the new-city binary

/// A temporary copy of the repository's content/ and sources/.
fn temp_repo() -> PathBuf {
    let dir = temp_dir("repo");
    copy_dir(&root().join("content"), &dir.join("content"));
    copy_dir(&root().join("sources"), &dir.join("sources"));
    dir
}

fn new_city(cwd: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_new-city")).args(args).current_dir(cwd).output().expect("new-city runs")
}

/// Every file under a directory, with its bytes.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn new_city_writes_the_draft_and_the_source() {
    let repo = temp_repo();
    let guideline = repo.join("guideline-from-the-city.txt");
    std::fs::write(&guideline, fixture("level2/hinagata.txt")).unwrap();
    // Run from a folder inside the copy: the binary finds the root itself.
    let out = new_city(&repo.join("content/text"), &["hinagata", guideline.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "exit {:?}\n{stdout}\n{}", out.status.code(), String::from_utf8_lossy(&out.stderr));

    assert_eq!(std::fs::read_to_string(repo.join("sources/hinagata.txt")).unwrap(), fixture("level2/hinagata.txt"));
    let expected = scaffold(content(), "hinagata", "hinagata.txt");
    assert_eq!(expected.len(), 1 + content().languages.len());
    for (path, text) in &expected {
        let written = std::fs::read_to_string(repo.join(path)).unwrap_or_else(|e| panic!("{path} not written: {e}"));
        assert_eq!(&written, text, "{path}");
    }
    // The next steps, numbered.
    for want in ["1.", "2.", "3.", "4.", "5.", "【要記入】", "cargo test --test content", "scripts/run", "?city=hinagata"] {
        assert!(stdout.contains(want), "the next steps mention {want}:\n{stdout}");
    }

    // A second run refuses, and leaves every file as it is.
    let before = snapshot(&repo);
    let again = new_city(&repo, &["hinagata", guideline.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("hinagata"));
    assert_eq!(snapshot(&repo), before);
    let _ = std::fs::remove_dir_all(&repo);
}

#[test]
fn new_city_refuses_an_id_that_is_taken() {
    let repo = temp_repo();
    let guideline = repo.join("g.txt");
    std::fs::write(&guideline, fixture("level2/hinagata.txt")).unwrap();
    std::fs::create_dir_all(repo.join("content/cities")).unwrap();
    std::fs::write(repo.join("content/cities/mihon.toml"), fixture("level1/mihon.toml")).unwrap();
    let before = snapshot(&repo);
    for id in ["tomakomai", "general", "mihon"] {
        let out = new_city(&repo, &[id, guideline.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{id}: {stderr}");
        assert!(stderr.contains(id), "{id}: {stderr}");
    }
    // A source file of that name is not overwritten either.
    std::fs::write(repo.join("sources/kusaki.txt"), "既存の指針").unwrap();
    let before_kusaki = snapshot(&repo);
    let out = new_city(&repo, &["kusaki", guideline.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sources/kusaki.txt"));
    assert_eq!(snapshot(&repo), before_kusaki);
    assert!(before.len() + 1 == before_kusaki.len());
    let _ = std::fs::remove_dir_all(&repo);
}

#[test]
fn new_city_refuses_a_missing_or_empty_guideline() {
    let repo = temp_repo();
    std::fs::write(repo.join("empty.txt"), "").unwrap();
    std::fs::write(repo.join("blank.txt"), "  \n\n\t\n").unwrap();
    std::fs::write(repo.join("sjis.txt"), [0x8b_u8, 0xa6, 0x93, 0xad]).unwrap(); // 協働 in Shift_JIS
    let before = snapshot(&repo);
    for (file, mention) in [("empty.txt", "empty"), ("blank.txt", "empty"), ("nowhere.txt", "does not exist"), ("sjis.txt", "UTF-8")] {
        let path = repo.join(file);
        let out = new_city(&repo, &["hinagata", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {stderr}");
        assert!(stderr.contains(file) && stderr.contains(mention), "{file}: {stderr}");
    }
    assert_eq!(snapshot(&repo), before, "nothing written");
    let _ = std::fs::remove_dir_all(&repo);
}

#[test]
fn new_city_refuses_a_bad_id_or_missing_arguments() {
    let repo = temp_repo();
    let guideline = repo.join("g.txt");
    std::fs::write(&guideline, fixture("level2/hinagata.txt")).unwrap();
    let before = snapshot(&repo);
    let long = "a".repeat(65);
    for id in ["Hinagata", "1city", "hina-gata", "hina gata", "", "雛形", "_x", long.as_str()] {
        let out = new_city(&repo, &[id, guideline.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{id:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    for args in [&[][..], &["hinagata"][..], &["hinagata", "a.txt", "extra"][..]] {
        let out = new_city(&repo, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage"), "{args:?}");
    }
    assert_eq!(snapshot(&repo), before, "nothing written");
    // Outside a clone, it says where it looked.
    let outside = temp_dir("outside");
    let out = new_city(&outside, &["hinagata", guideline.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("content/languages.toml"));
    let _ = std::fs::remove_dir_all(&repo);
    let _ = std::fs::remove_dir_all(&outside);
}
