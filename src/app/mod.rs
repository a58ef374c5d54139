//! The Yew user interface: thin components over the engine and the session.

use crate::session::{Page, Session};
use std::rc::Rc;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;
use yew::prelude::*;

pub mod components;
pub mod early;
pub mod load;
pub mod pages;
pub mod router;
pub mod state;
pub mod storage;
pub mod text;

pub use load::content;
pub use state::{Action, Loading, Notice, Store, StoreHandle};
pub use text::{notice_id, rich, Tr};

pub use crate::route::Route;

pub use crate::config::{Config, Mode};



/// Text lookup for the current language. `t`/`p`/`f` give plain text (titles,
/// attributes); `h`/`ph`/`fh` give markup with furigana as real `<ruby>` elements.

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Config,
    /// What the visitor did on the start page rendered at build time (`early`).
    #[prop_or_default]
    pub early: early::Early,
    /// Why the content file could not be used, when that was known before the widget
    /// mounted (on a start page rendered at build time, it waits for the file first).
    #[prop_or_default]
    pub failed: Option<load::Problem>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = props.config.clone();
    let store = use_reducer(|| {
        let ready = load::ready();
        // A city chosen on the prerendered chooser before the widget ran is kept.
        let chosen = props.early.profile.clone().filter(|p| config.profile.is_none() && content().profile(p).is_some());
        let base = Store {
            session: Session::new(config.profile.clone().or(chosen)),
            lang: config.lang.clone(),
            fixed_profile: config.profile.is_some(),
            notice: None,
            saving: false,
            announce: None,
            mode: config.mode,
            notes: Default::default(),
            notes_in_link: false,
            loading: match (&props.failed, ready) {
                (_, true) => Loading::Ready,
                (Some(problem), false) => Loading::Failed { attempt: 0, problem: problem.clone() },
                (None, false) => Loading::Pending { attempt: 0 },
            },
        };
        // Saved answers are read against the content: now if it is here, else on arrival.
        let mut store = if ready { storage::restore(base) } else { base };
        // A language or 職員モード chosen on the prerendered page wins over a saved one.
        if let Some(l) = props.early.lang.clone().filter(|l| content().language(l).is_some()) {
            store.lang = l;
        }
        if let Some(on) = props.early.counter.filter(|_| config.staff) {
            store.mode = if on { Mode::Counter } else { Mode::Citizen };
        }
        store
    });
    // The content file these settings need, asked for once the start page is on screen
    // (effects run after the first render), and again on each retry.
    {
        let store = store.clone();
        let profile = config.profile.clone();
        let attempt = match store.loading {
            Loading::Pending { attempt } => Some(attempt),
            _ => None,
        };
        use_effect_with(attempt, move |attempt| {
            if attempt.is_some() {
                yew::platform::spawn_local(async move {
                    let got = load::fetch(profile).await;
                    store.dispatch(Action::Loaded(got));
                });
            }
        });
    }
    // Keep the device copy in step with the answers, but only after the user opted in.
    {
        let store = store.clone();
        use_effect_with((store.session.clone(), store.saving, store.lang.clone(), store.notes.clone()), move |(session, saving, lang, notes)| {
            if *saving {
                if storage::save(session, lang, notes).is_err() {
                    store.dispatch(Action::SetSaving(false));
                    store.dispatch(Action::Notice(Some(Notice::StorageUnavailable)));
                }
            }
        });
    }
    let lang = store.lang.clone();
    let html_lang = content().language(&lang).map(|l| l.html_lang.clone()).unwrap_or_else(|| "ja".into());
    // On the widget's own page, <html lang> follows the choice; on a host page only
    // the widget's root carries it.
    use_effect_with(html_lang.clone(), |l| {
        if let Some(root) = gloo::utils::document().document_element() {
            if root.has_attribute("data-kyodo-standalone") {
                let _ = root.set_attribute("lang", l);
            }
        }
    });
    // In an iframe whose host opted in: send the parent our height, and nothing else
    // (here on every change of the state; each new step sends it too, see use_step).
    use_effect(move || {
        if config.resize {
            send_height();
        }
    });
    let tr = Tr { lang };
    html! {
        <ContextProvider<Tr> context={tr}>
            <ContextProvider<Rc<Config>> context={Rc::new(props.config.clone())}>
            <ContextProvider<StoreHandle> context={store}>
                <router::Router>
                    <div class="kc" lang={html_lang}>
                        <components::layout::Layout>
                            <Pages />
                        </components::layout::Layout>
                    </div>
                </router::Router>
            </ContextProvider<StoreHandle>>
            </ContextProvider<Rc<Config>>>
        </ContextProvider<Tr>>
    }
}

/// The step the route names.
#[function_component(Pages)]
fn pages_for_route() -> Html {
    let route = router::use_route();
    let store = use_context::<StoreHandle>().expect("store");
    // Every step past the start needs the downloaded content: until it is here, a calm
    // wait (or why it could not be read, with the counter and a retry).
    if !store.loading.ready() && !matches!(route, Route::Start | Route::NotFound | Route::PanicCheck) {
        return html! { <pages::waiting::Waiting /> };
    }
    match route {
        Route::Start => html! { <pages::start::StartPage /> },
        // Not keyed by question: from one question to the next, the page's frame (form,
        // fieldset, heading, buttons) stays and only what differs is replaced.
        Route::Question(id) => html! { <pages::Guard wanted={Page::Question(id)} /> },
        Route::Check => html! { <pages::Guard wanted={Page::Check} /> },
        Route::Result => html! { <pages::Guard wanted={Page::Result} /> },
        Route::Accessibility => html! { <pages::accessibility::AccessibilityPage /> },
        Route::PanicCheck => panic!("deliberate panic (#/__panic) to check the panic hook"),
        Route::Share => html! { <pages::share::ShareLoader /> },
        Route::NotFound => html! { <pages::Guard wanted={Page::Start} /> },
    }
}

/// Tells the parent page (the host of our iframe, which opted in with `resize=1`) the
/// widget's height: a number, nothing else.
pub fn send_height() {
    let win = gloo::utils::window();
    let root = gloo::utils::document().query_selector(".kc").ok().flatten();
    if let (Ok(Some(parent)), Some(root)) = (win.parent(), root) {
        let _ = parent.post_message(&wasm_bindgen::JsValue::from(root.scroll_height()), "*");
    }
}

/// Reads the configuration: `data-*` attributes of the mount element first, then the
/// page's URL parameters (for the iframe). Unknown values fall back to the default and
/// are reported, never a blank widget.
pub fn read_config(el: &web_sys::Element) -> Config {
    let params = gloo::utils::window()
        .location()
        .search()
        .ok()
        .and_then(|s| web_sys::UrlSearchParams::new_with_str(&s).ok());
    let get = |name: &str| {
        el.get_attribute(&format!("data-{name}"))
            .or_else(|| params.as_ref().and_then(|p| p.get(name)))
    };
    let raw = crate::config::Raw {
        city: get("city"),
        lang: get("lang"),
        mode: get("mode"),
        chooser: get("chooser"),
        resize: get("resize"),
        staff: get("staff"),
        title: get("title"),
    };
    let mut config = config_from(raw);
    // On its own page (and so in the iframe) the widget always names the step in the title.
    let standalone = gloo::utils::document().document_element().is_some_and(|h| h.has_attribute("data-kyodo-standalone"));
    config.title |= standalone;
    config
}

/// The configuration from raw setting values; unknown ones are also told to the web
/// team in the console.
pub fn config_from(raw: crate::config::Raw) -> Config {
    let config = crate::config::decode(content(), raw);
    for (attr, value) in &config.problems {
        gloo::console::warn!(format!("協働チェック: {attr}=\"{value}\" is not a known value; using the default. See docs/embedding.md."));
    }
    config
}

#[cfg(target_arch = "wasm32")]
/// A panic must not leave a blank page: replace the widget with a calm message and a
/// way to start again. The message is fixed text here, not content: the content itself
/// may be what failed. It carries no user data, so it cannot be abused;
/// answers the user chose to save on the device are untouched.
fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        gloo::console::error!(format!("協働チェック: {info}"));
        let Some(el) = gloo::utils::document().get_element_by_id("kyodo-check") else { return };
        let loc = gloo::utils::window().location();
        let restart = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
        let restart: String = restart.chars().filter(|c| !matches!(c, '"' | '<' | '>' | '\'' | '&')).collect();
        el.set_inner_html(&format!(
            "<div class=\"kc\" lang=\"ja\"><div class=\"kc-container\"><main class=\"kc-main\" id=\"kc-main\">\
             <h1 class=\"kc-h1\">申し訳ありません。表示に問題が起きました</h1>\
             <p>入力した内容はどこにも送信されていません。この端末に保存することを選んでいた場合、保存した回答はそのまま残っています。</p>\
             <p><a class=\"kc-button\" href=\"{restart}\">最初からやり直す</a></p>\
             <p lang=\"en\">Sorry, something went wrong. Nothing was sent anywhere; answers you chose to save on this device are kept. \
             Use the button above to start again.</p></main></div></div>"
        ));
    }));
}

/// Mounts the widget into `#kyodo-check` (or the body when the host has no such element).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn start() {
    install_panic_hook();
    let doc = gloo::utils::document();
    let el = doc.get_element_by_id("kyodo-check").unwrap_or_else(|| {
        let el = doc.create_element("div").unwrap();
        el.set_id("kyodo-check");
        gloo::utils::body().append_child(&el).unwrap();
        el
    });
    let config = read_config(&el);
    // With a city set (its file is small, and the loader asked for it beside the wasm, so
    // it is mostly here already) or on a start page rendered at build time (on screen
    // already), the widget renders once the file is here: once, rather than from the
    // shell now and again on arrival (each render of the page costs a slow phone more
    // than the wait). The loader keeps a click meanwhile; a city chosen is read at mount.
    // The chooser on index.html renders from the shell at once, and fetches the file
    // with every city meanwhile.
    if config.profile.is_some() || el.has_attribute("data-prerendered") {
        let profile = config.profile.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let failed = load::fetch(profile).await.err();
            mount(el, config, failed);
        });
    } else {
        mount(el, config, None);
    }
}

#[cfg(target_arch = "wasm32")]
fn mount(el: web_sys::Element, config: Config, failed: Option<load::Problem>) {
    // Read before the widget replaces the prerendered page (it clears `el`).
    let early = early::read(&el);
    // Marks the page as the widget's own from now on (a host's stylesheet or script may
    // look for it; the tests' watch of requests after load does).
    let _ = el.set_attribute("data-kc-running", "");
    yew::Renderer::<App>::with_root_and_props(el, AppProps { config, early, failed }).render();
}
