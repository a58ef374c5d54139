//! The content files' raw shapes and their loader (native only: the browser gets the
//! compact form).

use super::*;

impl Content {
    /// Parses the content from `(path relative to content/, file text)` pairs.
    pub fn from_files(files: &[(String, String)]) -> Result<Content, Vec<ContentError>> {
        Loader::default().load(files)
    }

    /// Reads every `.toml` under a content directory (native tools and tests).
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


#[derive(Default)]
struct Loader {
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

    fn load(mut self, files: &[(String, String)]) -> Result<Content, Vec<ContentError>> {
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

        let (Some(langs), Some(rq), Some(rr), Some(rf)) = (langs, rq, rr, rf) else {
            return Err(self.errors);
        };

        let voices = rq.voice.iter().map(|v| Voice { id: v.id.clone(), when: self.cond("questions.toml", &format!("voice.{}", v.id), &v.when) }).collect();
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
                Question { id: q.id, kind: q.kind, role: q.role, voices: q.voices, ask_if, profiles: q.profiles, glossary: q.glossary, options }
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
                from_answers: b.from_answers,
                city_table: b.city_table,
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
        // The common guideline goes last in the chooser; cities in id order.
        let common = &rr.settings.common_profile;
        profiles.sort_by_key(|p| (&p.id == common, p.id.clone()));

        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        Ok(Content {
            version: rq.version,
            default_lang: langs.default,
            languages: langs.language,
            questions,
            voices,
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
            settings: rr.settings,
            profiles,
            texts: Texts::from_maps(texts),
            text_files,
            accessibility,
        })
    }
}

mod city;
mod raw;
use raw::*;

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
