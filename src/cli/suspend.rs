//! `rehearse suspend` and `rehearse unsuspend`: keep cards out of every
//! session (and every due or new count) without losing their schedule or
//! history (docs/scheduling.md, "Suspended cards").

use clap::Args as ClapArgs;

use super::render::count;
use super::{Ctx, Outcome, print, print_json};
use crate::storage::{Selection, Suspension};

#[derive(ClapArgs, Debug)]
#[command(group(
    clap::ArgGroup::new("which").required(true).multiple(true).args(["ids", "deck", "tag"])
))]
pub struct Args {
    /// Card ids (with --deck: the deck, when several decks have an id)
    #[arg(value_name = "ID")]
    ids: Vec<String>,
    /// Every card of this deck (or, with ids, the deck they are in)
    #[arg(long, value_name = "NAME")]
    deck: Option<String>,
    /// Every card with this tag (with --deck: in that deck)
    #[arg(long, value_name = "T", conflicts_with = "ids")]
    tag: Option<String>,
}

/// Shown under `rehearse suspend --help`.
pub const SUSPEND_EXAMPLES: &str = "Examples:
  rehearse suspend pitch/why pitch/how      two cards
  rehearse suspend --deck \"Old notes\"       a whole deck
  rehearse suspend --tag leech --deck Java  a tag in one deck
  rehearse unsuspend --tag leech            back into the sessions";

pub fn run(ctx: &Ctx, args: Args, suspended: bool) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open_existing()?;
    let selection = if args.ids.is_empty() {
        Selection::Filter {
            deck: args.deck.as_deref(),
            tag: args.tag.as_deref(),
        }
    } else {
        Selection::Ids {
            ids: &args.ids,
            deck: args.deck.as_deref(),
        }
    };
    let done = collection.set_suspended(selection, suspended)?;
    if ctx.json {
        print_json(&done)?;
    } else {
        print(&summary(done, suspended))?;
    }
    Ok(Outcome::Success)
}

/// "suspended 3 cards (1 already was)".
fn summary(done: Suspension, suspended: bool) -> String {
    let verb = if suspended {
        "suspended"
    } else {
        "unsuspended"
    };
    let already = match done.unchanged {
        0 => String::new(),
        1 => format!(" (1 already was {verb})"),
        n => format!(" ({n} already were {verb})"),
    };
    format!("{verb} {}{already}", count(done.changed as i64, "card"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_count_cards() {
        let s = |changed, unchanged, on| summary(Suspension { changed, unchanged }, on);
        assert_eq!(s(3, 0, true), "suspended 3 cards");
        assert_eq!(s(1, 1, true), "suspended 1 card (1 already was suspended)");
        assert_eq!(
            s(0, 2, false),
            "unsuspended 0 cards (2 already were unsuspended)"
        );
    }
}
