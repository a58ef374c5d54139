//! The embed settings: `data-*` attributes of the mount element, or URL parameters of
//! the same names inside an iframe. A host page controls them, so decoding is total:
//! every value is trimmed and capped, unknown values fall back to the default and are
//! listed as problems (shown to the web team), never a blank widget.

use crate::model::Content;

/// Longest setting value kept (the longest real one is a city id).
pub const MAX_VALUE: usize = 60;

/// Who is using the widget: a citizen, or staff at the counter (職員モード).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Citizen,
    Counter,
}

/// Settings the host page gives through `data-*` attributes on the mount element (or,
/// inside an iframe, URL parameters of the same names without `data-`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Config {
    pub profile: Option<String>,
    pub lang: String,
    pub mode: Mode,
    /// Show the profile chooser when no profile is fixed (`data-chooser="hide"` turns it off).
    pub chooser: bool,
    /// Inside an iframe whose host opted in (`resize=1`): tell the parent our height.
    pub resize: bool,
    /// Show the 職員モード toggle (`data-staff="hide"` keeps it off a public page; staff
    /// then open the widget with `mode=counter`).
    pub staff: bool,
    /// The widget names each step in `document.title`: always on its own page and in the
    /// iframe; on a host page only when the host opts in (`data-title="set"`).
    pub title: bool,
    /// Settings that were not understood: (attribute, value). Shown to the web team.
    pub problems: Vec<(String, String)>,
}

/// The settings as the host page gave them, before any checking.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Raw {
    pub city: Option<String>,
    pub lang: Option<String>,
    pub mode: Option<String>,
    pub chooser: Option<String>,
    pub resize: Option<String>,
    pub staff: Option<String>,
    pub title: Option<String>,
}

fn clean(v: Option<String>) -> Option<String> {
    v.map(|v| v.trim().chars().take(MAX_VALUE).collect::<String>()).filter(|v| !v.is_empty())
}

pub fn decode(c: &Content, raw: Raw) -> Config {
    let mut problems = Vec::new();
    let mut check = |name: &str, v: Option<String>, ok: &dyn Fn(&str) -> bool| -> Option<String> {
        match clean(v) {
            Some(v) if ok(&v) => Some(v),
            Some(v) => {
                problems.push((format!("data-{name}"), v));
                None
            }
            None => None,
        }
    };
    let profile = check("city", raw.city, &|v| c.profile(v).is_some());
    let lang = check("lang", raw.lang, &|v| c.language(v).is_some()).unwrap_or_else(|| c.default_lang.clone());
    let mode = match check("mode", raw.mode, &|v| v == "citizen" || v == "counter").as_deref() {
        Some("counter") => Mode::Counter,
        _ => Mode::Citizen,
    };
    let chooser = check("chooser", raw.chooser, &|v| v == "show" || v == "hide").as_deref() != Some("hide");
    let resize = check("resize", raw.resize, &|v| v == "1" || v == "0").as_deref() == Some("1");
    let staff = check("staff", raw.staff, &|v| v == "show" || v == "hide").as_deref() != Some("hide");
    let title = check("title", raw.title, &|v| v == "set" || v == "keep").as_deref() == Some("set");
    // No chooser and no city: the common guideline's profile, so the widget still works.
    let profile = if profile.is_none() && !chooser { Some(c.settings.common_profile.clone()) } else { profile };
    Config { profile, lang, mode, chooser, resize, staff, title, problems }
}
