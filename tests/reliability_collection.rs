//! The collection file as users handle it (issue 14): the main file alone is
//! the collection once a command has exited, answers keep an identity that
//! is never reused, failed upgrades are reported in one line and backed up
//! once, and names that are not files are refused.

mod common;

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use common::{Env, assert_one_error, ids, reviews};

const NOW: &str = "2026-11-25T09:00:00Z";

fn three_cards(env: &Env) -> PathBuf {
    let deck = env.deck(
        "d.toml",
        "D",
        &[
            ("a", "Alpha?", "1"),
            ("b", "Beta?", "2"),
            ("c", "Gamma?", "3"),
        ],
    );
    env.run(&["import", deck.to_str().unwrap()]).ok();
    deck
}

/// Copies the main collection file alone (no `-wal`, no `-shm`) to `name`.
fn copy_main_file(env: &Env, name: &str) -> PathBuf {
    let copy = env.path(name);
    std::fs::copy(&env.db, &copy).expect("copy the main file");
    assert!(!Path::new(&format!("{}-wal", copy.display())).exists());
    copy
}

#[test]
fn issue14_2_the_main_file_alone_holds_every_change() {
    let env = Env::new();
    env.no_fuzz();
    three_cards(&env);

    let copy = copy_main_file(&env, "after-import.db");
    let cards = env.cmd().db(&copy).args(&["cards"]).json();
    assert_eq!(
        ids(&cards),
        ["a", "b", "c"],
        "import lost from the main file"
    );

    env.at(NOW, &["grade", "b", "good"]).ok();
    let copy = copy_main_file(&env, "after-grade.db");
    let backup = env
        .cmd()
        .db(&copy)
        .args(&["export", "--format", "json"])
        .json();
    assert_eq!(reviews(&backup).len(), 1, "grade lost from the main file");
    assert_eq!(reviews(&backup)[0]["card"], "b");

    let out = env.at(NOW, &["review"]).output_with_stdin("good\neasy\n");
    assert!(out.contains("session over"), "{out}");
    let copy = copy_main_file(&env, "after-session.db");
    let backup = env
        .cmd()
        .db(&copy)
        .args(&["export", "--format", "json"])
        .json();
    let cards: Vec<&str> = reviews(&backup)
        .iter()
        .map(|r| r["card"].as_str().unwrap())
        .collect();
    assert_eq!(
        cards,
        ["b", "a", "c"],
        "session answers lost from the main file"
    );
    // What is left beside it holds nothing the main file lacks: deleting
    // it loses nothing.
    let before = env.backup();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", env.db.display()));
    }
    assert_eq!(env.backup(), before);
}

/// Reads the live session's stdout until a line starting with `prefix`.
fn read_until(stdout: &mut impl BufRead, prefix: &str) -> String {
    let mut line = String::new();
    loop {
        line.clear();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "session ended before `{prefix}`"
        );
        if line.starts_with(prefix) {
            return line;
        }
    }
}

#[test]
fn issue14_3_session_undo_never_takes_back_another_processs_answer() {
    let env = Env::new();
    env.no_fuzz();
    three_cards(&env);
    let (mut child, mut stdin, mut stdout) = env.at(NOW, &["review"]).live_session();
    read_until(&mut stdout, "front: Alpha?");
    read_until(&mut stdout, "again ");
    stdin.write_all(b"good\n").unwrap();
    stdin.flush().unwrap();
    read_until(&mut stdout, "→ a good");

    // Elsewhere: the session's answer is taken back, and another card is
    // answered (the log row the session remembers would be reused by it).
    env.at(NOW, &["undo"]).ok();
    env.at(NOW, &["grade", "c", "easy"]).ok();

    read_until(&mut stdout, "again ");
    stdin.write_all(b"u\n").unwrap();
    stdin.flush().unwrap();
    let notice = read_until(&mut stdout, "↶ ");
    assert!(notice.contains("already taken back elsewhere"), "{notice}");
    stdin.write_all(b"q\n").unwrap();
    drop(stdin);
    assert!(child.wait().unwrap().success());

    let backup = env.backup();
    let log: Vec<(&str, &str)> = reviews(&backup)
        .iter()
        .map(|r| (r["card"].as_str().unwrap(), r["grade"].as_str().unwrap()))
        .collect();
    assert_eq!(log, [("c", "easy")], "the other card's answer must survive");
    assert_eq!(env.card("c")["reviews"], 1);
    assert_eq!(env.card("a")["reviews"], 0);
}

fn last_log_id(env: &Env) -> i64 {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.query_row("SELECT max(id) FROM reviews", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn issue14_3_log_ids_are_never_reused_after_undo() {
    let env = Env::new();
    three_cards(&env);
    env.at(NOW, &["grade", "a", "good"]).ok();
    env.at(NOW, &["grade", "b", "good"]).ok();
    let taken_back = last_log_id(&env);
    env.at(NOW, &["undo"]).ok();
    env.at(NOW, &["grade", "c", "good"]).ok();
    let new_id = last_log_id(&env);
    assert!(new_id > taken_back, "id {new_id} reused (was {taken_back})");
}

#[test]
fn issue14_11_memory_and_uri_names_are_refused() {
    let env = Env::new();
    for name in [
        ":memory:",
        "file:rehearse.db",
        "file:x.db?mode=memory",
        "FILE:c.db",
    ] {
        let err = env.run(&["decks"]).db(Path::new(name)).fails(1);
        assert_one_error(&err, &["not a collection file"]);
    }
    assert!(!env.path("file:rehearse.db").exists());
}

#[test]
fn issue14_11_export_never_overwrites_the_collection() {
    let env = Env::new();
    three_cards(&env);
    env.at(NOW, &["grade", "a", "good"]).ok();
    let before = env.backup();
    let db = env.db.display().to_string();
    let via_dots = env.dir().join(".").join("rehearse.db");
    for target in [
        db.clone(),
        format!("{db}-wal"),
        format!("{db}-shm"),
        via_dots.display().to_string(),
        "rehearse.db".to_string(), // relative to the working folder
    ] {
        for format in ["toml", "csv", "json"] {
            let err = env
                .run(&["export", "--format", format, "-o", &target])
                .fails(1);
            assert_one_error(&err, &["collection"]);
        }
    }
    assert_eq!(env.backup(), before);
}

/// The v1 fixture with a user table in the way of the v5 migration, so the
/// upgrade fails inside its transaction.
fn collection_whose_upgrade_fails(env: &Env) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection-v1.db");
    std::fs::copy(&fixture, &env.db).unwrap();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch("CREATE TABLE reviews_v5 (x)").unwrap();
}

#[test]
fn issue14_11_failed_migration_is_one_line_and_backed_up_once() {
    let env = Env::new();
    collection_whose_upgrade_fails(&env);
    for _ in 0..3 {
        let err = env.at("2026-11-06", &["decks"]).fails(1);
        assert_one_error(&err, &["rehearse.db", "version 5"]);
        assert!(!err.contains("CREATE"), "{err}");
    }
    let backups = || {
        let mut names: Vec<String> = std::fs::read_dir(env.path("backups"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(backups(), ["rehearse-2026-11-06-before-upgrade-from-v1.db"]);
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the collection is left as it was");
    drop(conn);

    // Once the file changes, the next attempt keeps a new copy.
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute(
        "INSERT INTO config (key, value) VALUES ('test_changed', 'yes')",
        [],
    )
    .unwrap();
    drop(conn);
    env.at("2026-11-06", &["decks"]).fails(1);
    assert_eq!(
        backups(),
        [
            "rehearse-2026-11-06-before-upgrade-from-v1-2.db",
            "rehearse-2026-11-06-before-upgrade-from-v1.db"
        ]
    );
}
