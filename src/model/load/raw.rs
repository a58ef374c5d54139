//! The shapes of the content files as written, before their conditions are compiled.

use super::super::*;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLanguages {
    pub(super) default: String,
    pub(super) language: Vec<Language>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestions {
    pub(super) version: u32,
    #[serde(default)]
    pub(super) voice: Vec<RawVoice>,
    pub(super) question: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVoice {
    pub(super) id: String,
    pub(super) when: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuestion {
    pub(super) id: String,
    #[serde(default)]
    pub(super) kind: Kind,
    #[serde(default)]
    pub(super) role: Option<Role>,
    #[serde(default)]
    pub(super) voices: Vec<String>,
    #[serde(default)]
    pub(super) ask_if: Option<String>,
    #[serde(default)]
    pub(super) profiles: Option<Vec<String>>,
    #[serde(default)]
    pub(super) glossary: Vec<String>,
    pub(super) options: Vec<RawOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOption {
    pub(super) id: String,
    #[serde(default)]
    pub(super) end: bool,
    #[serde(default)]
    pub(super) end_if: Option<String>,
    #[serde(default)]
    pub(super) exclusive: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRules {
    pub(super) settings: Settings,
    pub(super) concept: Vec<Concept>,
    pub(super) verdict: Vec<RawVerdict>,
    #[serde(default)]
    pub(super) next: Vec<RawNext>,
    pub(super) finding: Vec<RawFinding>,
    pub(super) band: Vec<RawId>,
    pub(super) band_rule: Vec<RawBandRule>,
    #[serde(default)]
    pub(super) start_type: Vec<RawWhenId>,
    pub(super) readiness: Vec<RawReadiness>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawId {
    pub(super) id: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVerdict {
    pub(super) id: String,
    pub(super) when: String,
    pub(super) tone: Tone,
    pub(super) concepts: Vec<String>,
    pub(super) next: Vec<String>,
    #[serde(default)]
    pub(super) ranks_forms: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNext {
    pub(super) id: String,
    #[serde(default)]
    pub(super) when: Option<String>,
    #[serde(default)]
    pub(super) suggests: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFinding {
    pub(super) id: String,
    pub(super) part: Part,
    pub(super) when: String,
    pub(super) level: Level,
    pub(super) concepts: Vec<String>,
    #[serde(default)]
    pub(super) rules_out: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBandRule {
    pub(super) when: String,
    #[serde(default)]
    pub(super) band: Option<String>,
    #[serde(default)]
    pub(super) from_top_form: bool,
    #[serde(default)]
    pub(super) from_answers: bool,
    #[serde(default)]
    pub(super) city_table: bool,
    pub(super) concepts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWhenId {
    pub(super) id: String,
    pub(super) when: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReadiness {
    pub(super) id: String,
    pub(super) done_when: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawForms {
    pub(super) good: i32,
    pub(super) possible: i32,
    pub(super) form: Vec<RawCanonForm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCanonForm {
    pub(super) id: String,
    pub(super) rules: Vec<RawFormRule>,
    #[serde(default)]
    pub(super) unsuitable: Vec<RawUnsuitable>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFormRule {
    pub(super) when: String,
    pub(super) score: i32,
    pub(super) reason: String,
    #[serde(default)]
    pub(super) concepts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawUnsuitable {
    pub(super) when: String,
    pub(super) reason: String,
    #[serde(default)]
    pub(super) concepts: Vec<String>,
}
