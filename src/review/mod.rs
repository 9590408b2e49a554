//! The review session as a state machine, free of terminals and databases:
//! which card comes next, where a failed card comes back (SM-2 step 7), what
//! undo puts back, and the counts the progress bar and summary show. The
//! CLI drives it and writes each answer to the collection as it is given.
//!
//! Siblings (cards of one note or lesson section, `Card::is_sibling_of`)
//! are never shown one after the other: the next card is the first one in
//! the queue that is not a sibling of the card just answered, when there is
//! one. With burying on, answering a card also takes its siblings out of
//! the session until tomorrow (docs/review-session.md, "Siblings").

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
    /// The siblings this answer buried, with their places in the queue.
    buried: Vec<(usize, Entry)>,
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
    /// Cards taken out because a sibling was answered.
    pub buried: usize,
    /// Whether answering a card buries its siblings.
    bury: bool,
    /// An undo put the card back: it is shown next, sibling or not.
    undone: bool,
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

    /// Answering a card buries its siblings (`bury_siblings`); a cram
    /// never buries.
    pub fn with_burying(mut self, bury: bool) -> Session {
        self.bury = bury;
        self
    }

    /// The card on screen, or `None` when the session is over.
    pub fn current(&self) -> Option<&Entry> {
        self.queue.get(self.next_index())
    }

    /// Where the card to show stands in the queue: the first that is
    /// neither the card answered last (a repeat) nor a sibling of it (the
    /// first of all when every card left is one).
    fn next_index(&self) -> usize {
        let Some(last) = self.steps.last().filter(|_| !self.undone) else {
            return 0;
        };
        let last = &last.entry.card;
        self.queue
            .iter()
            .position(|e| e.card.row_id != last.row_id && !e.card.is_sibling_of(last))
            .unwrap_or(0)
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    /// Records that the current card was answered (and stored as
    /// `review_id`); `card` is its state after the answer. Again and hard
    /// bring it back after [`DRILL_GAP`] other cards, as a drill. With
    /// burying on, a scheduled answer takes the card's siblings out.
    pub fn answered(&mut self, grade: Grade, review_id: i64, card: Card) {
        let Some(entry) = self.queue.remove(self.next_index()) else {
            return;
        };
        self.undone = false;
        self.done += 1;
        if grade == Grade::Again {
            self.again += 1;
        } else {
            self.passed += 1;
        }
        let buried = if self.bury && entry.kind == ReviewKind::Review {
            self.bury_siblings_of(&entry.card)
        } else {
            Vec::new()
        };
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
            buried,
        });
    }

    /// Takes the scheduled siblings of `card` out of the queue; returns
    /// them with their places, for undo.
    fn bury_siblings_of(&mut self, card: &Card) -> Vec<(usize, Entry)> {
        let places: Vec<usize> = (0..self.queue.len())
            .filter(|&i| {
                let e = &self.queue[i];
                e.kind == ReviewKind::Review && e.card.is_sibling_of(card)
            })
            .collect();
        let mut buried = Vec::with_capacity(places.len());
        for &i in places.iter().rev() {
            if let Some(entry) = self.queue.remove(i) {
                buried.push((i, entry));
            }
        }
        buried.reverse();
        self.total -= buried.len();
        self.buried += buried.len();
        buried
    }

    /// Takes back this session's last answer: the card is shown again next,
    /// and the siblings it buried come back. Returns the review to delete
    /// from the log, or `None` when this session has answered nothing.
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
        self.total += step.buried.len();
        self.buried -= step.buried.len();
        for (i, entry) in step.buried {
            self.queue.insert(i.min(self.queue.len()), entry);
        }
        self.done -= 1;
        if step.grade == Grade::Again {
            self.again -= 1;
        } else {
            self.passed -= 1;
        }
        self.queue.push_front(step.entry);
        self.undone = true;
        Some(step.review_id)
    }

    /// Drops the current card without an answer (it vanished meanwhile).
    pub fn skip(&mut self) {
        if self.queue.remove(self.next_index()).is_some() {
            self.total -= 1;
        }
        self.undone = false;
    }

    /// The card with the given row id, after an undo restored it.
    pub fn refresh_current(&mut self, card: Card) {
        let at = self.next_index();
        if let Some(current) = self.queue.get_mut(at)
            && current.card.row_id == card.row_id
        {
            current.card = card;
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
            buried: 0,
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
            buried: 0,
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

    /// Card `row_id` with id `id`, new.
    fn named(row_id: i64, id: &str) -> Card {
        let mut c = card(row_id, None);
        c.draft.id = CardId(id.into());
        c
    }

    fn ids(session: &Session) -> Vec<String> {
        session
            .queue
            .iter()
            .map(|e| e.card.id().to_string())
            .collect()
    }

    #[test]
    fn siblings_are_never_shown_back_to_back() {
        let cards = vec![
            named(1, "a"),
            named(2, "a#r"),
            named(3, "n#c1"),
            named(4, "n#c2"),
            named(5, "b"),
        ];
        let mut s = Session::new(cards);
        let mut shown = Vec::new();
        while let Some(entry) = s.current().cloned() {
            shown.push(entry.card.id().to_string());
            s.answered(Grade::Good, 0, entry.card);
        }
        assert_eq!(shown, ["a", "n#c1", "a#r", "n#c2", "b"]);
        assert_eq!((s.total, s.done, s.buried), (5, 5, 0));
    }

    #[test]
    fn when_only_siblings_are_left_they_still_come() {
        let mut s = Session::new(vec![named(1, "n#c1"), named(2, "n#c2")]);
        s.answered(Grade::Good, 0, named(1, "n#c1"));
        assert_eq!(s.current().unwrap().card.id().as_str(), "n#c2");
    }

    #[test]
    fn burying_takes_the_siblings_out_and_undo_brings_them_back() {
        let cards = vec![
            named(1, "l/s/point"),
            named(2, "x"),
            named(3, "l/s/cloze#c1"),
            named(4, "y"),
            named(5, "l/s/cloze2#c1"),
        ];
        let mut s = Session::new(cards).with_burying(true);
        s.answered(Grade::Again, 10, named(1, "l/s/point"));
        // the siblings are gone; the repeat of the card itself stays
        assert_eq!(ids(&s), ["x", "y", "l/s/point"]);
        assert_eq!((s.total, s.buried), (4, 2));
        assert_eq!(s.undo(), Some(10));
        assert_eq!(
            ids(&s),
            ["l/s/point", "x", "l/s/cloze#c1", "y", "l/s/cloze2#c1"]
        );
        assert_eq!((s.total, s.buried, s.done), (5, 0, 0));
        assert_eq!(s.current().unwrap().card.row_id, 1);
    }

    #[test]
    fn an_undone_card_is_shown_next_then_the_rest() {
        let mut s = Session::new(vec![named(1, "a"), named(2, "b"), named(3, "a#r")]);
        s.answered(Grade::Good, 10, named(1, "a"));
        s.answered(Grade::Good, 11, named(2, "b"));
        // `a#r` follows `b`; take `b` back: it comes next, then `a#r`
        assert_eq!(s.undo(), Some(11));
        assert_eq!(s.current().unwrap().card.row_id, 2);
        s.answered(Grade::Good, 12, named(2, "b"));
        assert_eq!(s.current().unwrap().card.row_id, 3);
    }

    proptest::proptest! {
        /// Whatever the cards and answers, a card follows a sibling of the
        /// card answered before it only when every card left was one, and
        /// with burying no two siblings are answered at all.
        #[test]
        fn siblings_follow_each_other_only_when_nothing_else_is_left(
            notes in proptest::collection::vec((0u8..4, 0u8..4), 1..12),
            grades in proptest::collection::vec(0usize..4, 40),
            bury: bool,
        ) {
            let cards: Vec<Card> = notes
                .iter()
                .enumerate()
                .map(|(i, (note, kind))| {
                    let id = match kind {
                        0 => format!("n{note}"),
                        1 => format!("n{note}#r"),
                        _ => format!("n{note}#c{i}"),
                    };
                    named(i as i64 + 1, &id)
                })
                .collect();
            let mut s = Session::new(cards).with_burying(bury);
            let mut answered: Vec<Card> = Vec::new();
            for g in grades {
                let Some(entry) = s.current().cloned() else { break };
                if let Some(last) = answered.last() {
                    let close = |c: &Card| c.row_id == last.row_id || c.is_sibling_of(last);
                    if close(&entry.card) {
                        proptest::prop_assert!(s.queue.iter().all(|e| close(&e.card)));
                    }
                }
                if bury && entry.kind == ReviewKind::Review {
                    proptest::prop_assert!(
                        !answered.iter().any(|a| a.is_sibling_of(&entry.card)),
                        "a buried sibling was shown"
                    );
                }
                answered.push(entry.card.clone());
                s.answered(Grade::ALL[g], 0, entry.card);
            }
        }
    }
}
