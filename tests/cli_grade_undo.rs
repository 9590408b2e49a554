//! `grade` and `undo` through the real binary: grade names, the CARD JSON
//! shape, SM-2 sequences (docs/scheduling.md), lapses, bad grades, unknown and
//! ambiguous ids, undo several steps back, replaying the log, and two
//! processes answering at once.

mod common;

use common::{Env, Rng, Sm2, add_days, backup_card, printed, reviews};
use serde_json::{Value, json};

fn deck_of(env: &Env, n: usize) {
    let cards: Vec<(String, String, String)> = (0..n)
        .map(|i| (format!("c{i}"), format!("front {i}"), format!("back {i}")))
        .collect();
    env.deck("deck.toml", "Deck", &cards);
    env.run(&["import", "deck.toml"]).ok();
}

#[test]
fn every_grade_name_and_number_maps_to_its_quality() {
    let env = Env::new();
    deck_of(&env, 8);
    let given = [
        ("again", 1, "again"),
        ("hard", 3, "hard"),
        ("good", 4, "good"),
        ("easy", 5, "easy"),
        ("1", 1, "again"),
        ("2", 3, "hard"),
        ("3", 4, "good"),
        ("4", 5, "easy"),
    ];
    for (i, (grade, quality, name)) in given.iter().enumerate() {
        let id = format!("c{i}");
        env.at("2026-03-01", &["grade", &id, grade]).ok();
        let history = &env.card(&id)["history"];
        assert_eq!(history.as_array().unwrap().len(), 1);
        assert_eq!(history[0]["quality"], *quality, "grade {grade}");
        assert_eq!(history[0]["grade"], *name, "grade {grade}");
        assert_eq!(history[0]["kind"], "review");
    }
}

#[test]
fn quality_zero_to_five_is_recorded_as_given() {
    let env = Env::new();
    env.no_fuzz();
    deck_of(&env, 6);
    for q in 0..=5u8 {
        let id = format!("c{q}");
        let card = env
            .at("2026-03-01", &["grade", &id, "--quality", &q.to_string()])
            .json();
        let expected = Sm2::default().next(q);
        assert_eq!(card["ease"], printed(expected.ef), "q{q}");
        assert_eq!(card["interval"], expected.interval, "q{q}");
        assert_eq!(card["repetition"], expected.n, "q{q}");
        let history = &env.card(&id)["history"];
        assert_eq!(history[0]["quality"], q);
        assert_eq!(history[0]["grade"], Value::Null);
    }
}

#[test]
fn grade_json_is_the_card_shape() {
    let env = Env::new();
    env.no_fuzz();
    deck_of(&env, 1);
    let card = env.at("2026-03-01", &["grade", "c0", "good"]).json();
    let keys: Vec<&str> = card
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    for key in [
        "id",
        "deck",
        "front",
        "back",
        "tags",
        "state",
        "due",
        "interval",
        "ease",
        "repetition",
        "lapses",
        "reviews",
    ] {
        assert!(keys.contains(&key), "`{key}` missing from {card}");
    }
    assert_eq!(card["id"], "c0");
    assert_eq!(card["deck"], "Deck");
    assert_eq!(card["front"], "front 0");
    assert_eq!(card["back"], "back 0");
    assert_eq!(card["tags"], json!([]));
    assert_eq!(card["state"], "young");
    assert_eq!(card["due"], "2026-03-02");
    assert_eq!(card["interval"], 1);
    assert_eq!(card["ease"], 2.5);
    assert_eq!(card["repetition"], 1);
    assert_eq!(card["lapses"], 0);
    assert_eq!(card["reviews"], 1);
    assert!(card.get("history").is_none());
    // A new card: state new, due null.
    let fresh = Env::new();
    deck_of(&fresh, 1);
    let card = &fresh.run(&["cards"]).json()[0];
    assert_eq!(card["state"], "new");
    assert_eq!(card["due"], Value::Null);
    assert_eq!(card["reviews"], 0);
}

#[test]
fn easy_easy_easy_gives_1_6_16_and_ease_2_8() {
    let env = Env::new();
    env.no_fuzz();
    deck_of(&env, 1);
    let mut day = "2026-03-01".to_string();
    let mut seen = Vec::new();
    for _ in 0..3 {
        let card = env.at(&day, &["grade", "c0", "easy"]).json();
        let interval = card["interval"].as_i64().unwrap();
        assert_eq!(card["due"], add_days(&day, interval));
        seen.push(interval);
        day = card["due"].as_str().unwrap().to_string();
    }
    assert_eq!(seen, [1, 6, 16]);
    let card = env.card("c0");
    assert!((card["ease"].as_f64().unwrap() - 2.8).abs() < 1e-9);
    assert_eq!(card["repetition"], 3);
    assert_eq!(card["due"], "2026-03-24");
}

#[test]
fn answers_are_scheduled_from_the_day_of_the_answer_late_or_early() {
    let env = Env::new();
    env.no_fuzz();
    deck_of(&env, 1);
    env.at("2026-03-01", &["grade", "c0", "good"]).ok();
    // Due 03-02, answered late on 03-10: the interval counts from 03-10.
    let card = env.at("2026-03-10", &["grade", "c0", "good"]).json();
    assert_eq!(card["interval"], 6);
    assert_eq!(card["due"], "2026-03-16");
    // Answered early on 03-11: from 03-11.
    let card = env.at("2026-03-11", &["grade", "c0", "good"]).json();
    assert_eq!(card["interval"], 15);
    assert_eq!(card["due"], "2026-03-26");
}

#[test]
fn lapses_count_failed_answers_of_cards_answered_before() {
    let env = Env::new();
    env.no_fuzz();
    deck_of(&env, 1);
    let grades = ["again", "good", "again", "hard", "again", "good"];
    let lapses = [0, 0, 1, 1, 2, 2];
    for (i, (grade, lapses)) in grades.iter().zip(lapses).enumerate() {
        let card = env
            .at(&add_days("2026-03-01", i as i64), &["grade", "c0", grade])
            .json();
        assert_eq!(card["lapses"], lapses, "after {:?}", &grades[..=i]);
        assert_eq!(card["reviews"], i + 1);
    }
    let card = env.card("c0");
    assert_eq!(card["repetition"], 1);
    assert_eq!(card["interval"], 1);
}

#[test]
fn invalid_grades_are_usage_errors() {
    let env = Env::new();
    deck_of(&env, 1);
    let before = env.backup();
    for args in [
        &["grade", "c0", "7"][..],
        &["grade", "c0", "meh"],
        &["grade", "c0", "0"],
        &["grade", "c0", "--quality", "6"],
        &["grade", "c0", "--quality", "-1"],
        &["grade", "c0"],
        &["grade", "c0", "good", "--quality", "4"],
    ] {
        let err = env.run(args).fails(2);
        assert!(err.starts_with("error:"), "{args:?}: {err}");
    }
    assert_eq!(env.backup(), before);
}

#[test]
fn an_unknown_card_fails_with_a_suggestion() {
    let env = Env::new();
    env.deck("d.toml", "D", &[("pitch/why", "f", "b")]);
    env.run(&["import", "d.toml"]).ok();
    let err = env.run(&["grade", "pitch/wyh", "good"]).fails(1);
    common::assert_one_error(&err, &["`pitch/wyh`", "did you mean `pitch/why`"]);
    let err = env.run(&["card", "pitch/wyh"]).fails(1);
    common::assert_one_error(&err, &["did you mean `pitch/why`"]);
    assert_eq!(reviews(&env.backup()).len(), 0);
}

#[test]
fn an_id_in_two_decks_asks_for_deck() {
    let env = Env::new();
    env.no_fuzz();
    env.deck("a.toml", "Alpha", &[("same", "a front", "a back")]);
    env.deck("b.toml", "Beta", &[("same", "b front", "b back")]);
    env.run(&["import", "a.toml", "b.toml"]).ok();
    let err = env.at("2026-03-01", &["grade", "same", "good"]).fails(1);
    common::assert_one_error(&err, &["`same`", "Alpha", "Beta", "--deck"]);
    let err = env.run(&["card", "same"]).fails(1);
    common::assert_one_error(&err, &["--deck"]);

    let card = env
        .at("2026-03-01", &["grade", "same", "good", "--deck", "Beta"])
        .json();
    assert_eq!(card["deck"], "Beta");
    let backup = env.backup();
    assert_eq!(backup_card(&backup, "Alpha", "same").unwrap()["reviews"], 0);
    assert_eq!(backup_card(&backup, "Beta", "same").unwrap()["reviews"], 1);
    let err = env.run(&["card", "same", "--deck", "Gamma"]).fails(1);
    assert!(err.contains("no deck `Gamma`"), "{err}");
}

#[test]
fn undo_restores_the_exact_state_several_steps_back() {
    let env = Env::new();
    deck_of(&env, 3);
    let steps = [
        ("c0", "good"),
        ("c1", "again"),
        ("c0", "easy"),
        ("c0", "again"),
        ("c2", "hard"),
        ("c0", "good"),
    ];
    let mut before = Vec::new();
    for (i, (id, grade)) in steps.iter().enumerate() {
        before.push((id, env.card(id), env.backup()));
        let now = format!("{}T10:{:02}", add_days("2026-03-01", i as i64 * 3), i);
        env.at(&now, &["grade", id, grade]).ok();
    }
    while let Some((id, card, backup)) = before.pop() {
        let undone = env.run(&["undo"]).json();
        assert_eq!(undone["undone"]["card"], **id);
        assert_eq!(undone["card"]["id"], **id);
        assert_eq!(env.card(id), card, "card `{id}` after undo");
        assert_eq!(env.backup(), backup);
    }
    let err = env.run(&["undo"]).fails(1);
    assert_eq!(err, "error: nothing to undo\n");
}

#[test]
fn undo_with_nothing_to_undo_fails() {
    let env = Env::new();
    env.deck("a.toml", "A", &common::numbered_cards(1));
    env.run(&["import", "a.toml"]).ok();
    let err = env.run(&["undo"]).fails(1);
    assert_eq!(err, "error: nothing to undo\n");
}

/// How due days are checked when replaying.
#[derive(Clone, Copy, PartialEq)]
enum Due {
    /// fuzz off: answer day + interval.
    Exact,
    /// fuzz on: within the jitter docs/scheduling.md allows.
    Fuzzed,
    /// not at all (intervals past the calendar's end).
    Unchecked,
}

/// Replays a card's history through docs/scheduling.md and checks every step and the
/// final state, and the due days as `due` says.
fn assert_replays(card: &Value, due: Due) {
    let mut state = Sm2::default();
    for review in card["history"].as_array().unwrap() {
        if review["kind"] == "drill" {
            continue;
        }
        state = state.next(review["quality"].as_u64().unwrap() as u8);
        assert_eq!(review["interval"], state.interval, "{review}");
        assert_eq!(review["ease"], printed(state.ef), "{review}");
        if due == Due::Unchecked {
            continue;
        }
        let answered = &review["at"].as_str().unwrap()[..10];
        let expected = add_days(answered, state.interval);
        if due == Due::Fuzzed {
            let range = if state.interval < 3 {
                0
            } else {
                ((state.interval as f64 * 0.05).floor() as i64).max(1)
            };
            let due = review["due"].as_str().unwrap();
            let lo = add_days(&expected, -range);
            let hi = add_days(&expected, range);
            assert!(
                lo.as_str() <= due && due <= hi.as_str(),
                "due {due} outside {lo}..{hi}"
            );
        } else {
            assert_eq!(review["due"], expected);
        }
    }
    assert_eq!(card["interval"], state.interval, "{card}");
    assert_eq!(card["ease"], printed(state.ef), "{card}");
    assert_eq!(card["repetition"], state.n, "{card}");
    let last = card["history"].as_array().unwrap().last();
    assert_eq!(card["due"], last.map_or(Value::Null, |r| r["due"].clone()));
}

#[test]
fn stored_state_equals_replayed_history_after_grades_and_undos() {
    for (seed, fuzz) in [(7u64, true), (2026, false)] {
        let env = Env::new();
        if !fuzz {
            env.no_fuzz();
        }
        deck_of(&env, 3);
        let mut rng = Rng::new(seed);
        let mut day = "2026-01-05".to_string();
        for _ in 0..30 {
            if rng.below(5) == 0 {
                // undo may find nothing: that is fine, it must not break state.
                env.run(&["undo"]).output();
                continue;
            }
            let id = format!("c{}", rng.below(3));
            let args: Vec<String> = if rng.below(3) == 0 {
                vec![
                    "grade".into(),
                    id,
                    "--quality".into(),
                    rng.below(6).to_string(),
                ]
            } else {
                let g = ["again", "hard", "good", "easy"][rng.below(4) as usize];
                vec!["grade".into(), id, g.into()]
            };
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            env.at(&day, &args).ok();
            day = add_days(&day, rng.below(12) as i64);
        }
        for i in 0..3 {
            let due = if fuzz { Due::Fuzzed } else { Due::Exact };
            assert_replays(&env.card(&format!("c{i}")), due);
        }
    }
}

#[test]
fn library_replay_agrees_with_stored_state() {
    use rehearse::clock::Clock;
    use rehearse::import::{CardDraft, CardId, CardKind, DeckDraft};
    use rehearse::scheduler::Grade;
    use rehearse::storage::{Answer, CardFilter, Collection, ReviewKind};

    let dir = tempfile::tempdir().unwrap();
    let mut collection = Collection::open(&dir.path().join("lib.db")).unwrap();
    let draft = |i: usize| CardDraft {
        id: CardId(format!("c{i}")),
        note: format!("c{i}"),
        kind: CardKind::Basic,
        front: format!("front {i}"),
        back: format!("back {i}"),
        extra: String::new(),
        tags: Vec::new(),
    };
    let deck = DeckDraft {
        name: "Lib".into(),
        cards: (0..4).map(draft).collect(),
        ..DeckDraft::default()
    };
    collection.import_file(&[deck], false, &|_| {}).unwrap();
    let settings = collection.settings().unwrap();
    let start = chrono::DateTime::parse_from_rfc3339("2026-01-05T12:00:00Z")
        .unwrap()
        .to_utc();
    let mut rng = Rng::new(99);
    for step in 0..80i64 {
        let cards = collection.cards(&CardFilter::default()).unwrap();
        let card = &cards[rng.below(4) as usize];
        let clock = Clock::new(start + chrono::Duration::days(step * 2), 4);
        if rng.below(6) == 0 {
            let _ = collection.undo();
            continue;
        }
        let kind = if rng.below(5) == 0 && card.reviews > 0 {
            ReviewKind::Drill
        } else {
            ReviewKind::Review
        };
        let grade = Grade::ALL[rng.below(4) as usize];
        collection
            .answer(card.row_id, Answer::graded(grade, kind), &clock, &settings)
            .unwrap();
    }
    for card in collection.cards(&CardFilter::default()).unwrap() {
        let replayed = collection.replay(&card).unwrap();
        assert_eq!(replayed, card.schedule, "card {}", card.id());
        let history = collection.history(&card).unwrap();
        assert_eq!(card.reviews, history.len() as i64);
    }
}

/// Runs one `grade ID good` process per id, all at once; every one must
/// succeed. Returns how many ran.
fn grade_concurrently(env: &Env, ids: &[String]) -> usize {
    let children: Vec<_> = ids
        .iter()
        .map(|id| {
            let mut command = env.at("2026-03-01", &["grade", id, "good"]).command();
            command
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped());
            command.spawn().expect("spawn grade")
        })
        .collect();
    let mut ok = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "a concurrent grade failed: {stderr}");
        // Answering ahead (the same card again the same day) is said.
        assert!(
            stderr
                .lines()
                .all(|l| l.starts_with("warning: `c0` is not due until")),
            "{stderr}"
        );
        ok += 1;
    }
    ok
}

#[test]
fn processes_grading_at_the_same_time_lose_nothing() {
    let env = Env::new();
    deck_of(&env, 26);
    // 25 answers to one card, interleaved with 25 answers to 25 other cards.
    let mut ids = Vec::new();
    for i in 1..=25 {
        ids.push("c0".to_string());
        ids.push(format!("c{i}"));
    }
    let ok = grade_concurrently(&env, &ids);
    assert_eq!(ok, 50);
    let backup = env.backup();
    assert_eq!(reviews(&backup).len(), 50);
    let hot = env.card("c0");
    assert_eq!(hot["reviews"], 25);
    assert_eq!(hot["history"].as_array().unwrap().len(), 25);
    assert_eq!(hot["repetition"], 25, "each answer built on the one before");
    for i in 1..=25 {
        assert_eq!(
            backup_card(&backup, "Deck", &format!("c{i}")).unwrap()["reviews"],
            1
        );
    }
    // 25 goods in a row reach intervals past the calendar: check the SM-2 state only.
    assert_replays(&hot, Due::Unchecked);
}
