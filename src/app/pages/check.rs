//! Check your answers: every answer on the path actually taken, each with a change
//! link whose hidden text names what it changes.

use super::answer_text;
use crate::app::router::use_nav;
use crate::app::components::use_step;
use crate::app::{content, rich, Route, StoreHandle, Tr};
use crate::engine::Engine;
use yew::prelude::*;

#[function_component(CheckPage)]
pub fn check_page() -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let nav = use_nav();
    use_step(tr.plain("ui.check_heading"), false);
    let c = content();
    let Some(profile) = store.session.profile.as_deref().and_then(|p| c.profile(p)) else { return html! {} };
    let walk = Engine::new(c, profile).walk(&store.session.answers);
    let last = walk.path.last().map_or("#/".to_string(), |q| format!("#/q/{q}"));
    let onclick = Callback::from(move |_| nav.push(&Route::Result));
    html! {
        <>
            <a class="kc-back" href={last}>{ tr.html("ui.back") }</a>
            <main class="kc-main" id="kc-main" tabindex="-1">
                <h1 class="kc-h1" tabindex="-1">{ tr.html("ui.check_heading") }</h1>
                <dl class="kc-summary">
                    <div class="kc-summary__row">
                        <dt class="kc-summary__key">{ tr.html("ui.check_profile") }</dt>
                        <dd class="kc-summary__value">{ rich(&format!("{}「{}」", tr.raw_profile(&profile.id, "name"), tr.raw_profile(&profile.id, "document"))) }</dd>
                        <dd class="kc-summary__actions">
                            if !store.fixed_profile {
                                <a href="#/">{ tr.html("ui.change") }<span class="kc-vh">{ format!("{}{}", tr.plain("ui.colon"), tr.plain("ui.check_profile")) }</span></a>
                            }
                        </dd>
                    </div>
                    { for walk.path.iter().map(|qid| {
                        let voice = store.session.voice(c, qid);
                        let title = tr.raw(&tr.q(qid, voice, "title"));
                        let plain_title = crate::ruby::plain(&title);
                        let chosen = store.session.answers.get(qid).cloned().unwrap_or_default();
                        html! {
                            <div class="kc-summary__row">
                                <dt class="kc-summary__key">{ rich(&title) }</dt>
                                <dd class="kc-summary__value">{ rich(&answer_text(&tr, qid, voice, &chosen)) }</dd>
                                <dd class="kc-summary__actions">
                                    <a href={format!("#/q/{qid}")}>{ tr.html("ui.change") }<span class="kc-vh">{ format!("{}{plain_title}", tr.plain("ui.colon")) }</span></a>
                                </dd>
                            </div>
                        }
                    }) }
                </dl>
                <h2 class="kc-h2">{ tr.html("ui.check_submit_heading") }</h2>
                <p>{ tr.html("ui.check_submit_text") }</p>
                <button type="button" class="kc-button kc-button--result" {onclick}>{ tr.html("ui.check_submit") }</button>
            </main>
        </>
    }
}
