//! `rehearse interview [DATE] [--deck D]... [--clear]`: the interview dates
//! the scheduler works toward (interview mode).

use chrono::NaiveDate;
use clap::Args as ClapArgs;

use super::render::{count, relative_day, safe_line};
use super::{Ctx, Outcome, print, print_json};
use crate::error::Error;
use crate::scheduler::interview::days_left;

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The interview day, YYYY-MM-DD; without it, the dates set are shown
    #[arg(value_parser = parse_day, conflicts_with = "clear")]
    date: Option<NaiveDate>,
    /// The decks it is for (repeatable; default: every deck)
    #[arg(long = "deck", value_name = "D")]
    decks: Vec<String>,
    /// Remove the interview date (of the named decks, or all)
    #[arg(long)]
    clear: bool,
}

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{text}` is not a day: use YYYY-MM-DD"))
}

#[derive(serde::Serialize)]
struct InterviewJson {
    deck: String,
    date: String,
    days_left: i64,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open_existing()?;
    let settings = collection.settings()?;
    let today = ctx.clock(&settings).today();
    if args.clear {
        let removed = collection.clear_interviews(&args.decks)?;
        if !ctx.json {
            print(&format!(
                "removed {}: plain SM-2 scheduling again",
                count(removed as i64, "interview date")
            ))?;
        }
    } else if let Some(day) = args.date {
        if day < today {
            return Err(Error::PastDay { day, today }.into());
        }
        if day == today {
            return Err(Error::InterviewToday { day }.into());
        }
        let set = collection.set_interview(&args.decks, day)?;
        if !ctx.json {
            let names: Vec<String> = set
                .iter()
                .map(|i| format!("\"{}\"", safe_line(&i.deck)))
                .collect();
            print(&format!(
                "interview on {day} ({}) for {}: due days will not pass {}, and new cards are paced to be seen twice before it",
                relative_day(day, today),
                names.join(", "),
                crate::clock::add_days(day, -1)
            ))?;
        }
    }
    let all = collection.interviews()?;
    if ctx.json {
        let json: Vec<InterviewJson> = all
            .iter()
            .map(|i| InterviewJson {
                deck: i.deck.clone(),
                date: i.day.to_string(),
                days_left: days_left(today, i.day),
            })
            .collect();
        print_json(&json)?;
    } else if args.date.is_none() && !args.clear {
        if all.is_empty() {
            print("no interview date set: `rehearse interview YYYY-MM-DD [--deck D]` sets one")?;
        } else {
            let lines: Vec<String> = all
                .iter()
                .map(|i| {
                    let when = relative_day(i.day, today);
                    format!("{}  {} ({when})", i.day, safe_line(&i.deck))
                })
                .collect();
            print(&lines.join("\n"))?;
        }
    }
    Ok(Outcome::Success)
}
