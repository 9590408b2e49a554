//! The native deck format (docs/deck-format.md): a TOML file people write, diff and
//! share. Parsing keeps byte spans so every error names `file:line:column`;
//! unknown keys are errors. Writing is deterministic so generated decks are
//! byte-identical for the same input.

pub mod cloze;

use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::error::{Error, Result};
use crate::import::{
    CardDraft, CardId, CardKind, CardSink, DeckDraft, IdMaker, NoProgress, Progress,
};

/// A deck file as written on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DeckFile {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub cards: Vec<CardEntry>,
}

/// One `[[cards]]` entry: a basic card (`front`/`back`, maybe `reverse`) or a
/// cloze text (`cloze`, maybe `extra`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CardEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub front: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloze: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub reverse: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The same file, with the span of each entry, for located errors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SpannedDeckFile {
    name: Spanned<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    cards: Vec<Spanned<CardEntry>>,
}

/// Reads and checks a deck file, returning its cards expanded.
pub fn read(path: &Path) -> Result<DeckDraft> {
    let text = crate::error::read_text(path)?;
    parse(path, &text)
}

/// Reads a deck file and hands its deck, then each card as its entry is
/// parsed, to `sink`: a large deck is never held whole as cards. `rename`
/// replaces the deck's name (`import --deck`). An error stops at the entry
/// it names; the cards before it have reached `sink` already.
pub fn read_into(
    path: &Path,
    rename: Option<&str>,
    progress: &dyn Progress,
    sink: &mut dyn CardSink,
) -> Result<()> {
    let text = crate::error::read_text(path)?;
    parse_into(path, &text, rename, progress, sink)
}

/// Parses deck text; `path` is only used to name errors.
pub fn parse(path: &Path, text: &str) -> Result<DeckDraft> {
    let mut draft = DeckDraft::default();
    parse_into(path, text, None, &NoProgress, &mut draft)?;
    Ok(draft)
}

/// How often (in entries) the progress is reported.
const PROGRESS_EVERY_ENTRIES: usize = 1024;

fn parse_into(
    path: &Path,
    text: &str,
    rename: Option<&str>,
    progress: &dyn Progress,
    sink: &mut dyn CardSink,
) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::file(
            path,
            "the file is empty: a deck needs at least `name = \"…\"`",
        ));
    }
    let syntax = |offset: usize, e: toml::de::Error| {
        let at = offset + e.span().map_or(0, |s| s.start);
        Error::at_offset(path, text, at, first_line(e.message()))
    };
    progress.set_total(text.len() as u64);
    let mut out = Expander {
        path,
        text,
        ids: IdMaker::new(),
        seen: foldhash::HashMap::default(),
        cards: Vec::new(),
        sink,
    };
    match split_entries(text) {
        Some(split) => {
            let head: Head = toml::from_str(&text[..split.head_end]).map_err(|e| syntax(0, e))?;
            out.begin(&head.name, &head.description, rename)?;
            for (n, &(header, body, end)) in split.entries.iter().enumerate() {
                let entry: CardEntry =
                    toml::from_str(&text[body..end]).map_err(|e| syntax(body, e))?;
                out.entry(header, &entry)?;
                if n % PROGRESS_EVERY_ENTRIES == 0 {
                    progress.set_done(end as u64);
                }
            }
        }
        None => {
            let whole: SpannedDeckFile = toml::from_str(text).map_err(|e| syntax(0, e))?;
            out.begin(&whole.name, &whole.description, rename)?;
            for card in &whole.cards {
                out.entry(card.span().start, card.get_ref())?;
            }
        }
    }
    progress.set_done(text.len() as u64);
    Ok(())
}

/// Turns parsed entries into cards for a sink, checking what spans entries.
struct Expander<'a> {
    path: &'a Path,
    text: &'a str,
    ids: IdMaker,
    /// The offset of the entry that gave each entry id.
    seen: foldhash::HashMap<String, usize>,
    /// The cards of the entry at hand.
    cards: Vec<CardDraft>,
    sink: &'a mut dyn CardSink,
}

impl Expander<'_> {
    fn begin(
        &mut self,
        name: &Spanned<String>,
        description: &str,
        rename: Option<&str>,
    ) -> Result<()> {
        let trimmed = name.get_ref().trim();
        if trimmed.is_empty() {
            return Err(Error::at_offset(
                self.path,
                self.text,
                name.span().start,
                "`name` is empty",
            ));
        }
        self.sink
            .begin_deck(rename.unwrap_or(trimmed), description.trim())
    }

    /// Expands the entry at offset `at` and hands its cards on.
    fn entry(&mut self, at: usize, entry: &CardEntry) -> Result<()> {
        let (path, text) = (self.path, self.text);
        self.cards.clear();
        expand(entry, &mut self.ids, &mut self.cards)
            .map_err(|message| Error::at_offset(path, text, at, message))?;
        // One id per entry: two entries sharing an id (say clozes `x#c1`
        // and `x#c2` written as two entries) would merge into one on export
        // and lose a card. Distinct entry ids also make card ids distinct.
        let Some(card) = self.cards.first() else {
            return Ok(());
        };
        if let Some(first) = self.seen.insert(card.note.clone(), at) {
            let (line, _) = crate::error::line_column(text, first);
            return Err(Error::at_offset(
                path,
                text,
                at,
                format!(
                    "id `{}` is already used by the entry at line {line}",
                    card.note
                ),
            ));
        }
        self.cards
            .drain(..)
            .try_for_each(|card| self.sink.card(card))
    }
}

/// The top of a deck file, before its first `[[cards]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Head {
    name: Spanned<String>,
    #[serde(default)]
    description: String,
}

/// Where a deck file's entries are: the head ends at `head_end`; each entry
/// is (its `[[cards]]` line, its body start, its end).
struct Split {
    head_end: usize,
    entries: Vec<(usize, usize, usize)>,
}

/// Finds the `[[cards]]` lines of a plainly written deck file so that each
/// entry can be parsed on its own: a 100,000-card deck then never becomes
/// one in-memory TOML document (a third of the time, a tenth of the
/// memory). Anything unusual — another table header, a line starting with
/// `[` such as a multi-line array, `cards` in the head — returns `None`, and
/// the whole file is parsed at once, which is always correct.
fn split_entries(text: &str) -> Option<Split> {
    #[derive(PartialEq)]
    enum State {
        Normal,
        Basic,
        Literal,
        MultiBasic,
        MultiLiteral,
    }
    let bytes = text.as_bytes();
    let mut state = State::Normal;
    let mut headers: Vec<(usize, usize)> = Vec::new(); // (line start, body start)
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if line_start && state == State::Normal {
            line_start = false;
            let rest = &text[i..];
            let trimmed = rest.trim_start_matches([' ', '\t']);
            if trimmed.starts_with('[') {
                let line_end = rest.find('\n').map_or(text.len(), |n| i + n + 1);
                let line = text[i..line_end].trim();
                let line = line.split_once('#').map_or(line, |(l, _)| l).trim();
                if line != "[[cards]]" {
                    return None;
                }
                headers.push((i, line_end));
                i = line_end;
                line_start = true;
                continue;
            }
        }
        match state {
            State::Normal => match b {
                b'#' => {
                    i = text[i..].find('\n').map_or(text.len(), |n| i + n);
                    continue;
                }
                b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                    state = State::MultiBasic;
                    i += 3;
                    continue;
                }
                b'"' => state = State::Basic,
                b'\'' if bytes[i..].starts_with(b"\'\'\'") => {
                    state = State::MultiLiteral;
                    i += 3;
                    continue;
                }
                b'\'' => state = State::Literal,
                b'\n' => line_start = true,
                _ => {}
            },
            State::Basic => match b {
                b'\\' => i += 1,
                b'"' => state = State::Normal,
                b'\n' => return None,
                _ => {}
            },
            State::Literal => match b {
                b'\'' => state = State::Normal,
                b'\n' => return None,
                _ => {}
            },
            State::MultiBasic => match b {
                b'\\' => i += 1,
                b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                    // Up to two more quotes may end the string's content.
                    i += 3;
                    while i < bytes.len() && bytes[i] == b'"' {
                        i += 1;
                    }
                    state = State::Normal;
                    continue;
                }
                _ => {}
            },
            State::MultiLiteral => {
                if bytes[i..].starts_with(b"\'\'\'") {
                    i += 3;
                    while i < bytes.len() && bytes[i] == b'\'' {
                        i += 1;
                    }
                    state = State::Normal;
                    continue;
                }
            }
        }
        i += 1;
    }
    if state != State::Normal {
        return None;
    }
    let head_end = headers.first().map_or(text.len(), |h| h.0);
    if text[..head_end]
        .lines()
        .any(|l| l.trim_start().starts_with("cards"))
    {
        return None;
    }
    let entries = headers
        .iter()
        .enumerate()
        .map(|(n, &(header, body))| {
            let end = headers.get(n + 1).map_or(text.len(), |next| next.0);
            (header, body, end)
        })
        .collect();
    Some(Split { head_end, entries })
}

fn first_line(message: &str) -> String {
    message
        .lines()
        .next()
        .unwrap_or("invalid TOML")
        .trim()
        .to_string()
}

/// Expands one entry into its cards (basic, reverse, one per cloze number).
pub fn expand(
    entry: &CardEntry,
    ids: &mut IdMaker,
    out: &mut Vec<CardDraft>,
) -> Result<(), String> {
    let tags: Vec<String> = entry
        .tags
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if let Some(tag) = tags.iter().find(|t| t.contains(char::is_whitespace)) {
        return Err(format!("tag `{tag}` contains white space"));
    }
    if let Some(id) = &entry.id {
        if id.trim().is_empty() {
            return Err("`id` is empty".into());
        }
        if id.contains('#') {
            return Err(format!(
                "id `{id}` contains `#`, which is kept for `#r` and `#cN` cards"
            ));
        }
    }
    match (&entry.front, &entry.back, &entry.cloze) {
        (_, _, Some(cloze)) => {
            if entry.front.is_some() || entry.back.is_some() {
                return Err("an entry has either `cloze` or `front`/`back`, not both".into());
            }
            if entry.reverse {
                return Err("`reverse` does not apply to a cloze entry".into());
            }
            let note = match &entry.id {
                Some(id) => id.trim().to_string(),
                None => ids.from_front(&cloze::plain(cloze)),
            };
            let numbers = cloze::numbers(cloze)?;
            if numbers.is_empty() {
                return Err("`cloze` has no deletion: write it as {{c1::hidden words}}".into());
            }
            let extra = entry.extra.as_deref().unwrap_or("").trim().to_string();
            for ord in numbers {
                out.push(CardDraft {
                    id: CardId(format!("{note}#c{ord}")),
                    note: note.clone(),
                    kind: CardKind::Cloze {
                        ord,
                        source: cloze.trim().to_string(),
                    },
                    front: cloze::front(cloze, ord),
                    back: cloze::plain(cloze),
                    extra: extra.clone(),
                    tags: tags.clone(),
                });
            }
            Ok(())
        }
        (Some(front), Some(back), None) => {
            let front = front.trim();
            let back = back.trim();
            if front.is_empty() {
                return Err("`front` is empty".into());
            }
            if back.is_empty() {
                return Err("`back` is empty".into());
            }
            if entry.extra.is_some() {
                return Err("`extra` goes with `cloze`; put the text in `back`".into());
            }
            let note = match &entry.id {
                Some(id) => id.trim().to_string(),
                None => ids.from_front(front),
            };
            out.push(CardDraft {
                id: CardId(note.clone()),
                note: note.clone(),
                kind: CardKind::Basic,
                front: front.to_string(),
                back: back.to_string(),
                extra: String::new(),
                tags: tags.clone(),
            });
            if entry.reverse {
                out.push(CardDraft {
                    id: CardId(format!("{note}#r")),
                    note,
                    kind: CardKind::Reverse,
                    front: back.to_string(),
                    back: front.to_string(),
                    extra: String::new(),
                    tags,
                });
            }
            Ok(())
        }
        (None, _, None) => Err("card has no `front` (nor `cloze`)".into()),
        (Some(_), None, None) => Err("card has no `back`".into()),
    }
}

/// Rebuilds deck entries from stored cards (grouped by note, in order), the
/// inverse of [`expand`], for `export --format toml`.
pub fn entries_from_cards(cards: &[CardDraft]) -> Vec<CardEntry> {
    let mut entries: Vec<CardEntry> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for card in cards {
        if let Some(&i) = index.get(card.note.as_str()) {
            if card.kind == CardKind::Reverse {
                entries[i].reverse = true;
            }
            continue;
        }
        let entry = match &card.kind {
            CardKind::Basic => CardEntry {
                id: Some(card.note.clone()),
                front: Some(card.front.clone()),
                back: Some(card.back.clone()),
                tags: card.tags.clone(),
                ..CardEntry::default()
            },
            // A reverse card whose basic twin is missing: keep it as a basic card of its own.
            CardKind::Reverse => CardEntry {
                id: Some(format!("{}-reverse", card.note)),
                front: Some(card.front.clone()),
                back: Some(card.back.clone()),
                tags: card.tags.clone(),
                ..CardEntry::default()
            },
            CardKind::Cloze { source, .. } => CardEntry {
                id: Some(card.note.clone()),
                cloze: Some(source.clone()),
                extra: (!card.extra.is_empty()).then(|| card.extra.clone()),
                tags: card.tags.clone(),
                ..CardEntry::default()
            },
        };
        index.insert(&card.note, entries.len());
        entries.push(entry);
    }
    entries
}

/// Writes a deck file. The same deck always gives the same bytes.
pub fn write(deck: &DeckFile) -> String {
    let mut out = String::new();
    out.push_str(&format!("name = {}\n", quote(&deck.name)));
    if !deck.description.is_empty() {
        out.push_str(&format!("description = {}\n", quote(&deck.description)));
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
                out.push_str(&format!("{key} = {}\n", quote(value)));
            }
        }
        if !card.tags.is_empty() {
            let tags: Vec<String> = card.tags.iter().map(|t| quote(t)).collect();
            out.push_str(&format!("tags = [{}]\n", tags.join(", ")));
        }
        if card.reverse {
            out.push_str("reverse = true\n");
        }
    }
    out
}

/// A TOML string literal: basic string with escapes, or a multi-line basic
/// string when the text has line breaks (easier to read and diff).
fn quote(text: &str) -> String {
    if text.contains('\n') {
        let mut body = String::new();
        for ch in text.chars() {
            match ch {
                '\\' => body.push_str("\\\\"),
                '"' => body.push_str("\\\""),
                '\n' => body.push('\n'),
                '\t' => body.push_str("\\t"),
                '\r' => body.push_str("\\r"),
                c if c.is_control() => body.push_str(&format!("\\u{:04X}", c as u32)),
                c => body.push(c),
            }
        }
        format!("\"\"\"\n{body}\"\"\"")
    } else {
        let mut body = String::from("\"");
        for ch in text.chars() {
            match ch {
                '\\' => body.push_str("\\\\"),
                '"' => body.push_str("\\\""),
                '\t' => body.push_str("\\t"),
                '\r' => body.push_str("\\r"),
                c if c.is_control() => body.push_str(&format!("\\u{:04X}", c as u32)),
                c => body.push(c),
            }
        }
        body.push('"');
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<DeckDraft> {
        parse(Path::new("deck.toml"), text)
    }

    const SAMPLE: &str = r#"name = "After a rejection"
description = "What to change"

[[cards]]
id = "pitch/why"
front = "Why sharpen your pitch?"
back = "Interviewers expect you to sell yourself."
tags = ["pitch"]
reverse = true

[[cards]]
id = "pitch/cloze"
cloze = "Interviewers expect you to {{c1::sell yourself}} and {{c2::be brief::how?}}."
extra = "From the pitch section."

[[cards]]
front = "No id here"
back = "Derived from the front"
"#;

    #[test]
    fn parses_basic_reverse_cloze_and_derived_ids() {
        let deck = parse_str(SAMPLE).unwrap();
        assert_eq!(deck.name, "After a rejection");
        let ids: Vec<&str> = deck.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "pitch/why",
                "pitch/why#r",
                "pitch/cloze#c1",
                "pitch/cloze#c2",
                "no-id-here"
            ]
        );
        assert_eq!(
            deck.cards[1].front,
            "Interviewers expect you to sell yourself."
        );
        assert_eq!(
            deck.cards[2].front,
            "Interviewers expect you to [...] and be brief."
        );
        assert_eq!(
            deck.cards[3].front,
            "Interviewers expect you to sell yourself and [how?]."
        );
        assert_eq!(
            deck.cards[3].back,
            "Interviewers expect you to sell yourself and be brief."
        );
        assert_eq!(deck.cards[3].extra, "From the pitch section.");
    }

    #[test]
    fn unknown_key_names_line() {
        let err =
            parse_str("name = \"d\"\n\n[[cards]]\nfront = \"a\"\nback = \"b\"\ncolour = \"red\"\n")
                .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("deck.toml:6:"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
    }

    #[test]
    fn malformed_toml_names_line_and_column() {
        let msg = parse_str("name = \"d\"\n[[cards]]\nfront = \"a\nback = \"b\"\n")
            .unwrap_err()
            .to_string();
        assert!(msg.starts_with("deck.toml:3:"), "{msg}");
    }

    #[test]
    fn missing_front_names_entry_line() {
        let msg = parse_str("name = \"d\"\n\n[[cards]]\nfront = \"a\"\nback = \"b\"\n\n[[cards]]\nback = \"only\"\n")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("no `front`"), "{msg}");
        assert!(
            msg.starts_with("deck.toml:7:") || msg.starts_with("deck.toml:8:"),
            "{msg}"
        );
    }

    #[test]
    fn empty_and_nameless_files_are_errors() {
        assert!(parse_str("").unwrap_err().to_string().contains("empty"));
        assert!(parse_str("  \n").unwrap_err().to_string().contains("empty"));
        assert!(
            parse_str("[[cards]]\nfront=\"a\"\nback=\"b\"\n")
                .unwrap_err()
                .to_string()
                .contains("name")
        );
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let msg = parse_str("name = \"d\"\n[[cards]]\nid = \"x\"\nfront = \"a\"\nback = \"b\"\n[[cards]]\nid = \"x\"\nfront = \"c\"\nback = \"d\"\n")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("already used"), "{msg}");
    }

    #[test]
    fn cloze_without_deletion_is_an_error() {
        let msg = parse_str("name = \"d\"\n[[cards]]\ncloze = \"nothing hidden\"\n")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("no deletion"), "{msg}");
    }

    #[test]
    fn write_then_parse_round_trips() {
        let deck = parse_str(SAMPLE).unwrap();
        let file = DeckFile {
            name: deck.name.clone(),
            description: deck.description.clone(),
            cards: entries_from_cards(&deck.cards),
        };
        let text = write(&file);
        let again = parse_str(&text).unwrap();
        assert_eq!(again, deck);
        assert_eq!(write(&file), text, "deterministic");
    }

    #[test]
    fn entries_are_found_outside_strings_only() {
        let text = "name = \"d\" # [[cards]] in a comment\n\n[[cards]]\nfront = \"\"\"\n[[cards]]\n\"\"\"\nback = 'it is'\n  [[cards]]  # second\nfront = \"a \\\" [[cards]]\"\nback = \"b\"\n";
        let split = split_entries(text).expect("plain file");
        assert_eq!(split.entries.len(), 2);
        let deck = parse_str(text).unwrap();
        assert_eq!(deck.cards[0].front, "[[cards]]");
        assert_eq!(deck.cards[1].front, "a \" [[cards]]");
    }

    #[test]
    fn unusual_files_are_parsed_whole() {
        // Another table, a multi-line array, cards in the head: all fall back.
        for text in [
            "name = \"d\"\n[meta]\nx = 1\n",
            "name = \"d\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\ntags = [\n[\"x\"]]\n",
            "name = \"d\"\ncards = [{ front = \"a\", back = \"b\" }]\n",
        ] {
            assert!(split_entries(text).is_none(), "{text}");
        }
        let deck = parse_str("name = \"d\"\ncards = [{ front = \"a\", back = \"b\" }]\n").unwrap();
        assert_eq!(deck.cards[0].back, "b");
        let msg = parse_str("name = \"d\"\n[meta]\nx = 1\n")
            .unwrap_err()
            .to_string();
        assert!(msg.starts_with("deck.toml:2:"), "{msg}");
    }

    #[test]
    fn errors_inside_an_entry_keep_their_line() {
        let text = "name = \"d\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\n\n[[cards]]\nfront = \"c\"\nback = 7\n";
        let msg = parse_str(text).unwrap_err().to_string();
        assert!(msg.starts_with("deck.toml:8:"), "{msg}");
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
        let text = write(&file);
        let deck = parse_str(&text).unwrap();
        assert_eq!(deck.name, file.name);
        assert_eq!(deck.description, file.description);
        assert_eq!(deck.cards[0].front, "a\u{7}bell");
        assert_eq!(deck.cards[0].back, "ends with quote\"");
    }
}
