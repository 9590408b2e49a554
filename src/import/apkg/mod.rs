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

mod history;
mod legacy;
mod modern;
mod notes;
pub mod schedule;
mod sqlite;
mod unpack;

use std::path::Path;

pub use unpack::remove_unpacked_collections;

use crate::clock::Clock;
use crate::domain::Histories;
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

pub use crate::error::PackageError;

/// Results inside the package reader, before the path is put on the error.
type PackageResult<T> = std::result::Result<T, PackageError>;

/// Reads an `.apkg` or `.colpkg` file: one deck per Anki deck holding cards,
/// and notices about what was skipped (media, empty cards). Every card
/// comes as new: [`read_with_history`] also reads the scheduling.
pub fn read(path: &Path, progress: &dyn Progress) -> Result<ReadOutcome> {
    read_with_limits(path, progress, &Limits::default())
}

/// [`read`] with explicit unpacking limits (tests use small ones).
pub fn read_with_limits(
    path: &Path,
    progress: &dyn Progress,
    limits: &Limits,
) -> Result<ReadOutcome> {
    read_package(path, progress, limits, None)
        .map(|(outcome, _)| outcome)
        .map_err(|problem| Error::Package {
            path: path.to_path_buf(),
            problem,
        })
}

/// [`read`], and each card's schedule, suspension and past answers as the
/// package keeps them, mapped onto SM-2 ([`schedule`]); `clock` places
/// answers and due days on local days, and says what day the import is.
/// A package exported without scheduling gives new cards and no answers.
pub fn read_with_history(
    path: &Path,
    progress: &dyn Progress,
    clock: &Clock,
) -> Result<(ReadOutcome, Histories)> {
    read_with_history_and_limits(path, progress, clock, &Limits::default())
}

/// [`read_with_history`] with explicit unpacking limits (the fuzz targets).
pub fn read_with_history_and_limits(
    path: &Path,
    progress: &dyn Progress,
    clock: &Clock,
    limits: &Limits,
) -> Result<(ReadOutcome, Histories)> {
    read_package(path, progress, limits, Some(clock)).map_err(|problem| Error::Package {
        path: path.to_path_buf(),
        problem,
    })
}

fn read_package(
    path: &Path,
    progress: &dyn Progress,
    limits: &Limits,
    clock: Option<&Clock>,
) -> PackageResult<(ReadOutcome, Histories)> {
    let mut package = unpack::Package::open(path)?;
    let unpacked = package.unpack(limits)?;
    let db = sqlite::open_guarded(unpacked.db_path())?;
    if package.entry == unpack::STUB_ENTRY && notes::is_stub(&db) {
        return Err(PackageError::Stub);
    }
    notes::check_tables(&db)?;
    let (note_types, decks) = if modern::is_modern(&db)? {
        (modern::note_types(&db)?, modern::decks(&db)?)
    } else {
        legacy::note_types_and_decks(&db)?
    };
    let notes::Collected { mut outcome, made } =
        notes::read_collection(&db, &note_types, &decks, progress)?;
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
    let histories = match clock {
        Some(clock) => {
            let (histories, notices) = history::read(&db, &made, clock)?;
            outcome.notices.extend(notices);
            histories
        }
        None => Histories::new(),
    };
    Ok((outcome, histories))
}
