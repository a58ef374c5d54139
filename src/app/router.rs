//! The widget's own hash router: the route on screen is state; the URL follows it.
//!
//! A step first renders, and only after the browser has painted it does the history get
//! its entry (and the new heading its focus, see `components::use_step`): both force
//! the browser to do work (`pushState`, layout) that would otherwise delay the new
//! question by several milliseconds on a slow phone. Links and the back and forward
//! buttons change the URL first; `hashchange`/`popstate` bring the route in step.
//! This replaces yew-router, whose generic routing cost the widget 27 KB of gzip (see
//! docs/performance.md).

pub use crate::route::Route;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Moves between steps. Cheap to clone; every handle is the same navigator.
#[derive(Clone)]
pub struct Nav {
    set: UseStateSetter<Route>,
}

impl PartialEq for Nav {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Nav {
    /// A new step: shown now, a history entry once painted (so Back returns here).
    pub fn push(&self, route: &Route) {
        self.go(route, false);
    }
    /// The same step under a better name (a redirect, a share link read): no new entry.
    pub fn replace(&self, route: &Route) {
        self.go(route, true);
    }
    fn go(&self, route: &Route, replace: bool) {
        self.set.set(route.clone());
        let hash = route.to_hash();
        // Relative to the document: path and query (the iframe's settings) stay.
        let write = move || {
            let Ok(history) = gloo::utils::window().history() else { return };
            let _ = if replace {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&hash))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&hash))
            };
        };
        if replace {
            // A redirect or a share link read is not the step the user waits for: the URL
            // changes at once (after any entry still to be written), so that a hashchange
            // already on its way cannot bring the old fragment back.
            run_queue();
            write();
        } else {
            after_paint(write);
        }
    }
}

#[hook]
pub fn use_nav() -> Nav {
    use_context::<Nav>().expect("inside Router")
}

#[hook]
pub fn use_route() -> Route {
    use_context::<Route>().expect("inside Router")
}

fn current() -> Route {
    // Rendered at build time (`prerender`), there is no URL: the start page.
    if !cfg!(target_arch = "wasm32") {
        return Route::Start;
    }
    Route::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    pub children: Html,
}

#[function_component(Router)]
pub fn router(props: &RouterProps) -> Html {
    let route = use_state_eq(current);
    {
        let set = route.setter();
        use_effect_with((), move |_| {
            // A link, the back or forward button, or a hand-edited URL.
            let cb = Closure::<dyn Fn()>::new(move || set.set(current()));
            let win = gloo::utils::window();
            let f = cb.as_ref().unchecked_ref::<js_sys::Function>();
            let _ = win.add_event_listener_with_callback("hashchange", f);
            let _ = win.add_event_listener_with_callback("popstate", f);
            move || {
                let f = cb.as_ref().unchecked_ref::<js_sys::Function>();
                let _ = win.remove_event_listener_with_callback("hashchange", f);
                let _ = win.remove_event_listener_with_callback("popstate", f);
            }
        });
    }
    let nav = Nav { set: route.setter() };
    html! {
        <ContextProvider<Nav> context={nav}>
            <ContextProvider<Route> context={(*route).clone()}>
                { props.children.clone() }
            </ContextProvider<Route>>
        </ContextProvider<Nav>>
    }
}

thread_local! {
    static QUEUE: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `job` just after the next paint, in order with other such jobs. The next frame's
/// callback schedules a task, which runs after that frame is drawn; a timer stands in
/// where frames do not come (a hidden tab).
pub fn after_paint(job: impl FnOnce() + 'static) {
    let first = QUEUE.with(|q| {
        let mut q = q.borrow_mut();
        q.push(Box::new(job));
        q.len() == 1
    });
    if !first {
        return;
    }
    let win = gloo::utils::window();
    let run = Closure::once_into_js(run_queue);
    let after_frame = Closure::once_into_js(move || {
        let _ = gloo::utils::window().set_timeout_with_callback(run.unchecked_ref());
    });
    let _ = win.request_animation_frame(after_frame.unchecked_ref());
    let fallback = Closure::once_into_js(run_queue);
    let _ = win.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 100);
}

fn run_queue() {
    // Jobs may queue more jobs: take them first, then run.
    let jobs = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
    for job in jobs {
        job();
    }
}
