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
    // (Split on the lowered title; the sides keep the title's own case,
    // which the caller lowers as it lowers a heading: "Unicode vs UTF-8".)
    let t = title.trim().trim_end_matches(['?', '.', '!']);
    let lower = t.to_lowercase();
    let (x, y) = if let Some(at) = lower.find("between ") {
        if !lower.contains("difference") {
            return None;
        }
        let rest = &t[at + "between ".len()..];
        let and = rest.to_lowercase().find(" and ")?;
        (&rest[..and], &rest[and + " and ".len()..])
    } else {
        [
            " vs. ",
            " vs ",
            " versus ",
            " compared to ",
            " compared with ",
        ]
        .iter()
        .find_map(|sep| {
            let at = lower.find(sep)?;
            Some((&t[..at], &t[at + sep.len()..]))
        })?
    };
    // ("…regular functions in JavaScript": the setting is no side.)
    let y = [" in ", " for ", " on ", ":", ","]
        .iter()
        .fold(y, |y, cut| {
            y.to_lowercase().find(cut).map_or(y, |at| &y[..at])
        });
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
/// of them nor the comparison itself ("Other differences"), and the
/// section's `text` names both: a section that speaks of neither, or of
/// one, explains a part of the story ("Encodings" in "Unicode vs UTF-8"),
/// and a comparison question would ask what it never answers. `inline`
/// lowers a side as a heading is lowered inside a sentence.
pub(super) fn differ_question(
    title: &str,
    aspect: &str,
    text: &str,
    inline: impl Fn(&str) -> String,
) -> Option<String> {
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
    let (own, sx, sy) = (stems(aspect), stems(&x), stems(&y));
    if !own.is_disjoint(&sx) || !own.is_disjoint(&sy) {
        return None;
    }
    // (The section's text is tagged last, only for an aspect.)
    let said = stems(text);
    if sx.is_disjoint(&said) || sy.is_disjoint(&said) {
        return None;
    }
    let (x, y) = (inline(&x), inline(&y));
    Some(format!("How do {x} and {y} differ in {aspect}?"))
}

#[cfg(test)]
mod tests {
    use super::differ_question;

    fn lower(side: &str) -> String {
        side.to_lowercase()
    }

    #[test]
    fn an_aspect_of_a_comparison_asks_how_the_two_differ() {
        let both = "Threads share memory; processes do not.";
        assert_eq!(
            differ_question("Threads vs processes", "memory", both, lower),
            Some("How do threads and processes differ in memory?".into())
        );
        assert_eq!(
            differ_question(
                "What are the differences between sync and async code in Python?",
                "error handling",
                "Sync code raises at once, async code when awaited.",
                lower
            ),
            Some("How do sync and async code differ in error handling?".into())
        );
        // The sides keep their case for the caller to lower as it lowers
        // headings.
        assert_eq!(
            differ_question(
                "Unicode vs UTF-8",
                "names",
                "Unicode names characters; UTF-8 stores them.",
                str::to_string
            ),
            Some("How do Unicode and UTF-8 differ in names?".into())
        );
        // One side's own section, or the comparison itself, is no aspect.
        assert_eq!(
            differ_question("Threads vs processes", "threads", both, lower),
            None
        );
        assert_eq!(
            differ_question("Threads vs processes", "other differences", both, lower),
            None
        );
        // A title that compares nothing.
        assert_eq!(
            differ_question("Threads in depth", "memory", both, lower),
            None
        );
    }

    #[test]
    fn a_section_naming_one_side_or_neither_is_no_aspect() {
        let one = "An encoding turns code points into bits; UTF-8 is one.";
        assert_eq!(
            differ_question("Unicode vs UTF-8", "encodings", one, lower),
            None
        );
        assert_eq!(
            differ_question("Threads vs processes", "memory", "Memory is cheap.", lower),
            None
        );
    }
}
