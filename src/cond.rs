//! The small condition language of the content files (see content/README.md):
//! `q in [a, b]`, `flag f`, `answered q`, `always`, `not`, `and`, `or`, parentheses.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Cond {
    Always,
    Never,
    /// The answer to the question includes one of the options.
    In(String, Vec<String>),
    Flag(String),
    Answered(String),
    Not(Box<Cond>),
    And(Vec<Cond>),
    Or(Vec<Cond>),
}

/// What a condition can ask about. Questions that were not asked on the current path
/// must answer `None`, so that skipped branches never influence anything.
pub trait Facts {
    fn answer(&self, question: &str) -> Option<&[String]>;
    fn flag(&self, flag: &str) -> bool;
}

impl Cond {
    pub fn eval(&self, facts: &dyn Facts) -> bool {
        match self {
            Cond::Always => true,
            Cond::Never => false,
            Cond::In(q, opts) => facts
                .answer(q)
                .is_some_and(|chosen| chosen.iter().any(|c| opts.contains(c))),
            Cond::Flag(f) => facts.flag(f),
            Cond::Answered(q) => facts.answer(q).is_some(),
            Cond::Not(c) => !c.eval(facts),
            Cond::And(cs) => cs.iter().all(|c| c.eval(facts)),
            Cond::Or(cs) => cs.iter().any(|c| c.eval(facts)),
        }
    }

    /// Every (question, option) the condition names, for the validator.
    pub fn references(&self, out: &mut Vec<(String, Option<String>)>) {
        match self {
            Cond::In(q, opts) => out.extend(opts.iter().map(|o| (q.clone(), Some(o.clone())))),
            Cond::Answered(q) => out.push((q.clone(), None)),
            Cond::Not(c) => c.references(out),
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.references(out)),
            _ => {}
        }
    }

    pub fn flags(&self, out: &mut Vec<String>) {
        match self {
            Cond::Flag(f) => out.push(f.clone()),
            Cond::Not(c) => c.flags(out),
            Cond::And(cs) | Cond::Or(cs) => cs.iter().for_each(|c| c.flags(out)),
            _ => {}
        }
    }

    pub fn parse(src: &str) -> Result<Cond, String> {
        let tokens = tokenize(src)?;
        let mut p = Parser { tokens, pos: 0, depth: 0 };
        let c = p.or()?;
        match p.peek() {
            None => Ok(c),
            Some(t) => Err(format!("unexpected `{t}` in `{src}`")),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Open,
    Close,
    LBracket,
    RBracket,
    Comma,
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Word(w) => f.write_str(w),
            Tok::Open => f.write_str("("),
            Tok::Close => f.write_str(")"),
            Tok::LBracket => f.write_str("["),
            Tok::RBracket => f.write_str("]"),
            Tok::Comma => f.write_str(","),
        }
    }
}

fn tokenize(src: &str) -> Result<Vec<Tok>, String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Tok>| {
        if !word.is_empty() {
            out.push(Tok::Word(std::mem::take(word)));
        }
    };
    for ch in src.chars() {
        let tok = match ch {
            '(' => Some(Tok::Open),
            ')' => Some(Tok::Close),
            '[' => Some(Tok::LBracket),
            ']' => Some(Tok::RBracket),
            ',' => Some(Tok::Comma),
            c if c.is_whitespace() => None,
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' => {
                word.push(c);
                continue;
            }
            c => return Err(format!("unexpected character `{c}` in `{src}`")),
        };
        flush(&mut word, &mut out);
        out.extend(tok);
    }
    flush(&mut word, &mut out);
    Ok(out)
}

struct Parser {
    tokens: Vec<Tok>,
    pos: usize,
    depth: usize,
}

/// Deeper nesting than any real condition; the recursive parser stops there rather
/// than overflow the stack (found by the `cond_parse` fuzz target).
const MAX_DEPTH: usize = 64;

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos)
    }
    fn next(&mut self) -> Option<Tok> {
        let t = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Word(x)) if x == w)
    }
    fn word(&mut self, what: &str) -> Result<String, String> {
        match self.next() {
            Some(Tok::Word(w)) if !is_keyword(&w) => Ok(w),
            other => Err(format!("expected {what}, found {}", show(other))),
        }
    }
    fn expect(&mut self, tok: Tok) -> Result<(), String> {
        match self.next() {
            Some(t) if t == tok => Ok(()),
            other => Err(format!("expected `{tok}`, found {}", show(other))),
        }
    }
    fn or(&mut self) -> Result<Cond, String> {
        let mut items = vec![self.and()?];
        while self.is_word("or") {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 { items.remove(0) } else { Cond::Or(items) })
    }
    fn and(&mut self) -> Result<Cond, String> {
        let mut items = vec![self.unary()?];
        while self.is_word("and") {
            self.pos += 1;
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 { items.remove(0) } else { Cond::And(items) })
    }
    fn unary(&mut self) -> Result<Cond, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(format!("nested more than {MAX_DEPTH} deep"));
        }
        let c = if self.is_word("not") {
            self.pos += 1;
            self.unary().map(|c| Cond::Not(Box::new(c)))
        } else {
            self.atom()
        };
        self.depth -= 1;
        c
    }
    fn atom(&mut self) -> Result<Cond, String> {
        match self.next() {
            Some(Tok::Open) => {
                let c = self.or()?;
                self.expect(Tok::Close)?;
                Ok(c)
            }
            Some(Tok::Word(w)) => match w.as_str() {
                "always" => Ok(Cond::Always),
                "never" => Ok(Cond::Never),
                "flag" => Ok(Cond::Flag(self.word("a flag name")?)),
                "answered" => Ok(Cond::Answered(self.word("a question id")?)),
                kw if is_keyword(kw) => Err(format!("unexpected `{kw}`")),
                _ => {
                    if !self.is_word("in") {
                        return Err(format!("expected `in` after `{w}`, found {}", show(self.peek().cloned())));
                    }
                    self.pos += 1;
                    self.expect(Tok::LBracket)?;
                    let mut opts = vec![self.word("an option id")?];
                    while self.peek() == Some(&Tok::Comma) {
                        self.pos += 1;
                        opts.push(self.word("an option id")?);
                    }
                    self.expect(Tok::RBracket)?;
                    Ok(Cond::In(w, opts))
                }
            },
            other => Err(format!("expected a condition, found {}", show(other))),
        }
    }
}

fn is_keyword(w: &str) -> bool {
    matches!(w, "and" | "or" | "not" | "in" | "flag" | "answered" | "always" | "never")
}

fn show(t: Option<Tok>) -> String {
    t.map_or("the end".to_string(), |t| format!("`{t}`"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        // Inputs the cond_parse fuzz target found: 8,910 parentheses, 50,000 `not`s.
        let deep = format!("{}always{}", "(".repeat(8910), ")".repeat(8910));
        assert!(Cond::parse(&deep).unwrap_err().contains("nested"));
        assert!(Cond::parse(&format!("{}always", "not ".repeat(50_000))).unwrap_err().contains("nested"));
        assert_eq!(Cond::parse("not not (always)"), Ok(Cond::Not(Box::new(Cond::Not(Box::new(Cond::Always))))));
    }

    struct F(BTreeMap<String, Vec<String>>, Vec<String>);
    impl Facts for F {
        fn answer(&self, q: &str) -> Option<&[String]> {
            self.0.get(q).map(|v| v.as_slice())
        }
        fn flag(&self, f: &str) -> bool {
            self.1.iter().any(|x| x == f)
        }
    }

    fn facts(pairs: &[(&str, &[&str])], flags: &[&str]) -> F {
        F(
            pairs.iter().map(|(q, o)| (q.to_string(), o.iter().map(|s| s.to_string()).collect())).collect(),
            flags.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn parses_and_evaluates_precedence() {
        let c = Cond::parse("a in [x] or b in [y, z] and not flag f").unwrap();
        assert!(c.eval(&facts(&[("a", &["x"])], &[])));
        assert!(c.eval(&facts(&[("b", &["z"])], &[])));
        assert!(!c.eval(&facts(&[("b", &["z"])], &["f"])));
        assert!(!c.eval(&facts(&[], &[])));
    }

    #[test]
    fn parentheses_and_answered() {
        let c = Cond::parse("(a in [x] or answered b) and not (flag f)").unwrap();
        assert!(c.eval(&facts(&[("b", &["q"])], &[])));
        assert!(!c.eval(&facts(&[("b", &["q"])], &["f"])));
    }

    #[test]
    fn unanswered_question_never_matches() {
        let c = Cond::parse("a in [x]").unwrap();
        assert!(!c.eval(&facts(&[], &[])));
        assert!(Cond::parse("not a in [x]").unwrap().eval(&facts(&[], &[])));
    }

    #[test]
    fn multi_answers_match_any() {
        let c = Cond::parse("r in [safety, illegal]").unwrap();
        assert!(c.eval(&facts(&[("r", &["criticism", "illegal"])], &[])));
        assert!(!c.eval(&facts(&[("r", &["criticism"])], &[])));
    }

    #[test]
    fn errors_name_the_problem() {
        for bad in ["a in x", "a [x]", "a in [x", "flag", "a in [x] or", "(a in [x]", "a in [x] b", "a in [and]", "é"] {
            assert!(Cond::parse(bad).is_err(), "{bad} should not parse");
        }
        assert!(Cond::parse("a in [x").unwrap_err().contains("`]`"));
    }
}
