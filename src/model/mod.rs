//! The content model: what the data files in `content/` hold, parsed and with every
//! condition compiled. Loading checks syntax and shape; `validate` checks meaning.

use crate::cond::Cond;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

mod compact;
#[cfg(not(target_arch = "wasm32"))]
mod load;
mod split;
mod text;
mod wire;

pub use compact::chars;
pub use split::{file, in_shell};
pub use text::{LangTexts, PooledStr, Texts};

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

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    /// What answering this question starts in the engine, declared in the content.
    pub role: Option<Role>,
    /// The voices this question has its own wording in (`voices = [...]`), in order.
    pub voices: Vec<String>,
    pub ask_if: Cond,
    pub profiles: Option<Vec<String>>,
    pub glossary: Vec<String>,
    pub options: Vec<QOption>,
}

/// Other wording for the questions that have it, used while `when` holds on the answers
/// so far (`[[voice]]` in questions.toml): e.g. city staff read 「相手の団体」 where a
/// citizen reads 「市」. Its texts are `q.<question>.<voice>.title` and so on; a text it
/// does not give is the plain one. The options, and so the outcomes, stay the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Voice {
    pub id: String,
    pub when: Cond,
}

/// A question's role in the engine (`role = "..."` in questions.toml).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Once answered on the path, the profile's forms are ranked.
    Forms,
    /// Its answers settle the readiness items; once answered, the readiness list is shown.
    Readiness,
}

/// Which profile applies when an embed names none, and which concepts the start type and
/// the readiness list cite (rules.toml's `[settings]`): names the engine would otherwise
/// have to know.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The profile of the common guideline: used when no city is set, listed last.
    pub common_profile: String,
    /// The concept a start type cites; a start type is given only where the profile has
    /// this concept (see the concept's `flag`).
    pub start_type_concept: String,
    /// The concept the readiness list cites.
    pub readiness_concept: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NextRule {
    pub id: String,
    pub when: Cond,
    /// Canonical form ids the step's text suggests.
    pub suggests: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub id: String,
    pub part: Part,
    pub when: Cond,
    pub level: Level,
    pub concepts: Vec<String>,
    /// Canonical forms this finding rules out while it holds: no next step may suggest them.
    pub rules_out: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BandRule {
    pub when: Cond,
    pub band: Option<String>,
    pub from_top_form: bool,
    /// The rule reads who carries and decides the work (the answers), not the form.
    pub from_answers: bool,
    /// With `from_top_form`: the form's place comes from the city's own table of bands
    /// (its guideline places each form); otherwise from the common ordering of forms.
    pub city_table: bool,
    pub concepts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StartType {
    pub id: String,
    pub when: Cond,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

impl Concept {
    /// Whether a profile has this concept: every profile has one without `flag`.
    pub fn applies_to(&self, profile: &Profile) -> bool {
        self.flag.as_deref().is_none_or(|f| profile.has_flag(f))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormRule {
    pub when: Cond,
    pub score: i32,
    pub reason: String,
    /// The concepts whose sections back this reason; empty: the form's own citations.
    pub concepts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unsuitable {
    pub when: Cond,
    pub reason: String,
    pub concepts: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

/// A real case the city's guideline describes (`[[example]]`), shown on the result
/// beside the form it used: "この市の指針にある似た取り組み". Its title is the text
/// `p.<profile>.examples.<id>` in every language.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub id: String,
    /// The profile's form (a `[[form]]` id) the case used.
    pub form: String,
    /// The section of the guideline that describes the case (its quotes contain it).
    pub section: String,
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
    /// A list, not a set: the wasm then carries one map type (`docs/performance.md`);
    /// a flag named twice is refused by the validator.
    #[serde(default)]
    pub flags: Vec<String>,
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
    /// The cases the guideline describes, in the order the result lists them.
    #[serde(rename = "example", default)]
    pub examples: Vec<Example>,
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
        self.flags.iter().any(|f| f == flag)
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
/// Written by postcard (`compact`), read by hand (`wire`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Content {
    pub version: u32,
    pub default_lang: String,
    pub languages: Vec<Language>,
    pub questions: Vec<Question>,
    pub voices: Vec<Voice>,
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
    pub settings: Settings,
    #[serde(serialize_with = "compact::pool::profiles::serialize")]
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
    /// The key of a question's text (`title`, `why`, `hint`, `o.<option>`, `oh.<option>`)
    /// in a voice: the voice's own where the content gives it, else the plain one.
    pub fn question_key(&self, lang: &str, question: &str, voice: Option<&str>, part: &str) -> String {
        if let Some(v) = voice {
            let own = format!("q.{question}.{v}.{part}");
            if self.has_text(lang, &own) || self.has_text(&self.default_lang, &own) {
                return own;
            }
        }
        format!("q.{question}.{part}")
    }
    /// The questions that play this role in the engine.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(move |q| q.role == Some(role))
    }
    pub fn concept(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|c| c.id == id)
    }
    /// Whether a profile has a concept (`Concept::applies_to`).
    pub fn profile_has_concept(&self, profile: &Profile, concept: &str) -> bool {
        self.concept(concept).is_some_and(|c| c.applies_to(profile))
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
}
