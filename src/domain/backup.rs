//! A whole collection as a backup holds it (`export --format json`), on
//! its way back in: what `import` reads from a backup file and storage
//! restores into an empty collection (docs/collection.md, "Restoring a
//! backup").

use chrono::NaiveDate;

use super::card::Card;
use super::review::Review;

/// Everything a backup gives back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Backup {
    /// Decks by name, each with its cards in file order.
    pub decks: Vec<BackupDeck>,
    /// The review log, oldest first. `deck_id` and `id` are unused: the
    /// deck is named, and the restore numbers the rows in log order.
    pub reviews: Vec<Review>,
    /// Each answer's sync identity (docs/sync.md), beside `reviews`; empty
    /// when the backup predates it.
    pub sync: Vec<ReviewSync>,
    /// Whether each answer's `was_new` and `sm2.repetition` come from
    /// the file (version 2); a version 1 backup lacks them, and the restore
    /// derives them from the log's order (docs/json-output.md).
    pub log_is_complete: bool,
    /// The stored settings, key and text value, by key.
    pub config: Vec<(String, String)>,
    /// Interview days by deck name.
    pub interviews: Vec<(String, NaiveDate)>,
}

/// What the log keeps of an answer for sync (schema v8, docs/sync.md):
/// the device and event number that name it everywhere, its sort key and
/// the scheduler's context. Each is absent when the collection never set it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewSync {
    pub device: Option<String>,
    pub seq: Option<i64>,
    pub sort_ms: Option<i64>,
    pub day: Option<NaiveDate>,
    pub fuzz: Option<bool>,
    pub interview_day: Option<NaiveDate>,
}

/// One deck of a backup. Its cards' `row_id` and `deck_id` are unused; a
/// cloze card's kind holds its note's text (empty when the backup lacks
/// it), and its sides are the ones it showed: the restore stores them
/// only when they differ from what its note's text gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BackupDeck {
    pub name: String,
    pub description: String,
    pub cards: Vec<Card>,
}
