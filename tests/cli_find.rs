//! Finding cards and decks (README.md, "Finding cards"): card names by
//! exact id, unique prefix and `DECK:ID`/`DECK:PREFIX` for every command;
//! `cards --search` and `--tag`; deck names in any case; a parent deck
//! standing for its `Parent::Child` subdecks in `review`, `decks`, `cards`,
//! `stats` and `interview`.

mod common;

use common::{Env, assert_one_error, ids};

/// Decks "Jobs" (j1, j2), "Jobs::Offers" (an Anki-like id and o2) and
/// "Other" (j1 again).
fn decks() -> Env {
    let env = Env::new();
    env.deck(
        "a.toml",
        "Jobs",
        &[("j1", "Résumé first?", "Yes."), ("j2", "Pitch?", "Short.")],
    );
    env.write(
        "b.toml",
        "name = \"Jobs::Offers\"\n\n[[cards]]\nid = \"mrz~$U?2*M\"\nfront = \"Counter?\"\nback = \"Always.\"\ntags = [\"Money::Salary\"]\n\n[[cards]]\nid = \"o2\"\nfront = \"Equity?\"\nback = \"ÇA DÉPEND.\"\ntags = [\"money\"]\n",
    );
    env.deck("c.toml", "Other", &[("j1", "Other j1?", "Other.")]);
    env.run(&["import", "a.toml", "b.toml", "c.toml"]).ok();
    env
}

#[test]
fn a_card_is_named_by_prefix_or_deck_and_id() {
    let env = decks();
    assert_eq!(env.card("mrz")["id"], "mrz~$U?2*M");
    assert_eq!(env.card("Jobs::Offers:mrz~$U?2*M")["id"], "mrz~$U?2*M");
    assert_eq!(
        env.card("offers:o")["id"],
        "o2",
        "the last part of a deck name, any case"
    );
    assert_eq!(env.card("Other:j1")["deck"], "Other");
    assert_eq!(env.card("jobs:j1")["deck"], "Jobs");
    let graded = env.at("2026-03-01", &["grade", "Offers:o", "good"]).json();
    assert_eq!(graded["id"], "o2");
    assert_eq!(
        env.run(&["card", "j1", "--deck", "other"]).json()["deck"],
        "Other"
    );
}

#[test]
fn an_id_in_two_decks_or_an_ambiguous_prefix_fails_with_the_candidates() {
    let env = decks();
    let before = env.backup();
    let err = env.run(&["card", "j1"]).fails(1);
    assert_one_error(
        &err,
        &["`j1` is in several decks (`Jobs`, `Other`)", "DECK:ID"],
    );
    let err = env.at("2026-03-01", &["grade", "j", "good"]).fails(1);
    assert_eq!(
        err,
        "error: `j` matches 3 cards: give more of the id, or DECK:ID\n  Jobs:j1\n  Jobs:j2\n  Other:j1\n"
    );
    let err = env.run(&["card", "Jobs:j"]).fails(1);
    assert!(err.starts_with("error: `Jobs:j` matches 2 cards"), "{err}");
    let err = env.run(&["card", "zzz"]).fails(1);
    assert_one_error(&err, &["no card `zzz`"]);
    let err = env.run(&["card", "j1", "--deck", "Nope"]).fails(1);
    assert_one_error(&err, &["no deck `Nope`"]);
    assert_eq!(env.backup(), before, "nothing was graded");
}

#[test]
fn search_ignores_case_and_accents() {
    let env = decks();
    let found = |args: &[&str]| ids(&env.run(&[&["cards"], args].concat()).json());
    assert_eq!(found(&["--search", "resume"]), ["j1"]);
    assert_eq!(found(&["--search", "ça depend"]), ["o2"]);
    assert_eq!(found(&["--search", "SALARY"]), ["mrz~$U?2*M"], "tags too");
    assert_eq!(found(&["--search", "other", "--deck", "other"]), ["j1"]);
    assert!(found(&["--search", "nothing like it"]).is_empty());
    let text = env.run(&["cards", "--search", "nothing like it"]).ok();
    assert_eq!(text, "no cards\n");
}

#[test]
fn tags_match_in_any_case_with_their_children() {
    let env = decks();
    let found = |tag: &str| ids(&env.run(&["cards", "--tag", tag]).json());
    assert_eq!(
        found("MONEY"),
        ["mrz~$U?2*M", "o2"],
        "money::salary is under money"
    );
    assert_eq!(found("money::salary"), ["mrz~$U?2*M"]);
    assert!(found("mon").is_empty(), "a tag is matched whole");
}

#[test]
fn a_parent_deck_includes_its_subdecks() {
    let env = decks();
    assert_eq!(
        ids(&env.run(&["cards", "--deck", "jobs"]).json()),
        ["j1", "j2", "mrz~$U?2*M", "o2"]
    );
    let decks = env.run(&["decks"]).json();
    let names: Vec<&str> = decks
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Jobs", "Jobs::Offers", "Other"]);
    assert_eq!(decks[0]["total"], 4, "Jobs counts its subdeck");
    assert_eq!(decks[0]["parent"], serde_json::Value::Null);
    assert_eq!(decks[1]["total"], 2);
    assert_eq!(decks[1]["parent"], "Jobs");
    let out = env
        .at("2026-03-01", &["review", "--deck", "JOBS"])
        .output_with_stdin("good\ngood\ngood\ngood\n");
    assert!(out.contains("today: 0 due · 4 new"), "{out}");
    let stats = env.at("2026-03-01", &["stats", "--deck", "jobs"]).json();
    assert_eq!(stats["reviews_today"], 4);
    assert_eq!(stats["cards"]["total"], 4);
    let other = env.at("2026-03-01", &["stats", "--deck", "Other"]).json();
    assert_eq!(other["reviews_today"], 0);
    let set = env
        .at("2026-03-01", &["interview", "2026-03-10", "--deck", "jobs"])
        .json();
    let decks: Vec<&str> = set
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["deck"].as_str().unwrap())
        .collect();
    assert_eq!(decks, ["Jobs", "Jobs::Offers"]);
}

#[test]
fn a_parent_known_only_by_its_subdecks_selects_them() {
    let env = Env::new();
    env.deck("b.toml", "Lang::Rust", &[("r", "R?", "R.")]);
    env.run(&["import", "b.toml"]).ok();
    assert_eq!(ids(&env.run(&["cards", "--deck", "lang"]).json()), ["r"]);
    let decks = env.run(&["decks"]).json();
    assert_eq!(decks[0]["name"], "Lang", "a row for the parent");
    assert_eq!(decks[0]["total"], 1);
    env.run(&["deck", "rename", "lang", "Code"]).ok();
    assert_eq!(env.card("r")["deck"], "Code::Rust");
}

#[test]
fn export_of_a_deck_in_any_case_writes_that_deck_alone() {
    let env = decks();
    let out = env
        .run(&["export", "--deck", "jobs", "--format", "toml"])
        .ok();
    assert!(out.starts_with("name = \"Jobs\"\n"), "{out}");
    assert!(
        !out.contains("Counter?"),
        "the subdeck is a deck of its own"
    );
}

#[test]
fn an_import_under_another_case_goes_into_the_deck() {
    let env = decks();
    env.deck("d.toml", "other", &[("x", "X?", "X.")]);
    env.run(&["import", "d.toml"]).ok();
    assert_eq!(env.card("x")["deck"], "Other");
    env.run(&["import", "d.toml", "--deck", "OTHER", "--prune"])
        .ok();
    // the prune found the deck too: only x is left in it
    assert_eq!(ids(&env.run(&["cards", "--deck", "other"]).json()), ["x"]);
}
