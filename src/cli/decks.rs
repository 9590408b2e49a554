//! `rehearse decks`: each deck's counts (docs/json-output.md): what is due
//! today and tomorrow, the new cards of today, and the cards by state.

use super::render::fitted_table;
use super::{Ctx, Outcome, print, print_json};

pub fn run(ctx: &Ctx) -> anyhow::Result<Outcome> {
    let collection = ctx.open_existing()?;
    let settings = collection.settings()?;
    let counts = collection.deck_counts(&ctx.clock(&settings), &settings)?;
    if ctx.json {
        print_json(&counts)?;
        return Ok(Outcome::Success);
    }
    if counts.is_empty() {
        print(
            "no decks yet: `rehearse import FILE` adds one, `rehearse review` starts with the bundled decks",
        )?;
        return Ok(Outcome::Success);
    }
    let rows: Vec<Vec<String>> = counts
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                c.due.to_string(),
                c.new_today.to_string(),
                c.due_tomorrow.to_string(),
                c.total.to_string(),
                c.new.to_string(),
                c.young.to_string(),
                c.mature.to_string(),
                c.suspended.to_string(),
            ]
        })
        .collect();
    // "due" never counts new cards; today's new cards stand beside it
    // (docs/stats.md).
    print(&fitted_table(
        &[
            "deck",
            "due",
            "new today",
            "due tomorrow",
            "total",
            "new",
            "young",
            "mature",
            "suspended",
        ],
        &rows,
        &[false, true, true, true, true, true, true, true, true],
        &[0],
        ctx.width,
    ))?;
    Ok(Outcome::Success)
}
