//! What can be wrong with a CSV/TSV file or an Anki package
//! (docs/imports.md), typed so that callers can tell the cases apart.

use super::deck::EntryError;

/// What is wrong with a CSV/TSV file, shown after its path (and line).
#[derive(Debug, thiserror::Error)]
pub enum CsvProblem {
    #[error("`#{key}:` needs a column number from 1, not `{value}`")]
    BadColumnNumber { key: String, value: String },
    #[error("`#html:` is `true` or `false`, not `{0}`")]
    BadHtml(String),
    #[error("unknown separator `{0}`: use tab, comma, semicolon, pipe or space")]
    BadSeparator(String),
    #[error("`#columns:` names the same column for front and back")]
    SameColumn,
    #[error("the deck name is empty")]
    EmptyDeckName,
    #[error("no cards: the file has no rows (expected `front, back[, tags]` per line)")]
    NoRows,
    #[error("not valid UTF-8 text")]
    NotUtf8,
    #[error("a quote `\"` opens a field here and is never closed")]
    UnclosedQuote,
    #[error("row has {found} field{}, expected {wanted}{place}", if *.found == 1 { "" } else { "s" })]
    ShortRow {
        found: usize,
        wanted: &'static str,
        place: String,
    },
    #[error("the cloze text has no deletion like {{{{c1::hidden words}}}}")]
    NoDeletion,
    #[error("`{0}` is empty")]
    EmptySide(&'static str),
    #[error("id `{0}` contains `#`, which is kept for `#r` and `#cN` cards")]
    HashInId(String),
    #[error(
        "card `{0}` is a cloze card: its row needs the cloze text in a `Cloze` column, as `export --format csv` writes it"
    )]
    ClozeWithoutText(String),
    #[error("card `{id}`: the `Cloze` text has no deletion c{ord}")]
    ClozeMismatch { id: String, ord: u32 },
    #[error("card id `{id}` is already used by the row at line {first}")]
    DuplicateId { id: String, first: usize },
    /// A row the deck file rules refuse (tags, ids, cloze syntax).
    #[error(transparent)]
    Entry(#[from] EntryError),
    #[error("{0}")]
    Parse(#[source] ::csv::Error),
}

/// Why a package cannot be read. Shown after the package's path.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("{}", super::io_message(.0))]
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
    Hostile(Unsafe),
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

/// Something in a collection's schema that runs code when read.
#[derive(Debug, thiserror::Error)]
pub enum Unsafe {
    #[error("its collection defines the view `{0}`")]
    View(String),
    #[error("its collection defines the trigger `{0}`")]
    Trigger(String),
    #[error("its collection's table `{0}` is a virtual table")]
    VirtualTable(String),
    #[error("its collection's table `{table}` has a generated column `{column}`")]
    GeneratedColumn { table: String, column: String },
}
