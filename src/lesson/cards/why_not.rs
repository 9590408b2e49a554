//! "Why does Redis not support rollbacks?": a question read off a back's
//! negated sentence and its reason; "What can X be used for?" off one
//! saying what its subject may serve, "What does X state?" off one
//! quoting what it states; and the heading set beside a
//! question whose subject it does not name (see `from_back.rs`).

use crate::lesson::language::{LEXICON, Role, Word};

use super::super::ask::lower_first;
use super::super::forms::{is_base, verb_base};
use super::super::quote::opens_said;
use super::super::sentence::Sent;
use super::{Heading, Subject, past_adverbs, purpose_at};

/// The question as asked of a subject the heading does not name: the
/// heading beside it ("Caching: why does …?"), unless the question names
/// the heading itself.
pub(super) fn beside_heading(q: String, subject: &Subject, heading: &Heading) -> String {
    let named = heading
        .head
        .as_ref()
        .is_some_and(|h| q.to_lowercase().contains(h.as_str()));
    let about = !matches!(subject, Subject::Named { about: false, .. }) || named;
    if about || heading.shown.is_empty() {
        q
    } else {
        format!("{}: {}", heading.shown, lower_first(&q))
    }
}

/// A question its verb's own shape asks, whoever the subject: why not
/// ([`why_not`]), what for ([`serves`]), what it states ([`states_quoted`]).
pub(super) fn verb_shaped(
    s: &Sent,
    verb: &Word,
    rest: &[Word],
    (name, plural): (&str, bool),
) -> Option<String> {
    why_not(s, verb, rest, name)
        .or_else(|| serves(verb, rest, name, plural))
        .or_else(|| states_quoted(verb, rest, name))
}

/// "Redis does not support rollbacks, since supporting them would…": a
/// negated verb and its reason ask why not, "Why does Redis not support
/// rollbacks?", up to the reason.
fn why_not(s: &Sent, verb: &Word, rest: &[Word], name: &str) -> Option<String> {
    let [not, base, ..] = rest else {
        return None;
    };
    let negated = matches!(verb.norm.as_str(), "does" | "do" | "did")
        && matches!(not.norm.as_str(), "not" | "n't")
        && is_base(&base.norm);
    if !negated || !s.reason {
        return None;
    }
    let reason = rest
        .iter()
        .position(|w| matches!(w.norm.as_str(), "since" | "because" | "," | "as"))?;
    if reason <= 2 {
        return None;
    }
    let said = s.text.get(base.start..rest[reason - 1].end)?;
    Some(format!("Why {} {name} not {said}?", verb.norm))
}

/// "PYTEST_CURRENT_TEST may be useful for finding the test that hangs",
/// "The flag can be used to mark a test…": a modal, "be", then what the
/// subject serves ask "What is X useful for?", "What can X be used for?".
fn serves(verb: &Word, rest: &[Word], name: &str, plural: bool) -> Option<String> {
    if !matches!(verb.norm.as_str(), "can" | "may" | "could" | "might") {
        return None;
    }
    let k = past_adverbs(rest, 0);
    if rest.get(k)?.norm != "be" {
        return None;
    }
    let k = past_adverbs(rest, k + 1);
    let what = rest.get(k)?;
    if !purpose_at(rest, k + 1) {
        return None;
    }
    let be = if plural { "are" } else { "is" };
    match what.norm.as_str() {
        "used" => Some(format!("What {} {name} be used for?", verb.norm)),
        "useful" | "helpful" | "handy" => Some(format!("What {be} {name} {} for?", what.norm)),
        _ => None,
    }
}

/// "Conway's Law states “organizations which design systems…”": a verb of
/// saying before the quotation it says asks "What does Conway's Law
/// state?", the quoted words its answer (see `quote::states_a_law`).
fn states_quoted(verb: &Word, rest: &[Word], name: &str) -> Option<String> {
    let says = LEXICON.is(&verb.norm, Role::SayingVerb);
    (says && rest.first().is_some_and(opens_said))
        .then(|| format!("What does {name} {}?", verb_base(&verb.norm)))
}
