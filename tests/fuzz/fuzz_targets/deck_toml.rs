//! The TOML deck reader: any text gives a deck or a located error, never a
//! panic; a deck that parses writes back to text that parses to the same cards.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use rehearse::deck;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.toml");
    if let Ok(draft) = deck::parse(path, text) {
        let file = deck::DeckFile {
            name: draft.name.clone(),
            description: draft.description.clone(),
            cards: deck::entries_from_cards(&draft.cards),
        };
        let again = deck::parse(path, &deck::write(&file))
            .unwrap_or_else(|e| panic!("written deck does not parse: {e}"));
        assert_eq!(again, draft, "deck changed through write + parse");
    }
});
