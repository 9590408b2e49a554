//! `rehearse sync DIR` and `sync --git DIR` (docs/sync.md): read the other
//! devices' new batch files, apply them in one transaction, then write
//! this device's new events as one batch file; with `--git`, commit,
//! pull, apply, push, and pull and apply again when the push is rejected.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Args as ClapArgs;

use super::{Ctx, Outcome, print, print_err, print_json};
use crate::storage::{Collection, DeviceReport, Incoming};
use crate::sync::batch::{self, Unreadable};
use crate::sync::folder;
use crate::sync::git::{Pushed, Repo};

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The folder another tool keeps in step (Syncthing, Dropbox, a git clone)
    dir: PathBuf,
    /// DIR is a git clone: commit, pull, apply and push with `git`
    #[arg(long)]
    git: bool,
    /// Say what would come in and go out, and change nothing
    #[arg(long)]
    status: bool,
}

/// How many times a rejected push is pulled, applied and pushed again.
const PUSH_ATTEMPTS: usize = 5;

/// What one sync did, as printed.
#[derive(Debug, Default, serde::Serialize)]
struct Summary {
    device: String,
    received: BTreeMap<String, DeviceReport>,
    sent_answers: usize,
    sent_changes: usize,
    /// Files left for the next sync: still being copied, or corrupt.
    skipped: Vec<Skipped>,
}

#[derive(Debug, serde::Serialize)]
struct Skipped {
    file: PathBuf,
    corrupt: bool,
    reason: String,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    folder::check_dir(&args.dir)?;
    let repo = if args.git {
        Some(Repo::open(&args.dir)?)
    } else {
        None
    };
    let mut collection = ctx.open()?;
    let device = collection.sync_device()?;
    let mut summary = Summary {
        device: device.clone(),
        ..Summary::default()
    };
    if args.status {
        return status(ctx, &mut collection, &args.dir, summary);
    }
    if let Some(repo) = &repo {
        send(&mut collection, &args.dir, &mut summary)?;
        repo.commit_own(&device)?;
        repo.pull()?;
    }
    for attempt in 1.. {
        receive(&mut collection, &args.dir, &mut summary, true)?;
        send(&mut collection, &args.dir, &mut summary)?;
        let Some(repo) = &repo else { break };
        repo.commit_own(&device)?;
        match repo.push()? {
            Pushed::Done => break,
            Pushed::Rejected if attempt < PUSH_ATTEMPTS => {
                print_err(
                    "note: the push was rejected (another device pushed first): pulling and trying again",
                );
                repo.pull()?;
            }
            Pushed::Rejected => anyhow::bail!(
                "the push to the remote of `{}` was rejected {PUSH_ATTEMPTS} times: run sync again",
                args.dir.display()
            ),
        }
    }
    report(ctx, &summary)
}

/// `sync --status`: what the folder has for this collection, and what this
/// collection has not written there yet.
fn status(
    ctx: &Ctx,
    collection: &mut Collection,
    dir: &Path,
    mut summary: Summary,
) -> anyhow::Result<Outcome> {
    receive(collection, dir, &mut summary, false)?;
    let written = own_written(dir, &summary.device, collection)?;
    let out = collection.sync_outgoing(written, false)?;
    summary.sent_answers = out.answers();
    summary.sent_changes = out.events.len() - out.answers();
    if ctx.json {
        print_json(&summary)?;
        return Ok(outcome(&summary));
    }
    let mut lines = Vec::new();
    for (device, r) in &summary.received {
        lines.push(format!(
            "to receive from {device}: {}",
            events_text(r.answers, r.card_edits + r.other_changes + r.undos)
        ));
    }
    if lines.is_empty() {
        lines.push("nothing to receive".into());
    }
    lines.push(match (summary.sent_answers, summary.sent_changes) {
        (0, 0) => "nothing to send".into(),
        (a, c) => format!("to send as {}: {}", summary.device, events_text(a, c)),
    });
    skipped_notes(&summary);
    print(&lines.join("\n"))?;
    Ok(outcome(&summary))
}

fn events_text(answers: usize, changes: usize) -> String {
    let s = |n: usize| if n == 1 { "" } else { "s" };
    format!(
        "{answers} answer{}, {changes} other change{}",
        s(answers),
        s(changes)
    )
}

/// The last event number of this device already in the folder. A folder
/// holding more of "this" device's events than the collection ever made is
/// another collection using the same name: refused.
fn own_written(dir: &Path, device: &str, collection: &mut Collection) -> anyhow::Result<i64> {
    let written = folder::batches(dir, device)?
        .iter()
        .map(|b| b.last)
        .max()
        .unwrap_or(0);
    let made = collection.sync_outgoing(i64::MAX, false)?.last;
    if written > made {
        anyhow::bail!(
            "`{}` holds events of device `{device}` that this collection never made: another collection uses the same device name (set another with `rehearse config device NAME`)",
            dir.join(device).display()
        );
    }
    Ok(written)
}

/// Writes this device's new events as one batch file.
fn send(collection: &mut Collection, dir: &Path, summary: &mut Summary) -> anyhow::Result<()> {
    let written = own_written(dir, &summary.device, collection)?;
    let out = collection.sync_outgoing(written, true)?;
    if out.last <= written {
        return Ok(());
    }
    let bytes = batch::encode(&out.device, written + 1, out.last, &out.events);
    folder::write_batch(dir, &out.device, written + 1, out.last, &bytes)?;
    summary.sent_answers += out.answers();
    summary.sent_changes += out.events.len() - out.answers();
    Ok(())
}

/// Reads every other device's batches not yet applied, in order, stopping
/// at a device's first file that cannot be read yet; applies them (or,
/// without `apply`, counts them as `--status` shows them).
fn receive(
    collection: &mut Collection,
    dir: &Path,
    summary: &mut Summary,
    apply: bool,
) -> anyhow::Result<()> {
    let mut incoming = Vec::new();
    for device in folder::devices(dir)? {
        if device != summary.device {
            let applied = collection.sync_applied(&device)?;
            read_device(dir, &device, applied, &mut incoming, &mut summary.skipped)?;
        }
    }
    let reports = if apply {
        collection.sync_apply(&incoming)?
    } else {
        preview(&incoming)
    };
    for (device, r) in reports {
        let total = summary.received.entry(device).or_default();
        total.answers += r.answers;
        total.undos += r.undos;
        total.card_edits += r.card_edits;
        total.other_changes += r.other_changes;
        total.card_edits_kept_here += r.card_edits_kept_here;
        total.card_edits_replaced_here += r.card_edits_replaced_here;
    }
    Ok(())
}

/// Reads `device`'s batches after event `applied`, in order, until one
/// cannot be read (yet): later ones wait for it.
fn read_device(
    dir: &Path,
    device: &str,
    mut applied: i64,
    incoming: &mut Vec<Incoming>,
    skipped: &mut Vec<Skipped>,
) -> anyhow::Result<()> {
    for file in folder::batches(dir, device)? {
        if file.last <= applied {
            continue;
        }
        let skip = |corrupt: bool, reason: String| Skipped {
            file: file.path.clone(),
            corrupt,
            reason,
        };
        if file.first > applied + 1 {
            let reason = format!(
                "events {} to {} of `{device}` have not arrived yet",
                applied + 1,
                file.first - 1
            );
            skipped.push(skip(false, reason));
            return Ok(());
        }
        let read = std::fs::read(&file.path).map_err(|e| Unreadable::Corrupt(e.to_string()));
        match read.and_then(|bytes| batch::decode(&bytes)) {
            Ok((header, _))
                if header.device != device
                    || (header.first, header.last) != (file.first, file.last) =>
            {
                skipped.push(skip(true, "its header does not match its name".into()));
                return Ok(());
            }
            Ok((header, events)) => {
                applied = header.last;
                incoming.push(Incoming {
                    device: device.to_string(),
                    last: header.last,
                    events,
                });
            }
            Err(Unreadable::Incomplete) => {
                skipped.push(skip(false, "it is incomplete (still being copied?)".into()));
                return Ok(());
            }
            Err(Unreadable::Corrupt(reason)) => {
                skipped.push(skip(true, reason));
                return Ok(());
            }
        }
    }
    Ok(())
}

/// What `--status` counts as coming in: the events themselves.
fn preview(incoming: &[Incoming]) -> BTreeMap<String, DeviceReport> {
    use crate::sync::event::{Body, ChangeKind};
    let mut out: BTreeMap<String, DeviceReport> = BTreeMap::new();
    for batch in incoming {
        let r = out.entry(batch.device.clone()).or_default();
        for event in &batch.events {
            match &event.body {
                Body::Answer(_) => r.answers += 1,
                Body::Change(c) if c.kind == ChangeKind::Card => r.card_edits += 1,
                Body::Change(c) if c.kind == ChangeKind::Undo => r.undos += 1,
                Body::Change(_) => r.other_changes += 1,
            }
        }
    }
    out
}

fn outcome(summary: &Summary) -> Outcome {
    if summary.skipped.iter().any(|s| s.corrupt) {
        Outcome::PartialFailure
    } else {
        Outcome::Success
    }
}

fn skipped_notes(summary: &Summary) {
    for s in &summary.skipped {
        let what = if s.corrupt {
            "error: skipped"
        } else {
            "note: left for the next sync:"
        };
        print_err(&format!("{what} `{}`: {}", s.file.display(), s.reason));
    }
}

fn report(ctx: &Ctx, summary: &Summary) -> anyhow::Result<Outcome> {
    skipped_notes(summary);
    if ctx.json {
        print_json(summary)?;
        return Ok(outcome(summary));
    }
    print(&summary_lines(summary).join("\n"))?;
    Ok(outcome(summary))
}

/// "received 312 answers and 14 card edits from laptop, sent 58 answers",
/// then a line per card edited on both sides.
fn summary_lines(summary: &Summary) -> Vec<String> {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    let mut conflicts = Vec::new();
    for (device, r) in &summary.received {
        let mut what = Vec::new();
        if r.answers > 0 {
            what.push(count(r.answers, "answer", "answers"));
        }
        if r.undos > 0 {
            what.push(count(r.undos, "undone answer", "undone answers"));
        }
        if r.card_edits > 0 {
            what.push(count(r.card_edits, "card edit", "card edits"));
        }
        if r.other_changes > 0 {
            what.push(count(r.other_changes, "other change", "other changes"));
        }
        if !what.is_empty() {
            parts.push(format!("received {} from {device}", join_and(&what)));
        }
        if r.card_edits_replaced_here > 0 {
            conflicts.push(format!(
                "{} made here replaced by later edits from {device}",
                count(r.card_edits_replaced_here, "card edit", "card edits")
            ));
        }
        if r.card_edits_kept_here > 0 {
            conflicts.push(format!(
                "{} from {device} older than edits made here, not applied (the later edit wins)",
                count(r.card_edits_kept_here, "card edit", "card edits")
            ));
        }
    }
    let mut sent = Vec::new();
    if summary.sent_answers > 0 {
        sent.push(count(summary.sent_answers, "answer", "answers"));
    }
    if summary.sent_changes > 0 {
        sent.push(count(summary.sent_changes, "change", "changes"));
    }
    if !sent.is_empty() {
        parts.push(format!("sent {}", join_and(&sent)));
    }
    let mut lines = vec![if parts.is_empty() {
        format!("nothing new: {} is in step", summary.device)
    } else {
        parts.join(", ")
    }];
    lines.extend(conflicts);
    lines
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
