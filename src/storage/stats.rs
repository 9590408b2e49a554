//! What `stats` reads: answer counts per local day folded from the
//! `review_buckets` table (schema v2), due counts per day, and the checks
//! and repair of the maintained tables (`review_buckets`, `deck_cards`).
//!
//! The buckets are UTC quarter hours, kept (src/storage/counts.rs) in the
//! transaction that writes the log, so reading them costs a scan of at most one row per
//! deck and quarter hour in which anyone answered, never of the log itself.
//! Local days are applied on read, with whatever time zone and
//! `day_starts_at` are current: a quarter hour never straddles a day
//! boundary, because every real UTC offset is a whole number of them.

use chrono::NaiveDate;
use rusqlite::{named_params, params};

use super::Collection;
use super::counts::{self, BUCKET_MS};
use crate::clock::{Clock, add_days, day_number};
use crate::domain::{DayCounts, MATURE_INTERVAL_DAYS, PASS_QUALITY};
use crate::error::Result;

/// One deck's cards by state: a row of `deck_cards`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeckStates {
    pub deck_id: i64,
    pub new: i64,
    pub young: i64,
    pub mature: i64,
    /// Suspended cards, whatever their schedule (schema v7).
    pub suspended: i64,
}

/// One row of `review_buckets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewBucket {
    /// `floor(answered_at_ms / BUCKET_MS)`.
    pub bucket: i64,
    pub deck_id: i64,
    pub counts: DayCounts,
}

fn bucket_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ReviewBucket> {
    Ok(ReviewBucket {
        bucket: r.get(0)?,
        deck_id: r.get(1)?,
        counts: DayCounts {
            answers: r.get(2)?,
            passed: r.get(3)?,
            drills: r.get(4)?,
            known: r.get(5)?,
            known_passed: r.get(6)?,
        },
    })
}

impl Collection {
    /// Answer counts per local day (of one deck or all) that has answers,
    /// in date order.
    pub fn answer_days(
        &self,
        deck_id: Option<i64>,
        clock: &Clock,
    ) -> Result<Vec<(NaiveDate, DayCounts)>> {
        // The primary key (bucket, deck_id) hands rows over in bucket order,
        // so the grouping streams and the local day changes monotonically:
        // one time-zone lookup per day, not per bucket.
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/buckets_by_day.sql"))?;
        let mut rows = stmt.query([deck_id])?;
        let mut days: Vec<(NaiveDate, DayCounts)> = Vec::new();
        let mut day_ends_ms = i64::MIN;
        while let Some(row) = rows.next()? {
            let bucket = bucket_from_row(row)?;
            let at_ms = bucket.bucket.saturating_mul(BUCKET_MS);
            if at_ms >= day_ends_ms {
                let day = clock.day_of(at_ms);
                day_ends_ms = clock.day_start_ms(add_days(day, 1));
                if days.last().is_none_or(|(last, _)| *last != day) {
                    days.push((day, DayCounts::default()));
                }
            }
            if let Some((_, counts)) = days.last_mut() {
                *counts += bucket.counts;
            }
        }
        Ok(days)
    }

    /// Cards (of the given decks) falling due on each of `days` days from
    /// `first` on.
    pub fn due_on_days(&self, deck_ids: &[i64], first: NaiveDate, days: u32) -> Result<Vec<i64>> {
        let mut out = vec![0; days as usize];
        if days == 0 {
            return Ok(out);
        }
        let first = day_number(first);
        // Per deck, so the (deck_id, due_day) index gives a range to count.
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/due_per_day.sql"))?;
        for deck_id in deck_ids {
            let mut rows = stmt.query(params![deck_id, first, first + days as i64 - 1])?;
            while let Some(row) = rows.next()? {
                let day: i64 = row.get(0)?;
                out[(day - first) as usize] += row.get::<_, i64>(1)?;
            }
        }
        Ok(out)
    }

    /// The ids of deck `name`, or of every deck.
    pub fn deck_ids(&self, name: Option<&str>) -> Result<Vec<i64>> {
        match name {
            Some(name) => Ok(vec![self.deck_id(name)?]),
            None => {
                let mut stmt = self.conn.prepare_cached(include_str!("sql/deck_ids.sql"))?;
                let ids = stmt
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                Ok(ids)
            }
        }
    }

    /// The maintained buckets, in order.
    pub fn review_buckets(&self) -> Result<Vec<ReviewBucket>> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/buckets_all.sql"))?;
        let rows = stmt
            .query_map([], bucket_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The buckets recomputed from the whole log, in order: what
    /// [`Collection::review_buckets`] must equal.
    pub fn review_buckets_from_log(&self) -> Result<Vec<ReviewBucket>> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/buckets_from_log.sql"))?;
        let rows = stmt
            .query_map(
                named_params! {":pass_quality": PASS_QUALITY},
                bucket_from_row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The maintained counts of decks with cards, by deck id.
    pub fn deck_cards(&self) -> Result<Vec<DeckStates>> {
        self.state_counts(include_str!("sql/deck_cards_all.sql"), &[])
    }

    /// [`Collection::deck_cards`] recounted from the cards themselves.
    pub fn deck_cards_from_cards(&self) -> Result<Vec<DeckStates>> {
        self.state_counts(
            include_str!("sql/deck_cards_from_cards.sql"),
            named_params! {":mature_days": MATURE_INTERVAL_DAYS},
        )
    }

    fn state_counts(
        &self,
        sql: &str,
        params: &[(&str, &dyn rusqlite::ToSql)],
    ) -> Result<Vec<DeckStates>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt
            .query_map(params, |r| {
                Ok(DeckStates {
                    deck_id: r.get("deck_id")?,
                    new: r.get("new")?,
                    young: r.get("young")?,
                    mature: r.get("mature")?,
                    suspended: r.get("suspended")?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Rebuilds the maintained counts (answer buckets and cards by state)
    /// from the log and the cards in one transaction: a repair, should they
    /// ever disagree.
    pub fn rebuild_stats_tables(&mut self) -> Result<()> {
        let buckets = self.review_buckets_from_log()?;
        let cards = self.deck_cards_from_cards()?;
        let tx = self.write()?;
        tx.execute(include_str!("sql/buckets_clear.sql"), [])?;
        for b in &buckets {
            counts::add_to_bucket(&tx, b.bucket, b.deck_id, b.counts)?;
        }
        tx.execute(include_str!("sql/deck_cards_clear.sql"), [])?;
        for d in cards {
            counts::add_to_states(&tx, d.deck_id, [d.new, d.young, d.mature, d.suspended])?;
        }
        tx.commit()?;
        Ok(())
    }
}
