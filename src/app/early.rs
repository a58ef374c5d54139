//! What a visitor did on the start page rendered at build time (`prerender`), before the
//! widget ran: the city chosen, a click on the start button (the loader keeps it as
//! `data-kc-start`), a language or 職員モード chosen in the header (`data-kc-chosen-lang`,
//! `data-kc-chosen-mode`), the element in focus. The widget then replaces that page with its
//! own and carries each on, so nothing the visitor did is lost (issue #20).

use std::cell::{Cell, RefCell};

thread_local! {
    static START: Cell<bool> = const { Cell::new(false) };
    static FOCUS: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The city chosen on the prerendered chooser, and the language and mode chosen in its
/// header, if any (checked against the content and the settings by the widget).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Early {
    pub profile: Option<String>,
    pub lang: Option<String>,
    /// `true`: 職員モード turned on, `false`: turned off again.
    pub counter: Option<bool>,
}

/// Reads (and clears) what the visitor did on the prerendered page in `el`.
#[cfg(target_arch = "wasm32")]
pub fn read(el: &web_sys::Element) -> Early {
    use wasm_bindgen::JsCast;
    if !el.has_attribute("data-prerendered") {
        return Early::default();
    }
    START.with(|s| s.set(el.get_attribute("data-kc-start").as_deref() == Some("pending")));
    let _ = el.remove_attribute("data-kc-start");
    let focused = gloo::utils::document().active_element().filter(|a| el.contains(Some(a))).map(|a| a.id()).filter(|id| !id.is_empty());
    FOCUS.with(|f| *f.borrow_mut() = focused);
    let profile = el
        .query_selector("input[name=kc-profile]:checked")
        .ok()
        .flatten()
        .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value());
    let lang = el.get_attribute("data-kc-chosen-lang");
    let counter = el.get_attribute("data-kc-chosen-mode").map(|m| m == "counter");
    let _ = el.remove_attribute("data-kc-chosen-lang");
    let _ = el.remove_attribute("data-kc-chosen-mode");
    Early { profile, lang, counter }
}

/// Whether the start button was pressed before the widget ran (true once).
pub fn take_start() -> bool {
    START.with(|s| s.replace(false))
}

/// The id of the element that had focus before the widget ran (once): the first step
/// gives it back its focus, instead of moving focus to the heading.
pub fn take_focus() -> Option<String> {
    FOCUS.with(|f| f.borrow_mut().take())
}
