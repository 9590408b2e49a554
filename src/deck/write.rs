//! Writing a deck file: stored cards back into entries (the inverse of
//! [`expand`](super::expand)), then entries into TOML text. What is written
//! always parses again (`export --format toml` promises a file `import`
//! takes back, see docs/deck-format.md), and the same deck always gives the
//! same bytes.

use std::fmt::Write as _;

use super::{CardEntry, DeckFile};
use crate::domain::{CardDraft, CardKind};

/// The name written for a deck whose name is empty (an Anki package can
/// have one), since a deck file needs a name.
pub const FALLBACK_DECK_NAME: &str = "Untitled";

/// Rebuilds deck entries from stored cards (grouped by note, in order), the
/// inverse of [`expand`](super::expand), for `export --format toml`.
///
/// A card from a CSV `Id` column can have `#` in its id, which a deck file
/// keeps for `#r` and `#cN`: its entry id is escaped as Anki guids are on
/// import (`#` → `%23`, `%` → `%25`, see docs/imports.md). A basic card's
/// extra text (CSV `Extra` column) goes below its back, as the CSV reader
/// does for basic rows. Entry ids stay distinct: a clash gets `~2`, `~3`…
pub fn entries_from_cards(cards: &[CardDraft]) -> Vec<CardEntry> {
    let mut entries: Vec<CardEntry> = Vec::new();
    let mut index: foldhash::HashMap<&str, usize> = foldhash::HashMap::default();
    let mut used: foldhash::HashSet<String> = foldhash::HashSet::default();
    for card in cards {
        if let Some(&i) = index.get(card.note.as_str()) {
            if card.kind == CardKind::Reverse {
                entries[i].reverse = true;
            }
            continue;
        }
        let mut entry = entry_of(card);
        entry.id = entry.id.map(|id| distinct(entry_id(&id), &mut used));
        index.insert(&card.note, entries.len());
        entries.push(entry);
    }
    entries
}

/// The entry of the first card of a note.
fn entry_of(card: &CardDraft) -> CardEntry {
    let basic = |id: String| {
        let back = match card.extra.as_str() {
            "" => card.back.clone(),
            extra => format!("{}\n\n{extra}", card.back),
        };
        CardEntry {
            id: Some(id),
            front: Some(card.front.clone()),
            back: Some(back),
            tags: card.tags.clone(),
            ..CardEntry::default()
        }
    };
    match &card.kind {
        CardKind::Basic => basic(card.note.clone()),
        // A reverse card whose basic twin is missing: a basic card of its own.
        CardKind::Reverse => basic(format!("{}-reverse", card.note)),
        CardKind::Cloze { source, .. } => CardEntry {
            id: Some(card.note.clone()),
            cloze: Some(source.clone()),
            extra: (!card.extra.is_empty()).then(|| card.extra.clone()),
            tags: card.tags.clone(),
            ..CardEntry::default()
        },
    }
}

/// `id` as a deck file allows it: no `#`.
fn entry_id(id: &str) -> String {
    if id.contains('#') {
        id.replace('%', "%25").replace('#', "%23")
    } else {
        id.to_string()
    }
}

/// `id`, or `id~N` with the first N that no earlier entry has.
fn distinct(id: String, used: &mut foldhash::HashSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while used.contains(&candidate) {
        candidate = format!("{id}~{n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}

/// Writes a deck file. The same deck always gives the same bytes.
pub fn write(deck: &DeckFile) -> String {
    let mut out = String::new();
    let name = match deck.name.trim() {
        "" => FALLBACK_DECK_NAME,
        _ => &deck.name,
    };
    push_key(&mut out, "name", name);
    if !deck.description.is_empty() {
        push_key(&mut out, "description", &deck.description);
    }
    for card in &deck.cards {
        out.push_str("\n[[cards]]\n");
        let fields = [
            ("id", &card.id),
            ("front", &card.front),
            ("back", &card.back),
            ("cloze", &card.cloze),
            ("extra", &card.extra),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                push_key(&mut out, key, value);
            }
        }
        if !card.tags.is_empty() {
            let tags: Vec<String> = card.tags.iter().map(|t| quote(t)).collect();
            let _ = writeln!(out, "tags = [{}]", tags.join(", "));
        }
        if card.reverse {
            out.push_str("reverse = true\n");
        }
    }
    out
}

fn push_key(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", quote(value));
}

/// A TOML string literal: basic string with escapes, or a multi-line basic
/// string when the text has line breaks (easier to read and diff).
fn quote(text: &str) -> String {
    let multi_line = text.contains('\n');
    let mut body = String::from(if multi_line { "\"\"\"\n" } else { "\"" });
    for ch in text.chars() {
        match ch {
            '\\' => body.push_str("\\\\"),
            '"' => body.push_str("\\\""),
            '\n' if multi_line => body.push('\n'),
            '\t' => body.push_str("\\t"),
            '\r' => body.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(body, "\\u{:04X}", c as u32);
            }
            c => body.push(c),
        }
    }
    body.push_str(if multi_line { "\"\"\"" } else { "\"" });
    body
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::domain::{CardId, DeckDraft};

    fn parse_str(text: &str) -> DeckDraft {
        super::super::parse(Path::new("deck.toml"), text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    fn basic(id: &str, front: &str, back: &str, extra: &str) -> CardDraft {
        CardDraft {
            id: CardId(id.into()),
            note: id.into(),
            kind: CardKind::Basic,
            front: front.into(),
            back: back.into(),
            extra: extra.into(),
            tags: vec!["t".into()],
        }
    }

    #[test]
    fn write_then_parse_round_trips() {
        let text = "name = \"d\"\ndescription = \"x\"\n\n[[cards]]\nid = \"a\"\nfront = \"f\"\nback = \"b\"\ntags = [\"t\"]\nreverse = true\n\n[[cards]]\nid = \"c\"\ncloze = \"{{c1::one}} {{c2::two::hint}}\"\nextra = \"e\"\n";
        let deck = parse_str(text);
        let file = DeckFile {
            name: deck.name.clone(),
            description: deck.description.clone(),
            cards: entries_from_cards(&deck.cards),
        };
        assert_eq!(write(&file), text, "the same deck gives the same bytes");
        assert_eq!(parse_str(&write(&file)), deck);
    }

    #[test]
    fn quoting_survives_odd_text() {
        let file = DeckFile {
            name: "Quote \"me\" \\ now".into(),
            description: "two\nlines with \"\"\" inside\tand tab".into(),
            cards: vec![CardEntry {
                id: Some("x".into()),
                front: Some("a\u{7}bell".into()),
                back: Some("ends with quote\"".into()),
                ..CardEntry::default()
            }],
        };
        let deck = parse_str(&write(&file));
        assert_eq!(deck.name, file.name);
        assert_eq!(deck.description, file.description);
        assert_eq!(deck.cards[0].front, "a\u{7}bell");
        assert_eq!(deck.cards[0].back, "ends with quote\"");
    }

    /// Issue 14.9: ids with `#` (CSV `Id` column) are escaped as Anki guids
    /// are, clashes get `~2`, and a basic card's extra text is kept.
    #[test]
    fn export_toml_escapes_ids_with_hash_and_keeps_them_distinct() {
        let cards = [
            basic("a#b", "f1", "b1", "more"),
            basic("a%23b", "f2", "b2", ""),
            basic("x#c1", "f3", "b3", ""),
            basic("50%", "f4", "b4", ""),
        ];
        let entries = entries_from_cards(&cards);
        let ids: Vec<_> = entries.iter().map(|e| e.id.as_deref().unwrap()).collect();
        assert_eq!(ids, ["a%23b", "a%23b~2", "x%23c1", "50%"]);
        let file = DeckFile {
            name: "d".into(),
            description: String::new(),
            cards: entries,
        };
        let deck = parse_str(&write(&file));
        assert_eq!(deck.cards.len(), 4);
        assert_eq!(deck.cards[0].back, "b1\n\nmore");
        assert_eq!(deck.cards[2].front, "f3");
    }

    /// Issue 14.9: an Anki package's deck can have an empty name, which a
    /// deck file may not: the writer names it.
    #[test]
    fn export_toml_of_a_deck_with_an_empty_name_imports_back() {
        for name in ["", "  "] {
            let file = DeckFile {
                name: name.into(),
                description: String::new(),
                cards: entries_from_cards(&[basic("a", "f", "b", "")]),
            };
            let deck = parse_str(&write(&file));
            assert_eq!(deck.name, FALLBACK_DECK_NAME);
            assert_eq!(deck.cards.len(), 1);
        }
    }
}
