//! Cards as stored: reading them, finding one by id, counting per deck.

use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::Collection;
use super::types::Day;
use crate::clock::{Clock, add_days, day_number};
use crate::domain::Sm2;
use crate::domain::cloze;
use crate::domain::{CardDraft, CardKind};
use crate::error::{Error, Result};
use crate::scheduler::interview::paced_new_per_day;
use crate::settings::Settings;

pub use crate::domain::{Card, Schedule};

/// The one mapper of a `cards` row joined with its deck's name.
pub(super) fn card_from_row(row: &Row<'_>) -> rusqlite::Result<Card> {
    let (kind, front, back) = match row.get_ref("kind")?.as_str()? {
        "cloze" => {
            // A cloze card's text is its note's one row in `cloze_notes`
            // (schema v6): its sides are rendered from it, unless the card
            // is gone from its note's text and keeps the sides it had.
            let ord: u32 = row.get("cloze_ord")?;
            let source = row
                .get::<_, Option<String>>("cloze_source")?
                .unwrap_or_default();
            let (front, back) = match row.get::<_, String>("front")? {
                kept if !kept.is_empty() => (kept, row.get("back")?),
                _ => (cloze::front(&source, ord), cloze::plain(&source)),
            };
            (CardKind::Cloze { ord, source }, front, back)
        }
        kind => {
            let kind = match kind {
                "reverse" => CardKind::Reverse,
                _ => CardKind::Basic,
            };
            (kind, row.get("front")?, row.get("back")?)
        }
    };
    let tags: String = row.get("tags")?;
    let schedule = match row.get::<_, Option<Day>>("due_day")? {
        None => Schedule::New,
        Some(Day(due)) => Schedule::Learned {
            sm2: Sm2 {
                repetition: row.get("repetition")?,
                ease: row.get("ease")?,
                interval_days: row.get("interval_days")?,
            },
            due,
        },
    };
    Ok(Card {
        row_id: row.get("id")?,
        deck_id: row.get("deck_id")?,
        deck: row.get("deck")?,
        draft: CardDraft {
            id: row.get("key")?,
            note: row.get("note")?,
            kind,
            front,
            back,
            extra: row.get("extra")?,
            tags: tags.split_whitespace().map(str::to_string).collect(),
        },
        position: row.get("position")?,
        schedule,
        reviews: row.get("reviews")?,
        lapses: row.get("lapses")?,
        suspended: row.get("suspended")?,
    })
}

/// Which cards `cards` lists.
#[derive(Debug, Default, Clone)]
pub struct CardFilter {
    pub deck: Option<String>,
    /// Only cards due on or before this day (new cards are not due).
    pub due_by: Option<NaiveDate>,
    pub tag: Option<String>,
}

/// One row of `decks` (docs/json-output.md), in the words of docs/stats.md:
/// "due" counts learned cards only, new cards are counted beside it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DeckCounts {
    pub name: String,
    pub total: i64,
    /// Cards never answered.
    pub new: i64,
    /// Learned cards due by the end of today that a session started now
    /// would show (the daily review limit applied).
    pub due: i64,
    pub young: i64,
    pub mature: i64,
    /// Suspended cards, whatever their schedule: never due, never new, and
    /// in none of the counts above (docs/stats.md).
    pub suspended: i64,
    /// New cards a session started now would show (the daily new-card
    /// limit applied).
    pub new_today: i64,
    /// Learned cards whose due day is tomorrow.
    pub due_tomorrow: i64,
}

/// What the day's limits still allow in one deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DailyRoom {
    pub new: i64,
    /// The day's new-card limit (raised by interview pacing).
    pub new_per_day: i64,
    pub reviews: i64,
}

impl Collection {
    /// Finds a card by id, in `deck` if given; says so when the id is
    /// ambiguous or unknown.
    pub fn find_card(&self, id: &str, deck: Option<&str>) -> Result<Card> {
        let mut cards = match deck {
            Some(name) => {
                let deck_id = self.deck_id(name)?;
                let mut stmt = self
                    .conn
                    .prepare_cached(include_str!("sql/card_in_deck.sql"))?;
                stmt.query_map(params![deck_id, id], card_from_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            }
            None => {
                let mut stmt = self
                    .conn
                    .prepare_cached(include_str!("sql/card_in_any_deck.sql"))?;
                stmt.query_map([id], card_from_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()?
            }
        };
        match cards.len() {
            1 => Ok(cards.pop().expect("one card")),
            0 => Err(Error::UnknownCard {
                id: id.to_string(),
                hint: self.card_hint(id, deck)?,
            }),
            _ => Err(Error::AmbiguousCard {
                id: id.to_string(),
                decks: cards
                    .iter()
                    .map(|c| format!("`{}`", c.deck))
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
    }

    fn card_hint(&self, id: &str, deck: Option<&str>) -> Result<String> {
        // Suggest among ids sharing the first character, to stay cheap on big decks.
        let first: String = id.chars().take(1).collect();
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/card_ids_starting_with.sql"))?;
        let keys: Vec<String> = stmt
            .query_map([&first], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let in_deck = deck.map(|d| format!(" in deck `{d}`")).unwrap_or_default();
        Ok(
            match crate::error::suggest(id, keys.iter().map(String::as_str)) {
                Some(k) => format!("{in_deck} (did you mean `{k}`?)"),
                None => format!("{in_deck} (`rehearse cards` lists them)"),
            },
        )
    }

    /// Cards matching `filter`, by deck then file order.
    pub fn cards(&self, filter: &CardFilter) -> Result<Vec<Card>> {
        let deck_id = self.deck_id_of(filter.deck.as_deref())?;
        let mut stmt = match filter.due_by {
            Some(_) => self
                .conn
                .prepare_cached(include_str!("sql/cards_listed_due.sql"))?,
            None => self
                .conn
                .prepare_cached(include_str!("sql/cards_listed.sql"))?,
        };
        let due = filter.due_by.map(Day);
        let cards = match due {
            Some(due) => stmt.query_map(params![deck_id, filter.tag, due], card_from_row)?,
            None => stmt.query_map(params![deck_id, filter.tag], card_from_row)?,
        }
        .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(cards)
    }

    /// What today's limits still allow in a deck, given today's answers.
    /// With an interview ahead, the new-card limit is paced so that every
    /// new card is seen twice before it.
    pub fn daily_room(
        &self,
        deck_id: i64,
        clock: &Clock,
        settings: &Settings,
    ) -> Result<DailyRoom> {
        let today = clock.today();
        // From the maintained quarter-hour counts (schema v2), not the log:
        // a day starts on a quarter hour in every real time zone.
        let start = clock.day_start_ms(today).div_euclid(super::BUCKET_MS);
        let (new_done, reviews_done): (i64, i64) = self.conn.query_row(
            include_str!("sql/answers_since.sql"),
            params![start, deck_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let new_per_day = match self.interview_day(deck_id)? {
            Some(interview) if interview > today => {
                let new_left: i64 = self.conn.query_row(
                    include_str!("sql/new_cards_of_deck.sql"),
                    [deck_id],
                    |r| r.get(0),
                )?;
                paced_new_per_day(settings.new_per_day, new_left, new_done, today, interview)
            }
            _ => settings.new_per_day as i64,
        };
        Ok(DailyRoom {
            new: (new_per_day - new_done).max(0),
            new_per_day,
            reviews: (settings.reviews_per_day as i64 - reviews_done).max(0),
        })
    }

    /// Per-deck counts for `decks`, `stats` and the session summary
    /// (docs/json-output.md, docs/stats.md); `due` and `new_today` apply the
    /// daily limits.
    pub fn deck_counts(&self, clock: &Clock, settings: &Settings) -> Result<Vec<DeckCounts>> {
        // Card counts come from the maintained `deck_cards` (schema v2); due
        // cards are counted only as far as today's limit can show them.
        let today = day_number(clock.today());
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/decks_with_states.sql"))?;
        let rows = stmt
            .query_map([], |r| {
                let (new, young, mature, suspended): (i64, i64, i64, i64) =
                    (r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?);
                Ok((
                    r.get::<_, i64>(0)?,
                    DeckCounts {
                        name: r.get(1)?,
                        total: new + young + mature + suspended,
                        new,
                        due: 0,
                        young,
                        mature,
                        suspended,
                        new_today: 0,
                        due_tomorrow: 0,
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut due = self
            .conn
            .prepare_cached(include_str!("sql/due_in_deck_up_to.sql"))?;
        let mut out = Vec::with_capacity(rows.len());
        for (deck_id, mut counts) in rows {
            let room = self.daily_room(deck_id, clock, settings)?;
            counts.due = due.query_row(params![deck_id, today, room.reviews], |r| r.get(0))?;
            counts.new_today = counts.new.min(room.new);
            // The forecast's first day (docs/stats.md, "Due tomorrow").
            counts.due_tomorrow = self.due_on_days(&[deck_id], add_days(clock.today(), 1), 1)?[0];
            out.push(counts);
        }
        Ok(out)
    }
}
