//! Renders the start page of every profile (and of the chooser) in every language, with
//! the widget's own components and yew's server-side rendering, natively, at build time
//! (issue #20): scripts/post-build.mjs puts each into a page of its own
//! (`dist/<city>/<lang>/index.html`) and a snippet for direct mounts, so the start page
//! is on screen before any wasm arrives. It is rendered from the shell, as the widget
//! first renders it in the browser.
//!
//! Usage: `cargo run --features prerender --bin prerender -- <out-dir>`; writes
//! `<out-dir>/<profile or all>.<lang>.html`, the same with `.failed.html` (the page when
//! the widget's code cannot be loaded) and `<out-dir>/pages.json`.

use kyodo_check::app::load::Problem;
use kyodo_check::app::{App, AppProps, Config, Tr};
use std::path::PathBuf;

fn main() {
    let out = PathBuf::from(std::env::args().nth(1).expect("usage: prerender <out-dir>"));
    std::fs::create_dir_all(&out).expect("the out dir");
    let shell = kyodo_check::embedded::shell().expect("the shell decodes");
    let mut pages = Vec::new();
    let profiles = shell.profiles.iter().map(|p| Some(p.id.clone())).chain([None]);
    for profile in profiles {
        for lang in &shell.languages {
            let config = Config { profile: profile.clone(), lang: lang.code.clone(), chooser: true, staff: true, title: true, ..Default::default() };
            let render = |failed| {
                let props = AppProps { config: config.clone(), early: Default::default(), failed };
                futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).hydratable(false).render())
            };
            let html = render(None);
            // The same page when the widget's code cannot be loaded: the loader shows its
            // message (with the counter's contact) in place of the start button.
            let failed = render(Some(Problem::Code));
            let tr = Tr { lang: lang.code.clone() };
            let title = format!("{} - {}", tr.plain("ui.start_heading"), tr.plain("ui.app_title"));
            let stem = profile.as_deref().unwrap_or("all");
            let file = format!("{stem}.{}.html", lang.code);
            std::fs::write(out.join(&file), html).expect("write");
            let failed_file = format!("{stem}.{}.failed.html", lang.code);
            std::fs::write(out.join(&failed_file), failed).expect("write");
            pages.push(format!(
                "{{\"profile\":{},\"lang\":{:?},\"html_lang\":{:?},\"title\":{:?},\"file\":{file:?},\"failed_file\":{failed_file:?}}}",
                profile.as_ref().map_or("null".to_string(), |p| format!("{p:?}")),
                lang.code,
                lang.html_lang,
                title
            ));
        }
    }
    std::fs::write(out.join("pages.json"), format!("[\n{}\n]\n", pages.join(",\n"))).expect("write");
    println!("prerender: {} start pages into {}", pages.len(), out.display());
}
