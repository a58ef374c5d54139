//! The result page: the verdict, then 結果の要点 (what to do and whom to contact) on the
//! first screens, then the details folded; at the counter, a staff bar, the notes and
//! the rule trace come first. Keeping the result (print, link, save) closes the page.

use crate::app::components::result::counter::{record_fields, record_value, CounterNotes, CounterTrace, StaffBar};
use crate::app::components::result::details::ResultDetails;
use crate::app::components::result::keep::Keep;
use crate::app::components::result::summary::ResultSummary;
use crate::app::components::qr::Qr;
use crate::app::components::use_step;
use crate::app::{content, rich, Mode, StoreHandle, Tr};
use crate::engine::Engine;
use crate::share;
use std::rc::Rc;
use yew::prelude::*;

#[function_component(ResultPage)]
pub fn result_page() -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let c = content();
    let profile_id = store.session.profile.clone().unwrap_or_default();
    let outcome = c.profile(&profile_id).and_then(|p| Engine::new(c, p).evaluate(&store.session.answers));
    let title = outcome.as_ref().map(|o| tr.raw(&format!("verdict.{}.title", o.verdict.id))).unwrap_or_default();
    use_step(crate::ruby::plain(&title), false);
    let Some(o) = outcome else { return html! {} };
    let o = Rc::new(o);
    let pid = profile_id;

    let link = {
        // The page without its query (embed settings such as mode=counter stay behind);
        // the answers travel only in the fragment, which browsers never send.
        let loc = gloo::utils::window().location();
        let base = format!("{}{}", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default());
        // Counter notes only when staff chose, and never the record's fields (the visitor's details).
        let notes = (store.mode == Mode::Counter && store.notes_in_link).then_some(&store.notes);
        format!("{base}#/s/{}", share::encode_link(c, &pid, &store.session.answers, &store.lang, notes))
    };
    let counter = store.mode == Mode::Counter;
    let today = {
        let d = js_sys::Date::new_0();
        tr.plain_with("ui.print_date", &[("y", &d.get_full_year().to_string()), ("m", &(d.get_month() + 1).to_string()), ("d", &d.get_date().to_string())])
    };

    html! {
        <main class={classes!("kc-main", "kc-result", counter.then_some("kc-result--counter"))} id="kc-main" tabindex="-1" data-verdict={o.verdict.id.clone()}
            data-band={o.band.as_ref().map(|b| b.id.clone()).unwrap_or_default()}
            data-start={o.start_type.as_ref().map(|s| s.id.clone()).unwrap_or_default()}
            data-forms={o.forms.iter().map(|f| format!("{}:{}", f.id, f.fit.name())).collect::<Vec<_>>().join(",")}>
            <div class="kc-print-only kc-sheet-head">
                if counter { <p class="kc-sheet-title">{ tr.html("ui.sheet_title") }</p> }
                <p>{ today.clone() }{ " " }{ rich(&tr.raw_profile(&pid, "name")) }</p>
            </div>
            if counter {
                // The record's fields as typed into the notes; a field left empty stays a
                // line to fill in by hand on the filed sheet.
                <div class="kc-print-only kc-sheet-fields">
                    { for record_fields(&store.notes).into_iter().map(|(field, label, value)| html! {
                        <div class="kc-sheet-field" data-field={field}>
                            <span class="kc-sheet-field__key">{ tr.html(label) }{ tr.plain("ui.colon") }</span>
                            <span class="kc-sheet-field__value" data-value={value.to_string()}>{ record_value(&tr, field, value) }</span>
                        </div>
                    }) }
                </div>
            }
            // On paper: the link and its QR code to open this result again, top right.
            <div class="kc-print-only kc-print-reopen">
                <div class="kc-print-qr"><Qr data={link.clone()} /></div>
                <p class="kc-print-link">{ tr.html("ui.print_reopen") }<br />{ link.clone() }</p>
            </div>
            <p class="kc-caption">{ tr.html("ui.result_caption") }</p>
            <h1 class="kc-h1" tabindex="-1">{ rich(&title) }</h1>
            // For counter staff: the verdict in Japanese beside another language, on paper.
            if let Some(ja) = tr.ja() {
                <p class="kc-print-only kc-print-ja" lang="ja">{ format!("（{}）{}", content().language(&ja.lang).map(|l| l.name.as_str()).unwrap_or_default(), ja.plain(&format!("verdict.{}.title", o.verdict.id))) }</p>
            }
            if counter {
                <StaffBar profile={pid.clone()} outcome={o.clone()} />
                <CounterNotes />
            }
            <ResultSummary profile={pid.clone()} outcome={o.clone()} />
            if counter {
                <CounterTrace profile={pid.clone()} outcome={o.clone()} />
            }
            <ResultDetails profile={pid.clone()} outcome={o.clone()} />
            <Keep link={link.clone()} />

        </main>
    }
}
