//! A heading that names its kind of section before a colon and then
//! gives its advice ("Final thoughts: let a little litter lie", "Step 2:
//! install the tools") or an activity ("Windows of focus: finding problem
//! areas"; see docs/lessons.md, "What it writes"): the label
//! says where the section stands, and the advice after it is the heading
//! a question asks about. A label over a noun phrase ("Disadvantages:
//! failover") is left whole; it names what the section lists.

use crate::lesson::language::{LEXICON, Pos, Role, analyse, known_verb, norm, verb_reading};

use super::forms::{gerund_base, is_base};

/// Most words of a label before the advice.
const LABEL_WORDS: usize = 3;

/// Fewest words of the advice after the label.
const ADVICE_WORDS: usize = 3;

/// The advice after a short label, when the heading is one.
pub(super) fn advice_after_label(inline: &str) -> Option<&str> {
    let (label, rest) = inline.split_once(": ")?;
    let rest = rest.trim();
    if label.split_whitespace().count() > LABEL_WORDS || label.contains(['(', '"', '`']) {
        return None;
    }
    let a = analyse(rest);
    let words: Vec<_> = a.content().collect();
    let first = words.first()?;
    // ("Windows of focus: finding problem areas": an activity, asked
    // how it is done, is advice too.)
    let activity = || gerund_base(&first.norm).is_some();
    let advises =
        first.pos == Pos::Verb && (is_base(&first.norm) && verb_reading(&first.norm) || activity());
    (advises && words.len() >= ADVICE_WORDS).then_some(rest)
}

/// "Make sure you schedule meetings in advance", "Remember to send the
/// agenda", "Don't forget to take notes": a reminder before the advice
/// (lexicon role `reminder-opening`) is no part of what to do; the advice
/// after it, when it opens with a verb, is what the question asks about.
pub(super) fn without_reminder(inline: String) -> String {
    let inline = unframed(inline);
    let a = analyse(&inline);
    let words: Vec<_> = a.content().collect();
    let lower: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let Some(&(0, end)) = LEXICON.find(&lower, Role::ReminderOpening).first() else {
        return inline;
    };
    match words.get(end) {
        Some(next) if is_base(&next.norm) && known_verb(&next.norm) == Some(true) => {
            inline[next.start..].to_string()
        }
        _ => inline,
    }
}

/// What only frames the heading's question: "What about validation?"
/// asks about validation, as "Show me the code" about the code and "Tell
/// me about caching" about caching (lexicon role `question-frame`); "Know how to end a conversation"
/// (or "Learn when to…") asks how to end one.
fn unframed(inline: String) -> String {
    // (Lexicon role `question-frame`; the words after it kept as written.)
    let words: Vec<&str> = inline.split(' ').collect();
    let norms: Vec<String> = words.iter().map(|w| norm(w)).collect();
    let norms: Vec<&str> = norms.iter().map(String::as_str).collect();
    if let Some(len) = LEXICON.opening(&norms, Role::QuestionFrame) {
        let rest = words[len..].join(" ");
        let rest = rest.trim_end_matches('?').trim();
        // (A clause after it, "What about when the build fails?", is a
        // case, not a thing: it stays as asked.)
        if !rest.is_empty() && rest.split(' ').count() <= 5 && !opens_clause(rest) {
            return rest.to_string();
        }
    }
    // ("WATCH explained", "Phases in detail": what closes it only frames
    // it, lexicon role `closing-frame`.)
    let closing = (1..words.len()).find(|&k| LEXICON.is(&norms[k..].join(" "), Role::ClosingFrame));
    if let Some(k) = closing {
        return words[..k].join(" ");
    }
    let lower = inline.to_lowercase();
    let mut words = lower.splitn(3, ' ');
    let (Some(verb), Some(asked), Some(rest)) = (words.next(), words.next(), words.next()) else {
        return inline;
    };
    let knowing = matches!(verb, "know" | "learn" | "understand");
    let wh = matches!(asked, "how" | "when" | "where" | "what" | "why");
    if knowing && wh && rest.starts_with("to ") {
        return inline[verb.len() + 1..].to_string();
    }
    inline
}

/// "when the build fails", "if it breaks": a clause, not a thing.
fn opens_clause(text: &str) -> bool {
    let first = text.split(' ').next().unwrap_or("").to_lowercase();
    matches!(
        first.as_str(),
        "when" | "if" | "where" | "how" | "why" | "what" | "who"
    )
}

#[cfg(test)]
mod tests {
    use super::advice_after_label;
    use crate::lesson::cards::question::tests::lesson_fronts;

    #[test]
    fn a_frame_around_the_question_is_no_part_of_it() {
        let fronts = lesson_fronts(
            "# Keys\n\n## What about rotation?\n\nRotation replaces each key on a schedule \
             so a stolen key stops working soon.\n\n\
             ## Know how to end a conversation respectfully\n\nSay that it was good to \
             meet them and shake hands. A feeble excuse fools nobody.\n\n\
             ## Show me the code\n\nThe whole service fits in two hundred lines \
             of Go, and it reads the key once at start.\n",
        );
        assert_eq!(fronts[0], "What does rotation replace?");
        assert!(!fronts.iter().any(|f| f.contains("show me")), "{fronts:?}");
        assert_eq!(fronts[1], "How should you end a conversation respectfully?");
    }

    #[test]
    fn words_closing_a_heading_that_frame_it_are_no_part_of_it() {
        let fronts = lesson_fronts(
            "# Locks\n\n## Leases explained\n\nA lease expires after a fixed time \
             so a crashed holder cannot keep the lock.\n\n## Fencing in depth\n\n\
             A fencing token grows with every grant, and storage rejects older ones.\n",
        );
        // (The heading as shown beside a question stays as written.)
        assert_eq!(fronts[0], "What does a lease do?");
        let watch = lesson_fronts(
            "# Transactions\n\n## Usage\n\nA transaction opens with MULTI and runs at EXEC.\n\n\
             ## WATCH explained\n\nCommands inside a transaction never trigger the watch.\n",
        );
        assert!(watch.iter().all(|f| !f.contains("explained")), "{watch:?}");
    }

    #[test]
    fn purposes_and_labelled_advice_are_asked_as_headings() {
        let fronts = lesson_fronts(
            "# Garden care\n\nA garden needs care through the year.\n\n\
             ## When some cleanup helps\n\nSome cleanup helps the beds.\n\n\
             1. To Reduce Disease Pressure\nSome plants get fungal diseases easily. \
             Removing diseased leaves can stop the spread from year to year.\n\n\
             2. To Prep Annual Beds\nClear the spent annuals before you sow, because \
             seedlings need light.\n\n\
             ## Final Thoughts: Let a Little Litter Lie\n\nYou are building soil health \
             by leaving litter, because it feeds the worms.\n",
        );
        for f in [
            "How can you reduce disease pressure?",
            "What should you do to prep annual beds?",
            "Why should you let a little litter lie?",
        ] {
            assert!(fronts.iter().any(|x| x == f), "{f}: {fronts:?}");
        }
    }

    #[test]
    fn a_label_before_advice_gives_way_to_the_advice() {
        assert_eq!(
            advice_after_label("final thoughts: let a little moss grow"),
            Some("let a little moss grow")
        );
        assert_eq!(
            advice_after_label("step 2: install the tools"),
            Some("install the tools")
        );
        // So is an activity after it, asked how it is done.
        assert_eq!(
            advice_after_label("windows of focus: finding problem areas"),
            Some("finding problem areas")
        );
        // A label over a noun phrase names what the section lists.
        assert_eq!(advice_after_label("disadvantages: failover"), None);
        assert_eq!(advice_after_label("pros: fast startup times"), None);
        // A long opening is no label.
        assert_eq!(
            advice_after_label("what the tenants of the building want: keep the rent down"),
            None
        );
    }

    #[test]
    fn the_writers_way_into_a_topic_asks_about_the_topic() {
        let fronts = lesson_fronts(
            "# Kitchen timers\n\n## Understanding the egg timer\n\nYou may have noticed that \
             the egg timer has no dial. The egg timer runs on sand, which falls through a \
             narrow neck in three minutes.\n\n## A closer look at the oven clock\n\n\
             The oven clock switches the heat off when its hand reaches zero, so a roast \
             never burns.\n",
        );
        assert!(
            !fronts.iter().any(|f| f.contains("understand")),
            "{fronts:?}"
        );
        assert!(!fronts.iter().any(|f| f.contains("advice")), "{fronts:?}");
        assert!(!fronts.iter().any(|f| f.contains("look at")), "{fronts:?}");
    }
}
