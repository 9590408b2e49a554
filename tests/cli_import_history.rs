//! Anki packages exported with their scheduling (tests/fixtures/anki:
//! history.apkg, history21.apkg, history.colpkg, made by Anki's own exporter
//! with make_fixtures.py): every card's schedule, suspension and past
//! answers come in mapped onto SM-2 (docs/imports.md, "Scheduling and
//! history"). The expectations are read from the package's own collection,
//! so every card of the package is checked against Anki's rows.

mod common;

use std::collections::BTreeMap;

use common::{Env, add_days, backup_card, package_entry, reviews};
use serde_json::Value;

/// The import day of these tests, three days after the export.
const NOW: &str = "2026-11-30";

/// The collection's creation day (`col.crt`, 2025-01-06T04:00Z).
const CREATED: &str = "2025-01-06";

const PACKAGES: [&str; 3] = ["history.apkg", "history21.apkg", "history.colpkg"];

/// One card of the package as Anki keeps it.
#[derive(Debug)]
struct AnkiCard {
    card_type: i64,
    queue: i64,
    due: i64,
    ivl: i64,
    factor: i64,
    lapses: i64,
    /// The buttons of its answers (revlog rows that are answers), oldest first.
    answers: Vec<i64>,
    /// Their revlog types.
    kinds: Vec<i64>,
}

/// The package's cards by our card id, read from the schema 11 copy of the
/// same collection (history21.apkg holds it uncompressed).
fn anki_cards() -> BTreeMap<String, AnkiCard> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.anki21");
    std::fs::write(&path, package_entry("history21.apkg", "collection.anki21")).unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    let mut stmt = db
        .prepare(
            "SELECT n.guid, c.ord, n.flds LIKE '%{{c1::%', c.id, c.type, c.queue, c.due, c.ivl,
                    c.factor, c.lapses
             FROM cards c JOIN notes n ON n.id = c.nid",
        )
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    let mut out = BTreeMap::new();
    while let Some(r) = rows.next().unwrap() {
        let (guid, ord, cloze): (String, i64, bool) =
            (r.get(0).unwrap(), r.get(1).unwrap(), r.get(2).unwrap());
        let id = match (cloze, ord) {
            (true, n) => format!("{guid}#c{}", n + 1),
            (false, 1) => format!("{guid}#r"),
            _ => guid,
        };
        let cid: i64 = r.get(3).unwrap();
        let mut log = db
            .prepare("SELECT ease, type FROM revlog WHERE cid = ?1 AND ease BETWEEN 1 AND 4 AND type <= 3 ORDER BY id")
            .unwrap();
        let (answers, kinds): (Vec<i64>, Vec<i64>) = log
            .query_map([cid], |l| Ok((l.get::<_, i64>(0)?, l.get::<_, i64>(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .unzip();
        out.insert(
            id,
            AnkiCard {
                card_type: r.get(4).unwrap(),
                queue: r.get(5).unwrap(),
                due: r.get(6).unwrap(),
                ivl: r.get(7).unwrap(),
                factor: r.get(8).unwrap(),
                lapses: r.get(9).unwrap(),
                answers,
                kinds,
            },
        );
    }
    out
}

fn import(env: &Env, package: &str) -> (String, String) {
    let path = common::fixture_path(&format!("anki/{package}"));
    let out = env.at(NOW, &["import", path.to_str().unwrap()]).output();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn imported(package: &str) -> (Env, String, String) {
    let env = Env::new();
    let (out, err) = import(&env, package);
    (env, out, err)
}

/// The run of passing answers ending the log.
fn run_of_passes(answers: &[i64]) -> i64 {
    answers.iter().rev().take_while(|&&e| e >= 2).count() as i64
}

/// Answers kept as drills: cram (type 3), and learning or relearning steps
/// (types 0 and 2) after the card's first scheduled answer; all of them
/// for a card Anki reset to new.
fn expected_drills(card: &AnkiCard) -> usize {
    if card.card_type == 0 {
        return card.answers.len();
    }
    let mut scheduled = false;
    card.kinds
        .iter()
        .filter(|&&kind| {
            let drill = kind == 3 || (scheduled && (kind == 0 || kind == 2));
            scheduled |= !drill;
            drill
        })
        .count()
}

fn assert_mapped(id: &str, anki: &AnkiCard, card: &Value, history: usize) {
    let ctx = format!("{id}: {anki:?} → {card}");
    assert_eq!(card["suspended"], anki.queue == -1, "{ctx}");
    assert_eq!(card["reviews"], history as i64, "{ctx}");
    let ease = |fallback: f64| {
        if anki.factor > 0 {
            (anki.factor as f64 / 1000.0).max(1.3)
        } else {
            fallback
        }
    };
    match anki.card_type {
        2 if !anki.answers.is_empty() => {
            assert_eq!(card["interval"], anki.ivl, "{ctx}");
            assert_eq!(card["ease"].as_f64().unwrap(), ease(2.5), "{ctx}");
            assert_eq!(card["due"], add_days(CREATED, anki.due), "{ctx}");
            assert_eq!(
                card["repetition"],
                run_of_passes(&anki.answers).max(1),
                "{ctx}"
            );
            assert_eq!(card["lapses"], anki.lapses, "{ctx}");
        }
        1 | 3 => {
            assert_eq!(card["due"], NOW, "{ctx}: learning cards are due today");
            assert_eq!(card["interval"], anki.ivl.max(1), "{ctx}");
            assert_eq!(card["repetition"], run_of_passes(&anki.answers), "{ctx}");
            assert_eq!(card["lapses"], anki.lapses, "{ctx}");
        }
        _ => {
            assert_eq!(card["state"], "new", "{ctx}");
            assert!(card["due"].is_null(), "{ctx}");
            assert_eq!(card["lapses"], 0, "{ctx}");
        }
    }
}

#[test]
fn every_card_of_every_package_comes_in_with_its_schedule_and_answers() {
    let anki = anki_cards();
    assert!(anki.len() > 30);
    let answers: usize = anki.values().map(|c| c.answers.len()).sum();
    assert!(answers > 500, "several hundred answers: {answers}");
    for package in PACKAGES {
        let (env, out, err) = imported(package);
        assert!(
            out.contains(&format!(
                "{} cards (29 with their schedule), {answers} past answers",
                anki.len()
            )),
            "{package}: {out}"
        );
        assert!(err.contains("skipped 3 rows of Anki's review log"), "{err}");
        assert!(err.contains("3 cards in Anki's learning steps"), "{err}");
        assert!(err.contains("FSRS memory states"), "{err}");
        let backup = env.backup();
        assert_eq!(reviews(&backup).len(), answers, "{package}");
        let mut per_card: BTreeMap<&str, usize> = BTreeMap::new();
        let mut drills: BTreeMap<&str, usize> = BTreeMap::new();
        for r in reviews(&backup) {
            assert!(r["origin"].as_str().unwrap().starts_with("anki:"), "{r}");
            *per_card.entry(r["card"].as_str().unwrap()).or_default() += 1;
            if r["kind"] == "drill" {
                *drills.entry(r["card"].as_str().unwrap()).or_default() += 1;
            }
        }
        for (id, card) in &anki {
            let stored = backup_card(&backup, "History", id)
                .unwrap_or_else(|| panic!("{package}: no card {id}"));
            let logged = per_card.get(id.as_str()).copied().unwrap_or(0);
            assert_eq!(logged, card.answers.len(), "{package}: {id}");
            let drilled = drills.get(id.as_str()).copied().unwrap_or(0);
            assert_eq!(drilled, expected_drills(card), "{package}: {id}");
            assert_mapped(id, card, stored, logged);
        }
        let check = env.at(NOW, &["check"]).ok();
        assert!(check.contains("all consistent"), "{package}: {check}");
    }
}

#[test]
fn named_cards_show_each_rule() {
    let (env, _, _) = imported("history.apkg");
    let card = |id: &str| env.at(NOW, &["card", id]).json();
    // A review card: Anki's interval, ease and due day; lapses as Anki counts them.
    let rev = card("rev0");
    assert_eq!(rev["state"], "mature");
    assert_eq!(rev["interval"], 45);
    assert_eq!(rev["ease"], 1.55);
    assert_eq!(rev["due"], "2026-12-11");
    assert_eq!(rev["repetition"], 15);
    assert_eq!(rev["lapses"], 4);
    let history = rev["history"].as_array().unwrap();
    assert_eq!(history.len(), 40);
    assert_eq!(history[0]["at"], "2025-01-06T09:00:00+00:00");
    assert_eq!(history[0]["grade"], "again");
    assert_eq!(history[0]["kind"], "review");
    // The learning steps after the first answer are repeats: drills.
    assert_eq!(history[1]["kind"], "drill");
    assert_eq!(history[1]["quality"], 4);
    // Learning and relearning cards are due on the import day.
    for id in ["learning", "learning2", "relearning"] {
        assert_eq!(card(id)["due"], NOW, "{id}");
    }
    assert_eq!(card("relearning")["repetition"], 0, "just failed");
    // Suspended cards stay suspended, buried ones do not.
    assert_eq!(card("suspended")["suspended"], true);
    assert_eq!(card("suspended")["state"], "mature");
    assert_eq!(card("suspendednew")["suspended"], true);
    assert_eq!(card("suspendednew")["state"], "new");
    assert_eq!(card("clozed#c2")["suspended"], true);
    assert_eq!(card("buried")["suspended"], false);
    // A manual reschedule is no answer, but the due day it set stays.
    assert_eq!(card("manual")["due"], "2026-12-27");
    // Reset to new: new, its answers kept as drills; due by hand alone: new.
    let forgotten = card("forgotten");
    assert_eq!(forgotten["state"], "new");
    assert!(forgotten["reviews"].as_i64().unwrap() > 5);
    assert!(
        forgotten["history"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["kind"] == "drill")
    );
    assert_eq!(card("byhand")["state"], "new");
    assert_eq!(card("byhand")["reviews"], 0);
    // Cram in a filtered deck: drills that move nothing.
    let crammed = card("crammed");
    let last = crammed["history"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last["kind"].clone(), last["grade"].clone()),
        ("drill".into(), "again".into())
    );
    // The reverse of a reviewed note is new.
    assert_eq!(card("house")["state"], "mature");
    assert_eq!(card("house#r")["state"], "new");
    // The text view says where the answers come from, and the suspension.
    let text = env.at(NOW, &["card", "suspended"]).ok();
    assert!(text.contains("(suspended"), "{text}");
    assert!(text.contains("(in Anki)"), "{text}");
}

#[test]
fn suspended_cards_are_counted_apart_and_never_shown() {
    let (env, _, _) = imported("history.apkg");
    let decks = env.at(NOW, &["decks"]).json();
    let deck = &decks[0];
    assert_eq!(deck["suspended"], 3);
    assert_eq!(
        deck["total"],
        deck["new"].as_i64().unwrap()
            + deck["young"].as_i64().unwrap()
            + deck["mature"].as_i64().unwrap()
            + 3
    );
    let due = common::ids(&env.at(NOW, &["cards", "--due"]).json());
    assert!(!due.iter().any(|id| id.starts_with("suspended")), "{due:?}");
    assert_eq!(due.len() as i64, deck["due"].as_i64().unwrap());
    let stats = env.at(NOW, &["stats"]).json();
    assert_eq!(stats["cards"]["suspended"], 3);
    // A whole session: neither suspended card comes up.
    let shown = env
        .at(NOW, &["review", "--limit", "100"])
        .output_with_stdin(&"good\n".repeat(200));
    assert!(!shown.contains("· suspended"), "{shown}");
    assert!(!shown.contains("· clozed#c2"), "{shown}");
    assert!(shown.contains("· rev"), "{shown}");
    let check = env.at(NOW, &["check"]).ok();
    assert!(check.contains("all consistent"), "{check}");
}

#[test]
fn stats_count_the_years_in_anki() {
    let (env, _, _) = imported("history.apkg");
    let anki = anki_cards();
    let answers: usize = anki.values().map(|c| c.answers.len()).sum();
    // The evening of the export day: a streak up to it, every day of the log.
    let stats = env
        .at("2026-11-27T20:00", &["stats", "--days", "700"])
        .json();
    let history = stats["history"].as_array().unwrap();
    let total: i64 = history.iter().map(|d| d["reviews"].as_i64().unwrap()).sum();
    assert_eq!(total as usize, answers);
    assert_eq!(history[0]["date"], "2024-12-28");
    let first = history.iter().find(|d| d["date"] == CREATED).unwrap();
    assert!(first["reviews"].as_i64().unwrap() >= 3, "{first}");
    assert!(stats["streak"]["current"].as_i64().unwrap() >= 1);
    assert!(stats["streak"]["longest"].as_i64().unwrap() >= 2);
    assert!(stats["retention_30d"].as_f64().unwrap() > 0.5);
    assert_eq!(stats["reviews_today"], history.last().unwrap()["reviews"]);
}

#[test]
fn importing_again_adds_no_answer_and_keeps_cards_answered_here() {
    let (env, _, _) = imported("history.apkg");
    let before = env.backup();
    env.at(NOW, &["config", "fuzz", "false"]).ok();
    // Answered here: rev1 goes on from Anki's state with SM-2.
    let rev1 = env.at(NOW, &["card", "rev1"]).json();
    let graded = env.at(NOW, &["grade", "rev1", "good"]).json();
    let want = (rev1["interval"].as_f64().unwrap() * rev1["ease"].as_f64().unwrap()).round();
    assert_eq!(graded["interval"].as_f64().unwrap(), want);
    assert_eq!(
        graded["repetition"],
        rev1["repetition"].as_i64().unwrap() + 1
    );
    for package in PACKAGES {
        let (out, err) = import(&env, package);
        assert!(out.contains(", 0 past answers ("), "{out}");
        assert!(out.contains("imported before)"), "{out}");
        assert!(
            err.contains("1 card answered here since it was imported keeps its schedule"),
            "{err}"
        );
    }
    let after = env.backup();
    assert_eq!(reviews(&after).len(), reviews(&before).len() + 1);
    assert_eq!(
        env.at(NOW, &["card", "rev1"]).json()["interval"],
        graded["interval"]
    );
    assert_eq!(
        backup_card(&after, "History", "rev2"),
        backup_card(&before, "History", "rev2")
    );
    let check = env.at(NOW, &["check"]).ok();
    assert!(check.contains("all consistent"), "{check}");
    // Undo takes back the answer given here, never an imported one.
    env.at(NOW, &["undo"]).ok();
    assert_eq!(env.at(NOW, &["card", "rev1"]).json()["due"], rev1["due"]);
    let err = env.at(NOW, &["undo"]).fails(1);
    assert!(err.contains("nothing to undo"), "{err}");
    assert_eq!(reviews(&env.backup()).len(), reviews(&before).len());
}

#[test]
fn no_scheduling_imports_every_card_new_without_history() {
    let env = Env::new();
    let path = common::fixture_path("anki/history.apkg");
    let out = env
        .at(NOW, &["import", "--no-scheduling", path.to_str().unwrap()])
        .ok();
    assert!(!out.contains("past answers"), "{out}");
    let backup = env.backup();
    assert!(reviews(&backup).is_empty());
    let decks = env.at(NOW, &["decks"]).json();
    assert_eq!(decks[0]["new"], decks[0]["total"]);
    assert_eq!(decks[0]["suspended"], 0);
    let json = env.at(NOW, &["import", path.to_str().unwrap()]).json();
    assert_eq!(json[0]["history"]["scheduled"], 29);
    assert!(json[0]["history"]["answers"].as_i64().unwrap() > 500);
}

#[test]
fn an_older_collection_upgrades_to_suspension_and_origins() {
    let env = Env::new();
    std::fs::copy(common::fixture_path("collection-v1.db"), &env.db).unwrap();
    env.at(NOW, &["decks"]).ok();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, rehearse::storage::SCHEMA_VERSION);
    assert!(version >= 7);
    let (suspended, origins): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM cards WHERE suspended <> 0),
                    (SELECT count(*) FROM reviews WHERE origin IS NOT NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((suspended, origins), (0, 0));
    let index: String = conn
        .query_row(
            "SELECT sql FROM sqlite_schema WHERE name = 'cards_new'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(index.contains("suspended = 0"), "{index}");
    // The same origin twice is refused; any number of answers without one are not.
    let copy = "INSERT INTO reviews (deck_id, card_key, answered_at_ms, quality, kind, was_new,
                                     repetition, ease, interval_days, due_day, origin)
                SELECT deck_id, card_key, answered_at_ms, quality, kind, was_new,
                       repetition, ease, interval_days, due_day, ?1
                FROM reviews ORDER BY id LIMIT 1";
    conn.execute(copy, ["anki:1"]).unwrap();
    assert!(conn.execute(copy, ["anki:1"]).is_err());
    conn.execute("DELETE FROM reviews WHERE origin IS NOT NULL", [])
        .unwrap();
    drop(conn);
    let check = env.at(NOW, &["check"]).ok();
    assert!(check.contains("all consistent"), "{check}");
}

#[test]
fn a_package_with_impossible_schedules_and_log_rows_still_imports_soundly() {
    let env = Env::new();
    let cid = "(SELECT min(id) FROM cards)";
    let package = env.anki_package(
        "odd.apkg",
        &format!(
            "UPDATE cards SET type = 2, queue = -1, due = 9000000000000000, ivl = -5, factor = -7
               WHERE id = {cid};
             UPDATE cards SET type = 3, queue = 1, due = -9, ivl = 99999999999, factor = 99999999
               WHERE id = (SELECT max(id) FROM cards);
             INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) VALUES
               (-5, {cid}, 0, 3, 1, 0, 2500, 0, 0),
               (9000000000000000000, {cid}, 0, 3, 1, 0, 2500, 0, 1),
               (1700000000000, {cid}, 0, 7, 1, 0, 2500, 0, 1),
               (1700000000001, {cid}, 0, 3, 1, 0, 2500, 0, 9),
               (1700000000002, {cid}, 0, 4, -999999999999, 0, -3, 0, 1),
               (1700000000003, (SELECT max(id) FROM cards), 0, 1, -600, 0, 0, 0, 2);"
        ),
    );
    let out = env.at(NOW, &["import", package.to_str().unwrap()]).ok();
    assert!(out.contains("2 past answers"), "{out}");
    let decks = env.at(NOW, &["decks"]).json();
    let suspended: i64 = decks
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["suspended"].as_i64().unwrap())
        .sum();
    assert_eq!(suspended, 1);
    let check = env.at(NOW, &["check"]).ok();
    assert!(check.contains("all consistent"), "{check}");
    // A generated column on the log is refused like one on any Anki table.
    let hostile = env.anki_package(
        "hostile.apkg",
        "DROP TABLE revlog;
         CREATE TABLE revlog (id INTEGER PRIMARY KEY, cid INTEGER, usn INTEGER, ease INTEGER,
                              ivl INTEGER, lastIvl INTEGER, factor INTEGER, time INTEGER, type INTEGER,
                              spin TEXT GENERATED ALWAYS AS (hex(zeroblob(100000))) VIRTUAL);",
    );
    let err = env.at(NOW, &["import", hostile.to_str().unwrap()]).fails(1);
    assert!(err.contains("error:") && err.contains("revlog"), "{err}");
}

#[test]
fn an_answer_is_kept_once_with_the_first_card_it_came_with() {
    let (env, _, _) = imported("history.apkg");
    let path = common::fixture_path("anki/history.apkg");
    let out = env
        .at(NOW, &["import", "--deck", "Copy", path.to_str().unwrap()])
        .ok();
    assert!(
        out.contains("(0 with their schedule), 0 past answers ("),
        "{out}"
    );
    let copy = env.at(NOW, &["card", "rev0", "--deck", "Copy"]).json();
    assert_eq!(
        (copy["state"].clone(), copy["reviews"].clone()),
        ("new".into(), 0.into())
    );
    assert_eq!(
        env.at(NOW, &["card", "rev0", "--deck", "History"]).json()["reviews"],
        40
    );
    let check = env.at(NOW, &["check"]).ok();
    assert!(check.contains("all consistent"), "{check}");
}

/// The reader alone, as the fuzz target `apkg_collection` calls it.
#[test]
fn the_reader_gives_a_consistent_history_for_every_card() {
    use rehearse::import::{NoProgress, apkg};
    let clock = rehearse::clock::Clock {
        now_ms: 1_796_000_000_000,
        day_starts_at_hour: 4,
    };
    for package in PACKAGES {
        let path = common::fixture_path(&format!("anki/{package}"));
        let (outcome, histories) = apkg::read_with_history_and_limits(
            &path,
            &NoProgress,
            &clock,
            &apkg::Limits::default(),
        )
        .unwrap();
        let cards: usize = outcome.decks.iter().map(|d| d.cards.len()).sum();
        assert_eq!(histories.len(), cards, "{package}");
        assert!(histories.values().all(|h| h.is_consistent()), "{package}");
        let plain = apkg::read(&path, &NoProgress).unwrap();
        assert_eq!(plain.decks, outcome.decks, "{package}: the same cards");
    }
}

/// A package exported without scheduling says nothing about where cards
/// stand: an update of a shared deck leaves a suspension made here alone.
#[test]
fn a_package_without_scheduling_changes_no_schedule_or_suspension() {
    let env = Env::new();
    let first = common::fixture_path("anki/modern.apkg");
    let out = env.at(NOW, &["import", first.to_str().unwrap()]).ok();
    assert!(
        out.contains("no schedule and no past answer in the package"),
        "{out}"
    );
    env.at(NOW, &["suspend", "--deck", "Parent"]).ok();
    let suspended = deck_suspended(&env, "Parent");
    assert!(suspended > 0);
    let update = common::fixture_path("anki/modern_updated.apkg");
    env.at(NOW, &["import", update.to_str().unwrap()]).ok();
    assert_eq!(deck_suspended(&env, "Parent"), suspended);
    let check = env.at(NOW, &["check"]).ok();
    assert!(check.contains("all consistent"), "{check}");
}

fn deck_suspended(env: &Env, name: &str) -> i64 {
    let decks = env.at(NOW, &["decks"]).json();
    decks
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .map_or(0, |d| d["suspended"].as_i64().unwrap())
}
