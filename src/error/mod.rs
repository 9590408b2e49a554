//! Typed errors for everything a user can get wrong. Each carries what the
//! user needs to fix it: the file and line, the card id, the setting. `main`
//! prints them as one `error: …` line and chooses the exit code.

mod deck;
mod import;

use std::path::{Path, PathBuf};

pub use deck::{ClozeError, EntryError, MAX_CLOZE_DELETIONS};
pub use import::{CsvProblem, PackageError, Unsafe};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file's content is wrong at a known place.
    #[error("{}:{line}:{column}: {message}", .path.display())]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A file's content is wrong at a known row or line (CSV rows).
    #[error("{}:{line}: {message}", .path.display())]
    Line {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A file cannot be used at all (missing, a directory, not a deck…).
    #[error("{}: {message}", .path.display())]
    File { path: PathBuf, message: String },
    /// The collection file cannot be used.
    #[error("collection `{}`: {message}", .path.display())]
    Collection { path: PathBuf, message: String },
    /// A command that only reads found no collection: it never creates one.
    #[error(
        "no collection at `{}`; run `rehearse review` or `rehearse import FILE` to start one",
        .path.display()
    )]
    NoCollection { path: PathBuf },
    /// The sync folder, a file in it, or `git` in it (docs/sync.md).
    #[error("sync `{}`: {message}", .path.display())]
    Sync { path: PathBuf, message: String },
    #[error("no card `{id}`{hint}")]
    UnknownCard { id: String, hint: String },
    #[error("card `{id}` is in several decks ({decks}): name one with --deck, or as DECK:ID")]
    AmbiguousCard { id: String, decks: String },
    /// A prefix (or `deck:prefix`) of several cards' ids: the first ones
    /// are listed, one per line, as `deck:id`.
    #[error("`{query}` matches {count} cards: give more of the id, or DECK:ID{listed}")]
    AmbiguousId {
        query: String,
        count: usize,
        listed: String,
    },
    #[error("no deck `{name}`{hint}")]
    UnknownDeck { name: String, hint: String },
    #[error("`{name}` names several decks ({decks}): give the name with its exact case")]
    AmbiguousDeck { name: String, decks: String },
    #[error("a deck named `{name}` exists already")]
    DeckExists { name: String },
    #[error("`{name}`: {reason}")]
    BadDeckName { name: String, reason: &'static str },
    /// A destructive command without a terminal to confirm on.
    #[error("{action} needs --yes when stdin is not a terminal; nothing was changed")]
    NeedsYes { action: String },
    /// `edit`: the editor could not be run or failed.
    #[error("editor `{editor}`: {message}; the card is unchanged")]
    Editor { editor: String, message: String },
    #[error("nothing to undo")]
    NothingToUndo,
    /// One file gives the same deck twice: its first cards would be taken
    /// for cards no longer in the file.
    #[error("deck `{deck}` comes twice in one file")]
    DeckTwiceInFile { deck: String },
    #[error("deck `{deck}` has card id `{id}` twice")]
    DuplicateCardId { deck: String, id: String },
    /// A reader gave a card before naming its deck (a bug, not bad input).
    #[error("a card came before its deck")]
    CardBeforeDeck,
    /// A setting's value is not one it takes.
    #[error("`{key}` is {expected}, not {value}")]
    BadSetting {
        key: &'static str,
        expected: &'static str,
        value: String,
    },
    #[error("no setting `{key}`{hint}")]
    UnknownSetting { key: String, hint: String },
    #[error("quality {0} is not in 0..5")]
    BadQuality(u8),
    /// A card's log does not replay to the states it stores.
    #[error("card `{card}`: answer #{review_id} stored {stored}, replay gives {replayed}")]
    LogMismatch {
        card: String,
        review_id: i64,
        stored: String,
        replayed: String,
    },
    #[error("the collection has no decks yet: `rehearse import FILE` first")]
    NoDecks,
    #[error("{day} is in the past (today is {today}): give a coming day")]
    PastDay {
        day: chrono::NaiveDate,
        today: chrono::NaiveDate,
    },
    #[error(
        "{day} is today: an interview date must be a coming day, so that the eve before it can be scheduled"
    )]
    InterviewToday { day: chrono::NaiveDate },
    /// `grade` at a time before the card's last answer (`--now` going back).
    #[error(
        "card `{card}` was last answered at {last}, after {at}: an answer cannot come before the one it follows (check --now)"
    )]
    AnswerBeforeLast {
        card: String,
        at: String,
        last: String,
    },
    #[error("the collection has no decks to export")]
    NothingToExport,
    #[error(
        "several decks: name one with --deck, or give a folder with -o DIR (one file per deck)"
    )]
    SeveralDecks,
    #[error("no data folder is known for this user: set --db or REHEARSE_DB")]
    NoDataFolder,
    /// The writing side of an import stopped: its own error is the one to
    /// report, and the reading side stops with this.
    #[error("the import stopped")]
    ImportStopped,
    /// An Anki package that cannot be read, and why.
    #[error("{}: {problem}", .path.display())]
    Package {
        path: PathBuf,
        #[source]
        problem: PackageError,
    },
    /// A CSV/TSV file that cannot be read, at a line when there is one.
    #[error("{}{}: {problem}", .path.display(), .line.map(|l| format!(":{l}")).unwrap_or_default())]
    Csv {
        path: PathBuf,
        line: Option<usize>,
        #[source]
        problem: CsvProblem,
    },
    /// SQLite's own error is kept as the source: `main` prints the chain,
    /// "database: …" with SQLite's words after it.
    #[error("{}", database_message(.0))]
    Sqlite(#[source] rusqlite::Error),
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Error {
        Error::Sqlite(err)
    }
}

/// What a SQLite error means to the user. A full disk is said in plain
/// words: the transaction was rolled back, so nothing was half-written.
pub fn sqlite_message(err: &rusqlite::Error) -> String {
    if err.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
        "the disk is full: nothing was written (free some space and try again)".into()
    } else {
        err.to_string()
    }
}

fn database_message(err: &rusqlite::Error) -> String {
    match err.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DiskFull) => {
            "the disk is full: nothing was written (free some space and try again)".into()
        }
        _ => "database".into(),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn file(path: &Path, message: impl Into<String>) -> Error {
        Error::File {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    /// An error at byte `offset` of `text`, read from `path`.
    pub fn at_offset(path: &Path, text: &str, offset: usize, message: impl Into<String>) -> Error {
        let (line, column) = line_column(text, offset);
        Error::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message: message.into(),
        }
    }

    /// Reading a file failed: say why in words a user knows.
    pub fn io(path: &Path, err: &std::io::Error) -> Error {
        Error::file(path, io_message(err))
    }
}

/// What a failed read of a file means, in words a user knows.
pub fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory, not a file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::InvalidData => "not valid UTF-8 text".to_string(),
        _ => err.to_string(),
    }
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..floor_char_boundary(text, offset)];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Reads a whole text file, with errors that name it (missing, directory,
/// not UTF-8). A byte-order mark is dropped.
pub fn read_text(path: &Path) -> Result<String> {
    if path.is_dir() {
        return Err(Error::file(path, "is a directory, not a file"));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..3);
            }
            Ok(text)
        }
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(Error::Line {
                path: path.to_path_buf(),
                line,
                message: "not valid UTF-8 text".into(),
            })
        }
    }
}

/// The closest of `candidates` to `word`, for "did you mean" hints.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_from_one() {
        let text = "ab\ncdé\nf";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 7), (2, 4));
        assert_eq!(line_column(text, 100), (3, 2));
    }

    #[test]
    fn suggestions_are_close_words() {
        let keys = ["new_per_day", "reviews_per_day", "fuzz"];
        assert_eq!(suggest("new_per_dya", keys), Some("new_per_day"));
        assert_eq!(suggest("fuz", keys), Some("fuzz"));
        assert_eq!(suggest("zzzzzzzzzz", keys), None);
    }
}
