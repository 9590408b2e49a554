//! What a `Piece` of a section says of itself, and a piece the reader
//! makes rather than reads (a heading set as a list item, advice moved
//! out of a heading).

use super::{Piece, PieceKind, example_label};

impl Piece {
    /// A piece of the given kind that the reader made, not read from the
    /// text: no stress, no code, line 0.
    pub fn made(kind: PieceKind, text: String) -> Piece {
        Piece {
            kind,
            text,
            stressed: Vec::new(),
            code: Vec::new(),
            numbered: false,
            label: None,
            nested: false,
            line: 0,
        }
    }

    /// Is it asked about on its own, never a sentence of its section: a
    /// table's row (see `cards/table.rs`), or an example of a pair, "Yes:
    /// …" beside "No: …" (see `cards/pairs.rs`)?
    pub fn asked_apart(&self) -> bool {
        self.kind == PieceKind::Row
            || (self.kind == PieceKind::Item && example_label(&self.text).is_some())
    }
}
