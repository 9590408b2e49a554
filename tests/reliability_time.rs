//! Time at its edges (issue 14): the local day an answer belongs to is the
//! same for the scheduler and for `stats`, also on the nights the clocks
//! change; `--now` outside the supported years is refused.

mod common;

use std::collections::BTreeMap;

use common::{Env, add_days};

fn assert_first_line(stderr: &str, parts: &[&str]) {
    let first = stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with("error: "), "{stderr}");
    for part in parts {
        assert!(first.contains(part), "`{part}` missing from: {stderr}");
    }
}

/// Answers one new card at each instant (fuzz off, so `good` makes it due
/// the day after the day it was answered on), then checks that each was
/// scheduled from `expected` day and that `stats` counts it on that day.
fn scheduler_and_stats_agree(instants: &[(&str, &str)], stats_now: &str) {
    let env = Env::new().tz("Europe/Berlin");
    env.no_fuzz();
    env.run(&["config", "day_starts_at", "2"]).ok();
    let cards: Vec<(String, String, String)> = (0..instants.len())
        .map(|i| (format!("c{i}"), format!("Q{i}"), format!("A{i}")))
        .collect();
    let deck = env.deck("d.toml", "D", &cards);
    env.run(&["import", deck.to_str().unwrap()]).ok();

    let mut per_day: BTreeMap<String, i64> = BTreeMap::new();
    for (i, (at, expected)) in instants.iter().enumerate() {
        let card = env.at(at, &["grade", &format!("c{i}"), "good"]).json();
        assert_eq!(
            card["due"],
            add_days(expected, 1),
            "an answer at {at} is scheduled from the wrong day"
        );
        *per_day.entry(expected.to_string()).or_default() += 1;
    }
    let stats = env.at(stats_now, &["stats", "--days", "30"]).json();
    let counted: BTreeMap<String, i64> = stats["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["reviews"] != 0)
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_string(),
                d["reviews"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(counted, per_day, "stats count answers on other days");
}

#[test]
fn issue14_10_the_day_in_the_dst_fold_is_one_day_for_scheduler_and_stats() {
    // 2026-10-25, Berlin: at 03:00 summer time (01:00Z) the clocks go back
    // to 02:00, so 02:00-03:00 happens twice. The day starts the first time
    // 02:00 is reached.
    scheduler_and_stats_agree(
        &[
            ("2026-10-24T23:30:00Z", "2026-10-24"), // 01:30 summer time
            ("2026-10-24T23:59:00Z", "2026-10-24"), // 01:59 summer time
            ("2026-10-25T00:00:00Z", "2026-10-25"), // 02:00 summer time
            ("2026-10-25T00:30:00Z", "2026-10-25"), // 02:30 summer time
            ("2026-10-25T01:00:00Z", "2026-10-25"), // 02:00 winter time
            ("2026-10-25T01:30:00Z", "2026-10-25"), // 02:30 winter time
            ("2026-10-26T00:30:00Z", "2026-10-25"), // 01:30 winter time
            ("2026-10-26T01:00:00Z", "2026-10-26"), // 02:00 winter time
        ],
        "2026-10-27T12:00:00Z",
    );
}

#[test]
fn issue14_10_the_day_in_the_dst_gap_is_one_day_for_scheduler_and_stats() {
    // 2026-03-29, Berlin: at 02:00 winter time (01:00Z) the clocks jump to
    // 03:00, so 02:00 never happens: the day starts at 03:00.
    scheduler_and_stats_agree(
        &[
            ("2026-03-28T00:30:00Z", "2026-03-27"), // 01:30 winter time
            ("2026-03-29T00:30:00Z", "2026-03-28"), // 01:30 winter time
            ("2026-03-29T00:59:00Z", "2026-03-28"), // 01:59 winter time
            ("2026-03-29T01:00:00Z", "2026-03-29"), // 03:00 summer time
            ("2026-03-29T01:30:00Z", "2026-03-29"), // 03:30 summer time
            ("2026-03-30T00:30:00Z", "2026-03-30"), // 02:30 summer time
        ],
        "2026-03-31T12:00:00Z",
    );
}

#[test]
fn issue14_11_now_outside_the_supported_years_is_refused() {
    let env = Env::new();
    let deck = env.deck("d.toml", "D", &[("a", "Q", "A")]);
    env.run(&["import", deck.to_str().unwrap()]).ok();
    for now in [
        "9999-12-31",
        "9001-01-01T00:00:00Z",
        "1969-12-31",
        "0001-01-01T12:00",
    ] {
        // A bad argument, like any `--now` clap refuses: exit 2.
        let err = env.at(now, &["grade", "a", "easy"]).fails(2);
        assert_first_line(&err, &[now, "1970", "9000"]);
        let err = env
            .run(&["grade", "a", "easy"])
            .env("REHEARSE_NOW", now)
            .fails(2);
        assert_first_line(&err, &[now, "1970", "9000"]);
    }
    assert_eq!(env.card("a")["reviews"], 0);
    // The edges of the range are fine.
    env.at("9000-12-31T12:00:00Z", &["grade", "a", "easy"]).ok();
    env.at("1970-01-01T12:00:00Z", &["decks"]).ok();
}
