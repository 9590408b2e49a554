//! What a session would show now (docs/review-session.md): per deck, due reviews then new
//! cards in file order, within what the day's limits still allow, without
//! the siblings of cards answered today ("buried" until tomorrow).

use chrono::NaiveDate;
use foldhash::{HashMap, HashSet};
use rusqlite::{OptionalExtension, named_params, params};

use super::Collection;
use super::cards::{Card, card_from_row};
use super::resolve::ids_param;
use super::types::Day;
use crate::clock::{Clock, day_from_number, day_number};
use crate::domain::{PASS_QUALITY, sibling_key};
use crate::error::Result;
use crate::settings::Settings;

pub use crate::domain::DueCards;

/// Cards buried until tomorrow, by deck: their sibling was answered
/// today (docs/review-session.md, "Siblings").
#[derive(Debug, Default)]
pub struct Buried {
    by_deck: HashMap<i64, BuriedInDeck>,
}

/// One deck's buried cards.
#[derive(Debug, Default)]
pub struct BuriedInDeck {
    pub rows: HashSet<i64>,
    /// How many of them are learned and due by today.
    pub due: i64,
    /// How many of them are new.
    pub new: i64,
}

impl Buried {
    pub fn of(&self, deck_id: i64) -> Option<&BuriedInDeck> {
        self.by_deck.get(&deck_id)
    }

    fn rows(&self, deck_id: i64) -> usize {
        self.of(deck_id).map_or(0, |b| b.rows.len())
    }

    /// Whether `card` is buried today.
    pub fn holds(&self, card: &Card) -> bool {
        self.of(card.deck_id)
            .is_some_and(|b| b.rows.contains(&card.row_id))
    }
}

impl Collection {
    /// The cards buried today: siblings of the cards given a scheduled
    /// answer since the day began, themselves unanswered today. None when
    /// `bury_siblings` is off.
    pub fn buried_today(&self, clock: &Clock, settings: &Settings) -> Result<Buried> {
        let mut buried = Buried::default();
        if !settings.bury_siblings {
            return Ok(buried);
        }
        let today = clock.today();
        let mut answered: HashMap<i64, HashSet<String>> = HashMap::default();
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/answered_since.sql"))?;
        let mut rows = stmt.query([clock.day_start_ms(today)])?;
        while let Some(row) = rows.next()? {
            answered.entry(row.get(0)?).or_default().insert(row.get(1)?);
        }
        let mut cards = self
            .conn
            .prepare_cached(include_str!("sql/cards_of_deck_from_key.sql"))?;
        for (deck_id, keys) in answered {
            let notes: HashSet<&str> = keys.iter().map(|k| sibling_key(k)).collect();
            let deck = buried.by_deck.entry(deck_id).or_default();
            for note in notes {
                let mut rows = cards.query(params![deck_id, note])?;
                while let Some(row) = rows.next()? {
                    let key: String = row.get(1)?;
                    if sibling_key(&key) != note || keys.contains(&key) {
                        continue;
                    }
                    if deck.rows.insert(row.get(0)?) {
                        match row.get::<_, Option<Day>>(2)? {
                            None => deck.new += 1,
                            Some(Day(due)) if due <= today => deck.due += 1,
                            Some(_) => {}
                        }
                    }
                }
            }
        }
        Ok(buried)
    }

    /// Due and new cards of one deck and its subdecks (or all), with the
    /// daily limits applied and buried siblings left out.
    pub fn due_cards(
        &self,
        deck: Option<&str>,
        clock: &Clock,
        settings: &Settings,
    ) -> Result<DueCards> {
        let deck_ids = self.deck_ids(deck)?;
        let buried = self.buried_today(clock, settings)?;
        let today = Day(clock.today());
        let mut out = DueCards::default();
        for deck_id in deck_ids {
            let room = self.daily_room(deck_id, clock, settings)?;
            // Buried cards are fetched, then dropped: the limits count
            // the cards shown.
            let extra = buried.rows(deck_id) as i64;
            let mut stmt = self
                .conn
                .prepare_cached(include_str!("sql/cards_due_in_deck.sql"))?;
            let due =
                stmt.query_map(params![deck_id, today, room.reviews + extra], card_from_row)?;
            let mut shown = 0;
            for card in due {
                let card = card?;
                if !buried.holds(&card) && shown < room.reviews {
                    out.reviews.push(card);
                    shown += 1;
                }
            }
            // INDEXED BY: measured, see sql/cards_new_in_deck.sql.
            let mut stmt = self
                .conn
                .prepare_cached(include_str!("sql/cards_new_in_deck.sql"))?;
            let new = stmt.query_map(params![deck_id, room.new + extra], card_from_row)?;
            let mut shown = 0;
            for card in new {
                let card = card?;
                if !buried.holds(&card) && shown < room.new {
                    out.new.push(card);
                    shown += 1;
                }
            }
            let new_total: i64 =
                self.conn
                    .query_row(include_str!("sql/new_count_of_deck.sql"), [deck_id], |r| {
                        r.get(0)
                    })?;
            let buried_new = buried.of(deck_id).map_or(0, |b| b.new);
            out.new_held_back += (new_total - buried_new - room.new).max(0);
            out.buried += buried.of(deck_id).map_or(0, |b| b.due + b.new);
        }
        out.reviews.sort_by_key(|c| c.schedule.due());
        Ok(out)
    }

    /// The earliest due day after `day` (of one deck and its subdecks, or
    /// all), if any.
    pub fn next_due_after(&self, deck: Option<&str>, day: NaiveDate) -> Result<Option<NaiveDate>> {
        let decks = self.deck_selection(deck)?;
        let deck_id = ids_param(decks.as_deref());
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
    /// Every card of a deck and its subdecks (or all), weakest first:
    /// lowest ease, most lapses, most recent failure, then file order. For
    /// `review --cram`.
    pub fn cram_cards(&self, deck: Option<&str>) -> Result<Vec<Card>> {
        let decks = self.deck_selection(deck)?;
        let deck_id = ids_param(decks.as_deref());
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
