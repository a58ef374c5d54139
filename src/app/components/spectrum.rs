//! The 自助・共助・公助 spectrum as an SVG picture with the idea's position, plus a text
//! equivalent (the picture is never the only way the band is told). SVG text cannot
//! hold <ruby>, so the picture uses plain text; the sentence below it carries the readings.

use crate::app::{content, Tr};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SpectrumProps {
    pub band: usize,
}

/// One band's width in SVG units; whole numbers throughout (no float formatting in the wasm).
const W: i32 = 64;

#[function_component(Spectrum)]
pub fn spectrum(props: &SpectrumProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let bands = &content().bands;
    let n = bands.len() as i32;
    let width = W * n;
    let marker_x = W * props.band as i32 + W / 2;
    html! {
        <figure class="kc-spectrum">
            // A margin around the picture leaves labels room when a reader widens text spacing.
            <svg class="kc-spectrum__svg" viewBox={format!("-12 0 {} 150", width + 24)} role="img"
                 aria-labelledby="kc-spectrum-title kc-spectrum-desc" focusable="false">
                <title id="kc-spectrum-title">{ tr.t("ui.spectrum_title") }</title>
                <desc id="kc-spectrum-desc">{ tr.f("ui.spectrum_position", &[("band", &tr.t(&format!("band.{}.name", bands[props.band])))]) }</desc>
                // The axis: 自助・共助 at the citizen end, 公助 at the city end.
                <line class="kc-spectrum__axis" x1="4" y1="14" x2={(width - 4).to_string()} y2="14" />
                <path class="kc-spectrum__axis-head" d={format!("M{} 8 L{} 14 L{} 20 Z", width - 10, width - 2, width - 10)} />
                <path class="kc-spectrum__axis-head" d="M10 8 L2 14 L10 20 Z" />
                <text class="kc-spectrum__end" x="4" y="34">{ tr.t("ui.spectrum_self") }</text>
                <text class="kc-spectrum__end" x={(width - 4).to_string()} y="34" text-anchor="end">{ tr.t("ui.spectrum_public") }</text>
                // The 協働 zone spans the middle three bands.
                <rect class="kc-spectrum__zone" x={W.to_string()} y="42" width={(W * 3).to_string()} height="16" rx="3" />
                <text class="kc-spectrum__zone-label" x={(W * 5 / 2).to_string()} y="54" text-anchor="middle">{ tr.t("ui.spectrum_zone") }</text>
                { for bands.iter().enumerate().map(|(i, b)| {
                    let x = W * i as i32;
                    let on = i == props.band;
                    let class = if on { "kc-spectrum__band kc-spectrum__band--on" } else { "kc-spectrum__band" };
                    let name = tr.t(&format!("band.{b}.name"));
                    // A name with a gloss ("市民主導 (citizen-led)") is too wide for a band:
                    // the term on one line, the gloss smaller below it.
                    let (term, gloss) = match name.split_once(" (") {
                        Some((t, g)) => (t.to_string(), Some(g.trim_end_matches(')').to_string())),
                        None => (name, None),
                    };
                    let term_y = if gloss.is_some() { "83" } else { "89" };
                    html! {
                        <g class={class}>
                            <rect x={(x + 2).to_string()} y="62" width={(W - 4).to_string()} height="44" rx="4" />
                            <text x={(x + W / 2).to_string()} y={term_y} text-anchor="middle">{ term }</text>
                            if let Some(g) = gloss {
                                <text class="kc-spectrum__gloss" x={(x + W / 2).to_string()} y="97" text-anchor="middle">{ g }</text>
                            }
                        </g>
                    }
                }) }
                <path class="kc-spectrum__marker" d={format!("M{} 110 L{} 122 L{} 122 Z", marker_x, marker_x - 8, marker_x + 8)} />
                <text class="kc-spectrum__marker-label" x={marker_x.clamp(40, width - 40).to_string()} y="142" text-anchor="middle">{ tr.t("ui.spectrum_here") }</text>
            </svg>
        </figure>
    }
}
