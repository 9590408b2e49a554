//! Restoring a backup (`export --format json`) into an empty collection,
//! in one transaction, after a copy of the collection as it was
//! (docs/collection.md, "Restoring a backup"). Every stored column comes
//! back: cards with their schedules and counts, cloze notes, the review
//! log with its ids, the settings and the interview dates; the counts
//! kept for `stats` are made from them as every write makes them.

use rusqlite::{ToSql, Transaction, named_params, params};

use super::Collection;
use super::counts::{self, Kept};
use super::reviews::answer_params;
use super::types::Day;
use crate::domain::backup::{Backup, BackupDeck, ReviewSync};
use crate::domain::cloze;
use crate::domain::{Card, CardKind, PASS_QUALITY, Review, ReviewKind};
use crate::error::{Error, Result};
use crate::settings::{KEYS, Settings};

/// What a restore wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Restored {
    pub decks: usize,
    pub cards: usize,
    pub answers: usize,
}

impl Collection {
    /// The sync columns of the log (or of one deck's answers), in the
    /// order of [`Collection::reviews`].
    pub fn reviews_sync(&self, deck_id: Option<i64>) -> Result<Vec<ReviewSync>> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/reviews_sync_all.sql"))?;
        let rows = stmt
            .query_map([deck_id], |r| {
                Ok(ReviewSync {
                    device: r.get("device")?,
                    seq: r.get("seq")?,
                    sort_ms: r.get("sort_ms")?,
                    day: r.get::<_, Option<Day>>("day")?.map(|d| d.0),
                    fuzz: r.get("fuzz")?,
                    interview_day: r.get::<_, Option<Day>>("interview_day")?.map(|d| d.0),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The settings as stored, key and text, by key.
    pub fn stored_settings(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/config_all.sql"))?;
        let mut rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
        rows.sort();
        Ok(rows)
    }

    /// Restores `backup` into this collection, which must hold no deck and
    /// no answer (settings alone are replaced by the backup's). A copy of
    /// the collection is kept first ([`Collection::backup_before`]); then
    /// everything is written in one transaction, so a bad backup changes
    /// nothing.
    pub fn restore(&mut self, backup: &Backup) -> Result<Restored> {
        let (decks, answers): (i64, i64) =
            self.conn
                .query_row(include_str!("sql/collection_contents.sql"), [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        if decks > 0 || answers > 0 {
            return Err(Error::Collection {
                path: self.path.clone(),
                message: format!(
                    "is not empty ({decks} deck{}, {answers} answer{}): a backup is restored only into an empty collection; give a new file with --db to restore it there (docs/collection.md)",
                    plural(decks),
                    plural(answers)
                ),
            });
        }
        self.backup_before("restore")?;
        let tx = self.write()?;
        write_settings(&tx, &backup.config)?;
        let mut deck_ids = foldhash::HashMap::default();
        let mut restored = Restored::default();
        for deck in &backup.decks {
            let id = write_deck(&tx, deck)?;
            if deck_ids.insert(deck.name.as_str(), id).is_some() {
                return Err(Error::DeckTwiceInFile {
                    deck: deck.name.clone(),
                });
            }
            restored.decks += 1;
            restored.cards += deck.cards.len();
        }
        let deck_of = |name: &str| {
            deck_ids
                .get(name)
                .copied()
                .ok_or_else(|| Error::UnknownDeck {
                    name: name.to_string(),
                    hint: " (an answer names it, but the backup has no such deck)".into(),
                })
        };
        let mut log = backup.reviews.clone();
        if !backup.log_is_complete {
            derive_log_columns(&mut log);
        }
        // Row numbers are local (another machine numbers its copy of the
        // log its own way, docs/sync.md): the restore numbers them in order.
        for (i, review) in log.iter_mut().enumerate() {
            review.id = i as i64 + 1;
        }
        let mut sort_ms = i64::MIN;
        for (i, review) in log.iter().enumerate() {
            let mut sync = backup.sync.get(i).cloned().unwrap_or_default();
            // A backup from before schema v8: the sort key is the latest
            // answer time so far, as the v8 upgrade gives (v8.sql).
            sort_ms = sync.sort_ms.unwrap_or(sort_ms.max(review.answered_at_ms));
            sync.sort_ms = Some(sort_ms);
            write_review(&tx, deck_of(&review.deck)?, review, &sync)?;
        }
        restored.answers = log.len();
        for (deck, day) in &backup.interviews {
            tx.prepare_cached(include_str!("sql/interview_set.sql"))?
                .execute(params![deck_of(deck)?, Day(*day)])?;
        }
        tx.commit()?;
        Ok(restored)
    }
}

/// Stores the backup's settings; a known one must hold a value it takes,
/// one this version does not know is kept as it is (a newer rehearse's).
fn write_settings(tx: &Transaction<'_>, config: &[(String, String)]) -> Result<()> {
    let mut settings = Settings::default();
    for (key, value) in config {
        if KEYS.contains(&key.as_str()) {
            settings.set(key, value)?;
        }
        tx.prepare_cached(include_str!("sql/config_set.sql"))?
            .execute(params![key, value])?;
    }
    Ok(())
}

/// Writes one deck, its cloze notes and its cards; returns its id.
fn write_deck(tx: &Transaction<'_>, deck: &BackupDeck) -> Result<i64> {
    tx.prepare_cached(include_str!("sql/deck_insert.sql"))?
        .execute(params![deck.name, deck.description])
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Error::DeckTwiceInFile {
                    deck: deck.name.clone(),
                }
            }
            other => Error::Sqlite(other),
        })?;
    let deck_id = tx.last_insert_rowid();
    let mut states = [0i64; 4];
    for card in &deck.cards {
        write_card(tx, deck_id, card)?;
        states[match Kept::of(card.schedule, card.suspended) {
            Kept::New => 0,
            Kept::Young => 1,
            Kept::Mature => 2,
            Kept::Suspended => 3,
        }] += 1;
    }
    counts::add_to_states(tx, deck_id, states)?;
    Ok(deck_id)
}

/// Writes one card with its schedule. A cloze card's note text is stored
/// once; the card keeps sides of its own only when they differ from what
/// the note gives (a card gone from its note's text: storage/import.rs).
fn write_card(tx: &Transaction<'_>, deck_id: i64, card: &Card) -> Result<()> {
    let draft = &card.draft;
    let (kind, ord, front, back) = match &draft.kind {
        CardKind::Cloze { ord, source } => {
            if !source.is_empty() {
                tx.prepare_cached(include_str!("sql/cloze_note_upsert.sql"))?
                    .execute(params![deck_id, draft.note, source])?;
            }
            let rendered = (cloze::front(source, *ord), cloze::plain(source));
            let kept = !source.is_empty() && rendered == (draft.front.clone(), draft.back.clone());
            let (front, back) = if kept {
                ("", "")
            } else {
                (draft.front.as_str(), draft.back.as_str())
            };
            ("cloze", Some(*ord), front, back)
        }
        other => (
            other.name(),
            None,
            draft.front.as_str(),
            draft.back.as_str(),
        ),
    };
    let sm2 = card.schedule.sm2();
    tx.prepare_cached(include_str!("sql/restore_card_insert.sql"))?
        .execute(named_params! {
            ":deck_id": deck_id,
            ":key": draft.id,
            ":note": draft.note,
            ":kind": kind,
            ":cloze_ord": ord,
            ":front": front,
            ":back": back,
            ":extra": draft.extra,
            ":tags": draft.tags.join(" "),
            ":position": card.position,
            ":repetition": sm2.repetition,
            ":ease": sm2.ease,
            ":interval_days": sm2.interval_days,
            ":due_day": card.schedule.due().map(Day),
            ":reviews": card.reviews,
            ":lapses": card.lapses,
            ":suspended": card.suspended,
        })
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Error::DuplicateCardId {
                    deck: card.deck.clone(),
                    id: draft.id.to_string(),
                }
            }
            other => Error::Sqlite(other),
        })?;
    Ok(())
}

/// Writes one answer with the id it had, and counts it for `stats`.
fn write_review(
    tx: &Transaction<'_>,
    deck_id: i64,
    review: &Review,
    sync: &ReviewSync,
) -> Result<()> {
    let review = Review {
        deck_id,
        ..review.clone()
    };
    let due = Day(review.due);
    let (day, interview_day) = (sync.day.map(Day), sync.interview_day.map(Day));
    let mut params = answer_params(&review, &due);
    params.extend([
        (":id", &review.id as &dyn ToSql),
        (":device", &sync.device),
        (":seq", &sync.seq),
        (":sort_ms", &sync.sort_ms),
        (":day", &day),
        (":fuzz", &sync.fuzz),
        (":interview_day", &interview_day),
    ]);
    tx.prepare_cached(include_str!("sql/restore_review_insert.sql"))?
        .execute(params.as_slice())?;
    counts::count_answer(tx, &review, 1)
}

/// The columns a version 1 backup lacks, from the log's order: an answer
/// was the card's first when it is a scheduled answer
/// and no scheduled answer of the card came before; SM-2's repetition
/// goes up by one on a pass and back to 0 on a failure, and a drill
/// repeats the card's (docs/scheduling.md).
fn derive_log_columns(log: &mut [Review]) {
    let mut repetition: foldhash::HashMap<(String, String), u32> = Default::default();
    for review in log.iter_mut() {
        let key = (review.deck.clone(), review.card.clone());
        let before = repetition.get(&key).copied();
        let after = match review.kind {
            ReviewKind::Drill => before.unwrap_or(0),
            ReviewKind::Review if review.quality >= PASS_QUALITY => before.unwrap_or(0) + 1,
            ReviewKind::Review => 0,
        };
        review.was_new = review.kind == ReviewKind::Review && before.is_none();
        review.sm2.repetition = after;
        if review.kind == ReviewKind::Review {
            repetition.insert(key, after);
        }
    }
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}
