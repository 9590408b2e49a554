//! Safer defaults (docs/collection.md): commands that only read never
//! create a collection, `--db` folders must exist, an unclosed CSV quote,
//! an answer before the card's last one and an interview today are errors
//! that change nothing; answering a card before it is due warns.

mod common;

use common::{Env, assert_one_error};

/// The collection file's bytes, and a JSON export of it.
fn snapshot(env: &Env) -> (Vec<u8>, serde_json::Value) {
    let backup = env.backup();
    (std::fs::read(&env.db).unwrap(), backup)
}

#[test]
fn commands_that_only_read_never_create_a_collection() {
    let env = Env::new();
    let reads: [&[&str]; 14] = [
        &["decks"],
        &["cards"],
        &["cards", "--due"],
        &["card", "x"],
        &["stats"],
        &["export", "--format", "json"],
        &["check"],
        &["config"],
        &["config", "fuzz"],
        &["interview"],
        &["grade", "x", "good"],
        &["undo"],
        &["suspend", "x"],
        &["unsuspend", "x"],
    ];
    let shown = env.db.display().to_string();
    for args in reads {
        let err = env.run(args).fails(1);
        assert_one_error(
            &err,
            &[
                "no collection at",
                &shown,
                "rehearse review",
                "rehearse import FILE",
            ],
        );
        assert!(
            !env.db.exists(),
            "`{}` created the collection",
            args.join(" ")
        );
    }
    // An empty file is not a collection either, and stays empty.
    std::fs::write(&env.db, b"").unwrap();
    assert_one_error(&env.run(&["decks"]).fails(1), &["no collection at"]);
    assert_eq!(std::fs::read(&env.db).unwrap(), b"");
    // The default collection too: its folder is not made by a read.
    let err = env.run(&["stats"]).no_db().fails(1);
    assert_one_error(&err, &["xdg/rehearse/rehearse.db"]);
    assert!(!env.path("xdg").exists());
    // Commands that start one do: an import, a setting.
    env.run(&["config", "new_per_day", "5"]).no_db().ok();
    assert!(env.path("xdg/rehearse/rehearse.db").is_file());
}

#[test]
fn a_db_in_a_missing_folder_is_an_error_that_makes_nothing() {
    let env = Env::new();
    env.deck("d.toml", "D", &common::numbered_cards(1));
    let db = env.path("typo/rehearse.db");
    for args in [
        &["import", "d.toml"][..],
        &["config", "fuzz", "false"],
        &["review"],
    ] {
        let err = env.run(args).db(&db).fails(1);
        assert_one_error(&err, &["typo` does not exist", "--db"]);
    }
    assert!(!env.path("typo").exists());
}

#[test]
fn an_unclosed_csv_quote_is_an_error_at_its_line_and_changes_nothing() {
    let env = Env::new();
    env.deck("d.toml", "D", &common::numbered_cards(2));
    env.run(&["import", "d.toml"]).ok();
    let before = snapshot(&env);
    env.write(
        "cards.csv",
        "front,back\nq1,a1\n\"never closed,a2\nq3,a3\nq4,a4\n",
    );
    let err = env.run(&["import", "cards.csv"]).fails(1);
    assert_one_error(&err, &["cards.csv:3", "never closed"]);
    assert_eq!(snapshot(&env), before);
}

#[test]
fn grade_refuses_a_time_before_the_cards_last_answer() {
    let env = Env::new();
    env.deck("d.toml", "D", &common::numbered_cards(2));
    env.run(&["import", "d.toml"]).ok();
    env.at("2026-11-10T10:00", &["grade", "q1", "good"]).ok();
    let before = snapshot(&env);
    let err = env
        .at("2026-11-10T09:59", &["grade", "q1", "good"])
        .fails(1);
    assert_one_error(
        &err,
        &["`q1` was last answered at 2026-11-10T10:00:00", "--now"],
    );
    let err = env.at("2026-11-01", &["grade", "q1", "again"]).fails(1);
    assert_one_error(&err, &["`q1`"]);
    assert_eq!(snapshot(&env), before);
    // Another card has no answer to come after; the same instant is fine.
    env.at("2026-11-01", &["grade", "q2", "good"]).ok();
    env.at("2026-11-10T10:00", &["grade", "q1", "hard"]).ok();
}

#[test]
fn answering_before_the_due_day_warns_and_counts() {
    let env = Env::new();
    env.deck("d.toml", "D", &common::numbered_cards(1));
    env.run(&["import", "d.toml"]).ok();
    env.no_fuzz();
    env.at("2026-11-30", &["grade", "q1", "good"]).ok();
    env.at("2026-12-01", &["grade", "q1", "good"]).ok(); // due: no warning
    let out = env.at("2026-12-02", &["grade", "q1", "good"]).output();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.trim_end(),
        "warning: `q1` is not due until 2026-12-07 (in 5 days); the answer counts, as reviewing ahead"
    );
    assert_eq!(env.card("q1")["reviews"], 3);
}

#[test]
fn an_interview_today_or_before_is_refused_and_changes_nothing() {
    let env = Env::new();
    env.deck("d.toml", "D", &common::numbered_cards(1));
    env.run(&["import", "d.toml"]).ok();
    let before = snapshot(&env);
    let err = env
        .at("2026-12-04T08:00", &["interview", "2026-12-04"])
        .fails(1);
    assert_one_error(&err, &["2026-12-04 is today", "coming day"]);
    let err = env
        .at("2026-12-04T08:00", &["interview", "2026-12-03"])
        .fails(1);
    assert_one_error(&err, &["2026-12-03 is in the past"]);
    assert_eq!(snapshot(&env), before);
    env.at("2026-12-04T08:00", &["interview", "2026-12-05"])
        .ok();
}
