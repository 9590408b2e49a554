//! Lists of items that each name their idea in bold mid-sentence ("…as we
//! believe in **open data**…"): each item is a tip headed by its term (see
//! docs/lessons.md, "Lists of tips").

use super::lists::ItemMark;
use crate::lesson::language::{Pos, analyse};
use crate::lesson::text::{capitalise, word_count};

/// Fewest words of an item named by the term it sets in bold.
const TERMED_ITEM_WORDS: usize = 12;

/// Most words of a term in bold that names its item.
const TERM_WORDS: usize = 6;

/// "It **catches mistakes early**": words in bold that open with the
/// item's verb say what its subject does; they name no idea.
fn predicate(text: &str, term: &str) -> bool {
    let Some(at) = text.find(term) else {
        return false;
    };
    analyse(text)
        .words
        .iter()
        .find(|w| w.start == at)
        .is_some_and(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
}

/// "1. Every result comes with its data, as we believe in **open data**…":
/// a list of three items or more, each a sentence or more that sets one
/// short phrase in bold, the idea it explains. Each item is a tip named by
/// its term, its whole text the answer. (Bold words scattered through
/// steps or glosses make no such list: one term an item, in every item.)
pub(super) fn termed_tips(l: &[&ItemMark]) -> Option<Vec<(String, String)>> {
    if l.len() < 3 {
        return None;
    }
    l.iter()
        .map(|m| {
            let text = m.text();
            let [term] = m.terms.as_slice() else {
                return None;
            };
            let term = term.trim_matches(|c: char| !c.is_alphanumeric());
            let words = word_count(term);
            ((1..=TERM_WORDS).contains(&words)
                && word_count(&text) >= TERMED_ITEM_WORDS
                && words * 3 <= word_count(&text)
                && !predicate(&text, term))
            .then(|| (capitalise(term), text))
        })
        .collect()
}
