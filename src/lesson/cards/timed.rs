//! Advice whose heading ends with when, how often or how to follow it (see
//! docs/lessons.md, "Advice with its time"): "Send the note the same day",
//! "Change a quarter of the water every week", "Cycle the tank before
//! adding fish", "Mark the ends carefully". The time or the manner is the
//! advice itself; "How should you change the water every week?" asks what
//! the question already says. The question asks for it instead ("How often
//! should you change the water?"), and the back opens with it, then the
//! section's point says what it brings.

use crate::lesson::casing::Casing;
use crate::lesson::language::{Analysis, LEXICON, Pos, Role, Word};
use crate::lesson::text::capitalise;

use super::Part;
use super::ask::Ask;
use super::preferred::preferred;
use super::style::why_or_how;

/// The longest time phrase asked for, in words ("before you leave the
/// building").
const PHRASE_WORDS: usize = 6;

/// What the heading's end tells of the advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Timing {
    /// "the same day", "before adding fish", "early".
    When,
    /// "every week", "twice a day", "daily".
    HowOften,
    /// "carefully", "slowly".
    How,
}

/// The advice without its ending, the ending, and what the ending tells.
#[derive(Debug, PartialEq, Eq)]
struct Timed {
    advice: String,
    phrase: String,
    timing: Timing,
}

/// The point card's question and back for advice whose heading holds its
/// own answer: a choice ("Prefer A over B", see `preferred.rs`) or a time
/// it ends with; else `front` and `back` as made. Not over a list of
/// steps, whose order is the answer.
pub(super) fn asked(
    part: &Part,
    chosen: &[usize],
    is_steps: bool,
    (front, back, casing): (String, String, &Casing),
) -> (String, String) {
    let topic = &part.topic;
    if is_steps || topic.made_up || topic.ask != Ask::Do || topic.reason.is_some() {
        return (front, back);
    }
    // ("Prefer A over B": what to take instead, see `preferred.rs`.)
    if let Some((question, answer)) = preferred(&topic.analysis, &topic.inline) {
        let back = answer_first(&answer, back, casing);
        return (question, back);
    }
    let Some(timed) = timed(&topic.analysis, &topic.inline) else {
        return (front, back);
    };
    let asks = match timed.timing {
        Timing::When => "When",
        Timing::HowOften => "How often",
        Timing::How => "How",
    };
    let (why, _) = why_or_how(part, chosen);
    let and_why = if why { ", and why" } else { "" };
    let front = format!("{asks} should you {}{and_why}?", timed.advice);
    (front, answer_first(&timed.phrase, back, casing))
}

/// The back opening with the answer the heading gave: "Every week:
/// replace…". (A back opening with it already answers. The answer and
/// the back's first sentence make one, so the back keeps two at most; its
/// first word is lowered unless the lesson writes it capitalised.)
fn answer_first(answer: &str, back: String, casing: &Casing) -> String {
    if back.to_lowercase().starts_with(&answer.to_lowercase()) {
        return back;
    }
    let (first, rest) = back.split_once(' ').unwrap_or((&back, ""));
    let first = casing.inline_words(first).concat();
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!(" {rest}")
    };
    format!("{}: {first}{rest}", capitalise(answer))
}

/// The heading's advice and the time or manner it ends with.
fn timed(h: &Analysis, inline: &str) -> Option<Timed> {
    let words: Vec<&Word> = h.content().collect();
    // (The verb and at least its ending; no second clause: "Plan, then
    // build early".)
    if words.len() < 2 || h.words.iter().any(|w| w.norm == "," || w.norm == ";") {
        return None;
    }
    let (k, timing) = ending(&words)?;
    // ("Grind just before brewing": the adverb goes with the time.)
    let k = if k > 1 && words[k - 1].pos == Pos::Adv && timing == Timing::When {
        k - 1
    } else {
        k
    };
    if k == 0 || words.len() - k > PHRASE_WORDS {
        return None;
    }
    // ("Write sentences that can be parsed unambiguously": the ending
    // belongs to a clause inside the object, not to the advice.)
    let clause = words[1..k].iter().any(|w| {
        // (Not any verb: the tagger may read "the log" as one.)
        matches!(w.pos, Pos::Aux | Pos::Sconj)
            || matches!(w.norm.as_str(), "that" | "which" | "who")
    });
    // ("Work visibly", "Build up slowly": a manner with no object to
    // follow it is what the advice says, asked why.)
    let object = words[1..k].iter().any(|w| w.pos.is_nominal());
    if clause || (timing == Timing::How && !object) {
        return None;
    }
    // ("Plan early and often": a pair of endings is no one time.)
    if words[k - 1].pos == Pos::Cconj {
        return None;
    }
    let advice = inline[..words[k].start].trim_end().to_string();
    let phrase = inline[words[k].start..words[words.len() - 1].end].to_string();
    Some(Timed {
        advice,
        phrase,
        timing,
    })
}

/// Where the heading's time or manner starts, and what it tells.
fn ending(words: &[&Word]) -> Option<(usize, Timing)> {
    let n = words.len();
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let last = norms[n - 1];
    let unit = |w: &str| {
        LEXICON.is(w, Role::TimeUnit) || LEXICON.is(w.trim_end_matches('s'), Role::TimeUnit)
    };
    // "daily", "every week", "every two weeks", "twice a day", "three
    // times a week".
    if LEXICON.is(last, Role::FrequencyAdverb) {
        return Some((n - 1, Timing::HowOften));
    }
    if unit(last) {
        if let Some(k) =
            (n.saturating_sub(3)..n - 1).find(|&k| matches!(norms[k], "every" | "each"))
        {
            return Some((k, Timing::HowOften));
        }
        if n >= 3 && matches!(norms[n - 2], "a" | "per") {
            let k = n - 3;
            if matches!(norms[k], "once" | "twice") {
                return Some((k, Timing::HowOften));
            }
            if norms[k] == "times" && k >= 1 && words[k - 1].pos == Pos::Num {
                return Some((k - 1, Timing::HowOften));
            }
        }
        // "the same day", "the next morning", "at night", "in the evening".
        if n >= 3 && norms[n - 3] == "the" && matches!(norms[n - 2], "same" | "next" | "following")
        {
            return Some((n - 3, Timing::When));
        }
    }
    // "before adding fish", "after you finish", "after each run".
    if let Some(k) = (1..n - 1)
        .rev()
        .find(|&k| matches!(norms[k], "before" | "after"))
    {
        let next = words[k + 1];
        let clause = LEXICON.is(&next.norm, Role::SubjectPronoun) && words.get(k + 2).is_some();
        let gerund = next.norm.ends_with("ing") && matches!(next.pos, Pos::Verb | Pos::Noun);
        let each = matches!(next.norm.as_str(), "each" | "every");
        if clause || gerund || each {
            return Some((k, Timing::When));
        }
    }
    // "early", "right away", "in advance" (lexicon role `time-adverb`).
    if let Some((k, _)) = LEXICON
        .find(&norms, Role::TimeAdverb)
        .into_iter()
        .find(|&(_, end)| end == n)
    {
        return Some((k, Timing::When));
    }
    // "carefully", "sparingly": an adverb of manner in "-ly" closing the
    // advice, one the lexicon gives no other role ("only", "really").
    let manner = words[n - 1].pos == Pos::Adv
        && last.ends_with("ly")
        && last.len() > 4
        && !LEXICON.is(last, Role::FillerAdverb)
        && !LEXICON.is(last, Role::Emphasis);
    manner.then_some((n - 1, Timing::How))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::cards::question::tests::lesson_pairs;
    use crate::lesson::language::analyse;

    fn split(heading: &str) -> Option<(String, String, Timing)> {
        timed(&analyse(heading), heading).map(|t| (t.advice, t.phrase, t.timing))
    }

    /// Each case: "heading | advice | ending".
    fn check(timing: Timing, cases: &[&str]) {
        for case in cases {
            let parts: Vec<&str> = case.split(" | ").collect();
            let want = (parts[1].to_string(), parts[2].to_string(), timing);
            assert_eq!(split(parts[0]), Some(want), "{case}");
        }
    }

    #[test]
    fn a_heading_ending_with_how_often_gives_the_advice_and_the_frequency() {
        check(
            Timing::HowOften,
            &[
                "water the seedlings every morning | water the seedlings | every morning",
                "back up the laptop every two weeks | back up the laptop | every two weeks",
                "floss twice a day | floss | twice a day",
                "stretch three times a week | stretch | three times a week",
                "review the budget monthly | review the budget | monthly",
                "review the log every quarter | review the log | every quarter",
            ],
        );
    }

    #[test]
    fn a_heading_ending_with_when_gives_the_advice_and_the_time() {
        check(
            Timing::When,
            &[
                "send a short note the same day | send a short note | the same day",
                "rinse the filter before refilling the tank | rinse the filter | before refilling the tank",
                "ask about the timeline before you leave | ask about the timeline | before you leave",
                "stretch after each run | stretch | after each run",
                "grind just before brewing | grind | just before brewing",
                "book the venue early | book the venue | early",
                "reserve the room in advance | reserve the room | in advance",
            ],
        );
        check(
            Timing::How,
            &["label the wires carefully | label the wires | carefully"],
        );
    }

    #[test]
    fn a_heading_without_a_time_of_its_own_is_left_alone() {
        for heading in [
            // The object, not a time, follows "before": a ranking.
            "put your health before your career",
            "keep the meetings regular",
            "plan early and often",
            "read the manual",
            // One word: no advice is left to ask about.
            "early",
            "only use the trunk",
            "write tests, then ship daily",
            "write sentences that can be parsed unambiguously",
            "work visibly",
        ] {
            assert_eq!(split(heading), None, "{heading}");
        }
    }

    #[test]
    fn timed_advice_asks_for_its_time_and_the_back_opens_with_it() {
        let cards = lesson_pairs(
            "# Keeping a fish tank\n\n\
             ## Change some water every week\n\n\
             Replace about a quarter of the water with treated tap water at the same \
             temperature. Small regular changes keep the nitrate low without shocking \
             the fish.\n\n\
             ## Rinse the sponge before you put it back\n\n\
             Squeeze the sponge in a bucket of the old tank water, never under the tap. \
             Chlorine in tap water kills the bacteria that clean the tank.\n",
        );
        assert_eq!(cards[0].0, "How often should you change some water?");
        assert!(
            cards[0]
                .1
                .starts_with("Every week: replace about a quarter"),
            "{cards:?}"
        );
        assert!(
            cards[1].0.starts_with("When should you rinse the sponge"),
            "{cards:?}"
        );
        assert!(
            cards[1].1.starts_with("Before you put it back: squeeze"),
            "{cards:?}"
        );
    }
}
