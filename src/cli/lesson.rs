//! `rehearse lesson FILE [-o OUT] [--import] [--explain]`: a lesson document
//! becomes a deck file of question cards (see docs/lessons.md).
//!
//! stdout carries the deck when there is no `-o` (with `--import`, a summary
//! of what was made and imported instead); `--explain` prints, instead,
//! each card with the sentence it came from and why; `--json` prints the
//! sections found (and the deck's TOML when there is no `-o`). Warnings about
//! the lesson's structure go to stderr.

use std::path::PathBuf;

use clap::Args as ClapArgs;
use serde::Serialize;

use super::import::counts_line;
use super::render::{count, safe_line};
use super::{Ctx, Outcome, print, print_document, print_err, print_json};
use crate::error::Error;
use crate::lesson::{Explained, SectionReport};

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The lesson: Markdown or plain text
    file: PathBuf,
    /// Write the deck here instead of to stdout (`-` is stdout)
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Also import the deck into the collection
    #[arg(long)]
    import: bool,
    /// Print each card with the sentence it came from and why it was chosen
    #[arg(long)]
    explain: bool,
}

#[derive(Serialize)]
struct LessonJson<'a> {
    title: &'a str,
    sections: &'a [SectionReport],
    cards: usize,
    warnings: &'a [String],
    /// Where the deck was written, when `-o` was given.
    output: Option<String>,
    /// The deck's TOML, when there is no `-o`.
    deck: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explain: Option<Vec<ExplainJson<'a>>>,
}

#[derive(Serialize)]
struct ExplainJson<'a> {
    id: &'a str,
    sources: &'a [String],
    why: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    runners_up: &'a [String],
}

pub fn run(ctx: &Ctx, mut args: Args) -> anyhow::Result<Outcome> {
    // `-o -` is stdout, as with other Unix tools, not a file named "-".
    args.output = args.output.filter(|p| p.as_os_str() != "-");
    let text = crate::error::read_text(&args.file)?;
    let generated = crate::lesson::analyse(&args.file, &text)?;
    for w in &generated.warnings {
        print_err(&format!("warning: {w}"));
    }
    let deck = &generated.deck;
    let toml = crate::deck::write(deck);
    if let Some(out) = &args.output {
        std::fs::write(out, &toml).map_err(|e| Error::io(out, &e))?;
    }
    if ctx.json {
        print_json(&LessonJson {
            title: &deck.name,
            sections: &generated.sections,
            cards: deck.cards.len(),
            warnings: &generated.warnings,
            output: args.output.as_ref().map(|p| p.display().to_string()),
            deck: args.output.is_none().then_some(toml.as_str()),
            explain: args.explain.then(|| {
                generated
                    .explained
                    .iter()
                    .map(|e| ExplainJson {
                        id: &e.id,
                        sources: &e.sources,
                        why: &e.why,
                        runners_up: &e.runners_up,
                    })
                    .collect()
            }),
        })?;
    } else if args.explain {
        print(&explain_text(deck, &generated.explained))?;
    } else if args.output.is_none() && !args.import {
        print_document(&toml)?;
    }
    if args.import {
        let shown = args.output.clone().unwrap_or_else(|| args.file.clone());
        let draft = crate::deck::parse(&shown, &toml)?;
        // stdout carries the JSON document or the explanation when asked
        // for: the import is then reported on stderr.
        let report = |line: &str| -> std::io::Result<()> {
            if ctx.json || args.explain {
                print_err(line);
                Ok(())
            } else {
                print(line)
            }
        };
        if args.output.is_none() {
            report(&format!(
                "{}: {} made for deck \"{}\" (`-o FILE` also writes the deck file)",
                safe_line(&args.file.display().to_string()),
                count(draft.cards.len() as i64, "card"),
                safe_line(&draft.name)
            ))?;
        }
        let mut collection = ctx.open()?;
        let counts = collection.import_file(&[draft], false, &|_| {})?;
        for c in &counts {
            report(&counts_line(&shown, c))?;
        }
    }
    Ok(Outcome::Success)
}

/// Each card, its text, the sentences it came from and why.
fn explain_text(deck: &crate::deck::DeckFile, explained: &[Explained]) -> String {
    let mut out = String::new();
    for card in &deck.cards {
        let id = card.id.as_deref().unwrap_or("");
        out.push_str(&format!("{id}\n"));
        if let Some(cloze) = &card.cloze {
            out.push_str(&format!("  cloze:  {cloze}\n"));
        }
        if let Some(front) = &card.front {
            out.push_str(&format!("  front:  {front}\n"));
        }
        if let Some(back) = &card.back {
            out.push_str(&format!("  back:   {back}\n"));
        }
        if let Some(e) = explained.iter().find(|e| e.id == id) {
            for s in &e.sources {
                out.push_str(&format!("  from:   {s}\n"));
            }
            out.push_str(&format!("  why:    {}\n", e.why));
            // The best sentences left off the back, with their scores.
            for r in &e.runners_up {
                out.push_str(&format!("  next:   {r}\n"));
            }
        }
        out.push('\n');
    }
    out
}
