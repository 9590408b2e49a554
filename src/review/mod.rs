//! The review session as a state machine, free of terminals and databases:
//! which card comes next, where a failed card comes back (SM-2 step 7), what
//! undo puts back, and the counts the progress bar and summary show. The
//! CLI drives it and writes each answer to the collection as it is given.

use std::collections::VecDeque;

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use crate::domain::Grade;
use crate::domain::{Card, DueCards, ReviewKind};

/// How many other cards come before a failed card is shown again.
pub const DRILL_GAP: usize = 3;

/// One card to show, as a scheduled review or an in-session repeat.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub card: Card,
    pub kind: ReviewKind,
}

/// One answer of this session, kept so undo can take it back.
#[derive(Debug, Clone)]
struct Step {
    entry: Entry,
    grade: Grade,
    review_id: i64,
    /// The repeat this answer queued, if it was again or hard.
    queued_drill: bool,
}

#[derive(Debug, Default)]
pub struct Session {
    queue: VecDeque<Entry>,
    steps: Vec<Step>,
    /// Cards planned plus repeats queued so far: the bar's length.
    pub total: usize,
    /// Answers given (repeats included): the bar's position.
    pub done: usize,
    /// Answers that were again.
    pub again: usize,
    /// Answers graded hard, good or easy (quality ≥ 3).
    pub passed: usize,
}

/// The session order of docs/review-session.md: due reviews oldest due first, ties shuffled
/// with a seeded RNG, then new cards in file order; `limit` caps the whole,
/// `new_limit` the new cards.
pub fn plan(due: DueCards, seed: u64, limit: Option<usize>, new_limit: Option<usize>) -> Vec<Card> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut reviews = due.reviews;
    reviews.sort_by_key(|c| c.schedule.due());
    let mut start = 0;
    while start < reviews.len() {
        let day = reviews[start].schedule.due();
        let end = start
            + reviews[start..]
                .iter()
                .take_while(|c| c.schedule.due() == day)
                .count();
        reviews[start..end].shuffle(&mut rng);
        start = end;
    }
    let mut new = due.new;
    if let Some(n) = new_limit {
        new.truncate(n);
    }
    let mut cards = reviews;
    cards.extend(new);
    if let Some(n) = limit {
        cards.truncate(n);
    }
    cards
}

impl Session {
    pub fn new(cards: Vec<Card>) -> Session {
        Session {
            total: cards.len(),
            queue: cards
                .into_iter()
                .map(|card| Entry {
                    card,
                    kind: ReviewKind::Review,
                })
                .collect(),
            ..Session::default()
        }
    }

    /// A cram session: every card is a drill, so no schedule changes.
    pub fn cram(cards: Vec<Card>) -> Session {
        let mut session = Session::new(cards);
        for entry in &mut session.queue {
            entry.kind = ReviewKind::Drill;
        }
        session
    }

    /// The card on screen, or `None` when the session is over.
    pub fn current(&self) -> Option<&Entry> {
        self.queue.front()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// Records that the current card was answered (and stored as
    /// `review_id`); `card` is its state after the answer. Again and hard
    /// bring it back after [`DRILL_GAP`] other cards, as a drill.
    pub fn answered(&mut self, grade: Grade, review_id: i64, card: Card) {
        let Some(entry) = self.queue.pop_front() else {
            return;
        };
        self.done += 1;
        if grade == Grade::Again {
            self.again += 1;
        } else {
            self.passed += 1;
        }
        let queued_drill = grade.needs_drill();
        if queued_drill {
            let at = DRILL_GAP.min(self.queue.len());
            self.queue.insert(
                at,
                Entry {
                    card,
                    kind: ReviewKind::Drill,
                },
            );
            self.total += 1;
        }
        self.steps.push(Step {
            entry,
            grade,
            review_id,
            queued_drill,
        });
    }

    /// Takes back this session's last answer: the card is shown again next.
    /// Returns the review to delete from the log, or `None` when this
    /// session has answered nothing.
    pub fn undo(&mut self) -> Option<i64> {
        let step = self.steps.pop()?;
        if step.queued_drill {
            let row = step.entry.card.row_id;
            if let Some(i) = self
                .queue
                .iter()
                .position(|e| e.card.row_id == row && e.kind == ReviewKind::Drill)
            {
                self.queue.remove(i);
            }
            self.total -= 1;
        }
        self.done -= 1;
        if step.grade == Grade::Again {
            self.again -= 1;
        } else {
            self.passed -= 1;
        }
        self.queue.push_front(step.entry);
        Some(step.review_id)
    }

    /// Drops the current card without an answer (it vanished meanwhile).
    pub fn skip(&mut self) {
        if self.queue.pop_front().is_some() {
            self.total -= 1;
        }
    }

    /// The card with the given row id, after an undo restored it.
    pub fn refresh_current(&mut self, card: Card) {
        if let Some(front) = self.queue.front_mut()
            && front.card.row_id == card.row_id
        {
            front.card = card;
        }
    }

    /// Distinct cards answered at least once in this session.
    pub fn cards_reviewed(&self) -> usize {
        let mut rows: Vec<i64> = self.steps.iter().map(|s| s.entry.card.row_id).collect();
        rows.sort_unstable();
        rows.dedup();
        rows.len()
    }

    /// Answers given in this session.
    pub fn answers(&self) -> usize {
        self.steps.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Schedule;
    use crate::domain::Sm2;
    use crate::domain::{CardDraft, CardId, CardKind};
    use chrono::NaiveDate;

    fn card(row_id: i64, due: Option<u32>) -> Card {
        Card {
            row_id,
            deck_id: 1,
            deck: "d".into(),
            draft: CardDraft {
                id: CardId(format!("c{row_id}")),
                note: format!("c{row_id}"),
                kind: CardKind::Basic,
                front: "f".into(),
                back: "b".into(),
                extra: String::new(),
                tags: vec![],
            },
            position: row_id,
            schedule: match due {
                None => Schedule::New,
                Some(day) => Schedule::Learned {
                    sm2: Sm2::default(),
                    due: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
                },
            },
            reviews: 0,
            lapses: 0,
            suspended: false,
        }
    }

    fn rows(session: &Session) -> Vec<(i64, ReviewKind)> {
        session
            .queue
            .iter()
            .map(|e| (e.card.row_id, e.kind))
            .collect()
    }

    #[test]
    fn plan_puts_oldest_due_first_then_new_in_order() {
        let due = DueCards {
            reviews: vec![card(1, Some(20)), card(2, Some(10)), card(3, Some(15))],
            new: vec![card(4, None), card(5, None), card(6, None)],
            new_held_back: 0,
        };
        let order: Vec<i64> = plan(due, 7, None, Some(2))
            .iter()
            .map(|c| c.row_id)
            .collect();
        assert_eq!(order, [2, 3, 1, 4, 5]);
    }

    #[test]
    fn plan_shuffles_ties_reproducibly_and_limits() {
        let make = || DueCards {
            reviews: (1..=8).map(|i| card(i, Some(10))).collect(),
            new: vec![card(9, None)],
            new_held_back: 0,
        };
        let a: Vec<i64> = plan(make(), 1, None, None)
            .iter()
            .map(|c| c.row_id)
            .collect();
        let b: Vec<i64> = plan(make(), 1, None, None)
            .iter()
            .map(|c| c.row_id)
            .collect();
        assert_eq!(a, b, "same seed, same order");
        assert_ne!(a[..8], [1, 2, 3, 4, 5, 6, 7, 8], "ties are shuffled");
        assert_eq!(a[8], 9, "new cards come after reviews");
        assert_eq!(plan(make(), 1, Some(3), None).len(), 3);
    }

    #[test]
    fn again_and_hard_come_back_as_drills_until_passed() {
        let mut s = Session::new((1..=5).map(|i| card(i, None)).collect());
        s.answered(Grade::Again, 100, card(1, Some(26)));
        assert_eq!(
            rows(&s)[..4],
            [
                (2, ReviewKind::Review),
                (3, ReviewKind::Review),
                (4, ReviewKind::Review),
                (1, ReviewKind::Drill)
            ]
        );
        assert_eq!((s.total, s.done, s.again), (6, 1, 1));
        for id in 2..=4 {
            s.answered(Grade::Good, 100 + id, card(id, Some(26)));
        }
        assert_eq!(s.current().unwrap().card.row_id, 1);
        s.answered(Grade::Hard, 200, card(1, Some(26)));
        // only card 5 is left before it: the drill goes after it
        assert_eq!(rows(&s), [(5, ReviewKind::Review), (1, ReviewKind::Drill)]);
        s.answered(Grade::Good, 201, card(5, Some(26)));
        s.answered(Grade::Easy, 202, card(1, Some(26)));
        assert!(s.is_empty());
        assert_eq!((s.total, s.done, s.again, s.passed), (7, 7, 1, 6));
        assert_eq!(s.cards_reviewed(), 5);
    }

    #[test]
    fn undo_puts_the_card_back_and_removes_its_drill() {
        let mut s = Session::new((1..=3).map(|i| card(i, None)).collect());
        assert_eq!(s.undo(), None, "nothing answered yet");
        s.answered(Grade::Good, 10, card(1, Some(26)));
        s.answered(Grade::Again, 11, card(2, Some(26)));
        assert_eq!(rows(&s), [(3, ReviewKind::Review), (2, ReviewKind::Drill)]);
        assert_eq!(s.undo(), Some(11));
        assert_eq!(rows(&s), [(2, ReviewKind::Review), (3, ReviewKind::Review)]);
        assert_eq!((s.total, s.done, s.again), (3, 1, 0));
        assert_eq!(s.undo(), Some(10));
        assert_eq!(
            rows(&s),
            [
                (1, ReviewKind::Review),
                (2, ReviewKind::Review),
                (3, ReviewKind::Review)
            ]
        );
        assert_eq!((s.total, s.done, s.passed), (3, 0, 0));
    }
}
