//! Corrections to the tagger's reading of a sentence, where English
//! allows only one reading and the tagger took the other: a verb opening
//! advice read as a noun, a modal read as a noun ("Stage two can then
//! load…"), "matters" or a verb after "it" read as a plural ("Context
//! matters", "It defaults to…").

use harper_brill::{Tagger, UPOS};

use super::language::{LEXICON, Pos, TAGGER, Word, can_be_verb};

/// "WATCH is used to…", "EXEC returns…": a word in capitals the tagger
/// read as a verb, before a verb, in a sentence written in lower case
/// otherwise, is a name (a command, an acronym), the subject of that verb.
/// Not an auxiliary stressed in capitals ("DO use it", "NOT").
pub(super) fn retag_capitals(words: &mut [Word], texts: &[String]) {
    if !texts.iter().any(|t| t.chars().any(char::is_lowercase)) {
        return;
    }
    for k in 0..words.len().saturating_sub(1) {
        let t = &texts[k];
        let capitals = t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        // (Most words are no capitals: the lexicon is asked only of those.)
        if !capitals || !matches!(words[k].pos, Pos::Verb | Pos::Aux) {
            continue;
        }
        let auxiliary = matches!(
            words[k].norm.as_str(),
            "do" | "does" | "did" | "is" | "are" | "be" | "was" | "were" | "has" | "have" | "not"
        ) || LEXICON.is(&words[k].norm, super::lexicon::Role::RuleModal)
            || matches!(words[k].norm.as_str(), "can" | "will");
        let before_verb = matches!(words[k + 1].pos, Pos::Aux | Pos::Verb);
        if !auxiliary && before_verb {
            words[k].pos = Pos::Propn;
        }
    }
}

/// "Conway's Law states that…", "The paper argues “…”": a verb of saying
/// in -s after a noun, before "that" or a quotation, is its sentence's
/// verb, however the tagger read it ("Law states" is no plural).
pub(super) fn retag_reporting(words: &mut [Word]) {
    for k in 1..words.len().saturating_sub(1) {
        let reports = LEXICON.is(&words[k].norm, super::lexicon::Role::SayingVerb);
        let opens = words[k + 1].norm == "that" || words[k + 1].opens_quotation();
        if reports && opens && matches!(words[k - 1].pos, Pos::Noun | Pos::Propn) {
            words[k].pos = Pos::Verb;
        }
    }
}

/// A sentence or heading that opens with a verb the tagger read as a noun
/// ("Review within a day", "Date each page"): the word is tagged again after
/// "to", where English allows only a verb, and the verb reading is kept when
/// the next word is one a verb takes (an article, a pronoun, a preposition
/// other than "of", an adverb).
pub(super) fn retag_imperative(words: &mut [Word], texts: &[String]) {
    let Some(first) = words.first() else {
        return;
    };
    let takes_verb = words.get(1).is_some_and(|n| {
        matches!(n.pos, Pos::Det | Pos::Pron | Pos::Adv | Pos::Part)
            || (n.pos == Pos::Adp && n.norm != "of")
    });
    let base =
        !(first.norm.ends_with('s') || first.norm.ends_with("ing") || first.norm.ends_with("ed"));
    if !matches!(first.pos, Pos::Noun | Pos::Adj)
        || !takes_verb
        || !base
        || LEXICON.noun_ending(&first.norm)
    {
        return;
    }
    let mut with_to = vec!["to".to_string()];
    with_to.extend(texts.iter().map(|t| t.to_lowercase()));
    let tags = TAGGER.tag_sentence(&with_to);
    // A word outside the tagger's lexicon before an article or a pronoun
    // ("Paginate every list") is taken as a verb too.
    let unknown_before_det = tags.get(1).copied().flatten().is_none()
        && words
            .get(1)
            .is_some_and(|n| matches!(n.pos, Pos::Det | Pos::Pron));
    if tags.get(1).copied().flatten() == Some(UPOS::VERB) || unknown_before_det {
        words[0].pos = Pos::Verb;
    }
}

/// Modals, which before a verb's base form are never nouns.
const MODALS: [&str; 9] = [
    "can", "could", "may", "might", "must", "shall", "should", "will", "would",
];

/// "Stage two can then load the kernel": a modal the tagger read as a noun
/// ("a can") or a verb, before adverbs and a verb's base form, is the
/// verb's auxiliary. (A noun after it, "the can lid", keeps it a noun.)
pub(super) fn retag_modal(words: &mut [Word]) {
    for k in 1..words.len() {
        if words[k].pos == Pos::Aux || !MODALS.contains(&words[k].norm.as_str()) {
            continue;
        }
        let after = words[k + 1..].iter().find(|w| w.pos != Pos::Adv);
        let base_verb = after.is_some_and(|w| {
            (w.pos == Pos::Verb || matches!(w.norm.as_str(), "be" | "have"))
                && !(w.norm.ends_with("ing")
                    || w.norm.ends_with("ed")
                    || (w.norm.ends_with('s') && !w.norm.ends_with("ss")))
        });
        if base_verb && words[k - 1].pos != Pos::Det {
            words[k].pos = Pos::Aux;
        }
    }
}

/// "Context matters", "Why naming matters most": "matters" after a noun,
/// a pronoun or a gerund, with nothing after it but an adverb, a
/// conjunction or a preposition other than "of", says that something
/// matters; it is no plural of "matter" ("Legal matters of the state").
pub(super) fn retag_matters(words: &mut [Word]) {
    for k in 1..words.len() {
        let prev = &words[k - 1];
        let subject = matches!(prev.pos, Pos::Noun | Pos::Propn | Pos::Pron)
            || (prev.pos == Pos::Verb && prev.norm.ends_with("ing"));
        let verb_follows = words.get(k + 1).is_none_or(|n| {
            n.is_punct()
                || matches!(n.pos, Pos::Adv | Pos::Sconj | Pos::Part)
                || (n.pos == Pos::Adp && n.norm != "of")
        });
        if words[k].norm == "matters" && subject && verb_follows {
            words[k].pos = Pos::Verb;
        }
    }
}

/// "It defaults to setuptools": a word in "-s" the tagger read as a
/// plural, right after "it", "he" or "she", is their verb when the
/// dictionary knows it as one. (Not after "this": "The reason this works
/// is that…" would lean on the sentence before and lose the section's
/// point from its back.)
pub(super) fn retag_after_pronoun(words: &mut [Word]) {
    for k in 1..words.len() {
        let prev = words[k - 1].norm.as_str();
        let w = &words[k];
        let plain_s = w.norm.ends_with('s') && !w.norm.ends_with("ss");
        if w.pos != Pos::Noun || !plain_s || !can_be_verb(&w.norm) {
            continue;
        }
        if matches!(prev, "it" | "he" | "she") {
            words[k].pos = Pos::Verb;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lesson::language::{Pos, analyse};

    fn pos_of(sentence: &str, word: &str) -> Pos {
        let a = analyse(sentence);
        a.words
            .iter()
            .find(|w| w.norm == word)
            .expect("the word")
            .pos
    }

    #[test]
    fn a_modal_before_a_verb_is_its_auxiliary() {
        assert_eq!(
            pos_of("Stage two can then load the kernel.", "can"),
            Pos::Aux
        );
        assert_eq!(pos_of("The loader will be small.", "will"), Pos::Aux);
        // (After an article it is a noun: "the can".)
        assert_ne!(pos_of("Put the can down on the shelf.", "can"), Pos::Aux);
    }

    #[test]
    fn a_word_in_s_after_a_pronoun_is_its_verb() {
        assert_eq!(pos_of("It defaults to setuptools", "defaults"), Pos::Verb);
        assert_eq!(pos_of("He writes every day.", "writes"), Pos::Verb);
        assert_ne!(pos_of("Keep the defaults for now.", "defaults"), Pos::Verb);
    }

    #[test]
    fn a_verb_of_saying_before_that_or_a_quotation_is_a_verb() {
        let law = "Conway's Law states that teams copy their structure.";
        assert_eq!(pos_of(law, "states"), Pos::Verb);
        assert_eq!(
            pos_of("The paper argues \"less is more\".", "argues"),
            Pos::Verb
        );
        assert_ne!(pos_of("The states that joined first.", "states"), Pos::Verb);
    }

    #[test]
    fn matters_after_its_subject_is_a_verb() {
        assert_eq!(pos_of("Context matters", "matters"), Pos::Verb);
        assert_eq!(pos_of("Why naming matters most", "matters"), Pos::Verb);
        assert_ne!(pos_of("Legal matters of the state", "matters"), Pos::Verb);
        assert_ne!(pos_of("These matters are urgent.", "matters"), Pos::Verb);
    }
}
