//! Writes the schema 11 SQLite file of a package: the `col` row, then notes,
//! cards and the review log, in one transaction.

use std::collections::HashMap;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{Connection, named_params};

use super::notes::{Note, Plan};
use super::schedule::{self, card_columns};
use super::{Export, Summary, col_json};

/// Writes the collection of `plan` to a new file at `path`.
pub fn write(path: &Path, export: &Export<'_>, plan: &Plan<'_>) -> rusqlite::Result<Summary> {
    let mut db = Connection::open(path)?;
    // A scratch file, zipped once written: no journal, no syncs, and a
    // cache that holds the indexes of a large collection.
    db.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072;",
    )?;
    db.execute_batch(include_str!("sql/schema11.sql"))?;
    let tx = db.transaction()?;
    let crt = schedule::creation_day(
        export.today,
        plan.notes
            .iter()
            .flat_map(|n| n.cards.iter().map(|c| c.card)),
    );
    let now_secs = export.now_ms.div_euclid(1000);
    let next_position = plan
        .notes
        .iter()
        .flat_map(|n| n.cards.iter().map(|c| c.card.position))
        .max()
        .map_or(1, |p| p.max(0) + 1);
    tx.prepare_cached(include_str!("sql/col_insert.sql"))?
        .execute(named_params! {
            ":crt": creation_secs(crt),
            ":mod": export.now_ms,
            ":conf": col_json::conf(export, next_position),
            ":models": col_json::models(),
            ":decks": col_json::decks(&plan.decks, now_secs),
            ":dconf": col_json::deck_options(export),
        })?;
    let mut summary = Summary {
        decks: export.decks.len(),
        skipped: plan.skipped,
        ..Summary::default()
    };
    let mut card_ids: HashMap<(i64, &str), i64> = HashMap::new();
    for note in &plan.notes {
        insert_note(&tx, note, now_secs)?;
        summary.notes += 1;
        for card in &note.cards {
            let columns = card_columns(card.card, crt);
            tx.prepare_cached(include_str!("sql/card_insert.sql"))?
                .execute(named_params! {
                    ":id": card.id,
                    ":nid": note.id,
                    ":did": note.deck,
                    ":ord": card.ord,
                    ":mod": now_secs,
                    ":type": columns.kind,
                    ":queue": columns.queue,
                    ":due": columns.due,
                    ":ivl": columns.ivl,
                    ":factor": columns.factor,
                    ":reps": columns.reps,
                    ":lapses": columns.lapses,
                })?;
            card_ids.insert((card.card.deck_id, card.card.id().as_str()), card.id);
            summary.cards += 1;
        }
    }
    for row in schedule::revlog(export.reviews, &card_ids) {
        tx.prepare_cached(include_str!("sql/revlog_insert.sql"))?
            .execute(named_params! {
                ":id": row.id,
                ":cid": row.cid,
                ":ease": row.ease,
                ":ivl": row.ivl,
                ":last_ivl": row.last_ivl,
                ":factor": row.factor,
                ":type": row.kind,
            })?;
        summary.answers += 1;
    }
    tx.commit()?;
    db.close().map_err(|(_, e)| e)?;
    Ok(summary)
}

/// Anki's `crt` for a collection created on `day`: noon UTC, whose UTC
/// date is `day` (the options set a creation offset of 0).
fn creation_secs(day: NaiveDate) -> i64 {
    day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
        .and_utc()
        .timestamp()
}

fn insert_note(
    tx: &rusqlite::Transaction<'_>,
    note: &Note<'_>,
    now_secs: i64,
) -> rusqlite::Result<()> {
    let tags = if note.tags.is_empty() {
        String::new()
    } else {
        format!(" {} ", note.tags.join(" "))
    };
    // Anki's sort field and checksum are of the first field without its
    // HTML; ours is plain text whose line breaks became `<br>`.
    let stripped: String = note.first_text.replace(['\r', '\n'], "");
    tx.prepare_cached(include_str!("sql/note_insert.sql"))?
        .execute(named_params! {
            ":id": note.id,
            ":guid": note.guid,
            ":mid": col_json::model_id(note.model),
            ":mod": now_secs,
            ":tags": tags,
            ":flds": note.fields.join("\u{1f}"),
            ":sfld": stripped,
            ":csum": checksum(&stripped),
        })?;
    Ok(())
}

/// Anki's note checksum: the first 8 hex digits of the SHA-1 of the
/// stripped first field, as a number.
fn checksum(text: &str) -> i64 {
    let digest = sha1_smol::Sha1::from(text).digest().bytes();
    i64::from(u32::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3],
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_is_ankis() {
        // sha1("a") = 86f7e437…: Anki's csum of a note whose first field is "a".
        assert_eq!(checksum("a"), 0x86f7_e437);
    }

    #[test]
    fn creation_is_noon_utc() {
        let day: NaiveDate = "2026-03-01".parse().unwrap();
        assert_eq!(creation_secs(day), 1_772_366_400);
    }
}
