//! The CSV/TSV and Anki package readers on real files: packages made by
//! genanki and by Anki's own exporter (tests/fixtures/anki/make_fixtures.py),
//! CSV/TSV files with Anki's header lines, and broken inputs that must give a
//! clear error naming the file.

mod common;

use std::cell::Cell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{fixture_path as fixture, package_entry as entry_of, write_package, write_zip};

use rehearse::import::{
    CardDraft, CardKind, DeckDraft, NoProgress, Progress, ReadOutcome, apkg, csv,
};

fn package(name: &str) -> ReadOutcome {
    apkg::read(&fixture(&format!("anki/{name}")), &NoProgress).unwrap()
}

fn deck<'a>(outcome: &'a ReadOutcome, name: &str) -> &'a DeckDraft {
    outcome
        .decks
        .iter()
        .find(|d| d.name == name)
        .unwrap_or_else(|| panic!("no deck {name} in {:?}", deck_names(outcome)))
}

fn deck_names(outcome: &ReadOutcome) -> Vec<&str> {
    outcome.decks.iter().map(|d| d.name.as_str()).collect()
}

fn card<'a>(deck: &'a DeckDraft, front: &str) -> &'a CardDraft {
    deck.cards
        .iter()
        .find(|c| c.front == front)
        .unwrap_or_else(|| panic!("no card {front:?} in {}", deck.name))
}

/// (deck, id, front, back, extra, tags) of every card.
fn all_cards(outcome: &ReadOutcome) -> BTreeSet<(String, String, String, String, String, String)> {
    outcome
        .decks
        .iter()
        .flat_map(|d| {
            d.cards.iter().map(|c| {
                (
                    d.name.clone(),
                    c.id.to_string(),
                    c.front.clone(),
                    c.back.clone(),
                    c.extra.clone(),
                    c.tags.join(" "),
                )
            })
        })
        .collect()
}

const MEDIA_NOTICE: &str = "skipped 1 media file (images and sounds are not supported)";

#[test]
fn legacy_genanki_package_reads_all_note_types() {
    let outcome = package("legacy.apkg");
    assert_eq!(deck_names(&outcome), ["Interview::Legacy", "Second deck"]);
    assert!(outcome.notices.is_empty(), "{:?}", outcome.notices);
    let legacy = deck(&outcome, "Interview::Legacy");
    let ids: Vec<&str> = legacy.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "legacyBasic1",
            "legacyRev1",
            "legacyRev1#r",
            "legacyCloze1#c1",
            "legacyCloze1#c2",
            "legacyVocab1",
        ]
    );
    let basic = card(legacy, "What is SM-2?");
    assert_eq!(basic.back, "A scheduling algorithm & more");
    assert_eq!(basic.tags, ["srs"]);
    assert_eq!(basic.kind, CardKind::Basic);
    let reverse = card(legacy, "dog");
    assert_eq!(reverse.kind, CardKind::Reverse);
    assert_eq!(reverse.back, "chien");
    assert_eq!(reverse.note, "legacyRev1");
    assert_eq!(reverse.tags, ["french", "animals"]);
    let c2 = &legacy.cards[4];
    assert_eq!(c2.front, "The capital of France is Paris, of Italy [city].");
    assert_eq!(c2.back, "The capital of France is Paris, of Italy Rome.");
    assert_eq!(c2.extra, "Europe");
    assert_eq!(
        c2.kind,
        CardKind::Cloze {
            ord: 2,
            source: "The capital of France is {{c1::Paris}}, of Italy {{c2::Rome::city}}.".into()
        }
    );
    // A note type of our own with two templates: one card, by its first two fields.
    let vocab = card(legacy, "ubiquitous");
    assert_eq!(vocab.back, "found everywhere");
    assert_eq!(
        legacy
            .cards
            .iter()
            .filter(|c| c.note == "legacyVocab1")
            .count(),
        1
    );
    assert_eq!(deck(&outcome, "Second deck").cards.len(), 1);
}

#[test]
fn modern_package_reads_anki21b_not_the_stub() {
    let outcome = package("modern.apkg");
    assert_eq!(deck_names(&outcome), ["Parent", "Parent::Child"]);
    assert_eq!(outcome.notices, [MEDIA_NOTICE]);
    let cards = all_cards(&outcome);
    assert_eq!(cards.len(), 9, "{cards:#?}");
    assert!(
        cards.iter().all(|c| !c.2.contains("update")),
        "the stub was read"
    );

    let child = deck(&outcome, "Parent::Child");
    let sm2 = card(child, "What does SM-2 schedule?\nExplain");
    assert_eq!(sm2.back, "Reviews & intervals");
    assert_eq!(sm2.tags, ["srs"]);
    let habits = card(child, "Name three habits");
    assert_eq!(
        habits.back, "- sleep\n- read\n- review",
        "list kept, sound dropped"
    );
    let c1 = card(child, "[...] was first released in 2015.");
    let c2 = card(child, "Rust was first released in [year].");
    assert_eq!(c1.back, "Rust was first released in 2015.");
    assert_eq!(c1.extra, "Stable 1.0");
    assert_eq!(c1.tags, ["history"]);
    assert_eq!(c1.note, c2.note);
    assert_eq!(c1.id.as_str(), format!("{}#c1", c1.note));
    assert_eq!(c2.id.as_str(), format!("{}#c2", c2.note));

    let parent = deck(&outcome, "Parent");
    let chien = card(parent, "chien");
    let dog = card(parent, "dog");
    assert_eq!(
        (chien.kind.clone(), dog.kind.clone()),
        (CardKind::Basic, CardKind::Reverse)
    );
    assert_eq!(dog.id.as_str(), format!("{}#r", chien.id));
    // Optional reversed: a reverse card only where "Add Reverse" was filled.
    assert_eq!(
        parent.cards.iter().filter(|c| c.front == "single").count(),
        0
    );
    assert_eq!(card(parent, "double").back, "both ways");
    // No card id holds a `#` other than its own suffix (guids may contain one).
    for (_, id, ..) in &cards {
        let base = id.split_once('#').map_or(id.as_str(), |(b, _)| b);
        assert!(!base.contains('#'), "{id}");
    }
}

#[test]
fn the_three_collection_formats_agree() {
    // Same notes exported as anki21b (modern) and as anki21 (legacy=True).
    assert_eq!(
        all_cards(&package("modern.apkg")),
        all_cards(&package("legacy21.apkg"))
    );
    // The .colpkg is the whole collection after the update.
    assert_eq!(
        all_cards(&package("modern.colpkg")),
        all_cards(&package("modern_updated.apkg"))
    );
}

#[test]
fn updated_package_keeps_ids_changes_one_text_adds_one_note() {
    let before = all_cards(&package("modern.apkg"));
    let after = all_cards(&package("modern_updated.apkg"));
    let ids = |cards: &BTreeSet<(String, String, String, String, String, String)>| {
        cards
            .iter()
            .map(|c| (c.0.clone(), c.1.clone()))
            .collect::<BTreeSet<_>>()
    };
    let (ids_before, ids_after) = (ids(&before), ids(&after));
    assert!(ids_before.is_subset(&ids_after));
    let added: Vec<_> = ids_after.difference(&ids_before).collect();
    assert_eq!(added.len(), 1, "{added:?}");
    let mut changed: Vec<_> = after.difference(&before).map(|c| c.2.as_str()).collect();
    changed.sort_unstable();
    assert_eq!(changed, ["A new question", "chien", "dog (the animal)"]);
}

#[test]
fn anki_text_export_gives_the_same_cards_as_the_package() {
    let from_csv = csv::read(&fixture("anki/anki_export.txt"), b'\t', None, &NoProgress).unwrap();
    assert_eq!(from_csv.name, "anki_export");
    let from_csv: BTreeSet<_> = from_csv
        .cards
        .iter()
        .map(|c| {
            (
                c.id.to_string(),
                c.front.clone(),
                c.back.clone(),
                c.extra.clone(),
            )
        })
        .collect();
    let from_package: BTreeSet<_> = all_cards(&package("modern.apkg"))
        .into_iter()
        .map(|c| (c.1, c.2, c.3, c.4))
        .collect();
    assert_eq!(from_csv, from_package);
}

#[test]
fn plain_csv_fixture() {
    let deck = csv::read(&fixture("csv/plain.csv"), b',', None, &NoProgress).unwrap();
    assert_eq!(deck.name, "plain");
    let rows: Vec<(&str, &str, &str, String)> = deck
        .cards
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.front.as_str(),
                c.back.as_str(),
                c.tags.join(" "),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (
                "what-is-sm-2",
                "What is SM-2?",
                "A spaced-repetition scheduler",
                "srs algorithms".to_string()
            ),
            (
                "two-line-front",
                "Two\nline front",
                "Back with \"quotes\", and a comma",
                String::new()
            ),
            (
                "why-review-daily",
                "Why review daily?",
                "Short sessions beat cramming",
                "habits".to_string()
            ),
        ]
    );
    let again = csv::read(&fixture("csv/plain.csv"), b',', Some("Chosen"), &NoProgress).unwrap();
    assert_eq!(again.name, "Chosen");
    assert_eq!(again.cards, deck.cards, "re-reading gives the same ids");
}

#[test]
fn tsv_fixture_with_every_header() {
    // The default separator is wrong on purpose: `#separator:Tab` wins.
    let deck = csv::read(&fixture("csv/headers.tsv"), b',', None, &NoProgress).unwrap();
    assert_eq!(deck.name, "Interview::HTML");
    assert_eq!(deck.cards.len(), 2);
    assert_eq!(deck.cards[0].front, "Name two habits");
    assert_eq!(deck.cards[0].back, "- sleep\n- read & review");
    assert_eq!(deck.cards[0].tags, ["html", "lists"]);
    assert_eq!(deck.cards[1].front, "Line\nbreak");
    assert_eq!(deck.cards[1].back, "A B");
    assert!(deck.cards[1].tags.is_empty());
}

#[test]
fn csv_export_reads_back_with_the_same_cards() {
    let outcome = package("modern.apkg");
    let dir = tempfile::tempdir().unwrap();
    for original in &outcome.decks {
        let path = dir.path().join("export.csv");
        std::fs::write(
            &path,
            rehearse::export::csv::write(&original.name, &original.cards),
        )
        .unwrap();
        let back = csv::read(&path, b',', None, &NoProgress).unwrap();
        assert_eq!(back.name, original.name);
        // What a card shows (its kind is not in the CSV).
        let shown = |deck: &DeckDraft| -> Vec<_> {
            deck.cards
                .iter()
                .map(|c| {
                    (
                        c.id.clone(),
                        c.front.clone(),
                        c.back.clone(),
                        c.extra.clone(),
                        c.tags.clone(),
                    )
                })
                .collect()
        };
        assert_eq!(shown(&back), shown(original));
    }
}

#[derive(Default)]
struct Recorder {
    total: Cell<u64>,
    done: Cell<u64>,
}

impl Progress for Recorder {
    fn set_total(&self, total: u64) {
        self.total.set(total);
    }
    fn set_done(&self, done: u64) {
        assert!(
            done <= self.total.get(),
            "done {done} > total {}",
            self.total.get()
        );
        self.done.set(done);
    }
}

#[test]
fn progress_reaches_the_total() {
    let recorder = Recorder::default();
    csv::read(&fixture("csv/plain.csv"), b',', None, &recorder).unwrap();
    assert!(recorder.total.get() > 0);
    assert_eq!(recorder.done.get(), recorder.total.get());
    let recorder = Recorder::default();
    apkg::read(&fixture("anki/modern.apkg"), &recorder).unwrap();
    assert_eq!(recorder.total.get(), 9, "cards in the collection");
    assert_eq!(recorder.done.get(), 9);
}

// ---- broken inputs: each a clear error naming the file ----

/// A folder with files made by the test.
struct Scratch(tempfile::TempDir);

impl Scratch {
    fn new() -> Scratch {
        Scratch(tempfile::tempdir().unwrap())
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// A zip of (name, bytes, deflated?) entries.
    fn zip(&self, name: &str, entries: &[(&str, &[u8], bool)]) -> PathBuf {
        let path = self.0.path().join(name);
        write_zip(&path, entries);
        path
    }

    /// A package whose `collection.anki2` is the SQLite file `start`
    /// (empty: a new one) after `sql` ran on it.
    fn package_with(&self, name: &str, start: &[u8], sql: &str) -> PathBuf {
        write_package(&self.0.path().join(name), start, sql)
    }
}

fn apkg_error(path: &Path) -> String {
    let message = apkg::read(path, &NoProgress).unwrap_err().to_string();
    assert!(
        message.starts_with(&format!("{}: ", path.display())),
        "error does not name the file: {message}"
    );
    message
}

#[test]
fn zstd_bomb_is_refused() {
    let scratch = Scratch::new();
    let zeros = vec![0u8; 48 << 20];
    let bomb = zstd::encode_all(&zeros[..], 19).unwrap();
    drop(zeros);
    assert!(bomb.len() < 64 << 10);
    let path = scratch.zip("bomb.apkg", &[("collection.anki21b", &bomb, false)]);
    let message = apkg_error(&path);
    assert!(message.contains("zip bomb"), "{message}");
}

#[test]
fn deflate_bomb_is_refused_past_the_size_limit() {
    let scratch = Scratch::new();
    let zeros = vec![0u8; 4 << 20];
    let path = scratch.zip("bomb.colpkg", &[("collection.anki2", &zeros, true)]);
    let limits = apkg::Limits {
        max_collection_bytes: 1 << 20,
        ..apkg::Limits::default()
    };
    let message = apkg::read_with_limits(&path, &NoProgress, &limits)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("zip bomb"), "{message}");
}

#[test]
fn truncated_and_damaged_zips_are_errors() {
    let scratch = Scratch::new();
    let whole = std::fs::read(fixture("anki/modern.apkg")).unwrap();
    let path = scratch.file("half.apkg", &whole[..whole.len() / 2]);
    let message = apkg_error(&path);
    assert!(
        message.contains("not a zip archive, or it is truncated"),
        "{message}"
    );

    // Central directory intact, collection bytes overwritten.
    let mut damaged = whole.clone();
    let at = damaged
        .windows(18)
        .position(|w| w == b"collection.anki21b")
        .unwrap();
    for b in &mut damaged[at + 40..at + 400] {
        *b = 0x55;
    }
    let path = scratch.file("damaged.apkg", &damaged);
    let message = apkg_error(&path);
    assert!(
        message.contains("damaged") || message.contains("not a readable"),
        "{message}"
    );
}

#[test]
fn zip_without_collection_is_an_error() {
    let scratch = Scratch::new();
    let path = scratch.zip(
        "media-only.apkg",
        &[("media", b"{}", true), ("0", b"png", false)],
    );
    assert!(apkg_error(&path).contains("no collection inside"));
}

#[test]
fn random_bytes_and_csv_named_apkg_are_errors() {
    let scratch = Scratch::new();
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    let path = scratch.file("noise.apkg", &noise);
    assert!(apkg_error(&path).contains("not a zip archive"));
    let path = scratch.file("cards.apkg", b"front,back\nq,a\n");
    assert!(apkg_error(&path).contains("not an Anki package"));
    let path = scratch.file("empty.apkg", b"");
    assert!(apkg_error(&path).contains("not a zip archive"));
    // A zip whose collection is not SQLite, or SQLite but not Anki.
    let path = scratch.zip("junk.apkg", &[("collection.anki2", &noise, true)]);
    assert!(apkg_error(&path).contains("not a readable Anki database"));
    let path = scratch.package_with(
        "other.apkg",
        b"",
        "CREATE TABLE t (x); INSERT INTO t VALUES (1);",
    );
    assert!(apkg_error(&path).contains("not a readable Anki database"));
    // Missing file and folder.
    assert!(apkg_error(&scratch.0.path().join("missing.apkg")).contains("no such file"));
    assert!(apkg_error(scratch.0.path()).contains("directory"));
}

#[test]
fn the_stub_alone_is_not_imported() {
    let scratch = Scratch::new();
    let stub = entry_of("modern.apkg", "collection.anki2");
    let path = scratch.zip("stub.apkg", &[("collection.anki2", &stub, true)]);
    assert!(apkg_error(&path).contains("placeholder"));
}

#[test]
fn a_package_without_usable_cards_is_an_error() {
    let scratch = Scratch::new();
    let path = scratch.package_with(
        "images.apkg",
        &entry_of("legacy.apkg", "collection.anki2"),
        "UPDATE notes SET flds = '<img src=\"a.png\">' || char(31) || 'back';",
    );
    let message = apkg_error(&path);
    assert!(message.contains("no cards"), "{message}");
    assert!(message.contains("with an empty side"), "{message}");
}

#[test]
fn invalid_utf8_in_a_note_is_an_error() {
    let scratch = Scratch::new();
    let path = scratch.package_with(
        "bad-text.apkg",
        &entry_of("legacy.apkg", "collection.anki2"),
        "UPDATE notes SET flds = CAST(X'C328' AS TEXT) WHERE guid = 'legacyBasic1';",
    );
    let message = apkg_error(&path);
    assert!(message.contains("not valid UTF-8"), "{message}");
}

#[test]
fn broken_csv_files_name_file_and_line() {
    let scratch = Scratch::new();
    let path = scratch.file("latin1.csv", b"q,a\nr,b\ncaf\xe9,coffee\n");
    let message = csv::read(&path, b',', None, &NoProgress)
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        format!("{}:3: not valid UTF-8 text", path.display())
    );

    let path = scratch.file("short.tsv", b"#html:false\nq\ta\nonly front\n");
    let message = csv::read(&path, b'\t', None, &NoProgress)
        .unwrap_err()
        .to_string();
    assert_eq!(
        message,
        format!(
            "{}:3: row has 1 field, expected front and back",
            path.display()
        )
    );

    let path = scratch.file("empty.csv", b"\n\n");
    let message = csv::read(&path, b',', None, &NoProgress)
        .unwrap_err()
        .to_string();
    assert!(
        message.starts_with(&format!("{}: no cards", path.display())),
        "{message}"
    );

    let path = scratch.file("blank-back.csv", b"q,a\nr,  \n");
    let message = csv::read(&path, b',', None, &NoProgress)
        .unwrap_err()
        .to_string();
    assert_eq!(message, format!("{}:2: `back` is empty", path.display()));

    let path = scratch.file("missing.csv", b"");
    std::fs::remove_file(&path).unwrap();
    let message = csv::read(&path, b',', None, &NoProgress)
        .unwrap_err()
        .to_string();
    assert!(message.contains("no such file"), "{message}");
}
