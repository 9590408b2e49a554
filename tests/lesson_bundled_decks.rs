//! The starter decks in `decks/` are generated from `decks/lessons/` by the
//! lesson generator. This test regenerates each one and insists the committed
//! file is byte for byte what the generator writes today, so a change to the
//! generator or a lesson cannot leave a stale deck behind.
//!
//! To regenerate after an intended change: `REHEARSE_BLESS=1 cargo test --test lesson_bundled_decks`.

use std::path::{Path, PathBuf};

const DECKS: &[&str] = &[
    "learning-from-rejection",
    "behavioural-questions",
    "negotiating-an-offer",
];

fn lesson_path(root: &Path, stem: &str) -> PathBuf {
    ["md", "txt"]
        .iter()
        .map(|ext| root.join("decks/lessons").join(format!("{stem}.{ext}")))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("no lesson decks/lessons/{stem}.md or .txt"))
}

#[test]
fn bundled_decks_match_their_lessons() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bless = std::env::var_os("REHEARSE_BLESS").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for stem in DECKS {
        let lesson = lesson_path(root, stem);
        let text = rehearse::error::read_text(&lesson).unwrap();
        let deck = rehearse::lesson::generate(&lesson, &text).unwrap();
        let written = rehearse::deck::write(&deck);
        let target = root.join("decks").join(format!("{stem}.toml"));
        // The deck must load as a deck, with every card present.
        let parsed = rehearse::deck::parse(&target, &written).unwrap();
        assert!(parsed.cards.len() >= deck.cards.len(), "{stem}");
        if bless {
            std::fs::write(&target, &written).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&target).unwrap_or_default();
        if committed != written {
            stale.push(target.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "these decks differ from what their lessons generate: {stale:?}\n\
         regenerate them with `REHEARSE_BLESS=1 cargo test --test lesson_bundled_decks` and review the diff"
    );
}
