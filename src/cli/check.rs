//! `rehearse check [--repair]`: SQLite's integrity check plus every card
//! recomputed from its review log. Exit 1 when something is wrong and was
//! not repaired.

use clap::Args as ClapArgs;

use super::render::{count, safe_line};
use super::{Ctx, Outcome, print, print_json};

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Rewrite card states that differ from their review log
    #[arg(long)]
    repair: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open_existing()?;
    let report = collection.check(args.repair)?;
    if ctx.json {
        print_json(&report)?;
    } else {
        let mut text = String::new();
        for line in &report.integrity {
            text.push_str(&format!("integrity: {line}\n"));
        }
        for p in report.problems.iter().take(50) {
            text.push_str(&format!(
                "deck \"{}\", card `{}`: {}\n",
                safe_line(&p.deck),
                safe_line(&p.card),
                p.message
            ));
        }
        if report.problems.len() > 50 {
            text.push_str(&format!("… and {} more\n", report.problems.len() - 50));
        }
        text.push_str(&format!(
            "checked {} and {}: {}",
            count(report.cards_checked as i64, "card"),
            count(report.answers_checked as i64, "answer"),
            if report.is_clean() {
                "all consistent".to_string()
            } else if !report.integrity.is_empty() {
                "the file is damaged: restore a backup".to_string()
            } else if args.repair {
                format!(
                    "{} repaired from the log",
                    count(report.repaired as i64, "card")
                )
            } else {
                format!(
                    "{}; `rehearse check --repair` rewrites card states from the log",
                    count(report.problems.len() as i64, "problem")
                )
            }
        ));
        print(&text)?;
    }
    let repaired_all = args.repair && report.integrity.is_empty();
    Ok(if report.is_clean() || repaired_all {
        Outcome::Success
    } else {
        Outcome::PartialFailure
    })
}
