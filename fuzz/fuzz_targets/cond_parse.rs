//! The content condition language (`q in [a, b]`, `flag f`, `answered q`, `not`, `and`,
//! `or`, parentheses): `Cond::parse` must never panic; a parsed condition must evaluate
//! and list its references without panicking.
#![no_main]

use kyodo_check::cond::{Cond, Facts};
use libfuzzer_sys::fuzz_target;

/// Every question answered with its own name; flags set when their name is short.
struct Echo(Vec<String>);
impl Facts for Echo {
    fn answer(&self, _question: &str) -> Option<&[String]> {
        Some(&self.0)
    }
    fn flag(&self, flag: &str) -> bool {
        flag.len() % 2 == 0
    }
}

fn check(s: &str) {
    let Ok(c) = Cond::parse(s) else { return };
    let _ = c.eval(&Echo(vec!["a".into(), "x".into()]));
    let mut refs = Vec::new();
    c.references(&mut refs);
    let mut flags = Vec::new();
    c.flags(&mut flags);
    // The same text parses to the same condition.
    assert_eq!(Cond::parse(s).as_ref(), Ok(&c));
}

fuzz_target!(|data: &[u8]| {
    if let Ok(s) = std::str::from_utf8(data) {
        check(s);
    }
});
