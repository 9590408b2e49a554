//! `check`: SQLite's integrity check, then every card's state recomputed
//! from its review log (the one [`scheduler::replay`]) and compared with
//! what is stored; `repair` rewrites the card states from the log.

use std::collections::HashMap;

use rusqlite::Transaction;

use super::Collection;
use super::cards::card_from_row;
use super::reviews::{CardState, review_from_row, set_card_state};
use crate::domain::{Card, Review, Schedule};
use crate::error::Result;
use crate::scheduler::{self, Replayed};

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub deck: String,
    pub card: String,
    pub message: String,
}

#[derive(Debug, Default, serde::Serialize)]
pub struct CheckReport {
    /// Lines from `PRAGMA integrity_check` other than "ok".
    pub integrity: Vec<String>,
    pub cards_checked: usize,
    pub answers_checked: usize,
    pub problems: Vec<Problem>,
    pub repaired: usize,
}

impl CheckReport {
    pub fn is_clean(&self) -> bool {
        self.integrity.is_empty() && self.problems.is_empty()
    }
}

/// What the log says each card (by deck id and card id) must be.
type Expected = HashMap<(i64, String), Replayed>;

impl Collection {
    /// Checks the file and every card against its log; with `repair`, card
    /// states that differ are rewritten from the log (one transaction).
    pub fn check(&mut self, repair: bool) -> Result<CheckReport> {
        let mut report = CheckReport {
            integrity: self.integrity_problems()?,
            ..CheckReport::default()
        };
        if !report.integrity.is_empty() {
            return Ok(report);
        }
        let tx = self.write()?;
        let expected = replay_log(&tx, &mut report)?;
        let fixes = compare_cards(&tx, &expected, &mut report)?;
        drop(tx);
        // The counts kept for stats must equal a recount from the log and cards.
        let stats_stale = self.review_buckets()? != self.review_buckets_from_log()?
            || self.deck_cards()? != self.deck_cards_from_cards()?;
        if stats_stale {
            report.problems.push(Problem {
                deck: "-".into(),
                card: "-".into(),
                message: "the counts kept for stats differ from a recount of the review log".into(),
            });
        }
        if repair {
            let tx = self.write()?;
            for (card, want) in &fixes {
                let state = CardState {
                    schedule: want.schedule,
                    reviews: want.reviews,
                    lapses: want.lapses,
                };
                set_card_state(&tx, card, state)?;
            }
            tx.commit()?;
            report.repaired = fixes.len();
            if stats_stale || !fixes.is_empty() {
                self.rebuild_stats_tables()?;
                report.repaired += stats_stale as usize;
            }
        }
        Ok(report)
    }

    /// Lines from `PRAGMA integrity_check` other than "ok".
    fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut problems = Vec::new();
        for line in lines {
            let line = line?;
            if line != "ok" {
                problems.push(line);
            }
        }
        Ok(problems)
    }
}

/// Replays every card's log, one card after the other, and reports the
/// answers whose stored state replay does not reproduce.
fn replay_log(tx: &Transaction<'_>, report: &mut CheckReport) -> Result<Expected> {
    let mut expected = Expected::new();
    let mut stmt = tx.prepare(include_str!("sql/reviews_by_card.sql"))?;
    let mut rows = stmt.query_map([], review_from_row)?;
    let mut group: Vec<Review> = Vec::new();
    let mut finish = |group: &mut Vec<Review>, report: &mut CheckReport| {
        let Some(first) = group.first() else { return };
        let replayed = scheduler::replay(group.iter());
        for m in &replayed.mismatches {
            report.problems.push(Problem {
                deck: first.deck.clone(),
                card: first.card.clone(),
                message: format!(
                    "the log stores {:?} where replaying it gives {:?} (answer #{})",
                    m.stored, m.replayed, m.review_id
                ),
            });
        }
        expected.insert((first.deck_id, first.card.clone()), replayed);
        group.clear();
    };
    for row in &mut rows {
        let review = row?;
        report.answers_checked += 1;
        let same_card = group
            .first()
            .is_some_and(|g| g.deck_id == review.deck_id && g.card == review.card);
        if !same_card {
            finish(&mut group, report);
        }
        group.push(review);
    }
    finish(&mut group, report);
    Ok(expected)
}

/// Compares every stored card with what its log gives; returns the cards to
/// rewrite, with what they must become.
fn compare_cards(
    tx: &Transaction<'_>,
    expected: &Expected,
    report: &mut CheckReport,
) -> Result<Vec<(Card, Replayed)>> {
    let never_answered = Replayed {
        schedule: Schedule::New,
        reviews: 0,
        lapses: 0,
        mismatches: Vec::new(),
    };
    let mut fixes = Vec::new();
    let mut stmt = tx.prepare(include_str!("sql/cards_all.sql"))?;
    for card in stmt.query_map([], card_from_row)? {
        let card = card?;
        report.cards_checked += 1;
        let want = expected
            .get(&(card.deck_id, card.id().to_string()))
            .unwrap_or(&never_answered);
        if card.schedule != want.schedule
            || card.reviews != want.reviews
            || card.lapses != want.lapses
        {
            report.problems.push(Problem {
                deck: card.deck.clone(),
                card: card.id().to_string(),
                message: format!(
                    "stored {} but the log gives {}",
                    show_card(&card),
                    show(want)
                ),
            });
            fixes.push((card, want.clone()));
        }
    }
    Ok(fixes)
}

fn show_card(card: &Card) -> String {
    show(&Replayed {
        schedule: card.schedule,
        reviews: card.reviews,
        lapses: card.lapses,
        mismatches: Vec::new(),
    })
}

fn show(state: &Replayed) -> String {
    let s = |n: i64| if n == 1 { "" } else { "s" };
    let counts = format!(
        "{} answer{}, {} lapse{}",
        state.reviews,
        s(state.reviews),
        state.lapses,
        s(state.lapses)
    );
    match state.schedule {
        Schedule::New => format!("new, {counts}"),
        Schedule::Learned { sm2, due } => format!(
            "n={} EF={} I={} due={due}, {counts}",
            sm2.repetition, sm2.ease, sm2.interval_days
        ),
    }
}
