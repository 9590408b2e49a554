//! `delete`, `deck rename` and `deck delete` through the real binary
//! (README.md, "Managing cards and decks"): what goes, what the review log
//! keeps, and the failure paths — an unknown id, an ambiguous prefix, a
//! deck that does not exist, `--yes` missing without a terminal — each
//! leaving the collection as it was.

mod common;

use common::{Env, assert_one_error, backup_card, ids, numbered_cards, reviews};

/// Deck "Deck" with cards q1..q12, two of them answered.
fn answered_deck() -> Env {
    let env = Env::new();
    env.deck("deck.toml", "Deck", &numbered_cards(12));
    env.run(&["import", "deck.toml"]).ok();
    env.at("2026-03-01", &["grade", "q1", "good"]).ok();
    env.at("2026-03-01", &["grade", "q2", "again"]).ok();
    env
}

#[test]
fn delete_removes_cards_and_keeps_their_answers() {
    let env = answered_deck();
    let out = env.run(&["delete", "q1", "Deck:q3"]).ok();
    assert!(
        out.contains("deleted `q1` (deck \"Deck\"); its 1 answer stay"),
        "{out}"
    );
    assert!(out.contains("deleted `q3` (deck \"Deck\")"), "{out}");
    let backup = env.backup();
    assert!(backup_card(&backup, "Deck", "q1").is_none());
    assert!(backup_card(&backup, "Deck", "q3").is_none());
    assert_eq!(reviews(&backup).len(), 2, "the log keeps q1's answer");
    assert_eq!(env.run(&["decks"]).json()[0]["total"], 10);
    // Importing the deck again brings q1 back with its schedule.
    env.run(&["import", "deck.toml"]).ok();
    assert_eq!(env.card("q1")["reviews"], 1);
    assert_eq!(env.card("q1")["due"], "2026-03-02");
}

#[test]
fn delete_json_lists_what_went() {
    let env = answered_deck();
    let json = env.run(&["delete", "q2"]).json();
    assert_eq!(
        json,
        serde_json::json!([{"deck": "Deck", "id": "q2", "answers": 1}])
    );
}

#[test]
fn delete_of_an_unknown_id_changes_nothing() {
    let env = answered_deck();
    let before = env.backup();
    let err = env.run(&["delete", "q4", "nope"]).fails(1);
    assert_one_error(&err, &["no card `nope`"]);
    assert_eq!(env.backup(), before, "q4 stays too: nothing is deleted");
}

#[test]
fn delete_of_an_ambiguous_prefix_lists_the_cards_and_changes_nothing() {
    let env = answered_deck();
    let before = env.backup();
    let err = env.run(&["delete", "q1"]).ok();
    assert!(
        err.contains("deleted `q1`"),
        "an exact id is never ambiguous"
    );
    let err = env.run(&["delete", "q"]).fails(1);
    assert!(
        err.starts_with("error: `q` matches 11 cards: give more of the id, or DECK:ID\n"),
        "{err}"
    );
    assert!(err.contains("\n  Deck:q10\n"), "{err}");
    assert!(err.contains("\n  … and 1 more"), "{err}");
    assert_eq!(
        err.lines().count(),
        12,
        "10 listed and the rest counted:\n{err}"
    );
    let after = env.backup();
    assert_eq!(after["decks"][0]["cards"].as_array().unwrap().len(), 11);
    assert_eq!(reviews(&after), reviews(&before));
}

#[test]
fn delete_in_a_deck_that_does_not_exist_fails() {
    let env = answered_deck();
    let before = env.backup();
    let err = env.run(&["delete", "q3", "--deck", "Dekc"]).fails(1);
    assert_one_error(&err, &["no deck `Dekc`", "did you mean `Deck`"]);
    assert_eq!(env.backup(), before);
}

/// Decks "Jobs", "Jobs::Offers" and "Other", one card each.
fn deck_tree() -> Env {
    let env = Env::new();
    env.deck("a.toml", "Jobs", &[("a", "A?", "A.")]);
    env.deck("b.toml", "Jobs::Offers", &[("b", "B?", "B.")]);
    env.deck("c.toml", "Other", &[("c", "C?", "C.")]);
    env.run(&["import", "a.toml", "b.toml", "c.toml"]).ok();
    env.at("2026-03-01", &["grade", "b", "good"]).ok();
    env
}

fn deck_names(env: &Env) -> Vec<String> {
    env.run(&["decks"])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn renaming_a_parent_renames_its_subdecks() {
    let env = deck_tree();
    let out = env.run(&["deck", "rename", "jobs", "Work"]).ok();
    assert_eq!(
        out,
        "renamed deck \"Jobs\" to \"Work\"\nrenamed deck \"Jobs::Offers\" to \"Work::Offers\"\n"
    );
    assert_eq!(deck_names(&env), ["Other", "Work", "Work::Offers"]);
    // the card keeps its history under the new name
    let card = env.card("b");
    assert_eq!(card["deck"], "Work::Offers");
    assert_eq!(card["history"][0]["deck"], "Work::Offers");
    // a case change alone is a rename too
    env.run(&["deck", "rename", "work::offers", "Work::OFFERS"])
        .ok();
    assert_eq!(deck_names(&env), ["Other", "Work", "Work::OFFERS"]);
}

#[test]
fn renaming_onto_an_existing_deck_fails() {
    let env = deck_tree();
    let before = env.backup();
    let err = env.run(&["deck", "rename", "Jobs", "other"]).fails(1);
    assert_one_error(&err, &["a deck named `other` exists already"]);
    let err = env
        .run(&["deck", "rename", "Other", "Jobs::offers"])
        .fails(1);
    assert_one_error(&err, &["`Jobs::offers` exists already"]);
    let err = env.run(&["deck", "rename", "Other", "Jobs::"]).fails(1);
    assert_one_error(&err, &["empty part"]);
    assert_eq!(env.backup(), before);
}

#[test]
fn renaming_a_deck_that_does_not_exist_fails() {
    let env = deck_tree();
    let before = env.backup();
    let err = env.run(&["deck", "rename", "Othr", "New"]).fails(1);
    assert_one_error(&err, &["no deck `Othr`", "did you mean `Other`"]);
    assert_eq!(env.backup(), before);
}

#[test]
fn deleting_a_deck_without_a_terminal_needs_yes() {
    let env = deck_tree();
    let before = env.backup();
    let err = env.run(&["deck", "delete", "Jobs"]).fails(1);
    assert_one_error(
        &err,
        &["deleting deck `Jobs` needs --yes", "nothing was changed"],
    );
    assert_eq!(env.backup(), before);
}

#[test]
fn deleting_a_deck_that_does_not_exist_fails() {
    let env = deck_tree();
    let before = env.backup();
    let err = env.run(&["deck", "delete", "Nope", "--yes"]).fails(1);
    assert_one_error(&err, &["no deck `Nope`"]);
    assert_eq!(env.backup(), before);
}

#[test]
fn deleting_a_parent_deletes_its_subdecks_and_keeps_the_log() {
    let env = deck_tree();
    let out = env.run(&["deck", "delete", "JOBS", "--yes"]).ok();
    assert!(
        out.starts_with("deleted deck \"Jobs\", \"Jobs::Offers\" (2 cards)"),
        "{out}"
    );
    assert_eq!(deck_names(&env), ["Other"]);
    let backup = env.backup();
    assert_eq!(reviews(&backup).len(), 1, "the answer stays in the log");
    assert_eq!(reviews(&backup)[0]["deck"], "Jobs::Offers");
    let stats = env.at("2026-03-01", &["stats"]).json();
    assert_eq!(stats["reviews_today"], 1, "stats still count it");
    assert_eq!(ids(&env.run(&["cards"]).json()), ["c"]);
    // the name is free again, and importing it brings the history back
    env.run(&["deck", "rename", "Other", "Jobs"]).ok();
    env.run(&["deck", "rename", "Jobs", "Other"]).ok();
    env.run(&["import", "b.toml"]).ok();
    assert_eq!(env.card("b")["reviews"], 1);
    // `Jobs` is listed again as the parent of `Jobs::Offers`
    assert_eq!(deck_names(&env), ["Jobs", "Jobs::Offers", "Other"]);
}

#[test]
fn a_deleted_starter_deck_is_never_imported_again() {
    let env = Env::new();
    env.at("2026-03-01", &["review"]).session("q\n");
    let names = deck_names(&env);
    assert_eq!(names.len(), 3, "{names:?}");
    for name in &names {
        env.run(&["deck", "delete", name, "--yes"]).ok();
    }
    assert!(deck_names(&env).is_empty());
    let out = env.at("2026-03-01", &["review"]).session("q\n");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("first run"), "{stderr}");
    assert!(deck_names(&env).is_empty(), "no starter deck came back");
}

#[test]
fn a_renamed_starter_deck_is_not_imported_again_either() {
    let env = Env::new();
    env.at("2026-03-01", &["review"]).session("q\n");
    let names = deck_names(&env);
    env.run(&["deck", "rename", &names[0], "Mine"]).ok();
    for name in ["Mine", &names[1], &names[2]] {
        env.run(&["deck", "delete", name, "--yes"]).ok();
    }
    env.at("2026-03-01", &["review"]).session("q\n");
    assert!(deck_names(&env).is_empty());
}

/// Runs `deck delete NAME` on a terminal (script(1) gives it a pty) and
/// answers `answer` to its question; stdout and stderr together.
fn delete_on_a_terminal(env: &Env, name: &str, answer: &str) -> String {
    use std::io::Write;
    let line = format!(
        "env TZ=UTC NO_COLOR=1 {} --db {} deck delete '{name}'",
        common::BIN,
        env.db.display()
    );
    let mut child = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("this test needs script(1) (util-linux)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{answer}\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n")
}

#[test]
#[ignore = "needs script(1)"]
fn on_a_terminal_deck_delete_asks_first() {
    let env = deck_tree();
    let before = env.backup();
    let out = delete_on_a_terminal(&env, "Other", "n");
    assert!(
        out.contains("delete deck \"Other\" (1 card)? Their answers stay in the review log. [y/N]"),
        "{out}"
    );
    assert!(out.contains("nothing deleted"), "{out}");
    assert_eq!(env.backup(), before);
    let out = delete_on_a_terminal(&env, "Other", "y");
    assert!(out.contains("deleted deck \"Other\" (1 card)"), "{out}");
    assert_eq!(deck_names(&env), ["Jobs", "Jobs::Offers"]);
}

#[test]
fn deleting_keeps_a_copy_first_and_a_missing_collection_is_not_made() {
    let env = answered_deck();
    env.run(&["delete", "q3"]).ok();
    env.run(&["deck", "delete", "Deck", "--yes"]).ok();
    let copies: Vec<String> = std::fs::read_dir(env.path("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        copies.iter().any(|c| c.contains("before-delete")),
        "{copies:?}"
    );
    assert!(
        copies.iter().any(|c| c.contains("before-deck-delete")),
        "{copies:?}"
    );
    let fresh = Env::new();
    for args in [
        &["delete", "q1"][..],
        &["edit", "q1"],
        &["deck", "rename", "A", "B"],
        &["deck", "delete", "A", "--yes"],
    ] {
        fresh.run(args).fails(1);
        assert!(!fresh.db.exists(), "{args:?} made a collection");
    }
}
