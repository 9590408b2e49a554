//! What follows the verb in a question read off the back (see
//! `from_back.rs`): the object or clause the question asks for.

use crate::lesson::language::{LEXICON, Pos, Role, Word, known_not_noun};

use super::forms::{gerund_base, looks_plural};
use super::sentence::Sent;

/// The longest object a "How…?" question repeats, in words.
const OBJECT_WORDS: usize = 8;

/// Does a noun phrase open `rest`: a determiner, adjective, noun or
/// number, or an amount's bound ("needs at least one flush", "at most
/// two")?
fn opens_object(rest: &[Word]) -> bool {
    let bounded = matches!(
        rest.get(..2)
            .map(|p| [p[0].norm.as_str(), p[1].norm.as_str()]),
        Some(["at", "least" | "most"])
    ) && rest
        .get(2)
        .is_some_and(|w| matches!(w.pos, Pos::Det | Pos::Num));
    bounded
        || rest.first().is_some_and(|w| {
            matches!(
                w.pos,
                Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn | Pos::Num
            )
        })
}

/// What follows the verb makes the question: a clause ("suggests that…",
/// "determines how…") or an object asks "What…?", a particle keeps its
/// preposition ("What does X depend on?"), "by" and a gerund asks "How…?".
/// `aux` is what the question puts before the subject ("does", "can");
/// `said` what comes after it (the verb's base form, with any adverb after
/// the modal). Gives the question and the words it asks for.
pub(super) fn object_question<'a>(
    s: &Sent,
    rest: &'a [Word],
    name: &str,
    said: &str,
    adverbs: &str,
    aux: &str,
) -> Option<(String, &'a [Word])> {
    let first = rest.first()?;
    // (The verb is the last word of what is said: "can cause" → "cause".)
    let verb = said.rsplit(' ').next().unwrap_or(said);
    // A verb and its object making a fixed phrase ("take place", "make
    // sense") ask for nothing.
    let verb_and_object = [verb, first.norm.as_str()];
    if LEXICON.opens_with(&verb_and_object, Role::Fixed) {
        return None;
    }
    let what = |tail: &str| format!("What {aux} {name}{adverbs} {said}{tail}?");
    // "suggests that…", "determines how often…".
    // ("…means you owe nothing": a clause with its "that" left out.)
    let clause = LEXICON.is(&first.norm, Role::SubjectPronoun)
        && rest
            .get(1)
            .is_some_and(|w| matches!(w.pos, Pos::Verb | Pos::Aux));
    // ("occurs when…": a happening is asked when.)
    if first.norm == "when" && LEXICON.is(verb, Role::HappeningVerb) {
        return Some((format!("When {aux} {name}{adverbs} {said}?"), &rest[..0]));
    }
    if clause
        || first.norm == "that"
        || matches!(first.norm.as_str(), "how" | "whether" | "when" | "why")
        // ("counts what stands on the shelves"; not after a modal, "should
        // know what is expected", which says what to do.)
        || (first.norm == "what" && matches!(aux, "do" | "does"))
    {
        return Some((what(""), &rest[..0]));
    }
    // "relies on", "refers to" (the tagger may call that "to" a particle).
    let particle =
        matches!(first.pos, Pos::Adp | Pos::Part) && LEXICON.is(&first.norm, Role::VerbParticle);
    let rest_of = if particle { &rest[1..] } else { rest };
    let opens = rest_of.first()?;
    let object_opens = opens_object(rest_of);
    let clause_opens = particle && matches!(opens.norm.as_str(), "how" | "what" | "whether");
    // ("stay sharp for months": an adjective no noun follows says what
    // the subject is, and names no thing a "what" asks for.)
    let predicate_adjective = !particle
        && opens.pos == Pos::Adj
        && rest_of
            .get(1)
            .is_none_or(|w| !(w.pos.is_nominal() || matches!(w.pos, Pos::Adj | Pos::Num)));
    if (!object_opens && !clause_opens) || predicate_adjective {
        return None;
    }
    // The object runs to the clause's end: a mark, a conjunction or a
    // relative pronoun.
    let object = &rest_of[..clause_end(rest_of)];
    if particle {
        return Some((what(&format!(" {}", first.norm)), object));
    }
    if let Some(by) = object.iter().position(|w| w.norm == "by") {
        // "…hold more facts by grouping them": how.
        let gerund = object.get(by + 1).is_some_and(|w| {
            matches!(w.pos, Pos::Verb | Pos::Noun) && gerund_base(&w.norm).is_some()
        });
        if gerund && by > 0 && by <= OBJECT_WORDS {
            let text = &s.text[object[0].start..object[by - 1].end];
            let how = format!("How {aux} {name}{adverbs} {said} {text}?");
            return Some((how, &object[by + 1..]));
        }
        return None;
    }
    (!half_an_answer(object)).then(|| (what(""), object))
}

/// Where the clause after the verb ends: at a mark, a conjunction or a
/// relative pronoun; not at a comma between adjectives ("a single
/// meaningful, objective metric").
pub(super) fn clause_end(rest: &[Word]) -> usize {
    let between_adjectives = |k: usize| {
        rest[k].norm == ","
            && k > 0
            && rest[k - 1].pos == Pos::Adj
            && rest.get(k + 1).is_some_and(|w| w.pos == Pos::Adj)
    };
    (0..rest.len())
        .find(|&k| {
            let w = &rest[k];
            (w.is_punct() && !between_adjectives(k))
                || matches!(w.pos, Pos::Cconj | Pos::Sconj)
                || w.norm == "which"
        })
        .unwrap_or(rest.len())
}

/// Inside the object, a preposition opening a second complement ("the
/// resolver to the servers") makes the object only half the answer.
pub(super) fn second_complement(object: &[Word]) -> bool {
    object
        .iter()
        .skip(1)
        .any(|w| w.pos == Pos::Adp && LEXICON.is(&w.norm, Role::SecondComplement))
}

/// Is the object only part of what the verb says, or no thing at all?
fn half_an_answer(object: &[Word]) -> bool {
    let second = second_complement(object);
    // ("keeps lookups fast": an adjective after the object says what the
    // verb makes of it, a second complement too; not a word that may be
    // the noun the phrase ends on, "a single productivity metric", unless
    // after things counted or a pronoun, "keeps lookups fast".)
    let made = object.len() >= 2
        && object.last().is_some_and(|w| {
            let before = &object[object.len() - 2];
            let one_noun =
                matches!(before.pos, Pos::Noun | Pos::Propn) && !looks_plural(&before.norm);
            w.pos == Pos::Adj && (known_not_noun(&w.norm) || !one_noun)
        });
    // An object names a thing ("comes first" has none; "reuse it" leaves
    // nothing to ask).
    let thing = object
        .iter()
        .any(|w| w.pos.is_nominal() || w.pos == Pos::Num);
    second || made || !thing
}
