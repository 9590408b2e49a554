//! The line protocol for piped stdin (docs/review-session.md): each card prints its front
//! and back, then one line is read: a grade, `u` or `q`. An unreadable line
//! is answered with a message and read again; end of input ends the session.

use std::io::BufRead;

use chrono::NaiveDate;

use super::{Frontend, Input, Preview, scheduled};
use crate::cli::{print, print_err, safe_line};
use crate::review::{Entry, Session};
use crate::scheduler::Grade;
use crate::storage::{Card, Review, ReviewKind};

pub struct Lines {
    input: std::io::StdinLock<'static>,
}

impl Lines {
    pub fn new() -> Lines {
        Lines {
            input: std::io::stdin().lock(),
        }
    }

    /// Reads answer lines until one is an answer; `None` at end of input.
    pub fn read(&mut self) -> anyhow::Result<Option<Input>> {
        loop {
            let mut bytes = Vec::new();
            if self.input.read_until(b'\n', &mut bytes)? == 0 {
                return Ok(None);
            }
            let Ok(line) = std::str::from_utf8(&bytes) else {
                eprintln!(
                    "that line is not valid UTF-8 text: type again, hard, good, easy (or 1-4), u to undo, q to quit"
                );
                continue;
            };
            match parse(line) {
                Some(input) => return Ok(Some(input)),
                None => print_err(&format!(
                    "`{}` is not an answer: type again, hard, good, easy (or 1-4), u to undo, q to quit",
                    safe_line(line.trim())
                )),
            }
        }
    }
}

/// Reads one answer line.
pub fn parse(line: &str) -> Option<Input> {
    match line.trim().to_ascii_lowercase().as_str() {
        "u" | "undo" => Some(Input::Undo),
        "q" | "quit" => Some(Input::Quit),
        other => Grade::parse(other).map(Input::Grade),
    }
}

impl Frontend for Lines {
    fn ask(
        &mut self,
        session: &Session,
        entry: &Entry,
        preview: &Preview,
    ) -> anyhow::Result<Option<Input>> {
        let card = &entry.card;
        let repeat = if entry.kind == ReviewKind::Drill {
            " (repeat)"
        } else {
            ""
        };
        let mut text = format!(
            "[{}/{}] {} · {}{repeat}\nfront: {}\nback:  {}\n",
            session.done + 1,
            session.total,
            safe_line(&card.deck),
            safe_line(card.id().as_str()),
            card.draft.front,
            card.draft.back
        );
        if !card.draft.extra.is_empty() {
            text.push_str(&format!("extra: {}\n", card.draft.extra));
        }
        text.push_str(&format!("{}\n", preview.text));
        print(&text)?;
        self.read()
    }

    fn answered(
        &mut self,
        _session: &Session,
        card: &Card,
        review: &Review,
        today: NaiveDate,
    ) -> anyhow::Result<()> {
        print(&format!(
            "→ {} {}: {}",
            safe_line(card.id().as_str()),
            review.grade.map_or("answer", |g| g.name()),
            scheduled(card, review, today)
        ))?;
        Ok(())
    }

    fn notice(&mut self, text: &str) -> anyhow::Result<()> {
        print(&format!("↶ {text}"))?;
        Ok(())
    }

    fn finish(&mut self) -> anyhow::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_lines() {
        assert_eq!(parse("good\n"), Some(Input::Grade(Grade::Good)));
        assert_eq!(parse(" 1 "), Some(Input::Grade(Grade::Again)));
        assert_eq!(parse("U"), Some(Input::Undo));
        assert_eq!(parse("q"), Some(Input::Quit));
        assert_eq!(parse(""), None);
        assert_eq!(parse("5"), None);
    }
}
