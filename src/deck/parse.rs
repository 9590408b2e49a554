//! Reading a deck file: TOML text → the deck's name, then each `[[cards]]`
//! entry in file order, handed to the [`Expander`]. Every error keeps its
//! `file:line:column`.
//!
//! A plainly written file is cut at its `[[cards]]` lines (outside strings
//! and comments) and each entry is parsed on its own with the `toml` crate,
//! so a 100,000-card deck is never one in-memory TOML document. Anything
//! unusual — another table, a line starting with `[` such as a multi-line
//! array, `cards` in the head — is parsed whole by the `toml` crate
//! (`DeTable`, borrowed and located values), which is always correct.
//!
//! The splitter is kept because `benches/deck.sh` defends it: importing its
//! 100,000-card deck into a fresh collection (10 runs, one run of the
//! script, a busy 2-core machine) took a median of 1627 ms and 67 MiB peak
//! with it, against 2804 ms and 320 MiB parsing the whole file with
//! `DeTable` and deserializing the entries one by one.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::CardEntry;
use super::expand::Expander;
use super::split;
use crate::domain::{CardSink, DeckDraft, NoProgress, Progress};
use crate::error::{Error, Result};

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

/// The top of a deck file: everything but its `[[cards]]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Head {
    name: Spanned<String>,
    #[serde(default)]
    description: String,
}

fn parse_into(
    path: &Path,
    text: &str,
    rename: Option<&str>,
    progress: &dyn Progress,
    sink: &mut dyn CardSink,
) -> Result<()> {
    if text.trim().is_empty() {
        let message = "the file is empty: a deck needs at least `name = \"…\"`";
        return Err(Error::file(path, message));
    }
    progress.set_total(text.len() as u64);
    let mut out = Expander::new(path, text, sink);
    match split::split_entries(text) {
        Some(split) => {
            let head: Head = toml::from_str(&text[..split.head_end])
                .map_err(|e| syntax_error(path, text, 0, e))?;
            out.begin(&head.name, &head.description, rename)?;
            for (n, entry) in split.entries.iter().enumerate() {
                let body = &text[entry.body..entry.end];
                let card: CardEntry =
                    toml::from_str(body).map_err(|e| syntax_error(path, text, entry.body, e))?;
                out.entry(entry.header, &card)?;
                if n % PROGRESS_EVERY_ENTRIES == 0 {
                    progress.set_done(entry.end as u64);
                }
            }
        }
        None => parse_whole(path, text, rename, progress, &mut out)?,
    }
    progress.set_done(text.len() as u64);
    Ok(())
}

/// A `toml` error in the part of `text` that starts at `offset`.
fn syntax_error(path: &Path, text: &str, offset: usize, e: toml::de::Error) -> Error {
    let at = offset + e.span().map_or(0, |s| s.start);
    Error::at_offset(path, text, at, first_line(e.message()))
}

/// Parses an unusually written file whole, then expands its entries one by
/// one, each dropped once expanded.
fn parse_whole(
    path: &Path,
    text: &str,
    rename: Option<&str>,
    progress: &dyn Progress,
    out: &mut Expander<'_>,
) -> Result<()> {
    let syntax = |e| syntax_error(path, text, 0, e);
    let mut root = DeTable::parse(text).map_err(syntax)?;
    let cards = root.get_mut().remove("cards");
    let head = Head::deserialize(toml::de::Deserializer::from(root)).map_err(syntax)?;
    out.begin(&head.name, &head.description, rename)?;
    let Some(cards) = cards else {
        return Ok(());
    };
    for (n, entry) in entries(path, text, cards)?.enumerate() {
        let at = entry.span();
        let card = CardEntry::deserialize(ValueDeserializer::from(entry)).map_err(syntax)?;
        out.entry(at.start, &card)?;
        if n % PROGRESS_EVERY_ENTRIES == 0 {
            progress.set_done(at.end as u64);
        }
    }
    Ok(())
}

/// The values of `cards`, which must be an array (of tables, each checked
/// as it is deserialized).
fn entries<'i>(
    path: &Path,
    text: &str,
    cards: Spanned<DeValue<'i>>,
) -> Result<impl Iterator<Item = Spanned<DeValue<'i>>>> {
    let at = cards.span().start;
    match cards.into_inner() {
        DeValue::Array(items) => Ok(items.into_iter()),
        other => Err(Error::at_offset(
            path,
            text,
            at,
            format!(
                "`cards` is {}, not a list of cards: write each card under `[[cards]]`",
                other.type_str()
            ),
        )),
    }
}

fn first_line(message: &str) -> String {
    message
        .lines()
        .next()
        .unwrap_or("invalid TOML")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<DeckDraft> {
        parse(Path::new("deck.toml"), text)
    }

    fn error_of(text: &str) -> String {
        parse_str(text).unwrap_err().to_string()
    }

    /// `text` parsed whole, as an unusual file is, without the splitter.
    fn parse_unsplit(text: &str) -> Result<DeckDraft> {
        let path = Path::new("deck.toml");
        let mut draft = DeckDraft::default();
        let mut out = Expander::new(path, text, &mut draft);
        parse_whole(path, text, None, &NoProgress, &mut out)?;
        Ok(draft)
    }

    /// The splitter is only a faster way: both ways give the same deck, or
    /// the same error at the same place.
    #[test]
    fn split_and_whole_parsing_agree() {
        let entry = "\n[[cards]]\nid = \"b\"\nfront = \"f\"\nback = \"b\"\n";
        for text in [
            SAMPLE.to_string(),
            format!("{SAMPLE}{entry}{entry}"),
            format!("{SAMPLE}\n[[cards]]\nfront = \"a\"\nback = 7\n"),
            format!("{SAMPLE}\n[[cards]]\nfront = \"a\"\nback = \"b\"\ncolour = 1\n"),
            format!("{SAMPLE}\n[[cards]]\nfront = \"\"\nback = \"b\"\n"),
            "name = \"\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\n".to_string(),
            "name = \"d\"\ncolour = 1\n[[cards]]\nfront = \"a\"\nback = \"b\"\n".to_string(),
        ] {
            assert!(split::split_entries(&text).is_some(), "{text}");
            let split = parse_str(&text).map_err(|e| e.to_string());
            let whole = parse_unsplit(&text).map_err(|e| e.to_string());
            assert_eq!(split, whole, "{text}");
        }
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
        let msg =
            error_of("name = \"d\"\n\n[[cards]]\nfront = \"a\"\nback = \"b\"\ncolour = \"red\"\n");
        assert!(msg.starts_with("deck.toml:6:"), "{msg}");
        assert!(msg.contains("colour"), "{msg}");
    }

    #[test]
    fn malformed_toml_names_line_and_column() {
        let msg = error_of("name = \"d\"\n[[cards]]\nfront = \"a\nback = \"b\"\n");
        assert!(msg.starts_with("deck.toml:3:"), "{msg}");
    }

    #[test]
    fn missing_front_names_entry_line() {
        let msg = error_of(
            "name = \"d\"\n\n[[cards]]\nfront = \"a\"\nback = \"b\"\n\n[[cards]]\nback = \"only\"\n",
        );
        assert!(msg.contains("no `front`"), "{msg}");
        assert!(
            msg.starts_with("deck.toml:7:") || msg.starts_with("deck.toml:8:"),
            "{msg}"
        );
    }

    #[test]
    fn empty_and_nameless_files_are_errors() {
        assert!(error_of("").contains("empty"));
        assert!(error_of("  \n").contains("empty"));
        assert!(error_of("[[cards]]\nfront=\"a\"\nback=\"b\"\n").contains("name"));
        let msg = error_of("name = \" \"\n");
        assert_eq!(msg, "deck.toml:1:8: `name` is empty");
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let msg = error_of(
            "name = \"d\"\n[[cards]]\nid = \"x\"\nfront = \"a\"\nback = \"b\"\n[[cards]]\nid = \"x\"\nfront = \"c\"\nback = \"d\"\n",
        );
        assert!(msg.contains("already used by the entry at line 2"), "{msg}");
    }

    #[test]
    fn cloze_without_deletion_is_an_error() {
        let msg = error_of("name = \"d\"\n[[cards]]\ncloze = \"nothing hidden\"\n");
        assert!(msg.contains("no deletion"), "{msg}");
    }

    #[test]
    fn table_headers_inside_strings_and_comments_are_text() {
        let text = "name = \"d\" # [[cards]] in a comment\n\n[[cards]]\nfront = \"\"\"\n[[cards]]\n\"\"\"\nback = 'it is'\n  [[cards]]  # second\nfront = \"a \\\" [[cards]]\"\nback = \"b\"\n";
        let deck = parse_str(text).unwrap();
        assert_eq!(deck.cards.len(), 2);
        assert_eq!(deck.cards[0].front, "[[cards]]");
        assert_eq!(deck.cards[1].front, "a \" [[cards]]");
    }

    #[test]
    fn unusual_layouts_parse_or_name_their_line() {
        let deck = parse_str("name = \"d\"\ncards = [{ front = \"a\", back = \"b\" }]\n").unwrap();
        assert_eq!(deck.cards[0].back, "b");
        let text = "name = \"d\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\ntags = [\n\"x\"]\n";
        assert_eq!(parse_str(text).unwrap().cards[0].tags, ["x"]);
        let msg = error_of("name = \"d\"\n[meta]\nx = 1\n");
        assert!(msg.starts_with("deck.toml:2:"), "{msg}");
        assert!(msg.contains("meta"), "{msg}");
        let msg = error_of("name = \"d\"\ncards = 3\n");
        assert!(msg.starts_with("deck.toml:2:"), "{msg}");
        assert!(msg.contains("not a list of cards"), "{msg}");
    }

    #[test]
    fn errors_inside_an_entry_keep_their_line() {
        let text = "name = \"d\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\n\n[[cards]]\nfront = \"c\"\nback = 7\n";
        let msg = error_of(text);
        assert!(msg.starts_with("deck.toml:8:"), "{msg}");
    }
}
