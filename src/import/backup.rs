//! Reading a backup written by `export --format json` (docs/json-output.md)
//! back into a [`Backup`], for `import` to restore (docs/collection.md).
//! Version 2 holds every stored column but the log's local row numbers;
//! version 1 lacks the answers' first-answer flags and repetitions
//! (derived by the restore), exact times, the cards'
//! entries and places (derived from their ids and order), cloze notes'
//! text (such cards keep the sides they showed), settings and interviews.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::domain::backup::{Backup, BackupDeck, ReviewSync};
use crate::domain::{Card, CardDraft, CardId, CardKind, Grade, Review, ReviewKind, Schedule, Sm2};
use crate::error::{Error, Result};

/// The newest backup version this rehearse reads (and writes).
pub const NEWEST_VERSION: u32 = 2;

#[derive(Deserialize)]
struct FileIn {
    version: u32,
    decks: Vec<DeckIn>,
    reviews: Vec<ReviewIn>,
    #[serde(default)]
    config: BTreeMap<String, String>,
    #[serde(default)]
    interviews: Vec<InterviewIn>,
}

#[derive(Deserialize)]
struct DeckIn {
    name: String,
    #[serde(default)]
    description: String,
    cards: Vec<CardIn>,
    #[serde(default)]
    cloze_notes: Vec<NoteIn>,
}

#[derive(Deserialize)]
struct NoteIn {
    note: String,
    text: String,
}

#[derive(Deserialize)]
struct CardIn {
    id: String,
    front: String,
    back: String,
    #[serde(default)]
    extra: String,
    #[serde(default)]
    tags: Vec<String>,
    kind: String,
    due: Option<String>,
    interval: i64,
    ease: f64,
    repetition: u32,
    lapses: i64,
    reviews: i64,
    /// Schema v7; a backup from before has none.
    #[serde(default)]
    suspended: bool,
    note: Option<String>,
    position: Option<i64>,
}

#[derive(Deserialize)]
struct ReviewIn {
    card: String,
    deck: String,
    at: String,
    quality: u8,
    grade: Option<String>,
    kind: String,
    interval: i64,
    ease: f64,
    due: String,
    #[serde(default)]
    capped: bool,
    /// Where an imported answer came from (schema v7); absent otherwise.
    origin: Option<String>,
    at_ms: Option<i64>,
    repetition: Option<u32>,
    was_new: Option<bool>,
    /// The sync identity (schema v8, docs/sync.md), when it was set.
    device: Option<String>,
    seq: Option<i64>,
    sort_ms: Option<i64>,
    day: Option<String>,
    fuzz: Option<bool>,
    interview_day: Option<String>,
}

#[derive(Deserialize)]
struct InterviewIn {
    deck: String,
    date: String,
}

/// Whether `text` looks like a backup: a JSON object naming a version and
/// decks (what `import` checks before it says a `.json` file is not one).
pub fn looks_like_backup(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Head {
        #[allow(dead_code)]
        version: serde::de::IgnoredAny,
        #[allow(dead_code)]
        decks: serde::de::IgnoredAny,
    }
    serde_json::from_str::<Head>(text).is_ok()
}

/// Reads the backup file at `path`.
pub fn read(path: &Path) -> Result<Backup> {
    let text = crate::error::read_text(path)?;
    if !looks_like_backup(&text) && serde_json::from_str::<serde_json::Value>(&text).is_ok() {
        return Err(Error::file(
            path,
            "is JSON but not a rehearse backup (one written by `rehearse export --format json`)",
        ));
    }
    let file: FileIn = serde_json::from_str(&text).map_err(|e| Error::Syntax {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: format!("not a readable backup: {e}"),
    })?;
    parse(file).map_err(|message| Error::file(path, message))
}

fn parse(file: FileIn) -> Result<Backup, String> {
    match file.version {
        1 | 2 => {}
        v if v > NEWEST_VERSION => {
            return Err(format!(
                "is a backup of version {v}, written by a newer rehearse (this one reads up to {NEWEST_VERSION}): upgrade rehearse"
            ));
        }
        v => return Err(format!("is a backup of unknown version {v}")),
    }
    let complete = file.version >= 2;
    let decks = file
        .decks
        .into_iter()
        .map(|d| deck(d, complete))
        .collect::<Result<_, _>>()?;
    let (reviews, sync) = file
        .reviews
        .into_iter()
        .enumerate()
        .map(|(i, r)| review(r, complete).map_err(|e| format!("answer {} of the log: {e}", i + 1)))
        .collect::<Result<(Vec<_>, Vec<_>), _>>()?;
    let interviews = file
        .interviews
        .into_iter()
        .map(|i| Ok((i.deck, day(&i.date)?)))
        .collect::<Result<_, String>>()?;
    Ok(Backup {
        decks,
        reviews,
        sync,
        log_is_complete: complete,
        config: file.config.into_iter().collect(),
        interviews,
    })
}

fn deck(deck: DeckIn, complete: bool) -> Result<BackupDeck, String> {
    let notes: BTreeMap<String, String> = deck
        .cloze_notes
        .into_iter()
        .map(|n| (n.note, n.text))
        .collect();
    let cards = deck
        .cards
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let id = c.id.clone();
            card(c, &deck.name, i as i64, &notes, complete)
                .map_err(|e| format!("deck `{}`, card `{id}`: {e}", deck.name))
        })
        .collect::<Result<_, _>>()?;
    Ok(BackupDeck {
        name: deck.name,
        description: deck.description,
        cards,
    })
}

fn card(
    c: CardIn,
    deck: &str,
    index: i64,
    notes: &BTreeMap<String, String>,
    complete: bool,
) -> Result<Card, String> {
    let (derived_note, ord) = entry_of(&c.id);
    let note = match c.note {
        Some(note) => note,
        None if !complete => derived_note,
        None => return Err("has no `note`".into()),
    };
    let position = match c.position {
        Some(p) => p,
        None if !complete => index,
        None => return Err("has no `position`".into()),
    };
    let kind = match (c.kind.as_str(), ord) {
        ("basic", _) => CardKind::Basic,
        ("reverse", _) => CardKind::Reverse,
        ("cloze", Some(ord)) => CardKind::Cloze {
            ord,
            source: notes.get(&note).cloned().unwrap_or_default(),
        },
        ("cloze", None) => return Err("is a cloze card without `#cN` at the end of its id".into()),
        (other, _) => return Err(format!("has unknown kind `{other}`")),
    };
    let schedule = match c.due {
        None => Schedule::New,
        Some(due) => Schedule::Learned {
            sm2: sm2(c.repetition, c.ease, c.interval)?,
            due: day(&due)?,
        },
    };
    Ok(Card {
        row_id: 0,
        deck_id: 0,
        deck: deck.to_string(),
        draft: CardDraft {
            id: CardId(c.id),
            note,
            kind,
            front: c.front,
            back: c.back,
            extra: c.extra,
            tags: c.tags,
        },
        position,
        schedule,
        reviews: c.reviews,
        lapses: c.lapses,
        suspended: c.suspended,
    })
}

/// The entry (note) a card id comes from, and its cloze number: `x#r` and
/// `x#cN` come from `x` (docs/deck-format.md).
fn entry_of(id: &str) -> (String, Option<u32>) {
    if let Some((note, tail)) = id.rsplit_once('#') {
        if tail == "r" {
            return (note.to_string(), None);
        }
        if let Some(n) = tail.strip_prefix('c').and_then(|n| n.parse().ok()) {
            return (note.to_string(), Some(n));
        }
    }
    (id.to_string(), None)
}

fn review(r: ReviewIn, complete: bool) -> Result<(Review, ReviewSync), String> {
    if r.quality > 5 {
        return Err(format!("quality {} is not in 0..5", r.quality));
    }
    let grade = match r.grade.as_deref() {
        None => None,
        Some(name) => Some(Grade::from_name(name).ok_or(format!("unknown grade `{name}`"))?),
    };
    let kind = ReviewKind::from_name(&r.kind).ok_or(format!("unknown kind `{}`", r.kind))?;
    let answered_at_ms = match r.at_ms {
        Some(ms) => ms,
        None => chrono::DateTime::parse_from_rfc3339(&r.at)
            .map_err(|_| format!("`{}` is not an RFC 3339 time", r.at))?
            .timestamp_millis(),
    };
    let missing = |key: &str| format!("has no `{key}`");
    let (repetition, was_new) = match (r.repetition, r.was_new) {
        (Some(rep), Some(new)) => (rep, new),
        _ if !complete => (0, false),
        (None, _) => return Err(missing("repetition")),
        (_, None) => return Err(missing("was_new")),
    };
    let sync = ReviewSync {
        device: r.device,
        seq: r.seq,
        sort_ms: r.sort_ms,
        day: r.day.as_deref().map(day).transpose()?,
        fuzz: r.fuzz,
        interview_day: r.interview_day.as_deref().map(day).transpose()?,
    };
    let review = Review {
        id: 0,
        deck_id: 0,
        deck: r.deck,
        card: r.card,
        answered_at_ms,
        quality: r.quality,
        grade,
        kind,
        was_new,
        sm2: sm2(repetition, r.ease, r.interval)?,
        due: day(&r.due)?,
        capped: r.capped,
        origin: r.origin,
    };
    Ok((review, sync))
}

fn sm2(repetition: u32, ease: f64, interval_days: i64) -> Result<Sm2, String> {
    if !ease.is_finite() || ease <= 0.0 {
        return Err(format!("ease {ease} is not a positive number"));
    }
    if interval_days < 0 {
        return Err(format!("interval {interval_days} is negative"));
    }
    Ok(Sm2 {
        repetition,
        ease,
        interval_days,
    })
}

fn day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a day YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_come_from_ids() {
        assert_eq!(entry_of("pitch/why"), ("pitch/why".into(), None));
        assert_eq!(entry_of("pitch/why#r"), ("pitch/why".into(), None));
        assert_eq!(entry_of("n#c12"), ("n".into(), Some(12)));
        assert_eq!(entry_of("a#b"), ("a#b".into(), None));
    }

    #[test]
    fn a_version_1_log_gets_its_derived_columns_later() {
        let file: FileIn = serde_json::from_str(
            r#"{"version": 1, "decks": [], "reviews": [{"card": "a", "deck": "D",
               "at": "2026-11-30T12:00:00+00:00", "quality": 4, "grade": "good",
               "kind": "review", "interval": 1, "ease": 2.5, "due": "2026-12-01", "capped": false}]}"#,
        )
        .unwrap();
        let backup = parse(file).unwrap();
        assert!(!backup.log_is_complete);
        assert_eq!(backup.reviews[0].answered_at_ms, 1_796_040_000_000);
    }

    #[test]
    fn newer_versions_are_refused() {
        let file: FileIn =
            serde_json::from_str(r#"{"version": 3, "decks": [], "reviews": []}"#).unwrap();
        assert!(parse(file).unwrap_err().contains("newer rehearse"));
    }
}
