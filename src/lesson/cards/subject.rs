//! Lessons that describe one group item by item ("Successful engineers":
//! "Great programmers — They know their tools…", "Unblock themselves —
//! They ask for help…"): each section's sentences open with "They", and the
//! group they stand for is the one the title names (see docs/lessons.md,
//! "A shared subject").
//!
//! Read alone, "They ask for help" leans on nothing a card shows; with the
//! group named it is a statement ("Successful engineers ask for help"), and
//! each heading is something said of the group: "How do successful
//! engineers unblock themselves?", "In what sense are successful engineers
//! great communicators?".

use super::forms::looks_plural;
use super::style::TitleKind;
use super::{Ask, Sent, Topic};
use crate::lesson::language::{Pos, analyse, known_adjective, verb_reading};
use crate::lesson::read::Section;
use crate::lesson::text::capitalise;

/// At least this many sections open with "They" before the title's group
/// is taken as their subject, and at least half of the headed ones.
const MIN_SECTIONS: usize = 3;

/// The group the lesson's sections describe, in lower case, if most open
/// with "They" and the title names a group: its last noun phrase, plural
/// ("Successful engineers", "Habits of great managers" → "great managers").
pub(super) fn shared_subject(
    title: &str,
    sections: &[Section],
    sents: &[Vec<Sent>],
) -> Option<String> {
    let headed = sections.iter().filter(|s| s.heading.is_some()).count();
    let opening_they = sections
        .iter()
        .zip(sents)
        .filter(|(section, ss)| section.heading.is_some() && opens_with_they(ss))
        .count();
    if opening_they < MIN_SECTIONS || 2 * opening_they < headed {
        return None;
    }
    let a = analyse(title);
    // A title that says something ("Engineers should…") names no group.
    if a.content().any(|w| matches!(w.pos, Pos::Verb | Pos::Aux)) {
        return None;
    }
    // The last noun phrase naming a group: "Habits of great managers",
    // and "Successful engineers at Sourcegraph", where a place follows.
    a.noun_phrases().iter().rev().find_map(|&(start, end)| {
        let words: Vec<_> = a.words[start..end]
            .iter()
            .filter(|w| !w.is_punct() && w.pos != Pos::Det)
            .collect();
        let head = words.last()?;
        if !(head.pos.is_nominal() && (looks_plural(&head.norm) || head.norm == "people")) {
            return None;
        }
        let from = words.first()?.start;
        Some(title[from..head.end].to_lowercase())
    })
}

/// The section's first statement has "they" for a subject near its start:
/// it opens with it, or says it after a clause or a list ("If left alone,
/// they…", "Chat, email, calls: they know…").
fn opens_with_they(ss: &[Sent]) -> bool {
    ss.iter()
        .find(|s| s.substantive() || s.leans.is_some())
        .is_some_and(|s| {
            let words: Vec<_> = s.a.content().take(16).collect();
            words
                .windows(2)
                .any(|p| p[0].norm == "they" && matches!(p[1].pos, Pos::Verb | Pos::Aux | Pos::Adv))
        })
}

/// Names the group where a sentence of the section opens with "They".
/// Returns whether the section speaks of the group.
pub(super) fn name_the_subject(ss: &mut [Sent], group: &str) -> bool {
    if !opens_with_they(ss) {
        return false;
    }
    for s in ss.iter_mut() {
        let Some(first) = s.a.content().next() else {
            continue;
        };
        if first.norm == "they" && first.start == 0 {
            let text = format!("{}{}", capitalise(group), &s.text[first.end..]);
            *s = Sent::new(text, s.kind);
        }
    }
    true
}

/// "Questions to ask your interviewer": each heading is a question for the
/// reader to ask, and its section says what asking finds out. ("Frequently
/// asked questions" are the reader's own, answered.)
pub(super) fn question_to_ask(kind: &TitleKind, topic: &Topic) -> Option<String> {
    if topic.ask != Ask::Question || !kind.to_ask {
        return None;
    }
    let first = topic
        .shown
        .split_inclusive('?')
        .next()
        .unwrap_or(&topic.shown);
    Some(format!("Why ask \u{201c}{}\u{201d}", first.trim()))
}

/// The question a heading asks of the group the section speaks of, if it
/// does: what the group does ("Continuously improve…") or what it is ("Not
/// solo players").
pub(super) fn of_the_group(topic: &Topic) -> Option<String> {
    let group = topic.group.as_deref()?;
    if !matches!(topic.ask, Ask::Do | Ask::Noun) {
        return None;
    }
    let verb_first = topic
        .analysis
        .content()
        .find(|w| w.pos != Pos::Adv)
        .is_some_and(|w| {
            known_adjective(&w.norm) != Some(true)
                && (w.pos == Pos::Verb || (topic.ask == Ask::Do && verb_reading(&w.norm)))
        });
    Some(said_of(group, &topic.inline, verb_first))
}

/// "Unblock themselves" → "How do successful engineers unblock
/// themselves?"; "Great communicators" → "In what sense are successful
/// engineers great communicators?". A heading that goes on after a
/// semicolon asks only its first part.
fn said_of(group: &str, inline: &str, verb_first: bool) -> String {
    let said = inline
        .split(';')
        .next()
        .unwrap_or(inline)
        .trim()
        .trim_end_matches(['.', '!']);
    if verb_first {
        format!("How do {group} {said}?")
    } else {
        format!("In what sense are {group} {said}?")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_heading_asks_how_the_group_does_it() {
        assert_eq!(
            said_of("good mentors", "listen before advising", true),
            "How do good mentors listen before advising?"
        );
    }

    #[test]
    fn a_noun_heading_asks_in_what_sense_the_group_is_it() {
        assert_eq!(
            said_of("good mentors", "patient teachers; they wait", false),
            "In what sense are good mentors patient teachers?"
        );
    }

    #[test]
    fn the_group_is_the_titles_last_plural_noun_phrase() {
        use crate::lesson::read::PieceKind;
        let section = |h: &str| Section {
            heading: Some(h.into()),
            context: None,
            lead_in: None,
            sentence_heading: false,
            tip: false,
            glossed: false,
            step: false,
            body: Vec::new(),
            line: 2,
        };
        let they = |t: &str| vec![Sent::new(t.into(), PieceKind::Para)];
        let sections = [section("Patient"), section("Curious"), section("Honest")];
        let sents = [
            they("They wait for the whole story before they advise."),
            they("They ask what the mentee already tried."),
            they("They admit what they do not know."),
        ];
        for (title, group) in [
            ("Good mentors at Acme", "good mentors"),
            ("Habits of good mentors", "good mentors"),
        ] {
            assert_eq!(
                shared_subject(title, &sections, &sents).as_deref(),
                Some(group),
                "{title}"
            );
        }
        assert_eq!(shared_subject("Mentoring at Acme", &sections, &sents), None);
    }
}
