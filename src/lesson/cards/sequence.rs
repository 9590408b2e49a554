//! Procedures too long for one back ("1. Make sure you have enough space…
//! 2. Synchronize with the official mirror… 3. Create a cron task…", ten
//! steps of a Git workflow): each step after the first is asked for by
//! the one before it, "what do you do after you…?", as a procedure is
//! learnt in its order (see docs/lessons.md, "Procedures").

use super::BACK_CHARS;
use super::ask::lower_first;
use super::forms::is_plural_phrase;
use super::opening::fronted_phrase;
use super::push::Face;
use super::sentence::Sent;
use super::steps::{piece_firsts, steps, steps_back};
use super::{Maker, Part};
use crate::lesson::language::{LEXICON, Pos, Role, known_verb};
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
    if super::steps::checklist(part) {
        return None;
    }
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
    let announced = lead.ends_with(':') && announces_steps(lead);
    // (One list, unbroken: a paragraph between items ends the procedure.)
    let unbroken = body
        .get(ss[firsts[0]].piece..=ss[firsts[firsts.len() - 1]].piece)
        .is_some_and(|run| run.iter().all(|p| p.kind == PieceKind::Item));
    // (A bulleted list is done in its order when its steps say so.)
    let placed = in_order(firsts.iter().map(|&i| ss[i].text.as_str()));
    let advising = firsts.iter().filter(|&&i| ss[i].imperative).count();
    // ("Verified resolutions", "Best practices": a plural heading of two
    // words or more names a collection of items, in no order; one word,
    // "Directions", names the procedure's text.)
    let collection = !part.topic.made_up
        && word_count(&part.topic.inline) >= 2
        && is_plural_phrase(&part.topic.analysis);
    // (Under "Step 2: Set in the sleeves" the list is done in order, but
    // for one its lead-in offers as examples: "Consider elements such
    // as:".)
    let lower = lead.to_lowercase();
    // (Nor one it names as pieces of advice, in no order: "Our producer
    // offers three pieces of advice:", "A few tips:"; lexicon role
    // `announced-noun`, but for steps.)
    let named_advice = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| LEXICON.is(w, Role::AnnouncedNoun) && !LEXICON.is(w, Role::StepsHeading));
    let examples = lower.ends_with(':')
        && ([
            " such as",
            " include",
            " including",
            " for example",
            " e.g.",
        ]
        .iter()
        .any(|w| lower.contains(w))
            || named_advice);
    let ordered =
        announced || placed || (numbered && !collection) || (part.section.step && !examples);
    // ("There are several ways to…:": ways to choose among, lexicon role
    // `choice-noun`, not steps.)
    let choices = lower
        .split_whitespace()
        .take(6)
        .any(|w| LEXICON.is(w, Role::ChoiceNoun));
    (ordered && !choices && unbroken && advising * 3 >= firsts.len() * 2).then_some(firsts)
}

/// "The main steps are as follows:", "Follow this process:": a lead-in
/// naming its list as steps (lexicon role `steps-heading`). The word in a
/// purpose ("…should be followed to implement a secure process:") names
/// what the items serve, not the items.
fn announces_steps(lead: &str) -> bool {
    let words: Vec<String> = lead
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        LEXICON.is(w, Role::StepsHeading) && !words[i.saturating_sub(4)..i].contains(&"to".into())
    })
}

/// "Shift to the smallest cog, so the wheel comes out" → "Shift to the
/// smallest cog": a step up to its first comma, dash or bracket, when
/// three words or more stand before it. A comma in a series ("city,
/// longitude, and latitude") or inside the clause ("Determine, with your
/// team, …") leaves no clause to cut: the step stays whole.
fn what_to_do(step: &str) -> String {
    let cut = [", ", " (", " - ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|sep| {
            step.match_indices(sep)
                .find(|&(at, _)| word_count(&step[..at]) >= 3)
        })
        .min();
    let Some((at, sep)) = cut else {
        return step.to_string();
    };
    // (In a series, a word or two follows the comma, then another comma
    // or "and"/"or".)
    let rest = &step[at + sep.len()..];
    let next: Vec<&str> = rest.split_whitespace().take(3).collect();
    let series = step[at..].starts_with(", ")
        && next
            .iter()
            .take(3)
            .position(|w| w.ends_with(',') || matches!(*w, "and" | "or"))
            .is_some_and(|k| k <= 2);
    let clause = &step[..at];
    if series || clause.contains(", ") {
        step.to_string()
    } else {
        clause.to_string()
    }
}

/// "Get the address and make sure you are…", "Enter the address or scan
/// a code…", "…so that you don't…": the first thing to do, without a
/// second one or its purpose, for a step too long to repeat whole.
fn first_action(step: &str) -> &str {
    // (A verb, then its object's article or pronoun: "and make sure",
    // "or scan a code"; "front and back with…" joins two nouns.)
    let second_verb = |rest: &str| {
        // ("…, and then assign it…": "then" before the verb.)
        let mut words = rest
            .split_whitespace()
            .map(str::to_lowercase)
            .skip_while(|w| w == "then");
        let verb = words.next().is_some_and(|w| known_verb(&w) == Some(true));
        let object = words.next().is_some_and(|w| {
            matches!(
                w.as_str(),
                "a" | "an" | "the" | "your" | "its" | "their" | "it" | "them" | "this" | "sure"
            )
        });
        verb && object
    };
    [" so that ", " and ", " or "]
        .iter()
        .filter_map(|sep| {
            step.match_indices(sep).find(|&(at, _)| {
                word_count(&step[..at]) >= 3
                    && (*sep == " so that " || second_verb(&step[at + sep.len()..]))
            })
        })
        .min()
        .map_or(step, |(at, _)| step[..at].trim_end_matches(','))
}

/// A step's instruction as written, without what follows its colon
/// ("Synchronize with the official mirror via rsync:"), when it is short
/// enough to repeat and is advice.
fn instruction(s: &Sent, place: Place) -> Option<String> {
    // ("For each component, check…": a phrase set before the instruction.
    // A question repeats the instruction alone; an answer keeps both.)
    // (A list's step may go without its full stop: no fragment here. The
    // sentence is copied only then.)
    let unfragmented;
    let whole = if s.fragment {
        let mut copy = s.clone();
        copy.fragment = false;
        unfragmented = copy;
        &unfragmented
    } else {
        s
    };
    if let Some((after, phrase)) = fronted_phrase(whole) {
        let done = instruction(&after, place)?;
        return Some(match place {
            Place::Asked => done,
            Place::Answer => format!("{}, {}", capitalise(&phrase), lower_first(&done)),
        });
    }
    let text = s.text.trim_end_matches(['.', '!', ':']).trim_end();
    let text = text.split_once(": ").map_or(text, |(before, _)| before);
    // ("Shift to the smallest cog, so the wheel comes out": what to do,
    // without its reason.)
    // (The step that answers is shown whole: only the one a question
    // repeats is cut to what to do.)
    let clause = if place == Place::Asked {
        what_to_do(text)
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
    let text = if place == Place::Asked && word_count(text) > place.most_words() {
        first_action(text)
    } else {
        text
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

/// Shortest first sentence of a step its back follows with the next one
/// ("Add flour and mix gently." then "The mixture will be very wet.").
const SHORT_STEP_CHARS: usize = 80;

/// A step's answer: its first sentence, and the one after it when the
/// first is short and it fits (neither leaning on another, nor an aside
/// in brackets, nor the writer's own story: "I use a springform pan"); the
/// instruction alone, without what its colon announces, when the sentence
/// ends there or runs long.
fn step_back(ss: &[Sent], i: usize) -> Option<String> {
    let whole = &ss[i].text;
    if whole.chars().count() > BACK_CHARS || whole.ends_with(':') {
        return instruction(&ss[i], Place::Answer).map(|t| format!("{}.", capitalise(&t)));
    }
    let mut back = whole.clone();
    if whole.chars().count() < SHORT_STEP_CHARS
        && let Some(s) = ss.get(i + 1).filter(|s| s.piece == ss[i].piece)
    {
        let longer = format!("{back} {}", s.text);
        let aside = s.text.starts_with('(') || s.personal || s.text.ends_with(':');
        if s.leans.is_none() && !aside && longer.chars().count() <= BACK_CHARS {
            back = longer;
        }
    }
    Some(back)
}

/// The question for step `k` (from 0) of the procedure `name`: the first
/// step, the step after one short enough to repeat, or else the step by
/// its number.
fn step_front(name: &str, k: usize, before: Option<&str>) -> String {
    match (k, before) {
        (0, _) => format!("{name}: what do you do first?"),
        (_, Some(b)) => format!("{name}: what do you do after you {}?", inline(b)),
        (_, None) => format!("{name}: what is step {}?", k + 1),
    }
}

impl Maker {
    /// What a procedure's questions call it: its heading, or the lesson's
    /// title for one without a heading of its own or under a heading of
    /// one word naming the kind of text ("Directions", "Method"; lexicon
    /// role `steps-heading`), not what is done ("PINs" names it).
    fn procedure_name(&self, part: &Part) -> String {
        let shown = &part.topic.shown;
        if part.topic.made_up
            || part.section.heading.is_none()
            || word_count(shown) == 1 && LEXICON.is(&shown.to_lowercase(), Role::StepsHeading)
        {
            self.title.clone()
        } else {
            part.topic.shown.clone()
        }
    }

    /// The point card's back for a procedure its steps card cannot hold,
    /// with no text besides its steps: the first step, which its
    /// question asks for ([`Maker::first_step_front`]).
    pub(super) fn first_step(&self, part: &Part) -> Option<(Vec<usize>, String, String)> {
        let firsts = procedure(part)?;
        let ss = part.ss;
        if part
            .substantive
            .iter()
            .any(|&i| ss[i].kind != PieceKind::Item)
        {
            return None;
        }
        let back = step_back(ss, firsts[0])?;
        Some((
            vec![firsts[0]],
            back,
            "a procedure too long for one back: its first step".into(),
        ))
    }

    /// "Sourdough loaf: what do you do first?": the point card's question
    /// when the section is a procedure its steps card cannot hold and the
    /// back is its first step alone.
    pub(super) fn first_step_front(&self, part: &Part, chosen: &[usize]) -> Option<String> {
        let firsts = procedure(part)?;
        (chosen == &firsts[..1]).then(|| step_front(&self.procedure_name(part), 0, None))
    }

    /// The cards of a procedure its steps card cannot hold, one for each
    /// step the point card (whose back is `chosen`) does not answer: "<procedure>:
    /// what do you do after you <step before>?", or "what is step 7?"
    /// when the step before is too long to repeat.
    pub(super) fn sequence_cards(&mut self, part: &Part, chosen: &[usize]) -> usize {
        let Some(firsts) = procedure(part) else {
            return 0;
        };
        let ss = part.ss;
        let name = self.procedure_name(part);
        let mut made = 0;
        for (k, &i) in firsts.iter().enumerate() {
            if chosen.contains(&i) {
                continue;
            }
            let before = k
                .checked_sub(1)
                .and_then(|b| instruction(&ss[firsts[b]], Place::Asked));
            let Some(back) = step_back(ss, i) else {
                continue;
            };
            let front = step_front(&name, k, before.as_deref());
            if !self.fronts.insert(front.clone()) {
                continue;
            }
            made += 1;
            let id = format!("{}/step{}", part.base, k + 1);
            let mut sources = vec![ss[i].text.clone()];
            if k > 0 {
                sources.insert(0, ss[firsts[k - 1]].text.clone());
            }
            self.push_card(id, Face::Question(front, back), "point", (sources, "a procedure too long for one back: each step is asked for by the one before it"
                        .into()));
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
        // A step too long to repeat is cut to its first thing to do.
        let s = Sent::new(
            "Get the account number and make sure you have picked the same currency as the person you pay."
                .into(),
            PieceKind::Item,
        );
        assert_eq!(
            instruction(&s, Place::Asked).as_deref(),
            Some("Get the account number")
        );
        // (Two nouns joined by "and" are one thing to do.)
        assert_eq!(
            first_action("Place the front and back with the good side up"),
            "Place the front and back with the good side up"
        );
        assert_eq!(inline("Push your branch"), "push your branch");
        assert_eq!(
            what_to_do("Shift to the smallest cog, so the wheel comes out"),
            "Shift to the smallest cog"
        );
        assert_eq!(
            what_to_do("Place it in a dish, a proving basket is ideal"),
            "Place it in a dish"
        );
        // A series or a clause broken by commas is repeated whole.
        // (A dash of several bytes is cut whole.)
        assert_eq!(
            what_to_do("Copy the page into the right folder \u{2014} for example, docs/page.md"),
            "Copy the page into the right folder"
        );
        for whole in [
            "Check the city, longitude, and latitude of it",
            "Decide, with your team and the owner, who signs",
            "Mix the oats with milk, stir and cover",
        ] {
            assert_eq!(what_to_do(whole), whole);
        }
        assert_eq!(inline("GitHub Actions runs it"), "GitHub Actions runs it");
    }

    #[test]
    fn a_phrase_set_before_a_step_is_kept_in_its_answer_only() {
        let s = Sent::new(
            "For each component, check it against each row, and then assign it a rating:".into(),
            PieceKind::Item,
        );
        assert_eq!(
            instruction(&s, Place::Asked).as_deref(),
            Some("Check it against each row, and then assign it a rating")
        );
        assert_eq!(
            instruction(&s, Place::Answer).as_deref(),
            Some("For each component, check it against each row, and then assign it a rating")
        );
        // ("and then" and a verb start a second action.)
        assert_eq!(
            first_action("Check each row against the criteria, and then assign it a rating"),
            "Check each row against the criteria"
        );
        // (An item without its full stop too.)
        let s = Sent::new(
            "For each user flow, identify the components it needs".into(),
            PieceKind::Item,
        );
        assert_eq!(
            instruction(&s, Place::Asked).as_deref(),
            Some("Identify the components it needs")
        );
    }
}
