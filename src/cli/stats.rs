//! `rehearse stats [--deck D] [--days N]` (docs/stats.md): reads the counts from
//! the collection, computes one [`Stats`] and prints it as JSON or as the
//! text view below — a page made to be looked at the night before an
//! interview, 80 columns wide, readable without colour.

use chrono::NaiveDate;
use clap::Args as ClapArgs;
use crossterm::style::{Color, Stylize};

mod heatmap;

use super::render::{count, fit_lines, one_line, plural};
use super::{Ctx, Outcome, print, print_json, print_styled};
use crate::clock::add_days;
use crate::domain::decks::in_tree;
use crate::stats::{
    self, DEFAULT_FORECAST_DAYS, DEFAULT_HISTORY_DAYS, DeckCards, DeckInterview, Inputs,
    InterviewStats, RETENTION_DAYS, Stats,
};
use crate::storage::Collection;

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Only this deck
    #[arg(long, value_name = "D")]
    deck: Option<String>,
    /// Days of forecast and history [default: 7 of forecast, 365 of history]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=3660))]
    days: Option<u32>,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    let collection = ctx.open_existing()?;
    let settings = collection.settings()?;
    let clock = ctx.clock(&settings);
    let today = clock.today();
    let deck_ids = collection.deck_ids(args.deck.as_deref())?;
    // `--deck` takes the deck and its subdecks (README.md).
    let selected = args.deck.as_ref().map(|_| deck_ids.as_slice());
    let days = collection.answer_days(selected, &clock)?;
    let forecast = collection.due_on_days(
        &deck_ids,
        add_days(today, 1),
        args.days.unwrap_or(DEFAULT_FORECAST_DAYS),
    )?;
    let counts: Vec<_> = collection
        .deck_counts(&clock, &settings)?
        .into_iter()
        .filter(|c| args.deck.as_ref().is_none_or(|d| in_tree(&c.name, d)))
        .collect();
    let interviews = interviews(&collection, &deck_ids, today)?;
    let stats = stats::compute(&Inputs {
        today,
        days: &days,
        due_today: counts.iter().map(|c| c.due).sum(),
        new_today: counts.iter().map(|c| c.new_today).sum(),
        forecast: &forecast,
        history_days: args.days.unwrap_or(DEFAULT_HISTORY_DAYS),
        decks: counts
            .into_iter()
            .map(|c| DeckCards {
                name: c.name,
                total: c.total,
                new: c.new,
                young: c.young,
                mature: c.mature,
                suspended: c.suspended,
            })
            .collect(),
        interviews,
    });
    if ctx.json {
        print_json(&stats)?;
    } else if ctx.color {
        // The colours are escapes of our own; every deck name in the view
        // went through `one_line`, which shows control characters safely.
        print_styled(&render(&stats, args.deck.as_deref(), true, ctx.width))?;
    } else {
        print(&render(&stats, args.deck.as_deref(), false, ctx.width))?;
    }
    Ok(Outcome::Success)
}

/// The coming interviews of the decks in view, with each one's standing.
fn interviews(
    collection: &Collection,
    deck_ids: &[i64],
    today: NaiveDate,
) -> anyhow::Result<Vec<DeckInterview>> {
    let mut interviews = Vec::new();
    for interview in collection.interviews()? {
        if deck_ids.contains(&interview.deck_id) && interview.day >= today {
            let standing =
                collection.interview_standing(interview.deck_id, today, interview.day)?;
            interviews.push(DeckInterview {
                deck: interview.deck,
                date: interview.day,
                cards: standing.cards,
                ready: standing.ready,
                due_before: standing.due_before,
                new: standing.new,
            });
        }
    }
    Ok(interviews)
}

/// The one-line definition of readiness under the interview lines.
const READINESS: &str =
    "             ready: cards whose last answer passed and that are not overdue";

/// Forecast rows shown in the text view; the rest is summed in one line.
const FORECAST_ROWS: usize = 14;
const FORECAST_BAR: usize = 40;
const DECK_BAR: usize = 30;
const DECK_NAME: usize = 20;
/// Colour on or off (the text view reads the same either way), and the
/// terminal's width when there is one: bars and the calendar shrink to it.
#[derive(Clone, Copy)]
struct Style {
    color: bool,
    width: Option<usize>,
}

impl Style {
    fn paint(self, text: &str, c: Color) -> String {
        if self.color {
            text.with(c).to_string()
        } else {
            text.to_string()
        }
    }

    /// `full` columns, or fewer when the terminal leaves only `room`
    /// beside the `used` columns of the line (at least one).
    fn shrink(self, full: usize, used: usize) -> usize {
        match self.width {
            Some(width) => full.min(width.saturating_sub(used)).max(1),
            None => full,
        }
    }

    fn heading(self, text: &str) -> String {
        if self.color {
            text.bold().to_string()
        } else {
            text.to_string()
        }
    }
}

/// The text view of `stats`, without a trailing newline: a title, the
/// summary lines, the forecast, the calendar and the decks. Deck names go
/// through `one_line`, which shows control characters safely.
/// Lines still wider than a terminal's `width` are cut with "…".
pub fn render(stats: &Stats, deck: Option<&str>, color: bool, width: Option<usize>) -> String {
    let style = Style { color, width };
    let scope = match deck {
        Some(d) => format!("deck \"{}\"", one_line(d, 30)),
        None => "all decks".to_string(),
    };
    let mut out = style.heading(&format!("{} · {scope}", stats.today.format("%A %-d %B %Y")));
    out.push_str("\n\n");
    out.push_str(&summary(stats, style));
    for section in [
        forecast(stats, style),
        heatmap::heatmap(stats, style),
        decks(stats, style),
    ] {
        out.push('\n');
        out.push_str(&section);
    }
    out.truncate(out.trim_end().len());
    fit_lines(&out, width)
}

/// Streak, interviews, today, retention and card counts, one line each.
fn summary(stats: &Stats, style: Style) -> String {
    let s = stats.streak;
    let streak = count(s.current, "day");
    let mut out = format!(
        "  streak     {} · longest {}\n",
        style.paint(&streak, Color::Yellow),
        count(s.longest, "day")
    );
    for interview in stats.interview.iter().flatten() {
        out.push_str(&interview_line(interview, style));
    }
    if stats.interview.is_some() {
        // What readiness means, where it is shown (docs/stats.md).
        out.push_str(READINESS);
        out.push('\n');
    }
    let accuracy = match stats.accuracy_today {
        Some(a) => format!(" · {} correct", percent(a, 0)),
        None => String::new(),
    };
    // "Due" counts learned cards only; new cards stand beside it
    // (docs/stats.md, "Due today").
    out.push_str(&format!(
        "  today      {}{accuracy} · {} due · {} new\n",
        count(stats.reviews_today, "answer"),
        stats.due_today,
        stats.new_today
    ));
    out.push_str(&format!("  tomorrow   {} due\n", stats.due_tomorrow));
    out.push_str(&format!("  retention  {}\n", retention(stats)));
    let c = stats.cards;
    // Suspended cards are counted apart, and only named when there are some.
    let suspended = match c.suspended {
        0 => String::new(),
        n => format!(" · {n} suspended"),
    };
    out.push_str(&format!(
        "  cards      {} · {} mature · {} young · {} new{suspended}\n",
        c.total, c.mature, c.young, c.new
    ));
    out
}

fn interview_line(interview: &InterviewStats, style: Style) -> String {
    let when = match interview.days_left {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        n => format!("in {n} days"),
    };
    let ready = interview.readiness.map_or("no cards".to_string(), |r| {
        format!("{} ready", percent(r, 0))
    });
    format!(
        "  interview  {} ({}, {}) · {ready} · {} to review before it\n",
        style.paint(&when, Color::Magenta),
        interview.date.format("%a %d %b"),
        match interview.decks.as_slice() {
            [one] => one_line(one, 30),
            many => format!("{} decks", many.len()),
        },
        count(interview.due_before, "card")
    )
}

fn retention(stats: &Stats) -> String {
    let r = stats.retention_30d_answers;
    match stats.retention_30d {
        Some(share) => format!(
            "{} over {RETENTION_DAYS} days ({} of {} to cards seen before)",
            percent(share, 1),
            r.passed,
            count(r.answers, "answer")
        ),
        None => format!("no answers to cards seen before in {RETENTION_DAYS} days"),
    }
}

/// Cards due on each coming day as bars; past `FORECAST_ROWS` days, a sum.
fn forecast(stats: &Stats, style: Style) -> String {
    let mut out = style.heading("due in the coming days");
    out.push('\n');
    let shown = &stats.forecast[..stats.forecast.len().min(FORECAST_ROWS)];
    let max = shown.iter().map(|f| f.due).max().unwrap_or(0);
    let width = shown.iter().map(|f| digits(f.due)).max().unwrap_or(1);
    // "  Mon 01 Dec  " before the bar, " N" after it.
    let bar_width = style.shrink(FORECAST_BAR, 15 + width);
    for f in shown {
        let bar = bar(f.due, max, bar_width);
        let pad = bar_width - bar.chars().count();
        out.push_str(&format!(
            "  {}  {}{} {:>width$}\n",
            f.date.format("%a %d %b"),
            style.paint(&bar, Color::Cyan),
            " ".repeat(pad),
            f.due
        ));
    }
    if stats.forecast.len() > shown.len() {
        let rest = &stats.forecast[shown.len()..];
        let due: i64 = rest.iter().map(|f| f.due).sum();
        out.push_str(&format!(
            "  … and {due} more {} over the following {}\n",
            plural(due, "card"),
            count(rest.len() as i64, "day")
        ));
    }
    out
}

/// Each deck's share of mature, young and new cards as one bar.
fn decks(stats: &Stats, style: Style) -> String {
    let mut out = style.heading(&format!(
        "{:<width$}  mature {}  young {}  new {}",
        "decks",
        style.paint("█", Color::Green),
        style.paint("▓", Color::Yellow),
        style.paint("░", Color::Blue),
        width = DECK_NAME
    ));
    out.push('\n');
    if stats.decks.is_empty() {
        out.push_str("  no decks yet: `rehearse import FILE` adds one\n");
    }
    // The name, then "  100% mature of N" after the bar.
    let total_digits = stats
        .decks
        .iter()
        .map(|d| digits(d.total))
        .max()
        .unwrap_or(1);
    let bar_width = style.shrink(DECK_BAR, 2 + DECK_NAME + 17 + total_digits);
    for d in &stats.decks {
        let (m, y, n) = split(d, bar_width);
        let bar = format!(
            "{}{}{}",
            style.paint(&"█".repeat(m), Color::Green),
            style.paint(&"▓".repeat(y), Color::Yellow),
            style.paint(&"░".repeat(n), Color::Blue)
        );
        let mature = if d.total > 0 {
            percent(d.mature as f64 / d.total as f64, 0)
        } else {
            "-".into()
        };
        out.push_str(&format!(
            "  {:<DECK_NAME$}{bar}{}  {mature} mature of {}\n",
            one_line(&d.name, DECK_NAME - 2),
            " ".repeat(bar_width - m - y - n),
            d.total
        ));
    }
    out
}

/// A horizontal bar of `value / max` of `width` cells, in eighths.
fn bar(value: i64, max: i64, width: usize) -> String {
    if value <= 0 || max <= 0 {
        return String::new();
    }
    let eighths = ((value as u128 * width as u128 * 8).div_ceil(max as u128)) as usize;
    let mut bar = "█".repeat(eighths / 8);
    const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
    bar.push_str(PARTS[eighths % 8]);
    bar
}

/// Cells of a deck's bar for mature, young and new cards; every non-empty
/// state gets at least one cell.
fn split(deck: &DeckCards, width: usize) -> (usize, usize, usize) {
    if deck.total <= 0 {
        return (0, 0, 0);
    }
    let cells = |n: i64| -> usize {
        if n <= 0 {
            0
        } else {
            ((n as f64 / deck.total as f64 * width as f64).round() as usize).max(1)
        }
    };
    let (mut m, mut y, mut n) = (cells(deck.mature), cells(deck.young), cells(deck.new));
    // Rounding may overshoot: take the excess from the largest part.
    while m + y + n > width {
        if m >= y && m >= n {
            m -= 1;
        } else if y >= n {
            y -= 1;
        } else {
            n -= 1;
        }
    }
    (m, y, n)
}

fn percent(share: f64, decimals: usize) -> String {
    format!("{:.decimals$}%", share * 100.0)
}

fn digits(n: i64) -> usize {
    n.to_string().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_in_eighths() {
        assert_eq!(bar(0, 10, 40), "");
        assert_eq!(bar(10, 10, 40), "█".repeat(40));
        assert_eq!(bar(1, 16, 4), "▎");
        assert_eq!(bar(5, 10, 3), "█▌");
    }

    #[test]
    fn deck_bars_fill_the_width_and_keep_small_parts_visible() {
        let deck = DeckCards {
            name: "d".into(),
            total: 1000,
            new: 1,
            young: 499,
            mature: 500,
            suspended: 0,
        };
        assert_eq!(split(&deck, 30), (14, 15, 1));
        let empty = DeckCards {
            total: 0,
            new: 0,
            young: 0,
            mature: 0,
            ..deck
        };
        assert_eq!(split(&empty, 30), (0, 0, 0));
    }
}
