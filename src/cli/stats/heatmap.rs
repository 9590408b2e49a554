//! The calendar of `stats` (docs/stats.md, "The text view"): one column per
//! week, one row per weekday, each day shaded by its answers relative to
//! the busiest day shown, month names above.

use chrono::{Datelike, NaiveDate};
use crossterm::style::Color;

use super::Style;
use crate::cli::render::count;
use crate::clock::{add_days, day_number};
use crate::stats::Stats;

/// Heatmap columns (weeks), as many as GitHub's contribution graph.
pub const HEATMAP_WEEKS: i64 = 53;
/// Heatmap shades: no answer, then four levels up to the busiest day.
const SHADES: [char; 5] = ['·', '░', '▒', '▓', '█'];
const SHADE_COLORS: [Color; 5] = [
    Color::DarkGrey,
    Color::DarkGreen,
    Color::DarkGreen,
    Color::Green,
    Color::Green,
];

/// The weeks the calendar shows: `weeks` columns from the Monday `start`,
/// and the day's answers (`None` outside the history).
struct Calendar<'a> {
    stats: &'a Stats,
    first_day: NaiveDate,
    start: NaiveDate,
    weeks: i64,
}

impl Calendar<'_> {
    fn new(stats: &Stats, max_weeks: i64) -> Option<Calendar<'_>> {
        let today = stats.today;
        let first_day = stats.history.first()?.date;
        let monday = |day: NaiveDate| add_days(day, -(day.weekday().num_days_from_monday() as i64));
        let this_monday = monday(today);
        let weeks =
            ((day_number(this_monday) - day_number(monday(first_day))) / 7 + 1).min(max_weeks);
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

    /// Month names above the week that holds the month's first day (when
    /// that day is shown), and above the first week, named after its first
    /// day shown, unless that would crowd the next name out: any `--days`
    /// gets every month it shows the start of.
    fn month_labels(&self) -> String {
        let weeks = self.weeks as usize;
        let shown = |day: NaiveDate| day >= self.first_day && day <= self.stats.today;
        let mut marks: Vec<(usize, NaiveDate)> = (0..weeks)
            .filter_map(|w| {
                (0..7)
                    .map(|d| add_days(self.start, 7 * w as i64 + d))
                    .find(|day| day.day() == 1 && shown(*day))
                    .map(|day| (w, day))
            })
            .collect();
        if marks.first().is_none_or(|(w, _)| *w >= 4) {
            marks.insert(0, (0, self.start.max(self.first_day)));
        }
        let mut labels = vec![' '; weeks + 4];
        let mut free = 0;
        for (w, day) in marks {
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
pub fn heatmap(stats: &Stats, style: Style) -> String {
    // "  Mon  " before the cells.
    let max_weeks = style.shrink(HEATMAP_WEEKS as usize, 7) as i64;
    let Some(calendar) = Calendar::new(stats, max_weeks) else {
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
        "answers per day, last {}: {} on {}",
        count(weeks, "week"),
        count(total, "answer"),
        count(active as i64, "day")
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::{self, Inputs};

    #[test]
    fn levels_split_the_busiest_day_in_quarters() {
        assert_eq!(level(0, 8), 0);
        assert_eq!(level(1, 8), 1);
        assert_eq!(level(2, 8), 1);
        assert_eq!(level(3, 8), 2);
        assert_eq!(level(8, 8), 4);
        assert_eq!(level(5, 0), 0);
    }

    fn history_to(today: &str, days: i64) -> Stats {
        let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
        let counts: Vec<(NaiveDate, crate::stats::DayCounts)> = Vec::new();
        stats::compute(&Inputs {
            today,
            days: &counts,
            due_today: 0,
            new_today: 0,
            forecast: &[],
            history_days: days as u32,
            decks: Vec::new(),
            interviews: Vec::new(),
        })
    }

    fn labels(today: &str, days: i64) -> String {
        let stats = history_to(today, days);
        Calendar::new(&stats, HEATMAP_WEEKS)
            .unwrap()
            .month_labels()
            .trim()
            .to_string()
    }

    #[test]
    fn heatmap_labels_name_every_month_shown_for_any_days() {
        // The history starts on 1 November: November is named, and
        // December, not shown yet, is not.
        assert_eq!(labels("2026-11-30", 30), "Nov");
        // Starting on 3 November, then December begins in the last week.
        assert_eq!(labels("2026-12-02", 30), "Nov Dec");
        // A month starting in the second week crowds out the first label.
        assert_eq!(labels("2026-12-09", 30), "Dec");
        for days in 1..=360 {
            let text = labels("2026-11-30", days);
            let first = add_days(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(), 1 - days);
            let mut day = first;
            while day <= NaiveDate::from_ymd_opt(2026, 11, 30).unwrap() {
                if day.day() == 1 {
                    let name = day.format("%b").to_string();
                    assert!(
                        text.contains(&name),
                        "--days {days}: {name} missing from {text:?}"
                    );
                }
                day = add_days(day, 1);
            }
        }
    }
}
