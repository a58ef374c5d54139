//! The validator over the real content, the exhaustive walk of every profile, and
//! proof that broken content fails with a message naming the file and the id.

#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::engine::Fit;
use kyodo_check::model::Content;
use kyodo_check::validate::{check_all, reachability_errors, validate, walk_all};

fn report(errs: &[kyodo_check::model::ContentError]) -> String {
    errs.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n")
}

#[test]
fn all_content_is_valid() {
    let c = content();
    let errs = validate(&c, &sources());
    assert!(errs.is_empty(), "{} content problem(s):\n{}", errs.len(), report(&errs));
}

#[test]
fn six_profiles_one_per_city_plus_general() {
    let c = content();
    let ids: Vec<_> = c.profiles.iter().map(|p| p.id.as_str()).collect();
    for want in ["tomakomai", "minami_alps", "yoshikawa", "tachikawa", "muroran", "general"] {
        assert!(ids.contains(&want), "profile {want} missing: {ids:?}");
    }
    // Cities adopted with one file use their base profile's guideline, so they are left out.
    let cities: Vec<_> = c.profiles.iter().filter(|p| p.id != "general" && p.base.is_none()).collect();
    let seeds: std::collections::BTreeSet<_> = cities.iter().map(|p| p.seed.clone()).collect();
    assert_eq!(seeds.len(), cities.len(), "each city profile uses its own seed");
}

/// The content build.rs embedded (the compact form) is the content of the files, every
/// part of it: questions and their conditions, outcomes, forms, profiles, texts, the
/// accessibility statement. Only `text_files` (which file each text came from, for the
/// native loader's messages) is left out of the compact form.
#[test]
fn embedded_content_equals_the_files() {
    let mut from_disk = content().clone();
    from_disk.text_files.clear();
    let embedded = kyodo_check::embedded::content().expect("embedded content loads");
    assert!(embedded.text_files.is_empty(), "the compact form leaves text_files out");
    // The parts that differ, by name (the whole Content would print megabytes).
    let (e, d) = (&embedded, &from_disk);
    let parts = [
        ("version", e.version == d.version),
        ("default_lang", e.default_lang == d.default_lang),
        ("languages", e.languages == d.languages),
        ("questions", e.questions == d.questions),
        ("concepts", e.concepts == d.concepts),
        ("verdicts", e.verdicts == d.verdicts),
        ("findings", e.findings == d.findings),
        ("bands", e.bands == d.bands),
        ("band_rules", e.band_rules == d.band_rules),
        ("start_types", e.start_types == d.start_types),
        ("readiness", e.readiness == d.readiness),
        ("forms", e.forms == d.forms),
        ("form_good", e.form_good == d.form_good),
        ("form_possible", e.form_possible == d.form_possible),
        ("profiles", e.profiles == d.profiles),
        ("texts", e.texts == d.texts),
        ("accessibility", e.accessibility == d.accessibility),
    ];
    let differ: Vec<&str> = parts.iter().filter(|(_, same)| !same).map(|(name, _)| *name).collect();
    assert!(differ.is_empty(), "the embedded content differs from the files in: {differ:?}");
    // And the whole, so that a part added to Content later is compared too.
    assert!(embedded == from_disk, "the embedded content differs from the files in a part not named above");
}

#[test]
fn every_path_of_every_profile_ends_in_an_outcome() {
    let c = content();
    let mut total = 0;
    for p in &c.profiles {
        let stats = walk_all(&c, p, |answers, outcome| {
            // Every conclusion shows its reasons with citations.
            assert!(!outcome.verdict.citations.is_empty(), "{}: verdict without citation for {answers:?}", p.id);
            for f in &outcome.findings {
                assert!(!f.citations.is_empty(), "{}: finding {} without citation", p.id, f.id);
            }
            for f in &outcome.forms {
                assert!(!f.citations.is_empty(), "{}: form {} without citation", p.id, f.id);
            }
            if let Some(b) = &outcome.band {
                assert!(!b.citations.is_empty(), "{}: band without citation", p.id);
            }
            // The verdict and the forms never disagree: forms only for a 協働 verdict, and a
            // 協働 verdict with no form that fits says so (issue #18).
            let v = c.verdicts.iter().find(|v| v.id == outcome.verdict.id).expect("a verdict of rules.toml");
            let fits = outcome.forms.first().is_some_and(|f| matches!(f.fit, Fit::Good | Fit::Possible));
            if !v.ranks_forms {
                assert!(outcome.forms.is_empty(), "{}: forms ranked for verdict {} with {answers:?}", p.id, v.id);
            } else if !outcome.forms.is_empty() && !fits {
                assert!(outcome.findings.iter().any(|f| f.id == "no_form_fits"), "{}: {} with no form that fits, unsaid: {answers:?}", p.id, v.id);
            }
            if v.id == "kyodo" {
                assert!(fits, "{}: 協働 with no form that fits: {answers:?}", p.id);
            }
            // Cases like yours: the guideline's cases of the form shown first, only where it fits.
            let top = outcome.forms.first().filter(|_| fits).map(|f| f.id.as_str());
            let want: Vec<&str> = p.examples.iter().filter(|x| Some(x.form.as_str()) == top).map(|x| x.id.as_str()).collect();
            assert_eq!(outcome.examples.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), want, "{}: similar cases for {answers:?}", p.id);
            // No next step suggests a form the city lacks or a finding or the ranking rules out.
            for n in &outcome.verdict.next {
                for f in c.next_rules.iter().filter(|r| &r.id == n).flat_map(|r| &r.suggests) {
                    assert!(p.forms.iter().any(|pf| pf.covers.contains(f)), "{}: next step {n} suggests {f}, which the city lacks", p.id);
                    let ruled_out = outcome.findings.iter().filter_map(|x| c.findings.iter().find(|y| y.id == x.id)).any(|y| y.rules_out.contains(f))
                        || outcome.forms.iter().any(|x| x.fit == Fit::Unsuitable && p.form(&x.id).is_some_and(|pf| pf.covers.contains(f)));
                    assert!(!ruled_out, "{}: next step {n} suggests {f}, which is ruled out: {answers:?}", p.id);
                }
            }
        })
        .unwrap_or_else(|e| panic!("{e}"));
        let errs = reachability_errors(&c, p, &stats);
        assert!(errs.is_empty(), "{}", report(&errs));
        // Every option of every question reached in this profile is tried somewhere.
        for q in c.questions.iter().filter(|q| stats.questions_reached.contains(&q.id)) {
            for o in &q.options {
                assert!(stats.options_chosen.contains(&(q.id.clone(), o.id.clone())), "{}: option {}.{} never tried", p.id, q.id, o.id);
            }
        }
        println!(
            "profile {:<12} {:>6} paths, {:>6} answer sets evaluated, verdicts {:?}, top forms {:?}, bands {:?}",
            p.id, stats.paths, stats.evaluated, stats.verdicts, stats.forms_top, stats.bands
        );
        total += stats.paths;
    }
    println!("all profiles: {total} paths");
}

#[test]
fn every_verdict_and_finding_is_reachable_somewhere() {
    let c = content();
    let mut verdicts = std::collections::BTreeSet::new();
    let mut findings = std::collections::BTreeSet::new();
    for p in &c.profiles {
        let stats = walk_all(&c, p, |_, _| {}).unwrap();
        verdicts.extend(stats.verdicts.keys().cloned());
        findings.extend(stats.findings_seen);
    }
    for v in &c.verdicts {
        assert!(verdicts.contains(&v.id), "verdict {} can never be reached", v.id);
    }
    for f in &c.findings {
        assert!(findings.contains(&f.id), "finding {} can never be reached", f.id);
    }
}

// ---- broken content must fail, naming the file and the id ----

fn load_with(edit: impl Fn(&str, &str) -> Option<String>) -> Result<Content, Vec<kyodo_check::model::ContentError>> {
    let files: Vec<(String, String)> =
        files().into_iter().map(|(p, t)| { let n = edit(&p, &t).unwrap_or(t); (p, n) }).collect();
    Content::from_files(&files)
}

fn problems_with(edit: impl Fn(&str, &str) -> Option<String>) -> Vec<String> {
    match load_with(edit) {
        Err(errs) => errs.iter().map(|e| e.to_string()).collect(),
        // What the build runs (build.rs): the same checks refuse the same content there.
        Ok(c) => check_all(&c, &sources()).iter().map(|e| e.to_string()).collect(),
    }
}

fn assert_problem(problems: &[String], file: &str, id: &str) {
    assert!(
        problems.iter().any(|p| p.contains(file) && p.contains(id)),
        "expected a problem naming {file} and {id}, got:\n{}",
        problems.join("\n")
    );
}

#[test]
fn dangling_option_in_a_condition_is_reported() {
    let probs = problems_with(|p, t| (p == "rules.toml").then(|| t.replace("purpose in [public] and open_to", "purpose in [publc] and open_to")));
    assert_problem(&probs, "rules.toml", "kyodo");
    assert!(probs.iter().any(|p| p.contains("publc")));
}

#[test]
fn dangling_section_citation_is_reported() {
    let probs = problems_with(|p, t| (p == "profiles/tomakomai.toml").then(|| t.replace("koen_disqualifiers = [\"ch3-7\"]", "koen_disqualifiers = [\"ch3-77\"]")));
    assert_problem(&probs, "profiles/tomakomai.toml", "concepts.koen_disqualifiers");
}

#[test]
fn unknown_canonical_form_is_reported() {
    let probs = problems_with(|p, t| (p == "profiles/tomakomai.toml").then(|| t.replacen("covers = [\"koen\"]", "covers = [\"koen2\"]", 1)));
    assert_problem(&probs, "profiles/tomakomai.toml", "form.koen");
}

#[test]
fn unreachable_question_is_reported() {
    let probs = problems_with(|p, t| (p == "questions.toml").then(|| t.replace("id = \"who_does\"\nask_if = \"idea in [unsure]\"", "id = \"who_does\"\nask_if = \"idea in [unsure] and idea in [join]\"")));
    assert_problem(&probs, "questions.toml", "who_does");
}

#[test]
fn forward_reference_in_the_flow_is_reported() {
    // A question may not depend on a later one: that is how loops are ruled out.
    let probs = problems_with(|p, t| (p == "questions.toml").then(|| t.replace("ask_if = \"idea in [unsure]\"", "ask_if = \"idea in [unsure] or readiness in [plan]\"")));
    assert_problem(&probs, "questions.toml", "who_does");
    assert!(probs.iter().any(|p| p.contains("asked later")));
}

#[test]
fn a_cycle_in_the_branching_is_rejected() {
    // idea ← who_does already holds (who_does is asked only after idea); making idea
    // depend on who_does closes the loop, and so does a question that depends on itself.
    let probs = problems_with(|p, t| (p == "questions.toml").then(|| t.replace("id = \"idea\"\n", "id = \"idea\"\nask_if = \"who_does in [plan_run]\"\n")));
    assert_problem(&probs, "questions.toml", "idea");
    assert!(probs.iter().any(|p| p.contains("cycle")), "{probs:?}");
    let probs = problems_with(|p, t| (p == "questions.toml").then(|| t.replace("ask_if = \"idea in [unsure]\"", "ask_if = \"idea in [unsure] and not who_does in [join]\"")));
    assert_problem(&probs, "questions.toml", "who_does");
    assert!(probs.iter().any(|p| p.contains("cycle")), "{probs:?}");
}

#[test]
fn a_text_defined_in_two_files_is_reported_with_both() {
    let probs = problems_with(|p, t| (p == "text/ja/common.toml").then(|| format!("{t}\n[p.tomakomai]\nname = \"別の名前\"\n")));
    assert!(
        probs.iter().any(|p| p.contains("text/ja/tomakomai.toml") && p.contains("text/ja/common.toml") && p.contains("p.tomakomai.name")),
        "{probs:?}"
    );
}

#[test]
fn missing_text_is_reported_with_file_and_key() {
    let probs = problems_with(|p, t| (p == "text/ja/common.toml").then(|| t.replace("fellowship = \"会員や仲間どうしの楽しみや交流\"\n", "")));
    assert_problem(&probs, "text/ja/common.toml", "q.purpose.o.fellowship");
}

#[test]
fn empty_text_is_reported() {
    let probs = problems_with(|p, t| (p == "text/ja/tomakomai.toml").then(|| t.replace("name = \"共催\"", "name = \" \"")));
    assert_problem(&probs, "text/ja/tomakomai.toml", "forms.kyosai.name");
}

#[test]
fn unknown_text_key_is_reported() {
    let probs = problems_with(|p, t| (p == "text/ja/common.toml").then(|| format!("{t}\n[finding_typo]\nx = \"y\"\n")));
    assert_problem(&probs, "text/ja/common.toml", "finding_typo.x");
}

#[test]
fn a_changed_word_in_a_quote_is_reported() {
    let probs = problems_with(|p, t| (p == "profiles/tomakomai.toml").then(|| t.replace("公序良俗に反する。", "公序良俗に反しない。")));
    assert_problem(&probs, "profiles/tomakomai.toml", "section.ch3-7");
}

#[test]
fn a_heading_that_is_not_in_the_seed_is_reported() {
    let probs = problems_with(|p, t| (p == "profiles/tomakomai.toml").then(|| t.replace("heading = \"(5) 相手方の固定化を避ける\"", "heading = \"(5) 相手方を固定する\"")));
    assert_problem(&probs, "profiles/tomakomai.toml", "section.ch4-5");
}

#[test]
fn duplicate_ids_are_reported() {
    let probs = problems_with(|p, t| (p == "rules.toml").then(|| t.replace("id = \"repeat_unsure\"", "id = \"repeat_same\"")));
    assert_problem(&probs, "rules.toml", "repeat_same");
}

#[test]
fn a_flag_named_twice_is_reported() {
    let probs = problems_with(|p, t| (p == "profiles/muroran.toml").then(|| t.replace("flags = [\"citizen_to_citizen\", ", "flags = [\"citizen_to_citizen\", \"citizen_to_citizen\", ")));
    assert_problem(&probs, "profiles/muroran.toml", "citizen_to_citizen");
}

#[test]
fn a_toml_syntax_error_names_the_file() {
    let probs = problems_with(|p, t| (p == "profiles/muroran.toml").then(|| format!("{t}\n[[form]\n")));
    assert_problem(&probs, "profiles/muroran.toml", "");
}

#[test]
fn a_bad_condition_names_the_file_and_id() {
    let probs = problems_with(|p, t| (p == "forms.toml").then(|| t.replace("when = \"support in [name]\", score = 6", "when = \"support in [name\", score = 6")));
    assert_problem(&probs, "forms.toml", "koen.name");
}

#[test]
fn every_ui_text_the_app_uses_exists() {
    // The app names its interface texts as "ui.<key>" literals; each must exist in
    // the default language (the validator then requires it in every language).
    let c = content();
    let mut missing = Vec::new();
    let mut stack = vec![root().join("src/app")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            let src = std::fs::read_to_string(&p).unwrap();
            for part in src.split("\"ui.").skip(1) {
                let key: String = part.chars().take_while(|ch| ch.is_ascii_alphanumeric() || *ch == '_').collect();
                if part[key.len()..].starts_with('"') && !c.has_text(&c.default_lang, &format!("ui.{key}")) {
                    missing.push(format!("{}: ui.{key}", p.display()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "texts missing from text/{}/common.toml:\n{}", c.default_lang, missing.join("\n"));
}

// ---- every language complete; やさしい日本語 keeps its measurable rules ----

#[test]
fn three_languages_are_registered() {
    let c = content();
    let codes: Vec<_> = c.languages.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["ja", "ja-easy", "en"]);
}

#[test]
fn a_missing_english_text_is_reported() {
    let probs = problems_with(|p, t| (p == "text/en/muroran.toml").then(|| {
        let i = t.find("\n[forms.").expect("a form table");
        let (head, rest) = t.split_at(i);
        // Drop the first form's name line.
        let cut = rest.replacen(&rest[rest.find("name = ").unwrap()..].split_inclusive('\n').next().unwrap().to_string(), "", 1);
        format!("{head}{cut}")
    }));
    assert_problem(&probs, "text/en/muroran.toml", ".name");
}

#[test]
fn easy_japanese_kanji_without_reading_is_reported() {
    let probs = problems_with(|p, t| (p == "text/ja-easy/common.toml").then(|| t.replacen("{協働|きょうどう}", "協働", 1)));
    assert!(probs.iter().any(|p| p.contains("text/ja-easy/common.toml") && p.contains("kanji `協` has no reading")), "{}", probs.join("\n"));
}

#[test]
fn easy_japanese_long_sentence_is_reported() {
    let long = "あ".repeat(51);
    let probs = problems_with(|p, t| (p == "text/ja-easy/common.toml").then(|| t.replacen("[ui]\n", &format!("[ui]\nextra_probe = \"{long}。\"\n"), 1)));
    // Unknown key and too long: both named.
    assert!(probs.iter().any(|p| p.contains("ui.extra_probe") && p.contains("sentence of 52 characters")), "{}", probs.join("\n"));
}

#[test]
fn easy_japanese_honorifics_are_reported() {
    let probs = problems_with(|p, t| (p == "text/ja-easy/common.toml").then(|| t.replacen("ください。\"", "くださいますようお願い申し上げます。\"", 1)));
    assert!(probs.iter().any(|p| p.contains("text/ja-easy/common.toml") && p.contains("申し上げ")), "{}", probs.join("\n"));
}

#[test]
fn easy_japanese_official_names_may_keep_kanji() {
    // Section labels and document titles are shown as printed in the city's document.
    let c = content();
    let label = c.text("ja-easy", "p.tomakomai.sections.ch3-7.label");
    assert!(kyodo_check::ruby::bare_kanji(label).is_some());
    assert!(kyodo_check::validate::validate(c, &sources()).is_empty());
}

#[test]
fn the_compact_form_round_trips_and_a_damaged_one_is_an_error() {
    let c = content();
    let bytes = c.encode();
    let back = Content::decode(&bytes).expect("decodes");
    let mut whole = c.clone();
    whole.text_files.clear();
    assert!(back == whole, "encode then decode gives every part of the content back");
    assert!(Content::decode(&bytes[..bytes.len() / 2]).is_err());
    assert!(Content::decode(&[]).is_err());
    // The strings lost: every text index points nowhere.
    let (table, strings, body): (&str, Vec<&[u8]>, &[u8]) = postcard::from_bytes(&bytes).unwrap();
    let orphan = postcard::to_allocvec(&(table, Vec::<&[u8]>::new(), body)).unwrap();
    assert!(Content::decode(&orphan).is_err());
    // The character table lost: texts are decoded when first read, so this shows as
    // U+FFFD in them rather than a failure at start-up, and never as a panic.
    let blank = postcard::to_allocvec(&("", &strings, body)).unwrap();
    let damaged = Content::decode(&blank).expect("the structure is intact");
    assert!(damaged.text("ja", "ui.app_title").contains('\u{FFFD}'), "{}", damaged.text("ja", "ui.app_title"));
    let (key, plain) = c.texts.lang("en").unwrap().iter().find(|(_, t)| t.is_ascii()).unwrap();
    assert_eq!(damaged.text("en", key), plain, "ASCII needs no table");
    assert!(kyodo_check::model::chars::decode("", &strings).is_err(), "the full decode reports it");
}

#[test]
fn a_cut_or_changed_compact_form_is_an_error_or_a_content_never_a_panic() {
    // The content files come over the network (issue #20); the decoder is hand-written
    // (model::wire). Every cut is an error; a changed byte is an error or some content.
    let bytes = kyodo_check::embedded::SHELL;
    assert!(Content::decode(bytes).is_ok());
    for n in (0..bytes.len()).step_by(bytes.len() / 700 + 1) {
        assert!(Content::decode(&bytes[..n]).is_err(), "cut at {n}");
    }
    let mut x = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..3000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let mut changed = bytes.to_vec();
        changed[(x % bytes.len() as u64) as usize] ^= (x >> 32) as u8 | 1;
        let _ = Content::decode(&changed);
    }
    // Conditions nested past any real file's depth are refused, not a stack overflow.
    let nested = |depth: usize| {
        let mut c = Content::decode(bytes).unwrap();
        let when = (0..depth).fold(kyodo_check::cond::Cond::Always, |c, _| kyodo_check::cond::Cond::Not(Box::new(c)));
        c.voices = vec![kyodo_check::model::Voice { id: "deep".into(), when }];
        Content::decode(&c.encode())
    };
    assert!(nested(40).is_ok());
    let refused = nested(2_000).expect_err("too deep");
    assert!(refused[0].message.contains("nest"), "{}", refused[0]);
}

#[test]
fn an_id_that_cannot_travel_in_a_link_is_reported() {
    let probs = problems_with(|p, t| (p == "questions.toml").then(|| t.replace("id = \"open_to\"", "id = \"open-to\"")));
    assert_problem(&probs, "questions.toml", "open-to");
}

// ---- the repository stands on its own ----

/// Every text file of the repository (not build output or installed packages).
fn repo_files() -> Vec<std::path::PathBuf> {
    let skip = [".git", "target", "node_modules", "dist", "artifacts", "corpus", "seeds"];
    let mut out = Vec::new();
    let mut stack = vec![root()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().to_string();
            if p.is_dir() {
                if !skip.contains(&name.as_str()) {
                    stack.push(p);
                }
            } else if std::fs::read_to_string(&p).is_ok() {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn nothing_in_the_repository_reads_or_names_a_folder_beside_it() {
    // Built from parts so that this file does not name them itself.
    let outside = [format!("..{}shared", '/'), format!("KYODO_{}", "SHARED")];
    let mut found = Vec::new();
    for p in repo_files() {
        let text = std::fs::read_to_string(&p).unwrap();
        for o in outside.iter().filter(|o| text.contains(o.as_str())) {
            found.push(format!("{} names {o}", p.strip_prefix(root()).unwrap().display()));
        }
    }
    assert!(found.is_empty(), "the project must carry what it reads:\n{}", found.join("\n"));
}

#[test]
fn every_profile_quotes_a_guideline_kept_in_sources() {
    let c = content();
    let src = sources();
    for p in c.profiles.iter().filter(|p| p.base.is_none() && !p.seed.is_empty()) {
        assert!(src.seeds.get(&p.seed).is_some_and(|t| !t.trim().is_empty()), "{}: sources/{} is missing or empty", p.id, p.seed);
    }
}

#[test]
fn a_missing_or_empty_guideline_is_named() {
    let c = content();
    let mut src = sources();
    src.seeds.remove("yoshikawa.txt");
    let errs: Vec<String> = validate(c, &src).iter().map(|e| e.to_string()).collect();
    assert_problem(&errs, "profiles/yoshikawa.toml", "sources/yoshikawa.txt");
    src.seeds.insert("yoshikawa.txt".into(), " \n".into());
    let errs: Vec<String> = validate(c, &src).iter().map(|e| e.to_string()).collect();
    assert_problem(&errs, "profiles/yoshikawa.toml", "sources/yoshikawa.txt");
}

#[test]
fn a_contact_the_guideline_does_not_print_is_refused() {
    let p = problems_with(|path, t| (path == "profiles/yoshikawa.toml").then(|| t.replace("phone = \"048-982-5111\"", "phone = \"048-982-5112\"")));
    assert_problem(&p, "profiles/yoshikawa.toml", "contact.phone");
    let p = problems_with(|path, t| (path == "profiles/tachikawa.toml").then(|| t.replace("fax = \"042-527-8074\"", "fax = \"042-527-80\"")));
    assert_problem(&p, "profiles/tachikawa.toml", "contact.fax");
    let p = problems_with(|path, t| (path == "text/ja/tachikawa.toml").then(|| t.replace("泉町1156番地の9\"", "泉町1番地\"")));
    assert_problem(&p, "text/ja/tachikawa.toml", "contact.address");
}

#[test]
fn the_seed_contacts_are_the_ones_their_guidelines_print() {
    let c = content();
    let y = c.profile("yoshikawa").unwrap().shown_contact();
    assert_eq!((y.phone.as_str(), y.fax.as_str()), ("048-982-5111", ""));
    let t = c.profile("tachikawa").unwrap().shown_contact();
    assert_eq!((t.phone.as_str(), t.fax.as_str()), ("042-523-2111", "042-527-8074"));
    for id in ["yoshikawa", "tachikawa"] {
        assert!(!c.profile_text("ja", id, "contact.address").is_empty(), "{id}: the printed address is shown");
    }
    // Where a guideline prints nothing, nothing is shown: the card names what is missing.
    for id in ["tomakomai", "minami_alps", "muroran"] {
        let ct = c.profile(id).unwrap().shown_contact();
        assert!(ct.phone.is_empty() && ct.web.is_empty(), "{id}: no contact value is invented");
    }
}

#[test]
fn a_domain_section_states_facts_written_in_every_language() {
    let p = problems_with(|path, t| (path == "text/en/facts.toml").then(|| t.replacen("[synergy]", "[synergy_gone]", 1)));
    assert_problem(&p, "text/en/facts.toml", "fact.synergy.text");
    let p = problems_with(|path, t| {
        (path == "profiles/muroran.toml").then(|| t.replacen("facts = [\"cost_not_goal\", \"simple_contract\"]", "facts = []", 1))
    });
    assert_problem(&p, "profiles/muroran.toml", "section.domain-cost");
}

/// The 苫小牧市 example this test breaks, as profiles/tomakomai.toml writes it.
const EXAMPLE: &str = "id = \"machizukuri_talk\"\nform = \"kyosai\"\nsection = \"ch5-5\"";

fn with_example(broken: &str) -> Vec<String> {
    problems_with(|p, t| {
        (p == "profiles/tomakomai.toml").then(|| {
            assert!(t.contains(EXAMPLE), "the example this test breaks is in the file");
            t.replace(EXAMPLE, broken)
        })
    })
}

fn assert_example_problem(probs: &[String], file: &str, id: &str, says: &str) {
    assert!(
        probs.iter().any(|p| p.contains(file) && p.contains(id) && p.contains(says)),
        "expected {file}: {id}: …{says}…, got:\n{}",
        probs.join("\n")
    );
}

#[test]
fn a_broken_example_is_reported() {
    // Its form is one of the profile's forms.
    let p = with_example("id = \"machizukuri_talk\"\nform = \"kyousai\"\nsection = \"ch5-5\"");
    assert_example_problem(&p, "profiles/tomakomai.toml", "example.machizukuri_talk", "unknown form `kyousai`");
    // Its section exists, and is the guideline's own (not a cross-city fact).
    let p = with_example("id = \"machizukuri_talk\"\nform = \"kyosai\"\nsection = \"ch5-55\"");
    assert_example_problem(&p, "profiles/tomakomai.toml", "example.machizukuri_talk", "unknown section `ch5-55`");
    let p = with_example("id = \"machizukuri_talk\"\nform = \"kyosai\"\nsection = \"domain-grades\"");
    assert_example_problem(&p, "profiles/tomakomai.toml", "example.machizukuri_talk", "cross-city fact");
    // Its id is used once.
    let p = with_example("id = \"pc_class\"\nform = \"kyosai\"\nsection = \"ch5-5\"");
    assert_example_problem(&p, "profiles/tomakomai.toml", "example.pc_class", "duplicate example id");
    // Its title is written in every language.
    for lang in ["ja", "ja-easy", "en"] {
        let file = format!("text/{lang}/tomakomai.toml");
        let p = problems_with(|path, t| {
            (path == file).then(|| t.lines().filter(|l| !l.starts_with("machizukuri_talk = ")).collect::<Vec<_>>().join("\n"))
        });
        assert_example_problem(&p, &file, "p.tomakomai.examples.machizukuri_talk", "text is missing");
    }
}

#[test]
fn text_still_marked_to_fill_is_named() {
    let p = problems_with(|path, t| (path == "text/ja-easy/tomakomai.toml").then(|| t.replacen("[contact]\ndepartment = \"", "[contact]\ndepartment = \"【要記入】", 1)));
    assert_problem(&p, "text/ja-easy/tomakomai.toml", "p.tomakomai.contact.department");
}

#[test]
fn the_names_the_engine_takes_from_the_content_are_checked() {
    // Each name the engine needs is declared in the content; a wrong one names its key.
    let probs = problems_with(|p, t| (p == "rules.toml").then(|| t.replace("common_profile = \"general\"", "common_profile = \"generall\"")));
    assert_problem(&probs, "rules.toml", "settings.common_profile");
    let probs = problems_with(|p, t| (p == "rules.toml").then(|| t.replace("start_type_concept = \"start_types\"", "start_type_concept = \"start\"")));
    assert_problem(&probs, "rules.toml", "settings.start_type_concept");
    let probs = problems_with(|p, t| (p == "rules.toml").then(|| t.replace("readiness_concept = \"readiness\"", "readiness_concept = \"ready\"")));
    assert_problem(&probs, "rules.toml", "settings.readiness_concept");
    let probs = problems_with(|p, t| (p == "questions.toml").then(|| t.replace("role = \"forms\"\n", "")));
    assert_problem(&probs, "questions.toml", "role");
    let probs = problems_with(|p, t| (p == "questions.toml").then(|| t.replace("role = \"readiness\"\n", "")));
    assert_problem(&probs, "questions.toml", "role");
}

#[test]
fn a_question_role_is_declared_in_the_content_not_in_rust() {
    // Renaming the form question in the content alone keeps the forms ranked.
    let rename = |t: &str| {
        t.replace("id = \"subject\"", "id = \"kind_of_work\"")
            .replace("subject in", "kind_of_work in")
            .replace("subject not in", "kind_of_work not in")
            .replace("[q.subject", "[q.kind_of_work")
    };
    let renamed = load_with(|_, t| Some(rename(t))).unwrap_or_else(|e| panic!("{}", report(&e)));
    assert!(renamed.question("kind_of_work").is_some_and(|q| q.role == Some(kyodo_check::model::Role::Forms)));
    let case = case("tomakomai_ch5_14_disability_pc_class");
    let pairs = case.pairs();
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(q, a)| (q.as_str(), a.as_str())).collect();
    let moved: Vec<(&str, &str)> = refs.iter().map(|&(q, a)| (if q == "subject" { "kind_of_work" } else { q }, a)).collect();
    let before = play(content(), &case.profile, &refs);
    let after = play(&renamed, &case.profile, &moved);
    assert!(!before.forms.is_empty(), "the case reaches the forms");
    assert_eq!(before.forms, after.forms);
    assert_eq!(before.readiness, after.readiness);
}

#[test]
fn a_voice_is_checked_like_the_flow() {
    // Unknown voice, a voice condition on a later question, and a voice title missing.
    let probs = problems_with(|p, t| (p == "questions.toml").then(|| t.replacen("voices = [\"staff\"]", "voices = [\"staf\"]", 1)));
    assert_problem(&probs, "questions.toml", "idea");
    let probs = problems_with(|p, t| (p == "questions.toml").then(|| t.replace("when = \"role in [staff]\"", "when = \"role in [staff] or readiness in [plan]\"")));
    assert_problem(&probs, "questions.toml", "support.voices.staff");
    let probs = problems_with(|p, t| (p == "text/en/common.toml").then(|| t.replace("[q.support.staff]\ntitle = ", "[q.support.staff]\nxtitle = ")));
    assert_problem(&probs, "text/en/common.toml", "q.support.staff.title");
}
