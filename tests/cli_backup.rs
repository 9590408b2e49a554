//! Backups and restore (docs/collection.md, "Backups" and "Restoring a
//! backup"): `export --format json` → `import` → `export` gives the same
//! bytes; a restore needs an empty collection; the first write of each day
//! keeps a copy in `backups/`, rotated to `backups_to_keep`; prune and
//! restore always keep one first.

mod common;

use common::{Env, assert_one_error, reviews};
use serde_json::Value;

const DECK: &str = r#"name = "Prep"
description = "Interview prep"

[[cards]]
id = "pitch"
front = "Why this job?"
back = "Because it fits."
tags = ["pitch", "why"]
reverse = true

[[cards]]
id = "salary"
front = "Salary?"
back = "Research first."

[[cards]]
id = "lapsed"
front = "Lapse me"
back = "Failed later."

[[cards]]
id = "capital"
cloze = "{{c1::Paris}} is the capital of {{c2::France}}."
extra = "Geography"

[[cards]]
id = "fresh"
front = "Never answered"
back = "New."
"#;

/// The same deck after the cloze note lost its second number: card
/// `capital#c2` is no longer in the file and keeps the sides it showed.
fn deck_without_c2() -> String {
    DECK.replace(
        "{{c1::Paris}} is the capital of {{c2::France}}.",
        "{{c1::Paris}} is the capital of France.",
    )
}

const OTHER: &str = r#"name = "Other"

[[cards]]
id = "x"
front = "X?"
back = "X."
"#;

/// A collection with new, learned, lapsed and cloze cards, drills, an
/// undone answer, settings and an interview date.
fn busy_collection(env: &Env) {
    env.write("prep.toml", DECK);
    env.write("other.toml", OTHER);
    env.at("2026-11-01", &["import", "prep.toml", "other.toml"])
        .ok();
    env.run(&["config", "new_per_day", "7"]).ok();
    env.run(&["config", "backups_to_keep", "3"]).ok();
    env.at("2026-11-01T09:00", &["grade", "lapsed", "good"])
        .ok();
    env.at("2026-11-01T09:01", &["grade", "capital#c2", "easy"])
        .ok();
    env.at("2026-11-01T09:02", &["grade", "pitch", "hard"]).ok();
    env.at("2026-11-01T09:03", &["grade", "salary", "good"])
        .ok();
    env.at("2026-11-01T09:04", &["undo"]).ok();
    // A session: again brings the card back as a drill.
    env.at("2026-11-02T10:00", &["review", "--deck", "Other"])
        .output_with_stdin("again\ngood\n");
    env.at("2026-11-02T11:00", &["grade", "lapsed", "again"])
        .ok();
    env.at(
        "2026-11-02T11:30",
        &["grade", "--quality", "0", "capital#c1"],
    )
    .ok();
    env.at(
        "2026-11-02T12:00",
        &["interview", "2026-12-04", "--deck", "Prep"],
    )
    .ok();
    env.write("prep.toml", deck_without_c2());
    env.at("2026-11-02T13:00", &["import", "prep.toml"]).ok();
    env.at("2026-11-02T14:00", &["suspend", "salary"]).ok();
    // Answers imported from Anki keep their origin.
    let anki = common::fixture_path("anki/history.apkg");
    env.at("2026-11-02T15:00", &["import", anki.to_str().unwrap()])
        .ok();
}

fn export_file(env: &Env, db: &std::path::Path, name: &str) -> Vec<u8> {
    let path = env.path(name);
    env.cmd()
        .db(db)
        .args(&["export", "--format", "json", "-o", path.to_str().unwrap()])
        .ok();
    std::fs::read(&path).unwrap()
}

#[test]
fn export_restore_export_is_byte_identical() {
    let env = Env::new();
    busy_collection(&env);
    let first = export_file(&env, &env.db, "first.json");
    let backup: Value = serde_json::from_slice(&first).unwrap();
    // The scenario holds what it claims.
    let kinds: Vec<&str> = reviews(&backup)
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"drill"), "{kinds:?}");
    assert!(
        reviews(&backup).iter().any(|r| r["origin"].is_string()),
        "answers from Anki"
    );
    let salary = common::backup_card(&backup, "Prep", "salary").unwrap();
    assert_eq!(salary["suspended"], true);
    assert_eq!(backup["version"], 2);
    assert_eq!(backup["config"]["new_per_day"], "7");
    assert_eq!(backup["interviews"][0]["date"], "2026-12-04");
    let lapsed = common::backup_card(&backup, "Prep", "lapsed").unwrap();
    assert_eq!(lapsed["lapses"], 1);

    let restored = env.path("restored.db");
    let out = env
        .cmd()
        .db(&restored)
        .now("2026-11-03")
        .args(&["import", env.path("first.json").to_str().unwrap()])
        .ok();
    assert!(out.contains("Prep"), "{out}");
    let second = export_file(&env, &restored, "second.json");
    assert!(
        first == second,
        "the exports differ:\n{}\n---\n{}",
        String::from_utf8_lossy(&first),
        String::from_utf8_lossy(&second)
    );
    // The counts kept for stats were made too, and the cards replay.
    let check = env.cmd().db(&restored).args(&["check"]).json();
    assert_eq!(check["problems"], Value::Array(vec![]), "{check}");
    let stats = |db: &std::path::Path| env.cmd().db(db).now("2026-11-03").args(&["stats"]).json();
    assert_eq!(stats(&env.db), stats(&restored));
    // The card kept its own sides, and the setting is back.
    let kept = env.cmd().db(&restored).args(&["card", "capital#c2"]).json();
    assert_eq!(kept["front"], "Paris is the capital of [...].");
    let fresh = env
        .cmd()
        .db(&restored)
        .args(&["config", "new_per_day"])
        .ok();
    assert_eq!(fresh.trim(), "7");
}

#[test]
fn a_restore_needs_an_empty_collection_and_changes_nothing_else() {
    let env = Env::new();
    busy_collection(&env);
    export_file(&env, &env.db, "backup.json");
    let before = export_file(&env, &env.db, "before.json");
    let err = env.run(&["import", "backup.json"]).fails(1);
    assert_one_error(&err, &["is not empty", "empty collection", "--db"]);
    assert_eq!(export_file(&env, &env.db, "after.json"), before);

    let other = env.path("other.db");
    let err = env
        .cmd()
        .db(&other)
        .args(&["import", "backup.json", "--prune"])
        .fails(1);
    assert_one_error(&err, &["backup.json", "--deck and --prune"]);
}

#[test]
fn a_bad_backup_is_refused_whole() {
    let env = Env::new();
    busy_collection(&env);
    let text = String::from_utf8(export_file(&env, &env.db, "backup.json")).unwrap();
    let other = env.path("other.db");
    let restore = |file: &str| env.cmd().db(&other).args(&["import", file]).fails(1);
    env.write("not-a-backup.json", r#"{"cards": []}"#);
    assert_one_error(&restore("not-a-backup.json"), &["not a rehearse backup"]);
    env.write("broken.json", &text[..text.len() / 2]);
    assert_one_error(
        &restore("broken.json"),
        &["broken.json:", "not a readable backup"],
    );
    env.write(
        "newer.json",
        text.replacen("\"version\": 2", "\"version\": 9", 1),
    );
    assert_one_error(&restore("newer.json"), &["newer rehearse"]);
    // The last answer names a deck the backup does not have: nothing lands.
    let mut value: Value = serde_json::from_str(&text).unwrap();
    let last = value["reviews"].as_array_mut().unwrap().last_mut().unwrap();
    last["deck"] = "Nowhere".into();
    env.write("bad-deck.json", serde_json::to_string(&value).unwrap());
    assert_one_error(&restore("bad-deck.json"), &["not restored", "Nowhere"]);
    let decks = env.cmd().db(&other).args(&["decks"]).json();
    assert_eq!(decks, Value::Array(vec![]));
}

/// A version 1 backup (written before this one) lacks the log's derived
/// columns, the cards' entries and places, settings and interviews: what
/// it has comes back, and the derived columns are what the answers left.
#[test]
fn a_version_1_backup_is_restored_with_what_it_has() {
    let env = Env::new();
    env.write("other.toml", OTHER);
    env.write("prep.toml", DECK.replace("reverse = true", ""));
    env.at("2026-11-01", &["import", "prep.toml", "other.toml"])
        .ok();
    env.at("2026-11-01T09:00", &["grade", "lapsed", "good"])
        .ok();
    env.at("2026-11-02T09:00", &["grade", "lapsed", "again"])
        .ok();
    env.at("2026-11-02T10:00", &["review", "--deck", "Other"])
        .output_with_stdin("again\ngood\n");
    let v2: Value = serde_json::from_slice(&export_file(&env, &env.db, "v2.json")).unwrap();
    let mut v1 = v2.clone();
    v1["version"] = 1.into();
    for key in ["config", "interviews"] {
        v1.as_object_mut().unwrap().remove(key);
    }
    for deck in v1["decks"].as_array_mut().unwrap() {
        deck.as_object_mut().unwrap().remove("cloze_notes");
        for card in deck["cards"].as_array_mut().unwrap() {
            for key in ["note", "position"] {
                card.as_object_mut().unwrap().remove(key);
            }
        }
    }
    for review in v1["reviews"].as_array_mut().unwrap() {
        for key in ["at_ms", "repetition", "was_new"] {
            review.as_object_mut().unwrap().remove(key);
        }
    }
    env.write("v1.json", serde_json::to_string_pretty(&v1).unwrap());
    let restored = env.path("restored.db");
    env.cmd().db(&restored).args(&["import", "v1.json"]).ok();
    let back: Value = serde_json::from_slice(&export_file(&env, &restored, "back.json")).unwrap();
    // Times come back to the second (`at`).
    let mut want = v2["reviews"].clone();
    for review in want.as_array_mut().unwrap() {
        let ms = review["at_ms"].as_i64().unwrap();
        review["at_ms"] = (ms - ms % 1000).into();
    }
    assert_eq!(back["reviews"], want);
    for (deck, original) in back["decks"]
        .as_array()
        .unwrap()
        .iter()
        .zip(v2["decks"].as_array().unwrap())
    {
        let cards = |d: &Value| {
            d["cards"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["kind"] != "cloze")
                .cloned()
                .collect::<Vec<_>>()
        };
        assert_eq!(cards(deck), cards(original));
    }
    // A cloze card without its note's text keeps the sides it showed.
    let c1 = env.cmd().db(&restored).args(&["card", "capital#c1"]).json();
    assert_eq!(c1["front"], "[...] is the capital of France.");
}

/// The files of the backups folder, sorted.
fn backups(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = match std::fs::read_dir(env.path("backups")) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    };
    names.sort();
    names
}

/// The card keys and answer count a backup copy holds.
fn copy_holds(env: &Env, name: &str) -> (Vec<String>, i64) {
    let conn = rusqlite::Connection::open_with_flags(
        env.path("backups").join(name),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let mut stmt = conn.prepare("SELECT key FROM cards ORDER BY key").unwrap();
    let keys = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let answers = conn
        .query_row("SELECT count(*) FROM reviews", [], |r| r.get(0))
        .unwrap();
    (keys, answers)
}

#[test]
fn the_first_write_of_each_day_keeps_a_copy_and_the_last_n_stay() {
    let env = Env::new();
    env.deck("d.toml", "D", &common::numbered_cards(3));
    // Starting the collection copies nothing: there was nothing.
    env.at("2026-11-01", &["import", "d.toml"]).ok();
    assert_eq!(backups(&env), Vec::<String>::new());
    env.at("2026-11-02T08:00", &["grade", "q1", "good"]).ok();
    env.at("2026-11-02T09:00", &["grade", "q2", "good"]).ok();
    assert_eq!(backups(&env), ["rehearse-2026-11-02.db"]);
    // The copy holds the collection as the day found it.
    assert_eq!(copy_holds(&env, "rehearse-2026-11-02.db").1, 0);
    // Reading writes nothing and copies nothing.
    env.at("2026-11-03", &["decks"]).ok();
    env.at("2026-11-03", &["stats"]).ok();
    assert_eq!(backups(&env).len(), 1);
    env.at("2026-11-03", &["config", "backups_to_keep", "3"])
        .ok();
    for day in 4..=9 {
        env.at(&format!("2026-11-{day:02}"), &["grade", "q3", "good"])
            .ok();
    }
    assert_eq!(
        backups(&env)
            .into_iter()
            .filter(|n| n.starts_with("rehearse-2026-11"))
            .collect::<Vec<_>>(),
        [
            "rehearse-2026-11-07.db",
            "rehearse-2026-11-08.db",
            "rehearse-2026-11-09.db"
        ]
    );
    // 0 turns daily copies off; the ones made stay.
    env.at("2026-11-09", &["config", "backups_to_keep", "0"])
        .ok();
    env.at("2026-11-10", &["grade", "q3", "good"]).ok();
    assert!(!backups(&env).contains(&"rehearse-2026-11-10.db".to_string()));
    assert!(backups(&env).contains(&"rehearse-2026-11-09.db".to_string()));
}

#[test]
fn a_prune_that_removes_cards_keeps_a_copy_first() {
    let env = Env::new();
    env.at("2026-11-01", &["config", "backups_to_keep", "0"])
        .ok();
    env.deck("d.toml", "D", &common::numbered_cards(3));
    env.at("2026-11-01", &["import", "d.toml"]).ok();
    env.at("2026-11-01", &["grade", "q3", "good"]).ok();
    env.deck("d.toml", "D", &common::numbered_cards(2));
    env.at("2026-11-02", &["import", "d.toml", "--prune"]).ok();
    // The copy holds the collection as it was before the import.
    assert_eq!(backups(&env), ["rehearse-2026-11-02-before-prune.db"]);
    let (keys, answers) = copy_holds(&env, "rehearse-2026-11-02-before-prune.db");
    assert_eq!(
        (keys, answers),
        (vec!["q1".into(), "q2".into(), "q3".into()], 1)
    );
    // Several files prune once all have landed, after a copy; with
    // backups_to_keep 0 the newest copy of the kind stays.
    env.deck("d.toml", "D", &common::numbered_cards(1));
    env.deck("e.toml", "E", &common::numbered_cards(1));
    env.at("2026-11-02", &["import", "d.toml", "e.toml", "--prune"])
        .ok();
    assert_eq!(backups(&env), ["rehearse-2026-11-02-before-prune-2.db"]);
    // The files have landed (E's q1 is in), the prune has not (D's q2 is).
    assert_eq!(
        copy_holds(&env, "rehearse-2026-11-02-before-prune-2.db").0,
        ["q1", "q1", "q2"]
    );
    // A prune that removes nothing, or a file that fails, copies nothing.
    env.at("2026-11-03", &["import", "d.toml", "--prune"]).ok();
    env.write("bad.toml", "name = \"D\"\n[[cards]]\nfront = 1\n");
    env.at("2026-11-03", &["import", "bad.toml", "--prune"])
        .fails(1);
    assert_eq!(backups(&env), ["rehearse-2026-11-02-before-prune-2.db"]);
}

#[test]
fn a_restore_keeps_a_copy_of_what_it_found() {
    let env = Env::new();
    env.deck("d.toml", "D", &common::numbered_cards(2));
    env.at("2026-11-01", &["import", "d.toml"]).ok();
    export_file(&env, &env.db, "backup.json");
    let restored = env.path("restored.db");
    env.cmd()
        .db(&restored)
        .args(&["config", "new_per_day", "3"])
        .ok();
    env.cmd()
        .db(&restored)
        .now("2026-11-05")
        .args(&["import", "backup.json"])
        .ok();
    assert!(
        backups(&env).contains(&"restored-2026-11-05-before-restore.db".to_string()),
        "{:?}",
        backups(&env)
    );
}
