//! Component tests in headless Chromium: mount into a fresh element, act, flush,
//! assert on the DOM. Run with `cargo test --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use kyodo_check::app::{App, AppProps, Config};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

async fn mount(config: Config) -> Element {
    let doc = gloo::utils::document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    yew::Renderer::<App>::with_root_and_props(el.clone(), AppProps { config }).render();
    yew::scheduler::flush().await;
    el
}

fn text(el: &Element, selector: &str) -> String {
    el.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn start_page_renders_with_heading_privacy_and_profile_chooser() {
    let el = mount(Config { profile: None, lang: "ja".into() }).await;
    assert_eq!(text(&el, "h1"), "あなたの考えは「協働」になりますか？");
    assert!(text(&el, ".kc-privacy").contains("どこにも送信されません"));
    let radios = el.query_selector_all("input[type=radio][name=kc-profile]").unwrap();
    assert_eq!(radios.length(), 6, "one choice per profile");
    assert!(text(&el, "fieldset legend").contains("どの市の指針"));
}

#[wasm_bindgen_test]
async fn a_fixed_profile_hides_the_chooser() {
    let el = mount(Config { profile: Some("tomakomai".into()), lang: "ja".into() }).await;
    assert!(el.query_selector("h1").unwrap().is_some(), "the page rendered");
    assert!(el.query_selector("input[name=kc-profile]").unwrap().is_none());
}
