//! The subject of a page titled only by its kind ("FAQ", "Frequently
//! asked questions"; lexicon role `generic-title`), named on its cards
//! that do not name it (see docs/lessons.md, "A page's unnamed subject").
//! Such a page's questions leave their subject to the site around them:
//! "How do I update my local packages?" on Homebrew's FAQ, "What is the
//! rule for portability?" on WebAssembly's. Months later, the card alone
//! must say what it is about, so the name most of the page's sections
//! use is added to each question lacking it: "How do I update my local
//! packages (Homebrew)?".

use std::collections::{BTreeMap, BTreeSet};

use crate::deck::CardEntry;
use crate::lesson::language::{LEXICON, Role};
use crate::lesson::read::{Lesson, Section};
use crate::lesson::text::{norm, sentences, without_brackets};

/// Fewest sections that must name the subject.
const MIN_SECTIONS: usize = 3;

/// A name is capitalised at least this many times for each time it is
/// written in lower case (a word quoted, "the first hit for \"homebrew\"").
const NAME_TO_WORD: usize = 4;

/// Fewest letters of a name taken for the subject.
const NAME_LETTERS: usize = 4;

/// Each question card lacking the page's subject names it in brackets at
/// its end, when the title names only the page's kind.
pub(super) fn name_the_subject(lesson: &Lesson, cards: &mut [CardEntry]) {
    if !generic(&lesson.title) {
        return;
    }
    let Some(name) = page_subject(lesson) else {
        return;
    };
    let lower = name.to_lowercase();
    for card in cards.iter_mut() {
        let overview = card
            .id
            .as_deref()
            .is_some_and(|id| id.ends_with("/overview"));
        let Some(front) = card.front.as_mut() else {
            continue;
        };
        // (A short answer naming it, "Homebrew.", would be given away.)
        let answer = card.back.as_deref().unwrap_or_default();
        let names_answer =
            answer.split_whitespace().count() <= 4 && answer.to_lowercase().contains(&lower);
        if overview || names_answer || front.to_lowercase().contains(&lower) {
            continue;
        }
        // (After a bracket of its own, the name goes first: "Let's
        // Encrypt: Can I use an existing key (CSR)?".)
        match front.strip_suffix('?') {
            Some(asked) if !asked.ends_with(')') => *front = format!("{asked} ({name})?"),
            _ => *front = format!("{name}: {front}"),
        }
    }
}

/// "FAQ", "FAQ (Frequently Asked Questions)": a title naming the page's
/// kind, with or without its spelling out in brackets.
fn generic(title: &str) -> bool {
    let bare = norm(without_brackets(title).trim_end_matches(['.', '?']));
    let inside = title
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(inner, _)| norm(inner));
    LEXICON.is(&bare, Role::GenericTitle)
        && inside.is_none_or(|i| LEXICON.is(&i, Role::GenericTitle))
}

/// The name that the most sections use, heading or body, when at least
/// three and half of them do: a capitalised word the page writes
/// capitalised inside a sentence at least once and hardly ever in lower
/// case ("Homebrew", "WebAssembly"; not "Run", opening a sentence alone,
/// nor an acronym, "CPU").
fn page_subject(lesson: &Lesson) -> Option<String> {
    let texts = |section: &Section| -> Vec<String> {
        let pieces = section.body.iter().map(|p| &p.text);
        section
            .heading
            .iter()
            .chain(pieces)
            .flat_map(|t| sentences(t))
            .collect()
    };
    let mut inside = BTreeSet::new();
    let mut capitals: BTreeMap<String, usize> = BTreeMap::new();
    let mut lower: BTreeMap<String, usize> = BTreeMap::new();
    // (Per name, the capitalised words before it: "Let's" of "Let's
    // Encrypt".)
    let mut before: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut per_section = Vec::new();
    for section in &lesson.sections {
        let mut names = BTreeSet::new();
        for sentence in texts(section) {
            let tokens: Vec<&str> = words(&sentence).collect();
            for (k, raw) in tokens.iter().enumerate() {
                let w = possessive_off(raw);
                if !capitalised(w) {
                    *lower.entry(w.to_lowercase()).or_default() += 1;
                    continue;
                }
                names.insert(w.to_string());
                *capitals.entry(w.to_lowercase()).or_default() += 1;
                if k > 0 {
                    inside.insert(w.to_string());
                    let prev = tokens[k - 1];
                    if prev.starts_with(char::is_uppercase) {
                        let seen = before.entry(w.to_string()).or_default();
                        *seen.entry(prev.to_string()).or_default() += 1;
                    }
                }
            }
        }
        per_section.push(names);
    }
    let mut counts: BTreeMap<&String, usize> = BTreeMap::new();
    for name in per_section.iter().flatten() {
        let key = name.to_lowercase();
        let lowered = lower.get(&key).copied().unwrap_or(0);
        if inside.contains(name) && capitals[&key] >= NAME_TO_WORD * lowered {
            *counts.entry(name).or_default() += 1;
        }
    }
    let (name, count) = counts.into_iter().max_by_key(|(_, c)| *c)?;
    if count < MIN_SECTIONS || 2 * count < lesson.sections.len() {
        return None;
    }
    let times = capitals[&name.to_lowercase()];
    let first = before
        .get(name)
        .and_then(|seen| seen.iter().max_by_key(|(_, c)| **c))
        .filter(|(_, c)| 3 * **c >= 2 * times);
    Some(match first {
        Some((first, _)) => format!("{first} {name}"),
        None => name.clone(),
    })
}

/// The words of a sentence, but for paths and code ("/opt/homebrew",
/// "brew_prefix", "a.out"), whose case says nothing.
fn words(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty() && !t.contains(['/', '\\', '<', '>', '_', '=', '@', '.', ':']))
}

/// A word without a possessive's "'s".
fn possessive_off(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w)
}

/// "Homebrew", "WebAssembly": a capital first, lower-case letters after,
/// letters only, four or more.
fn capitalised(w: &str) -> bool {
    w.chars().count() >= NAME_LETTERS
        && w.starts_with(|c: char| c.is_uppercase())
        && w.chars().all(char::is_alphabetic)
        && w.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use crate::lesson::cards::question::tests::lesson_fronts;

    const FAQ: &str = "# FAQ\n\n\
        ## How do I update my packages?\n\nRun the update command first. Kettle then fetches every new recipe.\n\n\
        ## Why is the install slow?\n\nKettle builds from source when no binary fits your machine.\n\n\
        ## Can I pin a recipe?\n\nPinning a recipe keeps Kettle from upgrading it until you unpin it.\n\n\
        ## Where do logs go?\n\nEach build writes its log to a folder in your home directory, which Kettle cleans every month.\n";

    #[test]
    fn a_page_titled_by_its_kind_names_its_subject_on_each_question() {
        let fronts = lesson_fronts(FAQ);
        assert!(
            fronts.contains(&"How do I update my packages (Kettle)?".to_string()),
            "{fronts:?}"
        );
        assert!(
            fronts
                .iter()
                .filter(|f| !f.starts_with('\u{201c}'))
                .all(|f| f.contains("Kettle")),
            "{fronts:?}"
        );
    }

    #[test]
    fn a_page_with_a_subject_in_its_title_is_left_as_it_is() {
        let fronts = lesson_fronts(&FAQ.replacen("# FAQ", "# Kettle FAQ", 1));
        assert!(
            fronts.contains(&"How do I update my packages?".to_string()),
            "{fronts:?}"
        );
        // (Nor when too few sections name one thing.)
        let few = FAQ.replace("Kettle", "it");
        let fronts = lesson_fronts(&few);
        assert!(fronts.iter().all(|f| !f.contains('(')), "{fronts:?}");
    }
}
