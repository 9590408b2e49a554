//! `export --format apkg -o FILE`: reads what the package needs from the
//! collection and hands it to [`crate::export::apkg`].

use std::collections::HashMap;
use std::path::Path;

use super::render::count;
use super::{Ctx, print_err};
use crate::error::Error;
use crate::export::apkg::{self, Export, ExportDeck};
use crate::storage::{Card, CardFilter, Collection};

/// A package is a binary file: it needs `-o FILE`, never a folder.
pub fn output_file(output: Option<&Path>) -> anyhow::Result<&Path> {
    match output {
        None => anyhow::bail!("an Anki package is a binary file: name it with -o FILE.apkg"),
        Some(path) if path.is_dir() => Err(Error::file(
            path,
            "is a folder: an Anki package is one file holding every deck (-o FILE.apkg)",
        )
        .into()),
        Some(path) => Ok(path),
    }
}

/// Writes decks `decks` (all of them, or the one of `--deck`) to `path`.
pub fn run(
    ctx: &Ctx,
    collection: &Collection,
    decks: Vec<(String, Vec<Card>)>,
    path: &Path,
) -> anyhow::Result<()> {
    if decks.is_empty() {
        return Err(Error::NothingToExport.into());
    }
    let settings = collection.settings()?;
    let every_deck = decks.len() == collection.deck_names()?.len();
    let mut export_decks = Vec::with_capacity(decks.len());
    for (name, cards) in decks {
        export_decks.push(ExportDeck {
            id: collection.deck_id(&name)?,
            description: collection.deck_description(&name)?,
            name,
            cards,
        });
    }
    let note_owners = if every_deck {
        owners(export_decks.iter().flat_map(|d| &d.cards))
    } else {
        owners(collection.cards(&CardFilter::default())?.iter())
    };
    let reviews = if export_decks.len() == 1 {
        collection.reviews(Some(export_decks[0].id))?
    } else {
        collection.reviews(None)?
    };
    let summary = apkg::write(
        path,
        &Export {
            decks: &export_decks,
            reviews: &reviews,
            note_owners: &note_owners,
            today: ctx.clock(&settings).today(),
            now_ms: ctx.now.timestamp_millis(),
            day_starts_at_hour: settings.day_starts_at_hour,
            new_per_day: settings.new_per_day,
            reviews_per_day: settings.reviews_per_day,
        },
    )?;
    print_err(&format!(
        "wrote {} ({}, {}, {} in {})",
        path.display(),
        count(summary.cards as i64, "card"),
        count(summary.notes as i64, "note"),
        count(summary.answers as i64, "answer"),
        count(summary.decks as i64, "deck"),
    ));
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("apkg"))
    {
        print_err("note: Anki and AnkiDroid know a package by its .apkg extension");
    }
    if summary.skipped > 0 {
        print_err(&format!(
            "note: left out {} whose cloze number Anki cannot hold (above 65535)",
            count(summary.skipped as i64, "card"),
        ));
    }
    Ok(())
}

/// For every note key, the smallest id of a deck holding it.
fn owners<'a>(cards: impl Iterator<Item = &'a Card>) -> HashMap<String, i64> {
    let mut owners: HashMap<String, i64> = HashMap::new();
    for card in cards {
        owners
            .entry(card.draft.note.clone())
            .and_modify(|id| *id = (*id).min(card.deck_id))
            .or_insert(card.deck_id);
    }
    owners
}
