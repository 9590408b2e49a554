//! The review log: recording an answer (one transaction each), taking one
//! back, and reading a card's history. What an answer does is decided by the
//! pure [`scheduler::answer`]; this file only loads the card and writes the
//! outcome, and undo restores the card by [`scheduler::replay`] of the log
//! that remains.

use rusqlite::{OptionalExtension, Row, ToSql, Transaction, named_params, params};

use super::Collection;
use super::cards::card_from_row;
use super::counts::{self, Kept};
use super::types::Day;
use crate::clock::Clock;
use crate::domain::{Answer, Card, Review, Schedule, Sm2};
use crate::error::{Error, Result};
use crate::scheduler::{self, Context, FuzzKey, Outcome};
use crate::settings::Settings;
use crate::sync::event::ChangeKind;

use super::sync::record::{self, AnswerContext};

/// What `undo` took back, and the card as it is now (if it still exists).
#[derive(Debug, Clone)]
pub struct Undone {
    pub review: Review,
    pub card: Option<Card>,
}

/// The one mapper of a `reviews` row (the queries in `sql/review*.sql`).
pub(super) fn review_from_row(row: &Row<'_>) -> rusqlite::Result<Review> {
    Ok(Review {
        id: row.get("id")?,
        deck_id: row.get("deck_id")?,
        deck: row.get("deck")?,
        card: row.get("card_key")?,
        answered_at_ms: row.get("answered_at_ms")?,
        quality: row.get("quality")?,
        grade: row.get("grade")?,
        kind: row.get("kind")?,
        was_new: row.get("was_new")?,
        sm2: Sm2 {
            repetition: row.get("repetition")?,
            ease: row.get("ease")?,
            interval_days: row.get("interval_days")?,
        },
        due: row.get::<_, Day>("due_day")?.0,
        capped: row.get("due_capped")?,
        origin: row.get("origin")?,
    })
}

pub(super) fn load_card(tx: &Transaction<'_>, row_id: i64) -> Result<Option<Card>> {
    let mut stmt = tx.prepare_cached(include_str!("sql/card_by_row.sql"))?;
    Ok(stmt.query_row([row_id], card_from_row).optional()?)
}

/// A card's log, oldest first, inside a transaction.
fn history_in(tx: &Transaction<'_>, deck_id: i64, key: &str) -> Result<Vec<Review>> {
    let mut stmt = tx.prepare_cached(include_str!("sql/reviews_of_card.sql"))?;
    let rows = stmt
        .query_map(params![deck_id, key], review_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Where a card is moved to: its schedule and answer counts.
#[derive(Debug, Clone, Copy)]
pub(super) struct CardState {
    pub schedule: Schedule,
    pub reviews: i64,
    pub lapses: i64,
}

/// Writes a card's schedule and counts, moving it between the per-deck
/// state counts when its maturity changes.
pub(super) fn set_card_state(tx: &Transaction<'_>, card: &Card, state: CardState) -> Result<()> {
    counts::card_moved(
        tx,
        card.deck_id,
        Kept::of(card.schedule, card.suspended),
        Kept::of(state.schedule, card.suspended),
    )?;
    let CardState {
        schedule,
        reviews,
        lapses,
    } = state;
    let row_id = card.row_id;
    let sm2 = schedule.sm2();
    tx.prepare_cached(include_str!("sql/card_set_state.sql"))?
        .execute(named_params! {
            ":id": row_id,
            ":repetition": sm2.repetition,
            ":ease": sm2.ease,
            ":interval_days": sm2.interval_days,
            ":due_day": schedule.due().map(Day),
            ":reviews": reviews,
            ":lapses": lapses,
        })?;
    Ok(())
}

/// Sets a card's state, review and lapse counts from the replay of its log;
/// returns the card as it is now.
pub(super) fn restore_from_log(tx: &Transaction<'_>, row_id: i64) -> Result<Option<Card>> {
    let Some(card) = load_card(tx, row_id)? else {
        return Ok(None);
    };
    let replayed = scheduler::replay(&history_in(tx, card.deck_id, card.id().as_str())?);
    set_card_state(
        tx,
        &card,
        CardState {
            schedule: replayed.schedule,
            reviews: replayed.reviews,
            lapses: replayed.lapses,
        },
    )?;
    load_card(tx, row_id)
}

impl Collection {
    /// Records one answer to the card with row id `row_id` and commits it:
    /// load the card, let the scheduler decide, write the outcome. The card
    /// is read inside the transaction, so two processes answering at once
    /// both land, one after the other.
    pub fn answer(
        &mut self,
        row_id: i64,
        answer: Answer,
        clock: &Clock,
        settings: &Settings,
    ) -> Result<(Card, Review)> {
        if answer.quality > 5 {
            return Err(Error::BadQuality(answer.quality));
        }
        let tx = self.write()?;
        let mut card = load_card(&tx, row_id)?.ok_or_else(|| Error::UnknownCard {
            id: format!("#{row_id}"),
            hint: " (it was removed meanwhile)".into(),
        })?;
        let interview = interview_in(&tx, card.deck_id)?;
        let outcome = scheduler::answer(
            card.schedule,
            answer,
            &answer_context(&card, clock, settings, interview),
        );
        let review = Review {
            id: 0,
            deck_id: card.deck_id,
            deck: card.deck.clone(),
            card: card.id().to_string(),
            answered_at_ms: clock.now_ms,
            quality: answer.quality,
            grade: answer.grade,
            kind: answer.kind,
            was_new: outcome.was_new,
            sm2: outcome.sm2,
            due: outcome.due,
            capped: outcome.capped,
            origin: None,
        };
        let context = AnswerContext {
            day: clock.today(),
            fuzz: settings.fuzz,
            interview,
        };
        let review_id = insert_review(&tx, &review, Some(&context))?
            .expect("an answer given here is always new");
        let state = CardState {
            schedule: outcome.schedule,
            reviews: card.reviews + 1,
            lapses: card.lapses + outcome.lapse as i64,
        };
        set_card_state(&tx, &card, state)?;
        tx.commit()?;
        card.schedule = state.schedule;
        card.reviews = state.reviews;
        card.lapses = state.lapses;
        Ok((
            card,
            Review {
                id: review_id,
                ..review
            },
        ))
    }

    /// What each grade would store if given to `card` now: the preview the
    /// session shows, from the same function [`Collection::answer`] uses.
    pub fn preview(
        &self,
        card: &Card,
        clock: &Clock,
        settings: &Settings,
    ) -> Result<[(crate::domain::Grade, Outcome); 4]> {
        let interview = self.interview_day(card.deck_id)?;
        Ok(scheduler::next_states(
            card.schedule,
            &answer_context(card, clock, settings, interview),
        ))
    }

    /// Takes back the last recorded answer: it leaves the log and the card
    /// returns exactly to the state its previous answer left (or new).
    pub fn undo(&mut self) -> Result<Undone> {
        let tx = self.write()?;
        let review = tx
            .prepare_cached(include_str!("sql/review_last.sql"))?
            .query_row([], review_from_row)
            .optional()?
            .ok_or(Error::NothingToUndo)?;
        take_back(tx, review)
    }

    /// Takes back one given answer (a session's own last answer, even if
    /// another process answered other cards since).
    pub fn undo_answer(&mut self, review_id: i64) -> Result<Undone> {
        let tx = self.write()?;
        let review = tx
            .prepare_cached(include_str!("sql/review_by_id.sql"))?
            .query_row([review_id], review_from_row)
            .optional()?
            .ok_or(Error::NothingToUndo)?;
        take_back(tx, review)
    }

    /// When `card` was last answered (UTC milliseconds), drills included;
    /// `None` when never. `grade` refuses an earlier time (docs/collection.md).
    pub fn last_answer_ms(&self, card: &Card) -> Result<Option<i64>> {
        Ok(self.conn.query_row(
            include_str!("sql/card_last_answer.sql"),
            params![card.deck_id, card.id().as_str()],
            |r| r.get(0),
        )?)
    }

    /// A card's answers, oldest first.
    pub fn history(&self, card: &Card) -> Result<Vec<Review>> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/reviews_of_card.sql"))?;
        let rows = stmt
            .query_map(params![card.deck_id, card.id()], review_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The whole log (of one deck), oldest first, for `export --format json`.
    pub fn reviews(&self, deck_id: Option<i64>) -> Result<Vec<Review>> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/reviews_all.sql"))?;
        let rows = stmt
            .query_map([deck_id], review_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Replays a card's log from a new card (see [`scheduler::replay`]).
    /// Errors name the first answer whose stored state differs.
    pub fn replay(&self, card: &Card) -> Result<Schedule> {
        let replayed = scheduler::replay(&self.history(card)?);
        match replayed.mismatches.first() {
            None => Ok(replayed.schedule),
            Some(m) => Err(Error::LogMismatch {
                card: card.id().to_string(),
                review_id: m.review_id,
                stored: format!("{:?}", m.stored),
                replayed: format!("{:?}", m.replayed),
            }),
        }
    }
}

/// The scheduler's context for answering `card` now.
fn answer_context<'a>(
    card: &'a Card,
    clock: &Clock,
    settings: &Settings,
    interview: Option<chrono::NaiveDate>,
) -> Context<'a> {
    Context {
        today: clock.today(),
        interview,
        fuzz: settings.fuzz.then(|| FuzzKey {
            deck: &card.deck,
            card: card.id().as_str(),
        }),
    }
}

fn interview_in(tx: &Transaction<'_>, deck_id: i64) -> Result<Option<chrono::NaiveDate>> {
    let day: Option<Day> = tx
        .prepare_cached(include_str!("sql/interview_of_deck.sql"))?
        .query_row([deck_id], |r| r.get(0))
        .optional()?;
    Ok(day.map(|d| d.0))
}

/// The named parameters of the columns every stored answer has (the
/// inserts of `review_insert.sql` and `restore_review_insert.sql`); `due`
/// is the answer's due day, held by the caller.
pub(super) fn answer_params<'a>(
    review: &'a Review,
    due: &'a Day,
) -> Vec<(&'static str, &'a dyn ToSql)> {
    vec![
        (":deck_id", &review.deck_id),
        (":card_key", &review.card),
        (":answered_at_ms", &review.answered_at_ms),
        (":quality", &review.quality),
        (":grade", &review.grade),
        (":kind", &review.kind),
        (":was_new", &review.was_new),
        (":repetition", &review.sm2.repetition),
        (":ease", &review.sm2.ease),
        (":interval_days", &review.sm2.interval_days),
        (":due_day", due),
        (":due_capped", &review.capped),
        (":origin", &review.origin),
    ]
}

/// Adds an answer to the log and to the kept counts, as this device's next
/// event (docs/sync.md) given in `context`; its id, or `None` when it came
/// from elsewhere and the log holds it already (same `origin`).
pub(super) fn insert_review(
    tx: &Transaction<'_>,
    review: &Review,
    context: Option<&AnswerContext>,
) -> Result<Option<i64>> {
    let due = Day(review.due);
    let inserted = tx
        .prepare_cached(include_str!("sql/review_insert.sql"))?
        .execute(answer_params(review, &due).as_slice())?;
    if inserted == 0 {
        return Ok(None);
    }
    let id = tx.last_insert_rowid();
    counts::count_answer(tx, review, 1)?;
    record::own_answer(tx, id, context)?;
    Ok(Some(id))
}

/// Deletes `review` from the log and restores its card from what remains.
fn take_back(tx: Transaction<'_>, review: Review) -> Result<Undone> {
    // An answer that is an event of this device is taken back by an event
    // too, for the devices that have it (docs/sync.md).
    let event: Option<(Option<String>, Option<i64>)> = tx
        .prepare_cached(include_str!("sql/sync_review_event.sql"))?
        .query_row([review.id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some((Some(device), Some(seq))) = event {
        record::touch(&tx, ChangeKind::Undo, &device, &seq.to_string())?;
    }
    tx.prepare_cached(include_str!("sql/review_delete.sql"))?
        .execute([review.id])?;
    counts::count_answer(&tx, &review, -1)?;
    let row_id: Option<i64> = tx
        .prepare_cached(include_str!("sql/card_row_of_key.sql"))?
        .query_row(params![review.deck_id, review.card], |r| r.get(0))
        .optional()?;
    let card = match row_id {
        Some(row_id) => restore_from_log(&tx, row_id)?,
        None => None,
    };
    tx.commit()?;
    Ok(Undone { review, card })
}
