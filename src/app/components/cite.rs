//! Citations: the city, its document and the section a reason rests on.

use crate::app::{content, rich, Tr};
use crate::model::Source;
use yew::prelude::*;

/// How a section is named to the reader, e.g. 苫小牧市「協働ガイドライン」第3章 (7) 後援.
pub fn citation_text(tr: &Tr, profile: &str, section: &str) -> String {
    let c = content();
    let Some(p) = c.profile(profile) else { return String::new() };
    let label = tr.raw_p(profile, &format!("sections.{section}.label"));
    match p.section(section) {
        Some(s) if s.source == Source::Domain => label,
        Some(s) if s.seed.is_some() => format!("{} {label}", tr.raw_p(profile, &format!("sections.{section}.source"))),
        _ => format!("{} {} {label}", tr.raw_p(profile, "name"), tr.raw_p(profile, "document_short")),
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
        let label = tr.raw_p(profile, &format!("sections.{s}.label"));
        let doc = match sec.source {
            Source::Domain => tr.raw("ui.sources_domain"),
            Source::Seed if sec.seed.is_some() => tr.raw_p(profile, &format!("sections.{s}.source")),
            Source::Seed => tr.raw_f("ui.sources_document", &[
                ("city", &tr.raw_p(profile, "name")),
                ("document", &tr.raw_p(profile, "document")),
                ("issuer", &tr.raw_p(profile, "issuer")),
                ("date", &tr.raw_p(profile, "date")),
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
            <span class="kc-cite__label">{ tr.h("ui.cite_label") }</span>
            { for props.sections.iter().enumerate().map(|(i, s)| html! {
                <>
                    if i > 0 { { tr.t("ui.list_sep") } }
                    <cite class="kc-cite__item">{ rich(&citation_text(&tr, &props.profile, s)) }</cite>
                </>
            }) }
        </p>
    }
}
