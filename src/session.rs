//! The citizen's session as pure data: which profile, which answers, and which page a
//! step may show. The UI keeps one of these and asks it where to go.

use crate::engine::{Answers, Engine};
use crate::model::Content;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Start,
    Question(String),
    Check,
    Result,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Session {
    pub profile: Option<String>,
    pub answers: Answers,
}

impl Session {
    pub fn new(profile: Option<String>) -> Self {
        Session { profile, answers: Answers::new() }
    }

    fn engine<'a>(&self, c: &'a Content) -> Option<Engine<'a>> {
        let p = c.profile(self.profile.as_deref()?)?;
        Some(Engine::new(c, p))
    }

    /// Records an answer. Answers that the new answer takes off the path are dropped,
    /// so a skipped branch can never come back to influence anything.
    pub fn answer(&mut self, c: &Content, question: &str, chosen: Vec<String>) {
        self.answers.insert(question.to_string(), chosen);
        if let Some(e) = self.engine(c) {
            let walk = e.walk(&self.answers);
            let keep: Vec<String> = walk.path.iter().cloned().chain(walk.next.clone()).collect();
            // Keep answers up to the first open question; later answers of questions
            // still reachable stay so that a change does not force re-answering.
            let reachable = e.reachable_after(&self.answers);
            self.answers.retain(|q, _| keep.contains(q) || reachable.contains(q));
        }
    }

    /// Where the flow goes next: the first open question, or the check page.
    pub fn next_page(&self, c: &Content) -> Page {
        match self.engine(c) {
            None => Page::Start,
            Some(e) => match e.walk(&self.answers).next {
                Some(q) => Page::Question(q),
                None => Page::Check,
            },
        }
    }

    /// The page to show for a requested one: a question already on the path or the
    /// next open one, the check and result pages only once every question is answered.
    pub fn resolve(&self, c: &Content, wanted: &Page) -> Page {
        let Some(e) = self.engine(c) else { return Page::Start };
        let walk = e.walk(&self.answers);
        match wanted {
            Page::Start => Page::Start,
            Page::Question(q) if walk.path.contains(q) || walk.next.as_ref() == Some(q) => wanted.clone(),
            Page::Check | Page::Result if walk.is_complete() => wanted.clone(),
            _ => self.next_page(c),
        }
    }

    /// The voice a question is worded in for the answers so far (`Engine::voice`).
    pub fn voice<'c>(&self, c: &'c Content, question: &str) -> Option<&'c str> {
        self.engine(c)?.voice(question, &self.answers)
    }

    /// The question before this one on the path (for the back link), if any.
    pub fn previous(&self, c: &Content, question: &str) -> Option<String> {
        let e = self.engine(c)?;
        let walk = e.walk(&self.answers);
        let pos = walk.path.iter().position(|q| q == question).unwrap_or(walk.path.len());
        pos.checked_sub(1).and_then(|i| walk.path.get(i).cloned())
    }
}
