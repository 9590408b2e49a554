//! A paragraph without a heading whose made-up name gives no question
//! ("What should you know about python 3?"), as in an essay or a post: it
//! is asked by the grammar of its best general statement instead, or gets
//! no point card, which the paragraph warning then reports (see
//! docs/lessons.md, "Paragraphs without a heading").

use super::front;
use super::own_subject::own_subject_question;
use super::sentence::Sent;
use super::subject_question::sharpened;
use super::{Maker, Part, back};

/// Why the back is the sentence it is, for `lesson --explain`.
pub(super) const WHY: &str = "the section has no heading and its made-up name asks nothing: the best-scoring general statement (not the writer's own, leaning on nothing) whose subject can be asked about";

/// Fewest words of a general statement asked about.
const GENERAL_WORDS: usize = 6;

/// Most words of a general statement asked about.
const GENERAL_MAX_WORDS: usize = 40;

impl Maker {
    /// For a made-up name asked nothing of: the best-scoring sentence of
    /// the section, other than `chosen`, that states something general and
    /// whose own subject can be asked about, as (front, back, chosen).
    /// `None`: no sentence can carry the section's point card.
    pub(super) fn unheaded_point(
        &self,
        part: &Part,
        (vague, chosen): (&str, &[usize]),
    ) -> Option<(String, String, Vec<usize>)> {
        back::ranked_others(part, chosen)
            .into_iter()
            .filter(|&i| general(&part.ss[i]))
            .find_map(|i| {
                let text = part.ss[i].text.clone();
                if let Some(front) = own_subject_question(&part.ss[i], &self.casing) {
                    return Some((front, text, vec![i]));
                }
                // (Or the subject question a vague one gives way to.)
                let asked = sharpened(
                    vague.to_string(),
                    text,
                    vec![i],
                    (part.ss, &self.title_kind),
                );
                (!front::vague(&asked.0)).then_some(asked)
            })
    }
}

/// A statement that stands for more than the story around it: not the
/// writer's own ("I", "we"), not leaning on the sentence before, not a
/// pointer into the text, a quotation, a fragment or a hook.
fn general(s: &Sent) -> bool {
    !(s.personal
        || s.narrated
        || s.leans.is_some()
        || s.pointer
        || s.quoted
        || s.fragment
        || s.hook
        || s.refers_back())
        && (GENERAL_WORDS..=GENERAL_MAX_WORDS).contains(&s.words())
}

#[cfg(test)]
mod tests {
    use crate::lesson::cards::question::tests::lesson_pairs;

    const STORY: &str = "# A year of night shifts\n\n\
        I started working nights at the depot in March. My first week I slept badly and ate at odd hours. By summer I had found a rhythm that worked for me.\n\n\
        The night bus was my first real surprise. I rode it for a month before I learned the drivers' names. Most of them had worked nights for years and knew every regular.\n\n\
        Then there was the question of food. I ate whatever the vending machine had, and I felt worse each week. Warm meals keep the body on a steadier clock than snacks.\n";

    #[test]
    fn a_story_paragraph_gets_no_question_about_a_made_up_name() {
        let pairs = lesson_pairs(STORY);
        assert!(
            pairs
                .iter()
                .all(|(f, _)| !f.starts_with("What should you know about")),
            "{pairs:?}"
        );
        // The general statement of the last paragraph is asked by its own
        // subject, with no made-up name before it.
        assert_eq!(
            pairs,
            vec![(
                "What do warm meals keep?".to_string(),
                "Warm meals keep the body on a steadier clock than snacks.".to_string()
            )]
        );
    }

    #[test]
    fn a_paragraph_left_without_a_card_is_warned_of() {
        let made =
            crate::lesson::analyse(std::path::Path::new("story.md"), STORY).expect("a lesson");
        let warned: Vec<&String> = made
            .warnings
            .iter()
            .filter(|w| w.contains("no card for this paragraph"))
            .collect();
        assert!(warned[0].starts_with("story.md:3: "), "{warned:?}");
        assert!(warned[1].starts_with("story.md:5: "), "{warned:?}");
        let empty: Vec<usize> = made
            .sections
            .iter()
            .filter(|s| s.cards == 0)
            .map(|s| s.line)
            .collect();
        assert_eq!(empty, vec![3, 5], "{:?}", made.sections);
        assert_eq!(warned.len(), 2, "{warned:?}");
    }
}
