//! `rehearse stats [--deck D] [--days N]` (docs/stats.md): reads the counts from
//! the collection, computes one [`Stats`] and prints it as JSON or as the
//! text view below — a page made to be looked at the night before an
//! interview, 80 columns wide, readable without colour.

use chrono::{Datelike, NaiveDate};
use clap::Args as ClapArgs;
use crossterm::style::{Color, Stylize};

use super::render::one_line;
use super::{Ctx, Outcome, print, print_json, print_styled};
use crate::clock::{add_days, day_number};
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
    let collection = ctx.open()?;
    let settings = collection.settings()?;
    let clock = ctx.clock(&settings);
    let today = clock.today();
    let deck_ids = collection.deck_ids(args.deck.as_deref())?;
    let deck_id = args.deck.as_ref().map(|_| deck_ids[0]);
    let days = collection.answer_days(deck_id, &clock)?;
    let forecast = collection.due_on_days(
        &deck_ids,
        add_days(today, 1),
        args.days.unwrap_or(DEFAULT_FORECAST_DAYS),
    )?;
    let counts: Vec<_> = collection
        .deck_counts(&clock, &settings)?
        .into_iter()
        .filter(|c| args.deck.as_ref().is_none_or(|d| *d == c.name))
        .collect();
    let interviews = interviews(&collection, &deck_ids, today)?;
    let stats = stats::compute(&Inputs {
        today,
        days: &days,
        due_today: counts.iter().map(|c| c.due).sum(),
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
            })
            .collect(),
        interviews,
    });
    if ctx.json {
        print_json(&stats)?;
    } else if ctx.color {
        // The colours are escapes of our own; every deck name in the view
        // went through `one_line`, which shows control characters safely.
        print_styled(&render(&stats, args.deck.as_deref(), true))?;
    } else {
        print(&render(&stats, args.deck.as_deref(), false))?;
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

/// Forecast rows shown in the text view; the rest is summed in one line.
const FORECAST_ROWS: usize = 14;
/// Heatmap columns (weeks), as many as GitHub's contribution graph.
const HEATMAP_WEEKS: i64 = 53;
const FORECAST_BAR: usize = 40;
const DECK_BAR: usize = 30;
const DECK_NAME: usize = 20;
/// Heatmap shades: no answer, then four levels up to the busiest day.
const SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];
const SHADE_COLORS: [Color; 5] = [
    Color::DarkGrey,
    Color::DarkGreen,
    Color::DarkGreen,
    Color::Green,
    Color::Green,
];

/// Colour on or off: the text view reads the same either way.
#[derive(Clone, Copy)]
struct Style {
    color: bool,
}

impl Style {
    fn paint(self, text: &str, c: Color) -> String {
        if self.color {
            text.with(c).to_string()
        } else {
            text.to_string()
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
pub fn render(stats: &Stats, deck: Option<&str>, color: bool) -> String {
    let style = Style { color };
    let scope = match deck {
        Some(d) => format!("deck \"{}\"", one_line(d, 30)),
        None => "all decks".to_string(),
    };
    let mut out = style.heading(&format!("{} · {scope}", stats.today.format("%A %-d %B %Y")));
    out.push_str("\n\n");
    out.push_str(&summary(stats, style));
    for section in [
        forecast(stats, style),
        heatmap(stats, style),
        decks(stats, style),
    ] {
        out.push('\n');
        out.push_str(&section);
    }
    out.truncate(out.trim_end().len());
    out
}

/// Streak, interviews, today, retention and card counts, one line each.
fn summary(stats: &Stats, style: Style) -> String {
    let s = stats.streak;
    let streak = format!("{} day{}", s.current, plural(s.current as i64));
    let mut out = format!(
        "  streak     {} · longest {} day{}\n",
        style.paint(&streak, Color::Yellow),
        s.longest,
        plural(s.longest as i64)
    );
    for interview in stats.interview.iter().flatten() {
        out.push_str(&interview_line(interview, style));
    }
    let accuracy = match stats.accuracy_today {
        Some(a) => format!(" · {} correct", percent(a, 0)),
        None => String::new(),
    };
    let tomorrow = stats
        .forecast
        .first()
        .map_or(String::new(), |f| format!(" · {} more tomorrow", f.due));
    out.push_str(&format!(
        "  today      {} answer{}{accuracy} · due now {}{tomorrow}\n",
        stats.reviews_today,
        plural(stats.reviews_today),
        stats.due_today
    ));
    out.push_str(&format!("  retention  {}\n", retention(stats)));
    let c = stats.cards;
    out.push_str(&format!(
        "  cards      {} · {} mature · {} young · {} new\n",
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
        "  interview  {} ({}, {}) · {ready} · {} card{} to review before it\n",
        style.paint(&when, Color::Magenta),
        interview.date.format("%a %d %b"),
        match interview.decks.as_slice() {
            [one] => one_line(one, 30),
            many => format!("{} decks", many.len()),
        },
        interview.due_before,
        plural(interview.due_before)
    )
}

fn retention(stats: &Stats) -> String {
    let r = stats.retention_30d_answers;
    match stats.retention_30d {
        Some(share) => format!(
            "{} over {RETENTION_DAYS} days ({} of {} answers to cards seen before)",
            percent(share, 1),
            r.passed,
            r.answers
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
    for f in shown {
        let bar = bar(f.due, max, FORECAST_BAR);
        let pad = FORECAST_BAR - bar.chars().count();
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
            "  … and {due} more card{} over the following {} days\n",
            plural(due),
            rest.len()
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
    for d in &stats.decks {
        let (m, y, n) = split(d, DECK_BAR);
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
            " ".repeat(DECK_BAR - m - y - n),
            d.total
        ));
    }
    out
}

/// The weeks the calendar shows: `weeks` columns from the Monday `start`,
/// and the day's answers (`None` outside the history).
struct Calendar<'a> {
    stats: &'a Stats,
    first_day: NaiveDate,
    start: NaiveDate,
    weeks: i64,
}

impl Calendar<'_> {
    fn new(stats: &Stats) -> Option<Calendar<'_>> {
        let today = stats.today;
        let first_day = stats.history.first()?.date;
        let monday = |day: NaiveDate| add_days(day, -(day.weekday().num_days_from_monday() as i64));
        let this_monday = monday(today);
        let weeks =
            ((day_number(this_monday) - day_number(monday(first_day))) / 7 + 1).min(HEATMAP_WEEKS);
        Some(Calendar {
            stats,
            first_day,
            start: add_days(this_monday, -7 * (weeks - 1)),
            weeks,
        })
    }

    fn count_on(&self, day: NaiveDate) -> Option<i64> {
        if day < self.first_day || day > self.stats.today {
            return None;
        }
        let i = (day_number(day) - day_number(self.first_day)) as usize;
        self.stats.history.get(i).map(|h| h.reviews)
    }

    /// Month names above the week that holds the month's first day, and
    /// above the first week unless that would crowd the next name out.
    fn month_labels(&self) -> String {
        let weeks = self.weeks as usize;
        let mut marks: Vec<(usize, NaiveDate)> = (1..weeks)
            .map(|w| (w, add_days(self.start, 7 * w as i64 + 6)))
            .filter(|(_, sunday)| sunday.day() <= 7)
            .collect();
        if marks.first().is_none_or(|(w, _)| *w >= 4) {
            marks.insert(0, (0, self.start));
        }
        let mut labels = vec![' '; weeks + 4];
        let mut free = 0;
        for (w, day) in marks.into_iter().filter(|(w, _)| *w < weeks) {
            if w < free {
                continue;
            }
            let name = day.format("%b").to_string();
            for (i, ch) in name.chars().enumerate() {
                labels[w + i] = ch;
            }
            free = w + name.chars().count() + 1;
        }
        let labels: String = labels.into_iter().collect();
        format!("       {}\n", labels.trim_end())
    }

    /// One row per weekday, Mon..Sun, one shaded cell per week.
    fn rows(&self, max: i64, style: Style) -> String {
        let mut out = String::new();
        for weekday in 0..7 {
            let name = add_days(self.start, weekday).format("%a").to_string();
            let mut row = format!("  {name}  ");
            for w in 0..self.weeks {
                match self.count_on(add_days(self.start, 7 * w + weekday)) {
                    None => row.push(' '),
                    Some(c) => {
                        let level = level(c, max);
                        row.push_str(&style.paint(&SHADES[level].to_string(), SHADE_COLORS[level]));
                    }
                }
            }
            out.push_str(row.trim_end());
            out.push('\n');
        }
        out
    }
}

/// The calendar: weekday rows Mon..Sun, one column per week, shaded by the
/// day's answers relative to the busiest day shown.
fn heatmap(stats: &Stats, style: Style) -> String {
    let Some(calendar) = Calendar::new(stats) else {
        return String::new();
    };
    let weeks = calendar.weeks;
    let shown: Vec<i64> = (0..weeks * 7)
        .filter_map(|i| calendar.count_on(add_days(calendar.start, i)))
        .collect();
    let max = shown.iter().copied().max().unwrap_or(0);
    let total: i64 = shown.iter().sum();
    let active = shown.iter().filter(|&&c| c > 0).count();
    let mut out = style.heading(&format!(
        "answers per day, last {weeks} week{}: {total} on {active} day{}",
        plural(weeks),
        plural(active as i64)
    ));
    out.push('\n');
    out.push_str(&calendar.month_labels());
    out.push_str(&calendar.rows(max, style));
    out.push_str(&legend(max, style));
    out
}

/// What each shade stands for, in answers per day.
fn legend(max: i64, style: Style) -> String {
    let mut legend = format!("       {} 0", style.paint("·", SHADE_COLORS[0]));
    for l in 1..SHADES.len() {
        let low = (l as i64 - 1) * max / 4 + 1;
        let high = l as i64 * max / 4;
        if low > high {
            continue;
        }
        let range = if low == high {
            low.to_string()
        } else {
            format!("{low}-{high}")
        };
        legend.push_str(&format!(
            "  {} {range}",
            style.paint(&SHADES[l].to_string(), SHADE_COLORS[l])
        ));
    }
    legend.push_str(" answers\n");
    legend
}

/// 0 for no answer, else 1..=4 by quarters of the busiest day.
fn level(count: i64, max: i64) -> usize {
    if count <= 0 || max <= 0 {
        0
    } else {
        ((count * 4 + max - 1) / max).clamp(1, 4) as usize
    }
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

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_split_the_busiest_day_in_quarters() {
        assert_eq!(level(0, 8), 0);
        assert_eq!(level(1, 8), 1);
        assert_eq!(level(2, 8), 1);
        assert_eq!(level(3, 8), 2);
        assert_eq!(level(8, 8), 4);
        assert_eq!(level(5, 0), 0);
    }

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
