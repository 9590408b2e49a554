//! Advice choosing one thing over another (see docs/lessons.md, "Advice
//! with its time"): "Prefer titles that say something over abstract
//! nouns", "Use a queue rather than a lock". "How should you prefer
//! titles…?" asks nothing: the choice is the advice. The question names
//! what is given up and asks for what to take instead ("What should you
//! prefer over abstract nouns?"), and the back opens with it.

use crate::lesson::language::{Analysis, LEXICON, Role, Word};

/// The question, and the answer the heading gives it, for advice of the
/// shape "VERB A over B" (a verb of lexicon role `choosing-verb`; "to"
/// after "prefer") or "VERB A rather than B", "VERB A instead of B".
pub(super) fn preferred(h: &Analysis, inline: &str) -> Option<(String, String)> {
    let words: Vec<&Word> = h.content().collect();
    let verb = words.first()?;
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let (k, width) = (2..norms.len().saturating_sub(1)).find_map(|k| {
        let pair = (norms[k], norms[k + 1]);
        match pair {
            ("rather", "than") | ("instead", "of") => Some((k, 2)),
            ("over", _) if LEXICON.is(&verb.norm, Role::ChoosingVerb) => Some((k, 1)),
            ("to", _) if verb.norm == "prefer" => Some((k, 1)),
            _ => None,
        }
    })?;
    let taken = &words[1..k];
    let given_up = &words[k + width..];
    // Both sides name things: "Ask rather than assume" has no object.
    if !taken.iter().any(|w| w.pos.is_nominal()) || !given_up.iter().any(|w| w.pos.is_nominal()) {
        return None;
    }
    let verb_text = &inline[verb.start..verb.end];
    let marker = &inline[words[k].start..words[k + width - 1].end];
    let rest = &inline[given_up[0].start..given_up[given_up.len() - 1].end];
    let answer = &inline[taken[0].start..taken[taken.len() - 1].end];
    Some((
        format!("What should you {verb_text} {marker} {rest}?"),
        answer.to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::language::analyse;

    fn asked(heading: &str) -> Option<(String, String)> {
        preferred(&analyse(heading), heading)
    }

    #[test]
    fn a_choice_asks_what_to_take_instead_of_what_is_given_up() {
        let cases = [
            (
                "prefer titles with informative sentences over abstract nouns",
                "What should you prefer over abstract nouns?",
                "titles with informative sentences",
            ),
            (
                "prefer short words to long ones",
                "What should you prefer to long ones?",
                "short words",
            ),
            (
                "use a queue rather than a shared lock",
                "What should you use rather than a shared lock?",
                "a queue",
            ),
            (
                "write tests instead of comments",
                "What should you write instead of comments?",
                "tests",
            ),
        ];
        for (heading, question, answer) in cases {
            assert_eq!(
                asked(heading),
                Some((question.to_string(), answer.to_string())),
                "{heading}"
            );
        }
    }

    #[test]
    fn the_back_opens_with_what_to_take() {
        let cards = crate::lesson::cards::question::tests::lesson_pairs(
            "# Writing commit titles\n\n\
             ## Prefer verbs over vague nouns\n\n\
             A title such as \"Fix the parser crash\" tells a reader what changed. \
             \"Parser updates\" leaves them to open the diff.\n",
        );
        assert_eq!(cards[0].0, "What should you prefer over vague nouns?");
        assert!(
            cards[0].1.starts_with("Verbs: a title such as"),
            "{cards:?}"
        );
    }

    #[test]
    fn advice_without_two_things_to_choose_between_is_left_alone() {
        for heading in [
            "ask rather than assume",
            "prefer composition",
            // "over" as a place, after a verb that chooses nothing.
            "hang the towel over the rail",
            "listen to the reviewer",
        ] {
            assert_eq!(asked(heading), None, "{heading}");
        }
    }
}
