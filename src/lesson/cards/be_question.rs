//! "X is …" read off the back: what a term is, what a pronoun or the
//! heading's noun stands for, what a quality is for, what a passive's
//! agent is (see docs/lessons.md, "Questions from the back").

use crate::lesson::language::{LEXICON, Pos, Role, Word, known_verb, past_participle};

use super::super::back_subject::Subject;
use super::super::forms::{is_base, looks_plural};
use super::super::object::clause_end;

/// Words after a noun that narrow it to a kind: a relative or a preposition.
const NARROWING: [&str; 13] = [
    "that", "which", "who", "where", "whose", "of", "for", "at", "in", "with", "used", "between",
    "during",
];

/// "The strike price is the fixed price at which…", "A cliff is a period
/// during which…": a term of a word or three, then "is", a noun phrase and
/// what narrows it (a relative clause or a preposition), defines the term,
/// which "What is the strike price?" asks for. ("The goal is a system
/// that…": a general noun is no term.)
fn defines_term(subject: &[Word], rest: &[Word]) -> bool {
    let Some(head) = subject.iter().rev().find(|w| w.pos.is_nominal()) else {
        return false;
    };
    if [Role::Generic, Role::ContentNoun, Role::CriteriaNoun]
        .iter()
        .any(|&r| LEXICON.is(&head.norm, r))
    {
        return false;
    }
    // ("is different than…": an adjective alone describes, it names no class.)
    let starts_phrase = rest.first().is_some_and(|w| {
        matches!(w.norm.as_str(), "a" | "an" | "the")
            || w.pos.is_nominal()
            || (w.pos == Pos::Adj && rest.get(1).is_some_and(|n| n.pos.is_nominal()))
    });
    // The class's noun, within four words, then what narrows it.
    let narrowed = rest.iter().take(5).enumerate().any(|(k, w)| {
        w.pos.is_nominal()
            && rest
                .get(k + 1)
                .is_some_and(|n| NARROWING.contains(&n.norm.as_str()))
    });
    starts_phrase && narrowed
}

/// "X is …": a term it defines, what a pronoun or the heading's noun
/// stands for ("These are processes…": "What are X?"), a quality with its
/// reason or purpose ("…are essential to check…": "Why are X
/// essential?"). `said`: the subject's words.
pub(super) fn be_question(
    rest: &[Word],
    name: &str,
    be: &str,
    subject: &Subject,
    said: &[Word],
) -> Option<String> {
    let k = past_adverbs(rest, 0);
    // ("The title attribute is only used to describe frames": what it
    // serves, asked of whatever the subject names.)
    if rest.get(k).is_some_and(|w| w.norm == "used") && purpose_at(rest, k + 1) {
        return Some(format!("What {be} {name} used for?"));
    }
    // ("Gunicorn is based on the pre-fork model": what it rests on or
    // comes from is asked for, "What is Gunicorn based on?".)
    if let [participle, prep, ..] = &rest[k.min(rest.len())..]
        && past_participle(&participle.norm)
        && matches!(prep.norm.as_str(), "on" | "upon" | "from")
    {
        return Some(format!(
            "What {be} {name} {} {}?",
            participle.norm, prep.norm
        ));
    }
    if let Some(q) = passive_by(&rest[k.min(rest.len())..], (be, ""), name) {
        return Some(q);
    }
    // ("The precedence rule is simple: the most specific pattern wins":
    // a judgement, then the thing itself after a colon.)
    let judged = rest.get(k).is_some_and(|w| w.pos == Pos::Adj)
        && rest.get(k + 1).is_some_and(|w| w.norm == ":")
        && rest.len() >= k + 5;
    if judged {
        return Some(format!("What {be} {name}?"));
    }
    if let Subject::Named { about: false, .. } = subject {
        return defines_term(said, rest).then(|| format!("What {be} {name}?"));
    }
    let next = rest.get(k)?;
    // A noun phrase after "is": "a process…", "automated processes" (the
    // tagger may take a plural noun for a verb, "are scripts that…").
    let nounish = |w: &Word| {
        w.pos.is_nominal()
            || (w.pos == Pos::Verb && looks_plural(&w.norm) && !w.norm.ends_with("ing"))
    };
    let noun_phrase = matches!(next.pos, Pos::Det)
        || nounish(next)
        || (matches!(next.pos, Pos::Adj | Pos::Verb) && rest.get(k + 1).is_some_and(nounish));
    if noun_phrase && matches!(subject, Subject::Pronoun) {
        return Some(format!("What {be} {name}?"));
    }
    if next.pos == Pos::Adj {
        let after = rest.get(k + 1)?;
        let purpose = after.norm == "to" && rest.get(k + 2).is_some_and(|w| w.pos == Pos::Verb);
        let reason = matches!(after.norm.as_str(), "because" | "since");
        if purpose || reason {
            return Some(format!("Why {be} {name} {}?", next.norm));
        }
    }
    None
}

/// A passive and "by" (`rest` from the participle on), asked with the
/// auxiliaries `aux` before and after the subject `name` ("is", "" or
/// "must", " be"): a short agent is asked for ("The timeout is set by
/// the TIMEOUT variable": "What is the timeout set by?"), a gerund is the
/// means ("…is checked by comparing…": "How is it checked?").
pub(super) fn passive_by(rest: &[Word], (aux, after): (&str, &str), name: &str) -> Option<String> {
    let [participle, by, agent @ ..] = rest else {
        return None;
    };
    let participle_ok = past_participle(&participle.norm)
        || participle.norm.ends_with("ed")
        || (known_verb(&participle.norm) == Some(true) && is_base(&participle.norm));
    let first = agent.first()?;
    if by.norm != "by" || !participle_ok {
        return None;
    }
    let pp = &participle.norm;
    if first.norm.ends_with("ing") && matches!(first.pos, Pos::Verb | Pos::Noun) {
        return Some(format!("How {aux} {name}{after} {pp}?"));
    }
    (first.pos != Pos::Verb && (1..=AGENT_WORDS).contains(&clause_end(agent)))
        .then(|| format!("What {aux} {name}{after} {pp} by?"))
}

/// Most words of the agent a passive's question asks for.
const AGENT_WORDS: usize = 6;

/// Where the words from `k` on stop being adverbs ("is only used").
pub(super) fn past_adverbs(rest: &[Word], mut k: usize) -> usize {
    while rest.get(k).is_some_and(|w| w.pos == Pos::Adv) {
        k += 1;
    }
    k
}

/// Does a purpose open at `k`: "for", or "to" and a verb ("used to mark
/// a test"; a verb the tagger read otherwise, "mark", counts)?
pub(super) fn purpose_at(rest: &[Word], k: usize) -> bool {
    rest.get(k).is_some_and(|w| w.norm == "for")
        || rest.get(k).is_some_and(|w| w.norm == "to")
            && rest
                .get(k + 1)
                .is_some_and(|v| v.pos == Pos::Verb || known_verb(&v.norm) == Some(true))
}

#[cfg(test)]
mod tests {
    use super::super::tests::asks_each;

    #[test]
    fn a_passive_with_a_short_agent_asks_for_the_agent() {
        asks_each(&[
            (
                "Stale entries",
                "Stale entries are removed by a sweep every hour.",
                Some("What are stale entries removed by?"),
            ),
            (
                "Timeouts",
                "The timeout is set by the TIMEOUT variable, which counts seconds.",
                Some("What is the timeout set by?"),
            ),
            // After a modal too.
            (
                "Overloads",
                "Each overload must be matched by a compatible signature.",
                Some("What must each overload be matched by?"),
            ),
            // A means, asked how.
            (
                "Timeouts",
                "The timeout is set by exporting a variable before the run.",
                Some("How is the timeout set?"),
            ),
        ]);
    }
}
