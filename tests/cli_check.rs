//! `rehearse check`: a consistent collection passes; a card whose stored
//! state no longer matches its log is reported (exit 1) and `--repair`
//! restores exactly what the log says.

mod common;

use common::Env;

/// Runs `rehearse check ARGS`, expects exit `code` and returns stdout.
fn check(env: &Env, args: &[&str], code: i32) -> String {
    let out = env.run(&[&["check"], args].concat()).output();
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    assert_eq!(
        out.status.code(),
        Some(code),
        "check {args:?}:\nstdout: {stdout}\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

fn execute(env: &Env, sql: &str) {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute(sql, []).unwrap();
}

#[test]
fn check_finds_and_repairs_a_card_that_disagrees_with_its_log() {
    let env = Env::new();
    let deck = env.deck("d.toml", "d", &[("a", "A?", "a"), ("b", "B?", "b")]);
    env.run(&["import", deck.to_str().unwrap()]).ok();
    for (day, grade) in [
        ("2026-11-20", "good"),
        ("2026-11-21", "easy"),
        ("2026-11-27", "again"),
        ("2026-11-28", "good"),
    ] {
        env.at(day, &["grade", "a", grade]).ok();
    }
    env.at("2026-11-20", &["grade", "b", "hard"]).ok();
    let out = check(&env, &[], 0);
    assert!(
        out.contains("checked 2 cards and 5 answers: all consistent"),
        "{out}"
    );
    let good = env.card("a");

    execute(
        &env,
        "UPDATE cards SET ease = 1.7, interval_days = 40, lapses = 0 WHERE key = 'a'",
    );
    let out = check(&env, &[], 1);
    assert!(out.contains("card `a`: stored n=1 EF=1.7 I=40"), "{out}");
    // An edit behind rehearse's back also leaves the per-deck state counts
    // behind (rehearse keeps them as it writes; docs/collection.md).
    assert!(out.contains("counts kept for stats differ"), "{out}");
    assert!(out.contains("2 problems"), "{out}");
    let out = check(&env, &["--repair"], 0);
    // The card, and the state counts rebuilt.
    assert!(out.contains("2 cards repaired"), "{out}");
    let repaired = env.card("a");
    assert_eq!(repaired, good);
    assert_eq!(repaired["lapses"], 1);
    check(&env, &[], 0);

    // The counts kept for stats are checked and rebuilt too.
    execute(&env, "UPDATE review_buckets SET answers = answers + 5");
    let out = check(&env, &[], 1);
    assert!(out.contains("counts kept for stats differ"), "{out}");
    check(&env, &["--repair"], 0);
    let out = check(&env, &[], 0);
    assert!(out.contains("all consistent"), "{out}");
}
