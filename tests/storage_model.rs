//! A model-based test of the collection (library level, on a temp file):
//! random sequences of imports and re-imports with edits (a front changed,
//! a card dropped, a card added, with or without `--prune`), answers (drills
//! too), undos and exports are run against `storage::Collection` and against
//! a plain in-memory model: which cards exist with what text, and the list of
//! answers given. After every step the collection must agree with the model:
//! no answer is ever lost (pruned cards included), every card's state is what
//! replaying its log gives, and `check` finds nothing.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rehearse::clock::Clock;
use rehearse::import::{CardDraft, CardId, CardKind, DeckDraft};
use rehearse::scheduler::Grade;
use rehearse::settings::Settings;
use rehearse::storage::{Answer, CardFilter, Collection, ReviewKind, Schedule};

const DECKS: [&str; 2] = ["alpha", "beta"];

#[derive(Debug, Clone)]
enum Step {
    /// Import the deck's current file, with or without `--prune`.
    Import { deck: usize, prune: bool },
    /// Edit the deck's file (not yet imported): change a card's front.
    ChangeFront { deck: usize, card: usize },
    /// Edit the deck's file: drop a card from it.
    DropCard { deck: usize, card: usize },
    /// Edit the deck's file: add a new card at the end.
    AddCard { deck: usize },
    /// Edit the deck's file: put back the card dropped last, text and id.
    RestoreCard { deck: usize },
    /// Answer one stored card, some days later.
    Grade {
        deck: usize,
        card: usize,
        grade: Grade,
        drill: bool,
        days_later: i64,
    },
    /// Take back the last answer of the collection.
    Undo,
    /// Read the whole collection as `export --format json` does.
    Export,
}

fn step() -> impl Strategy<Value = Step> {
    let deck = 0..DECKS.len();
    let grade = prop::sample::select(Grade::ALL.to_vec());
    prop_oneof![
        3 => (deck.clone(), any::<bool>()).prop_map(|(deck, prune)| Step::Import { deck, prune }),
        1 => (deck.clone(), 0..8usize).prop_map(|(deck, card)| Step::ChangeFront { deck, card }),
        1 => (deck.clone(), 0..8usize).prop_map(|(deck, card)| Step::DropCard { deck, card }),
        1 => deck.clone().prop_map(|deck| Step::AddCard { deck }),
        1 => deck.clone().prop_map(|deck| Step::RestoreCard { deck }),
        6 => (deck, 0..8usize, grade, prop::bool::weighted(0.2), 0..8i64).prop_map(
            |(deck, card, grade, drill, days_later)| Step::Grade { deck, card, grade, drill, days_later }
        ),
        2 => Just(Step::Undo),
        1 => Just(Step::Export),
    ]
}

/// One answer as the model remembers it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Logged {
    deck: String,
    card: String,
    quality: u8,
    kind: ReviewKind,
}

/// What the collection must hold.
#[derive(Default)]
struct Model {
    /// Each deck's file as it would be imported next: (id, front, back).
    files: Vec<Vec<(String, String, String)>>,
    /// Cards dropped from each deck's file, last dropped last.
    dropped: Vec<Vec<(String, String, String)>>,
    /// Cards in the collection: (deck, id) → (front, back).
    stored: BTreeMap<(String, String), (String, String)>,
    /// Every answer not taken back, oldest first.
    log: Vec<Logged>,
    next_card: usize,
}

impl Model {
    fn new() -> Model {
        let mut model = Model::default();
        for _ in DECKS {
            let cards = (0..3).map(|_| model.new_card()).collect();
            model.files.push(cards);
            model.dropped.push(Vec::new());
        }
        model
    }

    fn new_card(&mut self) -> (String, String, String) {
        self.next_card += 1;
        let n = self.next_card;
        (
            format!("c{n}"),
            format!("Question {n}?"),
            format!("Answer {n}."),
        )
    }

    fn draft(&self, deck: usize) -> DeckDraft {
        DeckDraft {
            name: DECKS[deck].to_string(),
            description: String::new(),
            cards: self.files[deck]
                .iter()
                .map(|(id, front, back)| CardDraft {
                    id: CardId(id.clone()),
                    note: id.clone(),
                    kind: CardKind::Basic,
                    front: front.clone(),
                    back: back.clone(),
                    extra: String::new(),
                    tags: Vec::new(),
                })
                .collect(),
        }
    }

    fn import(&mut self, deck: usize, prune: bool) {
        let name = DECKS[deck].to_string();
        if prune {
            self.stored.retain(|(d, id), _| {
                *d != name || self.files[deck].iter().any(|(fid, _, _)| fid == id)
            });
        }
        for (id, front, back) in &self.files[deck] {
            self.stored
                .insert((name.clone(), id.clone()), (front.clone(), back.clone()));
        }
    }

    /// Whether a card has a scheduled answer (so it may be drilled).
    fn learned(&self, deck: &str, card: &str) -> bool {
        self.log
            .iter()
            .any(|l| l.deck == deck && l.card == card && l.kind == ReviewKind::Review)
    }
}

fn clock(day: i64) -> Clock {
    let start = Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap();
    Clock::new(start + chrono::Duration::days(day), 4)
}

/// The collection agrees with the model, its states with its log, and
/// `check` with both.
fn assert_agrees(collection: &mut Collection, model: &Model) {
    let log: Vec<Logged> = collection
        .reviews(None)
        .unwrap()
        .into_iter()
        .map(|r| Logged {
            deck: r.deck,
            card: r.card,
            quality: r.quality,
            kind: r.kind,
        })
        .collect();
    assert_eq!(
        log, model.log,
        "the review log differs from the answers given"
    );

    let cards = collection.cards(&CardFilter::default()).unwrap();
    let stored: BTreeMap<(String, String), (String, String)> = cards
        .iter()
        .map(|c| {
            (
                (c.deck.clone(), c.id().to_string()),
                (c.draft.front.clone(), c.draft.back.clone()),
            )
        })
        .collect();
    assert_eq!(
        stored, model.stored,
        "the cards differ from the files imported"
    );

    for card in &cards {
        let replayed = collection.replay(card).unwrap();
        assert_eq!(card.schedule, replayed, "card `{}` vs its log", card.id());
        let answers = model
            .log
            .iter()
            .filter(|l| l.deck == card.deck && l.card == card.id().as_str())
            .count() as i64;
        assert_eq!(card.reviews, answers, "answer count of `{}`", card.id());
        assert_eq!(
            card.schedule == Schedule::New,
            !model.learned(&card.deck, card.id().as_str())
        );
    }
    let report = collection.check(false).unwrap();
    assert!(report.is_clean(), "check: {report:?}");
}

fn run(steps: &[Step], db: &Path) {
    let mut collection = Collection::open(db).unwrap();
    let settings = Settings::default();
    let mut model = Model::new();
    let mut day = 0;
    for step in steps {
        match *step {
            Step::Import { deck, prune } => {
                collection
                    .import_file(&[model.draft(deck)], prune, &|_| {})
                    .unwrap();
                model.import(deck, prune);
            }
            Step::ChangeFront { deck, card } => {
                let file = &mut model.files[deck];
                if !file.is_empty() {
                    let i = card % file.len();
                    file[i].1.push_str(" (edited)");
                }
            }
            Step::DropCard { deck, card } => {
                let file = &mut model.files[deck];
                if !file.is_empty() {
                    let gone = file.remove(card % file.len());
                    model.dropped[deck].push(gone);
                }
            }
            Step::RestoreCard { deck } => {
                if let Some(card) = model.dropped[deck].pop() {
                    model.files[deck].push(card);
                }
            }
            Step::AddCard { deck } => {
                let card = model.new_card();
                model.files[deck].push(card);
            }
            Step::Grade {
                deck,
                card,
                grade,
                drill,
                days_later,
            } => {
                let name = DECKS[deck];
                let ids: Vec<&String> = model
                    .stored
                    .keys()
                    .filter(|(d, _)| d == name)
                    .map(|(_, id)| id)
                    .collect();
                if ids.is_empty() {
                    continue;
                }
                let id = ids[card % ids.len()].clone();
                day += days_later;
                let found = collection.find_card(&id, Some(name)).unwrap();
                let kind = if drill {
                    ReviewKind::Drill
                } else {
                    ReviewKind::Review
                };
                let result = collection.answer(
                    found.row_id,
                    Answer::graded(grade, kind),
                    &clock(day),
                    &settings,
                );
                // A drill of a new card (cram) is logged and leaves it new.
                result.unwrap();
                model.log.push(Logged {
                    deck: name.to_string(),
                    card: id,
                    quality: grade.quality(),
                    kind,
                });
            }
            Step::Undo => match collection.undo() {
                Ok(undone) => {
                    let last = model.log.pop().expect("the model had an answer to undo");
                    assert_eq!(
                        (undone.review.deck, undone.review.card),
                        (last.deck, last.card)
                    );
                }
                Err(e) => {
                    assert!(model.log.is_empty(), "undo failed: {e}");
                }
            },
            Step::Export => {
                // What `export --format json` reads: every card and every answer.
                let cards = collection.cards(&CardFilter::default()).unwrap();
                let reviews = collection.reviews(None).unwrap();
                assert_eq!(cards.len(), model.stored.len());
                assert_eq!(reviews.len(), model.log.len());
            }
        }
        assert_agrees(&mut collection, &model);
    }
    // Reopening the file changes nothing.
    drop(collection);
    let mut collection = Collection::open(db).unwrap();
    assert_agrees(&mut collection, &model);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn collection_agrees_with_the_model(steps in prop::collection::vec(step(), 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        run(&steps, &dir.path().join("c.db"));
    }
}

/// A fixed sequence that walks through every rule at least once: answers
/// to a card survive its pruning, and re-adding it brings its state back.
#[test]
fn pruned_answers_stay_and_come_back_with_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let good = |card, days_later| Step::Grade {
        deck: 0,
        card,
        grade: Grade::Good,
        drill: false,
        days_later,
    };
    run(
        &[
            Step::Import {
                deck: 0,
                prune: false,
            },
            good(0, 0),
            good(0, 1),
            Step::Grade {
                deck: 0,
                card: 0,
                grade: Grade::Again,
                drill: true,
                days_later: 0,
            },
            good(1, 0),
            Step::DropCard { deck: 0, card: 0 },
            Step::Import {
                deck: 0,
                prune: true,
            },
            Step::Export,
            Step::AddCard { deck: 0 },
            Step::RestoreCard { deck: 0 },
            Step::ChangeFront { deck: 0, card: 0 },
            Step::Import {
                deck: 0,
                prune: false,
            },
            Step::Undo,
            Step::Undo,
            Step::Undo,
        ],
        &dir.path().join("c.db"),
    );
}
