//! `rehearse cards` (a list with schedules) and `rehearse card ID` (one card
//! with its history).

use clap::Args as ClapArgs;

use super::render::{
    CardJson, ReviewJson, count, days, fitted_table, local_minute, one_line, safe_line,
    schedule_line,
};
use super::{Ctx, Outcome, print, print_json};
use crate::domain::ANKI_ORIGIN;
use crate::domain::decks::in_tree;
use crate::storage::{CardFilter, Collection};

#[derive(ClapArgs, Debug)]
pub struct ListArgs {
    /// Only this deck
    #[arg(long, value_name = "D")]
    deck: Option<String>,
    /// Only cards due today (or overdue)
    #[arg(long)]
    due: bool,
    /// Only cards with this tag (or its `tag::child` tags), any case
    #[arg(long, value_name = "T")]
    tag: Option<String>,
    /// Only cards whose front, back or tags hold TEXT, whatever the case
    /// and accents
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
}

#[derive(ClapArgs, Debug)]
pub struct ShowArgs {
    /// The card: its id, a unique prefix of it, or DECK:ID
    id: String,
    /// The deck, when several decks have this id
    #[arg(long, value_name = "D")]
    deck: Option<String>,
}

pub fn list(ctx: &Ctx, args: ListArgs) -> anyhow::Result<Outcome> {
    let collection = ctx.open_existing()?;
    let settings = collection.settings()?;
    let clock = ctx.clock(&settings);
    let today = clock.today();
    let filter = CardFilter {
        deck: args.deck.clone(),
        exact_deck: false,
        due_by: args.due.then_some(today),
        tag: args.tag.clone(),
        search: args.search.clone(),
    };
    let mut cards = collection.cards(&filter)?;
    if args.due {
        // A card buried until tomorrow is not due today (docs/review-session.md).
        let buried = collection.buried_today(&clock, &settings)?;
        cards.retain(|c| !buried.holds(c));
    }
    if ctx.json {
        let cards: Vec<CardJson> = cards.iter().map(CardJson::new).collect();
        print_json(&cards)?;
        return Ok(Outcome::Success);
    }
    if cards.is_empty() {
        print(&no_cards(ctx, &collection, &args)?)?;
        return Ok(Outcome::Success);
    }
    let rows: Vec<Vec<String>> = cards
        .iter()
        .map(|c| {
            let sm2 = c.schedule.sm2();
            vec![
                c.id().to_string(),
                one_line(&c.deck, usize::MAX),
                c.schedule.maturity().name().to_string(),
                c.schedule.due().map_or("-".into(), |d| d.to_string()),
                if c.schedule.due().is_some() {
                    days(sm2.interval_days)
                } else {
                    "-".into()
                },
                format!("{:.2}", sm2.ease),
                one_line(&c.draft.front, usize::MAX),
            ]
        })
        .collect();
    let mut text = fitted_table(
        &["id", "deck", "state", "due", "ivl", "ease", "front"],
        &rows,
        &[false, false, false, false, true, true, false],
        // The front, then the deck name, then the id give up space.
        &[6, 1, 0],
        ctx.width,
    );
    // Today's new cards are counted per deck, not per tag or text: the
    // line is left out under `--tag` and `--search`.
    if args.due && args.tag.is_none() && args.search.is_none() {
        text.push_str(&today_line(ctx, &collection, &args, cards.len())?);
    }
    print(&text)?;
    Ok(Outcome::Success)
}

/// Under `cards --due`: the due cards listed and, beside them, the new
/// cards a session would bring up today (docs/stats.md, "Due today").
fn today_line(
    ctx: &Ctx,
    collection: &Collection,
    args: &ListArgs,
    due: usize,
) -> anyhow::Result<String> {
    let new = new_today(ctx, collection, args)?;
    Ok(format!("{due} due · {new} new today\n"))
}

/// New cards a session would bring up today in the decks listed; the
/// daily limits are per deck, so under a tag filter none are counted.
fn new_today(ctx: &Ctx, collection: &Collection, args: &ListArgs) -> anyhow::Result<i64> {
    if args.tag.is_some() || args.search.is_some() {
        return Ok(0);
    }
    let settings = collection.settings()?;
    Ok(collection
        .deck_counts(&ctx.clock(&settings), &settings)?
        .iter()
        .filter(|d| args.deck.as_ref().is_none_or(|name| in_tree(&d.name, name)))
        .map(|d| d.new_today)
        .sum())
}

/// What `cards` says when it lists nothing.
fn no_cards(ctx: &Ctx, collection: &Collection, args: &ListArgs) -> anyhow::Result<String> {
    if !args.due {
        return Ok("no cards".into());
    }
    // New cards have no due day, so `--due` never lists them: they are
    // counted beside it.
    let waiting = new_today(ctx, collection, args)?;
    Ok(if waiting > 0 {
        let verb = if waiting == 1 { "waits" } else { "wait" };
        format!(
            "no cards due today; {} {verb} for `rehearse review`",
            count(waiting, "new card")
        )
    } else {
        "no cards due today".into()
    })
}

pub fn show(ctx: &Ctx, args: ShowArgs) -> anyhow::Result<Outcome> {
    let collection = ctx.open_existing()?;
    let settings = collection.settings()?;
    let today = ctx.clock(&settings).today();
    let card = collection.find_card(&args.id, args.deck.as_deref())?;
    let history = collection.history(&card)?;
    if ctx.json {
        let mut json = CardJson::new(&card);
        json.history = Some(history.iter().map(ReviewJson::new).collect());
        print_json(&json)?;
        return Ok(Outcome::Success);
    }
    let mut text = format!(
        "{}  (deck \"{}\")\n\n",
        safe_line(card.id().as_str()),
        safe_line(&card.deck)
    );
    text.push_str(&format!("front: {}\n", card.draft.front));
    text.push_str(&format!("back:  {}\n", card.draft.back));
    if !card.draft.extra.is_empty() {
        text.push_str(&format!("extra: {}\n", card.draft.extra));
    }
    if !card.draft.tags.is_empty() {
        let tags: Vec<String> = card
            .draft
            .tags
            .iter()
            .map(|t| safe_line(t).to_string())
            .collect();
        text.push_str(&format!("tags:  {}\n", tags.join(" ")));
    }
    let suspended = if card.suspended {
        " (suspended: `rehearse unsuspend` brings it back)"
    } else {
        ""
    };
    text.push_str(&format!(
        "\nschedule: {}{suspended}\nanswers: {} ({})\n",
        schedule_line(&card.schedule, today),
        card.reviews,
        count(card.lapses, "lapse")
    ));
    if !history.is_empty() {
        text.push_str("\nhistory:\n");
        for r in &history {
            let grade = r.grade.map_or(format!("q{}", r.quality), |g| {
                format!("{} (q{})", g.name(), r.quality)
            });
            // Answers imported from Anki say so (docs/imports.md).
            let from = match &r.origin {
                Some(origin) if origin.starts_with(ANKI_ORIGIN) => "  (in Anki)",
                Some(_) => "  (imported)",
                None => "",
            };
            text.push_str(&format!(
                "  {}  {:<10} {:<6} → interval {}, ease {:.2}, due {}{from}\n",
                local_minute(r.answered_at_ms),
                grade,
                r.kind.name(),
                days(r.sm2.interval_days),
                r.sm2.ease,
                r.due
            ));
        }
    }
    print(&text)?;
    Ok(Outcome::Success)
}
