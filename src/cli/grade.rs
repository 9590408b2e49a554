//! `rehearse grade ID GRADE` and `rehearse undo`: answers without the
//! session, for scripts and quick fixes.

use clap::Args as ClapArgs;

use super::render::{
    CardJson, ReviewJson, capped_note, local_minute, relative_day, rfc3339, safe_line,
    schedule_line,
};
use super::{Ctx, Outcome, print, print_err, print_json};
use crate::clock::Clock;
use crate::error::Error;
use crate::scheduler::Grade;
use crate::storage::{Answer, ReviewKind};
use crate::storage::{Card, Collection};

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The card: its id, a unique prefix of it, or DECK:ID
    id: String,
    /// again|hard|good|easy or 1..4
    #[arg(value_parser = parse_grade, required_unless_present = "quality", conflicts_with = "quality")]
    grade: Option<Grade>,
    /// SM-2 quality 0..5 instead of a grade
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=5), value_name = "Q")]
    quality: Option<u8>,
    /// The deck, when several decks have this id
    #[arg(long, value_name = "D")]
    deck: Option<String>,
}

fn parse_grade(text: &str) -> Result<Grade, String> {
    Grade::parse(text)
        .ok_or_else(|| format!("`{text}` is not a grade: use again, hard, good, easy or 1..4"))
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open_existing()?;
    let settings = collection.settings()?;
    let clock = ctx.clock(&settings);
    let card = collection.find_card(&args.id, args.deck.as_deref())?;
    let answer = match (args.grade, args.quality) {
        (Some(grade), _) => Answer::graded(grade, ReviewKind::Review),
        (None, Some(quality)) => Answer {
            quality,
            grade: None,
            kind: ReviewKind::Review,
        },
        (None, None) => unreachable!("clap requires a grade or --quality"),
    };
    check_answer_time(&collection, &card, &clock)?;
    let (card, review) = collection.answer(card.row_id, answer, &clock, &settings)?;
    if ctx.json {
        print_json(&CardJson::new(&card))?;
    } else {
        let given = answer
            .grade
            .map_or(format!("quality {}", answer.quality), |g| {
                g.name().to_string()
            });
        let cap = capped_note(&review);
        print(&format!(
            "{}: {given} → {}{cap}",
            safe_line(card.id().as_str()),
            schedule_line(&card.schedule, clock.today())
        ))?;
    }
    Ok(Outcome::Success)
}

/// An answer may not come before the card's last one (`--now` sent back
/// in time); one given before the card is due counts, with a warning, as
/// reviewing ahead does in Anki (docs/collection.md).
fn check_answer_time(collection: &Collection, card: &Card, clock: &Clock) -> anyhow::Result<()> {
    if let Some(last) = collection.last_answer_ms(card)?
        && clock.now_ms < last
    {
        return Err(Error::AnswerBeforeLast {
            card: card.id().to_string(),
            at: rfc3339(clock.now_ms),
            last: rfc3339(last),
        }
        .into());
    }
    let today = clock.today();
    if let Some(due) = card.schedule.due()
        && due > today
    {
        print_err(&format!(
            "warning: `{}` is not due until {due} ({}); the answer counts, as reviewing ahead",
            safe_line(card.id().as_str()),
            relative_day(due, today)
        ));
    }
    Ok(())
}

pub fn undo(ctx: &Ctx) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open_existing()?;
    let settings = collection.settings()?;
    let today = ctx.clock(&settings).today();
    let undone = collection.undo()?;
    if ctx.json {
        #[derive(serde::Serialize)]
        struct UndoJson {
            undone: ReviewJson,
            card: Option<CardJson>,
        }
        print_json(&UndoJson {
            undone: ReviewJson::new(&undone.review),
            card: undone.card.as_ref().map(CardJson::new),
        })?;
        return Ok(Outcome::Success);
    }
    let r = &undone.review;
    let given = r
        .grade
        .map_or(format!("quality {}", r.quality), |g| g.name().to_string());
    let now = match &undone.card {
        Some(card) => format!("now {}", schedule_line(&card.schedule, today)),
        None => "the card is no longer in its deck".into(),
    };
    print(&format!(
        "took back {given} on `{}` (deck \"{}\", {}); {now}",
        safe_line(&r.card),
        safe_line(&r.deck),
        local_minute(r.answered_at_ms)
    ))?;
    Ok(Outcome::Success)
}
