//! The share-link and saved-answers format: a short, versioned, human-readable string
//! that lives in the URL fragment (never the query) or in opt-in localStorage.
//!
//! `k1!<profile>!<question>:<option>[+<option>],<question>:<option>…!<language>`
//!
//! Decoding is total: it never panics, caps its input, and returns whatever part is
//! valid together with what it had to drop, so the user keeps every answer that
//! still makes sense.

use crate::engine::{is_valid, Answers, Engine};
use crate::model::Content;

/// The format's version. Raise it when the encoding itself changes; content changes
/// are handled by dropping unknown ids.
pub const FORMAT: &str = "k1";
/// Longer input is rejected before parsing: no answer set comes close.
pub const MAX_LEN: usize = 4096;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    Empty,
    TooLong(usize),
    /// Not this widget's format at all (or a format from a newer version).
    UnknownFormat,
    UnknownProfile(String),
}

/// What a decode recovered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub profile: String,
    /// Only answers on the path the engine takes through them.
    pub answers: Answers,
    /// Pieces that were dropped (unknown question or option, broken pair, off the path).
    pub dropped: usize,
    /// The language the link was made in, if it names a known one.
    pub lang: Option<String>,
}

pub fn encode(content: &Content, profile: &str, answers: &Answers, lang: &str) -> String {
    let mut out = format!("{FORMAT}!{profile}!");
    let mut first = true;
    // In question order, so the same answers always give the same link.
    for q in &content.questions {
        if let Some(a) = answers.get(&q.id) {
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(&q.id);
            out.push(':');
            out.push_str(&a.join("+"));
        }
    }
    out.push('!');
    out.push_str(lang);
    out
}

pub fn decode(content: &Content, input: &str) -> Result<Decoded, ShareError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(ShareError::Empty);
    }
    if input.len() > MAX_LEN {
        return Err(ShareError::TooLong(input.len()));
    }
    let mut parts = input.splitn(4, '!');
    if parts.next() != Some(FORMAT) {
        return Err(ShareError::UnknownFormat);
    }
    let profile_id = parts.next().unwrap_or_default();
    let Some(profile) = content.profile(profile_id) else {
        return Err(ShareError::UnknownProfile(profile_id.chars().take(40).collect()));
    };
    let body = parts.next().unwrap_or_default();
    let lang = parts.next().filter(|l| content.language(l).is_some()).map(str::to_string);
    let mut answers = Answers::new();
    let mut dropped = 0;
    for pair in body.split(',').filter(|p| !p.is_empty()) {
        let Some((qid, opts)) = pair.split_once(':') else {
            dropped += 1;
            continue;
        };
        let chosen: Vec<String> = opts.split('+').map(str::to_string).collect();
        match content.question(qid) {
            Some(q) if !answers.contains_key(qid) && is_valid(q, &chosen) => {
                answers.insert(qid.to_string(), chosen);
            }
            _ => dropped += 1,
        }
    }
    let on_path = Engine::new(content, profile).path_answers(&answers);
    dropped += answers.len() - on_path.len();
    Ok(Decoded { profile: profile.id.clone(), answers: on_path, dropped, lang })
}
