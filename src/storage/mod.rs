//! The collection: one SQLite file holding decks, cards with their SM-2
//! state, the append-only review log and the settings.
//!
//! Opening checks that the file is ours before anything is written, climbs
//! the schema ladder (`user_version`) and refuses files from a newer rehearse.
//! Every user action is one transaction, taken `IMMEDIATE` so that two
//! processes queue on `busy_timeout` instead of failing halfway. Closing
//! checkpoints the write-ahead log into the main file, so that once a
//! command has exited the main file alone is the collection (see
//! docs/collection.md): it can be copied as a backup, and a leftover `-wal`
//! holds nothing the main file lacks.

mod backup;
mod cards;
mod check;
mod counts;
mod import;
mod import_history;
mod interview;
mod manage;
mod queue;
mod resolve;
mod restore;
mod reviews;
mod stats;
mod suspend;
mod sync;
mod types;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::error::{Error, Result};
use crate::settings::Settings;

pub use crate::domain::{Answer, Review, ReviewKind};
pub use backup::Opening;
pub use cards::{Card, CardFilter, DeckCounts, Schedule};
pub use check::{CheckReport, Problem};
pub use counts::BUCKET_MS;
pub use import::{ImportCounts, ImportWriter};
pub use import_history::HistoryCounts;
pub use interview::Interview;
pub use interview::InterviewStanding;
pub use manage::{DeckRename, Deleted};
pub use queue::{Buried, DueCards};
pub use resolve::{DeckRef, LISTED};
pub use restore::Restored;
pub use reviews::Undone;
pub use stats::{DeckStates, ReviewBucket};
pub use suspend::{Selection, Suspension};
pub use sync::{DeviceReport, Incoming, Outgoing};

/// `PRAGMA application_id` of a rehearse collection ("RHRS").
const APPLICATION_ID: i32 = 0x5248_5253;

/// The schema ladder: entry N brings a file from version N to N + 1.
const MIGRATIONS: &[&str] = &[
    include_str!("v1.sql"),
    include_str!("v2.sql"),
    include_str!("v3.sql"),
    include_str!("v4.sql"),
    include_str!("v5.sql"),
    include_str!("v6.sql"),
    include_str!("v7.sql"),
    include_str!("v8.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// How long closing waits for other processes before leaving the
/// checkpoint to the last one to close (each of them checkpoints too).
const CHECKPOINT_WAIT: Duration = Duration::from_millis(200);

pub struct Collection {
    conn: Connection,
    path: PathBuf,
    /// The copy of the file kept before this open upgraded its schema.
    upgrade_backup: Option<PathBuf>,
    /// How it was opened: the day backups are named after, and whether
    /// the first write of the day keeps a copy (storage/backup.rs).
    opening: Opening,
    /// The daily copy was seen to or made by this process.
    daily_checked: bool,
}

impl Collection {
    /// Opens (or creates) the collection at `path`, whose folder must
    /// exist; backups are named after today's date and no daily copy is
    /// kept. The CLI uses [`Collection::open_with`].
    pub fn open(path: &Path) -> Result<Collection> {
        Collection::open_with(path, Opening::default())
    }

    /// Opens the collection at `path` as `opening` says. Its folder must
    /// exist: a typing mistake in `--db` must not grow a tree of folders
    /// (docs/collection.md).
    pub fn open_with(path: &Path, opening: Opening) -> Result<Collection> {
        let fail = |message: String| Error::Collection {
            path: path.to_path_buf(),
            message,
        };
        check_is_a_file_name(path).map_err(fail)?;
        let exists = check_file_is_sqlite(path).map_err(fail)?;
        if !opening.create && !exists {
            return Err(Error::NoCollection {
                path: path.to_path_buf(),
            });
        }
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
            && !parent.is_dir()
        {
            return Err(fail(format!(
                "the folder `{}` does not exist: create it first, or give another --db",
                parent.display()
            )));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| fail(crate::error::sqlite_message(&e)))?;
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(|e| fail(crate::error::sqlite_message(&e)))?;
        // Every query is a cached statement (src/storage/sql/): the loops of
        // an import or a sync use more than rusqlite's default 16 of them,
        // and an evicted statement is parsed again on every row.
        conn.set_prepared_statement_cache_capacity(256);
        // The query planner keeps one plan per statement instead of planning
        // again whenever a bound value might change it: a cached statement
        // is then prepared once, not on every row of a loop (benches/sync.sh).
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )
        .map_err(|e| fail(crate::error::sqlite_message(&e)))?;
        let mut collection = Collection {
            conn,
            path: path.to_path_buf(),
            upgrade_backup: None,
            opening,
            daily_checked: false,
        };
        // Processes opening a brand-new file together can meet SQLITE_BUSY
        // without the busy handler being asked (switching to WAL takes an
        // exclusive lock, and two shared holders would deadlock): every step
        // of `prepare` is idempotent, so wait a moment and try again.
        let mut attempts = 0;
        loop {
            match collection.prepare() {
                Err(Error::Sqlite(rusqlite::Error::SqliteFailure(f, _)))
                    if attempts < 200
                        && matches!(
                            f.code,
                            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                        ) =>
                {
                    attempts += 1;
                    std::thread::sleep(Duration::from_millis(5 + attempts % 20));
                }
                Err(Error::Sqlite(e)) => return Err(fail(crate::error::sqlite_message(&e))),
                Err(other) => return Err(other),
                Ok(()) => return Ok(collection),
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where the pre-upgrade copy went, when opening upgraded the schema.
    pub fn upgrade_backup(&self) -> Option<&Path> {
        self.upgrade_backup.as_deref()
    }

    fn prepare(&mut self) -> Result<()> {
        let path = self.path.clone();
        let fail = |message: String| Error::Collection {
            path: path.clone(),
            message,
        };
        // One statement, so one snapshot: read one by one, the three could
        // straddle another process creating the collection at this moment
        // (no application id yet, then its tables) and take it for a
        // database that is not ours.
        let (app_id, version, tables): (i32, i64, i64) =
            self.conn
                .query_row(include_str!("sql/file_identity.sql"), [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        if app_id != APPLICATION_ID && (tables > 0 || version != 0) {
            return Err(fail(
                "is a SQLite database but not a rehearse collection; it was left untouched".into(),
            ));
        }
        if version > SCHEMA_VERSION {
            return Err(fail(format!(
                "was written by a newer rehearse (schema version {version}; this one knows up to {SCHEMA_VERSION}): upgrade rehearse"
            )));
        }
        self.conn.pragma_update(None, "foreign_keys", true)?;
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            self.conn
                .query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        // SQLite's own checkpoint on close deletes the WAL, which the next
        // command must create again; `Drop` checkpoints with TRUNCATE
        // instead, which leaves an empty WAL in place (see `checkpoint`).
        self.conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )?;
        if version < SCHEMA_VERSION {
            if version >= 1 && tables > 0 {
                self.upgrade_backup = Some(self.backup_before_upgrade(version)?);
            }
            let kept = match &self.upgrade_backup {
                Some(backup) => format!(", and a copy is kept as `{}`", backup.display()),
                None => String::new(),
            };
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Another process may have upgraded while we waited for the lock.
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
                let target = i as i64 + 1;
                // One line: SQLite's message, not the migration's SQL text.
                tx.execute_batch(sql).map_err(|e| {
                    fail(format!(
                        "upgrading to schema version {target} failed: {} (the collection was left as it was{kept})",
                        one_line(&e)
                    ))
                })?;
                tx.pragma_update(None, "user_version", target)?;
            }
            // A migration may edit table text in sqlite_schema (v4): a new
            // schema cookie makes every connection, this one too, parse the
            // schema again.
            let cookie: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
            tx.pragma_update(None, "schema_version", cookie + 1)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Copies every committed change from the write-ahead log into the main
    /// file and empties the log (TRUNCATE), waiting at most
    /// [`CHECKPOINT_WAIT`] for other processes; one still busy with the
    /// collection checkpoints in turn when it closes. Skipped when the log
    /// is empty: a command that only read costs nothing more.
    ///
    /// Only an empty log file keeps that promise cheap. A PASSIVE
    /// checkpoint copies the frames but leaves them in the file: the next
    /// process, the first to open the collection, rebuilds its index from
    /// the whole file, takes every frame for uncopied, copies them all
    /// again and flushes the disk, even for `decks` (measured with
    /// benches/core.sh: see docs/collection.md).
    fn checkpoint(&self) -> Result<()> {
        let mut wal = self.path.clone().into_os_string();
        wal.push("-wal");
        if std::fs::metadata(&wal).map_or(true, |m| m.len() == 0) {
            return Ok(());
        }
        self.conn.busy_timeout(CHECKPOINT_WAIT)?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    pub fn settings(&self) -> Result<Settings> {
        settings_of(&self.conn)
    }

    /// Checks and stores one setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<Settings> {
        let mut settings = self.settings()?;
        settings.set(key, value)?;
        let canonical = settings.get(key)?;
        let tx = self.write()?;
        tx.execute(include_str!("sql/config_set.sql"), (key, &canonical))?;
        sync::record::touch(&tx, crate::sync::event::ChangeKind::Setting, "", key)?;
        tx.commit()?;
        Ok(settings)
    }

    /// A write transaction that holds the lock from the start; the first
    /// of the day keeps the day's copy first (storage/backup.rs).
    fn write(&mut self) -> Result<rusqlite::Transaction<'_>> {
        self.keep_daily_backup();
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// Every deck name, sorted.
    pub fn deck_names(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/deck_names.sql"))?;
        let names = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    pub fn deck_description(&self, name: &str) -> Result<String> {
        Ok(self
            .conn
            .query_row(include_str!("sql/deck_description.sql"), [name], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or_default())
    }

    /// The id of the one deck `name` names (`export --deck`), `None`
    /// for all decks; an unknown name is an error with a suggestion.
    pub fn deck_id_of(&self, name: Option<&str>) -> Result<Option<i64>> {
        name.map(|n| Ok(self.resolve_deck(n)?.id)).transpose()
    }

    pub fn is_empty(&self) -> Result<bool> {
        let any: bool = self
            .conn
            .query_row(include_str!("sql/any_card.sql"), [], |r| r.get(0))?;
        Ok(!any)
    }
}

impl Drop for Collection {
    /// The main file alone holds the collection once a command is done
    /// (see docs/collection.md). A failure here loses nothing: the log
    /// stays beside the file, and the next command checkpoints it.
    fn drop(&mut self) {
        let _ = self.checkpoint();
    }
}

/// SQLite's message for a failed statement, on one line and without the
/// statement's text (a migration is dozens of lines of SQL).
fn one_line(err: &rusqlite::Error) -> String {
    let text = match err {
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        rusqlite::Error::SqliteFailure(_, Some(msg)) => msg.clone(),
        other => crate::error::sqlite_message(other),
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Refuses names SQLite reads as something other than a file on disk:
/// `:memory:` and the empty name (a database that vanishes on exit), and
/// `file:` URIs. Each would report success and keep nothing.
fn check_is_a_file_name(path: &Path) -> Result<(), String> {
    let name = path.to_string_lossy();
    if name.is_empty() || name == ":memory:" || name.to_ascii_lowercase().starts_with("file:") {
        return Err(
            "is not a collection file: the collection lives in a file on disk, so give a path such as `./rehearse.db` (see docs/collection.md)"
                .into(),
        );
    }
    Ok(())
}

/// Refuses, before SQLite touches it, a path that is a folder or a file that
/// is not a SQLite database. Says whether it holds a database: a missing or
/// empty file does not (a command that may create one makes it one).
fn check_file_is_sqlite(path: &Path) -> Result<bool, String> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(e.to_string()),
    };
    if meta.is_dir() {
        return Err("is a directory, not a collection file".into());
    }
    if meta.len() == 0 {
        return Ok(false);
    }
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut header))
        .map_err(|e| e.to_string())?;
    if read < 16 || &header != b"SQLite format 3\0" {
        return Err(
            "is not a SQLite database (not a rehearse collection); it was left untouched".into(),
        );
    }
    Ok(true)
}

/// The settings stored in the collection behind `conn`.
fn settings_of(conn: &Connection) -> Result<Settings> {
    let mut settings = Settings::default();
    let mut stmt = conn.prepare_cached(include_str!("sql/config_all.sql"))?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (key, value) = row?;
        // A value this version does not know is ignored, not fatal.
        let _ = settings.set(&key, &value);
    }
    Ok(settings)
}
