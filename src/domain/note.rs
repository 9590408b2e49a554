//! A note's text as `rehearse edit` changes it (README.md, "Editing a
//! card"): the sides of a basic card and its reverse, or the text of a
//! cloze note, with the extra text and tags its cards share.

use super::card::{Card, CardKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteText {
    /// A basic card, and its reverse when it has one: `front` is the basic
    /// card's front (the reverse card shows it as its back).
    Basic {
        front: String,
        back: String,
        extra: String,
        tags: Vec<String>,
    },
    /// The text of a cloze note, shared by its cards `#c1`, `#c2`…
    Cloze {
        text: String,
        extra: String,
        tags: Vec<String>,
    },
}

impl NoteText {
    /// The note `card` comes from, as it stands.
    pub fn of(card: &Card) -> NoteText {
        let draft = &card.draft;
        let (extra, tags) = (draft.extra.clone(), draft.tags.clone());
        match &draft.kind {
            CardKind::Basic => NoteText::Basic {
                front: draft.front.clone(),
                back: draft.back.clone(),
                extra,
                tags,
            },
            // A reverse card shows the note's back as its front.
            CardKind::Reverse => NoteText::Basic {
                front: draft.back.clone(),
                back: draft.front.clone(),
                extra,
                tags,
            },
            CardKind::Cloze { source, .. } => NoteText::Cloze {
                text: source.clone(),
                extra,
                tags,
            },
        }
    }

    pub fn tags(&self) -> &[String] {
        match self {
            NoteText::Basic { tags, .. } | NoteText::Cloze { tags, .. } => tags,
        }
    }

    pub fn extra(&self) -> &str {
        match self {
            NoteText::Basic { extra, .. } | NoteText::Cloze { extra, .. } => extra,
        }
    }
}
