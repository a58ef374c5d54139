//! The result: the verdict in soft wording, the reasons with their citations, the
//! ranked forms, the spectrum, the partner findings, the readiness checklist, next
//! steps and the counter's contact; then print, share, save and start again.

use crate::app::components::cite::{sources_by_document, Cites};
use crate::app::components::spectrum::Spectrum;
use crate::app::components::use_step;
use crate::app::{content, storage, Action, Notice, Route, StoreHandle, Tr};
use crate::engine::{Engine, FindingResult, Fit};
use crate::model::{Level, Part, Tone};
use crate::share;
use yew::prelude::*;
use yew_router::prelude::*;

fn level_class(l: Level) -> (&'static str, &'static str) {
    match l {
        Level::Ok => ("kc-finding--ok", "ui.level_ok"),
        Level::Caution => ("kc-finding--caution", "ui.level_caution"),
        Level::Stop => ("kc-finding--stop", "ui.level_stop"),
    }
}

fn findings(tr: &Tr, profile: &str, list: Vec<&FindingResult>) -> Html {
    html! {
        <ul class="kc-findings">
            { for list.into_iter().map(|f| {
                let (class, label) = level_class(f.level);
                html! {
                    <li class={classes!("kc-finding", class)}>
                        <span class="kc-finding__level">{ tr.t(label) }</span>
                        <span class="kc-finding__text">{ tr.t(&format!("finding.{}", f.id)) }</span>
                        <Cites profile={profile.to_string()} sections={f.citations.clone()} />
                    </li>
                }
            }) }
        </ul>
    }
}

/// A form's definition and caution in the city's own words, with its citations.
fn form_details(tr: &Tr, pid: &str, f: &crate::engine::FormResult) -> Html {
    html! {
        <details class="kc-details kc-details--print-open">
            <summary class="kc-details__summary">{ tr.t("ui.form_details") }</summary>
            <div class="kc-details__text">
                <p>{ tr.p(pid, &format!("forms.{}.definition", f.id)) }</p>
                <p class="kc-caution"><strong>{ tr.t("ui.caution_label") }</strong>{ tr.p(pid, &format!("forms.{}.caution", f.id)) }</p>
                <Cites profile={pid.to_string()} sections={f.citations.clone()} />
            </div>
        </details>
    }
}

#[function_component(ResultPage)]
pub fn result_page() -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let nav = use_navigator().expect("router");
    let c = content();
    let profile_id = store.session.profile.clone().unwrap_or_default();
    let outcome = c.profile(&profile_id).and_then(|p| Engine::new(c, p).evaluate(&store.session.answers));
    let title = outcome.as_ref().map(|o| tr.t(&format!("verdict.{}.title", o.verdict.id))).unwrap_or_default();
    use_step(title.clone(), false);
    let Some(o) = outcome else { return html! {} };
    let Some(profile) = c.profile(&profile_id) else { return html! {} };
    let pid = profile.id.clone();

    let tone = match o.verdict.tone {
        Tone::Positive => "kc-panel--positive",
        Tone::Info => "kc-panel--info",
        Tone::Caution => "kc-panel--caution",
    };
    let link = {
        let loc = gloo::utils::window().location();
        let base = loc.href().unwrap_or_default();
        let base = base.split('#').next().unwrap_or_default().to_string();
        format!("{base}#/s/{}", share::encode(c, &pid, &store.session.answers))
    };
    let print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    let copy = {
        let (link, store) = (link.clone(), store.clone());
        Callback::from(move |_| {
            let clip = gloo::utils::window().navigator().clipboard();
            let _ = clip.write_text(&link);
            store.dispatch(Action::Notice(Some(Notice::Copied)));
        })
    };
    let on_save = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            if !on {
                storage::wipe();
            }
            store.dispatch(Action::SetSaving(on));
            store.dispatch(Action::Notice(Some(if on { Notice::Saved } else { Notice::Wiped })));
        })
    };
    let wipe = {
        let store = store.clone();
        Callback::from(move |_| {
            storage::wipe();
            store.dispatch(Action::SetSaving(false));
            store.dispatch(Action::Notice(Some(Notice::Wiped)));
        })
    };
    let start_over = {
        let (store, nav) = (store.clone(), nav.clone());
        Callback::from(move |_| {
            store.dispatch(Action::StartOver);
            nav.push(&Route::Start);
        })
    };

    let kyodo: Vec<_> = o.findings_in(Part::Kyodo).collect();
    let form_findings: Vec<_> = o.findings_in(Part::Form).collect();
    let partner: Vec<_> = o.findings_in(Part::Partner).collect();
    let phone = profile.contact.phone.clone();
    let path = Engine::new(c, profile).walk(&store.session.answers).path;
    let today = {
        let d = js_sys::Date::new_0();
        tr.f("ui.print_date", &[("y", &d.get_full_year().to_string()), ("m", &(d.get_month() + 1).to_string()), ("d", &d.get_date().to_string())])
    };

    html! {
        <main class="kc-main kc-result" id="kc-main">
            <p class="kc-caption">{ tr.t("ui.result_caption") }</p>
            <h1 class="kc-h1" tabindex="-1">{ title }</h1>
            <div class={classes!("kc-panel", tone)}>
                <p>{ tr.t(&format!("verdict.{}.body", o.verdict.id)) }</p>
                <Cites profile={pid.clone()} sections={o.verdict.citations.clone()} />
            </div>

            <details class="kc-details kc-details--print-open kc-answers">
                <summary class="kc-details__summary">{ tr.t("ui.result_answers") }</summary>
                <div class="kc-details__text">
                    <dl class="kc-summary kc-summary--compact">
                        <div class="kc-summary__row">
                            <dt class="kc-summary__key">{ tr.t("ui.check_profile") }</dt>
                            <dd class="kc-summary__value">{ format!("{}「{}」", tr.p(&pid, "name"), tr.p(&pid, "document")) }</dd>
                        </div>
                        { for path.iter().filter_map(|q| store.session.answers.get(q).map(|a| (q, a))).map(|(q, a)| html! {
                            <div class="kc-summary__row">
                                <dt class="kc-summary__key">{ tr.t(&format!("q.{q}.title")) }</dt>
                                <dd class="kc-summary__value">{ super::answer_text(&tr, q, a) }</dd>
                            </div>
                        }) }
                    </dl>
                </div>
            </details>

            <section class="kc-section" aria-labelledby="kc-r1">
                <h2 class="kc-h2" id="kc-r1">{ tr.t("ui.result_q1") }</h2>
                if kyodo.is_empty() { <p>{ tr.t("ui.result_no_findings") }</p> } else { { findings(&tr, &pid, kyodo) } }
            </section>

            <section class="kc-section" aria-labelledby="kc-r2">
                <h2 class="kc-h2" id="kc-r2">{ tr.t("ui.result_q2") }</h2>
                if o.forms.is_empty() {
                    <p>{ tr.t("ui.result_no_forms") }</p>
                } else {
                    <p>{ tr.t("ui.result_forms_intro") }</p>
                    <ol class="kc-forms">
                    { for o.forms.iter().filter(|f| f.fit != Fit::Unlikely).map(|f| {
                        let (class, label) = match f.fit {
                            Fit::Good => ("kc-form--good", "ui.fit_good"),
                            Fit::Possible => ("kc-form--possible", "ui.fit_possible"),
                            _ => ("kc-form--unsuitable", "ui.fit_unsuitable"),
                        };
                        html! {
                            <li class={classes!("kc-form", class)}>
                                <h3 class="kc-h3">
                                    { tr.p(&pid, &format!("forms.{}.name", f.id)) }
                                    <span class="kc-tag">{ tr.t(label) }</span>
                                </h3>
                                <ul class="kc-list kc-list--bullet">
                                    { for f.reasons.iter().map(|r| html! { <li>{ tr.t(&r.key) }</li> }) }
                                </ul>
                                if f.fit == Fit::Unsuitable {
                                    <Cites profile={pid.clone()} sections={f.reasons.iter().flat_map(|r| r.citations.clone()).collect::<Vec<_>>()} />
                                }
                                { form_details(&tr, &pid, f) }
                            </li>
                        }
                    }) }
                    </ol>
                    if o.forms.iter().any(|f| f.fit == Fit::Unlikely) {
                        <h3 class="kc-h3">{ tr.t("ui.forms_unlikely_heading") }</h3>
                        <ul class="kc-forms-unlikely">
                        { for o.forms.iter().filter(|f| f.fit == Fit::Unlikely).map(|f| html! {
                            <li class="kc-forms-unlikely__item">
                                <strong>{ tr.p(&pid, &format!("forms.{}.name", f.id)) }</strong>
                                <span class="kc-vh">{ format!("（{}）", tr.t("ui.fit_unlikely")) }</span>
                                { "：" }{ tr.t(&f.use_when) }
                                { form_details(&tr, &pid, f) }
                            </li>
                        }) }
                        </ul>
                    }
                }
                if !form_findings.is_empty() { { findings(&tr, &pid, form_findings) } }
            </section>

            <section class="kc-section" aria-labelledby="kc-r3">
                <h2 class="kc-h2" id="kc-r3">{ tr.t("ui.result_q3") }</h2>
                if let Some(b) = &o.band {
                    <Spectrum band={b.index} />
                    <p class="kc-spectrum-text">
                        { tr.f("ui.spectrum_position", &[("band", &tr.t(&format!("band.{}.name", b.id)))]) }
                        { tr.t(&format!("band.{}.desc", b.id)) }{ "。" }
                        if let Some(f) = &b.via_form {
                            { tr.f("ui.spectrum_via_form", &[("form", &tr.p(&pid, &format!("forms.{f}.name")))]) }
                        }
                    </p>
                    <Cites profile={pid.clone()} sections={b.citations.clone()} />
                } else {
                    <p>{ tr.t("ui.result_no_band") }</p>
                }
                if let Some(s) = &o.start_type {
                    <h3 class="kc-h3">{ tr.t("ui.start_type_heading") }</h3>
                    <p><strong>{ tr.t(&format!("start.{}.name", s.id)) }</strong>{ "：" }{ tr.t(&format!("start.{}.desc", s.id)) }</p>
                    <Cites profile={pid.clone()} sections={s.citations.clone()} />
                }
            </section>

            <section class="kc-section" aria-labelledby="kc-r4">
                <h2 class="kc-h2" id="kc-r4">{ tr.t("ui.result_q4") }</h2>
                if partner.is_empty() { <p>{ tr.t("ui.result_no_partner") }</p> } else { { findings(&tr, &pid, partner) } }
            </section>

            if !o.readiness.is_empty() {
                <section class="kc-section" aria-labelledby="kc-r5">
                    <h2 class="kc-h2" id="kc-r5">{ tr.t("ui.readiness_heading") }</h2>
                    <ul class="kc-checklist">
                        { for o.readiness.iter().map(|r| html! {
                            <li class={if r.done { "kc-checklist__item kc-checklist__item--done" } else { "kc-checklist__item" }}>
                                <span class="kc-checklist__mark" aria-hidden="true">{ if r.done { "✓" } else { "□" } }</span>
                                { tr.t(&format!("readiness.{}", r.id)) }{ "：" }
                                <strong>{ tr.t(if r.done { "ui.readiness_done" } else { "ui.readiness_todo" }) }</strong>
                            </li>
                        }) }
                    </ul>
                    <Cites profile={pid.clone()} sections={o.readiness_citations.clone()} />
                    <h3 class="kc-h3">{ tr.f("ui.principles_heading", &[("city", &tr.p(&pid, "name"))]) }</h3>
                    <ul class="kc-list kc-list--bullet">
                        { for o.principles.iter().map(|p| html! {
                            <li><strong>{ tr.p(&pid, &format!("principles.{}.name", p.id)) }</strong>{ "：" }{ tr.p(&pid, &format!("principles.{}.text", p.id)) }</li>
                        }) }
                    </ul>
                </section>
            }

            <section class="kc-section" aria-labelledby="kc-r6">
                <h2 class="kc-h2" id="kc-r6">{ tr.t("ui.next_heading") }</h2>
                <ul class="kc-list kc-list--bullet">
                    { for o.verdict.next.iter().map(|n| html! { <li>{ tr.t(&format!("next.{n}")) }</li> }) }
                </ul>
                <div class="kc-contact">
                    <h3 class="kc-h3">{ tr.t("ui.contact_heading") }</h3>
                    <p class="kc-contact__dept">{ tr.p(&pid, "contact.department") }</p>
                    if !phone.is_empty() {
                        <p>{ tr.t("ui.phone_label") }<a href={format!("tel:{}", phone.replace('-', ""))}>{ phone.clone() }</a></p>
                    }
                    <p>{ tr.p(&pid, "contact.how") }</p>
                </div>
            </section>

            <section class="kc-section kc-keep kc-no-print" aria-labelledby="kc-r7">
                <h2 class="kc-h2" id="kc-r7">{ tr.t("ui.keep_heading") }</h2>
                <p><button type="button" class="kc-button" onclick={print}>{ tr.t("ui.print") }</button></p>
                <h3 class="kc-h3">{ tr.t("ui.share_heading") }</h3>
                <p class="kc-hint" id="kc-share-hint">{ tr.t("ui.share_hint") }</p>
                <div class="kc-share">
                    <label class="kc-label" for="kc-share-link">{ tr.t("ui.share_label") }</label>
                    <input class="kc-input" id="kc-share-link" type="text" readonly=true value={link.clone()} aria-describedby="kc-share-hint" />
                    <button type="button" class="kc-button kc-button--secondary" onclick={copy}>{ tr.t("ui.share_copy") }</button>
                </div>
                <h3 class="kc-h3">{ tr.t("ui.save_heading") }</h3>
                <div class="kc-checkbox">
                    <input class="kc-checkbox__input" type="checkbox" id="kc-save" checked={store.saving} onchange={on_save} aria-describedby="kc-save-hint" />
                    <label class="kc-checkbox__label" for="kc-save">{ tr.t("ui.save_label") }</label>
                </div>
                <p class="kc-hint" id="kc-save-hint">{ tr.t("ui.save_hint") }</p>
                <p class="kc-button-group">
                    <button type="button" class="kc-button kc-button--secondary" onclick={wipe}>{ tr.t("ui.wipe_button") }</button>
                    <button type="button" class="kc-button kc-button--secondary" onclick={start_over}>{ tr.t("ui.start_over") }</button>
                </p>
            </section>

            <section class="kc-section kc-sources" aria-labelledby="kc-r8">
                <h2 class="kc-h2" id="kc-r8">{ tr.t("ui.sources_heading") }</h2>
                { for sources_by_document(&tr, &pid, &o.all_citations()).into_iter().map(|(doc, labels)| html! {
                    <>
                        <h3 class="kc-h3 kc-sources__doc">{ doc }</h3>
                        <ul class="kc-list kc-list--bullet">
                            { for labels.into_iter().map(|l| html! { <li><cite>{ l }</cite></li> }) }
                        </ul>
                    </>
                }) }
                <p class="kc-print-only kc-print-date">{ today }</p>
                <p class="kc-print-only">{ tr.t("ui.print_note") }</p>
            </section>
        </main>
    }
}
