//! The counts kept beside the log so that `stats`, `decks` and a session's
//! limits never scan a million rows: answers per deck and UTC quarter hour
//! (`review_buckets`) and cards per deck by state (`deck_cards`: new,
//! young, mature, and suspended apart, whatever their schedule).
//!
//! Both are kept by the code that writes the log and the cards, in the same
//! transaction, with the domain's rules (pass mark, maturity) applied here
//! and nowhere else; `check` compares them with a recount from the log and
//! the cards, which binds the same constants. The benchmark that defends
//! them is `benches/stats.sh`: on 1M cards and 10M answers, `stats` takes
//! ~13 ms from the buckets where a scan of the log takes seconds, and
//! `decks` ~3 ms (docs/collection.md).

use rusqlite::{Transaction, named_params};

use crate::domain::{DayCounts, Maturity, PASS_QUALITY, Review, ReviewKind, Schedule};

/// The class `deck_cards` counts a card in: a suspended card is counted
/// apart (schema v7), the others by their maturity. The classes partition
/// a deck's cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    New,
    Young,
    Mature,
    Suspended,
}

impl Kept {
    pub fn of(schedule: Schedule, suspended: bool) -> Kept {
        Kept::from_maturity(schedule.maturity(), suspended)
    }

    pub fn from_maturity(maturity: Maturity, suspended: bool) -> Kept {
        match (suspended, maturity) {
            (true, _) => Kept::Suspended,
            (false, Maturity::New) => Kept::New,
            (false, Maturity::Young) => Kept::Young,
            (false, Maturity::Mature) => Kept::Mature,
        }
    }
}
use crate::error::Result;

/// Milliseconds in one bucket: a quarter hour. Every real UTC offset is a
/// whole number of them, so a bucket never straddles a local day.
pub const BUCKET_MS: i64 = 900_000;

/// The bucket an instant falls in.
pub fn bucket_of(at_ms: i64) -> i64 {
    at_ms.div_euclid(BUCKET_MS)
}

/// What one answer adds to its bucket.
pub fn counts_of(review: &Review) -> DayCounts {
    let known = review.kind == ReviewKind::Review && !review.was_new;
    let passed = review.quality >= PASS_QUALITY;
    DayCounts {
        answers: 1,
        passed: passed as i64,
        drills: (review.kind == ReviewKind::Drill) as i64,
        known: known as i64,
        known_passed: (known && passed) as i64,
    }
}

/// Adds (`sign` 1) or takes away (`sign` -1) one answer's counts.
pub(super) fn count_answer(tx: &Transaction<'_>, review: &Review, sign: i64) -> Result<()> {
    let c = counts_of(review);
    let bucket = bucket_of(review.answered_at_ms);
    let signed = DayCounts {
        answers: sign * c.answers,
        passed: sign * c.passed,
        drills: sign * c.drills,
        known: sign * c.known,
        known_passed: sign * c.known_passed,
    };
    add_to_bucket(tx, bucket, review.deck_id, signed)?;
    if sign < 0 {
        tx.prepare_cached(include_str!("sql/bucket_drop_empty.sql"))?
            .execute([bucket, review.deck_id])?;
    }
    Ok(())
}

/// Adds `counts` (negative to take away) to one deck's quarter-hour bucket.
pub(super) fn add_to_bucket(
    tx: &Transaction<'_>,
    bucket: i64,
    deck_id: i64,
    counts: DayCounts,
) -> Result<()> {
    tx.prepare_cached(include_str!("sql/bucket_add.sql"))?
        .execute(named_params! {
            ":bucket": bucket,
            ":deck_id": deck_id,
            ":answers": counts.answers,
            ":passed": counts.passed,
            ":drills": counts.drills,
            ":known": counts.known,
            ":known_passed": counts.known_passed,
        })?;
    Ok(())
}

/// Adds cards (negative to take away) to one deck's new / young / mature /
/// suspended counts.
pub(super) fn add_to_states(
    tx: &Transaction<'_>,
    deck_id: i64,
    [new, young, mature, suspended]: [i64; 4],
) -> Result<()> {
    tx.prepare_cached(include_str!("sql/deck_cards_move.sql"))?
        .execute(named_params! {
            ":deck_id": deck_id,
            ":new": new,
            ":young": young,
            ":mature": mature,
            ":suspended": suspended,
        })?;
    Ok(())
}

/// Moves `cards` cards of a deck from class `from` to class `to` (`None`:
/// a card added or removed).
pub(super) fn move_cards(
    tx: &Transaction<'_>,
    deck_id: i64,
    from: Option<Kept>,
    to: Option<Kept>,
    cards: i64,
) -> Result<()> {
    if from == to || cards == 0 {
        return Ok(());
    }
    let delta = |k: Kept| cards * ((to == Some(k)) as i64 - (from == Some(k)) as i64);
    add_to_states(
        tx,
        deck_id,
        [
            delta(Kept::New),
            delta(Kept::Young),
            delta(Kept::Mature),
            delta(Kept::Suspended),
        ],
    )
}

/// A card moved from one class to another (a new schedule, or suspended).
pub(super) fn card_moved(tx: &Transaction<'_>, deck_id: i64, from: Kept, to: Kept) -> Result<()> {
    move_cards(tx, deck_id, Some(from), Some(to), 1)
}
