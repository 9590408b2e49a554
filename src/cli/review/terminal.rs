//! The terminal front end: single keys in raw mode on the alternate screen,
//! one indicatif progress bar under the card. The card is drawn inside
//! `ProgressBar::suspend`, so bar and card never overwrite each other. A
//! guard restores the terminal on every exit path, panics included.

use std::io::{Stdout, Write};
use std::time::Duration;

use chrono::NaiveDate;
use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::style::{Attribute, Color, Print, ResetColor, SetAttribute, SetForegroundColor};
use crossterm::terminal::{self, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{execute, queue};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::{Frontend, Input, Preview, scheduled};
use crate::cli::{safe, safe_line};
use crate::review::{Entry, Session};
use crate::scheduler::Grade;
use crate::storage::{Card, Review, ReviewKind};

pub struct Terminal {
    out: Stdout,
    bar: ProgressBar,
    color: bool,
    /// A line under the card: what the last answer (or undo) did; it stays
    /// while the next card is shown and revealed.
    status: String,
    /// Lines above every card (interview countdown, cram).
    banner: Vec<String>,
    active: bool,
}

fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(std::io::stdout(), Show, LeaveAlternateScreen);
}

impl Terminal {
    pub fn start(color: bool, total: usize, banner: Vec<String>) -> anyhow::Result<Terminal> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        // Killed (SIGTERM) or hung up (SIGHUP) mid-session: give the
        // terminal back before going; every answer is already committed.
        let mut signals = signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ])?;
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                restore();
                std::process::exit(128 + signal);
            }
        });
        terminal::enable_raw_mode()?;
        let mut out = std::io::stdout();
        execute!(out, EnterAlternateScreen, Hide)?;
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        let template = if color {
            " {wide_bar:.green} {pos}/{len} answered · {msg} · {elapsed}"
        } else {
            " [{wide_bar}] {pos}/{len} answered · {msg} · {elapsed}"
        };
        bar.set_style(
            ProgressStyle::with_template(template)
                .expect("valid template")
                .progress_chars("█▌░"),
        );
        bar.set_message("0 again");
        bar.enable_steady_tick(Duration::from_secs(1));
        Ok(Terminal {
            out,
            bar,
            color,
            status: String::new(),
            banner,
            active: true,
        })
    }

    fn update_bar(&self, session: &Session) {
        self.bar.set_length(session.total as u64);
        self.bar.set_position(session.done as u64);
        self.bar.set_message(format!("{} again", session.again));
    }

    /// Draws the card; `revealed` adds the back and the grade keys.
    fn draw(
        &mut self,
        session: &Session,
        entry: &Entry,
        preview: &str,
        revealed: bool,
    ) -> anyhow::Result<()> {
        let width = terminal::size()
            .map(|(w, _)| w as usize)
            .unwrap_or(80)
            .clamp(20, 100);
        let status = self.status.clone();
        let banner = &self.banner;
        let mut screen = Screen {
            out: &mut self.out,
            color: self.color,
            width,
        };
        let mut result = Ok(());
        self.bar.suspend(|| {
            result = (|| -> std::io::Result<()> {
                queue!(screen.out, Clear(ClearType::All), MoveTo(0, 0))?;
                screen.header(session, entry, banner)?;
                for l in wrap(&entry.card.draft.front, width - 4) {
                    screen.styled(&format!("   {l}"), None, true)?;
                }
                screen.line("")?;
                if revealed {
                    screen.answer(entry, preview)?;
                } else {
                    let hint = " space/enter: show the answer · u undo · q quit";
                    screen.styled(hint, Some(Color::DarkGrey), false)?;
                }
                screen.line("")?;
                if !status.is_empty() {
                    // One line, cut with "…": a long card id must not wrap
                    // the status under the progress bar.
                    let line = crate::cli::render::fit(&format!(" {status}"), width);
                    screen.styled(&line, Some(Color::Yellow), false)?;
                }
                screen.out.flush()
            })();
        });
        self.update_bar(session);
        Ok(result?)
    }

    fn key(&mut self) -> anyhow::Result<KeyEvent> {
        loop {
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
            {
                return Ok(key);
            }
        }
    }
}

fn is_quit(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char('q') | KeyCode::Esc)
        || (key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL))
}

/// The card's screen as it is drawn: lines of text, coloured or not, made
/// safe on the way out (text from a deck is shown, never obeyed).
struct Screen<'a> {
    out: &'a mut Stdout,
    color: bool,
    width: usize,
}

impl Screen<'_> {
    fn line(&mut self, text: &str) -> std::io::Result<()> {
        queue!(self.out, Print(safe_line(text)), Print("\r\n"))
    }

    fn styled(&mut self, text: &str, fg: Option<Color>, bold: bool) -> std::io::Result<()> {
        if !self.color {
            return self.line(text);
        }
        if let Some(fg) = fg {
            queue!(self.out, SetForegroundColor(fg))?;
        }
        if bold {
            queue!(self.out, SetAttribute(Attribute::Bold))?;
        }
        queue!(
            self.out,
            Print(safe_line(text)),
            SetAttribute(Attribute::Reset),
            ResetColor,
            Print("\r\n")
        )
    }

    /// The deck, the position in the session, and the banner lines.
    fn header(
        &mut self,
        session: &Session,
        entry: &Entry,
        banner: &[String],
    ) -> std::io::Result<()> {
        let repeat = if entry.kind == ReviewKind::Drill {
            " · repeat"
        } else {
            ""
        };
        let header = format!(
            " {} · card {} of {}{repeat}",
            entry.card.deck,
            session.done + 1,
            session.total
        );
        self.styled(&header, Some(Color::DarkGrey), false)?;
        for text in banner {
            self.styled(&format!(" {text}"), Some(Color::Magenta), false)?;
        }
        self.line("")
    }

    /// Under the front once revealed: a rule, the back, the extra text and
    /// the grade keys with the interval each would give.
    fn answer(&mut self, entry: &Entry, preview: &str) -> std::io::Result<()> {
        let width = self.width;
        let draft = &entry.card.draft;
        let rule = format!(" {}", "─".repeat(width.min(60) - 2));
        self.styled(&rule, Some(Color::DarkGrey), false)?;
        self.line("")?;
        for l in wrap(&draft.back, width - 4) {
            self.line(&format!("   {l}"))?;
        }
        if !draft.extra.is_empty() {
            self.line("")?;
            for l in wrap(&draft.extra, width - 4) {
                self.styled(&format!("   {l}"), Some(Color::DarkGrey), false)?;
            }
        }
        self.line("")?;
        self.styled(&grade_keys(entry, preview), Some(Color::Cyan), false)?;
        self.styled(" u undo · q quit", Some(Color::DarkGrey), false)
    }
}

/// "1 again 1d   2 hard 6d   …", or the keys alone for a repeat.
fn grade_keys(entry: &Entry, preview: &str) -> String {
    if entry.kind == ReviewKind::Drill {
        return format!(" 1 again · 2 hard · 3 good · 4 easy     ({preview})");
    }
    let mut keys = String::from(" ");
    for (i, part) in preview.split(" · ").enumerate() {
        keys.push_str(&format!("{} {part}   ", i + 1));
    }
    keys
}

/// Wraps text on spaces to `width` columns, keeping paragraph breaks; the
/// text is made safe first, so widths are those shown.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(10);
    let mut lines = Vec::new();
    for paragraph in safe(text).to_string().lines() {
        let mut current = String::new();
        for word in paragraph.split_whitespace() {
            if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        lines.push(current);
    }
    lines
}

impl Frontend for Terminal {
    fn ask(
        &mut self,
        session: &Session,
        entry: &Entry,
        preview: &Preview,
    ) -> anyhow::Result<Option<Input>> {
        self.draw(session, entry, &preview.text, false)?;
        loop {
            let key = self.key()?;
            if is_quit(&key) {
                return Ok(Some(Input::Quit));
            }
            match key.code {
                KeyCode::Char(' ') | KeyCode::Enter => break,
                KeyCode::Char('u') => return Ok(Some(Input::Undo)),
                _ => {}
            }
        }
        self.draw(session, entry, &preview.text, true)?;
        loop {
            let key = self.key()?;
            if is_quit(&key) {
                return Ok(Some(Input::Quit));
            }
            match key.code {
                KeyCode::Char(c @ '1'..='4') => {
                    let grade = Grade::parse(&c.to_string()).expect("1..4 are grades");
                    return Ok(Some(Input::Grade(grade)));
                }
                KeyCode::Char('u') => return Ok(Some(Input::Undo)),
                _ => {}
            }
        }
    }

    fn answered(
        &mut self,
        session: &Session,
        card: &Card,
        review: &Review,
        today: NaiveDate,
    ) -> anyhow::Result<()> {
        self.status = format!(
            "{} → {}",
            review.grade.map_or("answer", |g| g.name()),
            scheduled(card, review, today)
        );
        self.update_bar(session);
        Ok(())
    }

    fn notice(&mut self, text: &str) -> anyhow::Result<()> {
        self.status = format!("↶ {text}");
        Ok(())
    }

    fn finish(&mut self) -> anyhow::Result<()> {
        if self.active {
            self.active = false;
            self.bar.finish_and_clear();
            restore();
        }
        Ok(())
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        let _ = self.finish();
    }
}
