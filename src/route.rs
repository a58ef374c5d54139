//! The widget's steps as URL fragments (`#/q/role`), so the browser's back and forward
//! buttons move between steps and the widget works under any sub-path. Pure: the
//! browser side (history, events) is `app::router`, this is what it reads and writes.

use crate::session::Page;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Start,
    Question(String),
    Check,
    Result,
    Accessibility,
    /// Proves the panic hook: a deliberate panic must show the calm message, not a blank page.
    PanicCheck,
    /// A share link, `#/s/k1!<profile>!<answers>…`; its loader reads the raw fragment itself
    /// so that no character of the link is reinterpreted here.
    Share,
    NotFound,
}

impl Route {
    /// The route a fragment names (`location.hash`, with or without its `#`). Total:
    /// anything unknown is `NotFound`, which the app shows as the step the answers allow.
    pub fn parse(hash: &str) -> Route {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        // Any share link, even an empty or broken one: its loader says calmly what was wrong.
        if h.starts_with("/s/") {
            return Route::Share;
        }
        // A query or a trailing slash does not change the step.
        let path = h.split('?').next().unwrap_or_default();
        let path = path.strip_suffix('/').filter(|p| !p.is_empty()).unwrap_or(path);
        match path {
            "" | "/" => Route::Start,
            "/check" => Route::Check,
            "/result" => Route::Result,
            "/accessibility" => Route::Accessibility,
            "/__panic" => Route::PanicCheck,
            _ => match path.strip_prefix("/q/") {
                Some(id) if is_id(id) => Route::Question(id.to_string()),
                _ => Route::NotFound,
            },
        }
    }

    /// The fragment for this route, with its `#`. `Share` has no data of its own, so it
    /// (and `NotFound`) write the start page.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Start | Route::Share | Route::NotFound => "#/".into(),
            Route::Question(id) => format!("#/q/{id}"),
            Route::Check => "#/check".into(),
            Route::Result => "#/result".into(),
            Route::Accessibility => "#/accessibility".into(),
            Route::PanicCheck => "#/__panic".into(),
        }
    }

    pub fn of(page: &Page) -> Route {
        match page {
            Page::Start => Route::Start,
            Page::Question(id) => Route::Question(id.clone()),
            Page::Check => Route::Check,
            Page::Result => Route::Result,
        }
    }
}

/// Question, option and profile ids are lower-case ASCII words (the validator enforces it);
/// anything else in a fragment is not a question.
pub fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
