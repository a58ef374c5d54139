//! A QR code of the share link, computed in the browser and drawn as SVG paths (no
//! image, no request), so a citizen can take the result home from the counter screen.

use crate::app::Tr;
use qrcode::{Color, EcLevel, QrCode};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrProps {
    pub data: String,
}

#[function_component(Qr)]
pub fn qr(props: &QrProps) -> Html {
    let tr = use_context::<Tr>().expect("Tr");
    let Ok(code) = QrCode::with_error_correction_level(props.data.as_bytes(), EcLevel::L) else {
        return html! { <p>{ tr.html("ui.qr_too_long") }</p> };
    };
    let w = code.width();
    let mut d = String::new();
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == Color::Dark {
            d.push_str(&format!("M{} {}h1v1h-1z", i % w + 4, i / w + 4));
        }
    }
    let size = w + 8; // four modules of quiet zone on each side
    html! {
        <svg class="kc-qr" viewBox={format!("0 0 {size} {size}")} role="img" aria-label={tr.plain("ui.qr_label")}
             shape-rendering="crispEdges" focusable="false">
            // Colours as attributes so the code reads wherever the SVG is copied to.
            <rect class="kc-qr__bg" fill="#ffffff" width={size.to_string()} height={size.to_string()} />
            <path class="kc-qr__fg" fill="#000000" d={d} />
        </svg>
    }
}
