//! The sync folder (docs/sync.md, "Files"): one subfolder per device, and
//! in it that device's batch files, `<first>-<last>.batch` with the numbers
//! zero-padded to twelve digits. A collection writes only in its own
//! subfolder, and only new files, each written beside its final name and
//! renamed into place; files whose names do not match (a file-sync tool's
//! temporary files, conflict copies) are ignored.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

use super::event::valid_device_name;

/// One batch file found in the folder, by its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchFile {
    pub path: PathBuf,
    pub first: i64,
    pub last: i64,
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::Sync {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

/// The devices with a subfolder in `dir`, sorted.
pub fn devices(dir: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| io_error(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| io_error(dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if valid_device_name(&name) && entry.path().is_dir() {
            out.push(name);
        }
    }
    out.sort();
    Ok(out)
}

/// `device`'s batch files, in order.
pub fn batches(dir: &Path, device: &str) -> Result<Vec<BatchFile>> {
    let folder = dir.join(device);
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(io_error(&folder, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| io_error(&folder, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some((first, last)) = parse_name(&name) {
            out.push(BatchFile {
                path: entry.path(),
                first,
                last,
            });
        }
    }
    out.sort_by_key(|b| (b.first, b.last));
    Ok(out)
}

/// The numbers in a batch file's name, or `None` for any other file.
fn parse_name(name: &str) -> Option<(i64, i64)> {
    let stem = name.strip_suffix(".batch")?;
    let (first, last) = stem.split_once('-')?;
    let digits = |s: &str| s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(first) || !digits(last) {
        return None;
    }
    let (first, last) = (first.parse().ok()?, last.parse().ok()?);
    (first <= last).then_some((first, last))
}

pub fn batch_name(first: i64, last: i64) -> String {
    format!("{first:012}-{last:012}.batch")
}

/// Writes a new batch of this device: to a hidden temporary file first,
/// flushed, then renamed, so the final name never holds part of a batch
/// on this machine. Returns its path.
pub fn write_batch(
    dir: &Path,
    device: &str,
    first: i64,
    last: i64,
    bytes: &[u8],
) -> Result<PathBuf> {
    use std::io::Write;
    let folder = dir.join(device);
    std::fs::create_dir_all(&folder).map_err(|e| io_error(&folder, e))?;
    let path = folder.join(batch_name(first, last));
    let temp = folder.join(format!(".{}.tmp", batch_name(first, last)));
    let mut file = std::fs::File::create(&temp).map_err(|e| io_error(&temp, e))?;
    file.write_all(bytes).map_err(|e| io_error(&temp, e))?;
    file.sync_all().map_err(|e| io_error(&temp, e))?;
    drop(file);
    std::fs::rename(&temp, &path).map_err(|e| io_error(&path, e))?;
    Ok(path)
}

/// The checks before anything is read: DIR must be an existing folder.
pub fn check_dir(dir: &Path) -> Result<()> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(Error::Sync {
            path: dir.to_path_buf(),
            message: "is not a folder".into(),
        }),
        Err(e) => Err(io_error(dir, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_batch_names_count() {
        assert_eq!(parse_name(&batch_name(1, 58)), Some((1, 58)));
        for other in [
            ".000000000001-000000000002.batch.tmp",
            "000000000001-000000000002 (conflicted copy).batch",
            "1-2.batch",
            "000000000003-000000000002.batch",
            "notes.txt",
        ] {
            assert_eq!(parse_name(other), None, "{other}");
        }
    }
}
