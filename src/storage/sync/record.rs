//! Recording changes as events, in the transaction of the change itself
//! (docs/sync.md, "Events"): every answer gets this device's next event
//! number, and every other change a stamp (time, device, number) in
//! `sync_stamps`. The values themselves are read from the collection when
//! a sync writes its batch, so recording costs two small writes.

use rusqlite::{OptionalExtension, Transaction, named_params, params};

use crate::error::{Error, Result};
use crate::sync::event::{ChangeKind, valid_device_name};

/// This device: its name and whether it has synced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Own {
    pub device: String,
    pub next_seq: i64,
    pub bootstrapped: bool,
}

/// This collection as a device, named the first time it is asked.
pub(crate) fn own(tx: &rusqlite::Connection) -> Result<Own> {
    let read = |tx: &rusqlite::Connection| -> Result<Option<Own>> {
        Ok(tx
            .prepare_cached(include_str!("../sql/sync_self.sql"))?
            .query_row([], |r| {
                Ok(Own {
                    device: r.get(0)?,
                    next_seq: r.get(1)?,
                    bootstrapped: r.get(2)?,
                })
            })
            .optional()?)
    };
    if let Some(own) = read(tx)? {
        return Ok(own);
    }
    tx.prepare_cached(include_str!("../sql/sync_self_insert.sql"))?
        .execute([default_device_name()])?;
    Ok(read(tx)?.expect("just inserted"))
}

/// The host name and a short random suffix: two collections on one
/// machine never share a name.
fn default_device_name() -> String {
    let uname = rustix::system::uname();
    let host: String = uname
        .nodename()
        .to_string_lossy()
        .split('.')
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(40)
        .collect();
    let host = if host.is_empty() {
        "rehearse".into()
    } else {
        host
    };
    let suffix: u16 = rand::random();
    format!("{host}-{suffix:04x}")
}

/// Takes this device's next event number.
pub(crate) fn next_seq(tx: &Transaction<'_>) -> Result<(String, i64)> {
    own(tx)?;
    Ok(tx
        .prepare_cached(include_str!("../sql/sync_next_seq.sql"))?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Records a change made here to one thing (a card's content, a deck, a
/// suspension, an interview date, a setting, an answer taken back).
pub(crate) fn touch(tx: &Transaction<'_>, kind: ChangeKind, deck: &str, key: &str) -> Result<()> {
    let (device, seq) = next_seq(tx)?;
    tx.prepare_cached(include_str!("../sql/sync_stamp_touch.sql"))?
        .execute(named_params! {
            ":kind": kind.name(),
            ":deck": deck,
            ":key": key,
            ":at_ms": now_ms(),
            ":device": device,
            ":seq": seq,
        })?;
    Ok(())
}

/// The scheduler's context of an answer given here.
pub(crate) struct AnswerContext {
    pub day: chrono::NaiveDate,
    pub fuzz: bool,
    pub interview: Option<chrono::NaiveDate>,
}

/// Makes the answer just inserted as row `id` this device's next event.
pub(crate) fn own_answer(tx: &Transaction<'_>, id: i64, ctx: Option<&AnswerContext>) -> Result<()> {
    use super::super::types::Day;
    let (device, seq) = next_seq(tx)?;
    tx.prepare_cached(include_str!("../sql/sync_review_own.sql"))?
        .execute(named_params! {
            ":id": id,
            ":device": device,
            ":seq": seq,
            ":day": ctx.map(|c| Day(c.day)),
            ":fuzz": ctx.map(|c| c.fuzz),
            ":interview_day": ctx.and_then(|c| c.interview).map(Day),
        })?;
    Ok(())
}

/// Before the first sync: what the collection held becomes events.
pub(crate) fn bootstrap(tx: &Transaction<'_>) -> Result<()> {
    let me = own(tx)?;
    if me.bootstrapped {
        return Ok(());
    }
    tx.prepare_cached(include_str!("../sql/sync_bootstrap_reviews.sql"))?
        .execute(params![me.device, me.next_seq])?;
    tx.prepare_cached(include_str!("../sql/sync_self_bootstrapped.sql"))?
        .execute([&me.device])?;
    let me = own(tx)?;
    tx.prepare_cached(include_str!("../sql/sync_bootstrap_stamps.sql"))?
        .execute(params![me.device, me.next_seq])?;
    tx.prepare_cached(include_str!("../sql/sync_self_bootstrapped.sql"))?
        .execute([&me.device])?;
    Ok(())
}

/// Renames this device; refused once it has synced (its events in the
/// folder carry the name) and for names a folder cannot have.
pub(crate) fn rename(tx: &Transaction<'_>, name: &str) -> Result<()> {
    if !valid_device_name(name) {
        return Err(Error::BadSetting {
            key: "device",
            expected: "a name of letters, digits, `.`, `_` and `-` (at most 64, not starting with `.`)",
            value: format!("`{name}`"),
        });
    }
    let me = own(tx)?;
    if me.device == name {
        return Ok(());
    }
    if me.bootstrapped {
        return Err(Error::BadSetting {
            key: "device",
            expected: "no change once this collection has synced (its events carry the name)",
            value: format!("`{name}`"),
        });
    }
    tx.prepare_cached(include_str!("../sql/sync_rename.sql"))?
        .execute(params![me.device, name])?;
    tx.prepare_cached(include_str!("../sql/sync_rename_stamps.sql"))?
        .execute(params![me.device, name])?;
    tx.prepare_cached(include_str!("../sql/sync_self_insert.sql"))?
        .execute([name])?;
    Ok(())
}
