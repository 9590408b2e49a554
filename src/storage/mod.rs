//! The collection: one SQLite file holding decks, cards with their SM-2
//! state, the append-only review log and the settings.
//!
//! Opening checks that the file is ours before anything is written, climbs
//! the schema ladder (`user_version`) and refuses files from a newer rehearse.
//! Every user action is one transaction, taken `IMMEDIATE` so that two
//! processes queue on `busy_timeout` instead of failing halfway.

mod cards;
mod check;
mod import;
mod interview;
mod queue;
mod reviews;
mod stats;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::error::{Error, Result};
use crate::settings::Settings;

pub use cards::{Card, CardFilter, DeckCounts, Schedule};
pub use check::{CheckReport, Problem};
pub use import::{ImportCounts, ImportWriter};
pub use interview::Interview;
pub use queue::DueCards;
pub use reviews::{Answer, Review, ReviewKind, Undone};
pub use stats::{BUCKET_MS, ReviewBucket};

/// `PRAGMA application_id` of a rehearse collection ("RHRS").
const APPLICATION_ID: i32 = 0x5248_5253;

/// The schema ladder: entry N brings a file from version N to N + 1.
const MIGRATIONS: &[&str] = &[
    include_str!("v1.sql"),
    include_str!("v2.sql"),
    include_str!("v3.sql"),
    include_str!("v4.sql"),
    include_str!("v5.sql"),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub struct Collection {
    conn: Connection,
    path: PathBuf,
    /// The copy of the file kept before this open upgraded its schema.
    upgrade_backup: Option<PathBuf>,
}

impl Collection {
    /// Opens (or creates, with its parent folders) the collection at `path`.
    pub fn open(path: &Path) -> Result<Collection> {
        let fail = |message: String| Error::Collection {
            path: path.display().to_string(),
            message,
        };
        check_file_is_sqlite(path).map_err(fail)?;
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| fail(format!("cannot create folder `{}`: {e}", parent.display())))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| fail(crate::error::sqlite_message(&e)))?;
        conn.busy_timeout(Duration::from_secs(10))
            .map_err(|e| fail(crate::error::sqlite_message(&e)))?;
        let mut collection = Collection {
            conn,
            path: path.to_path_buf(),
            upgrade_backup: None,
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
        let path = self.path.display().to_string();
        let fail = |message: String| Error::Collection {
            path: path.clone(),
            message,
        };
        // One statement, so one snapshot: read one by one, the three could
        // straddle another process creating the collection at this moment
        // (no application id yet, then its tables) and take it for a
        // database that is not ours.
        let (app_id, version, tables): (i32, i64, i64) = self.conn.query_row(
            "SELECT (SELECT application_id FROM pragma_application_id),
                    (SELECT user_version FROM pragma_user_version),
                    (SELECT count(*) FROM sqlite_schema)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
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
        // Each command is a short-lived process, usually the last one to
        // close the file: a checkpoint on close would fsync and delete the
        // WAL every time (~15 ms per `grade`). Leave it to SQLite's
        // automatic checkpoints instead; a killed process still loses
        // nothing that was committed.
        self.conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )?;
        if version < SCHEMA_VERSION {
            if version >= 1 && tables > 0 {
                self.upgrade_backup = Some(self.backup_before_upgrade(version)?);
            }
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Another process may have upgraded while we waited for the lock.
            let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
            for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
                tx.execute_batch(sql)?;
                tx.pragma_update(None, "user_version", i as i64 + 1)?;
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

    /// Copies the collection, as it is, next to it before a migration
    /// touches it (`rehearse.db.schema-v1.bak`, numbered if that exists), so
    /// an upgrade that goes wrong, or a downgrade of rehearse, loses nothing.
    fn backup_before_upgrade(&self, version: i64) -> Result<PathBuf> {
        let name = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "rehearse.db".into());
        let mut backup = self
            .path
            .with_file_name(format!("{name}.schema-v{version}.bak"));
        let mut n = 1;
        while backup.exists() {
            n += 1;
            backup = self
                .path
                .with_file_name(format!("{name}.schema-v{version}.{n}.bak"));
        }
        self.conn
            .execute("VACUUM INTO ?1", [backup.to_string_lossy().as_ref()])?;
        Ok(backup)
    }

    pub fn settings(&self) -> Result<Settings> {
        let mut settings = Settings::default();
        let mut stmt = self.conn.prepare_cached("SELECT key, value FROM config")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (key, value) = row?;
            // A value this version does not know is ignored, not fatal.
            let _ = settings.set(&key, &value);
        }
        Ok(settings)
    }

    /// Checks and stores one setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<Settings> {
        let mut settings = self.settings()?;
        settings.set(key, value)?;
        let canonical = settings.get(key)?;
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO config (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, &canonical),
        )?;
        tx.commit()?;
        Ok(settings)
    }

    /// A write transaction that holds the lock from the start.
    fn write(&mut self) -> Result<rusqlite::Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// Every deck name, sorted.
    pub fn deck_names(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT name FROM decks ORDER BY name")?;
        let names = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    pub fn deck_description(&self, name: &str) -> Result<String> {
        Ok(self
            .conn
            .query_row(
                "SELECT description FROM decks WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_default())
    }

    /// The id of deck `name` when one is named (`--deck`), `None` for all
    /// decks; an unknown name is an error with a suggestion.
    pub fn deck_id_of(&self, name: Option<&str>) -> Result<Option<i64>> {
        name.map(|n| self.deck_id(n)).transpose()
    }

    /// The id of deck `name`, or an error with a suggestion.
    pub fn deck_id(&self, name: &str) -> Result<i64> {
        let id = self
            .conn
            .query_row("SELECT id FROM decks WHERE name = ?1", [name], |r| r.get(0))
            .optional()?;
        match id {
            Some(id) => Ok(id),
            None => {
                let names = self.deck_names()?;
                let hint = match crate::error::suggest(name, names.iter().map(String::as_str)) {
                    Some(s) => format!(" (did you mean `{s}`?)"),
                    None if names.is_empty() => {
                        " (the collection has no decks yet: `rehearse import FILE`)".into()
                    }
                    None => format!(" (decks: {})", names.join(", ")),
                };
                Err(Error::UnknownDeck {
                    name: name.to_string(),
                    hint,
                })
            }
        }
    }

    pub fn is_empty(&self) -> Result<bool> {
        let any: bool = self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM cards)", [], |r| r.get(0))?;
        Ok(!any)
    }
}

/// Refuses, before SQLite touches it, a path that is a folder or a file that
/// is not a SQLite database. A missing or empty file is fine: it is created.
fn check_file_is_sqlite(path: &Path) -> Result<(), String> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e.to_string()),
    };
    if meta.is_dir() {
        return Err("is a directory, not a collection file".into());
    }
    if meta.len() == 0 {
        return Ok(());
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
    Ok(())
}
