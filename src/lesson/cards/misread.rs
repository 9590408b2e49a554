//! Headings of advice the tagger misreads: a verb it took for a noun or
//! an adjective ("Mark the ends carefully", "Upgrade Docker Engine"),
//! told by the words around it or by what the section does with it (see
//! docs/lessons.md, "Questions").

use crate::lesson::language::{Analysis, LEXICON, Pos, Role, Word, known_verb, verb_reading};
use crate::lesson::read::Section;

use super::forms::{is_base, looks_plural};

/// Advice whose verb the tagger took for a noun or an adjective: "Mark the
/// ends carefully", "Discard before you feed", "Test special cases",
/// "Separate blocking comments from suggestions".
pub(super) fn misread_verb(h: &Analysis, words: &[&Word], advises: bool) -> bool {
    let first = words[0];
    let w0 = first.norm.as_str();
    let aside = h.aside_start();
    // "Mark the ends carefully": a first word the tagger took for a noun
    // (or does not know as a verb), right before an article or a
    // possessive, which a noun phrase never has there, and no other verb.
    let misread = first.pos.is_nominal()
        && is_base(w0)
        && words.len() >= 3
        && matches!(
            words[1].norm.as_str(),
            "the" | "a" | "an" | "your" | "their" | "its" | "our" | "my"
        )
        && !words[1..]
            .iter()
            .any(|w| matches!(w.pos, Pos::Aux | Pos::Verb));
    // "Discard before you feed": a verb the tagger took for a noun,
    // placed in time by a clause.
    let placed = first.pos.is_nominal()
        && words.len() >= 3
        && LEXICON.is(&words[1].norm, Role::PlacingConjunction)
        && known_verb(w0) == Some(true);
    // "Test special cases": a noun phrase never puts an adjective between
    // a noun and its head; "Rotate pairs regularly": nor ends in an
    // adverb of manner.
    // (The first over advice only: "Type variable names" is a compound. A
    // bracketed aside does not count.)
    let main: Vec<&&Word> = words.iter().filter(|w| w.start < aside).collect();
    let verb_like = first.pos.is_nominal() && is_base(w0) && known_verb(w0) == Some(true);
    let shaped = advises
        && main.len() == 3
        && main[1].pos == Pos::Adj
        && main[2].pos == Pos::Noun
        && looks_plural(&main[2].norm)
        || main.len() >= 3
            && main
                .last()
                .is_some_and(|w| w.pos == Pos::Adv && w.norm.ends_with("ly"))
            && !main[1..]
                .iter()
                .any(|w| matches!(w.pos, Pos::Verb | Pos::Aux));
    if misread || placed || (verb_like && shaped) {
        return true;
    }
    // "Separate blocking comments from suggestions": a verb reading first,
    // a noun phrase and a preposition after it, no other verb.
    let later_adp = words
        .iter()
        .skip(2)
        .any(|w| w.pos == Pos::Adp && w.norm != "of");
    is_base(w0)
        && first.pos != Pos::Noun
        && words.len() >= 3
        && matches!(words[1].pos, Pos::Noun | Pos::Adj | Pos::Verb)
        && later_adp
        && !words[1..].iter().any(|w| {
            matches!(w.pos, Pos::Aux)
                || (w.pos == Pos::Verb && !w.norm.ends_with("ing") && !w.norm.ends_with("ed"))
        })
        && verb_reading(w0)
}

/// "Upgrade Docker Engine" over "To upgrade Docker Engine, follow…", or
/// "Uninstall Docker Engine" over "Uninstall the Docker Engine packages":
/// the section itself uses the heading's first word as a verb on the
/// heading's next word, so the heading is a task, however the tagger
/// reads the word alone.
pub(super) fn done_in_body(words: &[&Word], section: &Section) -> bool {
    let (Some(first), Some(next)) = (words.first(), words.get(1)) else {
        return false;
    };
    let (w0, w1) = (first.norm.as_str(), next.norm.as_str());
    // (A word of letters only: "Test-driven development" names a way.)
    let plain = w0.chars().all(|c| c.is_ascii_alphabetic());
    if !plain || !is_base(w0) || known_verb(w0) == Some(false) || words.len() > 6 {
        return false;
    }
    let infinitive = [format!("to {w0} {w1} "), format!("to {w0} the {w1} ")];
    // (Not "Garbage collection is…": the heading as a subject.)
    let imperative = [format!("{w0} the {w1} ")];
    section.body.iter().any(|p| {
        let text = format!("{} ", p.text.to_lowercase());
        infinitive.iter().any(|f| text.contains(f.as_str()))
            || imperative.iter().any(|f| text.starts_with(f.as_str()))
    })
}
