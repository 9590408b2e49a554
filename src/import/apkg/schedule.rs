//! Anki's scheduling onto SM-2: a card's row of the `cards` table and its
//! rows of the `revlog` table become a [`CardHistory`] (docs/imports.md,
//! "Scheduling and history"). Pure functions of the rows and of the days
//! they are read against, so that `export` can use the same mapping the
//! other way round.
//!
//! - A review card keeps its interval (`ivl`, days) and its ease
//!   (`factor` / 1000, at least 1.3); it is due on the collection's creation
//!   day plus `due` (`odue` while it sits in a filtered deck); its
//!   repetition is the run of passing answers (any but *again*) that ends
//!   its log, at least 1.
//! - A card in (re)learning is due on the import day, with its interval and
//!   ease where it has one.
//! - A new card is new; a suspended card (queue -1) stays suspended, a
//!   buried one (queue -2, -3) is not.
//! - Every answer of the log is kept with its time and grade. Learning and
//!   relearning steps after the card's first answer, and answers in a
//!   filtered deck (cram), are repeats that move no schedule: drills, as a
//!   session logs its own repeats. Manual rescheduling rows are not answers.

use chrono::NaiveDate;

use crate::clock::add_days;
use crate::domain::{CardHistory, Grade, Review, ReviewKind, Schedule, Sm2};

/// The SM-2 floor of the ease.
const MIN_EASE: f64 = 1.3;

/// The ease of a card Anki has no factor for (a new or learning card).
const START_EASE: f64 = 2.5;

/// Revlog `type`: learning, review, relearning, filtered (cram), manual,
/// rescheduled (recent Anki).
const LEARN: i64 = 0;
const RELEARN: i64 = 2;
const FILTERED: i64 = 3;

/// Card `type`: (0 new,) learning, review, relearning.
const CARD_LEARNING: i64 = 1;
const CARD_REVIEW: i64 = 2;
const CARD_RELEARNING: i64 = 3;

/// Card `queue` of a suspended card.
const QUEUE_SUSPENDED: i64 = -1;

/// The columns of a row of Anki's `cards` table that say where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnkiCard {
    pub card_type: i64,
    pub queue: i64,
    pub due: i64,
    pub ivl: i64,
    pub factor: i64,
    pub odue: i64,
    pub odid: i64,
}

/// The columns of a row of Anki's `revlog` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevlogRow {
    /// Milliseconds since the epoch: the time of the answer.
    pub id: i64,
    /// The button: 1 again, 2 hard, 3 good, 4 easy; 0 for a manual row.
    pub ease: i64,
    /// The interval after the answer: days, or negative seconds of a step.
    pub ivl: i64,
    pub factor: i64,
    pub kind: i64,
}

/// The days the mapping is read against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days {
    /// The collection's creation day (`col.crt`): review due days count
    /// from it.
    pub created: NaiveDate,
    /// The import day: cards in learning are due then.
    pub today: NaiveDate,
}

/// What one card's mapping gives, with what the import summary reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapped {
    pub history: CardHistory,
    /// Manual rescheduling rows (and rows of no known answer) left out.
    pub skipped_rows: usize,
    /// The card was in Anki's learning or relearning steps.
    pub learning: bool,
    /// Anki has a schedule for it but no answer in its log (a due date set
    /// by hand): it comes in new.
    pub unanswered: bool,
    /// Anki reset it to new after answers: they are kept as drills.
    pub reset: bool,
}

/// The grade of an answer button (1–4); `None` for anything else.
pub fn grade_of(ease: i64) -> Option<Grade> {
    match ease {
        1 => Some(Grade::Again),
        2 => Some(Grade::Hard),
        3 => Some(Grade::Good),
        4 => Some(Grade::Easy),
        _ => None,
    }
}

/// Whether a revlog row is an answer: a button was pressed, in learning,
/// review, relearning or a filtered deck. Manual rows (type 4, ease 0) and
/// rescheduling rows (type 5) are not.
pub fn is_answer(row: &RevlogRow) -> bool {
    grade_of(row.ease).is_some() && (LEARN..=FILTERED).contains(&row.kind)
}

/// An Anki factor (permille) as an SM-2 ease, at least 1.3; `fallback`
/// when Anki has none (0).
pub fn ease_of(factor: i64, fallback: f64) -> f64 {
    if factor > 0 {
        (factor as f64 / 1000.0).max(MIN_EASE)
    } else {
        fallback
    }
}

/// An Anki interval as SM-2 days: steps (negative seconds) and 0 count as
/// one day, SM-2's shortest interval.
pub fn interval_of(ivl: i64) -> i64 {
    ivl.max(1)
}

/// The run of passing answers (any button but *again*) ending `answers`.
pub fn passing_run(answers: &[RevlogRow]) -> u32 {
    answers
        .iter()
        .rev()
        .take_while(|r| r.ease >= 2)
        .count()
        .try_into()
        .unwrap_or(u32::MAX)
}

/// Where the card stands in SM-2 terms, given the run of passing answers
/// ending its log, and whether that is in Anki's (re)learning steps.
pub fn card_schedule(card: &AnkiCard, run: u32, ease_before: f64, days: Days) -> (Schedule, bool) {
    let sm2 = |repetition: u32, fallback: f64| Sm2 {
        repetition,
        ease: ease_of(card.factor, fallback),
        interval_days: interval_of(card.ivl),
    };
    match card.card_type {
        CARD_REVIEW => {
            // A card in a filtered deck keeps its home deck's due in `odue`.
            let due = if card.odid != 0 && card.odue != 0 {
                card.odue
            } else {
                card.due
            };
            let due = add_days(days.created, due);
            (
                Schedule::Learned {
                    sm2: sm2(run.max(1), START_EASE),
                    due,
                },
                false,
            )
        }
        CARD_LEARNING | CARD_RELEARNING => (
            Schedule::Learned {
                sm2: sm2(run, ease_before),
                due: days.today,
            },
            true,
        ),
        // New (0), or a type Anki does not write.
        _ => (Schedule::New, false),
    }
}

/// Maps one card and its revlog rows (oldest first). `day_of` gives the
/// local day of an instant. Each answer keeps its revlog id as its origin
/// (`anki:<id>`), so the same package imported again adds none twice.
pub fn map_card(
    card: &AnkiCard,
    rows: &[RevlogRow],
    days: Days,
    day_of: &dyn Fn(i64) -> NaiveDate,
) -> Mapped {
    let answered: Vec<RevlogRow> = rows.iter().copied().filter(is_answer).collect();
    let skipped_rows = rows.len() - answered.len();
    let mut answers = log_of(&answered, day_of);
    let last_ease = answers.last().map_or(START_EASE, |a| a.sm2.ease);
    let (mut schedule, learning) = card_schedule(card, passing_run(&answered), last_ease, days);
    let seed = answers.iter().rposition(|a| a.kind == ReviewKind::Review);
    let (mut unanswered, mut reset) = (false, false);
    match (schedule, seed) {
        (Schedule::Learned { sm2, due }, Some(i)) => {
            answers[i].sm2 = sm2;
            answers[i].due = due;
        }
        (Schedule::Learned { .. }, None) => {
            schedule = Schedule::New;
            unanswered = true;
        }
        (Schedule::New, Some(_)) => {
            reset = true;
            for a in &mut answers {
                a.kind = ReviewKind::Drill;
                a.was_new = false;
            }
        }
        (Schedule::New, None) => {}
    }
    Mapped {
        history: CardHistory {
            schedule,
            suspended: card.queue == QUEUE_SUSPENDED,
            answers,
        },
        skipped_rows,
        learning: learning && !unanswered,
        unanswered,
        reset,
    }
}

/// The answers as log rows: each scheduled answer with the state Anki gave
/// the card, each repeat (a step after the first answer, or cram) with
/// the state of the answer before it, as drills store it.
fn log_of(answered: &[RevlogRow], day_of: &dyn Fn(i64) -> NaiveDate) -> Vec<Review> {
    let mut out: Vec<Review> = Vec::with_capacity(answered.len());
    let mut state: Option<(Sm2, NaiveDate)> = None;
    let mut run = 0u32;
    for row in answered {
        let grade = grade_of(row.ease).expect("answers have a grade");
        run = if grade == Grade::Again {
            0
        } else {
            run.saturating_add(1)
        };
        let day = day_of(row.id);
        let step = matches!(row.kind, LEARN | RELEARN) && state.is_some();
        let kind = if row.kind == FILTERED || step {
            ReviewKind::Drill
        } else {
            ReviewKind::Review
        };
        let was_new = kind == ReviewKind::Review && state.is_none();
        let (sm2, due) = match (kind, state) {
            (ReviewKind::Drill, Some(before)) => before,
            (ReviewKind::Drill, None) => (Sm2::default(), day),
            (ReviewKind::Review, before) => {
                let ease_before = before.map_or(START_EASE, |(s, _)| s.ease);
                let sm2 = Sm2 {
                    repetition: run,
                    ease: ease_of(row.factor, ease_before),
                    interval_days: interval_of(row.ivl),
                };
                (sm2, add_days(day, row.ivl.max(0)))
            }
        };
        if kind == ReviewKind::Review {
            state = Some((sm2, due));
        }
        out.push(Review {
            id: 0,
            deck_id: 0,
            deck: String::new(),
            card: String::new(),
            answered_at_ms: row.id,
            quality: grade.quality(),
            grade: Some(grade),
            kind,
            was_new,
            sm2,
            due,
            capped: false,
            origin: Some(Review::anki_origin(row.id)),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CARD_NEW: i64 = 0;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    const DAY_MS: i64 = 86_400_000;

    /// Days counted in whole UTC days from the epoch.
    fn utc_day(at_ms: i64) -> NaiveDate {
        add_days(day("1970-01-01"), at_ms.div_euclid(DAY_MS))
    }

    fn days() -> Days {
        Days {
            created: day("2025-01-06"),
            today: day("2026-11-30"),
        }
    }

    fn row(at_day: i64, ease: i64, ivl: i64, factor: i64, kind: i64) -> RevlogRow {
        // 2025-01-06 is day 20094 since the epoch.
        RevlogRow {
            id: (20_094 + at_day) * DAY_MS + 5 * 3_600_000,
            ease,
            ivl,
            factor,
            kind,
        }
    }

    fn review_card(due: i64, ivl: i64, factor: i64) -> AnkiCard {
        AnkiCard {
            card_type: CARD_REVIEW,
            queue: 2,
            due,
            ivl,
            factor,
            odue: 0,
            odid: 0,
        }
    }

    #[test]
    fn buttons_eases_and_intervals() {
        assert_eq!(grade_of(1), Some(Grade::Again));
        assert_eq!(grade_of(4), Some(Grade::Easy));
        assert_eq!(grade_of(0), None);
        assert_eq!(grade_of(5), None);
        assert_eq!(ease_of(2500, 2.0), 2.5);
        assert_eq!(ease_of(1100, 2.0), 1.3, "clamped to SM-2's floor");
        assert_eq!(ease_of(0, 2.1), 2.1);
        assert_eq!(interval_of(-600), 1);
        assert_eq!(interval_of(0), 1);
        assert_eq!(interval_of(45), 45);
        assert!(!is_answer(&row(0, 0, 30, 2500, 4)), "a manual row");
        assert!(!is_answer(&row(0, 3, 30, 2500, 5)), "a rescheduling row");
        assert!(is_answer(&row(0, 3, 30, 2500, 3)), "cram is an answer");
    }

    #[test]
    fn the_run_of_passes_ends_the_log() {
        let log = [row(0, 3, 1, 0, 0), row(1, 1, 1, 0, 1), row(2, 2, 1, 0, 2)];
        assert_eq!(passing_run(&log), 1);
        assert_eq!(passing_run(&log[..2]), 0);
        assert_eq!(passing_run(&[]), 0);
    }

    #[test]
    fn a_review_card_keeps_interval_ease_due_and_lapses() {
        let rows = [
            row(0, 1, -60, 2500, LEARN),
            row(0, 3, -600, 2500, LEARN),
            row(0, 3, 1, 2500, LEARN),
            row(1, 3, 3, 2500, 1),
            row(4, 1, -600, 2300, 1),
            row(4, 3, 1, 2300, RELEARN),
            row(5, 3, 3, 2300, 1),
            row(8, 2, 4, 2150, 1),
            row(9, 0, 20, 2150, 4),
        ];
        let mapped = map_card(&review_card(30, 20, 2150), &rows, days(), &utc_day);
        assert_eq!(mapped.skipped_rows, 1);
        assert!(!mapped.learning && !mapped.unanswered && !mapped.reset);
        let h = &mapped.history;
        assert!(h.is_consistent());
        let want = Sm2 {
            repetition: 3,
            ease: 2.15,
            interval_days: 20,
        };
        assert_eq!(
            h.schedule,
            Schedule::Learned {
                sm2: want,
                due: day("2025-02-05")
            }
        );
        let kinds: Vec<ReviewKind> = h.answers.iter().map(|a| a.kind).collect();
        use ReviewKind::{Drill, Review as R};
        assert_eq!(kinds, [R, Drill, Drill, R, R, Drill, R, R]);
        assert!(h.answers[0].was_new && h.answers.iter().skip(1).all(|a| !a.was_new));
        // One lapse, as Anki counts them: the review answered again.
        assert_eq!(h.answers.iter().filter(|a| a.is_lapse()).count(), 1);
        assert_eq!(h.answers[3].sm2.interval_days, 3);
        assert_eq!(h.answers[3].due, day("2025-01-10"));
        assert_eq!(
            h.answers[5].sm2, h.answers[4].sm2,
            "a step repeats the state"
        );
        assert_eq!(
            h.answers[4].origin.as_deref(),
            Some(&*format!("anki:{}", rows[4].id))
        );
        assert_eq!(
            h.answers[7].sm2, want,
            "the last answer stores the card's state"
        );
    }

    #[test]
    fn a_filtered_card_is_due_on_its_home_day_and_cram_is_a_drill() {
        let mut card = review_card(-100_000, 10, 2500);
        card.odid = 7;
        card.odue = 40;
        let rows = [
            row(0, 3, 1, 2500, LEARN),
            row(20, 4, 10, 2500, 1),
            row(25, 1, 10, 2500, FILTERED),
        ];
        let h = map_card(&card, &rows, days(), &utc_day).history;
        assert_eq!(h.schedule.due(), Some(day("2025-02-15")));
        assert_eq!(h.answers[2].kind, ReviewKind::Drill);
        assert_eq!(
            h.schedule.sm2().repetition,
            1,
            "at least one for a review card"
        );
        assert!(h.is_consistent());
    }

    #[test]
    fn learning_cards_are_due_on_the_import_day() {
        let card = AnkiCard {
            card_type: CARD_LEARNING,
            queue: 1,
            due: 1_800_000_000,
            ivl: 0,
            factor: 2500,
            odue: 0,
            odid: 0,
        };
        let rows = [
            row(600, 1, -60, 2500, LEARN),
            row(600, 3, -600, 2500, LEARN),
        ];
        let mapped = map_card(&card, &rows, days(), &utc_day);
        assert!(mapped.learning);
        let sm2 = Sm2 {
            repetition: 1,
            ease: 2.5,
            interval_days: 1,
        };
        assert_eq!(
            mapped.history.schedule,
            Schedule::Learned {
                sm2,
                due: days().today
            }
        );
        assert!(mapped.history.is_consistent());
        let relearning = AnkiCard {
            card_type: CARD_RELEARNING,
            ivl: 12,
            factor: 1900,
            ..card
        };
        let rows = [row(0, 3, 1, 2500, LEARN), row(30, 1, -600, 1900, 1)];
        let mapped = map_card(&relearning, &rows, days(), &utc_day);
        let sm2 = Sm2 {
            repetition: 0,
            ease: 1.9,
            interval_days: 12,
        };
        assert_eq!(
            mapped.history.schedule,
            Schedule::Learned {
                sm2,
                due: days().today
            }
        );
    }

    proptest::proptest! {
        /// Whatever a package holds, the mapping gives a history storage
        /// can replay: one answer per answer row, each with its origin, and
        /// a learned card's state on its last scheduled answer.
        #[test]
        fn any_card_and_log_map_to_a_consistent_history(
            card_type in -1i64..5,
            queue in -4i64..5,
            due in proptest::prelude::any::<i64>(),
            ivl in proptest::prelude::any::<i64>(),
            factor in proptest::prelude::any::<i64>(),
            odue in proptest::prelude::any::<i64>(),
            odid in 0i64..2,
            log in proptest::collection::vec(
                (0i64..4_000_000_000_000, -1i64..6, proptest::prelude::any::<i64>(), -5000i64..5000, -1i64..7),
                0..30,
            ),
        ) {
            let card = AnkiCard { card_type, queue, due, ivl, factor, odue, odid };
            let mut rows: Vec<RevlogRow> = log
                .into_iter()
                .map(|(id, ease, ivl, factor, kind)| RevlogRow { id, ease, ivl, factor, kind })
                .collect();
            rows.sort_by_key(|r| r.id);
            let mapped = map_card(&card, &rows, days(), &utc_day);
            let h = &mapped.history;
            proptest::prop_assert!(h.is_consistent());
            proptest::prop_assert_eq!(h.answers.len() + mapped.skipped_rows, rows.len());
            proptest::prop_assert!(h.answers.iter().filter(|a| a.was_new).count() <= 1);
            for a in &h.answers {
                proptest::prop_assert!(a.sm2.ease >= MIN_EASE);
                // A drill before any scheduled answer keeps a new card's 0.
                let scheduled = a.kind == ReviewKind::Review;
                proptest::prop_assert!(a.sm2.interval_days >= 1 || !scheduled);
                proptest::prop_assert_eq!(a.origin.clone(), Some(Review::anki_origin(a.answered_at_ms)));
            }
        }
    }

    #[test]
    fn suspended_buried_reset_and_unanswered_cards() {
        let mut suspended = review_card(30, 5, 2500);
        suspended.queue = -1;
        let rows = [row(0, 3, 1, 2500, LEARN)];
        assert!(
            map_card(&suspended, &rows, days(), &utc_day)
                .history
                .suspended
        );
        let buried = AnkiCard {
            queue: -3,
            ..suspended
        };
        assert!(!map_card(&buried, &rows, days(), &utc_day).history.suspended);
        // Reset to new after answers: kept as drills, the card is new.
        let new = AnkiCard {
            card_type: CARD_NEW,
            queue: 0,
            due: 3,
            ivl: 0,
            factor: 0,
            ..buried
        };
        let reset = map_card(&new, &[rows[0], row(9, 0, 0, 0, 4)], days(), &utc_day);
        assert!(reset.reset);
        assert_eq!(reset.history.schedule, Schedule::New);
        assert_eq!(reset.history.answers[0].kind, ReviewKind::Drill);
        assert!(reset.history.is_consistent());
        // A due date set by hand on a new card: no answer, so new.
        let by_hand = map_card(
            &review_card(40, 10, 2500),
            &[row(9, 0, 10, 2500, 4)],
            days(),
            &utc_day,
        );
        assert!(by_hand.unanswered);
        assert_eq!(by_hand.history.schedule, Schedule::New);
        assert!(by_hand.history.answers.is_empty());
    }
}
