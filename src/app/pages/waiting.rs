//! A step past the start, asked for before the content file has arrived (a bookmark, a
//! share link, a quick click): a calm wait, or, when the file could not be read, why in
//! plain words, a retry, and the counter to ask instead. Built from the shell alone.

use crate::app::components::use_step;
use crate::app::components::load_problem::LoadProblem;
use crate::app::{Loading, StoreHandle, Tr};
use yew::prelude::*;

#[function_component(Waiting)]
pub fn waiting() -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let failed = matches!(store.loading, Loading::Failed { .. });
    use_step(tr.plain(if failed { "ui.load_failed_heading" } else { "ui.loading_heading" }), false);
    html! {
        <main class="kc-main" id="kc-main" tabindex="-1" aria-busy={(!failed).to_string()} data-loading={if failed { "failed" } else { "pending" }}>
            if failed {
                <LoadProblem heading=true />
            } else {
                <h1 class="kc-h1" tabindex="-1">{ tr.html("ui.loading_heading") }</h1>
                <p>{ tr.html("ui.loading_text") }</p>
            }
        </main>
    }
}
