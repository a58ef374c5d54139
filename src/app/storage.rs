//! Opt-in keeping of answers on this device (localStorage). Nothing is written until
//! the user ticks the box; a corrupted entry is ignored with a notice and left alone
//! until the user saves again.

use super::{content, Notice, Store};
use crate::session::Session;
use crate::share;

pub const KEY: &str = "kyodo-check";

fn local() -> Option<web_sys::Storage> {
    // Rendered at build time (`prerender`): no device, nothing saved.
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// Restores saved answers into a fresh store, if the user saved any before.
pub fn restore(mut store: Store) -> Store {
    let Some(raw) = local().and_then(|s| s.get_item(KEY).ok().flatten()) else { return store };
    match share::decode(content(), &raw) {
        Ok(d) if !store.fixed_profile || store.session.profile.as_deref() == Some(d.profile.as_str()) => {
            store.session = Session { profile: Some(d.profile), answers: d.answers };
            if let Some(l) = d.lang {
                store.lang = l;
            }
            if let Some(n) = d.notes {
                store.notes = n;
            }
            // Part of it unreadable: continue from what was read, but keep saving off, so
            // the stored value is not replaced by the smaller one until the user saves again.
            store.saving = d.unreadable == 0;
            store.notice = Some(if d.unreadable == 0 { Notice::StoredRestored } else { Notice::StoredPartial });
        }
        Ok(_) => {} // saved for another city's page: leave it alone
        // Left in place either way: nothing is overwritten until the user saves again.
        Err(share::ShareError::NewerVersion(_)) => store.notice = Some(Notice::StoredNewer),
        Err(_) => store.notice = Some(Notice::StoredCorrupt),
    }
    store
}

/// Saves answers, language and (counter mode) notes; called only once the user opted in.
pub fn save(session: &Session, lang: &str, notes: &share::Notes) -> Result<(), ()> {
    let Some(profile) = &session.profile else { return Ok(()) };
    let s = local().ok_or(())?;
    s.set_item(KEY, &share::encode_with_notes(content(), profile, &session.answers, lang, Some(notes))).map_err(|_| ())
}

/// Removes everything this widget ever stored.
pub fn wipe() {
    if let Some(s) = local() {
        let _ = s.remove_item(KEY);
    }
}

pub fn has_saved() -> bool {
    local().and_then(|s| s.get_item(KEY).ok().flatten()).is_some()
}
