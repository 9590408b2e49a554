//! Sections of a comparison (see docs/lessons.md, "Noun-phrase
//! headings"). A lesson titled "Arrow vs regular functions" or "The
//! differences between threads and processes" gives each aspect a
//! section ("Syntax", "Constructors"), and "What matters about syntax?"
//! would not say what is compared: "How do arrow and regular functions
//! differ in syntax?" does, and the section's text answers it.

use std::collections::BTreeSet;

use crate::lesson::language::analyse;
use crate::lesson::text::stem;

/// Most words of an aspect's heading.
const ASPECT_WORDS: usize = 4;

/// Most words of one side of the comparison.
const SIDE_WORDS: usize = 4;

/// The two things a title compares: "X vs Y", "X versus Y", "(the)
/// difference(s) between X and Y", "X compared to Y".
fn sides(title: &str) -> Option<(String, String)> {
    let t = title
        .trim()
        .trim_end_matches(['?', '.', '!'])
        .to_lowercase();
    let (x, y) = if let Some((_, rest)) = t.split_once("between ") {
        if !t.contains("difference") {
            return None;
        }
        rest.split_once(" and ")?
    } else {
        [
            " vs. ",
            " vs ",
            " versus ",
            " compared to ",
            " compared with ",
        ]
        .iter()
        .find_map(|sep| t.split_once(sep))?
    };
    // ("…regular functions in JavaScript": the setting is no side.)
    let y = [" in ", " for ", " on ", ":", ","]
        .iter()
        .fold(y, |y, cut| y.split_once(cut).map_or(y, |(head, _)| head));
    let x = x.trim();
    let y = y.trim();
    let fits = |s: &str| (1..=SIDE_WORDS).contains(&s.split_whitespace().count());
    (fits(x) && fits(y)).then(|| (x.to_string(), y.to_string()))
}

fn stems(text: &str) -> BTreeSet<String> {
    analyse(text).content().map(|w| stem(&w.norm)).collect()
}

/// "How do X and Y differ in ASPECT?" for a vague question about
/// `aspect` in a lesson comparing two things, when the aspect is neither
/// of them nor the comparison itself ("Other differences").
pub(super) fn differ_question(title: &str, aspect: &str) -> Option<String> {
    let (x, y) = sides(title)?;
    let words = aspect.split_whitespace().count();
    let lower = aspect.to_lowercase();
    if words == 0
        || words > ASPECT_WORDS
        || ["differ", "similar", "compar", "versus", " vs"]
            .iter()
            .any(|w| lower.contains(w))
    {
        return None;
    }
    let own = stems(aspect);
    if !own.is_disjoint(&stems(&x)) || !own.is_disjoint(&stems(&y)) {
        return None;
    }
    Some(format!("How do {x} and {y} differ in {aspect}?"))
}

#[cfg(test)]
mod tests {
    use super::differ_question;

    #[test]
    fn an_aspect_of_a_comparison_asks_how_the_two_differ() {
        assert_eq!(
            differ_question("Threads vs processes", "memory"),
            Some("How do threads and processes differ in memory?".into())
        );
        assert_eq!(
            differ_question(
                "What are the differences between sync and async code in Python?",
                "error handling"
            ),
            Some("How do sync and async code differ in error handling?".into())
        );
        // One side's own section, or the comparison itself, is no aspect.
        assert_eq!(differ_question("Threads vs processes", "threads"), None);
        assert_eq!(
            differ_question("Threads vs processes", "other differences"),
            None
        );
        // A title that compares nothing.
        assert_eq!(differ_question("Threads in depth", "memory"), None);
    }
}
