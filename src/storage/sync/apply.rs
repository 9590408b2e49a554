//! Applying another device's events (docs/sync.md, "Merging"): answers are
//! added to the log (never twice) and every card that received one is
//! replayed in the one order all devices share; a change is applied when
//! its stamp is later than the one held here (last writer wins, ties to
//! the greater device name).

use std::collections::BTreeSet;

use rusqlite::{OptionalExtension, Transaction, named_params, params};
use serde_json::Value;

use super::super::counts::{self, Kept};
use super::super::import::delete_cards;
use super::super::reviews::{load_card, restore_from_log, review_from_row};
use super::super::suspend::set_card_suspended;
use super::super::types::Day;
use super::DeviceReport;
use crate::domain::{Answer, Grade, Review, ReviewKind, Schedule, Sm2};
use crate::error::Result;
use crate::scheduler::{self, Context, FuzzKey};
use crate::sync::event::{AnswerEvent, Body, CardContent, Change, ChangeKind, Event, later};

/// Cards (deck id, card id) whose log received or lost an answer.
pub(crate) type Dirty = BTreeSet<(i64, String)>;

/// Applies one batch of `device`'s events.
pub(crate) fn apply_events(
    tx: &Transaction<'_>,
    me: &str,
    device: &str,
    events: &[Event],
    dirty: &mut Dirty,
    report: &mut DeviceReport,
) -> Result<()> {
    for event in events {
        match &event.body {
            Body::Answer(a) => {
                if insert_answer(tx, device, event.seq, a, dirty)? {
                    report.answers += 1;
                }
            }
            Body::Change(c) => apply_change(tx, me, device, event.seq, c, dirty, report)?,
        }
    }
    Ok(())
}

/// The id of deck `name`, created (empty) when the collection lacks it.
fn deck_id(tx: &Transaction<'_>, name: &str) -> Result<i64> {
    let id: Option<i64> = tx
        .prepare_cached(include_str!("../sql/deck_by_name.sql"))?
        .query_row([name], |r| r.get(0))
        .optional()?;
    if let Some(id) = id {
        return Ok(id);
    }
    tx.prepare_cached(include_str!("../sql/deck_insert.sql"))?
        .execute(params![name, ""])?;
    Ok(tx.last_insert_rowid())
}

/// Adds one answer from `device`; whether it was new here.
fn insert_answer(
    tx: &Transaction<'_>,
    device: &str,
    seq: i64,
    a: &AnswerEvent,
    dirty: &mut Dirty,
) -> Result<bool> {
    let deck_id = deck_id(tx, &a.deck)?;
    let grade = a.grade.as_deref().and_then(Grade::from_name);
    let kind = ReviewKind::from_name(&a.kind).unwrap_or(ReviewKind::Review);
    let inserted = tx
        .prepare_cached(include_str!("../sql/sync_review_insert.sql"))?
        .execute(named_params! {
            ":deck_id": deck_id,
            ":card_key": a.card,
            ":answered_at_ms": a.at_ms,
            ":quality": a.quality.min(5),
            ":grade": grade,
            ":kind": kind,
            ":was_new": a.was_new,
            ":repetition": a.repetition,
            ":ease": a.ease,
            ":interval_days": a.interval,
            ":due_day": Day(a.due),
            ":due_capped": a.capped,
            ":origin": a.origin,
            ":device": device,
            ":seq": seq,
            ":sort_ms": a.sort_ms,
            ":day": a.day.map(Day),
            ":fuzz": a.fuzz,
            ":interview_day": a.interview.map(Day),
        })?;
    if inserted == 0 {
        return Ok(false);
    }
    let review = Review {
        id: tx.last_insert_rowid(),
        deck_id,
        deck: a.deck.clone(),
        card: a.card.clone(),
        answered_at_ms: a.at_ms,
        quality: a.quality.min(5),
        grade,
        kind,
        was_new: a.was_new,
        sm2: Sm2 {
            repetition: a.repetition,
            ease: a.ease,
            interval_days: a.interval,
        },
        due: a.due,
        capped: a.capped,
        origin: a.origin.clone(),
    };
    counts::count_answer(tx, &review, 1)?;
    dirty.insert((deck_id, a.card.clone()));
    Ok(true)
}

/// The stamp held here for one thing: time, device and the value that
/// came with it (none for a change made here).
type Stamp = (i64, String, Option<String>);

fn stamp_of(
    tx: &Transaction<'_>,
    kind: ChangeKind,
    deck: &str,
    key: &str,
) -> Result<Option<Stamp>> {
    Ok(tx
        .prepare_cached(include_str!("../sql/sync_stamp_get.sql"))?
        .query_row(params![kind.name(), deck, key], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?)
}

fn apply_change(
    tx: &Transaction<'_>,
    me: &str,
    device: &str,
    seq: i64,
    c: &Change,
    dirty: &mut Dirty,
    report: &mut DeviceReport,
) -> Result<()> {
    let held = stamp_of(tx, c.kind, &c.deck, &c.key)?;
    if let Some((at, by, _)) = &held
        && !later((c.at_ms, device), (*at, by))
    {
        if c.kind == ChangeKind::Card && by == me {
            report.card_edits_kept_here += 1;
        }
        return Ok(());
    }
    if c.kind == ChangeKind::Card && held.as_ref().is_some_and(|(_, by, _)| by == me) {
        report.card_edits_replaced_here += 1;
    }
    match c.kind {
        ChangeKind::Card => {
            let content: Option<CardContent> = serde_json::from_value(c.value.clone()).ok();
            set_card(tx, &c.deck, &c.key, content.as_ref())?;
            report.card_edits += 1;
        }
        ChangeKind::Deck => {
            if let Value::String(description) = &c.value {
                let id = deck_id(tx, &c.deck)?;
                tx.prepare_cached(include_str!("../sql/deck_describe.sql"))?
                    .execute(params![id, description])?;
            }
            report.other_changes += 1;
        }
        ChangeKind::Suspend => {
            set_suspended(tx, &c.deck, &c.key, c.value == Value::Bool(true))?;
            report.other_changes += 1;
        }
        ChangeKind::Interview => {
            set_interview(tx, &c.deck, &c.value)?;
            report.other_changes += 1;
        }
        ChangeKind::Setting => {
            set_setting(tx, &c.key, &c.value)?;
            report.other_changes += 1;
        }
        ChangeKind::Undo => {
            if take_back(tx, &c.deck, &c.key, dirty)? {
                report.undos += 1;
            }
        }
    }
    tx.prepare_cached(include_str!("../sql/sync_stamp_set.sql"))?
        .execute(named_params! {
            ":kind": c.kind.name(),
            ":deck": c.deck,
            ":key": c.key,
            ":at_ms": c.at_ms,
            ":device": device,
            ":seq": seq,
            ":value": c.value.to_string(),
        })?;
    Ok(())
}

/// Writes a card's content (adding the card if need be), or removes the
/// card (its answers stay in the log, as with `import --prune`).
fn set_card(
    tx: &Transaction<'_>,
    deck: &str,
    key: &str,
    content: Option<&CardContent>,
) -> Result<()> {
    let deck_id = deck_id(tx, deck)?;
    let row: Option<i64> = tx
        .prepare_cached(include_str!("../sql/sync_card_row.sql"))?
        .query_row(params![deck_id, key], |r| r.get(0))
        .optional()?;
    let Some(content) = content else {
        if row.is_some() {
            delete_cards(tx, deck_id, &[key.to_string()])?;
        }
        return Ok(());
    };
    if let Some(source) = &content.source {
        tx.prepare_cached(include_str!("../sql/cloze_note_upsert.sql"))?
            .execute(params![deck_id, content.note, source])?;
    }
    let columns = named_params! {
        ":note": content.note,
        ":kind": content.kind,
        ":cloze_ord": content.cloze_ord,
        ":front": content.front,
        ":back": content.back,
        ":extra": content.extra,
        ":tags": content.tags,
        ":position": content.position,
    };
    if let Some(id) = row {
        let mut params = columns.to_vec();
        params.push((":id", &id));
        tx.prepare_cached(include_str!("../sql/import_card_update.sql"))?
            .execute(params.as_slice())?;
        return Ok(());
    }
    let mut params = columns.to_vec();
    params.push((":deck_id", &deck_id));
    params.push((":key", &key));
    tx.prepare_cached(include_str!("../sql/import_card_insert.sql"))?
        .execute(params.as_slice())?;
    let id = tx.last_insert_rowid();
    counts::move_cards(tx, deck_id, None, Some(Kept::New), 1)?;
    restore_from_log(tx, id)?;
    // A suspension from another device may have come before the card.
    if let Some((_, _, Some(value))) = stamp_of(tx, ChangeKind::Suspend, deck, key)?
        && value == "true"
    {
        set_suspended(tx, deck, key, true)?;
    }
    Ok(())
}

fn set_suspended(tx: &Transaction<'_>, deck: &str, key: &str, suspended: bool) -> Result<()> {
    let deck_id = deck_id(tx, deck)?;
    let row: Option<i64> = tx
        .prepare_cached(include_str!("../sql/sync_card_row.sql"))?
        .query_row(params![deck_id, key], |r| r.get(0))
        .optional()?;
    if let Some(card) = row.map(|id| load_card(tx, id)).transpose()?.flatten() {
        set_card_suspended(tx, &card, suspended)?;
    }
    Ok(())
}

fn set_interview(tx: &Transaction<'_>, deck: &str, value: &Value) -> Result<()> {
    let deck_id = deck_id(tx, deck)?;
    let day = value
        .as_str()
        .and_then(|s| s.parse::<chrono::NaiveDate>().ok());
    match day {
        Some(day) => tx
            .prepare_cached(include_str!("../sql/interview_set.sql"))?
            .execute(params![deck_id, Day(day)])?,
        None => tx
            .prepare_cached(include_str!("../sql/interview_clear.sql"))?
            .execute([deck_id])?,
    };
    Ok(())
}

/// A setting from another device; one this rehearse cannot read is left
/// out, as a stored value it does not know would be.
fn set_setting(tx: &Transaction<'_>, key: &str, value: &Value) -> Result<()> {
    match value.as_str() {
        Some(text) if crate::settings::Settings::default().set(key, text).is_ok() => {
            tx.prepare_cached(include_str!("../sql/config_set.sql"))?
                .execute(params![key, text])?;
        }
        Some(_) => {}
        None => {
            tx.prepare_cached(include_str!("../sql/config_delete.sql"))?
                .execute([key])?;
        }
    }
    Ok(())
}

/// Removes answer `seq` of `device` from the log; whether it was there.
fn take_back(tx: &Transaction<'_>, device: &str, seq: &str, dirty: &mut Dirty) -> Result<bool> {
    let Ok(seq) = seq.parse::<i64>() else {
        return Ok(false);
    };
    let review = tx
        .prepare_cached(include_str!("../sql/sync_review_by_event.sql"))?
        .query_row(params![device, seq], review_from_row)
        .optional()?;
    let Some(review) = review else {
        return Ok(false);
    };
    tx.prepare_cached(include_str!("../sql/review_delete.sql"))?
        .execute([review.id])?;
    counts::count_answer(tx, &review, -1)?;
    dirty.insert((review.deck_id, review.card));
    Ok(true)
}

/// Replays each dirty card's log in the shared order, storing each
/// answer's recomputed outcome, then the card's state.
pub(crate) fn rechain(tx: &Transaction<'_>, dirty: &Dirty) -> Result<()> {
    for (deck_id, key) in dirty {
        rechain_card(tx, *deck_id, key)?;
        let row: Option<i64> = tx
            .prepare_cached(include_str!("../sql/sync_card_row.sql"))?
            .query_row(params![deck_id, key], |r| r.get(0))
            .optional()?;
        if let Some(id) = row {
            restore_from_log(tx, id)?;
        }
    }
    Ok(())
}

/// One answer of a card's log with the context it was given in.
struct Logged {
    review: Review,
    day: Option<Day>,
    fuzz: Option<bool>,
    interview: Option<Day>,
}

fn rechain_card(tx: &Transaction<'_>, deck_id: i64, key: &str) -> Result<()> {
    let log: Vec<Logged> = tx
        .prepare_cached(include_str!("../sql/sync_card_log.sql"))?
        .query_map(params![deck_id, key], |r| {
            Ok(Logged {
                review: review_from_row(r)?,
                day: r.get("day")?,
                fuzz: r.get("fuzz")?,
                interview: r.get("interview_day")?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut state = Schedule::New;
    for logged in log {
        let old = &logged.review;
        if old.kind == ReviewKind::Drill {
            continue;
        }
        let mut new = old.clone();
        if old.is_imported_seed() {
            state = Schedule::Learned {
                sm2: old.sm2,
                due: old.due,
            };
            continue;
        }
        recompute(&mut new, &logged, state);
        state = Schedule::Learned {
            sm2: new.sm2,
            due: new.due,
        };
        if new != *old {
            restate(tx, old, &new)?;
        }
    }
    Ok(())
}

/// The outcome of one answer given to a card in `state`: the scheduler's,
/// with the answer's own context; an answer recorded before schema 8 has
/// none and keeps the due day it was given.
fn recompute(review: &mut Review, logged: &Logged, state: Schedule) {
    let answer = Answer {
        quality: review.quality,
        grade: review.grade,
        kind: review.kind,
    };
    match logged.day {
        Some(day) => {
            let ctx = Context {
                today: day.0,
                interview: logged.interview.map(|d| d.0),
                fuzz: logged.fuzz.unwrap_or(false).then_some(FuzzKey {
                    deck: &review.deck,
                    card: &review.card,
                }),
            };
            let outcome = scheduler::answer(state, answer, &ctx);
            review.was_new = outcome.was_new;
            review.sm2 = outcome.sm2;
            review.due = outcome.due;
            review.capped = outcome.capped;
        }
        None => {
            review.was_new = state == Schedule::New;
            review.sm2 = scheduler::next(state.sm2(), review.quality);
        }
    }
}

fn restate(tx: &Transaction<'_>, old: &Review, new: &Review) -> Result<()> {
    tx.prepare_cached(include_str!("../sql/sync_review_restate.sql"))?
        .execute(named_params! {
            ":id": new.id,
            ":was_new": new.was_new,
            ":repetition": new.sm2.repetition,
            ":ease": new.sm2.ease,
            ":interval_days": new.sm2.interval_days,
            ":due_day": Day(new.due),
            ":due_capped": new.capped,
        })?;
    if old.was_new != new.was_new {
        counts::count_answer(tx, old, -1)?;
        counts::count_answer(tx, new, 1)?;
    }
    Ok(())
}
