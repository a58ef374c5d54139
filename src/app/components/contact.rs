//! The counter's contact card: name, phone (a `tel:` link), fax, address, hours, web
//! page and where to send a proposal, from the guideline (cited) or the city's own file.
//! A detail that neither gives is named as not known, never left blank or made up.

use crate::app::components::cite::Cites;
use crate::app::{content, Tr};
use crate::model::Contact;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContactCardProps {
    pub profile: String,
}

#[function_component(ContactCard)]
pub fn contact_card(props: &ContactCardProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let c = content();
    let Some(p) = c.profile(&props.profile) else { return html! {} };
    let pid = &props.profile;
    let ct = p.shown_contact();
    let text = |k: &str| tr.raw_profile(pid, k);
    let (address, hours, proposal) = (text("contact.address"), text("contact.hours"), text("contact.proposal"));
    let tel = |n: &str| html! { <a href={format!("tel:{}", Contact::tel(n))}>{ n.to_string() }</a> };
    let row = |id: &str, label: &str, value: Html| html! {
        <div class="kc-contact__row" data-contact={id.to_string()}>
            <dt>{ tr.html(label) }</dt>
            <dd>{ value }</dd>
        </div>
    };
    let missing: Vec<String> = [
        (ct.phone.is_empty(), "ui.contact_item_phone"),
        (address.is_empty(), "ui.contact_item_address"),
        (hours.is_empty(), "ui.contact_item_hours"),
        (ct.web.is_empty(), "ui.contact_item_web"),
    ]
    .into_iter()
    .filter(|(gone, _)| *gone)
    .map(|(_, k)| tr.raw(k))
    .collect();
    let has_proposal = !proposal.is_empty() || !ct.proposal_web.is_empty() || !ct.proposal_phone.is_empty();
    html! {
        <div class="kc-contact" id="kc-contact">
            <h3 class="kc-h3">{ tr.html("ui.contact_heading") }</h3>
            <p class="kc-contact__dept">{ tr.html_profile(pid, "contact.department") }</p>
            <dl class="kc-contact__list">
                if !ct.phone.is_empty() { { row("phone", "ui.phone_label", tel(&ct.phone)) } }
                if !ct.fax.is_empty() { { row("fax", "ui.fax_label", html! { { ct.fax.clone() } }) } }
                if !address.is_empty() { { row("address", "ui.address_label", crate::app::rich(&address)) } }
                if !hours.is_empty() { { row("hours", "ui.hours_label", crate::app::rich(&hours)) } }
                if !ct.web.is_empty() {
                    { row("web", "ui.web_label", html! { <a href={ct.web.clone()} rel="noopener">{ ct.web.clone() }</a> }) }
                }
                if has_proposal {
                    { row("proposal", "ui.proposal_label", html! {
                        <>
                            if !proposal.is_empty() { <span class="kc-contact__proposal">{ crate::app::rich(&proposal) }</span> }
                            if !ct.proposal_phone.is_empty() { <span class="kc-contact__proposal">{ tel(&ct.proposal_phone) }</span> }
                            if !ct.proposal_web.is_empty() {
                                <span class="kc-contact__proposal"><a href={ct.proposal_web.clone()} rel="noopener">{ ct.proposal_web.clone() }</a></span>
                            }
                        </>
                    }) }
                }
            </dl>
            if !missing.is_empty() {
                <p class="kc-contact__missing" data-contact="missing">{ tr.html_with("ui.contact_not_given", &[("items", &missing.join(&tr.raw("ui.list_sep")))]) }</p>
            }
            <p>{ tr.html_profile(pid, "contact.how") }</p>
            <Cites profile={pid.clone()} sections={p.contact.cite.clone()} />
        </div>
    }
}

/// For a city adopted with one file: says plainly that the result follows the common
/// guideline, not one of the city's own.
pub fn common_guideline_note(tr: &Tr, profile: &str) -> Html {
    let Some(p) = content().profile(profile) else { return html! {} };
    if p.base.is_none() {
        return html! {};
    }
    html! {
        <p class="kc-note--common" data-notice="common-guideline">
            { tr.html_with("ui.common_guideline_notice", &[("city", &tr.raw_profile(profile, "name"))]) }
        </p>
    }
}
