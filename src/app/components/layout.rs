//! The frame around every step: a header naming the check and the guideline in use,
//! the notice area, and a polite live region for status changes.

use crate::app::{content, Action, StoreHandle, Tr};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub children: Html,
}

#[function_component(Layout)]
pub fn layout(props: &LayoutProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let profile = store.session.profile.clone();
    let notice = store.notice.clone().map(|n| {
        let dismiss = {
            let store = store.clone();
            Callback::from(move |_| store.dispatch(Action::Notice(None)))
        };
        html! {
            <div class="kc-notice" role="status">
                <p class="kc-notice__text">{ tr.t(n.key()) }</p>
                <button type="button" class="kc-link-button" onclick={dismiss}>{ tr.t("ui.notice_close") }</button>
            </div>
        }
    });
    html! {
        <>
            <header class="kc-header">
                <div class="kc-header__inner">
                    <a class="kc-header__title" href="#/">{ tr.t("ui.app_title") }</a>
                    if let Some(p) = profile.filter(|p| content().profile(p).is_some()) {
                        <span class="kc-header__profile">{ tr.p(&p, "name") }</span>
                    }
                </div>
            </header>
            <div class="kc-container">
                { for notice }
                { props.children.clone() }
            </div>
        </>
    }
}
