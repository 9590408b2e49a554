//! The terminal front end: single keys in raw mode on the alternate screen,
//! one indicatif progress bar under the card (docs/review-session.md, "On
//! a terminal"). What goes where is decided by `layout` for the terminal's
//! size at each draw; here are the effects: drawing, keys, resizing,
//! suspending with Ctrl-Z. The card is drawn inside `ProgressBar::suspend`,
//! so bar and card never overwrite each other. The terminal is restored on
//! every exit path, panics and SIGTERM included.

use std::io::{Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::NaiveDate;
use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::style::{Attribute, Color, Print, ResetColor, SetAttribute, SetForegroundColor};
use crossterm::terminal::{self, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{execute, queue};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGTERM};

use super::layout::{Content, layout, text_width};
use super::text::{Line, Look, MARK_CLOSE, MARK_OPEN, Style, render, unmarked};
use super::{Banner, Frontend, Input, Preview, forms};
use crate::cli::safe_line;
use crate::domain::cloze;
use crate::import::CardKind;
use crate::review::{Entry, Session};
use crate::scheduler::Grade;
use crate::storage::{Card, Review};

pub struct Terminal {
    out: Stdout,
    bar: ProgressBar,
    color: bool,
    /// What the last answer (or undo) did, in forms for the width; it
    /// stays while the next card is shown and revealed.
    status: Vec<String>,
    /// Lines above every card (the day's counts, interview countdown, cram).
    banner: Vec<Banner>,
    active: bool,
    /// The card on screen: answer shown or not, and its scrolling.
    view: View,
    /// The bar's template was chosen for this width class.
    bar_form: Option<usize>,
    /// Set by SIGCONT: the session was stopped and continued (`fg`).
    continued: Arc<AtomicBool>,
}

#[derive(Default)]
struct View {
    revealed: bool,
    scroll: usize,
    max_scroll: usize,
    page: usize,
}

/// Gives the terminal back: cooked mode, the main screen, the cursor.
fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(std::io::stdout(), Show, LeaveAlternateScreen);
}

/// Takes the terminal (again): raw mode, the alternate screen, no cursor.
/// Raw mode is set anew even when crossterm thinks it is on, as after a
/// stop the shell has put its own mode back.
fn enter() -> std::io::Result<()> {
    let _ = terminal::disable_raw_mode();
    terminal::enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen, Hide)
}

impl Terminal {
    pub fn start(color: bool, total: usize, banner: Vec<Banner>) -> anyhow::Result<Terminal> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        let continued = Arc::new(AtomicBool::new(false));
        // Killed (SIGTERM) or hung up (SIGHUP) mid-session: give the
        // terminal back before going; every answer is already committed.
        // Continued after a stop (SIGCONT): take it again and redraw.
        let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGCONT])?;
        let flag = continued.clone();
        std::thread::spawn(move || {
            for signal in signals.forever() {
                if signal == SIGCONT {
                    flag.store(true, Ordering::SeqCst);
                } else {
                    restore();
                    std::process::exit(128 + signal);
                }
            }
        });
        enter()?;
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        bar.set_message("0 again");
        bar.enable_steady_tick(Duration::from_secs(1));
        Ok(Terminal {
            out: std::io::stdout(),
            bar,
            color,
            status: Vec::new(),
            banner,
            active: true,
            view: View::default(),
            bar_form: None,
            continued,
        })
    }

    fn update_bar(&self, session: &Session) {
        self.bar.set_length(session.total as u64);
        self.bar.set_position(session.done as u64);
        self.bar.set_message(format!("{} again", session.again));
    }

    /// The bar's template for the width: the elapsed time goes first, then
    /// the word "answered", so the counts keep room on a narrow terminal.
    fn style_bar(&mut self, width: usize) {
        let form = match width {
            60.. => 0,
            36..60 => 1,
            _ => 2,
        };
        if self.bar_form == Some(form) {
            return;
        }
        self.bar_form = Some(form);
        let counts = [
            "{pos}/{len} answered · {msg} · {elapsed}",
            "{pos}/{len} answered · {msg}",
            "{pos}/{len} · {msg}",
        ][form];
        let template = if self.color {
            format!(" {{wide_bar:.green}} {counts}")
        } else {
            format!(" [{{wide_bar}}] {counts}")
        };
        self.bar.set_style(
            ProgressStyle::with_template(&template)
                .expect("valid template")
                .progress_chars("█▌░"),
        );
    }

    /// Everything the card's screen may show, for a terminal `width` wide.
    fn content(
        &self,
        session: &Session,
        entry: &Entry,
        preview: &Preview,
        width: usize,
    ) -> Content {
        let look = |base: Style, marks: bool| Look {
            width: text_width(width),
            color: self.color,
            base,
            marks,
        };
        let draft = &entry.card.draft;
        let mut back = match &draft.kind {
            CardKind::Cloze { ord, source } => {
                let marked = cloze::marked(
                    &unmarked(source),
                    *ord,
                    &MARK_OPEN.to_string(),
                    &MARK_CLOSE.to_string(),
                );
                render(&marked, &look(Style::PLAIN, true))
            }
            _ => render(&draft.back, &look(Style::PLAIN, false)),
        };
        if !draft.extra.trim().is_empty() {
            back.push(Vec::new());
            back.extend(render(&draft.extra, &look(Style::DIM, false)));
        }
        let (keys, hints) =
            forms::keys_and_hints(entry, &preview.choices, self.view.revealed, width);
        Content {
            header: forms::header(session, entry, width),
            banner: self.banner.iter().map(forms::banner).collect(),
            front: render(&draft.front, &look(Style::BOLD, false)),
            back,
            revealed: self.view.revealed,
            keys,
            hints,
            status: forms::status(&self.status),
        }
    }

    /// Draws the card for the terminal's present size.
    fn draw(&mut self, session: &Session, entry: &Entry, preview: &Preview) -> anyhow::Result<()> {
        let (width, height) = terminal::size().map_or((80, 24), |(w, h)| (w as usize, h as usize));
        self.style_bar(width);
        let content = self.content(session, entry, preview, width);
        let screen = layout(&content, width, height, self.view.scroll);
        self.view.scroll = screen.scroll;
        self.view.max_scroll = screen.max_scroll;
        self.view.page = screen.page;
        let color = self.color;
        let out = &mut self.out;
        let mut result = Ok(());
        self.bar.suspend(|| {
            result = (|| -> std::io::Result<()> {
                queue!(out, Clear(ClearType::All), MoveTo(0, 0))?;
                for line in &screen.lines {
                    print_line(out, line, color)?;
                    queue!(out, Print("\r\n"))?;
                }
                out.flush()
            })();
        });
        self.update_bar(session);
        Ok(result?)
    }

    /// The next key pressed; `None` when the screen must be drawn again
    /// (the terminal was resized, or the session continued after a stop).
    fn next(&mut self) -> anyhow::Result<Option<KeyEvent>> {
        loop {
            if self.continued.swap(false, Ordering::SeqCst) {
                enter()?;
                return Ok(None);
            }
            // Polling, so that a continue is noticed without a key.
            if !event::poll(Duration::from_millis(250))? {
                continue;
            }
            match event::read()? {
                Event::Key(key) if key.kind == KeyEventKind::Press => return Ok(Some(key)),
                Event::Resize(..) => return Ok(None),
                _ => {}
            }
        }
    }

    /// Ctrl-Z: the terminal goes back to the shell and the session stops
    /// (SIGTSTP to its process group, as the shell's own Ctrl-Z would);
    /// after `fg` it takes the terminal again. The bar is held meanwhile,
    /// so its ticks do not draw on the shell's screen.
    fn suspend(&mut self) -> anyhow::Result<()> {
        let mut result = Ok(());
        self.bar.suspend(|| {
            restore();
            // A session whose shell has no job control is not stopped
            // (its process group is orphaned): it carries on at once.
            let _ = rustix::process::kill_current_process_group(rustix::process::Signal::TSTP);
            result = enter();
        });
        Ok(result?)
    }

    /// The scroll position a key asks for, if it is a scrolling key.
    fn scrolled(&self, key: &KeyEvent) -> Option<usize> {
        let View {
            scroll,
            max_scroll,
            page,
            ..
        } = self.view;
        let page = page.saturating_sub(1).max(1);
        Some(match key.code {
            KeyCode::Up => scroll.saturating_sub(1),
            KeyCode::Down => (scroll + 1).min(max_scroll),
            KeyCode::PageUp => scroll.saturating_sub(page),
            KeyCode::PageDown => (scroll + page).min(max_scroll),
            KeyCode::Home => 0,
            KeyCode::End => max_scroll,
            _ => return None,
        })
    }
}

fn is_quit(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) || is_ctrl(key, 'c')
}

fn is_ctrl(key: &KeyEvent, c: char) -> bool {
    key.code == KeyCode::Char(c) && key.modifiers.contains(KeyModifiers::CONTROL)
}

/// One screen line; its spans' styles only with colour. The text is made
/// safe again on the way out (it already is: text from a deck is shown,
/// never obeyed).
fn print_line(out: &mut Stdout, line: &Line, color: bool) -> std::io::Result<()> {
    for span in line {
        let text = safe_line(&span.text);
        let style = span.style;
        if !color || style == Style::PLAIN {
            queue!(out, Print(text))?;
            continue;
        }
        for (on, attribute) in [
            (style.bold, Attribute::Bold),
            (style.dim, Attribute::Dim),
            (style.italic, Attribute::Italic),
            (style.underline, Attribute::Underlined),
        ] {
            if on {
                queue!(out, SetAttribute(attribute))?;
            }
        }
        if style.code {
            queue!(out, SetForegroundColor(Color::DarkCyan))?;
        }
        queue!(out, Print(text), SetAttribute(Attribute::Reset), ResetColor)?;
    }
    Ok(())
}

impl Frontend for Terminal {
    fn ask(
        &mut self,
        session: &Session,
        entry: &Entry,
        preview: &Preview,
    ) -> anyhow::Result<Option<Input>> {
        self.view = View::default();
        self.draw(session, entry, preview)?;
        loop {
            let Some(key) = self.next()? else {
                self.draw(session, entry, preview)?;
                continue;
            };
            if is_quit(&key) {
                return Ok(Some(Input::Quit));
            }
            if is_ctrl(&key, 'z') {
                self.suspend()?;
                self.draw(session, entry, preview)?;
                continue;
            }
            if let Some(scroll) = self.scrolled(&key) {
                if scroll != self.view.scroll {
                    self.view.scroll = scroll;
                    self.draw(session, entry, preview)?;
                }
                continue;
            }
            match (self.view.revealed, key.code) {
                (false, KeyCode::Char(' ') | KeyCode::Enter) => {
                    self.view = View {
                        revealed: true,
                        ..View::default()
                    };
                    self.draw(session, entry, preview)?;
                }
                (true, KeyCode::Char(c @ '1'..='4')) => {
                    let grade = Grade::parse(&c.to_string()).expect("1..4 are grades");
                    return Ok(Some(Input::Grade(grade)));
                }
                (_, KeyCode::Char('u')) => return Ok(Some(Input::Undo)),
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
        self.status = forms::answered(card, review, today);
        self.update_bar(session);
        Ok(())
    }

    fn notice(&mut self, text: &str) -> anyhow::Result<()> {
        self.status = vec![format!("↶ {text}")];
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
