//! `import` and `export` through the real binary (docs/imports.md): counts,
//! re-import rules, pruning, several files, TOML round trip, where the
//! collection lives.

mod common;

use common::{Env, backup_card, deck_toml, reviews};
use serde_json::{Value, json};

const THREE: &[(&str, &str, &str)] = &[
    ("q1", "What is SM-2?", "A scheduling algorithm"),
    ("q2", "Why sharpen your pitch?", "They won't guess"),
    ("q3", "STAR stands for?", "Situation, Task, Action, Result"),
];

#[test]
fn import_prints_one_counts_line_per_file_and_deck() {
    let env = Env::new();
    env.deck("pitch.toml", "Pitch", THREE);
    let out = env.run(&["import", "pitch.toml"]).ok();
    assert_eq!(
        out,
        "pitch.toml: 3 added, 0 updated, 0 unchanged, 0 not in file (deck \"Pitch\")\n"
    );
}

#[test]
fn import_json_is_an_array_of_counts() {
    let env = Env::new();
    env.deck("a.toml", "A", THREE);
    env.deck("b.toml", "B", &THREE[..1]);
    let json = env.run(&["import", "a.toml", "b.toml"]).json();
    assert_eq!(
        json,
        json!([
            {"path": "a.toml", "deck": "A", "added": 3, "updated": 0, "unchanged": 0, "not_in_file": 0},
            {"path": "b.toml", "deck": "B", "added": 1, "updated": 0, "unchanged": 0, "not_in_file": 0},
        ])
    );
}

#[test]
fn counts_are_of_cards_reverse_and_cloze_included() {
    let env = Env::new();
    env.write(
        "mixed.toml",
        r#"name = "Mixed"

[[cards]]
id = "pair"
front = "hello"
back = "bonjour"
reverse = true

[[cards]]
id = "cl"
cloze = "{{c1::Paris}} is the capital of {{c2::France}}."
"#,
    );
    let json = env.run(&["import", "mixed.toml"]).json();
    assert_eq!(json[0]["added"], 4);
    let cards = env.run(&["cards"]).json();
    let ids: Vec<&str> = cards
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["pair", "pair#r", "cl#c1", "cl#c2"]);
}

#[test]
fn reimporting_the_same_file_changes_nothing() {
    let env = Env::new();
    env.deck("pitch.toml", "Pitch", THREE);
    env.run(&["import", "pitch.toml"]).ok();
    let before = env.backup();
    let out = env.run(&["import", "pitch.toml"]).ok();
    assert_eq!(
        out,
        "pitch.toml: 0 added, 0 updated, 3 unchanged, 0 not in file (deck \"Pitch\")\n"
    );
    assert_eq!(env.backup(), before);
}

#[test]
fn editing_a_card_updates_its_text_and_keeps_schedule_and_history() {
    let env = Env::new();
    env.deck("pitch.toml", "Pitch", THREE);
    env.run(&["import", "pitch.toml"]).ok();
    env.at("2026-03-01", &["grade", "q2", "good"]).ok();
    env.at("2026-03-02", &["grade", "q2", "easy"]).ok();
    let before = env.card("q2");

    let mut edited = THREE.to_vec();
    edited[1] = ("q2", "Why sharpen your pitch, really?", "Nobody will guess");
    env.deck("pitch.toml", "Pitch", &edited);
    let json = env.run(&["import", "pitch.toml"]).json();
    assert_eq!(
        (
            &json[0]["added"],
            &json[0]["updated"],
            &json[0]["unchanged"],
            &json[0]["not_in_file"]
        ),
        (&json!(0), &json!(1), &json!(2), &json!(0))
    );

    let after = env.card("q2");
    assert_eq!(after["front"], "Why sharpen your pitch, really?");
    assert_eq!(after["back"], "Nobody will guess");
    for key in [
        "interval",
        "ease",
        "repetition",
        "due",
        "state",
        "reviews",
        "lapses",
        "history",
    ] {
        assert_eq!(after[key], before[key], "`{key}` changed on edit");
    }
    assert_eq!(after["history"].as_array().unwrap().len(), 2);
}

#[test]
fn a_card_no_longer_in_the_file_is_reported_and_kept() {
    let env = Env::new();
    env.deck("pitch.toml", "Pitch", THREE);
    env.run(&["import", "pitch.toml"]).ok();
    env.deck("pitch.toml", "Pitch", &THREE[..2]);
    let out = env.run(&["import", "pitch.toml"]).output();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "pitch.toml: 0 added, 0 updated, 2 unchanged, 1 not in file (deck \"Pitch\")\n"
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("q3"),
        "the missing id should be named"
    );
    assert_eq!(env.card("q3")["front"], "STAR stands for?");
}

#[test]
fn prune_removes_the_card_keeps_its_log_and_readding_brings_history_back() {
    let env = Env::new();
    env.no_fuzz();
    env.deck("pitch.toml", "Pitch", THREE);
    env.run(&["import", "pitch.toml"]).ok();
    env.at("2026-03-01", &["grade", "q3", "easy"]).ok();
    env.at("2026-03-02", &["grade", "q3", "easy"]).ok();
    let graded = env.card("q3");

    env.deck("pitch.toml", "Pitch", &THREE[..2]);
    let json = env.run(&["import", "pitch.toml", "--prune"]).json();
    assert_eq!(json[0]["not_in_file"], 1);
    let err = env.run(&["card", "q3"]).fails(1);
    assert!(err.contains("no card `q3`"), "{err}");
    let backup = env.backup();
    assert!(backup_card(&backup, "Pitch", "q3").is_none());
    let logged: Vec<&Value> = reviews(&backup)
        .iter()
        .filter(|r| r["card"] == "q3")
        .collect();
    assert_eq!(logged.len(), 2, "the pruned card's answers stay in the log");

    env.deck("pitch.toml", "Pitch", THREE);
    let json = env.run(&["import", "pitch.toml"]).json();
    assert_eq!(json[0]["added"], 1);
    let back = env.card("q3");
    for key in [
        "interval",
        "ease",
        "repetition",
        "due",
        "reviews",
        "lapses",
        "history",
    ] {
        assert_eq!(back[key], graded[key], "`{key}` not restored");
    }
}

#[test]
fn a_bad_file_among_several_is_rejected_whole_and_the_others_land() {
    let env = Env::new();
    env.deck("good1.toml", "One", THREE);
    // Valid first card, broken second one: nothing of this file may land.
    env.write(
        "bad.toml",
        "name = \"Bad\"\n\n[[cards]]\nid = \"ok\"\nfront = \"f\"\nback = \"b\"\n\n[[cards]]\nid = \"no-back\"\nfront = \"f2\"\n",
    );
    env.deck("good2.toml", "Two", &THREE[..1]);
    let out = env
        .run(&["import", "good1.toml", "bad.toml", "good2.toml"])
        .output();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "good1.toml: 3 added, 0 updated, 0 unchanged, 0 not in file (deck \"One\")\n\
         good2.toml: 1 added, 0 updated, 0 unchanged, 0 not in file (deck \"Two\")\n"
    );
    common::assert_one_error(&String::from_utf8_lossy(&out.stderr), &["bad.toml:"]);
    let decks = env.run(&["decks"]).json();
    let names: Vec<&str> = decks
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["One", "Two"]);
}

#[test]
fn a_duplicate_id_rejects_the_file_whole() {
    let env = Env::new();
    env.deck("dup.toml", "Dup", &[("x", "a", "b"), ("x", "c", "d")]);
    let err = env.run(&["import", "dup.toml"]).fails(1);
    common::assert_one_error(&err, &["dup.toml", "`x`"]);
    assert_eq!(env.run(&["decks"]).json(), json!([]));
}

#[test]
fn toml_export_round_trips_through_import() {
    let env = Env::new();
    env.write(
        "deck.toml",
        r#"name = "Round trip"
description = "with \"quotes\" and unicode: café"

[[cards]]
id = "basic"
front = "Multi\nline front"
back = "back with 'quotes'"
tags = ["a", "b-c"]

[[cards]]
id = "pair"
front = "hello"
back = "bonjour"
reverse = true

[[cards]]
id = "cl"
cloze = "{{c1::Paris}} is in {{c2::France}}."
extra = "geography"

[[cards]]
front = "an id derived from the front"
back = "yes"
"#,
    );
    env.run(&["import", "deck.toml"]).ok();
    env.run(&["export", "-o", "out.toml"]).ok();

    let fresh = Env::new();
    std::fs::copy(env.path("out.toml"), fresh.path("out.toml")).unwrap();
    let json = fresh.run(&["import", "out.toml"]).json();
    assert_eq!(json[0]["added"], 6);
    let texts = |env: &Env| -> Vec<Value> {
        env.run(&["cards"])
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                json!([
                    c["deck"], c["id"], c["front"], c["back"], c["tags"], c["extra"]
                ])
            })
            .collect()
    };
    assert_eq!(texts(&fresh), texts(&env));
    // And exporting again gives the same file.
    fresh.run(&["export", "-o", "again.toml"]).ok();
    assert_eq!(
        std::fs::read_to_string(fresh.path("again.toml")).unwrap(),
        std::fs::read_to_string(env.path("out.toml")).unwrap()
    );
    // Re-importing the export into the first collection changes nothing.
    let json = env.run(&["import", "out.toml"]).json();
    assert_eq!(json[0]["unchanged"], 6);
}

#[test]
fn exporting_several_decks_needs_a_folder() {
    let env = Env::new();
    env.deck("a.toml", "Alpha", THREE);
    env.deck("b.toml", "Beta deck", &THREE[..1]);
    env.run(&["import", "a.toml", "b.toml"]).ok();
    let err = env.run(&["export"]).fails(1);
    common::assert_one_error(&err, &["-o DIR"]);

    env.run(&["export", "-o", "out"]).ok();
    let mut files: Vec<String> = std::fs::read_dir(env.path("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files.iter().all(|f| f.ends_with(".toml")), "{files:?}");

    let fresh = Env::new();
    let paths: Vec<String> = files
        .iter()
        .map(|f| env.path("out").join(f).display().to_string())
        .collect();
    let mut args = vec!["import"];
    args.extend(paths.iter().map(String::as_str));
    fresh.run(&args).ok();
    let decks = fresh.run(&["decks"]).json();
    assert_eq!(decks[0]["name"], "Alpha");
    assert_eq!(decks[0]["total"], 3);
    assert_eq!(decks[1]["name"], "Beta deck");
    assert_eq!(decks[1]["total"], 1);
}

#[test]
fn rehearse_db_works_like_db() {
    let env = Env::new();
    env.deck("a.toml", "A", THREE);
    let db = env.path("elsewhere.db");
    env.run(&["import", "a.toml"])
        .no_db()
        .env("REHEARSE_DB", &db)
        .ok();
    assert!(db.is_file());
    assert!(!env.db.exists(), "only the REHEARSE_DB file is used");
    let cards = env.run(&["cards"]).no_db().env("REHEARSE_DB", &db).json();
    assert_eq!(cards.as_array().unwrap().len(), 3);
    // --db wins over the variable: the test's own file, which does not exist.
    let err = env.run(&["cards"]).env("REHEARSE_DB", &db).fails(1);
    assert!(err.contains(&env.db.display().to_string()), "{err}");
}

#[test]
fn db_in_a_folder_that_does_not_exist_is_an_error() {
    let env = Env::new();
    env.deck("a.toml", "A", THREE);
    let db = env.path("new/nested/folder/col.db");
    let err = env.run(&["import", "a.toml"]).db(&db).fails(1);
    common::assert_one_error(&err, &["new/nested/folder` does not exist"]);
    assert!(!env.path("new").exists(), "no folder is made");
    std::fs::create_dir_all(env.path("new/nested/folder")).unwrap();
    env.run(&["import", "a.toml"]).db(&db).ok();
    assert_eq!(
        env.run(&["cards"]).db(&db).json().as_array().unwrap().len(),
        3
    );
}

#[test]
fn the_default_collection_is_in_the_data_folder() {
    let env = Env::new();
    env.deck("a.toml", "A", THREE);
    env.run(&["import", "a.toml"]).no_db().ok();
    assert!(env.path("xdg/rehearse/rehearse.db").is_file());
}

#[test]
fn deck_toml_helper_writes_what_import_reads() {
    // Guards the test builder itself: quotes, backslashes and newlines survive.
    let env = Env::new();
    let tricky = [("t", "a \"quoted\" \\ front\nline 2", "b")];
    env.write("t.toml", deck_toml("T", &tricky));
    env.run(&["import", "t.toml"]).ok();
    assert_eq!(env.card("t")["front"], tricky[0].1);
}
