//! `rehearse import PATH...`: read each file into neutral deck drafts, then
//! write each file in one transaction (docs/imports.md). A bad file is reported and
//! skipped; the others still land; the exit code says something failed.

use std::path::{Path, PathBuf};

use clap::{Args as ClapArgs, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use super::import_history;
use super::render::{count, safe_line};
use super::{Ctx, Outcome, print, print_err, print_json};
use crate::clock::Clock;
use crate::domain::Histories;
use crate::error::{Error, Result};
use crate::import::{self, DeckDraft, Progress, apkg, csv};
use crate::storage::{Collection, HistoryCounts, ImportCounts};

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Deck files: .toml, .csv, .tsv/.txt, .apkg, .colpkg; or a backup .json to restore
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Put the cards in this deck instead of the one the file names
    #[arg(long, value_name = "NAME")]
    deck: Option<String>,
    /// Read the files as this format instead of guessing from the extension
    #[arg(long, value_enum, value_name = "F")]
    format: Option<Format>,
    /// Remove cards that are no longer in the file (their answers stay in the log)
    #[arg(long)]
    prune: bool,
    /// Anki packages: every card as new, without the package's schedules,
    /// suspensions and past answers
    #[arg(long)]
    no_scheduling: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Toml,
    Csv,
    Tsv,
    Apkg,
    /// A backup written by `export --format json`, restored whole.
    Json,
}

impl Format {
    fn of(path: &Path) -> Result<Format> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "toml" => Ok(Format::Toml),
            "csv" => Ok(Format::Csv),
            "tsv" | "txt" => Ok(Format::Tsv),
            "apkg" | "colpkg" => Ok(Format::Apkg),
            "json" => Ok(Format::Json),
            _ => Err(Error::file(
                path,
                "unknown file type: use .toml, .csv, .tsv, .txt, .apkg, .colpkg or .json (a backup), or say --format",
            )),
        }
    }
}

#[derive(serde::Serialize)]
struct CountsJson<'a> {
    path: String,
    deck: &'a str,
    added: usize,
    updated: usize,
    unchanged: usize,
    not_in_file: usize,
    /// A package imported with its scheduling: what it brought.
    #[serde(skip_serializing_if = "Option::is_none")]
    history: Option<HistoryCounts>,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open()?;
    if args.paths.iter().any(|p| is_package(p, args.format)) {
        remove_unpacked_on_signal()?;
    }
    // With several files, a card is pruned only when none of them has it:
    // each file alone would prune the cards of the files before it.
    let prune_each = args.prune && args.paths.len() == 1;
    let mut prune_later = PruneLater::default();
    let mut results: Vec<(PathBuf, ImportCounts)> = Vec::new();
    let mut failed = false;
    for path in &args.paths {
        match import_one(ctx, &mut collection, path, &args, prune_each) {
            Ok(counts) => {
                let history = import_history::summary(path, &counts);
                for c in counts {
                    if !ctx.json {
                        print(&counts_line(path, &c))?;
                    }
                    if args.prune && !prune_each {
                        prune_later.file_had(&c);
                    } else {
                        note_missing(path, &c, args.prune);
                    }
                    results.push((path.clone(), c));
                }
                if let Some((line, note)) = history {
                    if !ctx.json {
                        print(&line)?;
                    }
                    if let Some(note) = note {
                        print_err(&note);
                    }
                }
            }
            Err(e) => {
                print_err(&format!("error: {e}"));
                failed = true;
            }
        }
    }
    if args.prune && !prune_each {
        prune_later.run(&mut collection, failed)?;
    }
    if ctx.json {
        print_counts_json(&results)?;
    }
    Ok(if failed {
        Outcome::PartialFailure
    } else {
        Outcome::Success
    })
}

fn print_counts_json(results: &[(PathBuf, ImportCounts)]) -> anyhow::Result<()> {
    let json: Vec<CountsJson> = results
        .iter()
        .map(|(p, c)| CountsJson {
            path: p.display().to_string(),
            deck: &c.deck,
            added: c.added,
            updated: c.updated,
            unchanged: c.unchanged,
            not_in_file: c.not_in_file,
            history: c.history,
        })
        .collect();
    print_json(&json)?;
    Ok(())
}

/// Whether `path` is read as an Anki package.
fn is_package(path: &Path, format: Option<Format>) -> bool {
    format.map_or_else(|| Format::of(path).ok(), Some) == Some(Format::Apkg)
}

/// Ctrl-C, SIGTERM and SIGHUP while a package is read: its unpacked
/// collection is removed from the temporary folder before the process ends
/// as the signal would have ended it (exit 128 + n). The collection is
/// unchanged: the file's transaction was never committed.
fn remove_unpacked_on_signal() -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            apkg::remove_unpacked_collections();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// The prune of `--prune` with several files: per deck, the cards that no
/// file of the command had, removed once every file has landed.
#[derive(Default)]
struct PruneLater {
    /// Deck name → the cards missing from every file so far that wrote it.
    missing: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
}

impl PruneLater {
    fn file_had(&mut self, counts: &ImportCounts) {
        let missing: std::collections::BTreeSet<String> = counts.missing.iter().cloned().collect();
        self.missing
            .entry(counts.deck.clone())
            .and_modify(|so_far| so_far.retain(|id| missing.contains(id)))
            .or_insert(missing);
    }

    /// Prunes, unless a file failed: its cards would all look missing.
    fn run(self, collection: &mut Collection, failed: bool) -> Result<()> {
        for (deck, missing) in self.missing {
            if missing.is_empty() {
                continue;
            }
            let ids: Vec<String> = missing.into_iter().collect();
            let (are, were) = verbs(ids.len());
            let what = if failed {
                format!("{were} kept: a file failed, so nothing is pruned")
            } else {
                collection.prune_cards(&deck, &ids)?;
                format!("{were} removed")
            };
            eprintln!(
                "note: {} of deck \"{deck}\" {are} in none of the files and {what}: {}",
                count(ids.len() as i64, "card"),
                first_ids(&ids)
            );
        }
        Ok(())
    }
}

/// The first few of `ids`, for a note.
fn first_ids(ids: &[String]) -> String {
    let mut shown: Vec<String> = ids
        .iter()
        .take(5)
        .map(|id| safe_line(id).to_string())
        .collect();
    if ids.len() > 5 {
        shown.push("…".into());
    }
    shown.join(", ")
}

pub fn counts_line(path: &Path, c: &ImportCounts) -> String {
    format!(
        "{}: {} added, {} updated, {} unchanged, {} not in file (deck \"{}\")",
        safe_line(&path.display().to_string()),
        c.added,
        c.updated,
        c.unchanged,
        c.not_in_file,
        safe_line(&c.deck)
    )
}

/// "are"/"were" for several cards, "is"/"was" for one.
fn verbs(n: usize) -> (&'static str, &'static str) {
    if n == 1 {
        ("is", "was")
    } else {
        ("are", "were")
    }
}

fn note_missing(path: &Path, c: &ImportCounts, prune: bool) {
    if c.missing.is_empty() {
        return;
    }
    let (are, were) = verbs(c.missing.len());
    let what = if prune {
        format!("{were} removed")
    } else {
        format!("{were} kept (--prune removes them)")
    };
    print_err(&format!(
        "note: {}: {} of deck \"{}\" {are} not in the file and {what}: {}",
        safe_line(&path.display().to_string()),
        count(c.missing.len() as i64, "card"),
        safe_line(&c.deck),
        first_ids(&c.missing)
    ));
}

/// The progress bar of one file: reading, then writing. Hidden unless
/// stderr is a terminal and the file is big enough to take a moment.
struct Bar(Option<ProgressBar>);

impl Bar {
    fn new(ctx: &Ctx, path: &Path) -> Bar {
        let big = std::fs::metadata(path).is_ok_and(|m| m.len() >= 1 << 20);
        Bar((ctx.progress && big).then(|| {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template("{prefix} [{bar:30}] {percent:>3}% {elapsed}")
                    .expect("valid template")
                    .progress_chars("=> "),
            );
            bar.set_prefix(format!("reading {}", shown(path)));
            bar
        }))
    }

    fn phase(&self, name: &str, path: &Path, total: u64) {
        if let Some(bar) = &self.0 {
            bar.set_prefix(format!("{name} {}", shown(path)));
            bar.set_length(total);
            bar.set_position(0);
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn set_total(&self, total: u64) {
        if let Some(bar) = &self.0 {
            bar.set_length(total);
        }
    }

    fn set_done(&self, done: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(done);
        }
    }
}

/// A file name as the progress bar shows it: on one line, made safe.
fn shown(path: &Path) -> String {
    safe_line(&path.display().to_string()).to_string()
}

/// Reads a whole Anki package into drafts, all in deck `deck` when given,
/// with its scheduling and history unless `clock` is `None`
/// (`--no-scheduling`).
fn read_package(
    path: &Path,
    deck: Option<&str>,
    progress: &dyn Progress,
    clock: Option<&Clock>,
) -> Result<(Vec<DeckDraft>, Option<Histories>, Vec<String>)> {
    let (outcome, histories) = match clock {
        Some(clock) => {
            let (outcome, histories) = apkg::read_with_history(path, progress, clock)?;
            (outcome, Some(histories))
        }
        None => (apkg::read(path, progress)?, None),
    };
    let mut decks = outcome.decks;
    if let Some(name) = deck {
        decks = vec![merge_into(name, decks)];
    }
    Ok((decks, histories, outcome.notices))
}

/// All cards of several drafts in one deck named `name`.
fn merge_into(name: &str, decks: Vec<DeckDraft>) -> DeckDraft {
    let mut merged = DeckDraft {
        name: name.to_string(),
        ..DeckDraft::default()
    };
    for deck in decks {
        if merged.description.is_empty() {
            merged.description = deck.description;
        }
        merged.cards.extend(deck.cards);
    }
    merged
}

fn import_one(
    ctx: &Ctx,
    collection: &mut Collection,
    path: &Path,
    args: &Args,
    prune: bool,
) -> Result<Vec<ImportCounts>> {
    let format = match args.format {
        Some(f) => f,
        None => Format::of(path)?,
    };
    let bar = Bar::new(ctx, path);
    let counts = match format {
        // Text formats stream: each card goes to the collection as it is
        // read, the reading on a thread of its own.
        Format::Csv | Format::Tsv | Format::Toml => {
            collection.import_writer(prune).and_then(|mut writer| {
                let deck = args.deck.as_deref();
                import::read_beside(
                    |sink| match format {
                        Format::Toml => crate::deck::read_into(path, deck, &bar, sink),
                        Format::Csv => csv::read_into(path, b',', deck, &bar, sink),
                        _ => csv::read_into(path, b'\t', deck, &bar, sink),
                    },
                    &mut writer,
                )?;
                writer.finish()
            })
        }
        Format::Json => super::restore::run(collection, path, args.deck.is_some() || args.prune),
        Format::Apkg => {
            // The clock places Anki's answers on local days (docs/imports.md).
            let clock = if args.no_scheduling {
                None
            } else {
                Some(ctx.clock(&collection.settings()?))
            };
            read_package(path, args.deck.as_deref(), &bar, clock.as_ref()).and_then(
                |(decks, histories, notices)| {
                    for notice in notices {
                        print_err(&format!("note: {}: {notice}", path.display()));
                    }
                    let total: usize = decks.iter().map(|d| d.cards.len()).sum();
                    bar.phase("writing", path, total as u64);
                    let progress = |done| bar.set_done(done);
                    match histories {
                        Some(h) => collection.import_package(&decks, h, prune, &progress),
                        None => collection.import_file(&decks, prune, &progress),
                    }
                },
            )
        }
    };
    bar.finish();
    counts.map_err(|e| match e {
        e @ (Error::DeckTwiceInFile { .. } | Error::DuplicateCardId { .. }) => {
            Error::file(path, e.to_string())
        }
        Error::Sqlite(e) => Error::file(
            path,
            format!("not imported: {}", crate::error::sqlite_message(&e)),
        ),
        other => other,
    })
}
