//! The details behind the summary, each folded (native details/summary, so keyboards and
//! screen readers open them as they would anywhere) with a one-line gist while closed:
//! the reasons, the forms, cases like yours (`similar.rs`), the spectrum, the partner,
//! readiness, the answers, the sources.
//! A section with nothing to say is left out.

use super::similar::SimilarCases;
use super::{level_class, OutcomeProps};
use crate::app::components::cite::{documents, Cites, Passage};
use crate::app::components::spectrum::Spectrum;
use crate::app::{content, rich, StoreHandle, Tr};
use crate::engine::{Engine, FindingResult, Fit, FormResult};
use crate::model::{Level, Part};
use yew::prelude::*;

/// One folded section: its heading and gist in the summary, the body below.
fn fold(id: &str, heading: Html, gist: String, body: Html) -> Html {
    html! {
        <details class="kc-fold" id={id.to_string()}>
            <summary class="kc-fold__summary">
                <h2 class="kc-h2 kc-fold__title">{ heading }</h2>
                <span class="kc-fold__gist">{ rich(&gist) }</span>
            </summary>
            <div class="kc-fold__body">{ body }</div>
        </details>
    }
}

/// "確認できました 2 ／ 確かめましょう 1": how the findings of a part stand.
fn levels_gist(tr: &Tr, list: &[&FindingResult]) -> String {
    [Level::Stop, Level::Caution, Level::Ok]
        .into_iter()
        .map(|l| (l, list.iter().filter(|f| f.level == l).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(l, n)| tr.raw_with("ui.gist_level", &[("level", &tr.raw(level_class(l).1)), ("n", &n.to_string())]))
        .collect::<Vec<_>>()
        .join(&tr.raw("ui.gist_sep"))
}

fn findings(tr: &Tr, profile: &str, list: &[&FindingResult]) -> Html {
    html! {
        <ul class="kc-findings">
            { for list.iter().map(|f| {
                let (class, label) = level_class(f.level);
                html! {
                    <li class={classes!("kc-finding", class)} data-finding={f.id.clone()}>
                        <span class="kc-finding__level">{ tr.html(label) }</span>
                        <span class="kc-finding__text">{ tr.html(&format!("finding.{}", f.id)) }</span>
                        <Cites profile={profile.to_string()} sections={f.citations.clone()} />
                    </li>
                }
            }) }
        </ul>
    }
}

/// A form's definition and caution in the city's own words, with its citations.
fn form_details(tr: &Tr, pid: &str, f: &FormResult) -> Html {
    html! {
        <details class="kc-details">
            <summary class="kc-details__summary">{ tr.html("ui.form_details") }</summary>
            <div class="kc-details__text">
                <p>{ tr.html_profile(pid, &format!("forms.{}.definition", f.id)) }</p>
                <p class="kc-caution"><strong>{ tr.html("ui.caution_label") }</strong>{ tr.html_profile(pid, &format!("forms.{}.caution", f.id)) }</p>
                <Cites profile={pid.to_string()} sections={f.citations.clone()} />
            </div>
        </details>
    }
}

fn fit_label(fit: Fit) -> (&'static str, &'static str) {
    match fit {
        Fit::Good => ("kc-form--good", "ui.fit_good"),
        Fit::Possible => ("kc-form--possible", "ui.fit_possible"),
        Fit::Unlikely => ("kc-form--unlikely", "ui.fit_unlikely"),
        Fit::Unsuitable => ("kc-form--unsuitable", "ui.fit_unsuitable"),
    }
}

fn forms(tr: &Tr, pid: &str, o: &crate::engine::Outcome, form_findings: &[&FindingResult]) -> Html {
    html! {
        <>
            <p>{ tr.html("ui.result_forms_intro") }</p>
            <ol class="kc-forms">
            { for o.forms.iter().filter(|f| f.fit != Fit::Unlikely).map(|f| {
                let (class, label) = fit_label(f.fit);
                html! {
                    <li class={classes!("kc-form", class)} data-form={f.id.clone()}>
                        <h3 class="kc-h3">
                            { tr.html_profile(pid, &format!("forms.{}.name", f.id)) }
                            <span class="kc-tag">{ tr.html(label) }</span>
                        </h3>
                        <ul class="kc-list kc-list--bullet">
                            { for f.reasons.iter().map(|r| html! { <li>{ tr.html(&r.key) }</li> }) }
                        </ul>
                        if f.fit == Fit::Unsuitable {
                            <Cites profile={pid.to_string()} sections={f.reasons.iter().flat_map(|r| r.citations.clone()).collect::<Vec<_>>()} />
                        }
                        { form_details(tr, pid, f) }
                    </li>
                }
            }) }
            </ol>
            if o.forms.iter().any(|f| f.fit == Fit::Unlikely) {
                <h3 class="kc-h3">{ tr.html("ui.forms_unlikely_heading") }</h3>
                <ul class="kc-forms-unlikely">
                { for o.forms.iter().filter(|f| f.fit == Fit::Unlikely).map(|f| html! {
                    <li class="kc-forms-unlikely__item" data-form={f.id.clone()}>
                        <strong>{ tr.html_profile(pid, &format!("forms.{}.name", f.id)) }</strong>
                        <span class="kc-vh">{ format!(" ({})", tr.plain("ui.fit_unlikely")) }</span>
                        { tr.plain("ui.colon") }{ tr.html(&f.use_when) }
                        { form_details(tr, pid, f) }
                    </li>
                }) }
                </ul>
            }
            if !form_findings.is_empty() { { findings(tr, pid, form_findings) } }
        </>
    }
}

/// The answers on the flow's path, each with the question as asked.
fn answers_list(tr: &Tr, pid: &str, answered: &[(&String, &Vec<String>, Option<&str>)]) -> Html {
    html! {
        <dl class="kc-summary kc-summary--compact">
            <div class="kc-summary__row">
                <dt class="kc-summary__key">{ tr.html("ui.check_profile") }</dt>
                <dd class="kc-summary__value">{ rich(&format!("{}「{}」", tr.raw_profile(pid, "name"), tr.raw_profile(pid, "document"))) }</dd>
            </div>
            { for answered.iter().map(|&(q, a, voice)| html! {
                <div class="kc-summary__row">
                    <dt class="kc-summary__key">{ tr.html(&tr.q(q, voice, "title")) }</dt>
                    <dd class="kc-summary__value">
                        { rich(&crate::app::pages::answer_text(tr, q, voice, a)) }
                        if let Some(ja) = tr.ja() {
                            <span class="kc-print-only kc-print-ja" lang="ja">{ crate::ruby::plain(&crate::app::pages::answer_text(&ja, q, voice, a)) }</span>
                        }
                    </dd>
                </div>
            }) }
        </dl>
    }
}

#[function_component(ResultDetails)]
pub fn result_details(props: &OutcomeProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let c = content();
    let (o, pid) = (&*props.outcome, props.profile.as_str());
    let Some(profile) = c.profile(pid) else { return html! {} };
    let kyodo: Vec<_> = o.findings_in(Part::Kyodo).collect();
    let form_findings: Vec<_> = o.findings_in(Part::Form).collect();
    let partner: Vec<_> = o.findings_in(Part::Partner).collect();
    let path = Engine::new(c, profile).walk(&store.session.answers).path;
    let answered: Vec<_> =
        path.iter().filter_map(|q| store.session.answers.get(q).map(|a| (q, a, store.session.voice(content(), q)))).collect();
    let top = o.forms.first().filter(|f| matches!(f.fit, Fit::Good | Fit::Possible));
    let todo: Vec<String> = o.readiness.iter().filter(|r| !r.done).map(|r| tr.raw(&format!("readiness.{}", r.id))).collect();
    let citations = o.all_citations();

    html! {
        <div class="kc-result-details" id="kc-details">
            <h2 class="kc-h2 kc-details-heading">{ tr.html("ui.details_heading") }</h2>
            if !kyodo.is_empty() {
                { fold("kc-r1", tr.html("ui.result_q1"), levels_gist(&tr, &kyodo), findings(&tr, pid, &kyodo)) }
            }
            if !o.forms.is_empty() {
                { fold("kc-r2", tr.html("ui.result_q2"),
                    match top {
                        Some(f) => tr.raw_with("ui.gist_form", &[("form", &tr.raw_profile(pid, &format!("forms.{}.name", f.id))), ("fit", &tr.raw(fit_label(f.fit).1))]),
                        None => tr.raw("ui.gist_no_form"),
                    },
                    forms(&tr, pid, o, &form_findings)) }
            }
            <SimilarCases profile={pid.to_string()} outcome={props.outcome.clone()} />
            if let Some(b) = &o.band {
                { fold("kc-r3", tr.html("ui.result_q3"), tr.raw(&format!("band.{}.name", b.id)), html! {
                    <>
                        <Spectrum band={b.index} />
                        // One sentence a line: each text is a whole sentence in its own language.
                        <p class="kc-spectrum-text" data-band-second={b.second.as_ref().map(|s| s.id.clone())}>
                            <span class="kc-line">{ tr.html_with("ui.spectrum_position", &[("band", &tr.raw(&format!("band.{}.name", b.id)))]) }</span>
                            <span class="kc-line">{ tr.html(&format!("band.{}.desc", b.id)) }</span>
                            if let Some(f) = &b.via_form {
                                <span class="kc-line">{ tr.html_with(if b.city_table { "ui.spectrum_via_form" } else { "ui.spectrum_via_form_common" }, &[("form", &tr.raw_profile(pid, &format!("forms.{f}.name")))]) }</span>
                            } else if c.band_rules.get(b.rule).is_some_and(|r| r.from_answers) {
                                <span class="kc-line">{ tr.html("ui.spectrum_by_answers") }</span>
                            }
                            // The other signal, where it places the work elsewhere: both are explained.
                            if let Some(s) = &b.second {
                                <span class="kc-line">{ match &s.via_form {
                                    Some(f) => tr.html_with(if s.city_table { "ui.spectrum_second_form" } else { "ui.spectrum_second_form_common" }, &[("form", &tr.raw_profile(pid, &format!("forms.{f}.name"))), ("band", &tr.raw(&format!("band.{}.name", s.id)))]),
                                    None => tr.html_with("ui.spectrum_second_answers", &[("band", &tr.raw(&format!("band.{}.name", s.id)))]),
                                } }</span>
                            }
                        </p>
                        <Cites profile={pid.to_string()} sections={b.all_citations()} />
                        if let Some(s) = &o.start_type {
                            <h3 class="kc-h3">{ tr.html("ui.start_type_heading") }</h3>
                            <p><strong>{ tr.html(&format!("start.{}.name", s.id)) }</strong>{ tr.plain("ui.colon") }{ tr.html(&format!("start.{}.desc", s.id)) }</p>
                            <Cites profile={pid.to_string()} sections={s.citations.clone()} />
                        }
                    </>
                }) }
            }
            if !partner.is_empty() {
                { fold("kc-r4", tr.html("ui.result_q4"), levels_gist(&tr, &partner), findings(&tr, pid, &partner)) }
            }
            if !o.readiness.is_empty() {
                { fold("kc-r5", tr.html("ui.readiness_heading"),
                    if todo.is_empty() { tr.raw("ui.gist_ready") } else { tr.raw_with("ui.gist_todo", &[("items", &todo.join(&tr.raw("ui.list_sep")))]) },
                    html! {
                        <>
                            <ul class="kc-checklist">
                                { for o.readiness.iter().map(|r| html! {
                                    <li class={if r.done { "kc-checklist__item kc-checklist__item--done" } else { "kc-checklist__item" }} data-readiness={r.id.clone()}>
                                        <span class="kc-checklist__mark" aria-hidden="true">{ if r.done { "✓" } else { "□" } }</span>
                                        { tr.html(&format!("readiness.{}", r.id)) }{ tr.plain("ui.colon") }
                                        <strong>{ tr.html(if r.done { "ui.readiness_done" } else { "ui.readiness_todo" }) }</strong>
                                    </li>
                                }) }
                            </ul>
                            <Cites profile={pid.to_string()} sections={o.readiness_citations.clone()} />
                            <h3 class="kc-h3">{ tr.html_with("ui.principles_heading", &[("city", &tr.raw_profile(pid, "name"))]) }</h3>
                            <ul class="kc-list kc-list--bullet">
                                { for o.principles.iter().map(|p| html! {
                                    <li><strong>{ tr.html_profile(pid, &format!("principles.{}.name", p.id)) }</strong>{ tr.plain("ui.colon") }{ tr.html_profile(pid, &format!("principles.{}.text", p.id)) }</li>
                                }) }
                            </ul>
                        </>
                    }) }
            }
            <details class="kc-fold kc-fold--answers kc-no-print" id="kc-answers">
                <summary class="kc-fold__summary">
                    <h2 class="kc-h2 kc-fold__title">{ tr.html("ui.result_answers") }</h2>
                    <span class="kc-fold__gist">{ tr.html_with("ui.gist_answers", &[("n", &answered.len().to_string())]) }</span>
                </summary>
                <div class="kc-fold__body">{ answers_list(&tr, pid, &answered) }</div>
            </details>
            // On paper the answers are a plain section: a closed disclosure does not break across pages.
            <section class="kc-print-only kc-print-answers" aria-hidden="true">
                <h2 class="kc-h2">{ tr.html("ui.result_answers") }</h2>
                { answers_list(&tr, pid, &answered) }
            </section>
            { fold("kc-r8", tr.html("ui.sources_heading"), documents(&tr, pid, &citations).join(&tr.raw("ui.gist_sep")), html! {
                <>
                    <ul class="kc-list kc-list--bullet kc-sources__docs">
                        { for documents(&tr, pid, &citations).into_iter().map(|d| html! { <li>{ rich(&d) }</li> }) }
                    </ul>
                    // Each cited passage once, in the order first cited, with its quoted text.
                    <ol class="kc-sources__list">
                        { for citations.iter().map(|s| html! {
                            <li class="kc-sources__item"><Passage profile={pid.to_string()} section={s.clone()} /></li>
                        }) }
                    </ol>
                </>
            }) }
        </div>
    }
}
