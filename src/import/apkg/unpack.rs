//! The zip side of a package: which collection entry to read, how many media
//! files are skipped, and the unpacked copy of the collection in a private
//! temporary folder.
//!
//! The folder is removed when the import is done or fails (`Drop`), and also
//! when a signal ends the process mid-import: the CLI's signal handler calls
//! [`remove_unpacked_collections`], which is why every live folder is listed
//! in [`UNPACKED`].

use std::fs::File;
use std::io::{BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use super::{Limits, PackageError, PackageResult};

/// The collection entries, best first.
const COLLECTIONS: [&str; 3] = [
    "collection.anki21b",
    "collection.anki21",
    "collection.anki2",
];

/// The entry that, in modern packages, holds only a stub collection.
pub const STUB_ENTRY: &str = "collection.anki2";

/// A package's zip, opened, with the entry to read.
pub struct Package {
    zip: zip::ZipArchive<BufReader<File>>,
    /// The collection entry, one of [`COLLECTIONS`].
    pub entry: &'static str,
    /// How many media files the package holds (named by number in the zip).
    pub media: usize,
}

impl Package {
    pub fn open(path: &Path) -> PackageResult<Package> {
        if path.is_dir() {
            return Err(PackageError::Io(std::io::ErrorKind::IsADirectory.into()));
        }
        let file = File::open(path).map_err(PackageError::Io)?;
        let zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| match e {
            zip::result::ZipError::Io(io) => PackageError::Io(io),
            _ => PackageError::NotZip,
        })?;
        let names: Vec<String> = zip
            .file_names()
            .filter_map(|n| n.ok().map(|n| n.into_owned()))
            .collect();
        let entry = COLLECTIONS
            .into_iter()
            .find(|c| names.iter().any(|n| n == c))
            .ok_or(PackageError::NoCollection)?;
        let media = names
            .iter()
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            .count();
        Ok(Package { zip, entry, media })
    }

    /// Copies the collection entry into a fresh private folder, through zstd
    /// for `.anki21b`, within `limits`.
    pub fn unpack(&mut self, limits: &Limits) -> PackageResult<Unpacked> {
        let unpacked = Unpacked::new().map_err(PackageError::TempDir)?;
        let mut packed = self
            .zip
            .by_name(self.entry)
            .map_err(|e| PackageError::Damaged(e.into()))?;
        let packed_size = packed.compressed_size();
        let mut source: Box<dyn Read + '_> = if self.entry.ends_with("anki21b") {
            Box::new(
                zstd::stream::read::Decoder::new(&mut packed)
                    .map_err(|e| PackageError::Damaged(e.into()))?,
            )
        } else {
            Box::new(&mut packed)
        };
        let mut out = File::create(unpacked.db_path()).map_err(PackageError::Unpack)?;
        let mut buf = vec![0u8; 1 << 16];
        let mut written: u64 = 0;
        loop {
            let n = match source.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(PackageError::Damaged(e.into())),
            };
            written += n as u64;
            let too_big = written > limits.max_collection_bytes
                || (written > limits.ratio_floor_bytes
                    && written > packed_size.saturating_mul(limits.max_ratio));
            if too_big {
                return Err(PackageError::Bomb {
                    entry: self.entry,
                    unpacked: written,
                    packed: packed_size,
                });
            }
            out.write_all(&buf[..n]).map_err(PackageError::Unpack)?;
        }
        out.flush().map_err(PackageError::Unpack)?;
        Ok(unpacked)
    }
}

/// The temporary folders holding unpacked collections right now.
static UNPACKED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn unpacked_list() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic elsewhere while holding the lock leaves a list still worth
    // cleaning up.
    UNPACKED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes every unpacked collection folder of this process. For signal
/// handlers, just before the process exits: the lock is kept, so no other
/// thread makes a new folder or drops one in between.
pub fn remove_unpacked_collections() {
    let list = unpacked_list();
    for dir in list.iter() {
        // The reading thread goes on meanwhile and may create a file in the
        // folder (SQLite's journal, the next unpacked entry) between
        // `remove_dir_all` listing it and removing the folder, which then
        // fails as not empty: try again until the folder is gone.
        for _ in 0..50 {
            if std::fs::remove_dir_all(dir).is_ok() || !dir.exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
    }
    // The guard is left locked on purpose: the process is about to exit.
    std::mem::forget(list);
}

/// A private temporary folder (mode 0700, made by `tempfile`) holding the
/// unpacked collection, removed with its content when dropped.
pub struct Unpacked {
    dir: Option<tempfile::TempDir>,
    db_path: PathBuf,
}

impl Unpacked {
    fn new() -> std::io::Result<Unpacked> {
        // Made and listed under the lock: a signal handler never misses it.
        let mut list = unpacked_list();
        let dir = tempfile::Builder::new()
            .prefix("rehearse-apkg-")
            .tempdir()?;
        list.push(dir.path().to_path_buf());
        let db_path = dir.path().join("collection.sqlite");
        Ok(Unpacked {
            dir: Some(dir),
            db_path,
        })
    }

    pub fn db_path(&self) -> &Path {
        &self.db_path
    }
}

impl Drop for Unpacked {
    fn drop(&mut self) {
        let mut list = unpacked_list();
        if let Some(dir) = self.dir.take() {
            list.retain(|listed| listed != dir.path());
            // Removed under the lock, so a signal now finds it listed or gone.
            let _ = dir.close();
        }
    }
}
