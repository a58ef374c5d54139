//! The share-link and saved-answers format: a short, versioned, human-readable string
//! that lives in the URL fragment (never the query) or in opt-in localStorage.
//!
//! `k1!<profile>!<question>:<option>[+<option>],<question>:<option>…!<language>[!<notes>]`
//!
//! The notes part (counter staff's consultation notes) is present only when the staff
//! member chose to include it; it is percent-encoded text. A link carries the notes'
//! date, section and advice only, never the printed record's fields (the visitor's name,
//! group and contact, the staff member, the next step): those are kept on the device
//! (saved answers, with saving on) and printed, and `encode_link` leaves them out.
//!
//! Decoding is total: it never panics, caps its input, and returns whatever part is
//! valid together with what it had to drop, so the user keeps every answer that
//! still makes sense.

use crate::engine::{is_valid, Answers, Engine};
use crate::model::Content;

/// The format's version. Raise it when the encoding itself changes; content changes
/// are handled by dropping unknown ids.
pub const FORMAT: &str = "k1";
/// Longer input is rejected before parsing. The longest value the widget writes, saved
/// answers with every notes field at its cap in four-byte characters (12 bytes each once
/// escaped) and the longest answers, is about 31,800 bytes; the longest link, which never
/// carries the record's fields, about 27,000 (tests/session.rs). 2,000 Japanese
/// characters of notes alone take 18,000.
pub const MAX_LEN: usize = 32768;
/// The notes' text is cut at this many characters.
pub const MAX_NOTES: usize = 2000;
/// Each of the record's fields (person, group, contact, staff, next) is cut at this many characters.
pub const RECORD_CAP: usize = 80;

/// Counter staff's consultation notes (相談メモ). Free text: always shown as text, never markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    /// 相談日 (as a date input gives it, `YYYY-MM-DD`, though any text is kept).
    pub date: String,
    /// 担当課.
    pub section: String,
    /// 助言した内容.
    pub text: String,
    /// The printed record's fields (相談記録票): 相談者, 団体名, 連絡先, 対応者, 次回予定.
    /// The visitor's own details among them: kept on the device only with saving on,
    /// printed on the record, and never put in a share link (`for_link`).
    pub person: String,
    pub group: String,
    pub contact: String,
    pub staff: String,
    pub next: String,
}

impl Notes {
    pub fn is_empty(&self) -> bool {
        self.fields().iter().all(|f| f.trim().is_empty())
    }

    /// Whether any of the record's fields holds anything (spaces count: they round-trip).
    pub fn has_record(&self) -> bool {
        self.fields()[3..].iter().any(|f| !f.is_empty())
    }

    /// What a share link may carry: the date, the section and the advice; never the
    /// record's fields.
    pub fn for_link(&self) -> Notes {
        Notes { date: self.date.clone(), section: self.section.clone(), text: self.text.clone(), ..Notes::default() }
    }

    /// The fields in the order the format writes them.
    fn fields(&self) -> [&str; 8] {
        [&self.date, &self.section, &self.text, &self.person, &self.group, &self.contact, &self.staff, &self.next]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    Empty,
    TooLong(usize),
    /// Not this widget's format at all.
    UnknownFormat,
    /// Written by a newer version of the widget (`k2!…` and later): said as such,
    /// so the user knows to open it where it was made rather than think it broken.
    NewerVersion(u32),
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
    /// Of those, the ones that could not be read at all (not merely off the path, which a
    /// saved session may hold: later answers are kept while an earlier one is changed).
    pub unreadable: usize,
    /// The language the link was made in, if it names a known one.
    pub lang: Option<String>,
    pub notes: Option<Notes>,
}

pub fn encode(content: &Content, profile: &str, answers: &Answers, lang: &str) -> String {
    encode_with_notes(content, profile, answers, lang, None)
}

/// A share link (what goes after `#/s/`): the notes, when staff chose to include them,
/// without the record's fields.
pub fn encode_link(content: &Content, profile: &str, answers: &Answers, lang: &str, notes: Option<&Notes>) -> String {
    encode_with_notes(content, profile, answers, lang, notes.map(Notes::for_link).as_ref())
}

/// The whole format, every notes field given included: what is saved on the device.
/// Links go through `encode_link`.
pub fn encode_with_notes(content: &Content, profile: &str, answers: &Answers, lang: &str, notes: Option<&Notes>) -> String {
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
    if let Some(n) = notes.filter(|n| !n.is_empty()) {
        out.push('!');
        // U+001F separates the fields, so it cannot be part of one. The record's five
        // fields follow the first three only when there are any, so notes without them
        // are written exactly as before they existed.
        let fields = n.fields();
        let used = if n.has_record() { &fields[..] } else { &fields[..3] };
        let joined = used.iter().map(|f| f.replace('\u{1f}', "")).collect::<Vec<_>>().join("\u{1f}");
        out.push_str(&percent_encode(&joined));
    }
    out
}

fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Total percent-decoding: `None` for a broken escape or text that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// A link's fragment as the browser hands it back. Browsers and mail programs may have
/// percent-encoded some of its characters (`!` → `%21`, `メ` → `%E3%83%A1`); undo that
/// for visible characters only. `%25` stays, so the notes' own escapes survive (a note
/// of "50%" is `50%25` in the link), and so do escapes of spaces and control
/// characters, which the decoder would otherwise trim from the notes' ends. Total: a
/// broken escape is kept as it is.
pub fn from_fragment(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        if c == '%' {
            if let Some((ch, used)) = escaped_char(rest).filter(|(ch, _)| *ch != '%' && !ch.is_whitespace() && !ch.is_control()) {
                out.push(ch);
                rest = &rest[used..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// One UTF-8 character written as escapes at the start of `s`, and their length.
fn escaped_char(s: &str) -> Option<(char, usize)> {
    let byte = |k: usize| -> Option<u8> {
        let e = s.get(3 * k..3 * k + 3)?.as_bytes();
        (e[0] == b'%' && e[1].is_ascii_hexdigit() && e[2].is_ascii_hexdigit())
            .then(|| u8::from_str_radix(std::str::from_utf8(&e[1..]).ok()?, 16).ok())
            .flatten()
    };
    let first = byte(0)?;
    let len = match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return None,
    };
    let bytes = (0..len).map(byte).collect::<Option<Vec<u8>>>()?;
    let ch = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    Some((ch, 3 * len))
}

/// `Err` for a notes part that is not valid percent-encoded UTF-8 (counted as dropped);
/// `Ok(None)` for notes that are blank once read, which a link never carries. Notes of
/// three fields (written before the record's fields existed, or without them) read with
/// the record's fields empty.
fn decode_notes(s: &str) -> Result<Option<Notes>, ()> {
    let text = percent_decode(s).ok_or(())?;
    let mut parts = text.splitn(8, '\u{1f}');
    // A hand-made link may hold more separators than fields: never keep one in a field.
    let mut cap = |n: usize| parts.next().unwrap_or_default().chars().filter(|c| *c != '\u{1f}').take(n).collect::<String>();
    let notes = Notes {
        date: cap(40),
        section: cap(200),
        text: cap(MAX_NOTES),
        person: cap(RECORD_CAP),
        group: cap(RECORD_CAP),
        contact: cap(RECORD_CAP),
        staff: cap(RECORD_CAP),
        next: cap(RECORD_CAP),
    };
    Ok((!notes.is_empty()).then_some(notes))
}

/// `k<number>` → the number (at most 9 digits, so it cannot overflow).
fn version_of(tag: &str) -> Option<u32> {
    let digits = tag.strip_prefix('k')?;
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

pub fn decode(content: &Content, input: &str) -> Result<Decoded, ShareError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(ShareError::Empty);
    }
    if input.len() > MAX_LEN {
        return Err(ShareError::TooLong(input.len()));
    }
    let mut parts = input.splitn(5, '!');
    let format = parts.next().unwrap_or_default();
    if format != FORMAT {
        return Err(match version_of(format) {
            Some(v) if v > version_of(FORMAT).unwrap_or(1) => ShareError::NewerVersion(v),
            _ => ShareError::UnknownFormat,
        });
    }
    let profile_id = parts.next().unwrap_or_default();
    let Some(profile) = content.profile(profile_id) else {
        return Err(ShareError::UnknownProfile(profile_id.chars().take(40).collect()));
    };
    let body = parts.next().unwrap_or_default();
    let lang = parts.next().filter(|l| content.language(l).is_some()).map(str::to_string);
    let (notes, broken_notes) = match parts.next().map(decode_notes) {
        None => (None, false),
        Some(Ok(n)) => (n, false),
        Some(Err(())) => (None, true),
    };
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
    if broken_notes {
        dropped += 1;
    }
    let unreadable = dropped;
    let on_path = Engine::new(content, profile).path_answers(&answers);
    dropped += answers.len() - on_path.len();
    Ok(Decoded { profile: profile.id.clone(), answers: on_path, dropped, unreadable, lang, notes })
}
