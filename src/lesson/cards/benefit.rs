//! Gains under a heading asking why a thing is worth having (see
//! docs/lessons.md, "Gains under a why heading"): "Better estimates"
//! under "Why is a task list important?" names what the task list brings,
//! so it asks "How does a task list lead to better estimates?", not "What
//! are better estimates?".

use super::forms::looks_plural;
use crate::lesson::language::{LEXICON, Pos, Role, analyse};

/// The question for a gain heading (`heading`, as it reads inline) under
/// a parent asking why a thing is worth having (`parent`, as it reads
/// inline), when the question made from the heading alone asks nothing of
/// it or asks what it is (`front`).
pub(super) fn gain_front(parent: &str, heading: &str, front: &str) -> Option<String> {
    let unspecific = super::front::vague(front)
        || front.starts_with("What is ")
        || front.starts_with("What are ");
    if !unspecific || !(names_a_gain(heading) || (lists_gains(parent) && a_quality(heading))) {
        return None;
    }
    let (thing, plural) = worth_having(parent)?;
    let verb = if plural { "do" } else { "does" };
    Some(format!("How {verb} {thing} lead to {heading}?"))
}

/// "Better estimates", "Fewer forgotten chores", "Improved focus": a
/// heading opening on a comparative or a word of gain.
fn names_a_gain(heading: &str) -> bool {
    let a = analyse(heading);
    let mut words = a.content();
    let Some(first) = words.next() else {
        return false;
    };
    let comparative = first.pos == Pos::Adj && first.norm.ends_with("er");
    (comparative || LEXICON.is(&first.norm, Role::GainOpening)) && words.next().is_some()
}

/// "Benefits of microservices", "Advantages of pair programming": a
/// parent listing gains, so every heading under it names one.
fn lists_gains(parent: &str) -> bool {
    let lower = parent.trim().to_lowercase();
    let mut words = lower.split_whitespace();
    let first = words.next().unwrap_or_default();
    // (A plural of role `worth-word`: "benefits", "advantages", "pros"…)
    LEXICON.is(first, Role::WorthWord) && looks_plural(first) && words.next() == Some("of")
}

/// "Independent scalability", "Potential for loose coupling": a noun
/// phrase in lower case, no name ("Conway's Law") nor one thing pointed
/// at ("The budget").
fn a_quality(heading: &str) -> bool {
    let a = analyse(heading);
    let words: Vec<_> = a.content().collect();
    words.len() >= 2
        && words.last().is_some_and(|w| w.pos == Pos::Noun)
        && words.iter().all(|w| {
            matches!(w.pos, Pos::Adj | Pos::Noun | Pos::Adp | Pos::Cconj)
                || (w.pos == Pos::Verb && w.norm.ends_with("ed"))
        })
        && heading
            .split_whitespace()
            .all(|w| !w.starts_with(char::is_uppercase))
}

/// The thing a parent heading asks why to have, and whether it is plural:
/// "Why is a task list important?" (a task list), "Why tests matter"
/// (tests), "Why use linters?" (using linters), "Benefits of pair
/// programming" (pair programming). Not a pronoun ("Why is it useful?").
fn worth_having(parent: &str) -> Option<(String, bool)> {
    let bare = parent.trim().trim_end_matches(['?', '.', ':', '!']).trim();
    let words: Vec<&str> = bare.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let worth = |k: usize| LEXICON.is(&lower[k..].join(" "), Role::WorthWord);
    let n = words.len();
    let (thing, using) = match lower.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["why", "is" | "are", ..] if n >= 4 => {
            let end = (3..n).find(|&k| worth(k))?;
            (&words[2..end], false)
        }
        ["why", "use", ..] if n >= 3 => (&words[2..], true),
        ["why", .., "matter" | "matters"] if n >= 3 => (&words[1..n - 1], false),
        [first, "of", ..] if n >= 3 && LEXICON.is(first, Role::WorthWord) => (&words[2..], false),
        ["the", _, "of", ..] if n >= 4 && LEXICON.is(&lower[1], Role::WorthWord) => {
            (&words[3..], false)
        }
        _ => return None,
    };
    let first = thing.first()?.to_lowercase();
    if matches!(
        first.as_str(),
        "it" | "this" | "that" | "they" | "these" | "those"
    ) {
        return None;
    }
    let thing = thing.join(" ");
    if using {
        return Some((format!("using {thing}"), false));
    }
    let last = thing.rsplit(' ').next().unwrap_or_default().to_lowercase();
    Some((thing, looks_plural(&last)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gain_under_a_why_heading_asks_how_the_thing_brings_it() {
        let q = |p: &str, h: &str| gain_front(p, h, &format!("What are {h}?"));
        assert_eq!(
            q(
                "Why is a shopping list important?",
                "fewer trips to the shop"
            )
            .as_deref(),
            Some("How does a shopping list lead to fewer trips to the shop?")
        );
        assert_eq!(
            q("Benefits of code review", "better designs").as_deref(),
            Some("How does code review lead to better designs?")
        );
        // (Under a list of benefits, any quality named is one.)
        assert_eq!(
            q("Benefits of code review", "shared ownership").as_deref(),
            Some("How does code review lead to shared ownership?")
        );
        assert_eq!(
            q("Why use linters?", "faster reviews").as_deref(),
            Some("How does using linters lead to faster reviews?")
        );
        assert_eq!(
            q("Why unit tests matter", "safer refactoring").as_deref(),
            Some("How do unit tests lead to safer refactoring?")
        );
    }

    #[test]
    fn other_headings_and_parents_keep_their_question() {
        let q = |p: &str, h: &str| gain_front(p, h, &format!("What matters about {h}?"));
        // No gain named.
        assert_eq!(q("Why is a shopping list important?", "the budget"), None);
        // (Under a list of benefits, a name is no gain.)
        assert_eq!(q("Benefits of code review", "Conway's Law"), None);
        // No thing named, or no why asked.
        assert_eq!(q("Why is it important?", "fewer trips"), None);
        assert_eq!(q("Planning the week", "better estimates"), None);
        // A question that asks something already stays.
        assert_eq!(
            gain_front(
                "Benefits of code review",
                "better designs",
                "Why do reviews give better designs?"
            ),
            None
        );
    }
}
