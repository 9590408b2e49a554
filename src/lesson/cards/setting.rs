//! A question about the setting the heading names, for a back that opens
//! on it and goes on with what anyone does there (see docs/lessons.md,
//! "Questions from the back"): "In a network namespace you can run
//! programs on any port" under "Network namespace" asks "What can you do
//! in a network namespace?"; "With pipelining, you send every command at
//! once" asks "What happens with pipelining?".

use crate::lesson::language::{Pos, Word};
use crate::lesson::text::stem;

use super::ask::lower_first;
use super::from_back::Heading;
use super::sentence::{Sent, kin};

/// The most words the opening phrase holds, its preposition included.
const SETTING_WORDS: usize = 6;

/// The question `s` answers when it opens on a preposition whose phrase
/// names the heading's head and goes on with "you", "we"
/// or "one" and what they can, should or do do there.
pub(super) fn setting_question(s: &Sent, heading: &Heading) -> Option<String> {
    if s.leans.is_some() || s.quoted || s.fragment || s.imperative {
        return None;
    }
    let w = &s.a.words;
    let opens = w.first().is_some_and(|p| {
        p.pos == Pos::Adp && matches!(p.norm.as_str(), "in" | "inside" | "within" | "with")
    });
    let k = w
        .iter()
        .position(generic_subject)
        .filter(|&k| opens && k > 2)?;
    // (The phrase is a noun phrase, "a pid namespace", "batching", with
    // at most the comma closing it.)
    let last = if w[k - 1].norm == "," { k - 2 } else { k - 1 };
    let phrase = w.get(1..=last)?;
    let noun_phrase = phrase.iter().all(|x| {
        x.pos.is_nominal()
            || matches!(x.pos, Pos::Det | Pos::Adj | Pos::Num)
            || x.norm.ends_with("ing")
    });
    // (A gerund heading, "Batching", has no head noun: its last word.)
    let last_word = heading.text.split(' ').next_back().map(stem);
    let names_head = heading.head.clone().or(last_word).is_some_and(|head| {
        phrase
            .iter()
            .any(|x| x.pos != Pos::Det && kin(&head, &stem(&x.norm)))
    });
    if !noun_phrase || !names_head || !(2..=SETTING_WORDS).contains(&(last + 1)) {
        return None;
    }
    let said = lower_first(&s.text[w[0].start..w[last].end]);
    let verb = w.get(k + 1)?;
    let asked = match verb.norm.as_str() {
        "can" | "could" => "What can you do",
        "should" | "must" => "What should you do",
        _ if verb.pos == Pos::Verb && !verb.norm.ends_with("ing") => "What happens",
        _ => return None,
    };
    Some(format!("{asked} {said}?"))
}

/// "You", "we", "one": anyone at all, whom the question may name again.
fn generic_subject(w: &Word) -> bool {
    w.pos == Pos::Pron && matches!(w.norm.as_str(), "you" | "we" | "one")
}
