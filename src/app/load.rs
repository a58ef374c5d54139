//! The content, downloaded (issue #20). The wasm carries only the shell (the start page's
//! and the chooser's texts, every profile's name and counter); the rest comes in one file
//! that the embed settings alone decide: the fixed city's own, or with the chooser, the
//! one with every profile. It is the same file whatever the visitor does, so the request
//! reveals nothing (../PRODUCT.md's privacy rule, tested in privacy.test.mjs).

use crate::embedded::{self, files};
use crate::model::{file, Content};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::OnceLock;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

static SHELL: OnceLock<Content> = OnceLock::new();
static LOADED: OnceLock<Content> = OnceLock::new();

fn shell() -> &'static Content {
    SHELL.get_or_init(|| embedded::shell().expect("the shell is checked at build time"))
}

/// The content on hand: the downloaded file once it has arrived, the shell until then.
pub fn content() -> &'static Content {
    LOADED.get().unwrap_or_else(shell)
}

/// A text in a language, from the downloaded file or else the shell (which alone carries
/// the interface's texts and the profiles' names: the file leaves them out); then the
/// same in the default language; `None` when neither has it.
pub fn text(lang: &str, key: &str) -> Option<&'static str> {
    let (c, s) = (content(), shell());
    let find = |l: &str| c.texts.get(l, key).or_else(|| s.texts.get(l, key));
    find(lang).or_else(|| find(&c.default_lang))
}

/// Whether the downloaded content has arrived (the pages past the start need it).
pub fn ready() -> bool {
    LOADED.get().is_some()
}

/// Puts a content in place without a download: the component tests, which run without
/// the built files, use the full content the native build carries.
pub fn install(c: Content) {
    let _ = LOADED.set(c);
}

/// Why the content file could not be used. The visitor sees a calm message with the
/// counter's contact and a retry; the console tells the city's web team the file and the fix.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// No answer at all (offline, blocked).
    Network,
    /// The server answered with this status (404: the file was not uploaded).
    Status(u16),
    File(file::Problem),
    /// The header was right but the body would not decode.
    Undecodable,
    /// The widget's own code could not be loaded. Never found by the wasm itself: the
    /// build renders the message for it, and the loader shows it (scripts/post-build.mjs).
    Code,
}

impl Problem {
    /// What the city's web team should do, in the console (not content: the content may
    /// be what failed).
    pub fn for_web_team(&self, path: &str) -> String {
        let fix = "Upload the whole dist/ folder of one build, content/ included, and nothing else over it (docs/embedding.md).";
        let what = match self {
            Problem::Network => "could not be fetched (offline, or blocked by the server or a Content-Security-Policy connect-src)".to_string(),
            Problem::Status(s) => format!("answered HTTP {s}"),
            Problem::File(file::Problem::NotContent) => "is not a content file (an error page served with status 200?)".to_string(),
            Problem::File(file::Problem::OtherBuild) => "is from another build of the widget than its wasm".to_string(),
            Problem::File(file::Problem::OtherProfile(p)) => format!("holds the profile \"{p}\", not this one"),
            Problem::File(file::Problem::Damaged) | Problem::Undecodable => "is truncated or damaged".to_string(),
            Problem::Code => "was not asked for: the widget's own code could not be loaded".to_string(),
        };
        format!("協働チェック: {path} {what}. {fix}")
    }
}

/// The path (under the widget's folder) of the file these settings need.
pub fn path_for(profile: Option<&str>) -> &'static str {
    files::for_profile(profile).or_else(|| files::for_profile(None)).expect("build.rs lists the file with every profile")
}

/// The widget's folder: where its stylesheet is (the loader marks it, on a host page
/// too), else the page's own address.
fn base() -> String {
    let doc = gloo::utils::document();
    doc.query_selector("link[data-kyodo-check]")
        .ok()
        .flatten()
        .and_then(|l| l.dyn_into::<web_sys::HtmlLinkElement>().ok())
        .map(|l| l.href())
        .filter(|h| !h.is_empty())
        .or_else(|| doc.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// Downloads, checks and decodes the file for these settings, and puts it in place.
pub async fn fetch(profile: Option<String>) -> Result<(), Problem> {
    if ready() {
        return Ok(());
    }
    let path = path_for(profile.as_deref());
    let url = web_sys::Url::new_with_base(path, &base()).map(|u| u.href()).unwrap_or_else(|_| path.to_string());
    // A visitor who leaves the page (a link, a reload) while the file loads makes the
    // browser cancel it: no fault of the city's files, so the console is not told it is.
    let leaving = Rc::new(Cell::new(false));
    let on_hide = Closure::<dyn FnMut()>::new({
        let leaving = leaving.clone();
        move || leaving.set(true)
    });
    let window = gloo::utils::window();
    let _ = window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    let got = fetch_bytes(&url).await;
    let _ = window.remove_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
    let got = got.and_then(|bytes| {
        // A fixed profile's own file, else (chooser, or a profile without one) everything.
        let want = files::FILES.iter().find(|(_, f)| *f == path).map(|(p, _)| *p).unwrap_or("");
        let body = file::unwrap(&bytes, files::BUILD, want).map_err(Problem::File)?;
        Content::decode(body).map_err(|_| Problem::Undecodable)
    });
    match got {
        Ok(c) => {
            install(c);
            Ok(())
        }
        Err(p) => {
            if !(p == Problem::Network && leaving.get()) {
                gloo::console::error!(p.for_web_team(path));
            }
            Err(p)
        }
    }
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, Problem> {
    let resp = JsFuture::from(gloo::utils::window().fetch_with_str(url)).await.map_err(|_| Problem::Network)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| Problem::Network)?;
    if !resp.ok() {
        return Err(Problem::Status(resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(|_| Problem::Network)?).await.map_err(|_| Problem::Network)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}
