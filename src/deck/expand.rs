//! Entries become cards here and nowhere else: one basic card per entry,
//! its `#r` twin when `reverse = true`, one `#cN` card per cloze number.
//! TOML decks and CSV rows both come through [`expand`]; [`Expander`] adds
//! what spans entries in a deck file (one id per entry) and hands the cards
//! to a sink.

use std::path::Path;

use toml::Spanned;

use super::CardEntry;
use crate::domain::cloze;
use crate::domain::{CardDraft, CardSink, IdMaker};
use crate::error::{Error, Result};

/// The most cloze numbers one note may have. Each number is a card showing
/// the whole note, so a note's cards cost its length times their count: a
/// cap keeps one note from costing gigabytes (see docs/deck-format.md). No
/// hand-written note comes near it.
pub use crate::error::{EntryError, MAX_CLOZE_DELETIONS};

/// Expands one entry into its cards (basic, reverse, one per cloze number).
pub fn expand(
    entry: &CardEntry,
    ids: &mut IdMaker,
    out: &mut Vec<CardDraft>,
) -> Result<(), EntryError> {
    let tags = tags(entry)?;
    if let Some(id) = &entry.id {
        if id.trim().is_empty() {
            return Err(EntryError::EmptyId);
        }
        if id.contains('#') {
            return Err(EntryError::IdWithHash(id.clone()));
        }
    }
    match (&entry.front, &entry.back, &entry.cloze) {
        (_, _, Some(text)) => expand_cloze(entry, text, tags, ids, out),
        (Some(front), Some(back), None) => expand_basic(entry, front, back, tags, ids, out),
        (None, _, None) => Err(EntryError::NoFront),
        (Some(_), None, None) => Err(EntryError::NoBack),
    }
}

/// The entry's tags, trimmed, empty ones dropped.
fn tags(entry: &CardEntry) -> Result<Vec<String>, EntryError> {
    let tags: Vec<String> = entry
        .tags
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    match tags.iter().find(|t| t.contains(char::is_whitespace)) {
        Some(tag) => Err(EntryError::TagWithSpace(tag.clone())),
        None => Ok(tags),
    }
}

/// The entry's id as written, or one derived from `front`.
fn note_id(entry: &CardEntry, ids: &mut IdMaker, front: &str) -> String {
    match &entry.id {
        Some(id) => id.trim().to_string(),
        None => ids.from_front(front),
    }
}

fn expand_cloze(
    entry: &CardEntry,
    text: &str,
    tags: Vec<String>,
    ids: &mut IdMaker,
    out: &mut Vec<CardDraft>,
) -> Result<(), EntryError> {
    if entry.front.is_some() || entry.back.is_some() {
        return Err(EntryError::ClozeAndSides);
    }
    if entry.reverse {
        return Err(EntryError::ReverseCloze);
    }
    let numbers = cloze::numbers(text)?;
    if numbers.is_empty() {
        return Err(EntryError::NoDeletion);
    }
    if numbers.len() > MAX_CLOZE_DELETIONS {
        return Err(EntryError::TooManyDeletions {
            count: numbers.len(),
        });
    }
    let back = cloze::plain(text);
    let note = note_id(entry, ids, &back);
    let source = text.trim();
    let extra = entry.extra.as_deref().unwrap_or("").trim();
    for ord in numbers {
        out.push(
            CardDraft::cloze(&note, ord, source, cloze::front(text, ord), back.clone())
                .with_extra(extra.to_string())
                .with_tags(tags.clone()),
        );
    }
    Ok(())
}

fn expand_basic(
    entry: &CardEntry,
    front: &str,
    back: &str,
    tags: Vec<String>,
    ids: &mut IdMaker,
    out: &mut Vec<CardDraft>,
) -> Result<(), EntryError> {
    let (front, back) = (front.trim(), back.trim());
    if front.is_empty() {
        return Err(EntryError::EmptyFront);
    }
    if back.is_empty() {
        return Err(EntryError::EmptyBack);
    }
    if entry.extra.is_some() {
        return Err(EntryError::ExtraOnBasic);
    }
    let note = note_id(entry, ids, front);
    if entry.reverse {
        out.push(CardDraft::basic(&note, front, back, tags.clone()));
        out.push(CardDraft::reverse(&note, front, back, tags));
    } else {
        out.push(CardDraft::basic(&note, front, back, tags));
    }
    Ok(())
}

/// Turns a deck file's entries into cards for a sink, checking what spans
/// entries: one id per entry.
pub(super) struct Expander<'a> {
    path: &'a Path,
    text: &'a str,
    ids: IdMaker,
    /// The offset of the entry that gave each entry id.
    seen: foldhash::HashMap<String, usize>,
    /// The cards of the entry at hand.
    cards: Vec<CardDraft>,
    sink: &'a mut dyn CardSink,
}

impl<'a> Expander<'a> {
    pub(super) fn new(path: &'a Path, text: &'a str, sink: &'a mut dyn CardSink) -> Self {
        Expander {
            path,
            text,
            ids: IdMaker::new(),
            seen: foldhash::HashMap::default(),
            cards: Vec::new(),
            sink,
        }
    }

    /// Starts the deck: `rename` (`import --deck`) wins over the file's name.
    pub(super) fn begin(
        &mut self,
        name: &Spanned<String>,
        description: &str,
        rename: Option<&str>,
    ) -> Result<()> {
        let trimmed = name.get_ref().trim();
        if trimmed.is_empty() {
            let at = name.span().start;
            return Err(Error::at_offset(
                self.path,
                self.text,
                at,
                "`name` is empty",
            ));
        }
        self.sink
            .begin_deck(rename.unwrap_or(trimmed), description.trim())
    }

    /// Expands the entry at offset `at` and hands its cards on.
    pub(super) fn entry(&mut self, at: usize, entry: &CardEntry) -> Result<()> {
        let (path, text) = (self.path, self.text);
        self.cards.clear();
        expand(entry, &mut self.ids, &mut self.cards)
            .map_err(|e| Error::at_offset(path, text, at, e.to_string()))?;
        // One id per entry: two entries sharing an id (say clozes `x#c1`
        // and `x#c2` written as two entries) would merge into one on export
        // and lose a card. Distinct entry ids also make card ids distinct.
        let Some(card) = self.cards.first() else {
            return Ok(());
        };
        if let Some(first) = self.seen.insert(card.note.clone(), at) {
            let (line, _) = crate::error::line_column(text, first);
            let message = format!(
                "id `{}` is already used by the entry at line {line}",
                card.note
            );
            return Err(Error::at_offset(path, text, at, message));
        }
        self.cards
            .drain(..)
            .try_for_each(|card| self.sink.card(card))
    }
}
