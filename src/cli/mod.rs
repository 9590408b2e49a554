//! The command line: clap types, one file per command, and the rendering of
//! results as text or JSON. This is the only layer that prints or reads
//! standard input.
//!
//! Card text, deck names, tags and file names come from strangers' decks,
//! so every text view leaves through one of three doors: [`print`] and
//! [`print_err`] show control characters visibly ([`safe`]); [`print_json`]
//! writes them as JSON escapes, which parse back to the exact text; and
//! [`print_document`] (a deck file on stdout) keeps the exact text unless
//! stdout is a terminal.

mod backup;
mod card;
mod check;
mod config;
mod decks;
mod edit;
mod export;
mod export_apkg;
mod grade;
mod import;
mod import_history;
mod interview;
mod lesson;
mod manage;

mod render;
mod restore;
mod review;
mod shell;
mod stats;
mod suspend;
mod sync;

pub use render::{safe, safe_line};

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};

use crate::clock::{Clock, parse_now};
use crate::error::Result;
use crate::settings::Settings;
use crate::storage::{Collection, Opening};

#[derive(Parser, Debug)]
#[command(
    name = "rehearse",
    version,
    about = "Spaced-repetition flashcards for interview preparation",
    long_about = None,
    after_help = EXAMPLES
)]
pub struct Cli {
    /// The collection file [default: $XDG_DATA_HOME/rehearse/rehearse.db]
    #[arg(long, global = true, env = "REHEARSE_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Act as if the current time were TIME (RFC 3339, local YYYY-MM-DDTHH:MM[:SS], or YYYY-MM-DD = noon)
    #[arg(long, global = true, env = "REHEARSE_NOW", value_name = "TIME", value_parser = parse_now)]
    pub now: Option<DateTime<Utc>>,
    /// Print one JSON document on stdout instead of text
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Turn a lesson document into a deck of question cards
    #[command(after_help = "Examples:
  rehearse lesson notes.md > notes.toml     the deck on stdout
  rehearse lesson notes.md -o notes.toml    the deck in a file
  rehearse lesson notes.md --import         straight into the collection")]
    Lesson(lesson::Args),
    /// Import deck files (TOML, CSV/TSV, Anki .apkg/.colpkg), or restore a JSON backup
    #[command(after_help = "Examples:
  rehearse import decks/*.toml
  rehearse import cards.csv --deck \"System design\"
  rehearse import shared.apkg --prune       drop cards no longer in the file (a copy is kept first)
  rehearse --db new.db import backup.json   restore an export --format json into an empty collection")]
    Import(import::Args),
    /// Write decks out (TOML, CSV, a full JSON backup, or an Anki package)
    #[command(after_help = "Examples:
  rehearse export --deck Behavioural -o behavioural.toml
  rehearse export --format json -o backup.json   everything: `import backup.json` restores it
  rehearse export --format apkg -o interview.apkg   for Anki and AnkiDroid")]
    Export(export::Args),
    /// Each deck: due today, new today, due tomorrow, and its cards by state
    #[command(after_help = "Examples:
  rehearse decks
  rehearse decks --json | jq '.[] | select(.due > 0) | .name'")]
    Decks,
    /// List cards with their schedule
    #[command(after_help = "Examples:
  rehearse cards --deck Behavioural
  rehearse cards --due                      learned cards due today
  rehearse cards --tag pitch --json
  rehearse cards --search resume            front, back or tags; any case, accents aside")]
    Cards(card::ListArgs),
    /// One card: its text, schedule and review history
    #[command(after_help = "Examples:
  rehearse card pitch/why                   an exact id
  rehearse card pitch/w                     a unique prefix
  rehearse card 'Offers:mrz'                DECK:PREFIX (DECK may be the last part of a Parent::Child name)")]
    Card(card::ShowArgs),
    /// Edit a card's text in $EDITOR (schedule and history kept)
    #[command(after_help = "Examples:
  rehearse edit pitch/why
  EDITOR=nano rehearse edit 'Offers:mrz'")]
    Edit(edit::Args),
    /// Delete cards (their answers stay in the review log)
    #[command(after_help = "Examples:
  rehearse delete pitch/why pitch/why#r
  rehearse delete 'Behavioural:say-i'       DECK:PREFIX")]
    Delete(manage::DeleteArgs),
    /// Rename or delete a deck (with its Parent::Child subdecks)
    #[command(after_help = "Examples:
  rehearse deck rename \"Negotiating an offer\" \"Jobs::Offers\"
  rehearse deck delete \"Learning from rejection\"
  rehearse deck delete Old --yes             without a terminal (scripts)")]
    Deck(manage::DeckArgs),
    /// Record one answer without the session UI
    Grade(grade::Args),
    /// Take back the last recorded answer
    Undo,
    /// Keep cards out of every session, schedule and history kept
    #[command(after_help = suspend::SUSPEND_EXAMPLES)]
    Suspend(suspend::Args),
    /// Bring suspended cards back into the sessions
    Unsuspend(suspend::Args),
    /// The daily review session
    #[command(after_help = "Examples:
  rehearse review                           today's due and new cards
  rehearse review --deck Behavioural --limit 20
  rehearse review --cram                    the eve of an interview
  printf 'good\\nagain\\n' | rehearse review --json   scripted, JSON lines")]
    Review(review::Args),
    /// Set, show or clear the interview date the scheduler works toward
    Interview(interview::Args),
    /// Streaks, today, retention, forecast and a calendar of answers
    #[command(after_help = "Examples:
  rehearse stats
  rehearse stats --deck Behavioural --days 30
  rehearse stats --json | jq .due_today")]
    Stats(stats::Args),
    /// Show or set settings
    Config(config::Args),
    /// Check the collection file and every card against its review log
    Check(check::Args),
    /// Keep collections on several machines in step through a shared folder or git
    #[command(after_help = "Examples:
  rehearse sync ~/Sync/rehearse             a folder Syncthing or Dropbox keeps in step
  rehearse sync --git ~/notes/rehearse-sync a git clone: commit, pull, apply, push
  rehearse sync --status ~/Sync/rehearse    what would come in and go out
  rehearse config device laptop             name this collection (before its first sync)")]
    Sync(sync::Args),
    /// Print a completion script for bash, zsh, fish or powershell
    #[command(after_help = "Examples:
  rehearse completions bash > ~/.local/share/bash-completion/completions/rehearse
  rehearse completions zsh > ~/.zfunc/_rehearse
  rehearse completions fish > ~/.config/fish/completions/rehearse.fish")]
    Completions(shell::CompletionArgs),
    /// Print the manual page (roff)
    #[command(after_help = "Example:
  rehearse manpage > ~/.local/share/man/man1/rehearse.1")]
    Manpage,
}

/// Shown under `rehearse --help`.
const EXAMPLES: &str = "Examples:
  rehearse review                           the daily session (starter decks on first run)
  rehearse lesson notes.md --import         an article becomes cards
  rehearse import decks/*.toml shared.apkg
  rehearse decks                            what is due today and tomorrow
  rehearse stats --days 30
  rehearse interview 2026-12-15             work toward an interview date";

/// What every command gets: where the collection is, what time it is, how
/// to print.
pub struct Ctx {
    pub db_path: PathBuf,
    /// No `--db` or `REHEARSE_DB` was given: the collection is the default
    /// one, whose folder is created on demand.
    pub db_is_default: bool,
    pub now: DateTime<Utc>,
    pub json: bool,
    /// Colour on stdout is allowed.
    pub color: bool,
    /// A progress bar on stderr is allowed.
    pub progress: bool,
    /// The terminal's width in columns when stdout is one: text views are
    /// cut to it. `None` when redirected: nothing is cut.
    pub width: Option<usize>,
}

impl Ctx {
    pub fn from_cli(cli: &Cli) -> Result<Ctx> {
        let db_path = match &cli.db {
            Some(path) => path.clone(),
            None => default_db_path()?,
        };
        let db_is_default = cli.db.is_none();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ok(Ctx {
            db_path,
            db_is_default,
            now: cli.now.unwrap_or_else(Utc::now),
            json: cli.json,
            color: !no_color && std::io::stdout().is_terminal(),
            progress: !cli.json && std::io::stderr().is_terminal(),
            width: terminal_width(),
        })
    }

    /// Opens the collection, creating it when it does not exist yet: for
    /// the commands that start one (`review`, `import`, `lesson --import`,
    /// `config KEY VALUE`; docs/collection.md). Only the default data
    /// folder is created on demand; a `--db` folder must exist.
    pub fn open(&self) -> Result<Collection> {
        if self.db_is_default
            && let Some(folder) = self.db_path.parent()
        {
            std::fs::create_dir_all(folder).map_err(|e| crate::error::Error::Collection {
                path: self.db_path.clone(),
                message: format!("cannot create folder `{}`: {e}", folder.display()),
            })?;
        }
        self.open_as(true)
    }

    /// Opens the collection a command reads or changes, which must exist:
    /// a missing one is an error that says where it was looked for.
    pub fn open_existing(&self) -> Result<Collection> {
        self.open_as(false)
    }

    fn open_as(&self, create: bool) -> Result<Collection> {
        let opening = Opening {
            today: self.now.with_timezone(&chrono::Local).date_naive(),
            create,
            daily_backups: true,
            warn: print_err,
        };
        let collection = Collection::open_with(&self.db_path, opening)?;
        if let Some(backup) = collection.upgrade_backup() {
            print_err(&format!(
                "upgraded the collection to schema version {}; the previous file was kept as `{}`",
                crate::storage::SCHEMA_VERSION,
                backup.display()
            ));
        }
        Ok(collection)
    }

    pub fn clock(&self, settings: &Settings) -> Clock {
        Clock::new(self.now, settings.day_starts_at_hour)
    }
}

/// The width of the terminal stdout writes to, if it is one.
fn terminal_width() -> Option<usize> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    match crossterm::terminal::size() {
        Ok((columns, _)) if columns > 0 => Some(columns as usize),
        _ => None,
    }
}

fn default_db_path() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|dir| dir.join("rehearse").join("rehearse.db"))
        .ok_or(crate::error::Error::NoDataFolder)
}

/// Runs the command; the outcome's exit code is `main`'s to choose.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    // These need no collection, not even its path.
    match cli.command {
        Command::Completions(args) => return shell::completions(args),
        Command::Manpage => return shell::manpage(),
        _ => {}
    }
    let ctx = Ctx::from_cli(&cli)?;
    match cli.command {
        Command::Lesson(args) => lesson::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Export(args) => export::run(&ctx, args),
        Command::Decks => decks::run(&ctx),
        Command::Cards(args) => card::list(&ctx, args),
        Command::Card(args) => card::show(&ctx, args),
        Command::Edit(args) => edit::run(&ctx, args),
        Command::Delete(args) => manage::delete(&ctx, args),
        Command::Deck(args) => manage::deck(&ctx, args),
        Command::Grade(args) => grade::run(&ctx, args),
        Command::Undo => grade::undo(&ctx),
        Command::Suspend(args) => suspend::run(&ctx, args, true),
        Command::Unsuspend(args) => suspend::run(&ctx, args, false),
        Command::Review(args) => review::run(&ctx, args),
        Command::Interview(args) => interview::run(&ctx, args),
        Command::Stats(args) => stats::run(&ctx, args),
        Command::Config(args) => config::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Sync(args) => sync::run(&ctx, args),
        Command::Completions(_) | Command::Manpage => unreachable!("handled above"),
    }
}

/// How a command ended when it did not fail outright.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Success,
    /// Some of the work failed and was reported on stderr (exit 1).
    PartialFailure,
}

/// Prints a text view to stdout, control characters shown visibly
/// ([`safe`]); a closed pipe surfaces as an `io::Error` of kind
/// `BrokenPipe`, which `main` treats as success.
pub fn print(text: &str) -> std::io::Result<()> {
    write_stdout(&safe(text).to_string())
}

/// Prints JSON to stdout: every control character in a string is a JSON
/// escape ([`render::json_pretty`]), so scripts parse the exact text and a
/// terminal is sent none.
pub fn print_json<T: serde::Serialize + ?Sized>(value: &T) -> std::io::Result<()> {
    let text = render::json_pretty(value).map_err(std::io::Error::other)?;
    write_stdout(&text)
}

/// Prints a file's content (an exported or generated deck) to stdout: the
/// exact text when redirected, so it imports back unchanged; made [`safe`]
/// when stdout is a terminal, where nobody reads it back byte for byte.
pub fn print_document(text: &str) -> std::io::Result<()> {
    if std::io::stdout().is_terminal() {
        print(text)
    } else {
        write_stdout(text)
    }
}

/// Prints text that was checked already (it holds only the escapes we
/// chose, such as colours) to stdout as it is.
fn print_styled(text: &str) -> std::io::Result<()> {
    write_stdout(text)
}

fn write_stdout(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Reports panics like Rust's own hook, but safely: a panic message can
/// quote the text being read, such as a card field of a hostile deck.
pub fn report_panics_safely() {
    std::panic::set_hook(Box::new(|info| {
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("<unnamed>");
        print_err(&format!("thread '{name}' {info}"));
        let backtrace = std::backtrace::Backtrace::capture();
        if backtrace.status() == std::backtrace::BacktraceStatus::Captured {
            print_err(&format!("stack backtrace:\n{backtrace}"));
        } else {
            print_err(
                "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace",
            );
        }
    }));
}

/// Prints a diagnostic line to stderr, control characters shown visibly.
pub fn print_err(text: &str) {
    eprintln!("{}", safe(text));
}
