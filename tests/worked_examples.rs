//! The public worked examples of PRODUCT.md ("Outcomes the product must get right"),
//! each in the profile it comes from. A product that gets one of these wrong is wrong.

#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::engine::{Fit, Outcome};
use kyodo_check::model::Part;

/// A public-interest idea carried out together with the city, partner questions answered well.
const KYODO: &[(&str, &str)] = &[
    ("role", "npo"),
    ("idea", "together"),
    ("partner", "city"),
    ("purpose", "public"),
    ("open_to", "anyone"),
    ("synergy", "yes"),
    ("risks", "none"),
    ("capacity", "established"),
    ("why_partner", "strengths"),
    ("repeat_partner", "first"),
    ("readiness", "purpose+plan+cost+period+responsibility"),
];

fn with<'a>(extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v: Vec<(&str, &str)> = KYODO.iter().filter(|(q, _)| !extra.iter().any(|(e, _)| e == q)).copied().collect();
    v.extend_from_slice(extra);
    v
}

/// The quoted sentences of the cited sections, to check the right passage is behind a reason.
fn quotes_cited(profile: &str, sections: &[String]) -> String {
    let c = content();
    let p = c.profile(profile).unwrap();
    sections.iter().filter_map(|s| p.section(s)).flat_map(|s| s.quotes.clone()).collect::<Vec<_>>().join("")
}

fn top_form(o: &Outcome) -> (&str, Fit) {
    let f = o.forms.first().expect("forms are ranked");
    (f.id.as_str(), f.fit)
}

// ---- 吉川市: the marathon (受動的な参加 vs 能動的な参加) ----

#[test]
fn yoshikawa_marathon_runner_is_participation() {
    let o = play(&content(), "yoshikawa", &[("role", "individual"), ("idea", "join")]);
    assert_eq!(o.verdict.id, "participation");
    let quoted = quotes_cited("yoshikawa", &o.verdict.citations);
    assert!(quoted.contains("ランナーとして参加"), "the runner example is cited: {quoted}");
    assert!(o.forms.is_empty(), "no form is ranked for participation");
}

#[test]
fn yoshikawa_marathon_organising_staff_is_collaboration() {
    let o = play(
        &content(),
        "yoshikawa",
        &with(&[("role", "individual"), ("subject", "event"), ("lead", "new_body"), ("support", "none"), ("duration", "once"), ("start", "a")]),
    );
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("jikko_iinkai", Fit::Good));
}

#[test]
fn yoshikawa_marathon_unsure_then_staff_is_collaboration_too() {
    // わからない leads to a simpler question, not a dead end.
    let o = play(
        &content(),
        "yoshikawa",
        &with(&[("idea", "unsure"), ("who_does", "plan_run"), ("subject", "event"), ("lead", "new_body"), ("support", "none"), ("duration", "once"), ("start", "a")]),
    );
    assert_eq!(o.verdict.id, "kyodo");
}

// ---- 吉川市: the four worked examples of 類型 + 形態 ----

#[test]
fn yoshikawa_npo_forum_is_type_a_with_kyosai() {
    let o = play(&content(), "yoshikawa", &with(&[("subject", "event"), ("lead", "co_host"), ("support", "none"), ("duration", "once"), ("start", "a")]));
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("kyosai", Fit::Good));
    assert_eq!(o.start_type.as_ref().map(|s| s.id.as_str()), Some("a"));
    let quoted = quotes_cited("yoshikawa", &o.start_type.as_ref().unwrap().citations);
    assert!(quoted.contains("NPOフォーラム"), "the worked example is cited");
}

#[test]
fn yoshikawa_road_foster_is_type_b_with_adopt() {
    let o = play(&content(), "yoshikawa", &with(&[("role", "neighbourhood"), ("subject", "cleanup"), ("lead", "we_host"), ("support", "goods"), ("duration", "ongoing"), ("start", "b")]));
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("adopt", Fit::Good));
    assert_eq!(o.start_type.as_ref().map(|s| s.id.as_str()), Some("b"));
}

#[test]
fn yoshikawa_general_plan_council_is_type_c_with_planning_participation() {
    let o = play(&content(), "yoshikawa", &with(&[("role", "individual"), ("subject", "planning"), ("lead", "city_hosts"), ("support", "none"), ("duration", "ongoing"), ("start", "c")]));
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("kikaku_sankaku", Fit::Good));
    assert_eq!(o.start_type.as_ref().map(|s| s.id.as_str()), Some("c"));
    assert_eq!(o.band.as_ref().map(|b| b.id.as_str()), Some("gyosei_shudo"));
}

#[test]
fn yoshikawa_science_class_by_a_group_is_type_d_with_koen() {
    let o = play(&content(), "yoshikawa", &with(&[("subject", "event"), ("lead", "we_host"), ("support", "name"), ("duration", "once"), ("start", "d")]));
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("koen", Fit::Good));
    assert_eq!(o.start_type.as_ref().map(|s| s.id.as_str()), Some("d"));
    assert_eq!(o.band.as_ref().map(|b| b.id.as_str()), Some("shimin_shudo"));
}

// ---- 室蘭市: where each form sits on the 自助・共助・公助 spectrum ----

fn muroran_band(extra: &[(&str, &str)]) -> (String, String) {
    let o = play(&content(), "muroran", &with(extra));
    assert_eq!(o.verdict.id, "kyodo");
    let b = o.band.expect("a band");
    assert!(b.citations.iter().any(|c| c.starts_with("ch1-2-2")), "the band cites 第1章2(2): {:?}", b.citations);
    (o.forms[0].id.clone(), b.id)
}

#[test]
fn muroran_subsidy_is_citizen_led() {
    let (form, band) = muroran_band(&[("subject", "service"), ("lead", "we_host"), ("support", "money"), ("duration", "once")]);
    assert_eq!((form.as_str(), band.as_str()), ("hojo", "shimin_shudo"));
}

#[test]
fn muroran_koen_is_citizen_led() {
    let (form, band) = muroran_band(&[("subject", "event"), ("lead", "we_host"), ("support", "name"), ("duration", "once")]);
    assert_eq!((form.as_str(), band.as_str()), ("koen", "shimin_shudo"));
}

#[test]
fn muroran_kyosai_is_in_the_middle() {
    let (form, band) = muroran_band(&[("subject", "event"), ("lead", "co_host"), ("support", "none"), ("duration", "once")]);
    assert_eq!((form.as_str(), band.as_str()), ("kyosai", "kyoryoku_renkei"));
}

#[test]
fn muroran_kyotei_is_in_the_middle() {
    let (form, band) = muroran_band(&[("subject", "service"), ("lead", "co_host"), ("support", "none"), ("duration", "ongoing")]);
    assert_eq!((form.as_str(), band.as_str()), ("jigyo_kyoryoku_kyotei", "kyoryoku_renkei"));
}

#[test]
fn muroran_itaku_is_city_led() {
    let (form, band) = muroran_band(&[("subject", "service"), ("lead", "city_work"), ("support", "none"), ("duration", "ongoing")]);
    assert_eq!((form.as_str(), band.as_str()), ("itaku", "gyosei_shudo"));
}

#[test]
fn muroran_planning_participation_is_city_led() {
    let (form, band) = muroran_band(&[("subject", "planning"), ("lead", "city_hosts"), ("support", "none"), ("duration", "ongoing")]);
    assert_eq!((form.as_str(), band.as_str()), ("kikaku_sankaku", "gyosei_shudo"));
}

#[test]
fn muroran_own_activity_and_request_sit_at_the_ends() {
    let c = content();
    let own = play(&c, "muroran", &[("role", "neighbourhood"), ("idea", "own")]);
    assert_eq!(own.band.map(|b| b.index), Some(0));
    let req = play(&c, "muroran", &[("role", "individual"), ("idea", "request")]);
    assert_eq!(req.band.map(|b| b.index), Some(4));
}

// ---- 苫小牧市: what rules 後援 out (第3章(7)) ----

fn assert_koen_ruled_out(o: &Outcome, finding: &str) {
    let f = o.findings_in(Part::Partner).find(|f| f.id == finding).unwrap_or_else(|| panic!("finding {finding} missing: {:?}", o.findings));
    assert!(f.citations.contains(&"ch3-7".to_string()), "{finding} cites 第3章(7): {:?}", f.citations);
    if let Some(koen) = o.forms.iter().find(|f| f.id == "koen") {
        assert_eq!(koen.fit, Fit::Unsuitable, "後援 must be ruled out by {finding}");
        assert!(koen.reasons.iter().any(|r| r.citations.contains(&"ch3-7".to_string())));
    }
}

const WANTS_KOEN: &[(&str, &str)] = &[("subject", "event"), ("lead", "we_host"), ("support", "name"), ("duration", "once")];

fn tomakomai(extra: &[(&str, &str)]) -> Outcome {
    let mut all = WANTS_KOEN.to_vec();
    all.extend_from_slice(extra);
    play(&content(), "tomakomai", &with(&all))
}

#[test]
fn tomakomai_koen_for_profit_is_ruled_out() {
    let o = play(&content(), "tomakomai", &[("role", "business"), ("idea", "together"), ("partner", "city"), ("purpose", "profit")]);
    assert_eq!(o.verdict.id, "excluded");
    assert_koen_ruled_out(&o, "koen_dq_profit");
}

#[test]
fn tomakomai_koen_for_specific_people_only_is_ruled_out() {
    let o = play(&content(), "tomakomai", &[("role", "npo"), ("idea", "together"), ("partner", "city"), ("purpose", "public"), ("open_to", "members")]);
    assert_eq!(o.verdict.id, "own");
    assert_koen_ruled_out(&o, "koen_dq_members");
}

#[test]
fn tomakomai_koen_without_safety_measures_is_ruled_out() {
    let o = tomakomai(&[("risks", "safety")]);
    assert_koen_ruled_out(&o, "koen_dq_safety");
    assert_ne!(o.forms[0].id, "koen");
}

#[test]
fn tomakomai_koen_with_religious_or_political_colour_is_ruled_out() {
    let o = play(&content(), "tomakomai", &[("role", "npo"), ("idea", "together"), ("partner", "city"), ("purpose", "religious_political")]);
    assert_eq!(o.verdict.id, "excluded");
    assert_koen_ruled_out(&o, "koen_dq_religious_political");
    assert!(o.verdict.citations.contains(&"ch6-q8".to_string()), "the exclusion cites 第6章 Q8");
}

#[test]
fn tomakomai_koen_against_public_order_is_ruled_out() {
    let o = play(&content(), "tomakomai", &with(&[("risks", "public_order")]));
    assert_eq!(o.verdict.id, "excluded");
    assert_koen_ruled_out(&o, "koen_dq_public_order");
}

#[test]
fn tomakomai_koen_at_risk_of_breaking_the_law_is_ruled_out() {
    let o = play(&content(), "tomakomai", &with(&[("risks", "illegal")]));
    assert_eq!(o.verdict.id, "excluded");
    assert_koen_ruled_out(&o, "koen_dq_illegal");
}

#[test]
fn tomakomai_koen_at_risk_of_public_criticism_is_ruled_out() {
    let o = tomakomai(&[("risks", "criticism")]);
    assert_koen_ruled_out(&o, "koen_dq_criticism");
}

#[test]
fn tomakomai_koen_fits_when_nothing_rules_it_out() {
    let o = tomakomai(&[("risks", "none")]);
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("koen", Fit::Good));
    let f = o.findings_in(Part::Partner).find(|f| f.id == "koen_dq_none").expect("the all-clear is stated");
    assert!(f.citations.contains(&"ch3-7".to_string()));
}
