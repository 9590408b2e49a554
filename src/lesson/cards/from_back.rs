//! A question read off the back's own sentence, for a noun-phrase heading
//! whose back names no aspect [`super::noun::says`] knows (see
//! docs/lessons.md, "Questions from the back"). "What matters about X?"
//! fits any back; the sentence that answers it usually has a subject about
//! the heading and a verb saying what it does, and the question asks for
//! what follows the verb:
//!
//! - "RPO determines how often…" → "What does RPO determine?";
//! - "An index can cover several columns" → "What can an index cover?";
//! - "Minds can hold more by grouping items" → "How can minds hold more?";
//! - "Drills are essential to check the plan" → "Why are drills essential?";
//! - "These are processes that…" under "Failover" → "What are failover
//!   mechanisms?".
//!
//! Only shapes whose answer is the rest of the clause are asked: a verb
//! whose object is followed by a second complement ("points the resolver to
//! the servers") would ask for the wrong part, and is left alone.

use crate::lesson::language::{LEXICON, Pos, Role, Word, analyse, known_verb, past_participle};
use crate::lesson::text::{Casing, capitalise, stem};

use super::Part;
use super::ask::lower_first;
use super::back_subject::{Subject, subject, this_one};
use super::case::when_question;
use super::exists::{counted_question, kinds_question};
use super::forms::{is_base, looks_plural, verb_base};
use super::object::{clause_end, object_question, second_complement};
use super::opening::{
    clause_verb, fronted_clause, fronted_phrase, gerund_opens, with_clause, with_phrase,
    works_question,
};
use super::sentence::{Sent, kin};
use super::setting::setting_question;

/// The longest question made this way, in characters.
const QUESTION_CHARS: usize = 110;

/// The question the first of `on_back` that has a fitting shape answers;
/// `x` is the heading as a question names it and whether it is plural.
pub(super) fn question_from_back(
    part: &Part,
    on_back: &[usize],
    x: (&str, bool),
    casing: &Casing,
) -> Option<String> {
    let topic = &part.topic;
    // (A name made up for a section without a heading is none the reader
    // saw: the question goes without it, "What does film force?", not
    // "SD card: what does film force?".)
    let heading = Heading {
        head: head_of(&topic.inline),
        text: &topic.inline,
        shown: if topic.made_up { "" } else { &topic.shown },
    };
    // (A pronoun may stand for the heading in the section's first sentence,
    // and a plural one right after a sentence naming the heading's head:
    // "…to install test dependencies. Those can be added…"; "it" may
    // stand for anything the sentence before names.)
    let names_head = |s: &Sent| {
        let head = heading.head.as_deref();
        head.is_some_and(|h| {
            s.a.content()
                .any(|w| w.pos.is_nominal() && kin(h, &stem(&w.norm)))
        })
    };
    let plural_pronoun = |s: &Sent| {
        let first = s.a.content().next();
        first.is_some_and(|w| matches!(w.norm.as_str(), "these" | "those" | "they"))
    };
    let opens = |i: usize| i == 0 || (plural_pronoun(&part.ss[i]) && names_head(&part.ss[i - 1]));
    on_back
        .iter()
        .find_map(|&i| ask_of(&part.ss[i], opens(i), &heading, x, casing))
        .filter(|q| q.chars().count() <= QUESTION_CHARS)
}

/// What the question needs of the heading.
pub(super) struct Heading<'a> {
    /// The stem of its head, its last noun ("drills" of "Testing and
    /// drills").
    pub(super) head: Option<String>,
    /// Cased as inside a sentence.
    pub(super) text: &'a str,
    /// Sentence-cased, as a question's prefix shows it; empty for a name
    /// made up for the section, which no question shows.
    pub(super) shown: &'a str,
}

/// The stem of the heading's last noun before any preposition but an
/// opening one ("recovery" of "Recovery after a crash", though the tagger
/// read a verb: the dictionary knows it as none; not a gerund, "Chunking",
/// an activity).
pub(super) fn head_of(heading: &str) -> Option<String> {
    // ("In parallel": a heading opening on its preposition has its head
    // after it.)
    let a = analyse(heading);
    let opens_on = a.content().next().is_some_and(|w| w.pos == Pos::Adp);
    a.content()
        .skip(usize::from(opens_on))
        .take_while(|w| w.pos != Pos::Adp)
        .filter(|w| {
            w.pos.is_nominal()
                || (w.pos == Pos::Verb && !w.tagged_verb() && !w.norm.ends_with("ing"))
        })
        .last()
        .map(|w| stem(&w.norm))
}

/// `opens`: the sentence opens the section, so a pronoun subject can only
/// stand for its heading.
pub(super) fn ask_of(
    s: &Sent,
    opens: bool,
    heading: &Heading,
    (x, x_plural): (&str, bool),
    casing: &Casing,
) -> Option<String> {
    if let Some(decided) = by_opening(s, opens, heading, (x, x_plural), casing) {
        return decided;
    }
    let w = &s.a.words;
    let Verb {
        at: v,
        end,
        adverbs,
        word: verb,
    } = main_verb(s, heading.text)?;
    let subject = this_one(subject(s, &w[..end], heading, casing)?, opens, heading.text)?;
    let (name, plural) = match &subject {
        Subject::Pronoun => {
            let plural = matches!(w[0].norm.as_str(), "these" | "those" | "they");
            if !opens || plural != x_plural {
                return None;
            }
            (x.to_string(), plural)
        }
        Subject::Named { text, .. } => {
            let last = w[..end].iter().rev().find(|w| w.pos.is_nominal());
            // (A gerund's phrase is one thing: "Paying from savings means".)
            let plural = !gerund_opens(w) && last.is_some_and(|w| looks_plural(&w.norm));
            (text.clone(), plural)
        }
    };
    let verb = &verb;
    let rest = &w[v + 1..];
    if let Some(q) = verb_shaped(s, verb, rest, (&name, plural)) {
        return Some(beside_heading(q, &subject, heading));
    }
    let be = if plural { "are" } else { "is" };
    if matches!(verb.norm.as_str(), "is" | "are") {
        return be_question(rest, &name, be, &subject, &w[..end]);
    }
    let Subject::Named { about, .. } = subject else {
        return passive_how(&verb.norm, rest, &name);
    };
    // A subject the heading does not name needs the heading beside it:
    // "Caching: what does each answer carry?".
    let beside = |asked: String| {
        if about || heading.shown.is_empty() {
            asked
        } else {
            format!("{}: {}", heading.shown, lower_first(&asked))
        }
    };
    let modal = is_modal(&verb.norm);
    if let Some(decided) = whole_predicate(verb, rest, modal, (&name, plural)) {
        return decided.map(beside);
    }
    let (asked, object) = match if modal {
        modal_question(s, rest, &name, &adverbs, &verb.norm)
    } else {
        present_question(s, verb, rest, &name, &adverbs, plural)
    } {
        Some(asked) => asked,
        // ("Recovery replays the log from the last checkpoint": an object
        // and a second complement, which no "what" asks for alone; what
        // the heading's own subject does is asked.)
        None if about && !modal => return what_it_does(&s.text, verb, rest, (&name, plural)),
        None => return None,
    };
    if gives_away(object, heading) {
        return None;
    }
    Some(beside(asked))
}

/// What a predicate asks as a whole, before its object is read: a chain
/// of actions ("The scheduler picks a task, runs the task, then…": what
/// it does), how it works ("Classes work similarly to…"), a modal
/// passive ("Each overload must be matched by a signature") or a modal
/// "be" and a noun phrase ("…would be the sum": what it would be). `None` when
/// it leaves the object to be read.
fn whole_predicate(
    verb: &Word,
    rest: &[Word],
    modal: bool,
    (name, plural): (&str, bool),
) -> Option<Option<String>> {
    if modal {
        // ("The total in sequence would be the product of both": a noun
        // phrase or a number after "be" is what is asked for.)
        let complement = rest
            .get(1)
            .is_some_and(|w| matches!(w.pos, Pos::Det | Pos::Num));
        return rest.first().is_some_and(|w| w.norm == "be").then(|| {
            passive_by(&rest[1..], (&verb.norm, " be"), name)
                .or_else(|| complement.then(|| format!("What {} {name} be?", verb.norm)))
        });
    }
    let does = if plural { "do" } else { "does" };
    let base = action_base(verb, plural);
    if chains_actions(rest) {
        return Some(base.map(|_| format!("What {does} {name} do?")));
    }
    // ("Classes work similarly to object types…": how it works.)
    let manner = rest
        .first()
        .is_some_and(|w| w.pos == Pos::Adv || matches!(w.norm.as_str(), "like" | "as"));
    (manner && base.as_deref() == Some("work")).then(|| Some(format!("How {does} {name} work?")))
}

/// After the verb's object, a comma and another verb in -s with its own
/// object ("…, processes the script, then begins…"): the sentence lists
/// what its subject does.
fn chains_actions(rest: &[Word]) -> bool {
    let end = clause_end(rest);
    if rest.get(end).is_none_or(|w| w.norm != ",") {
        return false;
    }
    let mut next = rest[end + 1..]
        .iter()
        .skip_while(|w| w.pos == Pos::Adv || matches!(w.norm.as_str(), "and" | "then"));
    let verb = next.next().is_some_and(|w| {
        w.norm.ends_with('s')
            && !w.norm.ends_with("ss")
            && w.pos != Pos::Propn
            && (w.pos == Pos::Verb || known_verb(&verb_base(&w.norm)) == Some(true))
    });
    let object = next
        .next()
        .is_some_and(|w| matches!(w.pos, Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn));
    verb && object
}

/// What the sentence's opening decides before its verb is read: a
/// clause or phrase set off before the subject, a lead-in, a shape asked
/// as a whole. `None` when the opening leaves it to the verb.
fn by_opening(
    s: &Sent,
    opens: bool,
    heading: &Heading,
    x: (&str, bool),
    casing: &Casing,
) -> Option<Option<String>> {
    // ("If both replicas fail, the service stops": the clause stays in
    // front; a pronoun after it stands for the clause's own subject, not
    // the heading.)
    if let Some((after, clause)) = fronted_clause(s).filter(|_| !s.lead_in && !s.pointer) {
        return Some(
            ask_of(&after, false, heading, x, casing)
                .or_else(|| clause_pronoun(s, &after, heading, x, casing))
                .or_else(|| super::opening::what_to_do(&after))
                .map(|q| with_clause(&q, &clause, heading.shown)),
        );
    }
    // ("The poll phase has two main functions:" before its list: a
    // lead-in that counts what it announces asks for it.)
    if unaskable(s) {
        return Some(counted_lead_in(s));
    }
    if let Some(q) = shaped_question(s, heading, x) {
        return Some(Some(q));
    }
    // ("By default, the map uses…": the question keeps the phrase last.)
    let (after, phrase) = fronted_phrase(s)?;
    Some(ask_of(&after, opens, heading, x, casing).map(|q| with_phrase(&q, &phrase)))
}

/// "When the kernel boots, it mounts…": a pronoun after the clause
/// stands for the clause's own subject, a plain noun phrase of the same
/// number. The question is asked of that name and says the pronoun again:
/// "When the kernel boots, what does it do?".
fn clause_pronoun(
    s: &Sent,
    after: &Sent,
    heading: &Heading,
    x: (&str, bool),
    casing: &Casing,
) -> Option<String> {
    let first = after.a.words.first()?;
    let plural = match first.norm.as_str() {
        "it" => false,
        "they" => true,
        _ => return None,
    };
    // (The clause's words as the whole sentence tagged them.)
    let w = &s.a.words;
    let comma = w.iter().position(|w| w.norm == ",")?;
    let verb = 1 + clause_verb(&w[1..comma])?;
    let named = w.get(1..verb).filter(|n| {
        !n.is_empty()
            && n.iter()
                .all(|w| matches!(w.pos, Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn))
            && looks_plural(&n[n.len() - 1].norm) == plural
    })?;
    let name = &s.text[named[0].start..named[named.len() - 1].end];
    let text = format!("{}{}", capitalise(name), &after.text[first.end..]);
    let q = ask_of(&Sent::new(text, after.kind), false, heading, x, casing)?;
    let at = q.to_lowercase().find(&name.to_lowercase())?;
    Some(format!(
        "{}{}{}",
        &q[..at],
        first.norm,
        &q[at + name.len()..]
    ))
}

/// "The poll phase has two main functions:" before its list: a lead-in
/// that counts what it announces asks for it.
fn counted_lead_in(s: &Sent) -> Option<String> {
    (s.lead_in && !s.quoted)
        .then(|| counted_question(s))
        .flatten()
}

/// "Those can be added in a section like this: …" opening the section
/// under "Test dependencies": a pronoun standing for the heading, a modal
/// and a passive say how it is done: "How can test dependencies be
/// added?".
fn passive_how(modal: &str, rest: &[Word], name: &str) -> Option<String> {
    let participle = rest.get(1).filter(|p| {
        rest[0].norm == "be"
            && (past_participle(&p.norm) || (p.norm.ends_with("ed") && p.norm.len() > 4))
    })?;
    matches!(modal, "can" | "should" | "must" | "may")
        .then(|| format!("How {modal} {name} be {}?", participle.norm))
}

/// A question that a whole shape of the sentence asks, before its verb
/// is read: how the heading works, its kinds, a count, a condition, a
/// setting.
fn shaped_question(s: &Sent, heading: &Heading, x: (&str, bool)) -> Option<String> {
    works_question(s, heading.text, x)
        .or_else(|| kinds_question(s))
        .or_else(|| counted_question(s))
        .or_else(|| when_question(s, '\''))
        .or_else(|| setting_question(s, heading))
}

/// "What does recovery do?": for a verb of action whose object has a
/// second complement after it, not a fixed phrase ("takes place in…").
/// When that complement is a purpose ("Cargo uses the lockfile to
/// provide deterministic builds"), the question asks why: "Why does
/// Cargo use the lockfile?".
fn what_it_does(
    text: &str,
    verb: &Word,
    rest: &[Word],
    (name, plural): (&str, bool),
) -> Option<String> {
    let base = action_base(verb, plural)?;
    if let Some(object) = purpose_after_object(text, &base, rest) {
        let does = if plural { "do" } else { "does" };
        return Some(format!("Why {does} {name} {base} {object}?"));
    }
    let fixed = rest
        .first()
        .is_some_and(|o| LEXICON.opens_with(&[base.as_str(), o.norm.as_str()], Role::Fixed));
    if fixed || !second_complement(&rest[..clause_end(rest)]) {
        return None;
    }
    let does = if plural { "do" } else { "does" };
    // ("Throttling prevents a function from being called…": what it
    // keeps from happening is the thing asked for; lexicon role
    // `preventing-verb`.)
    let from = rest[..clause_end(rest)].iter().any(|w| w.norm == "from");
    if from && LEXICON.is(&base, Role::PreventingVerb) {
        return Some(format!("What {does} {name} {base}?"));
    }
    Some(format!("What {does} {name} do?"))
}

/// Most words of an object before the purpose [`what_it_does`] asks for.
const PURPOSE_OBJECT_WORDS: usize = 5;

/// "the lockfile to provide…": a short noun phrase, then "to" and a
/// verb's base form, after a verb whose object takes no infinitive of its
/// own ("asks the user to comment"; lexicon role `object-infinitive`).
fn purpose_after_object(text: &str, base: &str, rest: &[Word]) -> Option<String> {
    let to = rest.iter().position(|w| w.norm == "to")?;
    let object = &rest[..to];
    let phrase = (1..=PURPOSE_OBJECT_WORDS).contains(&object.len())
        && object
            .iter()
            .all(|w| matches!(w.pos, Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn))
        && object.last().is_some_and(|w| {
            w.pos.is_nominal()
                && !LEXICON.is(
                    w.norm.strip_suffix('s').unwrap_or(&w.norm),
                    Role::InfinitiveNoun,
                )
                && !LEXICON.is(&w.norm, Role::InfinitiveNoun)
        });
    let infinitive = rest
        .get(to + 1)
        .is_some_and(|w| is_base(&w.norm) && known_verb(&w.norm) == Some(true));
    (phrase && infinitive && !LEXICON.is(base, Role::ObjectInfinitive))
        .then(|| text[object[0].start..object[object.len() - 1].end].to_string())
}

/// An answer naming the heading's head gives nothing to recall ("Load
/// balancers help with horizontal scaling" under "Horizontal scaling"),
/// unless it names more: "a hashing function called SipHash" under
/// "Hashing functions" gives a name to recall, and "callbacks for some
/// system operations" under "Pending callbacks" says which ones.
fn gives_away(object: &[Word], heading: &Heading) -> bool {
    let heading_stems: Vec<String> = heading
        .text
        .to_lowercase()
        .split_whitespace()
        .map(stem)
        .collect();
    let in_heading = |w: &Word| {
        let st = stem(&w.norm);
        heading_stems.iter().any(|h| kin(h, &st))
    };
    let more = object
        .iter()
        .filter(|w| !w.pos.is_function() && !w.is_punct() && !in_heading(w))
        .count();
    let says_more = object.iter().any(|w| w.pos == Pos::Propn) || more >= MORE_WORDS;
    let names_head = heading.head.as_ref().is_some_and(|head| {
        object
            .iter()
            .any(|w| !w.pos.is_function() && kin(head, &stem(&w.norm)))
    });
    names_head && !says_more
}

/// Words of its own, besides the heading's, that keep an answer naming
/// the heading worth recalling.
const MORE_WORDS: usize = 3;

/// A sentence no question is read off: quoted, a fragment, a lead-in, a
/// pointer, untagged, or opening on a clause that places its point ("When
/// the browser finds…", "As most workflows are…"), before which no
/// subject stands.
fn unaskable(s: &Sent) -> bool {
    let placed =
        s.a.content()
            .next()
            .is_some_and(|w| w.pos == Pos::Sconj || LEXICON.is(&w.norm, Role::PlacingConjunction));
    s.quoted || s.fragment || s.lead_in || s.pointer || s.a.untagged || placed
}

/// A modal and the verb it carries ("can cover", "may also help"): "What
/// can X cover?".
fn modal_question<'a>(
    s: &Sent,
    rest: &'a [Word],
    name: &str,
    adverbs: &str,
    modal: &str,
) -> Option<(String, &'a [Word])> {
    let mut k = 0;
    while rest.get(k).is_some_and(|w| w.pos == Pos::Adv) {
        k += 1;
    }
    let main = rest.get(k)?;
    // (After a modal only a verb can stand; the tagger may call it a noun,
    // "can store larger numbers".)
    let a_verb =
        main.pos == Pos::Verb || (main.pos == Pos::Noun && known_verb(&main.norm) == Some(true));
    if !a_verb || !is_base(&main.norm) || matches!(main.norm.as_str(), "be" | "have") {
        return None;
    }
    let between = if k > 0 {
        format!("{} ", &s.text[rest[0].start..rest[k - 1].end])
    } else {
        String::new()
    };
    let said = format!("{between}{}", main.norm);
    object_question(s, &rest[k + 1..], name, &said, adverbs, modal)
}

/// A verb in the present, agreeing with its subject ("RPO determines",
/// "Minds hold"): "What does RPO determine?".
fn present_question<'a>(
    s: &Sent,
    verb: &Word,
    rest: &'a [Word],
    name: &str,
    adverbs: &str,
    plural: bool,
) -> Option<(String, &'a [Word])> {
    let base = action_base(verb, plural)?;
    let does = if plural { "do" } else { "does" };
    object_question(s, rest, name, &base, adverbs, does)
}

/// The base form of a verb of action in the present agreeing with its
/// subject ("determines" → "determine"), which "What does X…?" asks with;
/// None for a participle, a form of "do", "have" or "be", or a verb the
/// dictionary does not know.
pub(super) fn action_base(verb: &Word, plural: bool) -> Option<String> {
    if verb.pos != Pos::Verb
        || verb.norm.ends_with("ing")
        || verb.norm.ends_with("ed")
        || looks_plural(&verb.norm) == plural
    {
        return None;
    }
    let base = if plural {
        verb.norm.clone()
    } else {
        verb_base(&verb.norm)
    };
    (known_verb(&base) == Some(true) && !matches!(base.as_str(), "do" | "have" | "be"))
        .then_some(base)
}

#[path = "be_question.rs"]
mod be;
use be::{be_question, passive_by, past_adverbs, purpose_at};

#[path = "main_verb.rs"]
mod main_verb_of;
use main_verb_of::is_modal;
pub(super) use main_verb_of::{Verb, main_verb, noun_by_position, noun_list};

#[path = "why_not.rs"]
mod why_not;
use why_not::{beside_heading, verb_shaped};

#[cfg(test)]
#[path = "from_back_tests.rs"]
pub(super) mod tests;

#[cfg(test)]
#[path = "from_back_chain_tests.rs"]
mod chain_tests;
