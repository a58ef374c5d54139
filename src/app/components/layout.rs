//! The frame around every step: a header naming the check and the guideline in use,
//! the notice area, and a polite live region for status changes.

use crate::app::{content, Action, Config, Mode, StoreHandle, Tr};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub children: Html,
}

#[function_component(Layout)]
pub fn layout(props: &LayoutProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let config = use_context::<Rc<Config>>().expect("config");
    let profile = store.session.profile.clone();
    let counter = store.mode == Mode::Counter;
    let toggle_mode = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::SetMode(if counter { Mode::Citizen } else { Mode::Counter })))
    };
    let notice = store.notice.clone().map(|n| {
        let dismiss = {
            let store = store.clone();
            Callback::from(move |_| store.dispatch(Action::Notice(None)))
        };
        html! {
            // The notice's text key names it for tests, whatever the language.
            <div class="kc-notice" role="status" data-notice={crate::app::notice_id(n.key())}>
                <p class="kc-notice__text">{ tr.html(n.key()) }</p>
                <button type="button" class="kc-link-button" onclick={dismiss}>{ tr.html("ui.notice_close") }</button>
            </div>
        }
    });
    html! {
        <>
            // The host page may put menus before the widget: a way straight to the step.
            <a class="kc-skip" href="#kc-main" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); super::focus_id("kc-main"); })}>
                { tr.html("ui.skip_link") }
            </a>
            <header class="kc-header">
                <div class="kc-header__inner">
                    <p class="kc-header__brand">
                        <a class="kc-header__title" href="#/">{ tr.html("ui.app_title_short") }</a>
                        if let Some(p) = profile.filter(|p| content().profile(p).is_some()) {
                            <span class="kc-header__profile">{ tr.html_profile(&p, "name") }</span>
                        }
                    </p>
                    <div class="kc-header__tools">
                    <nav class="kc-lang" aria-label={tr.plain("ui.language_label")}>
                        <ul class="kc-lang__list">
                            { for content().languages.iter().map(|l| {
                                let current = l.code == store.lang;
                                let onclick = {
                                    let (store, code) = (store.clone(), l.code.clone());
                                    Callback::from(move |_| store.dispatch(Action::SetLang(code.clone())))
                                };
                                html! {
                                    <li class="kc-lang__item">
                                        // The id gives focus back after the widget takes over a page
                                        // rendered at build time; the value names the language for the loader.
                                        <button type="button" class="kc-lang__button" lang={l.html_lang.clone()}
                                            id={format!("kc-lang-{}", l.code)} value={l.code.clone()}
                                            aria-pressed={if current { "true" } else { "false" }} {onclick}>
                                            { l.name.clone() }
                                        </button>
                                    </li>
                                }
                            }) }
                        </ul>
                    </nav>
                    if config.staff {
                        <button type="button" class="kc-mode" id="kc-mode" aria-pressed={if counter { "true" } else { "false" }} onclick={toggle_mode}>
                            { tr.html("ui.counter_mode") }
                        </button>
                    }
                    </div>
                </div>
            </header>
            <div class="kc-vh" aria-live="polite" role="status">
                { for store.announce.map(|k| tr.html(k)) }
            </div>
            <div class="kc-container">
                // For the city's web team: a setting the widget did not understand.
                { for config.problems.iter().map(|(attr, value)| html! {
                    <div class="kc-notice kc-notice--config" role="note" data-notice="config_problem">
                        <p class="kc-notice__text">{ tr.html_with("ui.config_problem", &[("attr", attr), ("value", value)]) }</p>
                    </div>
                }) }
                { for notice }
                { props.children.clone() }
            </div>
            <footer class="kc-footer">
                <div class="kc-footer__inner">
                    <a href="#/accessibility">{ tr.html("ui.a11y_link") }</a>
                    <span class="kc-footer__note">{ tr.html("ui.footer_privacy") }</span>
                </div>
            </footer>
        </>
    }
}
