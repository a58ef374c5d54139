//! Component tests in headless Chromium: mount into a fresh element, act, flush,
//! assert on the DOM. Run with `cargo test --target wasm32-unknown-unknown --test web`.
//! The widget routes by the URL fragment, so each test sets the hash it starts from.
#![cfg(target_arch = "wasm32")]

use kyodo_check::app::{App, AppProps, Config};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the browser deliver hashchange events and Yew re-render.
async fn settle() {
    for _ in 0..3 {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
        yew::scheduler::flush().await;
    }
}

thread_local! {
    static MOUNTED: std::cell::RefCell<Option<(yew::AppHandle<App>, Element)>> = const { std::cell::RefCell::new(None) };
}

async fn mount(hash: &str, profile: Option<&str>) -> Element {
    // One widget at a time: an earlier test's widget would also follow the hash.
    if let Some((handle, el)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        handle.destroy();
        el.remove();
    }
    let win = web_sys::window().unwrap();
    win.local_storage().unwrap().unwrap().clear().unwrap();
    win.location().set_hash(hash).unwrap();
    let doc = gloo::utils::document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    // As on the widget's own page: it names each step in the title.
    let config = Config { profile: profile.map(str::to_string), lang: "ja".into(), chooser: true, staff: true, title: true, ..Default::default() };
    let handle = yew::Renderer::<App>::with_root_and_props(el.clone(), AppProps { config }).render();
    MOUNTED.with(|m| *m.borrow_mut() = Some((handle, el.clone())));
    settle().await;
    el
}

fn find(el: &Element, selector: &str) -> Element {
    el.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector} in {}", el.inner_html()))
}

fn text(el: &Element, selector: &str) -> String {
    find(el, selector).text_content().unwrap_or_default()
}

fn click(el: &Element, selector: &str) {
    find(el, selector).dyn_into::<HtmlElement>().unwrap().click();
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

const SHARE: &str = "#/s/k1!tomakomai!role:npo,idea:together,partner:city,purpose:public,open_to:anyone,synergy:yes,risks:none,subject:event,lead:we_host,support:name,koen_policy:yes,duration:once,capacity:established,why_partner:strengths,repeat_partner:first,readiness:purpose+plan";

#[wasm_bindgen_test]
async fn start_page_renders_with_heading_privacy_and_profile_chooser() {
    let el = mount("#/", None).await;
    assert_eq!(text(&el, "h1"), "あなたの考えは「協働」になりますか？");
    assert!(text(&el, ".kc-privacy").contains("どこにも送信されません"));
    assert_eq!(el.query_selector_all("input[type=radio][name=kc-profile]").unwrap().length(), 6);
    assert!(el.query_selector("input[name=kc-profile]:checked").unwrap().is_none(), "no profile preselected");
}

#[wasm_bindgen_test]
async fn a_fixed_profile_hides_the_chooser() {
    let el = mount("#/", Some("tomakomai")).await;
    assert!(el.query_selector("h1").unwrap().is_some(), "the page rendered");
    assert!(el.query_selector("input[name=kc-profile]").unwrap().is_none());
    assert!(text(&el, ".kc-header").contains("苫小牧市"));
}

#[wasm_bindgen_test]
async fn question_page_is_a_fieldset_with_the_question_as_legend_and_heading() {
    let el = mount("#/q/role", Some("tomakomai")).await;
    assert_eq!(hash(), "#/q/role");
    assert_eq!(text(&el, "fieldset legend h1"), "あなたは、どの立場で取り組みますか？");
    let options = kyodo_check::app::content().question("role").unwrap().options.len() as u32;
    assert_eq!(el.query_selector_all("fieldset input[type=radio]").unwrap().length(), options);
    assert!(el.query_selector("input:checked").unwrap().is_none(), "no option preselected");
    assert!(text(&el, ".kc-why").contains("この質問の理由"));
    assert!(text(&el, "details summary").contains("市民"), "the term is explained where it appears");
}

#[wasm_bindgen_test]
async fn continue_without_an_answer_shows_the_error_summary_and_keeps_the_page() {
    let el = mount("#/q/role", Some("tomakomai")).await;
    click(&el, "button[type=submit]");
    settle().await;
    assert_eq!(text(&el, ".kc-error-summary h2"), "問題があります");
    assert!(text(&el, ".kc-error-summary a").contains("1つ選んでください"));
    assert_eq!(find(&el, ".kc-error-summary a").get_attribute("href").as_deref(), Some("#kc-role-individual"));
    assert!(text(&el, ".kc-error-message").contains("1つ選んでください"), "inline message too");
    assert!(gloo::utils::document().title().starts_with("エラー："));
    let focused = gloo::utils::document().active_element().unwrap();
    assert!(focused.class_list().contains("kc-error-summary"), "the summary takes focus");
    assert_eq!(hash(), "#/q/role", "still on the same question");
}

#[wasm_bindgen_test]
async fn choosing_and_continuing_goes_to_the_next_question() {
    let el = mount("#/q/role", Some("tomakomai")).await;
    click(&el, "#kc-role-npo");
    settle().await;
    assert!(find(&el, "#kc-role-npo").dyn_into::<HtmlInputElement>().unwrap().checked());
    click(&el, "button[type=submit]");
    settle().await;
    assert_eq!(hash(), "#/q/idea");
    assert_eq!(text(&el, "h1"), "あなたの考えに一番近いものはどれですか？");
    assert_eq!(find(&el, "a.kc-back").get_attribute("href").as_deref(), Some("#/q/role"));
}

#[wasm_bindgen_test]
async fn the_next_question_reuses_the_page_but_not_its_state() {
    let el = mount("#/q/role", Some("tomakomai")).await;
    let form = find(&el, "form");
    let first_heading = find(&el, "h1");
    // An error and an opened explanation on this question…
    click(&el, "button[type=submit]");
    settle().await;
    assert!(el.query_selector(".kc-error-summary").unwrap().is_some());
    find(&el, "details").set_attribute("open", "").unwrap();
    click(&el, "#kc-role-npo");
    settle().await;
    let chosen = find(&el, "#kc-role-npo");
    click(&el, "button[type=submit]");
    settle().await;
    assert_eq!(hash(), "#/q/idea", "the step has its history entry once painted");
    assert!(!chosen.is_connected(), "the options are the new question's own inputs");
    // …are not carried to the next one, which is drawn into the same form.
    assert!(form.is_same_node(Some(&find(&el, "form"))), "the page frame stays mounted");
    assert!(el.query_selector(".kc-error-summary").unwrap().is_none(), "no error on a new question");
    assert!(!find(&el, "details").has_attribute("open"), "explanations start closed");
    assert!(el.query_selector("input:checked").unwrap().is_none(), "nothing preselected");
    // A new heading element takes focus, so a screen reader reads the new question.
    let heading = find(&el, "h1");
    assert!(!heading.is_same_node(Some(&first_heading)));
    let active = gloo::utils::document().active_element().unwrap();
    assert!(active.is_same_node(Some(&heading)), "focus on the new heading, not {}", active.outer_html());
    assert_eq!(gloo::utils::document().title(), "あなたの考えに一番近いものはどれですか？ - 協働チェック");
    // Back shows the earlier question as it was answered.
    web_sys::window().unwrap().history().unwrap().back().unwrap();
    settle().await;
    assert_eq!(hash(), "#/q/role");
    assert!(find(&el, "#kc-role-npo").dyn_into::<HtmlInputElement>().unwrap().checked());
    assert!(el.query_selector(".kc-error-summary").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn a_question_ahead_of_the_answers_redirects_to_the_first_open_one() {
    let _el = mount("#/q/readiness", Some("tomakomai")).await;
    assert_eq!(hash(), "#/q/role");
    let _el = mount("#/result", Some("tomakomai")).await;
    assert_eq!(hash(), "#/q/role");
}

#[wasm_bindgen_test]
async fn result_page_puts_the_summary_first_and_folds_the_details() {
    let el = mount(SHARE, None).await;
    assert_eq!(hash(), "#/result");
    let main = find(&el, ".kc-result");
    assert_eq!(main.get_attribute("data-verdict").as_deref(), Some("kyodo"));
    assert!(main.get_attribute("data-forms").unwrap().starts_with("koen:Good"), "the best form first");
    // The summary: verdict, main reason, at most three next steps, the contact card, the guide line.
    let summary = find(&el, "#kc-summary");
    assert!(summary.query_selector("[data-main-reason]").unwrap().is_some());
    let next = summary.query_selector_all("[data-next]").unwrap().length();
    assert!((1..=3).contains(&next), "{next} next steps");
    assert!(summary.query_selector("#kc-contact").unwrap().is_some(), "the contact is in the summary");
    assert!(summary.query_selector("[data-notice=guide]").unwrap().is_some());
    // 苫小牧's guideline prints no phone: the card says what is not given, and shows no blank.
    assert!(summary.query_selector("[data-contact=phone]").unwrap().is_none());
    assert!(summary.query_selector("[data-contact=missing]").unwrap().is_some());
    // The details: folded, each with a gist; the findings cite their guideline.
    let folds = el.query_selector_all("details.kc-fold").unwrap();
    assert!(folds.length() >= 5, "{} folded sections", folds.length());
    assert!(el.query_selector("details.kc-fold[open]").unwrap().is_none(), "all folded at first");
    assert!(el.query_selector_all(".kc-fold__gist").unwrap().length() >= 5);
    assert!(el.query_selector_all("[data-finding]").unwrap().length() >= 4);
    assert!(el.query_selector(".kc-finding .kc-cite__button").unwrap().is_some(), "findings cite");
    // The spectrum marks the band as the data says, as a list item a screen reader hears as current.
    let on = find(&el, ".kc-spectrum__band--on");
    assert_eq!(on.get_attribute("data-band").as_deref(), main.get_attribute("data-band").as_deref());
    assert_eq!(on.get_attribute("aria-current").as_deref(), Some("true"));
    assert!(el.query_selector("[data-notice=share_ok]").unwrap().is_some());
    let link = find(&el, "#kc-share-link").dyn_into::<HtmlInputElement>().unwrap().value();
    assert!(link.contains("#/s/k1!tomakomai!role:npo"));
}

#[wasm_bindgen_test]
async fn check_page_lists_the_path_with_change_links_naming_the_question() {
    let el = mount(SHARE, None).await;
    web_sys::window().unwrap().location().set_hash("#/check").unwrap();
    settle().await;
    assert_eq!(text(&el, "h1"), "回答の確認");
    let rows = el.query_selector_all(".kc-summary__row").unwrap().length();
    assert_eq!(rows, 1 + 16, "the profile and the sixteen answers on the path");
    let change = find(&el, "a[href='#/q/purpose']");
    assert!(change.text_content().unwrap().contains("変更"));
    assert!(text(&change, ".kc-vh").contains("その取り組みの一番の目的は何ですか？"), "hidden text names what it changes");
    click(&el, "a[href='#/q/purpose']");
    settle().await;
    assert_eq!(hash(), "#/q/purpose");
    assert!(find(&el, "#kc-purpose-public").dyn_into::<HtmlInputElement>().unwrap().checked(), "the answer is shown chosen");
}

#[wasm_bindgen_test]
async fn a_broken_share_link_gives_a_calm_message() {
    let el = mount("#/s/k1!nowhere!role:npo", None).await;
    assert_eq!(hash(), "#/");
    assert!(text(&el, ".kc-notice").contains("共有リンクを読み込めませんでした"));
    assert!(!text(&el, "h1").is_empty());
}
