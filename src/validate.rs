//! The validator: proves the content means something. Every referenced id exists,
//! every citation quotes its seed verbatim, every text is present in every language,
//! and every path through every profile ends in an outcome.

use crate::cond::Cond;
use crate::engine::{is_valid, Answers, Engine, FITS, PSEUDO};
use crate::model::{Contact, Content, ContentError, Kind, Profile, Question, Role, Source};
use std::collections::{BTreeMap, BTreeSet};

/// The guidelines the citations must quote: `sources/*.txt` in the repository.
pub struct Sources {
    /// file name in `sources/` → text
    pub seeds: BTreeMap<String, String>,
}

/// What a content file still has to fill in (the `new-city` scaffold writes it).
pub const TO_FILL: &str = "【要記入】";

#[cfg(not(target_arch = "wasm32"))]
impl Sources {
    /// Reads every `.txt` in the repository's `sources/` folder.
    pub fn load(dir: &std::path::Path) -> std::io::Result<Sources> {
        let mut seeds = BTreeMap::new();
        for e in std::fs::read_dir(dir)?.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            if name.ends_with(".txt") {
                seeds.insert(name, std::fs::read_to_string(e.path())?);
            }
        }
        Ok(Sources { seeds })
    }
}

/// Whitespace is ignored: the seeds are conversions of printed booklets.
pub fn normalize(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn e(file: &str, id: &str, msg: impl Into<String>) -> ContentError {
    ContentError { file: file.to_string(), id: id.to_string(), message: msg.into() }
}

/// Every text key the content needs, with the file it belongs in (for messages).
/// The second set are keys that may be present (if the default language has them,
/// every language must).
pub fn required_keys(c: &Content, lang: &str) -> (BTreeMap<String, String>, BTreeSet<String>) {
    let common = format!("text/{lang}/common.toml");
    let mut req = BTreeMap::new();
    let mut opt = BTreeSet::new();
    let mut add = |k: String, f: &str| {
        req.insert(k, f.to_string());
    };
    for q in &c.questions {
        add(format!("q.{}.title", q.id), &common);
        add(format!("q.{}.why", q.id), &common);
        opt.insert(format!("q.{}.hint", q.id));
        for o in &q.options {
            add(format!("q.{}.o.{}", q.id, o.id), &common);
            opt.insert(format!("q.{}.oh.{}", q.id, o.id));
        }
        // A voice gives at least its own title; any other text of it is optional.
        for v in &q.voices {
            add(format!("q.{}.{v}.title", q.id), &common);
            for part in ["why", "hint"] {
                opt.insert(format!("q.{}.{v}.{part}", q.id));
            }
            for o in &q.options {
                opt.insert(format!("q.{}.{v}.o.{}", q.id, o.id));
                opt.insert(format!("q.{}.{v}.oh.{}", q.id, o.id));
            }
        }
        for g in &q.glossary {
            add(format!("glossary.{g}.term"), &common);
            add(format!("glossary.{g}.text"), &common);
        }
    }
    for v in &c.verdicts {
        add(format!("verdict.{}.title", v.id), &common);
        add(format!("verdict.{}.body", v.id), &common);
        for n in &v.next {
            add(format!("next.{n}"), &common);
        }
    }
    for f in &c.findings {
        add(format!("finding.{}", f.id), &common);
    }
    for f in &c.forms {
        add(format!("canon.{}.use_when", f.id), &common);
        for r in &f.rules {
            add(format!("fit.{}.{}", f.id, r.reason), &common);
        }
        for u in &f.unsuitable {
            add(format!("unfit.{}.{}", f.id, u.reason), &common);
        }
    }
    for b in &c.bands {
        add(format!("band.{b}.name"), &common);
        add(format!("band.{b}.desc"), &common);
    }
    for s in &c.start_types {
        add(format!("start.{}.name", s.id), &common);
        add(format!("start.{}.desc", s.id), &common);
    }
    for r in &c.readiness {
        add(format!("readiness.{}", r.id), &common);
    }
    for p in &c.profiles {
        let file = format!("text/{lang}/{}.toml", p.id);
        let pk = |k: &str| format!("p.{}.{k}", p.id);
        for k in ["name", "document", "document_short", "issuer", "date", "summary", "contact.department", "contact.how"] {
            add(pk(k), &file);
        }
        for k in ["contact.address", "contact.hours", "contact.proposal"] {
            opt.insert(pk(k));
        }
        for s in &p.sections {
            add(pk(&format!("sections.{}.label", s.id)), &file);
            if s.seed.is_some() {
                add(pk(&format!("sections.{}.source", s.id)), &file);
            }
            for f in &s.facts {
                let facts = format!("text/{lang}/facts.toml");
                add(format!("fact.{f}.text"), &facts);
                add(format!("fact.{f}.source"), &facts);
            }
            // Quotes stay in the city's Japanese; other languages summarise them beside it.
            // A fact is written in every language, so it needs no summary.
            if lang == c.default_lang || s.source == Source::Domain {
                opt.insert(pk(&format!("sections.{}.summary", s.id)));
            } else {
                add(pk(&format!("sections.{}.summary", s.id)), &file);
            }
        }
        for f in &p.forms {
            for k in ["name", "definition", "caution"] {
                add(pk(&format!("forms.{}.{k}", f.id)), &file);
            }
        }
        for pr in &p.principles {
            add(pk(&format!("principles.{}.name", pr.id)), &file);
            add(pk(&format!("principles.{}.text", pr.id)), &file);
        }
        for x in &p.examples {
            add(pk(&format!("examples.{}", x.id)), &file);
        }
    }
    (req, opt)
}

/// Everything the validator knows: `validate`, then the exhaustive walk of every profile
/// (every path ends, every question and verdict is reachable). The build runs this, so
/// content that fails it never reaches a browser.
pub fn check_all(c: &Content, src: &Sources) -> Vec<ContentError> {
    let mut errs = validate(c, src);
    if !errs.is_empty() {
        return errs;
    }
    for p in &c.profiles {
        match walk_all(c, p, |_, _| {}) {
            Ok(stats) => errs.extend(reachability_errors(c, p, &stats)),
            Err(e) => errs.push(e),
        }
    }
    errs
}

/// All checks that need no walk. Returns every problem found.
pub fn validate(c: &Content, src: &Sources) -> Vec<ContentError> {
    let mut errs = Vec::new();
    check_ids(c, &mut errs);
    check_settings(c, &mut errs);
    check_conditions(c, &mut errs);
    for p in &c.profiles {
        check_profile(c, p, src, &mut errs);
    }
    check_texts(c, &mut errs);
    errs
}

fn dupes<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen = BTreeSet::new();
    ids.filter(|i| !seen.insert(*i)).collect()
}

/// The names the engine takes from the content: each must name something that exists.
fn check_settings(c: &Content, errs: &mut Vec<ContentError>) {
    let s = &c.settings;
    if c.profile(&s.common_profile).is_none() {
        errs.push(e("rules.toml", "settings.common_profile", format!("no profile `{}` (write the id of a file in profiles/)", s.common_profile)));
    }
    for (key, concept) in [("settings.start_type_concept", &s.start_type_concept), ("settings.readiness_concept", &s.readiness_concept)] {
        if c.concept(concept).is_none() {
            errs.push(e("rules.toml", key, format!("no concept `{concept}` (write the id of a [[concept]])")));
        }
    }
    if c.with_role(Role::Forms).next().is_none() {
        errs.push(e("questions.toml", "role", "no question has `role = \"forms\"`, so no form would ever be ranked"));
    }
    if !c.readiness.is_empty() && c.with_role(Role::Readiness).next().is_none() {
        errs.push(e("questions.toml", "role", "no question has `role = \"readiness\"`, so the readiness items would never be shown"));
    }
}

fn check_ids(c: &Content, errs: &mut Vec<ContentError>) {
    let groups: Vec<(&str, &str, Vec<&str>)> = vec![
        ("questions.toml", "question", c.questions.iter().map(|q| q.id.as_str()).collect()),
        ("questions.toml", "voice", c.voices.iter().map(|v| v.id.as_str()).collect()),
        ("rules.toml", "verdict", c.verdicts.iter().map(|v| v.id.as_str()).collect()),
        ("rules.toml", "finding", c.findings.iter().map(|v| v.id.as_str()).collect()),
        ("rules.toml", "concept", c.concepts.iter().map(|v| v.id.as_str()).collect()),
        ("rules.toml", "band", c.bands.iter().map(|v| v.as_str()).collect()),
        ("rules.toml", "start_type", c.start_types.iter().map(|v| v.id.as_str()).collect()),
        ("rules.toml", "readiness", c.readiness.iter().map(|v| v.id.as_str()).collect()),
        ("forms.toml", "form", c.forms.iter().map(|v| v.id.as_str()).collect()),
        ("profiles/", "profile", c.profiles.iter().map(|v| v.id.as_str()).collect()),
        ("languages.toml", "language", c.languages.iter().map(|v| v.code.as_str()).collect()),
    ];
    for (file, what, ids) in groups {
        for d in dupes(ids.into_iter()) {
            errs.push(e(file, d, format!("duplicate {what} id")));
        }
    }
    // These ids travel in URLs (`#/q/<id>`) and share links (`!`, `:`, `,`, `+` separate
    // their fields), so they are plain words.
    let word = |file: &str, id: &str, shown: &str, errs: &mut Vec<ContentError>| {
        if !crate::route::is_id(id) {
            errs.push(e(file, shown, "ids of questions, options and profiles may use only a-z, 0-9 and _ (at most 64)"));
        }
    };
    for p in &c.profiles {
        word(&format!("profiles/{}.toml", p.id), &p.id, &p.id, errs);
    }
    for q in &c.questions {
        word("questions.toml", &q.id, &q.id, errs);
        for o in &q.options {
            word("questions.toml", &o.id, &format!("{}.{}", q.id, o.id), errs);
        }
        for d in dupes(q.options.iter().map(|o| o.id.as_str())) {
            errs.push(e("questions.toml", &format!("{}.{d}", q.id), "duplicate option id"));
        }
        if q.options.is_empty() {
            errs.push(e("questions.toml", &q.id, "a question needs options"));
        }
        if q.kind == Kind::Single && q.options.iter().any(|o| o.exclusive) {
            errs.push(e("questions.toml", &q.id, "`exclusive` only makes sense in a multi-choice question"));
        }
    }
    if c.language(&c.default_lang).is_none() {
        errs.push(e("languages.toml", &c.default_lang, "the default language is not registered"));
    }
    for f in &c.forms {
        for d in dupes(f.rules.iter().map(|r| r.reason.as_str())) {
            errs.push(e("forms.toml", &format!("{}.{d}", f.id), "duplicate reason id"));
        }
    }
}

/// When a condition is evaluated, which decides the facts beside the answers it may
/// use (`engine::PSEUDO`): the flow and the form rules know only the city's forms; the
/// verdicts also how the forms ranked; everything after the verdict also the verdict.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    Flow,
    Forms,
    Verdict,
    After,
}

/// Checks that a condition names existing questions and options. `before` limits the
/// questions it may ask about (flow conditions may only look back, so the flow cannot loop).
fn check_cond(c: &Content, file: &str, id: &str, cond: &Cond, before: Option<usize>, stage: Stage, errs: &mut Vec<ContentError>) {
    let mut refs = Vec::new();
    cond.references(&mut refs);
    for (q, opt) in refs {
        if PSEUDO.contains(&q.as_str()) {
            let (known, values): (Stage, Vec<&str>) = match q.as_str() {
                "verdict" => (Stage::After, c.verdicts.iter().map(|v| v.id.as_str()).collect()),
                "top_fit" => (Stage::Verdict, FITS.to_vec()),
                "top_form" => (Stage::Verdict, c.forms.iter().map(|f| f.id.as_str()).collect()),
                _ => (Stage::Flow, c.forms.iter().map(|f| f.id.as_str()).collect()),
            };
            if stage < known {
                let when = match known {
                    Stage::After => "after the verdict is decided",
                    _ => "once the forms are ranked (in verdicts and after)",
                };
                errs.push(e(file, id, format!("`{q}` can only be used {when}")));
            } else if let Some(o) = opt.filter(|o| !values.contains(&o.as_str())) {
                let what = if q == "verdict" { "verdict" } else if q == "top_fit" { "fit" } else { "canonical form" };
                errs.push(e(file, id, format!("unknown {what} `{o}` in `{q}`")));
            }
            continue;
        }
        let Some(pos) = c.questions.iter().position(|x| x.id == q) else {
            errs.push(e(file, id, format!("unknown question `{q}`")));
            continue;
        };
        if let Some(o) = opt.filter(|o| c.questions[pos].option(o).is_none()) {
            errs.push(e(file, id, format!("question `{q}` has no option `{o}`")));
        }
        if before.is_some_and(|b| pos > b) {
            errs.push(e(file, id, format!("refers to `{q}`, which is asked later (or is this question itself): flow conditions may only look back, so branching can never form a cycle")));
        }
    }
    let mut flags = Vec::new();
    cond.flags(&mut flags);
    for f in flags {
        if !known_flags(c).contains(&f) {
            errs.push(e(file, id, format!("unknown flag `{f}`")));
        }
    }
}

/// Flags a profile may set: those the content asks about.
pub fn known_flags(c: &Content) -> BTreeSet<String> {
    let mut out = Vec::new();
    for q in &c.questions {
        q.ask_if.flags(&mut out);
        q.options.iter().for_each(|o| o.end.flags(&mut out));
    }
    c.verdicts.iter().for_each(|v| v.when.flags(&mut out));
    c.findings.iter().for_each(|v| v.when.flags(&mut out));
    c.band_rules.iter().for_each(|v| v.when.flags(&mut out));
    c.next_rules.iter().for_each(|v| v.when.flags(&mut out));
    for f in &c.forms {
        f.rules.iter().for_each(|r| r.when.flags(&mut out));
        f.unsuitable.iter().for_each(|u| u.when.flags(&mut out));
    }
    out.extend(c.concepts.iter().filter_map(|k| k.flag.clone()));
    out.into_iter().collect()
}

fn check_conditions(c: &Content, errs: &mut Vec<ContentError>) {
    for (i, q) in c.questions.iter().enumerate() {
        // ask_if may only look at earlier questions; end_if also at the question itself.
        check_cond(c, "questions.toml", &q.id, &q.ask_if, Some(i.saturating_sub(1)), Stage::Flow, errs);
        if PSEUDO.contains(&q.id.as_str()) {
            errs.push(e("questions.toml", &q.id, format!("`{}` is the name of a fact conditions use beside the answers: choose another id", q.id)));
        }
        if i == 0 && q.ask_if != Cond::Always {
            errs.push(e("questions.toml", &q.id, "the first question must always be asked"));
        }
        for o in &q.options {
            check_cond(c, "questions.toml", &format!("{}.{}", q.id, o.id), &o.end, Some(i), Stage::Flow, errs);
        }
        // A voice is chosen before the question is shown: it may only look at earlier ones.
        for v in &q.voices {
            match c.voices.iter().find(|x| &x.id == v) {
                Some(voice) => check_cond(c, "questions.toml", &format!("{}.voices.{v}", q.id), &voice.when, Some(i.saturating_sub(1)), Stage::Flow, errs),
                None => errs.push(e("questions.toml", &q.id, format!("unknown voice `{v}` (declare it as a [[voice]])"))),
            }
        }
        for g in &q.glossary {
            if g.is_empty() {
                errs.push(e("questions.toml", &q.id, "empty glossary term"));
            }
        }
    }
    let concept_ids: BTreeSet<&str> = c.concepts.iter().map(|k| k.id.as_str()).collect();
    let check_concepts = |file: &str, id: &str, cs: &[String], errs: &mut Vec<ContentError>| {
        for k in cs.iter().filter(|k| !concept_ids.contains(k.as_str())) {
            errs.push(e(file, id, format!("unknown concept `{k}`")));
        }
    };
    for v in &c.verdicts {
        check_cond(c, "rules.toml", &v.id, &v.when, None, Stage::Verdict, errs);
        check_concepts("rules.toml", &v.id, &v.concepts, errs);
        if v.concepts.is_empty() {
            errs.push(e("rules.toml", &v.id, "a verdict needs at least one concept to cite"));
        }
    }
    match c.verdicts.last() {
        Some(v) if v.when == Cond::Always => {}
        _ => errs.push(e("rules.toml", "verdict", "the last verdict must be `always`, so every path has one")),
    }
    for f in &c.findings {
        check_cond(c, "rules.toml", &f.id, &f.when, None, Stage::After, errs);
        check_concepts("rules.toml", &f.id, &f.concepts, errs);
        for x in f.rules_out.iter().filter(|x| c.canon_form(x).is_none()) {
            errs.push(e("rules.toml", &f.id, format!("rules out unknown canonical form `{x}`")));
        }
        if f.concepts.is_empty() {
            errs.push(e("rules.toml", &f.id, "a finding needs at least one concept to cite"));
        }
    }
    for (i, b) in c.band_rules.iter().enumerate() {
        let id = format!("band_rule[{i}]");
        check_cond(c, "rules.toml", &id, &b.when, None, Stage::After, errs);
        check_concepts("rules.toml", &id, &b.concepts, errs);
        match (&b.band, b.from_top_form) {
            (Some(band), false) if c.bands.contains(band) => {}
            (Some(band), false) => errs.push(e("rules.toml", &id, format!("unknown band `{band}`"))),
            (None, true) => {}
            _ => errs.push(e("rules.toml", &id, "give either `band` or `from_top_form = true`")),
        }
        if b.from_answers && b.from_top_form {
            errs.push(e("rules.toml", &id, "`from_answers` is for a rule that gives a `band` from the answers, not with `from_top_form`"));
        }
        if b.city_table && !b.from_top_form {
            errs.push(e("rules.toml", &id, "`city_table` says where a form's place comes from: only with `from_top_form = true`"));
        }
    }
    for s in &c.start_types {
        check_cond(c, "rules.toml", &s.id, &s.when, None, Stage::After, errs);
    }
    for r in &c.readiness {
        check_cond(c, "rules.toml", &r.id, &r.done_when, None, Stage::After, errs);
    }
    for f in &c.forms {
        for r in &f.rules {
            let id = format!("{}.{}", f.id, r.reason);
            check_cond(c, "forms.toml", &id, &r.when, None, Stage::Forms, errs);
            check_concepts("forms.toml", &id, &r.concepts, errs);
        }
        for u in &f.unsuitable {
            let id = format!("{}.{}", f.id, u.reason);
            check_cond(c, "forms.toml", &id, &u.when, None, Stage::Forms, errs);
            check_concepts("forms.toml", &id, &u.concepts, errs);
        }
    }
    for (i, n) in c.next_rules.iter().enumerate() {
        let id = format!("next.{}", n.id);
        check_cond(c, "rules.toml", &id, &n.when, None, Stage::After, errs);
        if !c.verdicts.iter().any(|v| v.next.contains(&n.id)) {
            errs.push(e("rules.toml", &id, "no verdict names this next step"));
        }
        if c.next_rules[..i].iter().any(|x| x.id == n.id) {
            errs.push(e("rules.toml", &id, "duplicate next step"));
        }
        for x in n.suggests.iter().filter(|x| c.canon_form(x).is_none()) {
            errs.push(e("rules.toml", &id, format!("suggests unknown canonical form `{x}`")));
        }
    }
}

fn check_profile(c: &Content, p: &Profile, src: &Sources, errs: &mut Vec<ContentError>) {
    // A city adopted with one file is its base profile's data with the city's name and
    // contact: the loader checked those, and the base profile is checked on its own.
    if p.base.is_some() {
        return;
    }
    let file = format!("profiles/{}.toml", p.id);
    check_contact(c, p, &file, errs);
    let flags = known_flags(c);
    for f in p.flags.iter().filter(|f| !flags.contains(*f)) {
        errs.push(e(&file, &p.id, format!("unknown flag `{f}`")));
    }
    for d in dupes(p.flags.iter().map(String::as_str)) {
        errs.push(e(&file, d, "flag named twice"));
    }
    let sections: BTreeSet<&str> = p.sections.iter().map(|s| s.id.as_str()).collect();
    for d in dupes(p.sections.iter().map(|s| s.id.as_str())) {
        errs.push(e(&file, d, "duplicate section id"));
    }
    for d in dupes(p.forms.iter().map(|s| s.id.as_str())) {
        errs.push(e(&file, d, "duplicate form id"));
    }
    for d in dupes(p.principles.iter().map(|s| s.id.as_str())) {
        errs.push(e(&file, d, "duplicate principle id"));
    }
    let mut used: BTreeSet<&str> = BTreeSet::new();
    let mut cites = |id: &str, list: &[String], errs: &mut Vec<ContentError>| {
        if list.is_empty() {
            errs.push(e(&file, id, "needs at least one section to cite"));
        }
        for s in list {
            if sections.contains(s.as_str()) {
                used.insert(p.section(s).map(|x| x.id.as_str()).unwrap_or_default());
            } else {
                errs.push(e(&file, id, format!("cites unknown section `{s}`")));
            }
        }
    };
    for k in &c.concepts {
        let needed = k.applies_to(p);
        match (p.concepts.get(&k.id), needed) {
            (Some(list), true) => cites(&format!("concepts.{}", k.id), list, errs),
            (None, true) => errs.push(e(&file, &format!("concepts.{}", k.id), "concept is not mapped to any section")),
            (Some(_), false) => errs.push(e(&file, &format!("concepts.{}", k.id), format!("concept needs flag `{}`", k.flag.clone().unwrap_or_default()))),
            (None, false) => {}
        }
    }
    for k in p.concepts.keys().filter(|k| !c.concepts.iter().any(|x| &x.id == *k)) {
        errs.push(e(&file, &format!("concepts.{k}"), "unknown concept"));
    }
    if p.forms.is_empty() {
        errs.push(e(&file, &p.id, "a profile needs at least one form"));
    }
    for f in &p.forms {
        let id = format!("form.{}", f.id);
        if f.covers.is_empty() {
            errs.push(e(&file, &id, "`covers` names no canonical form"));
        }
        for cv in f.covers.iter().filter(|cv| c.canon_form(cv).is_none()) {
            errs.push(e(&file, &id, format!("covers unknown canonical form `{cv}`")));
        }
        if !c.bands.contains(&f.band) {
            errs.push(e(&file, &id, format!("unknown band `{}`", f.band)));
        }
        cites(&id, &f.cite, errs);
    }
    for pr in &p.principles {
        cites(&format!("principle.{}", pr.id), &pr.cite, errs);
    }
    // The contact's own citations (checked in check_contact) may stay empty.
    used.extend(p.contact.cite.iter().filter_map(|s| p.section(s)).map(|s| s.id.as_str()));
    check_examples(p, &file, &mut used, errs);
    for s in &p.sections {
        let id = format!("section.{}", s.id);
        if !used.contains(s.id.as_str()) {
            errs.push(e(&file, &id, "section is never cited"));
        }
        for q in std::iter::once(&s.heading).chain(&s.quotes).filter(|q| q.contains(TO_FILL)) {
            errs.push(e(&file, &id, format!("still marked {TO_FILL}: copy a heading or sentence from the guideline here, exactly as printed ({q})")));
        }
        if s.source == Source::Domain {
            if s.facts.is_empty() {
                errs.push(e(&file, &id, "a domain section names the facts it states: facts = [\"…\"] (ids in content/text/<lang>/facts.toml)"));
            }
            if !s.heading.is_empty() || !s.quotes.is_empty() {
                errs.push(e(&file, &id, "a domain section has no heading or quotes: its facts are written in facts.toml"));
            }
            continue;
        }
        if !s.facts.is_empty() {
            errs.push(e(&file, &id, "only a section with source = \"domain\" names facts"));
        }
        let name = format!("sources/{}", p.seed_of(s).unwrap_or_default());
        let text = match p.seed_of(s).and_then(|seed| src.seeds.get(seed)) {
            Some(t) if !t.trim().is_empty() => t,
            Some(_) => {
                errs.push(e(&file, &id, format!("the guideline file {name} is empty: put the guideline's full text in it")));
                continue;
            }
            None => {
                errs.push(e(&file, &id, format!("the guideline file {name} is missing: put the guideline's text there as a .txt file (see docs/adding-a-city.md)")));
                continue;
            }
        };
        let hay = normalize(text);
        if s.heading.trim().is_empty() || !hay.contains(&normalize(&s.heading)) {
            errs.push(e(&file, &id, format!("heading not found verbatim in {name}: {}", s.heading)));
        }
        if s.quotes.is_empty() {
            errs.push(e(&file, &id, "a section needs at least one quote"));
        }
        for q in &s.quotes {
            if q.trim().is_empty() || !hay.contains(&normalize(q)) {
                errs.push(e(&file, &id, format!("quote not found verbatim in {name}: {q}")));
            }
        }
    }
}

/// The cases a guideline describes (`[[example]]`): each used one of the profile's forms
/// and cites a section of the guideline itself (not a cross-city fact), once per id.
/// Their texts are required by `required_keys`; the sections they cite count as cited.
fn check_examples<'a>(p: &'a Profile, file: &str, used: &mut BTreeSet<&'a str>, errs: &mut Vec<ContentError>) {
    for d in dupes(p.examples.iter().map(|x| x.id.as_str())) {
        errs.push(e(file, &format!("example.{d}"), "duplicate example id"));
    }
    for x in &p.examples {
        let id = format!("example.{}", x.id);
        if p.form(&x.form).is_none() {
            errs.push(e(file, &id, format!("unknown form `{}`: write the id of one of this profile's [[form]]s", x.form)));
        }
        match p.section(&x.section) {
            None => errs.push(e(file, &id, format!("cites unknown section `{}`", x.section))),
            Some(s) if s.source == Source::Domain => {
                errs.push(e(file, &id, format!("cites `{}`, a cross-city fact: an example is a case the guideline itself describes", x.section)))
            }
            Some(s) => {
                used.insert(s.id.as_str());
            }
        }
    }
}

/// The contact a profile prints must be printed in its guideline: every number is
/// found in the quotes of the sections `contact.cite` names, and so is the address
/// its Japanese text gives. Nothing is made up.
fn check_contact(c: &Content, p: &Profile, file: &str, errs: &mut Vec<ContentError>) {
    let ct = &p.contact;
    for s in ct.cite.iter().filter(|s| p.section(s).is_none()) {
        errs.push(e(file, "contact.cite", format!("cites unknown section `{s}`")));
    }
    let quotes: Vec<String> = ct.cite.iter().filter_map(|s| p.section(s)).flat_map(|s| s.quotes.iter().map(|q| q.to_string())).collect();
    let digits = |s: &str| -> String { s.chars().filter(char::is_ascii_digit).collect() };
    let numbers = [("phone", &ct.phone), ("fax", &ct.fax), ("proposal_phone", &ct.proposal_phone)];
    for (k, v) in numbers.iter().filter(|(_, v)| !v.is_empty()) {
        if !Contact::valid_phone(v) {
            errs.push(e(file, &format!("contact.{k}"), format!("`{v}` is not a phone number: write digits with hyphens, for example \"0123-45-6789\"")));
        } else if !quotes.iter().any(|q| digits(q).contains(&digits(v))) {
            errs.push(e(file, &format!("contact.{k}"), format!("`{v}` is not printed in the sections of contact.cite: quote the guideline's contact passage there, or add the number in content/cities/{}.toml", p.id)));
        }
    }
    for (k, v) in [("web", &ct.web), ("proposal_web", &ct.proposal_web)].iter().filter(|(_, v)| !v.is_empty()) {
        if !Contact::valid_web(v) {
            errs.push(e(file, &format!("contact.{k}"), format!("`{v}` is not a web address: write it starting with https://")));
        } else if !quotes.iter().any(|q| normalize(q).contains(&normalize(v))) {
            errs.push(e(file, &format!("contact.{k}"), format!("`{v}` is not printed in the sections of contact.cite: add it in content/cities/{}.toml instead", p.id)));
        }
    }
    let key = format!("p.{}.contact.address", p.id);
    let from_profile = c.text_files.get(&key).is_some_and(|f| f.starts_with("text/"));
    if let Some(addr) = c.texts.get(&c.default_lang, &key).filter(|_| from_profile) {
        if !quotes.iter().any(|q| normalize(q).contains(&normalize(addr))) {
            errs.push(e(&c.text_files[&key], &key, format!("the address is not printed in the sections of contact.cite (profiles/{}.toml): quote it there, or give it in content/cities/{}.toml", p.id, p.id)));
        }
    }
}

fn check_texts(c: &Content, errs: &mut Vec<ContentError>) {
    let ui_keys: BTreeSet<&str> =
        c.texts.lang(&c.default_lang).map(|t| t.keys().filter(|k| k.starts_with("ui.")).collect()).unwrap_or_default();
    let default_opt: BTreeSet<String> = {
        let (_, opt) = required_keys(c, &c.default_lang);
        opt.into_iter().filter(|k| c.has_text(&c.default_lang, k)).collect()
    };
    for lang in &c.languages {
        let (req, opt) = required_keys(c, &lang.code);
        let common = format!("text/{}/common.toml", lang.code);
        let texts: BTreeMap<&str, &str> = c.texts.lang(&lang.code).map(|t| t.iter().collect()).unwrap_or_default();
        for (k, file) in &req {
            match texts.get(k.as_str()) {
                None => errs.push(e(file, k, "text is missing")),
                Some(t) if t.trim().is_empty() => errs.push(e(file, k, "text is empty")),
                _ => {}
            }
        }
        for k in default_opt.iter().map(String::as_str).chain(ui_keys.iter().copied()) {
            match texts.get(k) {
                None => errs.push(e(&common, k, "text is missing (the default language has it)")),
                Some(t) if t.trim().is_empty() => errs.push(e(&common, k, "text is empty")),
                _ => {}
            }
        }
        for (&k, &t) in texts.iter().filter(|(_, t)| t.contains(TO_FILL)) {
            errs.push(e(&file_of(c, k, &lang.code), k, format!("still marked {TO_FILL}: write this text in {} ({t})", lang.name)));
        }
        if let Some(rules) = &lang.rules {
            for (&k, &t) in &texts {
                let file = file_of(c, k, &lang.code);
                // A text still to fill is reported once, as such, not for its marker's kanji.
                let exempt = rules.exempt.iter().any(|x| k.ends_with(x.as_str())) || t.contains(TO_FILL);
                if rules.ruby && !exempt {
                    if let Some(ch) = crate::ruby::bare_kanji(t) {
                        errs.push(e(&file, k, format!("kanji `{ch}` has no reading: write {{{ch}|よみ}} (text: {t})")));
                    }
                }
                for sentence in crate::ruby::sentences(t) {
                    let n = sentence.chars().count();
                    if n > rules.max_sentence && !exempt {
                        errs.push(e(&file, k, format!("sentence of {n} characters (at most {}): {sentence}", rules.max_sentence)));
                    }
                }
                for b in rules.banned.iter().filter(|b| crate::ruby::plain(t).contains(b.as_str())) {
                    errs.push(e(&file, k, format!("`{b}` is not used in this language: {t}")));
                }
            }
        }
        for (&k, &t) in &texts {
            let known = req.contains_key(k) || opt.contains(k) || (k.starts_with("ui.") && ui_keys.contains(k));
            if !known {
                let file = c.text_files.get(k).cloned().unwrap_or(common.clone());
                errs.push(e(&file, k, "unknown text key (typo, or an id that no longer exists?)"));
            } else if t.trim().is_empty() {
                errs.push(e(&common, k, "text is empty"));
            }
        }
    }
}

/// The file a text key of a language lives in.
fn file_of(c: &Content, key: &str, lang: &str) -> String {
    if key.starts_with("fact.") {
        return format!("text/{lang}/facts.toml");
    }
    match key.strip_prefix("p.").and_then(|r| r.split_once('.')) {
        Some((profile, _)) if c.profile(profile).is_some_and(|p| p.city_contact.is_some()) && c.text_files.get(key).is_some_and(|f| f.starts_with("cities/")) => {
            format!("cities/{profile}.toml")
        }
        Some((profile, _)) if c.profile(profile).is_some_and(|p| p.base.is_some()) => format!("cities/{profile}.toml"),
        Some((profile, _)) if c.profile(profile).is_some() => format!("text/{lang}/{profile}.toml"),
        _ => format!("text/{lang}/common.toml"),
    }
}

/// What the exhaustive walk found for one profile.
#[derive(Debug, Default)]
pub struct WalkStats {
    /// Distinct routes through the flow: every combination of the answers that decide
    /// which question comes next or which verdict results, each to its end.
    pub paths: usize,
    /// Complete answer sets evaluated (each path, with the other answers cycled so that
    /// every option of every question is tried on it).
    pub evaluated: usize,
    pub verdicts: BTreeMap<String, usize>,
    pub questions_reached: BTreeSet<String>,
    pub options_chosen: BTreeSet<(String, String)>,
    pub findings_seen: BTreeSet<String>,
    pub forms_top: BTreeSet<String>,
    pub bands: BTreeSet<String>,
}

/// The questions whose answers steer the flow or decide the verdict.
pub fn deciding_questions(c: &Content) -> BTreeSet<String> {
    let mut refs = Vec::new();
    for q in &c.questions {
        q.ask_if.references(&mut refs);
        q.options.iter().for_each(|o| o.end.references(&mut refs));
    }
    c.verdicts.iter().for_each(|v| v.when.references(&mut refs));
    let mut out: BTreeSet<String> = refs.into_iter().map(|(q, _)| q).collect();
    // A question with an ending option steers the flow too.
    for q in &c.questions {
        if q.options.iter().any(|o| o.end != Cond::Never) {
            out.insert(q.id.clone());
        }
    }
    out
}

/// For each question that steers the flow or decides the verdict, the options that matter
/// there: those the flow's and the verdicts' conditions name, and those that end the flow.
/// Two answers that choose the same of these options take the same route (a condition
/// `q in [..]` holds when a chosen option is among those listed).
pub fn deciding_options(c: &Content) -> BTreeMap<String, BTreeSet<String>> {
    let mut refs = Vec::new();
    for q in &c.questions {
        q.ask_if.references(&mut refs);
        q.options.iter().for_each(|o| o.end.references(&mut refs));
    }
    c.verdicts.iter().for_each(|v| v.when.references(&mut refs));
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (q, o) in refs {
        let set = out.entry(q).or_default();
        set.extend(o);
    }
    for q in &c.questions {
        for o in q.options.iter().filter(|o| o.end != Cond::Never) {
            out.entry(q.id.clone()).or_default().insert(o.id.clone());
        }
    }
    out
}

/// The routes through a deciding question: its valid answers grouped by the options that
/// matter (`deciding_options`), one answer of each group, taken in turn across the walk's
/// rounds (shortest first, so that every option is chosen somewhere).
fn route_answers(q: &Question, matter: &BTreeSet<String>, round: usize) -> Vec<Vec<String>> {
    let mut groups: BTreeMap<Vec<String>, Vec<Vec<String>>> = BTreeMap::new();
    for a in all_answers(q) {
        let key: Vec<String> = a.iter().filter(|o| matter.contains(*o)).cloned().collect();
        groups.entry(key).or_default().push(a);
    }
    groups
        .into_values()
        .map(|mut g| {
            g.sort_by_key(|a| a.len());
            g[round % g.len()].clone()
        })
        .collect()
}

/// Every valid answer to a question: each option (single), or each allowed set (multi).
pub fn all_answers(q: &Question) -> Vec<Vec<String>> {
    match q.kind {
        Kind::Single => q.options.iter().map(|o| vec![o.id.clone()]).collect(),
        Kind::Multi => {
            let plain: Vec<&str> = q.options.iter().filter(|o| !o.exclusive).map(|o| o.id.as_str()).collect();
            let mut out: Vec<Vec<String>> = (1u32..(1 << plain.len()))
                .map(|m| plain.iter().enumerate().filter(|(i, _)| m & (1 << i) != 0).map(|(_, s)| s.to_string()).collect())
                .collect();
            out.extend(q.options.iter().filter(|o| o.exclusive).map(|o| vec![o.id.clone()]));
            out.retain(|a| is_valid(q, a));
            out
        }
    }
}

/// A few representative answers to a question that does not steer the flow: each
/// option on its own, plus (multi) all plain options together.
fn sample_answers(q: &Question) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = q.options.iter().map(|o| vec![o.id.clone()]).collect();
    if q.kind == Kind::Multi {
        let plain: Vec<String> = q.options.iter().filter(|o| !o.exclusive).map(|o| o.id.clone()).collect();
        if plain.len() > 1 {
            out.push(plain);
        }
    }
    out
}

/// Walks every path of a profile. `on_outcome` sees each complete answer set.
pub fn walk_all(c: &Content, p: &Profile, mut on_outcome: impl FnMut(&Answers, &crate::engine::Outcome)) -> Result<WalkStats, ContentError> {
    let engine = Engine::new(c, p);
    let deciding = deciding_questions(c);
    let matter = deciding_options(c);
    let rounds = c.questions.iter().filter(|q| !deciding.contains(&q.id)).map(|q| sample_answers(q).len()).max().unwrap_or(1);
    let mut stats = WalkStats::default();
    for round in 0..rounds {
        let mut stack: Vec<Answers> = vec![Answers::new()];
        while let Some(answers) = stack.pop() {
            let walk = engine.walk(&answers);
            match walk.next {
                Some(next) => {
                    let q = c.question(&next).expect("walk names a question");
                    stats.questions_reached.insert(q.id.clone());
                    if walk.path.len() > c.questions.len() {
                        return Err(e("questions.toml", &q.id, "the flow does not end"));
                    }
                    let choices = if deciding.contains(&q.id) {
                        route_answers(q, matter.get(&q.id).unwrap_or(&BTreeSet::new()), round)
                    } else {
                        let s = sample_answers(q);
                        vec![s[round % s.len()].clone()]
                    };
                    for a in choices {
                        for o in &a {
                            stats.options_chosen.insert((q.id.clone(), o.clone()));
                        }
                        let mut next_answers = answers.clone();
                        next_answers.insert(q.id.clone(), a);
                        stack.push(next_answers);
                    }
                }
                None => {
                    let Some(outcome) = engine.evaluate(&answers) else {
                        return Err(e(&format!("profiles/{}.toml", p.id), &p.id, format!("a path ends without an outcome: {answers:?}")));
                    };
                    if round == 0 {
                        stats.paths += 1;
                        *stats.verdicts.entry(outcome.verdict.id.clone()).or_default() += 1;
                    }
                    stats.evaluated += 1;
                    stats.findings_seen.extend(outcome.findings.iter().map(|f| f.id.clone()));
                    if let Some(f) = outcome.forms.first() {
                        stats.forms_top.insert(f.id.clone());
                    }
                    if let Some(b) = &outcome.band {
                        stats.bands.insert(b.id.clone());
                    }
                    on_outcome(&answers, &outcome);
                }
            }
        }
    }
    Ok(stats)
}

/// Whether a condition can never hold in this profile, whatever the answers: it needs a
/// flag the profile does not set, or a form (`city_forms`) the profile does not have.
fn never_for(cond: &Cond, p: &Profile) -> bool {
    match cond {
        Cond::Never => true,
        Cond::Flag(f) => !p.has_flag(f),
        Cond::In(q, opts) if q == "city_forms" => !p.forms.iter().flat_map(|f| &f.covers).any(|c| opts.contains(c)),
        Cond::And(cs) => cs.iter().any(|c| never_for(c, p)),
        Cond::Or(cs) => cs.iter().all(|c| never_for(c, p)),
        _ => false,
    }
}

/// The walk's findings as content errors: unreachable questions and options.
pub fn reachability_errors(c: &Content, p: &Profile, stats: &WalkStats) -> Vec<ContentError> {
    let engine = Engine::new(c, p);
    let mut errs = Vec::new();
    for q in c.questions.iter().filter(|q| engine.applies(q)) {
        if never_for(&q.ask_if, p) {
            continue; // asked only in profiles with a flag or a form this one lacks
        }
        if !stats.questions_reached.contains(&q.id) {
            errs.push(e("questions.toml", &q.id, format!("question is never reached in profile `{}`", p.id)));
        }
    }
    errs
}
