//! Engine properties: determinism, skipped branches never count, invalid answers are
//! asked again, and no answer set whatsoever makes it panic.

#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::engine::{Answers, Engine, FormResult};
use kyodo_check::validate::all_answers;
use proptest::prelude::*;

#[test]
fn first_question_is_asked_on_an_empty_answer_set() {
    let c = content();
    for p in &c.profiles {
        let w = Engine::new(&c, p).walk(&Answers::new());
        assert_eq!(w.next.as_deref(), Some("role"));
        assert!(w.path.is_empty());
    }
}

#[test]
fn answers_of_skipped_branches_never_influence_the_result() {
    let c = content();
    let plain = play(&c, "tomakomai", &[("role", "individual"), ("idea", "join")]);
    let noisy = play(&c, "tomakomai", &[("role", "individual"), ("idea", "join"), ("purpose", "profit"), ("risks", "illegal"), ("support", "name"), ("who_does", "city")]);
    assert_eq!(plain, noisy);
}

#[test]
fn changing_an_early_answer_reopens_the_flow_and_drops_the_old_branch() {
    let c = content();
    let p = c.profile("yoshikawa").unwrap();
    let e = Engine::new(&c, p);
    let mut a = answers(&[("role", "individual"), ("idea", "join")]);
    assert!(e.walk(&a).is_complete());
    a.insert("idea".into(), vec!["together".into()]);
    assert_eq!(e.walk(&a).next.as_deref(), Some("partner"));
    a.insert("idea".into(), vec!["unsure".into()]);
    assert_eq!(e.walk(&a).next.as_deref(), Some("who_does"));
}

#[test]
fn invalid_answers_count_as_unanswered() {
    let c = content();
    let p = c.profile("general").unwrap();
    let e = Engine::new(&c, p);
    for bad in [vec![], vec!["nope".to_string()], vec!["individual".to_string(), "npo".to_string()]] {
        let mut a = Answers::new();
        a.insert("role".into(), bad.clone());
        assert_eq!(e.walk(&a).next.as_deref(), Some("role"), "{bad:?}");
        assert!(e.evaluate(&a).is_none());
    }
    // "none of these" cannot be combined with a risk.
    let a = answers(&[("role", "npo"), ("idea", "together"), ("partner", "city"), ("purpose", "public"), ("open_to", "anyone"), ("synergy", "yes"), ("risks", "none+safety")]);
    assert_eq!(e.walk(&a).next.as_deref(), Some("risks"));
}

#[test]
fn the_start_type_question_is_asked_only_where_the_profile_has_start_types() {
    let c = content();
    for p in &c.profiles {
        let stats = kyodo_check::validate::walk_all(&c, p, |_, _| {}).unwrap();
        assert_eq!(stats.questions_reached.contains("start"), p.has_flag("start_types"), "{}", p.id);
    }
}

#[test]
fn citizen_to_citizen_depends_on_the_city() {
    let c = content();
    let base = [("role", "npo"), ("idea", "together"), ("partner", "others")];
    // 吉川市 limits 協働 to citizen–city: the flow ends there as the group's own activity.
    let o = play(&c, "yoshikawa", &base);
    assert_eq!(o.verdict.id, "own");
    assert!(o.findings.iter().any(|f| f.id == "scope_limited"));
    // 立川市 counts NPO–NPO collaboration and has a 1/2 subsidy for joint projects.
    let e = Engine::new(&c, c.profile("tachikawa").unwrap());
    assert_eq!(e.walk(&answers(&base)).next.as_deref(), Some("purpose"));
}

#[test]
fn evaluation_is_deterministic() {
    let c = content();
    let a = [("role", "npo"), ("idea", "together"), ("partner", "city"), ("purpose", "public"), ("open_to", "anyone"), ("synergy", "yes"), ("risks", "none"), ("subject", "event"), ("lead", "co_host"), ("support", "money+goods"), ("duration", "once"), ("capacity", "established"), ("why_partner", "strengths"), ("repeat_partner", "first"), ("readiness", "plan")];
    assert_eq!(play(&c, "tomakomai", &a), play(&c, "tomakomai", &a));
}

/// Random answer sets: real question ids and junk, real options and junk, any count.
fn arb_answers() -> impl Strategy<Value = (usize, Answers)> {
    let c = content();
    let qids: Vec<String> = c.questions.iter().map(|q| q.id.clone()).chain(["verdict".into(), "".into(), "x".into()]).collect();
    let opts: Vec<String> = c.questions.iter().flat_map(|q| q.options.iter().map(|o| o.id.clone())).chain(["".into(), "？".into()]).collect();
    let nprof = c.profiles.len();
    (
        0..nprof,
        proptest::collection::btree_map(
            proptest::sample::select(qids),
            proptest::collection::vec(proptest::sample::select(opts), 0..4),
            0..20,
        ),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000), ..ProptestConfig::default() })]

    #[test]
    fn the_engine_never_panics_and_only_path_answers_count((pi, answers) in arb_answers()) {
        let c = content();
        let p = &c.profiles[pi];
        let e = Engine::new(&c, p);
        let walk = e.walk(&answers);
        let outcome = e.evaluate(&answers);
        prop_assert_eq!(walk.is_complete(), outcome.is_some());
        let on_path = e.path_answers(&answers);
        prop_assert_eq!(e.evaluate(&on_path), outcome);
        for q in &walk.path {
            prop_assert!(answers.contains_key(q));
        }
    }

    #[test]
    fn every_valid_random_walk_completes_with_an_outcome(pi in 0usize..6, picks in proptest::collection::vec(any::<prop::sample::Index>(), 20)) {
        let c = content();
        let p = &c.profiles[pi % c.profiles.len()];
        let e = Engine::new(&c, p);
        let mut a = Answers::new();
        for pick in &picks {
            let Some(next) = e.walk(&a).next else { break };
            let q = c.question(&next).unwrap();
            let choices = all_answers(q);
            a.insert(next, pick.get(&choices).clone());
        }
        prop_assert!(e.walk(&a).is_complete(), "20 answers always finish the flow");
        let o = e.evaluate(&a).unwrap();
        prop_assert!(!o.verdict.citations.is_empty());
        // Ranked best fit first, the higher score first within a fit, else in the profile's order.
        let order = |id: &str| p.forms.iter().position(|f| f.id == id);
        for w in o.forms.windows(2) {
            let key = |f: &FormResult| (f.fit, std::cmp::Reverse(f.score), order(&f.id));
            prop_assert!(key(&w[0]) < key(&w[1]), "{:?} before {:?}", (&w[0].id, w[0].fit, w[0].score), (&w[1].id, w[1].fit, w[1].score));
        }
    }
}

#[test]
fn progress_counts_the_questions_of_this_flow_and_follows_a_shortening_branch() {
    let c = content();
    let p = c.profile("tomakomai").unwrap();
    let e = kyodo_check::engine::Engine::new(&c, p);
    let first = &e.walk(&answers(&[])).next.unwrap();
    let (pos, total) = e.progress(&answers(&[]), first);
    assert_eq!(pos, 1);
    assert!(total >= 10, "a full flow asks many questions: {total}");
    // Joining as a participant ends the flow at the second question: the count says so.
    let (pos, total2) = e.progress(&answers(&[("role", "individual"), ("idea", "join")]), "idea");
    assert_eq!((pos, total2), (2, 2));
    // Every question on a complete path has a position within the total.
    let full = answers(&[("role", "npo"), ("idea", "together")]);
    let walk = e.walk(&full);
    let next = walk.next.unwrap();
    let (pos, total3) = e.progress(&full, &next);
    assert_eq!(pos, 3);
    assert!(total3 >= pos && total3 <= total, "{pos} of {total3} (at most {total})");
}

// ---- issue #18: right answers for every case the guidelines describe ----

use kyodo_check::engine::{Fit, Outcome};
use kyodo_check::model::Part;

/// The complete 協働 answers most cases start from (a public project with the city).
fn kyodo_with(extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut a: std::collections::BTreeMap<String, String> = [
        ("role", "npo"), ("idea", "together"), ("partner", "city"), ("purpose", "public"), ("open_to", "anyone"),
        ("synergy", "yes"), ("risks", "none"), ("subject", "event"), ("lead", "co_host"), ("support", "none"),
        ("duration", "ongoing"), ("start", "a"), ("capacity", "established"), ("why_partner", "strengths"),
        ("repeat_partner", "first"), ("readiness", "purpose+plan+cost+period+responsibility"),
    ]
    .iter()
    .map(|(q, o)| (q.to_string(), o.to_string()))
    .collect();
    for (q, o) in extra {
        a.insert(q.to_string(), o.to_string());
    }
    a.into_iter().collect()
}

/// Plays answers in a profile, dropping those the path does not ask.
fn outcome(profile: &str, pairs: &[(String, String)]) -> Outcome {
    let c = content();
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(q, o)| (q.as_str(), o.as_str())).collect();
    let e = Engine::new(c, c.profile(profile).unwrap());
    let on_path = e.path_answers(&answers(&refs));
    let pairs: Vec<(String, String)> = on_path.iter().map(|(q, o)| (q.clone(), o.join("+"))).collect();
    let refs: Vec<(&str, &str)> = pairs.iter().map(|(q, o)| (q.as_str(), o.as_str())).collect();
    play(c, profile, &refs)
}

fn has(o: &Outcome, finding: &str) -> bool {
    o.findings.iter().any(|f| f.id == finding)
}

fn next_text(o: &Outcome) -> Vec<String> {
    o.verdict.next.iter().map(|n| content().text("ja", &format!("next.{n}")).to_string()).collect()
}

/// B1: fellowship, members only and one's own activity each have next steps of their
/// own, and none of them suggests 後援 or 補助 where the reason for the verdict rules it out.
#[test]
fn fellowship_members_only_and_own_activity_have_next_steps_of_their_own() {
    let fellowship = play(content(), "tomakomai", &[("role", "npo"), ("idea", "together"), ("partner", "city"), ("purpose", "fellowship")]);
    let members = play(content(), "tomakomai", &[("role", "npo"), ("idea", "together"), ("partner", "city"), ("purpose", "public"), ("open_to", "members")]);
    let own = play(content(), "tomakomai", &[("role", "neighbourhood"), ("idea", "own")]);
    assert_eq!((fellowship.verdict.id.as_str(), members.verdict.id.as_str(), own.verdict.id.as_str()), ("fellowship", "members_only", "own"));
    assert_ne!(fellowship.verdict.next, members.verdict.next);
    assert_ne!(members.verdict.next, own.verdict.next);
    for o in [&fellowship, &members] {
        for t in next_text(o) {
            assert!(!t.contains("後援") && !t.contains("補助"), "{}: a next step suggests a form the verdict rules out: {t}", o.verdict.id);
        }
        assert_eq!(o.band.as_ref().map(|b| b.id.as_str()), Some("shimin_kojin"));
    }
    // One's own activity may still ask for support, where the city has 後援 …
    assert!(own.verdict.next.contains(&"own_support".to_string()));
    // … and without naming 後援 where it has none (立川市).
    let own_t = play(content(), "tachikawa", &[("role", "neighbourhood"), ("idea", "own")]);
    assert!(next_text(&own_t).iter().all(|t| !t.contains("後援")), "{:?}", own_t.verdict.next);
}

/// B2: a project for a group of people open to everyone in it (苫小牧市 第6章 Q8, 第5章 (14))
/// is not a club for its own members.
#[test]
fn a_project_for_a_target_group_is_not_members_only() {
    let c = content();
    let q = c.question("open_to").unwrap();
    assert!(q.option("target_group").is_some() && q.option("members").is_some());
    let o = outcome("tomakomai", &kyodo_with(&[("open_to", "target_group"), ("duration", "ongoing")]));
    assert_eq!(o.verdict.id, "kyodo");
    assert_eq!(o.forms[0].id, "kyosai");
    let f = o.findings.iter().find(|f| f.id == "open_target_group").expect("the target group is said to be open");
    assert!(f.citations.contains(&"ch6-q8-fields".to_string()) && f.citations.contains(&"ch5-14".to_string()), "{:?}", f.citations);
    assert!(!o.findings.iter().any(|f| f.id == "open_members"));
}

/// B3: the 後援 findings only for someone who seeks 後援, in a city that has it; the
/// all-clear not for 委託 or 指定管理.
#[test]
fn koen_findings_only_for_someone_who_seeks_koen_where_the_city_has_it() {
    let o = outcome("tomakomai", &kyodo_with(&[]));
    assert!(!o.findings.iter().any(|f| f.id.starts_with("koen_")), "no 後援 line without asking for 後援: {:?}", o.findings);
    let o = outcome("tomakomai", &kyodo_with(&[("lead", "we_host"), ("support", "name"), ("koen_policy", "yes")]));
    assert!(has(&o, "koen_dq_none") && has(&o, "koen_policy_yes"));
    for (profile, extra) in [("tomakomai", vec![("lead", "city_work"), ("support", "name"), ("koen_policy", "yes")]), ("yoshikawa", vec![("subject", "facility"), ("lead", "city_work"), ("support", "name"), ("koen_policy", "yes")])] {
        let o = outcome(profile, &kyodo_with(&extra));
        assert!(!has(&o, "koen_dq_none"), "{profile}: the all-clear is not for 委託 or 指定管理");
    }
    // 立川市 has no 後援: nothing is asked or said about its criteria, only that it has none.
    let c = content();
    let t = c.profile("tachikawa").unwrap();
    let a = kyodo_with(&[("lead", "we_host"), ("support", "name"), ("koen_policy", "yes")]);
    let refs: Vec<(&str, &str)> = a.iter().map(|(q, o)| (q.as_str(), o.as_str())).collect();
    assert!(!Engine::new(c, t).walk(&answers(&refs)).path.contains(&"koen_policy".to_string()), "立川市 is not asked the 後援 question");
    let o = outcome("tachikawa", &a);
    assert!(!o.findings.iter().any(|f| f.id.starts_with("koen_dq") || f.id.starts_with("koen_policy")), "{:?}", o.findings);
    assert!(has(&o, "koen_not_offered"));
}

/// B5: every answer to the form questions, in every profile: a 協働 verdict comes with a
/// form that fits, or says plainly that none does (and what to clarify); the verdict and
/// the forms never disagree.
#[test]
fn the_verdict_and_the_forms_never_disagree_for_any_answer_to_the_form_questions() {
    let c = content();
    let q = |id: &str| all_answers(c.question(id).unwrap());
    let mut checked = 0;
    for p in &c.profiles {
        let e = Engine::new(c, p);
        for subject in q("subject") {
            for lead in q("lead") {
                for support in q("support") {
                    for duration in q("duration") {
                        for policy in [vec!["yes".to_string()], vec!["unsure".to_string()]] {
                            for partner in ["city", "others"] {
                                let mut a = answers(&[("role", "npo"), ("idea", "together"), ("partner", partner), ("purpose", "public"), ("open_to", "anyone"), ("synergy", "yes"), ("risks", "none"), ("start", "b"), ("capacity", "established"), ("why_partner", "strengths"), ("repeat_partner", "first"), ("readiness", "plan")]);
                                a.insert("subject".into(), subject.clone());
                                a.insert("lead".into(), lead.clone());
                                a.insert("support".into(), support.clone());
                                a.insert("duration".into(), duration.clone());
                                a.insert("koen_policy".into(), policy.clone());
                                let Some(o) = e.evaluate(&a) else { continue };
                                checked += 1;
                                let fits = o.forms.first().is_some_and(|f| matches!(f.fit, Fit::Good | Fit::Possible));
                                let ctx = format!("{}: {subject:?} {lead:?} {support:?} {duration:?} {partner} → {} {:?}", p.id, o.verdict.id, o.forms.first().map(|f| (&f.id, f.fit)));
                                match o.verdict.id.as_str() {
                                    "kyodo" => assert!(fits, "a 協働 verdict without a form that fits: {ctx}"),
                                    "kyodo_check" => {
                                        assert!(!o.forms.is_empty(), "{ctx}");
                                        if !fits {
                                            assert!(has(&o, "no_form_fits"), "no form fits and the result does not say so: {ctx}");
                                            assert!(o.verdict.next.contains(&"discuss_form".to_string()), "{ctx}");
                                        }
                                    }
                                    _ => assert!(o.forms.is_empty(), "forms ranked for a verdict that is not 協働: {ctx}"),
                                }
                                assert_eq!(has(&o, "no_form_fits"), !fits && !o.forms.is_empty(), "{ctx}");
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 10_000, "{checked} answer sets");
}

/// B6: "no, it would come out the same without the other side" is an honest answer; it
/// gives a doubtful verdict that suggests doing it alone or rethinking what each brings.
#[test]
fn no_synergy_gives_a_doubtful_verdict_citing_the_guideline() {
    for (profile, section) in [("tachikawa", "ch1-4"), ("tomakomai", "ch6-q4")] {
        let o = play(content(), profile, &[("role", "npo"), ("idea", "together"), ("partner", "city"), ("purpose", "public"), ("open_to", "anyone"), ("synergy", "no")]);
        assert_eq!(o.verdict.id, "no_synergy", "{profile}");
        assert!(o.verdict.citations.contains(&section.to_string()), "{profile}: {:?}", o.verdict.citations);
        assert_eq!(&o.verdict.next[..2], ["do_alone", "rethink_strengths"]);
        assert!(has(&o, "synergy_no"));
    }
}

/// B7: a request is routed to the section in charge and the city's channel for proposals.
#[test]
fn a_request_is_routed_to_the_section_in_charge_and_the_proposal_channel() {
    let o = play(content(), "tomakomai", &[("role", "individual"), ("idea", "request")]);
    assert_eq!(o.verdict.next.first().map(String::as_str), Some("route_request"));
    let t = content().text("ja", "next.route_request");
    assert!(t.contains("担当課") && t.contains("広聴"), "{t}");
    // 苫小牧市 第2章 3 says proposals come to the section directly or through 広聴事業.
    let s = content().profile("tomakomai").unwrap().section("ch2-3").unwrap();
    assert!(s.quotes.iter().any(|q| q.contains("広聴事業")), "the request's citation says so");
    assert!(o.verdict.citations.contains(&"ch2-3".to_string()));
}

/// B10: a reason is backed by the passage it cites; where the city is silent, a
/// cross-city fact that says it, labelled as such.
#[test]
fn shared_reasons_cite_passages_that_say_them() {
    let c = content();
    let fact_says = |p: &str, concept: &str, fact: &str| {
        let pr = c.profile(p).unwrap();
        pr.concepts[concept].iter().filter_map(|s| pr.section(s)).any(|s| s.facts.iter().any(|f| f == fact))
    };
    // 室蘭市 and 吉川市 say nothing of a fixed partner: not 評価の原則, not Q4.
    for p in ["muroran", "yoshikawa"] {
        let cites = &c.profile(p).unwrap().concepts["fixed_partner"];
        assert!(!cites.iter().any(|s| s == "ch1-4-1-hyoka" || s.starts_with("q4")), "{p}: {cites:?}");
        assert!(fact_says(p, "fixed_partner", "fixed_partner"), "{p}: the cross-city fact on a fixed partner is cited");
    }
    // That cost cutting is not the aim is 苫小牧市's (Q4); elsewhere the cross-city fact says it.
    for p in ["muroran", "yoshikawa", "minami_alps", "tachikawa"] {
        assert!(fact_says(p, "not_cost_cutting", "cost_not_goal"), "{p}: synergy_cost cites a passage saying so");
    }
    // 南アルプス市 1 (2) lists taking part in the city's projects as 協働のまちづくり: it cannot
    // back "taking part is not yet 協働".
    assert!(!c.profile("minami_alps").unwrap().concepts["participation"].contains(&"sec1-2".to_string()));
    // The findings no longer quote 苫小牧市's own sentences as if every city said them.
    for k in ["finding.why_habit", "finding.why_unsure", "finding.repeat_same"] {
        assert!(!c.text("ja", k).contains('「'), "{k}: {}", c.text("ja", k));
    }
}

/// B12: 立川市's 1/2 subsidy is for several groups together, publicly screened; town
/// meetings and public comment are 参加; 立川市 has no 後援.
#[test]
fn tachikawa_subsidy_participation_and_no_koen() {
    let c = content();
    let t = c.profile("tachikawa").unwrap();
    assert!(!t.forms.iter().any(|f| f.covers.iter().any(|x| x == "koen" || x == "kikaku_sankaku")), "no 後援, and 参加 is not a form");
    let joint = outcome("tachikawa", &kyodo_with(&[("partner", "others"), ("support", "money"), ("duration", "once")]));
    assert!(has(&joint, "joint_subsidy"));
    assert_eq!((joint.forms[0].id.as_str(), joint.forms[0].fit), ("hojo", Fit::Good));
    for extra in [vec![("support", "money")], vec![("role", "individual"), ("partner", "others"), ("support", "money")]] {
        let single = outcome("tachikawa", &kyodo_with(&extra));
        assert!(!has(&single, "joint_subsidy"), "{extra:?}: the subsidy is not offered to one group alone");
        assert!(has(&single, "joint_subsidy_single"), "{extra:?}");
        assert_eq!(single.forms.iter().find(|f| f.id == "hojo").map(|f| f.fit), Some(Fit::Unsuitable), "{extra:?}");
    }
    let town_meeting = play(c, "tachikawa", &[("role", "individual"), ("idea", "opinion")]);
    assert_eq!(town_meeting.verdict.id, "participation");
    assert!(town_meeting.verdict.citations.contains(&"ch4-4-2".to_string()));
    let comment = outcome("tachikawa", &kyodo_with(&[("subject", "planning"), ("lead", "city_hosts")]));
    assert_eq!(comment.verdict.id, "participation");
    // Elsewhere giving views on the city's plans is a form of 協働 (室蘭市, 吉川市).
    let m = outcome("muroran", &kyodo_with(&[("idea", "opinion"), ("subject", "planning"), ("lead", "city_hosts")]));
    assert_eq!((m.verdict.id.as_str(), m.forms[0].id.as_str()), ("kyodo", "kikaku_sankaku"));
}

/// B13: 苫小牧市's positive test for 後援: whether the project helps the city's policies.
#[test]
fn koen_fits_well_only_when_the_project_helps_the_citys_policies() {
    let yes = outcome("tomakomai", &kyodo_with(&[("lead", "we_host"), ("support", "name"), ("koen_policy", "yes"), ("duration", "once")]));
    let unsure = outcome("tomakomai", &kyodo_with(&[("lead", "we_host"), ("support", "name"), ("koen_policy", "unsure"), ("duration", "once")]));
    let fit = |o: &Outcome| o.forms.iter().find(|f| f.id == "koen").map(|f| f.fit);
    assert_eq!((fit(&yes), fit(&unsure)), (Some(Fit::Good), Some(Fit::Possible)));
    let f = unsure.findings.iter().find(|f| f.id == "koen_policy_unsure").expect("the test is said");
    assert_eq!(f.part, Part::Partner);
    let s = content().profile("tomakomai").unwrap().section("ch3-7").unwrap();
    assert!(f.citations.contains(&"ch3-7".to_string()) && s.quotes.iter().any(|q| q.contains("本市の施策の推進に寄与すると認められるかどうか")));
}

/// B14: 吉川市's start type (A–D) informs the ranking, with a reason that says why.
#[test]
fn yoshikawa_start_type_informs_the_form_ranking() {
    let base = [("lead", "we_host"), ("subject", "service"), ("support", "name"), ("koen_policy", "yes"), ("duration", "ongoing")];
    let with = |start: &str| {
        let mut a = base.to_vec();
        a.push(("start", start));
        outcome("yoshikawa", &kyodo_with(&a))
    };
    assert_eq!(with("b").forms[0].id, "jigyo_kyoryoku");
    let d = with("d");
    assert_eq!(d.forms[0].id, "koen", "type D is paired with 後援 in 吉川市's example");
    let r = d.forms[0].reasons.iter().find(|r| r.key == "fit.koen.start_d").expect("the reason says why");
    assert!(r.citations.contains(&"q3-ruikei".to_string()) && r.citations.contains(&"examples".to_string()), "{:?}", r.citations);
    for (start, form) in [("a", "kyosai"), ("b", "adopt"), ("c", "kikaku_sankaku"), ("d", "koen")] {
        let o = with(start);
        let f = o.forms.iter().find(|f| f.id == form).unwrap();
        assert!(f.reasons.iter().any(|r| r.key == format!("fit.{form}.start_{start}")) || f.fit == Fit::Unlikely, "{start}: {form} {:?}", f.reasons);
    }
}

/// B15: the readiness step names only what is missing; when all is settled, it says so.
#[test]
fn the_readiness_step_names_only_what_is_missing() {
    let all = outcome("tomakomai", &kyodo_with(&[]));
    assert!(all.verdict.next.contains(&"ready".to_string()) && !all.verdict.next.contains(&"prepare".to_string()), "{:?}", all.verdict.next);
    assert!(all.readiness_todo().is_empty());
    let some = outcome("tomakomai", &kyodo_with(&[("readiness", "purpose+plan")]));
    assert!(some.verdict.next.contains(&"prepare".to_string()) && !some.verdict.next.contains(&"ready".to_string()));
    assert_eq!(some.readiness_todo(), ["cost", "period", "responsibility"]);
    for lang in ["ja", "ja-easy", "en"] {
        let t = content().text(lang, "next.prepare");
        assert!(t.contains("{items}"), "{lang}: the step names the missing items: {t}");
    }
}

/// B16: the partners the guidelines name beside the six roles.
#[test]
fn the_role_list_names_the_partners_the_guidelines_name() {
    let q = content().question("role").unwrap();
    for o in ["koeki_hojin", "shakyo", "other_org"] {
        assert!(q.option(o).is_some(), "role {o}");
    }
    let o = outcome("muroran", &kyodo_with(&[("role", "shakyo"), ("subject", "service"), ("lead", "city_work")]));
    assert_eq!(o.forms[0].id, "itaku");
}

#[test]
fn a_result_that_is_not_kyodo_does_not_confirm_sharing_roles_with_the_city() {
    // Each of these people said they would work with the city, and none gets 協働.
    for id in ["tomakomai_koen_for_profit", "tachikawa_def_1_common_purpose", "tachikawa_def_4_synergy"] {
        let o = case(id).play();
        assert!(!["kyodo", "kyodo_check", "unclear"].contains(&o.verdict.id.as_str()), "{id}: {}", o.verdict.id);
        assert!(o.findings.iter().all(|f| f.id != "partner_city"), "{id}: 確認できました about sharing roles beside {}", o.verdict.id);
    }
    // Where it is 協働, it is confirmed.
    let o = case("yoshikawa_npo_forum").play();
    assert!(o.findings.iter().any(|f| f.id == "partner_city"));
}

#[test]
fn staff_read_the_questions_about_the_partner_in_their_own_voice() {
    // Issue #18 item 9: the voice follows the role answered before; other roles and
    // questions without a staff wording keep the plain one.
    let c = content();
    let e = kyodo_check::engine::Engine::new(c, c.profile("tomakomai").unwrap());
    let staff = answers(&[("role", "staff"), ("idea", "together")]);
    let npo = answers(&[("role", "npo"), ("idea", "together")]);
    assert_eq!(e.voice("support", &staff), Some("staff"));
    assert_eq!(e.voice("support", &npo), None);
    assert_eq!(e.voice("purpose", &staff), None, "a question with no staff wording");
    assert_eq!(c.question_key("ja", "support", Some("staff"), "title"), "q.support.staff.title");
    assert_eq!(c.question_key("ja", "support", Some("staff"), "o.money"), "q.support.o.money", "an option the voice does not reword");
    assert_ne!(c.text("ja", "q.support.staff.title"), c.text("ja", "q.support.title"));
}

#[test]
fn the_band_follows_who_carries_the_work_and_explains_the_citys_placement() {
    // Issue #18 item 8. Residents who do the cleaning with the city's tools: 市民主導 from
    // the answers, with 吉川市's placement of アダプト (協力・連携) as the second signal.
    let adopt = case("yoshikawa_form_4_adopt").play();
    let b = adopt.band.expect("a band");
    assert_eq!(b.id, "shimin_shudo");
    assert_eq!(b.via_form, None, "decided by the answers");
    let s = b.second.expect("the form's placement differs");
    assert_eq!((s.id.as_str(), s.via_form.as_deref()), ("kyoryoku_renkei", Some("adopt")));
    assert!(!s.citations.is_empty(), "the placement is cited");
    assert!(!s.city_table, "吉川市's guideline places no form on a band: the common ordering does");
    // 室蘭市's own table (4 (2)) decides there; the answers are the second signal.
    let flowers = case("muroran_4_2_kyotei_flower_circle").play().band.expect("a band");
    assert_eq!((flowers.id.as_str(), flowers.via_form.as_deref()), ("kyoryoku_renkei", Some("jigyo_kyoryoku_kyotei")));
    assert!(flowers.city_table, "室蘭市's own table");
    let s = flowers.second.expect("the answers differ");
    assert_eq!((s.id.as_str(), s.via_form.as_deref()), ("shimin_shudo", None));
    // Where both agree, nothing more is said.
    let kyosai = case("muroran_4_2_kyosai_seminar").play().band.expect("a band");
    assert_eq!(kyosai.second, None);
}

#[test]
fn the_main_body_question_fits_the_kind_of_work() {
    // Issue #18 item 4: not asked for planning input or an exchange of information; worded
    // for an organiser only where the work is an event.
    let c = content();
    let e = Engine::new(c, c.profile("yoshikawa").unwrap());
    let upto = |subject: &str| {
        answers(&[("role", "npo"), ("idea", "together"), ("partner", "city"), ("purpose", "public"), ("open_to", "anyone"), ("synergy", "yes"), ("risks", "none"), ("subject", subject)])
    };
    for subject in ["planning", "info"] {
        assert_ne!(e.walk(&upto(subject)).next.as_deref(), Some("lead"), "{subject}");
    }
    for subject in ["event", "service", "cleanup", "facility", "research"] {
        assert_eq!(e.walk(&upto(subject)).next.as_deref(), Some("lead"), "{subject}");
    }
    assert_eq!(e.voice("lead", &upto("event")), Some("event"));
    assert_eq!(e.voice("lead", &upto("service")), None);
}
