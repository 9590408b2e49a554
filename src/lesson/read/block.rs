//! The blocks the Markdown reader yields (see `markdown.rs`): headings,
//! paragraphs, list items, quotes and table rows, each with its text by
//! source line.

use crate::lesson::text::squash;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    Heading(usize),
    Para,
    Item {
        depth: usize,
        /// Position in its list (0 for the first item) and the list's length.
        index: usize,
        /// A bold (or emphasised) label opening the item.
        label: Option<String>,
        /// In a numbered list.
        numbered: bool,
    },
    Quote,
    /// A table's row, labelled by its first cell.
    Row(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    pub(super) kind: Kind,
    /// Plain text, one entry per source line.
    pub(super) lines: Vec<String>,
    pub(super) line: usize,
    /// Phrases of two words or more the writer set in bold inside the
    /// text (not a label opening it): where they stress their point.
    pub(super) stressed: Vec<String>,
    /// Every word or phrase set in bold inside the text, one word or more
    /// (a list item naming its idea mid-sentence: "…we call this **open
    /// data**"; see `lists::termed_tips`).
    pub(super) terms: Vec<String>,
    /// For a paragraph: the bold text opening it, when more follows
    /// ("**Pay it down early.** Debt grows…"), a label as a tip's.
    pub(super) lead: Option<String>,
    /// The program text in it: its inline code spans, and the commands
    /// joined to its text from the code block after it ("…by the
    /// command:" and `ufw enable`; see `commands.rs`).
    pub(super) code: Vec<String>,
}

impl Block {
    pub(super) fn text(&self) -> String {
        squash(&self.lines.join(" "))
    }
}
