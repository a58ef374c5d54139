//! The public worked examples of PRODUCT.md ("Outcomes the product must get right"),
//! each in the profile it comes from. A product that gets one of these wrong is wrong.
//! The answer sets are the cases of tests/fixtures/cases.json (shared with the end-to-end
//! tests and the benchmark; tests/cases.rs checks every case's expected ids); this file
//! adds what each example is about: the passage quoted, the findings, why 後援 is out.

#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::engine::{Fit, Outcome};
use kyodo_check::model::Part;

/// Plays the case of tests/fixtures/cases.json with this id.
fn played(id: &str) -> Outcome {
    case(id).play()
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
    let o = played("yoshikawa_marathon_runner");
    assert_eq!(o.verdict.id, "participation");
    let quoted = quotes_cited("yoshikawa", &o.verdict.citations);
    assert!(quoted.contains("ランナーとして参加"), "the runner example is cited: {quoted}");
    assert!(o.forms.is_empty(), "no form is ranked for participation");
}

#[test]
fn yoshikawa_marathon_organising_staff_is_collaboration() {
    let o = played("yoshikawa_marathon_organising_staff");
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("jikko_iinkai", Fit::Good));
}

#[test]
fn yoshikawa_marathon_unsure_then_staff_is_collaboration_too() {
    // わからない leads to a simpler question, not a dead end.
    let o = played("yoshikawa_marathon_unsure_then_staff");
    assert_eq!(o.verdict.id, "kyodo");
}

// ---- 吉川市: the four worked examples of 類型 + 形態 ----

#[test]
fn yoshikawa_npo_forum_is_type_a_with_kyosai() {
    let o = played("yoshikawa_npo_forum");
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("kyosai", Fit::Good));
    assert_eq!(o.start_type.as_ref().map(|s| s.id.as_str()), Some("a"));
    let quoted = quotes_cited("yoshikawa", &o.start_type.as_ref().unwrap().citations);
    assert!(quoted.contains("NPOフォーラム"), "the worked example is cited");
}

#[test]
fn yoshikawa_road_foster_is_type_b_with_adopt() {
    let o = played("yoshikawa_road_foster");
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("adopt", Fit::Good));
    assert_eq!(o.start_type.as_ref().map(|s| s.id.as_str()), Some("b"));
}

#[test]
fn yoshikawa_general_plan_council_is_type_c_with_planning_participation() {
    let o = played("yoshikawa_general_plan_council");
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("kikaku_sankaku", Fit::Good));
    assert_eq!(o.start_type.as_ref().map(|s| s.id.as_str()), Some("c"));
    assert_eq!(o.band.as_ref().map(|b| b.id.as_str()), Some("gyosei_shudo"));
}

#[test]
fn yoshikawa_science_class_by_a_group_is_type_d_with_koen() {
    let o = played("yoshikawa_science_class");
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("koen", Fit::Good));
    assert_eq!(o.start_type.as_ref().map(|s| s.id.as_str()), Some("d"));
    assert_eq!(o.band.as_ref().map(|b| b.id.as_str()), Some("shimin_shudo"));
}

// ---- 室蘭市: where each form sits on the 自助・共助・公助 spectrum ----

fn muroran_band(id: &str) -> (String, String) {
    let o = played(id);
    assert_eq!(o.verdict.id, "kyodo");
    let b = o.band.expect("a band");
    assert!(b.citations.iter().any(|c| c.starts_with("ch1-2-2")), "the band cites 第1章2(2): {:?}", b.citations);
    (o.forms[0].id.clone(), b.id)
}

#[test]
fn muroran_subsidy_is_citizen_led() {
    let (form, band) = muroran_band("muroran_subsidy");
    assert_eq!((form.as_str(), band.as_str()), ("hojo", "shimin_shudo"));
}

#[test]
fn muroran_koen_is_citizen_led() {
    let (form, band) = muroran_band("muroran_koen");
    assert_eq!((form.as_str(), band.as_str()), ("koen", "shimin_shudo"));
}

#[test]
fn muroran_kyosai_is_in_the_middle() {
    let (form, band) = muroran_band("muroran_kyosai");
    assert_eq!((form.as_str(), band.as_str()), ("kyosai", "kyoryoku_renkei"));
}

#[test]
fn muroran_kyotei_is_in_the_middle() {
    let (form, band) = muroran_band("muroran_kyotei");
    assert_eq!((form.as_str(), band.as_str()), ("jigyo_kyoryoku_kyotei", "kyoryoku_renkei"));
}

#[test]
fn muroran_itaku_is_city_led() {
    let (form, band) = muroran_band("muroran_itaku");
    assert_eq!((form.as_str(), band.as_str()), ("itaku", "gyosei_shudo"));
}

#[test]
fn muroran_planning_participation_is_city_led() {
    let (form, band) = muroran_band("muroran_planning_participation");
    assert_eq!((form.as_str(), band.as_str()), ("kikaku_sankaku", "gyosei_shudo"));
}

#[test]
fn muroran_own_activity_and_request_sit_at_the_ends() {
    let own = played("muroran_own_activity");
    assert_eq!(own.band.map(|b| b.index), Some(0));
    let req = played("muroran_request");
    assert_eq!(req.band.map(|b| b.index), Some(4));
}

// ---- 苫小牧市: what rules 後援 out (第3章(7)) ----

/// How the engine rules 後援 out (src/engine.rs): when the disqualifier ends the flow
/// before the form questions, no form is ranked at all (the verdict is not 協働, so
/// nothing is offered, 後援 included), the finding on whether it is 協働 says why, citing
/// 第3章(7), no next step suggests 後援, and no 後援 finding (`koen_dq_*`) is shown, since
/// the person never said they seek 後援; when the flow goes on to the forms, every form of
/// the profile is ranked and 後援 is among them, `Unsuitable`, with the reason citing
/// 第3章(7), and ranked after every form that is not ruled out.
enum KoenOut {
    NoFormRanked,
    Unsuitable,
}

fn assert_koen_ruled_out(o: &Outcome, finding: &str, how: KoenOut) {
    let f = o.findings.iter().find(|f| f.id == finding).unwrap_or_else(|| panic!("finding {finding} missing: {:?}", o.findings));
    assert!(f.citations.contains(&"ch3-7".to_string()), "{finding} cites 第3章(7): {:?}", f.citations);
    match how {
        KoenOut::NoFormRanked => {
            assert_eq!(f.part, Part::Kyodo, "{finding}: said on whether it is 協働");
            assert!(!["kyodo", "kyodo_check"].contains(&o.verdict.id.as_str()), "{finding}: not 協働 ({})", o.verdict.id);
            assert!(o.forms.is_empty(), "{finding}: no form is offered, 後援 included: {:?}", o.forms.iter().map(|f| (&f.id, f.fit)).collect::<Vec<_>>());
            assert!(!o.findings.iter().any(|f| f.id.starts_with("koen_dq_")), "{finding}: no 後援 finding for someone who did not ask for 後援");
            let c = content();
            for n in &o.verdict.next {
                let key = format!("next.{n}");
                let text = c.text("ja", &key);
                assert!(!text.contains("後援"), "{finding}: next step {n} suggests 後援: {text}");
            }
        }
        KoenOut::Unsuitable => {
            let at = o.forms.iter().position(|f| f.id == "koen").unwrap_or_else(|| panic!("{finding}: 後援 is ranked (as unsuitable): {:?}", o.forms));
            let koen = &o.forms[at];
            assert_eq!(koen.fit, Fit::Unsuitable, "後援 must be ruled out by {finding}");
            assert!(koen.reasons.iter().any(|r| r.citations.contains(&"ch3-7".to_string())), "the reason cites 第3章(7): {:?}", koen.reasons);
            assert!(o.forms[..at].iter().all(|f| f.fit != Fit::Unsuitable), "後援 comes after every form still possible");
            assert!(o.forms[at..].iter().all(|f| f.fit == Fit::Unsuitable), "nothing possible is ranked below 後援");
        }
    }
}

#[test]
fn tomakomai_koen_for_profit_is_ruled_out() {
    let o = played("tomakomai_koen_for_profit");
    assert_eq!(o.verdict.id, "excluded");
    assert_koen_ruled_out(&o, "purpose_profit", KoenOut::NoFormRanked);
}

#[test]
fn tomakomai_koen_for_specific_people_only_is_ruled_out() {
    let o = played("tomakomai_koen_for_members_only");
    assert_eq!(o.verdict.id, "members_only");
    assert_koen_ruled_out(&o, "open_members", KoenOut::NoFormRanked);
}

#[test]
fn tomakomai_koen_without_safety_measures_is_ruled_out() {
    let o = played("tomakomai_koen_without_safety_measures");
    assert_koen_ruled_out(&o, "koen_dq_safety", KoenOut::Unsuitable);
    assert_ne!(o.forms[0].id, "koen");
}

#[test]
fn tomakomai_koen_with_religious_or_political_colour_is_ruled_out() {
    let o = played("tomakomai_koen_religious_political");
    assert_eq!(o.verdict.id, "excluded");
    assert_koen_ruled_out(&o, "purpose_religious_political", KoenOut::NoFormRanked);
    assert!(o.verdict.citations.contains(&"ch6-q8".to_string()), "the exclusion cites 第6章 Q8");
}

#[test]
fn tomakomai_koen_against_public_order_is_ruled_out() {
    let o = played("tomakomai_koen_against_public_order");
    assert_eq!(o.verdict.id, "excluded");
    assert_koen_ruled_out(&o, "risk_public_order", KoenOut::NoFormRanked);
}

#[test]
fn tomakomai_koen_at_risk_of_breaking_the_law_is_ruled_out() {
    let o = played("tomakomai_koen_breaking_the_law");
    assert_eq!(o.verdict.id, "excluded");
    assert_koen_ruled_out(&o, "risk_illegal", KoenOut::NoFormRanked);
}

#[test]
fn tomakomai_koen_at_risk_of_public_criticism_is_ruled_out() {
    let o = played("tomakomai_koen_public_criticism");
    assert_koen_ruled_out(&o, "koen_dq_criticism", KoenOut::Unsuitable);
}

#[test]
fn tomakomai_koen_fits_when_nothing_rules_it_out() {
    let o = played("tomakomai_koen_fits");
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(top_form(&o), ("koen", Fit::Good));
    let f = o.findings_in(Part::Partner).find(|f| f.id == "koen_dq_none").expect("the all-clear is stated");
    assert!(f.citations.contains(&"ch3-7".to_string()));
}
