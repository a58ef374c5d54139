//! Cases like yours: the real cases the city's own guideline describes that used the form
//! ranked first (the profile's `[[example]]`s, as the engine chose them), folded under the
//! summary beside the forms, each with its citation that opens in place; and the compact
//! line the counter's record (相談記録票) prints.

use super::OutcomeProps;
use crate::app::components::cite::Citation;
use crate::app::{content, rich, Tr};
use crate::engine::{ExampleResult, Outcome};
use yew::prelude::*;

/// The heading names this city's guideline, or, for a profile that quotes several cities'
/// guidelines (no seed of its own), the cities' guidelines.
fn heading_key(profile: &str) -> &'static str {
    match content().profile(profile) {
        Some(p) if p.seed.is_empty() => "ui.similar_heading_common",
        _ => "ui.similar_heading",
    }
}

/// The city a case comes from, where the profile quotes several cities' guidelines: the
/// name of the city profile whose guideline the cited section quotes (its own `seed`).
fn city_of(tr: &Tr, profile: &str, sections: &[String]) -> Option<String> {
    let c = content();
    let p = c.profile(profile)?;
    let seed = sections.iter().find_map(|s| p.section(s)?.seed.as_deref())?;
    let city = c.profiles.iter().find(|x| x.seed == seed && x.base.is_none() && x.id != p.id)?;
    Some(tr.raw_profile(&city.id, "name"))
}

/// A case's title, after its city where the profile quotes several cities.
fn title(tr: &Tr, profile: &str, x: &ExampleResult) -> String {
    let own = tr.raw_profile(profile, &format!("examples.{}", x.id));
    match city_of(tr, profile, &x.citations) {
        Some(city) => format!("{city}{}{own}", tr.raw("ui.colon")),
        None => own,
    }
}

/// The name of the form the examples used (all used the form ranked first).
fn form_name(tr: &Tr, profile: &str, o: &Outcome) -> Option<String> {
    o.examples.first().map(|x| tr.raw_profile(profile, &format!("forms.{}.name", x.form)))
}

/// The folded section; nothing when the guideline describes no case of this form.
#[function_component(SimilarCases)]
pub fn similar_cases(props: &OutcomeProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let (o, pid) = (&*props.outcome, props.profile.as_str());
    let Some(form) = form_name(&tr, pid, o) else { return html! {} };
    let gist = tr.raw_with("ui.gist_similar", &[("form", &form), ("n", &o.examples.len().to_string())]);
    html! {
        <details class="kc-fold kc-similar" id="kc-similar" data-section="similar">
            <summary class="kc-fold__summary">
                <h2 class="kc-h2 kc-fold__title">{ tr.html(heading_key(pid)) }</h2>
                <span class="kc-fold__gist">{ rich(&gist) }</span>
            </summary>
            <div class="kc-fold__body">
                <p>{ tr.html_with("ui.similar_intro", &[("form", &form)]) }</p>
                <ul class="kc-list kc-list--bullet kc-similar__list">
                    { for o.examples.iter().map(|x| html! {
                        <li class="kc-similar__item" data-example={x.id.clone()}>
                            <span class="kc-similar__title">{ rich(&title(&tr, pid, x)) }</span>
                            <div class="kc-cite">
                                <span class="kc-cite__label">{ tr.html("ui.similar_cite") }</span>
                                { for x.citations.iter().map(|s| html! { <Citation profile={pid.to_string()} section={s.clone()} /> }) }
                            </div>
                        </li>
                    }) }
                </ul>
            </div>
        </details>
    }
}

/// One line of the counter's record: each similar case with the section it is cited to,
/// named as the guideline prints it (in Japanese, for the counter, as the record names the
/// verdict). Printed only (on screen the folded section shows them with their passages).
pub fn record_line(tr: &Tr, profile: &str, o: &Outcome) -> Html {
    let Some(form) = form_name(tr, profile, o) else { return html! {} };
    let ja = tr.ja().unwrap_or_else(|| tr.clone());
    let items: Vec<String> = o
        .examples
        .iter()
        .map(|x| {
            let sections: Vec<String> = x.citations.iter().map(|s| ja.raw_profile(profile, &format!("sections.{s}.label"))).collect();
            tr.raw_with("ui.record_similar_item", &[
                ("title", &title(tr, profile, x)),
                ("sections", &sections.join(&tr.raw("ui.list_sep"))),
            ])
        })
        .collect();
    html! {
        // A div: the trace's own paragraphs (its intro) stay off paper.
        <div class="kc-print-only kc-record-similar" data-record="similar">
            <strong>{ tr.html_with("ui.record_similar", &[("form", &form)]) }</strong>{ tr.plain("ui.colon") }
            { rich(&items.join(&tr.raw("ui.list_sep"))) }
        </div>
    }
}
