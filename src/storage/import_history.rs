//! The scheduling and history of an Anki package, written beside its cards
//! (docs/imports.md, "Scheduling and history"): every past answer goes into
//! the log under its `origin` (so importing the package again adds none
//! twice) and into the kept counts, the card's last imported answer stores
//! the state the package gives it, and the card is set from a replay of its
//! log, which takes imported answers as they are. A card answered here
//! since is left alone: its schedule and history in rehearse win.

use rusqlite::{Transaction, named_params, params};

use super::import::DeckState;
use super::reviews::{insert_review, load_card, restore_from_log};
use super::suspend::set_card_suspended;
use super::sync::record;
use super::types::Day;
use crate::domain::{CardHistory, Schedule};
use crate::error::Result;
use crate::sync::event::ChangeKind;

/// What a package's scheduling did to one deck.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct HistoryCounts {
    /// Cards that came with a schedule (learned, in Anki's terms reviewed
    /// or in learning).
    pub scheduled: usize,
    /// Past answers added to the log.
    pub answers: usize,
    /// Past answers the log held already (imported before).
    pub answers_before: usize,
    /// Cards answered here since they were imported: left as they are.
    pub kept_here: usize,
}

impl DeckState {
    /// Writes the package's schedule, suspension and answers of the card
    /// with row id `row_id`, just inserted (`fresh`: new, unsuspended and
    /// without a history) or updated.
    pub(super) fn apply_history(
        &mut self,
        tx: &Transaction<'_>,
        row_id: i64,
        fresh: bool,
        history: Option<CardHistory>,
    ) -> Result<()> {
        let (Some(history), Some(counts)) = (history, self.counts.history.as_mut()) else {
            return Ok(());
        };
        let nothing_to_do =
            history.schedule == Schedule::New && !history.suspended && history.answers.is_empty();
        if fresh && nothing_to_do {
            // Most cards of a shared deck: no read, no write.
            return Ok(());
        }
        let Some(card) = load_card(tx, row_id)? else {
            return Ok(());
        };
        let key = card.id().to_string();
        if self.logged.contains(&key) && answered_here(tx, self.id, &key)? {
            counts.kept_here += 1;
            return Ok(());
        }
        let mut logged = self.logged.contains(&key);
        for mut answer in history.answers {
            answer.deck_id = self.id;
            answer.deck = card.deck.clone();
            answer.card = key.clone();
            // An origin the log holds already is this card's own answer,
            // imported before (or one imported with another deck's card:
            // an answer is kept once, with the first card it came with).
            match insert_review(tx, &answer, None)? {
                Some(_) => {
                    counts.answers += 1;
                    logged = true;
                }
                None => counts.answers_before += 1,
            }
        }
        if let Schedule::Learned { sm2, due } = history.schedule {
            let seeded = tx
                .prepare_cached(include_str!("sql/review_seed_set.sql"))?
                .execute(named_params! {
                    ":deck_id": self.id,
                    ":card_key": key,
                    ":repetition": sm2.repetition,
                    ":ease": sm2.ease,
                    ":interval_days": sm2.interval_days,
                    ":due_day": Day(due),
                })?;
            counts.scheduled += seeded;
        }
        let card = if logged {
            self.logged.insert(key);
            restore_from_log(tx, row_id)?.unwrap_or(card)
        } else {
            card
        };
        if set_card_suspended(tx, &card, history.suspended)? {
            record::touch(tx, ChangeKind::Suspend, &card.deck, card.id().as_str())?;
        }
        Ok(())
    }
}

/// Whether the card has an answer given in this collection.
fn answered_here(tx: &Transaction<'_>, deck_id: i64, key: &str) -> Result<bool> {
    Ok(tx
        .prepare_cached(include_str!("sql/card_answered_here.sql"))?
        .query_row(params![deck_id, key], |r| r.get(0))?)
}
