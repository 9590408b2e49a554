//! The numbers of `rehearse stats` (docs/stats.md), computed into one
//! [`Stats`] value that the text view and `--json` both render.
//!
//! Pure: the caller passes today's date and plain counts (answers per local
//! day, due counts, card counts per deck) already read from the collection;
//! nothing here reads the clock, the time zone or the database. That keeps
//! every rule (what a streak is, which answers count for retention, how long
//! the forecast and history are) testable with literal inputs.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use crate::clock::{add_days, day_number};

/// Default length of `forecast` when `--days` is not given.
pub const DEFAULT_FORECAST_DAYS: u32 = 7;
/// Default length of `history` when `--days` is not given.
pub const DEFAULT_HISTORY_DAYS: u32 = 365;
/// Retention looks at today and the 29 days before.
pub const RETENTION_DAYS: i64 = 30;

pub use crate::domain::DayCounts;

/// Cards of one deck by state (the labels of docs/scheduling.md), the
/// suspended ones apart: `total` is the sum of the four.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeckCards {
    pub name: String,
    pub total: i64,
    pub new: i64,
    pub young: i64,
    pub mature: i64,
    pub suspended: i64,
}

/// Everything `compute` needs, read by the caller.
#[derive(Debug, Clone)]
pub struct Inputs<'a> {
    pub today: NaiveDate,
    /// Answer counts per local day that has answers, in date order. Days
    /// after `today` (answers recorded with a later `--now`) are ignored.
    pub days: &'a [(NaiveDate, DayCounts)],
    /// Learned cards a session started now would show (the daily review
    /// limit applied); never new cards.
    pub due_today: i64,
    /// New cards a session started now would show (the daily new-card
    /// limit applied).
    pub new_today: i64,
    /// Cards falling due on each day from tomorrow on; its length is the
    /// forecast's.
    pub forecast: &'a [i64],
    /// How many days `history` covers, today included.
    pub history_days: u32,
    /// The decks looked at, with their cards by state.
    pub decks: Vec<DeckCards>,
    /// Each deck's interview, if it has one (interview mode).
    pub interviews: Vec<DeckInterview>,
}

/// One deck's interview and where its cards stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckInterview {
    pub deck: String,
    pub date: NaiveDate,
    pub cards: i64,
    /// Cards whose latest scheduled answer passed (quality ≥ 3) and that
    /// are not overdue.
    pub ready: i64,
    /// Answered cards due before the interview day (overdue included).
    pub due_before: i64,
    /// Cards never answered.
    pub new: i64,
}

/// The interview key of `stats`: one entry per date, its decks together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterviewStats {
    #[serde(serialize_with = "date")]
    pub date: NaiveDate,
    pub days_left: i64,
    pub decks: Vec<String>,
    pub cards: i64,
    /// Cards still to review before it: due before the date, or new.
    pub due_before: i64,
    pub new: i64,
    /// Share of the decks' cards whose latest non-drill answer had quality
    /// ≥ 3 and that are not overdue; `None` for decks without cards.
    pub readiness: Option<f64>,
}

/// The `stats` document (docs/json-output.md): the figures of docs/stats.md.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    #[serde(serialize_with = "date")]
    pub today: NaiveDate,
    pub streak: Streak,
    pub reviews_today: i64,
    /// Learned cards due by the end of today (docs/stats.md, "Due today").
    pub due_today: i64,
    /// New cards a session would bring up today.
    pub new_today: i64,
    /// Learned cards whose due day is tomorrow: the forecast's first day.
    pub due_tomorrow: i64,
    pub cards: CardTotals,
    /// Unrounded; `None` (null) when no answer counts.
    pub retention_30d: Option<f64>,
    pub forecast: Vec<DueOn>,
    pub history: Vec<ReviewsOn>,
    /// Share of today's answers (drills included) of quality ≥ 3.
    pub accuracy_today: Option<f64>,
    /// The answers behind `retention_30d`.
    pub retention_30d_answers: Tally,
    pub decks: Vec<DeckCards>,
    /// Interview mode: the coming (or today's) interviews; `None` (null)
    /// when none is set.
    pub interview: Option<Vec<InterviewStats>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Streak {
    pub current: u32,
    pub longest: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct CardTotals {
    pub total: i64,
    pub new: i64,
    pub young: i64,
    pub mature: i64,
    /// Suspended cards, in none of the three above.
    pub suspended: i64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub passed: i64,
    pub answers: i64,
}

impl Tally {
    pub fn share(self) -> Option<f64> {
        (self.answers > 0).then(|| self.passed as f64 / self.answers as f64)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DueOn {
    #[serde(serialize_with = "date")]
    pub date: NaiveDate,
    pub due: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ReviewsOn {
    #[serde(serialize_with = "date")]
    pub date: NaiveDate,
    pub reviews: i64,
}

fn date<S: Serializer>(day: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&day.format("%Y-%m-%d"))
}

pub fn compute(inputs: &Inputs<'_>) -> Stats {
    let today = inputs.today;
    let days: Vec<(NaiveDate, DayCounts)> = inputs
        .days
        .iter()
        .copied()
        .filter(|(day, _)| *day <= today)
        .collect();
    let on_today = days
        .last()
        .filter(|(day, _)| *day == today)
        .map(|(_, c)| *c)
        .unwrap_or_default();
    let retention_from = add_days(today, 1 - RETENTION_DAYS);
    let mut retention = Tally::default();
    for (_, c) in days.iter().filter(|(day, _)| *day >= retention_from) {
        retention.passed += c.known_passed;
        retention.answers += c.known;
    }
    let history_days = inputs.history_days.max(1) as i64;
    let first = add_days(today, 1 - history_days);
    let mut history: Vec<ReviewsOn> = (0..history_days)
        .map(|i| ReviewsOn {
            date: add_days(first, i),
            reviews: 0,
        })
        .collect();
    for (day, c) in days.iter().filter(|(day, _)| *day >= first) {
        let i = (day_number(*day) - day_number(first)) as usize;
        history[i].reviews = c.answers;
    }
    let forecast: Vec<DueOn> = inputs
        .forecast
        .iter()
        .enumerate()
        .map(|(i, &due)| DueOn {
            date: add_days(today, i as i64 + 1),
            due,
        })
        .collect();
    let mut cards = CardTotals::default();
    for deck in &inputs.decks {
        cards.total += deck.total;
        cards.new += deck.new;
        cards.young += deck.young;
        cards.mature += deck.mature;
        cards.suspended += deck.suspended;
    }
    Stats {
        today,
        streak: streak(days.iter().map(|(day, _)| *day), today),
        reviews_today: on_today.answers,
        due_today: inputs.due_today,
        new_today: inputs.new_today,
        due_tomorrow: forecast.first().map_or(0, |f| f.due),
        cards,
        retention_30d: retention.share(),
        forecast,
        history,
        accuracy_today: Tally {
            passed: on_today.passed,
            answers: on_today.answers,
        }
        .share(),
        retention_30d_answers: retention,
        decks: inputs.decks.clone(),
        interview: interviews(&inputs.interviews, today),
    }
}

/// Groups deck interviews by date, soonest first; past ones are left out.
fn interviews(decks: &[DeckInterview], today: NaiveDate) -> Option<Vec<InterviewStats>> {
    let mut out: Vec<InterviewStats> = Vec::new();
    let mut sorted: Vec<&DeckInterview> = decks.iter().filter(|d| d.date >= today).collect();
    sorted.sort_by(|a, b| (a.date, &a.deck).cmp(&(b.date, &b.deck)));
    let mut ready = 0;
    for d in sorted {
        if out.last().is_none_or(|last| last.date != d.date) {
            ready = 0;
            out.push(InterviewStats {
                date: d.date,
                days_left: (d.date - today).num_days(),
                decks: Vec::new(),
                cards: 0,
                due_before: 0,
                new: 0,
                readiness: None,
            });
        }
        let entry = out.last_mut().expect("pushed above");
        entry.decks.push(d.deck.clone());
        entry.cards += d.cards;
        entry.due_before += d.due_before + d.new;
        entry.new += d.new;
        ready += d.ready;
        entry.readiness = (entry.cards > 0).then(|| ready as f64 / entry.cards as f64);
    }
    (!out.is_empty()).then_some(out)
}

/// Streaks from the days that have at least one answer, in date order.
/// `current` runs back from today, or from yesterday when today has no
/// answer yet; `longest` is the longest run up to today.
pub fn streak(days: impl IntoIterator<Item = NaiveDate>, today: NaiveDate) -> Streak {
    let today = day_number(today);
    let mut longest = 0;
    let mut run = 0;
    let mut last: Option<i64> = None;
    for day in days.into_iter().map(day_number).take_while(|&d| d <= today) {
        run = match last {
            Some(prev) if day == prev => run,
            Some(prev) if day == prev + 1 => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        last = Some(day);
    }
    let current = match last {
        Some(day) if day >= today - 1 => run,
        _ => 0,
    };
    Streak { current, longest }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn answered(answers: i64) -> DayCounts {
        DayCounts {
            answers,
            passed: answers,
            ..DayCounts::default()
        }
    }

    fn inputs<'a>(
        today: &str,
        days: &'a [(NaiveDate, DayCounts)],
        forecast: &'a [i64],
    ) -> Inputs<'a> {
        Inputs {
            today: d(today),
            days,
            due_today: 0,
            new_today: 0,
            forecast,
            history_days: 5,
            decks: Vec::new(),
            interviews: Vec::new(),
        }
    }

    #[test]
    fn interviews_group_by_date_and_measure_readiness() {
        let deck = |name: &str, date: &str, cards, ready, due_before, new| DeckInterview {
            deck: name.into(),
            date: d(date),
            cards,
            ready,
            due_before,
            new,
        };
        let mut input = inputs("2026-11-25", &[], &[]);
        assert_eq!(compute(&input).interview, None);
        input.interviews = vec![
            deck("b", "2026-12-01", 10, 5, 2, 1),
            deck("a", "2026-12-01", 30, 27, 1, 0),
            deck("c", "2026-12-09", 0, 0, 0, 0),
            deck("old", "2026-11-20", 10, 10, 0, 0),
        ];
        let got = compute(&input).interview.unwrap();
        assert_eq!(got.len(), 2, "past interviews are left out");
        assert_eq!(got[0].decks, ["a", "b"]);
        assert_eq!(
            (
                got[0].days_left,
                got[0].cards,
                got[0].due_before,
                got[0].new
            ),
            (6, 40, 4, 1)
        );
        assert_eq!(got[0].readiness, Some(32.0 / 40.0));
        assert_eq!(got[1].readiness, None);
    }

    #[test]
    fn streak_counts_back_from_today_or_yesterday() {
        let days = [
            d("2026-11-20"),
            d("2026-11-22"),
            d("2026-11-23"),
            d("2026-11-24"),
        ];
        assert_eq!(
            streak(days, d("2026-11-24")),
            Streak {
                current: 3,
                longest: 3
            }
        );
        // No answer yet today: the run ending yesterday still counts.
        assert_eq!(streak(days, d("2026-11-25")).current, 3);
        // A day without answers breaks it.
        assert_eq!(streak(days, d("2026-11-26")).current, 0);
        assert_eq!(streak(days, d("2026-11-26")).longest, 3);
        assert_eq!(streak([], d("2026-11-26")), Streak::default());
    }

    #[test]
    fn longest_is_kept_when_the_current_run_is_shorter() {
        let days = [
            d("2026-11-01"),
            d("2026-11-02"),
            d("2026-11-03"),
            d("2026-11-04"),
            d("2026-11-10"),
            d("2026-11-11"),
        ];
        assert_eq!(
            streak(days, d("2026-11-11")),
            Streak {
                current: 2,
                longest: 4
            }
        );
        // Looking from the past, later answers do not count.
        assert_eq!(
            streak(days, d("2026-11-03")),
            Streak {
                current: 3,
                longest: 3
            }
        );
    }

    #[test]
    fn retention_counts_known_answers_of_the_last_thirty_days() {
        let old = DayCounts {
            answers: 10,
            passed: 0,
            drills: 0,
            known: 10,
            known_passed: 0,
        };
        let recent = DayCounts {
            answers: 9,
            passed: 8,
            drills: 2,
            known: 4,
            known_passed: 3,
        };
        // 2026-10-26 is the 31st day back from 2026-11-25: outside.
        let days = [(d("2026-10-26"), old), (d("2026-10-27"), recent)];
        let stats = compute(&inputs("2026-11-25", &days, &[]));
        assert_eq!(stats.retention_30d, Some(0.75));
        assert_eq!(
            stats.retention_30d_answers,
            Tally {
                passed: 3,
                answers: 4
            }
        );
        let none = [(d("2026-11-25"), answered(3))];
        let stats = compute(&inputs("2026-11-25", &none, &[]));
        assert_eq!(stats.retention_30d, None);
        assert_eq!(stats.accuracy_today, Some(1.0));
    }

    #[test]
    fn history_and_forecast_have_every_day_in_order() {
        let days = [
            (d("2026-11-10"), answered(7)),
            (d("2026-11-22"), answered(2)),
            (d("2026-11-25"), answered(4)),
            (d("2026-11-26"), answered(99)),
        ];
        let stats = compute(&inputs("2026-11-25", &days, &[3, 0, 1]));
        let history: Vec<(String, i64)> = stats
            .history
            .iter()
            .map(|h| (h.date.to_string(), h.reviews))
            .collect();
        assert_eq!(
            history,
            [
                ("2026-11-21".to_string(), 0),
                ("2026-11-22".to_string(), 2),
                ("2026-11-23".to_string(), 0),
                ("2026-11-24".to_string(), 0),
                ("2026-11-25".to_string(), 4),
            ]
        );
        assert_eq!(stats.reviews_today, 4);
        let forecast: Vec<(String, i64)> = stats
            .forecast
            .iter()
            .map(|f| (f.date.to_string(), f.due))
            .collect();
        assert_eq!(
            forecast,
            [
                ("2026-11-26".to_string(), 3),
                ("2026-11-27".to_string(), 0),
                ("2026-11-28".to_string(), 1),
            ]
        );
    }

    #[test]
    fn json_has_every_key_of_the_spec() {
        let mut i = inputs("2026-11-25", &[], &[0]);
        i.decks = vec![DeckCards {
            name: "d".into(),
            total: 3,
            new: 1,
            young: 1,
            mature: 1,
            suspended: 0,
        }];
        let json = serde_json::to_value(compute(&i)).unwrap();
        assert_eq!(json["today"], "2026-11-25");
        assert_eq!(
            json["streak"],
            serde_json::json!({"current": 0, "longest": 0})
        );
        assert_eq!(json["reviews_today"], 0);
        assert_eq!(json["due_today"], 0);
        assert_eq!(json["new_today"], 0);
        assert_eq!(json["due_tomorrow"], 0);
        assert_eq!(
            json["cards"],
            serde_json::json!({"total": 3, "new": 1, "young": 1, "mature": 1, "suspended": 0})
        );
        assert!(json["retention_30d"].is_null());
        assert_eq!(
            json["forecast"],
            serde_json::json!([{"date": "2026-11-26", "due": 0}])
        );
        assert_eq!(json["history"].as_array().unwrap().len(), 5);
        assert_eq!(
            json["history"][4],
            serde_json::json!({"date": "2026-11-25", "reviews": 0})
        );
    }
}
