pub mod accessibility;
pub mod check;
pub mod question;
pub mod result;
pub mod share;
pub mod start;
pub mod waiting;

use crate::app::router::use_nav;
use crate::app::{content, Route, StoreHandle};
use crate::session::Page;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GuardProps {
    pub wanted: Page,
}

/// Shows the requested step if the answers allow it; otherwise replaces the URL with
/// the step they do allow (an old bookmark or a hand-typed hash never shows a blank page).
#[function_component(Guard)]
pub fn guard(props: &GuardProps) -> Html {
    let store = use_context::<StoreHandle>().expect("store");
    let nav = use_nav();
    let page = store.session.resolve(content(), &props.wanted);
    use_effect_with((page.clone(), props.wanted.clone()), move |(page, wanted)| {
        if page != wanted {
            nav.replace(&Route::of(page));
        }
    });
    if page != props.wanted {
        return html! {};
    }
    match page {
        Page::Start => html! { <start::StartPage /> },
        Page::Question(id) => html! { <question::QuestionPage id={id} /> },
        Page::Check => html! { <check::CheckPage /> },
        Page::Result => html! { <result::ResultPage /> },
    }
}

/// The answer as the user sees it: option labels joined (with readings; render with `rich`).
pub fn answer_text(tr: &crate::app::Tr, question: &str, voice: Option<&str>, chosen: &[String]) -> String {
    chosen.iter().map(|o| tr.raw(&tr.q(question, voice, &format!("o.{o}")))).collect::<Vec<_>>().join(&tr.raw("ui.list_sep"))
}
