//! 協働チェック: the engine and content model (pure Rust, tested natively) and, when
//! compiled for the browser, the Yew user interface over them.

pub mod case;
pub mod cond;
pub mod config;
pub mod engine;
pub mod model;
pub mod route;
pub mod ruby;
#[cfg(not(target_arch = "wasm32"))]
pub mod scaffold;
pub mod session;
pub mod share;
pub mod validate;

pub mod embedded {
    /// Every content file, parsed by build.rs and stored compactly (see `Content::decode`).
    pub static CONTENT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bin"));

    /// The content build.rs compiled into the binary: parsed and checked at build time,
    /// so the browser only decodes a compact form (no TOML parser in the wasm).
    pub fn content() -> Result<crate::model::Content, Vec<crate::model::ContentError>> {
        crate::model::Content::decode(CONTENT)
    }
}

#[cfg(target_arch = "wasm32")]
pub mod app;

#[cfg(target_arch = "wasm32")]
pub use app::start;
