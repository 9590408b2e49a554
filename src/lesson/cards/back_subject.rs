//! The subject of a back's sentence, as a question read off it names it
//! (see [`super::from_back`] and docs/lessons.md, "Questions from the
//! back"): a pronoun standing for the heading, or words as written.

use crate::lesson::language::{LEXICON, Pos, Role, Word};
use crate::lesson::text::{Casing, stem};

use super::ask::article_lowered;
use super::from_back::{Heading, noun_by_position, noun_list};
use super::opening::{gerund_opens, leans_back};
use super::sentence::{Sent, kin};

/// The longest subject a question repeats, in words.
const SUBJECT_WORDS: usize = 6;

/// How many words longer a gerund's phrase may be than another subject
/// ("Sowing a short row every two weeks").
const GERUND_EXTRA: usize = 2;

/// The sentence's subject: a pronoun standing for the heading, or words as
/// written, naming the heading (its head noun or its initials, "RTO") or
/// something else the section speaks of.
pub(super) enum Subject {
    Pronoun,
    Named { text: String, about: bool },
}

/// Reads the words before the verb as a subject: a pronoun, or a noun
/// phrase (no clause, no preposition but "of") and whether it names the
/// heading.
pub(super) fn subject(
    s: &Sent,
    words: &[Word],
    heading: &Heading,
    casing: &Casing,
) -> Option<Subject> {
    // ("1957 Perceptron is…", a timeline's entry: the year tells when,
    // which the question would give away; the name is what it asks of.)
    let dated = words.len() >= 2 && is_year(&words[0].norm);
    let words = if dated { &words[1..] } else { words };
    let first = words.first()?;
    let pronoun = matches!(
        first.norm.as_str(),
        "it" | "this" | "these" | "those" | "they"
    );
    if words.len() == 1 && pronoun {
        return Some(Subject::Pronoun);
    }
    let possessive = |w: &Word| LEXICON.is(&w.norm, Role::Possessive);
    // ("Paying from savings…": a gerund's phrase, prepositions and all.)
    let gerund = gerund_opens(words);
    // (A list of nouns ending the words before the verb, the tagger's
    // verbs among them: "every read, write and delete".)
    let listed = noun_list(words);
    let nominal = |k: usize| {
        words[k].pos.is_nominal()
            || noun_by_position(words, k)
            || (gerund && k == 0)
            || (listed && words[k].pos == Pos::Verb)
    };
    // ("Every insert, update and delete must…": the commas of a list of
    // nouns that "and" or "or" ends.)
    let listing = |k: usize| {
        words[k].norm == ","
            && k + 1 < words.len()
            && nominal(k + 1)
            && words[k + 1..]
                .iter()
                .any(|w| matches!(w.norm.as_str(), "and" | "or"))
    };
    let most = SUBJECT_WORDS + if gerund { GERUND_EXTRA } else { 0 };
    if words.len() > most
        || (gerund && leans_back(words))
        || first.pos == Pos::Cconj
        || !(0..words.len()).any(nominal)
        || (0..words.len()).any(|k| {
            let w = &words[k];
            (w.is_punct() && !listing(k))
                || (w.pos == Pos::Pron && !possessive(w))
                || (matches!(w.pos, Pos::Sconj | Pos::Verb | Pos::Aux) && !nominal(k))
                || (w.pos == Pos::Adp && w.norm != "of" && !gerund && !qualifies(words, k))
        })
    {
        return None;
    }
    // The subject names the heading's head, its last noun ("drills" of
    // "Testing and drills", not "index" of "Index advisor"), or is its
    // initials.
    let about = heading.head.as_ref().is_some_and(|head| {
        (0..words.len()).any(|k| nominal(k) && kin(head, &stem(&words[k].norm)))
    }) || (words.len() == 1
        && initials_of(&s.text[first.start..first.end], heading.text))
        // ("Sowing a short row…" under "Succession sowing".)
        || (gerund
            && heading
                .text
                .to_lowercase()
                .split_whitespace()
                .any(|h| h == first.norm));
    // A subject naming something else is asked beside the heading, and
    // only when short: "each answer", "a root server", or a list of
    // nouns ("every insert, update and delete").
    // (A gerund's phrase about something else is a story of its own.)
    let list = (0..words.len()).any(listing);
    if !about && ((words.len() > 3 && !list) || gerund) {
        return None;
    }
    let text = named(s, words, gerund, casing);
    Some(Subject::Named { text, about })
}

/// "The total cost in sequence", "Requests to the primary": one
/// preposition after a noun, with a plain noun phrase after it to the verb,
/// qualifies the noun; it is part of the subject, not a place set before it.
fn qualifies(words: &[Word], k: usize) -> bool {
    let plain = |w: &Word| {
        matches!(
            w.pos,
            Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn | Pos::Num
        )
    };
    k >= 1
        && k + 1 < words.len()
        && matches!(words[k - 1].pos, Pos::Noun | Pos::Propn)
        && words[k + 1..].iter().all(plain)
        && !words[..k]
            .iter()
            .any(|w| w.pos == Pos::Adp && w.norm != "of")
}

/// The subject as the question shows it.
fn named(s: &Sent, words: &[Word], gerund: bool, casing: &Casing) -> String {
    let first = &words[0];
    let text = &s.text[first.start..words[words.len() - 1].end];
    // "Chesterton's Fence suggests…": a capital past the first word marks
    // a name, kept as written.
    let name = words[1..]
        .iter()
        .any(|w| s.text[w.start..].starts_with(char::is_uppercase));
    let text = if name {
        text.to_string()
    } else {
        casing.inline_words(text).join(" ")
    };
    // (An article or a gerund opening it is no name, even where the
    // rest is one, "the ARRL", or in a lesson of lower-case headings,
    // which keeps a sentence's words as written.)
    article_lowered(&text, first.pos == Pos::Det || gerund)
}

/// "This algorithm reduces…" opening the section under "Mark and sweep":
/// a demonstrative and a noun stand for the heading, named by it, "the
/// mark and sweep algorithm" ("the mark and sweep" when the heading ends
/// in that noun). Later in the section it may stand for anything said
/// before, and is not asked.
pub(super) fn this_one(subject: Subject, opens: bool, heading: &str) -> Option<Subject> {
    let Subject::Named { text, .. } = &subject else {
        return Some(subject);
    };
    let Some(("this" | "these", noun)) = text.split_once(' ').filter(|(_, n)| !n.contains(' '))
    else {
        return Some(subject);
    };
    if !opens {
        return None;
    }
    let last = heading.rsplit(' ').next().unwrap_or(heading);
    let text = if kin(&stem(&last.to_lowercase()), &stem(noun)) {
        format!("the {heading}")
    } else {
        format!("the {heading} {noun}")
    };
    Some(Subject::Named { text, about: true })
}

/// A year ("1957") or a decade ("1980s") opening a timeline's entry.
fn is_year(word: &str) -> bool {
    let digits = word.strip_suffix('s').unwrap_or(word);
    digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && (digits.starts_with('1') || digits.starts_with('2'))
}

/// "RTO" for "Recovery time objective": an acronym of the heading's words.
fn initials_of(word: &str, heading: &str) -> bool {
    let initials: String = heading
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .collect();
    word.len() >= 2
        && word.chars().all(|c| c.is_ascii_uppercase())
        && initials.eq_ignore_ascii_case(word)
}

#[cfg(test)]
mod tests {
    use crate::lesson::cards::from_back::tests::asked;

    #[test]
    fn this_and_a_noun_opening_the_section_stand_for_the_heading() {
        let text = "This algorithm needs a pause of the whole program.";
        assert_eq!(
            asked("Mark and sweep", false, text, true).as_deref(),
            Some("What does the mark and sweep algorithm need?")
        );
        assert_eq!(
            asked("Tracing algorithm", false, text, true).as_deref(),
            Some("What does the tracing algorithm need?")
        );
        // Later in the section it may stand for anything said before.
        assert_eq!(asked("Mark and sweep", false, text, false), None);
    }
}
