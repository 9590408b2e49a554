//! Writing imported decks (docs/imports.md): identity is (deck, card id); new ids
//! are added, changed text is updated with schedule and history kept,
//! missing cards are reported (and removed with `prune`, their log kept).
//! One file is one transaction.

use rusqlite::{OptionalExtension, Transaction, named_params, params};

use super::Collection;
use super::counts::{self, Kept};
use super::import_history::HistoryCounts;
use super::reviews::restore_from_log;
use super::sync::record;
use crate::domain::cloze;
use crate::domain::{CardDraft, CardKind, DeckDraft, Histories, Maturity};
use crate::error::{Error, Result};
use crate::sync::event::ChangeKind;

/// The counts line of one deck of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportCounts {
    pub deck: String,
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub not_in_file: usize,
    /// Ids of the cards not in the file (removed when pruning).
    #[serde(skip)]
    pub missing: Vec<String>,
    /// What a package's scheduling and history did, when it was imported
    /// with them (docs/imports.md).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<HistoryCounts>,
}

/// A card of the deck as it was before this import.
struct Stored {
    row_id: i64,
    position: i64,
    front: String,
    back: String,
    extra: String,
    tags: String,
    note: String,
    kind: String,
    cloze_ord: Option<u32>,
}

/// The kind, cloze number and stored sides of a card. A cloze card's sides
/// are rendered from its note's text when read, which is stored once in
/// `cloze_notes` (schema v6): its row keeps them empty.
fn card_columns(card: &CardDraft) -> (&'static str, Option<u32>, &str, &str) {
    match &card.kind {
        CardKind::Basic => ("basic", None, &card.front, &card.back),
        CardKind::Reverse => ("reverse", None, &card.front, &card.back),
        CardKind::Cloze { ord, .. } => ("cloze", Some(*ord), "", ""),
    }
}

impl Stored {
    /// The sides the card showed: a cloze card's come from its note's text
    /// as it was before this import, unless it kept its own.
    fn sides(&self, sources: &foldhash::HashMap<String, String>) -> (String, String) {
        match (self.cloze_ord, sources.get(&self.note)) {
            (Some(ord), Some(source)) if self.kind == "cloze" && self.front.is_empty() => {
                (cloze::front(source, ord), cloze::plain(source))
            }
            _ => (self.front.clone(), self.back.clone()),
        }
    }
}

impl Collection {
    /// Imports the decks of one file in one transaction. `progress` is told
    /// how many cards are written so far.
    pub fn import_file(
        &mut self,
        decks: &[DeckDraft],
        prune: bool,
        progress: &dyn Fn(u64),
    ) -> Result<Vec<ImportCounts>> {
        self.import_writer(prune)?.write_all(decks, progress)
    }

    /// [`Collection::import_file`] for a package read with its scheduling:
    /// each card also gets its schedule, suspension and past answers from
    /// `histories` (docs/imports.md, "Scheduling and history").
    pub fn import_package(
        &mut self,
        decks: &[DeckDraft],
        histories: Histories,
        prune: bool,
        progress: &dyn Fn(u64),
    ) -> Result<Vec<ImportCounts>> {
        let mut writer = self.import_writer(prune)?;
        writer.histories = Some(histories);
        writer.write_all(decks, progress)
    }

    /// A writer for one file's decks, card by card, in one transaction:
    /// readers that stream (CSV) never hold the whole file in memory.
    /// Dropping it without [`ImportWriter::finish`] writes nothing.
    pub fn import_writer(&mut self, prune: bool) -> Result<ImportWriter<'_>> {
        // A prune that removes cards keeps a copy of the collection first
        // (docs/collection.md, "Backups"), made once a deck is found to
        // lack some: an import that prunes nothing copies nothing.
        let copy_before_prune = prune.then(|| self.backup_plan());
        // A big import touches index pages all over: with SQLite's default
        // 2 MB page cache they are spilled to the WAL and rewritten again and
        // again (a million writes for 100k cards). A larger cache for this
        // transaction keeps them in memory until the commit.
        self.conn
            .pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
        Ok(ImportWriter {
            tx: self.write()?,
            prune,
            copy_before_prune,
            deck: None,
            done: Vec::new(),
            histories: None,
        })
    }
}

impl Collection {
    /// Removes the cards `keys` of deck `name` in one transaction, their log
    /// kept: the prune of `import --prune` over several files, once every
    /// file has landed (see docs/imports.md).
    pub fn prune_cards(&mut self, name: &str, keys: &[String]) -> Result<()> {
        self.backup_before("prune")?;
        let tx = self.write()?;
        if let Some((deck_id, name)) = find_deck(&tx, name)? {
            delete_cards(&tx, deck_id, keys)?;
            for key in keys {
                record::touch(&tx, ChangeKind::Card, &name, key)?;
            }
        }
        tx.commit()?;
        Ok(())
    }
}

/// Deletes cards of a deck (their log stays), with the note text of cloze
/// notes left without a card, and moves them out of the state counts.
pub(super) fn delete_cards(tx: &Transaction<'_>, deck_id: i64, keys: &[String]) -> Result<()> {
    let mut delete = tx.prepare_cached(include_str!("sql/card_delete.sql"))?;
    for key in keys {
        let gone: Option<(bool, i64, bool)> = delete
            .query_row(params![deck_id, key], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some((learned, interval_days, suspended)) = gone {
            let kept = Kept::from_maturity(Maturity::of(learned, interval_days), suspended);
            counts::move_cards(tx, deck_id, Some(kept), None, 1)?;
        }
    }
    tx.prepare_cached(include_str!("sql/cloze_notes_orphaned_delete.sql"))?
        .execute([deck_id])?;
    Ok(())
}

impl crate::domain::CardSink for ImportWriter<'_> {
    fn begin_deck(&mut self, name: &str, description: &str) -> Result<()> {
        ImportWriter::begin_deck(self, name, description)
    }

    fn card(&mut self, card: CardDraft) -> Result<()> {
        ImportWriter::card(self, &card)
    }
}

/// Cloze cards no longer in the file keep the sides they showed: their
/// note's text may have changed under them (a number removed), and would
/// now show them with nothing hidden. Only such cards hold their own sides.
fn keep_sides(
    tx: &Transaction<'_>,
    missing: &foldhash::HashMap<String, Stored>,
    sources: &foldhash::HashMap<String, String>,
) -> Result<()> {
    let mut keep = tx.prepare_cached(include_str!("sql/card_keep_sides.sql"))?;
    for card in missing
        .values()
        .filter(|s| s.kind == "cloze" && s.front.is_empty())
    {
        let (front, back) = card.sides(sources);
        keep.execute(params![card.row_id, front, back])?;
    }
    Ok(())
}

/// The page cache of an import transaction, in KiB (SQLite's default: 2000).
const IMPORT_CACHE_KIB: i64 = 40 * 1024;

/// Writes imported cards into the open transaction of one file.
pub struct ImportWriter<'c> {
    tx: Transaction<'c>,
    prune: bool,
    /// The collection's file and day, until the copy before the first
    /// card pruned is made (storage/backup.rs).
    copy_before_prune: Option<(std::path::PathBuf, chrono::NaiveDate)>,
    deck: Option<DeckState>,
    done: Vec<ImportCounts>,
    /// A package's scheduling and history, by card id, when imported with
    /// them (see `import_history.rs`).
    histories: Option<Histories>,
}

/// The deck being written: what it held before, and what the file gave.
pub(super) struct DeckState {
    pub(super) id: i64,
    stored: foldhash::HashMap<String, Stored>,
    /// The text of each cloze note before this import, by note id.
    sources: foldhash::HashMap<String, String>,
    /// The cloze note whose text was written last: a note's cards come
    /// one after the other, and its text is written once.
    cloze_note: Option<String>,
    /// Ids with a history (pruned cards among them): re-adding them
    /// brings their history back.
    pub(super) logged: foldhash::HashSet<String>,
    position: i64,
    pub(super) counts: ImportCounts,
}

/// The id of deck `name`, created if the collection does not have it yet;
/// its description is updated to the file's. A deleted deck of that name
/// comes back (storage/manage.rs).
fn open_deck(tx: &Transaction<'_>, name: &str, description: &str) -> Result<(i64, String, bool)> {
    Ok(match find_deck(tx, name)? {
        Some((id, stored)) => {
            let described = tx
                .prepare_cached(include_str!("sql/deck_describe.sql"))?
                .execute(params![id, description])?;
            super::manage::undelete_deck(tx, id)?;
            (id, stored, described > 0)
        }
        None => {
            tx.prepare_cached(include_str!("sql/deck_insert.sql"))?
                .execute(params![name, description])?;
            (tx.last_insert_rowid(), name.to_string(), true)
        }
    })
}

/// The deck a file's deck `name` goes into: the one named exactly so
/// (deleted or not), else the one listed deck whose name differs only in
/// case (README.md: deck names match whatever their case).
fn find_deck(tx: &Transaction<'_>, name: &str) -> Result<Option<(i64, String)>> {
    let exact: Option<i64> = tx
        .prepare_cached(include_str!("sql/deck_by_name.sql"))?
        .query_row([name], |r| r.get(0))
        .optional()?;
    if let Some(id) = exact {
        return Ok(Some((id, name.to_string())));
    }
    let decks: Vec<(i64, String)> = tx
        .prepare_cached(include_str!("sql/decks_by_name.sql"))?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut same: Vec<(i64, String)> = decks
        .into_iter()
        .filter(|(_, n)| crate::domain::decks::same_name(n, name))
        .collect();
    Ok(match same.len() {
        1 => same.pop(),
        _ => None,
    })
}

/// What deck `id` holds before the import, by card id.
fn stored_cards(tx: &Transaction<'_>, id: i64) -> Result<foldhash::HashMap<String, Stored>> {
    let mut stmt = tx.prepare_cached(include_str!("sql/import_stored_cards.sql"))?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>("key")?,
            Stored {
                row_id: r.get("id")?,
                position: r.get("position")?,
                front: r.get("front")?,
                back: r.get("back")?,
                extra: r.get("extra")?,
                tags: r.get("tags")?,
                note: r.get("note")?,
                kind: r.get("kind")?,
                cloze_ord: r.get("cloze_ord")?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl DeckState {
    /// Loads what deck `id` holds before the import.
    fn load(
        tx: &Transaction<'_>,
        id: i64,
        name: &str,
        history: Option<HistoryCounts>,
    ) -> Result<DeckState> {
        let logged = tx
            .prepare_cached(include_str!("sql/import_logged_keys.sql"))?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let sources = tx
            .prepare_cached(include_str!("sql/cloze_notes_of_deck.sql"))?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(DeckState {
            id,
            stored: stored_cards(tx, id)?,
            sources,
            cloze_note: None,
            logged,
            position: 0,
            counts: ImportCounts {
                deck: name.to_string(),
                history,
                ..ImportCounts::default()
            },
        })
    }

    /// Writes a cloze note's text the first time one of its cards comes.
    fn write_cloze_note(&mut self, tx: &Transaction<'_>, card: &CardDraft) -> Result<()> {
        if let CardKind::Cloze { source, .. } = &card.kind
            && self.cloze_note.as_deref() != Some(card.note.as_str())
        {
            tx.prepare_cached(include_str!("sql/cloze_note_upsert.sql"))?
                .execute(params![self.id, card.note, source])?;
            self.cloze_note = Some(card.note.clone());
        }
        Ok(())
    }

    /// Updates a card the deck already had; counts it as updated when its
    /// text changed, unchanged otherwise (a move in the file is no change).
    fn update(&mut self, tx: &Transaction<'_>, old: Stored, row: &CardRow<'_>) -> Result<i64> {
        let card = row.card;
        let (old_front, old_back) = old.sides(&self.sources);
        let text_changed = old_front != card.front
            || old_back != card.back
            || old.extra != card.extra
            || old.tags != row.tags;
        let shape_changed = old.note != card.note
            || old.kind != row.kind
            || old.cloze_ord != row.cloze_ord
            || old.front != row.front
            || old.back != row.back
            || old.position != row.position;
        if text_changed || shape_changed {
            record::touch(tx, ChangeKind::Card, &self.counts.deck, card.id.as_str())?;
            tx.prepare_cached(include_str!("sql/import_card_update.sql"))?
                .execute(named_params! {
                    ":id": old.row_id,
                    ":note": card.note,
                    ":kind": row.kind,
                    ":cloze_ord": row.cloze_ord,
                    ":front": row.front,
                    ":back": row.back,
                    ":extra": card.extra,
                    ":tags": row.tags,
                    ":position": row.position,
                })?;
        }
        if text_changed {
            self.counts.updated += 1;
        } else {
            self.counts.unchanged += 1;
        }
        Ok(old.row_id)
    }

    /// Adds a card the deck did not have; one with a history (pruned
    /// before) gets its schedule back from the log.
    fn insert(&mut self, tx: &Transaction<'_>, row: &CardRow<'_>) -> Result<i64> {
        let card = row.card;
        let inserted = tx
            .prepare_cached(include_str!("sql/import_card_insert.sql"))?
            .execute(named_params! {
                ":deck_id": self.id,
                ":key": card.id,
                ":note": card.note,
                ":kind": row.kind,
                ":cloze_ord": row.cloze_ord,
                ":front": row.front,
                ":back": row.back,
                ":extra": card.extra,
                ":tags": row.tags,
                ":position": row.position,
            });
        // A second card with the same id meets the UNIQUE (deck_id, key)
        // index: the first one was inserted or updated already.
        inserted.map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::ConstraintViolation =>
            {
                Error::DuplicateCardId {
                    deck: self.counts.deck.clone(),
                    id: card.id.to_string(),
                }
            }
            other => Error::Sqlite(other),
        })?;
        let row_id = tx.last_insert_rowid();
        record::touch(tx, ChangeKind::Card, &self.counts.deck, card.id.as_str())?;
        if self.logged.contains(card.id.as_str()) {
            restore_from_log(tx, row_id)?;
        }
        self.counts.added += 1;
        Ok(row_id)
    }
}

/// A card as its row is written: the columns computed once.
struct CardRow<'a> {
    card: &'a CardDraft,
    kind: &'static str,
    cloze_ord: Option<u32>,
    front: &'a str,
    back: &'a str,
    tags: String,
    position: i64,
}

impl ImportWriter<'_> {
    /// Starts (or continues) writing deck `name`; a deck the collection
    /// does not have yet is created.
    pub fn begin_deck(&mut self, name: &str, description: &str) -> Result<()> {
        self.end_deck()?;
        // The deck as stored: a file's `jobs` may be the collection's `Jobs`.
        let (id, name, changed) = open_deck(&self.tx, name, description)?;
        if self.done.iter().any(|c| c.deck == name) {
            // Its cards would be taken for cards no longer in the file.
            return Err(Error::DeckTwiceInFile { deck: name });
        }
        if changed {
            record::touch(&self.tx, ChangeKind::Deck, &name, "")?;
        }
        let history = self.histories.as_ref().map(|_| HistoryCounts::default());
        self.deck = Some(DeckState::load(&self.tx, id, &name, history)?);
        Ok(())
    }

    /// Writes one card of the current deck, in file order.
    pub fn card(&mut self, card: &CardDraft) -> Result<()> {
        let tx = &self.tx;
        let Some(deck) = self.deck.as_mut() else {
            return Err(Error::CardBeforeDeck);
        };
        let (kind, cloze_ord, front, back) = card_columns(card);
        let row = CardRow {
            card,
            kind,
            cloze_ord,
            front,
            back,
            tags: card.tags.join(" "),
            position: deck.position,
        };
        deck.position += 1;
        deck.write_cloze_note(tx, card)?;
        // A new deck has nothing stored: no need to hash every id for it.
        let old = if deck.stored.is_empty() {
            None
        } else {
            deck.stored.remove(card.id.as_str())
        };
        let (row_id, fresh) = match old {
            Some(old) => (deck.update(tx, old, &row)?, false),
            None => (
                deck.insert(tx, &row)?,
                !deck.logged.contains(card.id.as_str()),
            ),
        };
        match self.histories.as_mut() {
            Some(histories) => {
                let history = histories.remove(card.id.as_str());
                deck.apply_history(tx, row_id, fresh, history)
            }
            None => Ok(()),
        }
    }

    /// Reports (and with prune removes) the current deck's cards the file
    /// did not have.
    fn end_deck(&mut self) -> Result<()> {
        let Some(deck) = self.deck.take() else {
            return Ok(());
        };
        let mut counts = deck.counts;
        // Every card inserted is new (restored ones were moved on from new
        // already): one update for the deck, not one per card.
        counts::move_cards(
            &self.tx,
            deck.id,
            None,
            Some(Kept::New),
            counts.added as i64,
        )?;
        let cloze_missing = deck.stored.values().any(|s| s.kind == "cloze");
        if cloze_missing && !self.prune {
            keep_sides(&self.tx, &deck.stored, &deck.sources)?;
        }
        let mut missing: Vec<(i64, String)> = deck
            .stored
            .into_iter()
            .map(|(key, s)| (s.position, key))
            .collect();
        missing.sort();
        counts.not_in_file = missing.len();
        counts.missing = missing.into_iter().map(|(_, key)| key).collect();
        if self.prune && !counts.missing.is_empty() {
            if let Some((path, today)) = self.copy_before_prune.take() {
                super::backup::copy_committed_before(&path, today, "prune")?;
            }
            delete_cards(&self.tx, deck.id, &counts.missing)?;
            for key in &counts.missing {
                record::touch(&self.tx, ChangeKind::Card, &counts.deck, key)?;
            }
        }
        self.done.push(counts);
        Ok(())
    }

    /// Writes whole decks, then finishes and commits the file.
    fn write_all(
        mut self,
        decks: &[DeckDraft],
        progress: &dyn Fn(u64),
    ) -> Result<Vec<ImportCounts>> {
        let mut done = 0u64;
        for deck in decks {
            self.begin_deck(&deck.name, &deck.description)?;
            for card in &deck.cards {
                self.card(card)?;
                done += 1;
                if done.is_multiple_of(1024) {
                    progress(done);
                }
            }
        }
        progress(done);
        self.finish()
    }

    /// Finishes the last deck and commits the file.
    pub fn finish(mut self) -> Result<Vec<ImportCounts>> {
        self.end_deck()?;
        self.tx.commit()?;
        Ok(self.done)
    }
}
