//! What a session would show now (docs/review-session.md): per deck, due reviews then new
//! cards in file order, within what the day's limits still allow.

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, named_params, params};

use super::Collection;
use super::cards::{Card, card_from_row};
use super::types::Day;
use crate::clock::{Clock, day_from_number, day_number};
use crate::domain::PASS_QUALITY;
use crate::error::Result;
use crate::settings::Settings;

pub use crate::domain::DueCards;

impl Collection {
    /// Due and new cards of one deck (or all), with the daily limits applied.
    pub fn due_cards(
        &self,
        deck: Option<&str>,
        clock: &Clock,
        settings: &Settings,
    ) -> Result<DueCards> {
        let deck_ids = self.deck_ids(deck)?;
        let today = Day(clock.today());
        let mut out = DueCards::default();
        for deck_id in deck_ids {
            let room = self.daily_room(deck_id, clock, settings)?;
            let mut stmt = self
                .conn
                .prepare_cached(include_str!("sql/cards_due_in_deck.sql"))?;
            let due = stmt.query_map(params![deck_id, today, room.reviews], card_from_row)?;
            for card in due {
                out.reviews.push(card?);
            }
            // INDEXED BY: measured, see sql/cards_new_in_deck.sql.
            let mut stmt = self
                .conn
                .prepare_cached(include_str!("sql/cards_new_in_deck.sql"))?;
            let new = stmt.query_map(params![deck_id, room.new], card_from_row)?;
            for card in new {
                out.new.push(card?);
            }
            let new_total: i64 =
                self.conn
                    .query_row(include_str!("sql/new_count_of_deck.sql"), [deck_id], |r| {
                        r.get(0)
                    })?;
            out.new_held_back += (new_total - room.new).max(0);
        }
        out.reviews.sort_by_key(|c| c.schedule.due());
        Ok(out)
    }

    /// The earliest due day after `day` (of one deck or all), if any.
    pub fn next_due_after(&self, deck: Option<&str>, day: NaiveDate) -> Result<Option<NaiveDate>> {
        let deck_id = self.deck_id_of(deck)?;
        let next: Option<i64> = self
            .conn
            .query_row(
                include_str!("sql/next_due_after.sql"),
                params![deck_id, day_number(day)],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        Ok(next.map(day_from_number))
    }
}

impl Collection {
    /// Every card of a deck (or all), weakest first: lowest ease, most
    /// lapses, most recent failure, then file order. For `review --cram`.
    pub fn cram_cards(&self, deck: Option<&str>) -> Result<Vec<Card>> {
        let deck_id = self.deck_id_of(deck)?;
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/cards_cram.sql"))?;
        let cards = stmt
            .query_map(
                named_params! {":deck_id": deck_id, ":pass_quality": PASS_QUALITY},
                card_from_row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(cards)
    }
}
