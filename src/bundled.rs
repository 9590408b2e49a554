//! The starter decks compiled into the binary (`decks/*.toml`, generated
//! from `decks/lessons/` by `rehearse lesson`), imported on the first
//! session so a fresh install has something real to review.

use std::path::Path;

use crate::error::Result;
use crate::storage::{Collection, ImportCounts};

/// (file name, content) of each bundled deck.
pub const DECKS: [(&str, &str); 3] = [
    (
        "learning-from-rejection.toml",
        include_str!("../decks/learning-from-rejection.toml"),
    ),
    (
        "behavioural-questions.toml",
        include_str!("../decks/behavioural-questions.toml"),
    ),
    (
        "negotiating-an-offer.toml",
        include_str!("../decks/negotiating-an-offer.toml"),
    ),
];

/// Imports every bundled deck, in one transaction.
pub fn import_all(collection: &mut Collection) -> Result<Vec<ImportCounts>> {
    let mut drafts = Vec::with_capacity(DECKS.len());
    for (name, text) in DECKS {
        drafts.push(crate::deck::parse(Path::new(name), text)?);
    }
    collection.import_file(&drafts, false, &|_| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_decks_parse_and_have_cards() {
        for (name, text) in DECKS {
            let deck = crate::deck::parse(Path::new(name), text).unwrap();
            assert!(
                deck.cards.len() >= 8,
                "{name} has {} cards",
                deck.cards.len()
            );
        }
    }
}
