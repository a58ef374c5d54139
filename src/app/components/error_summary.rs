//! The error summary (GOV.UK pattern): "問題があります" at the top of the page, focused
//! when shown, each message a link that moves focus to the field.

use crate::app::{rich, Tr};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// (id of the field to focus, message as stored, with any readings)
    pub errors: Vec<(String, String)>,
}

#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    html! {
        <div class="kc-error-summary" tabindex="-1" role="alert" aria-labelledby="kc-error-summary-title">
            <h2 class="kc-error-summary__title" id="kc-error-summary-title">{ tr.html("ui.error_summary_title") }</h2>
            <ul class="kc-error-summary__list">
                { for props.errors.iter().map(|(id, msg)| {
                    let target = id.clone();
                    // The URL fragment belongs to the router: focus the field by hand.
                    let onclick = Callback::from(move |e: MouseEvent| { e.prevent_default(); super::focus_id(&target); });
                    html! { <li><a href={format!("#{id}")} {onclick}>{ rich(msg) }</a></li> }
                }) }
            </ul>
        </div>
    }
}
