//! The review session through the real binary: the line protocol on piped
//! stdin (order, limits, drills, undo, quit, EOF, bad lines), safety when
//! killed mid-session, the first run with the bundled decks, and the
//! terminal UI driven under tmux.

mod common;

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::Command;

use common::tmux::{Tmux, line_written_to};
use common::{Env, numbered_cards};

/// A session fed `input` on stdin: (stdout, stderr, exit code).
fn session(env: &Env, now: &str, args: &[&str], input: &str) -> (String, String, i32) {
    let out = env.at(now, &["review"]).args(args).session(input);
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

/// A deck of `n` basic cards `q1..qn` ("Question i?" / "Answer i."), imported.
fn deck(env: &Env, name: &str, n: usize) -> PathBuf {
    let path = env.deck(&format!("{name}.toml"), name, &numbered_cards(n));
    env.at(DAY1, &["import", path.to_str().unwrap()]).ok();
    path
}

const DAY1: &str = "2026-11-25T09:00:00Z";
const DAY2: &str = "2026-11-26T09:00:00Z";

/// The card ids shown, in order, from the `[i/n] deck · id` lines.
fn shown(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|l| l.starts_with('['))
        .map(|l| {
            let id = l.split(" · ").nth(1).unwrap_or("");
            id.trim_end_matches(" (repeat)").to_string()
        })
        .collect()
}

#[test]
fn new_cards_come_in_file_order_and_answers_are_stored() {
    let env = Env::new();
    deck(&env, "d", 3);
    let (out, _, code) = session(&env, DAY1, &[], "good\n3\neasy\n");
    assert_eq!(code, 0);
    assert_eq!(shown(&out), ["q1", "q2", "q3"]);
    assert!(
        out.contains("front: Question 1?") && out.contains("back:  Answer 1."),
        "{out}"
    );
    assert!(
        out.contains("session over: 3 cards reviewed, 3 answers, 0 again"),
        "{out}"
    );
    for id in ["q1", "q2", "q3"] {
        let card = env.card(id);
        assert_eq!(card["reviews"], 1);
        assert_eq!(card["due"], "2026-11-26");
    }
}

#[test]
fn due_reviews_come_first_oldest_first_then_new() {
    let env = Env::new();
    deck(&env, "d", 4);
    env.at(DAY1, &["config", "fuzz", "false"]).ok();
    // q2 answered on day 1 (due day 2), q1 answered earlier (due day 1).
    env.at("2026-11-24T09:00:00Z", &["grade", "q1", "good"])
        .ok();
    env.at(DAY1, &["grade", "q2", "good"]).ok();
    let (out, _, _) = session(&env, DAY2, &[], "good\ngood\ngood\ngood\n");
    assert_eq!(shown(&out), ["q1", "q2", "q3", "q4"]);
}

#[test]
fn limits_cap_the_session() {
    let env = Env::new();
    deck(&env, "d", 10);
    env.at(DAY1, &["config", "new_per_day", "4"]).ok();
    let (out, _, _) = session(&env, DAY1, &[], "");
    assert_eq!(
        shown(&out),
        ["q1"],
        "EOF ends the session after the first card"
    );
    let (out, _, _) = session(&env, DAY1, &["--new", "2"], "good\ngood\n");
    assert_eq!(shown(&out), ["q1", "q2"]);
    // Two new cards were introduced today: two are left of the daily four.
    let (out, _, _) = session(&env, DAY1, &[], "good\ngood\n");
    assert_eq!(shown(&out), ["q3", "q4"]);
    let (out, _, code) = session(&env, DAY1, &[], "");
    assert_eq!(code, 0);
    assert!(out.contains("nothing due now"), "{out}");
    assert!(
        out.contains("The next card is due 2026-11-26 (tomorrow)"),
        "{out}"
    );
    assert!(out.contains("6 new cards wait for tomorrow"), "{out}");
    let (out, _, _) = session(&env, DAY2, &["--limit", "3"], "good\ngood\ngood\n");
    assert_eq!(shown(&out).len(), 3);
}

#[test]
fn again_and_hard_come_back_as_drills_that_leave_the_schedule_alone() {
    let env = Env::new();
    deck(&env, "d", 5);
    let (out, _, _) = session(
        &env,
        DAY1,
        &[],
        "again\ngood\ngood\ngood\nhard\ngood\ngood\n",
    );
    // q1 failed: it returns after three other cards, then again after hard.
    assert_eq!(shown(&out), ["q1", "q2", "q3", "q4", "q1", "q5", "q1"]);
    assert!(out.contains("(repeat)"));
    assert!(out.contains("1 again"), "{out}");
    let card = env.card("q1");
    assert_eq!(card["reviews"], 3);
    let history = card["history"].as_array().unwrap();
    let kinds: Vec<&str> = history
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["review", "drill", "drill"]);
    // The schedule is the one the first (failed) answer set.
    assert_eq!(card["repetition"], 0);
    assert_eq!(card["interval"], 1);
    assert_eq!(
        card["ease"].as_f64().unwrap(),
        history[0]["ease"].as_f64().unwrap()
    );
}

#[test]
fn undo_takes_back_the_answer_and_shows_the_card_again() {
    let env = Env::new();
    deck(&env, "d", 2);
    let before = env.card("q1");
    let (out, _, _) = session(&env, DAY1, &[], "easy\nu\nhard\nu\nu\ngood\ngood\n");
    assert!(out.contains("↶ took back easy on `q1`"), "{out}");
    assert!(out.contains("↶ took back hard on `q1`"), "{out}");
    assert!(out.contains("↶ nothing to undo in this session"), "{out}");
    // Each undo shows the taken-back card again next; the failed one would have come back after q2.
    assert_eq!(shown(&out), ["q1", "q2", "q1", "q2", "q1", "q1", "q2"]);
    let after = env.card("q1");
    assert_eq!(after["reviews"], 1);
    assert_eq!(after["history"].as_array().unwrap()[0]["grade"], "good");
    assert_eq!(before["state"], "new");
    assert_eq!(after["repetition"], 1);
}

#[test]
fn bad_lines_are_asked_again_and_q_quits() {
    let env = Env::new();
    deck(&env, "d", 3);
    let (out, err, code) = session(&env, DAY1, &[], "maybe\n\n5\ngood\nq\ngood\n");
    assert_eq!(code, 0);
    assert!(err.contains("`maybe` is not an answer"), "{err}");
    assert!(err.contains("`5` is not an answer"), "{err}");
    assert_eq!(shown(&out), ["q1", "q2"]);
    assert_eq!(env.card("q1")["reviews"], 1);
    assert_eq!(env.card("q2")["reviews"], 0, "q quit before answering q2");
    assert!(out.contains("left for later today: 0 due · 2 new"), "{out}");
}

#[test]
fn first_run_imports_the_bundled_decks() {
    let env = Env::new();
    let (out, err, code) = session(&env, DAY1, &["--limit", "1"], "good\n");
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("first run: imported the 3 starter decks"),
        "{err}"
    );
    assert_eq!(shown(&out).len(), 1);
    let decks = env.at(DAY1, &["decks"]).json();
    assert_eq!(decks.as_array().unwrap().len(), 3);
    // Only once: a second session does not import again.
    let (_, err, _) = session(&env, DAY1, &["--limit", "1"], "good\n");
    assert!(!err.contains("first run"), "{err}");
}

#[test]
fn unknown_deck_is_an_error() {
    let env = Env::new();
    deck(&env, "interview", 1);
    let (_, err, code) = session(&env, DAY1, &["--deck", "intervew"], "");
    assert_eq!(code, 1);
    assert!(
        err.contains("error: no deck `intervew` (did you mean `interview`?)"),
        "{err}"
    );
}

#[test]
fn killed_mid_session_keeps_every_acknowledged_answer() {
    let env = Env::new();
    deck(&env, "d", 20);
    let (mut child, mut stdin, mut stdout) = env.at(DAY1, &["review"]).live_session();
    let mut acknowledged = 0;
    let mut line = String::new();
    while acknowledged < 7 {
        line.clear();
        assert!(
            stdout.read_line(&mut line).unwrap() > 0,
            "session ended early"
        );
        if line.starts_with("again ") {
            // The card is fully shown: answer it.
            stdin.write_all(b"good\n").unwrap();
            stdin.flush().unwrap();
        }
        if line.starts_with("→ ") {
            acknowledged += 1;
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let cards = env.at(DAY1, &["cards"]).json();
    let answered = cards
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["reviews"] == 1)
        .count();
    assert!(answered >= 7, "only {answered} answers stored");
    assert!(answered <= 8, "{answered} answers stored for 7 given");
    // The collection is intact and usable.
    let (out, _, code) = session(&env, DAY1, &["--limit", "1"], "good\n");
    assert_eq!(code, 0);
    assert_eq!(shown(&out).len(), 1);
}

#[test]
#[ignore = "needs tmux"]
fn terminal_ui_shows_card_and_bar_and_stores_answers() {
    let env = Env::new();
    deck(&env, "Behavioural", 3);
    let bin = std::path::Path::new(common::BIN);
    let done = env.dir().join("done");
    let script = format!(
        "TZ=UTC NO_COLOR=1 {} --db {} --now {DAY1} review; echo $? > {}; sleep 5",
        bin.display(),
        env.db.display(),
        done.display()
    );
    let tmux = Tmux::start("test", &script);
    tmux.wait_for("Question 1?");
    // The bar is drawn just after the card: wait for it too.
    let screen = tmux.wait_for("0/3 answered");
    assert!(screen.contains("Behavioural · card 1 of 3"), "{screen}");
    assert!(screen.contains("Question 1?"), "{screen}");
    assert!(
        !screen.contains("Answer 1."),
        "the back is hidden before space:\n{screen}"
    );
    tmux.keys("Space");
    let screen = tmux.wait_for("Answer 1.");
    assert!(screen.contains("good 1d"), "{screen}");
    tmux.keys("3");
    tmux.wait_for("Question 2?");
    let screen = tmux.wait_for("1/3 answered");
    assert!(screen.contains("good → due 2026-11-26"), "{screen}");
    tmux.keys("Enter");
    tmux.wait_for("Answer 2.");
    tmux.keys("1");
    tmux.wait_for("Question 3?");
    let screen = tmux.wait_for("2/4 answered · 1 again");
    assert!(screen.contains("Question 3?"), "{screen}");
    tmux.keys("q");
    let screen = tmux.wait_for("session over");
    assert!(screen.contains("2 cards reviewed"), "{screen}");
    let code = line_written_to(&done);
    drop(tmux);
    assert_eq!(code.trim(), "0", "exit code of the session");
    assert_eq!(env.card("q1")["history"][0]["grade"], "good");
    assert_eq!(env.card("q2")["history"][0]["grade"], "again");
    assert_eq!(env.card("q3")["reviews"], 0);
}

#[test]
#[ignore = "needs tmux"]
fn a_terminated_session_gives_the_terminal_back() {
    let env = Env::new();
    deck(&env, "d", 3);
    let bin = std::path::Path::new(common::BIN);
    let after = env.dir().join("after");
    let pid_file = env.dir().join("pid");
    // A subshell writes its pid and becomes rehearse (exec); after it ends,
    // the shell records its exit code and whether the terminal is back in
    // canonical (line) mode.
    let script = format!(
        "sh -c 'echo $$ > {}; exec env TZ=UTC NO_COLOR=1 {} --db {} --now {DAY1} review'; echo \"$? $(stty -a | grep -o -- '-\\?icanon' | head -1)\" > {}; sleep 5",
        pid_file.display(),
        bin.display(),
        env.db.display(),
        after.display()
    );
    let tmux = Tmux::start("term", &script);
    tmux.wait_for("Question 1?");
    tmux.keys("Space");
    tmux.wait_for("Answer 1.");
    tmux.keys("3");
    tmux.wait_for("Question 2?");
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .unwrap();
    let state = line_written_to(&after);
    drop(tmux);
    assert_eq!(
        state.trim(),
        "143 icanon",
        "exit code and terminal mode after SIGTERM"
    );
    assert_eq!(
        env.card("q1")["reviews"],
        1,
        "the answer before the kill is stored"
    );
}

/// On a narrow terminal the status line and the progress bar stay one line
/// each: a long card id is cut with "…" and the bar shrinks, instead of
/// wrapping mid-word ("0/3 ans" / "wered").
#[test]
#[ignore = "needs tmux"]
fn status_line_and_bar_fit_a_narrow_terminal() {
    let env = Env::new();
    let long = "a-card-id-long-enough-to-overflow-a-narrow-terminal-line";
    let deck = env.deck(
        "narrow.toml",
        "Narrow",
        &[
            (long, "Short question?", "Short answer."),
            ("second", "Another question?", "Another answer."),
        ],
    );
    env.at(DAY1, &["import", deck.to_str().unwrap()]).ok();
    let bin = std::path::Path::new(common::BIN);
    let script = format!(
        "TZ=UTC NO_COLOR=1 {} --db {} --now {DAY1} review; sleep 5",
        bin.display(),
        env.db.display(),
    );
    let tmux = Tmux::start_sized("narrow", &script, 48, 14);
    tmux.wait_for("0/2 answered");
    tmux.keys("Space");
    tmux.wait_for("Short answer.");
    tmux.keys("3");
    tmux.keys("u");
    tmux.wait_for("took back");
    // The bar is drawn just after the screen: the line that shows it whole.
    let screen = tmux.wait_for("0/2 answered · 0 again");
    let status = screen
        .lines()
        .find(|l| l.contains("took back"))
        .unwrap_or_default();
    assert!(status.ends_with('…'), "the status is cut:\n{screen}");
    assert!(
        screen.lines().any(|l| l.contains("0/2 answered · 0 again")),
        "the bar is one line:\n{screen}"
    );
    tmux.keys("q");
}
