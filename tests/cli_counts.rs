//! One vocabulary for counts (docs/stats.md): "due" is learned cards due by
//! the end of today, new cards are counted beside it as "new", and "due
//! tomorrow" is learned cards whose due day is tomorrow. `decks`, `stats`,
//! `cards --due` and the session (banner, summary, JSON lines) give the
//! same numbers for the same collection. Also: readiness never drops on a
//! passing answer, and text views fit a narrow terminal.

mod common;

use serde_json::Value;

use common::{Env, numbered_cards};

const NOW: &str = "2026-11-25T12:00:00Z";

fn grade(env: &Env, now: &str, deck: &str, id: &str, grade: &str) {
    env.at(now, &["grade", id, grade, "--deck", deck]).ok();
}

/// Two decks, `new_per_day = 3`, fuzz off, seen at NOW (2026-11-25):
/// - D: q1 overdue (due 11-24), q2..q4 due today, q5 (good) and q6 (again)
///   answered today so due tomorrow, q7..q10 new, of which today's limit
///   leaves room for one (q5 and q6 were today's new cards).
/// - E: e1 due today, q2 and q3 new, both within the limit.
///
/// Due today: 5, new today: 3, due tomorrow: 2.
fn collection() -> Env {
    let env = Env::new();
    let d = env.deck("d.toml", "D", &numbered_cards(10));
    let e = env.deck("e.toml", "E", &numbered_cards(3));
    env.at(
        "2026-11-20",
        &["import", d.to_str().unwrap(), e.to_str().unwrap()],
    )
    .ok();
    env.no_fuzz();
    env.run(&["config", "new_per_day", "3"]).ok();
    grade(&env, "2026-11-23T10:00:00Z", "D", "q1", "good");
    for id in ["q2", "q3", "q4"] {
        grade(&env, "2026-11-24T10:00:00Z", "D", id, "good");
    }
    grade(&env, "2026-11-24T10:00:00Z", "E", "q1", "good");
    grade(&env, "2026-11-25T09:00:00Z", "D", "q5", "good");
    grade(&env, "2026-11-25T09:01:00Z", "D", "q6", "again");
    env
}

/// (due, new, due tomorrow) summed over `decks --json`.
fn from_decks(env: &Env, now: &str) -> (i64, i64, i64) {
    let decks = env.at(now, &["decks"]).json();
    let sum = |key: &str| -> i64 {
        decks
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d[key].as_i64().unwrap())
            .sum()
    };
    (sum("due"), sum("new_today"), sum("due_tomorrow"))
}

fn from_stats(env: &Env, now: &str, args: &[&str]) -> (i64, i64, i64) {
    let stats = env.at(now, &["stats"]).args(args).json();
    let n = |key: &str| stats[key].as_i64().unwrap();
    assert_eq!(
        n("due_tomorrow"),
        stats["forecast"][0]["due"].as_i64().unwrap(),
        "due tomorrow is the forecast's first day"
    );
    (n("due_today"), n("new_today"), n("due_tomorrow"))
}

fn due_listed(env: &Env, now: &str, args: &[&str]) -> i64 {
    let cards = env.at(now, &["cards", "--due"]).args(args).json();
    let cards = cards.as_array().unwrap();
    assert!(
        cards.iter().all(|c| c["state"] != "new"),
        "new cards are never due"
    );
    cards.len() as i64
}

/// The JSON lines of `review --json` fed `input`.
fn json_session(env: &Env, now: &str, input: &str) -> Vec<Value> {
    let out = env.at(now, &["review", "--json"]).session(input);
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn one_collection_gives_the_same_due_new_and_due_tomorrow_everywhere() {
    let env = collection();
    let expected = (5, 3, 2);
    assert_eq!(from_decks(&env, NOW), expected, "decks --json");
    assert_eq!(from_stats(&env, NOW, &[]), expected, "stats --json");
    assert_eq!(due_listed(&env, NOW, &[]), expected.0, "cards --due --json");
    // The piped session: its banner, then its summary when quit at once.
    let out = env.at(NOW, &["review"]).output_with_stdin("q\n");
    assert!(out.starts_with("today: 5 due · 3 new\n"), "{out}");
    assert!(out.contains("left for later today: 5 due · 3 new"), "{out}");
    assert!(out.contains("due tomorrow: 2 cards"), "{out}");
    // The text views say the same.
    let stats = env.at(NOW, &["stats"]).ok();
    assert!(stats.contains("· 5 due · 3 new\n"), "{stats}");
    assert!(stats.contains("tomorrow   2 due\n"), "{stats}");
    let cards = env.at(NOW, &["cards", "--due"]).ok();
    assert!(cards.ends_with("5 due · 3 new today\n"), "{cards}");

    // One deck alone agrees with its row of `decks`.
    assert_eq!(from_stats(&env, NOW, &["--deck", "D"]), (4, 1, 2));
    assert_eq!(due_listed(&env, NOW, &["--deck", "D"]), 4);

    // After answers in a session (one review, one new card), every view
    // moves together.
    let lines = json_session(&env, NOW, "good\ngood\nq\n");
    let start = &lines[0];
    assert_eq!(start["event"], "start");
    assert_eq!(
        (start["due"].as_i64(), start["new"].as_i64()),
        (Some(5), Some(3))
    );
    let end = lines.last().unwrap();
    assert_eq!(end["event"], "end");
    let after = from_decks(&env, NOW);
    assert_eq!(after, from_stats(&env, NOW, &[]));
    assert_eq!(after.0, due_listed(&env, NOW, &[]));
    let summary = (
        end["due"].as_i64().unwrap(),
        end["new"].as_i64().unwrap(),
        end["due_tomorrow"].as_i64().unwrap(),
    );
    assert_eq!(summary, after, "the session's summary");
    assert_eq!(after.0 + after.1, 6, "two of the eight cards were answered");
}

#[test]
fn review_json_speaks_one_line_per_card_shown_and_per_answer() {
    let env = collection();
    let lines = json_session(&env, NOW, "again\ngood\nu\nq\n");
    let events: Vec<&str> = lines.iter().map(|l| l["event"].as_str().unwrap()).collect();
    assert_eq!(
        events,
        [
            "start", "card", "answer", "card", "answer", "card", "notice", "card", "end"
        ]
    );
    let card = &lines[1];
    assert_eq!(card["position"], 1);
    assert_eq!(card["total"], 8);
    assert_eq!(card["repeat"], false);
    assert_eq!(card["card"]["id"], "q1", "the most overdue card first");
    let grades: Vec<&str> = card["preview"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["grade"].as_str().unwrap())
        .collect();
    assert_eq!(grades, ["again", "hard", "good", "easy"]);
    // The preview is what the answer stored.
    let again = &card["preview"][0];
    let answer = &lines[2];
    assert_eq!(answer["review"]["grade"], "again");
    assert_eq!(answer["review"]["due"], again["due"]);
    assert_eq!(answer["card"]["due"], again["due"]);
    // `u` at the third card takes back the answer to the second.
    assert!(
        lines[6]["text"]
            .as_str()
            .unwrap()
            .starts_with("took back good")
    );
    // Nothing to review: one line saying so, with the next due day.
    let empty = Env::new();
    let deck = empty.deck("d.toml", "D", &numbered_cards(1));
    empty.at(NOW, &["import", deck.to_str().unwrap()]).ok();
    empty.at(NOW, &["grade", "q1", "good"]).ok();
    let lines = json_session(&empty, NOW, "");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["event"], "nothing");
    assert_eq!(lines[0]["next_due"], "2026-11-26");
}

/// The readiness of the first interview in `stats --json`.
fn readiness(env: &Env, now: &str) -> f64 {
    let stats = env.at(now, &["stats"]).json();
    stats["interview"][0]["readiness"].as_f64().unwrap()
}

#[test]
fn readiness_never_drops_when_a_passing_answer_is_given() {
    let env = Env::new();
    let d = env.deck("d.toml", "D", &numbered_cards(8));
    env.at("2026-11-20", &["import", d.to_str().unwrap()]).ok();
    env.no_fuzz();
    env.at("2026-11-20", &["interview", "2026-12-10"]).ok();
    // Cards in every state: overdue after a pass, failed, passed and not
    // due yet, due today, and new.
    grade(&env, "2026-11-20T10:00:00Z", "D", "q1", "good");
    grade(&env, "2026-11-24T10:00:00Z", "D", "q2", "again");
    grade(&env, "2026-11-24T10:00:00Z", "D", "q3", "good");
    grade(&env, "2026-11-24T10:00:00Z", "D", "q4", "hard");
    grade(&env, "2026-11-25T08:00:00Z", "D", "q5", "easy");
    let mut before = readiness(&env, NOW);
    for (id, passing) in [
        ("q1", "hard"),
        ("q2", "good"),
        ("q3", "easy"),
        ("q4", "good"),
        ("q5", "good"),
        ("q6", "hard"),
        ("q7", "easy"),
        ("q5", "hard"),
    ] {
        grade(&env, "2026-11-25T11:00:00Z", "D", id, passing);
        let after = readiness(&env, NOW);
        assert!(
            after >= before,
            "{passing} on {id} dropped readiness from {before} to {after}"
        );
        before = after;
    }
    // Without answers it changes only as its one line says: a card whose
    // due day passes unreviewed stops counting.
    let text = env.at(NOW, &["stats"]).ok();
    assert!(
        text.contains("ready: cards whose last answer passed and that are not overdue"),
        "{text}"
    );
    assert!(readiness(&env, "2026-11-27T12:00:00Z") < before);
}

/// Runs `args` on a terminal 40 columns wide (script(1) gives it a pty).
fn on_a_narrow_terminal(env: &Env, args: &str) -> String {
    let line = format!(
        "stty cols 40 rows 50; env TZ=UTC NO_COLOR=1 {} --db {} --now {NOW} {args}",
        common::BIN,
        env.db.display()
    );
    let out = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .output()
        .expect("this test needs script(1) (util-linux)");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap().replace("\r\n", "\n")
}

#[test]
#[ignore = "needs script(1)"]
fn text_views_fit_a_narrow_terminal_and_are_cut_with_an_ellipsis() {
    let env = collection();
    let long = env.deck(
        "long.toml",
        "A deck whose name is far too long for forty columns",
        &[(
            "long",
            "A front that goes on and on well past the edge of the screen",
            "back",
        )],
    );
    env.at(NOW, &["import", long.to_str().unwrap()]).ok();
    for args in ["decks", "cards", "stats --days 400"] {
        let out = on_a_narrow_terminal(&env, args);
        for line in out.lines() {
            let width = line.chars().count();
            assert!(width <= 40, "`{args}`: {width} columns: {line:?}\n{out}");
        }
        assert!(out.contains('…'), "`{args}` cut nothing:\n{out}");
    }
    // Redirected, nothing is cut.
    let cards = env.at(NOW, &["cards"]).ok();
    assert!(cards.contains("past the edge of the screen"), "{cards}");
}
