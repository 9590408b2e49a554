//! Reads a package's scheduling: each imported card's row of `cards`, its
//! rows of `revlog` and the collection's creation day (`col.crt`, in both
//! schemas), mapped by [`schedule`] onto SM-2, with notices for what
//! cannot carry over (docs/imports.md, "Scheduling and history").

use std::collections::HashMap;

use rusqlite::Connection;

use super::PackageResult;
use super::schedule::{self, AnkiCard, Days, RevlogRow};
use crate::clock::Clock;
use crate::domain::{CardId, Histories};

/// Answer times (revlog ids, milliseconds) rehearse can place on a day:
/// from 1970 to the start of 9000, the years `--now` takes
/// (docs/scheduling.md). Rows outside are skipped as unreadable.
const LAST_ANSWER_MS: i64 = 221_845_392_000_000;

/// Half a day: the creation time is the day's start in Anki's time zone;
/// its middle is on the same date in any other.
const HALF_DAY_MS: i64 = 43_200_000;

/// What the mapping left out or changed, summed over the package's cards.
#[derive(Debug, Default)]
struct Tally {
    skipped_rows: usize,
    learning: usize,
    unanswered: usize,
    reset: usize,
}

/// The histories of the cards `made` (Anki card id, our card id), and
/// notices for the user. A package exported without its scheduling (every
/// card new, none suspended, no log) gives none: it says nothing about
/// where the cards stand, so cards already in the collection stay as they
/// are.
pub fn read(
    db: &Connection,
    made: &[(i64, CardId)],
    clock: &Clock,
) -> PackageResult<(Histories, Vec<String>)> {
    if !has_scheduling(db)? {
        return Ok((Histories::new(), Vec::new()));
    }
    let crt: i64 = db.query_row("SELECT crt FROM col", [], |r| r.get(0))?;
    let crt_ms = crt.clamp(0, LAST_ANSWER_MS / 1000) * 1000;
    let days = Days {
        created: clock.day_of(crt_ms + HALF_DAY_MS),
        today: clock.today(),
    };
    let cards = anki_cards(db)?;
    let mut revlog = revlog(db)?;
    let mut histories = Histories::with_capacity(made.len());
    let mut tally = Tally::default();
    let day_of = |at_ms: i64| clock.day_of(at_ms);
    for (cid, id) in made {
        let Some(card) = cards.get(cid) else { continue };
        let rows = revlog.remove(cid).unwrap_or_default();
        let mapped = schedule::map_card(card, &rows, days, &day_of);
        tally.skipped_rows += mapped.skipped_rows;
        tally.learning += mapped.learning as usize;
        tally.unanswered += mapped.unanswered as usize;
        tally.reset += mapped.reset as usize;
        histories.insert(id.to_string(), mapped.history);
    }
    let mut notices = tally.notices();
    let fsrs = fsrs_cards(db);
    if fsrs > 0 {
        notices.push(format!(
            "{} FSRS memory states (stability, difficulty) do not carry over: SM-2 goes on from each card's interval and ease",
            cards_of(fsrs, "card's", "cards'")
        ));
    }
    Ok((histories, notices))
}

impl Tally {
    fn notices(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.skipped_rows > 0 {
            let (n, rows) = (self.skipped_rows, plural(self.skipped_rows, "row", "rows"));
            out.push(format!(
                "skipped {n} {rows} of Anki's review log that {} not answers (manual rescheduling)",
                plural(n, "is", "are")
            ));
        }
        if self.learning > 0 {
            out.push(format!(
                "{} in Anki's learning steps {} due today: SM-2 has no learning steps, so the steps do not carry over",
                cards_of(self.learning, "card", "cards"),
                plural(self.learning, "is", "are")
            ));
        }
        if self.unanswered > 0 {
            out.push(format!(
                "{} scheduled by hand in Anki without any answer {} in as new",
                cards_of(self.unanswered, "card", "cards"),
                plural(self.unanswered, "comes", "come")
            ));
        }
        if self.reset > 0 {
            out.push(format!(
                "{} Anki reset to new {} in as new; {} past answers are kept as drills",
                cards_of(self.reset, "card", "cards"),
                plural(self.reset, "comes", "come"),
                plural(self.reset, "its", "their")
            ));
        }
        out
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

fn cards_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", plural(n, one, many))
}

/// Whether any card is other than new and unsuspended, or the log has a row.
fn has_scheduling(db: &Connection) -> PackageResult<bool> {
    let cards: bool = db.query_row(
        "SELECT EXISTS (SELECT 1 FROM cards WHERE type <> 0 OR queue <> 0)",
        [],
        |r| r.get(0),
    )?;
    Ok(cards || has_revlog(db)?)
}

/// Whether the collection has a `revlog` table with a row in it.
fn has_revlog(db: &Connection) -> PackageResult<bool> {
    let table: bool = db.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'revlog')",
        [],
        |r| r.get(0),
    )?;
    if !table {
        return Ok(false);
    }
    Ok(db.query_row("SELECT EXISTS (SELECT 1 FROM revlog)", [], |r| r.get(0))?)
}

/// Every card's scheduling columns, by Anki card id.
fn anki_cards(db: &Connection) -> PackageResult<HashMap<i64, AnkiCard>> {
    let mut stmt = db.prepare("SELECT id, type, queue, due, ivl, factor, odue, odid FROM cards")?;
    let mut rows = stmt.query([])?;
    let mut cards = HashMap::new();
    while let Some(row) = rows.next()? {
        cards.insert(
            row.get(0)?,
            AnkiCard {
                card_type: row.get(1)?,
                queue: row.get(2)?,
                due: row.get(3)?,
                ivl: row.get(4)?,
                factor: row.get(5)?,
                odue: row.get(6)?,
                odid: row.get(7)?,
            },
        );
    }
    Ok(cards)
}

/// The review log by Anki card id, each card's rows oldest first. A
/// package without a `revlog` table has no history.
fn revlog(db: &Connection) -> PackageResult<HashMap<i64, Vec<RevlogRow>>> {
    let mut log: HashMap<i64, Vec<RevlogRow>> = HashMap::new();
    if !has_revlog(db)? {
        return Ok(log);
    }
    let mut stmt =
        db.prepare("SELECT id, cid, ease, ivl, factor, type FROM revlog ORDER BY cid, id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let mut entry = RevlogRow {
            id: row.get(0)?,
            ease: row.get(2)?,
            ivl: row.get(3)?,
            factor: row.get(4)?,
            kind: row.get(5)?,
        };
        if !(0..LAST_ANSWER_MS).contains(&entry.id) {
            // Not an answer we can place on a day: counted as skipped.
            entry.ease = 0;
            entry.id = 0;
        }
        log.entry(row.get(1)?).or_default().push(entry);
    }
    Ok(log)
}

/// Cards with an FSRS memory state (stability and difficulty in `data`).
/// A collection without the column has none.
fn fsrs_cards(db: &Connection) -> usize {
    db.query_row(
        "SELECT count(*) FROM cards WHERE data LIKE '%\"s\":%' AND data LIKE '%\"d\":%'",
        [],
        |r| r.get::<_, i64>(0),
    )
    .map_or(0, |n| n.max(0) as usize)
}
