//! The start page: what the check is, what it answers, how long it takes, that
//! nothing is sent anywhere, and a profile chooser when the host did not fix one.

use crate::app::router::use_nav;
use crate::app::components::error_summary::ErrorSummary;
use crate::app::components::contact::common_guideline_note;
use crate::app::components::use_step;
use crate::app::components::load_problem::LoadProblem;
use crate::app::{content, storage, Action, Loading, Notice, Route, StoreHandle, Tr};
use yew::prelude::*;

#[function_component(StartPage)]
pub fn start_page() -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let nav = use_nav();
    let error = use_state(|| false);
    let has_saved = use_state(storage::has_saved);
    use_step(tr.plain("ui.start_heading"), *error);
    let c = content();
    let selected = store.session.profile.clone();

    // A click before the content file has arrived is kept: the check moves on once it is here.
    let waiting = use_state(crate::app::early::take_start);
    {
        let (store, nav, waiting, error) = (store.clone(), nav.clone(), waiting.clone(), error.clone());
        use_effect_with((store.loading.ready(), *waiting), move |(ready, wanted)| {
            if *ready && *wanted {
                waiting.set(false);
                // A click kept from the chooser rendered at build time, with no city chosen.
                if store.session.profile.is_none() {
                    error.set(true);
                } else {
                    nav.push(&Route::of(&store.session.next_page(content())));
                }
            }
        });
    }
    let onsubmit = {
        let (store, error, nav, waiting) = (store.clone(), error.clone(), nav.clone(), waiting.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if store.session.profile.is_none() {
                error.set(true);
            } else if store.loading.ready() {
                nav.push(&Route::of(&store.session.next_page(content())));
            } else {
                waiting.set(true);
            }
        })
    };
    let failed = matches!(store.loading, Loading::Failed { .. });
    let wipe = {
        let (store, has_saved) = (store.clone(), has_saved.clone());
        Callback::from(move |_| {
            storage::wipe();
            has_saved.set(false);
            store.dispatch(Action::SetSaving(false));
            store.dispatch(Action::StartOver);
            store.dispatch(Action::Notice(Some(Notice::Wiped)));
        })
    };
    let first_profile_id = c.profiles.first().map(|p| format!("kc-profile-{}", p.id)).unwrap_or_default();
    let chooser = (!store.fixed_profile).then(|| {
        html! {
            <div class={classes!("kc-form-group", error.then_some("kc-form-group--error"))}>
                <fieldset class="kc-fieldset" aria-describedby={if *error { "kc-profile-hint kc-profile-error" } else { "kc-profile-hint" }}>
                    <legend class="kc-legend kc-legend--m"><h2 class="kc-h2 kc-h2--flush">{ tr.html("ui.profile_label") }</h2></legend>
                    <p class="kc-hint" id="kc-profile-hint">{ tr.html("ui.profile_hint") }</p>
                    if *error {
                        <p class="kc-error-message" id="kc-profile-error">
                            <span class="kc-vh">{ tr.html("ui.error_prefix") }</span>{ tr.html("ui.profile_error") }
                        </p>
                    }
                    <div class="kc-radios">
                    { for c.profiles.iter().map(|p| {
                        let id = format!("kc-profile-{}", p.id);
                        let pid = p.id.clone();
                        let (store, error) = (store.clone(), error.clone());
                        html! {
                            <div class="kc-radio">
                                <input class="kc-radio__input" type="radio" name="kc-profile" id={id.clone()} value={p.id.clone()}
                                    checked={selected.as_deref() == Some(p.id.as_str())} aria-describedby={format!("{id}-hint")}
                                    onchange={Callback::from(move |_| { error.set(false); store.dispatch(Action::SetProfile(pid.clone())) })} />
                                <label class="kc-radio__label" for={id.clone()}>{ tr.html_profile(&p.id, "name") }</label>
                                <p class="kc-radio__hint" id={format!("{id}-hint")}>{ tr.html_profile(&p.id, "summary") }</p>
                            </div>
                        }
                    }) }
                    </div>
                </fieldset>
            </div>
        }
    });
    let resuming = !store.session.answers.is_empty();
    html! {
        <main class="kc-main" id="kc-main" tabindex="-1">
            if *error {
                <ErrorSummary errors={vec![(first_profile_id, tr.raw("ui.profile_error"))]} />
            }
            <h1 class="kc-h1" tabindex="-1">{ tr.html("ui.start_heading") }</h1>
            if failed {
                <LoadProblem />
            }
            <p class="kc-lead">{ tr.html("ui.start_lead") }</p>
            <h2 class="kc-h2">{ tr.html("ui.start_answers") }</h2>
            <ol class="kc-list kc-list--number">
                <li>{ tr.html("ui.start_q1") }</li>
                <li>{ tr.html("ui.start_q2") }</li>
                <li>{ tr.html("ui.start_q3") }</li>
                <li>{ tr.html("ui.start_q4") }</li>
            </ol>
            <p>{ tr.html("ui.start_time") }</p>
            if let Some(pid) = store.session.profile.as_ref() {
                { common_guideline_note(&tr, pid) }
            }
            <div class="kc-inset kc-privacy"><p>{ tr.html("ui.start_privacy") }</p></div>
            // Without the content the check cannot go on: the retry is the one thing to do.
            if !failed {
                // method=dialog: rendered at build time, before the widget runs, the form
                // does nothing by itself (no reload, nothing in the URL); the loader keeps a click.
                <form novalidate=true method="dialog" {onsubmit}>
                    { for chooser }
                    <button type="submit" id="kc-start" class="kc-button kc-button--start" data-waiting={(*waiting).then_some("true")}>
                        { tr.html(if resuming { "ui.start_resume" } else { "ui.start_button" }) }
                    </button>
                    // Polite, so a screen reader hears why nothing happened yet.
                    <p class="kc-hint" role="status">
                        if *waiting { { tr.html("ui.start_waiting") } }
                    </p>
                    // Rendered at build time, the same hint for the loader to show when it
                    // keeps a click before the widget runs; the wasm itself never needs it.
                    if cfg!(not(target_arch = "wasm32")) {
                        <template data-kc-waiting="">{ tr.html("ui.start_waiting") }</template>
                    }
                </form>
            }
            if *has_saved {
                <p><button type="button" class="kc-button kc-button--secondary" onclick={wipe}>{ tr.html("ui.wipe_button") }</button></p>
            }
        </main>
    }
}
