//! A model-based property test of managing the collection from the command
//! line (README "Managing cards and decks"): random answers, suspends,
//! unsuspends, deletes, deck renames, edits through `$EDITOR`, re-imports and
//! restores of a JSON backup into a fresh collection. The model is only the
//! number of answers given: whatever happens to the cards, no review-log row
//! is ever lost, and `check` finds nothing wrong at the end.

mod common;

use common::*;
use proptest::prelude::*;

const CARDS: usize = 5;
const GRADES: [&str; 4] = ["again", "hard", "good", "easy"];

#[derive(Debug, Clone)]
enum Op {
    Grade(usize, usize),
    Suspend(usize),
    Unsuspend(usize),
    Delete(usize),
    Rename,
    Edit(usize),
    Reimport,
    Restore,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        5 => (0..CARDS, 0..4usize).prop_map(|(c, g)| Op::Grade(c, g)),
        1 => (0..CARDS).prop_map(Op::Suspend),
        1 => (0..CARDS).prop_map(Op::Unsuspend),
        1 => (0..CARDS).prop_map(Op::Delete),
        1 => Just(Op::Rename),
        1 => (0..CARDS).prop_map(Op::Edit),
        1 => Just(Op::Reimport),
        1 => Just(Op::Restore),
    ]
}

fn logged(env: &Env) -> usize {
    env.backup()["reviews"].as_array().map_or(0, Vec::len)
}

fn run(ops: &[Op]) {
    let mut env = Env::new();
    let cards = numbered_cards(CARDS);
    let deck_file = env.deck("deck.toml", "Alpha", &cards);
    let deck_file = deck_file.to_str().unwrap().to_string();
    env.run(&["import", &deck_file]).ok();
    // An editor that appends "!" to the card's front, whatever its quoting.
    let editor = env.write(
        "editor.sh",
        "#!/bin/sh\nsed -i 's/^front = \\(.*\\)\"$/front = \\1!\"/' \"$1\"\n",
    );
    std::process::Command::new("chmod")
        .args(["+x", editor.to_str().unwrap()])
        .status()
        .unwrap();
    let ids: Vec<String> = cards.iter().map(|(id, _, _)| id.clone()).collect();
    let (mut answers, mut renamed, mut restores) = (0usize, false, 0usize);
    for (step, op) in ops.iter().enumerate() {
        // Each step a few minutes after the one before: answers never go
        // back in time.
        let now = format!(
            "2026-03-{:02}T{:02}:{:02}",
            1 + step / 20,
            8 + (step % 20) / 6,
            (step % 6) * 10
        );
        let status = |args: &[&str], env: &Env| env.at(&now, args).output().status.success();
        match op {
            Op::Grade(c, g) => {
                if status(&["grade", &ids[*c], GRADES[*g]], &env) {
                    answers += 1;
                }
            }
            Op::Suspend(c) => {
                status(&["suspend", &ids[*c]], &env);
            }
            Op::Unsuspend(c) => {
                status(&["unsuspend", &ids[*c]], &env);
            }
            Op::Delete(c) => {
                status(&["delete", &ids[*c]], &env);
            }
            Op::Rename => {
                let (from, to) = if renamed {
                    ("Beta", "Alpha")
                } else {
                    ("Alpha", "Beta")
                };
                if status(&["deck", "rename", from, to], &env) {
                    renamed = !renamed;
                }
            }
            Op::Edit(c) => {
                let out = env
                    .at(&now, &["edit", &ids[*c]])
                    .env("EDITOR", &editor)
                    .output();
                let _ = out.status.success();
            }
            Op::Reimport => {
                // The file names the deck Alpha: after a rename it comes in
                // as a deck of its own, with new cards.
                status(&["import", &deck_file], &env);
            }
            Op::Restore => {
                let backup = env.path(&format!("backup-{restores}.json"));
                env.run(&["export", "--format", "json", "-o", backup.to_str().unwrap()])
                    .ok();
                restores += 1;
                env.db = env.path(&format!("restored-{restores}.db"));
                env.run(&["import", backup.to_str().unwrap()]).ok();
            }
        }
        assert_eq!(
            logged(&env),
            answers,
            "after step {step}: {op:?} (ops {ops:?})"
        );
    }
    env.run(&["check"]).ok();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn managing_cards_and_decks_never_loses_an_answer(ops in prop::collection::vec(op(), 1..24)) {
        run(&ops);
    }
}
