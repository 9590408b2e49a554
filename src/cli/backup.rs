//! The full backup of `export --format json` (docs/json-output.md): every
//! deck with its cards and cloze notes, the whole review log with every
//! stored column, the settings and the interview dates, so that `import`
//! can restore the collection from it exactly (docs/collection.md).

use std::collections::BTreeMap;

use serde::Serialize;

use super::render::{CardJson, ReviewJson};
use crate::domain::backup::ReviewSync;
use crate::error::Result;
use crate::import::CardKind;
use crate::storage::{Card, Collection, Review};

/// The version written; `import` reads 1 and 2.
pub const BACKUP_VERSION: u32 = 2;

#[derive(Serialize)]
pub struct BackupJson {
    version: u32,
    decks: Vec<DeckJson>,
    reviews: Vec<LoggedJson>,
    config: BTreeMap<String, String>,
    interviews: Vec<InterviewJson>,
}

#[derive(Serialize)]
struct DeckJson {
    name: String,
    description: String,
    cards: Vec<BackupCardJson>,
    cloze_notes: Vec<ClozeNoteJson>,
}

/// A CARD with what only a restore needs: its entry and its place.
#[derive(Serialize)]
struct BackupCardJson {
    #[serde(flatten)]
    card: CardJson,
    note: String,
    position: i64,
}

/// The text of a cloze note, stored once however many cards it makes.
#[derive(Serialize)]
struct ClozeNoteJson {
    note: String,
    text: String,
}

/// A REVIEW with the columns the text views leave out.
#[derive(Serialize)]
struct LoggedJson {
    #[serde(flatten)]
    review: ReviewJson,
    at_ms: i64,
    repetition: u32,
    was_new: bool,
    /// The sync identity (docs/sync.md); each left out when not set.
    #[serde(skip_serializing_if = "Option::is_none")]
    device: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seq: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sort_ms: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fuzz: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    interview_day: Option<String>,
}

#[derive(Serialize)]
struct InterviewJson {
    deck: String,
    date: String,
}

/// The backup of `decks` (all of them, or the one of `--deck`, whose id is
/// `deck_id`): their answers, and the settings.
pub fn document(
    collection: &Collection,
    deck_id: Option<i64>,
    decks: &[(String, Vec<Card>)],
) -> Result<BackupJson> {
    let decks = decks
        .iter()
        .map(|(name, cards)| {
            Ok(DeckJson {
                name: name.clone(),
                description: collection.deck_description(name)?,
                cards: cards.iter().map(card).collect(),
                cloze_notes: cloze_notes(cards),
            })
        })
        .collect::<Result<_>>()?;
    let interviews = collection
        .interviews()?
        .into_iter()
        .filter(|i| deck_id.is_none_or(|id| id == i.deck_id))
        .map(|i| InterviewJson {
            deck: i.deck,
            date: i.day.to_string(),
        })
        .collect();
    Ok(BackupJson {
        version: BACKUP_VERSION,
        decks,
        reviews: collection
            .reviews(deck_id)?
            .iter()
            .zip(collection.reviews_sync(deck_id)?)
            .map(|(review, sync)| logged(review, sync))
            .collect(),
        config: collection.stored_settings()?.into_iter().collect(),
        interviews,
    })
}

fn card(card: &Card) -> BackupCardJson {
    BackupCardJson {
        card: CardJson::new(card),
        note: card.draft.note.clone(),
        position: card.position,
    }
}

fn logged(review: &Review, sync: ReviewSync) -> LoggedJson {
    LoggedJson {
        device: sync.device,
        seq: sync.seq,
        sort_ms: sync.sort_ms,
        day: sync.day.map(|d| d.to_string()),
        fuzz: sync.fuzz,
        interview_day: sync.interview_day.map(|d| d.to_string()),
        review: ReviewJson::new(review),
        at_ms: review.answered_at_ms,
        repetition: review.sm2.repetition,
        was_new: review.was_new,
    }
}

/// Each cloze note's text once, in the order of its first card.
fn cloze_notes(cards: &[Card]) -> Vec<ClozeNoteJson> {
    let mut seen = std::collections::HashSet::new();
    cards
        .iter()
        .filter_map(|c| match &c.draft.kind {
            CardKind::Cloze { source, .. }
                if !source.is_empty() && seen.insert(c.draft.note.as_str()) =>
            {
                Some(ClozeNoteJson {
                    note: c.draft.note.clone(),
                    text: source.clone(),
                })
            }
            _ => None,
        })
        .collect()
}
