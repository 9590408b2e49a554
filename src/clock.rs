//! Time as the user sees it: `--now` parsing, and local days that start at
//! `day_starts_at` (docs/scheduling.md, "Days"). Everything else takes a [`Clock`] value, so
//! time travel in tests is just another argument.

use chrono::{
    DateTime, Duration, Local, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
};

/// The current instant and the hour at which a new day begins.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    pub now_ms: i64,
    pub day_starts_at_hour: u32,
}

impl Clock {
    pub fn new(now: DateTime<Utc>, day_starts_at_hour: u32) -> Clock {
        Clock {
            now_ms: now.timestamp_millis(),
            day_starts_at_hour,
        }
    }

    /// Today's local day.
    pub fn today(&self) -> NaiveDate {
        self.day_of(self.now_ms)
    }

    /// The local day an instant belongs to: an answer at 03:30 with days
    /// starting at 04:00 belongs to the day before.
    pub fn day_of(&self, at_ms: i64) -> NaiveDate {
        local_day(at_ms, self.day_starts_at_hour)
    }

    /// The instant the local `day` starts (UTC milliseconds).
    pub fn day_start_ms(&self, day: NaiveDate) -> i64 {
        let naive = day.and_time(NaiveTime::MIN) + Duration::hours(self.day_starts_at_hour as i64);
        local_instant(naive).timestamp_millis()
    }

    pub fn now_local(&self) -> DateTime<Local> {
        Local
            .timestamp_millis_opt(self.now_ms)
            .single()
            .unwrap_or_else(Local::now)
    }
}

pub fn local_day(at_ms: i64, day_starts_at_hour: u32) -> NaiveDate {
    let local = Local
        .timestamp_millis_opt(at_ms)
        .single()
        .unwrap_or_else(Local::now)
        .naive_local();
    (local - Duration::hours(day_starts_at_hour as i64)).date()
}

/// A local wall-clock time as an instant; in a DST gap the later side, in a
/// fold the earlier.
fn local_instant(naive: NaiveDateTime) -> DateTime<Local> {
    match Local.from_local_datetime(&naive) {
        LocalResult::Single(t) => t,
        LocalResult::Ambiguous(early, _) => early,
        LocalResult::None => local_instant(naive + Duration::hours(1)),
    }
}

/// Parses a `--now` value: RFC 3339, local `YYYY-MM-DDTHH:MM[:SS]`, or
/// `YYYY-MM-DD` (noon local).
pub fn parse_now(text: &str) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
            return Ok(local_instant(naive).with_timezone(&Utc));
        }
    }
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        let noon = day.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("noon"));
        return Ok(local_instant(noon).with_timezone(&Utc));
    }
    Err(format!(
        "`{text}` is not a time: use RFC 3339 (2026-11-25T09:30:00+01:00), local 2026-11-25T09:30, or a day 2026-11-25"
    ))
}

/// Days are stored as their number counted from 0001-01-01 (day 1).
pub fn day_number(day: NaiveDate) -> i64 {
    use chrono::Datelike;
    day.num_days_from_ce() as i64
}

pub fn day_from_number(n: i64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(n.clamp(1, 3_652_059) as i32).unwrap_or(NaiveDate::MAX)
}

/// Adds days, saturating at the last representable day.
pub fn add_days(day: NaiveDate, days: i64) -> NaiveDate {
    day_from_number(day_number(day).saturating_add(days))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_forms() {
        let t = parse_now("2026-11-25T09:30:00+01:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-11-25T08:30:00+00:00");
        assert!(parse_now("2026-11-25T09:30").is_ok());
        assert!(parse_now("2026-11-25T09:30:15").is_ok());
        assert!(parse_now("2026-11-25").is_ok());
        assert!(parse_now("yesterday").is_err());
        assert!(parse_now("2026-13-01").is_err());
    }

    #[test]
    fn day_numbers_round_trip() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(day_from_number(day_number(d)), d);
        assert_eq!(
            add_days(d, 6),
            NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
        );
        assert_eq!(
            add_days(d, i64::MAX),
            NaiveDate::from_num_days_from_ce_opt(3_652_059).unwrap()
        );
    }
}
