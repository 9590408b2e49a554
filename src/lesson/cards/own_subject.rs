//! A question about the subject of the back's own sentence, for a section
//! without a heading (see docs/lessons.md, "Paragraphs without headings").
//! The name made up for such a section is a guess the reader never saw;
//! "What should you know about the back room?" asks nothing. The sentence
//! the back holds names what it speaks of in its subject, so the question
//! is read off the sentence as if its subject were the heading:
//!
//! - "A stock list counts what stands on the shelves" → "What does a stock
//!   list count?";
//! - "Recover is a built-in function that regains control…" → "What is
//!   recover?";
//! - "A defer statement pushes a call onto a list" (a second complement,
//!   which no "what" question asks) → "What does a defer statement do?".

use crate::lesson::language::{LEXICON, Pos, Role};
use crate::lesson::text::{Casing, capitalise, norm, without_brackets};

use super::ask::lower_first;

use super::forms::looks_plural;
use super::from_back::{Heading, action_base, ask_of, head_of, main_verb};
use super::sentence::Sent;

/// The longest subject asked about, in words.
const SUBJECT_WORDS: usize = 5;

/// The longest subject of "is that…" asked about, in words.
const IDENTITY_WORDS: usize = 8;

/// The question about the subject of `s`, when it opens with a short noun
/// phrase (no pronoun: the made-up heading gives it nothing to stand for)
/// followed by its verb.
pub(super) fn own_subject_question(s: &Sent, casing: &Casing) -> Option<String> {
    if s.leans.is_some() || s.pointer || s.personal || s.quoted || s.fragment {
        return None;
    }
    let plainer = plainer(s);
    let s = plainer.as_ref().unwrap_or(s);
    if let Some(q) = identity_question(s, casing) {
        return Some(q);
    }
    // ("Recover is…": a word the tagger took for an imperative is the
    // subject before an auxiliary.)
    let w = &s.a.words;
    let alone = w.len() > 2 && w[0].pos == Pos::Verb && w[1].pos == Pos::Aux && w[1].norm != "do";
    let retagged;
    let s = if alone {
        let mut copy = s.clone();
        copy.a.words[0].pos = Pos::Noun;
        retagged = copy;
        &retagged
    } else {
        s
    };
    let w = &s.a.words;
    let verb = main_verb(s, "")?;
    let subject = &w[..verb.end];
    let plain = |k: usize| matches!(subject[k].pos, Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn);
    if subject.is_empty()
        || subject.len() > SUBJECT_WORDS
        || !(0..subject.len()).all(plain)
        || !subject.last().is_some_and(|w| w.pos.is_nominal())
        || LEXICON.is(&subject[0].norm, Role::Possessive)
    {
        return None;
    }
    let said = &s.text[subject[0].start..subject[subject.len() - 1].end];
    let inline = casing.inline_words(said).join(" ");
    let heading = Heading {
        head: head_of(said),
        text: &inline,
        shown: &capitalise(&inline),
    };
    let plural = looks_plural(&subject[subject.len() - 1].norm);
    ask_of(s, true, &heading, (&inline, plural), casing)
        .filter(|q| !q.contains(": "))
        .or_else(|| {
            // ("What does a defer statement do?": a verb of action whose
            // object no question asks for says what the subject does.)
            action_base(&verb.word, plural)?;
            let does = if plural { "do" } else { "does" };
            Some(format!("What {does} {inline} do?"))
        })
}

/// The sentence without what only frames it: an opening that sums up
/// ("In summary, the statement…"; lexicon roles `conclusion-opening` and
/// `summary-heading`) and asides in brackets. None when there is neither.
fn plainer(s: &Sent) -> Option<Sent> {
    let mut text = s.text.clone();
    if let Some((opening, rest)) = text.split_once(", ") {
        let words = norm(opening);
        if [Role::ConclusionOpening, Role::SummaryHeading]
            .iter()
            .any(|&r| LEXICON.is(&words, r))
        {
            text = capitalise(rest);
        }
    }
    if text.contains('(') {
        text = without_brackets(&text);
    }
    (text != s.text).then(|| Sent::new(text, s.kind))
}

/// "The convention in the Go libraries is that…": a subject of three to
/// eight words opening on "the" (one noun alone, "The catch is that…",
/// names nothing to ask for), then "is that" and a clause, says what the
/// subject is: "What is the convention in the Go libraries?".
fn identity_question(s: &Sent, casing: &Casing) -> Option<String> {
    let w = &s.a.words;
    let is = w
        .iter()
        .position(|w| matches!(w.norm.as_str(), "is" | "was"))?;
    let said = &w[..is];
    // (A capital names: "the Go libraries", whatever the tagger read.)
    let plain = said.iter().all(|w| {
        matches!(
            w.pos,
            Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn | Pos::Num
        ) || matches!(w.norm.as_str(), "of" | "in" | "for" | "most")
            || s.text[w.start..].starts_with(char::is_uppercase)
    });
    if w[0].norm != "the"
        || !(3..=IDENTITY_WORDS).contains(&is)
        || !plain
        || w.get(is + 1).is_none_or(|n| n.norm != "that")
    {
        return None;
    }
    let subject = &s.text[w[0].start..w[is - 1].end];
    let inline = casing.inline_words(subject).join(" ");
    Some(format!("What {} {}?", w[is].norm, lower_first(&inline)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::cards::question::tests::lesson_fronts;
    use crate::lesson::read::PieceKind;

    fn asked(text: &str) -> Option<String> {
        let s = Sent::new(text.to_string(), PieceKind::Para);
        own_subject_question(&s, &Casing::default())
    }

    #[test]
    fn the_sentence_subject_is_what_the_question_asks_about() {
        assert_eq!(
            asked("A stock list counts what stands on the shelves.").as_deref(),
            Some("What does a stock list count?")
        );
        assert_eq!(
            asked("A weekly check moves the missing items onto a list.").as_deref(),
            Some("What does a weekly check do?")
        );
        assert_eq!(
            asked("Recover is a built-in function that regains control of a program.").as_deref(),
            Some("What is recover?")
        );
        // (A pronoun, a long subject or a clause first asks nothing.)
        assert_eq!(asked("It counts what stands on the shelves."), None);
        assert_eq!(
            asked("The big old wooden stock list by the door counts the hats."),
            None
        );
        assert_eq!(
            asked("When the shop shuts, the clerk counts the hats."),
            None
        );
    }

    #[test]
    fn a_summing_up_opening_and_asides_frame_the_subject_they_do_not_name() {
        assert_eq!(
            asked("In short, the weekly check (done on Fridays) finds the missing hats.")
                .as_deref(),
            Some("What does the weekly check do?")
        );
        assert_eq!(
            asked("The custom in most small shops is that the owner counts the till.").as_deref(),
            Some("What is the custom in most small shops?")
        );
        // ("The catch is that…": a subject of one noun is asked nothing.)
        assert_eq!(asked("The catch is that the owner counts the till."), None);
    }

    #[test]
    fn paragraphs_without_headings_get_no_overview_of_made_up_parts() {
        let text = "# Keeping a shop's books\n\n\
        The till records every sale the moment it is rung up. Each line holds the time, \
        the item and the price paid.\n\n\
        A stock list counts what stands on the shelves and what waits in the back room. \
        It is updated whenever a delivery arrives.\n\n\
        A weekly check compares the till roll with the stock list. Any item sold but \
        still counted shows up before the month ends.\n";
        let fronts = lesson_fronts(text);
        // (Each paragraph is asked about its own subject.)
        assert!(
            fronts.contains(&"What does a stock list count?".to_string()),
            "{fronts:?}"
        );
        assert!(!fronts.iter().any(|f| f.contains("parts?")), "{fronts:?}");
        // (With headings the parts are the reader's own, and listed.)
        let headed = "# Keeping a shop's books\n\n## The till\n\n\
        A till records every sale the moment it is rung up.\n\n## The stock list\n\n\
        A stock list counts what stands on the shelves.\n\n## The weekly check\n\n\
        A weekly check compares the two before the month ends.\n";
        assert!(
            lesson_fronts(headed)
                .iter()
                .any(|f| f.contains("three parts?"))
        );
    }
}
