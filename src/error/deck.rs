//! What can be wrong with a deck entry or a cloze text: the rules of the
//! deck format (docs/deck-format.md), which CSV rows follow too. Kept with
//! the other errors at the bottom of the module graph, so that every reader
//! can wrap them without depending on another reader.

/// At most this many deletion numbers in one cloze note: each number is a
/// card showing the whole text (docs/deck-format.md).
pub const MAX_CLOZE_DELETIONS: usize = 100;

/// A malformed deletion, said so that the user can find it in the text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClozeError {
    #[error("cloze number `c{0}` is too large")]
    NumberTooLarge(String),
    #[error("cloze numbers start at c1, not c0")]
    Zero,
    #[error("`{{{{c{0}::` is never closed with `}}}}`")]
    Unclosed(u32),
    #[error("cloze deletion c{0} hides nothing")]
    Empty(u32),
}

/// What is wrong with one entry, on its own.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("tag `{0}` contains white space")]
    TagWithSpace(String),
    #[error("`id` is empty")]
    EmptyId,
    #[error("id `{0}` contains `#`, which is kept for `#r` and `#cN` cards")]
    IdWithHash(String),
    #[error("an entry has either `cloze` or `front`/`back`, not both")]
    ClozeAndSides,
    #[error("`reverse` does not apply to a cloze entry")]
    ReverseCloze,
    #[error(transparent)]
    Cloze(#[from] ClozeError),
    #[error("`cloze` has no deletion: write it as {{{{c1::hidden words}}}}")]
    NoDeletion,
    #[error(
        "`cloze` has {count} deletion numbers; a note may have at most {MAX_CLOZE_DELETIONS} \
         (split it into several entries)"
    )]
    TooManyDeletions { count: usize },
    #[error("`front` is empty")]
    EmptyFront,
    #[error("`back` is empty")]
    EmptyBack,
    #[error("`extra` goes with `cloze`; put the text in `back`")]
    ExtraOnBasic,
    #[error("card has no `front` (nor `cloze`)")]
    NoFront,
    #[error("card has no `back`")]
    NoBack,
}
