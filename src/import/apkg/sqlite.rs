//! Opening a package's collection, a SQLite file written by a stranger.
//!
//! SQLite runs what a schema defines: a view is a query, a generated column
//! an expression, and either can be made to spin forever, fill the disk with
//! sort files or build strings of gigabytes. So the copy is opened
//!
//! - read-only and immutable (no journal, no locks), with `trusted_schema`
//!   off so the schema cannot call functions that have side effects;
//! - with SQLite limits set before the schema is parsed: string and SQL
//!   length, expression depth, no attached databases;
//! - with temporary storage in memory, under a hard heap limit;
//! - with a work budget: a progress handler interrupts a query once the
//!   collection has taken far more work than one of its size needs;
//!
//! and refused unless the tables we read are plain tables: no view, no
//! trigger, no virtual table, no generated column (Anki writes none).
//! See docs/imports.md.

use std::path::Path;

use rusqlite::limits::Limit;
use rusqlite::{Connection, OpenFlags};

use super::{PackageError, PackageResult};

/// The tables the reader queries, in either schema.
const ANKI_TABLES: [&str; 8] = [
    "col",
    "notes",
    "cards",
    "notetypes",
    "fields",
    "templates",
    "decks",
    "revlog",
];

/// The longest string or blob a collection may hand us. A note's fields
/// together are text typed by a person: kilobytes, not tens of megabytes.
const MAX_VALUE_BYTES: i32 = 64 << 20;

/// The longest SQL statement, schema entries included. Anki's are a few
/// hundred bytes.
const MAX_SQL_BYTES: i32 = 64 << 10;

/// SQLite's memory, temporary storage included, for the whole process while
/// a package is read. A hard limit cannot be raised again without `unsafe`
/// code, so it stays for the rest of the import; the collection being
/// written needs only a few megabytes.
const HARD_HEAP_LIMIT_BYTES: i64 = 1 << 30;

/// The work budget, in SQLite virtual machine instructions: a fixed part,
/// and a part per byte of the unpacked collection. Reading the 100,000-note
/// package of `benches/import.sh` (28 MB unpacked) takes about 3.5 million
/// instructions, 0.125 per byte, and each fixture package under 10,000; 10
/// per byte is 80 times what real collections need, and an endless query
/// on a small file stops after the fixed part, well under a second.
const BASE_INSTRUCTIONS: u64 = 50_000_000;
const INSTRUCTIONS_PER_BYTE: u64 = 10;

/// How many instructions run between two calls of the progress handler.
const INSTRUCTIONS_PER_CHECK: i32 = 10_000;

pub use crate::error::Unsafe;

/// Opens the unpacked collection at `db_path` for reading, guarded as the
/// module says, and checks its schema.
pub fn open_guarded(db_path: &Path) -> PackageResult<Connection> {
    let size = std::fs::metadata(db_path)
        .map_err(PackageError::Unpack)?
        .len();
    let mut db = Connection::open_with_flags(
        immutable_uri(db_path),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| PackageError::NotACollection)?;
    set_limits(&db).map_err(PackageError::Sqlite)?;
    let budget = BASE_INSTRUCTIONS.saturating_add(size.saturating_mul(INSTRUCTIONS_PER_BYTE));
    let mut checks_left = budget / INSTRUCTIONS_PER_CHECK as u64;
    db.progress_handler(
        INSTRUCTIONS_PER_CHECK,
        Some(move || {
            checks_left = checks_left.saturating_sub(1);
            checks_left == 0
        }),
    )
    .map_err(PackageError::Sqlite)?;
    // Schema 18 declares names `COLLATE unicase` (Anki's Unicode
    // case-insensitive order); SQLite refuses those tables without it.
    db.create_collation("unicase", |a: &str, b: &str| {
        a.chars()
            .flat_map(char::to_lowercase)
            .cmp(b.chars().flat_map(char::to_lowercase))
    })
    .map_err(PackageError::Sqlite)?;
    // The first query parses the schema: a file that is not SQLite fails here.
    db.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })
    .map_err(|e| match PackageError::from(e) {
        PackageError::Unreadable(_) | PackageError::Sqlite(_) => PackageError::NotACollection,
        other => other,
    })?;
    check_schema(&db)?;
    Ok(db)
}

/// A `file:` URI for `db_path` with `immutable=1`.
fn immutable_uri(db_path: &Path) -> String {
    let mut uri = String::from("file:");
    for &b in db_path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

fn set_limits(db: &Connection) -> rusqlite::Result<()> {
    db.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA,
        false,
    )?;
    db.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    db.set_limit(Limit::SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)?;
    db.set_limit(Limit::SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_BYTES)?;
    db.set_limit(Limit::SQLITE_LIMIT_EXPR_DEPTH, 100)?;
    db.set_limit(Limit::SQLITE_LIMIT_COMPOUND_SELECT, 4)?;
    db.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
    db.set_limit(Limit::SQLITE_LIMIT_TRIGGER_DEPTH, 1)?;
    db.pragma_update(None, "temp_store", "MEMORY")?;
    db.pragma_update(None, "mmap_size", 0)?;
    // Process-wide; only ever lowered by this pragma.
    db.query_row(
        &format!("PRAGMA hard_heap_limit = {HARD_HEAP_LIMIT_BYTES}"),
        [],
        |_| Ok(()),
    )?;
    Ok(())
}

/// Refuses a schema with anything that runs code on the tables we read.
fn check_schema(db: &Connection) -> PackageResult<()> {
    let mut stmt = db.prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_master")?;
    let objects = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (kind, name, sql) in objects {
        let anki = ANKI_TABLES.iter().any(|t| t.eq_ignore_ascii_case(&name));
        let problem = match kind.as_str() {
            "view" => Unsafe::View(name),
            "trigger" => Unsafe::Trigger(name),
            "table" if anki && is_virtual(&sql) => Unsafe::VirtualTable(name),
            "table" if anki => match generated_column(db, &name)? {
                Some(column) => Unsafe::GeneratedColumn {
                    table: name,
                    column,
                },
                None => continue,
            },
            _ => continue,
        };
        return Err(PackageError::Hostile(problem));
    }
    Ok(())
}

fn is_virtual(sql: &str) -> bool {
    let words: Vec<String> = sql
        .split_whitespace()
        .take(2)
        .map(str::to_ascii_uppercase)
        .collect();
    words == ["CREATE", "VIRTUAL"]
}

/// The first generated column of `table`, if any (`hidden` is 2 for a
/// virtual generated column, 3 for a stored one).
fn generated_column(db: &Connection, table: &str) -> rusqlite::Result<Option<String>> {
    let mut stmt = db.prepare("SELECT name FROM pragma_table_xinfo(?1) WHERE hidden IN (2, 3)")?;
    let mut rows = stmt.query([table])?;
    rows.next()?.map(|r| r.get(0)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain collection file (one table), opened guarded.
    fn guarded(dir: &tempfile::TempDir) -> Connection {
        let path = dir.path().join("c.sqlite");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT);")
            .unwrap();
        open_guarded(&path).unwrap()
    }

    #[test]
    fn an_endless_query_runs_out_of_work() {
        let dir = tempfile::tempdir().unwrap();
        let db = guarded(&dir);
        let endless = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) \
                       SELECT count(*) FROM r";
        let err = db
            .query_row(endless, [], |r| r.get::<_, i64>(0))
            .unwrap_err();
        assert!(
            matches!(PackageError::from(err), PackageError::TooMuchWork),
            "not stopped by the work budget"
        );
    }

    #[test]
    fn a_huge_string_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = guarded(&dir);
        let err = db
            .query_row("SELECT length(hex(zeroblob(100000000)))", [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap_err();
        assert!(
            matches!(PackageError::from(err), PackageError::TooMuchMemory(_)),
            "not stopped by the length limit"
        );
    }

    #[test]
    fn the_schema_cannot_write() {
        let dir = tempfile::tempdir().unwrap();
        let db = guarded(&dir);
        assert!(db.execute("INSERT INTO notes VALUES (1, 'x')", []).is_err());
    }
}
