//! Headings the tagger reads as advice that name a thing after all ("Push
//! CDNs", "Point of contact"): see docs/lessons.md, "Questions".

use crate::lesson::language::{
    Analysis, LEXICON, Pos, Role, Word, analyse, known_adjective, known_not_noun, known_verb,
};
use std::collections::{BTreeMap, BTreeSet};

use crate::lesson::read::Section;
use crate::lesson::text::{roman_numeral, stem};

use super::forms::{gerund_base, is_base, looks_plural};

/// A heading the tagger can read as advice that is a name after all: the
/// section uses it as a noun phrase, after an article or before its verb
/// ("Push CDNs" — "Push CDNs receive new content…"; "Bulk data" — "a bulk
/// data provider"), or its shape rules out a verb: "of" or a number right
/// after the first word ("Point of contact", "Day 1", "Step IV"), "as"
/// ("Platform as a product"), "(s)" ("Table(s)"), or a name first
/// ("API keys", "Ruby on Rails"), which `text`, cased as inside a
/// sentence, shows by its capital.
pub(super) fn names_a_thing(h: &Analysis, text: &str, body: &[&Analysis]) -> bool {
    let words: Vec<&Word> = h.content().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let written = &text[first.start..first.end];
    // An acronym, or a word the lesson writes with its capital inside
    // sentences too ("Ruby on Rails"): a name.
    let acronym = written.starts_with(char::is_uppercase);
    let shape = words.get(1).is_some_and(|w| {
        let second = &text[w.start..w.end];
        w.norm == "of"
            // (Not a count before more words after a verb: "Learn one
            // opening line well" advises.)
            || (w.pos == Pos::Num && (words.len() == 2 || !verb_opens(first)))
            // "Step IV", "Phase B": a numbering.
            || (words.len() == 2 && roman_or_letter(second))
            // "Platform as a product", "Secure by default": a noun or an
            // adjective named by what it is as, or by.
            // (Not "as" opening a clause: "Write as you go" advises.)
            || (w.norm == "as" && words.get(2).is_none_or(|n| n.pos != Pos::Pron))
            || (w.norm == "by" && known_adjective(&first.norm) == Some(true))
    })
        // "Table(s)": a noun, singular or plural.
        || text.contains("(s)");
    // "page and per_page": names from program text.
    // ("Set NODE_ENV to production": the name is the advice's object.)
    let code = text.contains('_') && !verb_opens(first);
    // "Eye care", "Hand care": a noun before a bare singular noun, which
    // the section uses as a noun ("the eyes") — a compound, not advice.
    // So is "Closure scope chain" or "Mock servers": nouns after a first
    // word that the section uses as a noun and never as a verb (no
    // "closured", no "to mock").
    let compound = (2..=4).contains(&words.len())
        && words[1..].iter().all(|w| w.pos.is_nominal())
        && ((words.len() == 2 && !looks_plural(&words[1].norm))
            || !used_as_verb(&first.norm, body))
        && body.iter().any(|a| used_as_noun(&words[..1], a));
    acronym || shape || code || compound || body.iter().any(|a| used_as_noun(&words, a))
}

/// Does the sentence use the heading's words (the last one maybe in the
/// singular) after an article, or as the subject before its verb?
fn used_as_noun(heading: &[&Word], a: &Analysis) -> bool {
    let n = heading.len();
    runs_of(heading, a).any(|k| {
        let before = k.checked_sub(1).map(|b| &a.words[b]);
        let subject = before.is_none_or(|b| b.pos == Pos::Punct)
            && a.words
                .get(k + n)
                .is_some_and(|w| matches!(w.pos, Pos::Verb | Pos::Aux));
        before.is_some_and(|b| determiner(&b.norm)) || subject
    })
}

/// Does the text use the word as a verb: inflected ("mocked",
/// "caching"), after "to", a modal or a pronoun ("to mock", "you cache"),
/// or opening a sentence before an object ("Mock the server")?
fn used_as_verb(word: &str, body: &[&Analysis]) -> bool {
    let stem = word.strip_suffix('e').unwrap_or(word);
    let inflected = |w: &str| {
        ["ed", "ing"].iter().any(|end| {
            w.strip_suffix(end).is_some_and(|s| {
                s == stem || s == word || s.strip_suffix(|c: char| c.is_alphabetic()) == Some(word)
            })
        })
    };
    body.iter().any(|a| {
        let words: Vec<&Word> = a.content().collect();
        words.iter().enumerate().any(|(k, w)| {
            if inflected(&w.norm) {
                return true;
            }
            if w.norm != word {
                return false;
            }
            let before = k.checked_sub(1).map(|b| words[b]);
            let after = words.get(k + 1);
            before.is_some_and(|b| {
                matches!(
                    b.norm.as_str(),
                    "to" | "you"
                        | "we"
                        | "they"
                        | "i"
                        | "can"
                        | "could"
                        | "should"
                        | "must"
                        | "will"
                        | "would"
                        | "may"
                        | "might"
                        | "not"
                        | "n't"
                        | "please"
                )
            }) || (k == 0 && after.is_some_and(|n| matches!(n.pos, Pos::Det | Pos::Pron)))
        })
    })
}

/// Where the heading's words (the last one maybe in the singular) stand
/// in the sentence, by the index of the first.
fn runs_of<'a>(heading: &'a [&Word], a: &'a Analysis) -> impl Iterator<Item = usize> + 'a {
    let n = heading.len();
    let last = (n > 0 && a.words.len() > n).then(|| a.words.len() - n);
    (0..=last.unwrap_or(0)).filter(move |&k| {
        last.is_some()
            && heading
                .iter()
                .zip(&a.words[k..k + n])
                .enumerate()
                .all(|(i, (h, w))| {
                    h.norm == w.norm || (i == n - 1 && stem(&h.norm) == stem(&w.norm))
                })
    })
}

/// A word that makes what follows a noun phrase ("a", "the", "your"…).
/// A verb's base form the tagger reads as a verb ("Learn", "Analyze").
fn verb_opens(first: &Word) -> bool {
    first.pos == Pos::Verb && is_base(&first.norm)
}

fn determiner(word: &str) -> bool {
    matches!(
        word,
        "a" | "an" | "the" | "this" | "these" | "each" | "every" | "your" | "our" | "their"
    )
}

/// "Deprecated", "Generally available", "Unreleased", "Adopts": a heading
/// of one to three words, none of them a noun to the dictionary, ending on
/// an adjective, a participle or a verb in "-s". It names a state or a
/// role (a stage of a product, what a level of a ladder does), and no
/// question made for a thing or for advice fits it. (A verb's base form,
/// "Install", is advice; "Testing" is a gerund.)
pub(super) fn names_a_state(h: &Analysis, words: &[&Word]) -> bool {
    // (An aside in brackets, "Preview (private or public)", is no part of
    // the name.)
    let aside = h.aside_start();
    let named: Vec<&&Word> = words.iter().filter(|w| w.start < aside).collect();
    let Some(last) = named.last() else {
        return false;
    };
    let w = last.norm.as_str();
    let inflected = (w.ends_with("ed") || w.ends_with('s')) && !w.ends_with("ss");
    // ("Omit the unnecessary": advice, its object after an article.)
    let phrase = named
        .iter()
        .any(|w| matches!(w.pos, Pos::Det | Pos::Pron | Pos::Adp | Pos::Cconj));
    // (The shape first: the dictionary loads only for headings it fits.)
    if !(1..=3).contains(&named.len())
        || phrase
        || w.ends_with("ing")
        || !(inflected || last.pos == Pos::Adj)
    {
        return false;
    }
    // ("Redirects": the plural of a noun.)
    let plural_noun = w
        .strip_suffix('s')
        .is_some_and(|one| !known_not_noun(one) && known_verb(one).is_some());
    !plural_noun
        && named.iter().all(|w| known_not_noun(&w.norm))
        && (inflected || known_verb(w) != Some(true))
}

/// Headings of sections under one parent that name kinds of one thing
/// ("Testing environment", "Staging environment", "Production
/// environment"): two or more of two to four words ending on the same
/// noun, one of them opening with a word that is never a verb, no
/// determiner after their first word. Each is a
/// noun phrase, whatever verb its first word can be. ("Write tests", "Run
/// tests" open with verbs: advice.)
pub(super) fn kinds_of_one_thing(sections: &[Section]) -> BTreeSet<String> {
    let mut groups: BTreeMap<(Option<&str>, String), BTreeSet<&str>> = BTreeMap::new();
    for s in sections {
        let Some(h) = s.heading.as_deref() else {
            continue;
        };
        let words: Vec<String> = h
            .split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        // ("Analyze every game" beside "Rapid games": a determiner after
        // the first word makes it a verb with its object, no kind.)
        if (2..=4).contains(&words.len()) && !words[1..].iter().any(|w| determiner(w)) {
            let head = stem(&words[words.len() - 1]);
            groups
                .entry((s.context.as_deref(), head))
                .or_default()
                .insert(h);
        }
    }
    groups
        .into_values()
        .filter(|hs| {
            hs.len() >= 2
                && hs.iter().any(|h| {
                    let first = h.split_whitespace().next().unwrap_or("").to_lowercase();
                    known_verb(&first) == Some(false) && gerund_base(&first).is_none()
                })
        })
        .flatten()
        .map(str::to_string)
        .collect()
}

/// "Touch typing", "Load testing", "Task processing": a noun before a
/// gerund names an activity. (A verb that takes a gerund as its object,
/// "Avoid guessing", "Keep learning", is advice: lexicon role
/// `gerund-taking`.)
pub(super) fn names_an_activity(words: &[&Word]) -> bool {
    let [first, second] = words else {
        return false;
    };
    second.norm.ends_with("ing")
        && gerund_base(&second.norm).is_some()
        && !LEXICON.is(&first.norm, Role::GerundTaking)
        && (first.pos == Pos::Noun || !known_not_noun(&first.norm))
}

/// "IV", "B": a Roman numeral in capitals, or one capital letter, numbering
/// what the word before names.
fn roman_or_letter(word: &str) -> bool {
    let one_letter =
        word.chars().count() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
    one_letter || roman_numeral(word)
}

/// "Coding challenge" over "…go with a take-home coding challenge…": a
/// gerund and a noun the section writes after a determiner (one modifier
/// between or none) name a thing, not an activity.
pub(super) fn gerund_named_with_article(words: &[&Word], section: &Section) -> bool {
    if words.len() != 2 || !words[0].norm.ends_with("ing") {
        return false;
    }
    section.body.iter().any(|p| {
        let a = analyse(&p.text);
        let determined = |k: usize| k >= 1 && determiner(&a.words[k - 1].norm);
        runs_of(words, &a).any(|k| determined(k) || (k >= 1 && determined(k - 1)))
    })
}

/// "If a user spends the same coin twice, this is double spending.",
/// "…what has come to be called spaced repetition.": the sentence says
/// what the thing is, then gives its name, the heading's words, last.
/// ("The hardest part is caching" does not: only "this", "that" or "it"
/// before the verb point back at what the sentence described.)
pub(super) fn names_at_end(words: &[&Word], heading: &BTreeSet<String>) -> bool {
    let is_heading = |w: &&&Word| heading.contains(&stem(&w.norm));
    // ("…are called the offset which is the distance…": what the name
    // is may follow it, after "which" or "that".)
    let cut = (2..words.len())
        .find(|&i| {
            matches!(words[i].norm.as_str(), "which" | "that")
                && is_heading(&&words[i - 1])
                && words[..i - 1]
                    .iter()
                    .rev()
                    .take(3)
                    .any(|w| matches!(w.norm.as_str(), "called" | "named" | "termed"))
        })
        .unwrap_or(words.len());
    let words = &words[..cut];
    let named = words.iter().rev().take_while(is_heading).count();
    let name: BTreeSet<String> = words[words.len() - named..]
        .iter()
        .map(|w| stem(&w.norm))
        .collect();
    if heading.is_empty() || named > heading.len() + 1 || name != *heading {
        return false;
    }
    let mut k = words.len() - named;
    while k > 0 && matches!(words[k - 1].norm.as_str(), "a" | "an" | "the") {
        k -= 1;
    }
    let before = |back: usize| k.checked_sub(back).map(|i| words[i].norm.as_str());
    k >= 5
        && match before(1) {
            Some("called" | "named" | "termed") => true,
            Some("as") => before(2) == Some("known"),
            Some("is" | "are") => matches!(before(2), Some("this" | "that" | "it")),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::cards::question::tests::lesson_fronts;

    #[test]
    fn a_name_given_mid_sentence_before_what_it_is_defines_it() {
        let heading: BTreeSet<String> = [stem("offset")].into_iter().collect();
        let defines = |t: &str| {
            let a = analyse(t);
            names_at_end(&a.content().collect::<Vec<_>>(), &heading)
        };
        assert!(defines(
            "The last bits of the address are called the offset which is the distance from the page start."
        ));
        assert!(defines(
            "The last bits of the address are called the offset."
        ));
        assert!(!defines(
            "The offset which is added last is called the tail of the address."
        ));
    }

    #[test]
    fn headings_ending_on_one_noun_name_kinds_unless_a_verb_takes_it() {
        let fronts = lesson_fronts(
            "# Moving to the cloud\n\n## Testing environment\n\nThe testing environment \
             runs every branch on small machines.\n\n## Production environment\n\n\
             The production environment serves customers from three regions.\n",
        );
        assert_eq!(fronts[0], "What does the testing environment run?");
        // A determiner after the first word: a verb and its object.
        let fronts = lesson_fronts(
            "# Getting better at chess\n\n## Analyze every game\n\nRun an engine over \
             each game you play, because it shows the blunders you missed.\n\n\
             ## Rapid games\n\nRapid games give each player ten minutes or more on \
             the clock.\n\n## Learn one opening line well\n\nPick one line for white \
             and one for black, and play it until the replies feel familiar.\n",
        );
        assert_eq!(fronts[0], "Why should you analyze every game?");
        assert_eq!(fronts[2], "How should you learn one opening line well?");
    }

    #[test]
    fn nouns_after_a_word_the_text_uses_only_as_a_noun_name_a_thing() {
        let named = |h: &str, body: &[&str]| {
            let body: Vec<Analysis> = body.iter().map(|t| analyse(t)).collect();
            names_a_thing(&analyse(h), h, &body.iter().collect::<Vec<_>>())
        };
        let latch = [
            "Each handle pulls the bolt through a latch.",
            "Latches can hold a door in strong wind as well.",
        ];
        assert!(named("latch release chain", &latch));
        // The text inflects the word as a verb, or gives it an object.
        let cache = [
            "Put a cache in front of the slow service.",
            "Caching responses saves a round trip.",
        ];
        assert!(!named("cache responses", &cache));
        let mock = ["A mock answers at once.", "Mock the server in every test."];
        assert!(!named("mock servers", &mock));
        assert!(named("mock servers", &mock[..1]));
    }

    #[test]
    fn a_heading_with_as_names_a_thing_unless_a_clause_follows() {
        let named = |h: &str| names_a_thing(&analyse(h), h, &[]);
        assert!(named("platform as a product"));
        assert!(!named("write as you go"));
    }
}
