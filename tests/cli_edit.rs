//! `rehearse edit ID` through the real binary, with `EDITOR` set to a small
//! script that rewrites the file (README.md, "Editing a card"): the new
//! text lands, the schedule and history stay; bad TOML, an unchanged
//! file, a failing editor, an unknown id and an ambiguous prefix change
//! nothing.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use common::{Env, assert_one_error, backup_card};

/// An executable script `name` in the test folder running `body` with the
/// file to edit as `$1`.
fn editor(env: &Env, name: &str, body: &str) -> PathBuf {
    let path = env.write(name, format!("#!/bin/sh\nset -e\n{body}\n"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// Deck "Deck": a reversed card `pitch` and a cloze note `note` (two
/// cards), `pitch` answered once.
fn deck() -> Env {
    let env = Env::new();
    env.write(
        "deck.toml",
        r#"name = "Deck"

[[cards]]
id = "pitch"
front = "Why you?"
back = "Because."
tags = ["old"]
reverse = true

[[cards]]
id = "note"
cloze = "The {{c1::cat}} sat on the {{c2::mat}}."
"#,
    );
    env.run(&["import", "deck.toml"]).ok();
    env.at("2026-03-01", &["grade", "pitch", "good"]).ok();
    env
}

#[test]
fn an_edit_changes_the_text_and_keeps_the_schedule() {
    let env = deck();
    let before = env.card("pitch");
    let script = editor(
        &env,
        "ed.sh",
        r#"sed -i -e 's/^back = .*/back = "Because I ship."/' -e 's/^tags = .*/tags = ["pitch", "new"]/' "$1""#,
    );
    let out = env.run(&["edit", "Deck:pitch"]).env("EDITOR", &script).ok();
    assert_eq!(
        out,
        "edited `pitch` and the 1 other cards of its note (deck \"Deck\"); schedule and history kept\n"
    );
    let card = env.card("pitch");
    assert_eq!(card["back"], "Because I ship.");
    assert_eq!(card["tags"], serde_json::json!(["pitch", "new"]));
    for key in [
        "due",
        "interval",
        "ease",
        "repetition",
        "reviews",
        "history",
    ] {
        assert_eq!(card[key], before[key], "{key}");
    }
    // the reverse card shows the note's back as its front
    let reverse = env.card("pitch#r");
    assert_eq!(reverse["front"], "Because I ship.");
    assert_eq!(reverse["back"], "Why you?");
}

#[test]
fn editing_a_reverse_card_edits_its_note() {
    let env = deck();
    let script = editor(
        &env,
        "ed.sh",
        r#"sed -i 's/^front = .*/front = "Why hire you?"/' "$1""#,
    );
    env.run(&["edit", "pitch#r"]).env("EDITOR", &script).ok();
    assert_eq!(env.card("pitch")["front"], "Why hire you?");
    assert_eq!(env.card("pitch#r")["back"], "Why hire you?");
}

#[test]
fn a_cloze_note_is_edited_as_its_text() {
    let env = deck();
    let script = editor(&env, "ed.sh", r#"sed -i 's/cat/dog/' "$1""#);
    env.run(&["edit", "note#c2"])
        .env("VISUAL", &script)
        .env_remove_editor()
        .ok();
    assert_eq!(env.card("note#c1")["front"], "The [...] sat on the mat.");
    assert_eq!(env.card("note#c2")["back"], "The dog sat on the mat.");
    let backup = env.backup();
    let exported = env.run(&["export", "--format", "toml"]).ok();
    assert!(exported.contains("{{c1::dog}}"), "{exported}");
    assert!(backup_card(&backup, "Deck", "note#c2").is_some());
}

#[test]
fn invalid_toml_names_the_file_and_line_and_changes_nothing() {
    let env = deck();
    let before = env.backup();
    let script = editor(
        &env,
        "ed.sh",
        r#"sed -i 's/^back = .*/back = "unclosed/' "$1""#,
    );
    let err = env.run(&["edit", "pitch"]).env("EDITOR", &script).fails(1);
    assert!(err.starts_with("error: "), "{err}");
    let path = err
        .trim_start_matches("error: ")
        .split(".toml:")
        .next()
        .unwrap()
        .to_string()
        + ".toml";
    assert!(path.contains("rehearse-edit-"), "{err}");
    let line: usize = err
        .split(".toml:")
        .nth(1)
        .unwrap()
        .split(':')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let kept = std::fs::read_to_string(&path).expect("the edited file is kept");
    assert!(
        kept.lines()
            .nth(line - 1)
            .unwrap()
            .starts_with("back = \"unclosed"),
        "{err}\n{kept}"
    );
    assert!(err.contains("the card is unchanged"), "{err}");
    assert_eq!(env.backup(), before);
    std::fs::remove_file(path).unwrap();
}

#[test]
fn a_cloze_edit_that_loses_a_card_is_refused() {
    let env = deck();
    let before = env.backup();
    let script = editor(&env, "ed.sh", r#"sed -i 's/{{c2::mat}}/mat/' "$1""#);
    let err = env
        .run(&["edit", "note#c1"])
        .env("EDITOR", &script)
        .fails(1);
    assert!(err.contains("lost deletion c2"), "{err}");
    assert_eq!(env.backup(), before);
}

#[test]
fn an_unchanged_file_changes_nothing_and_says_so() {
    let env = deck();
    let before = env.backup();
    let script = editor(&env, "ed.sh", "true");
    let out = env.run(&["edit", "pitch"]).env("EDITOR", &script).ok();
    assert_eq!(out, "no change to `pitch`: nothing was written\n");
    assert_eq!(env.backup(), before);
}

#[test]
fn a_failing_editor_changes_nothing() {
    let env = deck();
    let before = env.backup();
    let script = editor(&env, "ed.sh", r#"sed -i 's/Because/Since/' "$1"; exit 3"#);
    let err = env.run(&["edit", "pitch"]).env("EDITOR", &script).fails(1);
    assert_one_error(&err, &["exited with status 3", "the card is unchanged"]);
    assert_eq!(env.backup(), before);
}

#[test]
fn editing_an_unknown_or_ambiguous_card_fails() {
    let env = deck();
    let before = env.backup();
    let script = editor(&env, "ed.sh", r#"echo "edited" > "$1""#);
    let err = env.run(&["edit", "nope"]).env("EDITOR", &script).fails(1);
    assert_one_error(&err, &["no card `nope`"]);
    let err = env.run(&["edit", "note"]).env("EDITOR", &script).fails(1);
    assert!(err.starts_with("error: `note` matches 2 cards"), "{err}");
    assert!(err.contains("\n  Deck:note#c1\n  Deck:note#c2"), "{err}");
    let err = env
        .run(&["edit", "pitch", "--deck", "Nope"])
        .env("EDITOR", &script)
        .fails(1);
    assert_one_error(&err, &["no deck `Nope`"]);
    assert_eq!(env.backup(), before);
}

/// `Cmd::env` with `EDITOR` cleared, so `VISUAL` is used.
trait NoEditor {
    fn env_remove_editor(self) -> Self;
}

impl NoEditor for common::Cmd {
    fn env_remove_editor(self) -> Self {
        self.env("EDITOR", "")
    }
}
