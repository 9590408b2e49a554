//! Regression tests, one per bug, named after it (ripgrep-style). Most come
//! from the fuzz targets in `tests/fuzz/`: the input that found the bug is
//! kept inline (or under `tests/fixtures/regressions/` when it is binary)
//! and the test states what must hold instead.

use std::path::Path;

use rehearse::deck;

/// A deck as the TOML writer writes it back after `parse` (what `export
/// --format toml` does), parsed again.
fn round_trip(draft: &rehearse::import::DeckDraft) -> rehearse::import::DeckDraft {
    let file = deck::DeckFile {
        name: draft.name.clone(),
        description: draft.description.clone(),
        cards: deck::entries_from_cards(&draft.cards),
    };
    deck::parse(Path::new("export.toml"), &deck::write(&file)).unwrap()
}

/// The deck the lesson generator makes of `text`, written as TOML and read
/// back: it must parse, and describe the same cards it was written from.
fn lesson_deck_read_back(file: &str, text: &str) -> rehearse::import::DeckDraft {
    let deck = rehearse::lesson::generate(Path::new(file), text).unwrap();
    let written = deck::write(&deck);
    let draft =
        deck::parse(Path::new("l.toml"), &written).unwrap_or_else(|e| panic!("{e}\n{written}"));
    assert_eq!(
        deck::entries_from_cards(&draft.cards),
        deck.cards,
        "{written}"
    );
    draft
}

/// Fuzz (deck_toml): two cloze entries with the same `id` but different
/// cloze numbers made cards `x#c2` and `x#c1`, both of note `x`; export
/// merged them into one entry and the second card was lost on re-import.
#[test]
fn deck_entries_sharing_an_id_are_rejected() {
    let text = "name = \"d\"\n\
                [[cards]]\nid = \"x\"\ncloze = \"one {{c2::two}}\"\n\
                [[cards]]\nid = \"x\"\ncloze = \"three {{c1::four}}\"\n";
    let err = deck::parse(Path::new("d.toml"), text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "d.toml:5:1: id `x` is already used by the entry at line 2"
    );
    // A basic card and a cloze sharing an id are the same mistake.
    let text = "name = \"d\"\n\
                [[cards]]\nid = \"x\"\nfront = \"a\"\nback = \"b\"\n\
                [[cards]]\nid = \"x\"\ncloze = \"{{c1::c}}\"\n";
    let err = deck::parse(Path::new("d.toml"), text).unwrap_err();
    assert!(err.to_string().contains("id `x` is already used"), "{err}");
    // Distinct ids still round-trip through export.
    let text = "name = \"d\"\n\
                [[cards]]\nid = \"x\"\ncloze = \"one {{c2::two}}\"\n\
                [[cards]]\nid = \"y\"\ncloze = \"three {{c1::four}}\"\n";
    let draft = deck::parse(Path::new("d.toml"), text).unwrap();
    assert_eq!(draft.cards.len(), 2);
    assert_eq!(round_trip(&draft), draft);
}

/// Fuzz (lesson): a heading with no text once cleaned (`# .`) gave a point
/// card asking "What should you know about ?" and an overview card with an
/// empty back, which the deck reader refuses: `lesson --import` failed on
/// its own output. The section is now named from its text.
#[test]
fn lesson_heading_with_no_text_still_makes_an_importable_deck() {
    let text = "# Negotiating a Job Offer\n\n\
                An offer is, and a calm, well-prda reperequest rarely costs you!the job\n\
                # .\n#Research Your Market(Value\n\nBefore anx diEscussFive \n";
    let draft = lesson_deck_read_back("l.md", text);
    assert!(
        draft.cards.iter().all(|c| !c.front.contains(" ?")),
        "{:?}",
        draft.cards
    );
}

/// Fuzz (lesson): the same empty name through another door: a paragraph
/// whose first "sentence" is a lone `.` was headed by it.
#[test]
fn lesson_paragraph_opening_with_a_lone_period_still_makes_an_importable_deck() {
    let text = "# Negotiating a Job Offer\n.\n\
                An offe  risthe beginning of a conversation, not theTurn a Rejection Into Your Next Offer\n\n\
                A rejection email stings, and it is tempting to close it and never think about that \
                interview again. Yet the hours you spent preparing are onmplo yerW";
    let draft = lesson_deck_read_back("l.md", text);
    assert!(
        draft.cards.iter().all(|c| !c.front.contains(" ?")),
        "{:?}",
        draft.cards
    );
}

/// Fuzz (lesson): a first line of "." gave a deck with an empty name,
/// which the deck reader refuses. It is now an error naming the file.
#[test]
fn lesson_with_a_title_of_only_punctuation_is_an_error() {
    let err = rehearse::lesson::generate(Path::new("l.txt"), ".\nrTss").unwrap_err();
    assert_eq!(
        err.to_string(),
        "l.txt: the lesson has no title: its first line is only punctuation"
    );
}

/// Fuzz (lesson): headings of only punctuation (`?.`) made point cards
/// asking "?", and the second one " (part 2)?", whose leading space the
/// deck reader trims: the deck changed through write + parse. Such a
/// heading now names nothing, like an empty one.
#[test]
fn lesson_headings_of_only_punctuation_name_nothing() {
    let text = "~\n\n?.\n=\n\n?.\n=\n?.\n\nP";
    let draft = lesson_deck_read_back("l.md", text);
    assert!(
        draft
            .cards
            .iter()
            .all(|c| c.front.chars().any(char::is_alphanumeric)),
        "{:?}",
        draft.cards
    );
}
