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
    /// The native tools and tests use it; the widget's wasm does not (it carries only the
    /// shell, and downloads its profile's file), so the linker leaves it out there.
    pub static CONTENT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/content.bin"));

    /// The content build.rs compiled into the binary: parsed and checked at build time,
    /// so the browser only decodes a compact form (no TOML parser in the wasm).
    pub fn content() -> Result<crate::model::Content, Vec<crate::model::ContentError>> {
        crate::model::Content::decode(CONTENT)
    }

    /// What the widget carries itself (`Content::shell`): the start page, the chooser
    /// and the calm message when a file cannot be read need nothing else.
    pub static SHELL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/shell.bin"));

    pub fn shell() -> Result<crate::model::Content, Vec<crate::model::ContentError>> {
        crate::model::Content::decode(SHELL)
    }

    /// The files build.rs wrote beside the build (copied into dist/content/ by the
    /// post-build hook): `BUILD`, and `FILES` as (profile, path under dist/).
    pub mod files {
        include!(concat!(env!("OUT_DIR"), "/files.rs"));

        /// The file a page needs: its profile's, or with none fixed (the chooser), the
        /// one with every profile. Fixed by the embed settings alone.
        pub fn for_profile(profile: Option<&str>) -> Option<&'static str> {
            let want = profile.unwrap_or("");
            FILES.iter().find(|(p, _)| *p == want).map(|(_, f)| *f)
        }
    }
}

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod app;

#[cfg(target_arch = "wasm32")]
pub use app::start;
