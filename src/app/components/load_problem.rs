//! Why the content file could not be read, for the visitor: calm words, that nothing
//! was sent, a retry, and the counter to ask instead (the shell carries every profile's
//! counter). The console names the file and the fix for the city's web team (`load`).

use crate::app::{content, Action, Loading, StoreHandle, Tr};
use crate::app::load::Problem;
use crate::model::{file, Contact};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LoadProblemProps {
    /// On a page of its own the message is the page's heading (h1); on the start page, a section (h2).
    #[prop_or_default]
    pub heading: bool,
}

/// A name for tests and the web team, whatever the language.
fn kind(p: &Problem) -> &'static str {
    match p {
        Problem::Network => "network",
        Problem::Status(404) => "missing",
        Problem::Status(_) => "status",
        Problem::File(file::Problem::NotContent) => "not-content",
        Problem::File(file::Problem::OtherBuild) => "other-build",
        Problem::File(file::Problem::OtherProfile(_)) => "other-profile",
        Problem::File(file::Problem::Damaged) | Problem::Undecodable => "damaged",
        Problem::Code => "code",
    }
}

#[function_component(LoadProblem)]
pub fn load_problem(props: &LoadProblemProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let Loading::Failed { problem, .. } = &store.loading else { return html! {} };
    let retry = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Retry))
    };
    let profile = store.session.profile.as_ref().filter(|_| store.fixed_profile).and_then(|p| content().profile(p));
    let contact = profile.map(|p| {
        let ct = p.shown_contact();
        let tel = Contact::tel(&ct.phone);
        html! {
            <>
                <p>{ tr.html_with("ui.load_failed_contact", &[("city", &tr.raw_profile(&p.id, "name"))]) }</p>
                <p class="kc-contact__dept">{ tr.html_profile(&p.id, "contact.department") }</p>
                if !ct.phone.is_empty() {
                    <p data-contact="phone">{ tr.html("ui.phone_label") }<a href={format!("tel:{tel}")}>{ ct.phone.clone() }</a></p>
                }
                if !ct.web.is_empty() {
                    <p data-contact="web"><a href={ct.web.clone()} rel="noopener">{ ct.web.clone() }</a></p>
                }
            </>
        }
    });
    html! {
        <div class="kc-load-problem" role="alert" data-problem={kind(problem)}>
            if props.heading {
                <h1 class="kc-h1" tabindex="-1">{ tr.html("ui.load_failed_heading") }</h1>
            } else {
                <h2 class="kc-h2">{ tr.html("ui.load_failed_heading") }</h2>
            }
            <p>{ tr.html("ui.load_failed_text") }</p>
            <p>{ tr.html("ui.load_failed_privacy") }</p>
            <p><button type="button" class="kc-button" data-action="retry" onclick={retry}>{ tr.html("ui.load_failed_retry") }</button></p>
            { contact.unwrap_or_else(|| html! { <p>{ tr.html("ui.load_failed_contact_any") }</p> }) }
        </div>
    }
}
