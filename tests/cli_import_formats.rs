//! `rehearse import` of CSV/TSV and Anki packages through the binary: the
//! counts lines, re-import of an updated shared deck in place (history
//! kept), CSV export that re-imports to the same cards, and bad files
//! rejected whole with the collection unchanged.

mod common;

use common::{Env, assert_one_error};

fn fixture(path: &str) -> String {
    format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn anki_package_then_its_update_updates_in_place_keeping_history() {
    let env = Env::new();
    let modern = fixture("anki/modern.apkg");
    let out = env.run(&["import", &modern]).ok();
    assert!(
        out.contains(
            "modern.apkg: 5 added, 0 updated, 0 unchanged, 0 not in file (deck \"Parent\")"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "modern.apkg: 4 added, 0 updated, 0 unchanged, 0 not in file (deck \"Parent::Child\")"
        ),
        "{out}"
    );
    let cards = env.run(&["cards", "--deck", "Parent"]).json();
    let first = cards[0]["id"].as_str().unwrap().to_string();
    env.at("2026-11-20", &["grade", &first, "--deck", "Parent", "good"])
        .ok();
    let before = env.run(&["card", &first, "--deck", "Parent"]).json();

    let updated = fixture("anki/modern_updated.apkg");
    let json = env.run(&["import", &updated]).json();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 2);
    let added: i64 = rows.iter().map(|r| r["added"].as_i64().unwrap()).sum();
    let updated_n: i64 = rows.iter().map(|r| r["updated"].as_i64().unwrap()).sum();
    assert_eq!((added, updated_n), (1, 2), "{json}");
    let after = env.run(&["card", &first, "--deck", "Parent"]).json();
    assert_eq!(after["reviews"], before["reviews"]);
    assert_eq!(after["due"], before["due"]);
    assert_eq!(after["history"].as_array().unwrap().len(), 1);
}

#[test]
fn csv_export_reimports_to_the_same_cards() {
    let env = Env::new();
    env.run(&[
        "import",
        &fixture("anki/legacy.apkg"),
        &fixture("csv/headers.tsv"),
    ])
    .ok();
    let original = env.run(&["cards", "--deck", "Interview::Legacy"]).json();
    let csv = env.path("legacy.csv");
    env.run(&[
        "export",
        "--deck",
        "Interview::Legacy",
        "--format",
        "csv",
        "-o",
        csv.to_str().unwrap(),
    ])
    .ok();
    let other = Env::new();
    let out = other
        .run(&[
            "import",
            csv.to_str().unwrap(),
            "--deck",
            "Interview::Legacy",
        ])
        .ok();
    assert!(
        out.contains(&format!("{} added", original.as_array().unwrap().len())),
        "{out}"
    );
    let copy = other.run(&["cards", "--deck", "Interview::Legacy"]).json();
    let key = |v: &serde_json::Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["id"].clone(),
                    c["front"].clone(),
                    c["back"].clone(),
                    c["tags"].clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&copy), key(&original));
    // And importing the export into the original collection changes nothing.
    let out = env
        .run(&[
            "import",
            csv.to_str().unwrap(),
            "--deck",
            "Interview::Legacy",
        ])
        .ok();
    assert!(out.contains(" 0 added, 0 updated, "), "{out}");
}

#[test]
fn a_bad_file_is_rejected_whole_and_the_others_still_land() {
    let env = Env::new();
    let good = fixture("csv/plain.csv");
    let short = env.write("short.csv", "front,back\nonly a front\n");
    let fake = env.write("fake.apkg", "front,back\nq,a\n");
    env.start();
    let before = env.backup();
    let out = env
        .run(&["import", short.to_str().unwrap(), fake.to_str().unwrap()])
        .output();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("short.csv:2: row has 1 field"), "{err}");
    assert!(err.contains("fake.apkg"), "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error: ")).count(),
        2,
        "{err}"
    );
    assert_eq!(env.backup(), before, "nothing was written");

    let out = env
        .run(&["import", short.to_str().unwrap(), &good])
        .output();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("plain.csv: 3 added"), "{stdout}");
}

#[test]
fn media_are_skipped_with_one_notice() {
    let env = Env::new();
    let out = env.run(&["import", &fixture("anki/modern.apkg")]).output();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.matches("skipped 1 media file").count(), 1, "{err}");
}

#[test]
fn the_writer_refuses_an_id_twice_and_writes_nothing() {
    use rehearse::import::{CardDraft, CardId, CardKind, DeckDraft};
    let dir = tempfile::tempdir().unwrap();
    let mut collection = rehearse::storage::Collection::open(&dir.path().join("c.db")).unwrap();
    let card = |id: &str, front: &str| CardDraft {
        id: CardId(id.into()),
        note: id.into(),
        kind: CardKind::Basic,
        front: front.into(),
        back: "b".into(),
        extra: String::new(),
        tags: vec![],
    };
    let deck = DeckDraft {
        name: "d".into(),
        description: String::new(),
        cards: vec![card("a", "one"), card("b", "two"), card("a", "three")],
    };
    let err = collection
        .import_file(std::slice::from_ref(&deck), false, &|_| {})
        .unwrap_err();
    assert!(
        err.to_string().contains("deck `d` has card id `a` twice"),
        "{err}"
    );
    assert!(
        collection.is_empty().unwrap(),
        "the file's transaction was rolled back"
    );
    // Also when the card already exists: the update, then the duplicate.
    let first = DeckDraft {
        cards: vec![card("a", "one")],
        ..deck.clone()
    };
    collection.import_file(&[first], false, &|_| {}).unwrap();
    let err = collection.import_file(&[deck], false, &|_| {}).unwrap_err();
    assert!(err.to_string().contains("twice"), "{err}");
    let cards = collection
        .cards(&rehearse::storage::CardFilter::default())
        .unwrap();
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0].draft.front, "one");
}

#[test]
fn a_bad_row_deep_in_a_long_csv_leaves_the_collection_unchanged() {
    // Rows are read on one thread and written on another, in batches: by
    // the time the reader meets row 3000, earlier batches are written in
    // the file's transaction, which must still be rolled back whole.
    let env = Env::new();
    env.run(&["import", &fixture("csv/plain.csv")]).ok();
    let before = env.backup();
    let mut text = String::from("#separator:comma\n");
    for i in 1..=4000 {
        if i == 3000 {
            text.push_str("a front without a back\n");
        } else {
            text.push_str(&format!("question {i},answer {i}\n"));
        }
    }
    let long = env.write("long.csv", text);
    let err = env.run(&["import", long.to_str().unwrap()]).fails(1);
    assert_one_error(&err, &["long.csv:3001:", "row has 1 field"]);
    assert_eq!(env.backup(), before, "nothing of long.csv was written");
}

#[test]
fn a_bad_entry_deep_in_a_long_toml_deck_leaves_the_collection_unchanged() {
    // TOML decks stream like CSV: entries parsed on one thread, cards
    // written on another, the whole file one transaction.
    let env = Env::new();
    env.run(&["import", &fixture("csv/plain.csv")]).ok();
    let before = env.backup();
    let cards: Vec<(String, String, String)> = (1..=3000)
        .map(|i| {
            (
                format!("c{i}"),
                format!("question {i}"),
                format!("answer {i}"),
            )
        })
        .collect();
    let mut text = common::deck_toml("Long", &cards);
    let good = env.write("long.toml", &text);
    text.push_str("\n[[cards]]\nid = \"no-back\"\nfront = \"only a front\"\n");
    let bad = env.write("bad.toml", &text);
    let err = env.run(&["import", bad.to_str().unwrap()]).fails(1);
    assert_one_error(&err, &["bad.toml:15003:1:", "no `back`"]);
    assert_eq!(env.backup(), before, "nothing of bad.toml was written");

    // The good one lands whole, under the name --deck gives it.
    let out = env
        .run(&["import", good.to_str().unwrap(), "--deck", "Renamed"])
        .ok();
    assert!(
        out.contains("3000 added, 0 updated, 0 unchanged, 0 not in file (deck \"Renamed\")"),
        "{out}"
    );
}

/// The tables of a schema 18 collection beside the legacy fixture's, so the
/// reader takes the modern path; `decks` is left to each attack.
const MODERN_TABLES: &str = "CREATE TABLE notetypes (id INTEGER PRIMARY KEY, name TEXT, config BLOB);\
     CREATE TABLE templates (ntid INTEGER, ord INTEGER, config BLOB);";

/// An endless query: 1, 2, 3… for ever.
const ENDLESS: &str = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)";

/// A string of 600 MB made by SQLite from a few bytes of schema (put in
/// place through `writable_schema`, as an attacker would, so that making
/// the package does not build it).
const STRING_BOMB: &str = "hex(zeroblob(300000000))";

/// Issue 14.5: SQLite runs the views and generated columns a package's
/// collection defines. Each of these spun forever, filled /tmp with sort
/// files or took gigabytes of memory; now each is refused at once.
#[test]
fn hostile_package_collections_are_refused_and_change_nothing() {
    let env = Env::new();
    env.deck("good.toml", "Good", &[("a", "q", "a")]);
    env.run(&["import", "good.toml"]).ok();
    let attacks = [
        (
            "recursive-decks.apkg",
            format!(
                "{MODERN_TABLES} CREATE TABLE fields (ntid INTEGER, ord INTEGER, name TEXT);\
                 CREATE VIEW decks AS {ENDLESS} SELECT n AS id, 'd' || n AS name, x'' AS kind FROM r;"
            ),
            "the view `decks`",
        ),
        (
            "endless-fields.apkg",
            format!(
                "{MODERN_TABLES} CREATE TABLE decks (id INTEGER PRIMARY KEY, name TEXT, kind BLOB);\
                 CREATE VIEW fields AS {ENDLESS} SELECT n AS ntid, n AS ord, hex(randomblob(1000)) AS name FROM r;"
            ),
            "the view `fields`",
        ),
        (
            "generated-bomb.apkg",
            format!(
                "CREATE TABLE bomb (id INTEGER PRIMARY KEY, guid TEXT, mid INTEGER, tags TEXT, raw TEXT,\
                   flds TEXT GENERATED ALWAYS AS (raw || 'BOMB'));\
                 INSERT INTO bomb (id, guid, mid, tags, raw) SELECT id, guid, mid, tags, flds FROM notes;\
                 DROP TABLE notes; ALTER TABLE bomb RENAME TO notes;\
                 PRAGMA writable_schema = ON;\
                 UPDATE sqlite_master SET sql = replace(sql, '''BOMB''', '{STRING_BOMB}') WHERE name = 'notes';"
            ),
            "generated column `flds`",
        ),
        (
            "view-bomb.apkg",
            format!(
                "ALTER TABLE notes RENAME TO real_notes;\
                 CREATE VIEW notes AS SELECT id, guid, mid, tags, {STRING_BOMB} AS flds FROM real_notes;"
            ),
            "the view `notes`",
        ),
        (
            "trigger.apkg",
            "CREATE TRIGGER t AFTER INSERT ON cards BEGIN SELECT 1; END;".to_string(),
            "the trigger `t`",
        ),
    ];
    let before = env.backup();
    for (name, sql, what) in attacks {
        let package = env.anki_package(name, &sql);
        let err = env.run(&["import", package.to_str().unwrap()]).fails(1);
        assert_one_error(&err, &[name, "refused", what]);
        assert_eq!(env.backup(), before, "{name} changed the collection");
    }
}

/// A package of `n` notes whose fields need the full HTML parser, so that
/// reading it takes a while (a second or more).
fn slow_package(env: &Env, name: &str, n: u32) -> std::path::PathBuf {
    env.anki_package(
        name,
        &format!(
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < {n})\
             INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data)\
             SELECT 1000000 + n, 'slow' || n, (SELECT mid FROM notes WHERE guid = 'legacyBasic1'),\
               0, 0, '', '<div><p>front ' || n || '</p><ul><li>a</li><li>b</li></ul></div>'\
               || char(31) || '<div><p>back</p></div>', '', 0, 0, '' FROM r;\
             INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor,\
               reps, lapses, left, odue, odid, flags, data)\
             SELECT id, id, (SELECT did FROM cards LIMIT 1), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\
               0, 0, '' FROM notes WHERE id > 1000000;"
        ),
    )
}

/// Issue 14.8: Ctrl-C, SIGTERM or SIGHUP during a package import left the
/// unpacked collection in the temporary folder. Each signal, sent while
/// the package is read, now leaves the folder empty and the collection
/// unchanged, and the exit code says which signal it was.
#[test]
fn a_signal_during_a_package_import_removes_the_unpacked_collection() {
    let env = Env::new();
    env.deck("good.toml", "Good", &[("a", "q", "a")]);
    env.run(&["import", "good.toml"]).ok();
    let before = env.backup();
    let package = slow_package(&env, "slow.apkg", 30_000);
    let tmp = env.path("tmp");
    std::fs::create_dir(&tmp).unwrap();
    for (signal, number) in [("INT", 2), ("TERM", 15), ("HUP", 1)] {
        let mut child = env
            .run(&["import", package.to_str().unwrap()])
            .env("TMPDIR", &tmp)
            .command()
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while std::fs::read_dir(&tmp).unwrap().next().is_none() {
            assert!(
                started.elapsed().as_secs() < 60,
                "the package was never unpacked"
            );
            assert!(child.try_wait().unwrap().is_none(), "the import ended");
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(128 + number), "SIG{signal}");
        let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().collect();
        assert!(left.is_empty(), "SIG{signal} left {left:?}");
        assert_eq!(env.backup(), before, "SIG{signal} changed the collection");
    }
}
