//! Bad inputs (docs/deck-format.md, docs/imports.md, docs/collection.md):
//! each exits 1 with one `error:` line naming the file (and line:column for
//! TOML), and leaves the collection as it was. Files that are not ours are
//! never written to.

mod common;

use common::{Env, assert_one_error};

/// A collection with one deck, and a snapshot to compare against.
fn with_a_deck() -> (Env, serde_json::Value) {
    let env = Env::new();
    env.deck("good.toml", "Good", &[("g1", "front", "back")]);
    env.run(&["import", "good.toml"]).ok();
    env.at("2026-03-01", &["grade", "g1", "good"]).ok();
    let backup = env.backup();
    (env, backup)
}

/// Imports `file` holding `content`; expects exit 1, one error line with
/// `parts`, and the collection unchanged.
fn rejected(file: &str, content: &[u8], parts: &[&str]) {
    let (env, before) = with_a_deck();
    env.write(file, content);
    let err = env.run(&["import", file]).fails(1);
    assert_one_error(&err, parts);
    assert_eq!(env.backup(), before, "the collection changed");
}

#[test]
fn malformed_toml_names_file_line_and_column() {
    rejected(
        "bad.toml",
        b"name = \"X\"\n\n[[cards]]\nfront = \"a\"\nback = \n",
        &["bad.toml:5:8:"],
    );
}

#[test]
fn an_unclosed_string_names_its_line() {
    rejected(
        "bad.toml",
        b"name = \"X\"\n[[cards]]\nfront = \"a\nback = \"b\"\n",
        &["bad.toml:3:"],
    );
}

#[test]
fn an_unknown_key_is_an_error() {
    rejected(
        "bad.toml",
        b"name = \"X\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\ncolour = \"red\"\n",
        &["bad.toml:5:1:", "`colour`"],
    );
}

#[test]
fn an_unknown_top_level_key_is_an_error() {
    rejected(
        "bad.toml",
        b"name = \"X\"\nauthor = \"me\"\n",
        &["bad.toml:2:1:", "`author`"],
    );
}

#[test]
fn a_card_without_front_is_an_error() {
    rejected(
        "bad.toml",
        b"name = \"X\"\n\n[[cards]]\nback = \"b\"\n",
        &["bad.toml:3:", "front"],
    );
}

#[test]
fn a_card_without_back_is_an_error() {
    rejected(
        "bad.toml",
        b"name = \"X\"\n\n[[cards]]\nfront = \"f\"\nback = \"b\"\n\n[[cards]]\nfront = \"a\"\n",
        &["bad.toml:7:", "back"],
    );
}

#[test]
fn a_deck_without_name_is_an_error() {
    rejected(
        "bad.toml",
        b"[[cards]]\nfront = \"a\"\nback = \"b\"\n",
        &["bad.toml", "name"],
    );
}

#[test]
fn an_empty_file_is_an_error() {
    rejected("empty.toml", b"", &["empty.toml", "empty"]);
    rejected("blank.toml", b"  \n\n", &["blank.toml", "empty"]);
}

#[test]
fn invalid_utf8_is_an_error() {
    rejected(
        "latin1.toml",
        b"name = \"X\"\n[[cards]]\nfront = \"caf\xe9\"\nback = \"b\"\n",
        &["latin1.toml:3", "UTF-8"],
    );
}

#[test]
fn a_directory_is_an_error() {
    let (env, before) = with_a_deck();
    std::fs::create_dir(env.path("folder.toml")).unwrap();
    let err = env.run(&["import", "folder.toml"]).fails(1);
    assert_one_error(&err, &["folder.toml", "directory"]);
    assert_eq!(env.backup(), before);
}

#[test]
fn a_missing_file_is_an_error() {
    let (env, before) = with_a_deck();
    let err = env.run(&["import", "nowhere.toml"]).fails(1);
    assert_one_error(&err, &["nowhere.toml", "no such file"]);
    assert_eq!(env.backup(), before);
}

#[test]
fn an_unknown_extension_needs_format() {
    let (env, before) = with_a_deck();
    env.write(
        "deck.cards",
        "name = \"X\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\n",
    );
    let err = env.run(&["import", "deck.cards"]).fails(1);
    assert_one_error(&err, &["deck.cards", "--format"]);
    assert_eq!(env.backup(), before);
    // Saying the format makes it fine.
    let json = env
        .run(&["import", "deck.cards", "--format", "toml"])
        .json();
    assert_eq!(json[0]["added"], 1);
}

#[test]
fn a_file_that_is_not_sqlite_as_db_is_left_byte_identical() {
    let env = Env::new();
    let text = b"my shopping list\nmilk\neggs\n".repeat(100);
    let path = env.write("notes.txt", &text);
    env.deck("d.toml", "D", &[("a", "b", "c")]);
    for args in [&["import", "d.toml"][..], &["decks"], &["undo"]] {
        let err = env.run(args).db(&path).fails(1);
        assert_one_error(&err, &["notes.txt", "not a SQLite database"]);
        assert_eq!(std::fs::read(&path).unwrap(), text);
    }
    assert!(!env.path("notes.txt-wal").exists());
    assert!(!env.path("notes.txt-journal").exists());
}

#[test]
fn a_folder_as_db_is_an_error() {
    let env = Env::new();
    std::fs::create_dir(env.path("dir.db")).unwrap();
    let err = env.run(&["decks"]).db(&env.path("dir.db")).fails(1);
    assert_one_error(&err, &["dir.db", "directory"]);
}

#[test]
fn a_sqlite_database_that_is_not_ours_is_left_untouched() {
    let env = Env::new();
    let path = env.path("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE cards (id INTEGER PRIMARY KEY, name TEXT);
             INSERT INTO cards (name) VALUES ('someone else''s data');",
        )
        .unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    env.deck("d.toml", "D", &[("a", "b", "c")]);
    for args in [
        &["import", "d.toml"][..],
        &["decks"],
        &["config", "fuzz", "false"],
    ] {
        let err = env.run(args).db(&path).fails(1);
        assert_one_error(&err, &["other.sqlite", "not a rehearse collection"]);
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete", "the journal mode was changed");
}

#[test]
fn a_collection_from_a_newer_rehearse_is_refused() {
    let (env, _) = with_a_deck();
    {
        let conn = rusqlite::Connection::open(&env.db).unwrap();
        let app_id: i64 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap();
        assert_eq!(app_id, 0x5248_5253);
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .unwrap_or(());
    }
    let bytes = std::fs::read(&env.db).unwrap();
    for args in [&["decks"][..], &["grade", "g1", "good"], &["undo"]] {
        let err = env.run(args).fails(1);
        assert_one_error(&err, &["rehearse.db", "newer"]);
    }
    assert_eq!(std::fs::read(&env.db).unwrap(), bytes);
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99);
}

#[test]
fn an_empty_file_as_db_becomes_a_collection() {
    let env = Env::new();
    let path = env.write("empty.db", b"");
    env.deck("d.toml", "D", &[("a", "b", "c")]);
    env.run(&["import", "d.toml"]).db(&path).ok();
    assert_eq!(
        env.run(&["cards"])
            .db(&path)
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn a_bad_now_is_a_usage_error() {
    let (env, before) = with_a_deck();
    let err = env.at("garbage", &["grade", "g1", "good"]).fails(2);
    assert!(
        err.starts_with("error:") && err.contains("garbage"),
        "{err}"
    );
    let err = env
        .run(&["decks"])
        .env("REHEARSE_NOW", "2026-13-45")
        .fails(2);
    assert!(err.contains("2026-13-45"), "{err}");
    assert_eq!(env.backup(), before);
}

#[test]
fn unknown_settings_and_bad_values_are_refused() {
    let (env, before) = with_a_deck();
    let err = env.run(&["config", "new_per_dya", "3"]).fails(1);
    assert_one_error(&err, &["did you mean `new_per_day`"]);
    let err = env.run(&["config", "day_starts_at", "24"]).fails(1);
    assert_one_error(&err, &["day_starts_at"]);
    let err = env.run(&["config", "fuzz", "maybe"]).fails(1);
    assert_one_error(&err, &["fuzz"]);
    assert_eq!(env.backup(), before);
    assert_eq!(
        env.run(&["config"]).json(),
        serde_json::json!({"new_per_day": 20, "reviews_per_day": 200, "day_starts_at": 4, "fuzz": true, "bury_siblings": true, "backups_to_keep": 7})
    );
}
