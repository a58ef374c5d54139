//! Every text in every language, stored once and decoded when first read.

use super::chars;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Every text in every language: one sorted key table, and for each language the index
/// of each key's text among the distinct strings. In the widget a text is decoded the
/// first time it is read (`chars::Strings`).
#[derive(Clone, Default)]
pub struct Texts {
    pub(super) keys: Vec<String>,
    pub(super) langs: Vec<(String, Vec<u32>)>,
    pub(super) strings: std::sync::Arc<chars::Strings>,
}

/// A section's heading or quote: read from a content file, or from the compact form and
/// then decoded the first time it is read (like the texts).
#[derive(Clone)]
pub struct PooledStr(pub(super) Pooled);

#[derive(Clone)]
pub(super) enum Pooled {
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
pub(super) const NO_TEXT: u32 = u32::MAX;

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
