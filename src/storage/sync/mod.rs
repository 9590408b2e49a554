//! The collection's side of sync (docs/sync.md): this device's name and
//! event numbers, recording changes as they are made, the events not yet
//! sent, and applying other devices' events. The folder and its files are
//! `crate::sync`'s; the command is `cli/sync.rs`.

mod apply;
mod outgoing;
pub(crate) mod record;

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, TransactionBehavior};

use super::Collection;
use crate::error::Result;
use crate::sync::event::{Body, Event};

/// What the events of one other device did here.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct DeviceReport {
    pub answers: usize,
    pub undos: usize,
    pub card_edits: usize,
    pub other_changes: usize,
    /// Edits of a card made here that a later edit from there replaced.
    pub card_edits_replaced_here: usize,
    /// Edits of a card from there that lost to a later edit made here.
    pub card_edits_kept_here: usize,
}

impl DeviceReport {
    pub fn is_empty(&self) -> bool {
        *self == DeviceReport::default()
    }
}

/// One batch of another device's events, read and checked.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub device: String,
    pub last: i64,
    pub events: Vec<Event>,
}

/// This device's events not yet in the folder.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub device: String,
    /// The last event number taken so far (the batch ends there).
    pub last: i64,
    pub events: Vec<Event>,
}

impl Outgoing {
    pub fn answers(&self) -> usize {
        self.events
            .iter()
            .filter(|e| matches!(e.body, Body::Answer(_)))
            .count()
    }
}

impl Collection {
    /// This collection's device name (made up the first time).
    pub fn sync_device(&mut self) -> Result<String> {
        let tx = self.write()?;
        let own = record::own(&tx)?;
        tx.commit()?;
        Ok(own.device)
    }

    /// `config device NAME`.
    pub fn set_sync_device(&mut self, name: &str) -> Result<()> {
        let tx = self.write()?;
        record::rename(&tx, name)?;
        tx.commit()?;
        Ok(())
    }

    /// The last event number of `device` applied here.
    pub fn sync_applied(&self, device: &str) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(include_str!("../sql/sync_peer_get.sql"))?
            .query_row([device], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    }

    /// This device's events numbered after `after`. The first time, what
    /// the collection held before becomes events (committed only with
    /// `commit`: `sync --status` changes nothing).
    pub fn sync_outgoing(&mut self, after: i64, commit: bool) -> Result<Outgoing> {
        let tx = self.write()?;
        record::bootstrap(&tx)?;
        let own = record::own(&tx)?;
        let events = outgoing::events_after(&tx, &own.device, after)?;
        if commit {
            tx.commit()?;
        }
        Ok(Outgoing {
            device: own.device,
            last: own.next_seq - 1,
            events,
        })
    }

    /// Applies batches of other devices' events in one transaction, with
    /// how far each device has been applied: a sync killed halfway applied
    /// nothing, and the next one starts again. What each device's events
    /// did, by device.
    pub fn sync_apply(&mut self, batches: &[Incoming]) -> Result<BTreeMap<String, DeviceReport>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let me = record::own(&tx)?.device;
        let mut dirty = apply::Dirty::new();
        let mut reports: BTreeMap<String, DeviceReport> = BTreeMap::new();
        for batch in batches {
            let applied: i64 = tx
                .prepare_cached(include_str!("../sql/sync_peer_get.sql"))?
                .query_row([&batch.device], |r| r.get(0))
                .optional()?
                .unwrap_or(0);
            let fresh: Vec<Event> = batch
                .events
                .iter()
                .filter(|e| e.seq > applied)
                .cloned()
                .collect();
            let report = reports.entry(batch.device.clone()).or_default();
            apply::apply_events(&tx, &me, &batch.device, &fresh, &mut dirty, report)?;
            tx.prepare_cached(include_str!("../sql/sync_peer_set.sql"))?
                .execute(rusqlite::params![batch.device, batch.last])?;
        }
        apply::rechain(&tx, &dirty)?;
        tx.commit()?;
        Ok(reports)
    }
}
