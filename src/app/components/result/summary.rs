//! 結果の要点: what a citizen needs on the first screens — the verdict in plain words,
//! the main reason, two or three next steps, the counter's contact, and that the
//! verdict is a guide and the city decides.

use super::{tone_class, OutcomeProps};
use crate::app::components::cite::Cites;
use crate::app::components::contact::{common_guideline_note, ContactCard};
use crate::app::Tr;
use yew::prelude::*;

/// At most this many next steps in the summary; the verdict's first ones matter most.
const NEXT_STEPS: usize = 3;

#[function_component(ResultSummary)]
pub fn result_summary(props: &OutcomeProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let (o, pid) = (&props.outcome, &props.profile);
    // What is still to decide, for the step that names it.
    let todo = o.readiness_todo().iter().map(|r| tr.raw(&format!("readiness.{r}"))).collect::<Vec<_>>().join(&tr.raw("ui.list_sep"));
    html! {
        <section class="kc-section kc-result-summary" id="kc-summary" aria-labelledby="kc-summary-h">
            <h2 class="kc-h2 kc-vh" id="kc-summary-h">{ tr.html("ui.summary_heading") }</h2>
            <div class={classes!("kc-panel", tone_class(o))}>
                <p>{ tr.html(&format!("verdict.{}.body", o.verdict.id)) }</p>
                if let Some(f) = o.main_reason() {
                    <p class="kc-main-reason" data-main-reason={f.id.clone()}>
                        <strong>{ tr.html("ui.main_reason_label") }</strong>{ tr.html(&format!("finding.{}", f.id)) }
                    </p>
                }
                <Cites profile={pid.clone()} sections={o.verdict.citations.clone()} />
            </div>
            <p class="kc-guide-note" data-notice="guide">{ tr.html("ui.guide_note") }</p>
            { common_guideline_note(&tr, pid) }
            <h2 class="kc-h2" id="kc-next">{ tr.html("ui.next_heading") }</h2>
            <ul class="kc-list kc-list--bullet kc-next">
                { for o.verdict.next.iter().take(NEXT_STEPS).map(|n| html! { <li data-next={n.clone()}>{ tr.html_with(&format!("next.{n}"), &[("items", &todo)]) }</li> }) }
            </ul>
            <ContactCard profile={pid.clone()} />
        </section>
    }
}
