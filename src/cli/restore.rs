//! `rehearse import backup.json`: a backup written by `export --format
//! json` restored whole into an empty collection (docs/collection.md,
//! "Restoring a backup"). Each deck is reported as an import's counts
//! line (all its cards added), and a note says what else came back.

use std::path::Path;

use super::print_err;
use super::render::count;
use crate::error::{Error, Result};
use crate::storage::{Collection, ImportCounts};

/// Restores the backup at `path`; `options` is true when `--deck` or
/// `--prune` was given, which a restore cannot honour.
pub fn run(collection: &mut Collection, path: &Path, options: bool) -> Result<Vec<ImportCounts>> {
    if options {
        return Err(Error::file(
            path,
            "is a backup, restored as it is: --deck and --prune do not apply to it",
        ));
    }
    let backup = crate::import::backup::read(path)?;
    let restored = collection.restore(&backup).map_err(|e| match e {
        e @ Error::Collection { .. } => e,
        Error::Sqlite(e) => Error::file(
            path,
            format!("not restored: {}", crate::error::sqlite_message(&e)),
        ),
        other => Error::file(path, format!("not restored: {other}")),
    })?;
    print_err(&format!(
        "note: {}: restored {}, {}, {} and {}",
        path.display(),
        count(restored.decks as i64, "deck"),
        count(restored.answers as i64, "answer"),
        count(backup.config.len() as i64, "setting"),
        count(backup.interviews.len() as i64, "interview date"),
    ));
    Ok(backup
        .decks
        .iter()
        .map(|d| ImportCounts {
            deck: d.name.clone(),
            added: d.cards.len(),
            ..ImportCounts::default()
        })
        .collect())
}
