//! `content/cities/<id>.toml`: a city that uses another profile's guideline content
//! (usually the general one) with its own name and counter. Every problem names the
//! file, the key and what to write there.

use super::*;

/// The texts a city file gives in each language; the first five are required.
const TEXT_KEYS: [&str; 6] =
    ["name", "contact.department", "contact.address", "contact.hours", "contact.proposal", "contact.how"];
const EXAMPLE_PHONE: &str = "0123-45-6789";

/// language → text key → text.
type LangMaps = BTreeMap<String, BTreeMap<String, String>>;

pub(in crate::model) fn load(
    file: &str,
    id: &str,
    src: &str,
    profiles: &[Profile],
    languages: &[Language],
    errors: &mut Vec<ContentError>,
) -> Option<(Profile, LangMaps)> {
    let before = errors.len();
    let mut problem = |key: &str, msg: String| errors.push(err(file, key, msg));
    let table: toml::Table = match toml::from_str(src) {
        Ok(t) => t,
        Err(e) => {
            problem("", format!("this file is not valid TOML: {}", e.to_string().trim_end()));
            return None;
        }
    };
    if !id.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        || !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        problem("", format!("the file name `{id}` is the city's id: use lowercase letters, digits and _ only, starting with a letter (for example `mihon.toml`)"));
    }
    // A city file named after a full profile adds that city's own contact
    // details (those its guideline does not print); any other profile is a clash.
    let named = table.get("profile").and_then(|v| v.as_str());
    let supplement = named == Some(id) && profiles.iter().any(|p| p.id == id);
    if !supplement && profiles.iter().any(|p| p.id == id) {
        problem("", format!("the id `{id}` is already used by content/profiles/{id}.toml: rename this file to an id of its own (or write profile = \"{id}\" to add contact details to that profile)"));
    }
    let required = !supplement;
    for k in table.keys().filter(|k| !matches!(k.as_str(), "profile" | "contact" | "text")) {
        problem(k, "unknown setting: a city file has only `profile`, `[contact]` and `[text.<language>]`".into());
    }
    let names = || profiles.iter().filter(|p| p.base.is_none()).map(|p| format!("\"{}\"", p.id)).collect::<Vec<_>>().join(", ");
    let base = match named {
        Some(b) => match profiles.iter().find(|p| p.id == b && p.base.is_none()) {
            Some(p) => Some(p),
            None => {
                problem("profile", format!("there is no profile `{b}`: write profile = \"general\" (the common guideline) or one of {}", names()));
                None
            }
        },
        None => {
            problem("profile", "missing: write profile = \"general\" to use the common guideline".into());
            None
        }
    };
    let empty = toml::Table::new();
    let contact_t = match table.get("contact") {
        Some(toml::Value::Table(t)) => t,
        _ => {
            problem("contact", "missing: add a [contact] table with the counter's phone and web page".into());
            &empty
        }
    };
    let mut field = |key: &str, required: bool, check: fn(&str) -> bool, what: &str, example: &str| -> String {
        let full = format!("contact.{key}");
        match contact_t.get(key) {
            Some(toml::Value::String(v)) if v.trim().is_empty() && required => {
                problem(&full, format!("empty: write {what}, for example {key} = \"{example}\""));
                String::new()
            }
            Some(toml::Value::String(v)) if !v.trim().is_empty() && !check(v.trim()) => {
                problem(&full, format!("`{v}` is not {what}: write it like {key} = \"{example}\""));
                String::new()
            }
            Some(toml::Value::String(v)) => v.trim().to_string(),
            Some(_) => {
                problem(&full, format!("must be text in quotes, for example {key} = \"{example}\""));
                String::new()
            }
            None if required => {
                problem(&full, format!("missing: write {what}, for example {key} = \"{example}\""));
                String::new()
            }
            None => String::new(),
        }
    };
    let phone_what = "the counter's phone number as printed (digits and hyphens)";
    let web_what = "a web address starting with https://";
    let contact = Contact {
        phone: field("phone", required, Contact::valid_phone, phone_what, EXAMPLE_PHONE),
        fax: field("fax", false, Contact::valid_phone, "a fax number (digits and hyphens)", "0123-45-6790"),
        web: field("web", required, Contact::valid_web, web_what, "https://www.city.example.lg.jp/kyodo/"),
        proposal_web: field("proposal_web", false, Contact::valid_web, web_what, "https://www.city.example.lg.jp/teian/"),
        proposal_phone: field("proposal_phone", false, Contact::valid_phone, phone_what, EXAMPLE_PHONE),
        cite: Vec::new(),
    };
    for k in contact_t.keys().filter(|k| !matches!(k.as_str(), "phone" | "fax" | "web" | "proposal_web" | "proposal_phone")) {
        problem(&format!("contact.{k}"), "unknown setting: [contact] has phone, fax, web, proposal_web and proposal_phone".into());
    }
    let proposal_given = |k: &str| contact_t.get(k).and_then(|v| v.as_str()).is_some_and(|v| !v.trim().is_empty());
    if required && !proposal_given("proposal_web") && !proposal_given("proposal_phone") {
        problem("contact.proposal_web", "missing: write where a citizen sends a proposal or request (提案制度・広聴), as proposal_web = \"https://…\" or proposal_phone = \"…\"".into());
    }
    let mut own = BTreeMap::new();
    let text_t = table.get("text").and_then(|v| v.as_table()).unwrap_or(&empty);
    for lang in text_t.keys().filter(|l| !languages.iter().any(|x| &x.code == *l)) {
        problem(&format!("text.{lang}"), format!("`{lang}` is not a language of the widget: use {}", languages.iter().map(|l| l.code.as_str()).collect::<Vec<_>>().join(", ")));
    }
    for lang in languages {
        let section = format!("text.{}", lang.code);
        let Some(t) = text_t.get(&lang.code).and_then(|v| v.as_table()) else {
            if !required {
                continue;
            }
            problem(&section, format!("missing: add a [{section}] table with the city's name and counter in {}", lang.name));
            continue;
        };
        let mut flat = BTreeMap::new();
        let mut shape = Vec::new();
        flatten(t, "", &mut flat, file, &mut shape);
        for e in shape {
            problem(&format!("{section}.{}", e.id), "must be text in quotes".into());
        }
        for k in flat.keys().filter(|k| !TEXT_KEYS.contains(&k.as_str())) {
            problem(&format!("{section}.{k}"), format!("unknown text: a city file has {}", TEXT_KEYS.join(", ")));
        }
        for k in TEXT_KEYS[..5].iter().filter(|_| required) {
            if flat.get(*k).is_none_or(|v| v.trim().is_empty()) {
                problem(&format!("{section}.{k}"), format!("missing or empty: write the city's {} in {}", k.trim_start_matches("contact."), lang.name));
            }
        }
        own.insert(lang.code.clone(), flat);
    }
    let base = base?;
    if errors.len() > before {
        return None;
    }
    let profile = if supplement {
        Profile { city_contact: Some(contact), ..base.clone() }
    } else {
        Profile { id: id.to_string(), contact: Contact::default(), city_contact: Some(contact), base: Some(base.id.clone()), ..base.clone() }
    };
    Some((profile, own))
}
