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
        err.contains("1 card of deck \"D\" is in none of the files and was removed: y"),
        "{err}"
    );
    let mut kept = ids(&env.run(&["cards", "--deck", "D"]).json());
    kept.sort();
    assert_eq!(kept, ["x", "z"]);
    // The per-deck counts followed the cards out.
    let out = env.run(&["check"]).ok();
    assert!(out.contains("all consistent"), "{out}");

    // A file that fails prunes nothing: its cards would all look missing.
    env.write("bad.csv", "only a front\n");
    let err = env
        .run(&["import", "--deck", "D", "--prune", "a.csv", "bad.csv"])
        .fails(1);
    assert!(
        err.contains("1 card of deck \"D\" is in none of the files and was kept: a file failed"),
        "{err}"
    );
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

/// A deck with one cloze note of `numbers` deletions, the note about
/// `size` bytes long.
fn cloze_deck(numbers: usize, size: usize) -> String {
    let mut text: Vec<String> = (1..=numbers)
        .map(|n| format!("{{{{c{n}::w{n}}}}}"))
        .collect();
    let filler = size.saturating_sub(text.iter().map(|w| w.len() + 1).sum());
    text.push("x".repeat(filler));
    format!(
        "name = \"Cloze\"\n\n[[cards]]\nid = \"long\"\ncloze = \"{}\"\n",
        text.join(" ")
    )
}

/// The bytes of the collection on disk: the file and its WAL.
fn collection_bytes(env: &Env) -> u64 {
    ["", "-wal"]
        .iter()
        .filter_map(|end| std::fs::metadata(format!("{}{end}", env.db.display())).ok())
        .map(|m| m.len())
        .sum()
}

/// Issue 14.6: each `cN` card stored the note's whole text again (and both
/// rendered sides), so 8,000 deletions in a 134 KB note took 3.7 GB. The
/// note's text is now stored once; the cards are rendered from it.
#[test]
fn cloze_cards_grow_quadratically() {
    let env = Env::new();
    env.write("d.toml", cloze_deck(deck::MAX_CLOZE_DELETIONS, 40_000));
    env.run(&["import", "d.toml"]).ok();
    // Before: 100 cards × 3 copies × 40 KB = 12 MB.
    let bytes = collection_bytes(&env);
    assert!(bytes < 2_000_000, "the collection takes {bytes} bytes");
    let card = env.card("long#c7");
    let front = card["front"].as_str().unwrap();
    assert!(front.starts_with("w1 w2 w3 w4 w5 w6 [...] w8"), "{front}");
    let back = card["back"].as_str().unwrap();
    assert!(back.starts_with("w1 w2 w3 w4 w5 w6 w7 w8"), "{back}");
    assert_eq!(card["kind"], "cloze", "{card}");
}

/// Issue 14.6: a note may have at most `MAX_CLOZE_DELETIONS` numbers; past
/// it the file is refused with its place, and nothing is imported.
#[test]
fn cloze_note_past_the_deletion_limit_is_refused() {
    let env = Env::new();
    env.write("d.toml", cloze_deck(deck::MAX_CLOZE_DELETIONS + 1, 0));
    let err = env.run(&["import", "d.toml"]).fails(1);
    common::assert_one_error(
        &err,
        &["d.toml:3:1: ", "101 deletion numbers", "at most 100"],
    );
    assert!(env.run(&["cards"]).json().as_array().unwrap().is_empty());
}

/// Issue 14.6: with the note's text stored once, cloze cards still keep
/// their identity, counts and schedule when their note changes, a card whose
/// number is gone keeps its sides, and pruning the note removes its text.
#[test]
fn cloze_notes_update_in_place_and_prune_with_their_cards() {
    let env = Env::new();
    let deck = |text: &str| format!("name = \"C\"\n\n[[cards]]\nid = \"n\"\ncloze = \"{text}\"\n");
    env.write("d.toml", deck("{{c1::a}} {{c2::b}} {{c3::c}}"));
    env.run(&["import", "d.toml"]).ok();
    env.at("2026-01-01T12:00:00Z", &["grade", "n#c2", "good"])
        .ok();
    // A new hint for c1 changes c1 only; c2 and c3 show the same sides.
    env.write("d.toml", deck("{{c1::a::hint}} {{c2::b}} {{c3::c}}"));
    let out = env.run(&["import", "d.toml"]).ok();
    assert!(out.contains("0 added, 1 updated, 2 unchanged"), "{out}");
    assert_eq!(env.card("n#c1")["front"], "[hint] b c");
    assert_eq!(env.card("n#c2")["front"], "a [...] c");
    assert_eq!(env.card("n#c2")["reviews"], 1);
    // Unchanged text: nothing to do.
    let out = env.run(&["import", "d.toml"]).ok();
    assert!(out.contains("0 updated, 3 unchanged"), "{out}");
    // A number gone from the text: its card, kept, shows what it showed.
    env.write("d.toml", deck("{{c1::a::hint}} {{c2::b}} c"));
    let out = env.run(&["import", "d.toml"]).ok();
    assert!(out.contains("2 unchanged, 1 not in file"), "{out}");
    assert_eq!(env.card("n#c3")["front"], "a b [...]");
    assert_eq!(env.card("n#c2")["front"], "a [...] c");
    // The note gone with --prune: its cards and text go; a note with the
    // same id comes back whole.
    env.write(
        "d.toml",
        "name = \"C\"\n\n[[cards]]\nid = \"b\"\nfront = \"f\"\nback = \"b\"\n",
    );
    env.run(&["import", "--prune", "d.toml"]).ok();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let notes: i64 = conn
        .query_row("SELECT count(*) FROM cloze_notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, 0);
    env.write("d.toml", deck("{{c1::x}} {{c2::y}}"));
    env.run(&["import", "d.toml"]).ok();
    assert_eq!(env.card("n#c2")["front"], "x [...]");
    assert_eq!(env.card("n#c2")["reviews"], 1, "the log brings it back");
}

/// Issue 14.6: a collection from before stored the note's text in each
/// cloze card; the upgrade keeps one copy per note and the same sides.
#[test]
fn collection_with_cloze_cards_upgrades_to_one_text_per_note() {
    let env = Env::new();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/collection-v1.db");
    std::fs::copy(&fixture, &env.db).unwrap();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute_batch(
        "INSERT INTO cards (deck_id, key, note, kind, cloze_ord, cloze_source, front, back, position)
         SELECT id, 'z#c' || n, 'z', 'cloze', n, 'one {{c1::two}} {{c2::three::hint}}',
                'old front', 'one two three', 100 + n
         FROM decks, (SELECT 1 AS n UNION SELECT 2) WHERE id = (SELECT min(id) FROM decks);",
    )
    .unwrap();
    drop(conn);
    assert_eq!(env.card("z#c1")["front"], "one [...] three");
    assert_eq!(env.card("z#c2")["front"], "one two [hint]");
    assert_eq!(env.card("z#c2")["back"], "one two three");
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    let stored: (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM cloze_notes),
                    (SELECT count(*) FROM cards WHERE kind = 'cloze' AND (cloze_source IS NOT NULL OR front <> ''))
             FROM cards WHERE kind = 'cloze' LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored, (1, 0), "one text, no copies in the cards");
}

/// Issue 14.9: `export --format toml` wrote ids with `#` (from a CSV `Id`
/// column: one of our CSV exports, or a user's own ids) that `import`
/// refuses. They are now escaped as Anki guids are, and the file imports
/// back to the same cards.
#[test]
fn export_toml_of_csv_ids_with_hash_imports_back() {
    // CSV imports now refuse such ids (above); a collection an older
    // rehearse filled may still hold them, so make one by hand.
    let env = Env::new();
    env.write(
        "ids.csv",
        "#separator:comma\n#columns:Id,Front,Back,Extra,Tags\n\
         ab,Front one,Back one,More,t1\nplain,P,Q,,\n",
    );
    env.run(&["import", "ids.csv"]).ok();
    let conn = rusqlite::Connection::open(&env.db).unwrap();
    conn.execute(
        "UPDATE cards SET key = 'a#b', note = 'a#b' WHERE key = 'ab'",
        [],
    )
    .unwrap();
    drop(conn);
    env.run(&["export", "--format", "toml", "-o", "out.toml"])
        .ok();
    let fresh = Env::new();
    std::fs::copy(env.path("out.toml"), fresh.path("out.toml")).unwrap();
    let out = fresh.run(&["import", "out.toml"]).ok();
    assert!(out.contains("2 added"), "{out}");
    let cards = fresh.run(&["cards"]).json();
    assert_eq!(common::ids(&cards), ["a%23b", "plain"]);
    assert_eq!(cards[0]["back"], "Back one\n\nMore");
    // Exported again, the deck is the same file.
    fresh
        .run(&["export", "--format", "toml", "-o", "again.toml"])
        .ok();
    assert_eq!(
        std::fs::read_to_string(fresh.path("again.toml")).unwrap(),
        std::fs::read_to_string(env.path("out.toml")).unwrap()
    );
}
