//! `rehearse suspend` and `rehearse unsuspend` (docs/scheduling.md,
//! "Suspended cards"): by id, deck or tag; a suspended card is never shown,
//! due or new, is counted apart, and keeps its schedule and history.

mod common;

use common::{Env, ids, reviews};

const NOW: &str = "2026-11-30";

/// Deck "A" (a1..a4, a1 and a2 tagged `x`) and deck "B" (b1, and a1 again).
fn env() -> Env {
    let env = Env::new();
    env.write(
        "a.toml",
        "name = \"A\"\n\
         [[cards]]\nid = \"a1\"\nfront = \"A1\"\nback = \"1\"\ntags = [\"x\"]\n\
         [[cards]]\nid = \"a2\"\nfront = \"A2\"\nback = \"2\"\ntags = [\"x\"]\n\
         [[cards]]\nid = \"a3\"\nfront = \"A3\"\nback = \"3\"\n\
         [[cards]]\nid = \"a4\"\nfront = \"A4\"\nback = \"4\"\n",
    );
    env.write(
        "b.toml",
        "name = \"B\"\n\
         [[cards]]\nid = \"b1\"\nfront = \"B1\"\nback = \"1\"\ntags = [\"x\"]\n\
         [[cards]]\nid = \"a1\"\nfront = \"BA1\"\nback = \"1\"\n",
    );
    env.at(NOW, &["import", "a.toml", "b.toml"]).ok();
    env
}

fn deck(env: &Env, name: &str) -> serde_json::Value {
    let decks = env.at(NOW, &["decks"]).json();
    decks
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .unwrap()
        .clone()
}

fn assert_consistent(env: &Env) {
    let check = env.at(NOW, &["check"]).ok();
    assert!(check.contains("all consistent"), "{check}");
}

#[test]
fn suspend_by_id_deck_and_tag_and_back() {
    let env = env();
    env.at(NOW, &["grade", "a3", "good", "--deck", "A"]).ok();
    let out = env.at(NOW, &["suspend", "a3", "a4", "--deck", "A"]).ok();
    assert_eq!(out.trim(), "suspended 2 cards");
    let a = deck(&env, "A");
    assert_eq!(
        (
            a["total"].clone(),
            a["new"].clone(),
            a["young"].clone(),
            a["suspended"].clone()
        ),
        (4.into(), 2.into(), 0.into(), 2.into())
    );
    assert_eq!(
        env.at(NOW, &["card", "a3", "--deck", "A"]).json()["suspended"],
        true
    );
    // A tag across decks, then within one deck.
    let out = env.at(NOW, &["suspend", "--tag", "x"]).ok();
    assert_eq!(out.trim(), "suspended 3 cards");
    let out = env
        .at(NOW, &["unsuspend", "--tag", "x", "--deck", "B"])
        .ok();
    assert_eq!(out.trim(), "unsuspended 1 card");
    assert_eq!(deck(&env, "B")["suspended"], 0);
    // A whole deck, some of it already suspended.
    let out = env.at(NOW, &["unsuspend", "--deck", "A"]).json();
    assert_eq!(out, serde_json::json!({"changed": 4, "unchanged": 0}));
    let out = env.at(NOW, &["suspend", "--deck", "A"]).ok();
    assert_eq!(out.trim(), "suspended 4 cards");
    let out = env.at(NOW, &["suspend", "--deck", "A"]).ok();
    assert_eq!(out.trim(), "suspended 0 cards (4 already were suspended)");
    let stats = env.at(NOW, &["stats"]).json();
    assert_eq!(stats["cards"]["suspended"], 4);
    assert_eq!(stats["cards"]["total"], 6);
    let text = env.at(NOW, &["stats"]).ok();
    assert!(text.contains("· 4 suspended"), "{text}");
    // The schedule and history stayed.
    let a3 = env.at(NOW, &["card", "a3", "--deck", "A"]).json();
    assert_eq!(
        (a3["reviews"].clone(), a3["state"].clone()),
        (1.into(), "young".into())
    );
    assert_consistent(&env);
}

#[test]
fn suspended_cards_are_never_due_new_or_shown() {
    let env = env();
    for id in ["a1", "a2"] {
        env.at("2026-11-28", &["grade", id, "good", "--deck", "A"])
            .ok();
    }
    env.at(NOW, &["suspend", "a1", "a3", "--deck", "A"]).ok();
    let due = ids(&env.at(NOW, &["cards", "--due"]).json());
    assert_eq!(due, ["a2"]);
    let a = deck(&env, "A");
    assert_eq!(
        (a["due"].clone(), a["new_today"].clone()),
        (1.into(), 1.into())
    );
    let stats = env.at(NOW, &["stats"]).json();
    assert_eq!(
        (stats["due_today"].clone(), stats["new_today"].clone()),
        (1.into(), 3.into())
    );
    let shown = env
        .at(NOW, &["review", "--deck", "A"])
        .output_with_stdin(&"good\n".repeat(10));
    assert!(
        shown.contains("A · a2") && shown.contains("A · a4"),
        "{shown}"
    );
    assert!(
        !shown.contains("A · a1") && !shown.contains("A · a3"),
        "{shown}"
    );
    // Nor in a cram run, nor in the forecast.
    let cram = env
        .at(NOW, &["review", "--deck", "A", "--cram"])
        .output_with_stdin(&"good\n".repeat(10));
    assert!(
        !cram.contains("A · a1") && !cram.contains("A · a3"),
        "{cram}"
    );
    assert_consistent(&env);
}

#[test]
fn unknown_ids_and_decks_change_nothing() {
    let env = env();
    let before = env.backup();
    let err = env
        .at(NOW, &["suspend", "a2", "nope", "--deck", "A"])
        .fails(1);
    assert!(
        err.starts_with("error: ") && err.contains("`nope`"),
        "{err}"
    );
    let err = env.at(NOW, &["suspend", "--deck", "Nope"]).fails(1);
    assert!(err.contains("no deck `Nope`"), "{err}");
    let err = env.at(NOW, &["suspend", "a1"]).fails(1);
    assert!(err.contains("--deck"), "two decks have a1: {err}");
    env.at(NOW, &["suspend"]).fails(2);
    env.at(NOW, &["suspend", "a1", "--tag", "x"]).fails(2);
    assert_eq!(env.backup(), before);
    assert_eq!(deck(&env, "A")["suspended"], 0);
}

#[test]
fn undo_is_not_affected_by_a_suspension() {
    let env = env();
    env.at(NOW, &["grade", "a2", "easy", "--deck", "A"]).ok();
    env.at(NOW, &["suspend", "a2", "--deck", "A"]).ok();
    env.at(NOW, &["undo"]).ok();
    let a2 = env.at(NOW, &["card", "a2", "--deck", "A"]).json();
    assert_eq!(
        (a2["state"].clone(), a2["suspended"].clone()),
        ("new".into(), true.into())
    );
    assert!(reviews(&env.backup()).is_empty());
    let a = deck(&env, "A");
    assert_eq!(
        (a["new"].clone(), a["suspended"].clone()),
        (3.into(), 1.into())
    );
    assert_consistent(&env);
}
