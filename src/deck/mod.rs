//! The native deck format (see docs/deck-format.md): a TOML file people
//! write, diff and share. Three steps, one file each:
//! - [`parse`] reads the text with byte spans, so every error names
//!   `file:line:column`, and unknown keys are errors (`split` cuts a big
//!   file into entries first);
//! - [`expand`] turns each entry into its cards (`id`, `id#r`, `id#cN`): the
//!   one place where entries become card drafts, for TOML and CSV alike;
//! - [`write`] turns cards back into entries and text, deterministically, so
//!   that generated decks are byte-identical for the same input.

pub use crate::domain::cloze;
mod expand;
mod note;
mod parse;
mod split;
mod write;

use serde::{Deserialize, Serialize};

pub use expand::{EntryError, MAX_CLOZE_DELETIONS, expand};
pub use note::{read_note, write_note};
pub use parse::{parse, read, read_into};
pub use write::{FALLBACK_DECK_NAME, entries_from_cards, write};

/// A deck file as written on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DeckFile {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default)]
    pub cards: Vec<CardEntry>,
}

/// One `[[cards]]` entry: a basic card (`front`/`back`, maybe `reverse`) or a
/// cloze text (`cloze`, maybe `extra`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct CardEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub front: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloze: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub reverse: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}
