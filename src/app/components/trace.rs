//! Counter mode's rule trace: for each outcome, the rule that fired, its condition in
//! words (the questions and answers it looks at), and the guideline passages behind it,
//! each a citation that opens in place.

use crate::app::components::cite::Cites;
use crate::app::Tr;
use crate::cond::Cond;
use yew::prelude::*;

/// A condition in words, built from the question titles and option labels on screen.
pub fn cond_text(tr: &Tr, profile: &str, cond: &Cond) -> String {
    let group = |c: &Cond| match c {
        Cond::And(_) | Cond::Or(_) => format!("（{}）", cond_text(tr, profile, c)),
        _ => cond_text(tr, profile, c),
    };
    match cond {
        Cond::Always => tr.plain("ui.trace_always"),
        Cond::Never => String::new(),
        Cond::In(q, opts) if q == "verdict" => {
            let names: Vec<String> = opts.iter().map(|o| tr.plain(&format!("verdict.{o}.title"))).collect();
            tr.plain_with("ui.trace_verdict_is", &[("verdicts", &names.join(&tr.plain("ui.trace_or")))])
        }
        // What the engine decided before the verdict: the city's forms, the best fit and the best form.
        Cond::In(q, opts) if q == "top_fit" => {
            let names: Vec<String> = opts.iter().map(|o| tr.plain(&format!("ui.fit_{o}"))).collect();
            tr.plain_with("ui.trace_top_fit", &[("fits", &names.join(&tr.plain("ui.trace_or")))])
        }
        Cond::In(q, opts) if q == "top_form" || q == "city_forms" => {
            // A canonical form by the name of the city's form that covers it.
            let p = crate::app::content().profile(profile);
            let names: Vec<String> = opts
                .iter()
                .map(|o| match p.and_then(|p| p.forms.iter().find(|f| f.covers.contains(o))) {
                    Some(f) => tr.plain_profile(profile, &format!("forms.{}.name", f.id)),
                    None => o.clone(),
                })
                .collect();
            let key = if q == "top_form" { "ui.trace_top_form" } else { "ui.trace_city_forms" };
            tr.plain_with(key, &[("forms", &names.join(&tr.plain("ui.trace_or")))])
        }
        Cond::In(q, opts) => {
            let names: Vec<String> = opts.iter().map(|o| tr.plain(&format!("q.{q}.o.{o}"))).collect();
            tr.plain_with("ui.trace_answer_is", &[("question", &tr.plain(&format!("q.{q}.title"))), ("options", &names.join(&tr.plain("ui.trace_or")))])
        }
        Cond::Flag(f) => tr.plain_with("ui.trace_flag", &[("flag", f)]),
        Cond::Answered(q) => tr.plain_with("ui.trace_answered", &[("question", &tr.plain(&format!("q.{q}.title")))]),
        Cond::Not(c) => tr.plain_with("ui.trace_not", &[("cond", &group(c))]),
        Cond::And(cs) => cs.iter().map(group).collect::<Vec<_>>().join(&tr.plain("ui.trace_and")),
        Cond::Or(cs) => cs.iter().map(group).collect::<Vec<_>>().join(&tr.plain("ui.trace_or")),
    }
}

#[derive(Properties, PartialEq)]
pub struct TraceRuleProps {
    pub profile: String,
    /// What the rule decided (already in words).
    pub label: Html,
    pub cond: Cond,
    pub sections: Vec<String>,
}

/// One fired rule: what it decided, why, and the passages it rests on, quoted.
#[function_component(TraceRule)]
pub fn trace_rule(props: &TraceRuleProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    html! {
        <li class="kc-trace__rule">
            <p class="kc-trace__label">{ props.label.clone() }</p>
            <p class="kc-trace__cond"><span class="kc-trace__key">{ tr.html("ui.trace_condition") }</span>{ cond_text(&tr, &props.profile, &props.cond) }</p>
            // Compact: the passages are named, and each opens in place (quoted once, in the sources).
            <Cites profile={props.profile.clone()} sections={props.sections.clone()} />
        </li>
    }
}
