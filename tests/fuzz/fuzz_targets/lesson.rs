//! The lesson generator on any text: a deck or an error, never a panic, and
//! the deck it makes always reads back through the TOML reader with the
//! cards it describes.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use rehearse::{deck, lesson};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(generated) = lesson::generate(Path::new("fuzz.md"), text) else {
        return;
    };
    let written = deck::write(&generated);
    let parsed = deck::parse(Path::new("generated.toml"), &written)
        .unwrap_or_else(|e| panic!("generated deck does not parse: {e}\n{written}"));
    assert_eq!(parsed.name, generated.name);
    assert_eq!(
        deck::entries_from_cards(&parsed.cards),
        generated.cards,
        "generated deck changed through write + parse"
    );
});
