//! The events two collections exchange (docs/sync.md): an answer, with
//! everything needed to place it in every device's log, or a change to one
//! thing that has a latest value (last writer wins): a card's content, a
//! deck, a suspension, an interview date, a setting, an answer taken back.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One event of a device's stream, numbered by that device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub seq: i64,
    #[serde(flatten)]
    pub body: Body,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Body {
    Answer(AnswerEvent),
    Change(Change),
}

/// One answer as given on its device, with the scheduler's context there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerEvent {
    pub deck: String,
    pub card: String,
    pub at_ms: i64,
    /// The order key: never lower than an answer of the same card the
    /// device knew when this one was given (docs/sync.md, "Time").
    pub sort_ms: i64,
    pub quality: u8,
    pub grade: Option<String>,
    pub kind: String,
    /// The local day the answer counted on, fuzz, and the interview date in
    /// force; absent for answers recorded before schema 8.
    pub day: Option<NaiveDate>,
    pub fuzz: Option<bool>,
    pub interview: Option<NaiveDate>,
    /// `anki:<revlog id>` for an answer imported from an Anki package.
    pub origin: Option<String>,
    pub was_new: bool,
    pub repetition: u32,
    pub ease: f64,
    pub interval: i64,
    pub due: NaiveDate,
    pub capped: bool,
}

/// What a [`Change`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A card's content (`value`: [`CardContent`], or null once deleted).
    Card,
    /// A deck (`value`: its description).
    Deck,
    /// A card's suspension (`value`: a boolean).
    Suspend,
    /// A deck's interview date (`value`: `YYYY-MM-DD` or null).
    Interview,
    /// A setting (`key`; `value`: its text).
    Setting,
    /// An answer taken back (`deck`: its device, `key`: its number).
    Undo,
}

impl ChangeKind {
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Card => "card",
            ChangeKind::Deck => "deck",
            ChangeKind::Suspend => "suspend",
            ChangeKind::Interview => "interview",
            ChangeKind::Setting => "setting",
            ChangeKind::Undo => "undo",
        }
    }

    pub fn from_name(name: &str) -> Option<ChangeKind> {
        [
            ChangeKind::Card,
            ChangeKind::Deck,
            ChangeKind::Suspend,
            ChangeKind::Interview,
            ChangeKind::Setting,
            ChangeKind::Undo,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// The latest value of one thing, stamped with when and where it was set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub deck: String,
    pub key: String,
    pub at_ms: i64,
    pub value: serde_json::Value,
}

/// A card's content as the collection stores it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardContent {
    pub note: String,
    pub kind: String,
    pub cloze_ord: Option<u32>,
    /// The text of its cloze note, for a cloze card.
    pub source: Option<String>,
    pub front: String,
    pub back: String,
    pub extra: String,
    pub tags: String,
    pub position: i64,
}

/// Whether stamp `a` (time, device) is later than `b`: the later time
/// wins, and on equal times the greater device name (docs/sync.md).
pub fn later(a: (i64, &str), b: (i64, &str)) -> bool {
    a > b
}

/// A device name: letters, digits, `.`, `_` and `-`, at most 64, not
/// starting with a dot (it names a folder that file-sync tools keep).
pub fn valid_device_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_time_wins_and_device_name_breaks_ties() {
        assert!(later((2, "a"), (1, "z")));
        assert!(later((1, "laptop"), (1, "desktop")));
        assert!(!later((1, "desktop"), (1, "laptop")));
        assert!(!later((1, "x"), (1, "x")));
    }

    #[test]
    fn device_names_are_folder_safe() {
        assert!(valid_device_name("laptop-3fa2"));
        for bad in ["", ".git", "a/b", "a b", "a:b", &"x".repeat(65)] {
            assert!(!valid_device_name(bad), "{bad}");
        }
    }

    #[test]
    fn events_round_trip_through_json() {
        let event = Event {
            seq: 7,
            body: Body::Change(Change {
                kind: ChangeKind::Suspend,
                deck: "d".into(),
                key: "c".into(),
                at_ms: 5,
                value: serde_json::Value::Bool(true),
            }),
        };
        let text = serde_json::to_string(&event).unwrap();
        assert_eq!(serde_json::from_str::<Event>(&text).unwrap(), event);
    }
}
