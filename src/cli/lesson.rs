//! `rehearse lesson FILE [-o OUT] [--import]`: a lesson document becomes a
//! deck file of question cards (docs/lessons.md). The deck goes to OUT, or
//! to stdout unless `--import` is given: then stdout gets a summary of what
//! was made and imported, not the deck.

use std::path::PathBuf;

use clap::Args as ClapArgs;

use super::import::counts_line;
use super::render::{count, safe_line};
use super::{Ctx, Outcome, print, print_document};
use crate::error::Error;

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The lesson: Markdown or plain text
    file: PathBuf,
    /// Write the deck here instead of to stdout
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Also import the deck into the collection
    #[arg(long)]
    import: bool,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    let text = crate::error::read_text(&args.file)?;
    let deck = crate::lesson::generate(&args.file, &text)?;
    let toml = crate::deck::write(&deck);
    match &args.output {
        Some(out) => std::fs::write(out, &toml).map_err(|e| Error::io(out, &e))?,
        None if !args.import => print_document(&toml)?,
        None => {}
    }
    if args.import {
        let shown = args.output.clone().unwrap_or_else(|| args.file.clone());
        let draft = crate::deck::parse(&shown, &toml)?;
        let mut collection = ctx.open()?;
        if args.output.is_none() {
            print(&format!(
                "{}: {} made for deck \"{}\" (`-o FILE` also writes the deck file)",
                safe_line(&args.file.display().to_string()),
                count(draft.cards.len() as i64, "card"),
                safe_line(&draft.name)
            ))?;
        }
        let counts = collection.import_file(&[draft], false, &|_| {})?;
        for c in &counts {
            print(&counts_line(&shown, c))?;
        }
    }
    Ok(Outcome::Success)
}
