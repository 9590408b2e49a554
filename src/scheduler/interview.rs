//! Interview mode: a date the scheduler knows about. SM-2 itself is left
//! alone; only the due day moves (a final pass the day before), and new
//! cards are paced so that each is seen twice before the date.

use chrono::NaiveDate;

use crate::clock::add_days;

/// The due day an answer given `today` gets when an interview is on
/// `interview`: never after the day before it, but never today again
/// either (that would bring the card back in a loop). `None` when the
/// plain due day stands.
pub fn cap_due(due: NaiveDate, today: NaiveDate, interview: NaiveDate) -> Option<NaiveDate> {
    if today >= interview {
        return None;
    }
    let last_pass = add_days(interview, -1).max(add_days(today, 1));
    (due > last_pass).then_some(last_pass)
}

/// The day's new-card limit for an interview deck: the larger of
/// `new_per_day` and what the new cards left need so that each is seen
/// twice before the interview (first on day X, again on X + 1, so the last
/// ones must start the day before the day before).
///
/// `new_left` counts cards never answered; `new_done_today` those
/// introduced today already (they count against today's limit).
pub fn paced_new_per_day(
    new_per_day: u32,
    new_left: i64,
    new_done_today: i64,
    today: NaiveDate,
    interview: NaiveDate,
) -> i64 {
    let plain = new_per_day as i64;
    if today >= interview {
        return plain;
    }
    // Days on which new cards can still start: today ..= interview − 2.
    let days = ((interview - today).num_days() - 1).max(1);
    let needed = (new_left + new_done_today + days - 1) / days;
    plain.max(needed)
}

/// Whole days from `today` to `interview` (0 on the day itself).
pub fn days_left(today: NaiveDate, interview: NaiveDate) -> i64 {
    (interview - today).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap()
    }

    #[test]
    fn due_days_after_the_eve_are_capped() {
        // Interview on the 10th: the last pass is the 9th.
        assert_eq!(cap_due(d(16), d(1), d(10)), Some(d(9)));
        assert_eq!(cap_due(d(9), d(1), d(10)), None);
        assert_eq!(cap_due(d(2), d(1), d(10)), None);
        // The eve itself: due tomorrow (the interview day), not today again.
        assert_eq!(cap_due(d(15), d(9), d(10)), Some(d(10)));
        // On and after the interview: plain SM-2.
        assert_eq!(cap_due(d(20), d(10), d(10)), None);
        assert_eq!(cap_due(d(20), d(12), d(10)), None);
    }

    #[test]
    fn pacing_spreads_new_cards_over_the_days_left() {
        // 60 new cards, interview in 6 days: new cards can start on 5 days.
        assert_eq!(paced_new_per_day(5, 60, 0, d(1), d(7)), 12);
        assert_eq!(
            paced_new_per_day(20, 60, 0, d(1), d(7)),
            20,
            "never below new_per_day"
        );
        assert_eq!(paced_new_per_day(20, 200, 0, d(1), d(7)), 40);
        // 12 already introduced today count against today's limit.
        assert_eq!(paced_new_per_day(20, 188, 12, d(1), d(7)), 40);
        // Tomorrow's interview: everything today.
        assert_eq!(paced_new_per_day(20, 90, 0, d(1), d(2)), 90);
        assert_eq!(paced_new_per_day(20, 90, 0, d(2), d(2)), 20);
    }

    proptest! {
        #[test]
        fn capped_days_are_before_the_interview_and_after_today(due in 1u32..=31, today in 1u32..=28, gap in 1u32..=3) {
            let interview = d((today + gap).min(31));
            if let Some(capped) = cap_due(d(due), d(today), interview) {
                prop_assert!(capped > d(today));
                prop_assert!(capped < d(due));
                prop_assert!(capped <= interview);
            }
        }

        #[test]
        fn pacing_introduces_everything_in_time(new in 0i64..500, per_day in 0u32..50, days in 2i64..30) {
            let start = d(1);
            let interview = add_days(start, days);
            let mut left = new;
            let mut day = start;
            while left > 0 && day < add_days(interview, -1) {
                let limit = paced_new_per_day(per_day, left, 0, day, interview);
                left -= limit.min(left);
                day = add_days(day, 1);
            }
            prop_assert_eq!(left, 0, "cards left when the last start day has passed");
        }
    }
}
