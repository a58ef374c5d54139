//! The compact form build.rs writes: postcard, with every distinct string stored once
//! (`pool`) in `chars`' coding. The widget reads it with `wire`, without serde.

use super::{err, Content, ContentError};

impl Content {
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

    /// The compact form read back (`wire`: by hand, without serde).
    pub fn decode(bytes: &[u8]) -> Result<Content, Vec<ContentError>> {
        super::wire::content(bytes).map_err(|e| vec![err("content.bin", "", e)])
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

/// The string pool of the compact form: while one encode runs, texts and quotes are
/// written as indices into a list of distinct strings (`wire` reads them back).
pub(super) mod pool {
    use crate::model::text::{Texts, NO_TEXT};
    use crate::model::Profile;
    use serde::{Serialize, Serializer};
    use std::cell::RefCell;
    use std::collections::HashMap;

    thread_local! {
        static PUT: RefCell<(Vec<String>, HashMap<String, u32>)> = RefCell::default();
    }

    pub fn begin_encode() {
        PUT.with(|p| *p.borrow_mut() = Default::default());
    }

    pub fn end_encode() -> Vec<String> {
        PUT.with(|p| std::mem::take(&mut *p.borrow_mut()).0)
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

    /// One table of keys, then for each language its text for every key, as indices.
    /// Indices are written as the step from the one before (`steps`): texts were put in
    /// key order, so most steps are +1, which gzip packs to almost nothing.
    impl Serialize for Texts {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            // Keys first, then each language's texts: like next to like compresses best.
            let key_ids = steps(self.keys.iter().map(|k| Some(put(k))));
            let langs: Vec<(u32, Vec<u32>)> = self
                .langs
                .iter()
                .map(|(lang, ids)| (put(lang), steps(ids.iter().map(|&id| self.strings.get(id as usize).filter(|_| id != NO_TEXT).map(put)))))
                .collect();
            (key_ids, langs).serialize(s)
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

    /// Profiles with each section's heading and quotes as indices; the rest of a profile
    /// (forms, principles, examples …) as it is. `tests/content.rs` compares every part
    /// after a round trip, so a field added to `Profile` cannot be dropped here unseen.
    pub mod profiles {
        use super::*;
        use crate::model::Source;

        #[derive(Serialize)]
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
    }
}
