//! What one answer does to a card, decided in one pure function: the SM-2
//! step, the fuzz seeded from the card and its repetition, and the interview
//! cap. The collection loads the card, asks [`answer`], and writes the
//! outcome; the session's buttons show [`next_states`], the same function
//! applied to each grade, so what a button promises is what it stores.

use chrono::NaiveDate;

use super::interview::cap_due;
use super::{due_day, fuzz_seed, next};
use crate::domain::{Answer, Grade, PASS_QUALITY, ReviewKind, Schedule, Sm2};

/// Everything besides the card's state that an answer depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context<'a> {
    /// The local day the answer is given on.
    pub today: NaiveDate,
    /// The deck's interview day, when one is set.
    pub interview: Option<NaiveDate>,
    /// `Some` when the `fuzz` setting is on: the card the jitter is seeded
    /// from, so the same answer always gets the same due day.
    pub fuzz: Option<FuzzKey<'a>>,
}

/// What names a card for its fuzz seed (docs/scheduling.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FuzzKey<'a> {
    pub deck: &'a str,
    pub card: &'a str,
}

/// What an answer leaves: the log row's state and the card's new schedule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Outcome {
    /// The SM-2 state the log records (a drill repeats the card's state).
    pub sm2: Sm2,
    /// The due day the log records.
    pub due: NaiveDate,
    /// The interview moved the due day to its eve.
    pub capped: bool,
    /// A scheduled answer to a card never answered before.
    pub was_new: bool,
    /// A scheduled failing answer to a card already learned.
    pub lapse: bool,
    /// Where the card stands afterwards.
    pub schedule: Schedule,
}

/// The outcome of `answer` given to a card in `state`.
pub fn answer(state: Schedule, answer: Answer, ctx: &Context<'_>) -> Outcome {
    match (answer.kind, state) {
        // A drill leaves the schedule alone; the log repeats the state.
        (ReviewKind::Drill, Schedule::Learned { sm2, due }) => Outcome {
            sm2,
            due,
            capped: false,
            was_new: false,
            lapse: false,
            schedule: state,
        },
        // A cram drill of a never-answered card: it stays new.
        (ReviewKind::Drill, Schedule::New) => Outcome {
            sm2: Sm2::default(),
            due: ctx.today,
            capped: false,
            was_new: false,
            lapse: false,
            schedule: Schedule::New,
        },
        (ReviewKind::Review, state) => scheduled(state, answer.quality, ctx),
    }
}

fn scheduled(state: Schedule, quality: u8, ctx: &Context<'_>) -> Outcome {
    let was_new = state == Schedule::New;
    let sm2 = next(state.sm2(), quality);
    let seed = ctx
        .fuzz
        .map(|key| fuzz_seed(key.deck, key.card, sm2.repetition));
    let plain = due_day(ctx.today, sm2.interval_days, seed);
    let capped = ctx.interview.and_then(|day| cap_due(plain, ctx.today, day));
    let due = capped.unwrap_or(plain);
    Outcome {
        sm2,
        due,
        capped: capped.is_some(),
        was_new,
        lapse: !was_new && quality < PASS_QUALITY,
        schedule: Schedule::Learned { sm2, due },
    }
}

/// What each of the four buttons would store, for the session's preview.
pub fn next_states(state: Schedule, ctx: &Context<'_>) -> [(Grade, Outcome); 4] {
    Grade::ALL.map(|grade| {
        (
            grade,
            answer(state, Answer::graded(grade, ReviewKind::Review), ctx),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::add_days;
    use proptest::prelude::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    const KEY: FuzzKey<'static> = FuzzKey {
        deck: "deck",
        card: "card",
    };

    #[test]
    fn a_new_card_answered_good_is_due_tomorrow() {
        let ctx = Context {
            today: day(1),
            interview: None,
            fuzz: Some(KEY),
        };
        let out = answer(
            Schedule::New,
            Answer::graded(Grade::Good, ReviewKind::Review),
            &ctx,
        );
        assert_eq!(out.due, day(2));
        assert!(out.was_new && !out.lapse && !out.capped);
    }

    #[test]
    fn failing_a_learned_card_is_a_lapse_and_drills_change_nothing() {
        let learned = Schedule::Learned {
            sm2: Sm2 {
                repetition: 3,
                ease: 2.5,
                interval_days: 15,
            },
            due: day(1),
        };
        let ctx = Context {
            today: day(1),
            interview: None,
            fuzz: None,
        };
        let out = answer(
            learned,
            Answer::graded(Grade::Again, ReviewKind::Review),
            &ctx,
        );
        assert!(out.lapse);
        assert_eq!(out.sm2.interval_days, 1);
        let drill = answer(
            learned,
            Answer::graded(Grade::Again, ReviewKind::Drill),
            &ctx,
        );
        assert_eq!(drill.schedule, learned);
        assert!(!drill.lapse);
    }

    #[test]
    fn the_interview_caps_the_due_day() {
        let learned = Schedule::Learned {
            sm2: Sm2 {
                repetition: 2,
                ease: 2.5,
                interval_days: 6,
            },
            due: day(1),
        };
        let ctx = Context {
            today: day(1),
            interview: Some(day(5)),
            fuzz: Some(KEY),
        };
        let out = answer(
            learned,
            Answer::graded(Grade::Easy, ReviewKind::Review),
            &ctx,
        );
        assert!(out.capped);
        assert_eq!(out.due, day(4));
        // The SM-2 state itself is plain SM-2.
        assert_eq!(out.sm2, next(learned.sm2(), 5));
    }

    proptest! {
        #[test]
        fn next_states_are_exactly_what_answering_gives(
            rep in 0u32..8, ease in 1.3f64..3.0, interval in 1i64..300,
            new in any::<bool>(), fuzz in any::<bool>(), gap in proptest::option::of(1i64..40),
        ) {
            let today = day(1);
            let state = if new {
                Schedule::New
            } else {
                Schedule::Learned { sm2: Sm2 { repetition: rep, ease, interval_days: interval }, due: today }
            };
            let ctx = Context {
                today,
                interview: gap.map(|g| add_days(today, g)),
                fuzz: fuzz.then_some(KEY),
            };
            for (grade, shown) in next_states(state, &ctx) {
                let stored = answer(state, Answer::graded(grade, ReviewKind::Review), &ctx);
                prop_assert_eq!(shown, stored);
                prop_assert!(stored.due > today);
            }
        }
    }
}
