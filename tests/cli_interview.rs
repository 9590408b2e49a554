//! Interview mode through the binary, with `--now` time travel: due days
//! capped at the eve while SM-2 itself is unchanged, new cards paced to be
//! seen twice in time, cram that changes no schedule, and clearing.

mod common;

use common::Env;
use serde_json::Value;

/// A deck of `n` basic cards `c1..cn`.
fn deck(env: &Env, n: usize) -> String {
    let cards: Vec<(String, String, String)> = (1..=n)
        .map(|i| {
            (
                format!("c{i}"),
                format!("Question {i}?"),
                format!("Answer {i}."),
            )
        })
        .collect();
    let path = env.deck("prep.toml", "Prep", &cards);
    path.to_str().unwrap().to_string()
}

fn day(n: u32) -> String {
    format!("2026-12-{n:02}T09:00:00Z")
}

/// Runs one day's session answering every card with `grade`.
fn session(env: &Env, now: &str, grade: &str) -> String {
    env.at(now, &["review"])
        .output_with_stdin(&format!("{grade}\n").repeat(200))
}

fn cards(env: &Env) -> Vec<Value> {
    env.run(&["cards"]).json().as_array().unwrap().clone()
}

#[test]
fn ten_days_of_learning_end_with_every_card_due_by_the_eve() {
    let env = Env::new();
    let plain = Env::new();
    for e in [&env, &plain] {
        e.run(&["import", &deck(e, 30)]).ok();
        e.no_fuzz();
        e.run(&["config", "new_per_day", "3"]).ok();
    }
    env.at(&day(1), &["interview", "2026-12-12"]).ok();
    for d in 1..=10 {
        let out = session(&env, &day(d), "easy");
        if d == 1 {
            assert!(
                out.contains("interview in 11 days (Prep): 3 new cards today"),
                "{out}"
            );
        }
        session(&plain, &day(d), "easy");
    }
    for card in cards(&env) {
        assert_ne!(card["state"], "new", "{card}");
        assert!(
            card["due"].as_str().unwrap() <= "2026-12-11",
            "due after the eve: {card}"
        );
    }
    assert!(
        cards(&plain)
            .iter()
            .any(|c| c["due"].as_str().unwrap() > "2026-12-11"),
        "plain SM-2 schedules past the interview"
    );
    // The eve's session: every card has now been seen at least twice.
    session(&env, &day(11), "good");
    for card in cards(&env) {
        assert!(card["reviews"].as_i64().unwrap() >= 2, "{card}");
    }
    // The eve is the last pass: nothing is due after the day of the interview.
    let history = env.run(&["card", "c1"]).json()["history"].clone();
    assert!(
        history
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["capped"] == true),
        "{history}"
    );
}

#[test]
fn the_sm2_state_is_the_one_plain_scheduling_gives() {
    let env = Env::new();
    let plain = Env::new();
    for e in [&env, &plain] {
        e.run(&["import", &deck(e, 2)]).ok();
        e.no_fuzz();
    }
    env.at(&day(1), &["interview", "2026-12-05"]).ok();
    for (d, g) in [(1, "easy"), (2, "good"), (4, "easy")] {
        let a = env.at(&day(d), &["grade", "c1", g]).json();
        let b = plain.at(&day(d), &["grade", "c1", g]).json();
        for key in ["interval", "ease", "repetition", "reviews", "lapses"] {
            assert_eq!(a[key], b[key], "{key} after {g} on day {d}");
        }
    }
    let capped = env.run(&["card", "c1"]).json();
    let free = plain.run(&["card", "c1"]).json();
    assert_eq!(
        capped["due"], "2026-12-05",
        "due moved to the interview day at most"
    );
    assert_ne!(free["due"], capped["due"]);
    let out = env.at(&day(4), &["grade", "c2", "easy"]).ok();
    assert!(
        !out.contains("capped"),
        "a 1-day interval needs no cap: {out}"
    );
}

#[test]
fn pacing_raises_the_new_card_limit_to_finish_in_time() {
    let env = Env::new();
    env.run(&["import", &deck(&env, 40)]).ok();
    env.run(&["config", "new_per_day", "5"]).ok();
    // Interview in 6 days: new cards can start on 5 of them → 8 a day.
    env.at(&day(1), &["interview", "2026-12-07"]).ok();
    let decks = env.at(&day(1), &["decks"]).json();
    assert_eq!(decks[0]["new_today"], 8, "{decks}");
    assert_eq!(decks[0]["due"], 0, "new cards are not due: {decks}");
    // Without the interview the plain limit applies again.
    env.run(&["interview", "--clear"]).ok();
    let decks = env.at(&day(1), &["decks"]).json();
    assert_eq!(decks[0]["new_today"], 5, "{decks}");
}

#[test]
fn cram_drills_every_card_weakest_first_and_changes_no_schedule() {
    let env = Env::new();
    env.run(&["import", &deck(&env, 4)]).ok();
    env.no_fuzz();
    env.at(&day(1), &["grade", "c1", "easy"]).ok();
    env.at(&day(1), &["grade", "c2", "again"]).ok();
    env.at(&day(1), &["grade", "c3", "good"]).ok();
    let before = cards(&env);
    let out = session_cram(&env);
    assert!(out.contains("cram: 4 cards"), "{out}");
    let order: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with('['))
        .map(|l| l.split(" · ").nth(1).unwrap().trim_end_matches(" (repeat)"))
        .collect();
    // Lowest ease first (c2 failed), then c3 (good), c1 (easy); the new card last.
    assert_eq!(order[..4], ["c2", "c3", "c1", "c4"]);
    let after = cards(&env);
    for (a, b) in before.iter().zip(&after) {
        for key in ["due", "interval", "ease", "repetition", "state", "lapses"] {
            assert_eq!(a[key], b[key], "{key} of {}", a["id"]);
        }
    }
    let c4 = env.run(&["card", "c4"]).json();
    assert_eq!(c4["state"], "new");
    assert_eq!(c4["history"][0]["kind"], "drill");
}

fn session_cram(env: &Env) -> String {
    env.at(&day(2), &["review", "--cram"])
        .output_with_stdin(&"good\n".repeat(10))
}

#[test]
fn dates_are_checked_and_listed() {
    let env = Env::new();
    env.run(&["import", &deck(&env, 1)]).ok();
    let err = env.at(&day(10), &["interview", "2026-12-09"]).fails(1);
    assert!(err.contains("is in the past"), "{err}");
    let err = env.at(&day(10), &["interview", "2026-12-10"]).fails(1);
    assert!(err.contains("is today"), "{err}");
    env.at(&day(9), &["interview", "2026-12-10"]).ok();
    let list = env.at(&day(10), &["interview"]).json();
    assert_eq!(list[0]["deck"], "Prep");
    assert_eq!(list[0]["date"], "2026-12-10");
    assert_eq!(list[0]["days_left"], 0);
    env.at(&day(10), &["interview", "tomorrow"]).fails(2);
    let err = env
        .at(&day(10), &["interview", "2026-12-20", "--deck", "Prap"])
        .fails(1);
    assert!(err.contains("did you mean `Prep`"), "{err}");
}

#[test]
fn stats_show_the_countdown_and_readiness() {
    let env = Env::new();
    env.run(&["import", &deck(&env, 4)]).ok();
    env.no_fuzz();
    let stats = env.at(&day(1), &["stats"]).json();
    assert!(stats["interview"].is_null(), "{stats}");
    env.at(&day(1), &["interview", "2026-12-07"]).ok();
    env.at(&day(1), &["grade", "c1", "good"]).ok(); // ready, due on the 2nd
    env.at(&day(1), &["grade", "c2", "again"]).ok(); // failed: not ready
    env.at(&day(1), &["grade", "c3", "easy"]).ok(); // ready
    let stats = env.at(&day(2), &["stats"]).json();
    let interview = &stats["interview"][0];
    assert_eq!(interview["date"], "2026-12-07");
    assert_eq!(interview["days_left"], 5);
    assert_eq!(interview["decks"][0], "Prep");
    assert_eq!(interview["cards"], 4);
    // c1, c2, c3 are due on the 2nd (before the interview) and c4 is new.
    assert_eq!(interview["due_before"], 4);
    assert_eq!(interview["new"], 1);
    assert_eq!(interview["readiness"].as_f64(), Some(0.5));
    // A day later c1 and c3 are overdue: not ready any more.
    let stats = env.at(&day(3), &["stats"]).json();
    assert_eq!(stats["interview"][0]["readiness"].as_f64(), Some(0.0));
    let text = env.at(&day(3), &["stats"]).ok();
    assert!(
        text.contains(
            "interview  in 4 days (Mon 07 Dec, Prep) · 0% ready · 4 cards to review before it"
        ),
        "{text}"
    );
}
