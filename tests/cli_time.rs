//! Time travel with `--now` (docs/scheduling.md): days start at
//! `day_starts_at`, due days are local days of `TZ`, and `decks` applies the
//! daily limits.

mod common;

use common::Env;

fn five_cards(env: &Env) {
    env.deck(
        "d.toml",
        "D",
        &[
            ("c1", "f1", "b1"),
            ("c2", "f2", "b2"),
            ("c3", "f3", "b3"),
            ("c4", "f4", "b4"),
            ("c5", "f5", "b5"),
        ],
    );
    env.run(&["import", "d.toml"]).ok();
    env.no_fuzz();
}

/// What a session started at `now` would show: the learned cards due and,
/// counted beside them, the new cards of the day (docs/stats.md).
fn deck_due(env: &Env, now: &str) -> i64 {
    let deck = &env.at(now, &["decks"]).json()[0];
    deck["due"].as_i64().unwrap() + deck["new_today"].as_i64().unwrap()
}

#[test]
fn an_answer_before_day_start_counts_for_the_previous_day() {
    let env = Env::new();
    five_cards(&env);
    // Days start at 04:00 by default: 03:30 on the 10th is still the 9th.
    let card = env.at("2026-03-10T03:30", &["grade", "c1", "good"]).json();
    assert_eq!(card["due"], "2026-03-10");
    let card = env.at("2026-03-10T04:00", &["grade", "c2", "good"]).json();
    assert_eq!(card["due"], "2026-03-11");
    assert_eq!(
        env.card("c1")["history"][0]["at"],
        "2026-03-10T03:30:00+00:00"
    );

    env.run(&["config", "day_starts_at", "0"]).ok();
    let card = env.at("2026-03-10T03:30", &["grade", "c3", "good"]).json();
    assert_eq!(card["due"], "2026-03-11");
    let card = env.at("2026-03-10T00:00", &["grade", "c4", "good"]).json();
    assert_eq!(card["due"], "2026-03-11");
    let card = env.at("2026-03-09T23:59", &["grade", "c5", "good"]).json();
    assert_eq!(card["due"], "2026-03-10");
}

#[test]
fn the_same_instant_is_a_different_day_in_new_york_and_tokyo() {
    let instant = "2026-03-10T02:00:00Z";
    let new_york = Env::new().tz("America/New_York");
    five_cards(&new_york);
    let tokyo = Env::new().tz("Asia/Tokyo");
    five_cards(&tokyo);

    // 22:00 on the 9th in New York (EDT), 11:00 on the 10th in Tokyo.
    let ny = new_york.at(instant, &["grade", "c1", "good"]).json();
    let tk = tokyo.at(instant, &["grade", "c1", "good"]).json();
    assert_eq!(ny["due"], "2026-03-10");
    assert_eq!(tk["due"], "2026-03-11");
    assert_eq!(
        new_york.card("c1")["history"][0]["at"],
        "2026-03-09T22:00:00-04:00"
    );
    assert_eq!(
        tokyo.card("c1")["history"][0]["at"],
        "2026-03-10T11:00:00+09:00"
    );
}

#[test]
fn local_now_forms_are_read_in_the_local_time_zone() {
    let env = Env::new().tz("Asia/Tokyo");
    five_cards(&env);
    env.at("2026-03-10", &["grade", "c1", "good"]).ok();
    env.at("2026-03-10T09:30", &["grade", "c2", "good"]).ok();
    env.at("2026-03-10T09:30:15", &["grade", "c3", "good"]).ok();
    env.at("2026-03-10T09:30:00+01:00", &["grade", "c4", "good"])
        .ok();
    let at = |id: &str| env.card(id)["history"][0]["at"].clone();
    assert_eq!(at("c1"), "2026-03-10T12:00:00+09:00");
    assert_eq!(at("c2"), "2026-03-10T09:30:00+09:00");
    assert_eq!(at("c3"), "2026-03-10T09:30:15+09:00");
    assert_eq!(at("c4"), "2026-03-10T17:30:00+09:00");
}

#[test]
fn rehearse_now_works_like_now() {
    let env = Env::new();
    five_cards(&env);
    let card = env
        .run(&["grade", "c1", "easy"])
        .env("REHEARSE_NOW", "2026-05-01T10:00")
        .json();
    assert_eq!(card["due"], "2026-05-02");
    // --now wins over the variable.
    let card = env
        .at("2026-06-01", &["grade", "c2", "easy"])
        .env("REHEARSE_NOW", "2026-05-01T10:00")
        .json();
    assert_eq!(card["due"], "2026-06-02");
}

#[test]
fn due_cards_follow_the_local_day_start() {
    let env = Env::new().tz("America/New_York");
    five_cards(&env);
    env.at("2026-03-09T12:00", &["grade", "c1", "good"]).ok();
    let due_ids = |now: &str| common::ids(&env.at(now, &["cards", "--due"]).json());
    // Due on the 10th, which starts at 04:00 EDT = 08:00 UTC.
    assert!(due_ids("2026-03-10T07:59:00Z").is_empty());
    assert_eq!(due_ids("2026-03-10T08:00:00Z"), ["c1"]);
    assert_eq!(due_ids("2026-03-25"), ["c1"], "overdue cards stay due");
}

#[test]
fn decks_due_applies_new_per_day() {
    let env = Env::new();
    five_cards(&env);
    let day1 = "2026-03-10T09:00";
    assert_eq!(deck_due(&env, day1), 5);
    env.run(&["config", "new_per_day", "2"]).ok();
    assert_eq!(deck_due(&env, day1), 2);

    env.at(day1, &["grade", "c1", "good"]).ok();
    let decks = env.at(day1, &["decks"]).json();
    assert_eq!(decks[0]["new"], 4);
    assert_eq!(decks[0]["young"], 1);
    assert_eq!(decks[0]["due"], 0, "no review due");
    assert_eq!(decks[0]["new_today"], 1, "one new card left today");

    env.at(day1, &["grade", "c2", "again"]).ok();
    assert_eq!(deck_due(&env, day1), 0);
    // Undone answers count nowhere.
    env.run(&["undo"]).ok();
    assert_eq!(deck_due(&env, day1), 1);
    env.at(day1, &["grade", "c2", "again"]).ok();

    // The next day: two reviews due plus two new cards.
    let day2 = "2026-03-11T09:00";
    assert_eq!(deck_due(&env, day2), 4);
    // Before 04:00 it is still the first day.
    assert_eq!(deck_due(&env, "2026-03-11T03:00"), 0);
}

#[test]
fn decks_due_applies_reviews_per_day() {
    let env = Env::new();
    five_cards(&env);
    let day1 = "2026-03-10T09:00";
    for id in ["c1", "c2", "c3"] {
        env.at(day1, &["grade", id, "good"]).ok();
    }
    let day2 = "2026-03-11T09:00";
    assert_eq!(deck_due(&env, day2), 3 + 2);
    env.run(&["config", "reviews_per_day", "1"]).ok();
    env.run(&["config", "new_per_day", "0"]).ok();
    assert_eq!(deck_due(&env, day2), 1);
    env.at(day2, &["grade", "c1", "good"]).ok();
    assert_eq!(deck_due(&env, day2), 0, "today's one review is done");
    // The limits do not hide cards from `cards --due`.
    let due = env.at(day2, &["cards", "--due"]).json();
    assert_eq!(due.as_array().unwrap().len(), 2);
}

#[test]
fn fuzz_moves_only_the_due_day_within_its_bounds() {
    let env = Env::new();
    five_cards(&env);
    env.run(&["config", "fuzz", "true"]).ok();
    // Walk every card to a 16-day interval: fuzz may move it by up to 1 day.
    for id in ["c1", "c2", "c3", "c4", "c5"] {
        env.at("2026-03-01", &["grade", id, "easy"]).ok();
        env.at("2026-03-02", &["grade", id, "easy"]).ok();
        let card = env.at("2026-03-08", &["grade", id, "easy"]).json();
        assert_eq!(card["interval"], 16, "the stored interval stays exact");
        let due = card["due"].as_str().unwrap();
        assert!(
            ["2026-03-23", "2026-03-24", "2026-03-25"].contains(&due),
            "{id}: due {due}"
        );
        // Same card, same repetition: the same jitter every time.
        env.run(&["undo"]).ok();
        let again = env.at("2026-03-08", &["grade", id, "easy"]).json();
        assert_eq!(again["due"], card["due"]);
    }
}
