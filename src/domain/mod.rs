//! The vocabulary of rehearse: cards and their ids, the SM-2 state of a card,
//! grades and answers, and the rules that name them (what counts as a pass,
//! when a card is mature). Every other module speaks in these types, and this
//! one depends on nothing of the crate but `clock`, so the module graph has a
//! bottom: files → `deck`/`import`/`lesson` → `storage` ← `review` (through
//! the `scheduler`) → `stats`, all of them standing on `domain`.

pub mod backup;
mod card;
pub mod cloze;
pub mod decks;
mod history;
mod ids;
mod note;
mod review;
pub mod search;
mod siblings;
mod state;

pub use card::{Card, CardDraft, CardKind, CardSink, DeckDraft, DueCards, NoProgress, Progress};
pub use history::{CardHistory, Histories};
pub use ids::{CardId, IdMaker, slug};
pub use note::NoteText;
pub use review::{ANKI_ORIGIN, Answer, DayCounts, Grade, Review, ReviewKind};
pub use siblings::{are_siblings, sibling_key};
pub use state::{MATURE_INTERVAL_DAYS, Maturity, PASS_QUALITY, Schedule, Sm2};
