//! `export --format apkg` (docs/imports.md, "Anki packages out"): the
//! package imports into real Anki with our cards, schedules, suspensions
//! and review log, our own importer reads it back to the same cards,
//! schedules and history, and a second export updates what the first one
//! added instead of duplicating it.
//!
//! The Anki side runs `tests/fixtures/anki/check_export.py` with the `anki`
//! Python package: the interpreter is `$REHEARSE_ANKI_PYTHON` (`.ci/run`
//! makes a venv for it), else `python3`. Without `anki` the test fails and
//! says how to install it.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use common::{Env, assert_one_error, fixture_path};
use serde_json::Value;

const PITCH: &str = r#"name = "Interview::Pitch"
description = "Why & how <now>"

[[cards]]
id = "pitch/why"
front = "Why sharpen your pitch & <story>?"
back = "Interviewers expect\nyou to sell yourself."
tags = ["pitch", "sell"]
reverse = true

[[cards]]
id = "cl"
cloze = "{{c1::Rust}} is {{c2::memory safe::what?}}"
extra = "since 2015"
tags = ["rust"]

[[cards]]
id = "learned"
front = "Learned?"
back = "Yes."

[[cards]]
id = "lapsed"
front = "Lapsed?"
back = "Once."

[[cards]]
id = "new"
front = "Still new?"
back = "Yes."
"#;

/// Same note key as in the first deck: its guid must differ.
const SALARY: &str = r#"name = "Salary"

[[cards]]
id = "drilled"
front = "Anchor first?"
back = "Usually."

[[cards]]
id = "pitch/why"
front = "Another deck, same key"
back = "Its own note."
"#;

/// A collection with new, learned, lapsed, reversed and cloze cards, two
/// decks (one a `Parent::Child`), scheduled answers and a drill.
fn collection() -> Env {
    let env = Env::new();
    env.write("pitch.toml", PITCH);
    env.write("salary.toml", SALARY);
    env.run(&["import", "pitch.toml", "salary.toml"]).ok();
    env.no_fuzz();
    for (now, card, grade) in [
        ("2026-10-01T09:00", "learned", "good"),
        ("2026-10-01T09:01", "lapsed", "good"),
        ("2026-10-01T09:02", "pitch/why", "good"),
        ("2026-10-01T09:03", "pitch/why#r", "easy"),
        ("2026-10-01T09:04", "cl#c1", "good"),
        ("2026-10-02T09:00", "lapsed", "good"),
        ("2026-10-02T09:01", "learned", "easy"),
        ("2026-10-08T09:00", "lapsed", "again"),
    ] {
        let mut args = vec!["grade", card, grade];
        if card == "pitch/why" {
            args.extend(["--deck", "Interview::Pitch"]);
        }
        env.at(now, &args).ok();
    }
    // "again" brings the card back in the session as a drill.
    env.at(
        "2026-10-03T09:00",
        &["review", "--deck", "Salary", "--new", "1"],
    )
    .output_with_stdin("again\ngood\n");
    env.run(&["suspend", "learned"]).ok();
    let backup = env.backup();
    let kinds: Vec<&str> = reviews(&backup)
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"drill"), "no drill in {kinds:?}");
    env
}

fn reviews(backup: &Value) -> &Vec<Value> {
    backup["reviews"].as_array().unwrap()
}

/// Every card of a backup, with its deck.
fn cards(backup: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    for deck in backup["decks"].as_array().unwrap() {
        for card in deck["cards"].as_array().unwrap() {
            out.push(card.clone());
        }
    }
    out
}

/// The Anki note guid and card ordinal we expect for card `id` of `deck`.
fn anki_key(deck: &str, id: &str) -> (String, i64) {
    let guid = |note: &str| {
        if deck == "Salary" && note == "pitch/why" {
            format!("{note}#Salary")
        } else {
            note.to_string()
        }
    };
    if let Some(note) = id.strip_suffix("#r") {
        return (guid(note), 1);
    }
    if let Some((note, number)) = id.split_once("#c") {
        return (guid(note), number.parse::<i64>().unwrap() - 1);
    }
    (guid(id), 0)
}

/// Runs the check script on `packages` with the Python that has `anki`.
fn anki_check(packages: &[&Path]) -> Value {
    let python = std::env::var("REHEARSE_ANKI_PYTHON").unwrap_or_else(|_| "python3".into());
    let probe = Command::new(&python)
        .args(["-c", "import anki.collection"])
        .output();
    let has_anki = probe.as_ref().is_ok_and(|o| o.status.success());
    assert!(
        has_anki,
        "this test needs Python's `anki` package, which `{python}` cannot import ({}).\n\
         Install it in a venv and point the test at it:\n  \
         python3 -m venv target/anki-venv && target/anki-venv/bin/pip install anki==26.9.3\n  \
         REHEARSE_ANKI_PYTHON=target/anki-venv/bin/python cargo test --test cli_export_apkg\n\
         (.ci/run does this.)",
        match &probe {
            Ok(o) => String::from_utf8_lossy(&o.stderr).trim().to_string(),
            Err(e) => e.to_string(),
        }
    );
    let out = Command::new(&python)
        .arg(fixture_path("anki/check_export.py"))
        .args(packages)
        .env("TZ", "UTC")
        .output()
        .expect("run check_export.py");
    assert!(
        out.status.success(),
        "check_export.py failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("check_export.py prints JSON")
}

#[test]
#[ignore = "needs the anki Python package (.ci/run installs it)"]
fn anki_imports_the_cards_schedules_and_history() {
    let env = collection();
    let first = env.path("first.apkg");
    let stderr = env
        .at("2026-10-10T12:00", &["export", "--format", "apkg", "-o"])
        .args(&[first.to_str().unwrap()])
        .fails(0);
    assert!(
        stderr.contains("wrote") && stderr.contains("9 cards, 7 notes, 10 answers in 2 decks"),
        "{stderr}"
    );
    // A later export of the same collection: Anki updates, never duplicates.
    let second = env.path("second.apkg");
    env.at("2026-10-11T12:00", &["export", "--format", "apkg", "-o"])
        .args(&[second.to_str().unwrap()])
        .ok();
    let anki = anki_check(&[&first, &second]);
    let backup = env.backup();
    let ours = cards(&backup);

    assert_eq!(anki["imports"][0]["new"], 7, "{}", anki["imports"]);
    assert_eq!(anki["imports"][1]["new"], 0, "{}", anki["imports"]);
    assert_eq!(anki["imports"][1]["updated"], 7, "{}", anki["imports"]);
    assert_eq!(anki["notes"], 7);
    let decks: BTreeMap<String, i64> = serde_json::from_value(anki["decks"].clone()).unwrap();
    assert_eq!(
        decks,
        BTreeMap::from([("Interview::Pitch".into(), 7), ("Salary".into(), 2)])
    );

    let theirs: BTreeMap<(String, String, i64), &Value> = anki["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let key = (
                c["deck"].as_str().unwrap().to_string(),
                c["guid"].as_str().unwrap().to_string(),
                c["ord"].as_i64().unwrap(),
            );
            (key, c)
        })
        .collect();
    assert_eq!(theirs.len(), ours.len());
    for card in &ours {
        let deck = card["deck"].as_str().unwrap();
        let id = card["id"].as_str().unwrap();
        let (guid, ord) = anki_key(deck, id);
        let anki = theirs
            .get(&(deck.to_string(), guid.clone(), ord))
            .unwrap_or_else(|| panic!("no Anki card {deck} {guid} {ord}: {theirs:#?}"));
        let answers = reviews(&backup)
            .iter()
            .filter(|r| r["deck"] == deck && r["card"] == id)
            .count();
        assert_eq!(anki["revlog"].as_array().unwrap().len(), answers, "{id}");
        assert_eq!(anki["reps"], card["reviews"], "{id}");
        assert_eq!(anki["lapses"], card["lapses"], "{id}");
        let suspended = card["suspended"] == true;
        let queue = |learned: i64| if suspended { -1 } else { learned };
        if card["state"] == "new" {
            assert_eq!(
                (&anki["type"], &anki["queue"]),
                (&0.into(), &queue(0).into()),
                "{id}"
            );
        } else {
            assert_eq!(
                (&anki["type"], &anki["queue"]),
                (&2.into(), &queue(2).into()),
                "{id}"
            );
            assert_eq!(anki["ivl"], card["interval"], "{id}");
            let factor = (card["ease"].as_f64().unwrap() * 1000.0).round() as i64;
            assert_eq!(anki["factor"], factor, "{id}");
            assert_eq!(anki["due"], card["due"], "{id}");
        }
    }

    let why = theirs[&("Interview::Pitch".into(), "pitch/why".into(), 0)];
    assert_eq!(
        why["notetype"].as_str().unwrap().trim_end_matches('+'),
        "Basic (and reversed card)"
    );
    assert_eq!(
        why["fields"],
        serde_json::json!([
            "Why sharpen your pitch &amp; &lt;story&gt;?",
            "Interviewers expect<br>you to sell yourself."
        ])
    );
    assert_eq!(why["tags"], serde_json::json!(["pitch", "sell"]));
    let cloze = theirs[&("Interview::Pitch".into(), "cl".into(), 1)];
    assert_eq!(
        cloze["notetype"].as_str().unwrap().trim_end_matches('+'),
        "Cloze"
    );
    assert_eq!(
        cloze["fields"],
        serde_json::json!(["{{c1::Rust}} is {{c2::memory safe::what?}}", "since 2015"])
    );
    let lapsed = theirs[&("Interview::Pitch".into(), "lapsed".into(), 0)];
    let kinds_and_buttons: Vec<(i64, i64)> = lapsed["revlog"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r[1].as_i64().unwrap(), r[0].as_i64().unwrap()))
        .collect();
    // learning good, review good, review again
    assert_eq!(kinds_and_buttons, [(0, 3), (1, 3), (1, 1)]);
    let learned = theirs[&("Interview::Pitch".into(), "learned".into(), 0)];
    assert_eq!(
        (&learned["type"], &learned["queue"]),
        (&2.into(), &(-1).into())
    );
    let drilled = theirs[&("Salary".into(), "drilled".into(), 0)];
    let kinds: Vec<i64> = drilled["revlog"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[1].as_i64().unwrap())
        .collect();
    assert_eq!(kinds, [0, 3], "first answer, then the drill");
}

/// Card `id` of `deck` as our importer names it when it reads our package.
fn id_read_back(deck: &Value, id: &str) -> String {
    if deck == "Salary" && id == "pitch/why" {
        "pitch/why%23Salary".into()
    } else {
        id.into()
    }
}

#[test]
fn our_importer_reads_the_package_back_to_the_same_cards_and_history() {
    let env = collection();
    env.at(
        "2026-10-10T12:00",
        &["export", "--format", "apkg", "-o", "out.apkg"],
    )
    .ok();
    let copy = Env::new();
    copy.at("2026-10-10T12:00", &["import"])
        .args(&[env.path("out.apkg").to_str().unwrap()])
        .ok();
    let card_shape = |backup: &Value| -> BTreeSet<String> {
        cards(backup)
            .iter()
            .map(|c| {
                let id = id_read_back(&c["deck"], c["id"].as_str().unwrap());
                // Not SM-2's repetition count, which Anki has no place for
                // (docs/imports.md): the importer derives one.
                let fields = [
                    "kind",
                    "front",
                    "back",
                    "extra",
                    "tags",
                    "state",
                    "due",
                    "interval",
                    "ease",
                    "reviews",
                    "lapses",
                    "suspended",
                ];
                let values: Vec<String> = fields.iter().map(|f| c[*f].to_string()).collect();
                format!("{} | {id} | {}", c["deck"], values.join(" | "))
            })
            .collect()
    };
    let review_shape = |backup: &Value| -> Vec<String> {
        let mut log: Vec<String> = reviews(backup)
            .iter()
            .map(|r| {
                let id = id_read_back(&r["deck"], r["card"].as_str().unwrap());
                let fields = ["at", "grade", "kind", "interval", "ease", "due"];
                let values: Vec<String> = fields.iter().map(|f| r[*f].to_string()).collect();
                format!("{} | {id} | {}", r["deck"], values.join(" | "))
            })
            .collect();
        log.sort();
        log
    };
    let (original, read_back) = (env.backup(), copy.backup());
    assert_eq!(card_shape(&read_back), card_shape(&original));
    assert_eq!(review_shape(&read_back), review_shape(&original));
}

#[test]
fn the_same_collection_exports_the_same_bytes() {
    let env = collection();
    for name in ["a.apkg", "b.apkg"] {
        env.at(
            "2026-10-10T12:00",
            &["export", "--format", "apkg", "-o", name],
        )
        .ok();
    }
    let a = std::fs::read(env.path("a.apkg")).unwrap();
    let b = std::fs::read(env.path("b.apkg")).unwrap();
    assert!(a == b, "two exports differ");
    // One deck alone keeps the ids it has in the whole export.
    env.at(
        "2026-10-10T12:00",
        &[
            "export",
            "--format",
            "apkg",
            "--deck",
            "Salary",
            "-o",
            "salary.apkg",
        ],
    )
    .ok();
    let copy = Env::new();
    copy.run(&["import", env.path("salary.apkg").to_str().unwrap()])
        .ok();
    let ids = common::ids(&copy.run(&["cards"]).json());
    assert_eq!(ids, ["drilled", "pitch/why%23Salary"]);
}

#[test]
fn an_empty_collection_has_nothing_to_export_and_other_names_get_a_note() {
    let env = Env::new();
    env.start();
    let err = env
        .run(&["export", "--format", "apkg", "-o", "x.apkg"])
        .fails(1);
    assert_one_error(&err, &["no decks to export"]);
    assert!(!env.path("x.apkg").exists());
    let env = collection();
    let err = env
        .run(&["export", "--format", "apkg", "-o", "cards.zip"])
        .fails(0);
    assert!(
        err.contains("note: Anki and AnkiDroid know a package by its .apkg extension"),
        "{err}"
    );
    assert!(env.path("cards.zip").exists());
}

#[test]
fn a_package_needs_a_file_name_and_never_overwrites_the_collection() {
    let env = collection();
    let before = std::fs::read(&env.db).unwrap();
    let err = env.run(&["export", "--format", "apkg"]).fails(1);
    assert_one_error(&err, &["-o FILE.apkg"]);
    let err = env
        .run(&["export", "--format", "apkg", "-o"])
        .args(&[env.dir().to_str().unwrap()])
        .fails(1);
    assert_one_error(&err, &["is a folder"]);
    let err = env
        .run(&["export", "--format", "apkg", "-o"])
        .args(&[env.db.to_str().unwrap()])
        .fails(1);
    assert_one_error(&err, &["is the collection"]);
    let err = env
        .run(&[
            "export",
            "--format",
            "apkg",
            "-o",
            "missing/folder/out.apkg",
        ])
        .fails(1);
    assert_one_error(&err, &["missing/folder/out.apkg"]);
    let err = env
        .run(&[
            "export", "--format", "apkg", "--deck", "Nope", "-o", "x.apkg",
        ])
        .fails(1);
    assert_one_error(&err, &["Nope"]);
    assert!(!env.path("x.apkg").exists());
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(env.dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".rehearse-export")
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
