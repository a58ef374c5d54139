//! The widget's state as a reducer (as yew's function_todomvc): the session, the
//! language, the mode, the notes, saving and the notice; each change is an `Action`.

use super::content;
use crate::config::Mode;
use crate::session::Session;
use std::rc::Rc;
use yew::prelude::*;

/// A calm message shown at the top of the page (and announced).
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    ShareRestored { dropped: usize, complete: bool },
    ShareBroken,
    ShareNewer,
    StoredRestored,
    StoredCorrupt,
    /// Saved answers of which some could not be read (damaged, or the content changed since).
    StoredPartial,
    StoredNewer,
    StorageUnavailable,
    Wiped,
}

impl Notice {
    pub fn key(&self) -> &'static str {
        match self {
            Notice::ShareRestored { dropped: 0, complete: true } => "ui.notice_share_ok",
            Notice::ShareRestored { dropped: 0, .. } => "ui.notice_share_partial_open",
            Notice::ShareRestored { .. } => "ui.notice_share_partial",
            Notice::ShareBroken => "ui.notice_share_broken",
            Notice::StoredRestored => "ui.notice_stored_restored",
            Notice::StoredCorrupt => "ui.notice_stored_corrupt",
            Notice::StoredPartial => "ui.notice_stored_partial",
            Notice::StoredNewer => "ui.notice_stored_newer",
            Notice::ShareNewer => "ui.notice_share_newer",
            Notice::StorageUnavailable => "ui.notice_storage_unavailable",
            Notice::Wiped => "ui.notice_wiped",
        }
    }
}

/// Where the downloaded content is (`load`): the start page needs only the shell; the
/// steps past it wait for the file, or say calmly why it could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum Loading {
    /// Asked for; `attempt` counts the tries, so a retry asks again.
    Pending { attempt: u32 },
    Ready,
    Failed { attempt: u32, problem: super::load::Problem },
}

impl Loading {
    pub fn ready(&self) -> bool {
        matches!(self, Loading::Ready)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    pub session: Session,
    /// The language on screen; switching keeps every answer and the current step.
    pub lang: String,
    /// The host fixed the profile: no chooser.
    pub fixed_profile: bool,
    pub notice: Option<Notice>,
    /// The user opted in to keeping answers on this device.
    pub saving: bool,
    /// A status message for the polite live region (a text key), e.g. after a language switch.
    pub announce: Option<&'static str>,
    pub mode: Mode,
    /// Counter staff's consultation notes and the printed record's fields: in memory; on
    /// the device only with saving on; in a share link only when `notes_in_link`, and
    /// then without the record's fields (`share::encode_link`).
    pub notes: crate::share::Notes,
    pub notes_in_link: bool,
    pub loading: Loading,
}

pub enum Action {
    SetProfile(String),
    Answer { question: String, chosen: Vec<String> },
    Restore { session: Session, lang: Option<String>, notes: Option<crate::share::Notes>, notice: Notice, saving: bool },
    Notice(Option<Notice>),
    SetSaving(bool),
    SetLang(String),
    SetMode(Mode),
    SetNotes(crate::share::Notes),
    NotesInLink(bool),
    StartOver,
    /// The content file arrived (then saved answers are restored), or could not be used.
    Loaded(Result<(), super::load::Problem>),
    /// Ask for the content file again, after a failure.
    Retry,
}

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::SetProfile(p) => {
                if s.session.profile.as_deref() != Some(p.as_str()) {
                    s.session = Session::new(Some(p));
                }
            }
            Action::Answer { question, chosen } => s.session.answer(content(), &question, chosen),
            Action::Restore { session, lang, notes, notice, saving } => {
                s.session = session;
                if let Some(n) = notes {
                    s.notes = n;
                    s.notes_in_link = true;
                }
                if let Some(l) = lang.filter(|l| content().language(l).is_some()) {
                    s.lang = l;
                }
                s.notice = Some(notice);
                s.saving = saving;
            }
            Action::Notice(n) => s.notice = n,
            Action::SetSaving(on) => s.saving = on,
            Action::SetMode(m) => s.mode = m,
            Action::SetNotes(n) => s.notes = n,
            Action::NotesInLink(on) => s.notes_in_link = on,
            Action::SetLang(l) => {
                if content().language(&l).is_some() {
                    s.lang = l;
                    s.announce = Some("ui.language_changed");
                }
            }
            Action::Loaded(Ok(())) => {
                s.loading = Loading::Ready;
                // Saved answers are read against the content, so only now.
                s = super::storage::restore(s);
            }
            Action::Loaded(Err(problem)) => {
                let attempt = match s.loading {
                    Loading::Pending { attempt } | Loading::Failed { attempt, .. } => attempt,
                    Loading::Ready => return self,
                };
                s.loading = Loading::Failed { attempt, problem };
            }
            Action::Retry => {
                if let Loading::Failed { attempt, .. } = s.loading {
                    s.loading = Loading::Pending { attempt: attempt + 1 };
                }
            }
            Action::StartOver => {
                let profile = if s.fixed_profile { s.session.profile.clone() } else { None };
                s.session = Session::new(profile);
                s.notice = None;
                s.notes = Default::default();
                s.notes_in_link = false;
            }
        }
        Rc::new(s)
    }
}

pub type StoreHandle = UseReducerHandle<Store>;
