//! Citations: the city, its document and the section a reason rests on.

use crate::app::{content, rich, Tr};
use crate::model::Source;
use yew::prelude::*;

/// How a section is named to the reader, e.g. 苫小牧市「協働ガイドライン」第3章 (7) 後援.
pub fn citation_text(tr: &Tr, profile: &str, section: &str) -> String {
    let c = content();
    let Some(p) = c.profile(profile) else { return String::new() };
    let label = tr.raw_profile(profile, &format!("sections.{section}.label"));
    match p.section(section) {
        Some(s) if s.source == Source::Domain => label,
        Some(s) if s.seed.is_some() => format!("{} {label}", tr.raw_profile(profile, &format!("sections.{section}.source"))),
        _ => format!("{} {} {label}", tr.raw_profile(profile, "name"), tr.raw_profile(profile, "document_short")),
    }
}

/// The documents a result cites, each named in full once (title, city, issuing
/// section, date), in the order first cited.
pub fn documents(tr: &Tr, profile: &str, sections: &[String]) -> Vec<String> {
    let c = content();
    let Some(p) = c.profile(profile) else { return Vec::new() };
    let mut out: Vec<String> = Vec::new();
    for s in sections {
        let Some(sec) = p.section(s) else { continue };
        let doc = match sec.source {
            Source::Domain => tr.raw("ui.sources_domain"),
            Source::Seed if sec.seed.is_some() => tr.raw_profile(profile, &format!("sections.{s}.source")),
            Source::Seed => tr.raw_with("ui.sources_document", &[
                ("city", &tr.raw_profile(profile, "name")),
                ("document", &tr.raw_profile(profile, "document")),
                ("issuer", &tr.raw_profile(profile, "issuer")),
                ("date", &tr.raw_profile(profile, "date")),
            ]),
        };
        if !out.contains(&doc) {
            out.push(doc);
        }
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct CitesProps {
    pub profile: String,
    pub sections: Vec<String>,
}

/// The citations of one reason; each opens its passage in place.
#[function_component(Cites)]
pub fn cites(props: &CitesProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    if props.sections.is_empty() {
        return html! {};
    }
    html! {
        <div class="kc-cite">
            <span class="kc-cite__label">{ tr.html("ui.cite_label") }</span>
            { for props.sections.iter().map(|s| html! {
                <Citation profile={props.profile.clone()} section={s.clone()} />
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CitationProps {
    pub profile: String,
    pub section: String,
}

static NEXT_ID: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// A citation as a disclosure: the button names the city, document and section; opening
/// it shows the quoted sentences in the city's Japanese (and, in another language, a
/// summary beside them). Focus moves into the passage; Escape closes it and focus
/// returns to the button. No network is involved: the passages are in the content.
#[function_component(Citation)]
pub fn citation(props: &CitationProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let open = use_state(|| false);
    let id = use_state(|| format!("kc-passage-{}", NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)));
    let button = use_node_ref();
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with(*open, move |open| {
            if *open {
                if let Some(el) = panel.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let close = {
        let (open, button) = (open.clone(), button.clone());
        move || {
            open.set(false);
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        }
    };
    let toggle = {
        let (open, close) = (open.clone(), close.clone());
        Callback::from(move |_| if *open { close() } else { open.set(true) })
    };
    let onkeydown = {
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close();
            }
        })
    };
    let name = citation_text(&tr, &props.profile, &props.section);
    html! {
        <span class="kc-cite__entry">
            <button type="button" class="kc-cite__button" ref={button} aria-expanded={if *open { "true" } else { "false" }}
                aria-controls={(*id).clone()} onclick={toggle}>
                <cite class="kc-cite__item">{ rich(&name) }</cite>
            </button>
            if *open {
                <span class="kc-passage" id={(*id).clone()} ref={panel} tabindex="-1" role="group"
                    aria-label={crate::ruby::plain(&name)} {onkeydown}>
                    <Passage profile={props.profile.clone()} section={props.section.clone()} />
                    <button type="button" class="kc-link-button kc-passage__close" onclick={Callback::from(move |_| close())}>
                        { tr.html("ui.passage_close") }
                    </button>
                </span>
            }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct PassageProps {
    pub profile: String,
    pub section: String,
}

/// The quoted sentences of a section (always the city's Japanese) and, for readers of
/// another language, the summary in their language beside them.
#[function_component(Passage)]
pub fn passage(props: &PassageProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let c = content();
    let Some(sec) = c.profile(&props.profile).and_then(|p| p.section(&props.section)) else { return html! {} };
    // Cross-city facts are written in every language, each naming its public source.
    if sec.source == Source::Domain {
        return html! {
            <span class="kc-passage__body">
                <span class="kc-passage__source">{ rich(&citation_text(&tr, &props.profile, &props.section)) }</span>
                { for sec.facts.iter().map(|f| html! {
                    <span class="kc-passage__fact" data-fact={f.clone()}>
                        <span class="kc-passage__sentence">{ tr.html(&format!("fact.{f}.text")) }</span>
                        <span class="kc-passage__origin">{ tr.html("ui.fact_source") }{ tr.html(&format!("fact.{f}.source")) }</span>
                    </span>
                }) }
            </span>
        };
    }
    let summary_key = format!("p.{}.sections.{}.summary", props.profile, props.section);
    let summary = (tr.lang != c.default_lang && c.has_text(&tr.lang, &summary_key)).then(|| tr.raw_profile(&props.profile, &format!("sections.{}.summary", props.section)));
    html! {
        <span class="kc-passage__body">
            <span class="kc-passage__source">{ rich(&citation_text(&tr, &props.profile, &props.section)) }</span>
            <span class="kc-passage__quote" lang="ja">
                { for sec.quotes.iter().map(|q| html! { <span class="kc-passage__sentence">{ q.to_string() }</span> }) }
            </span>
            if let Some(s) = summary {
                <span class="kc-passage__summary"><strong>{ tr.html("ui.passage_summary") }</strong>{ rich(&s) }</span>
            }
        </span>
    }
}
