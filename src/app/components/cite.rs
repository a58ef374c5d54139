//! Citations: the city, its document and the section a reason rests on.

use crate::app::{content, Tr};
use crate::model::Source;
use yew::prelude::*;

/// How a section is named to the reader, e.g. 苫小牧市「協働ガイドライン」第3章 (7) 後援.
pub fn citation_text(tr: &Tr, profile: &str, section: &str) -> String {
    let c = content();
    let Some(p) = c.profile(profile) else { return String::new() };
    let label = tr.p(profile, &format!("sections.{section}.label"));
    match p.section(section) {
        Some(s) if s.source == Source::Domain => label,
        Some(s) if s.seed.is_some() => format!("{} {label}", tr.p(profile, &format!("sections.{section}.source"))),
        _ => format!("{} {} {label}", tr.p(profile, "name"), tr.p(profile, "document_short")),
    }
}

/// The sections a result cites, grouped by the document they come from, each
/// document named in full once (title, city, issuing section, date).
pub fn sources_by_document(tr: &Tr, profile: &str, sections: &[String]) -> Vec<(String, Vec<String>)> {
    let c = content();
    let Some(p) = c.profile(profile) else { return Vec::new() };
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for s in sections {
        let Some(sec) = p.section(s) else { continue };
        let label = tr.p(profile, &format!("sections.{s}.label"));
        let doc = match sec.source {
            Source::Domain => tr.t("ui.sources_domain"),
            Source::Seed if sec.seed.is_some() => tr.p(profile, &format!("sections.{s}.source")),
            Source::Seed => tr.f("ui.sources_document", &[
                ("city", &tr.p(profile, "name")),
                ("document", &tr.p(profile, "document")),
                ("issuer", &tr.p(profile, "issuer")),
                ("date", &tr.p(profile, "date")),
            ]),
        };
        match out.iter_mut().find(|(d, _)| *d == doc) {
            Some((_, list)) => list.push(label),
            None => out.push((doc, vec![label])),
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct CitesProps {
    pub profile: String,
    pub sections: Vec<String>,
}

#[function_component(Cites)]
pub fn cites(props: &CitesProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    if props.sections.is_empty() {
        return html! {};
    }
    html! {
        <p class="kc-cite">
            <span class="kc-cite__label">{ tr.t("ui.cite_label") }</span>
            { for props.sections.iter().enumerate().map(|(i, s)| html! {
                <>
                    if i > 0 { { "、" } }
                    <cite class="kc-cite__item">{ citation_text(&tr, &props.profile, s) }</cite>
                </>
            }) }
        </p>
    }
}
