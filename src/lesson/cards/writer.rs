//! Headings that tell what the writer did or thinks, opened by a question
//! word: "What I liked", "Why we chose Postgres", "How I plan my
//! evenings". The reader did none of it, so the question names the writer
//! in the third person: "What did the author like?", "Why did the team
//! choose Postgres?" (see docs/lessons.md, "Headings in the writer's
//! voice").

use super::forms::inflected_from;
use super::statement::written_out;
use crate::lesson::language::{Analysis, Word, can_be_verb, past_form};
use crate::lesson::lexicon::{LEXICON, Role};
use crate::lesson::text::capitalise;

/// Who "I" or "we" becomes in the question.
#[derive(Clone, Copy, PartialEq)]
enum Writer {
    /// "I": the author, in either tense.
    Author,
    /// "we" in the past: a team telling what it did.
    Team,
    /// "we" in the present ("How we compute the hash"): the voice of a
    /// walk-through, which a question keeps.
    We,
}

/// A question word, then "I" or "we", then a word that can be a verb.
pub(super) fn writers_clause(words: &[&Word]) -> bool {
    matches!(words, [wh, subject, verb, ..]
        if LEXICON.is(&wh.norm, Role::QuestionWord)
            && matches!(subject.norm.as_str(), "i" | "we")
            && (verbal(&verb.norm) || verb.norm.starts_with('\'')))
}

/// A verb in its base, "-s" or past form.
fn verbal(word: &str) -> bool {
    can_be_verb(word) || past_form(word)
}

/// The auxiliaries a heading's clause may carry, written out (see
/// [`written_out`]).
const AUXILIARIES: &[&str] = &[
    "can", "could", "should", "would", "will", "might", "must", "may", "am", "are", "was", "were",
    "have", "had", "do", "did",
];

/// An auxiliary's form after "the author": "am", "have" and "do" agree.
fn third_person(aux: &str) -> &str {
    match aux {
        "am" => "is",
        "have" => "has",
        "do" => "does",
        other => other,
    }
}

/// "What I liked" → "What did the author like?"; "Why I don't use ORMs"
/// → "Why doesn't the author use ORMs?"; "How we compute the hash" →
/// "How do we compute the hash?". None for any other heading, or a past
/// form whose verb is unknown.
pub(super) fn writers_question(h: &Analysis, text: &str, apostrophe: char) -> Option<String> {
    let words: Vec<&Word> = h.content().collect();
    if !writers_clause(&words) {
        return None;
    }
    let (wh, subject, verb) = (words[0], words[1], words[2]);
    let next = words.get(3);
    let past = matches!(verb.norm.as_str(), "was" | "were" | "had" | "did")
        || (past_form(&verb.norm) && !verb.norm.starts_with('\''));
    let writer = match (subject.norm.as_str(), past) {
        ("i", _) => Writer::Author,
        (_, true) => Writer::Team,
        _ => Writer::We,
    };
    let who = match writer {
        Writer::Author => "the author",
        Writer::Team => "the team",
        Writer::We => "we",
    };
    let third = writer != Writer::We;
    // An auxiliary before a verb moves before the subject; "do" alone is
    // the main verb ("What I do"), as is "have" before its object.
    let full = written_out(&verb.norm).unwrap_or(&verb.norm);
    let aux = AUXILIARIES.iter().find(|a| **a == full).filter(|_| {
        next.is_some_and(|n| n.norm == "n't" || n.norm == "not" || verbal(&n.norm))
            || !matches!(verb.norm.as_str(), "do" | "did" | "have" | "had")
    });
    let (head, from) = if let Some(plain) = aux {
        let form = if third { third_person(plain) } else { plain };
        match next.filter(|n| n.norm == "n't") {
            Some(n) => (format!("{form}n{apostrophe}t {who}"), n.end),
            None => (format!("{form} {who}"), verb.end),
        }
    } else {
        let base = if past {
            LEXICON
                .base_of_past(&verb.norm)
                .map(str::to_string)
                .or_else(|| inflected_from(&verb.norm))?
        } else {
            verb.norm.clone()
        };
        let aux = match (past, third) {
            (true, _) => "did",
            (false, true) => "does",
            (false, false) => "do",
        };
        (format!("{aux} {who} {base}"), verb.end)
    };
    let rest = in_third_person(text[from..].trim(), writer);
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!(" {rest}")
    };
    Some(format!("{} {head}{rest}?", capitalise(&wh.norm)))
}

/// The writer's other pronouns in the rest of the heading, in the person
/// the question names them: "plan my evenings" → "plan their evenings".
fn in_third_person(rest: &str, writer: Writer) -> String {
    let swap = |w: &str| -> Option<&'static str> {
        Some(match (writer, w) {
            (Writer::Author, "i") => "they",
            (Writer::Author, "my") | (Writer::Team, "our") => "their",
            (Writer::Author, "me") | (Writer::Team, "us") => "them",
            (Writer::Author, "myself") | (Writer::Team, "ourselves") => "themselves",
            (Writer::Author, "mine") | (Writer::Team, "ours") => "theirs",
            (Writer::Team, "we") => "they",
            _ => return None,
        })
    };
    rest.split(' ')
        .map(|token| {
            let word = token.trim_end_matches(|c: char| !c.is_alphanumeric());
            match swap(&word.to_lowercase()) {
                Some(new) => format!("{new}{}", &token[word.len()..]),
                None => token.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::language::analyse;

    fn q(h: &str) -> Option<String> {
        writers_question(&analyse(h), h, '\'')
    }

    #[test]
    fn the_writers_past_is_asked_of_the_author_or_the_team() {
        assert_eq!(q("What I liked").unwrap(), "What did the author like?");
        assert_eq!(
            q("What I learned about naps").unwrap(),
            "What did the author learn about naps?"
        );
        assert_eq!(
            q("Why we chose Postgres").unwrap(),
            "Why did the team choose Postgres?"
        );
        assert_eq!(
            q("What we got wrong").unwrap(),
            "What did the team get wrong?"
        );
        assert_eq!(
            q("How we reduced our build times").unwrap(),
            "How did the team reduce their build times?"
        );
        assert_eq!(
            q("Why I stopped drinking coffee after noon").unwrap(),
            "Why did the author stop drinking coffee after noon?"
        );
    }

    #[test]
    fn the_present_and_auxiliaries_move_before_the_subject() {
        assert_eq!(
            q("How I plan my evenings").unwrap(),
            "How does the author plan their evenings?"
        );
        assert_eq!(
            q("How we compute the hash").unwrap(),
            "How do we compute the hash?"
        );
        assert_eq!(
            q("Why I don't use ORMs").unwrap(),
            "Why doesn't the author use ORMs?"
        );
        assert_eq!(
            q("What I would do differently").unwrap(),
            "What would the author do differently?"
        );
        assert_eq!(
            q("What I have learned since").unwrap(),
            "What has the author learned since?"
        );
        assert_eq!(q("What I do").unwrap(), "What does the author do?");
    }

    #[test]
    fn other_headings_and_unknown_pasts_are_left_alone() {
        assert_eq!(q("What you need"), None);
        assert_eq!(q("How caching works"), None);
        assert_eq!(q("I liked it"), None);
        // ("Wove" is a past form the lexicon does not list.)
        assert_eq!(q("What we wove into it"), None);
    }
}
