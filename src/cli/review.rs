//! `rehearse review`: the daily session (docs/review-session.md). The session logic lives in
//! `crate::review`; here are its two front ends — single keys on a terminal
//! (with a progress bar), and a line protocol on piped stdin for scripts and
//! tests — and the driver that commits every answer as it is given.

mod forms;
mod json;
mod layout;
mod lines;
mod terminal;
mod text;

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use clap::Args as ClapArgs;

use serde::Serialize;

use super::render::{capped_note, count, days, relative_day, safe_line};
use super::{Ctx, Outcome, print, print_err};
use crate::clock::{Clock, day_number};
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

/// A line shown above the cards (the day's counts, an interview
/// countdown, the cram note), with a shorter form for a narrow terminal.
#[derive(Debug, Clone)]
pub struct Banner {
    pub text: String,
    pub short: String,
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
        preview: &Preview,
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

/// What each grade would store, as shown with a card: `text` for people
/// ("again 1d · hard 6d · …"), `choices` for `--json`.
pub struct Preview {
    pub text: String,
    pub choices: Vec<Choice>,
}

/// One grade's outcome in the preview: the days until the due day it
/// would store, and that day.
#[derive(Serialize)]
pub struct Choice {
    grade: &'static str,
    days: i64,
    due: String,
    capped: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open()?;
    if collection.is_empty()? {
        import_starter_decks(&mut collection)?;
    }
    let settings = collection.settings()?;
    let clock = ctx.clock(&settings);
    let planned = if args.cram {
        cram_session(ctx, &collection, &args)?
    } else {
        due_session(ctx, &collection, &args, &clock, &settings)?
    };
    let Some(Plan {
        mut session,
        banner,
        due,
        new,
    }) = planned
    else {
        return Ok(Outcome::Success);
    };
    let started = Instant::now();
    let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    // `--json` speaks JSON lines, on a terminal too (docs/json-output.md).
    let mut front: Box<dyn Frontend> = if ctx.json {
        Box::new(json::JsonLines::start(session.total, due, new)?)
    } else if interactive {
        Box::new(terminal::Terminal::start(ctx.color, session.total, banner)?)
    } else {
        for line in &banner {
            print(&line.text)?;
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
    let ending = Ending::new(
        &collection,
        &session,
        args.deck.as_deref(),
        &clock,
        &settings,
        started.elapsed(),
    )?;
    if ctx.json {
        json::print_line(&json::Event::End(&ending))?;
    } else {
        print(&ending.text())?;
    }
    Ok(Outcome::Success)
}

/// A first session on an empty collection starts with the bundled decks.
fn import_starter_decks(collection: &mut Collection) -> anyhow::Result<()> {
    let counts = crate::bundled::import_all(collection)?;
    let cards: usize = counts.iter().map(|c| c.added).sum();
    let names: Vec<String> = counts.iter().map(|c| format!("\"{}\"", c.deck)).collect();
    print_err(&format!(
        "first run: imported the {} starter decks ({}): {}",
        counts.len(),
        count(cards as i64, "card"),
        names.join(", ")
    ));
    Ok(())
}

/// A session and the lines shown above its cards; `None` (after saying
/// so) when there is nothing to review.
type Planned = Option<Plan>;

struct Plan {
    session: Session,
    banner: Vec<Banner>,
    /// Its learned cards and new cards (none in a cram: all are drills).
    due: usize,
    new: usize,
}

/// `--cram`: every card, weakest first, as drills.
fn cram_session(ctx: &Ctx, collection: &Collection, args: &Args) -> anyhow::Result<Planned> {
    let mut cards = collection.cram_cards(args.deck.as_deref())?;
    if let Some(n) = args.limit {
        cards.truncate(n);
    }
    if cards.is_empty() {
        let text = "no cards to cram: `rehearse import FILE` adds some";
        say_nothing(ctx, text, None, 0)?;
        return Ok(None);
    }
    let cards_n = count(cards.len() as i64, "card");
    let banner = vec![Banner {
        text: format!(
            "cram: {cards_n}, weakest first; answers are practice and change no schedule"
        ),
        short: format!("cram: {cards_n} · practice only"),
    }];
    Ok(Some(Plan {
        session: Session::cram(cards),
        banner,
        due: 0,
        new: 0,
    }))
}

/// The day's session: due reviews and new cards, in a seeded order, with a
/// countdown line for each coming interview of the decks in it.
fn due_session(
    ctx: &Ctx,
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
        let next = collection.next_due_after(deck, today)?;
        let text = nothing_due(deck, today, next, held_back, settings);
        say_nothing(ctx, &text, next, held_back)?;
        return Ok(None);
    }
    // The session's cards in the words of docs/stats.md: learned cards are
    // "due", never-answered ones "new".
    let new = cards.iter().filter(|c| c.schedule == Schedule::New).count();
    let due = cards.len() - new;
    let today_line = format!("today: {due} due · {new} new");
    let mut banner = vec![Banner {
        short: today_line.clone(),
        text: today_line,
    }];
    for interview in collection.interviews()? {
        let in_session = deck.is_none_or(|d| d == interview.deck);
        if in_session && interview.day > today {
            let new = cards
                .iter()
                .filter(|c| c.deck_id == interview.deck_id && c.schedule == Schedule::New)
                .count();
            let days_left = (interview.day - today).num_days();
            let deck = safe_line(&interview.deck);
            banner.push(Banner {
                text: format!(
                    "interview in {} ({deck}): {} today",
                    count(days_left, "day"),
                    count(new as i64, "new card")
                ),
                short: format!("interview in {}: {new} new today ({deck})", days(days_left)),
            });
        }
    }
    Ok(Some(Plan {
        session: Session::new(cards),
        banner,
        due,
        new,
    }))
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
) -> anyhow::Result<Preview> {
    if entry.kind == ReviewKind::Drill {
        return Ok(Preview {
            text: "repeat: the schedule is already set, this only practises".into(),
            choices: Vec::new(),
        });
    }
    let today = clock.today();
    let choices: Vec<Choice> = collection
        .preview(&entry.card, clock, settings)?
        .iter()
        .map(|(g, out)| Choice {
            grade: g.name(),
            days: (out.due - today).num_days(),
            due: out.due.to_string(),
            capped: out.capped,
        })
        .collect();
    let text = choices
        .iter()
        .map(|c| {
            let capped = if c.capped { " (capped)" } else { "" };
            format!("{} {}{capped}", c.grade, days(c.days))
        })
        .collect::<Vec<_>>()
        .join(" · ");
    Ok(Preview { text, choices })
}

/// Says there is nothing to review: a sentence, or with `--json` one
/// `nothing` line giving the next due day and the new cards held back.
fn say_nothing(
    ctx: &Ctx,
    text: &str,
    next_due: Option<NaiveDate>,
    new_held_back: i64,
) -> anyhow::Result<()> {
    if ctx.json {
        json::print_line(&json::Event::Nothing {
            next_due: next_due.map(|d| d.to_string()),
            new_held_back,
        })?;
    } else {
        print(text)?;
    }
    Ok(())
}

fn nothing_due(
    deck: Option<&str>,
    today: NaiveDate,
    next: Option<NaiveDate>,
    held_back: i64,
    settings: &Settings,
) -> String {
    let mut text = String::from("nothing due now");
    if let Some(d) = deck {
        text.push_str(&format!(" in deck \"{}\"", safe_line(d)));
    }
    text.push('.');
    match next {
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
        let verb = if held_back == 1 { "waits" } else { "wait" };
        text.push_str(&format!(
            "\n{} {verb} for tomorrow (new_per_day = {}).",
            count(held_back, "new card"),
            settings.new_per_day
        ));
    }
    text
}

/// The end of a session: what was done, what is left today, and what
/// tomorrow brings, counted as `decks` and `stats` count them
/// (docs/stats.md).
#[derive(Serialize)]
pub struct Ending {
    cards_reviewed: usize,
    answers: usize,
    again: usize,
    /// Share of passed answers, `None` without answers.
    accuracy: Option<f64>,
    seconds: u64,
    /// Learned cards a session started now would still show.
    due: i64,
    /// New cards a session started now would still show.
    new: i64,
    /// Learned cards whose due day is tomorrow.
    due_tomorrow: i64,
    streak: u32,
}

impl Ending {
    fn new(
        collection: &Collection,
        session: &Session,
        deck: Option<&str>,
        clock: &Clock,
        settings: &Settings,
        elapsed: Duration,
    ) -> anyhow::Result<Ending> {
        let answers = session.answers();
        let days = collection.answer_days(None, clock)?;
        let streak = crate::stats::streak(days.iter().map(|(day, _)| *day), clock.today()).current;
        let counts: Vec<_> = collection
            .deck_counts(clock, settings)?
            .into_iter()
            .filter(|c| deck.is_none_or(|d| d == c.name))
            .collect();
        Ok(Ending {
            cards_reviewed: session.cards_reviewed(),
            answers,
            again: session.again,
            accuracy: (answers > 0).then(|| session.passed as f64 / answers as f64),
            seconds: elapsed.as_secs(),
            due: counts.iter().map(|c| c.due).sum(),
            new: counts.iter().map(|c| c.new_today).sum(),
            due_tomorrow: counts.iter().map(|c| c.due_tomorrow).sum(),
            streak,
        })
    }

    fn text(&self) -> String {
        let accuracy = self
            .accuracy
            .map_or("-".to_string(), |a| format!("{:.0}%", 100.0 * a));
        let mut text = format!(
            "session over: {} reviewed, {}, {} again · accuracy {accuracy} · time {}m {:02}s\n",
            count(self.cards_reviewed as i64, "card"),
            count(self.answers as i64, "answer"),
            self.again,
            self.seconds / 60,
            self.seconds % 60
        );
        if self.due + self.new > 0 {
            text.push_str(&format!(
                "left for later today: {} due · {} new\n",
                self.due, self.new
            ));
        }
        text.push_str(&format!(
            "streak: {} · due tomorrow: {}",
            count(self.streak, "day"),
            count(self.due_tomorrow, "card")
        ));
        text
    }
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
