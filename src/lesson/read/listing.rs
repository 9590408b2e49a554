//! A lead-in completed by the labels of the list it leads into (see
//! docs/lessons.md, "What it reads"): "There are three ways to run a
//! club:" over "**One leader:** a single person decides." and its
//! siblings reads "There are three ways to run a club: One leader, A
//! committee, Open meetings.", the answer its section's heading asks for
//! once each item is a section of its own.

use super::lists::opens_with_advice;
use super::{Piece, PieceKind, Section};
use crate::lesson::text::word_count;

/// Most words of a label a lead-in is completed with.
const LISTED_LABEL_WORDS: usize = 5;

/// The lead-in completed by `labels`, as one paragraph, for a section
/// with a heading; None without a lead-in, a heading or labels of a few
/// words each naming things, not advice.
pub(super) fn lead_in_listing<'a>(
    s: &Section,
    lead_in: &Option<String>,
    labels: impl Iterator<Item = &'a str>,
) -> Option<Piece> {
    let lead = lead_in.as_ref()?;
    s.heading.as_ref()?;
    let labels: Vec<&str> = labels.map(|l| l.trim_end_matches([':', '.'])).collect();
    // (Labels that advise, "Use tools", are tips, each its own answer.)
    if !labels
        .iter()
        .all(|l| (1..=LISTED_LABEL_WORDS).contains(&word_count(l)) && !opens_with_advice(l))
    {
        return None;
    }
    let line = s
        .body
        .iter()
        .find(|p| &p.text == lead)
        .map_or(s.line, |p| p.line);
    Some(Piece {
        kind: PieceKind::Para,
        text: format!("{lead} {}.", labels.join(", ")),
        stressed: Vec::new(),
        code: Vec::new(),
        numbered: false,
        label: None,
        nested: false,
        line,
    })
}
