//! Several processes on one collection at once: writers queue on the lock
//! (`busy_timeout`, IMMEDIATE transactions) instead of failing, so no
//! `database is locked` ever reaches the user and nothing is lost; this
//! holds from the very first open of a brand-new file.

mod common;

use std::path::Path;
use std::process::Output;

use common::{Env, reviews};

fn assert_success(what: &str, out: &Output) {
    assert!(
        out.status.success(),
        "`{what}` failed ({:?}): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn deck(prefix: &str, n: usize) -> Vec<(String, String, String)> {
    (0..n)
        .map(|i| {
            (
                format!("{prefix}{i}"),
                format!("Question {prefix}{i}?"),
                format!("Answer {prefix}{i}."),
            )
        })
        .collect()
}

fn write_deck(env: &Env, file: &str, name: &str, cards: &[(String, String, String)]) {
    env.deck(file, name, cards);
}

fn count(db: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn graders_and_a_large_import_at_once_all_succeed_and_lose_nothing() {
    const GRADERS: usize = 4;
    const ANSWERS: usize = 20;
    const BIG: usize = 30_000;
    let env = Env::new();
    write_deck(&env, "g.toml", "g", &deck("g", GRADERS * ANSWERS));
    write_deck(&env, "big.toml", "big", &deck("b", BIG));
    env.run(&["import", "g.toml"]).ok();

    std::thread::scope(|scope| {
        let env = &env;
        let import = scope.spawn(move || env.run(&["import", "big.toml"]).output());
        let graders: Vec<_> = (0..GRADERS)
            .map(|t| {
                scope.spawn(move || {
                    for i in 0..ANSWERS {
                        let id = format!("g{}", t * ANSWERS + i);
                        let out = env.at("2026-11-25", &["grade", &id, "good"]).output();
                        assert_success(&format!("grade {id} good"), &out);
                    }
                })
            })
            .collect();
        for grader in graders {
            grader.join().unwrap();
        }
        assert_success("import big.toml", &import.join().unwrap());
    });

    let backup = env.backup();
    assert_eq!(reviews(&backup).len(), GRADERS * ANSWERS);
    assert_eq!(
        count(
            &env.db,
            "SELECT count(*) FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = 'big'"
        ),
        BIG as i64
    );
    assert_eq!(
        count(&env.db, "SELECT count(*) FROM cards WHERE reviews = 1"),
        (GRADERS * ANSWERS) as i64
    );
    let out = env.run(&["check"]).ok();
    assert!(out.contains("all consistent"), "{out}");
}

#[test]
fn processes_creating_a_new_collection_at_the_same_instant_all_succeed() {
    for round in 0..8 {
        let env = Env::new();
        write_deck(&env, "d.toml", "d", &deck("c", 50));
        // Every command opens (and so may create and migrate) the file;
        // commands that only read never create one (docs/collection.md).
        let commands: [&[&str]; 6] = [
            &["import", "d.toml"],
            &["import", "d.toml"],
            &["config", "new_per_day", "30"],
            &["config", "reviews_per_day", "300"],
            &["import", "d.toml"],
            &["config", "day_starts_at", "4"],
        ];
        let children: Vec<_> = commands
            .iter()
            .map(|args| {
                let mut cmd = env.run(args).command();
                cmd.stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped());
                (args.join(" "), cmd.spawn().unwrap())
            })
            .collect();
        for (what, child) in children {
            let out = child.wait_with_output().unwrap();
            assert_success(&format!("round {round}: {what}"), &out);
        }
        assert_eq!(count(&env.db, "SELECT count(*) FROM cards"), 50);
        assert_eq!(env.run(&["config", "new_per_day"]).ok().trim_end(), "30");
        let out = env.run(&["check"]).ok();
        assert!(out.contains("all consistent"), "{out}");
    }
}
