//! `rehearse export`: decks as TOML (round-trips through `import`), CSV, or
//! a full JSON backup with the review log.

use std::path::{Path, PathBuf};

use clap::{Args as ClapArgs, ValueEnum};
use serde::Serialize;

use super::render::{CardJson, ReviewJson};
use super::{Ctx, Outcome, print};
use crate::deck::{DeckFile, entries_from_cards};
use crate::error::{Error, Result};
use crate::import::slug;
use crate::storage::{Card, CardFilter};

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
}

#[derive(Serialize)]
struct Backup {
    version: u32,
    decks: Vec<DeckJson>,
    reviews: Vec<ReviewJson>,
}

#[derive(Serialize)]
struct DeckJson {
    name: String,
    description: String,
    cards: Vec<CardJson>,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    let collection = ctx.open()?;
    // Checked once here: an unknown --deck is an error with a suggestion.
    let deck_id = collection.deck_id_of(args.deck.as_deref())?;
    let names = match &args.deck {
        Some(name) => vec![name.clone()],
        None => collection.deck_names()?,
    };
    let mut decks = Vec::with_capacity(names.len());
    for name in names {
        let cards = collection.cards(&CardFilter {
            deck: Some(name.clone()),
            ..CardFilter::default()
        })?;
        decks.push((name, cards));
    }
    match args.format {
        Format::Json => {
            let text = serde_json::to_string_pretty(&backup(&collection, deck_id, &decks)?)?;
            write_out(args.output.as_deref(), &text)?;
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
            write_decks(&decks, args.output.as_deref(), ext, render)?;
        }
    }
    Ok(Outcome::Success)
}

/// The full backup of `export --format json`: decks, cards and the log.
fn backup(
    collection: &crate::storage::Collection,
    deck_id: Option<i64>,
    decks: &[(String, Vec<Card>)],
) -> Result<Backup> {
    Ok(Backup {
        version: 1,
        reviews: collection
            .reviews(deck_id)?
            .iter()
            .map(ReviewJson::new)
            .collect(),
        decks: decks
            .iter()
            .map(|(name, cards)| {
                Ok(DeckJson {
                    name: name.clone(),
                    description: collection.deck_description(name)?,
                    cards: cards.iter().map(CardJson::new).collect(),
                })
            })
            .collect::<Result<_>>()?,
    })
}

/// One deck to a file or stdout; several into a folder, one file each.
fn write_decks(
    decks: &[(String, Vec<Card>)],
    output: Option<&Path>,
    ext: &str,
    render: impl Fn(&str, &[Card]) -> Result<String>,
) -> Result<()> {
    match (decks.len(), output) {
        (0, _) => Err(Error::Invalid(
            "the collection has no decks to export".into(),
        )),
        (1, out) if out.is_none_or(|p| !p.is_dir()) => {
            let (name, cards) = &decks[0];
            write_out(out, &render(name, cards)?)
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
                std::fs::write(&path, render(name, cards)?).map_err(|e| Error::io(&path, &e))?;
                eprintln!("wrote {} ({} cards)", path.display(), cards.len());
            }
            Ok(())
        }
        (_, None) => Err(Error::Invalid(
            "several decks: name one with --deck, or give a folder with -o DIR (one file per deck)"
                .into(),
        )),
    }
}

fn write_out(output: Option<&Path>, text: &str) -> Result<()> {
    match output {
        Some(path) => std::fs::write(path, text).map_err(|e| Error::io(path, &e)),
        None => print(text).map_err(|e| {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                Error::Invalid("broken pipe".into())
            } else {
                Error::Invalid(e.to_string())
            }
        }),
    }
}
