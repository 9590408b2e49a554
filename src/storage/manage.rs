//! Managing the collection by hand (README.md, "Managing cards and
//! decks"): deleting cards, renaming and deleting decks, editing a note.
//! Each is one transaction.
//!
//! A deleted card's answers stay in the review log, as with `import
//! --prune`: stats keep counting them, and importing the card again brings
//! its schedule back. A deleted deck whose cards were ever answered keeps
//! its row for the log's sake (`reviews.deck_id` points at it) but is
//! listed nowhere: its id goes into the `deleted_decks` config row (a JSON
//! array), which the deck queries leave out. Importing a deck of that name
//! brings it back, with the history of the cards it has again.

use rusqlite::{OptionalExtension, Transaction, params};

use super::Collection;
use super::cards::Card;
use super::import::delete_cards;
use super::resolve::DeckRef;
use super::sync::record;
use crate::domain::NoteText;
use crate::domain::decks::{check_name, renamed, same_name};
use crate::error::{Error, Result};
use crate::sync::event::ChangeKind;

/// The config row listing the deleted decks kept for their log.
const DELETED_DECKS: &str = "deleted_decks";

/// One card `delete` removed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Deleted {
    pub deck: String,
    pub id: String,
    /// Its answers, which stay in the review log.
    pub answers: i64,
}

/// One deck `deck rename` renamed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DeckRename {
    pub from: String,
    pub to: String,
}

impl Collection {
    /// Removes `cards` (found with [`Collection::find_card`]); their
    /// answers stay in the log, and the collection is copied to
    /// `backups/` first.
    pub fn delete_cards(&mut self, cards: &[Card]) -> Result<Vec<Deleted>> {
        // A copy first, always (docs/collection.md, "Backups").
        if !cards.is_empty() {
            self.backup_before("delete")?;
        }
        let tx = self.write()?;
        let mut done = Vec::with_capacity(cards.len());
        for card in cards {
            if done
                .iter()
                .any(|d: &Deleted| d.deck == card.deck && d.id == card.id().as_str())
            {
                continue;
            }
            delete_cards(&tx, card.deck_id, &[card.id().to_string()])?;
            // Sync carries the card as deleted (docs/sync.md).
            record::touch(&tx, ChangeKind::Card, &card.deck, card.id().as_str())?;
            done.push(Deleted {
                deck: card.deck.clone(),
                id: card.id().to_string(),
                answers: card.reviews,
            });
        }
        tx.commit()?;
        Ok(done)
    }

    /// Renames deck `old` (any case) and its subdecks to `new`
    /// (`Old::Child` becomes `New::Child`). A name another deck has is
    /// refused. `remember` names decks (the starter decks) whose renaming
    /// is noted in the config row `remember_key`.
    pub fn rename_deck(
        &mut self,
        old: &str,
        new: &str,
        remember: (&str, &[String]),
    ) -> Result<Vec<DeckRename>> {
        check_name(new).map_err(|reason| Error::BadDeckName {
            name: new.to_string(),
            reason,
        })?;
        let root = self.resolve_deck_or_parent(old)?;
        let tree = self.deck_tree(&root)?;
        let renames: Vec<(DeckRef, String)> = tree
            .iter()
            .map(|d| (d.clone(), renamed(&d.name, &root, new)))
            .collect();
        let others: Vec<DeckRef> = self
            .decks()?
            .into_iter()
            .filter(|d| !tree.contains(d))
            .collect();
        for (i, (_, name)) in renames.iter().enumerate() {
            let taken = others.iter().any(|d| same_name(&d.name, name))
                || renames[..i].iter().any(|(_, n)| same_name(n, name));
            if taken {
                return Err(Error::DeckExists { name: name.clone() });
            }
        }
        let tx = self.write()?;
        // Two steps, so that names swapping within the tree never meet
        // the UNIQUE index halfway.
        for (deck, _) in &renames {
            let parked = format!("\u{1}renaming {}", deck.id);
            tx.execute(
                include_str!("sql/deck_rename.sql"),
                params![deck.id, parked],
            )?;
        }
        for (deck, name) in &renames {
            move_deleted_deck_aside(&tx, name)?;
            tx.execute(include_str!("sql/deck_rename.sql"), params![deck.id, name])?;
            // Sync names decks by name: the cards leave the old deck and
            // join the new one (docs/managing.md).
            for key in card_keys(&tx, deck.id)? {
                record::touch(&tx, ChangeKind::Card, &deck.name, &key)?;
                record::touch(&tx, ChangeKind::Card, name, &key)?;
            }
            record::touch(&tx, ChangeKind::Deck, name, "")?;
        }
        let (key, names) = remember;
        note_names(&tx, key, renames.iter().map(|(d, _)| &d.name), names)?;
        tx.commit()?;
        Ok(renames
            .into_iter()
            .map(|(d, to)| DeckRename { from: d.name, to })
            .collect())
    }

    /// Deck `name` exactly as stored: the one deck it names, or, when only
    /// subdecks carry it (`Jobs` for `Jobs::Offers`), the name as given.
    fn resolve_deck_or_parent(&self, name: &str) -> Result<String> {
        match self.resolve_deck(name) {
            Ok(deck) => Ok(deck.name),
            Err(Error::UnknownDeck { .. }) => {
                self.deck_tree(name)?;
                Ok(name.to_string())
            }
            Err(e) => Err(e),
        }
    }

    /// Deletes `decks` (a deck and its subdecks) with their cards; the
    /// answers stay in the log, and a deck that has some stays hidden
    /// (module docs). Returns how many cards went. `remember` as in
    /// [`Collection::rename_deck`].
    pub fn delete_decks(&mut self, decks: &[DeckRef], remember: (&str, &[String])) -> Result<i64> {
        // A copy first, always (docs/collection.md, "Backups").
        self.backup_before("deck-delete")?;
        let tx = self.write()?;
        let mut cards = 0;
        for deck in decks {
            let keys = card_keys(&tx, deck.id)?;
            cards += keys.len() as i64;
            delete_cards(&tx, deck.id, &keys)?;
            for key in &keys {
                record::touch(&tx, ChangeKind::Card, &deck.name, key)?;
            }
            tx.execute(include_str!("sql/interview_clear.sql"), [deck.id])?;
            tx.execute(include_str!("sql/deck_states_remove.sql"), [deck.id])?;
            let logged: bool =
                tx.query_row(include_str!("sql/deck_has_reviews.sql"), [deck.id], |r| {
                    r.get(0)
                })?;
            if logged {
                let mut hidden = deleted_decks(&tx)?;
                hidden.push(deck.id);
                set_deleted_decks(&tx, &hidden)?;
            } else {
                tx.execute(include_str!("sql/deck_remove.sql"), [deck.id])?;
            }
        }
        let (key, names) = remember;
        note_names(&tx, key, decks.iter().map(|d| &d.name), names)?;
        tx.commit()?;
        Ok(cards)
    }

    /// The names listed in config row `key` (one per line).
    pub fn noted_names(&self, key: &str) -> Result<Vec<String>> {
        let value: Option<String> = self
            .conn
            .query_row(include_str!("sql/config_get.sql"), [key], |r| r.get(0))
            .optional()?;
        Ok(value
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect())
    }

    /// Gives the note of `card` its new text: both sides of a basic card
    /// and its reverse, or a cloze note's text; the extra text and tags go
    /// to every card of the note. Schedules and history are untouched.
    /// Returns how many cards changed.
    pub fn edit_note(&mut self, card: &Card, note: &NoteText) -> Result<usize> {
        let tx = self.write()?;
        let cards: Vec<(i64, String, String)> = tx
            .prepare_cached(include_str!("sql/note_cards.sql"))?
            .query_map(params![card.deck_id, card.draft.note], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        // A card whose note id is not a prefix of its own id has no
        // siblings to find this way: it is edited alone.
        let cards = if cards.iter().any(|(row, _, _)| *row == card.row_id) {
            cards
        } else {
            vec![(
                card.row_id,
                card.draft.kind.name().to_string(),
                card.id().to_string(),
            )]
        };
        let tags = note.tags().join(" ");
        for (row, kind, key) in &cards {
            record::touch(&tx, ChangeKind::Card, &card.deck, key)?;
            match (note, kind.as_str()) {
                (NoteText::Basic { front, back, .. }, "reverse") => {
                    tx.execute(
                        include_str!("sql/card_edit.sql"),
                        params![row, back, front, note.extra(), tags],
                    )?;
                }
                (NoteText::Basic { front, back, .. }, _) => {
                    tx.execute(
                        include_str!("sql/card_edit.sql"),
                        params![row, front, back, note.extra(), tags],
                    )?;
                }
                (NoteText::Cloze { .. }, _) => {
                    tx.execute(
                        include_str!("sql/card_edit_shared.sql"),
                        params![row, note.extra(), tags],
                    )?;
                }
            }
        }
        if let NoteText::Cloze { text, .. } = note {
            tx.execute(
                include_str!("sql/cloze_note_upsert.sql"),
                params![card.deck_id, card.draft.note, text],
            )?;
        }
        tx.commit()?;
        Ok(cards.len())
    }

    /// The cloze numbers of the cards of `card`'s note.
    pub fn note_cloze_numbers(&self, card: &Card) -> Result<Vec<u32>> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/note_cards.sql"))?;
        let numbers = stmt
            .query_map(params![card.deck_id, card.draft.note], |r| {
                r.get::<_, Option<u32>>(2)
            })?
            .filter_map(|n| n.transpose())
            .collect::<rusqlite::Result<Vec<u32>>>()?;
        Ok(numbers)
    }
}

/// Every card id of deck `deck_id`.
fn card_keys(tx: &Transaction<'_>, deck_id: i64) -> Result<Vec<String>> {
    Ok(tx
        .prepare_cached(include_str!("sql/deck_card_keys.sql"))?
        .query_map([deck_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The ids of the deleted decks kept for their log.
fn deleted_decks(tx: &Transaction<'_>) -> Result<Vec<i64>> {
    let value: Option<String> = tx
        .query_row(include_str!("sql/config_get.sql"), [DELETED_DECKS], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(value
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

fn set_deleted_decks(tx: &Transaction<'_>, ids: &[i64]) -> Result<()> {
    let value = serde_json::to_string(ids).expect("ids as JSON");
    tx.execute(
        include_str!("sql/config_set.sql"),
        params![DELETED_DECKS, value],
    )?;
    Ok(())
}

/// A deleted deck comes back (an import of its name): listed again.
pub(super) fn undelete_deck(tx: &Transaction<'_>, deck_id: i64) -> Result<()> {
    let hidden = deleted_decks(tx)?;
    if hidden.contains(&deck_id) {
        let left: Vec<i64> = hidden.into_iter().filter(|id| *id != deck_id).collect();
        set_deleted_decks(tx, &left)?;
    }
    Ok(())
}

/// A deleted deck holding `name` gives it up to a renamed deck: it is
/// renamed `name (deleted N)`, so its log stays with it.
fn move_deleted_deck_aside(tx: &Transaction<'_>, name: &str) -> Result<()> {
    let holder: Option<i64> = tx
        .query_row(include_str!("sql/deck_by_name.sql"), [name], |r| r.get(0))
        .optional()?;
    if let Some(id) = holder {
        let aside = format!("{name} (deleted {id})");
        tx.execute(include_str!("sql/deck_rename.sql"), params![id, aside])?;
    }
    Ok(())
}

/// Adds to config row `key` those of `gone` that are in `names`.
fn note_names<'a>(
    tx: &Transaction<'_>,
    key: &str,
    gone: impl Iterator<Item = &'a String>,
    names: &[String],
) -> Result<()> {
    let noted: Vec<&String> = gone.filter(|n| names.contains(n)).collect();
    if noted.is_empty() {
        return Ok(());
    }
    let value: Option<String> = tx
        .query_row(include_str!("sql/config_get.sql"), [key], |r| r.get(0))
        .optional()?;
    let mut lines: Vec<String> = value
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect();
    for name in noted {
        if !lines.contains(name) {
            lines.push(name.clone());
        }
    }
    tx.execute(
        include_str!("sql/config_set.sql"),
        params![key, lines.join("\n")],
    )?;
    Ok(())
}
