//! The preview is the truth: for every grade, the days shown on the answer
//! line of a session are the days until the due day that answering with that
//! grade stores, with fuzz on and with and without an interview cap. Each
//! case answers in a fresh collection, so every grade meets the same state.

mod common;

use common::Env;

const DAY1: &str = "2026-11-01T09:00:00Z";
const DAY2: &str = "2026-11-02T09:00:00Z";
/// Two answers of good leave I = 6: the card is due on the 8th.
const DAY8: &str = "2026-11-08T09:00:00Z";
const GRADES: [&str; 4] = ["again", "hard", "good", "easy"];

/// A one-card collection with fuzz on (the default), the card answered
/// `answers` times with good, so its state is new (0), or learned with
/// I = 1 (1) or I = 6 (2); optionally with an interview on `interview`.
fn collection(answers: usize, interview: Option<&str>) -> Env {
    let env = Env::new();
    let deck = env.deck("d.toml", "Deck", &[("a", "Front?", "Back.")]);
    env.at(DAY1, &["import", deck.to_str().unwrap()]).ok();
    for day in [DAY1, DAY2].iter().take(answers) {
        env.at(day, &["grade", "a", "good"]).ok();
    }
    if let Some(date) = interview {
        env.at(DAY1, &["interview", date]).ok();
    }
    env
}

/// The `grade Nd` figure of the preview line a piped session printed.
fn previewed_days(stdout: &str, grade: &str) -> (i64, bool) {
    let line = stdout
        .lines()
        .find(|l| l.contains("again ") && l.contains("easy "))
        .unwrap_or_else(|| panic!("no preview line in:\n{stdout}"));
    let part = line
        .split(" · ")
        .find(|p| p.trim_start().starts_with(&format!("{grade} ")))
        .unwrap_or_else(|| panic!("no `{grade}` in {line:?}"));
    let figure = part.trim_start()[grade.len() + 1..]
        .split_whitespace()
        .next()
        .unwrap();
    let days = figure
        .strip_suffix('d')
        .unwrap_or_else(|| panic!("{figure:?} is not a number of days"))
        .parse()
        .unwrap();
    (days, part.contains("capped"))
}

fn day_number(date: &str) -> i64 {
    let d = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    d.signed_duration_since(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())
        .num_days()
}

fn check(answers: usize, session_at: &str, interview: Option<&str>) {
    for grade in GRADES {
        let env = collection(answers, interview);
        let out = env
            .at(session_at, &["review"])
            .session(&format!("{grade}\nq\n"));
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(out.status.success(), "{stdout}");
        let (shown, shown_capped) = previewed_days(&stdout, grade);
        let card = env.card("a");
        let history = card["history"].as_array().unwrap();
        let last = history.last().unwrap();
        let due = card["due"].as_str().unwrap();
        let stored = day_number(due) - day_number(&session_at[..10]);
        assert_eq!(
            shown, stored,
            "{grade} after {answers} answers (interview {interview:?}): preview {shown}d, stored due {due}\n{stdout}"
        );
        let capped = last["capped"].as_bool().unwrap_or(false);
        assert_eq!(
            shown_capped, capped,
            "{grade}: the capped mark\n{stdout}\n{last}"
        );
    }
}

#[test]
fn preview_equals_stored_for_a_new_card() {
    check(0, DAY1, None);
}

#[test]
fn preview_equals_stored_for_a_learned_card_with_fuzz() {
    // I = 6, EF 2.5 → good 15 ± 1 and easy 16 ± 1: fuzz moves them.
    check(2, DAY8, None);
}

#[test]
fn preview_equals_stored_under_an_interview_cap() {
    // Interview on the 12th: anything due after the 11th is capped.
    check(2, DAY8, Some("2026-11-12"));
}

#[test]
fn preview_equals_stored_for_a_card_answered_once() {
    check(1, DAY2, Some("2026-11-20"));
}
