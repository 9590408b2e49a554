//! `review --json`: the session as JSON lines (docs/json-output.md). One
//! object per line on stdout: `start`, then a `card` for every card shown
//! and an `answer` for every answer, `notice`s, and `end` with the summary
//! (or `nothing` when there is nothing to review). Answers are read as in
//! the line protocol (docs/review-session.md): a grade, `u` or `q` per line.

use chrono::NaiveDate;
use serde::Serialize;

use super::lines::Lines;
use super::{Choice, Ending, Frontend, Input, Preview};
use crate::cli::render::{CardJson, ReviewJson, json_line};
use crate::review::{Entry, Session};
use crate::storage::{Card, Review, ReviewKind};

/// One line of the session.
#[derive(Serialize)]
#[serde(tag = "event", rename_all = "lowercase")]
pub enum Event<'a> {
    /// The session begins: its cards, learned ("due") and new.
    Start {
        cards: usize,
        due: usize,
        new: usize,
    },
    /// A card is shown, with what each grade would store (empty for a
    /// repeat, which changes no schedule).
    Card {
        position: usize,
        total: usize,
        repeat: bool,
        card: CardJson,
        preview: &'a [Choice],
    },
    /// An answer was recorded: the log entry and the card after it.
    Answer { review: ReviewJson, card: CardJson },
    /// An undo, or a wait for another writer.
    Notice { text: &'a str },
    /// The session is over.
    End(&'a Ending),
    /// Nothing to review now.
    Nothing {
        next_due: Option<String>,
        new_held_back: i64,
    },
}

/// Prints one event as a line of JSON.
pub fn print_line(event: &Event<'_>) -> std::io::Result<()> {
    let text = json_line(event).map_err(std::io::Error::other)?;
    crate::cli::write_stdout(&text)
}

pub struct JsonLines {
    lines: Lines,
}

impl JsonLines {
    /// Says how the session begins (its cards, `due` learned and `new`),
    /// then reads answers from stdin.
    pub fn start(cards: usize, due: usize, new: usize) -> anyhow::Result<JsonLines> {
        print_line(&Event::Start { cards, due, new })?;
        Ok(JsonLines {
            lines: Lines::new(),
        })
    }
}

impl Frontend for JsonLines {
    fn ask(
        &mut self,
        session: &Session,
        entry: &Entry,
        preview: &Preview,
    ) -> anyhow::Result<Option<Input>> {
        print_line(&Event::Card {
            position: session.done + 1,
            total: session.total,
            repeat: entry.kind == ReviewKind::Drill,
            card: CardJson::new(&entry.card),
            preview: &preview.choices,
        })?;
        self.lines.read()
    }

    fn answered(
        &mut self,
        _session: &Session,
        card: &Card,
        review: &Review,
        _today: NaiveDate,
    ) -> anyhow::Result<()> {
        print_line(&Event::Answer {
            review: ReviewJson::new(review),
            card: CardJson::new(card),
        })?;
        Ok(())
    }

    fn notice(&mut self, text: &str) -> anyhow::Result<()> {
        print_line(&Event::Notice { text })?;
        Ok(())
    }

    fn finish(&mut self) -> anyhow::Result<()> {
        Ok(())
    }
}
