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

/// The record's fields, as the notes keep them and the printed 相談記録票 lists them: the
/// field's name (its `data-field` and the input's id), its label and its value.
pub fn record_fields(n: &share::Notes) -> [(&'static str, &'static str, &str); 7] {
    [
        ("date", "ui.notes_date", &n.date),
        ("section", "ui.notes_section", &n.section),
        ("person", "ui.sheet_field_person", &n.person),
        ("group", "ui.sheet_field_group", &n.group),
        ("contact", "ui.sheet_field_contact", &n.contact),
        ("staff", "ui.sheet_field_staff", &n.staff),
        ("next", "ui.sheet_field_next", &n.next),
    ]
}

/// A field's value as the record prints it: a date as the date input gives it
/// (`YYYY-MM-DD`) in the language's own format, like the sheet's other date; anything
/// else as typed.
pub fn record_value(tr: &Tr, field: &str, value: &str) -> String {
    let number = |s: &str| (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten();
    if field == "date" {
        if let [Some(y), Some(m), Some(d)] = value.splitn(3, '-').map(number).collect::<Vec<_>>()[..] {
            if y >= 1000 && (1..=12).contains(&m) && (1..=31).contains(&d) {
                return tr.plain_with("ui.sheet_date", &[("y", &y.to_string()), ("m", &m.to_string()), ("d", &d.to_string())]);
            }
        }
    }
    value.to_string()
}

/// Where each field of the record is kept in the notes.
fn record_field_mut<'a>(n: &'a mut share::Notes, field: &str) -> Option<&'a mut String> {
    Some(match field {
        "date" => &mut n.date,
        "section" => &mut n.section,
        "person" => &mut n.person,
        "group" => &mut n.group,
        "contact" => &mut n.contact,
        "staff" => &mut n.staff,
        "next" => &mut n.next,
        _ => return None,
    })
}

#[function_component(CounterNotes)]
pub fn counter_notes() -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let set_field = |field: &'static str| {
        let store = store.clone();
        Callback::from(move |e: InputEvent| {
            let mut n = store.notes.clone();
            if let Some(f) = record_field_mut(&mut n, field) {
                *f = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            }
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
    // Each field of the record, labelled; the visitor's details are for this device and the paper.
    let input = |(field, label, value): (&'static str, &'static str, &str)| {
        let id = format!("kc-notes-{field}");
        let (kind, max, class) = match field {
            "date" => ("date", None, "kc-input kc-input--short"),
            "section" => ("text", Some(200), "kc-input"),
            _ => ("text", Some(share::RECORD_CAP), "kc-input"),
        };
        html! {
            <div class="kc-notes__field">
                <label class="kc-label" for={id.clone()}>{ tr.html(label) }</label>
                <input class={class} id={id} type={kind} maxlength={max.map(|m| m.to_string())} autocomplete="off" value={value.to_string()}
                    oninput={set_field(field)} />
            </div>
        }
    };
    html! {
        <section class="kc-section kc-notes" id="kc-notes" tabindex="-1" aria-labelledby="kc-notes-h">
            <h2 class="kc-h2" id="kc-notes-h">{ tr.html("ui.notes_heading") }</h2>
            <p class="kc-hint kc-no-print" id="kc-notes-hint">{ tr.html("ui.notes_hint") }</p>
            <div class="kc-no-print kc-notes__fields">
                <div class="kc-notes__record">
                    { for record_fields(&store.notes).into_iter().map(input) }
                </div>
                <label class="kc-label" for="kc-notes-text">{ tr.html("ui.notes_text") }</label>
                <textarea class="kc-input kc-textarea" id="kc-notes-text" rows="4" maxlength={share::MAX_NOTES.to_string()} aria-describedby="kc-notes-hint"
                    value={store.notes.text.clone()} oninput={set_note_text} />
                <div class="kc-checkbox">
                    <input class="kc-checkbox__input" type="checkbox" id="kc-notes-in-link" checked={store.notes_in_link} onchange={notes_in_link}
                        aria-describedby="kc-notes-link-hint" />
                    <label class="kc-checkbox__label" for="kc-notes-in-link">{ tr.html("ui.notes_in_link") }</label>
                    <p class="kc-radio__hint" id="kc-notes-link-hint">{ tr.html("ui.notes_link_hint") }</p>
                </div>
            </div>
            // On the filed sheet: the advice as plain text (the other fields are the sheet's own, at its top).
            <dl class="kc-print-only kc-summary kc-summary--compact">
                <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.html("ui.notes_text") }</dt><dd class="kc-summary__value kc-pre" data-field="text">{ store.notes.text.clone() }</dd></div>
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
            // On the record: the guideline's cases of the form ranked first, with their sections.
            { super::similar::record_line(&tr, pid, o) }
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
