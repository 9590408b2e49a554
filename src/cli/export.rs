//! `rehearse export`: decks as TOML (round-trips through `import`), CSV, a
//! full JSON backup with the review log, or an Anki package with schedules
//! and log (`export_apkg.rs`).

use std::path::{Path, PathBuf};

use super::render::count;
use super::{Ctx, Outcome, print_document, print_err};
use crate::deck::{DeckFile, entries_from_cards};
use crate::error::{Error, Result};
use crate::import::slug;
use crate::storage::{Card, CardFilter};
use clap::{Args as ClapArgs, ValueEnum};

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Only this deck
    #[arg(long, value_name = "D")]
    deck: Option<String>,
    #[arg(long, value_enum, default_value = "toml", value_name = "F")]
    format: Format,
    /// A file, or a folder for several decks as TOML/CSV (default: stdout)
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Toml,
    Csv,
    Json,
    /// An Anki package (needs -o FILE)
    Apkg,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    let collection = ctx.open_existing()?;
    let collection_files = CollectionFiles::of(&ctx.db_path);
    // Checked once here: an unknown --deck is an error with a suggestion.
    let deck_id = collection.deck_id_of(args.deck.as_deref())?;
    // Deck names match whatever their case; each deck is written alone,
    // without its subdecks (they are decks of their own).
    let names = match &args.deck {
        Some(name) => vec![collection.resolve_deck(name)?.name],
        None => collection.deck_names()?,
    };
    let mut decks = Vec::with_capacity(names.len());
    for name in names {
        let cards = collection.cards(&CardFilter {
            deck: Some(name.clone()),
            exact_deck: true,
            ..CardFilter::default()
        })?;
        decks.push((name, cards));
    }
    match args.format {
        Format::Apkg => {
            let path = super::export_apkg::output_file(args.output.as_deref())?;
            collection_files.refuse(path)?;
            super::export_apkg::run(ctx, &collection, decks, path)?;
        }
        Format::Json => {
            let text = super::render::json_pretty(&super::backup::document(
                &collection,
                deck_id,
                &decks,
            )?)?;
            write_out(args.output.as_deref(), &text, &collection_files)?;
        }
        Format::Toml | Format::Csv => {
            let ext = if args.format == Format::Toml {
                "toml"
            } else {
                "csv"
            };
            let render = |name: &str, cards: &[Card]| -> Result<String> {
                Ok(match args.format {
                    Format::Toml => crate::deck::write(&DeckFile {
                        name: name.to_string(),
                        description: collection.deck_description(name)?,
                        cards: entries_from_cards(
                            &cards.iter().map(|c| c.draft.clone()).collect::<Vec<_>>(),
                        ),
                    }),
                    _ => crate::export::csv::write(
                        name,
                        &cards.iter().map(|c| c.draft.clone()).collect::<Vec<_>>(),
                    ),
                })
            };
            write_decks(
                &decks,
                args.output.as_deref(),
                ext,
                &collection_files,
                render,
            )?;
        }
    }
    Ok(Outcome::Success)
}

/// One deck to a file or stdout; several into a folder, one file each.
fn write_decks(
    decks: &[(String, Vec<Card>)],
    output: Option<&Path>,
    ext: &str,
    collection: &CollectionFiles,
    render: impl Fn(&str, &[Card]) -> Result<String>,
) -> anyhow::Result<()> {
    match (decks.len(), output) {
        (0, _) => Err(Error::NothingToExport.into()),
        (1, out) if out.is_none_or(|p| !p.is_dir()) => {
            let (name, cards) = &decks[0];
            write_out(out, &render(name, cards)?, collection)
        }
        (_, Some(dir)) => {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, &e))?;
            let mut used = std::collections::HashSet::new();
            for (name, cards) in decks {
                let mut stem = slug(name, 60);
                let mut n = 2;
                while !used.insert(stem.clone()) {
                    stem = format!("{}-{n}", slug(name, 60));
                    n += 1;
                }
                let path = dir.join(format!("{stem}.{ext}"));
                collection.refuse(&path)?;
                std::fs::write(&path, render(name, cards)?).map_err(|e| Error::io(&path, &e))?;
                print_err(&format!(
                    "wrote {} ({})",
                    path.display(),
                    count(cards.len() as i64, "card")
                ));
            }
            Ok(())
        }
        (_, None) => Err(Error::SeveralDecks.into()),
    }
}

/// The collection file and the files SQLite keeps beside it, as canonical
/// paths: an export must never write over them.
struct CollectionFiles(Vec<PathBuf>);

impl CollectionFiles {
    fn of(db: &Path) -> CollectionFiles {
        let db = canonical(db);
        let beside = |suffix: &str| {
            let mut name = db.clone().into_os_string();
            name.push(suffix);
            PathBuf::from(name)
        };
        CollectionFiles(vec![beside("-wal"), beside("-shm"), beside("-journal"), db])
    }

    fn refuse(&self, output: &Path) -> Result<()> {
        if self.0.contains(&canonical(output)) {
            return Err(Error::file(
                output,
                "is the collection (or a file SQLite keeps beside it): export to another file",
            ));
        }
        Ok(())
    }
}

/// `path` with its folder made absolute and symbolic links resolved; the
/// file itself need not exist (nor its folder: then it is as given).
fn canonical(path: &Path) -> PathBuf {
    if let Ok(path) = std::fs::canonicalize(path) {
        return path;
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(folder), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

/// A file keeps the exact text, so it imports back unchanged; so does stdout
/// unless it is a terminal. A write to stdout that fails keeps its
/// `io::Error`, so `main` can tell a closed pipe (success) by its kind.
fn write_out(
    output: Option<&Path>,
    text: &str,
    collection: &CollectionFiles,
) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            collection.refuse(path)?;
            Ok(std::fs::write(path, text).map_err(|e| Error::io(path, &e))?)
        }
        None => Ok(print_document(text)?),
    }
}
