//! Text search for `cards --search` (README.md, "Finding cards"): a card
//! matches when the query is part of its front, back or tags, whatever
//! the case and the accents (`resume` finds "Résumé").
//!
//! Folding decomposes each character (Unicode NFKD, from the
//! `unicode-normalization` crate, which also makes ligatures and
//! full-width forms plain), drops the combining marks the accents become,
//! and lowercases what is left.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::card::Card;

/// `text` without accents, in lowercase: what searches compare.
pub fn fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a card's front, back or tags hold `folded_query` (already
/// [`fold`]ed).
pub fn card_matches(card: &Card, folded_query: &str) -> bool {
    let draft = &card.draft;
    fold(&draft.front).contains(folded_query)
        || fold(&draft.back).contains(folded_query)
        || draft.tags.iter().any(|t| fold(t).contains(folded_query))
}

/// Whether a card has tag `tag` or one of its children (`tag::child`, as
/// Anki's hierarchical tags), the case of letters aside.
pub fn has_tag(card: &Card, tag: &str) -> bool {
    card.draft
        .tags
        .iter()
        .any(|t| super::decks::in_tree(t, tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Résumé"), "resume");
        assert_eq!(fold("ÇA VA"), "ca va");
        assert_eq!(fold("ﬁnal"), "final");
        assert_eq!(fold("Straße"), "straße");
        assert!(fold("Über den Zaun").contains(&fold("uber")));
    }
}
