//! Tests of the cloze card's choice of phrase ([`super`]).

use super::*;
use crate::lesson::read::PieceKind;

fn spans(text: &str) -> Vec<String> {
    let s = Sent::new(text.into(), PieceKind::Para);
    noun_phrases(&s, &BTreeSet::new())
        .iter()
        .map(|p| s.text[p.start..p.end].to_string())
        .collect()
}

#[test]
fn a_cloze_hides_whole_phrases_only() {
    // a quantity, an example after "such as", part of a longer phrase
    let spans_of = spans("Steep the leaves for four minutes in water.");
    assert!(!spans_of.iter().any(|p| p.contains("four")), "{spans_of:?}");
    let spans_of = spans("Pick a hobby such as chess puzzles before bed.");
    assert!(
        !spans_of.iter().any(|p| p.contains("chess")),
        "{spans_of:?}"
    );
    let spans_of = spans("Teams with highly available systems sleep better at night.");
    assert!(
        !spans_of.iter().any(|p| p == "available systems"),
        "{spans_of:?}"
    );
    // a word opening a clause
    let spans_of = spans("A warm-up is essential whichever routines you follow afterwards.");
    assert!(
        !spans_of.iter().any(|p| p.contains("whichever")),
        "{spans_of:?}"
    );
    // praise or a figure of speech decorates its noun
    for praise in [
        "The archive is a wonderful resource.",
        "Each page is a shining gem.",
    ] {
        let spans_of = spans(praise);
        assert!(!spans_of.iter().any(|p| p.contains(' ')), "{spans_of:?}");
    }
}

#[test]
fn stories_and_pointers_give_no_cloze() {
    let s = Sent::new(
        "I spent three weeks writing interview notes by hand.".into(),
        PieceKind::Para,
    );
    assert!(s.personal && !clozable(&s));
    let s = Sent::new(
        "The following request asks the server for a fresh copy.".into(),
        PieceKind::Para,
    );
    assert!(s.pointer && !clozable(&s));
}

/// The phrases a cloze may hide in the sentence: whole, and in focus.
fn focused(text: &str) -> Vec<String> {
    let s = Sent::new(text.into(), PieceKind::Para);
    let focus = in_focus(&s);
    noun_phrases(&s, &BTreeSet::new())
        .iter()
        .filter(|p| focus(p))
        .map(|p| s.text[p.start..p.end].to_string())
        .collect()
}

#[test]
fn a_cloze_hides_what_completes_a_verb_in_the_main_clause() {
    // The complement of the verb carries the idea.
    let spans = focused("A full disk can become a silent outage for every service on the host.");
    assert!(spans.iter().any(|p| p == "silent outage"), "{spans:?}");
    // Deeper in the sentence, a phrase is a detail.
    assert!(!spans.iter().any(|p| p.contains("service")), "{spans:?}");
    // An opening condition sets the scene.
    let spans = focused("If the cache holds a stale copy, the server sends a fresh response.");
    assert!(!spans.iter().any(|p| p.contains("stale copy")), "{spans:?}");
    // What advice tells you to act on is the point card's, not a cloze's.
    let spans = focused("Send the hiring manager a short summary before noon.");
    assert!(spans.is_empty(), "{spans:?}");
    // A contrast sets its second half apart.
    let spans = focused("Interviewers judge your own choices, not your former team.");
    assert!(spans.iter().any(|p| p == "former team"), "{spans:?}");
    // The object of a verb of doing is a detail; so is the subject.
    let spans = focused("The daemon does the heavy lifting of building images.");
    assert!(spans.is_empty(), "{spans:?}");
    // What a pronoun or "there" is said to be needs what it stands for.
    let spans = focused("Even so, it is a personal project in the end.");
    assert!(spans.is_empty(), "{spans:?}");
    let spans = focused("There is lively debate over who merges the change.");
    assert!(spans.is_empty(), "{spans:?}");
    // A name is hidden whole or not at all.
    let spans = focused("The daemon is written in the Go programming language.");
    assert!(
        !spans.iter().any(|p| p == "programming language"),
        "{spans:?}"
    );
}

#[test]
pub(super) fn a_cloze_never_hides_a_list_item_a_fixed_phrase_or_a_heading_word() {
    let s = Sent::new(
        "Ask about salary, equity and bonus before you sign.".into(),
        PieceKind::Para,
    );
    let spans: Vec<&str> = noun_phrases(&s, &BTreeSet::new())
        .iter()
        .map(|p| &s.text[p.start..p.end])
        .collect();
    assert!(!spans.contains(&"equity"), "{spans:?}");
    let s = Sent::new(
        "Book the meeting room a week in advance.".into(),
        PieceKind::Para,
    );
    let spans: Vec<&str> = noun_phrases(&s, &BTreeSet::new())
        .iter()
        .map(|p| &s.text[p.start..p.end])
        .collect();
    assert!(!spans.contains(&"advance"), "{spans:?}");
    let heading: BTreeSet<String> = ["room".to_string()].into();
    let spans: Vec<&str> = noun_phrases(&s, &heading)
        .iter()
        .map(|p| &s.text[p.start..p.end])
        .collect();
    assert!(!spans.iter().any(|p| p.contains("room")), "{spans:?}");
}

#[test]
fn a_tip_whose_text_gives_no_card_is_clozed_from_its_label() {
    let deck = crate::lesson::generate(
        std::path::Path::new("lesson.md"),
        "# Giving feedback\n\nFeedback helps when it is kind.\n\n## With your team\n\n\
         - **Avoid selective ownership of code**\n  - \"Mine\", \"not mine\", \"yours\"\n\n\
         - **Explain your reasoning before you reject an idea**\n  - \"I would split this because it is long.\"\n",
    )
    .expect("a lesson");
    let clozes: Vec<String> = deck.cards.into_iter().filter_map(|c| c.cloze).collect();
    assert!(
        clozes.contains(
            &"Avoid {{c1::selective ownership}} of code: \"Mine\", \"not mine\", \"yours\""
                .to_string()
        ),
        "{clozes:?}"
    );
}

#[test]
fn a_general_place_is_no_phrase_to_hide() {
    let got = spans("Dinner and breakfast are fabulous places to get to know your team.");
    assert!(got.iter().all(|p| !p.contains("places")), "{got:?}");
}

#[test]
fn a_made_up_name_ends_on_no_verb() {
    assert_eq!(without_verb_end("Python 3 are".to_string()), "Python 3");
    assert_eq!(
        without_verb_end("release notes".to_string()),
        "release notes"
    );
}
