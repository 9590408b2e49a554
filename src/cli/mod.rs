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

mod card;
mod check;
mod config;
mod decks;
mod export;
mod grade;
mod import;
mod interview;
mod lesson;

mod render;
mod review;
mod stats;

pub use render::{safe, safe_line};

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};

use crate::clock::{Clock, parse_now};
use crate::error::Result;
use crate::settings::Settings;
use crate::storage::Collection;

#[derive(Parser, Debug)]
#[command(name = "rehearse", version, about = "Spaced-repetition flashcards for interview preparation", long_about = None)]
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
    Lesson(lesson::Args),
    /// Import deck files (TOML, CSV/TSV, Anki .apkg/.colpkg)
    Import(import::Args),
    /// Write decks out (TOML, CSV, or a full JSON backup)
    Export(export::Args),
    /// Each deck: total, new, due today, young, mature
    Decks,
    /// List cards with their schedule
    Cards(card::ListArgs),
    /// One card: its text, schedule and review history
    Card(card::ShowArgs),
    /// Record one answer without the session UI
    Grade(grade::Args),
    /// Take back the last recorded answer
    Undo,
    /// The daily review session
    Review(review::Args),
    /// Set, show or clear the interview date the scheduler works toward
    Interview(interview::Args),
    /// Streaks, today, retention, forecast and a calendar of answers
    Stats(stats::Args),
    /// Show or set settings
    Config(config::Args),
    /// Check the collection file and every card against its review log
    Check(check::Args),
}

/// What every command gets: where the collection is, what time it is, how
/// to print.
pub struct Ctx {
    pub db_path: PathBuf,
    pub now: DateTime<Utc>,
    pub json: bool,
    /// Colour on stdout is allowed.
    pub color: bool,
    /// A progress bar on stderr is allowed.
    pub progress: bool,
}

impl Ctx {
    pub fn from_cli(cli: &Cli) -> Result<Ctx> {
        let db_path = match &cli.db {
            Some(path) => path.clone(),
            None => default_db_path()?,
        };
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ok(Ctx {
            db_path,
            now: cli.now.unwrap_or_else(Utc::now),
            json: cli.json,
            color: !no_color && std::io::stdout().is_terminal(),
            progress: !cli.json && std::io::stderr().is_terminal(),
        })
    }

    pub fn open(&self) -> Result<Collection> {
        let collection = Collection::open(&self.db_path)?;
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

fn default_db_path() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|dir| dir.join("rehearse").join("rehearse.db"))
        .ok_or(crate::error::Error::NoDataFolder)
}

/// Runs the command; the outcome's exit code is `main`'s to choose.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let ctx = Ctx::from_cli(&cli)?;
    match cli.command {
        Command::Lesson(args) => lesson::run(&ctx, args),
        Command::Import(args) => import::run(&ctx, args),
        Command::Export(args) => export::run(&ctx, args),
        Command::Decks => decks::run(&ctx),
        Command::Cards(args) => card::list(&ctx, args),
        Command::Card(args) => card::show(&ctx, args),
        Command::Grade(args) => grade::run(&ctx, args),
        Command::Undo => grade::undo(&ctx),
        Command::Review(args) => review::run(&ctx, args),
        Command::Interview(args) => interview::run(&ctx, args),
        Command::Stats(args) => stats::run(&ctx, args),
        Command::Config(args) => config::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
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
