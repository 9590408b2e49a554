//! What `stats` reads: answer counts per local day folded from the
//! `review_buckets` table (schema v2), due counts per day, and the checks
//! and repair of the maintained tables (`review_buckets`, `deck_cards`).
//!
//! The buckets are UTC quarter hours, kept by triggers in the transaction
//! that writes the log, so reading them costs a scan of at most one row per
//! deck and quarter hour in which anyone answered, never of the log itself.
//! Local days are applied on read, with whatever time zone and
//! `day_starts_at` are current: a quarter hour never straddles a day
//! boundary, because every real UTC offset is a whole number of them.

use chrono::NaiveDate;
use rusqlite::params;

use super::Collection;
use crate::clock::{Clock, add_days, day_number};
use crate::domain::DayCounts;
use crate::error::Result;

/// Milliseconds in one bucket: a quarter hour.
pub const BUCKET_MS: i64 = 900_000;

/// One row of `review_buckets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewBucket {
    /// `floor(answered_at_ms / BUCKET_MS)`.
    pub bucket: i64,
    pub deck_id: i64,
    pub counts: DayCounts,
}

/// The buckets as the log says they must be (the triggers' contract).
const BUCKETS_FROM_LOG: &str = "
    SELECT answered_at_ms / 900000 - (answered_at_ms % 900000 < 0), deck_id,
           count(*), sum(quality >= 3), sum(kind = 'drill'),
           sum(kind = 'review' AND was_new = 0),
           sum(kind = 'review' AND was_new = 0 AND quality >= 3)
    FROM reviews
    GROUP BY 1, 2
    ORDER BY 1, 2";

/// Cards per deck by state, as `deck_cards` must hold them.
const CARDS_BY_STATE: &str = "
    SELECT deck_id, sum(due_day IS NULL), sum(due_day IS NOT NULL AND interval_days < 21),
           sum(due_day IS NOT NULL AND interval_days >= 21)
    FROM cards
    GROUP BY deck_id
    ORDER BY deck_id";

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
        let mut stmt = self.conn.prepare_cached(
            "SELECT bucket, 0, sum(answers), sum(passed), sum(drills), sum(known), sum(known_passed)
             FROM review_buckets WHERE ?1 IS NULL OR deck_id = ?1
             GROUP BY bucket ORDER BY bucket",
        )?;
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
        let mut stmt = self.conn.prepare_cached(
            "SELECT due_day, count(*) FROM cards
             WHERE deck_id = ?1 AND due_day BETWEEN ?2 AND ?3 GROUP BY due_day",
        )?;
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
                let mut stmt = self
                    .conn
                    .prepare_cached("SELECT id FROM decks ORDER BY name")?;
                let ids = stmt
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                Ok(ids)
            }
        }
    }

    /// The maintained buckets, in order.
    pub fn review_buckets(&self) -> Result<Vec<ReviewBucket>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT bucket, deck_id, answers, passed, drills, known, known_passed
             FROM review_buckets ORDER BY bucket, deck_id",
        )?;
        let rows = stmt
            .query_map([], bucket_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The buckets recomputed from the whole log, in order: what
    /// [`Collection::review_buckets`] must equal.
    pub fn review_buckets_from_log(&self) -> Result<Vec<ReviewBucket>> {
        let mut stmt = self.conn.prepare_cached(BUCKETS_FROM_LOG)?;
        let rows = stmt
            .query_map([], bucket_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// The maintained `(deck_id, new, young, mature)` of decks with cards.
    pub fn deck_cards(&self) -> Result<Vec<(i64, i64, i64, i64)>> {
        self.state_counts(
            "SELECT deck_id, new, young, mature FROM deck_cards
             WHERE new + young + mature > 0 ORDER BY deck_id",
        )
    }

    /// [`Collection::deck_cards`] recounted from the cards themselves.
    pub fn deck_cards_from_cards(&self) -> Result<Vec<(i64, i64, i64, i64)>> {
        self.state_counts(CARDS_BY_STATE)
    }

    fn state_counts(&self, sql: &str) -> Result<Vec<(i64, i64, i64, i64)>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Rebuilds the maintained counts (answer buckets and cards by state)
    /// from the log and the cards in one transaction: a repair, should they
    /// ever disagree.
    pub fn rebuild_stats_tables(&mut self) -> Result<()> {
        let tx = self.write()?;
        tx.execute("DELETE FROM review_buckets", [])?;
        tx.execute(
            &format!(
                "INSERT INTO review_buckets (bucket, deck_id, answers, passed, drills, known, known_passed) {BUCKETS_FROM_LOG}"
            ),
            [],
        )?;
        tx.execute("DELETE FROM deck_cards", [])?;
        tx.execute(
            &format!("INSERT INTO deck_cards (deck_id, new, young, mature) {CARDS_BY_STATE}"),
            [],
        )?;
        tx.commit()?;
        Ok(())
    }
}
