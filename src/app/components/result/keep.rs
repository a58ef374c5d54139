//! Keeping the result: print, the share link (and its QR code at the counter), saving on
//! this device. Each confirmation appears beside the control that caused it, in a live
//! region that was already on the page, so it is seen and announced.

use crate::app::components::qr::Qr;
use crate::app::router::use_nav;
use crate::app::{storage, Action, Mode, Route, StoreHandle, Tr};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeepProps {
    pub link: String,
}

/// A live region beside a control; empty until something happened.
fn status(id: &str, shown: Option<&str>, tr: &Tr) -> Html {
    html! {
        <span class="kc-inline-status" role="status" id={id.to_string()}
            data-notice={shown.map(crate::app::notice_id)}>
            if let Some(k) = shown { { tr.html(k) } }
        </span>
    }
}

#[function_component(Keep)]
pub fn keep(props: &KeepProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let nav = use_nav();
    let copied = use_state(|| false);
    let saved = use_state(|| None::<&'static str>);
    let wiped = use_state(|| false);
    let print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    let copy = {
        let (link, copied) = (props.link.clone(), copied.clone());
        Callback::from(move |_| {
            let _ = gloo::utils::window().navigator().clipboard().write_text(&link);
            copied.set(true);
        })
    };
    let on_save = {
        let (store, saved) = (store.clone(), saved.clone());
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
            if !on {
                storage::wipe();
            }
            store.dispatch(Action::SetSaving(on));
            saved.set(Some(if on { "ui.notice_saved" } else { "ui.notice_wiped" }));
        })
    };
    let wipe = {
        let (store, wiped, saved) = (store.clone(), wiped.clone(), saved.clone());
        Callback::from(move |_| {
            storage::wipe();
            store.dispatch(Action::SetSaving(false));
            saved.set(None);
            wiped.set(true);
        })
    };
    let start_over = {
        let store = store.clone();
        Callback::from(move |_| {
            store.dispatch(Action::StartOver);
            nav.push(&Route::Start);
        })
    };
    let counter = store.mode == Mode::Counter;
    html! {
        <section class="kc-section kc-keep kc-no-print" id="kc-keep" aria-labelledby="kc-r7">
            <h2 class="kc-h2" id="kc-r7">{ tr.html("ui.keep_heading") }</h2>
            <p><button type="button" class="kc-button" id="kc-print" onclick={print}>{ tr.html("ui.print") }</button></p>
            <h3 class="kc-h3">{ tr.html("ui.share_heading") }</h3>
            <p class="kc-hint" id="kc-share-hint">{ tr.html("ui.share_hint") }</p>
            <div class="kc-share">
                <label class="kc-label" for="kc-share-link">{ tr.html("ui.share_label") }</label>
                <input class="kc-input" id="kc-share-link" type="text" readonly=true value={props.link.clone()} aria-describedby="kc-share-hint" />
                <button type="button" class="kc-button kc-button--secondary" onclick={copy}>{ tr.html("ui.share_copy") }</button>
                { status("kc-copy-status", copied.then_some("ui.notice_copied"), &tr) }
            </div>
            if counter {
                <h3 class="kc-h3">{ tr.html("ui.qr_heading") }</h3>
                <div class="kc-qr-wrap"><Qr data={props.link.clone()} /></div>
            }
            <h3 class="kc-h3">{ tr.html("ui.save_heading") }</h3>
            <div class="kc-checkbox">
                <input class="kc-checkbox__input" type="checkbox" id="kc-save" checked={store.saving} onchange={on_save} aria-describedby="kc-save-hint" />
                <label class="kc-checkbox__label" for="kc-save">{ tr.html("ui.save_label") }</label>
            </div>
            <p class="kc-hint" id="kc-save-hint">{ tr.html("ui.save_hint") }</p>
            { status("kc-save-status", *saved, &tr) }
            <p class="kc-button-group">
                <button type="button" class="kc-button kc-button--secondary" onclick={wipe}>{ tr.html("ui.wipe_button") }</button>
                <button type="button" class="kc-button kc-button--secondary" onclick={start_over}>{ tr.html("ui.start_over") }</button>
            </p>
            { status("kc-wipe-status", wiped.then_some("ui.notice_wiped"), &tr) }
        </section>
    }
}
