//! Killing the process (SIGKILL) at random but seeded points must never
//! lose an acknowledged answer nor leave anything half-written
//! (docs/collection.md, docs/review-session.md): during review sessions
//! on the line protocol, and during the import of a large deck, which must
//! land whole or not at all.

mod common;

use std::io::{BufRead, Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Env, Rng};

/// `rehearse --db DB --now NOW ARGS` with the test's environment, not run.
fn command(env: &Env, now: &str, args: &[&str]) -> Command {
    env.at(now, args).command()
}

/// The whole review log as (card, grade), oldest first, read with SQLite
/// directly, so nothing of rehearse's own reading is trusted.
fn log(db: &Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT card_key, coalesce(grade, '') FROM reviews ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn cards_in_deck(db: &Path, deck: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(
        "SELECT count(*) FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = ?1",
        [deck],
        |r| r.get(0),
    )
    .unwrap()
}

/// SQLite's own check, then `rehearse check` (every card against its log).
fn assert_intact(env: &Env) {
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    drop(conn);
    let out = command(env, DAY, &["check"]).output().unwrap();
    assert!(
        out.status.success(),
        "check failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

const DAY: &str = "2026-11-25T09:00:00Z";

fn basic_deck(name: &str, prefix: &str, n: usize) -> String {
    let cards: Vec<(String, String, String)> = (0..n)
        .map(|i| {
            (
                format!("{prefix}{i}"),
                format!("Question {prefix} {i}?"),
                format!("Answer {prefix} {i}."),
            )
        })
        .collect();
    common::deck_toml(name, &cards)
}

const GRADES: [&str; 4] = ["again", "hard", "good", "easy"];

/// Runs one session, answering with seeded grades, and kills it after a
/// seeded number of answers (right after sending one, or a line later).
/// Returns the answers sent and those acknowledged (`→ ` lines).
fn killed_session(env: &Env, now: &str, rng: &mut Rng) -> (Vec<(String, String)>, Vec<String>) {
    let (mut child, mut stdin, mut stdout) = env.at(now, &["review"]).live_session();
    let kill_after = 1 + rng.below(12) as usize;
    let linger = rng.below(2) == 1;
    let mut sent: Vec<(String, String)> = Vec::new();
    let mut acknowledged = Vec::new();
    let mut card = String::new();
    let mut line = String::new();
    loop {
        line.clear();
        if stdout.read_line(&mut line).unwrap() == 0 {
            break; // the session ended by itself: nothing left to review
        }
        if line.starts_with('[') {
            card = line
                .split(" · ")
                .nth(1)
                .unwrap_or("")
                .trim()
                .trim_end_matches(" (repeat)")
                .to_string();
        }
        if line.starts_with("→ ") {
            acknowledged.push(line.trim_end().to_string());
        }
        // The last line of a card: the preview of the grades, or of a drill.
        if line.starts_with("again ") || line.starts_with("repeat: ") {
            if sent.len() == kill_after {
                break;
            }
            let grade = GRADES[rng.below(4) as usize];
            stdin.write_all(format!("{grade}\n").as_bytes()).unwrap();
            stdin.flush().unwrap();
            sent.push((card.clone(), grade.to_string()));
            if sent.len() == kill_after && !linger {
                break;
            }
        }
    }
    kill(&mut child);
    // What it printed before dying is still in the pipe.
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    acknowledged.extend(
        rest.lines()
            .filter(|l| l.starts_with("→ "))
            .map(str::to_string),
    );
    (sent, acknowledged)
}

fn kill(child: &mut Child) {
    let _ = child.kill(); // SIGKILL; it may have exited already
    child.wait().unwrap();
}

#[test]
fn sessions_killed_at_random_points_keep_every_acknowledged_answer() {
    let env = Env::new();
    env.write("d.toml", basic_deck("d", "q", 40));
    command(&env, DAY, &["import", "d.toml"]).output().unwrap();
    assert!(
        command(&env, DAY, &["config", "new_per_day", "1000"])
            .status()
            .unwrap()
            .success()
    );
    let mut rng = Rng::new(0x5e55_1011);
    for round in 0..8 {
        let now = common::add_days("2026-11-25", round) + "T09:00:00Z";
        let before = log(&env.db).len();
        let (sent, acknowledged) = killed_session(&env, &now, &mut rng);
        let stored = log(&env.db)[before..].to_vec();
        // Stored is a prefix of what was sent (the last one may or may not
        // have landed), and holds at least everything acknowledged.
        assert!(
            stored.len() <= sent.len(),
            "round {round}: {stored:?} vs {sent:?}"
        );
        assert_eq!(stored, sent[..stored.len()], "round {round}");
        assert!(
            stored.len() >= acknowledged.len(),
            "round {round}: acknowledged {acknowledged:?} but stored {stored:?}"
        );
        for ((card, grade), ack) in stored.iter().zip(&acknowledged) {
            assert!(
                ack.starts_with(&format!("→ {card} {grade}:")),
                "round {round}: `{ack}` vs stored {card} {grade}"
            );
        }
        assert_intact(&env);
    }
    assert!(!log(&env.db).is_empty());
}

/// A deck of `n` cards as TOML or CSV, big enough that importing it takes
/// a moment in a debug build.
fn big_deck(env: &Env, csv: bool, n: usize) -> String {
    if csv {
        let mut text = String::from("#deck:big\n");
        for i in 0..n {
            text.push_str(&format!("Big question {i}?,Big answer {i}.\n"));
        }
        env.write("big.csv", text);
        "big.csv".into()
    } else {
        env.write("big.toml", basic_deck("big", "b", n));
        "big.toml".into()
    }
}

#[test]
fn an_import_killed_at_random_points_lands_whole_or_not_at_all() {
    const N: usize = 30_000;
    let mut rng = Rng::new(0x1a2b_3c4d);
    let mut outcomes = Vec::new();
    for round in 0..6 {
        let env = Env::new();
        env.write("small.toml", basic_deck("small", "s", 5));
        command(&env, DAY, &["import", "small.toml"])
            .output()
            .unwrap();
        for id in ["s0", "s1", "s2"] {
            let out = command(&env, DAY, &["grade", id, "good"]).output().unwrap();
            assert!(out.status.success());
        }
        let file = big_deck(&env, round % 2 == 1, N);
        let wal = env.db.with_extension("db-wal");
        let wal_before = std::fs::metadata(&wal).map_or(0, |m| m.len());
        let mut child = command(&env, DAY, &["import", &file])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Kill either once the WAL has grown by a seeded number of bytes
        // (the transaction is being written) or after a seeded delay.
        let by_wal = rng.below(2) == 0;
        let threshold = wal_before + rng.below(4 << 20);
        let delay = Duration::from_millis(rng.below(1500));
        let start = Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            let grown = std::fs::metadata(&wal).map_or(0, |m| m.len()) > threshold;
            if (by_wal && grown) || (!by_wal && start.elapsed() >= delay) {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        kill(&mut child);
        let landed = cards_in_deck(&env.db, "big");
        assert!(
            landed == 0 || landed == N as i64,
            "round {round}: {landed} of {N} cards landed"
        );
        outcomes.push(landed);
        // What was there before is untouched.
        assert_eq!(cards_in_deck(&env.db, "small"), 5);
        assert_eq!(log(&env.db).len(), 3);
        assert_intact(&env);
        // And the import can simply be run again.
        let out = command(&env, DAY, &["import", &file]).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(cards_in_deck(&env.db, "big"), N as i64);
    }
    eprintln!("cards landed per round: {outcomes:?}");
}
