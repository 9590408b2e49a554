//! `rehearse decks`: each deck's counts (docs/json-output.md): what is due
//! today and tomorrow, the new cards of today, and the cards by state. A
//! parent deck (`Jobs` of `Jobs::Offers`) counts its subdecks' cards with
//! its own, as in Anki; a parent that exists only through its subdecks
//! gets a row too.

use serde::Serialize;

use super::render::fitted_table;
use super::{Ctx, Outcome, print, print_json};
use crate::domain::decks::{in_tree, parents};
use crate::storage::DeckCounts;

/// One row of `decks`: the counts of a deck and its subdecks.
#[derive(Debug, Serialize)]
struct DeckRow {
    #[serde(flatten)]
    counts: DeckCounts,
    /// The deck it is a subdeck of (its rows count it too), or `null`:
    /// the rows without a parent add up to the whole collection.
    parent: Option<String>,
}

/// The rows of `decks`: every deck and every parent name, each counting
/// itself and its subdecks, by name.
fn tree_rows(decks: Vec<DeckCounts>) -> Vec<DeckRow> {
    let mut names: Vec<String> = decks.iter().map(|d| d.name.clone()).collect();
    for d in &decks {
        names.extend(parents(&d.name).into_iter().map(str::to_string));
    }
    names.sort();
    names.dedup();
    names
        .into_iter()
        .map(|name| {
            let mut sum = DeckCounts {
                name: name.clone(),
                total: 0,
                new: 0,
                due: 0,
                young: 0,
                mature: 0,
                new_today: 0,
                due_tomorrow: 0,
                buried: 0,
                suspended: 0,
            };
            // Exact names here: a deck's case-twin is a deck of its own.
            for d in decks.iter().filter(|d| {
                d.name == name || (in_tree(&d.name, &name) && d.name.starts_with(&name))
            }) {
                sum.total += d.total;
                sum.new += d.new;
                sum.due += d.due;
                sum.young += d.young;
                sum.mature += d.mature;
                sum.new_today += d.new_today;
                sum.due_tomorrow += d.due_tomorrow;
                sum.buried += d.buried;
                sum.suspended += d.suspended;
            }
            DeckRow {
                parent: parents(&name).last().map(|p| p.to_string()),
                counts: sum,
            }
        })
        .collect()
}

pub fn run(ctx: &Ctx) -> anyhow::Result<Outcome> {
    let collection = ctx.open_existing()?;
    let settings = collection.settings()?;
    let rows = tree_rows(collection.deck_counts(&ctx.clock(&settings), &settings)?);
    if ctx.json {
        print_json(&rows)?;
        return Ok(Outcome::Success);
    }
    if rows.is_empty() {
        print(
            "no decks yet: `rehearse import FILE` adds one, `rehearse review` starts with the bundled decks",
        )?;
        return Ok(Outcome::Success);
    }
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let c = &row.counts;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn deck(name: &str, total: i64) -> DeckCounts {
        DeckCounts {
            name: name.into(),
            total,
            new: total,
            due: 0,
            young: 0,
            mature: 0,
            new_today: total,
            due_tomorrow: 0,
            buried: 0,
            suspended: 0,
        }
    }

    #[test]
    fn parents_count_their_subdecks_and_get_a_row() {
        let rows = tree_rows(vec![
            deck("A::B", 2),
            deck("A::B::C", 3),
            deck("A::Bx", 1),
            deck("Z", 5),
        ]);
        let got: Vec<(&str, i64, Option<&str>)> = rows
            .iter()
            .map(|r| (r.counts.name.as_str(), r.counts.total, r.parent.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("A", 6, None),
                ("A::B", 5, Some("A")),
                ("A::B::C", 3, Some("A::B")),
                ("A::Bx", 1, Some("A")),
                ("Z", 5, None),
            ]
        );
    }
}
