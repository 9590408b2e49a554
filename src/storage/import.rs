//! Writing imported decks (docs/imports.md): identity is (deck, card id); new ids
//! are added, changed text is updated with schedule and history kept,
//! missing cards are reported (and removed with `prune`, their log kept).
//! One file is one transaction.

use rusqlite::{OptionalExtension, Transaction, params};

use super::Collection;
use super::counts;
use super::reviews::restore_from_log;
use crate::deck::cloze;
use crate::domain::{CardDraft, CardKind, DeckDraft, Maturity};
use crate::error::{Error, Result};

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
}

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
    maturity: Maturity,
}

/// The kind, cloze number and stored sides of a card. A cloze card's sides
/// are rendered from its note's text when read, which is stored once in
/// `cloze_notes` (see v5.sql): its row keeps them empty.
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
        let mut writer = self.import_writer(prune)?;
        let mut done = 0u64;
        for deck in decks {
            writer.begin_deck(&deck.name, &deck.description)?;
            for card in &deck.cards {
                writer.card(card)?;
                done += 1;
                if done.is_multiple_of(1024) {
                    progress(done);
                }
            }
        }
        progress(done);
        writer.finish()
    }

    /// A writer for one file's decks, card by card, in one transaction:
    /// readers that stream (CSV) never hold the whole file in memory.
    /// Dropping it without [`ImportWriter::finish`] writes nothing.
    pub fn import_writer(&mut self, prune: bool) -> Result<ImportWriter<'_>> {
        // A big import touches index pages all over: with SQLite's default
        // 2 MB page cache they are spilled to the WAL and rewritten again and
        // again (a million writes for 100k cards). A larger cache for this
        // transaction keeps them in memory until the commit.
        self.conn
            .pragma_update(None, "cache_size", -IMPORT_CACHE_KIB)?;
        Ok(ImportWriter {
            tx: self.write()?,
            prune,
            deck: None,
            done: Vec::new(),
        })
    }
}

impl Collection {
    /// Removes the cards `keys` of deck `name` in one transaction, their log
    /// kept: the prune of `import --prune` over several files, once every
    /// file has landed (see docs/imports.md).
    pub fn prune_cards(&mut self, name: &str, keys: &[String]) -> Result<()> {
        let tx = self.write()?;
        {
            let mut delete = tx.prepare_cached(
                "DELETE FROM cards WHERE key = ?2 \
                 AND deck_id = (SELECT id FROM decks WHERE name = ?1)",
            )?;
            for key in keys {
                delete.execute(params![name, key])?;
            }
        }
        tx.commit()?;
        Ok(())
    }
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
    let mut keep = tx.prepare_cached("UPDATE cards SET front = ?2, back = ?3 WHERE id = ?1")?;
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
    deck: Option<DeckState>,
    done: Vec<ImportCounts>,
}

/// The deck being written: what it held before, and what the file gave.
struct DeckState {
    id: i64,
    stored: foldhash::HashMap<String, Stored>,
    /// The text of each cloze note before this import, by note id.
    sources: foldhash::HashMap<String, String>,
    /// The cloze note whose text was written last: a note's cards come
    /// one after the other, and its text is written once.
    cloze_note: Option<String>,
    /// Ids with a history but no card (pruned earlier): re-adding them
    /// brings their history back.
    logged: foldhash::HashSet<String>,
    position: i64,
    counts: ImportCounts,
}

impl ImportWriter<'_> {
    /// Starts (or continues) writing deck `name`; a deck the collection
    /// does not have yet is created.
    pub fn begin_deck(&mut self, name: &str, description: &str) -> Result<()> {
        self.end_deck()?;
        if self.done.iter().any(|c| c.deck == name) {
            // Its cards would be taken for cards no longer in the file.
            return Err(Error::Invalid(format!(
                "deck `{name}` comes twice in one file"
            )));
        }
        let tx = &self.tx;
        let id: i64 = match tx
            .query_row("SELECT id FROM decks WHERE name = ?1", [name], |r| r.get(0))
            .optional()?
        {
            Some(id) => {
                tx.execute(
                    "UPDATE decks SET description = ?2 WHERE id = ?1 AND description <> ?2",
                    params![id, description],
                )?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO decks (name, description) VALUES (?1, ?2)",
                    params![name, description],
                )?;
                tx.last_insert_rowid()
            }
        };
        // The deck's counts row exists before any card changes it: cards
        // restored from the log move from new to young through a trigger.
        tx.execute(
            "INSERT OR IGNORE INTO deck_cards (deck_id, new, young, mature) VALUES (?1, 0, 0, 0)",
            [id],
        )?;
        let mut stored = foldhash::HashMap::default();
        let mut stmt = tx.prepare_cached(
            "SELECT key, id, position, front, back, extra, tags, note, kind, cloze_ord,
                    due_day IS NOT NULL, interval_days
             FROM cards WHERE deck_id = ?1",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                Stored {
                    row_id: r.get(1)?,
                    position: r.get(2)?,
                    front: r.get(3)?,
                    back: r.get(4)?,
                    extra: r.get(5)?,
                    tags: r.get(6)?,
                    note: r.get(7)?,
                    kind: r.get(8)?,
                    cloze_ord: r.get(9)?,
                    maturity: Maturity::of(r.get(10)?, r.get(11)?),
                },
            ))
        })?;
        for row in rows {
            let (key, card) = row?;
            stored.insert(key, card);
        }
        let mut stmt =
            tx.prepare_cached("SELECT DISTINCT card_key FROM reviews WHERE deck_id = ?1")?;
        let logged = stmt
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt =
            tx.prepare_cached("SELECT note, source FROM cloze_notes WHERE deck_id = ?1")?;
        let sources = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        self.deck = Some(DeckState {
            id,
            stored,
            sources,
            cloze_note: None,
            logged,
            position: 0,
            counts: ImportCounts {
                deck: name.to_string(),
                ..ImportCounts::default()
            },
        });
        Ok(())
    }

    /// Writes one card of the current deck, in file order.
    pub fn card(&mut self, card: &CardDraft) -> Result<()> {
        let tx = &self.tx;
        let Some(deck) = self.deck.as_mut() else {
            return Err(Error::Invalid("a card came before its deck".into()));
        };
        let position = deck.position;
        deck.position += 1;
        let tags = card.tags.join(" ");
        let (kind, ord, front, back) = card_columns(card);
        if let CardKind::Cloze { source, .. } = &card.kind
            && deck.cloze_note.as_deref() != Some(card.note.as_str())
        {
            tx.prepare_cached(
                "INSERT INTO cloze_notes (deck_id, note, source) VALUES (?1, ?2, ?3)
                 ON CONFLICT (deck_id, note) DO UPDATE SET source = excluded.source
                 WHERE source <> excluded.source",
            )?
            .execute(params![deck.id, card.note, source])?;
            deck.cloze_note = Some(card.note.clone());
        }
        // A new deck has nothing stored: no need to hash every id for it.
        let old = if deck.stored.is_empty() {
            None
        } else {
            deck.stored.remove(card.id.as_str())
        };
        match old {
            Some(old) => {
                let (old_front, old_back) = old.sides(&deck.sources);
                let text_changed = old_front != card.front
                    || old_back != card.back
                    || old.extra != card.extra
                    || old.tags != tags;
                let shape_changed = old.note != card.note
                    || old.kind != kind
                    || old.cloze_ord != ord
                    || old.front != front
                    || old.back != back
                    || old.position != position;
                if text_changed || shape_changed {
                    tx.prepare_cached(
                        "UPDATE cards SET note = ?2, kind = ?3, cloze_ord = ?4, front = ?5,
                                          back = ?6, extra = ?7, tags = ?8, position = ?9
                         WHERE id = ?1",
                    )?
                    .execute(params![
                        old.row_id, card.note, kind, ord, front, back, card.extra, tags, position
                    ])?;
                }
                if text_changed {
                    deck.counts.updated += 1;
                } else {
                    deck.counts.unchanged += 1;
                }
            }
            None => {
                let mut insert = tx.prepare_cached(
                    "INSERT INTO cards (deck_id, key, note, kind, cloze_ord, front, back, extra, tags, position)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                )?;
                // A second card with the same id meets the UNIQUE (deck_id,
                // key) index: the first one was inserted or updated already.
                let inserted = insert.execute(params![
                    deck.id,
                    card.id.as_str(),
                    card.note,
                    kind,
                    ord,
                    front,
                    back,
                    card.extra,
                    tags,
                    position
                ]);
                inserted.map_err(|e| match e {
                    rusqlite::Error::SqliteFailure(f, _)
                        if f.code == rusqlite::ErrorCode::ConstraintViolation =>
                    {
                        Error::Invalid(format!(
                            "deck `{}` has card id `{}` twice",
                            deck.counts.deck, card.id
                        ))
                    }
                    other => Error::Sqlite(other),
                })?;
                if deck.logged.contains(card.id.as_str()) {
                    restore_from_log(tx, tx.last_insert_rowid())?;
                }
                deck.counts.added += 1;
            }
        }
        Ok(())
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
            Some(Maturity::New),
            counts.added as i64,
        )?;
        let cloze_missing = deck.stored.values().any(|s| s.kind == "cloze");
        if cloze_missing && !self.prune {
            keep_sides(&self.tx, &deck.stored, &deck.sources)?;
        }
        let mut missing: Vec<(i64, String, Maturity)> = deck
            .stored
            .into_iter()
            .map(|(key, s)| (s.position, key, s.maturity))
            .collect();
        missing.sort();
        counts.not_in_file = missing.len();
        if self.prune {
            let mut delete = self
                .tx
                .prepare_cached("DELETE FROM cards WHERE deck_id = ?1 AND key = ?2")?;
            for (_, key, maturity) in &missing {
                delete.execute(params![deck.id, key])?;
                counts::move_cards(&self.tx, deck.id, Some(*maturity), None, 1)?;
            }
            if cloze_missing {
                // A note's text goes with its last card.
                self.tx.execute(
                    "DELETE FROM cloze_notes WHERE deck_id = ?1 AND note NOT IN
                        (SELECT note FROM cards WHERE deck_id = ?1 AND kind = 'cloze')",
                    [deck.id],
                )?;
            }
        }
        counts.missing = missing.into_iter().map(|(_, key, _)| key).collect();
        self.done.push(counts);
        Ok(())
    }

    /// Finishes the last deck and commits the file.
    pub fn finish(mut self) -> Result<Vec<ImportCounts>> {
        self.end_deck()?;
        self.tx.commit()?;
        Ok(self.done)
    }
}
