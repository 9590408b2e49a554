//! Gerund headings ("Handling a lowball offer", "Building a package"):
//! an activity, which [`Ask::Gerund`] asks how to do (see
//! docs/lessons.md, "What it writes").

use super::Ask;
use crate::lesson::cards::finite::gerund_at;
use crate::lesson::cards::forms::{gerund_base, looks_plural};
use crate::lesson::language::{LEXICON, Pos, Role, Word};

/// A gerund heading ("Handling a lowball offer").
pub(super) fn gerund_form(words: &[&Word]) -> Option<Ask> {
    let first = words[0];
    let w0 = first.norm.as_str();
    let w1 = words.get(1).map_or("", |w| w.norm.as_str());
    // "Handling a lowball offer": a gerund with its object; "Caching and
    // expiry" is a noun phrase.
    // "Giving guidance": a gerund and its singular object; "Hashing
    // functions" (a plural) may name a kind of thing.
    // ("Overriding principle", "Winning strategy": a participle before a
    // noun naming a piece of content describes it.)
    if w0.ends_with("ing")
        && ((words.len() == 2
            && words[1].pos.is_nominal()
            && !looks_plural(w1)
            && !LEXICON.is(w1, Role::ContentNoun))
            || (w1 == "to" && words.len() >= 3))
        && gerund_base(w0).is_some()
    {
        return Some(Ask::Gerund);
    }
    // A gerund tagged so, or before an article however the tagger read
    // it ("Building a package": see `finite::gerund_at`).
    if gerund_at(words, 0)
        && gerund_base(w0).is_some()
        && !w0.contains('-')
        && words.get(1).is_some_and(|w| {
            matches!(w.pos, Pos::Det | Pos::Pron | Pos::Adj | Pos::Num | Pos::Part)
                // ("Breaking down the binary": a phrasal verb's particle.)
                || (w.pos == Pos::Adv && LEXICON.is(&w.norm, Role::AdverbParticle) && words.len() > 2)
                // "Hashing functions" names a thing; "Storing keys with
                // values" does something.
                || (matches!(w.pos, Pos::Noun | Pos::Propn) && words.len() > 2)
        })
    {
        return Some(Ask::Gerund);
    }
    None
}
