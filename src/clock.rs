//! Time as the user sees it: `--now` parsing, and local days that start at
//! `day_starts_at` (see docs/scheduling.md). Everything else takes a
//! [`Clock`] value, so time travel in tests is just another argument.
//!
//! One rule says which local day an instant belongs to, for the scheduler
//! and for `stats` alike: day D starts the first time the local clock reads
//! `day_starts_at` on D, or later (in a fold, the first pass; in a gap, the
//! end of the gap), and runs until day D + 1 starts. [`local_day`] is
//! derived from [`day_start_ms`], so the two cannot disagree on the nights
//! the clocks change.

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
        day_start_ms(day, self.day_starts_at_hour)
    }

    pub fn now_local(&self) -> DateTime<Local> {
        Local
            .timestamp_millis_opt(self.now_ms)
            .single()
            .unwrap_or_else(Local::now)
    }
}

/// The local day the instant `at_ms` belongs to: the day whose start is
/// the last one at or before it (the module's one rule).
pub fn local_day(at_ms: i64, day_starts_at_hour: u32) -> NaiveDate {
    // The wall clock minus the start hour is right all year but in the
    // hours around a change of the clocks; the day starts settle those.
    let guess = (wall_clock(at_ms) - Duration::hours(day_starts_at_hour as i64)).date();
    if at_ms < day_start_ms(guess, day_starts_at_hour) {
        guess.pred_opt().unwrap_or(guess)
    } else {
        match guess.succ_opt() {
            Some(next) if at_ms >= day_start_ms(next, day_starts_at_hour) => next,
            _ => guess,
        }
    }
}

/// The instant local `day` starts (UTC milliseconds).
pub fn day_start_ms(day: NaiveDate, day_starts_at_hour: u32) -> i64 {
    let naive = day.and_time(NaiveTime::MIN) + Duration::hours(day_starts_at_hour as i64);
    local_instant(naive).timestamp_millis()
}

fn wall_clock(at_ms: i64) -> NaiveDateTime {
    match Local.timestamp_millis_opt(at_ms).single() {
        Some(t) => t.naive_local(),
        None => DateTime::from_timestamp_millis(at_ms)
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
            .naive_utc(),
    }
}

/// The first instant the local clock reads `naive`, or, when the clocks
/// skip it (a gap), the end of the gap. Every candidate chrono gives is
/// checked against the clock: at the edges of a change, its answers can be
/// off by the change (an hour) or come in either order.
fn local_instant(naive: NaiveDateTime) -> DateTime<Local> {
    // Gaps last minutes to hours: a day of minutes is more than enough.
    for minutes in 0..=24 * 60 {
        let wanted = naive + Duration::minutes(minutes);
        let first = match Local.from_local_datetime(&wanted) {
            LocalResult::Single(t) => [Some(t), None],
            LocalResult::Ambiguous(a, b) => [Some(a), Some(b)],
            LocalResult::None => [None, None],
        }
        .into_iter()
        .flatten()
        .filter(|t| t.naive_local() == wanted && wall_clock(t.timestamp_millis()) == wanted)
        .min();
        if let Some(t) = first {
            return t;
        }
    }
    Local.from_utc_datetime(&naive)
}

/// The years `--now` may name (see docs/scheduling.md). Days are counted
/// up to 9999-12-31: from 9000 on, a due day could no longer be more than
/// a thousand years ahead, and before 1970 no answer can have been given.
pub const FIRST_YEAR: i32 = 1970;
pub const LAST_YEAR: i32 = 9000;

/// Parses a `--now` value: RFC 3339, local `YYYY-MM-DDTHH:MM[:SS]`, or
/// `YYYY-MM-DD` (noon local), within [`FIRST_YEAR`]..=[`LAST_YEAR`].
pub fn parse_now(text: &str) -> Result<DateTime<Utc>, String> {
    use chrono::Datelike;
    let text = text.trim();
    let now = parse_instant(text)?;
    if !(FIRST_YEAR..=LAST_YEAR).contains(&now.year()) {
        return Err(format!(
            "`{text}` is outside the years rehearse supports, {FIRST_YEAR} to {LAST_YEAR} (due days are counted up to 9999-12-31)"
        ));
    }
    Ok(now)
}

fn parse_instant(text: &str) -> Result<DateTime<Utc>, String> {
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
    fn every_instant_lies_between_the_start_of_its_day_and_the_next() {
        // Whatever zone the tests run in: a year of quarter hours.
        let first = Utc
            .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
            .unwrap()
            .timestamp_millis();
        for hour in [0, 2, 4] {
            for step in (0..365 * 96).step_by(7) {
                let at_ms = first + step * 900_000;
                let day = local_day(at_ms, hour);
                assert!(day_start_ms(day, hour) <= at_ms, "{at_ms} before {day}");
                assert!(at_ms < day_start_ms(day.succ_opt().unwrap(), hour));
            }
        }
    }

    #[test]
    fn now_is_refused_outside_the_supported_years() {
        assert!(parse_now("9000-12-31").is_ok());
        assert!(parse_now("1970-01-02T00:00:00Z").is_ok());
        for text in ["9999-12-31", "9001-01-01T12:00", "1969-12-31T12:00:00Z"] {
            let err = parse_now(text).unwrap_err();
            assert!(err.contains("1970 to 9000"), "{err}");
        }
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
