//! `rehearse edit ID` (README.md, "Editing a card"): the card's note in
//! `$EDITOR` as a small TOML file, then its new text into the collection,
//! schedule and history kept.
//!
//! The editor is `$EDITOR`, else `$VISUAL`, else `vi`, run through `sh` as
//! git does, so `EDITOR="code --wait"` works. Text that does not read back
//! is an error naming the file and line; that file is then kept, so the
//! edit is not lost, and the card is unchanged.

use std::path::Path;
use std::process::Command;

use clap::Args as ClapArgs;

use super::render::safe_line;
use super::{Ctx, Outcome, print, print_json};
use crate::domain::{CardKind, NoteText};
use crate::error::Error;

#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The card: its id, a unique prefix of it, or DECK:ID
    id: String,
    /// Look for the id in this deck (and its subdecks) only
    #[arg(long, value_name = "D")]
    deck: Option<String>,
}

#[derive(serde::Serialize)]
struct EditJson<'a> {
    id: &'a str,
    deck: &'a str,
    changed: bool,
    /// Cards of the note that took the new text.
    cards: usize,
}

pub fn run(ctx: &Ctx, args: Args) -> anyhow::Result<Outcome> {
    let mut collection = ctx.open_existing()?;
    let card = collection.find_card(&args.id, args.deck.as_deref())?;
    let note = NoteText::of(&card);
    let ords = match card.draft.kind {
        CardKind::Cloze { .. } => collection.note_cloze_numbers(&card)?,
        _ => Vec::new(),
    };
    let comment = header(card.id().as_str(), &card.deck, &card.draft.kind);
    let text = crate::deck::write_note(&note, &comment);
    let file = tempfile::Builder::new()
        .prefix("rehearse-edit-")
        .suffix(".toml")
        .tempfile()?;
    std::fs::write(file.path(), &text)?;
    run_editor(file.path())?;
    let edited = crate::error::read_text(file.path())?;
    let new = match crate::deck::read_note(file.path(), &edited, &note, &ords) {
        Ok(new) => new,
        Err(e) => {
            // Kept, so that the edit can be fixed and not typed again.
            let _ = file.keep();
            return Err(anyhow::anyhow!(
                "{e} (the card is unchanged; your text is kept in that file)"
            ));
        }
    };
    let changed = new != note;
    let cards = if changed {
        collection.edit_note(&card, &new)?
    } else {
        0
    };
    if ctx.json {
        print_json(&EditJson {
            id: card.id().as_str(),
            deck: &card.deck,
            changed,
            cards,
        })?;
    } else if changed {
        let others = match cards {
            0 | 1 => String::new(),
            n => format!(" and the {} other cards of its note", n - 1),
        };
        print(&format!(
            "edited `{}`{others} (deck \"{}\"); schedule and history kept",
            safe_line(card.id().as_str()),
            safe_line(&card.deck)
        ))?;
    } else {
        print(&format!(
            "no change to `{}`: nothing was written",
            safe_line(card.id().as_str())
        ))?;
    }
    Ok(Outcome::Success)
}

/// The comment at the top of the file: which card, and what saving does.
fn header(id: &str, deck: &str, kind: &CardKind) -> String {
    let what = match kind {
        CardKind::Basic => "its front and back (a reverse card `#r` follows them)",
        CardKind::Reverse => "the note it reverses: `front` is what the card shows as its back",
        CardKind::Cloze { .. } => "its note's text, which every `#cN` card of the note shows",
    };
    format!(
        "rehearse edit: card `{id}` of deck \"{deck}\".\n\
         This file holds {what}.\n\
         Save and quit to apply; the schedule and history are kept.\n\
         Lines starting with # are ignored."
    )
}

/// `$EDITOR`, else `$VISUAL`, else `vi`, on `path`; an error when it
/// cannot start or fails.
fn run_editor(path: &Path) -> anyhow::Result<()> {
    let editor = ["EDITOR", "VISUAL"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().into_owned())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string());
    // `sh -c 'EDITOR "$@"' sh PATH`: the editor may carry arguments, the
    // path is passed as it is.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg("sh")
        .arg(path)
        .status();
    let fail = |message: String| Error::Editor {
        editor: editor.clone(),
        message,
    };
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(fail(match s.code() {
            Some(code) => format!("exited with status {code}"),
            None => "was stopped by a signal".into(),
        })
        .into()),
        Err(e) => Err(fail(format!("cannot run it: {e}")).into()),
    }
}
