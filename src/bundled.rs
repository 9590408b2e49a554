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

/// The config row naming the starter decks the user deleted or renamed:
/// the first-run import never brings them back (README.md, "Managing
/// cards and decks").
pub const REMOVED_KEY: &str = "starter_decks_removed";

/// The names of the bundled decks.
pub fn deck_names() -> Vec<String> {
    DECKS
        .iter()
        .filter_map(|(file, text)| crate::deck::parse(Path::new(file), text).ok())
        .map(|deck| deck.name)
        .collect()
}

/// Imports every bundled deck the user has not deleted or renamed, in one
/// transaction.
pub fn import_all(collection: &mut Collection) -> Result<Vec<ImportCounts>> {
    let removed = collection.noted_names(REMOVED_KEY)?;
    let mut drafts = Vec::with_capacity(DECKS.len());
    for (name, text) in DECKS {
        let deck = crate::deck::parse(Path::new(name), text)?;
        if !removed.contains(&deck.name) {
            drafts.push(deck);
        }
    }
    if drafts.is_empty() {
        return Ok(Vec::new());
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
