//! The result page's parts: the summary a citizen acts on, the folded details, the
//! counter's workspace, and keeping the result (print, link, save).

pub mod counter;
pub mod details;
pub mod keep;
pub mod similar;
pub mod summary;

use crate::engine::Outcome;
use crate::model::Level;
use std::rc::Rc;
use yew::prelude::*;

/// What every part of the result is drawn from.
#[derive(Properties, PartialEq, Clone)]
pub struct OutcomeProps {
    pub profile: String,
    pub outcome: Rc<Outcome>,
}

/// A finding's class and the label of its level.
pub fn level_class(level: Level) -> (&'static str, &'static str) {
    match level {
        Level::Ok => ("kc-finding--ok", "ui.level_ok"),
        Level::Caution => ("kc-finding--caution", "ui.level_caution"),
        Level::Stop => ("kc-finding--stop", "ui.level_stop"),
    }
}

/// The verdict's panel colour.
pub fn tone_class(o: &Outcome) -> &'static str {
    match o.verdict.tone {
        crate::model::Tone::Positive => "kc-panel--positive",
        crate::model::Tone::Info => "kc-panel--info",
        crate::model::Tone::Caution => "kc-panel--caution",
    }
}
