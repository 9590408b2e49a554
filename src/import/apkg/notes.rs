//! Anki notes to card drafts. Cards follow the package's `cards` table
//! (which cards exist, their deck), in note id then ordinal order; text
//! comes from the note's fields through [`html::to_text`].

use std::collections::{BTreeMap, HashMap};

use rusqlite::Connection;
use rusqlite::types::ValueRef;

use super::{PackageError, PackageResult};
use crate::deck::cloze;
use crate::import::{
    CardDraft, CardId, CardKind, DeckDraft, Progress, ReadOutcome, html, id_from_guid,
};

/// Decks by id: (name, description).
pub type Decks = HashMap<i64, (String, String)>;

/// What the stub collection of modern packages says.
const STUB_TEXT: &str = "Please update to the latest Anki version";

/// The deck of cards whose deck is missing, and of a deck with no name.
const DEFAULT_DECK: &str = "Default";

/// How often (in cards) the progress is reported.
const PROGRESS_EVERY_CARDS: u64 = 1024;

/// What we need of a note type.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteType {
    name: String,
    cloze: bool,
    /// Card 2 asks the second field (Basic and reversed / optional reversed).
    reversed: bool,
}

impl NoteType {
    pub fn new(
        name: String,
        cloze_kind: bool,
        fields: &[String],
        questions: &[String],
    ) -> NoteType {
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

/// Whether the collection is the stub of modern packages: one note, asking
/// to update Anki.
pub fn is_stub(db: &Connection) -> bool {
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

fn has_table(db: &Connection, name: &str) -> rusqlite::Result<bool> {
    db.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
}

/// Refuses a database without Anki's notes and cards tables.
pub fn check_tables(db: &Connection) -> PackageResult<()> {
    if !has_table(db, "notes")? || !has_table(db, "cards")? {
        return Err(PackageError::NotACollection);
    }
    Ok(())
}

/// What [`read_collection`] found: the drafts, and which Anki card each
/// draft came from (for its scheduling).
pub struct Collected {
    pub outcome: ReadOutcome,
    /// (Anki card id, card id) of every draft made.
    pub made: Vec<(i64, CardId)>,
}

/// Every usable card of the collection, by deck, and notices about the
/// rest, given its note types and decks (read from either schema by the
/// caller: see `apkg::read_package`).
pub fn read_collection(
    db: &Connection,
    note_types: &HashMap<i64, NoteType>,
    decks: &Decks,
    progress: &dyn Progress,
) -> PackageResult<Collected> {
    let total: i64 = db.query_row("SELECT count(*) FROM cards", [], |r| r.get(0))?;
    progress.set_total(total.max(0) as u64);
    let mut builder = Builder::default();
    let mut stmt = db.prepare(
        "SELECT c.nid, c.ord, c.did, c.odid, n.guid, n.mid, n.tags, n.flds, c.id \
         FROM cards c JOIN notes n ON n.id = c.nid ORDER BY c.nid, c.ord",
    )?;
    let mut rows = stmt.query([])?;
    let mut note: Option<Note> = None;
    let mut done: u64 = 0;
    while let Some(row) = rows.next()? {
        done += 1;
        if done.is_multiple_of(PROGRESS_EVERY_CARDS) {
            progress.set_done(done);
        }
        let nid: i64 = row.get(0)?;
        if note.as_ref().is_none_or(|n| n.id != nid) {
            note = Note::read(row, nid, note_types)?;
        }
        let Some(current) = note.as_mut() else {
            builder.unknown_type += 1;
            continue;
        };
        let (ord, did, odid): (i64, i64, i64) = (row.get(1)?, row.get(2)?, row.get(3)?);
        let deck_id = if odid != 0 { odid } else { did };
        let (deck_name, description) = decks
            .get(&deck_id)
            .map_or((DEFAULT_DECK, ""), |(n, d)| (n.as_str(), d.as_str()));
        builder.add(
            current,
            ord,
            &deck_name_of(deck_name),
            description,
            row.get(8)?,
        );
    }
    progress.set_done(total.max(0) as u64);
    Ok(builder.finish())
}

/// The name a deck gets here: Anki allows an empty one (and white space
/// around), which a deck file cannot hold, so `export` would write a file
/// `import` refuses. Such a deck is Anki's "Default" (see docs/imports.md).
fn deck_name_of(anki_name: &str) -> String {
    let parts: Vec<&str> = anki_name
        .split("::")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        DEFAULT_DECK.to_string()
    } else {
        parts.join("::")
    }
}

/// A text column, or an error naming the note when it is not UTF-8.
fn text_of(row: &rusqlite::Row<'_>, column: usize, nid: i64) -> PackageResult<String> {
    match row.get_ref(column)? {
        ValueRef::Text(bytes) | ValueRef::Blob(bytes) => {
            String::from_utf8(bytes.to_vec()).map_err(|_| PackageError::NoteNotUtf8(nid))
        }
        ValueRef::Null => Ok(String::new()),
        ValueRef::Integer(i) => Ok(i.to_string()),
        ValueRef::Real(f) => Ok(f.to_string()),
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
    /// The note of the current row; `None` when its note type is missing.
    fn read(
        row: &rusqlite::Row<'_>,
        nid: i64,
        note_types: &HashMap<i64, NoteType>,
    ) -> PackageResult<Option<Note>> {
        let mid: i64 = row.get(5)?;
        let Some(kind) = note_types.get(&mid) else {
            return Ok(None);
        };
        let guid = id_from_guid(&text_of(row, 4, nid)?);
        Ok(Some(Note {
            id: nid,
            guid: if guid.is_empty() {
                format!("note-{nid}")
            } else {
                guid
            },
            kind: kind.clone(),
            tags: text_of(row, 6, nid)?
                .split_whitespace()
                .map(str::to_string)
                .collect(),
            fields: text_of(row, 7, nid)?
                .split('\u{1f}')
                .take(3)
                .map(html::to_text)
                .collect(),
            made_basic: false,
        }))
    }

    fn field(&self, i: usize) -> &str {
        self.fields.get(i).map_or("", String::as_str)
    }

    /// A card of this note with the given id, kind and sides.
    fn card(&self, id: String, kind: CardKind, sides: (&str, &str), extra: &str) -> CardDraft {
        CardDraft {
            id: CardId(id),
            note: self.guid.clone(),
            kind,
            front: sides.0.to_string(),
            back: sides.1.to_string(),
            extra: extra.to_string(),
            tags: self.tags.clone(),
        }
    }

    /// The card of ordinal `ord`, or why there is none.
    fn card_at(&mut self, ord: i64) -> Result<CardDraft, Skipped> {
        if self.kind.cloze {
            let number = ord
                .checked_add(1)
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or(0);
            let text = self.field(0);
            if !cloze::numbers(text).is_ok_and(|n| n.contains(&number)) {
                // Anki keeps a card whose deletion was removed from the text.
                return Err(Skipped::GoneCloze);
            }
            let kind = CardKind::Cloze {
                ord: number,
                source: text.to_string(),
            };
            let sides = (&cloze::front(text, number), &cloze::plain(text));
            let id = format!("{}#c{number}", self.guid);
            Ok(self.card(id, kind, (sides.0, sides.1), self.field(1)))
        } else if ord == 1 && self.kind.reversed {
            let id = format!("{}#r", self.guid);
            Ok(self.card(id, CardKind::Reverse, (self.field(1), self.field(0)), ""))
        } else if self.made_basic {
            // Another card of a note type we read by its first two fields.
            Err(Skipped::Repeat)
        } else {
            self.made_basic = true;
            let sides = (self.field(0), self.field(1));
            Ok(self.card(self.guid.clone(), CardKind::Basic, sides, ""))
        }
    }
}

/// Why a card of the package gives no draft.
enum Skipped {
    GoneCloze,
    Repeat,
}

#[derive(Default)]
struct Builder {
    decks: BTreeMap<String, DeckDraft>,
    made: Vec<(i64, CardId)>,
    empty_sides: usize,
    unknown_type: usize,
    gone_clozes: usize,
}

impl Builder {
    fn add(&mut self, note: &mut Note, ord: i64, deck: &str, description: &str, cid: i64) {
        let card = match note.card_at(ord) {
            Ok(card) => card,
            Err(Skipped::GoneCloze) => {
                self.gone_clozes += 1;
                return;
            }
            Err(Skipped::Repeat) => return,
        };
        if card.front.is_empty() || card.back.is_empty() {
            self.empty_sides += 1;
            return;
        }
        self.made.push((cid, card.id.clone()));
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

    fn finish(self) -> Collected {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let skipped = [
            (
                self.empty_sides,
                "card",
                "with an empty side (only images or sounds?)",
            ),
            (self.unknown_type, "card", "of a missing note type"),
            (
                self.gone_clozes,
                "cloze card",
                "whose deletion is no longer in the text",
            ),
        ];
        let notices = skipped
            .iter()
            .filter(|(n, ..)| *n > 0)
            .map(|(n, what, why)| format!("skipped {n} {what}{} {why}", plural(*n)))
            .collect();
        Collected {
            outcome: ReadOutcome {
                decks: self.decks.into_values().collect(),
                notices,
            },
            made: self.made,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// Issue 14.9: a package deck with an empty name was imported as "",
    /// which `export --format toml` then wrote and `import` refused.
    #[test]
    fn empty_package_deck_names_become_default() {
        assert_eq!(deck_name_of(""), "Default");
        assert_eq!(deck_name_of("  "), "Default");
        assert_eq!(deck_name_of("::"), "Default");
        assert_eq!(deck_name_of(" A :: :: B "), "A::B");
        assert_eq!(deck_name_of("Interview::Java"), "Interview::Java");
    }
}
