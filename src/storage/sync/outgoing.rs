//! This device's events not yet in the sync folder: its answers numbered
//! after the last one written, and the current value of every thing it
//! changed since (docs/sync.md, "Events").

use rusqlite::{Connection, OptionalExtension, params};
use serde_json::Value;

use super::super::types::Day;
use crate::domain::{Grade, ReviewKind};
use crate::error::Result;
use crate::sync::event::{AnswerEvent, Body, CardContent, Change, ChangeKind, Event};

/// `device`'s events numbered after `after`, in order.
pub(crate) fn events_after(conn: &Connection, device: &str, after: i64) -> Result<Vec<Event>> {
    let mut events = answers_after(conn, device, after)?;
    let mut stmt = conn.prepare_cached(include_str!("../sql/sync_out_stamps.sql"))?;
    let stamps = stmt
        .query_map(params![device, after], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (kind, deck, key, at_ms, seq) in stamps {
        let Some(kind) = ChangeKind::from_name(&kind) else {
            continue;
        };
        let value = current_value(conn, kind, &deck, &key)?;
        events.push(Event {
            seq,
            body: Body::Change(Change {
                kind,
                deck,
                key,
                at_ms,
                value,
            }),
        });
    }
    events.sort_by_key(|e| e.seq);
    Ok(events)
}

fn answers_after(conn: &Connection, device: &str, after: i64) -> Result<Vec<Event>> {
    let mut stmt = conn.prepare_cached(include_str!("../sql/sync_out_answers.sql"))?;
    let rows = stmt.query_map(params![device, after], |r| {
        Ok(Event {
            seq: r.get("seq")?,
            body: Body::Answer(AnswerEvent {
                deck: r.get("deck")?,
                card: r.get("card_key")?,
                at_ms: r.get("answered_at_ms")?,
                sort_ms: r.get("sort_ms")?,
                quality: r.get("quality")?,
                grade: r
                    .get::<_, Option<Grade>>("grade")?
                    .map(|g| g.name().to_string()),
                kind: r.get::<_, ReviewKind>("kind")?.name().to_string(),
                day: r.get::<_, Option<Day>>("day")?.map(|d| d.0),
                fuzz: r.get("fuzz")?,
                interview: r.get::<_, Option<Day>>("interview_day")?.map(|d| d.0),
                origin: r.get("origin")?,
                was_new: r.get("was_new")?,
                repetition: r.get("repetition")?,
                ease: r.get("ease")?,
                interval: r.get("interval_days")?,
                due: r.get::<_, Day>("due_day")?.0,
                capped: r.get("due_capped")?,
            }),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What a thing is now: null when it is gone (a deleted card, a cleared
/// interview, a deck no longer there).
fn current_value(conn: &Connection, kind: ChangeKind, deck: &str, key: &str) -> Result<Value> {
    let sql = |q: &str| conn.prepare_cached(q);
    Ok(match kind {
        ChangeKind::Card => {
            let content = sql(include_str!("../sql/sync_card_content.sql"))?
                .query_row(params![deck, key], |r| {
                    Ok(CardContent {
                        note: r.get("note")?,
                        kind: r.get("kind")?,
                        cloze_ord: r.get("cloze_ord")?,
                        source: r.get("source")?,
                        front: r.get("front")?,
                        back: r.get("back")?,
                        extra: r.get("extra")?,
                        tags: r.get("tags")?,
                        position: r.get("position")?,
                    })
                })
                .optional()?;
            serde_json::to_value(content).expect("plain data")
        }
        ChangeKind::Deck => sql(include_str!("../sql/deck_description.sql"))?
            .query_row([deck], |r| r.get::<_, String>(0))
            .optional()?
            .map_or(Value::Null, Value::String),
        ChangeKind::Suspend => sql(include_str!("../sql/sync_card_suspended.sql"))?
            .query_row(params![deck, key], |r| r.get::<_, bool>(0))
            .optional()?
            .map_or(Value::Null, Value::Bool),
        ChangeKind::Interview => sql(include_str!("../sql/sync_deck_interview.sql"))?
            .query_row([deck], |r| r.get::<_, Day>(0))
            .optional()?
            .map_or(Value::Null, |d| Value::String(d.0.to_string())),
        ChangeKind::Setting => sql(include_str!("../sql/sync_config_get.sql"))?
            .query_row([key], |r| r.get::<_, String>(0))
            .optional()?
            .map_or(Value::Null, Value::String),
        ChangeKind::Undo => Value::Null,
    })
}
