//! Lists of advice in a sentence or two an item ("- Speak clearly,
//! especially if…", "- Keep an eye on the time."): too long for one card's
//! back, each item is a tip of its own (see docs/lessons.md, "Lists of
//! tips").

use super::lists::{ItemMark, item_label};
use super::{PieceKind, Section};
use crate::lesson::language::{LEXICON, Role, advice_start, analyse, before_advice, known_verb};
use crate::lesson::text::{ends_sentence, sentences, word_count};

/// Fewest items of a list of advice.
const ADVICE_ITEMS: usize = 3;

/// Items of a list of advice that are tips of their own however short.
const ADVICE_ITEMS_APART: usize = 6;

/// Most characters of a list of advice that one card's back can hold.
const ONE_BACK_CHARS: usize = 250;

/// Most sentences of an item of a long list of advice: its advice, and
/// a sentence or two on how or why (two in a short list).
const ADVICE_ITEM_SENTENCES: usize = 3;

/// Most words of an item of a list of advice.
const ADVICE_ITEM_WORDS: usize = 45;

/// In a long list of advice, one item in this many may run longer.
const LONG_TIPS_IN: usize = 4;

/// The text's first `n` words, lower case, without the punctuation around
/// them (apostrophes kept: "don't").
fn opening_words(text: &str, n: usize) -> Vec<String> {
    text.split_whitespace()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
                .to_lowercase()
        })
        .collect()
}

/// Items setting ways to behave that make a numbered list one of advice.
const CONDUCT_ITEMS: usize = 2;

/// "Never leave a pan unattended", "Be brief", "Don't guess": an item
/// opening with a word of lexicon role `conduct`.
fn sets_conduct(text: &str) -> bool {
    let words: Vec<String> = opening_words(text, 2)
        .into_iter()
        .map(|w| w.replace('\u{2019}', "'"))
        .collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    LEXICON.opens_with(&words, Role::Conduct)
}

/// A numbered list is a list of steps, unless the heading, or the title
/// over the lesson's opening, or the paragraph leading into it, names
/// advice ("Ten habits of calm cooks", "Here are some tips"), or its items
/// set ways to behave ("Never…", "Be…": no step of a procedure; lexicon
/// role `conduct`). A lead-in naming a procedure ("…with the following
/// process:") makes it steps all the same.
fn advice_when_numbered(section: &Section, l: &[&ItemMark], title: &str, texts: &[String]) -> bool {
    let named = section.heading.as_deref().unwrap_or(title);
    let lead = l[0]
        .row
        .checked_sub(1)
        .and_then(|r| section.body.get(r))
        .map_or("", |p| p.text.as_str());
    let names = |t: &str, role: Role| {
        t.split(|c: char| !c.is_alphanumeric())
            .any(|w| LEXICON.is(&w.to_lowercase(), role))
    };
    let conduct = texts.iter().filter(|t| sets_conduct(t)).count();
    !names(lead, Role::StepsHeading)
        && (names(named, Role::AnnouncedNoun)
            || names(lead, Role::AnnouncedNoun)
            || conduct >= CONDUCT_ITEMS)
}

/// Fewest steps after the first that open by placing themselves after the
/// one before in a bulleted list done in its order.
const PLACED_STEPS: usize = 2;

/// A bulleted list whose steps say they are done in order ("Once the
/// grains have steeped, remove the bag", "Now that the bucket is primed,
/// …"; lexicon role `sequence-opening`) is steps, as a numbered one is.
/// Given each step's text, in order.
pub fn in_order<'a>(steps: impl Iterator<Item = &'a str>) -> bool {
    steps
        .skip(1)
        .filter(|t| LEXICON.text_opens_with(t, Role::SequenceOpening))
        .count()
        >= PLACED_STEPS
}

/// "Speak clearly, especially if…", "Never leave a pan unattended.", "When
/// delivering, be confident": a sentence that gives advice (see
/// [`advice_start`]).
fn gives_advice(text: &str) -> bool {
    // (The first word decides most cases without the tagger: an article or
    // a noun the dictionary knows as no verb opens no advice.)
    let w0 = opening_words(text, 1).pop().unwrap_or_default();
    let may_open = known_verb(&w0) != Some(false)
        || w0.ends_with("ly")
        || LEXICON.is(&w0, Role::PlacingConjunction)
        // ("don't" is one word here, "do" "n't" to the tagger.)
        || before_advice(
            w0.strip_suffix("n't")
                .or_else(|| w0.strip_suffix("n\u{2019}t"))
                .unwrap_or(&w0),
        )
        || matches!(w0.as_str(), "even" | "where" | "as");
    if !may_open {
        return false;
    }
    let first = sentences(text).into_iter().next().unwrap_or_default();
    let a = analyse(&first);
    advice_start(&a.words.iter().collect::<Vec<_>>()).is_some()
}

/// An item's text as its tip's sentence. The examples nested under an
/// item ending in a colon are not the tip's: without them, its advice
/// ends as a sentence. Nor does an item left without its period end as
/// less than one: the list gives advice, item by item.
fn as_sentence(t: String) -> String {
    match t.strip_suffix(':') {
        Some(advice) => format!("{advice}."),
        None if !ends_sentence(&t) => format!("{t}."),
        None => t,
    }
}

/// Three in four items give advice, two in three in a list too long
/// for one back (`long`: "Your role isn't to know everything…" among six
/// tips); an item may set the scene first. Reading stops at the first
/// item too many that does not.
fn mostly_advice(texts: &[String], long: bool) -> bool {
    let (share, of) = if long { (1, 3) } else { (1, 4) };
    let mut misses = 0;
    for t in texts {
        if !gives_advice(t) && !advises_after_context(t) {
            misses += 1;
            if misses * of > texts.len() * share {
                return false;
            }
        }
    }
    true
}

/// "The knowledge gap may go both ways. Talk to everyone…": a tip that
/// sets the scene in a short sentence, then advises.
fn advises_after_context(text: &str) -> bool {
    let ss = sentences(text);
    ss.len() >= 2 && word_count(&ss[0]) <= CONTEXT_WORDS && gives_advice(&ss[1])
}

/// Most words of the sentence that sets the scene for a tip's advice.
const CONTEXT_WORDS: usize = 12;

/// A list of three or more short items, three in four of them advice in
/// a sentence or two ("- Speak clearly, especially if…", "- Keep an eye on
/// the time."), too long for one card's back, under a heading or making
/// the lesson's body: each item is a tip of its own, labelled where its
/// text has a label (see [`item_label`]), else named by its text.
pub(super) fn advice_tips(
    sections: &[Section],
    l: &[&ItemMark],
    title: &str,
) -> Option<Vec<(String, String)>> {
    let section = &sections[l[0].section];
    let texts: Vec<String> = l.iter().map(|m| m.text()).collect();
    let numbered_ok = advice_when_numbered(section, l, title, &texts);
    // (Under the title alone, the list must be the lesson's body: four
    // items or more, and no more sentences before it than it has items.)
    let before: usize = section.body[..l[0].row]
        .iter()
        .map(|p| sentences(&p.text).len())
        .sum();
    let the_body = l.len() >= 4 && before <= l.len();
    // (An item ending in a colon, "Test a bit:", labels what follows it:
    // code or a table, not advice; unless items nested in it follow, its
    // examples: "Ask for a time slot:" over "- \"Got ten minutes?\"".)
    let nested_after = |m: &ItemMark| {
        section
            .body
            .get(m.row + 1)
            .is_some_and(|p| p.nested && p.kind == PieceKind::Item)
    };
    // (A third sentence, in a list too long for one back: "Don't take
    // their word for it. Keep asking. Acquire what you need.")
    let most_sentences = if l.len() >= ADVICE_ITEMS_APART {
        ADVICE_ITEM_SENTENCES
    } else {
        2
    };
    // (A short label over items of its own, "Finding documentation:"
    // over three ways to, is a tip all the same.)
    let sound = |(m, t): (&&ItemMark, &String)| {
        (word_count(t) >= 4 || nested_after(m)) && (!t.ends_with(':') || nested_after(m))
    };
    let short =
        |t: &String| word_count(t) <= ADVICE_ITEM_WORDS && sentences(t).len() <= most_sentences;
    // (A long list may hold a longer tip or two, "Pose, pause, bounce and
    // pounce is a questioning strategy…" in three sentences among eight
    // tips of one or two: one in four.)
    let long = texts.iter().filter(|t| !short(t)).count();
    let long_ok = if l.len() >= LONG_TIPS_IN {
        long * LONG_TIPS_IN <= l.len()
    } else {
        long == 0
    };
    // (A short list fits on one card's back: "How should you run a
    // meeting?" answered by its three tips.)
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    if l.len() < ADVICE_ITEMS
        || (l.len() < ADVICE_ITEMS_APART && chars <= ONE_BACK_CHARS)
        || (section.heading.is_none() && !the_body)
        || ((l.iter().any(|m| m.numbered) || in_order(texts.iter().map(String::as_str)))
            && !numbered_ok)
        || !l.iter().zip(&texts).all(sound)
        || !long_ok
    {
        return None;
    }
    if !mostly_advice(&texts, l.len() >= ADVICE_ITEMS_APART) {
        return None;
    }
    let texts = texts.into_iter().map(as_sentence);
    Some(
        l.iter()
            .zip(texts)
            .map(|(m, t)| {
                item_label(&m.label, &m.lines, &t)
                    .filter(|(_, rest)| !rest.is_empty())
                    .unwrap_or((String::new(), t))
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use crate::lesson::read::tests::{headings, read_str};

    #[test]
    fn a_short_label_over_items_of_its_own_is_one_tip_among_the_advice() {
        let l = read_str(
            "# Kitchen basics\n\n## Knives\n\n\
             - Learn one grip well. Pinch the blade, because a handle grip wobbles.\n\n\
             - Finding a whetstone:\n  - Ask at a hardware shop for a combination stone.\n  \
             - Check that it is flat before you buy it.\n\n\
             - Keep the edge dry after each wash, because rust pits it overnight.\n\n\
             - Cut on wood or plastic, never on glass or stone.\n\n\
             - Store the knives in a block or on a magnet, away from other tools.\n\n\
             - Hone the edge before each use, and sharpen it twice a year.\n",
        );
        let hs = headings(&l);
        assert!(hs.len() >= 6, "{hs:?}");
        assert!(hs.contains(&"Learn one grip well"), "{hs:?}");
    }
}
