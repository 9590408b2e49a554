//! Regression tests, one per bug, named after it (ripgrep-style). Most come
//! from the fuzz targets in `tests/fuzz/`: the input that found the bug is
//! kept inline (or under `tests/fixtures/regressions/` when it is binary)
//! and the test states what must hold instead.

mod common;

use std::path::Path;

use common::{Env, assert_one_error, ids};
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

/// Issue 14.1: an HTML entity followed within a few bytes by a non-ASCII
/// character (`&mdash; café`) panicked in the HTML-to-text fast path, and
/// the files after the bad one on the command line were never imported.
#[test]
fn html_entity_before_non_ascii_text_does_not_crash_the_import() {
    let env = Env::new();
    env.write(
        "music.csv",
        "#html:true\nRock &amp; Roll &mdash; café,genre\n",
    );
    env.write("after.csv", "q,a\n");
    env.run(&["import", "music.csv", "after.csv"]).ok();
    let cards = env.run(&["cards", "--deck", "music"]).json();
    assert_eq!(cards[0]["front"], "Rock & Roll — café");
    assert_eq!(ids(&env.run(&["cards", "--deck", "after"]).json()), ["q"]);

    let package = env.anki_package(
        "japanese.apkg",
        "UPDATE notes SET flds = '&amp;日本語' || char(31) || 'Japanese' \
         WHERE guid = 'legacyBasic1';",
    );
    env.run(&["import", package.to_str().unwrap()]).ok();
    let card = env
        .run(&["card", "legacyBasic1", "--deck", "Interview::Legacy"])
        .json();
    assert_eq!(card["front"], "&日本語");
}

/// Issue 14.7: `import --deck D --prune a.csv b.csv` pruned per file, so
/// each file removed the cards of the files before it and only the last
/// file's cards stayed. A card is now pruned only when no file has it.
#[test]
fn prune_with_several_files_keeps_the_cards_of_every_file() {
    let env = Env::new();
    env.write("old.csv", "#columns:Id,Front,Back\nx,qx,ax\ny,qy,ay\n");
    env.run(&["import", "--deck", "D", "old.csv"]).ok();
    env.write("a.csv", "#columns:Id,Front,Back\nx,qx,ax\n");
    env.write("b.csv", "#columns:Id,Front,Back\nz,qz,az\n");
    let out = env
        .run(&["import", "--deck", "D", "--prune", "a.csv", "b.csv"])
        .output();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 card(s) of deck \"D\" are in none of the files and were removed: y"),
        "{err}"
    );
    let mut kept = ids(&env.run(&["cards", "--deck", "D"]).json());
    kept.sort();
    assert_eq!(kept, ["x", "z"]);

    // A file that fails prunes nothing: its cards would all look missing.
    env.write("bad.csv", "only a front\n");
    let err = env
        .run(&["import", "--deck", "D", "--prune", "a.csv", "bad.csv"])
        .fails(1);
    assert!(err.contains("were kept: a file failed"), "{err}");
    let mut kept = ids(&env.run(&["cards", "--deck", "D"]).json());
    kept.sort();
    assert_eq!(kept, ["x", "z"]);
}

/// Issue 14.9: a package deck with an empty name was imported as "", and
/// `export --format toml` then wrote a deck file that `import` refused.
#[test]
fn package_deck_with_an_empty_name_round_trips_through_toml() {
    let env = Env::new();
    let package = env.anki_package(
        "nameless.apkg",
        "UPDATE col SET decks = json_set(decks, '$.' || (SELECT did FROM cards LIMIT 1) || '.name', '');",
    );
    env.run(&["import", package.to_str().unwrap()]).ok();
    let exported = env.path("out");
    env.run(&["export", "-o", exported.to_str().unwrap()]).ok();
    let fresh = Env::new();
    for file in std::fs::read_dir(&exported).unwrap() {
        let file = file.unwrap().path();
        fresh.run(&["import", file.to_str().unwrap()]).ok();
    }
    assert_eq!(
        fresh.run(&["decks"]).json(),
        env.run(&["decks"]).json(),
        "the same decks after export and import"
    );
    let names: Vec<String> = env
        .run(&["decks"])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&"Default".to_string()), "{names:?}");
}

/// Issue 14.9: ids with `#` from a CSV `Id` column were stored as they
/// were, and `export --format toml` then wrote ids that `import` refused.
/// Our own card ids (`x#r`, `x#cN`) are taken as the cards they name; any
/// other `#` is refused with the rule deck files follow.
#[test]
fn csv_ids_with_hash_round_trip_through_toml_or_are_refused() {
    let env = Env::new();
    env.write(
        "own.csv",
        "#columns:Id,Front,Back,Extra,Tags,Cloze\n\
         w,chien,dog,,,\n\
         w#r,dog,chien,,,\n\
         c#c1,[...] is safe,Rust is safe,,,{{c1::Rust}} is safe\n",
    );
    env.run(&["import", "own.csv"]).ok();
    let toml = env.path("own.toml");
    env.run(&["export", "--deck", "own", "-o", toml.to_str().unwrap()])
        .ok();
    let fresh = Env::new();
    fresh.run(&["import", toml.to_str().unwrap()]).ok();
    let mut got = ids(&fresh.run(&["cards", "--deck", "own"]).json());
    got.sort();
    assert_eq!(got, ["c#c1", "w", "w#r"]);

    env.write("theirs.csv", "#columns:Id,Front,Back\na#b,q,a\n");
    let err = env.run(&["import", "theirs.csv"]).fails(1);
    assert_one_error(&err, &["theirs.csv:2", "id `a#b` contains `#`"]);
}
