//! アクセシビリティ方針: the target, the standard, the technologies relied on, what was
//! tested and how, and the result for each success criterion (the form WAIC recommends).

use crate::app::components::use_step;
use crate::app::{content, Tr};
use yew::prelude::*;

#[function_component(AccessibilityPage)]
pub fn accessibility_page() -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    use_step(tr.plain("ui.a11y_title"), false);
    let a = &content().accessibility;
    let english = tr.lang == "en";
    html! {
        <>
            <a class="kc-back" href="#/">{ tr.html("ui.back") }</a>
            <main class="kc-main" id="kc-main" tabindex="-1">
                <h1 class="kc-h1" tabindex="-1">{ tr.html("ui.a11y_title") }</h1>
                <p>{ tr.html_with("ui.a11y_policy", &[("standard", &a.standard), ("target", &a.target)]) }</p>
                <h2 class="kc-h2">{ tr.html("ui.a11y_status_heading") }</h2>
                <p class="kc-inset"><strong>{ tr.html("ui.a11y_status") }</strong></p>
                <p>{ tr.html("ui.a11y_remaining") }</p>
                <h2 class="kc-h2">{ tr.html("ui.a11y_summary_heading") }</h2>
                <dl class="kc-summary kc-summary--compact">
                    <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.html("ui.a11y_standard") }</dt><dd class="kc-summary__value">{ a.standard.clone() }</dd></div>
                    <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.html("ui.a11y_level") }</dt><dd class="kc-summary__value">{ a.target.clone() }</dd></div>
                    <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.html("ui.a11y_tech") }</dt><dd class="kc-summary__value">{ a.technologies.join(", ") }</dd></div>
                    <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.html("ui.a11y_pages") }</dt><dd class="kc-summary__value">{ tr.html("ui.a11y_pages_list") }</dd></div>
                    <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.html("ui.a11y_date") }</dt><dd class="kc-summary__value">{ a.tested.clone() }</dd></div>
                    <div class="kc-summary__row"><dt class="kc-summary__key">{ tr.html("ui.a11y_method_heading") }</dt><dd class="kc-summary__value">{ tr.html("ui.a11y_method") }</dd></div>
                </dl>
                <h2 class="kc-h2">{ tr.html("ui.a11y_table_heading") }</h2>
                <div class="kc-table-wrap" role="region" aria-labelledby="kc-a11y-caption" tabindex="0">
                    <table class="kc-table">
                        <caption id="kc-a11y-caption" class="kc-table__caption">{ tr.html("ui.a11y_table_caption") }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ tr.html("ui.a11y_col_id") }</th>
                                <th scope="col">{ tr.html("ui.a11y_col_name") }</th>
                                <th scope="col">{ tr.html("ui.a11y_col_level") }</th>
                                <th scope="col">{ tr.html("ui.a11y_col_result") }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for a.criteria.iter().map(|c| html! {
                                <tr>
                                    <th scope="row">{ c.id.clone() }</th>
                                    <td lang={if english { "en" } else { "ja" }}>{ if english { c.en.clone() } else { c.ja.clone() } }</td>
                                    <td>{ c.level.clone() }</td>
                                    <td>{ tr.html(&format!("ui.a11y_result_{}", c.result)) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                <h2 class="kc-h2">{ tr.html("ui.a11y_feedback_heading") }</h2>
                <p>{ tr.html("ui.a11y_feedback") }</p>
            </main>
        </>
    }
}
