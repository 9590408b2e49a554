//! `export --format apkg`: an Anki package that Anki desktop (2.1 and
//! later) and AnkiDroid import, with our schedule and review log (see
//! docs/imports.md, "Anki packages out").
//!
//! The package is a zip holding `collection.anki2`, a schema 11 Anki
//! collection (note types, decks and options as JSON in the one `col` row;
//! notes, cards and `revlog` as rows), and a `media` file listing no media.
//! Schema 11 is the one format every Anki since 2.1 and AnkiDroid read;
//! newer versions upgrade it when they import it.
//!
//! - [`notes`] groups our cards into Anki notes (Basic, Basic and reversed,
//!   Cloze) and gives them stable ids and guids;
//! - [`schedule`] maps each card's SM-2 state and each answer of the log to
//!   Anki's `cards` and `revlog` columns;
//! - [`collection`] writes the SQLite file (the `col` row's JSON comes from
//!   [`col_json`]), which is then zipped beside the
//!   output and renamed onto it, so a failed export leaves no half file.

mod col_json;
mod collection;
mod notes;
mod schedule;

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use crate::domain::{Card, Review};
use crate::error::{Error, Result};

/// What `export --format apkg` writes, as the CLI reads it from the
/// collection.
#[derive(Debug)]
pub struct Export<'a> {
    /// The decks to export, by name, each with its description and cards in
    /// file order.
    pub decks: &'a [ExportDeck],
    /// The review log of those decks (any order; answers to cards that are
    /// not exported are left out).
    pub reviews: &'a [Review],
    /// For every note key of the whole collection, the smallest id of a
    /// deck holding it: a note keeps its key as its guid only in that deck
    /// (see [`notes`]), whichever decks are exported.
    pub note_owners: &'a HashMap<String, i64>,
    pub today: NaiveDate,
    pub now_ms: i64,
    pub day_starts_at_hour: u32,
    pub new_per_day: u32,
    pub reviews_per_day: u32,
}

/// One deck to export.
#[derive(Debug, Clone)]
pub struct ExportDeck {
    /// The deck's id in our collection.
    pub id: i64,
    pub name: String,
    pub description: String,
    pub cards: Vec<Card>,
}

/// What went into the package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub decks: usize,
    pub notes: usize,
    pub cards: usize,
    pub answers: usize,
    /// Cards left out (a cloze number Anki cannot hold).
    pub skipped: usize,
}

/// Writes the package of `export` to `path`, replacing it.
pub fn write(path: &Path, export: &Export<'_>) -> Result<Summary> {
    let fail = |message: String| Error::file(path, message);
    let plan = notes::plan(export);
    let folder = tempfile::tempdir().map_err(|e| fail(format!("a temporary folder: {e}")))?;
    let db_path = folder.path().join("collection.anki2");
    let summary = collection::write(&db_path, export, &plan)
        .map_err(|e| fail(format!("writing the Anki collection: {e}")))?;
    let db = std::fs::read(&db_path).map_err(|e| Error::io(&db_path, &e))?;
    zip_into(path, &db).map_err(|e| fail(e.to_string()))?;
    Ok(summary)
}

/// The zip of `collection.anki2` and an empty media list, written beside
/// `path` and renamed onto it.
fn zip_into(path: &Path, collection: &[u8]) -> std::result::Result<(), Box<dyn std::error::Error>> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".rehearse-export-").suffix(".apkg");
    // Created as any new file is (the umask applies), not private as
    // temporary files are.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let file = builder.tempfile_in(folder)?;
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("collection.anki2", options)?;
    zip.write_all(collection)?;
    zip.start_file("media", options)?;
    zip.write_all(b"{}")?;
    let file = zip.finish()?;
    file.as_file().sync_all()?;
    file.persist(path)?;
    Ok(())
}
