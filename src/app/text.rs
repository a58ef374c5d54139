//! Looking up what the widget says: a text by its key in the reader's language, as plain
//! text (titles, attributes) or as HTML with its readings (ruby), with `{placeholders}`
//! filled; and the ids the page gives notices.

use super::content;
use yew::prelude::*;

/// A notice's id in the page (`data-notice`), from its text key: tests find notices by
/// it, whatever the language.
pub fn notice_id(key: &str) -> String {
    key.rsplit('.').next().unwrap_or(key).trim_start_matches("notice_").to_string()
}

/// The reader's language, and every way the widget looks a text up in it.
#[derive(Clone, PartialEq)]
pub struct Tr {
    pub lang: String,
}

impl Tr {
    /// The text as stored, with `{漢字|よみ}` readings.
    pub fn raw(&self, key: &str) -> String {
        super::load::text(&self.lang, key).unwrap_or(key).to_string()
    }
    /// A text of the city profile (`p.<profile>.<key>`), as stored.
    pub fn raw_profile(&self, profile: &str, key: &str) -> String {
        super::load::text(&self.lang, &format!("p.{profile}.{key}")).unwrap_or_default().to_string()
    }
    /// A text with its `{placeholders}` filled, as stored.
    pub fn raw_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.raw(key);
        for (k, v) in args {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }
    /// Plain text, readings dropped: for titles, attributes and other plain places.
    pub fn plain(&self, key: &str) -> String {
        crate::ruby::plain(&self.raw(key))
    }
    pub fn plain_profile(&self, profile: &str, key: &str) -> String {
        crate::ruby::plain(&self.raw_profile(profile, key))
    }
    pub fn plain_with(&self, key: &str, args: &[(&str, &str)]) -> String {
        crate::ruby::plain(&self.raw_with(key, args))
    }
    /// The text as HTML, readings as ruby.
    pub fn html(&self, key: &str) -> Html {
        rich(&self.raw(key))
    }
    pub fn html_profile(&self, profile: &str, key: &str) -> Html {
        rich(&self.raw_profile(profile, key))
    }
    pub fn html_with(&self, key: &str, args: &[(&str, &str)]) -> Html {
        rich(&self.raw_with(key, args))
    }
    /// The key of a question's text (`title`, `why`, `o.<option>` …) in its voice
    /// (`Engine::voice`): the voice's own wording where the content gives one.
    pub fn q(&self, question: &str, voice: Option<&str>, part: &str) -> String {
        content().question_key(&self.lang, question, voice, part)
    }
    /// The same text in Japanese, for staff reading a printout in another language.
    pub fn ja(&self) -> Option<Tr> {
        (self.lang != content().default_lang).then(|| Tr { lang: content().default_lang.clone() })
    }
}

/// Renders a text with `{漢字|よみ}` readings as `<ruby>` markup; no HTML is ever parsed.
pub fn rich(s: &str) -> Html {
    use crate::ruby::{parse, Seg};
    let segs = parse(s);
    if let [Seg::Text(t)] = segs.as_slice() {
        return html! { { t.to_string() } };
    }
    html! {
        { for segs.into_iter().map(|seg| match seg {
            Seg::Text(t) => html! { { t.to_string() } },
            Seg::Ruby { base, reading } => html! { <ruby>{ base.to_string() }<rt>{ reading.to_string() }</rt></ruby> },
        }) }
    }
}
