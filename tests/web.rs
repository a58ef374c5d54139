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
    // As on the widget's own page: it names each step in the title.
    let config = Config { profile: profile.map(str::to_string), lang: "ja".into(), chooser: true, staff: true, title: true, ..Default::default() };
    mount_with(hash, config, None).await
}

/// Mounts with these settings, over a value saved on this device beforehand (`saved`,
/// under the widget's key, as if from an earlier visit).
async fn mount_with(hash: &str, config: Config, saved: Option<&str>) -> Element {
    // One widget at a time: an earlier test's widget would also follow the hash.
    if let Some((handle, el)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        handle.destroy();
        el.remove();
    }
    // The widget downloads its content file; here, without the built files, the full
    // content the build carries is put in place instead (the download is e2e's).
    kyodo_check::app::load::install(kyodo_check::embedded::content().unwrap());
    let win = web_sys::window().unwrap();
    let storage = win.local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    if let Some(v) = saved {
        storage.set_item(kyodo_check::app::storage::KEY, v).unwrap();
    }
    win.location().set_hash(hash).unwrap();
    let doc = gloo::utils::document();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    let handle = yew::Renderer::<App>::with_root_and_props(el.clone(), AppProps { config, early: Default::default(), failed: None }).render();
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

/// Counter mode over answers saved on this device: the notes as the widget saved them.
async fn mount_counter_saved(saved: &str) -> Element {
    let config = Config { lang: "ja".into(), chooser: true, staff: true, title: true, mode: kyodo_check::app::Mode::Counter, ..Default::default() };
    mount_with("#/result", config, Some(saved)).await
}

fn value(el: &Element, selector: &str) -> String {
    find(el, selector).dyn_into::<HtmlInputElement>().map(|i| i.value()).unwrap_or_else(|e| e.text_content().unwrap_or_default())
}

#[wasm_bindgen_test]
async fn notes_saved_before_the_record_fields_load_into_the_notes_and_the_record() {
    // Three fields (相談日, 担当課, 助言した内容), as saved before the record's fields existed.
    let saved = format!("{}!ja!2026-11-22%1F%E5%B8%82%E6%B0%91%E8%87%AA%E6%B2%BB%E6%8E%A8%E9%80%B2%E8%AA%B2%1F%E6%8C%81%E5%8F%82", &SHARE[4..]);
    let el = mount_counter_saved(&saved).await;
    assert_eq!(hash(), "#/result");
    assert!(el.query_selector("[data-notice=stored_restored]").unwrap().is_some(), "{}", el.inner_html());
    assert_eq!(value(&el, "#kc-notes-date"), "2026-11-22");
    assert_eq!(value(&el, "#kc-notes-section"), "市民自治推進課");
    let text = find(&el, "#kc-notes-text").dyn_into::<web_sys::HtmlTextAreaElement>().unwrap().value();
    assert_eq!(text, "持参");
    for field in ["person", "group", "contact", "staff", "next"] {
        // Each of the record's fields is a labelled input, empty, and an empty line on the sheet.
        assert_eq!(value(&el, &format!("#kc-notes-{field}")), "", "{field}");
        assert!(el.query_selector(&format!("label[for=kc-notes-{field}]")).unwrap().is_some(), "{field} is labelled");
        let sheet = find(&el, &format!(".kc-sheet-fields [data-field={field}] [data-value]"));
        assert_eq!((sheet.get_attribute("data-value").as_deref(), sheet.text_content().as_deref()), (Some(""), Some("")), "{field}");
    }
    let date = find(&el, ".kc-sheet-fields [data-field=date] [data-value]");
    assert_eq!(date.get_attribute("data-value").as_deref(), Some("2026-11-22"));
    assert_eq!(date.text_content().as_deref(), Some("2026年11月22日"), "the date as the sheet writes dates");
}

#[wasm_bindgen_test]
async fn the_record_fields_saved_on_the_device_come_back() {
    // 助言した内容 x; 相談者 山田, 団体名 NPO, 連絡先 0144, 対応者 (none), 次回予定 12/5.
    let saved = format!("{}!ja!%1F%1Fx%1F%E5%B1%B1%E7%94%B0%1FNPO%1F0144%1F%1F12%2F5", &SHARE[4..]);
    let el = mount_counter_saved(&saved).await;
    assert!(el.query_selector("[data-notice=stored_restored]").unwrap().is_some());
    let want = [("person", "山田"), ("group", "NPO"), ("contact", "0144"), ("staff", ""), ("next", "12/5")];
    for (field, v) in want {
        assert_eq!(value(&el, &format!("#kc-notes-{field}")), v, "{field}");
        assert_eq!(text(&el, &format!(".kc-sheet-fields [data-field={field}] [data-value]")), v, "{field} on the sheet");
    }
    // With the notes included, the link carries the advice and never the record's fields.
    click(&el, "#kc-notes-in-link");
    settle().await;
    let link = find(&el, "#kc-share-link").dyn_into::<HtmlInputElement>().unwrap().value();
    assert!(link.ends_with("!ja!%1F%1Fx"), "{link}");
}

#[wasm_bindgen_test]
async fn damaged_saved_notes_give_a_calm_message_and_keep_the_answers() {
    let saved = format!("{}!ja!%E5%B1%B1%1F%G0", &SHARE[4..]);
    let el = mount_counter_saved(&saved).await;
    assert_eq!(hash(), "#/result", "the answers were kept");
    assert!(el.query_selector("[data-notice=stored_partial]").unwrap().is_some(), "{}", el.inner_html());
    assert_eq!(value(&el, "#kc-notes-person"), "");
    // Nothing is overwritten until the user saves again.
    let kept = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item(kyodo_check::app::storage::KEY).unwrap();
    assert_eq!(kept.as_deref(), Some(saved.as_str()));
}
