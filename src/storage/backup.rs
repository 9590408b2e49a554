//! Copies of the collection kept in the `backups/` folder beside it
//! (docs/collection.md, "Backups"):
//!
//! - a **daily** copy, `<name>-YYYY-MM-DD.db`, made before the first write
//!   of each day, so it holds the collection as the day found it; the last
//!   `backups_to_keep` of them are kept (0 turns them off);
//! - a copy **before** every change that removes or replaces data,
//!   `<name>-YYYY-MM-DD-before-<what>.db` (`-2`, `-3` … when that name is
//!   taken): the delete commands, `import --prune` once it finds cards to
//!   remove, a restore, and a schema upgrade. These are always made; the last `backups_to_keep` (at least
//!   one) of each kind are kept, and the copies made before an upgrade are
//!   never removed (they are the file an older rehearse knew).
//!
//! Copies are made with SQLite's online backup API, in one step, so they
//! are one consistent snapshot even while other processes write. Each is
//! written under a temporary name and renamed into place: a copy under its
//! real name is always whole.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::backup::{Backup, StepResult};

use super::Collection;
use crate::error::{Error, Result};

/// How a collection is opened by [`Collection::open_with`].
#[derive(Debug, Clone, Copy)]
pub struct Opening {
    /// The day backups are named after (the local date of `--now`).
    pub today: NaiveDate,
    /// A missing (or empty) file is made into a collection; else it is
    /// [`Error::NoCollection`].
    pub create: bool,
    /// The first write of the day keeps a daily copy.
    pub daily_backups: bool,
    /// Where warnings go (a daily copy that could not be written): the
    /// CLI prints them; storage never does.
    pub warn: fn(&str),
}

impl Default for Opening {
    /// What a library user gets from [`Collection::open`]: today's date,
    /// the file created when missing, no daily copies, no warnings.
    fn default() -> Opening {
        Opening {
            today: chrono::Local::now().date_naive(),
            create: true,
            daily_backups: false,
            warn: |_| {},
        }
    }
}

/// The reason of the copies made before a schema upgrade: never removed.
const UPGRADE: &str = "upgrade-from-v";

/// A file of the backups folder, as its name reads.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Kept {
    day: NaiveDate,
    /// 1 for the first copy of a day and kind, then 2, 3 …
    number: u32,
    path: PathBuf,
}

impl Collection {
    /// The folder the backups of this collection go to: `backups/` beside it.
    pub fn backups_folder(&self) -> PathBuf {
        self.source().folder()
    }

    fn source(&self) -> Source<'_> {
        Source {
            conn: &self.conn,
            path: &self.path,
            today: self.opening.today,
        }
    }

    /// Copies the collection into the backups folder before a change that
    /// removes or replaces data; `what` names the change (`delete`,
    /// `deck-delete`, `prune`, `restore`: lowercase words joined by `-`).
    /// Always made, whatever `backups_to_keep` says; when the newest copy of
    /// the same kind holds exactly what the collection holds (a command
    /// retried after it failed), that copy is used again. Returns the path.
    /// A copy that cannot be written is an error: the change must not go
    /// ahead without it.
    pub fn backup_before(&self, what: &str) -> Result<PathBuf> {
        self.source().copy_before(what)
    }

    /// What a writer needs to keep a copy from inside its own transaction
    /// ([`copy_committed_before`]), once it finds that it removes data.
    pub(super) fn backup_plan(&self) -> (PathBuf, NaiveDate) {
        (self.path.clone(), self.opening.today)
    }

    /// Keeps today's daily copy before the first write of the day, once
    /// per process; a collection without decks has nothing worth a copy.
    /// A copy that fails is a warning, not an error: the day's answers
    /// matter more than the day's copy.
    pub(super) fn keep_daily_backup(&mut self) {
        if !self.opening.daily_backups || self.daily_checked {
            return;
        }
        self.daily_checked = true;
        if let Err(e) = self.try_daily_backup() {
            (self.opening.warn)(&format!(
                "warning: today's backup of the collection was not written: {e} (`rehearse config backups_to_keep 0` turns daily backups off)"
            ));
        }
    }

    fn try_daily_backup(&self) -> Result<()> {
        let keep = self.settings()?.backups_to_keep;
        if keep == 0 || self.deck_names()?.is_empty() {
            return Ok(());
        }
        let source = self.source();
        let folder = source.folder();
        let path = folder.join(format!("{}-{}.db", source.stem(), self.opening.today));
        if path.exists() {
            return Ok(());
        }
        std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, &e))?;
        match source.copy_to(&path) {
            // Another process made today's copy at the same moment.
            Err(_) if path.exists() => return Ok(()),
            done => done.map_err(|e| Error::file(&path, e))?,
        }
        remove_all_but(source.kept_backups(""), keep as usize);
        Ok(())
    }

    /// The copy of the file kept before a schema upgrade from `version`.
    pub(super) fn backup_before_upgrade(&self, version: i64) -> Result<PathBuf> {
        self.backup_before(&format!("{UPGRADE}{version}"))
    }
}

/// [`Collection::backup_before`] for a writer that holds the collection's
/// write transaction open and finds out inside it that it removes data
/// (`import --prune`): the copy is read through a connection of its own,
/// which sees the collection as last committed, before the transaction.
pub(super) fn copy_committed_before(path: &Path, today: NaiveDate, what: &str) -> Result<PathBuf> {
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = rusqlite::Connection::open_with_flags(path, flags)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    Source {
        conn: &conn,
        path,
        today,
    }
    .copy_before(what)
}

/// A collection to copy: a connection to it, its file, and the day copies
/// are named after.
struct Source<'a> {
    conn: &'a rusqlite::Connection,
    path: &'a Path,
    today: NaiveDate,
}

impl Source<'_> {
    fn folder(&self) -> PathBuf {
        let folder = match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        folder.join("backups")
    }

    /// The collection file's name without its extension: the first part
    /// of its backups' names.
    fn stem(&self) -> String {
        self.path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "rehearse".into())
    }

    /// See [`Collection::backup_before`].
    fn copy_before(&self, what: &str) -> Result<PathBuf> {
        assert!(
            !what.is_empty()
                && what
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit()),
            "a backup reason is a word of the code, not user input"
        );
        let fail = |message: String| Error::Collection {
            path: self.path.to_path_buf(),
            message,
        };
        let folder = self.folder();
        std::fs::create_dir_all(&folder).map_err(|e| {
            fail(format!(
                "cannot create the backups folder `{}` ({e}): nothing was changed",
                folder.display()
            ))
        })?;
        let suffix = format!("-before-{what}");
        let kept = self.kept_backups(&suffix);
        if let Some(newest) = kept.last()
            && holds_the_same(self.conn, &newest.path)
        {
            return Ok(newest.path.clone());
        }
        let today = self.today;
        let stem = self.stem();
        let numbered = |n: u32| match n {
            1 => format!("{stem}-{today}{suffix}.db"),
            n => format!("{stem}-{today}{suffix}-{n}.db"),
        };
        let first_free = kept
            .iter()
            .filter(|k| k.day == today)
            .map(|k| k.number + 1)
            .max()
            .unwrap_or(1);
        let mut names = (first_free..)
            .map(|n| folder.join(numbered(n)))
            .filter(|p| !p.exists());
        let path = loop {
            let path = names.next().expect("an unbounded range has free names");
            match self.copy_to(&path) {
                Ok(()) => break path,
                // Another process took the name meanwhile: the next one.
                Err(_) if path.exists() => continue,
                Err(e) => {
                    return Err(fail(format!(
                        "cannot write the backup `{}` ({e}): nothing was changed",
                        path.display()
                    )));
                }
            }
        };
        if !what.starts_with(UPGRADE) {
            let keep = super::settings_of(self.conn).map_or(1, |s| s.backups_to_keep.max(1));
            remove_all_but(self.kept_backups(&suffix), keep as usize);
        }
        Ok(path)
    }

    /// The copies of this collection of one kind (`""`: daily, else
    /// `-before-<what>`), oldest first.
    fn kept_backups(&self, suffix: &str) -> Vec<Kept> {
        let Ok(entries) = std::fs::read_dir(self.folder()) else {
            return Vec::new();
        };
        let prefix = format!("{}-", self.stem());
        let mut kept: Vec<Kept> = entries
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                let name = path.file_name()?.to_str()?;
                let (day, number) = parse_name(name, &prefix, suffix)?;
                Some(Kept { day, number, path })
            })
            .collect();
        kept.sort();
        kept
    }

    /// Writes a consistent copy of the collection to `path` (which must not
    /// exist): first under a temporary name beside it, then renamed.
    fn copy_to(&self, path: &Path) -> std::result::Result<(), String> {
        let folder = path.parent().unwrap_or(Path::new("."));
        let temp = tempfile::Builder::new()
            .prefix(".rehearse-backup-")
            .suffix(".tmp")
            .tempfile_in(folder)
            .map_err(|e| e.to_string())?;
        {
            let mut copy = rusqlite::Connection::open(temp.path()).map_err(|e| e.to_string())?;
            let backup = Backup::new(self.conn, &mut copy).map_err(|e| e.to_string())?;
            // One step: the whole file from one snapshot, never restarted
            // by another process's write.
            let mut tries = 0;
            loop {
                match backup
                    .step(-1)
                    .map_err(|e| crate::error::sqlite_message(&e))?
                {
                    StepResult::Done => break,
                    StepResult::More => {}
                    _ if tries < 100 => {
                        tries += 1;
                        std::thread::sleep(std::time::Duration::from_millis(50));
                    }
                    _ => return Err("the collection stayed busy".into()),
                }
            }
            drop(backup);
            // The copy is one self-contained file: no write-ahead log
            // appears beside it when it is opened read-only elsewhere.
            copy.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))
                .map_err(|e| e.to_string())?;
        }
        temp.persist_noclobber(path)
            .map(|_| ())
            .map_err(|e| e.error.to_string())
    }
}

/// Whether the SQLite file `other` holds the same schema, the same
/// `user_version` and the same rows in every table as the collection
/// behind `conn`. Anything unreadable counts as different.
fn holds_the_same(conn: &rusqlite::Connection, other: &Path) -> bool {
    let attached = conn.execute(
        "ATTACH DATABASE ?1 AS kept",
        [other.to_string_lossy().as_ref()],
    );
    if attached.is_err() {
        return false;
    }
    let same = same_as_kept(conn).unwrap_or(false);
    let _ = conn.execute("DETACH DATABASE kept", []);
    same
}

/// The one place SQL text is assembled: a schema name and table names
/// are identifiers, which SQLite cannot take as bound parameters. The
/// names come from the file's own `sqlite_schema` and are quoted.
fn same_as_kept(conn: &rusqlite::Connection) -> rusqlite::Result<bool> {
    let schema = |db: &str| -> rusqlite::Result<Vec<(String, String, Option<String>)>> {
        let sql = format!("SELECT type, name, sql FROM {db}.sqlite_schema ORDER BY type, name");
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect()
    };
    let version = |db: &str| -> rusqlite::Result<i64> {
        conn.query_row(&format!("PRAGMA {db}.user_version"), [], |r| r.get(0))
    };
    let ours = schema("main")?;
    if ours != schema("kept")? || version("main")? != version("kept")? {
        return Ok(false);
    }
    for (kind, table, _) in &ours {
        if kind != "table" {
            continue;
        }
        let table = table.replace('"', "\"\"");
        // Equal counts and no row of ours missing from the copy mean equal
        // contents (every table but sqlite_sequence has a primary key).
        let same: bool = conn.query_row(
            &format!(
                "SELECT (SELECT count(*) FROM main.\"{table}\") = (SELECT count(*) FROM kept.\"{table}\")
                    AND NOT EXISTS (SELECT * FROM main.\"{table}\" EXCEPT SELECT * FROM kept.\"{table}\")"
            ),
            [],
            |r| r.get(0),
        )?;
        if !same {
            return Ok(false);
        }
    }
    Ok(true)
}

/// The day and number of a backup's file name `<prefix>YYYY-MM-DD<suffix>[-N].db`.
fn parse_name(name: &str, prefix: &str, suffix: &str) -> Option<(NaiveDate, u32)> {
    let rest = name.strip_prefix(prefix)?.strip_suffix(".db")?;
    let day = NaiveDate::parse_from_str(rest.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = rest.get(10..)?.strip_prefix(suffix)?;
    if rest.is_empty() {
        return Some((day, 1));
    }
    if suffix.is_empty() {
        return None;
    }
    let number: u32 = rest.strip_prefix('-')?.parse().ok()?;
    (number >= 2 && !rest[1..].starts_with('0')).then_some((day, number))
}

/// Removes the oldest copies until `keep` are left. A copy that cannot be
/// removed stays: it costs space, never data.
fn remove_all_but(kept: Vec<Kept>, keep: usize) {
    let extra = kept.len().saturating_sub(keep);
    for old in kept.into_iter().take(extra) {
        let _ = std::fs::remove_file(&old.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn names_are_read_back() {
        let daily = |name| parse_name(name, "rehearse-", "");
        assert_eq!(
            daily("rehearse-2026-11-30.db"),
            Some((day("2026-11-30"), 1))
        );
        assert_eq!(daily("rehearse-2026-11-30-before-prune.db"), None);
        assert_eq!(daily("rehearse-2026-11-30-2.db"), None);
        assert_eq!(daily("rehearse-x-2026-11-30.db"), None);
        assert_eq!(daily("rehearse-2026-13-30.db"), None);
        assert_eq!(daily("rehearse-2026-11-30.db.tmp"), None);
        let prune = |name| parse_name(name, "rehearse-", "-before-prune");
        assert_eq!(
            prune("rehearse-2026-11-30-before-prune.db"),
            Some((day("2026-11-30"), 1))
        );
        assert_eq!(
            prune("rehearse-2026-11-30-before-prune-12.db"),
            Some((day("2026-11-30"), 12))
        );
        assert_eq!(prune("rehearse-2026-11-30-before-prune-1.db"), None);
        assert_eq!(prune("rehearse-2026-11-30-before-prune-02.db"), None);
        assert_eq!(prune("rehearse-2026-11-30-before-restore.db"), None);
        assert_eq!(prune("rehearse-2026-11-30.db"), None);
    }
}
