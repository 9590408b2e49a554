//! A heading that names the reader's mistake in the second person ("You're
//! watering down your message", "You don't dedicate time for it"), in a
//! lesson about what goes wrong, asked as the advice it implies: "Don't
//! water down your message", "Dedicate time for it" (see docs/lessons.md,
//! "Mistakes said to the reader").

use crate::lesson::language::{LEXICON, Pos, Role, Word, analyse, known_verb};

use super::Maker;
use super::forms::{addressed_modal, gerund_base, is_base};
use super::sentence::Sent;
use crate::lesson::read::{Lesson, Section};
use crate::lesson::text::{sentences, wholly_quoted};

/// The advice a second-person mistake heading implies, `None` when the
/// heading is no such statement: "you" and a verb of the present, not a
/// modal, a perfect or a past ("You can negotiate", "You've stopped
/// learning" are left as written).
pub(super) fn as_advice(inline: &str, apostrophe: char) -> Option<String> {
    let a = analyse(inline);
    let words: Vec<&Word> = a.content().collect();
    if words.first()?.norm != "you" || words.len() < 3 {
        return None;
    }
    let rest = |k: usize| -> Option<String> {
        let from = words.get(k)?.start;
        Some(inline[from..].trim().to_string())
    };
    let w1 = words[1].norm.as_str();
    let negated = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| matches!(w.norm.as_str(), "not" | "n't"))
    };
    let dont = format!("don{apostrophe}t");
    match w1 {
        // "You're not being specific" → "Be specific"; "You aren't
        // listening" → "Listen"; "You're watering down…" → "Don't water
        // down…"; "You're too polite" → "Don't be too polite".
        "'re" | "are" => {
            let (negative, at) = if negated(2) { (true, 3) } else { (false, 2) };
            let next = words.get(at)?;
            let (verb, from) = if next.norm == "being" {
                ("be".to_string(), at + 1)
            } else if let Some(base) = gerund_base(&next.norm) {
                (base, at + 1)
            } else {
                ("be".to_string(), at)
            };
            let tail = rest(from)?;
            Some(if negative {
                format!("{verb} {tail}")
            } else {
                format!("{dont} {verb} {tail}")
            })
        }
        // "You don't dedicate time" → "Dedicate time"; "You never ask" →
        // "Ask".
        "do" if negated(2) => {
            let verb = words.get(3)?;
            (is_base(&verb.norm) && known_verb(&verb.norm) != Some(false)).then(|| rest(3))?
        }
        "never" => {
            let verb = words.get(2)?;
            (is_base(&verb.norm) && known_verb(&verb.norm) == Some(true)).then(|| rest(2))?
        }
        // "You wait for the right time" → "Don't wait for the right time".
        _ if words[1].pos == Pos::Verb
            && is_base(w1)
            && known_verb(w1) == Some(true)
            && !LEXICON.is(w1, Role::RuleModal)
            && !matches!(
                w1,
                "have" | "can" | "could" | "will" | "would" | "may" | "might"
            ) =>
        {
            Some(format!("{dont} {}", rest(1)?))
        }
        _ => None,
    }
}

/// Is the lesson a list of mistakes: two headings or more tell the reader
/// what they do, and its title or any of its sections speaks of getting it
/// wrong ("…and what to do about each", "This is a mistake")? Then every
/// such heading is one, those whose section names no fault too.
pub(super) fn lesson_of_mistakes(lesson: &Lesson, sents: &[Vec<Sent>], apostrophe: char) -> bool {
    let told = lesson
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref())
        .filter(|h| as_advice(&h.to_lowercase(), apostrophe).is_some())
        .count();
    told >= 2 && (names_fault(&lesson.title) || sents.iter().any(|ss| signs_fault(ss)))
}

/// How a section's heading names a mistake, if it does.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Fault {
    /// It names none.
    None,
    /// Recast as the advice it implies ("You're watering down your
    /// message" → "Don't water down…"): the fix answers.
    Recast,
    /// An activity in a list of faults ("Getting everyone on the call"),
    /// asked "What is wrong with…?" (see [`fault_front`]): what it costs
    /// answers, not the fix.
    Named,
}

impl Maker {
    /// How the section's heading (`inline`, as a question names it) names
    /// a mistake: `recast` when it was recast as advice.
    pub(super) fn fault_of(&self, recast: bool, section: &Section, inline: &str) -> Fault {
        let in_faults =
            self.title_kind.faults || section.context.as_deref().is_some_and(names_fault);
        let activity = activity_of(inline).filter(|base| !tells_to(section, base));
        if recast {
            Fault::Recast
        } else if in_faults && section.heading.is_some() && activity.is_some() {
            Fault::Named
        } else {
            Fault::None
        }
    }

    /// "You're watering down your message" in a lesson on mistakes: the
    /// advice it implies, asked for what to do instead (the section tells
    /// why people make the mistake more often than why not to), and whether
    /// the heading was so recast.
    pub(super) fn mistake_as_advice(
        &self,
        inline: String,
        section: &Section,
        ss: &[Sent],
    ) -> (String, bool) {
        match as_advice(&inline, self.apostrophe) {
            Some(advice)
                if self.mistakes
                    || about_faults(self.title_kind.faults, section.context.as_deref(), ss) =>
            {
                (advice, true)
            }
            _ => (inline, false),
        }
    }
}

/// Is the section about a mistake: its title (`title_faults`, see
/// `TitleKind`) or the heading above names one ("Why you're bad at…",
/// "Common mistakes"), or its text does ("This is a mistake", "Instead,
/// …", "the trap")?
pub(super) fn about_faults(title_faults: bool, context: Option<&str>, ss: &[Sent]) -> bool {
    title_faults || context.is_some_and(names_fault) || signs_fault(ss)
}

/// "What matters about the random photo?" in a lesson of faults (see
/// `Maker::in_context`) → "What is wrong with the random photo?": a
/// section naming a fault is asked what is wrong with it, not what
/// matters about it, nor how to do it ("How do you overuse the word?" →
/// "What is wrong with overusing the word?"). A clause ("they focus far
/// too much on grammar") names no fault, nor an activity the section
/// tells the reader to do ("Salting the pasta water" over "Salt the
/// water until…": a habit to keep among the faults). `asks_nothing_of`
/// is what a question asking nothing of its subject names (see
/// `front::asks_nothing_of`); `heading` is the section's, cased inline.
pub(super) fn fault_front(
    asks_nothing_of: Option<&str>,
    heading: &str,
    section: &Section,
    front: &str,
) -> Option<String> {
    if let Some(base) = activity_of(heading) {
        // (Or what it involves, the question an activity asks elsewhere;
        // and a denied one, "Not sharing the notes", is asked so whatever
        // question names it.)
        let denied = heading.to_lowercase().starts_with("not ");
        let vague_or_how = asks_nothing_of.is_some()
            || front.starts_with("How do you ")
            || (front.starts_with("What does ") && front.ends_with(" involve?"))
            || (denied && front.to_lowercase().contains(&heading.to_lowercase()));
        return (vague_or_how && !tells_to(section, &base))
            .then(|| format!("What is wrong with {heading}?"));
    }
    let x = asks_nothing_of?;
    let clause = !wholly_quoted(x)
        && analyse(x).content().any(|w| {
            matches!(w.pos, Pos::Pron | Pos::Aux)
                || (w.pos == Pos::Verb && !w.norm.ends_with("ing"))
        });
    (!clause).then(|| format!("What is wrong with {x}?"))
}

/// The verb of an activity a heading names, by its gerund: "Overusing
/// the word" → "overuse"; past a denial, "Not sharing the changes" →
/// "share".
fn activity_of(heading: &str) -> Option<String> {
    let mut words = heading.split_whitespace();
    let first = words.next()?;
    let denied = matches!(first.to_lowercase().as_str(), "not" | "never");
    gerund_base(if denied { words.next()? } else { first })
}

/// Does a sentence of the section open with the verb, as advice ("Salt
/// the water until it tastes like the sea")?
fn tells_to(section: &Section, verb: &str) -> bool {
    section.body.iter().any(|p| {
        sentences(&p.text).iter().any(|s| {
            s.split_whitespace()
                .next()
                .is_some_and(|w| w.to_lowercase() == verb)
        })
    })
}

/// Does a title or heading name getting things wrong (lexicon role
/// `fault-title`)?
///
/// ("Microservices: Are we making a huge mistake?": a yes/no question
/// weighs a choice; it lists no mistakes.)
pub(super) fn names_fault(text: &str) -> bool {
    let a = analyse(text);
    let asks_yes_no = text.trim_end().ends_with('?')
        && a.content()
            .find(|w| w.pos == Pos::Aux || matches!(w.norm.as_str(), "is" | "are"))
            .is_some_and(|w| {
                let after_colon = text[..w.start].trim_end().ends_with(':');
                w.start == 0 || after_colon
            });
    !asks_yes_no && a.content().any(|w| LEXICON.is(&w.norm, Role::FaultTitle))
}

/// Does a heading name troubles the sections under it go through (lexicon
/// role `trouble-heading`: "What causes burnout", "Common challenges")?
pub(super) fn names_trouble(text: &str) -> bool {
    analyse(text)
        .content()
        .any(|w| LEXICON.is(&w.norm, Role::TroubleHeading))
}

/// Does a section's text call something a mistake (role `fault-sign`), or
/// open a sentence with "Instead"?
fn signs_fault(ss: &[Sent]) -> bool {
    ss.iter().any(|s| {
        s.a.content().next().is_some_and(|w| w.norm == "instead")
            || s.a.content().any(|w| LEXICON.is(&w.norm, Role::FaultSign))
    })
}

/// Does the sentence tell the reader what to do: advice in the
/// imperative, "you should…", or what to do "instead"?
/// ("Take for example one of our engineers": an imperative that brings an
/// example is no advice.)
pub(super) fn gives_the_fix(s: &Sent) -> bool {
    let example = s.a.content().take(4).any(|w| w.norm == "example");
    (s.imperative && !example)
        || addressed_modal(&s.a)
        || s.a.content().next().is_some_and(|w| w.norm == "instead")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn advice(h: &str) -> Option<String> {
        as_advice(h, '\'')
    }

    #[test]
    fn a_yes_no_question_names_no_list_of_mistakes() {
        assert!(names_fault("Five mistakes new speakers make"));
        assert!(!names_fault("Microservices: Are we making a huge mistake?"));
        assert!(!names_fault("Is it a mistake to rewrite?"));
    }

    #[test]
    fn a_mistake_in_the_progressive_is_advice_not_to() {
        assert_eq!(
            advice("you're watering down your message").as_deref(),
            Some("don't water down your message")
        );
        assert_eq!(
            advice("you are skipping the warm-up").as_deref(),
            Some("don't skip the warm-up")
        );
        assert_eq!(
            advice("you're too polite with clients").as_deref(),
            Some("don't be too polite with clients")
        );
    }

    #[test]
    fn a_negated_mistake_is_the_advice_itself() {
        assert_eq!(
            advice("you're not being specific enough").as_deref(),
            Some("be specific enough")
        );
        assert_eq!(
            advice("you're not tracking how you feel").as_deref(),
            Some("track how you feel")
        );
        assert_eq!(
            advice("you aren't asking for references").as_deref(),
            Some("ask for references")
        );
        assert_eq!(
            advice("you don't dedicate time for it").as_deref(),
            Some("dedicate time for it")
        );
        assert_eq!(
            advice("you never check the logs").as_deref(),
            Some("check the logs")
        );
    }

    #[test]
    fn a_habit_in_the_present_is_advice_not_to() {
        assert_eq!(
            advice("you wait for the right moment").as_deref(),
            Some("don't wait for the right moment")
        );
    }

    #[test]
    fn modals_perfects_and_other_subjects_are_left() {
        assert_eq!(advice("you can negotiate the start date"), None);
        assert_eq!(advice("you should rest before the exam"), None);
        assert_eq!(advice("you've stopped learning new tools"), None);
        assert_eq!(advice("you will get better offers"), None);
        assert_eq!(advice("we wait for the right moment"), None);
        assert_eq!(advice("you"), None);
    }
}
