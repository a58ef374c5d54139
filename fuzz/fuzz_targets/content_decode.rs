//! A content file's body (`dist/content/*.bin` after its header, issue #20): it comes
//! over the network, so `Content::decode` must never panic on any bytes, and what it
//! decodes must encode and decode again to the same content.
#![no_main]

use kyodo_check::model::Content;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(c) = Content::decode(data) else { return };
    let again = Content::decode(&c.encode()).expect("what decoded encodes and decodes again");
    assert!(again == c, "a second round trip changed the content");
});
