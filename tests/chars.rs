//! The compact form's text coding (`model::chars`): any strings come back as they were,
//! and any bytes decode to strings or an error, never a panic.

use kyodo_check::model::chars;
use proptest::prelude::*;

#[test]
fn every_width_of_code_round_trips() {
    // More distinct characters than the one- and two-byte codes hold, so all three widths occur.
    let many: String = ('\u{3041}'..='\u{3096}').chain('\u{4E00}'..'\u{5E00}').collect();
    let strings = vec![String::new(), "ascii {市民|しみん} 🌸".into(), many];
    let (table, coded) = chars::encode(&strings);
    assert!(coded[2].len() < strings[2].len(), "coded {} vs UTF-8 {}", coded[2].len(), strings[2].len());
    assert!(coded[2].contains(&0xFF), "three-byte codes are used");
    let borrowed: Vec<&[u8]> = coded.iter().map(|c| c.as_slice()).collect();
    assert_eq!(chars::decode(&table, &borrowed).unwrap(), strings);
}

#[test]
fn a_code_cut_short_or_unknown_is_an_error() {
    let (table, _) = chars::encode(&["市民".into()]);
    assert!(chars::decode(&table, &[&[0x80, 0x81]]).is_ok());
    assert!(chars::decode(&table, &[&[0x82]]).is_err(), "not in the table");
    assert!(chars::decode(&table, &[&[0xF0]]).is_err(), "cut short");
    assert!(chars::decode(&table, &[&[0xFF, 0]]).is_err(), "cut short");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(2000), ..ProptestConfig::default() })]

    #[test]
    fn any_strings_round_trip(strings in prop::collection::vec(".{0,40}", 0..12)) {
        let (table, coded) = chars::encode(&strings);
        let borrowed: Vec<&[u8]> = coded.iter().map(|c| c.as_slice()).collect();
        prop_assert_eq!(chars::decode(&table, &borrowed).unwrap(), strings);
    }

    #[test]
    fn any_bytes_decode_or_fail_calmly(table in ".{0,300}", bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let _ = chars::decode(&table, &[&bytes]);
    }
}
