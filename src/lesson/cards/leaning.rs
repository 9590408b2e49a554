//! Openings that lean on the sentence before ("However,", "This", "Other
//! times,"; lexicon role `leaning`), and words standing for something said
//! before: such a sentence cannot open a card's back alone (see
//! docs/lessons.md, "Backs").

use crate::lesson::language::{Analysis, LEXICON, Pos, Role, Word};

use super::sentence::Sent;

/// Words counting a series of points: "Second," before a comma leans on
/// the points before it, and a back opening on one drops it (see
/// `compose.rs`).
pub(super) const SERIES: [&str; 4] = ["first", "second", "third", "fourth"];

/// "If you are interested in contributing a library, see the formats
/// guide", "For details, see…": after a case set off by a comma, the
/// sentence only sends the reader elsewhere (lexicon role
/// `pointer-opening`).
pub(super) fn points_after_case(a: &Analysis) -> bool {
    let words: Vec<&str> = a.words.iter().map(|w| w.norm.as_str()).collect();
    matches!(words.first(), Some(&("if" | "when" | "for")))
        && words.iter().position(|w| *w == ",").is_some_and(|k| {
            let after: Vec<&str> = words[k + 1..]
                .iter()
                .copied()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .collect();
            LEXICON.points_away(&after)
        })
}

/// How many words the sentence opens with that lean on the sentence
/// before it ("However,", "This", "For example"), if any.
pub(super) fn leaning(a: &Analysis, lower: &[&str]) -> Option<usize> {
    // "Instead of hoping…, do…" carries its own contrast; "Otherwise, …"
    // (a reason word too) leans on the advice before it.
    let opens = |w: &str| lower.first() == Some(&w);
    LEXICON
        .leaning_opener(lower)
        .filter(|_| !(opens("instead") && lower.get(1) == Some(&"of")))
        .filter(|&n| !verb_goes_on(a, lower, n))
        .or_else(|| opens("otherwise").then_some(1))
        // ("Second, a web server…": the next of a series counted before.)
        .or_else(|| {
            let counted = SERIES[1..].iter().any(|w| opens(w));
            (counted && a.words.get(1).is_some_and(|w| w.norm == ",")).then_some(1)
        })
        .filter(|_| !dummy_subject(lower))
        .or_else(|| leaning_word(a))
}

/// "If you do the reading first, …": the "do" of a leaning "if you do"
/// has its own object, so the condition is new, not the one before.
fn verb_goes_on(a: &Analysis, lower: &[&str], n: usize) -> bool {
    if n < 2 || !matches!(lower[n - 1], "do" | "does" | "n't" | "not") {
        return false;
    }
    // The token right after the opening's last word: a comma or the end
    // closes the condition.
    let Some(last) = a.content().nth(n - 1) else {
        return false;
    };
    a.words
        .iter()
        .find(|w| w.start >= last.end)
        .is_some_and(|next| !next.is_punct())
}

/// "There are two ways…", "It is easier to review small changes…": "there"
/// and "it" hold the subject's place and name nothing said before.
fn dummy_subject(lower: &[&str]) -> bool {
    let be = |w: Option<&&str>| {
        w.is_some_and(|w| {
            matches!(
                *w,
                "is" | "are"
                    | "was"
                    | "were"
                    | "'s"
                    | "will"
                    | "can"
                    | "may"
                    | "might"
                    | "would"
                    | "could"
            )
        })
    };
    match lower.first() {
        // ("There have been many studies…": a perfect is still "there is".)
        Some(&"there") => {
            be(lower.get(1))
                || (lower
                    .get(1)
                    .is_some_and(|w| matches!(*w, "have" | "has" | "had"))
                    && lower.get(2) == Some(&"been"))
        }
        Some(&"it") => {
            be(lower.get(1))
                && (2..lower.len().min(10))
                    // ("It's important for teams to…" has its "to"; "It's
                    // more of a guide for reading…" stands for a thing, and
                    // so does "It can be due to other factors": a "to"
                    // closing a preposition opens no infinitive.)
                    .any(|k| match lower[k] {
                        "to" => !LEXICON.is(&lower[k - 1..=k].join(" "), Role::CompoundPreposition),
                        w => matches!(w, "that" | "when" | "if"),
                    })
        }
        _ => false,
    }
}

/// A word standing for something said before, and its position: a
/// demonstrative on its own ("one of these"), or a pronoun in the subject
/// ("At that point they become…").
fn leaning_word(a: &Analysis) -> Option<usize> {
    // ("Mangos and habaneros both give…": "both" or "each" after a noun
    // stands for that noun, said in the same sentence, code marks and
    // quotes around it or not: "`Foo` and `Bar` each had…".)
    let mark = |w: &Word| matches!(w.norm.as_str(), "`" | "\"" | "'" | "”" | "’" | "“" | "‘");
    let after_noun = |k: usize| {
        matches!(a.words[k].norm.as_str(), "each" | "both")
            && a.words[..k]
                .iter()
                .rev()
                .find(|w| !mark(w))
                .is_some_and(|w| w.pos.is_nominal())
    };
    let demonstrative = a.words.iter().enumerate().take(12).position(|(k, w)| {
        matches!(
            w.norm.as_str(),
            "these" | "those" | "this" | "each" | "both"
        ) && !after_noun(k)
            && (w.pos == Pos::Pron
                || !a.words[k + 1..]
                    .iter()
                    .find(|n| !mark(n))
                    .is_some_and(|n| n.pos.is_nominal() || matches!(n.pos, Pos::Adj | Pos::Num)))
    });
    // ("…will be able to relate to this.": a demonstrative ending the
    // sentence stands for what came before, however far in.)
    let closing = || {
        let content: Vec<&Word> = a.content().collect();
        let last = content.len().checked_sub(1)?;
        matches!(content[last].norm.as_str(), "this" | "these" | "those").then_some(last)
    };
    // ("…tell the difference between the two.": "the two", "the latter"
    // with no noun after them stand for things named before.)
    let counted_back = || {
        a.words.windows(3).position(|w| {
            w[0].norm == "the"
                && matches!(w[1].norm.as_str(), "two" | "three" | "former" | "latter")
                && !(w[2].pos.is_nominal() || matches!(w[2].pos, Pos::Adj | Pos::Num | Pos::Cconj))
        })
    };
    demonstrative
        .or_else(|| demonstrative_object(a))
        .or_else(closing)
        .or_else(counted_back)
        .or_else(|| {
            let content: Vec<&Word> = a.content().collect();
            let verb = content
                .iter()
                .position(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
                .unwrap_or(0);
            content[..verb.min(8)].iter().position(|w| {
                matches!(
                    w.norm.as_str(),
                    "they" | "them" | "their" | "its" | "he" | "she" | "these" | "those"
                )
            })
        })
}

/// "Try that trill on every string": advice whose object is "that" or
/// "those" before a noun acts on a thing named before. ("Check that tests
/// pass" opens a clause: its noun has a verb of its own.)
fn demonstrative_object(a: &Analysis) -> Option<usize> {
    let content: Vec<&Word> = a.content().collect();
    let [verb, that, noun, ..] = content[..] else {
        return None;
    };
    let own_verb = content
        .get(3)
        .is_some_and(|w| matches!(w.pos, Pos::Verb | Pos::Aux));
    (verb.pos == Pos::Verb
        && matches!(that.norm.as_str(), "that" | "those")
        && noun.pos.is_nominal()
        && !own_verb)
        .then_some(1)
}

/// "Try it as a scale": advice whose object is "it" or "them". After
/// another sentence of its paragraph, it acts on a thing that sentence
/// named; the caller asks only there, as a paragraph's first sentence
/// often means the lesson's own subject ("Keep it in the fridge"). ("Make
/// it easy to…" points ahead.)
pub(super) fn pronoun_object(a: &Analysis) -> bool {
    let content: Vec<&Word> = a.content().collect();
    let [verb, object, ..] = content[..] else {
        return false;
    };
    let next = content.get(2);
    verb.pos == Pos::Verb
        && matches!(object.norm.as_str(), "it" | "them")
        && !next.is_some_and(|w| matches!(w.pos, Pos::Adj | Pos::Verb) || w.norm == "to")
}

/// Does sentence `i` open on "it", right after a sentence of its
/// paragraph that says only that something exists ("There's also a
/// Tornado worker class.")?
pub(super) fn introduced_before(ss: &[Sent], i: usize) -> bool {
    i > 0
        && ss[i - 1].piece == ss[i].piece
        && super::style::existential(&ss[i - 1])
        && ss[i].a.content().next().is_some_and(|w| w.norm == "it")
}

#[cfg(test)]
mod tests {
    use super::{leaning_word, points_after_case};
    use crate::lesson::cards::question::tests::lesson_pairs;

    #[test]
    fn it_after_a_sentence_bringing_a_thing_in_keeps_that_sentence_on_the_back() {
        let pairs = lesson_pairs(
            "# Design\n\n## Sync workers\n\nThe sync worker handles one request at a time.\n\n\
             ## Tornado workers\n\nThere is also a Tornado worker class. It can be used to \
             write applications using the Tornado framework. Although the Tornado workers can \
             serve a WSGI application, this is not a recommended configuration.\n",
        );
        let back = &pairs[1].1;
        assert!(
            back.starts_with("There is also a Tornado worker class. It can"),
            "{back}"
        );
    }

    #[test]
    fn a_case_then_see_only_sends_the_reader_elsewhere() {
        let points = |t: &str| points_after_case(&crate::lesson::language::analyse(t));
        assert!(points(
            "If you want to write a plugin for a new editor, see the protocol guide."
        ));
        assert!(points("For details, see the reference."));
        assert!(!points("If the page is stale, the cache fetches it again."));
        assert!(!points("See the reference for details."));
    }
    use crate::lesson::language::analyse;

    #[test]
    fn the_two_with_no_noun_after_it_leans() {
        let leans = |t: &str| leaning_word(&analyse(t)).is_some();
        assert!(leans("Learn to tell the difference between the two."));
        assert!(leans("The latter is faster on small tables."));
        assert!(!leans("Compare the two versions side by side."));
        assert!(!leans(
            "Pick the two or three questions where you stumbled."
        ));
    }

    #[test]
    fn a_demonstrative_ending_the_sentence_leans() {
        let leans = |t: &str| {
            let a = analyse(t);
            let lower: Vec<&str> = a.content().map(|w| w.norm.as_str()).collect();
            super::leaning(&a, &lower).is_some()
        };
        assert!(leans(
            "People who took the first offer without asking for more will be able to relate to this."
        ));
        assert!(!leans(
            "People who took the first offer often regret it for years."
        ));
    }

    #[test]
    fn advice_acting_on_what_a_question_named_is_answered_with_that_question() {
        let pairs = lesson_pairs(
            "# Metronome practice\n\nA metronome turns practice into a measured routine.\n\n\
             ## Tempo steps\n\n\
             1. Find the \"goal tempo.\" What is the real tempo of the piece you want to learn? \
             Write this down in your log.\n\
             2. Find your \"working tempo.\" Set the metronome slow and raise it until you can \
             play part of the piece comfortably.\n\
             3. Design an exercise for the hard passage - Having trouble with a slide between two \
             frets? Try that slide on every string. Try it as a scale.\n",
        );
        let has = |f: &str, b: &str| pairs.iter().any(|(x, y)| x == f && y == b);
        // The leaning advice still says how; the question it acts on comes
        // with it, and the heading's period inside the quotation goes.
        assert!(
            has(
                "How should you find the \"goal tempo\"?",
                "What is the real tempo of the piece you want to learn? Write this down in your log."
            ),
            "{pairs:?}"
        );
        // "that slide" names the one the question before set out, and "Try it
        // as a scale", after it, leans on it.
        assert!(
            has(
                "How should you design an exercise for the hard passage?",
                "Having trouble with a slide between two frets? Try that slide on every string."
            ),
            "{pairs:?}"
        );
    }
}
