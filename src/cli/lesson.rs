//! `rehearse lesson FILE [-o OUT] [--import]`: a lesson document becomes a
//! deck file of question cards (docs/lessons.md).

use std::path::PathBuf;

use clap::Args as ClapArgs;

use super::import::counts_line;
use super::{Ctx, Outcome, print, print_document, print_err};
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
        None => print_document(&toml)?,
    }
    if args.import {
        let shown = args.output.clone().unwrap_or_else(|| args.file.clone());
        let draft = crate::deck::parse(&shown, &toml)?;
        let mut collection = ctx.open()?;
        let counts = collection.import_file(&[draft], false, &|_| {})?;
        for c in &counts {
            let line = counts_line(&shown, c);
            // stdout carries the deck when there is no -o: keep it clean.
            if args.output.is_some() {
                print(&line)?;
            } else {
                print_err(&line);
            }
        }
    }
    Ok(Outcome::Success)
}
