//! "There are many types of indexes, including B-tree, hash and bitmap": a
//! sentence saying which kinds of a thing exist, and naming them after
//! "including", "such as", "like" or a colon, answers "What types of
//! indexes are there?" (see docs/lessons.md, "Questions from the back").
//! A count keeps its number: "There are two ways to roll back: revert or
//! reset" → "What are the two ways to roll back?". One that names none
//! only announces what the text goes on to say ([`announces`]).

use crate::lesson::language::{LEXICON, Pos, Role, Word};

use super::ask::{article_lowered, lower_first};
use super::forms::looks_plural;
use super::sentence::Sent;

/// Words of quantity a question leaves out ("many", "a few", "a number
/// of"), as the words they are read as.
const VAGUE: [&[&str]; 11] = [
    &["many"],
    &["several"],
    &["numerous"],
    &["various"],
    &["multiple"],
    &["some"],
    &["a", "few"],
    &["a", "number", "of"],
    &["a", "lot", "of"],
    &["lots", "of"],
    &["a", "variety", "of"],
];

/// The most words the kinds' noun phrase may have.
const PHRASE_WORDS: usize = 8;

/// The question a "There are … kinds of X, including A, B and C" sentence
/// answers, when it names at least two of them.
pub(super) fn kinds_question(s: &Sent) -> Option<String> {
    let w: Vec<&Word> = s.a.words.iter().collect();
    if w.len() < 6 || w[0].norm != "there" || !matches!(w[1].norm.as_str(), "are" | "exist") {
        return None;
    }
    let mut k = 2;
    while let Some(skip) = VAGUE.iter().find(|v| {
        w.len() > k + v.len()
            && w[k..k + v.len()]
                .iter()
                .zip(v.iter())
                .all(|(a, b)| a.norm == *b)
    }) {
        k += skip.len();
    }
    let counted = (w[k].pos == Pos::Num).then(|| w[k].norm.clone());
    let start = k + usize::from(counted.is_some());
    let end = start
        + w[start..].iter().position(|w| {
            // ("…kinds of flour out there, like…": an adverb ends them.)
            w.is_punct()
                || w.pos == Pos::Adv
                || matches!(
                    w.norm.as_str(),
                    "including" | "such" | "like" | "out" | "there"
                )
        })?;
    let after = end
        + w[end..]
            .iter()
            .position(|w| w.pos != Pos::Adv && !matches!(w.norm.as_str(), "out" | "there"))?;
    let list = &w[after..];
    let names_them = match list.first()?.norm.as_str() {
        ":" => true,
        "," => list
            .get(1)
            .is_some_and(|w| matches!(w.norm.as_str(), "including" | "such" | "like")),
        n => matches!(n, "including" | "such" | "like"),
    };
    let items = list
        .iter()
        .filter(|w| matches!(w.norm.as_str(), "," | "and" | "or"))
        .count();
    let phrase = &w[start..end];
    let plural = phrase
        .iter()
        .take_while(|w| w.norm != "of" && w.norm != "to")
        .last()
        .is_some_and(|w| w.pos.is_nominal() && looks_plural(&w.norm));
    if !names_them || items < 2 || phrase.is_empty() || phrase.len() > PHRASE_WORDS || !plural {
        return None;
    }
    let said = &s.text[phrase[0].start..phrase[phrase.len() - 1].end];
    Some(match counted {
        Some(n) => format!("What are the {n} {said}?"),
        None => format!("What {said} are there?"),
    })
}

/// "Stored responses have two states: fresh and stale" → "What two
/// states do stored responses have?": a subject, "has" or "have", a count
/// and a plural noun, then a colon before the things counted.
pub(super) fn counted_question(s: &Sent) -> Option<String> {
    let w: Vec<&Word> = s.a.words.iter().collect();
    let have = w
        .iter()
        .position(|w| matches!(w.norm.as_str(), "has" | "have"))?;
    let subject = &w[..have];
    let opens = subject.first().is_some_and(|w| {
        matches!(
            w.pos,
            Pos::Det | Pos::Noun | Pos::Propn | Pos::Adj | Pos::Verb
        )
    });
    let nominal = subject.last().is_some_and(|w| w.pos.is_nominal());
    if !opens || !nominal || subject.len() > 6 || subject.iter().any(|w| w.is_punct()) {
        return None;
    }
    // ("has two main functions:": up to two adjectives before the noun.)
    let after = &w[have + 1..];
    let colon = after.iter().take(5).position(|w| w.norm == ":")?;
    let [count, .., noun] = &after[..colon] else {
        return None;
    };
    let counted = count.pos == Pos::Num && count.norm != "one";
    let described = after[1..colon - 1].iter().all(|w| w.pos == Pos::Adj);
    if !counted || !described || !noun.pos.is_nominal() || !looks_plural(&noun.norm) {
        return None;
    }
    let noun = &s.text[after[1].start..noun.end];
    let said = &s.text[subject[0].start..subject[subject.len() - 1].end];
    // ("A sonnet" reads "a sonnet" inside the question; a name keeps its
    // capital.)
    let said = match subject[0].pos {
        Pos::Det => article_lowered(said, true),
        Pos::Propn => said.to_string(),
        _ => lower_first(said),
    };
    let does = if w[have].norm == "has" { "does" } else { "do" };
    Some(format!("What {} {noun} {does} {said} have?", count.norm))
}

/// "There are several kinds of…", "There are three types of tests…",
/// "Sometimes there are special cases.": a sentence saying only that
/// something exists, before the text that says what it is.
pub(super) fn announces(s: &Sent) -> bool {
    let words: Vec<&str> = s.a.content().map(|w| w.norm.as_str()).collect();
    // "A few techniques can make recruiting easier", "Here are five tips":
    // a count of advice the text goes on to give (lexicon roles
    // `quantifier` and `announced-noun`), an adjective between or not.
    // ("…walks to a leaf in a few steps", "2 of the many factors": after a
    // preposition it counts, and announces nothing.)
    let content: Vec<&crate::lesson::language::Word> = s.a.content().collect();
    let counted = LEXICON
        .find(&words, Role::Quantifier)
        .iter()
        .any(|&(start, end)| {
            let governed = start > 0 && content[start - 1].pos == Pos::Adp;
            !governed
                && (end..(end + 2).min(words.len()))
                    .any(|k| LEXICON.is(words[k], Role::AnnouncedNoun))
        });
    if counted && s.words() <= 30 && !s.text.contains(": ") && !s.reason {
        return true;
    }
    let Some(at) = words.iter().position(|&w| w == "there") else {
        return false;
    };
    let verb = words.get(at + 1).copied();
    // ("There isn't a standard method", "There is nothing more boring
    // than…": what does not exist, or a comparison with nothing, is a
    // point of its own.)
    let negated = words
        .iter()
        .any(|w| matches!(*w, "not" | "n't" | "no" | "nothing" | "never" | "none"));
    let opens = at == 0 || (at == 1 && s.a.content().next().is_some_and(|w| w.pos == Pos::Adv));
    opens
        && !negated
        && matches!(verb, Some("are" | "is" | "'s" | "exist" | "exists"))
        && s.words() <= 20
        && !s.reason
        // ("There are two concepts behind it: recall and spacing." names them.)
        && !s.text.contains(": ")
        && kinds_question(s).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::read::PieceKind;

    fn asked(text: &str) -> Option<String> {
        kinds_question(&Sent::new(text.to_string(), PieceKind::Para))
    }

    #[test]
    fn a_sentence_saying_only_that_something_exists_announces() {
        let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
        assert!(announces(&s("There are three kinds of tests that help.")));
        assert!(announces(&s("Sometimes there are special cases.")));
        assert!(!announces(&s(
            "There are two ideas behind it: recall and spacing."
        )));
        assert!(!announces(&s("Keep the old name where there is room.")));
        // What does not exist is a point of its own.
        assert!(!announces(&s(
            "There isn't a standard method between gyms."
        )));
        assert!(!announces(&s(
            "There is nothing more boring than a speaker with a flat voice."
        )));
        // A count of advice the text goes on to give announces it too.
        assert!(announces(&s(
            "For any student, a few techniques can make recruiting both easier and faster."
        )));
        assert!(announces(&s(
            "The tool provides several ways to change a theme."
        )));
        assert!(!announces(&s(
            "The engine walks from the root to a leaf in a few steps, even on huge tables."
        )));
    }

    #[test]
    fn kinds_named_after_including_are_asked_for() {
        assert_eq!(
            asked("There are many different types of storage engines, including B-tree, LSM-tree, and hash engines.").as_deref(),
            Some("What different types of storage engines are there?")
        );
        assert_eq!(
            asked(
                "There are a few kinds of knots such as the bowline, the hitch and the reef knot."
            )
            .as_deref(),
            Some("What kinds of knots are there?")
        );
        // (An adverb after the kinds is no part of them.)
        assert_eq!(
            asked("There are other kinds of flour out there, like rye and spelt.").as_deref(),
            Some("What other kinds of flour are there?")
        );
    }

    #[test]
    fn a_count_is_kept() {
        assert_eq!(
            asked("There are two ways to undo a commit: revert it, or reset the branch.")
                .as_deref(),
            Some("What are the two ways to undo a commit?")
        );
    }

    #[test]
    fn a_sentence_naming_no_kinds_asks_nothing() {
        // (It only announces them; the text names them later.)
        assert_eq!(
            asked("There are several kinds of knots worth learning."),
            None
        );
        // (One thing named is no list.)
        assert_eq!(asked("There are many tools, including Git."), None);
        assert_eq!(
            asked("There is a knot for every job, such as the bowline and the hitch."),
            None
        );
    }

    #[test]
    fn a_count_of_parts_before_a_colon_asks_for_them() {
        let asked = |t: &str| counted_question(&Sent::new(t.to_string(), PieceKind::Para));
        assert_eq!(
            asked("Stored responses have two states: fresh and stale.").as_deref(),
            Some("What two states do stored responses have?")
        );
        assert_eq!(
            asked("A sonnet has three parts: two quatrains and a closing sestet.").as_deref(),
            Some("What three parts does a sonnet have?")
        );
        // Adjectives may stand between the count and the noun.
        assert_eq!(
            asked("The parser has two separate passes: one for tokens, one for trees.").as_deref(),
            Some("What two separate passes does the parser have?")
        );
        assert_eq!(
            asked("The parser has two passes over the text: tokens and trees."),
            None
        );
        // (No colon, no count, or a clause before "has".)
        assert_eq!(asked("A sonnet has fourteen lines."), None);
        assert_eq!(asked("A sonnet has parts: quatrains and a sestet."), None);
        assert_eq!(
            asked("When it rains, the roof has two leaks: here and there."),
            None
        );
    }
}
