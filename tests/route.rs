//! The step routes read from and written to the URL fragment: every step round-trips,
//! and any other fragment (a hand-typed one, an old bookmark) is a route, never a panic.

#![cfg(not(target_arch = "wasm32"))]
use kyodo_check::route::Route;
use kyodo_check::session::Page;
use proptest::prelude::*;

#[test]
fn each_step_round_trips_through_its_fragment() {
    for r in [Route::Start, Route::Question("open_to".into()), Route::Check, Route::Result, Route::Accessibility, Route::PanicCheck] {
        assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
    }
    assert_eq!(Route::Question("role".into()).to_hash(), "#/q/role");
}

#[test]
fn fragments_the_browser_may_hand_over() {
    for (hash, want) in [
        ("", Route::Start),
        ("#", Route::Start),
        ("#/", Route::Start),
        ("/q/role", Route::Question("role".into())),
        ("#/q/role/", Route::Question("role".into())),
        ("#/q/role?utm=x", Route::Question("role".into())),
        ("#/check/", Route::Check),
        ("#/result", Route::Result),
        ("#/s/k1!tomakomai!role:npo", Route::Share),
        ("#/s/%E3%81%82", Route::Share),
        ("#/s/", Route::Share),
        ("#/q/", Route::NotFound),
        ("#/q/Role", Route::NotFound),
        ("#/q/role/extra", Route::NotFound),
        ("#/q/<script>", Route::NotFound),
        ("#kc-main", Route::NotFound),
        ("#/nothing", Route::NotFound),
    ] {
        assert_eq!(Route::parse(hash), want, "{hash:?}");
    }
}

#[test]
fn a_page_has_its_route() {
    assert_eq!(Route::of(&Page::Question("idea".into())), Route::Question("idea".into()));
    assert_eq!(Route::of(&Page::Start).to_hash(), "#/");
    assert_eq!(Route::of(&Page::Check).to_hash(), "#/check");
    assert_eq!(Route::of(&Page::Result).to_hash(), "#/result");
}

proptest! {
    #[test]
    fn any_fragment_parses_and_what_is_written_reads_back(hash in ".{0,80}") {
        let r = Route::parse(&hash);
        // Writing it and reading it again is stable (Share and NotFound write the start page).
        let again = Route::parse(&r.to_hash());
        match r {
            Route::Share | Route::NotFound => prop_assert_eq!(again, Route::Start),
            _ => prop_assert_eq!(again, r),
        }
    }
}
