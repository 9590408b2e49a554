//! Lesson documents → deck entries (see docs/lessons.md). Pure: no I/O.
//!
//! [`analyse`] reads the lesson's structure ([`read`]: title, introduction,
//! sections), then makes cards ([`cards`]) with the help of a part-of-speech
//! tagger ([`language`]): per section a point card and clozes, and an
//! overview card for the lesson. Every choice is a fixed rule over the text
//! (no randomness, no hash-map order), so the same lesson always gives
//! byte-identical decks, and ids come from the title and the heading, so
//! editing one section keeps the others' ids.

mod advice;
mod cards;
mod casing;
mod language;
mod lexicon;
mod read;
mod retag;
mod text;

use std::path::Path;

pub use cards::{Explained, SectionReport};

use crate::deck::DeckFile;
use crate::error::{Error, Result};

/// A lesson turned into a deck, with what was found on the way.
pub struct Generated {
    pub deck: DeckFile,
    /// Every section found, in order (also those that gave no card).
    pub sections: Vec<SectionReport>,
    /// Per card: the sentences it came from and why.
    pub explained: Vec<Explained>,
    /// Things the author should know (printed on stderr).
    pub warnings: Vec<String>,
}

/// The fewest sentences of substance for which a paragraph without a
/// heading that gave no card is warned of.
const PARAGRAPH_SENTENCES: usize = 3;

/// Turns a lesson into a deck. `path` only names errors; `text` is the
/// document's content (Markdown or plain text).
pub fn generate(path: &Path, text: &str) -> Result<DeckFile> {
    analyse(path, text).map(|g| g.deck)
}

/// [`generate`], keeping the sections found and the reasons for each card.
pub fn analyse(path: &Path, text: &str) -> Result<Generated> {
    let text = read::without_front_matter(&read::normalize(text));
    if text.trim().is_empty() {
        return Err(Error::file(path, "the lesson is empty"));
    }
    read::check_text(path, &text)?;
    let lesson = read::read(path, &text)?;
    let made = cards::make_deck(&lesson);
    let mut warnings = Vec::new();
    // (Items of a list are no paragraphs: a procedure of ten steps is one
    // section, asked step by step.)
    let paragraphs = lesson
        .intro
        .iter()
        .chain(lesson.sections.iter().flat_map(|s| &s.body))
        .filter(|p| p.kind != read::PieceKind::Item)
        .count();
    if lesson.sections.len() == 1 && paragraphs >= 3 {
        warnings.push(format!(
            "{}: found only one section in {paragraphs} paragraphs; give each part a heading on a line of its own to get a card for each",
            path.display()
        ));
    }
    // A headed section with text that gave no card, and was not left
    // out on purpose, is said so: the author can reword it.
    for r in &made.sections {
        if let Some(h) = r.heading.as_deref().filter(|_| r.cards == 0 && !r.left_out) {
            // (The section the title heads is the introduction.)
            let what = if h == lesson.title {
                "the introduction: none of its sentences answers what the title asks; give its parts headings of their own"
                    .to_string()
            } else {
                format!(
                    "the section \u{201c}{h}\u{201d}: none of its sentences states a point a card can ask for"
                )
            };
            warnings.push(format!("{}:{}: no card for {what}", path.display(), r.line));
        }
        // (So is a paragraph of substance without a heading: a story told
        // in the first person, "I shot my first roll…", may hold a point
        // no rule reads.)
        if r.heading.is_none() && r.cards == 0 && !r.left_out && r.sentences >= PARAGRAPH_SENTENCES
        {
            warnings.push(format!(
                "{}:{}: no card for this paragraph: none of its {} sentences states a point a card can ask for; a heading naming its point would give one",
                path.display(),
                r.line,
                r.sentences
            ));
        }
    }
    // (A lesson with text that gives no card at all is never passed over
    // in silence, headed or not.)
    if made.deck.cards.is_empty() && warnings.is_empty() {
        warnings.push(format!(
            "{}: no cards: none of its sentences states a point a card can ask for; give each part a heading on a line of its own",
            path.display()
        ));
    }
    Ok(Generated {
        deck: made.deck,
        sections: made.sections,
        explained: made.explained,
        warnings,
    })
}
