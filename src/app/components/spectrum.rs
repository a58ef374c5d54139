//! The 自助・共助・公助 spectrum as a picture: the five bands from the citizens' end to
//! the city's, the 協働 zone around the middle three, and the idea's band marked. It is
//! an HTML list drawn with CSS, so its labels take readings (ruby) in やさしい日本語, grow
//! with the reader's text size and stay at least as large as the text around them; a
//! screen reader hears it as the list it is, with the current band named.

use crate::app::{content, Tr};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpectrumProps {
    pub band: usize,
}

#[function_component(Spectrum)]
pub fn spectrum(props: &SpectrumProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let bands = &content().bands;
    let last = bands.len().saturating_sub(1);
    html! {
        <figure class="kc-spectrum" aria-labelledby="kc-spectrum-title">
            // The fold's heading already says it on screen; the figure keeps it as its name.
            <figcaption class="kc-spectrum__title kc-vh" id="kc-spectrum-title">{ tr.html("ui.spectrum_title") }</figcaption>
            <p class="kc-spectrum__end kc-spectrum__end--self" aria-hidden="true">{ tr.html("ui.spectrum_self") }</p>
            <ol class="kc-spectrum__bands">
                { for bands.iter().enumerate().map(|(i, b)| {
                    let on = i == props.band;
                    // The 協働 zone: every band but the two ends.
                    let zone = i > 0 && i < last;
                    html! {
                        <li class={classes!("kc-spectrum__band", on.then_some("kc-spectrum__band--on"), zone.then_some("kc-spectrum__band--zone"))}
                            aria-current={on.then_some("true")} data-band={b.clone()}>
                            <span class="kc-spectrum__name">{ tr.html(&format!("band.{b}.name")) }</span>
                            if on { <span class="kc-spectrum__here">{ tr.html("ui.spectrum_here") }</span> }
                            if zone && i == 1 { <span class="kc-spectrum__zone-label">{ tr.html("ui.spectrum_zone") }</span> }
                        </li>
                    }
                }) }
            </ol>
            <p class="kc-spectrum__end kc-spectrum__end--public" aria-hidden="true">{ tr.html("ui.spectrum_public") }</p>
        </figure>
    }
}
