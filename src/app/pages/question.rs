//! One question per page (GOV.UK question-page pattern): the question is the page
//! heading and the legend; native radios or checkboxes, none preselected; why we ask;
//! the terms explained where they appear; an error summary when nothing is chosen.

use crate::app::router::use_nav;
use crate::app::components::error_summary::ErrorSummary;
use crate::app::components::use_step;
use crate::app::{content, rich, Action, Route, StoreHandle, Tr};
use crate::engine::is_valid;
use crate::model::Kind;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub id: String,
}

#[derive(Default)]
struct OnScreen {
    id: String,
    draft: Vec<String>,
    error: bool,
}

#[function_component(QuestionPage)]
pub fn question_page(props: &QuestionPageProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let store = use_context::<StoreHandle>().expect("store");
    let nav = use_nav();
    let c = content();
    let q = c.question(&props.id).expect("the guard only shows known questions");
    // The choice on screen and whether the error shows. The page stays mounted from one
    // question to the next, so a question coming on screen starts afresh: from its saved
    // answer (Back shows what was chosen) and without an error.
    let screen = use_mut_ref(OnScreen::default);
    let redraw = use_force_update();
    if screen.borrow().id != q.id {
        let draft = store.session.answers.get(&q.id).cloned().unwrap_or_default();
        *screen.borrow_mut() = OnScreen { id: q.id.clone(), draft, error: false };
    }
    let (draft, error) = {
        let s = screen.borrow();
        (s.draft.clone(), s.error)
    };
    // Staff planning their own section's project read the questions about the partner
    // in their own voice (questions.toml `[[voice]]`).
    let voice = store.session.voice(c, &q.id);
    let title = tr.raw(&tr.q(&q.id, voice, "title"));
    use_step(crate::ruby::plain(&title), error);

    let multi = q.kind == Kind::Multi;
    let error_key = if multi { "ui.error_choose_multi" } else { "ui.error_choose_one" };
    let input_id = |o: &str| format!("kc-{}-{}", q.id, o);

    let onsubmit = {
        let (store, screen, redraw, nav) = (store.clone(), screen.clone(), redraw.clone(), nav.clone());
        let qid = q.id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let q = content().question(&qid).expect("known question");
            let draft = screen.borrow().draft.clone();
            if !is_valid(q, &draft) {
                screen.borrow_mut().error = true; // the choice on screen stays as it is
                redraw.force_update();
                return;
            }
            // Where to go is decided on the session as it will be after this answer.
            let mut next = store.session.clone();
            next.answer(content(), &qid, draft.clone());
            store.dispatch(Action::Answer { question: qid.clone(), chosen: draft });
            nav.push(&Route::of(&next.next_page(content())));
        })
    };

    let back = store.session.previous(c, &q.id).map_or("#/".to_string(), |p| format!("#/q/{p}"));
    let hint_key = tr.q(&q.id, voice, "hint");
    let hint = c.has_text(&tr.lang, &hint_key).then(|| tr.html(&hint_key));
    let described = {
        let mut ids = vec![format!("kc-{}-why", q.id)];
        if hint.is_some() {
            ids.push(format!("kc-{}-hint", q.id));
        }
        if error {
            ids.push(format!("kc-{}-error", q.id));
        }
        ids.join(" ")
    };
    let first_id = q.options.first().map(|o| input_id(&o.id)).unwrap_or_default();
    let progress = c.profile(store.session.profile.as_deref().unwrap_or_default()).map(|p| crate::engine::Engine::new(c, p).progress(&store.session.answers, &q.id));

    html! {
        <>
            <a class="kc-back" href={back}>{ tr.html("ui.back") }</a>
            <main class="kc-main" id="kc-main" tabindex="-1">
                if error {
                    <ErrorSummary errors={vec![(first_id, tr.raw(error_key))]} />
                }
                if let Some((pos, total)) = progress.filter(|(pos, _)| *pos > 0) {
                    <p class="kc-progress" id="kc-progress">{ tr.html_with("ui.progress", &[("n", &pos.to_string()), ("total", &total.to_string())]) }</p>
                }
                <form novalidate=true {onsubmit} data-question={q.id.clone()} data-voice={voice.map(str::to_string)}>
                    <div class={classes!("kc-form-group", error.then_some("kc-form-group--error"))}>
                        <fieldset class="kc-fieldset" aria-describedby={described}>
                            <legend class="kc-legend">
                                // A new heading element per question: focusing it is what makes a screen
                                // reader read the new question out.
                                <h1 key={q.id.clone()} class="kc-h1 kc-h1--question" tabindex="-1">{ rich(&title) }</h1>
                            </legend>
                            <p class="kc-why" id={format!("kc-{}-why", q.id)}>
                                <span class="kc-why__label">{ tr.html("ui.why_label") }</span>{ tr.html(&tr.q(&q.id, voice, "why")) }
                            </p>
                            if let Some(h) = hint {
                                <p class="kc-hint" id={format!("kc-{}-hint", q.id)}>{ h }</p>
                            }
                            if error {
                                <p class="kc-error-message" id={format!("kc-{}-error", q.id)}>
                                    <span class="kc-vh">{ tr.html("ui.error_prefix") }</span>{ tr.html(error_key) }
                                </p>
                            }
                            <div class={if multi { "kc-checkboxes" } else { "kc-radios" }}>
                            { for q.options.iter().map(|o| {
                                let id = input_id(&o.id);
                                let checked = draft.contains(&o.id);
                                let onchange = {
                                    let (screen, redraw, oid, exclusive) = (screen.clone(), redraw.clone(), o.id.clone(), o.exclusive);
                                    let q = q.clone();
                                    Callback::from(move |e: Event| {
                                        let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                                        let mut next: Vec<String> = if multi { screen.borrow().draft.clone() } else { Vec::new() };
                                        if on {
                                            // "None of these" stands alone; ticking anything else clears it.
                                            if exclusive {
                                                next.clear();
                                            } else {
                                                next.retain(|x| q.option(x).is_some_and(|o| !o.exclusive));
                                            }
                                            if !next.contains(&oid) {
                                                next.push(oid.clone());
                                            }
                                        } else {
                                            next.retain(|x| x != &oid);
                                        }
                                        screen.borrow_mut().draft = next;
                                        redraw.force_update();
                                    })
                                };
                                let (wrap, input_class) = if multi { ("kc-checkbox", "kc-checkbox__input") } else { ("kc-radio", "kc-radio__input") };
                                let ohint_key = tr.q(&q.id, voice, &format!("oh.{}", o.id));
                                let has_hint = c.has_text(&tr.lang, &ohint_key);
                                // Keyed per question: an input never carries over to the next
                                // question (nor keeps the focus a keyboard user pressed Enter in).
                                html! {
                                    <key={format!("{}-{}", q.id, o.id)}>
                                        if o.exclusive { <p class="kc-or">{ tr.html("ui.or") }</p> }
                                        <div class={wrap}>
                                            // Named by its label alone; the hint is its description (as GOV.UK's radios).
                                            <input class={input_class} type={if multi { "checkbox" } else { "radio" }}
                                                id={id.clone()} name={format!("kc-{}", q.id)} value={o.id.clone()}
                                                aria-describedby={has_hint.then(|| format!("{id}-hint"))}
                                                {checked} {onchange} />
                                            <label class={if multi { "kc-checkbox__label" } else { "kc-radio__label" }} for={id.clone()}>
                                                { tr.html(&tr.q(&q.id, voice, &format!("o.{}", o.id))) }
                                            </label>
                                            if has_hint {
                                                <p class="kc-radio__hint" id={format!("{id}-hint")}>{ tr.html(&ohint_key) }</p>
                                            }
                                        </div>
                                    </>
                                }
                            }) }
                            </div>
                        </fieldset>
                    </div>
                    { for q.glossary.iter().map(|g| html! {
                        // Keyed: an explanation opened on one question is not left open on the next.
                        <details key={format!("{}-{g}", q.id)} class="kc-details">
                            <summary class="kc-details__summary">{ tr.html_with("ui.glossary_summary", &[("term", &tr.raw(&format!("glossary.{g}.term")))]) }</summary>
                            <div class="kc-details__text">{ tr.html(&format!("glossary.{g}.text")) }</div>
                        </details>
                    }) }
                    <button type="submit" class="kc-button">{ tr.html("ui.continue") }</button>
                </form>
            </main>
        </>
    }
}
