//! The result: the verdict in soft wording, the reasons with their citations, the
//! ranked forms, the spectrum, the partner findings, the readiness checklist, next
//! steps and the counter's contact; then print, share, save and start again.

use crate::app::router::use_nav;
use crate::app::components::cite::{documents, Cites, Passage};
use crate::app::components::contact::{common_guideline_note, ContactCard};
use crate::app::components::spectrum::Spectrum;
use crate::app::components::use_step;
use crate::app::components::qr::Qr;
use crate::app::components::trace::TraceRule;
use crate::app::{content, rich, storage, Action, Mode, Notice, Route, StoreHandle, Tr};
use crate::engine::{Engine, FindingResult, Fit};
use crate::model::{Level, Part, Tone};
use crate::share;
use yew::prelude::*;

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
                        <span class="kc-finding__level">{ tr.h(label) }</span>
                        <span class="kc-finding__text">{ tr.h(&format!("finding.{}", f.id)) }</span>
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
            <summary class="kc-details__summary">{ tr.h("ui.form_details") }</summary>
            <div class="kc-details__text">
                <p>{ tr.ph(pid, &format!("forms.{}.definition", f.id)) }</p>
                <p class="kc-caution"><strong>{ tr.h("ui.caution_label") }</strong>{ tr.ph(pid, &format!("forms.{}.caution", f.id)) }</p>
                <Cites profile={pid.to_string()} sections={f.citations.clone()} />
            </div>
        </details>
    }
}

#[function_component(ResultPage)]
pub fn result_page() -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let nav = use_nav();
    let c = content();
    let profile_id = store.session.profile.clone().unwrap_or_default();
    let outcome = c.profile(&profile_id).and_then(|p| Engine::new(c, p).evaluate(&store.session.answers));
    let title = outcome.as_ref().map(|o| tr.raw(&format!("verdict.{}.title", o.verdict.id))).unwrap_or_default();
    use_step(crate::ruby::plain(&title), false);
    let Some(o) = outcome else { return html! {} };
    let Some(profile) = c.profile(&profile_id) else { return html! {} };
    let pid = profile.id.clone();

    let tone = match o.verdict.tone {
        Tone::Positive => "kc-panel--positive",
        Tone::Info => "kc-panel--info",
        Tone::Caution => "kc-panel--caution",
    };
    let link = {
        // The page without its query (embed settings such as mode=counter stay behind);
        // the answers travel only in the fragment, which browsers never send.
        let loc = gloo::utils::window().location();
        let base = format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default());
        let notes = (store.mode == Mode::Counter && store.notes_in_link).then_some(&store.notes);
        format!("{base}#/s/{}", share::encode_with_notes(c, &pid, &store.session.answers, &store.lang, notes))
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
    let counter = store.mode == Mode::Counter;
    let set_note = |field: fn(&mut share::Notes, String)| {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            let mut n = store.notes.clone();
            field(&mut n, e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
            store.dispatch(Action::SetNotes(n));
        })
    };
    let set_note_text = {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            let mut n = store.notes.clone();
            n.text = e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value();
            store.dispatch(Action::SetNotes(n));
        })
    };
    let notes_in_link = {
        let store = store.clone();
        Callback::from(move |e: Event| store.dispatch(Action::NotesInLink(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())))
    };
    let path = Engine::new(c, profile).walk(&store.session.answers).path;
    let today = {
        let d = js_sys::Date::new_0();
        tr.f("ui.print_date", &[("y", &d.get_full_year().to_string()), ("m", &(d.get_month() + 1).to_string()), ("d", &d.get_date().to_string())])
    };

    html! {
        <main class="kc-main kc-result" id="kc-main" tabindex="-1" data-verdict={o.verdict.id.clone()}
            data-band={o.band.as_ref().map(|b| b.id.clone()).unwrap_or_default()}
            data-forms={o.forms.iter().map(|f| format!("{}:{}", f.id, f.fit.name())).collect::<Vec<_>>().join(",")}>
            if counter {
                <div class="kc-print-only kc-sheet-head">
                    <p class="kc-sheet-title">{ tr.h("ui.sheet_title") }</p>
                    <p>{ today.clone() }</p>
                </div>
            }
            <p class="kc-caption">{ tr.h("ui.result_caption") }</p>
            <h1 class="kc-h1" tabindex="-1">{ rich(&title) }</h1>
            // For counter staff: the verdict in Japanese beside another language, on paper.
            if let Some(ja) = tr.ja() {
                <p class="kc-print-only kc-print-ja" lang="ja">{ format!("（{}）{}", content().language(&ja.lang).map(|l| l.name.as_str()).unwrap_or_default(), ja.t(&format!("verdict.{}.title", o.verdict.id))) }</p>
            }
            <div class={classes!("kc-panel", tone)}>
                <p>{ tr.h(&format!("verdict.{}.body", o.verdict.id)) }</p>
                <Cites profile={pid.clone()} sections={o.verdict.citations.clone()} />
            </div>
            { common_guideline_note(&tr, &pid) }

            <details class="kc-details kc-details--print-open kc-answers">
                <summary class="kc-details__summary">{ tr.h("ui.result_answers") }</summary>
                <div class="kc-details__text">
                    <dl class="kc-summary kc-summary--compact">
                        <div class="kc-summary__row">
                            <dt class="kc-summary__key">{ tr.h("ui.check_profile") }</dt>
                            <dd class="kc-summary__value">{ rich(&format!("{}「{}」", tr.raw_p(&pid, "name"), tr.raw_p(&pid, "document"))) }</dd>
                        </div>
                        { for path.iter().filter_map(|q| store.session.answers.get(q).map(|a| (q, a))).map(|(q, a)| html! {
                            <div class="kc-summary__row">
                                <dt class="kc-summary__key">{ tr.h(&format!("q.{q}.title")) }</dt>
                                <dd class="kc-summary__value">
                                    { rich(&super::answer_text(&tr, q, a)) }
                                    if let Some(ja) = tr.ja() {
                                        <span class="kc-print-only kc-print-ja" lang="ja">{ crate::ruby::plain(&super::answer_text(&ja, q, a)) }</span>
                                    }
                                </dd>
                            </div>
                        }) }
                    </dl>
                </div>
            </details>

            <section class="kc-section" aria-labelledby="kc-r1">
                <h2 class="kc-h2" id="kc-r1">{ tr.h("ui.result_q1") }</h2>
                if kyodo.is_empty() { <p>{ tr.h("ui.result_no_findings") }</p> } else { { findings(&tr, &pid, kyodo) } }
            </section>

            <section class="kc-section" aria-labelledby="kc-r2">
                <h2 class="kc-h2" id="kc-r2">{ tr.h("ui.result_q2") }</h2>
                if o.forms.is_empty() {
                    <p>{ tr.h("ui.result_no_forms") }</p>
                } else {
                    <p>{ tr.h("ui.result_forms_intro") }</p>
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
                                    { tr.ph(&pid, &format!("forms.{}.name", f.id)) }
                                    <span class="kc-tag">{ tr.h(label) }</span>
                                </h3>
                                <ul class="kc-list kc-list--bullet">
                                    { for f.reasons.iter().map(|r| html! { <li>{ tr.h(&r.key) }</li> }) }
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
                        <h3 class="kc-h3">{ tr.h("ui.forms_unlikely_heading") }</h3>
                        <ul class="kc-forms-unlikely">
                        { for o.forms.iter().filter(|f| f.fit == Fit::Unlikely).map(|f| html! {
                            <li class="kc-forms-unlikely__item">
                                <strong>{ tr.ph(&pid, &format!("forms.{}.name", f.id)) }</strong>
                                <span class="kc-vh">{ format!(" ({})", tr.t("ui.fit_unlikely")) }</span>
                                { tr.t("ui.colon") }{ tr.h(&f.use_when) }
                                { form_details(&tr, &pid, f) }
                            </li>
                        }) }
                        </ul>
                    }
                }
                if !form_findings.is_empty() { { findings(&tr, &pid, form_findings) } }
            </section>

            <section class="kc-section" aria-labelledby="kc-r3">
                <h2 class="kc-h2" id="kc-r3">{ tr.h("ui.result_q3") }</h2>
                if let Some(b) = &o.band {
                    <Spectrum band={b.index} />
                    <p class="kc-spectrum-text">
                        { tr.fh("ui.spectrum_position", &[("band", &tr.raw(&format!("band.{}.name", b.id)))]) }
                        { tr.h(&format!("band.{}.desc", b.id)) }{ "。" }
                        if let Some(f) = &b.via_form {
                            { tr.fh("ui.spectrum_via_form", &[("form", &tr.raw_p(&pid, &format!("forms.{f}.name")))]) }
                        }
                    </p>
                    <Cites profile={pid.clone()} sections={b.citations.clone()} />
                } else {
                    <p>{ tr.h("ui.result_no_band") }</p>
                }
                if let Some(s) = &o.start_type {
                    <h3 class="kc-h3">{ tr.h("ui.start_type_heading") }</h3>
                    <p><strong>{ tr.h(&format!("start.{}.name", s.id)) }</strong>{ tr.t("ui.colon") }{ tr.h(&format!("start.{}.desc", s.id)) }</p>
                    <Cites profile={pid.clone()} sections={s.citations.clone()} />
                }
            </section>

            <section class="kc-section" aria-labelledby="kc-r4">
                <h2 class="kc-h2" id="kc-r4">{ tr.h("ui.result_q4") }</h2>
                if partner.is_empty() { <p>{ tr.h("ui.result_no_partner") }</p> } else { { findings(&tr, &pid, partner) } }
            </section>

            if !o.readiness.is_empty() {
                <section class="kc-section" aria-labelledby="kc-r5">
                    <h2 class="kc-h2" id="kc-r5">{ tr.h("ui.readiness_heading") }</h2>
                    <ul class="kc-checklist">
                        { for o.readiness.iter().map(|r| html! {
                            <li class={if r.done { "kc-checklist__item kc-checklist__item--done" } else { "kc-checklist__item" }}>
                                <span class="kc-checklist__mark" aria-hidden="true">{ if r.done { "✓" } else { "□" } }</span>
                                { tr.h(&format!("readiness.{}", r.id)) }{ tr.t("ui.colon") }
                                <strong>{ tr.h(if r.done { "ui.readiness_done" } else { "ui.readiness_todo" }) }</strong>
                            </li>
                        }) }
                    </ul>
                    <Cites profile={pid.clone()} sections={o.readiness_citations.clone()} />
                    <h3 class="kc-h3">{ tr.fh("ui.principles_heading", &[("city", &tr.raw_p(&pid, "name"))]) }</h3>
                    <ul class="kc-list kc-list--bullet">
                        { for o.principles.iter().map(|p| html! {
                            <li><strong>{ tr.ph(&pid, &format!("principles.{}.name", p.id)) }</strong>{ tr.t("ui.colon") }{ tr.ph(&pid, &format!("principles.{}.text", p.id)) }</li>
                        }) }
                    </ul>
                </section>
            }

            <section class="kc-section" aria-labelledby="kc-r6">
                <h2 class="kc-h2" id="kc-r6">{ tr.h("ui.next_heading") }</h2>
                <ul class="kc-list kc-list--bullet">
                    { for o.verdict.next.iter().map(|n| html! { <li>{ tr.h(&format!("next.{n}")) }</li> }) }
                </ul>
                <ContactCard profile={pid.clone()} />
            </section>

            if counter {
                <section class="kc-section kc-trace" aria-labelledby="kc-trace">
                    <h2 class="kc-h2" id="kc-trace">{ tr.h("ui.trace_heading") }</h2>
                    <p>{ tr.h("ui.trace_intro") }</p>
                    <ol class="kc-trace__list">
                        if let Some(v) = c.verdicts.iter().find(|v| v.id == o.verdict.id) {
                            <TraceRule profile={pid.clone()} cond={v.when.clone()} sections={o.verdict.citations.clone()}
                                label={html! { <>{ tr.h("ui.trace_verdict_label") }<strong>{ tr.h(&format!("verdict.{}.title", v.id)) }</strong></> }} />
                        }
                        { for o.findings.iter().filter_map(|f| c.findings.iter().find(|x| x.id == f.id).map(|x| (f, x))).map(|(f, rule)| html! {
                            <TraceRule profile={pid.clone()} cond={rule.when.clone()} sections={f.citations.clone()}
                                label={html! { <>{ tr.h("ui.trace_finding_label") }{ tr.h(&format!("finding.{}", f.id)) }</> }} />
                        }) }
                        if let Some(b) = &o.band {
                            if let Some(rule) = c.band_rules.get(b.rule) {
                                <TraceRule profile={pid.clone()} cond={rule.when.clone()} sections={b.citations.clone()}
                                    label={html! { <>{ tr.h("ui.trace_band_label") }<strong>{ tr.h(&format!("band.{}.name", b.id)) }</strong></> }} />
                            }
                        }
                    </ol>
                    if !o.forms.is_empty() {
                        <h3 class="kc-h3">{ tr.h("ui.trace_forms") }</h3>
                        <ul class="kc-list kc-list--bullet">
                            { for o.forms.iter().map(|f| html! {
                                <li>{ tr.fh("ui.trace_form_score", &[("form", &tr.raw_p(&pid, &format!("forms.{}.name", f.id))), ("score", &f.score.to_string())]) }</li>
                            }) }
                        </ul>
                    }
                </section>
                <section class="kc-section kc-notes" aria-labelledby="kc-notes">
                    <h2 class="kc-h2" id="kc-notes">{ tr.h("ui.notes_heading") }</h2>
                    <p class="kc-hint kc-no-print" id="kc-notes-hint">{ tr.h("ui.notes_hint") }</p>
                    <div class="kc-no-print">
                        <label class="kc-label" for="kc-notes-date">{ tr.h("ui.notes_date") }</label>
                        <input class="kc-input kc-input--short" id="kc-notes-date" type="date" value={store.notes.date.clone()}
                            oninput={set_note(|n, v| n.date = v)} />
                        <label class="kc-label" for="kc-notes-section">{ tr.h("ui.notes_section") }</label>
                        <input class="kc-input" id="kc-notes-section" type="text" maxlength="200" value={store.notes.section.clone()}
                            oninput={set_note(|n, v| n.section = v)} />
                        <label class="kc-label" for="kc-notes-text">{ tr.h("ui.notes_text") }</label>
                        <textarea class="kc-input kc-textarea" id="kc-notes-text" rows="5" maxlength="2000" aria-describedby="kc-notes-hint"
                            value={store.notes.text.clone()} oninput={set_note_text} />
                        <div class="kc-checkbox">
                            <input class="kc-checkbox__input" type="checkbox" id="kc-notes-in-link" checked={store.notes_in_link} onchange={notes_in_link} />
                            <label class="kc-checkbox__label" for="kc-notes-in-link">{ tr.h("ui.notes_in_link") }</label>
                        </div>
                    </div>
                    // On the filed sheet: the notes as plain text.
                    <dl class="kc-print-only kc-summary kc-summary--compact">
                        <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.h("ui.notes_date") }</dt><dd class="kc-summary__value">{ store.notes.date.clone() }</dd></div>
                        <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.h("ui.notes_section") }</dt><dd class="kc-summary__value">{ store.notes.section.clone() }</dd></div>
                        <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.h("ui.notes_text") }</dt><dd class="kc-summary__value kc-pre">{ store.notes.text.clone() }</dd></div>
                    </dl>
                </section>
            }

            <section class="kc-section kc-keep kc-no-print" aria-labelledby="kc-r7">
                <h2 class="kc-h2" id="kc-r7">{ tr.h("ui.keep_heading") }</h2>
                <p><button type="button" class="kc-button" onclick={print}>{ tr.h("ui.print") }</button></p>
                <h3 class="kc-h3">{ tr.h("ui.share_heading") }</h3>
                <p class="kc-hint" id="kc-share-hint">{ tr.h("ui.share_hint") }</p>
                <div class="kc-share">
                    <label class="kc-label" for="kc-share-link">{ tr.h("ui.share_label") }</label>
                    <input class="kc-input" id="kc-share-link" type="text" readonly=true value={link.clone()} aria-describedby="kc-share-hint" />
                    <button type="button" class="kc-button kc-button--secondary" onclick={copy}>{ tr.h("ui.share_copy") }</button>
                </div>
                if counter {
                    <h3 class="kc-h3">{ tr.h("ui.qr_heading") }</h3>
                    <div class="kc-qr-wrap"><Qr data={link.clone()} /></div>
                }
                <h3 class="kc-h3">{ tr.h("ui.save_heading") }</h3>
                <div class="kc-checkbox">
                    <input class="kc-checkbox__input" type="checkbox" id="kc-save" checked={store.saving} onchange={on_save} aria-describedby="kc-save-hint" />
                    <label class="kc-checkbox__label" for="kc-save">{ tr.h("ui.save_label") }</label>
                </div>
                <p class="kc-hint" id="kc-save-hint">{ tr.h("ui.save_hint") }</p>
                <p class="kc-button-group">
                    <button type="button" class="kc-button kc-button--secondary" onclick={wipe}>{ tr.h("ui.wipe_button") }</button>
                    <button type="button" class="kc-button kc-button--secondary" onclick={start_over}>{ tr.h("ui.start_over") }</button>
                </p>
            </section>

            <section class="kc-section kc-sources" aria-labelledby="kc-r8">
                <h2 class="kc-h2" id="kc-r8">{ tr.h("ui.sources_heading") }</h2>
                <p class="kc-sources__docs-label">{ tr.h("ui.sources_documents") }</p>
                <ul class="kc-list kc-list--bullet kc-sources__docs">
                    { for documents(&tr, &pid, &o.all_citations()).into_iter().map(|d| html! { <li>{ rich(&d) }</li> }) }
                </ul>
                // Each cited passage once, in the order first cited, with its quoted text.
                <ol class="kc-sources__list">
                    { for o.all_citations().iter().map(|s| html! {
                        <li class="kc-sources__item">
                            <Passage profile={pid.clone()} section={s.clone()} />
                        </li>
                    }) }
                </ol>
                <p class="kc-print-only kc-print-date">{ today }</p>
                <p class="kc-print-only">{ tr.h("ui.print_note") }</p>
            </section>
        </main>
    }
}
