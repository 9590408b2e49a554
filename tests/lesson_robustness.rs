//! The lesson generator on text of any shape: lessons put together at
//! random from headings, paragraphs, steps, tips and code, with words in
//! several scripts and punctuation of several bytes ("—", "…", "’"),
//! never make it panic, and what it writes is a deck the loader accepts
//! with every id unique.

use std::collections::BTreeSet;
use std::path::Path;

use proptest::prelude::*;
use rehearse::lesson::generate;

/// Words a lesson might hold: advice verbs, nouns, function words, names,
/// numbers and ranges, and words in other scripts.
const WORDS: &[&str] = &[
    "use",
    "keep",
    "add",
    "check",
    "write",
    "the",
    "a",
    "an",
    "to",
    "of",
    "and",
    "or",
    "so",
    "because",
    "when",
    "if",
    "then",
    "once",
    "it",
    "this",
    "these",
    "you",
    "should",
    "is",
    "are",
    "can",
    "team",
    "dough",
    "server",
    "flour",
    "budget",
    "note",
    "time",
    "things",
    "do",
    "people",
    "index",
    "café",
    "naïve",
    "日本語",
    "Ünïcödé",
    "GitHub",
    "SQL",
    "4",
    "4–5",
    "30",
    "e.g.",
    "etc.",
    "(optional)",
    "“quoted”",
    "it’s",
    "don’t",
    "—",
    "–",
    "-",
    "…",
    ":",
    ";",
    ",",
    "/",
    "&",
    "**bold**",
    "`code`",
    "[link](http://x.y)",
    "🙂",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 1..18),
        0..4usize,
    )
        .prop_map(|(words, end)| {
            let mut s = words.join(" ");
            s.push_str([".", "!", "?", ":"][end]);
            s
        })
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 1..4).prop_map(|ss| ss.join(" "))
}

/// One block of a lesson, with the blank line after it or not.
fn block() -> impl Strategy<Value = String> {
    let heading = (1..5usize, sentence())
        .prop_map(|(level, s)| format!("{} {}", "#".repeat(level), s.trim_end_matches(['.', '!'])));
    let caps = sentence().prop_map(|s| s.trim_end_matches(['.', '!', '?', ':']).to_uppercase());
    let numbered = prop::collection::vec(paragraph(), 1..12).prop_map(|items| {
        items
            .iter()
            .enumerate()
            .map(|(k, t)| format!("{}. {t}", k + 1))
            .collect::<Vec<_>>()
            .join("\n")
    });
    let bullets = prop::collection::vec((paragraph(), any::<bool>()), 1..10).prop_map(|items| {
        items
            .iter()
            .map(|(t, bold)| {
                if *bold {
                    format!("- **{}:** {t}", t.split(' ').next().unwrap_or("x"))
                } else {
                    format!("* {t}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    let code = paragraph().prop_map(|p| format!("```\n{p}\n```"));
    (
        prop_oneof![heading, caps, paragraph(), numbered, bullets, code],
        any::<bool>(),
    )
        .prop_map(|(b, blank)| {
            if blank {
                format!("{b}\n\n")
            } else {
                format!("{b}\n")
            }
        })
}

fn lesson() -> impl Strategy<Value = String> {
    (sentence(), prop::collection::vec(block(), 1..16))
        .prop_map(|(title, blocks)| format!("# {title}\n\n{}", blocks.concat()))
}

proptest! {
    // (96 cases a run; `PROPTEST_CASES=20000` searches harder, see the
    // README's Development section.)
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(96)
    ))]

    #[test]
    fn any_lesson_gives_a_deck_or_an_error_and_never_panics(text in lesson()) {
        // (An error, "the lesson is empty" or the like, is an answer too.)
        if let Ok(deck) = generate(Path::new("random.md"), &text) {
            let toml = toml::to_string(&deck).unwrap();
            let back: rehearse::deck::DeckFile = toml::from_str(&toml).unwrap();
            prop_assert_eq!(back.cards.len(), deck.cards.len());
            let ids: BTreeSet<&str> = deck.cards.iter().filter_map(|c| c.id.as_deref()).collect();
            prop_assert_eq!(ids.len(), deck.cards.len());
        }
    }
}
