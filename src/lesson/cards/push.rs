//! Adding a card to the deck together with the record `--explain` prints
//! for it (see docs/lessons.md, "Explain").

use super::compose::without_label;
use super::sentence::summary_label;
use super::{CardEntry, Explained, Maker};

/// What a card shows: a question and its answer, or a cloze and the cue
/// shown beside it.
pub(super) enum Face {
    Question(String, String),
    Cloze(String, String),
}

impl Maker {
    /// Adds the card `id`, tagged with the lesson and `kind`, and what
    /// `--explain` prints for it: the sentences it came from and why.
    pub(super) fn push_card(
        &mut self,
        id: String,
        face: Face,
        kind: &str,
        (sources, why): (Vec<String>, String),
    ) {
        self.explained.push(Explained {
            id: id.clone(),
            sources,
            why,
            runners_up: Vec::new(),
        });
        let (front, back, cloze, extra) = match face {
            Face::Question(front, back) => {
                (Some(self.casing.unshout(&front)), Some(back), None, None)
            }
            // ("TL;DR: End-to-end tests…": the writer's summary label is
            // no part of the sentence, as on a back.)
            Face::Cloze(cloze, extra) => {
                let cloze = if summary_label(&cloze) {
                    without_label(&cloze).to_string()
                } else {
                    cloze
                };
                (None, None, Some(cloze), Some(extra))
            }
        };
        self.cards.push(CardEntry {
            id: Some(id),
            front,
            back,
            cloze,
            extra,
            tags: vec![self.lesson_slug.clone(), kind.into()],
            ..CardEntry::default()
        });
    }
}
