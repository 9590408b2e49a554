//! Output plumbing (docs/json-output.md): a reader that closes the pipe early is not a
//! failure; data goes to stdout, diagnostics to stderr.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::Env;

fn big_deck(env: &Env, n: usize) {
    let mut text = String::from("name = \"Big\"\n");
    for i in 0..n {
        text.push_str(&format!(
            "\n[[cards]]\nid = \"card-{i:05}\"\nfront = \"What is fact number {i} about the interview process?\"\nback = \"It is the answer number {i}, long enough to fill a pipe.\"\n"
        ));
    }
    env.write("big.toml", text);
    env.run(&["import", "big.toml"]).ok();
}

/// Runs `rehearse ARGS`, reads one line of its stdout, closes the pipe and
/// returns (the line, exit code, stderr).
fn read_one_line(env: &Env, args: &[&str]) -> (String, Option<i32>, String) {
    let mut child = env
        .run(args)
        .command()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut line = String::new();
    {
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        stdout.read_line(&mut line).unwrap();
        // Dropping the reader closes the pipe with most of the output unread.
    }
    let out = child.wait_with_output().unwrap();
    (
        line,
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_reader_closing_the_pipe_early_is_success() {
    let env = Env::new();
    big_deck(&env, 2000);
    for args in [
        &["cards"][..],
        &["--json", "cards"],
        &["export"],
        &["export", "--format", "json"],
    ] {
        let (line, code, stderr) = read_one_line(&env, args);
        assert!(!line.is_empty(), "{args:?} printed nothing");
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[test]
fn cards_lists_every_card_in_file_order() {
    let env = Env::new();
    big_deck(&env, 30);
    let text = env.run(&["cards"]).ok();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 31, "a header and one line per card");
    assert!(lines[0].starts_with("id"), "{}", lines[0]);
    assert!(lines[1].starts_with("card-00000"), "{}", lines[1]);
    assert!(lines[30].starts_with("card-00029"), "{}", lines[30]);
}

#[test]
fn import_counts_go_to_stdout_and_notes_to_stderr() {
    let env = Env::new();
    env.deck("d.toml", "D", &[("a", "f", "b"), ("b", "f2", "b2")]);
    env.run(&["import", "d.toml"]).ok();
    env.deck("d.toml", "D", &[("a", "f", "b")]);
    let out = env.run(&["--json", "import", "d.toml"]).output();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("only JSON on stdout");
    assert_eq!(json[0]["not_in_file"], 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("note: "), "{stderr}");
}

#[test]
fn cards_filters_by_deck_due_and_tag_together() {
    let env = Env::new();
    env.write(
        "a.toml",
        "name = \"A\"\n[[cards]]\nid = \"a1\"\nfront = \"f\"\nback = \"b\"\ntags = [\"x\"]\n\
         [[cards]]\nid = \"a2\"\nfront = \"f\"\nback = \"b\"\ntags = [\"x\", \"y\"]\n\
         [[cards]]\nid = \"a3\"\nfront = \"f\"\nback = \"b\"\n",
    );
    env.write(
        "b.toml",
        "name = \"B\"\n[[cards]]\nid = \"b1\"\nfront = \"f\"\nback = \"b\"\ntags = [\"x\"]\n",
    );
    env.run(&["import", "a.toml", "b.toml"]).ok();
    for id in ["a1", "a3", "b1"] {
        env.at("2026-03-01", &["grade", id, "good"]).ok();
    }
    let ids = |args: &[&str]| common::ids(&env.at("2026-03-05", args).json());
    assert_eq!(ids(&["cards"]), ["a1", "a2", "a3", "b1"]);
    assert_eq!(ids(&["cards", "--due"]), ["a1", "a3", "b1"]);
    assert_eq!(ids(&["cards", "--deck", "A"]), ["a1", "a2", "a3"]);
    assert_eq!(ids(&["cards", "--deck", "A", "--due"]), ["a1", "a3"]);
    assert_eq!(ids(&["cards", "--tag", "x"]), ["a1", "a2", "b1"]);
    assert_eq!(ids(&["cards", "--tag", "x", "--due"]), ["a1", "b1"]);
    assert_eq!(ids(&["cards", "--tag", "y", "--deck", "A"]), ["a2"]);
    assert!(ids(&["cards", "--deck", "B", "--tag", "y"]).is_empty());
    assert!(
        env.at("2026-03-01T12:00", &["cards", "--due"])
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
    // No review due, but a new card a session would show: said, not hidden.
    let out = env.at("2026-03-01T12:00", &["cards", "--due"]).ok();
    assert_eq!(
        out.trim(),
        "no cards due today; 1 new card waits for `rehearse review`"
    );
    let out = env
        .at("2026-03-01T12:00", &["cards", "--due", "--deck", "B"])
        .ok();
    assert_eq!(out.trim(), "no cards due today");
}
