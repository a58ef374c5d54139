//! Every case of tests/fixtures/cases.json (the worked examples of PRODUCT.md and the
//! cases the five guidelines describe, shared with the end-to-end tests and the
//! benchmark) played natively: each expected id that is not null must be what the engine
//! returns, the passage the example comes from must be cited (or, for a case that names
//! the `section` its outcome rests on, be the guideline's own words), that section must
//! back the verdict, the form, the band or a listed finding, the listed findings must
//! hold and the listed forms must not fit, and every answer a case gives must be asked
//! on its path (an answer that is never asked would make the case prove nothing about it).
//! A case marked `known_wrong` (the engine does not yet give the guideline's outcome) is
//! listed with its reason and must still fail: never skipped silently.

#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::engine::{Engine, Fit, Outcome};
use kyodo_check::model::Source;
use kyodo_check::validate::normalize;

/// A section as the widget names it in Japanese (src/app/components/cite.rs).
fn citation_name(profile: &str, section: &str) -> String {
    let c = content();
    let p = c.profile(profile).unwrap();
    let t = |key: &str| c.profile_text("ja", profile, key).to_string();
    let label = t(&format!("sections.{section}.label"));
    match p.section(section) {
        Some(s) if s.source == Source::Domain => label,
        Some(s) if s.seed.is_some() => format!("{} {label}", t(&format!("sections.{section}.source"))),
        _ => format!("{} {} {label}", t("name"), t("document_short")),
    }
}

/// What is wrong with one case, if anything (empty when it holds).
fn problems(case: &Case) -> Vec<String> {
    let c = content();
    let mut out = Vec::new();
    let Some(p) = c.profile(&case.profile) else { return vec![format!("no profile {}", case.profile)] };
    let pairs = case.pairs();
    let a = answers(&pairs.iter().map(|(q, o)| (q.as_str(), o.as_str())).collect::<Vec<_>>());
    let e = Engine::new(c, p);
    let walk = e.walk(&a);
    if !walk.is_complete() {
        return vec![format!("the flow still asks `{:?}` after {:?}", walk.next, walk.path)];
    }
    for q in case.answers.keys() {
        if !walk.path.contains(q) {
            out.push(format!("answers `{q}`, which is not asked on the path {:?} (or its answer is not valid)", walk.path));
        }
    }
    let o: Outcome = e.evaluate(&a).expect("a complete flow has an outcome");
    let top = o.forms.first();
    let got = [
        ("verdict", &case.expect.verdict, Some(o.verdict.id.clone())),
        ("top_form", &case.expect.top_form, top.map(|f| f.id.clone())),
        ("top_fit", &case.expect.top_fit, top.map(|f| f.fit.name().to_string())),
        ("band", &case.expect.band, o.band.as_ref().map(|b| b.id.clone())),
        ("start", &case.expect.start, o.start_type.as_ref().map(|s| s.id.clone())),
    ];
    for (what, want, got) in got {
        if let Some(want) = want {
            if got.as_deref() != Some(want.as_str()) {
                out.push(format!("{what}: expected {want}, the engine returns {got:?}"));
            }
        }
    }
    let cited: Vec<String> = o.all_citations().iter().map(|s| citation_name(&case.profile, s)).collect();
    if !cited.contains(&case.source) && !(case.section.is_some() && in_guideline(&case.profile, &case.source)) {
        out.push(format!("source {:?} is not cited, nor the guideline's own words; the outcome cites {cited:#?}", case.source));
    }
    if let Some(section) = &case.section {
        // What the outcome rests on: the verdict, the first form, the band, the findings the case lists.
        let mut backing: Vec<&String> = o.verdict.citations.iter().collect();
        if let Some(f) = top {
            backing.extend(&f.citations);
            backing.extend(f.reasons.iter().flat_map(|r| &r.citations));
        }
        backing.extend(o.band.iter().flat_map(|b| &b.citations));
        backing.extend(o.findings.iter().filter(|f| case.findings.contains(&f.id)).flat_map(|f| &f.citations));
        let names: Vec<String> = backing.iter().map(|s| citation_name(&case.profile, s)).collect();
        if !names.contains(section) {
            out.push(format!("section {section:?} backs neither the verdict, the first form, the band nor a listed finding: {names:#?}"));
        }
    }
    for f in &case.findings {
        if !o.findings.iter().any(|x| &x.id == f) {
            out.push(format!("finding {f} does not hold; the outcome has {:?}", o.findings.iter().map(|x| &x.id).collect::<Vec<_>>()));
        }
    }
    for f in &case.not_forms {
        if let Some(x) = o.forms.iter().find(|x| &x.id == f && matches!(x.fit, Fit::Good | Fit::Possible)) {
            out.push(format!("form {f} must not fit, but fits ({})", x.fit.name()));
        }
    }
    out
}

/// Whether `source` is the city's own words: after the city and document names (as the
/// widget names them), each part (several joined by `…`) is found verbatim in its guideline.
fn in_guideline(profile: &str, source: &str) -> bool {
    let c = content();
    let Some(p) = c.profile(profile) else { return false };
    let prefix = format!("{} {} ", c.profile_text("ja", profile, "name"), c.profile_text("ja", profile, "document_short"));
    let (Some(rest), Some(seed)) = (source.strip_prefix(&prefix), sources().seeds.get(&p.seed).cloned()) else { return false };
    let hay = normalize(&seed);
    rest.split('…').all(|part| !part.trim().is_empty() && hay.contains(&normalize(part)))
}

#[test]
fn every_case_has_the_expected_outcome() {
    let all = cases();
    assert!(all.len() >= 23, "cases.json holds the worked examples ({} cases)", all.len());
    let mut failed = Vec::new();
    let mut known = Vec::new();
    for case in &all {
        let found = problems(case);
        match &case.known_wrong {
            // Listed, never silently skipped; and a case that now passes must lose its mark.
            Some(why) if found.is_empty() => failed.push(format!("{} ({}): marked known_wrong ({why}) but now has the guideline's outcome: remove the mark", case.id, case.profile)),
            Some(why) => known.push(format!("{} ({}): {why}\n    {}", case.id, case.profile, found.join("\n    "))),
            None => failed.extend(found.into_iter().map(|p| format!("{} ({}): {p}", case.id, case.profile))),
        }
    }
    if !known.is_empty() {
        println!("{} case(s) where the engine does not yet give the guideline's outcome (known_wrong):\n{}", known.len(), known.join("\n"));
    }
    assert!(failed.is_empty(), "{} problem(s) in tests/fixtures/cases.json:\n{}", failed.len(), failed.join("\n"));
    println!("{} cases played, {} known wrong", all.len(), known.len());
}

/// The cases the five guidelines describe (those with a `person`): every one says who is
/// asking and which section its outcome rests on.
#[test]
fn every_guideline_case_names_its_person_and_section() {
    let all = cases();
    let described: Vec<_> = all.iter().filter(|c| c.person.is_some()).collect();
    for c in &described {
        assert!(c.section.is_some(), "{}: a guideline case names the section its outcome rests on", c.id);
        assert!(!c.person.as_deref().unwrap_or_default().trim().is_empty(), "{}: who is asking", c.id);
    }
    for (profile, at_least) in [("tomakomai", 15), ("muroran", 20), ("yoshikawa", 9), ("minami_alps", 8), ("tachikawa", 7)] {
        let n = described.iter().filter(|c| c.profile == profile).count();
        assert!(n >= at_least, "{profile}: {n} guideline cases, expected at least {at_least}");
    }
}

#[test]
fn cases_are_distinct_and_named_once() {
    let all = cases();
    for (i, a) in all.iter().enumerate() {
        for b in &all[..i] {
            assert_ne!(a.id, b.id, "case id {} is used twice", a.id);
            assert!(
                !(a.profile == b.profile && a.pairs() == b.pairs()),
                "cases {} and {} are the same answer set in {}",
                b.id,
                a.id,
                a.profile
            );
        }
        assert!(a.expect.verdict.is_some(), "{}: every case fixes its verdict", a.id);
        assert_eq!(a.expect.top_form.is_some(), a.expect.top_fit.is_some(), "{}: top_form and top_fit are fixed together", a.id);
    }
}

/// The `kyodo` set is a complete answer set on its own in every profile (tests/e2e/adopt.test.mjs
/// plays it in adopted cities), and each of its answers is a valid option.
#[test]
fn the_kyodo_answer_set_is_complete_in_every_profile() {
    let c = content();
    let set = answer_set("kyodo");
    let pairs: Vec<(&str, &str)> = set.iter().map(|(q, a)| (q.as_str(), a.as_str())).collect();
    for (q, a) in &pairs {
        let question = c.question(q).unwrap_or_else(|| panic!("kyodo answers `{q}`, which is no question"));
        for o in a.split('+') {
            assert!(question.option(o).is_some(), "kyodo answers `{q}` with `{o}`, which is no option of it");
        }
    }
    for p in &c.profiles {
        let o = play(c, &p.id, &pairs);
        assert_eq!(o.verdict.id, "kyodo", "{}: the kyodo set is 協働", p.id);
    }
}

// ---- cases like yours (issue #18): the cases the guideline itself describes ----

fn example_ids(o: &Outcome) -> Vec<&str> {
    o.examples.iter().map(|x| x.id.as_str()).collect()
}

/// The result lists the cases the city's guideline describes that used the form ranked
/// first, in the content's order, each citing the passage that describes it; a verdict
/// that shows no form lists none.
#[test]
fn the_similar_cases_are_those_of_the_form_ranked_first() {
    // 苫小牧市 第5章 (5): a talk co-hosted with the federation of neighbourhood associations.
    let o = case("tomakomai_ch5_05_machizukuri_talk").play();
    assert_eq!(o.forms[0].id, "kyosai");
    assert_eq!(example_ids(&o), ["machizukuri_talk", "pc_class"], "第5章's 共催: (5) and (14)");
    let cited: Vec<Vec<String>> = o.examples.iter().map(|x| x.citations.clone()).collect();
    assert_eq!(cited, [vec!["ch5-5".to_string()], vec!["ch5-14".to_string()]]);
    assert!(o.examples.iter().all(|x| x.form == "kyosai"));
    // 協定: (4), (9), (13) and the volunteers of (14), in the chapter's order.
    let o = case("tomakomai_ch5_13_cleanup_supporter").play();
    assert_eq!(o.forms[0].id, "kyotei");
    assert_eq!(example_ids(&o), ["disaster_agreement", "plastic_bags", "cleanup_supporters", "pc_class_volunteers"]);
    // 室蘭市's 4(2) table and 2(2) image under 委託; 吉川市's type A with 共催.
    assert_eq!(example_ids(&case("muroran_4_2_itaku_shakyo").play()), ["welfare_council_contract", "private_contract"]);
    assert_eq!(example_ids(&case("yoshikawa_npo_forum").play()), ["npo_forum"]);
    // Their passages are cited, so the sources list them too.
    let o = case("yoshikawa_npo_forum").play();
    assert!(o.all_citations().contains(&"examples".to_string()));
    // Not 協働, or no form that fits: none.
    for id in ["tomakomai_koen_for_profit", "tomakomai_koen_for_members_only", "tachikawa_def_4_synergy", "yoshikawa_marathon_runner", "tomakomai_ch5_01_booklet_editor"] {
        let o = case(id).play();
        assert!(o.examples.is_empty(), "{id} ({}): {:?}", o.verdict.id, example_ids(&o));
    }
    // The common guideline draws on the cities' guidelines, each example named with its city.
    let c = content();
    let general = c.profile("general").unwrap();
    let o = play(c, "general", &answer_set("kyodo").iter().map(|(q, a)| (q.as_str(), a.as_str())).collect::<Vec<_>>());
    let top = &o.forms[0].id;
    let want: Vec<&str> = general.examples.iter().filter(|x| &x.form == top).map(|x| x.id.as_str()).collect();
    assert!(!want.is_empty(), "the general profile has examples of {top}");
    assert_eq!(example_ids(&o), want);
    let cities: std::collections::BTreeSet<&str> = general.examples.iter().filter_map(|x| general.section(&x.section)?.seed.as_deref()).collect();
    assert_eq!(cities.len(), 4, "苫小牧市, 吉川市, 立川市 and 室蘭市 (南アルプス市 prints no case): {cities:?}");
}

/// The case table and the examples agree: a guideline case whose passage describes an
/// example finds one of them among its similar cases, under the form the case expects
/// first. The person of 苫小牧市 第5章 (5) sees (5) itself.
#[test]
fn a_guideline_case_finds_its_own_passage_among_the_similar_cases() {
    let c = content();
    let mut checked = Vec::new();
    for case in cases().iter().filter(|x| x.known_wrong.is_none()) {
        let (Some(p), Some(want)) = (c.profile(&case.profile), &case.expect.top_form) else { continue };
        let own: Vec<_> = p.examples.iter().filter(|x| citation_name(&case.profile, &x.section) == case.source).collect();
        if own.is_empty() {
            continue;
        }
        let o = case.play();
        let listed: Vec<&str> = own.iter().filter(|x| &x.form == want).map(|x| x.id.as_str()).collect();
        assert!(!listed.is_empty(), "{}: its passage describes {:?}, none under {want}", case.id, own.iter().map(|x| (&x.id, &x.form)).collect::<Vec<_>>());
        for id in &listed {
            assert!(example_ids(&o).contains(id), "{}: {id} is not among its similar cases {:?}", case.id, example_ids(&o));
        }
        checked.push(case.id.clone());
    }
    assert!(checked.len() >= 30, "only {} cases checked: {checked:?}", checked.len());
}
