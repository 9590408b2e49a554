//! Interview dates per deck (interview mode): set, clear, list, and what
//! they mean for the day's new-card limit.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::Collection;
use super::sync::record;
use super::types::Day;
use crate::clock::{day_from_number, day_number};
use crate::error::Result;
use crate::sync::event::ChangeKind;

/// One deck's interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interview {
    pub deck_id: i64,
    pub deck: String,
    pub day: NaiveDate,
}

impl Collection {
    /// Sets the interview day of each deck (all decks when `decks` is empty).
    pub fn set_interview(&mut self, decks: &[String], day: NaiveDate) -> Result<Vec<Interview>> {
        let ids = self.deck_ids_or_all(decks)?;
        let tx = self.write()?;
        for (id, name) in &ids {
            tx.execute(
                include_str!("sql/interview_set.sql"),
                params![id, day_number(day)],
            )?;
            record::touch(&tx, ChangeKind::Interview, name, "")?;
        }
        tx.commit()?;
        Ok(ids
            .into_iter()
            .map(|(deck_id, deck)| Interview { deck_id, deck, day })
            .collect())
    }

    /// Removes the interview of each deck (of all decks when `decks` is
    /// empty); returns how many were removed.
    pub fn clear_interviews(&mut self, decks: &[String]) -> Result<usize> {
        let ids = if decks.is_empty() {
            None
        } else {
            Some(self.deck_ids_or_all(decks)?)
        };
        // Every deck that had one, for the sync events (docs/sync.md).
        let had: Vec<String> = self.interviews()?.into_iter().map(|i| i.deck).collect();
        let tx = self.write()?;
        let removed = match ids {
            None => {
                for name in &had {
                    record::touch(&tx, ChangeKind::Interview, name, "")?;
                }
                tx.execute(include_str!("sql/interviews_clear_all.sql"), [])?
            }
            Some(ids) => {
                let mut n = 0;
                for (id, name) in ids {
                    let cleared = tx.execute(include_str!("sql/interview_clear.sql"), [id])?;
                    if cleared > 0 {
                        record::touch(&tx, ChangeKind::Interview, &name, "")?;
                    }
                    n += cleared;
                }
                n
            }
        };
        tx.commit()?;
        Ok(removed)
    }

    /// Every interview, soonest first.
    pub fn interviews(&self) -> Result<Vec<Interview>> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/interviews_all.sql"))?;
        let rows = stmt
            .query_map([], |r| {
                Ok(Interview {
                    deck_id: r.get(0)?,
                    deck: r.get(1)?,
                    day: day_from_number(r.get(2)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The interview day of one deck, if any.
    pub fn interview_day(&self, deck_id: i64) -> Result<Option<NaiveDate>> {
        let day: Option<Day> = self
            .conn
            .prepare_cached(include_str!("sql/interview_of_deck.sql"))?
            .query_row([deck_id], |r| r.get(0))
            .optional()?;
        Ok(day.map(|d| d.0))
    }

    fn deck_ids_or_all(&self, decks: &[String]) -> Result<Vec<(i64, String)>> {
        if decks.is_empty() {
            let mut stmt = self
                .conn
                .prepare_cached(include_str!("sql/decks_by_name.sql"))?;
            let all = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            if all.is_empty() {
                return Err(crate::error::Error::NoDecks);
            }
            return Ok(all);
        }
        decks
            .iter()
            .map(|name| Ok((self.deck_id(name)?, name.clone())))
            .collect()
    }
}

/// Where one deck's cards stand before its interview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InterviewStanding {
    pub cards: i64,
    /// The latest scheduled answer passed (SM-2 keeps n ≥ 1 exactly then)
    /// and the card is not overdue.
    pub ready: i64,
    /// Learned cards falling due before the interview day.
    pub due_before: i64,
    pub new: i64,
}

impl Collection {
    /// Where one deck's cards stand before its interview.
    pub fn interview_standing(
        &self,
        deck_id: i64,
        today: NaiveDate,
        interview: NaiveDate,
    ) -> Result<InterviewStanding> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/interview_standing.sql"))?;
        Ok(
            stmt.query_row(params![deck_id, Day(today), Day(interview)], |r| {
                Ok(InterviewStanding {
                    cards: r.get("cards")?,
                    ready: r.get("ready")?,
                    due_before: r.get("due_before")?,
                    new: r.get("new")?,
                })
            })?,
        )
    }
}
