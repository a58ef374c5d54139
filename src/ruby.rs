//! Furigana as data: `{漢字|かんじ}` in a text is a word with its reading. The UI renders
//! it as `<ruby>漢字<rt>かんじ</rt></ruby>`; plain contexts (page titles, attributes)
//! use the base text. `{name}` without a `|` is a placeholder, not ruby.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg<'a> {
    Text(&'a str),
    Ruby { base: &'a str, reading: &'a str },
}

/// Splits a text into plain runs and ruby pairs. Never fails: anything that is not a
/// well-formed `{base|reading}` stays plain text.
pub fn parse(s: &str) -> Vec<Seg<'_>> {
    let mut out = Vec::new();
    let mut text_from = 0; // start of the plain run not yet pushed
    let mut search = 0;
    while let Some(rel) = s[search..].find('{') {
        let open = search + rel;
        let after = &s[open + 1..];
        let pair = after.find('}').and_then(|close| {
            let inner = &after[..close];
            let (base, reading) = inner.split_once('|')?;
            (!base.is_empty() && !reading.is_empty() && !inner.contains('{')).then_some((base, reading, close))
        });
        match pair {
            Some((base, reading, close)) => {
                if open > text_from {
                    out.push(Seg::Text(&s[text_from..open]));
                }
                out.push(Seg::Ruby { base, reading });
                text_from = open + 1 + close + 1;
                search = text_from;
            }
            None => search = open + 1,
        }
    }
    if text_from < s.len() {
        out.push(Seg::Text(&s[text_from..]));
    }
    out
}

/// The text without readings (for titles, attributes and measuring sentences).
pub fn plain(s: &str) -> String {
    parse(s)
        .into_iter()
        .map(|seg| match seg {
            Seg::Text(t) => t,
            Seg::Ruby { base, .. } => base,
        })
        .collect()
}

pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々' | '〆' | 'ヶ')
}

/// The first kanji that stands outside a ruby pair, if any.
pub fn bare_kanji(s: &str) -> Option<char> {
    parse(s).into_iter().find_map(|seg| match seg {
        Seg::Text(t) => t.chars().find(|c| is_kanji(*c)),
        Seg::Ruby { .. } => None,
    })
}

/// Sentences of the plain text, split after 。！？ (and their ASCII forms).
pub fn sentences(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in plain(s).chars() {
        cur.push(c);
        if matches!(c, '。' | '！' | '？' | '!' | '?') {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ruby_and_keeps_placeholders_plain() {
        assert_eq!(
            parse("{協働|きょうどう}は{band}です"),
            vec![Seg::Ruby { base: "協働", reading: "きょうどう" }, Seg::Text("は{band}です")]
        );
        assert_eq!(plain("{市民|しみん}と{市|し}"), "市民と市");
    }

    #[test]
    fn malformed_braces_stay_text() {
        for s in ["{", "}", "{|}", "{a|", "a}b{c", "{{x|y}}", "{x|}", "{|y}"] {
            let joined: String = parse(s)
                .iter()
                .map(|g| match g {
                    Seg::Text(t) => t.to_string(),
                    Seg::Ruby { base, reading } => format!("{{{base}|{reading}}}"),
                })
                .collect();
            assert_eq!(joined, s, "nothing is lost from {s:?}");
        }
    }

    #[test]
    fn finds_bare_kanji_and_sentences() {
        assert_eq!(bare_kanji("{市|し}と市"), Some('市'));
        assert_eq!(bare_kanji("{市|し}といっしょ"), None);
        assert_eq!(sentences("{今日|きょう}は{晴|は}れ。あした？ おわり"), vec!["今日は晴れ。", "あした？", "おわり"]);
    }
}
