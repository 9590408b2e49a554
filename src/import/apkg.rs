//! Anki packages, `.apkg` and `.colpkg` (docs/imports.md).
//!
//! A package is a zip holding a SQLite collection: `collection.anki21b`
//! (zstd-compressed, schema 18: note types in the `notetypes`, `fields` and
//! `templates` tables, deck names split by 0x1f), else `collection.anki21`,
//! else `collection.anki2` (schema 11: note types and decks as JSON in `col`).
//! Modern packages also carry a stub `collection.anki2` whose one note asks to
//! update Anki; the order above never picks it when a real one is there.
//!
//! Nothing in the zip is trusted: entry names are only compared, never used as
//! paths; the collection is copied to a fixed name in a private temporary
//! folder, counting bytes as they come so a zip (or zstd) bomb is refused
//! before it fills the disk; the copy is opened read-only and immutable.
//!
//! Cards follow the package's `cards` table (which cards exist, their deck),
//! in note id then ordinal order; text comes from the note's fields through
//! [`html::to_text`]. Ids are the note guid ([`id_from_guid`]), `guid#r` for
//! the reverse card, `guid#cN` for cloze N, so an updated shared deck
//! re-imports in place.

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::deck::cloze;
use crate::error::{Error, Result};
use crate::import::{
    CardDraft, CardId, CardKind, DeckDraft, Progress, ReadOutcome, html, id_from_guid,
};

/// The collection entries, best first.
const COLLECTIONS: [&str; 3] = [
    "collection.anki21b",
    "collection.anki21",
    "collection.anki2",
];

/// What the stub collection of modern packages says.
const STUB_TEXT: &str = "Please update to the latest Anki version";

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
    if path.is_dir() {
        return Err(Error::file(path, "is a directory, not a file"));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| match e {
        zip::result::ZipError::Io(io) => Error::io(path, &io),
        _ => Error::file(
            path,
            "not an Anki package: the file is not a zip archive, or it is truncated",
        ),
    })?;
    let names: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect();
    let Some(entry) = COLLECTIONS
        .iter()
        .find(|c| names.iter().any(|n| n == *c))
        .copied()
    else {
        return Err(Error::file(
            path,
            "not an Anki package: no collection inside (collection.anki21b, collection.anki21 or collection.anki2)",
        ));
    };
    let media = names
        .iter()
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .count();

    let dir = PrivateDir::new().map_err(|e| {
        Error::file(
            path,
            format!("cannot make a temporary folder to unpack into: {e}"),
        )
    })?;
    let db_path = dir.path().join("collection.sqlite");
    unpack(path, &mut zip, entry, &db_path, limits)?;
    let db = open_read_only(&db_path).map_err(|_| not_a_collection(path))?;
    if entry == "collection.anki2" && is_stub(&db) {
        return Err(Error::file(
            path,
            "this package holds only Anki's placeholder asking to update Anki: its real collection is in a format this version cannot read",
        ));
    }
    let mut outcome = read_collection(path, &db, progress)?;
    if outcome.decks.is_empty() {
        let mut message = "no cards: the package holds no card this reader can use".to_string();
        if !outcome.notices.is_empty() {
            message = format!("{message} ({})", outcome.notices.join("; "));
        }
        return Err(Error::file(path, message));
    }
    if media > 0 {
        let plural = if media == 1 { "" } else { "s" };
        outcome.notices.insert(
            0,
            format!("skipped {media} media file{plural} (images and sounds are not supported)"),
        );
    }
    Ok(outcome)
}

fn not_a_collection(path: &Path) -> Error {
    Error::file(
        path,
        "not an Anki package: its collection is not a readable Anki database",
    )
}

fn damaged(path: &Path, err: &dyn std::fmt::Display) -> Error {
    Error::file(path, format!("the package is damaged or truncated ({err})"))
}

/// Whether the collection is the stub of modern packages: one note, asking
/// to update Anki.
fn is_stub(db: &Connection) -> bool {
    let first: rusqlite::Result<(i64, String)> = db.query_row(
        "SELECT (SELECT count(*) FROM notes), (SELECT flds FROM notes LIMIT 1)",
        [],
        |r| {
            Ok((
                r.get(0)?,
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            ))
        },
    );
    matches!(first, Ok((1, text)) if text.starts_with(STUB_TEXT))
}

/// Copies the collection entry to `to`, through zstd for `.anki21b`, within
/// `limits`.
fn unpack<R: Read + std::io::Seek>(
    path: &Path,
    zip: &mut zip::ZipArchive<R>,
    entry: &str,
    to: &Path,
    limits: &Limits,
) -> Result<()> {
    let mut packed = zip.by_name(entry).map_err(|e| damaged(path, &e))?;
    let packed_size = packed.compressed_size();
    let mut out = std::fs::File::create(to)
        .map_err(|e| Error::file(path, format!("cannot unpack the collection: {e}")))?;
    let mut source: Box<dyn Read + '_> = if entry.ends_with("anki21b") {
        Box::new(zstd::stream::read::Decoder::new(&mut packed).map_err(|e| damaged(path, &e))?)
    } else {
        Box::new(&mut packed)
    };
    let mut buf = vec![0u8; 1 << 16];
    let mut written: u64 = 0;
    loop {
        let n = match source.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(damaged(path, &e)),
        };
        written += n as u64;
        let too_big = written > limits.max_collection_bytes
            || (written > limits.ratio_floor_bytes
                && written > packed_size.saturating_mul(limits.max_ratio));
        if too_big {
            return Err(Error::file(
                path,
                format!(
                    "refused: `{entry}` unpacks to more than {} MiB from {} KiB (a zip bomb?)",
                    written >> 20,
                    packed_size >> 10
                ),
            ));
        }
        out.write_all(&buf[..n])
            .map_err(|e| Error::file(path, format!("cannot unpack the collection: {e}")))?;
    }
    out.flush()
        .map_err(|e| Error::file(path, format!("cannot unpack the collection: {e}")))?;
    Ok(())
}

/// Opens the unpacked copy read-only and immutable (no journal, no locks),
/// and checks it is SQLite at all.
fn open_read_only(db_path: &Path) -> rusqlite::Result<Connection> {
    let mut uri = String::from("file:");
    for &b in db_path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    let db = Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    // Schema 18 declares names `COLLATE unicase` (Anki's Unicode
    // case-insensitive order); SQLite refuses those tables without it.
    db.create_collation("unicase", |a: &str, b: &str| {
        a.chars()
            .flat_map(char::to_lowercase)
            .cmp(b.chars().flat_map(char::to_lowercase))
    })?;
    db.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    })?;
    Ok(db)
}

/// A folder only we can read, removed with everything in it when dropped.
struct PrivateDir(PathBuf);

impl PrivateDir {
    fn new() -> std::io::Result<PrivateDir> {
        let base = std::env::temp_dir();
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        for attempt in 0..100u32 {
            let dir = base.join(format!(
                "rehearse-apkg-{}-{stamp}-{attempt}",
                std::process::id()
            ));
            let mut builder = std::fs::DirBuilder::new();
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
            match builder.create(&dir) {
                Ok(()) => return Ok(PrivateDir(dir)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("no free temporary folder name"))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What we need of a note type.
#[derive(Debug, Clone, PartialEq)]
struct NoteType {
    name: String,
    cloze: bool,
    /// Card 2 asks the second field (Basic and reversed / optional reversed).
    reversed: bool,
}

impl NoteType {
    fn new(name: String, cloze_kind: bool, fields: &[String], questions: &[String]) -> NoteType {
        let lower = name.to_lowercase();
        let asks = |question: &String, field: Option<&String>| {
            field.is_some_and(|f| {
                question.contains(&format!("{{{{{f}}}}}"))
                    || question.contains(&format!(":{f}}}}}"))
            })
        };
        // By the stock names, or shaped like the stock types (renamed or
        // translated): two templates asking field 1 then field 2, and no
        // field besides an optional "add reverse" switch for card 2.
        let shaped = questions.len() == 2
            && asks(&questions[0], fields.first())
            && asks(&questions[1], fields.get(1))
            && (fields.len() == 2
                || (fields.len() == 3
                    && questions[1].contains(&format!("{{{{#{}}}}}", fields[2]))));
        let reversed = lower.starts_with("basic (and reversed")
            || lower.starts_with("basic (optional reversed")
            || shaped;
        let cloze = cloze_kind || questions.iter().any(|q| q.contains("{{cloze:"));
        NoteType {
            name,
            cloze,
            reversed: reversed && !cloze,
        }
    }
}

fn sql_error(path: &Path, err: &rusqlite::Error) -> Error {
    match err {
        rusqlite::Error::FromSqlConversionFailure(..) | rusqlite::Error::Utf8Error(..) => {
            Error::file(path, "the collection holds text that is not valid UTF-8")
        }
        rusqlite::Error::SqliteFailure(e, message) => Error::file(
            path,
            format!(
                "not an Anki package: its collection is not a readable Anki database ({})",
                message.as_deref().unwrap_or(&e.to_string())
            ),
        ),
        other => Error::file(path, format!("cannot read the collection: {other}")),
    }
}

fn has_table(db: &Connection, name: &str) -> rusqlite::Result<bool> {
    db.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
}

fn read_collection(path: &Path, db: &Connection, progress: &dyn Progress) -> Result<ReadOutcome> {
    let sql = |e: rusqlite::Error| sql_error(path, &e);
    if !has_table(db, "notes").map_err(sql)? || !has_table(db, "cards").map_err(sql)? {
        return Err(not_a_collection(path));
    }
    let (note_types, decks) = if has_table(db, "notetypes").map_err(sql)? {
        (
            modern_note_types(db).map_err(sql)?,
            modern_decks(db).map_err(sql)?,
        )
    } else {
        legacy_note_types_and_decks(path, db)?
    };
    let total: i64 = db
        .query_row("SELECT count(*) FROM cards", [], |r| r.get(0))
        .map_err(sql)?;
    progress.set_total(total.max(0) as u64);

    let mut builder = Builder {
        decks: BTreeMap::new(),
        empty_sides: 0,
        unknown_type: 0,
        gone_clozes: 0,
    };
    let mut stmt = db
        .prepare(
            "SELECT c.nid, c.ord, c.did, c.odid, n.guid, n.mid, n.tags, n.flds \
             FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.nid, c.ord",
        )
        .map_err(sql)?;
    let mut rows = stmt.query([]).map_err(sql)?;
    let mut note: Option<Note> = None;
    let mut done: u64 = 0;
    while let Some(row) = rows.next().map_err(sql)? {
        done += 1;
        if done.is_multiple_of(1024) {
            progress.set_done(done);
        }
        let nid: i64 = row.get(0).map_err(sql)?;
        let ord: i64 = row.get(1).map_err(sql)?;
        let did: i64 = row.get(2).map_err(sql)?;
        let odid: i64 = row.get(3).map_err(sql)?;
        if note.as_ref().is_none_or(|n| n.id != nid) {
            let mid: i64 = row.get(5).map_err(sql)?;
            let Some(kind) = note_types.get(&mid) else {
                builder.unknown_type += 1;
                note = None;
                continue;
            };
            note = Some(Note {
                id: nid,
                guid: Some(id_from_guid(&text_of(path, row, 4, nid)?))
                    .filter(|g| !g.is_empty())
                    .unwrap_or_else(|| format!("note-{nid}")),
                kind: kind.clone(),
                tags: text_of(path, row, 6, nid)?
                    .split_whitespace()
                    .map(str::to_string)
                    .collect(),
                fields: text_of(path, row, 7, nid)?
                    .split('\u{1f}')
                    .take(3)
                    .map(html::to_text)
                    .collect(),
                made_basic: false,
            });
        }
        let Some(current) = note.as_mut() else {
            builder.unknown_type += 1;
            continue;
        };
        let deck_id = if odid != 0 { odid } else { did };
        let (deck_name, description) = decks
            .get(&deck_id)
            .cloned()
            .unwrap_or_else(|| ("Default".to_string(), String::new()));
        builder.add(current, ord, &deck_name, &description);
    }
    progress.set_done(total.max(0) as u64);
    Ok(builder.finish())
}

/// A text column, or an error naming the note when it is not UTF-8.
fn text_of(path: &Path, row: &rusqlite::Row<'_>, column: usize, nid: i64) -> Result<String> {
    let value = row.get_ref(column).map_err(|e| sql_error(path, &e))?;
    match value {
        rusqlite::types::ValueRef::Text(bytes) | rusqlite::types::ValueRef::Blob(bytes) => {
            String::from_utf8(bytes.to_vec())
                .map_err(|_| Error::file(path, format!("note {nid}: its text is not valid UTF-8")))
        }
        rusqlite::types::ValueRef::Null => Ok(String::new()),
        rusqlite::types::ValueRef::Integer(i) => Ok(i.to_string()),
        rusqlite::types::ValueRef::Real(f) => Ok(f.to_string()),
    }
}

/// The note whose cards are being read (cards come grouped by note).
struct Note {
    id: i64,
    guid: String,
    kind: NoteType,
    tags: Vec<String>,
    /// The first three fields as plain text.
    fields: Vec<String>,
    /// A note of another type gives one card: whether it was made.
    made_basic: bool,
}

impl Note {
    fn field(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", String::as_str)
    }
}

struct Builder {
    decks: BTreeMap<String, DeckDraft>,
    empty_sides: usize,
    unknown_type: usize,
    gone_clozes: usize,
}

impl Builder {
    fn add(&mut self, note: &mut Note, ord: i64, deck: &str, description: &str) {
        let card = if note.kind.cloze {
            let number = ord
                .checked_add(1)
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0);
            let text = note.field(0);
            if !cloze::numbers(text).is_ok_and(|n| n.contains(&number)) {
                // Anki keeps a card whose deletion was removed from the text.
                self.gone_clozes += 1;
                return;
            }
            CardDraft {
                id: CardId(format!("{}#c{number}", note.guid)),
                note: note.guid.clone(),
                kind: CardKind::Cloze {
                    ord: number,
                    source: text.to_string(),
                },
                front: cloze::front(text, number),
                back: cloze::plain(text),
                extra: note.field(1).to_string(),
                tags: note.tags.clone(),
            }
        } else if ord == 1 && note.kind.reversed {
            CardDraft {
                id: CardId(format!("{}#r", note.guid)),
                note: note.guid.clone(),
                kind: CardKind::Reverse,
                front: note.field(1).to_string(),
                back: note.field(0).to_string(),
                extra: String::new(),
                tags: note.tags.clone(),
            }
        } else if note.made_basic {
            // Another card of a note type we read by its first two fields.
            return;
        } else {
            note.made_basic = true;
            CardDraft {
                id: CardId(note.guid.clone()),
                note: note.guid.clone(),
                kind: CardKind::Basic,
                front: note.field(0).to_string(),
                back: note.field(1).to_string(),
                extra: String::new(),
                tags: note.tags.clone(),
            }
        };
        if card.front.is_empty() || card.back.is_empty() {
            self.empty_sides += 1;
            return;
        }
        self.decks
            .entry(deck.to_string())
            .or_insert_with(|| DeckDraft {
                name: deck.to_string(),
                description: description.to_string(),
                cards: Vec::new(),
            })
            .cards
            .push(card);
    }

    fn finish(self) -> ReadOutcome {
        let mut notices = Vec::new();
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        if self.empty_sides > 0 {
            let n = self.empty_sides;
            notices.push(format!(
                "skipped {n} card{} with an empty side (only images or sounds?)",
                plural(n)
            ));
        }
        if self.unknown_type > 0 {
            let n = self.unknown_type;
            notices.push(format!(
                "skipped {n} card{} of a missing note type",
                plural(n)
            ));
        }
        if self.gone_clozes > 0 {
            let n = self.gone_clozes;
            notices.push(format!(
                "skipped {n} cloze card{} whose deletion is no longer in the text",
                plural(n)
            ));
        }
        ReadOutcome {
            decks: self.decks.into_values().collect(),
            notices,
        }
    }
}

/// Note types of a schema 18 collection. The notetype `config` and template
/// `config` are protobuf: kind (1 = cloze) is field 1 of the former, the
/// question format field 1 of the latter.
fn modern_note_types(db: &Connection) -> rusqlite::Result<HashMap<i64, NoteType>> {
    let mut fields: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = db.prepare("SELECT ntid, name FROM fields ORDER BY ntid, ord")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        fields.entry(row.get(0)?).or_default().push(row.get(1)?);
    }
    let mut questions: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = db.prepare("SELECT ntid, config FROM templates ORDER BY ntid, ord")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let config: Vec<u8> = row.get(1)?;
        let question = proto_bytes(&config, 1)
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        questions.entry(row.get(0)?).or_default().push(question);
    }
    let mut types = HashMap::new();
    let mut stmt = db.prepare("SELECT id, name, config FROM notetypes")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let config: Vec<u8> = row.get(2)?;
        let cloze_kind = proto_varint(&config, 1) == Some(1);
        let empty = Vec::new();
        types.insert(
            id,
            NoteType::new(
                row.get(1)?,
                cloze_kind,
                fields.get(&id).unwrap_or(&empty),
                questions.get(&id).unwrap_or(&empty),
            ),
        );
    }
    Ok(types)
}

/// Decks of a schema 18 collection: names split by 0x1f, the description in
/// the protobuf `kind` (normal = field 1, its description = field 4).
fn modern_decks(db: &Connection) -> rusqlite::Result<HashMap<i64, (String, String)>> {
    let mut stmt = db.prepare("SELECT id, name, kind FROM decks")?;
    let mut rows = stmt.query([])?;
    let mut decks = HashMap::new();
    while let Some(row) = rows.next()? {
        let name: String = row.get(1)?;
        let kind: Vec<u8> = row.get(2)?;
        let description = proto_bytes(&kind, 1)
            .and_then(|normal| proto_bytes(normal, 4))
            .map(|d| html::to_text(&String::from_utf8_lossy(d)))
            .unwrap_or_default();
        decks.insert(row.get(0)?, (name.replace('\u{1f}', "::"), description));
    }
    Ok(decks)
}

type LegacyTables = (HashMap<i64, NoteType>, HashMap<i64, (String, String)>);

/// Note types and decks of a schema 11 collection: JSON objects keyed by id
/// in the `col` row.
fn legacy_note_types_and_decks(path: &Path, db: &Connection) -> Result<LegacyTables> {
    let row: Option<(String, String)> = db
        .query_row("SELECT models, decks FROM col", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()
        .map_err(|e| sql_error(path, &e))?;
    let Some((models, decks)) = row else {
        return Err(not_a_collection(path));
    };
    let json = |text: &str| -> Result<serde_json::Map<String, serde_json::Value>> {
        match serde_json::from_str(text) {
            Ok(serde_json::Value::Object(map)) => Ok(map),
            _ => Err(Error::file(
                path,
                "not an Anki package: its note types or decks cannot be read",
            )),
        }
    };
    let str_of = |v: &serde_json::Value, key: &str| -> String {
        v.get(key)
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_string()
    };
    let mut types = HashMap::new();
    for (id, model) in json(&models)? {
        let Ok(id) = id.parse::<i64>() else { continue };
        let list = |key: &str, inner: &str| -> Vec<String> {
            let mut items: Vec<(i64, String)> = model
                .get(key)
                .and_then(|v| v.as_array())
                .map(|a| {
                    a.iter()
                        .enumerate()
                        .map(|(i, item)| {
                            let ord = item.get("ord").and_then(|o| o.as_i64()).unwrap_or(i as i64);
                            (ord, str_of(item, inner))
                        })
                        .collect()
                })
                .unwrap_or_default();
            items.sort_by_key(|(ord, _)| *ord);
            items.into_iter().map(|(_, s)| s).collect()
        };
        let cloze_kind = model.get("type").and_then(|t| t.as_i64()) == Some(1);
        types.insert(
            id,
            NoteType::new(
                str_of(&model, "name"),
                cloze_kind,
                &list("flds", "name"),
                &list("tmpls", "qfmt"),
            ),
        );
    }
    let mut deck_names = HashMap::new();
    for (id, deck) in json(&decks)? {
        let Ok(id) = id.parse::<i64>() else { continue };
        deck_names.insert(
            id,
            (str_of(&deck, "name"), html::to_text(&str_of(&deck, "desc"))),
        );
    }
    Ok((types, deck_names))
}

/// One top-level protobuf field value.
enum ProtoValue<'a> {
    Varint(u64),
    Bytes(&'a [u8]),
    Fixed,
}

/// The top-level fields of a protobuf message, as far as they can be read
/// (a malformed tail is ignored: these blobs only refine what we know).
fn proto_fields(mut buf: &[u8]) -> Vec<(u64, ProtoValue<'_>)> {
    fn varint(buf: &mut &[u8]) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = buf.split_first()?;
            *buf = rest;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }
    let mut out = Vec::new();
    while !buf.is_empty() {
        let Some(key) = varint(&mut buf) else { break };
        let value = match key & 7 {
            0 => match varint(&mut buf) {
                Some(v) => ProtoValue::Varint(v),
                None => break,
            },
            1 | 5 => {
                let len = if key & 7 == 1 { 8 } else { 4 };
                if buf.len() < len {
                    break;
                }
                buf = &buf[len..];
                ProtoValue::Fixed
            }
            2 => {
                let Some(len) = varint(&mut buf).and_then(|l| usize::try_from(l).ok()) else {
                    break;
                };
                if buf.len() < len {
                    break;
                }
                let (bytes, rest) = buf.split_at(len);
                buf = rest;
                ProtoValue::Bytes(bytes)
            }
            _ => break,
        };
        out.push((key >> 3, value));
    }
    out
}

fn proto_varint(buf: &[u8], field: u64) -> Option<u64> {
    proto_fields(buf).into_iter().find_map(|(f, v)| match v {
        ProtoValue::Varint(n) if f == field => Some(n),
        _ => None,
    })
}

fn proto_bytes(buf: &[u8], field: u64) -> Option<&[u8]> {
    proto_fields(buf).into_iter().find_map(|(f, v)| match v {
        ProtoValue::Bytes(b) if f == field => Some(b),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protobuf_fields_are_found() {
        // kind = 1 (varint), field 3 = "css", field 9 = fixed32
        let blob = [0x08, 0x01, 0x1a, 0x03, b'c', b's', b's', 0x4d, 1, 2, 3, 4];
        assert_eq!(proto_varint(&blob, 1), Some(1));
        assert_eq!(proto_bytes(&blob, 3), Some(&b"css"[..]));
        assert_eq!(proto_varint(&blob, 2), None);
        // Truncated: what was read stays, no panic.
        assert_eq!(proto_varint(&[0x08, 0x01, 0x1a, 0x09, b'c'], 1), Some(1));
        assert_eq!(proto_bytes(&[0x1a, 0xff], 3), None);
        assert!(proto_fields(&[0xff; 12]).is_empty());
    }

    #[test]
    fn note_types_by_name_or_templates() {
        let f = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let reversed = NoteType::new(
            "Mine".into(),
            false,
            &f(&["Word", "Meaning"]),
            &f(&["{{Word}}", "{{#Meaning}}{{text:Meaning}}{{/Meaning}}"]),
        );
        assert!(reversed.reversed && !reversed.cloze);
        let other = NoteType::new(
            "Vocabulary".into(),
            false,
            &f(&["Word", "Meaning", "Example"]),
            &f(&["{{Word}}", "{{Meaning}}"]),
        );
        assert!(
            !other.reversed,
            "a third field: read by its first two fields"
        );
        let optional = NoteType::new(
            "Einfach (optional)".into(),
            false,
            &f(&["Vorne", "Hinten", "Umkehren"]),
            &f(&["{{Vorne}}", "{{#Umkehren}}{{Hinten}}{{/Umkehren}}"]),
        );
        assert!(optional.reversed);
        let cloze = NoteType::new("Mine".into(), false, &f(&["Text"]), &f(&["{{cloze:Text}}"]));
        assert!(cloze.cloze && !cloze.reversed);
        let named = NoteType::new("Basic (optional reversed card)".into(), false, &[], &[]);
        assert!(named.reversed);
    }
}
