//! Engine properties: determinism, skipped branches never count, invalid answers are
//! asked again, and no answer set whatsoever makes it panic.

#![cfg(not(target_arch = "wasm32"))]
mod common;
use common::*;
use kyodo_check::engine::{Answers, Engine};
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
