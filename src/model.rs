//! The content model: what the data files in `content/` hold, parsed and with every
//! condition compiled. Loading checks syntax and shape; `validate` checks meaning.

use crate::cond::Cond;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A problem in one content file, named so that a city's editor can find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub id: String,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.id.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.id, self.message)
        }
    }
}

fn err(file: &str, id: &str, message: impl Into<String>) -> ContentError {
    ContentError { file: file.to_string(), id: id.to_string(), message: message.into() }
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    #[default]
    Single,
    Multi,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Kyodo,
    Form,
    Partner,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Ok,
    Caution,
    Stop,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Positive,
    Info,
    Caution,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub code: String,
    /// The language's name in itself, for the switcher.
    pub name: String,
    pub html_lang: String,
    /// Measurable rules the validator enforces on this language's texts (やさしい日本語).
    #[serde(default)]
    pub rules: Option<TextRules>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TextRules {
    /// Every kanji must carry its reading as `{漢字|よみ}`.
    #[serde(default)]
    pub ruby: bool,
    /// Longest sentence, in characters of the base text.
    pub max_sentence: usize,
    /// Phrases that must not appear (honorific and humble forms, double negatives).
    #[serde(default)]
    pub banned: Vec<String>,
    /// Key suffixes exempt from the ruby rule: official names shown as printed.
    #[serde(default)]
    pub exempt: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub ask_if: Cond,
    pub profiles: Option<Vec<String>>,
    pub glossary: Vec<String>,
    pub options: Vec<QOption>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QOption {
    pub id: String,
    /// Choosing this option finishes the flow when the condition holds.
    pub end: Cond,
    /// In a multi-choice question: only valid on its own ("none of these").
    pub exclusive: bool,
}

impl Question {
    pub fn option(&self, id: &str) -> Option<&QOption> {
        self.options.iter().find(|o| o.id == id)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub id: String,
    pub when: Cond,
    pub tone: Tone,
    pub concepts: Vec<String>,
    pub next: Vec<String>,
    /// Whether the result shows the city's forms ranked (a 協働 verdict); the forms are
    /// ranked for every path that reaches the form questions, but only a verdict with
    /// this set shows them, so the verdict and the forms never disagree.
    pub ranks_forms: bool,
}

/// When a next step (`next.<id>`) is shown, and which forms it suggests. A step named
/// by a verdict without an entry here is always shown. A step is dropped when its
/// condition does not hold, when the city has none of the forms it suggests, or when a
/// form it suggests is ruled out (a holding finding's `rules_out`, or ranked unsuitable).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextRule {
    pub id: String,
    pub when: Cond,
    /// Canonical form ids the step's text suggests.
    pub suggests: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub id: String,
    pub part: Part,
    pub when: Cond,
    pub level: Level,
    pub concepts: Vec<String>,
    /// Canonical forms this finding rules out while it holds: no next step may suggest them.
    pub rules_out: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandRule {
    pub when: Cond,
    pub band: Option<String>,
    pub from_top_form: bool,
    pub concepts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartType {
    pub id: String,
    pub when: Cond,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadinessItem {
    pub id: String,
    pub done_when: Cond,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Concept {
    pub id: String,
    #[serde(default)]
    pub flag: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormRule {
    pub when: Cond,
    pub score: i32,
    pub reason: String,
    /// The concepts whose sections back this reason; empty: the form's own citations.
    pub concepts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unsuitable {
    pub when: Cond,
    pub reason: String,
    pub concepts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CanonForm {
    pub id: String,
    pub rules: Vec<FormRule>,
    pub unsuitable: Vec<Unsuitable>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileForm {
    pub id: String,
    pub covers: Vec<String>,
    pub band: String,
    pub cite: Vec<String>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: String,
    pub cite: Vec<String>,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// The city's own guideline, kept verbatim in `sources/`.
    #[default]
    Seed,
    /// Cross-city facts (general knowledge), in the project's own words in every
    /// language: `content/text/<lang>/facts.toml`, each naming its public source.
    Domain,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    #[serde(default)]
    pub source: Source,
    /// Overrides the profile's seed (the general profile quotes several cities).
    #[serde(default)]
    pub seed: Option<String>,
    /// A seed section's heading, verbatim; a domain section has none.
    #[serde(default)]
    pub heading: PooledStr,
    #[serde(default)]
    pub quotes: Vec<PooledStr>,
    /// The cross-city facts a domain section states (ids in `facts.toml`).
    #[serde(default)]
    pub facts: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// As printed, e.g. `048-982-5111` or `042(523)2111`; empty when not known.
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub fax: String,
    /// The counter's web page.
    #[serde(default)]
    pub web: String,
    /// Where to send a proposal or a request (提案制度 / 広聴).
    #[serde(default)]
    pub proposal_web: String,
    #[serde(default)]
    pub proposal_phone: String,
    /// Sections of the guideline that print these details: the validator finds each
    /// number (and the Japanese address) in their quotes, so none is invented.
    #[serde(default)]
    pub cite: Vec<String>,
}

impl Contact {
    /// The phone number as a `tel:` target: digits only (and a leading +).
    pub fn tel(number: &str) -> String {
        number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
    }

    /// A Japanese phone or fax number as printed: digits with hyphens or parentheses,
    /// 10 or 11 digits starting with 0 (or +81 and 9 or 10 more).
    pub fn valid_phone(number: &str) -> bool {
        let allowed = number.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '(' | ')' | '+'));
        let digits = Contact::tel(number);
        let n = digits.trim_start_matches('+').len();
        allowed
            && ((digits.starts_with('0') && (10..=11).contains(&n)) || (digits.starts_with("+81") && (11..=12).contains(&n)))
    }

    /// A web address the widget may link to: http(s), a host with a dot, nothing that
    /// could break out of an attribute.
    pub fn valid_web(url: &str) -> bool {
        let Some(rest) = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) else { return false };
        let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
        host.contains('.')
            && !host.starts_with('.')
            && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
            && url.chars().all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`'))
    }
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub seed: String,
    #[serde(default)]
    pub flags: BTreeSet<String>,
    #[serde(default)]
    pub contact: Contact,
    /// Set for a city adopted with one file (`content/cities/<id>.toml`): the profile
    /// whose guideline content it uses. Its own are only its name and contact.
    #[serde(default)]
    pub base: Option<String>,
    /// Contact details from the city's own file (`content/cities/<id>.toml`), shown
    /// over (or beside) what the guideline prints in `contact`.
    #[serde(default)]
    pub city_contact: Option<Contact>,
    pub concepts: BTreeMap<String, Vec<String>>,
    #[serde(rename = "form", default)]
    pub forms: Vec<ProfileForm>,
    #[serde(rename = "principle", default)]
    pub principles: Vec<Principle>,
    #[serde(rename = "section", default)]
    pub sections: Vec<Section>,
}

impl Profile {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
    pub fn form(&self, id: &str) -> Option<&ProfileForm> {
        self.forms.iter().find(|f| f.id == id)
    }
    /// The contact to show: what the guideline prints, with the city file's details
    /// over it. Empty fields stay empty: the card says what is not known.
    pub fn shown_contact(&self) -> Contact {
        let mut c = self.contact.clone();
        if let Some(city) = &self.city_contact {
            for (mine, theirs) in [
                (&mut c.phone, &city.phone),
                (&mut c.fax, &city.fax),
                (&mut c.web, &city.web),
                (&mut c.proposal_web, &city.proposal_web),
                (&mut c.proposal_phone, &city.proposal_phone),
            ] {
                if !theirs.is_empty() {
                    *mine = theirs.clone();
                }
            }
        }
        c
    }
    pub fn has_flag(&self, flag: &str) -> bool {
        self.flags.contains(flag)
    }
    /// The seed file a section quotes, if it quotes a seed.
    pub fn seed_of<'a>(&'a self, section: &'a Section) -> Option<&'a str> {
        match section.source {
            Source::Domain => None,
            Source::Seed => Some(section.seed.as_deref().unwrap_or(&self.seed)),
        }
    }
}

/// The accessibility statement's data (content/accessibility.toml).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    pub standard: String,
    pub target: String,
    pub tested: String,
    pub technologies: Vec<String>,
    pub criteria: Vec<Criterion>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub level: String,
    pub ja: String,
    pub en: String,
    pub result: String,
}

/// Everything the widget says and decides, for every profile and language.
/// Equal when every part is (the texts compared as maps, whatever their coding).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Content {
    pub version: u32,
    pub default_lang: String,
    pub languages: Vec<Language>,
    pub questions: Vec<Question>,
    pub concepts: Vec<Concept>,
    pub verdicts: Vec<Verdict>,
    pub next_rules: Vec<NextRule>,
    pub findings: Vec<Finding>,
    pub bands: Vec<String>,
    pub band_rules: Vec<BandRule>,
    pub start_types: Vec<StartType>,
    pub readiness: Vec<ReadinessItem>,
    pub forms: Vec<CanonForm>,
    pub form_good: i32,
    pub form_possible: i32,
    #[serde(with = "pool::profiles")]
    pub profiles: Vec<Profile>,
    /// language code → text key → text. Profile texts are under `p.<profile>.`.
    pub texts: Texts,
    /// text key → the file it came from (default language), for error messages.
    /// Only the native loader fills it; the compact form leaves it out.
    #[serde(skip)]
    pub text_files: BTreeMap<String, String>,
    pub accessibility: Accessibility,
}

impl Content {
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
    pub fn profile(&self, id: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.id == id)
    }
    pub fn canon_form(&self, id: &str) -> Option<&CanonForm> {
        self.forms.iter().find(|f| f.id == id)
    }
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }
    /// A text in a language; falls back to the default language, then to the key
    /// itself, so a gap shows as a visible key rather than a crash.
    pub fn text<'a>(&'a self, lang: &str, key: &'a str) -> &'a str {
        self.texts.get(lang, key).or_else(|| self.texts.get(&self.default_lang, key)).unwrap_or(key)
    }
    pub fn has_text(&self, lang: &str, key: &str) -> bool {
        self.texts.get(lang, key).is_some()
    }
    pub fn profile_text<'a>(&'a self, lang: &str, profile: &str, key: &str) -> &'a str {
        let full = format!("p.{profile}.{key}");
        self.texts.get(lang, &full).or_else(|| self.texts.get(&self.default_lang, &full)).unwrap_or("")
    }

    /// Parses the content from `(path relative to content/, file text)` pairs.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_files(files: &[(String, String)]) -> Result<Content, Vec<ContentError>> {
        load::Loader::default().load(files)
    }

    /// The content build.rs compiled into the binary: parsed and checked at build
    /// time, so the browser only decodes a compact form (no TOML parser in the wasm).
    pub fn embedded() -> Result<Content, Vec<ContentError>> {
        Content::decode(crate::embedded::CONTENT)
    }

    /// The compact form of `Content` (postcard), as build.rs writes it.
    /// Every distinct text and quote is stored once (see `pool`): the three languages
    /// share their keys, and the general profile quotes the cities' own passages.
    /// The strings are stored in `chars`' coding, which gzip packs ~15 % smaller than UTF-8.
    pub fn encode(&self) -> Vec<u8> {
        pool::begin_encode();
        let body = postcard::to_allocvec(self).expect("content serialises");
        let strings = pool::end_encode();
        let (table, coded) = chars::encode(&strings);
        postcard::to_allocvec(&(table, coded, body)).expect("content serialises")
    }

    pub fn decode(bytes: &[u8]) -> Result<Content, Vec<ContentError>> {
        let bad = |e: String| vec![err("content.bin", "", e)];
        // Written as Vec<u8>s; postcard lays a byte sequence out the same way either way,
        // and borrowing skips a visitor call per byte.
        let (table, coded, body): (&str, Vec<&[u8]>, &[u8]) = postcard::from_bytes(bytes).map_err(|e| bad(e.to_string()))?;
        pool::begin_decode(chars::Strings::coded(table, &coded));
        let content = postcard::from_bytes(body).map_err(|e| bad(e.to_string()));
        pool::end_decode();
        content
    }

    /// Reads every `.toml` under a content directory (native tools and tests).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn load_dir(dir: &std::path::Path) -> Result<Content, Vec<ContentError>> {
        let mut files = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let entries = std::fs::read_dir(&d).map_err(|e| vec![err(&d.display().to_string(), "", e.to_string())])?;
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "toml") {
                    let rel = p.strip_prefix(dir).unwrap_or(&p).to_string_lossy().replace('\\', "/");
                    let text = std::fs::read_to_string(&p).map_err(|e| vec![err(&rel, "", e.to_string())])?;
                    files.push((rel, text));
                }
            }
        }
        files.sort();
        Content::from_files(&files)
    }
}

/// The compact form's text coding. Most texts are Japanese, three bytes a character in
/// UTF-8; here ASCII stays one byte, the 112 most frequent other characters take one
/// byte and the rest two (three past 3,952 distinct ones). The shorter bytes let gzip
/// find more and nearer repeats: the texts pack to ~80 KB instead of ~93 KB.
pub mod chars {
    const ONE: usize = 112; // 0x80..=0xEF
    const TWO: usize = 15 * 256; // 0xF0..=0xFE, then a byte

    /// The distinct non-ASCII characters, most frequent first, and each string coded.
    pub fn encode(strings: &[String]) -> (String, Vec<Vec<u8>>) {
        let mut count = std::collections::HashMap::<char, usize>::new();
        strings.iter().flat_map(|s| s.chars()).filter(|c| !c.is_ascii()).for_each(|c| *count.entry(c).or_default() += 1);
        let mut ranked: Vec<(char, usize)> = count.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        assert!(ranked.len() <= ONE + TWO + 65_536, "the content uses more distinct characters than the compact form codes");
        let rank: std::collections::HashMap<char, usize> = ranked.iter().enumerate().map(|(i, (c, _))| (*c, i)).collect();
        let coded = strings
            .iter()
            .map(|s| {
                let mut out = Vec::with_capacity(s.len());
                for c in s.chars() {
                    if c.is_ascii() {
                        out.push(c as u8);
                        continue;
                    }
                    match rank[&c] {
                        r if r < ONE => out.push(0x80 + r as u8),
                        r if r < ONE + TWO => out.extend([0xF0 + ((r - ONE) >> 8) as u8, (r - ONE) as u8]),
                        r => out.extend([0xFF, ((r - ONE - TWO) >> 8) as u8, (r - ONE - TWO) as u8]),
                    }
                }
                out
            })
            .collect();
        (ranked.into_iter().map(|(c, _)| c).collect(), coded)
    }

    /// The strings back, all decoded; an error (never a panic) for a byte sequence cut
    /// short or a character the table does not have.
    pub fn decode(table: &str, coded: &[&[u8]]) -> Result<Vec<String>, &'static str> {
        let n = table.chars().count();
        for bytes in coded {
            for code in codes(bytes) {
                if matches!(code?, Code::Rank(r) if r >= n) {
                    return Err("a character is not in the table");
                }
            }
        }
        let strings = Strings::coded(table, coded);
        Ok((0..strings.len()).map(|i| strings.get(i).unwrap_or_default().to_string()).collect())
    }

    /// Distinct strings, each decoded the first time it is read: start-up keeps the codes
    /// and builds none of the ~4,000 texts, most of which the visitor never sees.
    #[derive(Clone, Debug, Default)]
    pub struct Strings {
        table: Vec<char>,
        coded: Vec<u8>,
        /// Where each string's codes end in `coded`.
        ends: Vec<u32>,
        text: Vec<std::sync::OnceLock<String>>,
    }

    impl Strings {
        /// Strings already decoded (the native loader).
        pub fn plain(strings: impl IntoIterator<Item = String>) -> Strings {
            // Every cell is already filled, so `get` never reads codes.
            Strings { text: strings.into_iter().map(std::sync::OnceLock::from).collect(), ..Strings::default() }
        }

        /// Coded strings, not yet decoded. A code the table does not have reads as U+FFFD
        /// (never a panic); `decode` reports it, and the content tests decode every string.
        pub fn coded(table: &str, coded: &[&[u8]]) -> Strings {
            let mut all = Vec::with_capacity(coded.iter().map(|c| c.len()).sum());
            let mut ends = Vec::with_capacity(coded.len());
            for bytes in coded {
                all.extend_from_slice(bytes);
                ends.push(all.len() as u32);
            }
            let text = (0..coded.len()).map(|_| std::sync::OnceLock::new()).collect();
            Strings { table: table.chars().collect(), coded: all, ends, text }
        }

        pub fn len(&self) -> usize {
            self.text.len()
        }

        pub fn is_empty(&self) -> bool {
            self.text.is_empty()
        }

        pub fn get(&self, i: usize) -> Option<&str> {
            let cell = self.text.get(i)?;
            Some(cell.get_or_init(|| {
                let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
                one(&self.table, &self.coded[start..self.ends[i] as usize])
            }))
        }
    }

    enum Code {
        Ascii(u8),
        /// A character's index in the table.
        Rank(usize),
    }

    fn codes(bytes: &[u8]) -> impl Iterator<Item = Result<Code, &'static str>> + '_ {
        let mut it = bytes.iter().map(|&b| b as usize);
        std::iter::from_fn(move || {
            let b = it.next()?;
            let mut next = || it.next().ok_or("a character is cut short");
            Some(match b {
                0..=0x7F => Ok(Code::Ascii(b as u8)),
                0x80..=0xEF => Ok(Code::Rank(b - 0x80)),
                0xF0..=0xFE => next().map(|n| Code::Rank(ONE + ((b - 0xF0) << 8) + n)),
                _ => next().and_then(|h| next().map(|l| Code::Rank(ONE + TWO + (h << 8) + l))),
            })
        })
    }

    // A function of its own, called once per string: the browser optimises a function
    // that is called often, between calls, but not a loop that is already running.
    #[inline(never)]
    fn one(table: &[char], bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len() * 3);
        // The build wrote these codes, and the content tests decode every string, so
        // neither fallback is taken; they only keep a damaged build from panicking.
        for code in codes(bytes).flatten() {
            match code {
                Code::Ascii(b) => out.push(b as char),
                Code::Rank(r) => out.push(table.get(r).copied().unwrap_or('\u{FFFD}')),
            }
        }
        out
    }
}

/// Every text in every language: one sorted key table, and for each language the index
/// of each key's text among the distinct strings. In the widget a text is decoded the
/// first time it is read (`chars::Strings`).
#[derive(Clone, Default)]
pub struct Texts {
    keys: Vec<String>,
    langs: Vec<(String, Vec<u32>)>,
    strings: std::sync::Arc<chars::Strings>,
}

/// A section's heading or quote: read from a content file, or from the compact form and
/// then decoded the first time it is read (like the texts).
#[derive(Clone)]
pub struct PooledStr(Pooled);

#[derive(Clone)]
enum Pooled {
    Plain(String),
    Coded(std::sync::Arc<chars::Strings>, u32),
}

impl std::ops::Deref for PooledStr {
    type Target = str;
    fn deref(&self) -> &str {
        match &self.0 {
            Pooled::Plain(s) => s,
            // The index was checked when the content was decoded.
            Pooled::Coded(strings, i) => strings.get(*i as usize).unwrap_or_default(),
        }
    }
}

impl std::borrow::Borrow<str> for PooledStr {
    fn borrow(&self) -> &str {
        self
    }
}

impl PartialEq for PooledStr {
    fn eq(&self, other: &PooledStr) -> bool {
        **self == **other
    }
}

impl Eq for PooledStr {}

impl Default for PooledStr {
    fn default() -> PooledStr {
        PooledStr(Pooled::Plain(String::new()))
    }
}

impl fmt::Debug for PooledStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl fmt::Display for PooledStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl Serialize for PooledStr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for PooledStr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|s| PooledStr(Pooled::Plain(s)))
    }
}

/// No text for this key in this language.
const NO_TEXT: u32 = u32::MAX;

impl Texts {
    pub fn from_maps(maps: BTreeMap<String, BTreeMap<String, String>>) -> Texts {
        let keys: Vec<String> = maps.values().flat_map(|m| m.keys().cloned()).collect::<BTreeSet<_>>().into_iter().collect();
        let mut strings = Vec::new();
        let langs = maps
            .into_iter()
            .map(|(lang, mut m)| {
                let ids = keys
                    .iter()
                    .map(|k| match m.remove(k) {
                        Some(t) => {
                            strings.push(t);
                            (strings.len() - 1) as u32
                        }
                        None => NO_TEXT,
                    })
                    .collect();
                (lang, ids)
            })
            .collect();
        Texts { keys, langs, strings: std::sync::Arc::new(chars::Strings::plain(strings)) }
    }

    pub fn lang(&self, lang: &str) -> Option<LangTexts<'_>> {
        self.langs.iter().find(|(l, _)| l == lang).map(|(_, ids)| LangTexts { texts: self, ids })
    }

    pub fn get(&self, lang: &str, key: &str) -> Option<&str> {
        self.lang(lang)?.get(key)
    }

    pub fn to_maps(&self) -> BTreeMap<String, BTreeMap<String, String>> {
        self.langs
            .iter()
            .map(|(l, _)| (l.clone(), self.lang(l).into_iter().flat_map(|t| t.iter()).map(|(k, v)| (k.to_string(), v.to_string())).collect()))
            .collect()
    }
}

impl PartialEq for Texts {
    fn eq(&self, other: &Texts) -> bool {
        self.to_maps() == other.to_maps()
    }
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_maps().fmt(f)
    }
}

/// One language's texts.
#[derive(Clone, Copy)]
pub struct LangTexts<'a> {
    texts: &'a Texts,
    ids: &'a [u32],
}

impl<'a> LangTexts<'a> {
    pub fn get(&self, key: &str) -> Option<&'a str> {
        let i = self.texts.keys.binary_search_by(|k| k.as_str().cmp(key)).ok()?;
        self.text(self.ids[i])
    }

    fn text(&self, id: u32) -> Option<&'a str> {
        (id != NO_TEXT).then(|| self.texts.strings.get(id as usize)).flatten()
    }

    /// (key, text) in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let this = *self;
        this.texts.keys.iter().zip(this.ids).filter_map(move |(k, &id)| Some((k.as_str(), this.text(id)?)))
    }

    pub fn keys(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.iter().map(|(k, _)| k)
    }
}

/// The string pool of the compact form: while one encode or decode runs, texts and
/// quotes are written as indices into a list of distinct strings.
mod pool {
    use super::{chars::Strings, Profile, Section};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::sync::Arc;

    thread_local! {
        static PUT: RefCell<(Vec<String>, HashMap<String, u32>)> = RefCell::default();
        static GET: RefCell<Arc<Strings>> = RefCell::default();
    }

    pub fn begin_encode() {
        PUT.with(|p| *p.borrow_mut() = Default::default());
    }

    pub fn end_encode() -> Vec<String> {
        PUT.with(|p| std::mem::take(&mut *p.borrow_mut()).0)
    }

    pub fn begin_decode(strings: Strings) {
        GET.with(|p| *p.borrow_mut() = Arc::new(strings));
    }

    pub fn end_decode() {
        GET.with(|p| *p.borrow_mut() = Default::default());
    }

    fn put(s: &str) -> u32 {
        PUT.with(|p| {
            let (list, index) = &mut *p.borrow_mut();
            *index.entry(s.to_string()).or_insert_with(|| {
                list.push(s.to_string());
                (list.len() - 1) as u32
            })
        })
    }

    fn check<E: serde::de::Error>(i: u32) -> Result<u32, E> {
        match GET.with(|p| p.borrow().len()) > i as usize {
            true => Ok(i),
            false => Err(E::custom("string index out of range")),
        }
    }

    fn pooled<E: serde::de::Error>(i: u32) -> Result<super::PooledStr, E> {
        Ok(super::PooledStr(super::Pooled::Coded(GET.with(|p| p.borrow().clone()), check(i)?)))
    }

    fn get<E: serde::de::Error>(i: u32) -> Result<String, E> {
        GET.with(|p| p.borrow().get(i as usize).map(str::to_string)).ok_or_else(|| E::custom("string index out of range"))
    }

    /// One table of keys, then for each language its text for every key, as indices.
    /// Indices are written as the step from the one before (`steps`): texts were put in
    /// key order, so most steps are +1, which gzip packs to almost nothing. Decoding keeps
    /// the indices and the strings, and decodes no text.
    impl Serialize for super::Texts {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            // Keys first, then each language's texts: like next to like compresses best.
            let key_ids = steps(self.keys.iter().map(|k| Some(put(k))));
            let langs: Vec<(u32, Vec<u32>)> = self
                .langs
                .iter()
                .map(|(lang, ids)| (put(lang), steps(ids.iter().map(|&id| self.strings.get(id as usize).filter(|_| id != super::NO_TEXT).map(put)))))
                .collect();
            (key_ids, langs).serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for super::Texts {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            use serde::de::Error as _;
            let (key_ids, langs) = <(Vec<u32>, Vec<(u32, Vec<u32>)>)>::deserialize(d)?;
            let keys = unsteps(&key_ids).map(|k| get(k.ok_or_else(|| D::Error::custom("a key is missing"))?)).collect::<Result<Vec<_>, D::Error>>()?;
            if !keys.windows(2).all(|w| w[0] < w[1]) {
                return Err(D::Error::custom("the text keys are out of order"));
            }
            let langs = langs
                .into_iter()
                .map(|(lang, texts)| {
                    if texts.len() != keys.len() {
                        return Err(D::Error::custom("a language's texts do not match the keys"));
                    }
                    let ids = unsteps(&texts).map(|id| id.map_or(Ok(super::NO_TEXT), check)).collect::<Result<_, D::Error>>()?;
                    Ok((get(lang)?, ids))
                })
                .collect::<Result<_, D::Error>>()?;
            Ok(super::Texts { keys, langs, strings: GET.with(|p| p.borrow().clone()) })
        }
    }

    /// 0 for none, else 1 + the zigzagged step from the previous index.
    fn steps(ids: impl Iterator<Item = Option<u32>>) -> Vec<u32> {
        let mut prev = 0i64;
        ids.map(|id| match id {
            None => 0,
            Some(i) => {
                let step = i as i64 - prev;
                prev = i as i64;
                1 + ((step << 1) ^ (step >> 63)) as u32
            }
        })
        .collect()
    }

    fn unsteps(codes: &[u32]) -> impl Iterator<Item = Option<u32>> + '_ {
        let mut prev = 0i64;
        codes.iter().map(move |&c| {
            if c == 0 {
                return None;
            }
            let z = (c - 1) as i64;
            prev += (z >> 1) ^ -(z & 1);
            // Out of range reads as an index no pool has, so it is reported.
            Some(u32::try_from(prev).unwrap_or(u32::MAX))
        })
    }

    /// Profiles with each section's heading and quotes as indices.
    pub mod profiles {
        use super::*;
        use crate::model::Source;

        #[derive(Serialize, Deserialize)]
        struct PackedSection {
            id: String,
            source: Source,
            seed: Option<String>,
            heading: u32,
            quotes: Vec<u32>,
            facts: Vec<String>,
        }

        pub fn serialize<S: Serializer>(ps: &[Profile], s: S) -> Result<S::Ok, S::Error> {
            let packed: Vec<(Profile, Vec<PackedSection>)> = ps
                .iter()
                .map(|p| {
                    let sections = p
                        .sections
                        .iter()
                        .map(|x| PackedSection {
                            id: x.id.clone(),
                            source: x.source,
                            seed: x.seed.clone(),
                            heading: put(&x.heading),
                            quotes: x.quotes.iter().map(|q| put(q)).collect(),
                            facts: x.facts.clone(),
                        })
                        .collect();
                    (Profile { sections: Vec::new(), ..p.clone() }, sections)
                })
                .collect();
            packed.serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Profile>, D::Error> {
            let packed = Vec::<(Profile, Vec<PackedSection>)>::deserialize(d)?;
            packed
                .into_iter()
                .map(|(mut p, sections)| {
                    p.sections = sections
                        .into_iter()
                        .map(|x| {
                            Ok(Section {
                                id: x.id,
                                source: x.source,
                                seed: x.seed,
                                heading: pooled(x.heading)?,
                                quotes: x.quotes.into_iter().map(pooled).collect::<Result<_, D::Error>>()?,
                                facts: x.facts,
                            })
                        })
                        .collect::<Result<_, D::Error>>()?;
                    Ok(p)
                })
                .collect()
        }
    }
}

// ---- raw file shapes (native only: the browser gets the compiled form) ----

#[cfg(not(target_arch = "wasm32"))]
mod load {
    use super::*;


    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawLanguages {
        default: String,
        language: Vec<Language>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawQuestions {
        version: u32,
        question: Vec<RawQuestion>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawQuestion {
        id: String,
        #[serde(default)]
        kind: Kind,
        #[serde(default)]
        ask_if: Option<String>,
        #[serde(default)]
        profiles: Option<Vec<String>>,
        #[serde(default)]
        glossary: Vec<String>,
        options: Vec<RawOption>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawOption {
        id: String,
        #[serde(default)]
        end: bool,
        #[serde(default)]
        end_if: Option<String>,
        #[serde(default)]
        exclusive: bool,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawRules {
        concept: Vec<Concept>,
        verdict: Vec<RawVerdict>,
        #[serde(default)]
        next: Vec<RawNext>,
        finding: Vec<RawFinding>,
        band: Vec<RawId>,
        band_rule: Vec<RawBandRule>,
        #[serde(default)]
        start_type: Vec<RawWhenId>,
        readiness: Vec<RawReadiness>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawId {
        id: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawVerdict {
        id: String,
        when: String,
        tone: Tone,
        concepts: Vec<String>,
        next: Vec<String>,
        #[serde(default)]
        ranks_forms: bool,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawNext {
        id: String,
        #[serde(default)]
        when: Option<String>,
        #[serde(default)]
        suggests: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawFinding {
        id: String,
        part: Part,
        when: String,
        level: Level,
        concepts: Vec<String>,
        #[serde(default)]
        rules_out: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawBandRule {
        when: String,
        #[serde(default)]
        band: Option<String>,
        #[serde(default)]
        from_top_form: bool,
        concepts: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawWhenId {
        id: String,
        when: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawReadiness {
        id: String,
        done_when: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawForms {
        good: i32,
        possible: i32,
        form: Vec<RawCanonForm>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawCanonForm {
        id: String,
        rules: Vec<RawFormRule>,
        #[serde(default)]
        unsuitable: Vec<RawUnsuitable>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawFormRule {
        when: String,
        score: i32,
        reason: String,
        #[serde(default)]
        concepts: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawUnsuitable {
        when: String,
        reason: String,
        #[serde(default)]
        concepts: Vec<String>,
    }

    #[derive(Default)]
    pub(super) struct Loader {
        errors: Vec<ContentError>,
    }

    impl Loader {
        fn parse<T: serde::de::DeserializeOwned>(&mut self, file: &str, text: &str) -> Option<T> {
            match toml::from_str::<T>(text) {
                Ok(v) => Some(v),
                Err(e) => {
                    self.errors.push(err(file, "", e.to_string().trim_end().to_string()));
                    None
                }
            }
        }

        fn cond(&mut self, file: &str, id: &str, src: &str) -> Cond {
            Cond::parse(src).unwrap_or_else(|e| {
                self.errors.push(err(file, id, format!("condition: {e}")));
                Cond::Never
            })
        }

        pub(super) fn load(mut self, files: &[(String, String)]) -> Result<Content, Vec<ContentError>> {
            let get = |name: &str| files.iter().find(|(p, _)| p == name).map(|(_, t)| t.as_str());
            let missing = |name: &str, errors: &mut Vec<ContentError>| {
                let t = get(name);
                if t.is_none() {
                    errors.push(err(name, "", "file is missing"));
                }
                t
            };
            let mut errors = Vec::new();
            let langs_src = missing("languages.toml", &mut errors);
            let questions_src = missing("questions.toml", &mut errors);
            let rules_src = missing("rules.toml", &mut errors);
            let forms_src = missing("forms.toml", &mut errors);
            self.errors.extend(errors);
            let langs: Option<RawLanguages> = langs_src.and_then(|t| self.parse("languages.toml", t));
            let rq: Option<RawQuestions> = questions_src.and_then(|t| self.parse("questions.toml", t));
            let rr: Option<RawRules> = rules_src.and_then(|t| self.parse("rules.toml", t));
            let rf: Option<RawForms> = forms_src.and_then(|t| self.parse("forms.toml", t));
            let accessibility: Accessibility = match get("accessibility.toml") {
                Some(t) => self.parse("accessibility.toml", t).unwrap_or_default(),
                None => {
                    self.errors.push(err("accessibility.toml", "", "file is missing"));
                    Accessibility::default()
                }
            };
            for cr in accessibility.criteria.iter().filter(|c| !matches!(c.result.as_str(), "pass" | "partial" | "na")) {
                self.errors.push(err("accessibility.toml", &cr.id, "result must be pass, partial or na"));
            }

            let mut profiles = Vec::new();
            for (path, text) in files {
                if let Some(name) = path.strip_prefix("profiles/").and_then(|n| n.strip_suffix(".toml")) {
                    if let Some(p) = self.parse::<Profile>(path, text) {
                        if p.id != name {
                            self.errors.push(err(path, &p.id, format!("id must match the file name `{name}`")));
                        }
                        profiles.push(p);
                    }
                }
            }
            // The general profile goes last in the chooser; cities keep file order.
            profiles.sort_by_key(|p| (p.id == "general", p.id.clone()));

            let (Some(langs), Some(rq), Some(rr), Some(rf)) = (langs, rq, rr, rf) else {
                return Err(self.errors);
            };

            let questions = rq
                .question
                .into_iter()
                .map(|q| {
                    let ask_if = match &q.ask_if {
                        Some(s) => self.cond("questions.toml", &q.id, s),
                        None => Cond::Always,
                    };
                    let options = q
                        .options
                        .into_iter()
                        .map(|o| {
                            let end = match (&o.end_if, o.end) {
                                (Some(_), true) => {
                                    self.errors.push(err("questions.toml", &format!("{}.{}", q.id, o.id), "use `end` or `end_if`, not both"));
                                    Cond::Always
                                }
                                (Some(s), false) => self.cond("questions.toml", &format!("{}.{}", q.id, o.id), s),
                                (None, true) => Cond::Always,
                                (None, false) => Cond::Never,
                            };
                            QOption { id: o.id, end, exclusive: o.exclusive }
                        })
                        .collect();
                    Question { id: q.id, kind: q.kind, ask_if, profiles: q.profiles, glossary: q.glossary, options }
                })
                .collect();

            let verdicts = rr
                .verdict
                .into_iter()
                .map(|v| Verdict {
                    when: self.cond("rules.toml", &v.id, &v.when),
                    id: v.id,
                    tone: v.tone,
                    concepts: v.concepts,
                    next: v.next,
                    ranks_forms: v.ranks_forms,
                })
                .collect();
            let next_rules = rr
                .next
                .into_iter()
                .map(|n| NextRule {
                    when: match &n.when {
                        Some(w) => self.cond("rules.toml", &format!("next.{}", n.id), w),
                        None => Cond::Always,
                    },
                    id: n.id,
                    suggests: n.suggests,
                })
                .collect();
            let findings = rr
                .finding
                .into_iter()
                .map(|f| Finding {
                    when: self.cond("rules.toml", &f.id, &f.when),
                    id: f.id,
                    part: f.part,
                    level: f.level,
                    concepts: f.concepts,
                    rules_out: f.rules_out,
                })
                .collect();
            let band_rules = rr
                .band_rule
                .into_iter()
                .enumerate()
                .map(|(i, b)| BandRule {
                    when: self.cond("rules.toml", &format!("band_rule[{i}]"), &b.when),
                    band: b.band,
                    from_top_form: b.from_top_form,
                    concepts: b.concepts,
                })
                .collect();
            let start_types = rr
                .start_type
                .into_iter()
                .map(|s| StartType { when: self.cond("rules.toml", &s.id, &s.when), id: s.id })
                .collect();
            let readiness = rr
                .readiness
                .into_iter()
                .map(|r| ReadinessItem { done_when: self.cond("rules.toml", &r.id, &r.done_when), id: r.id })
                .collect();
            let forms = rf
                .form
                .into_iter()
                .map(|f| CanonForm {
                    rules: f
                        .rules
                        .into_iter()
                        .map(|r| FormRule {
                            when: self.cond("forms.toml", &format!("{}.{}", f.id, r.reason), &r.when),
                            score: r.score,
                            reason: r.reason,
                            concepts: r.concepts,
                        })
                        .collect(),
                    unsuitable: f
                        .unsuitable
                        .into_iter()
                        .map(|u| Unsuitable {
                            when: self.cond("forms.toml", &format!("{}.{}", f.id, u.reason), &u.when),
                            reason: u.reason,
                            concepts: u.concepts,
                        })
                        .collect(),
                    id: f.id,
                })
                .collect();

            // Texts: text/<lang>/common.toml and text/<lang>/<profile>.toml, flattened.
            let mut texts: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
            let mut text_files = BTreeMap::new();
            let mut origin: BTreeMap<(String, String), String> = BTreeMap::new();
            for (path, src) in files {
                let Some(rest) = path.strip_prefix("text/") else { continue };
                let Some((lang, file)) = rest.split_once('/') else { continue };
                let Some(stem) = file.strip_suffix(".toml") else { continue };
                if !langs.language.iter().any(|l| l.code == lang) {
                    self.errors.push(err(path, "", format!("language `{lang}` is not registered in languages.toml")));
                    continue;
                }
                let prefix = if stem == "common" {
                    String::new()
                } else if stem == "facts" {
                    "fact.".to_string()
                } else if profiles.iter().any(|p| p.id == stem) {
                    format!("p.{stem}.")
                } else {
                    self.errors.push(err(path, "", format!("no profile `{stem}` for this text file")));
                    continue;
                };
                let Some(table) = self.parse::<toml::Table>(path, src) else { continue };
                let mut mine = BTreeMap::new();
                flatten(&table, &prefix, &mut mine, path, &mut self.errors);
                // The same key from two files (say common.toml's `[p.tomakomai]` and
                // tomakomai.toml) would silently let one win: name both files instead.
                for k in mine.keys() {
                    if let Some(other) = origin.get(&(lang.to_string(), k.clone())) {
                        self.errors.push(err(path, k, format!("text defined twice: also in {other}")));
                    }
                }
                origin.extend(mine.keys().map(|k| ((lang.to_string(), k.clone()), path.clone())));
                if lang == langs.default {
                    text_files.extend(mine.keys().map(|k| (k.clone(), path.clone())));
                }
                texts.entry(lang.to_string()).or_default().extend(mine);
            }

            // Cities adopted with one file: a copy of their base profile with their own
            // name and contact, so that everything else treats them as any profile.
            for (path, src) in files {
                let Some(id) = path.strip_prefix("cities/").and_then(|n| n.strip_suffix(".toml")) else { continue };
                if let Some((p, own)) = city::load(path, id, src, &profiles, &langs.language, &mut self.errors) {
                    let base = format!("p.{}.", p.base.as_deref().unwrap_or(id));
                    for map in texts.values_mut().filter(|_| p.base.is_some()) {
                        let copied: Vec<(String, String)> = map
                            .range(base.clone()..)
                            .take_while(|(k, _)| k.starts_with(&base))
                            .map(|(k, v)| (format!("p.{id}.{}", &k[base.len()..]), v.clone()))
                            .collect();
                        map.extend(copied);
                    }
                    for (lang, mine) in &own {
                        let map = texts.entry(lang.clone()).or_default();
                        map.extend(mine.iter().map(|(k, v)| (format!("p.{id}.{k}"), v.clone())));
                    }
                    if let Some(mine) = own.get(&langs.default) {
                        text_files.extend(mine.keys().map(|k| (format!("p.{id}.{k}"), path.clone())));
                    }
                    match profiles.iter_mut().find(|x| x.id == p.id) {
                        Some(existing) => *existing = p,
                        None => profiles.push(p),
                    }
                }
            }
            profiles.sort_by_key(|p| (p.id == "general", p.id.clone()));

            if !self.errors.is_empty() {
                return Err(self.errors);
            }
            Ok(Content {
                version: rq.version,
                default_lang: langs.default,
                languages: langs.language,
                questions,
                concepts: rr.concept,
                verdicts,
                next_rules,
                findings,
                bands: rr.band.into_iter().map(|b| b.id).collect(),
                band_rules,
                start_types,
                readiness,
                forms,
                form_good: rf.good,
                form_possible: rf.possible,
                profiles,
                texts: Texts::from_maps(texts),
                text_files,
                accessibility,
            })
        }
    }

    /// `content/cities/<id>.toml`: a city that uses another profile's guideline content
    /// (usually the general one) with its own name and counter. Every problem names the
    /// file, the key and what to write there.
    mod city {
        use super::*;

        /// The texts a city file gives in each language; the first five are required.
        const TEXT_KEYS: [&str; 6] =
            ["name", "contact.department", "contact.address", "contact.hours", "contact.proposal", "contact.how"];
        const EXAMPLE_PHONE: &str = "0123-45-6789";

        pub(in super::super) fn load(
            file: &str,
            id: &str,
            src: &str,
            profiles: &[Profile],
            languages: &[Language],
            errors: &mut Vec<ContentError>,
        ) -> Option<(Profile, BTreeMap<String, BTreeMap<String, String>>)> {
            let before = errors.len();
            let mut problem = |key: &str, msg: String| errors.push(err(file, key, msg));
            let table: toml::Table = match toml::from_str(src) {
                Ok(t) => t,
                Err(e) => {
                    problem("", format!("this file is not valid TOML: {}", e.to_string().trim_end()));
                    return None;
                }
            };
            if !id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                problem("", format!("the file name `{id}` is the city's id: use lowercase letters, digits and _ only, starting with a letter (for example `mihon.toml`)"));
            }
            // A city file named after a full profile adds that city's own contact
            // details (those its guideline does not print); any other profile is a clash.
            let named = table.get("profile").and_then(|v| v.as_str());
            let supplement = named == Some(id) && profiles.iter().any(|p| p.id == id);
            if !supplement && profiles.iter().any(|p| p.id == id) {
                problem("", format!("the id `{id}` is already used by content/profiles/{id}.toml: rename this file to an id of its own (or write profile = \"{id}\" to add contact details to that profile)"));
            }
            let required = !supplement;
            for k in table.keys().filter(|k| !matches!(k.as_str(), "profile" | "contact" | "text")) {
                problem(k, "unknown setting: a city file has only `profile`, `[contact]` and `[text.<language>]`".into());
            }
            let names = || profiles.iter().filter(|p| p.base.is_none()).map(|p| format!("\"{}\"", p.id)).collect::<Vec<_>>().join(", ");
            let base = match named {
                Some(b) => match profiles.iter().find(|p| p.id == b && p.base.is_none()) {
                    Some(p) => Some(p),
                    None => {
                        problem("profile", format!("there is no profile `{b}`: write profile = \"general\" (the common guideline) or one of {}", names()));
                        None
                    }
                },
                None => {
                    problem("profile", "missing: write profile = \"general\" to use the common guideline".into());
                    None
                }
            };
            let empty = toml::Table::new();
            let contact_t = match table.get("contact") {
                Some(toml::Value::Table(t)) => t,
                _ => {
                    problem("contact", "missing: add a [contact] table with the counter's phone and web page".into());
                    &empty
                }
            };
            let mut field = |key: &str, required: bool, check: fn(&str) -> bool, what: &str, example: &str| -> String {
                let full = format!("contact.{key}");
                match contact_t.get(key) {
                    Some(toml::Value::String(v)) if v.trim().is_empty() && required => {
                        problem(&full, format!("empty: write {what}, for example {key} = \"{example}\""));
                        String::new()
                    }
                    Some(toml::Value::String(v)) if !v.trim().is_empty() && !check(v.trim()) => {
                        problem(&full, format!("`{v}` is not {what}: write it like {key} = \"{example}\""));
                        String::new()
                    }
                    Some(toml::Value::String(v)) => v.trim().to_string(),
                    Some(_) => {
                        problem(&full, format!("must be text in quotes, for example {key} = \"{example}\""));
                        String::new()
                    }
                    None if required => {
                        problem(&full, format!("missing: write {what}, for example {key} = \"{example}\""));
                        String::new()
                    }
                    None => String::new(),
                }
            };
            let phone_what = "the counter's phone number as printed (digits and hyphens)";
            let web_what = "a web address starting with https://";
            let contact = Contact {
                phone: field("phone", required, Contact::valid_phone, phone_what, EXAMPLE_PHONE),
                fax: field("fax", false, Contact::valid_phone, "a fax number (digits and hyphens)", "0123-45-6790"),
                web: field("web", required, Contact::valid_web, web_what, "https://www.city.example.lg.jp/kyodo/"),
                proposal_web: field("proposal_web", false, Contact::valid_web, web_what, "https://www.city.example.lg.jp/teian/"),
                proposal_phone: field("proposal_phone", false, Contact::valid_phone, phone_what, EXAMPLE_PHONE),
                cite: Vec::new(),
            };
            for k in contact_t.keys().filter(|k| !matches!(k.as_str(), "phone" | "fax" | "web" | "proposal_web" | "proposal_phone")) {
                problem(&format!("contact.{k}"), "unknown setting: [contact] has phone, fax, web, proposal_web and proposal_phone".into());
            }
            let proposal_given = |k: &str| contact_t.get(k).and_then(|v| v.as_str()).is_some_and(|v| !v.trim().is_empty());
            if required && !proposal_given("proposal_web") && !proposal_given("proposal_phone") {
                problem("contact.proposal_web", "missing: write where a citizen sends a proposal or request (提案制度・広聴), as proposal_web = \"https://…\" or proposal_phone = \"…\"".into());
            }
            let mut own = BTreeMap::new();
            let text_t = table.get("text").and_then(|v| v.as_table()).unwrap_or(&empty);
            for lang in text_t.keys().filter(|l| !languages.iter().any(|x| &x.code == *l)) {
                problem(&format!("text.{lang}"), format!("`{lang}` is not a language of the widget: use {}", languages.iter().map(|l| l.code.as_str()).collect::<Vec<_>>().join(", ")));
            }
            for lang in languages {
                let section = format!("text.{}", lang.code);
                let Some(t) = text_t.get(&lang.code).and_then(|v| v.as_table()) else {
                    if !required {
                        continue;
                    }
                    problem(&section, format!("missing: add a [{section}] table with the city's name and counter in {}", lang.name));
                    continue;
                };
                let mut flat = BTreeMap::new();
                let mut shape = Vec::new();
                flatten(t, "", &mut flat, file, &mut shape);
                for e in shape {
                    problem(&format!("{section}.{}", e.id), "must be text in quotes".into());
                }
                for k in flat.keys().filter(|k| !TEXT_KEYS.contains(&k.as_str())) {
                    problem(&format!("{section}.{k}"), format!("unknown text: a city file has {}", TEXT_KEYS.join(", ")));
                }
                for k in TEXT_KEYS[..5].iter().filter(|_| required) {
                    if flat.get(*k).is_none_or(|v| v.trim().is_empty()) {
                        problem(&format!("{section}.{k}"), format!("missing or empty: write the city's {} in {}", k.trim_start_matches("contact."), lang.name));
                    }
                }
                own.insert(lang.code.clone(), flat);
            }
            let base = base?;
            if errors.len() > before {
                return None;
            }
            let profile = if supplement {
                Profile { city_contact: Some(contact), ..base.clone() }
            } else {
                Profile { id: id.to_string(), contact: Contact::default(), city_contact: Some(contact), base: Some(base.id.clone()), ..base.clone() }
            };
            Some((profile, own))
        }
    }

    fn flatten(
        table: &toml::Table,
        prefix: &str,
        out: &mut BTreeMap<String, String>,
        file: &str,
        errors: &mut Vec<ContentError>,
    ) {
        for (k, v) in table {
            let key = format!("{prefix}{k}");
            match v {
                toml::Value::String(s) => {
                    out.insert(key, s.clone());
                }
                toml::Value::Table(t) => flatten(t, &format!("{key}."), out, file, errors),
                _ => errors.push(err(file, &key, "a text must be a string")),
            }
        }
    }
}
