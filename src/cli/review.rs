//! `rehearse review`: the daily session (docs/review-session.md). The session logic lives in
//! `crate::review`; here are its two front ends — single keys on a terminal
//! (with a progress bar), and a line protocol on piped stdin for scripts and
//! tests — and the driver that commits every answer as it is given.

mod lines;
mod terminal;

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use clap::Args as ClapArgs;

use super::render::{capped_note, days, relative_day, safe_line};
use super::{Ctx, Outcome, print, print_err};
use crate::clock::{Clock, add_days, day_number};
use crate::error::Error;
use crate::review::{Entry, Session, plan};
use crate::scheduler::Grade;
use crate::settings::Settings;
use crate::storage::{Answer, Card, Collection, Review, ReviewKind, Schedule};

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Only this deck
    #[arg(long, value_name = "D")]
    deck: Option<String>,
    /// At most N cards in this session
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// At most N new cards in this session
    #[arg(long = "new", value_name = "N")]
    new: Option<usize>,
    /// Every card regardless of schedule, weakest first, as drills: the
    /// schedule is untouched (the last evening before an interview)
    #[arg(long)]
    cram: bool,
}

/// What the person asked for at a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Grade(Grade),
    Undo,
    Quit,
}

/// A front end shows cards and reads answers.
trait Frontend {
    /// Shows the current card and waits for an answer; `None` at end of input.
    fn ask(
        &mut self,
        session: &Session,
        entry: &Entry,
        preview: &str,
    ) -> anyhow::Result<Option<Input>>;
    /// Tells what an answer did.
    fn answered(
        &mut self,
        session: &Session,
        card: &Card,
        review: &Review,
        today: NaiveDate,
    ) -> anyhow::Result<()>;
    /// A short notice (undo, nothing to undo).
    fn notice(&mut self, text: &str) -> anyhow::Result<()>;
    /// Closes the screen before the summary is printed.
    fn finish(&mut self) -> anyhow::Result<()>;
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open()?;
    if collection.is_empty()? {
        import_starter_decks(&mut collection)?;
    }
    let settings = collection.settings()?;
    let clock = ctx.clock(&settings);
    let planned = if args.cram {
        cram_session(&collection, &args)?
    } else {
        due_session(&collection, &args, &clock, &settings)?
    };
    let Some((mut session, banner)) = planned else {
        return Ok(Outcome::Success);
    };
    let started = Instant::now();
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let mut front: Box<dyn Frontend> = if interactive {
        Box::new(terminal::Terminal::start(ctx.color, session.total, banner)?)
    } else {
        for line in &banner {
            print(line)?;
        }
        Box::new(lines::Lines::new())
    };
    let result = drive(
        &mut collection,
        &mut session,
        front.as_mut(),
        clock,
        started,
        &settings,
    );
    front.finish()?;
    result?;
    let clock = now_clock(clock, started);
    print(&summary(
        &collection,
        &session,
        args.deck.as_deref(),
        &clock,
        started.elapsed(),
    )?)?;
    Ok(Outcome::Success)
}

/// A first session on an empty collection starts with the bundled decks.
fn import_starter_decks(collection: &mut Collection) -> anyhow::Result<()> {
    let counts = crate::bundled::import_all(collection)?;
    let cards: usize = counts.iter().map(|c| c.added).sum();
    let names: Vec<String> = counts.iter().map(|c| format!("\"{}\"", c.deck)).collect();
    print_err(&format!(
        "first run: imported the {} starter decks ({cards} cards): {}",
        counts.len(),
        names.join(", ")
    ));
    Ok(())
}

/// A session and the lines shown above its cards; `None` (after saying
/// so) when there is nothing to review.
type Planned = Option<(Session, Vec<String>)>;

/// `--cram`: every card, weakest first, as drills.
fn cram_session(collection: &Collection, args: &Args) -> anyhow::Result<Planned> {
    let mut cards = collection.cram_cards(args.deck.as_deref())?;
    if let Some(n) = args.limit {
        cards.truncate(n);
    }
    if cards.is_empty() {
        print("no cards to cram: `rehearse import FILE` adds some")?;
        return Ok(None);
    }
    let banner = vec![format!(
        "cram: {} card(s), weakest first; answers are practice and change no schedule",
        cards.len()
    )];
    Ok(Some((Session::cram(cards), banner)))
}

/// The day's session: due reviews and new cards, in a seeded order, with a
/// countdown line for each coming interview of the decks in it.
fn due_session(
    collection: &Collection,
    args: &Args,
    clock: &Clock,
    settings: &Settings,
) -> anyhow::Result<Planned> {
    let today = clock.today();
    let deck = args.deck.as_deref();
    let due = collection.due_cards(deck, clock, settings)?;
    let held_back = due.new_held_back;
    let seed = day_number(today) as u64;
    let cards = plan(due, seed, args.limit, args.new);
    if cards.is_empty() {
        print(&nothing_due(collection, deck, today, held_back, settings)?)?;
        return Ok(None);
    }
    let mut banner = Vec::new();
    for interview in collection.interviews()? {
        let in_session = deck.is_none_or(|d| d == interview.deck);
        if in_session && interview.day > today {
            let new = cards
                .iter()
                .filter(|c| c.deck_id == interview.deck_id && c.schedule == Schedule::New)
                .count();
            let days = (interview.day - today).num_days();
            banner.push(format!(
                "interview in {days} day{} ({}): {new} new card{} today",
                if days == 1 { "" } else { "s" },
                safe_line(&interview.deck),
                if new == 1 { "" } else { "s" }
            ));
        }
    }
    Ok(Some((Session::new(cards), banner)))
}

/// The clock moves on during a session, from `--now` if given.
fn now_clock(start: Clock, started: Instant) -> Clock {
    Clock {
        now_ms: start.now_ms + started.elapsed().as_millis() as i64,
        ..start
    }
}

fn drive(
    collection: &mut Collection,
    session: &mut Session,
    front: &mut dyn Frontend,
    clock: Clock,
    started: Instant,
    settings: &Settings,
) -> anyhow::Result<()> {
    while let Some(entry) = session.current().cloned() {
        let preview = preview(collection, &entry, &now_clock(clock, started), settings)?;
        let Some(input) = front.ask(session, &entry, &preview)? else {
            break;
        };
        match input {
            Input::Quit => break,
            Input::Grade(grade) => {
                let clock = now_clock(clock, started);
                let answer = Answer::graded(grade, entry.kind);
                match patiently(front, "to save your answer", || {
                    collection.answer(entry.card.row_id, answer, &clock, settings)
                })? {
                    Ok((card, review)) => {
                        session.answered(grade, review.id, card.clone());
                        front.answered(session, &card, &review, clock.today())?;
                    }
                    Err(Error::UnknownCard { .. }) => {
                        front.notice(&format!(
                            "`{}` was removed from its deck meanwhile: skipped",
                            safe_line(entry.card.id().as_str())
                        ))?;
                        session.skip();
                    }
                    Err(e) => return Err(e.into()),
                }
            }
            Input::Undo => match session.undo() {
                // Log ids are never reused (schema v5): this removes the
                // session's own answer or nothing, never another one.
                Some(review_id) => match patiently(front, "to take back your answer", || {
                    collection.undo_answer(review_id)
                })? {
                    Ok(undone) => {
                        let given = undone.review.grade.map_or("answer", |g| g.name());
                        if let Some(card) = undone.card {
                            session.refresh_current(card);
                        }
                        let card = safe_line(&undone.review.card);
                        front.notice(&format!("took back {given} on `{card}`"))?;
                    }
                    Err(Error::NothingToUndo) => {
                        // `rehearse undo` (or another session) took it back.
                        if let Some(current) = session.current().map(|e| e.card.clone())
                            && let Ok(card) =
                                collection.find_card(current.id().as_str(), Some(&current.deck))
                        {
                            session.refresh_current(card);
                        }
                        front.notice("your last answer was already taken back elsewhere")?;
                    }
                    Err(e) => return Err(e.into()),
                },
                None => front.notice("nothing to undo in this session")?,
            },
        }
    }
    Ok(())
}

/// Runs a write to the collection until no other process holds it: an
/// answer given is never dropped because someone else writes for longer
/// than SQLite's busy timeout (see docs/review-session.md). The user is
/// told once that the session waits (after SQLite's busy timeout).
fn patiently<T>(
    front: &mut dyn Frontend,
    purpose: &str,
    mut write: impl FnMut() -> crate::error::Result<T>,
) -> anyhow::Result<crate::error::Result<T>> {
    let mut told = false;
    loop {
        match write() {
            Err(Error::Sqlite(e))
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) =>
            {
                if !told {
                    front.notice(&format!(
                        "another rehearse is writing to the collection: waiting {purpose}…"
                    ))?;
                    told = true;
                }
            }
            other => return Ok(other),
        }
    }
}

/// "again 1d · hard 6d · good 7d · easy 9d", or a note for repeats: the
/// days until the due day each grade would store, fuzz and interview cap
/// included (the same scheduler call as the answer itself).
fn preview(
    collection: &Collection,
    entry: &Entry,
    clock: &Clock,
    settings: &Settings,
) -> anyhow::Result<String> {
    if entry.kind == ReviewKind::Drill {
        return Ok("repeat: the schedule is already set, this only practises".into());
    }
    let today = clock.today();
    Ok(collection
        .preview(&entry.card, clock, settings)?
        .iter()
        .map(|(g, out)| {
            let capped = if out.capped { " (capped)" } else { "" };
            format!(
                "{} {}{capped}",
                g.name(),
                days((out.due - today).num_days())
            )
        })
        .collect::<Vec<_>>()
        .join(" · "))
}

fn nothing_due(
    collection: &Collection,
    deck: Option<&str>,
    today: NaiveDate,
    held_back: i64,
    settings: &Settings,
) -> anyhow::Result<String> {
    let mut text = String::from("nothing due now");
    if let Some(d) = deck {
        text.push_str(&format!(" in deck \"{}\"", safe_line(d)));
    }
    text.push('.');
    match collection.next_due_after(deck, today)? {
        Some(next) => text.push_str(&format!(
            " The next card is due {next} ({}).",
            relative_day(next, today)
        )),
        None if held_back == 0 => {
            text.push_str(" No card is scheduled: `rehearse import FILE` adds some.")
        }
        None => {}
    }
    if held_back > 0 {
        text.push_str(&format!(
            "\n{held_back} new card(s) wait for tomorrow (new_per_day = {}).",
            settings.new_per_day
        ));
    }
    Ok(text)
}

fn summary(
    collection: &Collection,
    session: &Session,
    deck: Option<&str>,
    clock: &Clock,
    elapsed: Duration,
) -> anyhow::Result<String> {
    let answers = session.answers();
    let accuracy = if answers == 0 {
        "-".to_string()
    } else {
        format!("{:.0}%", 100.0 * session.passed as f64 / answers as f64)
    };
    let secs = elapsed.as_secs();
    let days = collection.answer_days(None, clock)?;
    let streak = crate::stats::streak(days.iter().map(|(day, _)| *day), clock.today()).current;
    let tomorrow = add_days(clock.today(), 1);
    let due_tomorrow = collection.due_count_by(deck, tomorrow)?;
    let left = session.total - session.done;
    let mut text = format!(
        "session over: {} card(s) reviewed, {answers} answer(s), {} again · accuracy {accuracy} · time {}m {:02}s\n",
        session.cards_reviewed(),
        session.again,
        secs / 60,
        secs % 60
    );
    if left > 0 {
        text.push_str(&format!("{left} card(s) left for later today\n"));
    }
    text.push_str(&format!(
        "streak: {streak} day{} · due tomorrow: {due_tomorrow} card{}",
        if streak == 1 { "" } else { "s" },
        if due_tomorrow == 1 { "" } else { "s" }
    ));
    Ok(text)
}

/// The schedule an answer gave, in a few words.
fn scheduled(card: &Card, review: &Review, today: NaiveDate) -> String {
    match (review.kind, card.schedule) {
        (ReviewKind::Drill, _) => "repeat logged".into(),
        (_, Schedule::Learned { sm2, due }) => {
            let cap = capped_note(review);
            format!(
                "due {due} ({}){cap} · interval {}",
                relative_day(due, today),
                days(sm2.interval_days)
            )
        }
        (_, Schedule::New) => "new".into(),
    }
}
