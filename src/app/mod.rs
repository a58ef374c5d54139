//! The Yew user interface: thin components over the engine.

use crate::model::Content;
use std::sync::OnceLock;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

pub mod pages;

/// The content compiled into the widget, parsed once. The native test suite has
/// already proved it valid, so a failure here is a build defect.
pub fn content() -> &'static Content {
    static C: OnceLock<Content> = OnceLock::new();
    C.get_or_init(|| Content::embedded().expect("content validated at build time"))
}

/// Settings the host page gives through `data-*` attributes on the mount element.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Config {
    pub profile: Option<String>,
    pub lang: String,
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Config,
}

/// Text lookup for the current language.
#[derive(Clone, PartialEq)]
pub struct Tr {
    pub lang: String,
}

impl Tr {
    pub fn t(&self, key: &str) -> String {
        content().text(&self.lang, key).to_string()
    }
    pub fn p(&self, profile: &str, key: &str) -> String {
        content().profile_text(&self.lang, profile, key).to_string()
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let tr = Tr { lang: props.config.lang.clone() };
    let profile = use_state(|| props.config.profile.clone());
    html! {
        <ContextProvider<Tr> context={tr}>
            <div class="kc" lang={props.config.lang.clone()}>
                <pages::start::StartPage
                    fixed_profile={props.config.profile.clone()}
                    selected={(*profile).clone()}
                    on_select={{ let profile = profile.clone(); Callback::from(move |p: String| profile.set(Some(p))) }}
                />
            </div>
        </ContextProvider<Tr>>
    }
}

/// Reads the configuration from the mount element.
pub fn read_config(el: &web_sys::Element) -> Config {
    let c = content();
    let profile = el.get_attribute("data-city").filter(|p| c.profile(p).is_some());
    let lang = el
        .get_attribute("data-lang")
        .filter(|l| c.language(l).is_some())
        .unwrap_or_else(|| c.default_lang.clone());
    Config { profile, lang }
}

/// Mounts the widget into `#kyodo-check` (or the body when the host has no such element).
#[wasm_bindgen]
pub fn start() {
    let doc = gloo::utils::document();
    let el = doc.get_element_by_id("kyodo-check").unwrap_or_else(|| {
        let el = doc.create_element("div").unwrap();
        el.set_id("kyodo-check");
        gloo::utils::body().append_child(&el).unwrap();
        el
    });
    let config = read_config(&el);
    yew::Renderer::<App>::with_root_and_props(el, AppProps { config }).render();
}
