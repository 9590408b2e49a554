//! A card's state recomputed from its review log: the one replay that undo,
//! `check` and the tests share. The SM-2 state of every scheduled answer must
//! follow from the one before; the due day is the one the last answer
//! recorded (it depended on that day's time zone, fuzz setting and
//! interview, which the log does not repeat).
//!
//! Answers imported from Anki ([`Review::is_imported_seed`]) were scheduled
//! by Anki, not by SM-2: replay takes the state each one stores as it is,
//! and the answers given here go on from it (docs/imports.md).

use super::next;
use crate::domain::{Review, ReviewKind, Schedule, Sm2};

/// What a card's log says the card must be.
#[derive(Debug, Clone, PartialEq)]
pub struct Replayed {
    pub schedule: Schedule,
    /// Every answer, drills included.
    pub reviews: i64,
    pub lapses: i64,
    /// Answers whose stored state is not what SM-2 gives from the one before.
    pub mismatches: Vec<Mismatch>,
}

/// One answer of the log whose stored state replay does not reproduce.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    pub review_id: i64,
    pub stored: Sm2,
    pub replayed: Sm2,
}

/// Replays a card's answers, oldest first.
pub fn replay<'a>(log: impl IntoIterator<Item = &'a Review>) -> Replayed {
    let mut out = Replayed {
        schedule: Schedule::New,
        reviews: 0,
        lapses: 0,
        mismatches: Vec::new(),
    };
    for review in log {
        out.reviews += 1;
        if review.kind == ReviewKind::Drill {
            continue;
        }
        let was_new = out.schedule == Schedule::New;
        if review.is_imported_seed() {
            out.lapses += review.is_lapse() as i64;
            out.schedule = Schedule::Learned {
                sm2: review.sm2,
                due: review.due,
            };
            continue;
        }
        let replayed = next(out.schedule.sm2(), review.quality);
        if replayed != review.sm2 || review.was_new != was_new {
            out.mismatches.push(Mismatch {
                review_id: review.id,
                stored: review.sm2,
                replayed,
            });
        }
        if review.is_lapse() {
            out.lapses += 1;
        }
        out.schedule = Schedule::Learned {
            sm2: replayed,
            due: review.due,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Grade;
    use chrono::NaiveDate;

    fn review(id: i64, grade: Grade, kind: ReviewKind, was_new: bool, sm2: Sm2) -> Review {
        Review {
            id,
            deck_id: 1,
            deck: "d".into(),
            card: "c".into(),
            answered_at_ms: id,
            quality: grade.quality(),
            grade: Some(grade),
            kind,
            was_new,
            sm2,
            due: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
            capped: false,
            origin: None,
        }
    }

    #[test]
    fn replay_counts_answers_and_lapses_and_skips_drills() {
        let s1 = next(Sm2::default(), 4);
        let s2 = next(s1, 1);
        let log = [
            review(1, Grade::Good, ReviewKind::Review, true, s1),
            review(2, Grade::Again, ReviewKind::Review, false, s2),
            review(3, Grade::Good, ReviewKind::Drill, false, s2),
        ];
        let out = replay(&log);
        assert_eq!(out.reviews, 3);
        assert_eq!(out.lapses, 1);
        assert!(out.mismatches.is_empty());
        assert_eq!(out.schedule.sm2(), s2);
    }

    #[test]
    fn imported_answers_seed_the_state_the_answers_given_here_go_on_from() {
        let anki = Sm2 {
            repetition: 4,
            ease: 2.1,
            interval_days: 30,
        };
        let mut seed = review(1, Grade::Good, ReviewKind::Review, true, anki);
        seed.origin = Some("anki:1700000000000".into());
        let mut lapse = review(2, Grade::Again, ReviewKind::Review, false, anki);
        lapse.origin = Some("anki:1700000000001".into());
        let mut cram = review(3, Grade::Again, ReviewKind::Drill, false, anki);
        cram.origin = Some("anki:1700000000002".into());
        let here = next(anki, 4);
        let log = [
            seed,
            lapse,
            cram,
            review(4, Grade::Good, ReviewKind::Review, false, here),
        ];
        let out = replay(&log);
        assert!(out.mismatches.is_empty(), "{:?}", out.mismatches);
        assert_eq!((out.reviews, out.lapses), (4, 1));
        assert_eq!(out.schedule.sm2(), here);
        assert_eq!(here.interval_days, 63);
        // Without an origin, the same rows are checked against SM-2.
        let plain: Vec<Review> = log
            .iter()
            .cloned()
            .map(|r| Review { origin: None, ..r })
            .collect();
        assert!(!replay(&plain).mismatches.is_empty());
    }

    #[test]
    fn replay_names_an_answer_whose_state_was_tampered_with() {
        let mut wrong = next(Sm2::default(), 4);
        wrong.interval_days = 9;
        let out = replay(&[review(7, Grade::Good, ReviewKind::Review, true, wrong)]);
        assert_eq!(out.mismatches.len(), 1);
        assert_eq!(out.mismatches[0].review_id, 7);
        assert_eq!(out.schedule.sm2().interval_days, 1);
    }
}
