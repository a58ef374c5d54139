//! Counter mode's workspace: a staff bar (the mode, jump links, the form scores), the
//! consultation notes near the top, and the compact rule trace.

use super::OutcomeProps;
use crate::app::components::cite::citation_text;
use crate::app::components::focus_id;
use crate::app::components::trace::TraceRule;
use crate::app::{content, Action, StoreHandle, Tr};
use crate::share;
use yew::prelude::*;

#[function_component(StaffBar)]
pub fn staff_bar(props: &OutcomeProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let (o, pid) = (&props.outcome, &props.profile);
    // Buttons, not #anchors: the fragment is the router's.
    let jump = |target: &'static str, label: &str| {
        html! {
            <li><button type="button" class="kc-link-button" data-jump={target} onclick={Callback::from(move |_| focus_id(target))}>{ tr.html(label) }</button></li>
        }
    };
    let print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    html! {
        <nav class="kc-staff-bar kc-no-print" id="kc-staff-bar" aria-label={tr.plain("ui.staff_bar_label")}>
            <p class="kc-staff-bar__mode"><span class="kc-tag">{ tr.html("ui.counter_mode") }</span></p>
            <ul class="kc-staff-bar__links">
                { jump("kc-trace", "ui.trace_heading") }
                { jump("kc-notes", "ui.notes_heading") }
                { jump("kc-keep", "ui.staff_share") }
                <li><button type="button" class="kc-link-button" onclick={print}>{ tr.html("ui.print") }</button></li>
            </ul>
            if !o.forms.is_empty() {
                <p class="kc-staff-bar__scores" id="kc-scores">
                    <span class="kc-trace__key">{ tr.html("ui.trace_forms") }</span>
                    { for o.forms.iter().map(|f| html! {
                        <span class="kc-score" data-form={f.id.clone()} data-score={f.score.to_string()}>
                            { tr.html_with("ui.trace_form_score", &[("form", &tr.raw_profile(pid, &format!("forms.{}.name", f.id))), ("score", &f.score.to_string())]) }
                        </span>
                    }) }
                </p>
            }
        </nav>
    }
}

#[function_component(CounterNotes)]
pub fn counter_notes() -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
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
    html! {
        <section class="kc-section kc-notes" id="kc-notes" tabindex="-1" aria-labelledby="kc-notes-h">
            <h2 class="kc-h2" id="kc-notes-h">{ tr.html("ui.notes_heading") }</h2>
            <p class="kc-hint kc-no-print" id="kc-notes-hint">{ tr.html("ui.notes_hint") }</p>
            <div class="kc-no-print kc-notes__fields">
                <label class="kc-label" for="kc-notes-date">{ tr.html("ui.notes_date") }</label>
                <input class="kc-input kc-input--short" id="kc-notes-date" type="date" value={store.notes.date.clone()}
                    oninput={set_note(|n, v| n.date = v)} />
                <label class="kc-label" for="kc-notes-section">{ tr.html("ui.notes_section") }</label>
                <input class="kc-input" id="kc-notes-section" type="text" maxlength="200" value={store.notes.section.clone()}
                    oninput={set_note(|n, v| n.section = v)} />
                <label class="kc-label" for="kc-notes-text">{ tr.html("ui.notes_text") }</label>
                <textarea class="kc-input kc-textarea" id="kc-notes-text" rows="4" maxlength="2000" aria-describedby="kc-notes-hint"
                    value={store.notes.text.clone()} oninput={set_note_text} />
                <div class="kc-checkbox">
                    <input class="kc-checkbox__input" type="checkbox" id="kc-notes-in-link" checked={store.notes_in_link} onchange={notes_in_link} />
                    <label class="kc-checkbox__label" for="kc-notes-in-link">{ tr.html("ui.notes_in_link") }</label>
                </div>
            </div>
            // On the filed sheet: the notes as plain text.
            <dl class="kc-print-only kc-summary kc-summary--compact">
                <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.html("ui.notes_date") }</dt><dd class="kc-summary__value">{ store.notes.date.clone() }</dd></div>
                <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.html("ui.notes_section") }</dt><dd class="kc-summary__value">{ store.notes.section.clone() }</dd></div>
                <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.html("ui.notes_text") }</dt><dd class="kc-summary__value kc-pre">{ store.notes.text.clone() }</dd></div>
            </dl>
        </section>
    }
}

#[function_component(CounterTrace)]
pub fn counter_trace(props: &OutcomeProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let c = content();
    let (o, pid) = (&props.outcome, &props.profile);
    html! {
        <section class="kc-section kc-trace" aria-labelledby="kc-trace">
            <h2 class="kc-h2" id="kc-trace" tabindex="-1">{ tr.html("ui.trace_heading") }</h2>
            <p>{ tr.html("ui.trace_intro") }</p>
            <ol class="kc-trace__list">
                if let Some(v) = c.verdicts.iter().find(|v| v.id == o.verdict.id) {
                    <TraceRule profile={pid.clone()} cond={v.when.clone()} sections={o.verdict.citations.clone()}
                        label={html! { <>{ tr.html("ui.trace_verdict_label") }<strong>{ tr.html(&format!("verdict.{}.title", v.id)) }</strong></> }} />
                }
                { for o.findings.iter().filter_map(|f| c.findings.iter().find(|x| x.id == f.id).map(|x| (f, x))).map(|(f, rule)| html! {
                    <TraceRule profile={pid.clone()} cond={rule.when.clone()} sections={f.citations.clone()}
                        label={html! { <>{ tr.html("ui.trace_finding_label") }{ tr.html(&format!("finding.{}", f.id)) }</> }} />
                }) }
                if let Some(b) = &o.band {
                    if let Some(rule) = c.band_rules.get(b.rule) {
                        <TraceRule profile={pid.clone()} cond={rule.when.clone()} sections={b.citations.clone()}
                            label={html! { <>{ tr.html("ui.trace_band_label") }<strong>{ tr.html(&format!("band.{}.name", b.id)) }</strong></> }} />
                    }
                }
            </ol>
            <CaseExport profile={pid.clone()} outcome={o.clone()} />
        </section>
    }
}

/// Go beyond: the consultation as a case for the content's case table. Staff copy it
/// and the city's web team adds it to tests/fixtures/cases.json, where the outcome
/// staff judged right becomes a test of the content (docs/adding-a-city.md).
#[function_component(CaseExport)]
pub fn case_export(props: &OutcomeProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let copied = use_state(|| false);
    let c = content();
    let (o, pid) = (&props.outcome, &props.profile);
    let Some(profile) = c.profile(pid) else { return html! {} };
    let answers = crate::engine::Engine::new(c, profile).path_answers(&store.session.answers);
    // The passage the verdict rests on, named in Japanese as the table does.
    let ja = Tr { lang: c.default_lang.clone() };
    let source = o.verdict.citations.first().map(|s| crate::ruby::plain(&citation_text(&ja, pid, s))).unwrap_or_default();
    let date = {
        let d = js_sys::Date::new_0();
        format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
    };
    let json = crate::case::snippet(pid, &answers, o, &source, &date);
    let copy = {
        let (json, copied) = (json.clone(), copied.clone());
        Callback::from(move |_| {
            let _ = gloo::utils::window().navigator().clipboard().write_text(&json);
            copied.set(true);
        })
    };
    html! {
        <details class="kc-details kc-case-export kc-no-print" id="kc-case-export">
            <summary class="kc-details__summary">{ tr.html("ui.case_export_heading") }</summary>
            <div class="kc-details__text">
                <p class="kc-hint" id="kc-case-hint">{ tr.html("ui.case_export_hint") }</p>
                <label class="kc-label" for="kc-case-json">{ tr.html("ui.case_export_label") }</label>
                <textarea class="kc-input kc-textarea kc-code" id="kc-case-json" readonly=true rows="8" aria-describedby="kc-case-hint" value={json} />
                <button type="button" class="kc-button kc-button--secondary" onclick={copy}>{ tr.html("ui.case_export_copy") }</button>
                <span class="kc-inline-status" role="status" data-notice={copied.then_some("case_copied")}>
                    if *copied { { tr.html("ui.case_export_copied") } }
                </span>
            </div>
        </details>
    }
}
