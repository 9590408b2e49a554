//! The review session keeps every answer it was given (issue 14): a line
//! that is not UTF-8 is refused and the next one read, and an answer given
//! while another process holds the collection waits for it.

mod common;

use std::io::{BufRead, Write};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{Env, reviews};

const NOW: &str = "2026-11-25T09:00:00Z";

fn two_cards(env: &Env) {
    let deck = env.deck("d.toml", "D", &[("a", "Alpha?", "1"), ("b", "Beta?", "2")]);
    env.run(&["import", deck.to_str().unwrap()]).ok();
}

#[test]
fn issue14_11_invalid_utf8_line_is_refused_and_the_session_goes_on() {
    let env = Env::new();
    two_cards(&env);
    let mut child = env
        .at(NOW, &["review"])
        .command()
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"go\xffod\ngood\n\xc3\ngood\n").unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        stderr.matches("not valid UTF-8").count(),
        2,
        "one message per bad line: {stderr}"
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("→ a good"), "{stdout}");
    assert!(stdout.contains("→ b good"), "{stdout}");
    assert_eq!(reviews(&env.backup()).len(), 2);
}

#[test]
fn issue14_11_answer_waits_for_a_lock_held_longer_than_the_busy_timeout() {
    let env = Env::new();
    two_cards(&env);
    let (mut child, mut stdin, mut stdout) = env.at(NOW, &["review"]).live_session();
    let mut line = String::new();
    while !line.starts_with("again ") {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "session ended");
    }
    // Another process takes the write lock and keeps it for 12 s, longer
    // than SQLite's busy timeout (10 s).
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let held = Instant::now();
    stdin.write_all(b"good\n").unwrap();
    stdin.flush().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        while stdout.read_line(&mut line).unwrap_or(0) > 0 {
            let _ = tx.send(std::mem::take(&mut line));
        }
    });
    let mut seen = String::new();
    while held.elapsed() < Duration::from_secs(12) {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
            assert!(!line.starts_with("→ "), "answered under the lock: {line}");
            seen.push_str(&line);
        }
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the session gave up: {seen}"
    );
    assert!(seen.contains("waiting"), "the user is not told: {seen}");
    conn.execute_batch("COMMIT").unwrap();
    drop(conn);
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the answer is recorded once the lock is free");
        if line.starts_with("→ a good") {
            break;
        }
    }
    stdin.write_all(b"q\n").unwrap();
    drop(stdin);
    assert!(child.wait().unwrap().success());
    let log = env.backup();
    assert_eq!(reviews(&log).len(), 1);
    assert_eq!(reviews(&log)[0]["card"], "a");
}
