//! Headings whose subject is a clause of their own: "Who you work with is
//! so important", "What you eat matters", "How you name things counts"
//! (see docs/lessons.md, "Point cards"). The question word opens the
//! subject, not a question: the heading states something of the clause,
//! and the question asks about that, "Why is who you work with
//! important?", never "What do you eat matters?".

use crate::lesson::language::{Analysis, LEXICON, Pos, Role, Word};

use super::forms::{looks_plural, verb_base};

/// The verbs a clause subject is said to be or do: a form of "be", or a
/// verb saying it weighs ("matters", "counts").
const MAIN_VERBS: [&str; 5] = ["is", "are", "matters", "counts", "helps"];

/// Words that only stress the quality after "is" ("so important").
const STRESS: [&str; 5] = ["so", "very", "really", "super", "extremely"];

/// The index (among content words) of the heading's own verb, when a
/// question word and a clause with a subject and verb of its own come
/// before it: "Who you work with | is so important". A subordinator
/// between the two ("What happens when you deploy") makes the second verb
/// part of another clause, and the heading is no such statement.
pub(super) fn clause_subject(h: &Analysis) -> Option<usize> {
    let words: Vec<&Word> = h.content().collect();
    let [wh, subject, ..] = words[..] else {
        return None;
    };
    if !matches!(wh.norm.as_str(), "who" | "what" | "how" | "where" | "when") {
        return None;
    }
    // The clause's own subject: a pronoun or a noun ("what you eat",
    // "how people read").
    if !(subject.pos == Pos::Pron || subject.pos.is_nominal()) || subject.norm == "it" {
        return None;
    }
    // (After a pronoun the next word is the clause's verb, whatever class
    // the tagger gives it: "who you work with".)
    let clause_verb = if subject.pos == Pos::Pron && words.len() > 3 {
        2
    } else {
        2 + words[2..]
            .iter()
            .position(|w| matches!(w.pos, Pos::Verb | Pos::Aux))?
    };
    let main = clause_verb
        + 1
        + words[clause_verb + 1..]
            .iter()
            .position(|w| MAIN_VERBS.contains(&w.norm.as_str()))?;
    let between = &words[clause_verb + 1..main];
    let placed = between.iter().any(|w| {
        w.pos == Pos::Sconj
            || LEXICON.is(&w.norm, Role::PlacingConjunction)
            || matches!(w.norm.as_str(), "if" | "that" | "which")
            || matches!(w.pos, Pos::Verb | Pos::Aux)
    });
    (!placed && h.words.iter().all(|w| w.norm != "?")).then_some(main)
}

/// The question such a heading asks: why the clause is what the heading
/// says, when that is a quality of worth ("important"), or when it
/// "matters"; in what sense otherwise. `text` is the heading as a question
/// shows it.
pub(super) fn clause_question(h: &Analysis, text: &str, main: usize) -> String {
    let words: Vec<&Word> = h.content().collect();
    let verb = words[main];
    let subject = text[words[0].start..verb.start].trim();
    let rest: Vec<&Word> = words[main + 1..]
        .iter()
        .copied()
        .skip_while(|w| STRESS.contains(&w.norm.as_str()))
        .collect();
    let after = match (rest.first(), rest.last()) {
        (Some(first), Some(last)) => text[first.start..last.end].trim(),
        _ => "",
    };
    let worth = rest.iter().any(|w| LEXICON.is(&w.norm, Role::WorthWord));
    match verb.norm.as_str() {
        "is" | "are" if after.is_empty() => format!("What does it mean that {text}?"),
        "is" | "are" => {
            let asks = if worth { "Why" } else { "In what sense" };
            format!("{asks} {} {subject} {after}?", verb.norm)
        }
        // ("What you eat helps you focus": a weight asks why; a verb in
        // "-s" agrees with the clause, singular.)
        _ => {
            let tail = if after.is_empty() {
                String::new()
            } else {
                format!(" {after}")
            };
            let base = if looks_plural(&verb.norm) {
                verb_base(&verb.norm)
            } else {
                verb.norm.clone()
            };
            format!("Why does {subject} {base}{tail}?")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::language::analyse;

    fn asked(heading: &str) -> Option<String> {
        let h = analyse(heading);
        clause_subject(&h).map(|main| clause_question(&h, heading, main))
    }

    #[test]
    fn a_clause_subject_is_asked_about_what_the_heading_says_of_it() {
        assert_eq!(
            asked("who you work with is so important").as_deref(),
            Some("Why is who you work with important?")
        );
        assert_eq!(
            asked("what you eat matters").as_deref(),
            Some("Why does what you eat matter?")
        );
        assert_eq!(
            asked("how you name things is a design choice").as_deref(),
            Some("In what sense is how you name things a design choice?")
        );
    }

    #[test]
    fn an_embedded_question_or_a_placed_clause_is_no_clause_subject() {
        for heading in [
            "how caching works",
            "what happens when a page is requested",
            "why locks slow down writes",
            "what is a cache?",
        ] {
            assert_eq!(asked(heading), None, "{heading}");
        }
    }
}
