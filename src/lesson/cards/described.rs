//! Advice answered by a description: "Drop gold nuggets throughout" over
//! "Gold nuggets are small points of interest…", "Pick your recording
//! gear" over "Some people have studio microphones, others a phone". The
//! back says what the advice is about, neither why to follow it nor how,
//! so the question asks what the advice means (see docs/lessons.md,
//! "Advice answered by a description").

use super::Part;
use super::ask::Ask;
use super::question::{defines, rest_from, what_is};
use super::sentence::{Sent, content_stems};
use super::style::existential;
use crate::lesson::language::{Pos, Word, analyse};

/// "What does it mean to drop gold nuggets throughout?": a heading of
/// advice whose section gives no reason, whose back gives no advice, and
/// whose first sentence describes (see [`describes`]).
pub(super) fn described_advice(part: &Part, on_back: &[usize]) -> Option<String> {
    let (topic, ss) = (&part.topic, part.ss);
    if topic.ask != Ask::Do
        || topic.why
        || topic.why_below
        || topic.mistake == super::mistake::Fault::Recast
    {
        return None;
    }
    // ("Be ready…", "Have a plan…" ask what they mean already.)
    let first_word = topic.analysis.content().next()?;
    if matches!(first_word.norm.as_str(), "be" | "have") {
        return None;
    }
    let first = *on_back.first()?;
    let advises = on_back.iter().any(|&i| ss[i].gives_method());
    (!advises && describes(&ss[first])).then(|| {
        let text = topic.inline.trim().trim_end_matches(['.', '!']).trim_end();
        format!("What does it mean to {text}?")
    })
}

/// Does the sentence describe, stating what a thing is or has ("Gold
/// nuggets are small concepts…", "Some people have…"), rather than what
/// comes of something? Its main verb is "be" before a noun phrase, or
/// "have" before what is had, with no modal, comparison or reason: "A
/// list that returns everything fails in production", "A short call
/// settles it faster than more text" and "Telling them it's easy is not
/// kind" (a judgement, an adjective) give reasons; a description gives
/// none.
pub(super) fn describes(s: &Sent) -> bool {
    // ("There are tools like…" says what exists, no more.)
    if s.reason || s.imperative || s.personal || s.pointer || s.fragment || existential(s) {
        return false;
    }
    let words: Vec<&Word> = s.a.content().collect();
    // The main verb: the first, unless a relative pronoun opens its
    // clause ("A list that returns everything fails…").
    let relative =
        |i: usize| i > 0 && matches!(words[i - 1].norm.as_str(), "that" | "which" | "who");
    let Some(v) =
        (0..words.len()).find(|&i| matches!(words[i].pos, Pos::Verb | Pos::Aux) && !relative(i))
    else {
        return false;
    };
    // The main clause, up to a relative clause after the verb ("…small
    // facts that you can drop into a talk": what "can" qualifies is the
    // fact, not the claim).
    let end = (v + 1..words.len())
        .find(|&i| matches!(words[i].norm.as_str(), "that" | "which" | "who"))
        .unwrap_or(words.len());
    let weighs = words[..end].iter().any(|w| {
        matches!(
            w.norm.as_str(),
            "will"
                | "would"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "should"
                | "shall"
                | "'ll"
                | "'d"
                | "than"
                | "more"
                | "less"
                | "fewer"
                | "too"
        )
    });
    if weighs {
        return false;
    }
    // (Past the adverbs and negation right after the verb: "are not the
    // same", "is really a resource".)
    let after: Vec<&&Word> = words[v + 1..]
        .iter()
        .skip_while(|w| w.pos == Pos::Adv || w.norm == "not" || w.norm == "n't")
        .collect();
    match words[v].norm.as_str() {
        "is" | "are" | "was" | "were" | "'re" => nominal_complement(&after),
        "has" | "have" => after.first().is_some_and(|n| {
            !matches!(n.pos, Pos::Verb | Pos::Aux | Pos::Part) && n.norm != "to" && n.norm != "been"
        }),
        _ => false,
    }
}

/// "…are small concepts", "…is a resource", "…are the same": the words
/// after "be" make a noun phrase, not a participle (a passive says what
/// happens) nor an adjective alone (a judgement).
fn nominal_complement(after: &[&&Word]) -> bool {
    match after.first() {
        Some(w) if matches!(w.pos, Pos::Det | Pos::Num) => true,
        Some(w) if matches!(w.pos, Pos::Noun | Pos::Propn) => true,
        Some(w) if w.pos == Pos::Adj => after
            .iter()
            .skip(1)
            .take_while(|n| {
                !matches!(
                    n.pos,
                    Pos::Punct | Pos::Sconj | Pos::Cconj | Pos::Adp | Pos::Adv
                )
            })
            .any(|n| matches!(n.pos, Pos::Noun | Pos::Propn)),
        _ => false,
    }
}

/// "How to escape tutorial hell" answered by what tutorial hell is
/// ("Tutorial hell refers to…"), as an article often opens: the question
/// asks what the heading's object is, which the back answers, instead of a
/// how it does not.
pub(super) fn defined_object(part: &Part, on_back: &[usize]) -> Option<String> {
    let topic = &part.topic;
    let from = match topic.ask {
        Ask::HowTo => 3,
        Ask::Do | Ask::Gerund => 1,
        _ => return None,
    };
    let object = rest_from(&topic.analysis, &topic.inline, from);
    let a = analyse(&object);
    // A thing in general ("tutorial hell", "a pull request"), not one
    // already known ("the flour") nor a quality ("lazy").
    let words: Vec<_> = a.content().collect();
    let general = words.first().is_some_and(|w| {
        matches!(w.pos, Pos::Adj | Pos::Noun | Pos::Propn) || matches!(w.norm.as_str(), "a" | "an")
    }) && words
        .iter()
        .all(|w| matches!(w.pos, Pos::Adj | Pos::Noun | Pos::Propn | Pos::Det) || w.norm == "of")
        && words.last().is_some_and(|w| w.pos.is_nominal());
    if !general {
        return None;
    }
    let stems = content_stems(&a, &object);
    let first = *on_back.first()?;
    // "Generators are constructed by…" is passive: it says how, not what.
    let words: Vec<_> = part.ss[first].a.content().collect();
    let passive = words
        .iter()
        .position(|w| matches!(w.pos, Pos::Aux | Pos::Verb))
        .and_then(|v| words[v + 1..].iter().find(|w| w.pos != Pos::Adv))
        .is_some_and(|w| w.pos == Pos::Verb);
    (!passive
        && defines(&part.ss[first], &stems)
        && !on_back
            .iter()
            .any(|&i| part.ss[i].imperative || part.ss[i].reason))
    .then(|| what_is(&a, &object))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::read::PieceKind;

    fn described(t: &str) -> bool {
        describes(&Sent::new(t.into(), PieceKind::Para))
    }

    #[test]
    fn what_a_thing_is_or_has_describes() {
        assert!(described(
            "Gold nuggets are small facts that you can drop into a talk."
        ));
        assert!(described(
            "Some cooks have a stone oven, while others use a steel plate."
        ));
        assert!(described(
            "Not all index types are the same in every database."
        ));
        assert!(described(
            "The manual is a wonderful resource for new contributors."
        ));
    }

    #[test]
    fn what_comes_of_something_is_no_description() {
        // An event, a passive, a modal, a comparison, a judgement, a reason.
        assert!(!described(
            "A list that returns everything fails in production."
        ));
        assert!(!described(
            "A question left buried in a paragraph is forgotten."
        ));
        assert!(!described(
            "A notebook with missing pages cannot prove priority."
        ));
        assert!(!described(
            "A short call settles it faster than more comments."
        ));
        assert!(!described(
            "Telling a beginner that it is easy is not kind."
        ));
        assert!(!described(
            "The dough is sticky because the flour is too wet."
        ));
        // A relative clause is not the main verb.
        assert!(!described(
            "A change that has tests merges without a fight."
        ));
    }

    #[test]
    fn advice_answered_by_a_description_asks_what_it_means() {
        use crate::lesson::cards::question::tests::lesson_fronts;
        let fronts = lesson_fronts(
            "# Teaching online\n\n## Engage the class\n\n\
             - **Drop small stories throughout**. Small stories are short anecdotes with a \
             lesson that you can tell in a minute.\n\
             - **Keep breaks short**. Keep each break under ten minutes, because a class that \
             drifts away rarely comes back.\n",
        );
        assert!(
            fronts.contains(&"What does it mean to drop small stories throughout?".to_string())
        );
        assert!(fronts.contains(&"Why should you keep breaks short?".to_string()));
    }
}
