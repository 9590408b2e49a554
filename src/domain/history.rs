//! A card's schedule and past answers as another program kept them (an
//! Anki package exported with its scheduling): what an import writes
//! beside the card (docs/imports.md, "Scheduling and history").

use std::collections::HashMap;

use super::review::{Review, ReviewKind};
use super::state::Schedule;

/// Where a card stood in the program it comes from, and its answers there.
#[derive(Debug, Clone, PartialEq)]
pub struct CardHistory {
    /// New, or learned with its SM-2 state and due day. A learned card has
    /// at least one answer of kind `Review`, and the last one stores this
    /// state: replay ends on it (see [`Review::is_imported_seed`]).
    pub schedule: Schedule,
    pub suspended: bool,
    /// Oldest first, each with its `origin`; storage fills in the deck and
    /// card they belong to.
    pub answers: Vec<Review>,
}

impl CardHistory {
    /// Whether the invariant of [`CardHistory::schedule`] holds.
    pub fn is_consistent(&self) -> bool {
        match self.schedule {
            Schedule::New => self.answers.iter().all(|a| a.kind == ReviewKind::Drill),
            Schedule::Learned { sm2, due } => self
                .answers
                .iter()
                .rev()
                .find(|a| a.kind == ReviewKind::Review)
                .is_some_and(|a| a.sm2 == sm2 && a.due == due && a.is_imported_seed()),
        }
    }
}

/// Histories by card id, for the cards of one file.
pub type Histories = HashMap<String, CardHistory>;
