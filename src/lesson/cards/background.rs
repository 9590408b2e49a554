//! Background to a point, not one (see docs/lessons.md, "What it
//! writes"): a sentence saying how often its subject is met ("Bar plots
//! are some of the most common charts"), what the writer aims at ("Our
//! goal is to provide…"), or a view the writer goes on to weigh ("A common
//! idea is that…").

use super::sentence::Sent;
use crate::lesson::language::{Analysis, LEXICON, Pos, Role, Word, past_form};

/// Is the sentence background (lexicon roles `prevalence`,
/// `aim-opening`, `hearsay`)? `lower` is its words, normalised.
pub(super) fn background(a: &Analysis, lower: &[&str]) -> bool {
    prevalence(a)
        || rating(a)
        || [Role::AimOpening, Role::Hearsay]
            .iter()
            .any(|&r| LEXICON.opens_with(lower, r))
}

/// "Bar plots are very common in papers": the main clause's verb is
/// "be" and its predicate a word of role `prevalence`.
fn prevalence(a: &Analysis) -> bool {
    let words: Vec<&Word> = a.content().collect();
    // (The main clause's verb: "X gives warm tones, and it's popular".)
    let Some(be) = words
        .iter()
        .position(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
        .filter(|&v| matches!(words[v].norm.as_str(), "is" | "are" | "remain" | "remains"))
    else {
        return false;
    };
    // ("…are a common cause of leaks": a noun after it is what it
    // qualifies, and the sentence names a cause; the predicate ends on
    // the word, or a preposition or conjunction follows.)
    let after = &words[be + 1..];
    after
        .iter()
        .take(6)
        .take_while(|w| {
            matches!(w.pos, Pos::Adv | Pos::Det | Pos::Adj)
                || matches!(w.norm.as_str(), "some" | "of" | "the" | "most" | "more")
        })
        .enumerate()
        .any(|(k, w)| {
            LEXICON.is(&w.norm, Role::Prevalence)
                && after.get(k + 1).is_none_or(|n| {
                    matches!(n.pos, Pos::Cconj | Pos::Sconj)
                        || LEXICON.is(&n.norm, Role::Preposition)
                })
        })
}

/// "This is one of the hardest parts of answering…", "It's the most
/// important habit", "This is essential.": a pronoun for the advice, "is",
/// then a superlative or a word of worth (lexicon role `worth-word`)
/// rates the advice without saying what it is or why it holds.
fn rating(a: &Analysis) -> bool {
    let words: Vec<&Word> = a.content().collect();
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let [pronoun, be, ..] = norms[..] else {
        return false;
    };
    if !matches!(pronoun, "this" | "it" | "that") || !matches!(be, "is" | "'s") {
        return false;
    }
    let mut k = 2;
    for opener in [
        &["probably"][..],
        &["perhaps"],
        &["one", "of", "the"],
        &["the"],
        &["a"],
    ] {
        if norms[k..].starts_with(opener) {
            k += opener.len();
        }
    }
    let rated = match &words[k..] {
        [most, _, ..] if matches!(most.norm.as_str(), "most" | "least") => true,
        [word, ..] => {
            (word.pos == Pos::Adj && word.norm.ends_with("est"))
                || LEXICON.is(&word.norm, Role::WorthWord)
        }
        [] => false,
    };
    // (A reason after it is the point, "This is essential because…", and
    // "It's helpful to have…" holds its advice.)
    rated
        && !norms[k..].iter().any(|w| {
            matches!(
                *w,
                "because" | "since" | "so" | "as" | "if" | "when" | "to" | "that"
            )
        })
}

/// "I ran into an interesting situation recently…", "In the past I've
/// seen…": the writer recounting an event of their past (a sentence of
/// their story with a verb in a past form), not stating a view as "I
/// think it's worth…" does. In a text written in the first person every
/// sentence is the writer's; the events told are the least likely to be
/// the point.
pub(super) fn recounts(s: &super::sentence::Sent) -> bool {
    s.narrated
        && s.a
            .content()
            .any(|w| matches!(w.pos, Pos::Verb | Pos::Aux) && past_form(&w.norm))
}

/// "This guide sets out four principles…": opens with the text naming
/// itself (lexicon role `synopsis-opening`), then a verb saying what it
/// does.
pub(super) fn synopsis(a: &Analysis, lower: &[&str]) -> bool {
    LEXICON.opens_with(lower, Role::SynopsisOpening)
        && !told_its_history(lower)
        && a.content()
            .skip(2)
            .any(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
}

/// "This article was discussed on Hacker News", "This post was first
/// published in 2019": the text tells its own history (it opens naming
/// itself, lexicon role `synopsis-opening`, then "was", "were", "has" or
/// "had" and a participle), which says nothing of its subject.
pub(super) fn told_its_history(lower: &[&str]) -> bool {
    let Some(opening) = LEXICON.opening(lower, Role::SynopsisOpening) else {
        return false;
    };
    let rest = &lower[opening..];
    rest.first()
        .is_some_and(|w| matches!(*w, "was" | "were" | "has" | "had"))
        && rest
            .iter()
            .skip(1)
            .take(3)
            .any(|w| w.len() > 4 && (w.ends_with("ed") || w.ends_with("en")))
}

/// Does sentence `i` tell an example a sentence before it in its
/// paragraph set up ("A simple example will demonstrate…", "Consider a
/// library called Firetruck.", "Imagine…", "For example, …")? Its
/// details ("Since Firetruck uses…, you can…") show the point in one
/// case; they are neither the point nor its reason.
pub(super) fn in_an_example(ss: &[Sent], i: usize) -> bool {
    ss[..i]
        .iter()
        .rev()
        .take_while(|s| s.piece == ss[i].piece)
        .any(sets_up_an_example)
}

/// "Consider a library…", "Imagine you…", "Suppose…", "For example, …",
/// or a sentence whose subject is an example ("A simple example will
/// demonstrate how…", "The following example shows…").
fn sets_up_an_example(s: &Sent) -> bool {
    let words: Vec<&Word> = s.a.content().collect();
    let first = words.first().map(|w| w.norm.as_str());
    let considers = first == Some("consider") && words.get(1).is_some_and(|w| w.pos == Pos::Det);
    let subject = words
        .iter()
        .take_while(|w| !matches!(w.pos, Pos::Verb | Pos::Aux))
        .any(|w| matches!(w.norm.as_str(), "example" | "examples"));
    considers || matches!(first, Some("imagine" | "suppose")) || subject || s.illustrates()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::language::analyse;

    fn is_background(text: &str) -> bool {
        let a = analyse(text);
        let lower: Vec<&str> = a.content().map(|w| w.norm.as_str()).collect();
        background(&a, &lower)
    }

    #[test]
    fn views_the_writer_weighs_aims_and_prevalence_are_background() {
        assert!(is_background(
            "A common idea among runners is that stretching prevents injuries."
        ));
        assert!(is_background(
            "Many people think that sourdough needs a starter from a bakery."
        ));
        assert!(is_background("Our goal is to make the tool easy to learn."));
        assert!(is_background("Bar charts are very common in papers."));
        assert!(!is_background(
            "Stretching after a run eases stiffness the next day."
        ));
        assert!(!is_background("A common cause of leaks is a worn washer."));
    }

    #[test]
    fn a_rating_of_the_advice_is_background() {
        assert!(is_background(
            "This is one of the hardest parts of writing a cover letter."
        ));
        assert!(is_background("It's the most important habit of all."));
        assert!(is_background("This is essential."));
        // (Not with its reason, nor a statement of what it is.)
        assert!(!is_background(
            "This is essential because the glue sets in a minute."
        ));
        assert!(!is_background("This is a log of every change."));
        assert!(!is_background("It is the interest paid on the loan."));
        assert!(!is_background(
            "It's helpful to have the sheet music in front of you."
        ));
    }
}
