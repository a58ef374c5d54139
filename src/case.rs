//! A consultation as a case for the content's case table (`tests/fixtures/cases.json`):
//! the answers on the path and the outcome, as a JSON snippet staff copy at the counter.
//! A city's web team adds it to the table, where the outcome staff judged right becomes
//! a test of the content. Only ids go in: no notes, nothing typed.

use crate::engine::{Answers, Outcome};

/// One case in the table's format. `id` and `date` name it; ids are content ids, which
/// the validator keeps to lower-case ASCII, so nothing needs escaping but the quotes.
/// `source` names the passage the verdict rests on, as the widget cites it in Japanese.
pub fn snippet(profile: &str, answers: &Answers, outcome: &Outcome, source: &str, date: &str) -> String {
    let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let opt = |s: Option<&str>| s.map_or("null".to_string(), q);
    let answers = answers.iter().map(|(k, v)| format!("{}: {}", q(k), q(&v.join("+")))).collect::<Vec<_>>().join(", ");
    let top = outcome.forms.first();
    let date_id: String = date.chars().filter(char::is_ascii_digit).collect();
    format!(
        "{{\n  \"id\": {}, \"profile\": {}, \"base\": null,\n  \"source\": {},\n  \"answers\": {{ {} }},\n  \"expect\": {{ \"verdict\": {}, \"top_form\": {}, \"top_fit\": {}, \"band\": {}, \"start\": {} }}\n}}",
        q(&format!("{profile}_counter_{date_id}")),
        q(profile),
        q(source),
        answers,
        q(&outcome.verdict.id),
        opt(top.map(|f| f.id.as_str())),
        opt(top.map(|f| f.fit.name())),
        opt(outcome.band.as_ref().map(|b| b.id.as_str())),
        opt(outcome.start_type.as_ref().map(|s| s.id.as_str())),
    )
}
