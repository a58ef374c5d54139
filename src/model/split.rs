//! The content cut for download (issue #20): the build writes one file per profile, one
//! with everything (for the chooser), and a small shell the wasm carries itself (the
//! languages, the profiles' names and contacts, the interface texts), so a city's
//! visitors download their own city's content and nothing the page can do without
//! waits for it. Each file has a header that says which build and which profile it is,
//! so a wrong, stale or damaged file is named, never decoded into nonsense.

use super::{Accessibility, Content, Profile, Texts};

/// A profile with only what other profiles' pages name of it: its id, its guideline
/// (a case in the common profile names the city whose guideline describes it), its base
/// and its contact (the calm message when its own file cannot be read gives it).
fn stub(p: &Profile) -> Profile {
    Profile {
        id: p.id.clone(),
        seed: p.seed.clone(),
        flags: Default::default(),
        contact: p.contact.clone(),
        base: p.base.clone(),
        city_contact: p.city_contact.clone(),
        concepts: Default::default(),
        forms: vec![],
        principles: vec![],
        sections: vec![],
        examples: vec![],
    }
}

/// The profile a text key belongs to (`p.<profile>.…`), and the rest of the key.
fn profile_key(key: &str) -> Option<(&str, &str)> {
    key.strip_prefix("p.")?.split_once('.')
}

/// The texts the shell carries: the interface's own (`ui.…`), and every profile's name,
/// summary and counter (the chooser, the header and the cases name them, and the calm
/// message when a file cannot be read gives the counter).
pub fn in_shell(key: &str) -> bool {
    match profile_key(key) {
        Some((_, rest)) => rest == "name" || rest == "summary" || rest.starts_with("contact."),
        None => key.starts_with("ui."),
    }
}

fn keep_texts(texts: &Texts, keep: impl Fn(&str) -> bool) -> Texts {
    let mut maps = texts.to_maps();
    for m in maps.values_mut() {
        m.retain(|k, _| keep(k));
    }
    Texts::from_maps(maps)
}

impl Content {
    /// The file a page downloads: with a profile fixed, every question, rule and form,
    /// that profile (and the profile whose guideline it uses) whole with its texts, and
    /// the others as stubs; with none (the chooser), every profile whole. The texts the
    /// shell already carries (the interface's, every profile's name and counter) are left
    /// out: the widget reads a text from the file, else from the shell (`app::load`).
    /// `None` for an unknown profile.
    pub fn for_download(&self, profile: Option<&str>) -> Option<Content> {
        let whole: Vec<&str> = match profile {
            Some(id) => std::iter::once(id).chain(self.profile(id)?.base.as_deref()).collect(),
            None => self.profiles.iter().map(|p| p.id.as_str()).collect(),
        };
        let mut c = self.clone();
        c.profiles = self
            .profiles
            .iter()
            .map(|p| if whole.contains(&p.id.as_str()) { p.clone() } else { stub(p) })
            .collect();
        c.texts = keep_texts(&self.texts, |k| !in_shell(k) && profile_key(k).is_none_or(|(p, _)| whole.contains(&p)));
        Some(c)
    }

    /// What the wasm carries itself, before any file arrives: the languages, the
    /// settings, every profile as a name and a contact, and the interface's own texts
    /// (`ui.…`): enough for the start page, the chooser, and a calm message with the
    /// counter's contact when a file cannot be read. No question, rule or form.
    pub fn shell(&self) -> Content {
        Content {
            version: self.version,
            default_lang: self.default_lang.clone(),
            languages: self.languages.clone(),
            questions: vec![],
            voices: vec![],
            concepts: vec![],
            verdicts: vec![],
            next_rules: vec![],
            findings: vec![],
            bands: vec![],
            band_rules: vec![],
            start_types: vec![],
            readiness: vec![],
            forms: vec![],
            form_good: self.form_good,
            form_possible: self.form_possible,
            settings: self.settings.clone(),
            profiles: self.profiles.iter().map(stub).collect(),
            texts: keep_texts(&self.texts, in_shell),
            text_files: Default::default(),
            accessibility: Accessibility::default(),
        }
    }
}

/// A content file as the build writes it: a header, then the compact form.
///
/// `KCC1`, the build's id (8 bytes, little-endian), a hash of the body (8 bytes), the
/// profile's id (a length byte, then UTF-8; empty for the file with every profile),
/// then the body (`Content::encode`).
pub mod file {
    pub const MAGIC: &[u8; 4] = b"KCC1";

    /// FNV-1a, 64 bits: enough to tell a damaged or truncated file, and the same on the
    /// build machine and in the browser.
    pub fn hash(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
    }

    pub fn wrap(build: u64, profile: &str, body: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(body.len() + 32);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&build.to_le_bytes());
        out.extend_from_slice(&hash(body).to_le_bytes());
        out.push(u8::try_from(profile.len()).expect("a profile id is short"));
        out.extend_from_slice(profile.as_bytes());
        out.extend_from_slice(body);
        out
    }

    /// Why a file cannot be used; each names what a city's web team should do.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub enum Problem {
        /// Not a content file at all (an error page, say, served with status 200).
        NotContent,
        /// From another build of the widget: the files were not copied together.
        OtherBuild,
        /// Another profile's file under this one's name.
        OtherProfile(String),
        /// Shorter than written, or changed on the way.
        Damaged,
    }

    /// Checks the header against what this build expects and returns the body.
    pub fn unwrap<'a>(bytes: &'a [u8], build: u64, profile: &str) -> Result<&'a [u8], Problem> {
        let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or(Problem::NotContent)?;
        let word = |b: &[u8]| b.get(..8).map(|w| u64::from_le_bytes(w.try_into().expect("eight bytes")));
        if word(rest).ok_or(Problem::Damaged)? != build {
            return Err(Problem::OtherBuild);
        }
        let want = word(&rest[8..]).ok_or(Problem::Damaged)?;
        let rest = &rest[16..];
        let (&n, rest) = rest.split_first().ok_or(Problem::Damaged)?;
        let name = rest.get(..usize::from(n)).ok_or(Problem::Damaged)?;
        if name != profile.as_bytes() {
            return Err(Problem::OtherProfile(String::from_utf8_lossy(name).into_owned()));
        }
        let body = &rest[usize::from(n)..];
        if hash(body) != want {
            return Err(Problem::Damaged);
        }
        Ok(body)
    }
}
