//! `rehearse delete ID…`, `rehearse deck rename OLD NEW` and `rehearse deck
//! delete NAME` (README.md, "Managing cards and decks"). The answers of
//! what is deleted stay in the review log.

use std::io::{BufRead, IsTerminal, Write};

use clap::{Args as ClapArgs, Subcommand};

use super::render::{count, safe_line};
use super::{Ctx, Outcome, print, print_json};
use crate::error::Error;

#[derive(ClapArgs, Debug)]
pub struct DeleteArgs {
    /// The cards: ids, unique prefixes of ids, or DECK:ID
    #[arg(required = true, value_name = "ID")]
    ids: Vec<String>,
    /// Look for the ids in this deck (and its subdecks) only
    #[arg(long, value_name = "D")]
    deck: Option<String>,
}

#[derive(ClapArgs, Debug)]
pub struct DeckArgs {
    #[command(subcommand)]
    command: DeckCommand,
}

#[derive(Subcommand, Debug)]
enum DeckCommand {
    /// Rename a deck, and its subdecks with it (OLD::Child becomes NEW::Child)
    Rename {
        /// The deck's name (any case)
        old: String,
        /// Its new name
        new: String,
    },
    /// Delete a deck, its subdecks and their cards (their answers stay in the review log)
    Delete {
        /// The deck's name (any case)
        name: String,
        /// Do not ask for confirmation (needed when stdin is not a terminal)
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

pub fn delete(ctx: &Ctx, args: DeleteArgs) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open_existing()?;
    // Every id is found before anything is deleted: one unknown or
    // ambiguous id leaves the collection as it was.
    let cards = args
        .ids
        .iter()
        .map(|id| collection.find_card(id, args.deck.as_deref()))
        .collect::<crate::error::Result<Vec<_>>>()?;
    let deleted = collection.delete_cards(&cards)?;
    if ctx.json {
        print_json(&deleted)?;
        return Ok(Outcome::Success);
    }
    let lines: Vec<String> = deleted
        .iter()
        .map(|d| {
            let kept = match d.answers {
                0 => String::new(),
                n => format!("; its {} stay in the review log", count(n, "answer")),
            };
            format!(
                "deleted `{}` (deck \"{}\"){kept}",
                safe_line(&d.id),
                safe_line(&d.deck)
            )
        })
        .collect();
    print(&lines.join("\n"))?;
    Ok(Outcome::Success)
}

pub fn deck(ctx: &Ctx, args: DeckArgs) -> anyhow::Result<Outcome> {
    match args.command {
        DeckCommand::Rename { old, new } => rename(ctx, &old, &new),
        DeckCommand::Delete { name, yes } => delete_deck(ctx, &name, yes),
    }
}

fn rename(ctx: &Ctx, old: &str, new: &str) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open_existing()?;
    let starters = crate::bundled::deck_names();
    let renames =
        collection.rename_deck(old, new, (crate::bundled::REMOVED_KEY, starters.as_slice()))?;
    if ctx.json {
        print_json(&renames)?;
        return Ok(Outcome::Success);
    }
    let lines: Vec<String> = renames
        .iter()
        .map(|r| {
            format!(
                "renamed deck \"{}\" to \"{}\"",
                safe_line(&r.from),
                safe_line(&r.to)
            )
        })
        .collect();
    print(&lines.join("\n"))?;
    Ok(Outcome::Success)
}

fn delete_deck(ctx: &Ctx, name: &str, yes: bool) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open_existing()?;
    let decks = collection.deck_tree(name)?;
    let states = collection.deck_cards()?;
    let cards: i64 = states
        .iter()
        .filter(|s| decks.iter().any(|d| d.id == s.deck_id))
        .map(|s| s.new + s.young + s.mature)
        .sum();
    let names: Vec<String> = decks
        .iter()
        .map(|d| format!("\"{}\"", safe_line(&d.name)))
        .collect();
    let what = format!("deck {} ({})", names.join(", "), count(cards, "card"));
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(Error::NeedsYes {
                action: format!("deleting deck `{name}`"),
            }
            .into());
        }
        if !confirm(&format!(
            "delete {what}? Their answers stay in the review log. [y/N] "
        ))? {
            print("nothing deleted")?;
            return Ok(Outcome::Success);
        }
    }
    let starters = crate::bundled::deck_names();
    let deleted =
        collection.delete_decks(&decks, (crate::bundled::REMOVED_KEY, starters.as_slice()))?;
    if ctx.json {
        #[derive(serde::Serialize)]
        struct DeletedDecks<'a> {
            decks: Vec<&'a str>,
            cards: i64,
        }
        print_json(&DeletedDecks {
            decks: decks.iter().map(|d| d.name.as_str()).collect(),
            cards: deleted,
        })?;
    } else {
        print(&format!(
            "deleted {what}; their answers stay in the review log"
        ))?;
    }
    Ok(Outcome::Success)
}

/// Asks on stderr and reads one line from the terminal: yes only for `y`
/// or `yes` (any case).
fn confirm(question: &str) -> anyhow::Result<bool> {
    let mut err = std::io::stderr().lock();
    err.write_all(super::safe(question).to_string().as_bytes())?;
    err.flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(matches!(line.trim().to_lowercase().as_str(), "y" | "yes"))
}
