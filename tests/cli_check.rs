//! `rehearse check`: a consistent collection passes; a card whose stored
//! state no longer matches its log is reported (exit 1) and `--repair`
//! restores exactly what the log says.

use assert_cmd::Command;
use serde_json::Value;

fn rehearse(db: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("rehearse").unwrap();
    cmd.env("TZ", "UTC")
        .env_remove("REHEARSE_DB")
        .arg("--db")
        .arg(db);
    cmd
}

fn card(db: &std::path::Path, id: &str) -> Value {
    let out = rehearse(db).args(["--json", "card", id]).output().unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn check_finds_and_repairs_a_card_that_disagrees_with_its_log() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let deck = dir.path().join("d.toml");
    std::fs::write(
        &deck,
        "name = \"d\"\n[[cards]]\nid = \"a\"\nfront = \"A?\"\nback = \"a\"\n[[cards]]\nid = \"b\"\nfront = \"B?\"\nback = \"b\"\n",
    )
    .unwrap();
    rehearse(&db).arg("import").arg(&deck).assert().success();
    for (day, grade) in [
        ("2026-11-20", "good"),
        ("2026-11-21", "easy"),
        ("2026-11-27", "again"),
        ("2026-11-28", "good"),
    ] {
        rehearse(&db)
            .args(["--now", day, "grade", "a", grade])
            .assert()
            .success();
    }
    rehearse(&db)
        .args(["--now", "2026-11-20", "grade", "b", "hard"])
        .assert()
        .success();
    rehearse(&db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "checked 2 cards and 5 answers: all consistent",
        ));
    let good = card(&db, "a");

    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE cards SET ease = 1.7, interval_days = 40, lapses = 0 WHERE key = 'a'",
        [],
    )
    .unwrap();
    drop(conn);
    rehearse(&db)
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "card `a`: stored n=1 EF=1.7 I=40",
        ))
        .stdout(predicates::str::contains("1 problem(s)"));
    rehearse(&db)
        .args(["check", "--repair"])
        .assert()
        .success()
        .stdout(predicates::str::contains("1 card(s) repaired"));
    let repaired = card(&db, "a");
    assert_eq!(repaired, good);
    assert_eq!(repaired["lapses"], 1);
    rehearse(&db).arg("check").assert().success();

    // The counts kept for stats are checked and rebuilt too.
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE review_buckets SET answers = answers + 5", [])
        .unwrap();
    drop(conn);
    rehearse(&db)
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicates::str::contains("counts kept for stats differ"));
    rehearse(&db).args(["check", "--repair"]).assert().success();
    rehearse(&db)
        .arg("check")
        .assert()
        .success()
        .stdout(predicates::str::contains("all consistent"));
}
