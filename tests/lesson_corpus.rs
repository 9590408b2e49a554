//! The lesson corpus in `tests/lessons/`: lessons written for this project in
//! different shapes (technical explainer, how-to, list article, Markdown with
//! sub-headings, plain text without blank lines, numbered list without
//! headings, code, bold-label tips, headless paragraphs, "Example" sub-sections,
//! plain-text lists after a lead-in, a glossary of bold terms, gains under a
//! "Why is X useful?" parent).
//!
//! Each lesson's deck is a golden snapshot (`tests/snapshots/`; accept an
//! intended change with `INSTA_UPDATE=always cargo test --test lesson_corpus`
//! and read the diff), and every card is checked for the defects a program
//! can see (see docs/lessons.md): ungrammatical or empty questions, long or
//! broken backs, clozes that hide a function word, a heading word, a word the
//! sentence repeats or one item of a list, overviews of one or too many items.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rehearse::deck::{CardEntry, DeckFile};

fn lessons() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lessons");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
        .collect();
    out.sort();
    out
}

fn generate(path: &Path) -> DeckFile {
    let text = std::fs::read_to_string(path).unwrap();
    rehearse::lesson::generate(path, &text).unwrap()
}

/// Openers that lean on a sentence the card does not show.
const LEANING: &[&str] = &[
    "instead", "it", "this", "these", "those", "they", "such", "however", "but", "also",
];
/// Words a cloze must never hide alone.
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "you", "your", "it", "they", "them", "their", "of", "to", "in", "on", "and",
    "or", "but", "is", "are", "be", "this", "that", "with", "for", "as", "at", "by",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}' && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn defects(card: &CardEntry) -> Vec<String> {
    let mut out = Vec::new();
    let id = card.id.clone().unwrap_or_default();
    let parts: Vec<&str> = id.split('/').collect();
    if !(parts.len() == 3 || (parts.len() == 2 && parts[1] == "overview")) {
        out.push(format!("id `{id}` is not <lesson>/<section>/<kind>"));
    }
    if let Some(front) = &card.front {
        // "Why ask “How are repairs reported?”" ends on its quoted question.
        if !front.trim_end_matches('\u{201d}').ends_with('?') {
            out.push(format!("front is not a question: {front}"));
        }
        if !front
            .trim_start_matches(['\u{201c}', '"'])
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            out.push(format!("front does not start with a capital: {front}"));
        }
        if front.contains("  ") || front.contains(" ?") || front.contains("??") {
            out.push(format!("front has broken spacing: {front}"));
        }
        if words(front).len() < 3 {
            out.push(format!("front too short to ask anything: {front}"));
        }
    }
    if let Some(back) = &card.back {
        let first = words(back).into_iter().next().unwrap_or_default();
        if LEANING.contains(&first.as_str()) && !id.ends_with("/overview") {
            out.push(format!("back opens with a leaning word: {back}"));
        }
        if back.contains(":.") || back.trim_end().ends_with(':') {
            out.push(format!("back has a dangling colon: {back}"));
        }
        if back.chars().count() > 300 {
            out.push(format!("back longer than 300 characters: {back}"));
        }
        let sentences = back
            .split_inclusive(['.', '?', '!'])
            .filter(|s| s.trim().chars().count() > 12)
            .count();
        // (A list, items apart by " · " as the overview and a list of
        // questions give them, is no run of sentences.)
        if sentences > 2 && !id.ends_with("/overview") && !back.contains(" \u{b7} ") {
            out.push(format!("back has more than two sentences: {back}"));
        }
        if id.ends_with("/overview") {
            let items = back.split(" \u{b7} ").count();
            if !(2..=8).contains(&items) {
                out.push(format!("overview lists {items} items"));
            }
        }
    }
    if let Some(cloze) = &card.cloze {
        let opens = cloze.matches("{{c1::").count();
        if opens != 1 || cloze.matches("}}").count() != 1 {
            out.push(format!("cloze needs exactly one hidden span: {cloze}"));
            return out;
        }
        let start = cloze.find("{{c1::").unwrap();
        let end = cloze.find("}}").unwrap();
        let hidden = &cloze[start + 6..end];
        let before = &cloze[..start];
        let after = &cloze[end + 2..];
        let hidden_words = words(hidden);
        // A list cloze hides a whole list after its lead-in: its items, not
        // the span, are short.
        let list = card.id.as_deref().is_some_and(|id| id.contains("/list"));
        let items: Vec<&str> = hidden
            .split([',', ';'])
            .flat_map(|i| i.split(" and "))
            .collect();
        if list && (items.len() < 2 || items.iter().any(|i| words(i).len() > 8)) {
            out.push(format!("list cloze without a list of short items: {cloze}"));
        }
        if hidden_words.is_empty() || (!list && hidden_words.len() > 6) {
            out.push(format!(
                "hidden span of {} words: {cloze}",
                hidden_words.len()
            ));
        }
        if hidden_words.len() == 1 && FUNCTION_WORDS.contains(&hidden_words[0].as_str()) {
            out.push(format!("hides a function word: {cloze}"));
        }
        let rest: BTreeSet<String> = words(before).into_iter().chain(words(after)).collect();
        if hidden_words.iter().any(|w| w.len() > 3 && rest.contains(w)) {
            out.push(format!("hides a word the sentence repeats: {cloze}"));
        }
        if let Some(extra) = &card.extra {
            let heading: BTreeSet<String> = words(extra).into_iter().collect();
            if hidden_words.iter().all(|w| heading.contains(w)) {
                out.push(format!("hides only words of the heading: {cloze}"));
            }
        }
        // "salary, {{c1::equity}} and bonus": an item between commas or
        // before a closing "and"/"or" of an enumeration.
        // (A clause of three words or more between commas, "If you are new,
        // {{c1::start with a simple loaf}}, because…", or before one opening
        // with a conjunction, "{{c1::Keep the slides short}}, and leave…",
        // is no item of a list.)
        let after_words: Vec<&str> = after.split_whitespace().take(4).collect();
        let clause = hidden_words.len() >= 3;
        let joined = after_words.get(1).is_some_and(|w| {
            matches!(
                *w,
                "and" | "or" | "because" | "so" | "since" | "especially" | "even" | "not"
            )
        });
        let enumeration_follows = after.starts_with(',')
            && !(clause && joined)
            && after_words
                .iter()
                .skip(1)
                .any(|w| *w == "and" || *w == "or" || w.ends_with(','));
        let enumeration_before = before.trim_end().ends_with(',')
            && (after.starts_with(" and ")
                || after.starts_with(" or ")
                || (after.starts_with(',') && !clause));
        if enumeration_follows || enumeration_before {
            out.push(format!("hides one item of a list: {cloze}"));
        }
        if hidden.starts_with(' ') || hidden.ends_with(' ') {
            out.push(format!("hidden span has loose spaces: {cloze}"));
        }
    }
    out
}

#[test]
fn every_corpus_lesson_gives_cards_without_detectable_defects() {
    let lessons = lessons();
    assert!(
        lessons.len() >= 12,
        "the corpus has {} lessons",
        lessons.len()
    );
    let mut found = Vec::new();
    for path in &lessons {
        let deck = generate(path);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(
            deck.cards.len() >= 3,
            "{name}: only {} cards",
            deck.cards.len()
        );
        let mut ids = BTreeSet::new();
        let mut texts = BTreeSet::new();
        for card in &deck.cards {
            let id = card.id.clone().unwrap();
            assert!(ids.insert(id.clone()), "{name}: id {id} twice");
            let text = card.front.clone().or(card.cloze.clone()).unwrap();
            assert!(
                texts.insert(text.clone()),
                "{name}: card asked twice: {text}"
            );
            for d in defects(card) {
                found.push(format!("{name} {id}: {d}"));
            }
        }
    }
    assert!(found.is_empty(), "defects:\n{}", found.join("\n"));
}

#[test]
fn corpus_decks_match_their_snapshots() {
    for path in lessons() {
        let deck = generate(&path);
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let toml = rehearse::deck::write(&deck);
        insta::assert_snapshot!(format!("lesson_{name}"), toml);
        // Same input, same bytes.
        assert_eq!(rehearse::deck::write(&generate(&path)), toml, "{name}");
    }
}
