//! Opening a share link: restore what is valid, say calmly what was not, and go on
//! to the result (or to the first question still open).

use crate::app::router::use_nav;
use crate::app::{content, Action, Notice, Route, StoreHandle};
use crate::session::{Page, Session};
use crate::share;
use yew::prelude::*;

/// The raw fragment after `#/s/`, read from the location rather than the router so
/// that no character of the link is reinterpreted.
fn raw_link() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let raw = hash.strip_prefix("#/s/").unwrap_or_default();
    share::from_fragment(raw)
}

#[function_component(ShareLoader)]
pub fn share_loader() -> Html {
    let store = use_context::<StoreHandle>().expect("store");
    let nav = use_nav();
    use_effect_with((), move |_| {
        let c = content();
        match share::decode(c, &raw_link()) {
            Ok(d) if !store.fixed_profile || store.session.profile.as_deref() == Some(d.profile.as_str()) => {
                let session = Session { profile: Some(d.profile), answers: d.answers };
                let page = session.resolve(c, &Page::Result);
                let complete = page == Page::Result;
                // A link carries no record fields (share::encode_link); one made by hand does not bring any in either.
                let notes = d.notes.map(|n| n.for_link()).filter(|n| !n.is_empty());
                store.dispatch(Action::Restore { session, lang: d.lang, notes, notice: Notice::ShareRestored { dropped: d.dropped, complete }, saving: store.saving });
                nav.replace(&Route::of(&page));
            }
            Err(share::ShareError::NewerVersion(_)) => {
                store.dispatch(Action::Notice(Some(Notice::ShareNewer)));
                nav.replace(&Route::Start);
            }
            _ => {
                store.dispatch(Action::Notice(Some(Notice::ShareBroken)));
                nav.replace(&Route::Start);
            }
        }
    });
    html! {}
}
