//! The engine: given a profile and the answers, the next question, and at the end the
//! outcomes of the four questionnaires with their reasons and citations. Pure and
//! deterministic; any answer set is accepted (invalid answers count as unanswered).

use crate::cond::Facts;
use crate::model::{Content, Kind, Level, Part, Profile, Question, Role, Tone};
use std::collections::BTreeMap;

/// Facts a condition may ask about beside the questions, with the values they take:
/// `verdict` (a verdict id; in findings, bands, next steps, start types and readiness),
/// `city_forms` (the canonical forms the profile's forms cover; anywhere), `top_fit`
/// (the fit of the form ranked first, lowercase: good, possible, unlikely, unsuitable)
/// and `top_form` (the canonical forms the first-ranked form covers, when it fits well
/// or possibly); these two in verdicts and after, never in the flow or in form rules.
pub const PSEUDO: [&str; 4] = ["verdict", "city_forms", "top_fit", "top_form"];
/// The values of `top_fit`.
pub const FITS: [&str; 4] = ["good", "possible", "unlikely", "unsuitable"];

/// Question id → the chosen option ids (one for a single-choice question).
pub type Answers = BTreeMap<String, Vec<String>>;

/// Where the flow stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    /// The questions answered on the path actually taken, in order.
    pub path: Vec<String>,
    /// The question to ask next; `None` when the flow is complete.
    pub next: Option<String>,
}

impl Walk {
    pub fn is_complete(&self) -> bool {
        self.next.is_none()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerdictResult {
    pub id: String,
    pub tone: Tone,
    pub citations: Vec<String>,
    pub next: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingResult {
    pub id: String,
    pub part: Part,
    pub level: Level,
    pub citations: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fit {
    Good,
    Possible,
    Unlikely,
    Unsuitable,
}

impl Fit {
    pub fn name(self) -> &'static str {
        match self {
            Fit::Good => "Good",
            Fit::Possible => "Possible",
            Fit::Unlikely => "Unlikely",
            Fit::Unsuitable => "Unsuitable",
        }
    }
}

/// A reason shown for a form, as a text key with the sections behind it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub key: String,
    pub citations: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormResult {
    /// The profile's form id (its texts are `p.<profile>.forms.<id>.*`).
    pub id: String,
    pub fit: Fit,
    pub score: i32,
    /// Why it fits (or, for `Unsuitable`, why not).
    pub reasons: Vec<Reason>,
    /// When this form is used, shown when it does not fit.
    pub use_when: String,
    /// The form's definition and caution in the city's guideline.
    pub citations: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BandResult {
    pub id: String,
    /// Which band rule decided it (its position in rules.toml).
    pub rule: usize,
    pub index: usize,
    /// The form whose place on the spectrum decided the band.
    pub via_form: Option<String>,
    /// The form's place is the city's own table's (not the common ordering of forms).
    pub city_table: bool,
    pub citations: Vec<String>,
    /// The other signal, where it places the work elsewhere: the city's placement of the
    /// best-fitting form when the answers decided, or the answers when the form did.
    pub second: Option<SecondBand>,
}

impl BandResult {
    /// The passages of the band and of the other signal, each once: what the result cites.
    pub fn all_citations(&self) -> Vec<String> {
        let mut out = self.citations.clone();
        for c in self.second.iter().flat_map(|s| &s.citations) {
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
        out
    }
}

/// A band the other signal gives (see `BandResult::second`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecondBand {
    pub id: String,
    pub index: usize,
    /// Set when it is the placement of this form; `None` when it is the answers.
    pub via_form: Option<String>,
    /// The form's place is the city's own table's (not the common ordering of forms).
    pub city_table: bool,
    pub citations: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StartTypeResult {
    pub id: String,
    pub citations: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadinessResult {
    pub id: String,
    pub done: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrincipleResult {
    pub id: String,
    pub citations: Vec<String>,
}

/// A case the city's guideline describes that used the form ranked first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleResult {
    /// The example's id in the profile (its title is `p.<profile>.examples.<id>`).
    pub id: String,
    /// The profile's form it used.
    pub form: String,
    /// The passage that describes it.
    pub citations: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub verdict: VerdictResult,
    pub findings: Vec<FindingResult>,
    /// Ranked best first; empty when the flow ended before the form questions.
    pub forms: Vec<FormResult>,
    pub band: Option<BandResult>,
    pub start_type: Option<StartTypeResult>,
    pub readiness: Vec<ReadinessResult>,
    pub readiness_citations: Vec<String>,
    pub principles: Vec<PrincipleResult>,
    /// The cases the guideline describes that used the form ranked first (when it fits),
    /// in the content's order: "この市の指針にある似た取り組み". Empty when no form is shown.
    pub examples: Vec<ExampleResult>,
}

impl Outcome {
    pub fn findings_in(&self, part: Part) -> impl Iterator<Item = &FindingResult> {
        self.findings.iter().filter(move |f| f.part == part)
    }
    /// The one reason a citizen reads first, beside the verdict: the most serious
    /// finding on whether it is 協働 (a stop, then a caution), else the first that holds.
    pub fn main_reason(&self) -> Option<&FindingResult> {
        let kyodo = || self.findings_in(Part::Kyodo);
        kyodo()
            .find(|f| f.level == Level::Stop)
            .or_else(|| kyodo().find(|f| f.level == Level::Caution))
            .or_else(|| kyodo().next())
    }
    /// The readiness items not yet settled, in order (empty when readiness was not asked):
    /// what the next step `prepare` names in its `{items}`.
    pub fn readiness_todo(&self) -> Vec<&str> {
        self.readiness.iter().filter(|r| !r.done).map(|r| r.id.as_str()).collect()
    }
    /// Every section cited anywhere, each once, in the order first cited.
    pub fn all_citations(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |c: &[String]| {
            for s in c {
                if !out.contains(s) {
                    out.push(s.clone());
                }
            }
        };
        add(&self.verdict.citations);
        for f in &self.findings {
            add(&f.citations);
        }
        if let Some(b) = &self.band {
            add(&b.all_citations());
        }
        for f in &self.forms {
            for r in &f.reasons {
                add(&r.citations);
            }
            add(&f.citations);
        }
        if let Some(s) = &self.start_type {
            add(&s.citations);
        }
        add(&self.readiness_citations);
        for p in &self.principles {
            add(&p.citations);
        }
        for x in &self.examples {
            add(&x.citations);
        }
        out
    }
}

struct Ctx<'a> {
    answers: &'a Answers,
    profile: &'a Profile,
    /// The pseudo-facts known at this stage (see `PSEUDO`): a few pairs, so a list; the
    /// wasm then carries one map type, the answers' (`docs/performance.md`).
    pseudo: Vec<(&'static str, Vec<String>)>,
}

impl<'a> Ctx<'a> {
    fn new(answers: &'a Answers, profile: &'a Profile) -> Self {
        Ctx { answers, profile, pseudo: vec![("city_forms", city_forms(profile))] }
    }
    fn with(mut self, fact: &'static str, values: Option<Vec<String>>) -> Self {
        self.pseudo.retain(|(f, _)| *f != fact);
        if let Some(v) = values {
            self.pseudo.push((fact, v));
        }
        self
    }
}

/// The canonical forms a profile's forms cover.
fn city_forms(profile: &Profile) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in profile.forms.iter().flat_map(|f| &f.covers) {
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}

impl Facts for Ctx<'_> {
    fn answer(&self, q: &str) -> Option<&[String]> {
        if PSEUDO.contains(&q) {
            return self.pseudo.iter().find(|(f, _)| *f == q).map(|(_, v)| v.as_slice());
        }
        self.answers.get(q).map(|v| v.as_slice())
    }
    fn flag(&self, f: &str) -> bool {
        self.profile.has_flag(f)
    }
}

/// Whether an answer is a valid choice for the question.
pub fn is_valid(q: &Question, chosen: &[String]) -> bool {
    if chosen.is_empty() || chosen.iter().any(|c| q.option(c).is_none()) {
        return false;
    }
    match q.kind {
        Kind::Single => chosen.len() == 1,
        Kind::Multi => {
            let distinct = chosen.iter().enumerate().all(|(i, c)| !chosen[..i].contains(c));
            let exclusive_alone = chosen.len() == 1 || chosen.iter().all(|c| q.option(c).is_some_and(|o| !o.exclusive));
            distinct && exclusive_alone
        }
    }
}

pub struct Engine<'a> {
    pub content: &'a Content,
    pub profile: &'a Profile,
}

impl<'a> Engine<'a> {
    pub fn new(content: &'a Content, profile: &'a Profile) -> Self {
        Engine { content, profile }
    }

    /// Questions that apply to this profile, in order (before any answer).
    pub fn applies(&self, q: &Question) -> bool {
        q.profiles.as_ref().is_none_or(|ps| ps.iter().any(|p| p == &self.profile.id))
    }

    /// Follows the flow through the given answers.
    pub fn walk(&self, answers: &Answers) -> Walk {
        let mut on_path = Answers::new();
        let mut path = Vec::new();
        for q in self.content.questions.iter().filter(|q| self.applies(q)) {
            if !q.ask_if.eval(&Ctx::new(&on_path, self.profile)) {
                continue;
            }
            let Some(chosen) = answers.get(&q.id).filter(|c| is_valid(q, c)) else {
                return Walk { path, next: Some(q.id.clone()) };
            };
            on_path.insert(q.id.clone(), chosen.clone());
            path.push(q.id.clone());
            let ctx = Ctx::new(&on_path, self.profile);
            if chosen.iter().any(|c| q.option(c).is_some_and(|o| o.end.eval(&ctx))) {
                break;
            }
        }
        Walk { path, next: None }
    }

    /// The voice a question is worded in for these answers: the first of its voices whose
    /// condition holds on the answers on the path so far; `None` for the plain wording.
    pub fn voice(&self, question: &str, answers: &Answers) -> Option<&'a str> {
        let q = self.content.question(question)?;
        let on_path = self.path_answers(answers);
        let ctx = Ctx::new(&on_path, self.profile);
        q.voices.iter().filter_map(|v| self.content.voices.iter().find(|x| &x.id == v)).find(|v| v.when.eval(&ctx)).map(|v| v.id.as_str())
    }

    /// Where a question stands in the flow, for "質問 3／約15": its position, and how
    /// many questions the flow asks in all if each question still open is answered in
    /// a way that goes on. Answers already given count as they are, so a branch that
    /// shortens the flow shortens the count.
    pub fn progress(&self, answers: &Answers, current: &str) -> (usize, usize) {
        let mut on_path = Answers::new();
        let (mut n, mut pos) = (0, 0);
        for q in self.content.questions.iter().filter(|q| self.applies(q)) {
            if !q.ask_if.eval(&Ctx::new(&on_path, self.profile)) {
                continue;
            }
            n += 1;
            if q.id == current {
                pos = n;
            }
            let given = answers.get(&q.id).filter(|c| is_valid(q, c)).cloned();
            let goes_on = || q.options.iter().find(|o| matches!(o.end, crate::cond::Cond::Never)).map(|o| vec![o.id.clone()]);
            let Some(chosen) = given.clone().or_else(goes_on) else { break };
            on_path.insert(q.id.clone(), chosen.clone());
            let ctx = Ctx::new(&on_path, self.profile);
            if given.is_some() && chosen.iter().any(|c| q.option(c).is_some_and(|o| o.end.eval(&ctx))) {
                break;
            }
        }
        (pos, n)
    }

    /// Questions that could still be asked after the first open question, whatever
    /// is answered there: later answers to them are worth keeping.
    pub fn reachable_after(&self, answers: &Answers) -> Vec<String> {
        let walk = self.walk(answers);
        let Some(next) = walk.next else { return Vec::new() };
        let start = self.content.questions.iter().position(|q| q.id == next).unwrap_or(0);
        self.content.questions[start..].iter().filter(|q| self.applies(q)).map(|q| q.id.clone()).collect()
    }

    /// The answers that count: those on the path actually taken.
    pub fn path_answers(&self, answers: &Answers) -> Answers {
        let walk = self.walk(answers);
        // Inserted one by one: collecting into a map would bring in a sort of its own.
        let mut out = Answers::new();
        for q in &walk.path {
            if let Some(a) = answers.get(q) {
                out.insert(q.clone(), a.clone());
            }
        }
        out
    }

    fn cite(&self, concepts: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for c in concepts {
            for s in self.profile.concepts.get(c).into_iter().flatten() {
                if !out.contains(s) {
                    out.push(s.clone());
                }
            }
        }
        out
    }

    /// The outcomes, once the flow is complete; `None` while a question is open.
    pub fn evaluate(&self, answers: &Answers) -> Option<Outcome> {
        let walk = self.walk(answers);
        if !walk.is_complete() {
            return None;
        }
        let on_path = self.path_answers(answers);
        // The forms first (their rules look at the answers only), then the verdict, which
        // may ask whether a form fits (`top_fit`, `top_form`), then everything else.
        let plain = Ctx::new(&on_path, self.profile);
        let reached = |role| self.content.with_role(role).any(|q| on_path.contains_key(&q.id));
        let ranked = if reached(Role::Forms) { self.rank_forms(&plain) } else { Vec::new() };
        let top_fit = ranked.first().map(|f| vec![f.fit.name().to_lowercase()]);
        let top_form = ranked
            .first()
            .filter(|f| matches!(f.fit, Fit::Good | Fit::Possible))
            .and_then(|f| self.profile.form(&f.id))
            .map(|pf| pf.covers.clone());
        let before = plain.with("top_fit", top_fit).with("top_form", top_form);
        // The last verdict is a catch-all (`always`), so one always matches; should
        // content ever lack one, the last verdict is still a calm answer, not a panic.
        let v = self
            .content
            .verdicts
            .iter()
            .find(|v| v.when.eval(&before))
            .or(self.content.verdicts.last())?;
        let ctx = before.with("verdict", Some(vec![v.id.clone()]));
        let found: Vec<&crate::model::Finding> = self.content.findings.iter().filter(|f| f.when.eval(&ctx)).collect();
        let findings = found
            .iter()
            .map(|f| FindingResult { id: f.id.clone(), part: f.part, level: f.level, citations: self.cite(&f.concepts) })
            .collect();
        // What no next step may suggest: forms a holding finding rules out, forms ranked
        // unsuitable, and forms the city does not have.
        let mut ruled_out: Vec<&str> = found.iter().flat_map(|f| f.rules_out.iter().map(String::as_str)).collect();
        for f in ranked.iter().filter(|f| f.fit == Fit::Unsuitable) {
            ruled_out.extend(self.profile.form(&f.id).into_iter().flat_map(|pf| pf.covers.iter().map(String::as_str)));
        }
        let offered = city_forms(self.profile);
        let next = v
            .next
            .iter()
            .filter(|n| match self.content.next_rules.iter().find(|r| &r.id == *n) {
                None => true,
                Some(r) => r.when.eval(&ctx) && r.suggests.iter().all(|f| offered.contains(f) && !ruled_out.contains(&f.as_str())),
            })
            .cloned()
            .collect();
        let verdict = VerdictResult { id: v.id.clone(), tone: v.tone, citations: self.cite(&v.concepts), next };
        let forms = if v.ranks_forms { ranked } else { Vec::new() };
        let band = self.band(&ctx, &forms);
        let settings = &self.content.settings;
        let start_type = if self.content.profile_has_concept(self.profile, &settings.start_type_concept) {
            self.content.start_types.iter().find(|s| s.when.eval(&ctx)).map(|s| StartTypeResult {
                id: s.id.clone(),
                citations: self.cite(std::slice::from_ref(&settings.start_type_concept)),
            })
        } else {
            None
        };
        let readiness = if reached(Role::Readiness) {
            self.content
                .readiness
                .iter()
                .map(|r| ReadinessResult { id: r.id.clone(), done: r.done_when.eval(&ctx) })
                .collect()
        } else {
            Vec::new()
        };
        let readiness_citations =
            if readiness.is_empty() { Vec::new() } else { self.cite(std::slice::from_ref(&settings.readiness_concept)) };
        let principles = self
            .profile
            .principles
            .iter()
            .map(|p| PrincipleResult { id: p.id.clone(), citations: p.cite.clone() })
            .collect();
        let examples = self.examples(&forms);
        Some(Outcome { verdict, findings, forms, band, start_type, readiness, readiness_citations, principles, examples })
    }

    /// The profile's examples that used the form ranked first, when it fits well or
    /// possibly; none when no form is shown (a verdict that does not rank forms).
    fn examples(&self, forms: &[FormResult]) -> Vec<ExampleResult> {
        let Some(top) = forms.first().filter(|f| matches!(f.fit, Fit::Good | Fit::Possible)) else { return Vec::new() };
        self.profile
            .examples
            .iter()
            .filter(|x| x.form == top.id)
            .map(|x| ExampleResult { id: x.id.clone(), form: x.form.clone(), citations: vec![x.section.clone()] })
            .collect()
    }

    fn rank_forms(&self, ctx: &Ctx) -> Vec<FormResult> {
        let mut out: Vec<(usize, FormResult)> = Vec::new();
        for (order, pf) in self.profile.forms.iter().enumerate() {
            let mut best: Option<(i32, Vec<Reason>, String)> = None;
            let mut unsuitable = Vec::new();
            for canon in pf.covers.iter().filter_map(|c| self.content.canon_form(c)) {
                let matched: Vec<_> = canon.rules.iter().filter(|r| r.when.eval(ctx)).collect();
                let score = matched.iter().map(|r| r.score).sum::<i32>();
                if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                    let reasons = matched
                        .iter()
                        .map(|r| Reason {
                            key: format!("fit.{}.{}", canon.id, r.reason),
                            citations: if r.concepts.is_empty() { pf.cite.clone() } else { self.cite(&r.concepts) },
                        })
                        .collect();
                    best = Some((score, reasons, format!("canon.{}.use_when", canon.id)));
                }
                for u in canon.unsuitable.iter().filter(|u| u.when.eval(ctx)) {
                    let citations = if u.concepts.is_empty() { pf.cite.clone() } else { self.cite(&u.concepts) };
                    unsuitable.push(Reason { key: format!("unfit.{}.{}", canon.id, u.reason), citations });
                }
            }
            let (score, reasons, use_when) = best.unwrap_or((0, Vec::new(), String::new()));
            let (fit, reasons) = if !unsuitable.is_empty() {
                (Fit::Unsuitable, unsuitable)
            } else if score >= self.content.form_good {
                (Fit::Good, reasons)
            } else if score >= self.content.form_possible {
                (Fit::Possible, reasons)
            } else {
                (Fit::Unlikely, Vec::new())
            };
            out.push((order, FormResult { id: pf.id.clone(), fit, score, reasons, use_when, citations: pf.cite.clone() }));
        }
        // A city has a handful of forms: an insertion sort, rather than the standard
        // library's sort, whose code is several KB in the wasm (docs/performance.md).
        let key = |(o, f): &(usize, FormResult)| (f.fit, std::cmp::Reverse(f.score), *o);
        for i in 1..out.len() {
            let mut j = i;
            while j > 0 && key(&out[j - 1]) > key(&out[j]) {
                out.swap(j - 1, j);
                j -= 1;
            }
        }
        out.into_iter().map(|(_, f)| f).collect()
    }

    /// The band: the first band rule that holds and gives one. The content orders the
    /// rules (who carries and decides the work first, or the city's own table of forms
    /// first where its guideline has one); the other signal is kept as `second` when it
    /// places the work elsewhere, so the result can explain both.
    fn band(&self, ctx: &Ctx, forms: &[FormResult]) -> Option<BandResult> {
        let top = forms.first().filter(|f| matches!(f.fit, Fit::Good | Fit::Possible)).and_then(|f| self.profile.form(&f.id));
        let index_of = |band: &str| self.content.bands.iter().position(|b| b == band);
        // What one rule gives, if it holds: (band, its index, the form it came from).
        let give = |rule: &crate::model::BandRule| -> Option<(String, usize, Option<String>)> {
            if !rule.when.eval(ctx) {
                return None;
            }
            let (band, via) = if rule.from_top_form { (top?.band.clone(), Some(top?.id.clone())) } else { (rule.band.clone()?, None) };
            Some((band.clone(), index_of(&band)?, via))
        };
        let (rule_index, rule, (id, index, via_form)) =
            self.content.band_rules.iter().enumerate().find_map(|(i, r)| give(r).map(|g| (i, r, g)))?;
        // A rule's passages, and the form's own where the band is its place.
        let cites = |r: &crate::model::BandRule, form: Option<&str>| {
            let mut out = self.cite(&r.concepts);
            for c in form.and_then(|f| self.profile.form(f)).map(|pf| pf.cite.clone()).unwrap_or_default() {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            out
        };
        let citations = cites(rule, via_form.as_deref());
        let other_kind = |r: &crate::model::BandRule| if rule.from_answers { r.from_top_form } else { rule.from_top_form && r.from_answers };
        let second = self
            .content
            .band_rules
            .iter()
            .filter(|r| other_kind(r))
            .find_map(|r| give(r).map(|g| (r, g)))
            .filter(|(_, (b, _, _))| *b != id)
            .map(|(r, (b, i, via))| SecondBand { citations: cites(r, via.as_deref()), id: b, index: i, via_form: via, city_table: r.city_table });
        Some(BandResult { id, rule: rule_index, index, via_form, city_table: rule.city_table, citations, second })
    }
}
