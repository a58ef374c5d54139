//! YEW FLOOR for bench/run.mjs: bench/floor/floor.js line for line, in Yew. The same
//! texts, options, selectors and step (replace the question; once it is painted, push
//! `#/q/<next>`, set the title, focus the new h1). No content decoding, no router, no
//! store: only what the framework itself costs.
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

struct Q {
    id: &'static str,
    title: &'static str,
    why: &'static str,
    options: &'static [(&'static str, &'static str)],
}

// In the order of the bench flow (texts from content/text/ja/common.toml).
static QS: &[Q] = &[
    Q {
        id: "role",
        title: "あなたは、どの立場で取り組みますか？",
        why: "立場によって、協働の相手方として確かめることが変わるためです。",
        options: &[
            ("individual", "市民個人"),
            ("neighbourhood", "町内会・自治会"),
            ("npo", "市民活動団体・NPO・ボランティア団体"),
            ("business", "企業・事業者"),
            ("school", "大学・学校・研究機関"),
            ("staff", "市の職員（自分の課の事業を考えている）"),
        ],
    },
    Q {
        id: "idea",
        title: "あなたの考えに一番近いものはどれですか？",
        why: "「協働」は、市民と市がそれぞれ役割と責任を持って一緒に取り組むことです。参加することや、市にお願いすることとは分けて考えます。",
        options: &[
            ("join", "市や団体の催し・事業に、参加者や利用者として加わりたい"),
            ("together", "企画や運営から関わり、市（または他の団体）と役割を分けて一緒に取り組みたい"),
            ("request", "市に取り組んでほしい（自分たちは実施に加わらない）"),
            ("own", "市の支えは受けず、自分や仲間、地域だけで取り組みたい"),
            ("unsure", "わからない"),
        ],
    },
    Q {
        id: "partner",
        title: "だれと一緒に取り組みますか？",
        why: "市の指針によって、市民どうし・団体どうしの協力を協働に含めるかどうかが違うためです。",
        options: &[
            ("city", "市（市役所の担当課）と"),
            ("others", "市以外の団体や市民と（市は関わらない）"),
            ("undecided", "まだ決めていない"),
        ],
    },
    Q {
        id: "purpose",
        title: "その取り組みの一番の目的は何ですか？",
        why: "協働は、地域や社会の課題を解決するための方法です。目的によっては、市が協働の相手になれません。",
        options: &[
            ("public", "地域や社会の課題を解決すること（広く人の役に立つこと）"),
            ("fellowship", "会員や仲間どうしの楽しみや交流"),
            ("profit", "自分たちの会社やお店の営業・宣伝"),
            ("religious_political", "宗教活動、政治活動、選挙に関すること"),
            ("unsure", "わからない"),
        ],
    },
    Q {
        id: "open_to",
        title: "だれが参加したり、利用したりできますか？",
        why: "特定の人だけのための取り組みは、市が一緒に取り組む理由が弱くなるためです。",
        options: &[
            ("anyone", "だれでも（広く市民に開かれている）"),
            ("members", "会員や特定の人だけ"),
            ("unsure", "わからない"),
        ],
    },
    Q {
        id: "synergy",
        title: "一緒に取り組むと、別々に行うより大きな成果が見込めますか？",
        why: "協働の目的は、互いの強みを組み合わせて、単独よりも良い成果を生むことです。",
        options: &[
            ("yes", "はい。互いの強み（知識、人手、場所、情報など）を生かせる"),
            ("cost", "主に市の費用や手間を減らすため"),
            ("unsure", "わからない"),
        ],
    },
];

/// As the widget (src/app/router.rs) and floor.js: the next frame, then a task.
fn after_paint(job: impl FnOnce() + 'static) {
    let frame = Closure::once_into_js(move || {
        let task = Closure::once_into_js(job);
        let _ = web_sys::window().unwrap().set_timeout_with_callback(task.unchecked_ref());
    });
    let _ = web_sys::window().unwrap().request_animation_frame(frame.unchecked_ref());
}

fn push(hash: String) {
    let _ = web_sys::window().unwrap().history().unwrap().push_state_with_url(&JsValue::NULL, "", Some(&hash));
}

#[derive(Properties, PartialEq)]
struct QuestionProps {
    index: usize,
    answer: Option<&'static str>,
    on_answer: Callback<(usize, &'static str)>,
}

#[function_component]
fn Question(props: &QuestionProps) -> Html {
    let q = &QS[props.index];
    let draft = use_state(|| props.answer);
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.index, move |_| {
            after_paint(move || {
                web_sys::window().unwrap().document().unwrap().set_title(&format!("{} - 協働チェック", q.title));
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            });
        });
    }
    let onsubmit = {
        let draft = draft.clone();
        let on_answer = props.on_answer.clone();
        let index = props.index;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(v) = *draft {
                on_answer.emit((index, v));
            }
        })
    };
    let why = format!("kc-{}-why", q.id);
    html! {
        <form novalidate=true {onsubmit}>
            <fieldset class="kc-fieldset" aria-describedby={why.clone()}>
                <legend class="kc-legend"><h1 class="kc-h1" tabindex="-1" ref={heading}>{ q.title }</h1></legend>
                <p class="kc-why" id={why}>{ q.why }</p>
                <div class="kc-radios">
                    { for q.options.iter().map(|&(value, label)| {
                        let id = format!("kc-{}-{}", q.id, value);
                        let onchange = { let draft = draft.clone(); Callback::from(move |_: Event| draft.set(Some(value))) };
                        html! {
                            <div class="kc-radio">
                                <input type="radio" class="kc-radio__input" id={id.clone()} name={format!("kc-{}", q.id)}
                                    value={value} checked={*draft == Some(value)} {onchange} />
                                <label for={id} class="kc-radio__label">{ label }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
            <button type="submit" class="kc-button">{ "次へ進む" }</button>
        </form>
    }
}

#[function_component]
fn App() -> Html {
    // None: the start page; Some(i): question i.
    let page = use_state(|| None::<usize>);
    let answers = use_state(|| vec![None::<&'static str>; QS.len()]);
    {
        let page = page.clone();
        use_effect_with((), move |_| {
            // Back/forward between questions (the start page itself is not re-rendered).
            let listener = Closure::<dyn Fn()>::new(move || {
                let hash = web_sys::window().unwrap().location().hash().unwrap_or_default();
                if let Some(i) = hash.strip_prefix("#/q/").and_then(|id| QS.iter().position(|q| q.id == id)) {
                    page.set(Some(i));
                }
            });
            let window = web_sys::window().unwrap();
            let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
            listener.forget();
        });
    }
    match *page {
        None => {
            let onclick = {
                let page = page.clone();
                Callback::from(move |_: MouseEvent| {
                    page.set(Some(0));
                    after_paint(|| push(format!("#/q/{}", QS[0].id)));
                })
            };
            html! {
                <>
                    <h1 class="kc-h1">{ "協働チェック" }</h1>
                    <p class="kc-lead">{ "市民と市が一緒に取り組む「協働」を考えている方のための、かんたんな確認です。市の窓口に相談する前に使えます。" }</p>
                    <button type="button" class="kc-button kc-button--start" {onclick}>{ "確認を始める" }</button>
                </>
            }
        }
        Some(index) => {
            let on_answer = {
                let page = page.clone();
                let answers = answers.clone();
                Callback::from(move |(i, v): (usize, &'static str)| {
                    if i + 1 >= QS.len() {
                        return;
                    }
                    let mut next = (*answers).clone();
                    next[i] = Some(v);
                    answers.set(next);
                    page.set(Some(i + 1));
                    after_paint(move || push(format!("#/q/{}", QS[i + 1].id)));
                })
            };
            html! { <Question key={QS[index].id} {index} answer={answers[index]} {on_answer} /> }
        }
    }
}

fn main() {
    let root = web_sys::window().unwrap().document().unwrap().get_element_by_id("kc-main").unwrap();
    yew::Renderer::<App>::with_root(root).render();
}
