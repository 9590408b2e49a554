//! A heading naming a quality of the lesson's subject ("Linkable and
//! sharable", "Discoverable through search engines", "Less intrusive than
//! native apps"), as lists of benefits and drawbacks do (see
//! docs/lessons.md, "Qualities").

use crate::lesson::language::{Pos, Word};
use crate::lesson::text::word_count;

use super::Part;
use super::ask::lower_first;
use super::forms::looks_plural;

/// "Why are PWAs linkable and sharable?": the quality asked of what the
/// section's first answer is about, why when the section gives a reason,
/// in what sense otherwise; `None` when the heading names no quality or
/// the answer names no subject.
pub(super) fn quality_question(part: &Part, on_back: &[usize], title: &str) -> Option<String> {
    let topic = &part.topic;
    let words: Vec<&Word> = topic.analysis.content().collect();
    if !names_a_quality(&words) || word_count(&topic.inline) > 8 {
        return None;
    }
    let &first = on_back.first()?;
    let s = &part.ss[first];
    let subject = subject_of(&s.a.content().collect::<Vec<_>>(), &s.text)?;
    // (The subject the lesson or the heading above names: "Most towns
    // treat…" is about the towns, not the quality's bearer.)
    let named = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| w.eq_ignore_ascii_case(&subject))
    };
    if !(named(title) || part.section.context.as_deref().is_some_and(named)) {
        return None;
    }
    let be = if looks_plural(&subject.to_lowercase()) {
        "are"
    } else {
        "is"
    };
    let why = topic.why || on_back.iter().any(|&i| part.ss[i].reason);
    let quality = lower_first(&topic.inline);
    Some(if why {
        format!("Why {be} {subject} {quality}?")
    } else {
        format!("In what sense {be} {subject} {quality}?")
    })
}

/// An adjective first (an adverb of degree before it aside), then only
/// more adjectives joined by "and"/"or", and then nothing or a
/// preposition: "Linkable and sharable", "Less intrusive than…";
/// "Quick loading" names a thing.
fn names_a_quality(words: &[&Word]) -> bool {
    let start = words.iter().take_while(|w| w.pos == Pos::Adv).count();
    if words.get(start).is_none_or(|w| w.pos != Pos::Adj) {
        return false;
    }
    let run = words[start..]
        .iter()
        .take_while(|w| matches!(w.pos, Pos::Adj | Pos::Cconj | Pos::Adv))
        .count();
    words
        .get(start + run)
        .is_none_or(|w| matches!(w.pos, Pos::Adp | Pos::Sconj))
}

/// The subject the sentence speaks of: its first noun or name, in the
/// plural or capitalised, right before a verb ("PWAs are…", "Since PWAs
/// are…", "PWAs in general use…" past a prepositional phrase).
fn subject_of(words: &[&Word], text: &str) -> Option<String> {
    let at = words.iter().position(|w| w.pos.is_nominal())?;
    let w = words[at];
    let verb_follows = words[at + 1..]
        .iter()
        .take(4)
        .any(|n| matches!(n.pos, Pos::Verb | Pos::Aux));
    let spelt = &text[w.start..w.end];
    let name = spelt.chars().any(char::is_uppercase) || looks_plural(&w.norm);
    (verb_follows && name && w.pos != Pos::Pron).then(|| spelt.to_string())
}

#[cfg(test)]
mod tests {
    use crate::lesson::cards::question::tests::lesson_fronts;

    #[test]
    fn a_quality_heading_is_asked_of_what_its_answer_is_about() {
        let fronts = lesson_fronts(
            "# Electric scooters: pros and cons\n\n## Pros of scooters\n\n\
             ### Small and foldable\n\n\
             Since scooters now use small batteries, owners can fold and carry them onto a train.\n\n\
             ### Legal on most cycle paths\n\n\
             Most towns treat scooters as bicycles, because their motors stop helping above 25 km/h.\n\n\
             ### Quick charging\n\n\
             A full charge takes about three hours from a wall socket.\n",
        );
        assert!(
            fronts
                .iter()
                .any(|f| f == "Why are scooters small and foldable?"),
            "{fronts:?}"
        );
        // (A noun phrase names a thing, not a quality.)
        assert!(
            !fronts
                .iter()
                .any(|f| f.contains("scooters quick") || f.contains("towns")),
            "{fronts:?}"
        );
    }
}
