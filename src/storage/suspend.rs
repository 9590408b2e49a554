//! Suspending cards (`rehearse suspend` / `unsuspend`, and suspended cards
//! of an Anki package): a suspended card keeps its schedule and history but
//! is never shown, due or new (docs/scheduling.md, "Suspended cards"). The
//! kept counts move it to a class of its own (src/storage/counts.rs).

use rusqlite::{OptionalExtension, Transaction, named_params};

use super::Collection;
use super::cards::card_from_row;
use super::counts::{self, Kept};
use super::sync::record;
use crate::domain::Card;
use crate::error::Result;
use crate::storage::CardFilter;
use crate::sync::event::ChangeKind;

/// Which cards to suspend or unsuspend.
#[derive(Debug, Clone, Copy)]
pub enum Selection<'a> {
    /// Cards by id; `deck` picks among decks that share an id.
    Ids {
        ids: &'a [String],
        deck: Option<&'a str>,
    },
    /// Every card of a deck, of a tag, or of a tag in a deck.
    Filter {
        deck: Option<&'a str>,
        tag: Option<&'a str>,
    },
}

/// What a suspend or unsuspend did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Suspension {
    /// Cards whose suspension changed.
    pub changed: usize,
    /// Cards selected that already were as asked.
    pub unchanged: usize,
}

impl Collection {
    /// Suspends (or, with `suspended` false, unsuspends) the selected cards
    /// in one transaction. Every id is found before anything is written: an
    /// unknown id or deck is an error and the collection stays as it was.
    pub fn set_suspended(
        &mut self,
        selection: Selection<'_>,
        suspended: bool,
    ) -> Result<Suspension> {
        let cards: Vec<Card> = match selection {
            Selection::Ids { ids, deck } => ids
                .iter()
                .map(|id| self.find_card(id, deck))
                .collect::<Result<_>>()?,
            Selection::Filter { deck, tag } => self.cards(&CardFilter {
                deck: deck.map(str::to_string),
                due_by: None,
                tag: tag.map(str::to_string),
            })?,
        };
        let tx = self.write()?;
        let mut out = Suspension::default();
        let mut seen = std::collections::HashSet::new();
        for card in cards {
            if !seen.insert(card.row_id) {
                continue;
            }
            // Read again inside the transaction: another process may have
            // answered or suspended it since.
            let Some(now) = load(&tx, card.row_id)? else {
                continue;
            };
            if set_card_suspended(&tx, &now, suspended)? {
                record::touch(&tx, ChangeKind::Suspend, &now.deck, now.id().as_str())?;
                out.changed += 1;
            } else {
                out.unchanged += 1;
            }
        }
        tx.commit()?;
        Ok(out)
    }
}

fn load(tx: &Transaction<'_>, row_id: i64) -> Result<Option<Card>> {
    Ok(tx
        .prepare_cached(include_str!("sql/card_by_row.sql"))?
        .query_row([row_id], card_from_row)
        .optional()?)
}

/// Sets one card's suspension and moves it between the kept counts;
/// whether it changed.
pub(super) fn set_card_suspended(
    tx: &Transaction<'_>,
    card: &Card,
    suspended: bool,
) -> Result<bool> {
    if card.suspended == suspended {
        return Ok(false);
    }
    tx.prepare_cached(include_str!("sql/card_set_suspended.sql"))?
        .execute(named_params! {":id": card.row_id, ":suspended": suspended})?;
    counts::card_moved(
        tx,
        card.deck_id,
        Kept::of(card.schedule, card.suspended),
        Kept::of(card.schedule, suspended),
    )?;
    Ok(true)
}
