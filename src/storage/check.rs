//! `check`: SQLite's integrity check, then every card's state recomputed
//! from its review log and compared with what is stored; `repair` rewrites
//! the card states from the log.

use std::collections::HashMap;

use rusqlite::params;

use super::Collection;
use crate::error::Result;
use crate::scheduler::{self, Sm2};

/// What the log says a card's state must be.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Expected {
    /// SM-2 state and due day of the last scheduled answer; `None` = new.
    state: Option<(Sm2, i64)>,
    reviews: i64,
    lapses: i64,
}

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

impl Collection {
    /// Checks the file and every card against its log; with `repair`, card
    /// states that differ are rewritten from the log (one transaction).
    pub fn check(&mut self, repair: bool) -> Result<CheckReport> {
        let mut report = CheckReport::default();
        {
            let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
            let lines = stmt.query_map([], |r| r.get::<_, String>(0))?;
            for line in lines {
                let line = line?;
                if line != "ok" {
                    report.integrity.push(line);
                }
            }
        }
        if !report.integrity.is_empty() {
            return Ok(report);
        }
        let tx = self.write()?;
        let mut expected: HashMap<(i64, String), Expected> = HashMap::new();
        {
            let mut stmt = tx.prepare(
                "SELECT deck_id, card_key, quality, kind, was_new, repetition, ease, interval_days, due_day
                 FROM reviews ORDER BY deck_id, card_key, id",
            )?;
            let mut rows = stmt.query([])?;
            let mut current: Option<((i64, String), Expected, Sm2)> = None;
            while let Some(row) = rows.next()? {
                report.answers_checked += 1;
                let key: (i64, String) = (row.get(0)?, row.get(1)?);
                let quality: u8 = row.get(2)?;
                let drill = row.get::<_, String>(3)? == "drill";
                let was_new: bool = row.get(4)?;
                let stored = Sm2 {
                    repetition: row.get(5)?,
                    ease: row.get(6)?,
                    interval_days: row.get(7)?,
                };
                let due: i64 = row.get(8)?;
                if current.as_ref().is_none_or(|(k, _, _)| *k != key) {
                    if let Some((k, e, _)) = current.take() {
                        expected.insert(k, e);
                    }
                    current = Some((
                        key.clone(),
                        Expected {
                            state: None,
                            reviews: 0,
                            lapses: 0,
                        },
                        Sm2::default(),
                    ));
                }
                let (_, e, sm2) = current.as_mut().expect("set above");
                e.reviews += 1;
                if drill {
                    continue;
                }
                if e.state.is_some() && quality < 3 {
                    e.lapses += 1;
                }
                let next = scheduler::next(*sm2, quality);
                if next != stored || was_new != e.state.is_none() {
                    report.problems.push(Problem {
                        deck: key.0.to_string(),
                        card: key.1.clone(),
                        message: format!(
                            "the log stores {stored:?} where replaying it gives {next:?}"
                        ),
                    });
                }
                *sm2 = next;
                e.state = Some((next, due));
            }
            if let Some((k, e, _)) = current.take() {
                expected.insert(k, e);
            }
        }
        let mut fixes: Vec<(i64, Expected)> = Vec::new();
        {
            let mut stmt = tx.prepare(
                "SELECT c.id, c.deck_id, d.name, c.key, c.repetition, c.ease, c.interval_days, c.due_day, c.reviews, c.lapses
                 FROM cards c JOIN decks d ON d.id = c.deck_id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                report.cards_checked += 1;
                let row_id: i64 = row.get(0)?;
                let key: (i64, String) = (row.get(1)?, row.get(3)?);
                let due: Option<i64> = row.get(7)?;
                let stored = Expected {
                    state: due
                        .map(|d| {
                            Ok::<_, rusqlite::Error>((
                                Sm2 {
                                    repetition: row.get(4)?,
                                    ease: row.get(5)?,
                                    interval_days: row.get(6)?,
                                },
                                d,
                            ))
                        })
                        .transpose()?,
                    reviews: row.get(8)?,
                    lapses: row.get(9)?,
                };
                let want = expected.get(&key).copied().unwrap_or(Expected {
                    state: None,
                    reviews: 0,
                    lapses: 0,
                });
                if stored != want {
                    report.problems.push(Problem {
                        deck: row.get(2)?,
                        card: key.1.clone(),
                        message: describe(&stored, &want),
                    });
                    fixes.push((row_id, want));
                }
            }
        }
        // Name decks in log problems by name rather than id.
        for problem in &mut report.problems {
            if let Ok(id) = problem.deck.parse::<i64>()
                && let Ok(name) = tx.query_row("SELECT name FROM decks WHERE id = ?1", [id], |r| {
                    r.get::<_, String>(0)
                })
            {
                problem.deck = name;
            }
        }
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
        let tx = self.write()?;
        if repair {
            for (row_id, want) in &fixes {
                let (sm2, due) = match want.state {
                    Some((sm2, due)) => (sm2, Some(due)),
                    None => (Sm2::default(), None),
                };
                tx.execute(
                    "UPDATE cards SET repetition = ?2, ease = ?3, interval_days = ?4, due_day = ?5, reviews = ?6, lapses = ?7
                     WHERE id = ?1",
                    params![row_id, sm2.repetition, sm2.ease, sm2.interval_days, due, want.reviews, want.lapses],
                )?;
            }
            report.repaired = fixes.len();
            tx.commit()?;
            if stats_stale || !fixes.is_empty() {
                self.rebuild_stats_tables()?;
                report.repaired += stats_stale as usize;
            }
        }
        Ok(report)
    }
}

fn describe(stored: &Expected, want: &Expected) -> String {
    let show = |e: &Expected| match e.state {
        None => format!("new, {} answers, {} lapses", e.reviews, e.lapses),
        Some((sm2, due)) => format!(
            "n={} EF={} I={} due={}, {} answers, {} lapses",
            sm2.repetition,
            sm2.ease,
            sm2.interval_days,
            crate::clock::day_from_number(due),
            e.reviews,
            e.lapses
        ),
    };
    format!("stored {} but the log gives {}", show(stored), show(want))
}
