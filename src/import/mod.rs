//! Every source of cards (TOML deck files, CSV/TSV, Anki packages, lessons)
//! ends up as the same neutral record: a [`DeckDraft`] holding [`CardDraft`]s,
//! each already expanded to one card per reviewable side (a reversed entry is
//! two drafts, a cloze one per number). Storage only ever sees these, so
//! there is one import path and one set of update rules (docs/imports.md).

pub mod apkg;
pub mod backup;
pub mod csv;
pub mod html;

use crate::error::{Error, Result};

pub use crate::domain::{
    CardDraft, CardId, CardKind, CardSink, DeckDraft, IdMaker, NoProgress, Progress, slug,
};

/// What a reader found in one file: its decks, and notices for the user
/// about what was left out (media, unreadable notes). Notices are not errors:
/// the import goes on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReadOutcome {
    pub decks: Vec<DeckDraft>,
    pub notices: Vec<String>,
}

/// Runs `read` on a thread of its own, feeding `sink` on this one: parsing
/// a file and writing the collection then take two cores instead of one
/// after the other. Cards cross in batches through a bounded queue, so
/// memory stays flat however long the file. The writer's error wins over
/// the reader's (it is about an earlier card), and a reader that fails
/// leaves the sink with only the cards before the failure, never the rest.
pub fn read_beside<F>(read: F, sink: &mut dyn CardSink) -> Result<()>
where
    F: FnOnce(&mut dyn CardSink) -> Result<()> + Send,
{
    std::thread::scope(|scope| {
        let (queue, batches) = std::sync::mpsc::sync_channel::<Batch>(QUEUED_BATCHES);
        let reader = scope.spawn(move || {
            let mut out = QueueSink {
                queue,
                cards: Vec::with_capacity(BATCH_CARDS),
            };
            read(&mut out)?;
            out.flush()
        });
        let written = batches.iter().try_for_each(|batch| match batch {
            Batch::Deck { name, description } => sink.begin_deck(&name, &description),
            Batch::Cards(cards) => cards.into_iter().try_for_each(|card| sink.card(card)),
        });
        // Hang up before waiting, so a reader blocked on a full queue stops.
        drop(batches);
        let read = reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        written.and(read)
    })
}

/// Cards per batch handed from the reading thread to the writing one, and
/// how many batches may wait: enough to keep both busy, little memory.
const BATCH_CARDS: usize = 512;
const QUEUED_BATCHES: usize = 4;

enum Batch {
    Deck { name: String, description: String },
    Cards(Vec<CardDraft>),
}

/// The reading thread's end of [`read_beside`].
struct QueueSink {
    queue: std::sync::mpsc::SyncSender<Batch>,
    cards: Vec<CardDraft>,
}

impl QueueSink {
    fn send(&self, batch: Batch) -> Result<()> {
        // The writer hung up: it failed, and its error is the one reported.
        self.queue.send(batch).map_err(|_| Error::ImportStopped)
    }

    fn flush(&mut self) -> Result<()> {
        if self.cards.is_empty() {
            return Ok(());
        }
        let full = std::mem::replace(&mut self.cards, Vec::with_capacity(BATCH_CARDS));
        self.send(Batch::Cards(full))
    }
}

impl CardSink for QueueSink {
    fn begin_deck(&mut self, name: &str, description: &str) -> Result<()> {
        self.flush()?;
        self.send(Batch::Deck {
            name: name.to_string(),
            description: description.to_string(),
        })
    }

    fn card(&mut self, card: CardDraft) -> Result<()> {
        self.cards.push(card);
        if self.cards.len() >= BATCH_CARDS {
            self.flush()?;
        }
        Ok(())
    }
}

/// A card id from an Anki note guid. Guids use base91 characters, which
/// include `#` (kept for `#r`/`#cN` card ids) and `%`: both, and any white
/// space, are percent-escaped, so the mapping stays one-to-one and stable across
/// re-imports, and the id is valid in a TOML deck file.
pub fn id_from_guid(guid: &str) -> String {
    let guid = guid.trim();
    let mut out = String::with_capacity(guid.len());
    for ch in guid.chars() {
        match ch {
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            c if c.is_whitespace() || c.is_control() => {
                let mut buf = [0u8; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_keeps_letters_and_digits() {
        assert_eq!(
            slug("Why sharpen your pitch?", 60),
            "why-sharpen-your-pitch"
        );
        assert_eq!(slug("Don’t guess", 60), "dont-guess");
        assert_eq!(slug("Élan & café 2", 60), "élan-café-2");
        assert_eq!(slug("?!", 60), "card");
        assert_eq!(slug("abc def ghi", 5), "abc-d");
        assert_eq!(slug("abc def", 4), "abc");
        assert_eq!(slug("abc def", 5), "abc-d");
        assert_eq!(slug("  --Lead and trail!! ", 60), "lead-and-trail");
        assert_eq!(slug("ab İx", 4), "ab-i");
        assert_eq!(slug("ab İx", 5), "ab-i\u{307}");
        assert_eq!(slug("ÄÖÜ straße", 60), "äöü-straße");
    }

    #[test]
    fn guid_ids_escape_hash_and_percent() {
        assert_eq!(id_from_guid("f.#*`{1LUQ"), "f.%23*`{1LUQ");
        assert_eq!(id_from_guid("a%23"), "a%2523");
        assert_ne!(id_from_guid("a#"), id_from_guid("a%23"));
        assert_eq!(id_from_guid("plainGuid1"), "plainGuid1");
    }

    fn draft(id: &str) -> CardDraft {
        CardDraft {
            id: CardId(id.to_string()),
            note: id.to_string(),
            kind: CardKind::Basic,
            front: format!("front of {id}"),
            back: "back".into(),
            extra: String::new(),
            tags: Vec::new(),
        }
    }

    /// Writes `n` cards named `prefix0`, `prefix1`… into `sink`.
    fn emit(sink: &mut dyn CardSink, prefix: &str, n: usize) -> Result<()> {
        (0..n).try_for_each(|i| sink.card(draft(&format!("{prefix}{i}"))))
    }

    /// A sink that records what reached it, failing at card `fail_at`.
    #[derive(Default)]
    struct Recorder {
        seen: Vec<String>,
        fail_at: Option<usize>,
    }

    impl CardSink for Recorder {
        fn begin_deck(&mut self, name: &str, _description: &str) -> Result<()> {
            self.seen.push(format!("deck {name}"));
            Ok(())
        }

        fn card(&mut self, card: CardDraft) -> Result<()> {
            if self.fail_at == Some(self.seen.len()) {
                return Err(Error::NoDecks);
            }
            self.seen.push(card.id.0);
            Ok(())
        }
    }

    #[test]
    fn read_beside_hands_over_decks_and_cards_in_order() {
        let mut sink = Recorder::default();
        read_beside(
            |out| {
                out.begin_deck("A", "")?;
                emit(out, "a", 1500)?;
                out.begin_deck("B", "")?;
                emit(out, "b", 3)
            },
            &mut sink,
        )
        .unwrap();
        let mut expected = vec!["deck A".to_string()];
        expected.extend((0..1500).map(|i| format!("a{i}")));
        expected.push("deck B".into());
        expected.extend((0..3).map(|i| format!("b{i}")));
        assert_eq!(sink.seen, expected);
    }

    #[test]
    fn read_beside_stops_at_a_reader_error() {
        let mut sink = Recorder::default();
        let err = read_beside(
            |out| {
                out.begin_deck("A", "")?;
                emit(out, "a", 1000)?;
                Err(Error::BadQuality(9))
            },
            &mut sink,
        )
        .unwrap_err();
        assert!(matches!(err, Error::BadQuality(9)), "{err}");
        // Only whole batches before the failure arrived, in order.
        assert!(sink.seen.len() <= 1001, "{}", sink.seen.len());
        assert_eq!(sink.seen[1], "a0");
        assert_eq!(
            sink.seen.last().unwrap(),
            &format!("a{}", sink.seen.len() - 2)
        );
    }

    #[test]
    fn read_beside_reports_the_writer_error_and_stops_the_reader() {
        let mut sink = Recorder {
            fail_at: Some(10),
            ..Recorder::default()
        };
        // Far more cards than the queue holds: the reader must not block
        // forever once the writer is gone.
        let err = read_beside(
            |out| {
                out.begin_deck("A", "")?;
                emit(out, "a", 1_000_000)
            },
            &mut sink,
        )
        .unwrap_err();
        assert!(matches!(err, Error::NoDecks), "{err}");
        assert_eq!(sink.seen.len(), 10);
    }

    #[test]
    fn id_maker_numbers_repeats() {
        let mut ids = IdMaker::new();
        assert_eq!(ids.from_front("Same"), "same");
        assert_eq!(ids.from_front("same!"), "same~2");
        assert_eq!(ids.from_front("Other"), "other");
    }
}
