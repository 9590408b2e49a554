//! The review log: recording an answer (one transaction each), taking the
//! last one back, reading a card's history, and replaying it.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, Transaction, params};

use super::Collection;
use super::cards::{CARD_COLUMNS, Card, Schedule, card_from_row};
use crate::clock::{Clock, day_from_number, day_number};
use crate::error::{Error, Result};
use crate::scheduler::interview::cap_due;
use crate::scheduler::{self, Grade, Sm2};
use crate::settings::Settings;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewKind {
    /// A scheduled answer: it moves the card's SM-2 state.
    Review,
    /// A repeat inside a session after again/hard: logged, schedule untouched.
    Drill,
}

impl ReviewKind {
    pub fn name(self) -> &'static str {
        match self {
            ReviewKind::Review => "review",
            ReviewKind::Drill => "drill",
        }
    }
}

/// One answer as the user gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub quality: u8,
    pub grade: Option<Grade>,
    pub kind: ReviewKind,
}

impl Answer {
    pub fn graded(grade: Grade, kind: ReviewKind) -> Answer {
        Answer {
            quality: grade.quality(),
            grade: Some(grade),
            kind,
        }
    }
}

/// One row of the review log, with the state after the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub id: i64,
    pub deck_id: i64,
    pub deck: String,
    pub card: String,
    pub answered_at_ms: i64,
    pub quality: u8,
    pub grade: Option<Grade>,
    pub kind: ReviewKind,
    pub was_new: bool,
    pub sm2: Sm2,
    pub due: NaiveDate,
    /// Interview mode moved the due day to the eve of the interview.
    pub capped: bool,
}

/// What `undo` took back, and the card as it is now (if it still exists).
#[derive(Debug, Clone)]
pub struct Undone {
    pub review: Review,
    pub card: Option<Card>,
}

const REVIEW_COLUMNS: &str = "r.id, r.deck_id, d.name, r.card_key, r.answered_at_ms, r.quality, r.grade, r.kind, \
     r.was_new, r.repetition, r.ease, r.interval_days, r.due_day, r.due_capped";

fn review_from_row(row: &Row<'_>) -> rusqlite::Result<Review> {
    let grade: Option<String> = row.get(6)?;
    let kind: String = row.get(7)?;
    Ok(Review {
        id: row.get(0)?,
        deck_id: row.get(1)?,
        deck: row.get(2)?,
        card: row.get(3)?,
        answered_at_ms: row.get(4)?,
        quality: row.get(5)?,
        grade: grade.as_deref().and_then(Grade::from_name),
        kind: if kind == "drill" {
            ReviewKind::Drill
        } else {
            ReviewKind::Review
        },
        was_new: row.get(8)?,
        sm2: Sm2 {
            repetition: row.get(9)?,
            ease: row.get(10)?,
            interval_days: row.get(11)?,
        },
        due: day_from_number(row.get(12)?),
        capped: row.get(13)?,
    })
}

fn load_card(tx: &Transaction<'_>, row_id: i64) -> Result<Option<Card>> {
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.id = ?1"
    );
    Ok(tx.query_row(&sql, [row_id], card_from_row).optional()?)
}

impl Collection {
    /// Records one answer to the card with row id `row_id` and commits it.
    /// The card is re-read inside the transaction, so two processes
    /// answering at once both land, one after the other.
    pub fn answer(
        &mut self,
        row_id: i64,
        answer: Answer,
        clock: &Clock,
        settings: &Settings,
    ) -> Result<(Card, Review)> {
        if answer.quality > 5 {
            return Err(Error::Invalid(format!(
                "quality {} is not in 0..5",
                answer.quality
            )));
        }
        let tx = self.write()?;
        let mut card = load_card(&tx, row_id)?.ok_or_else(|| Error::UnknownCard {
            id: format!("#{row_id}"),
            hint: " (it was removed meanwhile)".into(),
        })?;
        let today = clock.today();
        let was_new = card.schedule == Schedule::New;
        let mut capped = false;
        let (sm2, due, schedule) = match (answer.kind, card.schedule) {
            // A drill leaves the schedule alone; the log repeats the state.
            (ReviewKind::Drill, Schedule::Learned { sm2, due }) => (sm2, due, card.schedule),
            // A cram drill of a never-answered card: it stays new.
            (ReviewKind::Drill, Schedule::New) => (Sm2::default(), today, Schedule::New),
            (ReviewKind::Review, schedule) => {
                let sm2 = scheduler::next(schedule.sm2(), answer.quality);
                let seed = settings
                    .fuzz
                    .then(|| scheduler::fuzz_seed(&card.deck, card.id().as_str(), sm2.repetition));
                let mut due = scheduler::due_day(today, sm2.interval_days, seed);
                let interview: Option<i64> = tx
                    .query_row(
                        "SELECT day FROM interviews WHERE deck_id = ?1",
                        [card.deck_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(eve) =
                    interview.and_then(|day| cap_due(due, today, day_from_number(day)))
                {
                    due = eve;
                    capped = true;
                }
                (sm2, due, Schedule::Learned { sm2, due })
            }
        };
        let is_review = answer.kind == ReviewKind::Review;
        let lapse = is_review && !was_new && answer.quality < 3;
        tx.execute(
            "INSERT INTO reviews (deck_id, card_key, answered_at_ms, quality, grade, kind, was_new,
                                  repetition, ease, interval_days, due_day, due_capped)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                card.deck_id,
                card.id().as_str(),
                clock.now_ms,
                answer.quality,
                answer.grade.map(Grade::name),
                answer.kind.name(),
                is_review && was_new,
                sm2.repetition,
                sm2.ease,
                sm2.interval_days,
                day_number(due),
                capped
            ],
        )?;
        let review_id = tx.last_insert_rowid();
        if is_review {
            tx.execute(
                "UPDATE cards SET repetition = ?2, ease = ?3, interval_days = ?4, due_day = ?5,
                                  reviews = reviews + 1, lapses = lapses + ?6
                 WHERE id = ?1",
                params![
                    row_id,
                    sm2.repetition,
                    sm2.ease,
                    sm2.interval_days,
                    day_number(due),
                    lapse as i64
                ],
            )?;
        } else {
            tx.execute(
                "UPDATE cards SET reviews = reviews + 1 WHERE id = ?1",
                [row_id],
            )?;
        }
        tx.commit()?;
        card.schedule = schedule;
        card.reviews += 1;
        card.lapses += lapse as i64;
        let review = Review {
            id: review_id,
            deck_id: card.deck_id,
            deck: card.deck.clone(),
            card: card.id().to_string(),
            answered_at_ms: clock.now_ms,
            quality: answer.quality,
            grade: answer.grade,
            kind: answer.kind,
            was_new: is_review && was_new,
            sm2,
            due,
            capped,
        };
        Ok((card, review))
    }

    /// Takes back the last recorded answer: it leaves the log and the card
    /// returns exactly to the state its previous answer left (or new).
    pub fn undo(&mut self) -> Result<Undone> {
        self.undo_where("1 = 1", None)
    }

    /// Takes back one given answer (a session's own last answer, even if
    /// another process answered other cards since).
    pub fn undo_answer(&mut self, review_id: i64) -> Result<Undone> {
        self.undo_where("r.id = ?1", Some(review_id))
    }

    fn undo_where(&mut self, condition: &str, review_id: Option<i64>) -> Result<Undone> {
        let tx = self.write()?;
        let sql = format!(
            "SELECT {REVIEW_COLUMNS} FROM reviews r JOIN decks d ON d.id = r.deck_id
             WHERE {condition} ORDER BY r.id DESC LIMIT 1"
        );
        let review = match review_id {
            Some(id) => tx.query_row(&sql, [id], review_from_row),
            None => tx.query_row(&sql, [], review_from_row),
        }
        .optional()?
        .ok_or(Error::NothingToUndo)?;
        tx.execute("DELETE FROM reviews WHERE id = ?1", [review.id])?;
        let row_id: Option<i64> = tx
            .query_row(
                "SELECT id FROM cards WHERE deck_id = ?1 AND key = ?2",
                params![review.deck_id, review.card],
                |r| r.get(0),
            )
            .optional()?;
        let card = match row_id {
            Some(row_id) => {
                restore_from_log(&tx, row_id, review.deck_id, &review.card)?;
                load_card(&tx, row_id)?
            }
            None => None,
        };
        tx.commit()?;
        Ok(Undone { review, card })
    }

    /// A card's answers, oldest first.
    pub fn history(&self, card: &Card) -> Result<Vec<Review>> {
        let sql = format!(
            "SELECT {REVIEW_COLUMNS} FROM reviews r JOIN decks d ON d.id = r.deck_id
             WHERE r.deck_id = ?1 AND r.card_key = ?2 ORDER BY r.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(params![card.deck_id, card.id().as_str()], review_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The whole log (of one deck), oldest first, for `export --format json`.
    pub fn reviews(&self, deck_id: Option<i64>) -> Result<Vec<Review>> {
        let sql = format!(
            "SELECT {REVIEW_COLUMNS} FROM reviews r JOIN decks d ON d.id = r.deck_id
             WHERE ?1 IS NULL OR r.deck_id = ?1 ORDER BY r.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map([deck_id], review_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Replays a card's log from a new card: the SM-2 state every answer
    /// must have produced, with the due day the last answer recorded
    /// (due days depend on the time zone and fuzz setting of their day).
    /// Errors name the first answer whose stored state differs.
    pub fn replay(&self, card: &Card) -> Result<Schedule> {
        let mut state = Schedule::New;
        for review in self.history(card)? {
            if review.kind == ReviewKind::Drill {
                continue;
            }
            let expected = scheduler::next(state.sm2(), review.quality);
            if expected != review.sm2 {
                return Err(Error::Invalid(format!(
                    "card `{}`: answer #{} stored {:?}, replay gives {:?}",
                    card.id(),
                    review.id,
                    review.sm2,
                    expected
                )));
            }
            state = Schedule::Learned {
                sm2: expected,
                due: review.due,
            };
        }
        Ok(state)
    }
}

/// Sets a card's state, review and lapse counts from its log.
pub(super) fn restore_from_log(
    tx: &Transaction<'_>,
    row_id: i64,
    deck_id: i64,
    key: &str,
) -> Result<()> {
    let last: Option<(u32, f64, i64, i64)> = tx
        .query_row(
            "SELECT repetition, ease, interval_days, due_day FROM reviews
             WHERE deck_id = ?1 AND card_key = ?2 AND kind = 'review' ORDER BY id DESC LIMIT 1",
            params![deck_id, key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let (reviews, lapses): (i64, i64) = tx.query_row(
        "SELECT count(*), coalesce(sum(kind = 'review' AND was_new = 0 AND quality < 3), 0)
         FROM reviews WHERE deck_id = ?1 AND card_key = ?2",
        params![deck_id, key],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    match last {
        Some((repetition, ease, interval, due)) => tx.execute(
            "UPDATE cards SET repetition = ?2, ease = ?3, interval_days = ?4, due_day = ?5, reviews = ?6, lapses = ?7
             WHERE id = ?1",
            params![row_id, repetition, ease, interval, due, reviews, lapses],
        )?,
        None => tx.execute(
            "UPDATE cards SET repetition = 0, ease = 2.5, interval_days = 0, due_day = NULL, reviews = ?2, lapses = ?3
             WHERE id = ?1",
            params![row_id, reviews, lapses],
        )?,
    };
    Ok(())
}
