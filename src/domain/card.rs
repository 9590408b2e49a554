//! Cards: the neutral record every source produces ([`CardDraft`], grouped in
//! a [`DeckDraft`]), the sink readers stream them into, and a card as the
//! collection holds it ([`Card`]: a draft plus where it stands).

use super::ids::CardId;
use super::state::Schedule;
use crate::error::Result;

/// How a card was made from its entry, kept so that `export` can rebuild the
/// entry (a basic card plus its reverse, or all cloze numbers of one text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CardKind {
    Basic,
    /// The back→front twin of the basic card whose entry id is `note`.
    Reverse,
    /// Cloze number `ord` of the cloze text `source`.
    Cloze {
        ord: u32,
        source: String,
    },
}

impl CardKind {
    /// The name stored in the collection's `cards.kind` column.
    pub fn name(&self) -> &'static str {
        match self {
            CardKind::Basic => "basic",
            CardKind::Reverse => "reverse",
            CardKind::Cloze { .. } => "cloze",
        }
    }
}

/// One card, ready to be stored: every source expands its entries (notes)
/// into these, one per reviewable side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardDraft {
    pub id: CardId,
    /// The id of the entry (note) the card came from; equal to `id` for a
    /// basic card.
    pub note: String,
    pub kind: CardKind,
    pub front: String,
    pub back: String,
    /// Extra text shown with the answer (cloze `extra`), empty when none.
    pub extra: String,
    pub tags: Vec<String>,
}

impl CardDraft {
    /// The basic card of entry `note`: its id is the entry's.
    pub fn basic(note: &str, front: &str, back: &str, tags: Vec<String>) -> CardDraft {
        CardDraft {
            id: CardId(note.to_string()),
            note: note.to_string(),
            kind: CardKind::Basic,
            front: front.to_string(),
            back: back.to_string(),
            extra: String::new(),
            tags,
        }
    }

    /// The back→front twin of basic entry `note` (`note#r`).
    pub fn reverse(note: &str, front: &str, back: &str, tags: Vec<String>) -> CardDraft {
        CardDraft {
            id: CardId::reverse_of(note),
            note: note.to_string(),
            kind: CardKind::Reverse,
            front: back.to_string(),
            back: front.to_string(),
            extra: String::new(),
            tags,
        }
    }

    /// Cloze number `ord` of cloze text `source` (`note#cN`); `front` is the
    /// text with that deletion hidden, `back` the text in full.
    pub fn cloze(note: &str, ord: u32, source: &str, front: String, back: String) -> CardDraft {
        CardDraft {
            id: CardId::cloze_of(note, ord),
            note: note.to_string(),
            kind: CardKind::Cloze {
                ord,
                source: source.to_string(),
            },
            front,
            back,
            extra: String::new(),
            tags: Vec::new(),
        }
    }

    pub fn with_extra(mut self, extra: String) -> CardDraft {
        self.extra = extra;
        self
    }

    pub fn with_tags(mut self, tags: Vec<String>) -> CardDraft {
        self.tags = tags;
        self
    }
}

/// One deck's worth of cards from one source file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeckDraft {
    pub name: String,
    pub description: String,
    pub cards: Vec<CardDraft>,
}

/// Where a reader puts decks and cards as it reads them: a [`DeckDraft`]
/// in memory, or the collection's import writer, so that a large file is
/// never held whole in memory.
pub trait CardSink {
    fn begin_deck(&mut self, name: &str, description: &str) -> Result<()>;
    fn card(&mut self, card: CardDraft) -> Result<()>;
}

impl CardSink for DeckDraft {
    fn begin_deck(&mut self, name: &str, description: &str) -> Result<()> {
        self.name = name.to_string();
        self.description = description.to_string();
        Ok(())
    }

    fn card(&mut self, card: CardDraft) -> Result<()> {
        self.cards.push(card);
        Ok(())
    }
}

/// Progress of a long read, driven by the CLI's progress bar. Readers call it
/// from time to time, never per row, so an implementation may be slowish.
pub trait Progress {
    fn set_total(&self, total: u64);
    fn set_done(&self, done: u64);
}

/// A [`Progress`] that shows nothing (tests, small files).
pub struct NoProgress;

impl Progress for NoProgress {
    fn set_total(&self, _total: u64) {}
    fn set_done(&self, _done: u64) {}
}

/// A card as the collection holds it: its content, its deck, its place in
/// the deck's file order and where it stands in its schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub row_id: i64,
    pub deck_id: i64,
    pub deck: String,
    pub draft: CardDraft,
    pub position: i64,
    pub schedule: Schedule,
    pub reviews: i64,
    pub lapses: i64,
    /// Never shown, due or new until unsuspended; schedule and history
    /// kept (docs/scheduling.md, "Suspended cards").
    pub suspended: bool,
}

impl Card {
    pub fn id(&self) -> &CardId {
        &self.draft.id
    }
}

/// The cards a session started now may show, per deck already limited.
#[derive(Debug, Default)]
pub struct DueCards {
    /// Learned cards due today or earlier, oldest due first (ties unordered).
    pub reviews: Vec<Card>,
    /// New cards, deck by deck in file order.
    pub new: Vec<Card>,
    /// New cards held back by the daily limit.
    pub new_held_back: i64,
}
