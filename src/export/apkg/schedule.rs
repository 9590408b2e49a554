//! Our schedule and review log in Anki's columns (docs/imports.md, "Anki
//! packages out"):
//!
//! - a new card is a new card (type 0, queue 0) due at its place in the
//!   deck's file order;
//! - a learned card is a review card (type 2, queue 2) with our interval,
//!   ease × 1000 as its factor, and its due day counted from the day the
//!   collection was created (Anki's `crt`);
//! - a suspended card keeps its type in queue −1;
//! - each answer is a `revlog` row: the answer's time as its id (made unique
//!   by moving a clash one millisecond on), the grade as Anki's button 1–4,
//!   the interval before and after, and the kind: learning (0) for a card's
//!   first answer, review (1), or filtered-deck (3) for our drills, which
//!   leave the schedule alone as Anki's filtered decks without rescheduling
//!   do.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::{Card, Grade, Review, ReviewKind, Schedule};

/// Anki's card types and queues.
const NEW: i64 = 0;
const REVIEW: i64 = 2;
/// The queue of a suspended card (its type stays).
const SUSPENDED: i64 = -1;

/// Anki's revlog kinds.
const LEARN_ENTRY: i64 = 0;
const REVIEW_ENTRY: i64 = 1;
const FILTERED_ENTRY: i64 = 3;

/// A card's scheduling columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CardColumns {
    pub kind: i64,
    pub queue: i64,
    pub due: i64,
    pub ivl: i64,
    pub factor: i64,
    pub reps: i64,
    pub lapses: i64,
}

/// One `revlog` row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevlogRow {
    pub id: i64,
    pub cid: i64,
    pub ease: i64,
    pub ivl: i64,
    pub last_ivl: i64,
    pub factor: i64,
    pub kind: i64,
}

/// The day the package's collection was created: today, or the earliest
/// due day when a card is overdue, so that no due number is negative.
pub fn creation_day<'a>(today: NaiveDate, cards: impl Iterator<Item = &'a Card>) -> NaiveDate {
    cards
        .filter_map(|c| c.schedule.due())
        .fold(today, NaiveDate::min)
}

/// The scheduling columns of `card` in a collection created on `crt`.
pub fn card_columns(card: &Card, crt: NaiveDate) -> CardColumns {
    let (reps, lapses) = (card.reviews, card.lapses);
    let mut columns = match card.schedule {
        Schedule::New => CardColumns {
            kind: NEW,
            queue: NEW,
            due: card.position.max(0),
            ivl: 0,
            factor: 0,
            reps,
            lapses,
        },
        Schedule::Learned { sm2, due } => CardColumns {
            kind: REVIEW,
            queue: REVIEW,
            due: (due - crt).num_days(),
            // Anki's review cards have an interval of at least one day.
            ivl: sm2.interval_days.max(1),
            factor: factor(sm2.ease),
            reps,
            lapses,
        },
    };
    if card.suspended {
        columns.queue = SUSPENDED;
    }
    columns
}

/// The `revlog` rows of `reviews`, for the answers whose card has an Anki
/// id in `card_ids` (by our deck id and card key), oldest first.
pub fn revlog(reviews: &[Review], card_ids: &HashMap<(i64, &str), i64>) -> Vec<RevlogRow> {
    let mut log: Vec<&Review> = reviews.iter().collect();
    log.sort_by_key(|r| r.id);
    // The interval each card had before each answer, in log order.
    let mut interval: HashMap<(i64, &str), i64> = HashMap::new();
    let mut rows: Vec<(i64, i64, RevlogRow)> = Vec::with_capacity(log.len());
    for review in log {
        let key = (review.deck_id, review.card.as_str());
        let Some(&cid) = card_ids.get(&key) else {
            continue;
        };
        let before = interval.get(&key).copied().unwrap_or(0);
        let after = review.sm2.interval_days.max(0);
        let kind = if review.kind == ReviewKind::Drill {
            FILTERED_ENTRY
        } else if review.was_new {
            LEARN_ENTRY
        } else {
            REVIEW_ENTRY
        };
        if review.kind == ReviewKind::Review {
            interval.insert(key, after);
        }
        let row = RevlogRow {
            id: 0,
            cid,
            ease: button(review),
            ivl: after,
            last_ivl: if review.kind == ReviewKind::Drill {
                after
            } else {
                before
            },
            factor: factor(review.sm2.ease),
            kind,
        };
        rows.push((review.answered_at_ms, review.id, row));
    }
    rows.sort_by_key(|(at, id, _)| (*at, *id));
    let mut last = i64::MIN;
    rows.into_iter()
        .map(|(at, _, mut row)| {
            row.id = at.max(last.saturating_add(1));
            last = row.id;
            row
        })
        .collect()
}

/// Anki's factor: the ease in permille.
fn factor(ease: f64) -> i64 {
    (ease * 1000.0).round() as i64
}

/// The Anki button of an answer: again 1, hard 2, good 3, easy 4 (by its
/// quality when it has no grade).
fn button(review: &Review) -> i64 {
    match review.grade {
        Some(Grade::Again) => 1,
        Some(Grade::Hard) => 2,
        Some(Grade::Good) => 3,
        Some(Grade::Easy) => 4,
        None => match review.quality {
            0..=2 => 1,
            3 => 2,
            4 => 3,
            _ => 4,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CardDraft, Sm2};

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn card(schedule: Schedule) -> Card {
        Card {
            row_id: 1,
            deck_id: 1,
            deck: "d".into(),
            draft: CardDraft::basic("a", "front", "back", vec![]),
            position: 7,
            schedule,
            reviews: 3,
            lapses: 1,
            suspended: false,
        }
    }

    fn review(id: i64, at: i64, grade: Grade, kind: ReviewKind, was_new: bool, ivl: i64) -> Review {
        Review {
            id,
            deck_id: 1,
            deck: "d".into(),
            card: "a".into(),
            answered_at_ms: at,
            quality: grade.quality(),
            grade: Some(grade),
            kind,
            was_new,
            sm2: Sm2 {
                repetition: 1,
                ease: 2.36,
                interval_days: ivl,
            },
            due: day("2026-01-01"),
            capped: false,
            origin: None,
        }
    }

    #[test]
    fn new_and_learned_cards() {
        let new = card_columns(&card(Schedule::New), day("2026-01-01"));
        assert_eq!((new.kind, new.queue, new.due, new.ivl), (0, 0, 7, 0));
        let sm2 = Sm2 {
            repetition: 3,
            ease: 2.36,
            interval_days: 15,
        };
        let learned = card(Schedule::Learned {
            sm2,
            due: day("2026-01-20"),
        });
        let columns = card_columns(&learned, day("2026-01-01"));
        assert_eq!(
            columns,
            CardColumns {
                kind: 2,
                queue: 2,
                due: 19,
                ivl: 15,
                factor: 2360,
                reps: 3,
                lapses: 1
            }
        );
        let overdue = card(Schedule::Learned {
            sm2,
            due: day("2025-12-25"),
        });
        let crt = creation_day(day("2026-01-01"), [&learned, &overdue].into_iter());
        assert_eq!(crt, day("2025-12-25"));
        assert_eq!(card_columns(&overdue, crt).due, 0);
        let suspended = Card {
            suspended: true,
            ..learned
        };
        let columns = card_columns(&suspended, crt);
        assert_eq!((columns.kind, columns.queue), (2, -1));
        let suspended_new = Card {
            suspended: true,
            ..card(Schedule::New)
        };
        let columns = card_columns(&suspended_new, crt);
        assert_eq!((columns.kind, columns.queue, columns.due), (0, -1, 7));
    }

    proptest::proptest! {
        /// Answers at any times, clashing or not, give strictly increasing
        /// revlog ids, none before its answer.
        #[test]
        fn revlog_ids_are_unique_and_ordered(times in proptest::collection::vec(0i64..50, 0..40)) {
            let log: Vec<Review> = times
                .iter()
                .enumerate()
                .map(|(i, at)| review(i as i64 + 1, *at, Grade::Good, ReviewKind::Review, i == 0, 1))
                .collect();
            let rows = revlog(&log, &HashMap::from([((1, "a"), 7)]));
            proptest::prop_assert_eq!(rows.len(), log.len());
            for pair in rows.windows(2) {
                proptest::prop_assert!(pair[0].id < pair[1].id);
            }
            let mut sorted = times.clone();
            sorted.sort();
            for (row, at) in rows.iter().zip(sorted) {
                proptest::prop_assert!(row.id >= at);
            }
        }
    }

    #[test]
    fn revlog_kinds_intervals_and_unique_ids() {
        let log = [
            review(1, 1000, Grade::Good, ReviewKind::Review, true, 1),
            review(2, 1000, Grade::Again, ReviewKind::Review, false, 1),
            review(3, 1001, Grade::Hard, ReviewKind::Drill, false, 1),
            review(4, 5000, Grade::Easy, ReviewKind::Review, false, 6),
        ];
        let ids = HashMap::from([((1, "a"), 42)]);
        let rows = revlog(&log, &ids);
        let got: Vec<_> = rows
            .iter()
            .map(|r| (r.id, r.cid, r.ease, r.kind, r.last_ivl, r.ivl, r.factor))
            .collect();
        assert_eq!(
            got,
            [
                (1000, 42, 3, 0, 0, 1, 2360),
                (1001, 42, 1, 1, 1, 1, 2360),
                (1002, 42, 2, 3, 1, 1, 2360),
                (5000, 42, 4, 1, 1, 6, 2360),
            ]
        );
        assert!(revlog(&log, &HashMap::new()).is_empty());
    }
}
