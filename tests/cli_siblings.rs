//! Siblings in the review session (docs/review-session.md, "Siblings"):
//! cards of one note or lesson section never come one after the other;
//! once one is answered, the others wait for tomorrow (`bury_siblings`,
//! on by default), and every count of today leaves them out.

mod common;

use common::Env;

/// A deck whose file order puts siblings side by side: a reversed card,
/// a cloze note with three numbers, a lesson section's point and cloze,
/// and two plain cards.
fn deck() -> Env {
    let env = Env::new();
    env.write(
        "deck.toml",
        r#"name = "Deck"

[[cards]]
id = "pitch"
front = "Why you?"
back = "Because."
reverse = true

[[cards]]
id = "note"
cloze = "{{c1::One}}, {{c2::two}} and {{c3::three}}."

[[cards]]
id = "lesson/section/point"
front = "What is the point?"
back = "This."

[[cards]]
id = "lesson/section/cloze"
cloze = "The {{c1::point}} is this."

[[cards]]
id = "plain1"
front = "P1?"
back = "P1."

[[cards]]
id = "plain2"
front = "P2?"
back = "P2."
"#,
    );
    env.run(&["import", "deck.toml"]).ok();
    env
}

/// The ids of the cards a piped session showed, in order.
fn shown(out: &str) -> Vec<String> {
    out.lines()
        .filter(|l| l.starts_with('['))
        .map(|l| l.rsplit(" · ").next().unwrap().to_string())
        .collect()
}

fn siblings(a: &str, b: &str) -> bool {
    let note = |id: &str| {
        let id = id.split('#').next().unwrap();
        id.strip_prefix("lesson/section/")
            .map_or(id.to_string(), |_| "lesson/section".into())
    };
    a != b && note(a) == note(b)
}

#[test]
fn burying_shows_one_card_per_note_today_and_the_rest_tomorrow() {
    let env = deck();
    let out = env
        .at("2026-03-01", &["review"])
        .output_with_stdin(&"good\n".repeat(20));
    let today = shown(&out);
    assert_eq!(
        today,
        [
            "pitch",
            "note#c1",
            "lesson/section/point",
            "plain1",
            "plain2"
        ]
    );
    assert!(
        out.contains("4 cards buried until tomorrow: siblings of cards answered today"),
        "{out}"
    );
    // decks and a new session agree: nothing left today, 4 buried
    let decks = env.at("2026-03-01T18:00", &["decks"]).json();
    assert_eq!(decks[0]["new_today"], 0);
    assert_eq!(decks[0]["buried"], 4);
    let stats = env.at("2026-03-01T18:00", &["stats"]).json();
    assert_eq!(stats["new_today"], 0);
    let again = env
        .at("2026-03-01T18:00", &["review"])
        .output_with_stdin("");
    assert!(again.starts_with("nothing due now."), "{again}");
    assert!(again.contains("4 cards buried until tomorrow"), "{again}");
    // Tomorrow the five cards answered today are due, and answering them
    // buries their siblings again, as Anki does; the day after, with
    // those five scheduled days ahead, the siblings come.
    let out = env
        .at("2026-03-02", &["review"])
        .output_with_stdin(&"good\n".repeat(20));
    assert_eq!(shown(&out).len(), 5, "{out}");
    let out = env
        .at("2026-03-03", &["review"])
        .output_with_stdin(&"good\n".repeat(20));
    let later = shown(&out);
    assert_eq!(
        later,
        ["pitch#r", "note#c2", "lesson/section/cloze#c1"],
        "c2 buries c3"
    );
}

#[test]
fn with_burying_off_every_card_comes_but_never_next_to_a_sibling() {
    let env = deck();
    env.run(&["config", "bury_siblings", "off"]).ok();
    let out = env
        .at("2026-03-01", &["review"])
        .output_with_stdin(&"good\n".repeat(20));
    let order = shown(&out);
    assert_eq!(order.len(), 9, "{order:?}");
    for pair in order.windows(2) {
        // only the last cards, with nothing else left, may follow a sibling
        if siblings(&pair[0], &pair[1]) {
            let rest = &order[order.iter().position(|c| *c == pair[1]).unwrap()..];
            assert!(
                rest.iter().all(|c| siblings(c, &pair[0]) || c == &pair[0]),
                "{order:?}"
            );
        }
    }
    assert_eq!(&order[..4], ["pitch", "note#c1", "pitch#r", "note#c2"]);
    assert!(!out.contains("buried"), "{out}");
}

#[test]
fn an_answer_given_with_grade_buries_the_siblings_too() {
    let env = deck();
    env.at("2026-03-01", &["grade", "note#c2", "good"]).ok();
    let decks = env.at("2026-03-01", &["decks"]).json();
    assert_eq!(decks[0]["buried"], 2);
    assert_eq!(decks[0]["new_today"], 6);
    let out = env
        .at("2026-03-01", &["review"])
        .output_with_stdin(&"good\n".repeat(20));
    assert!(
        out.starts_with("today: 0 due · 6 new (2 buried until tomorrow)"),
        "{out}"
    );
    assert!(!shown(&out).iter().any(|c| c.starts_with("note#")), "{out}");
}

#[test]
fn a_drill_is_no_sibling_of_its_own_card() {
    let env = deck();
    env.run(&["config", "bury_siblings", "false"]).ok();
    let out = env
        .at("2026-03-01", &["review", "--limit", "2"])
        .output_with_stdin("again\ngood\ngood\n");
    assert_eq!(shown(&out), ["pitch", "pitch#r", "pitch (repeat)"]);
}

#[test]
fn a_buried_card_is_not_listed_as_due() {
    let env = deck();
    env.no_fuzz();
    env.at("2026-03-01", &["grade", "pitch", "good"]).ok();
    env.at("2026-03-01", &["grade", "pitch#r", "good"]).ok();
    let due = common::ids(&env.at("2026-03-02", &["cards", "--due"]).json());
    assert_eq!(due, ["pitch", "pitch#r"]);
    env.at("2026-03-02", &["grade", "pitch", "good"]).ok();
    let out = env.at("2026-03-02", &["cards", "--due"]).ok();
    assert!(out.starts_with("no cards due today"), "{out}");
    let decks = env.at("2026-03-02", &["decks"]).json();
    assert_eq!(
        (decks[0]["due"].clone(), decks[0]["buried"].clone()),
        (0.into(), 1.into())
    );
    // the day after, it is due again
    let due = common::ids(&env.at("2026-03-03", &["cards", "--due"]).json());
    assert_eq!(due, ["pitch#r"]);
}
