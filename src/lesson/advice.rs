//! Where a sentence's advice opens: an imperative first, or after an
//! opening clause ("When delivering, be confident", "If available use a
//! shared board…") and words such as "always" or "don't" (see
//! docs/lessons.md, "Lists of advice").

use super::language::{Pos, Word, known_adjective, known_verb};
use super::lexicon::{LEXICON, Role};

/// A word that may come before a sentence's advice and stays no part of
/// it ("always", "never", "do" "n't"; the tagger's tokens).
pub fn before_advice(word: &str) -> bool {
    matches!(
        word,
        "always" | "never" | "do" | "n't" | "not" | "just" | "also" | "please" | "then"
    )
}

/// Most words of a clause opening a sentence before its advice.
const OPENING_WORDS: usize = 15;

/// Where a sentence's advice opens, as a word index: its first word when
/// that is an imperative ("Speak clearly…"), else the first after an
/// opening clause ("When delivering, be confident", "Even when the bed
/// looks dry, check…") and after "always", "never", "don't" or "just".
/// `None` when the sentence gives no advice ("Crowded plants compete…").
pub fn advice_start(words: &[&Word]) -> Option<usize> {
    let first = words.first()?;
    let clause_opener = |w: &Word| {
        w.pos == Pos::Sconj
            || LEXICON.is(&w.norm, Role::PlacingConjunction)
            || matches!(w.norm.as_str(), "where" | "as")
    };
    let mut a = 0;
    if (first.pos == Pos::Adv || clause_opener(first))
        && let Some(k) = words
            .iter()
            .take(OPENING_WORDS)
            .position(|w| w.norm == ",")
            .filter(|&k| words[..k].iter().any(|w| clause_opener(w)))
    {
        a = k + 1;
    } else if clause_opener(first) {
        // ("If available use a template board", "If using a shared board
        // lock the background": no comma, but the clause has no subject of
        // its own, so the first verb in its base form with an object opens
        // the advice.)
        if let Some(k) = unmarked_advice(words) {
            a = k;
        }
    }
    // ("Relentlessly ask questions": an adverb in -ly before the verb.)
    while words.get(a).is_some_and(|w| {
        before_advice(&w.norm) || (a == 0 && w.pos == Pos::Adv && w.norm.ends_with("ly"))
    }) {
        a += 1;
    }
    let w = words.get(a)?;
    let base = !(w.norm.ends_with("ing") || w.norm.ends_with("ed") || w.norm.ends_with('s'))
        || w.norm.ends_with("ss");
    let dictionary = known_verb(&w.norm) == Some(true) && known_adjective(&w.norm) != Some(true);
    let verb = w.norm == "be" || (w.pos == Pos::Verb && base) || (dictionary && base);
    (verb && !matches!(w.pos, Pos::Pron | Pos::Det | Pos::Adp | Pos::Sconj)).then_some(a)
}

/// Where the advice opens after a clause that has no subject and no comma
/// ("If available use…"): the first verb in its base form, two words in or
/// more, before its object, with no determiner, pronoun or auxiliary
/// before it (which would give the clause a subject of its own: "If the
/// servers restart the cache…").
fn unmarked_advice(words: &[&Word]) -> Option<usize> {
    let k = (2..words.len().min(OPENING_WORDS)).find(|&k| {
        let w = words[k];
        let base = !(w.norm.ends_with("ing") || w.norm.ends_with("ed") || w.norm.ends_with('s'));
        base && (w.pos == Pos::Verb || known_verb(&w.norm) == Some(true))
            && known_adjective(&w.norm) != Some(true)
            && words
                .get(k + 1)
                .is_some_and(|n| matches!(n.pos, Pos::Det | Pos::Pron) || n.norm == "your")
    })?;
    words[1..k]
        .iter()
        .all(|w| !matches!(w.pos, Pos::Det | Pos::Pron | Pos::Aux) && w.norm != ",")
        .then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::language::analyse;

    #[test]
    fn advice_opens_after_a_clause_without_its_comma() {
        let at = |s: &str| {
            let a = analyse(s);
            advice_start(&a.words.iter().collect::<Vec<_>>()).map(|k| a.words[k].norm.clone())
        };
        assert_eq!(
            at("If available use a shared board for the notes.").as_deref(),
            Some("use")
        );
        assert_eq!(at("When unsure, ask the group.").as_deref(), Some("ask"));
        // (A clause with a subject of its own gives no advice: "the
        // servers restart".)
        assert_eq!(at("If the servers restart the cache is empty."), None);
    }
}
