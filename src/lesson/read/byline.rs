//! Headings that only sign or date an article ("Contributed by Jane Doe",
//! "Publication date: August 4, 2021"): blog posts set them as headings,
//! but they are no section and teach nothing (lexicon roles
//! `byline-label`, `date-label` and `calendar`; see docs/lessons.md).

use super::markdown::{Block, Kind};
use crate::lesson::language::{known_word, proper_noun};
use crate::lesson::lexicon::{LEXICON, Role};
use crate::lesson::text::{ends_sentence, sentences, spaced_dash, word_count};

/// Takes out of `blocks` what only signs or dates the article: headings
/// ("Contributed by Jane Doe", "Publication date: August 4, 2021"), whose
/// text joins what comes before; a name signing a paragraph or an item
/// ("… a separate space - Keegan"), as what it signs is a whole statement,
/// stopped or not; and a closing note on the writer.
pub(super) fn unsign(blocks: &mut Vec<Block>) {
    blocks.retain(|b| !(matches!(b.kind, Kind::Heading(_)) && is_byline(&b.text())));
    for b in blocks
        .iter_mut()
        .filter(|b| matches!(b.kind, Kind::Para | Kind::Item { .. }))
    {
        if let Some(last) = b.lines.last_mut()
            && let Some(text) = unsigned(last)
        {
            let stop = if ends_sentence(text) { "" } else { "." };
            *last = format!("{text}{stop}");
        }
    }
    if blocks.len() > 1
        && blocks
            .last()
            .is_some_and(|b| b.kind == Kind::Para && about_the_writer(&b.text()))
    {
        blocks.pop();
    }
}

/// Whether a heading only signs or dates the article.
pub(super) fn is_byline(heading: &str) -> bool {
    let words: Vec<&str> = heading
        .split_whitespace()
        .map(|w| w.trim_matches([',', ':', '.', ';']))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 9 {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let label = |role: Role| {
        (1..=3.min(lower.len()))
            .rev()
            .find(|&n| LEXICON.is(&lower[..n].join(" "), role))
            .unwrap_or(0)
    };
    let dated = label(Role::DateLabel).max(label(Role::BylineLabel));
    if is_date(&lower[dated..]) {
        return true;
    }
    // "By Jane Doe", "Author: Ann Lee": a signing label, then a name of two
    // to four capitalised words ("By Design" is a heading).
    let signed = label(Role::BylineLabel);
    let name = &words[signed..];
    signed > 0
        && (2..=4).contains(&name.len())
        && name.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !LEXICON.is(&w.to_lowercase(), Role::Preposition)
        })
        && !name.iter().any(|w| matches!(*w, "The" | "A" | "An"))
}

/// "Try working in a separate space - Keegan": a tip signed by its
/// writer, as pages gathering tips from a team sign them. The signature
/// is one to three capitalised words after a spaced dash closing the
/// text, and either the text before it ends its sentence or every word of
/// it is a name (one the dictionary does not know, or knows as a proper
/// noun). Gives the text without it.
pub(super) fn unsigned(text: &str) -> Option<&str> {
    let (at, after) = spaced_dash(text, true)?;
    let (before, name) = (text[..at].trim_end(), text[after..].trim());
    let words: Vec<&str> = name.split_whitespace().collect();
    let named = (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-'))
        });
    let names = || {
        words.iter().all(|w| {
            let w = w.trim_end_matches('.');
            !known_word(&w.to_lowercase()) || proper_noun(w)
        })
    };
    (named && word_count(before) >= 4 && (ends_sentence(before) || names())).then_some(before)
}

/// "Zhanrui Kuang is part of the research team at…", "Ann Lee writes
/// about gardens…": a closing note of one sentence on the writer, opening
/// with a name of two or three capitalised words the dictionary does not
/// know or knows as names, then a verb saying who they are. It signs the
/// article and teaches nothing.
pub(super) fn about_the_writer(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let verb = |w: &str| {
        matches!(
            w,
            "is" | "was" | "works" | "leads" | "writes" | "teaches" | "joined" | "serves"
        )
    };
    let Some(v) = words.iter().take(4).position(|w| verb(w)) else {
        return false;
    };
    let name = &words[..v];
    let names = (2..=3).contains(&name.len())
        && name.iter().all(|w| {
            let w = w.trim_start_matches(['_', '*']);
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
                && (!known_word(&w.to_lowercase()) || proper_noun(w))
        });
    names && sentences(text).len() == 1 && word_count(text) <= 40
}

/// "August 4, 2021", "Monday 3 May 2020", "2021-08-04": a date with its
/// year and nothing else.
fn is_date(words: &[String]) -> bool {
    let year = |w: &str| {
        w.len() == 4 && w.starts_with(['1', '2']) && w.chars().all(|c| c.is_ascii_digit())
    };
    let day = |w: &str| {
        let digits = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| w.strip_suffix(s))
            .unwrap_or(w);
        (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit())
    };
    let iso = |w: &str| {
        let parts: Vec<&str> = w.split(['-', '/']).collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            && (year(parts[0]) || year(parts[2]))
    };
    match words {
        [] => false,
        [w] => iso(w),
        _ => {
            words.iter().any(|w| year(w))
                && words.iter().any(|w| LEXICON.is(w, Role::Calendar))
                && words
                    .iter()
                    .all(|w| year(w) || day(w) || w == "of" || LEXICON.is(w, Role::Calendar))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_and_dates_are_bylines() {
        for h in [
            "Contributed by Jay Smith",
            "Publication date: August 4, 2021",
            "Last updated 3rd May 2020",
            "Posted on Monday, 12 October 2020",
            "Author: Ann Lee",
            "2021-08-04",
            "Date: 04/08/2021",
        ] {
            assert!(is_byline(h), "{h}");
        }
    }

    #[test]
    fn a_tip_loses_the_name_that_signs_it() {
        assert_eq!(
            unsigned("Try working in a room of its own - Keegan"),
            Some("Try working in a room of its own")
        );
        assert_eq!(
            unsigned("Reread what you wrote. \u{2013} Ann Lee"),
            Some("Reread what you wrote.")
        );
        for t in [
            "Pick one of two kinds of store - Redis or Postgres",
            "Add the last step - Deploy",
            "Short - Keegan",
            "Mind the gap - it is wider than it looks",
        ] {
            assert_eq!(unsigned(t), None, "{t}");
        }
    }

    #[test]
    fn a_closing_sentence_naming_the_writer_is_about_them() {
        assert!(about_the_writer(
            "Zhanrui Kuang is part of the Social and Behavioral Sciences Team at GSA."
        ));
        // Not a claim about a named thing, nor one of two sentences.
        assert!(!about_the_writer(
            "Git Bisect is a tool that finds the commit."
        ));
        assert!(!about_the_writer(
            "Zhanrui Kuang is part of the team. She writes about surveys."
        ));
        assert!(!about_the_writer(
            "The Federal Reserve is the central bank."
        ));
    }

    #[test]
    fn headings_that_only_look_like_bylines_stay() {
        for h in [
            "By Design",
            "By the numbers",
            "Updated guidance",
            "Dates and times",
            "March of progress",
            "Authors and reviewers",
            "Released in May",
            "2021",
            "Written by hand: notes on drafts",
        ] {
            assert!(!is_byline(h), "{h}");
        }
    }
}
