//! Items of a list that say "they" of what the heading above names ("They
//! use poor technique" under "What's wrong with how schools teach
//! languages?"; see docs/lessons.md, "What it writes"): the question
//! names them, as a reader of one card cannot look up. So do short
//! headings ending "one" of what a plural title names ("When to use one"
//! in "Bloom Filters").

use crate::lesson::language::{Pos, Word, analyse, known_word};

use super::forms::{indefinite, looks_plural, the_one};
use crate::lesson::text::stem;

/// "They use poor technique" → "schools use poor technique": "they"
/// opening a heading stands for the first plural noun of the parent
/// heading that is the subject of a verb ("how schools teach…"). The
/// heading is returned as it is when the parent names none.
pub(super) fn they_are_the_parent(inline: String, parent: &str) -> String {
    let Some(rest) = after_opening(&inline, "they") else {
        return inline;
    };
    let a = analyse(parent);
    let words: Vec<&Word> = a.content().collect();
    let subject = words.windows(2).find(|p| {
        p[0].pos == Pos::Noun
            && looks_plural(&p[0].norm)
            && matches!(p[1].pos, Pos::Verb | Pos::Aux)
    });
    match subject {
        Some(p) => format!("{} {rest}", &parent[p[0].start..p[0].end].to_lowercase()),
        None => inline,
    }
}

/// "When to use one", "How to pick one?" in a lesson titled "Bloom
/// Filters": a short heading ending on "one" asks about one of the things
/// the plural title names ("When to use a bloom filter"). The heading is
/// returned as it is otherwise.
pub(super) fn one_is_the_title(inline: String, title: &str) -> String {
    let words: Vec<&str> = inline.split(' ').collect();
    let Some(last) = words.last() else {
        return inline;
    };
    let bare = last.trim_end_matches(['?', '.', '!']);
    let asks = words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "when" | "how" | "why" | "where" | "what" | "which"
        )
    });
    let title_words: Vec<&str> = title.split_whitespace().collect();
    if bare != "one" || !asks || words.len() > 5 || !(1..=3).contains(&title_words.len()) {
        return inline;
    }
    let (noun, rest) = title_words.split_last().expect("one word or more");
    let lower = noun.to_lowercase();
    // ("Caches" → "cache", "Proxies" → "proxy": the first form the
    // dictionary knows.)
    let singular = [
        lower.strip_suffix('s').map(str::to_string),
        lower.strip_suffix("es").map(str::to_string),
        Some(stem(&lower)),
    ]
    .into_iter()
    .flatten()
    .find(|w| w != &lower && known_word(w));
    let (Some(singular), true) = (singular, looks_plural(&lower)) else {
        return inline;
    };
    let regular = singular.len() < noun.len();
    if !regular || title.contains(':') {
        return inline;
    }
    let mut name: Vec<String> = rest.iter().map(|w| inline_word(w)).collect();
    name.push(if noun.chars().skip(1).all(|c| !c.is_uppercase()) {
        singular
    } else {
        noun[..singular.len()].to_string()
    });
    let name = name.join(" ");
    let mark = &last[bare.len()..];
    let head = words[..words.len() - 1].join(" ");
    format!("{head} {} {name}{mark}", indefinite(&name))
}

/// A title's word as written inside a sentence: Title Case is no part of
/// the name ("Bloom Filters" reads "bloom filters"); an acronym keeps its
/// capitals.
fn inline_word(w: &str) -> String {
    if w.chars().skip(1).all(|c| !c.is_uppercase()) {
        w.to_lowercase()
    } else {
        w.to_string()
    }
}

/// A top-level heading's "its" or "they" that stands for the title,
/// named (see [`its_is_the_title`], [`pronoun_is_the_title`]).
pub(super) fn pronouns_are_the_title(inline: String, title: &str, apostrophe: char) -> String {
    pronoun_is_the_title(its_is_the_title(inline, title, apostrophe), title)
}

/// "What they are", "How it works" in a lesson titled "Named pipes" or
/// "Bloom filter", with no heading above: the pronoun after the question
/// word stands for the title's noun phrase ("What named pipes are"), one
/// of four words at most whose number it agrees with. The heading is
/// returned as it is otherwise.
pub(super) fn pronoun_is_the_title(inline: String, title: &str) -> String {
    let words: Vec<&str> = inline.split(' ').collect();
    let asks = words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "what" | "how" | "why" | "when" | "where"
        )
    });
    let pronoun = words.get(1).map(|w| w.to_lowercase());
    // (Most headings stop here, before the title is tagged.)
    let said = matches!(pronoun.as_deref(), Some("they" | "it"));
    if !asks || !said || !(2..=4).contains(&words.len()) {
        return inline;
    }
    let a = analyse(title);
    let content: Vec<&Word> = a.content().collect();
    let noun_phrase = (1..=4).contains(&content.len())
        // (A participle before the noun qualifies it: "Named pipes".)
        && content.iter().enumerate().all(|(k, w)| {
            matches!(w.pos, Pos::Noun | Pos::Adj | Pos::Propn)
                || (k + 1 < content.len() && w.norm.ends_with("ed"))
        })
        && !title.contains([':', '?']);
    let plural = content.last().is_some_and(|w| looks_plural(&w.norm));
    let agrees = match pronoun.as_deref() {
        Some("they") => plural,
        Some("it") => !plural,
        _ => false,
    };
    if !agrees || !noun_phrase {
        return inline;
    }
    let name: Vec<String> = title.split_whitespace().map(inline_word).collect();
    // ("How it works" in "Bloom filter": "the bloom filter"; a mass noun
    // takes none.)
    let name = name.join(" ");
    let name = if plural {
        name
    } else {
        the_one(&analyse(&name), &name)
    };
    let mut out = vec![words[0].to_string(), name];
    out.extend(words[2..].iter().map(|w| w.to_string()));
    out.join(" ")
}

/// "Its past" in a lesson titled "Questions to ask before you adopt a
/// dog": a heading opening on "its", with no heading above it, speaks of
/// the thing the title ends on ("the dog's past"). The heading is returned
/// as it is when the title ends on no singular noun.
pub(super) fn its_is_the_title(inline: String, title: &str, apostrophe: char) -> String {
    let Some(rest) = after_opening(&inline, "its") else {
        return inline;
    };
    let a = analyse(title);
    let Some(last) = a.content().last() else {
        return inline;
    };
    let lower = &title[last.start..last.end];
    if last.pos != Pos::Noun || looks_plural(&last.norm) || lower.chars().any(char::is_uppercase) {
        return inline;
    }
    format!("the {lower}{apostrophe}s {rest}")
}

/// The heading after its opening word, in either case ("They use…",
/// "they use…").
fn after_opening<'a>(inline: &'a str, word: &str) -> Option<&'a str> {
    let (first, rest) = inline.split_once(' ')?;
    first.eq_ignore_ascii_case(word).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pronoun_after_a_question_word_stands_for_the_title() {
        let named = |h: &str, t: &str| pronoun_is_the_title(h.to_string(), t);
        assert_eq!(
            named("What they are", "Named pipes"),
            "What named pipes are"
        );
        assert_eq!(
            named("How it works", "Bloom filter"),
            "How the bloom filter works"
        );
        // (The number must agree, and the title must name a thing.)
        assert_eq!(named("What they are", "Bloom filter"), "What they are");
        assert_eq!(named("How it works", "Why caches fail"), "How it works");
        let fronts = crate::lesson::cards::question::tests::lesson_fronts(
            "# Named pipes\n\n## What they are\n\nA named pipe is a file that two \
             processes open to pass bytes between them.\n\n## What next?\n\nTry the \
             same server with two clients.\n",
        );
        assert_eq!(fronts[0], "What are named pipes?");
        // ("What next?" is housekeeping: no card.)
        assert!(fronts.iter().all(|f| !f.contains("next")), "{fronts:?}");
    }

    #[test]
    fn they_names_the_subject_of_the_heading_above() {
        let parent = "What\u{2019}s wrong with how schools teach languages?";
        assert_eq!(
            they_are_the_parent("they use poor technique".into(), parent),
            "schools use poor technique"
        );
        // A parent naming no plural subject leaves "they" as it is.
        assert_eq!(
            they_are_the_parent("they use poor technique".into(), "Common problems"),
            "they use poor technique"
        );
        assert_eq!(
            they_are_the_parent("use good technique".into(), parent),
            "use good technique"
        );
    }

    #[test]
    fn its_names_the_thing_the_title_ends_on() {
        let its = |h: &str, t: &str| its_is_the_title(h.into(), t, '\u{2019}');
        assert_eq!(
            its("its history", "Questions to ask before you buy a car"),
            "the car\u{2019}s history"
        );
        assert_eq!(its("its history", "Used cars"), "its history");
        assert_eq!(its("the history", "Buying a car"), "the history");
    }

    #[test]
    fn one_names_a_thing_of_the_plural_title() {
        let one = |h: &str, t: &str| one_is_the_title(h.into(), t);
        assert_eq!(
            one("when to use one", "Skip Lists"),
            "when to use a skip list"
        );
        assert_eq!(
            one("how to pick one?", "API Gateways"),
            "how to pick an API gateway?"
        );
        assert_eq!(one("why you need one", "Caches"), "why you need a cache");
        // Not a singular title, nor "one" inside the heading.
        assert_eq!(one("when to use one", "Hashing"), "when to use one");
        assert_eq!(one("one size fits all", "Skip Lists"), "one size fits all");
    }
}
