//! Advice that carries its own reason (see docs/lessons.md, "advice with
//! its reason"): a tip whose heading is a whole sentence often ends in why
//! ("Keep a list of who has spoken so that you can share attention
//! fairly."). Asking "Why should you keep a list … so that you can share
//! attention fairly?" gives the answer away, so the question keeps the
//! advice and the reason answers it.

use super::Topic;
use super::ask::Ask;
use super::back::heading_share;
use super::sentence::Sent;
use crate::lesson::language::{Analysis, Pos, analyse};
use crate::lesson::read::{Section, purpose_split, purpose_split_infinitive};
use crate::lesson::text::Casing;

/// The question's advice and its analysis, and the reason cut from it,
/// when the heading is advice written as a sentence.
pub(super) fn with_reason(
    inline: String,
    analysis: Analysis,
    ask: &Ask,
    section: &Section,
    ss: &[Sent],
    made_up: bool,
) -> (String, Analysis, Option<String>) {
    // (A tip's label is its lead sentence, stop or not.)
    if *ask != Ask::Do || !(section.sentence_heading || section.tip) || made_up {
        return (inline, analysis, None);
    }
    match purpose_split_infinitive(&inline) {
        // ("Use the camera to see each other" over "It's useful to see
        // faces…": the text's own reason, or what it says the advice is
        // good for, answers why.)
        Some((_, _, true)) if ss.iter().any(|s| s.reason || s.emphatic) => (inline, analysis, None),
        Some((advice, reason, _)) => {
            let a = analyse(&advice);
            (advice, a, Some(reason))
        }
        None => (inline, analysis, None),
    }
}

/// Does the section's heading, a sentence, end with its reason? Such a
/// tip has a card even with no text of its own.
pub(super) fn reason_in_heading(section: &Section, casing: &Casing) -> bool {
    section.sentence_heading
        && section
            .heading
            .as_ref()
            .is_some_and(|h| purpose_split(&casing.inline_words(h).join(" ")).is_some())
}

/// Does the sentence say the heading's advice again, and no means of
/// following it: its verb as a verb ("Send yourself a test alert" does
/// not say "Test your pager"), and half its words or more?
pub(super) fn restates(s: &Sent, topic: &Topic) -> bool {
    let stem = crate::lesson::text::stem;
    let Some(verb) = topic.analysis.content().next().map(|w| stem(&w.norm)) else {
        return false;
    };
    let said =
        s.a.content()
            .any(|w| w.pos == Pos::Verb && stem(&w.norm) == verb);
    // ("You can add captions in the upload settings": where and how to
    // follow it, a method.)
    let words: Vec<&str> = s.a.content().map(|w| w.norm.as_str()).collect();
    let you_can = words
        .windows(2)
        .any(|p| p[0] == "you" && matches!(p[1], "can" | "could"));
    let means = you_can || s.text.contains(" by ");
    said && !means && heading_share(&topic.stems, &s.stems()) >= 0.5
}

/// "Do not cross-post" over "When you ask, do not cross-post it.
/// Cross-posting is… It splits the answers…": under advice against a
/// thing, a back that only says the advice again, with no reason,
/// answers neither why nor what instead; the sentences after it in its
/// paragraph, which say what the thing is and what it does, do. `None`
/// when the back is no such restatement or nothing follows it.
pub(super) fn past_restatement(part: &super::Part, chosen: &[usize]) -> Option<Vec<usize>> {
    let (ss, topic) = (part.ss, &part.topic);
    let &[said] = chosen else { return None };
    let s = &ss[said];
    let negated =
        s.a.content()
            .any(|w| matches!(w.norm.as_str(), "not" | "n't" | "never" | "avoid"));
    // (The heading's own verb may be read as a noun, "Do Not
    // Cross-Post", so its words, not its verb, are matched.)
    if topic.ask != Ask::DoNot
        || !negated
        || s.reason
        || heading_share(&topic.stems, &s.stems()) < 0.5
    {
        return None;
    }
    let follows = |i: usize| {
        ss.get(i)
            .is_some_and(|n| n.piece == s.piece && part.substantive.contains(&i))
    };
    if !follows(said + 1) {
        return None;
    }
    let len = |i: usize| ss[i].text.chars().count();
    let both = follows(said + 2) && len(said + 1) + len(said + 2) <= super::BACK_CHARS;
    Some(if both {
        vec![said + 1, said + 2]
    } else {
        vec![said + 1]
    })
}

/// Is the back what follows the advice said again (see
/// [`past_restatement`]), "Top-posting is when you write… It forces
/// readers…"? It answers why not, whatever it points at.
pub(super) fn follows_restatement(part: &super::Part, on_back: &[usize]) -> bool {
    on_back.first().is_some_and(|&first| {
        first > 0 && past_restatement(part, &[first - 1]).as_deref() == Some(on_back)
    })
}

#[cfg(test)]
mod tests {
    use crate::lesson::cards::question::tests::lesson_pairs as point_cards;

    #[test]
    fn advice_ending_with_its_reason_is_asked_why_and_answered_by_it() {
        let cards = point_cards(
            "# Teaching tips\n\nHere are the habits that help most.\n\n\
             1.  Keep a list of who has spoken so that you can share attention fairly \
             across the room. A sheet of names on the desk works well in person.\n\n\
             2.  Keep track of the time so that nobody has to rush the last exercise. \
             I use a kitchen timer myself.\n\n\
             3.  Pause after every question you ask. Silence gives slower thinkers time \
             to form an answer.\n\n\
             4.  Invite the quiet ones to share their answers. Some of the best ideas \
             come from them.\n",
        );
        // The verb's object takes the infinitive: no reason to cut.
        assert!(cards[3].0.contains("to share their answers"), "{cards:?}");
        assert_eq!(
            cards[0],
            (
                "Why should you keep a list of who has spoken?".to_string(),
                "So that you can share attention fairly across the room.".to_string()
            )
        );
        // Its text only tells the writer's story: the reason still answers.
        assert_eq!(cards[1].0, "Why should you keep track of the time?");
        // No reason in the heading: the text answers, after the time the
        // heading gives (see `timed.rs`).
        assert_eq!(
            cards[2],
            (
                "When should you pause, and why?".to_string(),
                "After every question you ask: silence gives slower thinkers time to form an answer."
                    .to_string()
            )
        );
    }

    #[test]
    fn advice_against_a_thing_said_again_leaves_the_back_to_what_follows() {
        let cards = point_cards(
            "# List manners\n\n## Do Not Cross-Post\n\nWhen you ask a question, do not \
             cross-post it. Cross-posting is sending the same message to several lists at \
             once. It splits the answers across threads that never meet, so helpers repeat \
             each other.\n\n## Quote sparingly\n\nKeep only the lines you answer, because \
             long quotes bury the reply.\n",
        );
        let (front, back) = &cards[0];
        assert!(front.starts_with("Why "), "{cards:?}");
        assert!(back.starts_with("Cross-posting is sending"), "{cards:?}");
    }
}
