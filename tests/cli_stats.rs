//! `rehearse stats` through the real binary, with `--now` time travel and
//! an explicit `TZ`: streaks, the day boundary, time zones, drills,
//! retention, forecast/history lengths, daily limits, `--deck`, undo; the
//! text view pinned by snapshots; the schema v1 → v2 upgrade of a kept old
//! file; and the maintained answer counts against a rebuild from the log.

mod common;

use std::path::Path;

use chrono::{DateTime, Utc};
use common::{Env, numbered_cards};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rehearse::clock::Clock;
use rehearse::scheduler::Grade;
use rehearse::settings::Settings;
use rehearse::storage::{Answer, Collection, ReviewKind, Schedule};
use serde_json::Value;

/// `rehearse --now NOW ARGS`; expects success and returns stdout.
fn run(env: &Env, now: &str, args: &[&str]) -> String {
    env.at(now, args).ok()
}

/// `rehearse --now NOW --json stats ARGS`.
fn stats_at(env: &Env, now: &str, args: &[&str]) -> Value {
    env.at(now, &[&["stats"], args].concat()).json()
}

/// A review session at `now` fed `input` on stdin; returns stdout.
fn session(env: &Env, now: &str, args: &[&str], input: &str) -> String {
    env.at(now, &[&["review"], args].concat())
        .output_with_stdin(input)
}

/// A deck of `n` basic cards `q1..qn`, imported.
fn deck(env: &Env, name: &str, n: usize) {
    let path = env.deck(&format!("{name}.toml"), name, &numbered_cards(n));
    env.at("2026-10-01T12:00:00Z", &["import", path.to_str().unwrap()])
        .ok();
}

fn grade(env: &Env, now: &str, id: &str, grade: &str) {
    env.at(now, &["grade", id, grade]).ok();
}

/// `(date, reviews)` pairs of a `history` or `forecast` array.
fn days(list: &Value, key: &str) -> Vec<(String, i64)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_string(),
                d[key].as_i64().unwrap(),
            )
        })
        .collect()
}

fn history(stats: &Value) -> Vec<(String, i64)> {
    days(&stats["history"], "reviews")
}

fn streak(stats: &Value) -> (i64, i64) {
    (
        stats["streak"]["current"].as_i64().unwrap(),
        stats["streak"]["longest"].as_i64().unwrap(),
    )
}

fn pairs(list: &[(&str, i64)]) -> Vec<(String, i64)> {
    list.iter().map(|(d, n)| (d.to_string(), *n)).collect()
}

#[test]
fn streak_counts_back_from_today_or_from_yesterday() {
    let env = Env::new();
    deck(&env, "d", 5);
    grade(&env, "2026-11-23T10:00:00Z", "q1", "good");
    grade(&env, "2026-11-24T10:00:00Z", "q2", "good");
    grade(&env, "2026-11-25T10:00:00Z", "q3", "good");
    assert_eq!(streak(&stats_at(&env, "2026-11-25T18:00:00Z", &[])), (3, 3));
    // No answer yet today: the run up to yesterday still stands.
    let next_day = stats_at(&env, "2026-11-26T18:00:00Z", &[]);
    assert_eq!(streak(&next_day), (3, 3));
    assert_eq!(next_day["reviews_today"], 0);
    // A whole day without answers breaks it; the longest run stays.
    assert_eq!(streak(&stats_at(&env, "2026-11-27T18:00:00Z", &[])), (0, 3));
}

#[test]
fn a_gap_breaks_the_streak_and_the_longest_run_is_kept() {
    let env = Env::new();
    deck(&env, "d", 8);
    for (i, day) in ["01", "02", "03", "04", "06", "07"].iter().enumerate() {
        grade(
            &env,
            &format!("2026-11-{day}T10:00:00Z"),
            &format!("q{}", i + 1),
            "good",
        );
    }
    assert_eq!(streak(&stats_at(&env, "2026-11-07T20:00:00Z", &[])), (2, 4));
    // Seen from the past, later answers count for nothing.
    let past = stats_at(&env, "2026-11-03T20:00:00Z", &["--days", "3"]);
    assert_eq!(streak(&past), (3, 3));
    assert_eq!(
        history(&past),
        pairs(&[("2026-11-01", 1), ("2026-11-02", 1), ("2026-11-03", 1)])
    );
}

#[test]
fn an_answer_before_day_starts_at_counts_for_the_day_before() {
    let env = Env::new();
    deck(&env, "d", 3);
    grade(&env, "2026-11-25T10:00:00Z", "q1", "good");
    grade(&env, "2026-11-26T03:30:00Z", "q2", "good");
    let stats = stats_at(&env, "2026-11-26T12:00:00Z", &["--days", "2"]);
    assert_eq!(
        history(&stats),
        pairs(&[("2026-11-25", 2), ("2026-11-26", 0)])
    );
    assert_eq!(streak(&stats), (1, 1));
    // Days starting at midnight: the same answers fall on two days.
    run(
        &env,
        "2026-11-26T12:00:00Z",
        &["config", "day_starts_at", "0"],
    );
    let stats = stats_at(&env, "2026-11-26T12:00:00Z", &["--days", "2"]);
    assert_eq!(
        history(&stats),
        pairs(&[("2026-11-25", 1), ("2026-11-26", 1)])
    );
    assert_eq!(streak(&stats), (2, 2));
    assert_eq!(stats["reviews_today"], 1);
}

#[test]
fn the_same_answers_fall_on_different_days_in_new_york_and_tokyo() {
    let new_york = Env::new().tz("America/New_York");
    let tokyo = Env::new().tz("Asia/Tokyo");
    for env in [&new_york, &tokyo] {
        deck(env, "d", 3);
        // 09:00 and 15:00 in New York; 23:00 and 05:00 the next day in Tokyo.
        grade(env, "2026-11-25T14:00:00Z", "q1", "good");
        grade(env, "2026-11-25T20:00:00Z", "q2", "good");
    }
    // 16:00 on the 26th in New York, 06:00 on the 27th in Tokyo.
    let now = "2026-11-26T21:00:00Z";
    let ny = stats_at(&new_york, now, &["--days", "3"]);
    assert_eq!(ny["today"], "2026-11-26");
    assert_eq!(
        history(&ny),
        pairs(&[("2026-11-24", 0), ("2026-11-25", 2), ("2026-11-26", 0)])
    );
    assert_eq!(streak(&ny), (1, 1));
    let jp = stats_at(&tokyo, now, &["--days", "3"]);
    assert_eq!(jp["today"], "2026-11-27");
    assert_eq!(
        history(&jp),
        pairs(&[("2026-11-25", 1), ("2026-11-26", 1), ("2026-11-27", 0)])
    );
    assert_eq!(streak(&jp), (2, 2));
}

/// Records one drill through the library: the CLI gives drills only inside
/// a session, right after the failed answer, never on a day of their own.
fn drill(db: &Path, now: &str, deck: &str, id: &str) {
    let mut collection = Collection::open(db).unwrap();
    let settings = collection.settings().unwrap();
    let now: DateTime<Utc> = now.parse().unwrap();
    let clock = Clock::new(now, settings.day_starts_at_hour);
    let card = collection.find_card(id, Some(deck)).unwrap();
    collection
        .answer(
            card.row_id,
            Answer::graded(Grade::Good, ReviewKind::Drill),
            &clock,
            &settings,
        )
        .unwrap();
}

#[test]
fn drills_count_for_the_streak_and_today_but_not_for_retention() {
    let env = Env::new();
    deck(&env, "d", 3);
    grade(&env, "2026-11-24T10:00:00Z", "q1", "good");
    drill(&env.db, "2026-11-25T10:00:00Z", "d", "q1");
    let stats = stats_at(&env, "2026-11-25T12:00:00Z", &[]);
    assert_eq!(streak(&stats), (2, 2));
    assert_eq!(stats["reviews_today"], 1);
    assert!(stats["retention_30d"].is_null());
    // In a session: a failed answer, then its drill, both counted today.
    let env = Env::new();
    deck(&env, "d", 1);
    let out = session(&env, "2026-11-25T10:00:00Z", &[], "again\ngood\n");
    assert!(out.contains("(repeat)"), "{out}");
    let stats = stats_at(&env, "2026-11-25T12:00:00Z", &[]);
    assert_eq!(stats["reviews_today"], 2);
    assert_eq!(streak(&stats), (1, 1));
}

#[test]
fn retention_is_null_without_known_answers_and_exact_otherwise() {
    let env = Env::new();
    deck(&env, "d", 6);
    for id in ["q1", "q2", "q3", "q4"] {
        grade(&env, "2026-10-20T10:00:00Z", id, "good");
    }
    // First answers only: nothing to retain yet.
    let stats = stats_at(&env, "2026-10-20T12:00:00Z", &[]);
    assert!(stats["retention_30d"].is_null());
    assert_eq!(stats["reviews_today"], 4);
    // The window is 2026-10-27 (29 days before) to 2026-11-25: the 26th is out.
    grade(&env, "2026-10-26T10:00:00Z", "q4", "again");
    // Inside: two passed and one failed answer to known cards, one first
    // answer (q5) and one drill, which do not count.
    grade(&env, "2026-10-27T10:00:00Z", "q1", "good");
    grade(&env, "2026-11-20T10:00:00Z", "q2", "hard");
    grade(&env, "2026-11-25T10:00:00Z", "q3", "again");
    grade(&env, "2026-11-25T10:00:00Z", "q5", "again");
    drill(&env.db, "2026-11-25T10:05:00Z", "d", "q3");
    let stats = stats_at(&env, "2026-11-25T12:00:00Z", &[]);
    assert_eq!(stats["retention_30d"].as_f64().unwrap(), 2.0 / 3.0);
    assert_eq!(stats["reviews_today"], 3);
}

#[test]
fn forecast_and_history_have_every_day_zeros_included() {
    let env = Env::new();
    deck(&env, "d", 3);
    run(&env, "2026-11-20T10:00:00Z", &["config", "fuzz", "false"]);
    grade(&env, "2026-11-20T10:00:00Z", "q1", "good"); // due 11-21
    grade(&env, "2026-11-25T10:00:00Z", "q2", "good"); // due 11-26
    grade(&env, "2026-11-25T10:00:00Z", "q3", "good"); // due 11-26
    let stats = stats_at(&env, "2026-11-25T12:00:00Z", &[]);
    assert_eq!(stats["forecast"].as_array().unwrap().len(), 7);
    assert_eq!(
        days(&stats["forecast"], "due")[..3],
        pairs(&[("2026-11-26", 2), ("2026-11-27", 0), ("2026-11-28", 0)])
    );
    assert_eq!(stats["forecast"][6]["date"], "2026-12-02");
    let h = history(&stats);
    assert_eq!(h.len(), 365);
    assert_eq!(h[0], ("2025-11-26".to_string(), 0));
    assert_eq!(h[364], ("2026-11-25".to_string(), 2));
    assert_eq!(h[359], ("2026-11-20".to_string(), 1));
    assert_eq!(h.iter().map(|(_, n)| n).sum::<i64>(), 3);
    // q1 is overdue: due now, not in the forecast.
    assert_eq!(stats["due_today"], 1);

    let stats = stats_at(&env, "2026-11-25T12:00:00Z", &["--days", "10"]);
    assert_eq!(stats["forecast"].as_array().unwrap().len(), 10);
    assert_eq!(stats["forecast"][9]["date"], "2026-12-05");
    let h = history(&stats);
    assert_eq!(h.len(), 10);
    assert_eq!(h[0], ("2026-11-16".to_string(), 0));
    let dates: Vec<&str> = h.iter().map(|(d, _)| d.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn new_today_applies_the_daily_new_card_limit_and_due_today_never_counts_new_cards() {
    let env = Env::new();
    deck(&env, "d", 30);
    let now = "2026-11-25T12:00:00Z";
    let stats = stats_at(&env, now, &[]);
    assert_eq!(stats["due_today"], 0);
    assert_eq!(stats["new_today"], 20);
    assert_eq!(stats["cards"]["new"], 30);
    run(&env, now, &["config", "new_per_day", "5"]);
    assert_eq!(stats_at(&env, now, &[])["new_today"], 5);
    // Answers given with `grade` count against the limit too.
    grade(&env, "2026-11-25T09:00:00Z", "q1", "good");
    grade(&env, "2026-11-25T09:01:00Z", "q2", "good");
    let stats = stats_at(&env, now, &[]);
    assert_eq!(stats["new_today"], 3);
    assert_eq!(stats["due_today"], 0, "answered today, due tomorrow");
    assert_eq!(stats["due_tomorrow"], 2);
    assert_eq!(
        stats["cards"],
        serde_json::json!({"total": 30, "new": 28, "young": 2, "mature": 0, "suspended": 0})
    );
}

#[test]
fn deck_restricts_every_figure() {
    let env = Env::new();
    deck(&env, "alpha", 4);
    deck(&env, "beta", 2);
    run(&env, "2026-11-20T10:00:00Z", &["config", "fuzz", "false"]);
    for id in ["q1", "q2", "q3"] {
        run(
            &env,
            "2026-11-24T10:00:00Z",
            &["grade", id, "good", "--deck", "alpha"],
        );
    }
    run(
        &env,
        "2026-11-24T10:00:00Z",
        &["grade", "q1", "good", "--deck", "beta"],
    );
    run(
        &env,
        "2026-11-25T10:00:00Z",
        &["grade", "q1", "again", "--deck", "beta"],
    );
    run(
        &env,
        "2026-11-25T10:00:00Z",
        &["grade", "q2", "good", "--deck", "beta"],
    );
    let now = "2026-11-25T12:00:00Z";
    let alpha = stats_at(&env, now, &["--deck", "alpha", "--days", "2"]);
    assert_eq!(
        history(&alpha),
        pairs(&[("2026-11-24", 3), ("2026-11-25", 0)])
    );
    assert_eq!(streak(&alpha), (1, 1));
    assert_eq!(alpha["reviews_today"], 0);
    assert_eq!(alpha["cards"]["total"], 4);
    // q1..q3 fall due today; q4 is new, counted beside them.
    assert_eq!(alpha["due_today"], 3);
    assert_eq!(alpha["new_today"], 1);
    assert!(alpha["retention_30d"].is_null());
    assert_eq!(
        alpha["forecast"],
        serde_json::json!([{"date": "2026-11-26", "due": 0}, {"date": "2026-11-27", "due": 0}])
    );
    let beta = stats_at(&env, now, &["--deck", "beta", "--days", "2"]);
    assert_eq!(
        history(&beta),
        pairs(&[("2026-11-24", 1), ("2026-11-25", 2)])
    );
    assert_eq!(streak(&beta), (2, 2));
    assert_eq!(beta["retention_30d"].as_f64().unwrap(), 0.0);
    assert_eq!(beta["cards"]["total"], 2);
    assert_eq!(
        days(&beta["forecast"], "due"),
        pairs(&[("2026-11-26", 2), ("2026-11-27", 0)])
    );
    let all = stats_at(&env, now, &["--days", "2"]);
    assert_eq!(
        history(&all),
        pairs(&[("2026-11-24", 4), ("2026-11-25", 2)])
    );
    assert_eq!(all["cards"]["total"], 6);

    let err = env.at(now, &["stats", "--deck", "alpah"]).fails(1);
    assert!(err.contains("did you mean `alpha`"), "{err}");
}

#[test]
fn undone_answers_count_nowhere() {
    let env = Env::new();
    deck(&env, "d", 2);
    grade(&env, "2026-11-24T10:00:00Z", "q1", "good");
    grade(&env, "2026-11-25T10:00:00Z", "q1", "again");
    grade(&env, "2026-11-25T10:01:00Z", "q2", "good");
    run(&env, "2026-11-25T10:02:00Z", &["undo"]);
    run(&env, "2026-11-25T10:02:00Z", &["undo"]);
    let stats = stats_at(&env, "2026-11-25T12:00:00Z", &["--days", "2"]);
    assert_eq!(stats["reviews_today"], 0);
    assert_eq!(
        history(&stats),
        pairs(&[("2026-11-24", 1), ("2026-11-25", 0)])
    );
    assert!(stats["retention_30d"].is_null());
    assert_eq!(streak(&stats), (1, 1));
}

#[test]
fn the_review_summary_shows_the_streak() {
    let env = Env::new();
    deck(&env, "d", 3);
    grade(&env, "2026-11-23T10:00:00Z", "q1", "good");
    grade(&env, "2026-11-24T10:00:00Z", "q2", "good");
    let out = session(&env, "2026-11-25T10:00:00Z", &["--limit", "1"], "good\n");
    assert!(out.contains("streak: 3 days"), "{out}");
}

#[test]
fn the_json_document_has_every_key() {
    let env = Env::new();
    env.start();
    let stats = stats_at(&env, "2026-11-25T12:00:00Z", &[]);
    for key in [
        "today",
        "streak",
        "reviews_today",
        "due_today",
        "new_today",
        "due_tomorrow",
        "cards",
        "retention_30d",
        "forecast",
        "history",
    ] {
        assert!(stats.get(key).is_some(), "missing {key}: {stats}");
    }
    assert_eq!(
        stats["cards"],
        serde_json::json!({"total": 0, "new": 0, "young": 0, "mature": 0, "suspended": 0})
    );
    assert_eq!(streak(&stats), (0, 0));
}

// ---------------------------------------------------------------- text view

/// Five weeks of sessions with gaps, in two decks, answered in a fixed
/// pattern: every fourth answer is `again`, followed by its drill.
fn collection_with_history() -> Env {
    let env = Env::new();
    deck(&env, "Algorithms", 40);
    deck(&env, "Behavioural questions", 15);
    run(&env, "2026-10-01T12:00:00Z", &["config", "fuzz", "false"]);
    run(
        &env,
        "2026-10-01T12:00:00Z",
        &["config", "new_per_day", "6"],
    );
    let mut n = 0;
    for day in 1..=35 {
        if day % 7 == 3 || day == 12 || day == 13 {
            continue;
        }
        let date = chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap()
            + chrono::Duration::days(day - 1);
        let mut input = String::new();
        for _ in 0..60 {
            n += 1;
            input.push_str(if n % 4 == 0 { "again\n" } else { "good\n" });
        }
        session(&env, &format!("{date}T19:00:00Z"), &[], &input);
    }
    env
}

#[test]
fn text_view_snapshot() {
    let env = collection_with_history();
    let now = "2026-11-23T21:00:00Z";
    insta::assert_snapshot!("all_decks", run(&env, now, &["stats"]));
    insta::assert_snapshot!(
        "one_deck_twenty_days",
        run(
            &env,
            now,
            &["stats", "--deck", "Algorithms", "--days", "20"]
        )
    );
    // The text view shows what the JSON document says.
    let json = stats_at(&env, now, &[]);
    let text = run(&env, now, &["stats"]);
    let line = format!(
        "streak     {} days · longest {} days",
        json["streak"]["current"], json["streak"]["longest"]
    );
    assert!(text.contains(&line), "{line}\n{text}");
}

#[test]
fn text_view_of_an_empty_collection() {
    let env = Env::new();
    env.start();
    insta::assert_snapshot!(
        "empty",
        run(&env, "2026-11-25T12:00:00Z", &["stats", "--days", "7"])
    );
}

// ------------------------------------------------------------------ upgrade

fn table_dump(db: &Path, sql: &str) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |r| {
        let mut row = Vec::new();
        for i in 0..columns {
            row.push(format!("{:?}", r.get::<_, rusqlite::types::Value>(i)?));
        }
        Ok(row.join("|"))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

fn user_version(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_v1_collection_is_backed_up_then_upgraded_intact() {
    let env = Env::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection-v1.db");
    std::fs::copy(&fixture, &env.db).unwrap();
    assert_eq!(user_version(&env.db), 1);
    // The columns of schema v1 (later versions add some).
    let cards_sql = "SELECT id, deck_id, key, note, kind, cloze_ord, cloze_source, front, back, \
                     extra, tags, position, repetition, ease, interval_days, due_day, reviews, \
                     lapses FROM cards ORDER BY id";
    let reviews_sql = "SELECT id, deck_id, card_key, answered_at_ms, quality, grade, kind, was_new, \
                       repetition, ease, interval_days, due_day FROM reviews ORDER BY id";
    let cards_before = table_dump(&fixture, cards_sql);
    let reviews_before = table_dump(&fixture, reviews_sql);
    assert!(reviews_before.len() > 10);

    let out = env
        .at("2026-11-06T21:00:00Z", &["--json", "stats"])
        .output();
    assert!(out.status.success());
    // stdout holds the document and nothing else; the note goes to stderr.
    let stats: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The copy goes to backups/ (docs/collection.md), dated by --now.
    let backup = env.path("backups/rehearse-2026-11-06-before-upgrade-from-v1.db");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("rehearse-2026-11-06-before-upgrade-from-v1.db"),
        "{err}"
    );

    assert_eq!(user_version(&backup), 1);
    assert_eq!(table_dump(&backup, cards_sql), cards_before);
    assert_eq!(table_dump(&backup, reviews_sql), reviews_before);
    assert_eq!(user_version(&env.db), rehearse::storage::SCHEMA_VERSION);
    assert_eq!(table_dump(&env.db, cards_sql), cards_before);
    assert_eq!(table_dump(&env.db, reviews_sql), reviews_before);
    let collection = Collection::open(&env.db).unwrap();
    assert!(collection.upgrade_backup().is_none(), "already upgraded");
    let buckets = collection.review_buckets().unwrap();
    assert!(!buckets.is_empty());
    assert_eq!(buckets, collection.review_buckets_from_log().unwrap());
    assert_eq!(
        collection.deck_cards().unwrap(),
        collection.deck_cards_from_cards().unwrap()
    );
    drop(collection);
    // v4 rewrote two CHECK constraints in place: still enforced, without the
    // IN lists that cost a temporary index per row, and the file is sound.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    for (table, column, bad) in [("cards", "kind", "other"), ("reviews", "grade", "meh")] {
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE name = ?1",
                [table],
                |r| r.get(0),
            )
            .unwrap();
        assert!(!sql.contains(&format!("{column} IN")), "{sql}");
        let err = conn
            .execute(
                &format!(
                    "UPDATE {table} SET {column} = ?1 WHERE id = (SELECT min(id) FROM {table})"
                ),
                [bad],
            )
            .unwrap_err();
        assert!(err.to_string().contains("CHECK constraint failed"), "{err}");
    }
    // v5 rebuilt `reviews` with AUTOINCREMENT: its indexes are back exactly,
    // and a taken-back id is never given again.
    let schema = |kind: &str| -> Vec<(String, String)> {
        let mut stmt = conn
            .prepare(
                "SELECT name, sql FROM sqlite_schema WHERE tbl_name = 'reviews' AND type = ?1 ORDER BY name",
            )
            .unwrap();
        stmt.query_map([kind], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    assert!(
        schema("table")[0]
            .1
            .contains("INTEGER PRIMARY KEY AUTOINCREMENT")
    );
    let indexes: Vec<String> = schema("index").into_iter().map(|(n, _)| n).collect();
    // (v7 adds the unique index of answers imported from elsewhere, v8
    // those of sync: an answer's event and its sort key.)
    assert_eq!(
        indexes,
        [
            "reviews_card",
            "reviews_event",
            "reviews_origin",
            "reviews_sort",
            "reviews_time"
        ]
    );
    // From v5 on rehearse keeps the counts itself: no trigger is left on
    // the log or on the cards.
    let triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 0);
    let last: i64 = conn
        .query_row("SELECT max(id) FROM reviews", [], |r| r.get(0))
        .unwrap();
    let copy_of_last = || {
        conn.execute(
            "INSERT INTO reviews (deck_id, card_key, answered_at_ms, quality, kind, was_new,
                                  repetition, ease, interval_days, due_day)
             SELECT deck_id, card_key, answered_at_ms, quality, kind, was_new,
                    repetition, ease, interval_days, due_day FROM reviews WHERE id = ?1",
            [last],
        )
        .unwrap();
        conn.last_insert_rowid()
    };
    assert_eq!(copy_of_last(), last + 1);
    conn.execute("DELETE FROM reviews WHERE id = ?1", [last + 1])
        .unwrap();
    assert_eq!(copy_of_last(), last + 2, "a taken-back id came back");
    conn.execute("DELETE FROM reviews WHERE id > ?1", [last])
        .unwrap();
    drop(conn);

    // The figures from the upgraded file match the log the fixture holds:
    // answers on Nov 1, 2 (one at 03:30 on the 3rd), 5 and 6, one undone.
    assert_eq!(streak(&stats), (2, 2));
    assert_eq!(stats["reviews_today"], 2);
    let h = history(&stats);
    assert_eq!(
        h[h.len() - 6..],
        pairs(&[
            ("2026-11-01", 6),
            ("2026-11-02", 4),
            ("2026-11-03", 0),
            ("2026-11-04", 0),
            ("2026-11-05", 2),
            ("2026-11-06", 2),
        ])
    );
    // A second open neither upgrades nor backs up again.
    run(&env, "2026-11-06T21:00:00Z", &["decks"]);
    let kept = std::fs::read_dir(env.path("backups")).unwrap().count();
    assert_eq!(kept, 1, "one copy, the one before the upgrade");
}

// --------------------------------------------------- maintained bucket table

#[test]
fn maintained_buckets_equal_a_rebuild_after_random_grades_and_undos() {
    let env = Env::new();
    // Two decks imported through the binary.
    for name in ["a", "b"] {
        let cards: Vec<_> = (1..=12)
            .map(|i| (format!("q{i}"), format!("Q{i}"), format!("A{i}")))
            .collect();
        let path = env.deck(&format!("{name}.toml"), name, &cards);
        env.run(&["import", path.to_str().unwrap()]).ok();
    }
    let mut collection = Collection::open(&env.db).unwrap();
    let settings = Settings::default();
    let mut rng = ChaCha8Rng::seed_from_u64(6);
    let mut now_ms: i64 = 1_790_000_000_000;
    let mut given: Vec<i64> = Vec::new();
    let (mut answers, mut undos) = (0, 0);
    for step in 0..400 {
        // Time moves on by seconds to days, and sometimes back (--now).
        now_ms += match rng.random_range(0..10) {
            0 => -rng.random_range(0..86_400_000),
            1..=3 => rng.random_range(0..60_000),
            4..=7 => rng.random_range(0..3_600_000),
            _ => rng.random_range(0..3 * 86_400_000),
        };
        let clock = Clock {
            now_ms,
            day_starts_at_hour: 4,
        };
        match rng.random_range(0..10) {
            0 | 1 if !given.is_empty() => {
                // Undo the last answer, or a given one from a session.
                if rng.random_bool(0.5) {
                    collection.undo().unwrap();
                    given.pop();
                } else {
                    let i = rng.random_range(0..given.len());
                    collection.undo_answer(given.remove(i)).unwrap();
                }
                undos += 1;
            }
            _ => {
                let deck = if rng.random_bool(0.5) { "a" } else { "b" };
                let id = format!("q{}", rng.random_range(1..=12));
                let card = collection.find_card(&id, Some(deck)).unwrap();
                let grade = Grade::ALL[rng.random_range(0..4)];
                let kind = if card.schedule != Schedule::New && rng.random_bool(0.3) {
                    ReviewKind::Drill
                } else {
                    ReviewKind::Review
                };
                let (_, review) = collection
                    .answer(card.row_id, Answer::graded(grade, kind), &clock, &settings)
                    .unwrap();
                given.retain(|&id| id != review.id);
                given.push(review.id);
                answers += 1;
            }
        }
        if step % 50 == 49 {
            assert_eq!(
                collection.review_buckets().unwrap(),
                collection.review_buckets_from_log().unwrap(),
                "after step {step}"
            );
            assert_eq!(
                collection.deck_cards().unwrap(),
                collection.deck_cards_from_cards().unwrap(),
                "after step {step}"
            );
        }
    }
    assert!(
        answers > 200 && undos > 30,
        "{answers} answers, {undos} undos"
    );
    let maintained = collection.review_buckets().unwrap();
    assert_eq!(maintained, collection.review_buckets_from_log().unwrap());
    let cards = collection.deck_cards().unwrap();
    assert_eq!(cards, collection.deck_cards_from_cards().unwrap());
    assert_eq!(
        cards
            .iter()
            .map(|c| c.new + c.young + c.mature)
            .sum::<i64>(),
        24
    );
    collection.rebuild_stats_tables().unwrap();
    assert_eq!(collection.review_buckets().unwrap(), maintained);
    assert_eq!(collection.deck_cards().unwrap(), cards);
}
