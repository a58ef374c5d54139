//! The draft files of a new city profile (level 2: a city with its own guideline),
//! written by `cargo run --bin new-city -- <id> <guideline.txt>`.
//!
//! The general profile is the template: the new city gets one section per concept it
//! must map (`sec-<concept>`), per form (`form-<form>`) and per principle
//! (`principle-<id>`), each with a heading and a quote still to fill, marked
//! `【要記入】`. Every text the validator requires of a profile (computed with
//! `validate::required_keys`, never listed here) is present in every registered
//! language, marked the same way, with a hint in the file's language and the general
//! profile's own text in a comment as an example. The validator reports each marker
//! left, naming the file and the key, so a city's staff can work down the list.
#![cfg(not(target_arch = "wasm32"))]

use crate::model::{Content, Profile, Source};
use crate::validate::required_keys;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The marker of a value still to fill (`validate::TO_FILL`): the validator reports every
/// text, heading and quote that still contains it.
pub const TODO: &str = crate::validate::TO_FILL;

/// `(path relative to the repository root, file text)` for `content/profiles/<id>.toml`
/// and `content/text/<lang>/<id>.toml` of every registered language.
///
/// Panics if the content has no `general` profile (the template).
pub fn scaffold(c: &Content, id: &str, seed_file: &str) -> Vec<(String, String)> {
    let general = c.profile(&c.settings.common_profile).expect("the content has the common profile (rules.toml settings) to copy from");
    let plan = Plan::new(c, general);
    let mut out = vec![(format!("content/profiles/{id}.toml"), profile_file(c, general, &plan, id, seed_file))];
    // The keys a profile with these sections, forms and principles needs: the general
    // profile under the new id, with the new sections. The loaded content decides the
    // list, so a key added to the validator appears here without a change. A second
    // probe adds the optional sections, whose texts are written commented out.
    let active: Vec<&PlannedSection> = plan.sections.iter().collect();
    let all: Vec<&PlannedSection> = plan.sections.iter().chain(&plan.optional_sections).chain([&plan.contact]).collect();
    let probe = plan.probe(c, general, id, seed_file, &active);
    let probe_all = plan.probe(c, general, id, seed_file, &all);
    let prefix = format!("p.{id}.");
    for lang in &c.languages {
        let keys = |probe: &Content| -> Vec<String> {
            let (req, _) = required_keys(probe, &lang.code);
            req.keys().filter_map(|k| k.strip_prefix(&prefix)).map(str::to_string).collect()
        };
        let now = keys(&probe);
        let optional: Vec<String> = keys(&probe_all).into_iter().filter(|k| !now.contains(k)).collect();
        out.push((format!("content/text/{}/{id}.toml", lang.code), text_file(c, &plan, id, seed_file, &lang.code, &now, &optional)));
    }
    out
}

// ---------------------------------------------------------------- the plan

/// One section of the new profile and what it must quote.
struct PlannedSection {
    id: String,
    /// What to look for in the guideline (Japanese, English).
    what: (String, String),
    /// A section of the general profile that quotes the same kind of passage.
    example: Option<String>,
    /// Commented out: only for a profile with this flag.
    flag: Option<String>,
}

struct Plan {
    /// Concepts every profile maps, then those that need a flag.
    concepts: Vec<(String, Option<String>)>,
    sections: Vec<PlannedSection>,
    /// Sections of flagged concepts, written commented out.
    optional_sections: Vec<PlannedSection>,
    /// The section that prints the contact details, written commented out.
    contact: PlannedSection,
}

impl Plan {
    fn new(c: &Content, general: &Profile) -> Plan {
        let mut concepts = Vec::new();
        let mut sections = Vec::new();
        let mut optional_sections = Vec::new();
        for k in &c.concepts {
            if k.flag.is_none() && !general.concepts.contains_key(&k.id) {
                continue; // not in the template (the validator would name it)
            }
            concepts.push((k.id.clone(), k.flag.clone()));
            let s = PlannedSection {
                id: format!("sec-{}", k.id),
                what: concept_what(&k.id),
                example: general.concepts.get(&k.id).and_then(|l| l.first().cloned()),
                flag: k.flag.clone(),
            };
            if k.flag.is_some() {
                optional_sections.push(s);
            } else {
                sections.push(s);
            }
        }
        for f in &general.forms {
            let name = c.profile_text("ja", &general.id, &format!("forms.{}.name", f.id));
            let name = if name.is_empty() { f.id.as_str() } else { name };
            sections.push(PlannedSection {
                id: format!("form-{}", f.id),
                what: (format!("協働の形態「{name}」の定義"), format!("the definition of the form 「{name}」 ({})", f.id)),
                example: f.cite.first().cloned(),
                flag: None,
            });
        }
        for pr in &general.principles {
            let name = c.profile_text("ja", &general.id, &format!("principles.{}.name", pr.id));
            let name = if name.is_empty() { pr.id.as_str() } else { name };
            sections.push(PlannedSection {
                id: format!("principle-{}", pr.id),
                what: (format!("協働の原則「{name}」"), format!("the principle 「{name}」 ({})", pr.id)),
                example: pr.cite.first().cloned(),
                flag: None,
            });
        }
        let contact = PlannedSection {
            id: "sec-contact".to_string(),
            what: ("相談窓口（電話・FAX・住所）".to_string(), "where to ask (phone, fax, address)".to_string()),
            example: None,
            flag: None,
        };
        Plan { concepts, sections, optional_sections, contact }
    }

    fn section(&self, id: &str) -> Option<&PlannedSection> {
        self.sections.iter().chain(&self.optional_sections).chain([&self.contact]).find(|s| s.id == id)
    }

    /// The general profile under the new id, with these sections: what
    /// `required_keys` needs to list the new profile's texts.
    fn probe(&self, c: &Content, general: &Profile, id: &str, seed_file: &str, sections: &[&PlannedSection]) -> Content {
        let mut probe = c.clone();
        let mut p = general.clone();
        p.id = id.to_string();
        p.seed = seed_file.to_string();
        if let Some(template) = general.sections.first() {
            p.sections = sections
                .iter()
                .map(|s| {
                    let mut x = template.clone();
                    x.id = s.id.clone();
                    x.seed = None;
                    x.source = Source::Seed;
                    x
                })
                .collect();
        }
        for f in &mut p.forms {
            f.cite = vec![format!("form-{}", f.id)];
        }
        for pr in &mut p.principles {
            pr.cite = vec![format!("principle-{}", pr.id)];
        }
        // The general profile's examples are the five cities' cases: a new city starts with none.
        p.examples.clear();
        probe.profiles.retain(|x| x.id != id);
        probe.profiles.push(p);
        probe
    }
}

/// What a concept's passage says, in plain words (Japanese, English).
fn concept_what(id: &str) -> (String, String) {
    let (ja, en) = match id {
        "definition" => ("協働とは何か（協働の定義）", "what 協働 is (the definition)"),
        "participation" => ("参加と協働の違い（市の事業に参加するだけでは協働ではない、など）", "participation versus 協働 (taking part in a city event is not yet 協働)"),
        "request" => ("市民からの提案や要望の扱い（提案どおりにできない場合があること、など）", "how a citizen's proposal or request is handled"),
        "exclusion" => ("協働の対象にならない活動（宗教活動・政治活動など）", "activities that cannot be 協働 (religious, political …)"),
        "self_help" => ("自助・共助・公助（市民でできることは市民で、など）", "自助・共助・公助 (what citizens do themselves first)"),
        "scope" => ("協働の相手は誰か（市民・団体・企業、市民どうし、など）", "who the partners of 協働 are"),
        "public_benefit" => ("公益性（協働は公共の利益のためであること）", "public benefit (協働 serves the public)"),
        "synergy" => ("協働の効果・メリット", "what 協働 achieves (its benefits)"),
        "not_cost_cutting" => ("協働は経費削減や安い下請けのためではないこと", "協働 is not for cutting costs or cheap subcontracting"),
        "koen_disqualifiers" => ("後援できない場合（後援名義の基準）", "when the city cannot lend its name (後援 disqualifiers)"),
        "capacity" => ("相手方の能力（事業をやり遂げる力があるか）", "the partner's capacity to do the work"),
        "why_partner" => ("なぜその相手と協働するのか", "why this partner"),
        "fixed_partner" => ("相手方の固定化を避けること（定期的な見直し）", "avoiding the same partner every time"),
        "readiness" => ("協働を始める前に決めること（目的・計画・経費・期間・責任）", "what to settle before starting (purpose, plan, costs, period, responsibility)"),
        "roles" => ("役割分担（市にできること・できないこと）", "sharing roles (what the city can and cannot do)"),
        "band" => ("市民主導から行政主導までの領域の説明や図", "the spectrum from 市民主導 to 行政主導"),
        "start_types" => ("協働の始まり方の類型（誰が始めるか）", "the types of how 協働 starts (who starts it)"),
        "joint_subsidy" => ("団体どうしの協働事業への補助制度", "a subsidy for projects groups run together"),
        "form_choice" => ("協働の形態の選び方（事業に応じて選ぶこと、一覧がすべてではないこと、など）", "how a form of 協働 is chosen (by the project; the list is not every form)"),
        "target_fields" => ("協働の分野（高齢者・障がい者・子育て・外国籍住民など、対象を決めた取り組み）", "the fields of 協働 (projects for older people, people with disabilities, parents, foreign residents …)"),
        "no_synergy" => ("一緒に取り組んでも単独と変わらない場合（協働の効果がないとき）", "when working together would achieve no more than working alone"),
        other => return (format!("「{other}」の根拠になる文"), format!("the passage behind `{other}`")),
    };
    (ja.to_string(), en.to_string())
}

/// What a profile flag switches on (Japanese).
fn flag_what(flag: &str) -> String {
    match flag {
        "citizen_to_citizen" => "指針が、市民や団体どうしの協働（市が加わらない協働）も協働に含めている".to_string(),
        "start_types" => "指針が、協働を始まり方で分類している（誰が始めるか）".to_string(),
        "joint_subsidy" => "指針に、団体どうしの協働事業への補助制度が書いてある".to_string(),
        "planning_is_participation" => "指針が、市の計画に意見を出すこと（タウンミーティング・パブリックコメントなど）を協働ではなく「参加」としている".to_string(),
        other => format!("content/rules.toml と content/questions.toml で `flag {other}` を使っているところを参照"),
    }
}

// ---------------------------------------------------------------- TOML helpers

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML key segment: bare when it can be.
fn k(s: &str) -> String {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
        s.to_string()
    } else {
        q(s)
    }
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|s| q(s)).collect::<Vec<_>>().join(", "))
}

/// A text shown in a comment: on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------- the profile file

fn profile_file(c: &Content, general: &Profile, plan: &Plan, id: &str, seed_file: &str) -> String {
    let src = format!("sources/{seed_file}");
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# ============================================================================
# 市のプロファイル「{id}」の下書き（new-city が作成）
# Draft profile `{id}`, made by `cargo run --bin new-city`. Fill every 【要記入】;
# `cargo test --test content` names each file and key still to fill.
# ============================================================================
#
# このファイルは、判定の根拠を市の指針（{src}）のどこに置くかを決めます。
# 画面に出る文章（名前・説明など）は、content/text/<言語>/{id}.toml にあります。
#
# 記入のしかた
#  1. 【要記入】と書かれたところを、すべて書きかえます。
#  2. heading（見出し）と quotes（引用文）は、{src} から
#     一字一句そのままコピーして貼り付けます。空白や改行の違いはかまいませんが、
#     要約や言いかえ、句読点の違いは検査で「見つからない」と表示されます。
#     quotes には、根拠になる文を1つ以上、\"…\" で区切って並べます。
#  3. 指針にない協働の形態は、その [[form]] ブロックと、そのセクション
#     （id = \"form-…\"）を削除します。各言語の text ファイルの [forms.…] と
#     [sections.form-…] も一緒に削除します。指針にない原則（[[principle]]、
#     principle-…）も同じです。形態は少なくとも1つ残します。
#  4. [contact] の値は、指針に印刷されているとおりに写します。
#     指針に書いていなければ \"\" のままにします。推測した値や、ほかの資料の値は
#     入れません。指針にない電話番号やホームページは、別のファイル
#     content/cities/{id}.toml（profile = \"{id}\"）に書けます
#     （docs/adding-a-city.md の Level 3）。
#  5. 同じ文が複数の項目の根拠になるときは、セクションを1つにまとめて、
#     [concepts] などから同じ id を指してもかまいません。どこからも指されない
#     セクションは検査でエラーになるので、削除します。
# ============================================================================"
    );
    let _ = writeln!(o, "id = {}", q(id));
    let _ = writeln!(o, "seed = {}", q(seed_file));

    // Flags: every flag the content asks about, off unless the guideline says so.
    let flags = crate::validate::known_flags(c);
    let _ = writeln!(o, "\n# flags: 指針がそう書いている場合だけ、次の名前を [\"…\"] に加えます。");
    let width = flags.iter().map(|f| f.len() + 2).max().unwrap_or(0);
    for f in &flags {
        let _ = writeln!(o, "#   {:<width$}  {}", q(f), flag_what(f));
        if let Some(k) = c.concepts.iter().find(|k| k.flag.as_deref() == Some(f.as_str())) {
            let _ = writeln!(o, "#   {:<width$}  （このときは [concepts] の {} の行と、そのセクションのコメントを外します）", "", k.id);
        }
    }
    let _ = writeln!(o, "flags = []");

    let _ = writeln!(
        o,
        "
# 相談窓口。指針に印刷されている値だけを写します。なければ \"\" のまま（推測しない）。
[contact]
phone = \"\"            # 電話番号。指針の表記のとおり（例: \"0123-45-6789\"）
fax = \"\"              # FAX番号。指針の表記のとおり
web = \"\"              # 担当課のページの URL（https:// で始まる）。指針に印刷されていれば
proposal_web = \"\"     # 提案の受付（提案制度・広聴）のページの URL。指針に印刷されていれば
proposal_phone = \"\"   # 提案の受付の電話番号。指針に印刷されていれば
# cite: 電話・FAX・住所を印刷しているセクションの id。そのセクションの quotes に、
# 上の番号が一字一句そのまま含まれている必要があります。例:
#   cite = [\"sec-contact\"]
# と書き、下のセクションの例（sec-contact）のコメントを外して記入します。
cite = []"
    );

    // Concepts.
    let _ = writeln!(
        o,
        "
# 判定の理由ごとに、根拠にするセクションを指します。既定では項目ごとに1つの
# セクション（下の sec-…）を用意しています。"
    );
    let _ = writeln!(o, "[concepts]");
    let lines: Vec<(String, String)> = plan
        .concepts
        .iter()
        .map(|(concept, flag)| {
            let sid = format!("sec-{concept}");
            let what = plan.section(&sid).map(|s| s.what.0.clone()).unwrap_or_default();
            let line = format!("{}{} = {}", if flag.is_some() { "# " } else { "" }, k(concept), list(std::slice::from_ref(&sid)));
            let note = match flag {
                None => what,
                Some(f) => format!("{what}（flags に \"{f}\" があるときだけ）"),
            };
            (line, note)
        })
        .collect();
    let width = lines.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
    for (line, note) in lines {
        let _ = writeln!(o, "{line:<width$}  # {note}");
    }

    // Forms.
    let _ = writeln!(
        o,
        "
# 協働の形態。指針にない形態は、ブロックごと削除します（上の説明 3）。
#   covers: 判定で使う共通の形態の id（変えない）
#   band:   自助・共助・公助の帯のどこに置くか。指針が別の位置に置いていれば変えます:"
    );
    let width = c.bands.iter().map(|b| b.len() + 2).max().unwrap_or(0);
    for b in &c.bands {
        let _ = writeln!(o, "#           {:<width$}  {}", q(b), c.text("ja", &format!("band.{b}.name")));
    }
    let _ = writeln!(o, "#   cite:   この形態を定義しているセクション");
    for f in &general.forms {
        let name = c.profile_text("ja", &general.id, &format!("forms.{}.name", f.id));
        let _ = writeln!(o, "\n# {name}");
        let _ = writeln!(o, "[[form]]");
        let _ = writeln!(o, "id = {}", q(&f.id));
        let _ = writeln!(o, "covers = {}", list(&f.covers));
        let _ = writeln!(o, "band = {}", q(&f.band));
        let _ = writeln!(o, "cite = {}", list(&[format!("form-{}", f.id)]));
    }

    // Principles.
    let _ = writeln!(o, "\n# 協働の原則。指針にない原則は、ブロックごと削除します。指針独自の原則を加えてもかまいません。");
    for pr in &general.principles {
        let name = c.profile_text("ja", &general.id, &format!("principles.{}.name", pr.id));
        let _ = writeln!(o, "[[principle]]   # {name}");
        let _ = writeln!(o, "id = {}", q(&pr.id));
        let _ = writeln!(o, "cite = {}", list(&[format!("principle-{}", pr.id)]));
    }

    // Examples: none until the city's editor copies them from its guideline.
    let _ = writeln!(
        o,
        "
# 指針に載っている実際の取り組み（事例）。結果の「この市の指針にある似た取り組み」に、
# いちばん合う形態を使った事例として出ます。指針が具体的な事例を載せていれば、1件ごとに
# 次のブロックを加えます（載せていなければ書きません。事例を作ってはいけません）。
#   [[example]]
#   id = \"…\"        # 英小文字と _ の名前
#   form = \"…\"      # その事例が使った形態（上の [[form]] の id）
#   section = \"…\"   # その事例が載っているセクションの id（quotes に事例の文を写す）
# 題名は、各言語の text ファイルの [examples] に id = \"…\" の形で書きます。"
    );

    // Sections.
    let _ = writeln!(
        o,
        "
# ---------------------------------------------------------------- セクション
# 各セクションに、{src} から次の2つを一字一句そのままコピーします。
#   heading: 見出し（例: \"2 協働とは\"）
#   quotes:  根拠になる文（1つ以上）"
    );
    let section = |o: &mut String, s: &PlannedSection, commented: bool| {
        let p = if commented { "# " } else { "" };
        let _ = writeln!(o);
        let _ = writeln!(o, "# {}: {}", s.id, s.what.0);
        if let Some(ex) = s.example.as_deref().and_then(|e| general.section(e)) {
            let city = ex.seed.as_deref().unwrap_or("");
            let _ = writeln!(o, "#   例（共通版{}）: 見出し「{}」", if city.is_empty() { String::new() } else { format!("・{city}") }, one_line(&ex.heading));
        }
        let _ = writeln!(o, "#   {src} から、見出しを1つと根拠の文（1つ以上）を、そのままコピーして貼り付けます。");
        if let Some(f) = &s.flag {
            let _ = writeln!(o, "#   flags に \"{f}\" を加えたときだけ、次の4行の先頭の \"# \" を外します。");
        }
        let _ = writeln!(o, "{p}[[section]]");
        let _ = writeln!(o, "{p}id = {}", q(&s.id));
        let _ = writeln!(o, "{p}heading = {}", q(&format!("{TODO}{}の見出し", s.what.0)));
        let _ = writeln!(o, "{p}quotes = [{}]", q(&format!("{TODO}{}を述べた文", s.what.0)));
    };
    for s in &plan.sections {
        section(&mut o, s, false);
    }
    for s in &plan.optional_sections {
        section(&mut o, s, true);
    }
    let _ = writeln!(
        o,
        "
# sec-contact: 相談窓口（電話・FAX・住所）を印刷している箇所。指針に印刷されていれば、
#   コメントを外して記入し、[contact] の cite に \"sec-contact\" を書きます。
#   各言語の text ファイルにも [sections.sec-contact] の label（と、日本語以外は summary）を加えます。
# [[section]]
# id = \"sec-contact\"
# heading = \"{TODO}問い合わせ先の見出し\"
# quotes = [\"{TODO}電話番号や住所が書いてある行\"]"
    );
    o
}

// ---------------------------------------------------------------- the text files

/// Hints and comments in one language.
struct Words {
    title: fn(&str, &str) -> String,
    header: &'static str,
    optional: &'static str,
    example: &'static str,
    top: &'static str,
    contact: &'static str,
    contact_optional: [(&'static str, &'static str); 3],
    sections: &'static str,
    forms: &'static str,
    principles: &'static str,
}

fn words(lang: &str) -> Words {
    match lang {
        "ja" => Words {
            title: |id, src| format!("「{id}」の文章（日本語）。new-city が作った下書きです。根拠の指針: {src}"),
            optional: "次のセクションは、プロファイルで同じセクションのコメントを外したときだけ、ここもコメントを外して書きます。",
            header: "【要記入】で始まる値を、すべて書きかえます。= の左側（キー）は変えません。\n# 「例（共通版）」は、共通版での書き方の見本です。そのまま使わず、この市の指針に合わせて書きます。",
            example: "例（共通版）",
            top: "市の名前と、判定の根拠にする指針（題名・発行部署・発行年月は指針の表記のとおり）",
            contact: "相談窓口。部署名は指針や市の組織のとおりに書きます。\n# 住所・受付時間・提案の窓口は、指針に印刷されていれば、コメントを外して書きます\n# （書いたときは、ほかの言語のファイルにも書きます）。",
            contact_optional: [("address", "〒000-0000 〇〇市〇〇1-1 市役所2階"), ("hours", "平日 8時30分から17時15分まで"), ("proposal", "市長への手紙（広聴広報課）")],
            sections: "引用元の表示。label は、結果の画面で根拠として表示する章と見出しです（指針の表記のとおり）。",
            forms: "協働の形態。name は指針の呼び方、definition はその説明、caution は注意点です。",
            principles: "協働の原則。name は指針の呼び方、text はその説明（1〜2文）です。",
        },
        "ja-easy" => Words {
            title: |id, src| format!("「{id}」の文章（やさしい日本語）。new-city が作った下書きです。根拠の指針: {src}"),
            optional: "次のセクションは、プロファイルで同じセクションのコメントを外したときだけ、ここもコメントを外して書きます。",
            header: "やさしい日本語の文章。【要記入】で始まる値を、すべて書きかえます。= の左側（キー）は変えません。\n# きまり: 漢字には {漢字|かんじ} の形で必ず読みを付けます。1文は50字以内。\n# 「ございます」「いただく」「おります」「申し上げる」などは使いません。\n# 指針の題名・発行部署・発行年月・見出し（document, document_short, issuer, date, label）は、\n# 指針の表記のとおり漢字のままでかまいません。\n# 「例（共通版）」は、共通版での書き方の見本です。",
            example: "例（共通版）",
            top: "市の名前と、判定の根拠にする指針",
            contact: "相談窓口。住所・受付時間・提案の窓口は、日本語のファイルに書いたときだけ、コメントを外して書きます。",
            contact_optional: [("address", "〒000-0000 {〇〇市|まるまるし}{〇〇|まるまる}1-1 {市役所|しやくしょ}2{階|かい}"), ("hours", "{平日|へいじつ} 8{時|じ}30{分|ふん}から17{時|じ}15{分|ふん}まで"), ("proposal", "{市長|しちょう}への{手紙|てがみ}")],
            sections: "引用元の表示。label は章と見出し（漢字のままでよい）。summary は引用した文の内容を、やさしい日本語で短くまとめたものです。",
            forms: "協働の形態。name・definition・caution を、やさしい日本語で書きます。",
            principles: "協働の原則。name・text を、やさしい日本語で書きます。",
        },
        _ => Words {
            title: |id, src| format!("Texts of `{id}`, a draft made by new-city. The guideline: {src}"),
            optional: "Fill these sections (remove the \"# \") only where the profile uses the same section.",
            header: "Replace every value that starts with 【要記入】. Do not change the keys (left of =).\n# Keep the Japanese name of every term beside its English gloss, e.g. \"後援 (kōen: the city lends its name)\".\n# \"Example (general profile)\" shows how the general profile words the same text.",
            example: "Example (general profile)",
            top: "The city's name and the guideline the check follows",
            contact: "Where to ask. Fill address, hours and proposal (remove the \"# \") only if the Japanese file has them.",
            contact_optional: [("address", "〒000-0000 … (the address in Japanese, then in English)"), ("hours", "Weekdays 8:30–17:15"), ("proposal", "市長への手紙 (Letters to the Mayor)")],
            sections: "Citations. label: the chapter and heading as printed, in Japanese, then an English gloss. summary: what the quoted sentences say, in English.",
            forms: "Forms of 協働. name, definition and caution in English, keeping the Japanese term.",
            principles: "Principles of 協働. name and text in English.",
        },
    }
}

/// The hint after the marker, for a key (without the `p.<id>.` prefix).
fn hint(lang: &str, key: &str, plan: &Plan) -> String {
    let last = key.rsplit('.').next().unwrap_or(key);
    let group = key.split('.').next().unwrap_or("");
    let what = key.split('.').nth(1).and_then(|sid| plan.section(sid)).map(|s| s.what.clone());
    let ja = lang == "ja";
    let easy = lang == "ja-easy";
    let h = match (group, last) {
        ("name", _) if ja => "市の名前（例: 〇〇市）".to_string(),
        ("name", _) if easy => "{市|し}の{名前|なまえ}（{例|れい}: {〇〇市|まるまるし}）".to_string(),
        ("name", _) => "the city's name, then the Japanese name in brackets".to_string(),
        ("document", _) if ja || easy => "指針の題名（表紙のとおり）".to_string(),
        ("document", _) => "the guideline's title as printed, then an English gloss".to_string(),
        ("document_short", _) if ja || easy => "引用で使う短い題名".to_string(),
        ("document_short", _) => "a short title for citations (Japanese, then English)".to_string(),
        ("issuer", _) if ja || easy => "発行した部署（指針のとおり）".to_string(),
        ("issuer", _) => "the issuing department as printed, then in English".to_string(),
        ("date", _) if ja || easy => "発行年月（例: 令和6年4月）".to_string(),
        ("date", _) => "the date as printed, then in English".to_string(),
        ("summary", _) if ja => "この判定が何に沿っているかを1〜2文で".to_string(),
        ("summary", _) if easy => "この{判定|はんてい}が{何|なに}を{使|つか}うかを{短|みじか}く".to_string(),
        ("summary", _) => "one or two sentences: which guideline this check follows".to_string(),
        ("contact", "department") if ja => "相談窓口の部署名".to_string(),
        ("contact", "department") if easy => "{相談|そうだん}する{課|か}の{名前|なまえ}".to_string(),
        ("contact", "department") => "the department to ask, in Japanese and English".to_string(),
        ("contact", "how") if ja => "相談のしかた（例: 結果を印刷して窓口へ）".to_string(),
        ("contact", "how") if easy => "{相談|そうだん}のしかた".to_string(),
        ("contact", "how") => "how to ask (e.g. print this result and bring it)".to_string(),
        ("sections", "label") if ja || easy => format!("章と見出し（指針のとおり）: {}", what.map(|w| w.0).unwrap_or_default()),
        ("sections", "label") => format!("chapter and heading as printed, then in English: {}", what.map(|w| w.1).unwrap_or_default()),
        ("sections", "summary") if ja => format!("引用した文の要約: {}", what.map(|w| w.0).unwrap_or_default()),
        ("sections", "summary") if easy => "{引用|いんよう}した{文|ぶん}の{内容|ないよう}を{短|みじか}く".to_string(),
        ("sections", "summary") => format!("what the quoted sentences say: {}", what.map(|w| w.1).unwrap_or_default()),
        ("sections", "source") if ja || easy => "引用元の文書名".to_string(),
        ("sections", "source") => "the quoted document's name".to_string(),
        ("forms", "name") if ja => "形態の名前（指針の呼び方）".to_string(),
        ("forms", "name") if easy => "{形|かたち}の{名前|なまえ}".to_string(),
        ("forms", "name") => "the form's name: Japanese term, then English".to_string(),
        ("forms", "definition") if ja => "この形態の説明".to_string(),
        ("forms", "definition") if easy => "この{形|かたち}の{説明|せつめい}".to_string(),
        ("forms", "definition") => "what this form is".to_string(),
        ("forms", "caution") if ja => "この形態の注意点".to_string(),
        ("forms", "caution") if easy => "{気|き}をつけること".to_string(),
        ("forms", "caution") => "what to be careful about".to_string(),
        ("principles", "name") if ja => "原則の名前（指針の呼び方）".to_string(),
        ("principles", "name") if easy => "{原則|げんそく}の{名前|なまえ}".to_string(),
        ("principles", "name") => "the principle's name".to_string(),
        ("principles", "text") if ja => "原則の説明（1〜2文）".to_string(),
        ("principles", "text") if easy => "{原則|げんそく}の{説明|せつめい}".to_string(),
        ("principles", "text") => "the principle in one or two sentences".to_string(),
        _ if ja => "この文章を書きます".to_string(),
        _ if easy => "この{文|ぶん}を{書|か}きます".to_string(),
        _ => "write this text".to_string(),
    };
    format!("{TODO}{h}")
}

/// The general profile's text that corresponds to a key of the new profile.
fn example_key(plan: &Plan, key: &str) -> Option<String> {
    match key.split_once('.') {
        Some(("sections", rest)) => {
            let (sid, field) = rest.split_once('.')?;
            let ex = plan.section(sid)?.example.clone()?;
            Some(format!("sections.{ex}.{field}"))
        }
        _ => Some(key.to_string()),
    }
}

fn rank(field: &str) -> usize {
    // Top level: name … date, summary; sections: label, source, summary; forms: name,
    // definition, caution; principles: name, text; contact: department, how.
    const ORDER: [&str; 13] =
        ["name", "document", "document_short", "issuer", "date", "label", "source", "summary", "department", "how", "definition", "caution", "text"];
    ORDER.iter().position(|x| *x == field).unwrap_or(ORDER.len())
}

/// Groups keys into their TOML tables: "" (top level), "contact", "sections.<id>" …
fn tables(keys: &[String]) -> BTreeMap<String, Vec<String>> {
    let mut tables: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for key in keys {
        let (table, field) = key.rsplit_once('.').unwrap_or(("", key));
        tables.entry(table.to_string()).or_default().push(field.to_string());
    }
    for fields in tables.values_mut() {
        fields.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
    }
    tables
}

/// One table of a text file; `commented` writes it as comments, without examples.
#[allow(clippy::too_many_arguments)]
fn render_table(o: &mut String, c: &Content, plan: &Plan, lang: &str, w: &Words, table: &str, fields: &[String], commented: bool) {
    let p = if commented { "# " } else { "" };
    if !table.is_empty() {
        if let Some(s) = table.strip_prefix("sections.").and_then(|sid| plan.section(sid)) {
            let what = if lang == "ja" || lang == "ja-easy" { &s.what.0 } else { &s.what.1 };
            let _ = writeln!(o, "# {}: {what}", s.id);
        }
        let header: Vec<String> = table.split('.').map(k).collect();
        let _ = writeln!(o, "{p}[{}]", header.join("."));
    }
    for field in fields {
        let key = if table.is_empty() { field.clone() } else { format!("{table}.{field}") };
        if !commented {
            if let Some(ex) = example_key(plan, &key) {
                let text = c.profile_text(lang, &c.settings.common_profile, &ex);
                if !text.is_empty() && c.has_text(lang, &format!("p.{}.{ex}", c.settings.common_profile)) {
                    let _ = writeln!(o, "# {}: {}", w.example, one_line(text));
                }
            }
        }
        let _ = writeln!(o, "{p}{} = {}", k(field), q(&hint(lang, &key, plan)));
    }
}

fn text_file(c: &Content, plan: &Plan, id: &str, seed_file: &str, lang: &str, keys: &[String], optional: &[String]) -> String {
    let w = words(lang);
    let tables = tables(keys);
    // Table order: top level, contact, then sections, forms, principles as in the profile.
    let order = |t: &str| -> (usize, usize, String) {
        let (group, rest) = t.split_once('.').unwrap_or((t, ""));
        let pos = |prefix: &str| plan.sections.iter().position(|s| s.id == format!("{prefix}{rest}")).unwrap_or(usize::MAX);
        match group {
            "" => (0, 0, String::new()),
            "contact" => (1, 0, String::new()),
            "sections" => (2, plan.sections.iter().position(|s| s.id == rest).unwrap_or(usize::MAX), rest.to_string()),
            "forms" => (3, pos("form-"), rest.to_string()),
            "principles" => (4, pos("principle-"), rest.to_string()),
            _ => (5, 0, t.to_string()),
        }
    };
    let mut names: Vec<&String> = tables.keys().collect();
    names.sort_by_key(|t| order(t));
    let group_of = |t: &str| t.split_once('.').map(|(g, _)| g.to_string()).unwrap_or_else(|| t.to_string());

    let mut o = String::new();
    let _ = writeln!(o, "# {}", (w.title)(id, &format!("sources/{seed_file}")));
    let _ = writeln!(o, "# {}", w.header);
    for (i, t) in names.iter().enumerate() {
        let group = group_of(t);
        if i == 0 || group_of(names[i - 1]) != group {
            let intro = match group.as_str() {
                "" => Some(w.top),
                "contact" => Some(w.contact),
                "sections" => Some(w.sections),
                "forms" => Some(w.forms),
                "principles" => Some(w.principles),
                _ => None,
            };
            let _ = writeln!(o);
            if let Some(intro) = intro {
                let _ = writeln!(o, "# {intro}");
            }
        }
        render_table(&mut o, c, plan, lang, &w, t, &tables[t.as_str()], false);
        if group == "contact" {
            for (field, ex) in w.contact_optional {
                if !tables[t.as_str()].iter().any(|f| f == field) {
                    let _ = writeln!(o, "# {field} = {}", q(ex));
                }
            }
        }
        let last_of_sections = group == "sections" && names.get(i + 1).is_none_or(|n| group_of(n) != "sections");
        if last_of_sections && !optional.is_empty() {
            let _ = writeln!(o, "\n# {}", w.optional);
            let opt = self::tables(optional);
            let mut opt_names: Vec<&String> = opt.keys().collect();
            opt_names.sort_by_key(|t| plan.section(t.strip_prefix("sections.").unwrap_or(t)).map(|s| s.id == plan.contact.id));
            for t in opt_names {
                render_table(&mut o, c, plan, lang, &w, t, &opt[t.as_str()], true);
            }
        }
    }
    o
}
