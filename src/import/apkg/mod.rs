//! Anki packages, `.apkg` and `.colpkg` (see docs/imports.md).
//!
//! A package is a zip holding a SQLite collection: `collection.anki21b`
//! (zstd-compressed, schema 18: note types in the `notetypes`, `fields` and
//! `templates` tables, deck names split by 0x1f), else `collection.anki21`,
//! else `collection.anki2` (schema 11: note types and decks as JSON in `col`).
//! Modern packages also carry a stub `collection.anki2` whose one note asks to
//! update Anki; the order above never picks it when a real one is there.
//!
//! Packages come from strangers, so nothing in one is trusted:
//! - [`unpack`]: entry names are only compared, never used as paths; the
//!   collection is copied into a private temporary folder, counting bytes so
//!   a zip (or zstd) bomb is refused before it fills the disk, and the folder
//!   goes on every exit path, signals included;
//! - [`sqlite`]: the copy is opened read-only with an untrusted schema,
//!   SQLite limits and a work budget, and refused when its Anki tables are
//!   anything but plain tables (a view or a generated column runs code).
//!
//! Then [`notes`] turns the `cards` table (which cards exist, their deck) and
//! the notes' fields into card drafts, with note types and decks read by
//! [`legacy`] or [`modern`]. Ids are the note guid ([`id_from_guid`]),
//! `guid#r` for the reverse card, `guid#cN` for cloze N, so an updated shared
//! deck re-imports in place.
//!
//! [`id_from_guid`]: crate::import::id_from_guid

mod legacy;
mod modern;
mod notes;
mod sqlite;
mod unpack;

use std::path::Path;

pub use unpack::remove_unpacked_collections;

use crate::error::{Error, Result};
use crate::import::{Progress, ReadOutcome};

/// How much a package may expand when its collection is unpacked.
#[derive(Debug, Clone)]
pub struct Limits {
    /// The unpacked collection may not be larger than this.
    pub max_collection_bytes: u64,
    /// Past `ratio_floor_bytes`, the unpacked collection may not be more than
    /// this many times its packed size: real collections compress maybe
    /// 3–20×, bombs a thousand times or more.
    pub max_ratio: u64,
    pub ratio_floor_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_collection_bytes: 2 << 30,
            max_ratio: 100,
            ratio_floor_bytes: 32 << 20,
        }
    }
}

/// Why a package cannot be read. Shown after the package's path.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("{}", crate::error::io_message(.0))]
    Io(#[source] std::io::Error),
    #[error("not an Anki package: the file is not a zip archive, or it is truncated")]
    NotZip,
    #[error(
        "not an Anki package: no collection inside (collection.anki21b, collection.anki21 or collection.anki2)"
    )]
    NoCollection,
    #[error("the package is damaged or truncated ({0})")]
    Damaged(#[source] Box<dyn std::error::Error + Send + Sync>),
    #[error("cannot make a temporary folder to unpack into: {0}")]
    TempDir(#[source] std::io::Error),
    #[error("cannot unpack the collection: {0}")]
    Unpack(#[source] std::io::Error),
    #[error("refused: `{entry}` unpacks to more than {} MiB from {} KiB (a zip bomb?)", .unpacked >> 20, .packed >> 10)]
    Bomb {
        entry: &'static str,
        unpacked: u64,
        packed: u64,
    },
    #[error("not an Anki package: its collection is not a readable Anki database")]
    NotACollection,
    #[error("not an Anki package: its collection is not a readable Anki database ({0})")]
    Unreadable(#[source] rusqlite::Error),
    #[error("refused: {0}, which runs code when read (an Anki collection holds plain tables only)")]
    Hostile(sqlite::Unsafe),
    #[error("refused: reading its collection took far too much work (a hostile package?)")]
    TooMuchWork,
    #[error("refused: reading its collection needs too much memory (a hostile package?)")]
    TooMuchMemory(#[source] rusqlite::Error),
    #[error(
        "this package holds only Anki's placeholder asking to update Anki: its real collection is in a format this version cannot read"
    )]
    Stub,
    #[error("not an Anki package: its note types or decks cannot be read")]
    BadJson,
    #[error("the collection holds text that is not valid UTF-8")]
    NotUtf8,
    #[error("note {0}: its text is not valid UTF-8")]
    NoteNotUtf8(i64),
    #[error("cannot read the collection: {0}")]
    Sqlite(#[source] rusqlite::Error),
    #[error("no cards: the package holds no card this reader can use{}", notices_in_brackets(.0))]
    NoCards(Vec<String>),
}

fn notices_in_brackets(notices: &[String]) -> String {
    if notices.is_empty() {
        String::new()
    } else {
        format!(" ({})", notices.join("; "))
    }
}

impl From<rusqlite::Error> for PackageError {
    /// What a failed query on the package's collection means to the user.
    fn from(err: rusqlite::Error) -> PackageError {
        use rusqlite::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::OperationInterrupted) => return PackageError::TooMuchWork,
            Some(ErrorCode::OutOfMemory | ErrorCode::TooBig) => {
                return PackageError::TooMuchMemory(err);
            }
            _ => {}
        }
        match err {
            rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::Utf8Error(..) => {
                PackageError::NotUtf8
            }
            rusqlite::Error::SqliteFailure(..) => PackageError::Unreadable(err),
            other => PackageError::Sqlite(other),
        }
    }
}

/// Results inside the package reader, before the path is put on the error.
type PackageResult<T> = std::result::Result<T, PackageError>;

/// Reads an `.apkg` or `.colpkg` file: one deck per Anki deck holding cards,
/// and notices about what was skipped (media, empty cards).
pub fn read(path: &Path, progress: &dyn Progress) -> Result<ReadOutcome> {
    read_with_limits(path, progress, &Limits::default())
}

/// [`read`] with explicit unpacking limits (tests use small ones).
pub fn read_with_limits(
    path: &Path,
    progress: &dyn Progress,
    limits: &Limits,
) -> Result<ReadOutcome> {
    read_package(path, progress, limits).map_err(|problem| Error::Package {
        path: path.to_path_buf(),
        problem,
    })
}

fn read_package(
    path: &Path,
    progress: &dyn Progress,
    limits: &Limits,
) -> PackageResult<ReadOutcome> {
    let mut package = unpack::Package::open(path)?;
    let unpacked = package.unpack(limits)?;
    let db = sqlite::open_guarded(unpacked.db_path())?;
    if package.entry == unpack::STUB_ENTRY && notes::is_stub(&db) {
        return Err(PackageError::Stub);
    }
    let mut outcome = notes::read_collection(&db, progress)?;
    if outcome.decks.is_empty() {
        return Err(PackageError::NoCards(outcome.notices));
    }
    if package.media > 0 {
        let plural = if package.media == 1 { "" } else { "s" };
        outcome.notices.insert(
            0,
            format!(
                "skipped {} media file{plural} (images and sounds are not supported)",
                package.media
            ),
        );
    }
    Ok(outcome)
}
