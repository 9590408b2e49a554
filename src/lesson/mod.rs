//! Lesson documents → deck entries (docs/lessons.md). Pure: no I/O.
//!
//! [`generate`] reads the lesson's structure ([`read`]: title, introduction,
//! sections), then makes cards ([`cards`]): per section a point card and one
//! or two clozes, and an overview card for the lesson. Every choice is a fixed
//! rule over the text (no randomness, no hash-map order), so the same lesson
//! always gives byte-identical decks, and ids come from the title and the
//! heading, so editing one section keeps the others' ids.

mod cards;
mod keywords;
mod read;
mod text;

use std::path::Path;

use crate::deck::DeckFile;
use crate::error::{Error, Result};

/// Turns a lesson into a deck. `path` only names errors; `text` is the
/// document's content (Markdown or plain text).
pub fn generate(path: &Path, text: &str) -> Result<DeckFile> {
    let text = read::normalize(text);
    if text.trim().is_empty() {
        return Err(Error::file(path, "the lesson is empty"));
    }
    read::check_text(path, &text)?;
    let lesson = read::read(path, &text)?;
    Ok(cards::make_deck(&lesson))
}
