//! The start page: what the check is, what it answers, how long it takes, that
//! nothing is sent anywhere, and a profile chooser when the host did not fix one.

use crate::app::{content, Tr};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    pub fixed_profile: Option<String>,
    pub selected: Option<String>,
    pub on_select: Callback<String>,
}

#[function_component(StartPage)]
pub fn start_page(props: &StartPageProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr context");
    let c = content();
    let chooser = props.fixed_profile.is_none().then(|| {
        html! {
            <fieldset class="kc-fieldset">
                <legend class="kc-legend kc-legend--m">{ tr.t("ui.profile_label") }</legend>
                <p class="kc-hint" id="kc-profile-hint">{ tr.t("ui.profile_hint") }</p>
                <div class="kc-radios">
                { for c.profiles.iter().map(|p| {
                    let id = format!("kc-profile-{}", p.id);
                    let pid = p.id.clone();
                    let on_select = props.on_select.clone();
                    html! {
                        <div class="kc-radio">
                            <input class="kc-radio__input" type="radio" name="kc-profile" id={id.clone()} value={p.id.clone()}
                                checked={props.selected.as_deref() == Some(p.id.as_str())}
                                aria-describedby="kc-profile-hint"
                                onchange={Callback::from(move |_| on_select.emit(pid.clone()))} />
                            <label class="kc-radio__label" for={id}>
                                { tr.p(&p.id, "name") }
                                <span class="kc-radio__hint">{ tr.p(&p.id, "summary") }</span>
                            </label>
                        </div>
                    }
                }) }
                </div>
            </fieldset>
        }
    });
    html! {
        <main class="kc-main" id="kc-main">
            <h1 class="kc-h1">{ tr.t("ui.start_heading") }</h1>
            <p class="kc-lead">{ tr.t("ui.start_lead") }</p>
            <h2 class="kc-h2">{ tr.t("ui.start_answers") }</h2>
            <ol class="kc-list kc-list--number">
                <li>{ tr.t("ui.start_q1") }</li>
                <li>{ tr.t("ui.start_q2") }</li>
                <li>{ tr.t("ui.start_q3") }</li>
                <li>{ tr.t("ui.start_q4") }</li>
            </ol>
            <p>{ tr.t("ui.start_time") }</p>
            <div class="kc-inset kc-privacy"><p>{ tr.t("ui.start_privacy") }</p></div>
            { for chooser }
        </main>
    }
}
