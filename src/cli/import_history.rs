//! What `import` says about a package's scheduling and history: one
//! summary line per package ("1,204 cards (873 with their schedule),
//! 18,455 past answers"), and a note for the cards answered here since,
//! which keep their schedule (docs/imports.md, "Scheduling and history").

use std::path::Path;

use super::render::{count, safe_line};
use crate::storage::{HistoryCounts, ImportCounts};

/// The summary line of a package imported with its scheduling, and the
/// note about cards left alone; `None` for other files.
pub fn summary(path: &Path, decks: &[ImportCounts]) -> Option<(String, Option<String>)> {
    let mut history = HistoryCounts::default();
    let mut cards = 0;
    for deck in decks {
        let h = deck.history?;
        cards += deck.added + deck.updated + deck.unchanged;
        history.scheduled += h.scheduled;
        history.answers += h.answers;
        history.answers_before += h.answers_before;
        history.kept_here += h.kept_here;
    }
    let path = safe_line(&path.display().to_string()).to_string();
    let before = match history.answers_before {
        0 => String::new(),
        n => format!(" ({} imported before)", thousands(n)),
    };
    if history == HistoryCounts::default() {
        // Anki leaves both out unless asked (docs/imports.md).
        return Some((
            format!(
                "{path}: {}, no schedule and no past answer in the package (Anki exports them with \"Include scheduling information\")",
                noun(cards, "card", "cards")
            ),
            None,
        ));
    }
    let line = format!(
        "{path}: {} ({} with their schedule), {} past {}{before}",
        noun(cards, "card", "cards"),
        thousands(history.scheduled),
        thousands(history.answers),
        if history.answers == 1 {
            "answer"
        } else {
            "answers"
        },
    );
    let note = (history.kept_here > 0).then(|| {
        format!(
            "note: {path}: {} answered here since {} imported {} schedule and history from rehearse",
            count(history.kept_here as i64, "card"),
            if history.kept_here == 1 { "it was" } else { "they were" },
            if history.kept_here == 1 { "keeps its" } else { "keep their" },
        )
    });
    Some((line, note))
}

fn noun(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

/// `18455` as `18,455`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_204), "1,204");
        assert_eq!(thousands(18_455), "18,455");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn the_summary_adds_up_the_decks() {
        let deck = |added, scheduled, answers| ImportCounts {
            deck: "d".into(),
            added,
            unchanged: 2,
            history: Some(HistoryCounts {
                scheduled,
                answers,
                ..HistoryCounts::default()
            }),
            ..ImportCounts::default()
        };
        let (line, note) = summary(
            Path::new("a.apkg"),
            &[deck(1_000, 800, 18_000), deck(200, 73, 455)],
        )
        .unwrap();
        assert_eq!(
            line,
            "a.apkg: 1,204 cards (873 with their schedule), 18,455 past answers"
        );
        assert!(note.is_none());
        let plain = ImportCounts::default();
        assert!(summary(Path::new("a.toml"), &[plain]).is_none());
        let (line, _) = summary(Path::new("b.apkg"), &[deck(3, 0, 0)]).unwrap();
        assert!(
            line.starts_with("b.apkg: 5 cards, no schedule and no past answer"),
            "{line}"
        );
    }
}
