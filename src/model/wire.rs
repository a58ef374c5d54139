//! The compact form read by hand, without serde. `Content::encode` writes it with
//! postcard; this reads postcard's layout for the content's own types: numbers as
//! varints (signed ones zigzagged), a string or a list as its length then its items, an
//! option or a yes/no as one byte, an enum as its variant's index, a record's fields in
//! their declared order. serde's derived decoding was the wasm's largest function; this
//! is a fraction of it (`docs/performance.md`). `tests/content.rs` round-trips every part
//! of the content, so a field added to a type and not read here fails there.
//!
//! A file that is cut short, damaged or nested too deep is an error, never a panic
//! (`tests/content.rs`, and the fuzz target `content_decode`).

use super::chars::Strings;
use super::text::{Pooled, NO_TEXT};
use super::*;
use std::sync::Arc;

/// How deep conditions may nest (`not`, `and`, `or`): far more than any content file
/// needs, and far less than the stack allows.
const MAX_DEPTH: u32 = 64;

/// Reads go on after the first problem, each giving an empty value, and the problem is
/// reported at the end: so a record's fields are read in a straight line, with no early
/// return that must drop the fields read so far (which was most of serde's code here).
struct Reader<'a> {
    rest: &'a [u8],
    /// The distinct strings that texts, headings and quotes point into.
    strings: Arc<Strings>,
    depth: u32,
    /// The first problem, and how many bytes were left when it was found.
    problem: Option<(&'static str, usize)>,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8], strings: Arc<Strings>) -> Self {
        Reader { rest: bytes, strings, depth: 0, problem: None }
    }

    fn fail(&mut self, what: &'static str) {
        if self.problem.is_none() {
            self.problem = Some((what, self.rest.len()));
            self.rest = &[];
        }
    }

    fn byte(&mut self) -> u8 {
        match self.rest.split_first() {
            Some((&b, rest)) => {
                self.rest = rest;
                b
            }
            None => {
                self.fail("the file ends too early");
                0
            }
        }
    }

    fn varint(&mut self) -> u64 {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return v;
            }
        }
        self.fail("a number is too long");
        0
    }

    fn u32(&mut self) -> u32 {
        let v = self.varint();
        u32::try_from(v).unwrap_or_else(|_| {
            self.fail("a number is out of range");
            0
        })
    }

    /// A length: never more than the bytes left, as every item takes at least one.
    fn len(&mut self) -> usize {
        let n = self.varint();
        match usize::try_from(n).ok().filter(|&n| n <= self.rest.len()) {
            Some(n) => n,
            None => {
                self.fail("a length runs past the end");
                0
            }
        }
    }

    fn bytes(&mut self) -> &'a [u8] {
        let n = self.len();
        let (b, rest) = self.rest.split_at(n);
        self.rest = rest;
        b
    }

    fn str(&mut self) -> &'a str {
        let b = self.bytes();
        std::str::from_utf8(b).unwrap_or_else(|_| {
            self.fail("a string is not UTF-8");
            ""
        })
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> T) -> Vec<T> {
        let n = self.len();
        // A damaged length may still fit the bytes left: reserve no more than a real list needs.
        let mut out = Vec::with_capacity(n.min(256));
        // A problem ends the list: the rest would only be empty values.
        for _ in 0..n {
            if self.problem.is_some() {
                break;
            }
            out.push(item(self));
        }
        out
    }

    /// An index into the strings, checked.
    fn string_index(&mut self) -> u32 {
        let i = self.u32();
        if i as usize >= self.strings.len() {
            self.fail("a string index is out of range");
        }
        i
    }

    fn pooled(&mut self) -> PooledStr {
        let i = self.string_index();
        PooledStr(Pooled::Coded(self.strings.clone(), i))
    }

    fn string(&mut self, i: Option<u32>) -> String {
        match i.and_then(|i| self.strings.get(i as usize)) {
            Some(s) => s.to_owned(),
            None => {
                self.fail("a string index is out of range");
                String::new()
            }
        }
    }
}

trait Read {
    fn read(r: &mut Reader<'_>) -> Self;
}

impl Read for String {
    fn read(r: &mut Reader<'_>) -> Self {
        r.str().to_owned()
    }
}

impl Read for bool {
    fn read(r: &mut Reader<'_>) -> Self {
        match r.byte() {
            0 => false,
            1 => true,
            _ => {
                r.fail("a yes/no is neither");
                false
            }
        }
    }
}

impl Read for u32 {
    fn read(r: &mut Reader<'_>) -> Self {
        r.u32()
    }
}

impl Read for usize {
    fn read(r: &mut Reader<'_>) -> Self {
        r.u32() as usize
    }
}

impl Read for i32 {
    fn read(r: &mut Reader<'_>) -> Self {
        let z = r.u32();
        (z >> 1) as i32 ^ -((z & 1) as i32)
    }
}

impl<T: Read> Read for Option<T> {
    fn read(r: &mut Reader<'_>) -> Self {
        match r.byte() {
            0 => None,
            1 => Some(T::read(r)),
            _ => {
                r.fail("an option is neither none nor some");
                None
            }
        }
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(r: &mut Reader<'_>) -> Self {
        r.list(T::read)
    }
}

impl<A: Read, B: Read> Read for (A, B) {
    fn read(r: &mut Reader<'_>) -> Self {
        (A::read(r), B::read(r))
    }
}

impl<K: Read + Ord, V: Read> Read for BTreeMap<K, V> {
    fn read(r: &mut Reader<'_>) -> Self {
        // Inserted one by one: collecting would bring in a sort of its own (written in key
        // order, so nothing to sort; a repeated key keeps its last value, as collect does).
        let mut map = BTreeMap::new();
        for (k, v) in r.list(<(K, V)>::read) {
            map.insert(k, v);
        }
        map
    }
}

/// Written as a plain string: only a profile's (always empty) `sections` use it; the
/// packed sections point into the strings instead (`profiles`).
impl Read for PooledStr {
    fn read(r: &mut Reader<'_>) -> Self {
        PooledStr(Pooled::Plain(String::read(r)))
    }
}

impl Read for Cond {
    fn read(r: &mut Reader<'_>) -> Self {
        if r.depth >= MAX_DEPTH {
            r.fail("conditions nest too deep");
            return Cond::Always;
        }
        r.depth += 1;
        let c = match r.u32() {
            0 => Cond::Always,
            1 => Cond::Never,
            2 => Cond::In(Read::read(r), Read::read(r)),
            3 => Cond::Flag(Read::read(r)),
            4 => Cond::Answered(Read::read(r)),
            5 => Cond::Not(Box::new(Read::read(r))),
            6 => Cond::And(Read::read(r)),
            7 => Cond::Or(Read::read(r)),
            _ => {
                r.fail("an unknown kind of condition");
                Cond::Always
            }
        };
        r.depth -= 1;
        c
    }
}

/// Enums without data, as the index of their variant in declared order.
macro_rules! choices {
    ($($t:ident [$($v:ident),* $(,)?])*) => {$(
        impl Read for $t {
            fn read(r: &mut Reader<'_>) -> Self {
                const ALL: &[$t] = &[$($t::$v),*];
                let i = r.u32() as usize;
                ALL.get(i).copied().unwrap_or_else(|| {
                    r.fail("an unknown choice");
                    ALL[0]
                })
            }
        }
    )*};
}

choices! {
    Kind [Single, Multi]
    Part [Kyodo, Form, Partner]
    Level [Ok, Caution, Stop]
    Tone [Positive, Info, Caution]
    Role [Forms, Readiness]
    Source [Seed, Domain]
}

/// Records, their fields in declared order (a struct expression reads them in the order
/// written).
macro_rules! records {
    ($($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl Read for $t {
            fn read(r: &mut Reader<'_>) -> Self {
                $t { $($f: Read::read(r)),* }
            }
        }
    )*};
}

records! {
    Language { code, name, html_lang, rules }
    TextRules { ruby, max_sentence, banned, exempt }
    Question { id, kind, role, voices, ask_if, profiles, glossary, options }
    Voice { id, when }
    Settings { common_profile, start_type_concept, readiness_concept }
    QOption { id, end, exclusive }
    Verdict { id, when, tone, concepts, next, ranks_forms }
    NextRule { id, when, suggests }
    Finding { id, part, when, level, concepts, rules_out }
    BandRule { when, band, from_top_form, from_answers, city_table, concepts }
    StartType { id, when }
    ReadinessItem { id, done_when }
    Concept { id, flag }
    FormRule { when, score, reason, concepts }
    Unsuitable { when, reason, concepts }
    CanonForm { id, rules, unsuitable }
    ProfileForm { id, covers, band, cite }
    Principle { id, cite }
    Example { id, form, section }
    Section { id, source, seed, heading, quotes, facts }
    Contact { phone, fax, web, proposal_web, proposal_phone, cite }
    Profile { id, seed, flags, contact, base, city_contact, concepts, forms, principles, sections, examples }
    Accessibility { standard, target, tested, technologies, criteria }
    Criterion { id, level, ja, en, result }
}

/// Each profile, then its sections with the heading and quotes as string indices
/// (`compact::pool::profiles` writes them so).
fn profiles(r: &mut Reader<'_>) -> Vec<Profile> {
    r.list(|r| {
        let mut p = Profile::read(r);
        p.sections = r.list(|r| Section {
            id: Read::read(r),
            source: Read::read(r),
            seed: Read::read(r),
            heading: r.pooled(),
            quotes: r.list(Reader::pooled),
            facts: Read::read(r),
        });
        p
    })
}

/// The key table, then each language's text for every key, as string indices written as
/// steps (`compact::pool`'s `Texts`). No text is decoded here.
fn texts(r: &mut Reader<'_>) -> Texts {
    let key_ids: Vec<u32> = Read::read(r);
    let langs: Vec<(u32, Vec<u32>)> = Read::read(r);
    let keys: Vec<String> = unsteps(&key_ids).map(|k| r.string(k)).collect();
    if !keys.windows(2).all(|w| w[0] < w[1]) {
        r.fail("the text keys are out of order");
    }
    let langs = langs
        .into_iter()
        .map(|(lang, texts)| {
            if texts.len() != keys.len() {
                r.fail("a language's texts do not match the keys");
            }
            let ids = unsteps(&texts)
                .map(|id| match id {
                    None => NO_TEXT,
                    Some(i) if (i as usize) < r.strings.len() => i,
                    Some(_) => {
                        r.fail("a string index is out of range");
                        NO_TEXT
                    }
                })
                .collect();
            (r.string(Some(lang)), ids)
        })
        .collect();
    Texts { keys, langs, strings: r.strings.clone() }
}

/// The inverse of `compact::pool::steps`: 0 for none, else 1 + the zigzagged step.
fn unsteps(codes: &[u32]) -> impl Iterator<Item = Option<u32>> + '_ {
    let mut prev = 0i64;
    codes.iter().map(move |&c| {
        if c == 0 {
            return None;
        }
        let z = i64::from(c - 1);
        prev += (z >> 1) ^ -(z & 1);
        // Out of range reads as an index no pool has, so it is reported.
        Some(u32::try_from(prev).unwrap_or(u32::MAX))
    })
}

/// The compact form: the character table, the coded strings, then the content.
pub(super) fn content(bytes: &[u8]) -> Result<Content, String> {
    let mut outer = Reader::new(bytes, Arc::default());
    let (table, coded, body) = (outer.str(), outer.list(|r| r.bytes()), outer.bytes());
    finish(outer, bytes.len())?;
    let mut r = Reader::new(body, Arc::new(Strings::coded(table, &coded)));
    let c = body_content(&mut r);
    finish(r, body.len()).map(|()| c)
}

/// The first problem, or bytes left over, with where it was found.
fn finish(r: Reader<'_>, total: usize) -> Result<(), String> {
    let (what, left) = match r.problem {
        Some(p) => p,
        None if r.rest.is_empty() => return Ok(()),
        None => ("bytes follow the end", r.rest.len()),
    };
    Err(format!("{what} (at byte {} of {total})", total - left))
}

fn body_content(r: &mut Reader<'_>) -> Content {
    Content {
        version: Read::read(r),
        default_lang: Read::read(r),
        languages: Read::read(r),
        questions: Read::read(r),
        voices: Read::read(r),
        concepts: Read::read(r),
        verdicts: Read::read(r),
        next_rules: Read::read(r),
        findings: Read::read(r),
        bands: Read::read(r),
        band_rules: Read::read(r),
        start_types: Read::read(r),
        readiness: Read::read(r),
        forms: Read::read(r),
        form_good: Read::read(r),
        form_possible: Read::read(r),
        settings: Read::read(r),
        profiles: profiles(r),
        texts: texts(r),
        text_files: BTreeMap::new(),
        accessibility: Read::read(r),
    }
}
