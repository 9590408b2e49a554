//! Procedures too long for one back ("1. Make sure you have enough space…
//! 2. Synchronize with the official mirror… 3. Create a cron task…", ten
//! steps of a Git workflow): each step after the first is asked for by
//! the one before it, "what do you do after you…?", as a procedure is
//! learnt in its order (see docs/lessons.md, "Procedures").

use super::BACK_CHARS;
use super::forms::is_plural_phrase;
use super::sentence::Sent;
use super::steps::{piece_firsts, steps, steps_back};
use super::{Explained, Maker, Part};
use crate::deck::CardEntry;
use crate::lesson::language::{LEXICON, Pos, Role};
use crate::lesson::read::{PieceKind, in_order};
use crate::lesson::text::{capitalise, word_count};

/// Fewest steps of a procedure asked step by step.
const STEPS: usize = 3;

/// Where a step stands on its card: repeated in the question, cut to
/// what to do, or shown whole as the answer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Asked,
    Answer,
}

impl Place {
    /// Most words of the instruction in that place.
    fn most_words(self) -> usize {
        match self {
            Place::Asked => 15,
            Place::Answer => 40,
        }
    }
}

/// The first sentence of each step, when the section's text is a
/// procedure its steps card cannot hold: three steps or more, numbered or
/// announced as steps ("The main steps are as follows:"), two in three
/// opening with what to do.
fn procedure(part: &Part) -> Option<Vec<usize>> {
    let (ss, body) = (part.ss, &part.section.body);
    let firsts: Vec<usize> = piece_firsts(ss)
        .into_iter()
        .filter(|&i| ss[i].kind == PieceKind::Item && !body[ss[i].piece].nested)
        .collect();
    if firsts.len() < STEPS || steps(part).and_then(|f| steps_back(ss, &f)).is_some() {
        return None;
    }
    let numbered = firsts.iter().all(|&i| body[ss[i].piece].numbered);
    let lead = ss[firsts[0]]
        .piece
        .checked_sub(1)
        .map_or("", |k| body[k].text.as_str());
    let announced = lead.ends_with(':')
        && lead
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| LEXICON.is(&w.to_lowercase(), Role::StepsHeading));
    // (One list, unbroken: a paragraph between items ends the procedure.)
    let unbroken = body[ss[firsts[0]].piece..=ss[firsts[firsts.len() - 1]].piece]
        .iter()
        .all(|p| p.kind == PieceKind::Item);
    // (A bulleted list is done in its order when its steps say so.)
    let placed = in_order(firsts.iter().map(|&i| ss[i].text.as_str()));
    let advising = firsts.iter().filter(|&&i| ss[i].imperative).count();
    // ("Verified resolutions", "Best practices": a plural heading of two
    // words or more names a collection of items, in no order; one word,
    // "Directions", names the procedure's text.)
    let collection = !part.topic.made_up
        && word_count(&part.topic.inline) >= 2
        && is_plural_phrase(&part.topic.analysis);
    let ordered = announced || placed || (numbered && !collection);
    (ordered && unbroken && advising * 3 >= firsts.len() * 2).then_some(firsts)
}

/// "Shift to the smallest cog, so the wheel comes out" → "Shift to the
/// smallest cog": a step up to its first comma, dash or bracket, when
/// three words or more stand before it. A comma in a series ("city,
/// longitude, and latitude") or inside the clause ("Determine, with your
/// team, …") leaves no clause to repeat: `None`.
fn what_to_do(step: &str) -> Option<String> {
    let cut = [", ", " (", " - ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|sep| {
            step.match_indices(sep)
                .map(|(at, _)| at)
                .find(|&at| word_count(&step[..at]) >= 3)
        })
        .min();
    let Some(at) = cut else {
        return Some(step.to_string());
    };
    // (In a series, a word or two follows the comma, then another comma
    // or "and"/"or".)
    let rest = &step[at + 2..];
    let next: Vec<&str> = rest.split_whitespace().take(3).collect();
    let series = step[at..].starts_with(", ")
        && next
            .iter()
            .take(3)
            .position(|w| w.ends_with(',') || matches!(*w, "and" | "or"))
            .is_some_and(|k| k <= 2);
    let clause = &step[..at];
    (!series && !clause.contains(", ")).then(|| clause.to_string())
}

/// A step's instruction as written, without what follows its colon
/// ("Synchronize with the official mirror via rsync:"), when it is short
/// enough to repeat and is advice.
fn instruction(s: &Sent, place: Place) -> Option<String> {
    let text = s.text.trim_end_matches(['.', '!', ':']).trim_end();
    let text = text.split_once(": ").map_or(text, |(before, _)| before);
    // ("Shift to the smallest cog, so the wheel comes out": what to do,
    // without its reason.)
    // (The step that answers is shown whole: only the one a question
    // repeats is cut to what to do.)
    let clause = if place == Place::Asked {
        what_to_do(text)?
    } else {
        text.to_string()
    };
    // ("Bake for another 25 - 30 minutes": a range is no clause's end.)
    let text = if clause.ends_with(|c: char| c.is_ascii_digit()) {
        text
    } else {
        clause.as_str()
    };
    // ("Download the following files": the step points at a list or code
    // the card does not show.)
    if s.pointer || text.to_lowercase().contains("following") {
        return None;
    }
    // ("Create a cron task (we recommend every 3 hours)": the aside goes.)
    let text = match (text.find(" ("), text.ends_with(')')) {
        (Some(open), true) => &text[..open],
        _ => text,
    };
    // (The verb opens it, and no other verb of its own follows: "If you
    // have no conflicts, skip…" and "Pull request will be merged" are no
    // instruction to repeat.)
    let words: Vec<_> = s.a.content().collect();
    let opens_with_verb = words.first().is_some_and(|w| {
        w.pos == Pos::Verb || crate::lesson::language::known_verb(&w.norm) == Some(true)
    }) && !words.iter().take(3).any(|w| w.pos == Pos::Aux);
    (s.imperative && opens_with_verb && (2..=place.most_words()).contains(&word_count(text)))
        .then(|| text.to_string())
}

/// "Make sure you have…" → "make sure you have…": the instruction inside
/// a question (a word in capitals past its first letter keeps them).
fn inline(instruction: &str) -> String {
    let first = instruction.split_whitespace().next().unwrap_or("");
    if first.chars().skip(1).any(char::is_uppercase) {
        instruction.to_string()
    } else {
        let mut c = instruction.chars();
        c.next()
            .map(|f| f.to_lowercase().chain(c).collect())
            .unwrap_or_default()
    }
}

impl Maker {
    /// The cards of a procedure its steps card cannot hold, one for each
    /// step after the first whose instruction and the one before it are
    /// short: "<procedure>: what do you do after you <step before>?".
    pub(super) fn sequence_cards(&mut self, part: &Part) -> usize {
        let Some(firsts) = procedure(part) else {
            return 0;
        };
        let ss = part.ss;
        // (A procedure without a heading of its own is the lesson's, and
        // so is one under a heading of one word, "Directions", "Method":
        // it names the kind of text, not what is done.)
        let name = if part.topic.made_up
            || part.section.heading.is_none()
            || word_count(&part.topic.shown) == 1
        {
            self.title.clone()
        } else {
            part.topic.shown.clone()
        };
        let mut made = 0;
        for (k, pair) in firsts.windows(2).enumerate() {
            let (Some(before), Some(next)) = (
                instruction(&ss[pair[0]], Place::Asked),
                instruction(&ss[pair[1]], Place::Answer),
            ) else {
                continue;
            };
            let front = format!("{name}: what do you do after you {}?", inline(&before));
            if !self.fronts.insert(front.clone()) {
                continue;
            }
            made += 1;
            let id = format!("{}/step{}", part.base, k + 2);
            self.explained.push(Explained {
                id: id.clone(),
                sources: vec![ss[pair[0]].text.clone(), ss[pair[1]].text.clone()],
                why:
                    "a procedure too long for one back: each step is asked for by the one before it"
                        .into(),
                runners_up: Vec::new(),
            });
            // (The answer is the whole step, its reason too, when it fits.)
            let whole = &ss[pair[1]].text;
            let back = if whole.chars().count() <= BACK_CHARS && !whole.ends_with(':') {
                whole.clone()
            } else {
                format!("{}.", capitalise(&next))
            };
            self.cards.push(CardEntry {
                id: Some(id),
                front: Some(front),
                back: Some(back),
                tags: vec![self.lesson_slug.clone(), "point".into()],
                ..CardEntry::default()
            });
        }
        made
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instruction_stops_at_its_colon_and_sits_inside_a_question() {
        let s = Sent::new(
            "Synchronize with the official mirror via rsync:".into(),
            PieceKind::Item,
        );
        assert_eq!(
            instruction(&s, Place::Asked).as_deref(),
            Some("Synchronize with the official mirror via rsync")
        );
        let s = Sent::new(
            "Make sure that you have enough free space: 500GB a version is the minimum.".into(),
            PieceKind::Item,
        );
        assert_eq!(
            instruction(&s, Place::Asked).as_deref(),
            Some("Make sure that you have enough free space")
        );
        // A statement, a case or a verb of its own is no instruction.
        for text in [
            "The mirror syncs every three hours.",
            "If you have no conflicts, skip this step.",
            "Pull request will be merged by a reviewer.",
            "Download the following packages.",
        ] {
            assert_eq!(
                instruction(&Sent::new(text.into(), PieceKind::Item), Place::Asked),
                None
            );
        }
        let s = Sent::new(
            "Create a cron task to sync it (we recommend every 3 hours):".into(),
            PieceKind::Item,
        );
        assert_eq!(
            instruction(&s, Place::Asked).as_deref(),
            Some("Create a cron task to sync it")
        );
        assert_eq!(inline("Push your branch"), "push your branch");
        assert_eq!(
            what_to_do("Shift to the smallest cog, so the wheel comes out").as_deref(),
            Some("Shift to the smallest cog")
        );
        assert_eq!(
            what_to_do("Place it in a dish, a proving basket is ideal").as_deref(),
            Some("Place it in a dish")
        );
        // A series or a clause broken by commas is no step to repeat.
        assert_eq!(
            what_to_do("Check the city, longitude, and latitude of it"),
            None
        );
        assert_eq!(
            what_to_do("Decide, with your team and the owner, who signs"),
            None
        );
        assert_eq!(inline("GitHub Actions runs it"), "GitHub Actions runs it");
    }
}
