pub mod cite;
pub mod contact;
pub mod error_summary;
pub mod layout;
pub mod load_problem;
pub mod qr;
pub mod result;
pub mod spectrum;
pub mod trace;

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// On each step: set the page title and move focus to the step's heading (or to the
/// error summary when there is one), so screen readers hear the new step at once.
/// Done just after the step is painted: focusing forces a layout that would otherwise
/// hold back the new step's first frame.
#[hook]
pub fn use_step(title: String, error: bool) {
    let tr = use_context::<crate::app::Tr>().expect("Tr");
    // A host page's own title is left alone unless the host opted in (data-title="set").
    let config = use_context::<std::rc::Rc<crate::app::Config>>();
    let set_title = config.as_ref().is_none_or(|c| c.title);
    let resize = config.as_ref().is_some_and(|c| c.resize);
    use_effect_with((title, error), move |(title, error)| {
        let app = tr.plain("ui.app_title");
        let prefix = if *error { tr.plain("ui.error_prefix") } else { String::new() };
        let title = format!("{prefix}{title} - {app}");
        let target = if *error { ".kc .kc-error-summary" } else { ".kc h1" };
        crate::app::router::after_paint(move || {
            let doc = gloo::utils::document();
            if set_title {
                doc.set_title(&title);
            }
            // A new step has a new height: an iframe host that asked for it is told.
            if resize {
                crate::app::send_height();
            }
            // The first step after a prerendered page gives focus back where the visitor put it.
            let kept = crate::app::early::take_focus().and_then(|id| doc.get_element_by_id(&id));
            if let Some(el) = kept.or_else(|| doc.query_selector(target).ok().flatten()) {
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    });
}

/// Focuses an element by id without touching the URL (the hash is the router's).
pub fn focus_id(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            el.scroll_into_view();
            let _ = el.focus();
        }
    }
}
