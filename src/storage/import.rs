//! Writing imported decks (SPEC §5): identity is (deck, card id); new ids
//! are added, changed text is updated with schedule and history kept,
//! missing cards are reported (and removed with `prune`, their log kept).
//! One file is one transaction.

use std::collections::{HashMap, HashSet};

use rusqlite::{OptionalExtension, Transaction, params};

use super::Collection;
use super::reviews::restore_from_log;
use crate::error::{Error, Result};
use crate::import::{CardDraft, CardKind, DeckDraft};

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
    cloze_source: Option<String>,
}

fn kind_columns(kind: &CardKind) -> (&'static str, Option<u32>, Option<&str>) {
    match kind {
        CardKind::Basic => ("basic", None, None),
        CardKind::Reverse => ("reverse", None, None),
        CardKind::Cloze { ord, source } => ("cloze", Some(*ord), Some(source.as_str())),
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
        let tx = self.write()?;
        let mut out = Vec::with_capacity(decks.len());
        let mut done = 0u64;
        for deck in decks {
            out.push(import_deck(&tx, deck, prune, &mut |n| {
                done += n;
                progress(done)
            })?);
        }
        tx.commit()?;
        Ok(out)
    }
}

fn import_deck(
    tx: &Transaction<'_>,
    deck: &DeckDraft,
    prune: bool,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportCounts> {
    let mut seen_ids = HashSet::with_capacity(deck.cards.len());
    for card in &deck.cards {
        if !seen_ids.insert(card.id.as_str()) {
            return Err(Error::Invalid(format!(
                "deck `{}` has card id `{}` twice",
                deck.name, card.id
            )));
        }
    }
    let deck_id: i64 = match tx
        .query_row("SELECT id FROM decks WHERE name = ?1", [&deck.name], |r| {
            r.get(0)
        })
        .optional()?
    {
        Some(id) => {
            tx.execute(
                "UPDATE decks SET description = ?2 WHERE id = ?1 AND description <> ?2",
                params![id, deck.description],
            )?;
            id
        }
        None => {
            tx.execute(
                "INSERT INTO decks (name, description) VALUES (?1, ?2)",
                params![deck.name, deck.description],
            )?;
            tx.last_insert_rowid()
        }
    };

    let mut stored: HashMap<String, Stored> = HashMap::new();
    {
        let mut stmt = tx.prepare_cached(
            "SELECT key, id, position, front, back, extra, tags, note, kind, cloze_ord, cloze_source FROM cards WHERE deck_id = ?1",
        )?;
        let rows = stmt.query_map([deck_id], |r| {
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
                    cloze_source: r.get(10)?,
                },
            ))
        })?;
        for row in rows {
            let (key, card) = row?;
            stored.insert(key, card);
        }
    }
    // Ids with a history but no card (pruned earlier): re-adding them brings their history back.
    let logged: HashSet<String> = {
        let mut stmt =
            tx.prepare_cached("SELECT DISTINCT card_key FROM reviews WHERE deck_id = ?1")?;
        stmt.query_map([deck_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?
    };

    let mut counts = ImportCounts {
        deck: deck.name.clone(),
        ..ImportCounts::default()
    };
    let mut insert = tx.prepare_cached(
        "INSERT INTO cards (deck_id, key, note, kind, cloze_ord, cloze_source, front, back, extra, tags, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut update = tx.prepare_cached(
        "UPDATE cards SET note = ?2, kind = ?3, cloze_ord = ?4, cloze_source = ?5, front = ?6, back = ?7, extra = ?8,
                          tags = ?9, position = ?10
         WHERE id = ?1",
    )?;
    for (position, card) in deck.cards.iter().enumerate() {
        let position = position as i64;
        let tags = card.tags.join(" ");
        let (kind, ord, source) = kind_columns(&card.kind);
        match stored.remove(card.id.as_str()) {
            Some(old) => {
                let text_changed = old.front != card.front
                    || old.back != card.back
                    || old.extra != card.extra
                    || old.tags != tags;
                let shape_changed = old.note != card.note
                    || old.kind != kind
                    || old.cloze_ord != ord
                    || old.cloze_source.as_deref() != source
                    || old.position != position;
                if text_changed || shape_changed {
                    update.execute(params![
                        old.row_id, card.note, kind, ord, source, card.front, card.back,
                        card.extra, tags, position
                    ])?;
                }
                if text_changed {
                    counts.updated += 1;
                } else {
                    counts.unchanged += 1;
                }
            }
            None => {
                insert_card(&mut insert, deck_id, card, &tags, position)?;
                if logged.contains(card.id.as_str()) {
                    restore_from_log(tx, tx.last_insert_rowid(), deck_id, card.id.as_str())?;
                }
                counts.added += 1;
            }
        }
        if position % 1024 == 1023 {
            progress(1024);
        }
    }
    progress(deck.cards.len() as u64 % 1024);
    let mut missing: Vec<(i64, String)> = stored
        .into_iter()
        .map(|(key, s)| (s.position, key))
        .collect();
    missing.sort();
    counts.not_in_file = missing.len();
    if prune {
        let mut delete = tx.prepare_cached("DELETE FROM cards WHERE deck_id = ?1 AND key = ?2")?;
        for (_, key) in &missing {
            delete.execute(params![deck_id, key])?;
        }
    }
    counts.missing = missing.into_iter().map(|(_, key)| key).collect();
    Ok(counts)
}

fn insert_card(
    stmt: &mut rusqlite::CachedStatement<'_>,
    deck_id: i64,
    card: &CardDraft,
    tags: &str,
    position: i64,
) -> Result<()> {
    let (kind, ord, source) = kind_columns(&card.kind);
    stmt.execute(params![
        deck_id,
        card.id.as_str(),
        card.note,
        kind,
        ord,
        source,
        card.front,
        card.back,
        card.extra,
        tags,
        position
    ])?;
    Ok(())
}
