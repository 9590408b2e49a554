//! Blocks into sections: every heading with text directly under it is one,
//! and a lesson without headings has a section per paragraph.

use super::lists::ItemMark;
use super::markdown::{Block, Kind};
use super::{Piece, PieceKind, Section, heading};

/// Every heading with text directly under it is a section; its parent heading
/// is its context. Section 0 holds the introduction (text before any heading).
pub(super) fn sections_of(blocks: &[Block]) -> (Vec<Section>, Vec<ItemMark>) {
    let mut sections: Vec<Section> = vec![Section::plain(None, None, Vec::new(), 0)];
    let mut marks = Vec::new();
    // Paragraphs opening with a bold label, in order (so by section).
    let mut labelled: Vec<ItemMark> = Vec::new();
    // Open headings: (level, text, line).
    let mut stack: Vec<(usize, Option<String>, usize)> = Vec::new();
    let mut open = true; // the deepest heading already has a section
    for b in blocks {
        match b.kind {
            Kind::Heading(level) => {
                while stack.last().is_some_and(|(l, _, _)| *l >= level) {
                    stack.pop();
                }
                stack.push((level, heading(&b.text()), b.line));
                open = false;
            }
            _ => {
                if !open && let Some((_, h, line)) = stack.last() {
                    let context = stack.iter().rev().skip(1).find_map(|(_, h, _)| h.clone());
                    sections.push(Section::plain(h.clone(), context, Vec::new(), *line));
                    open = true;
                }
                let section = sections.len() - 1;
                let s = sections.last_mut().expect("never empty");
                if s.body.is_empty() && section == 0 {
                    s.line = b.line;
                }
                s.body.push(piece(b));
                if b.kind == Kind::Para
                    && let Some(lead) = &b.lead
                {
                    let index = labelled
                        .last()
                        .filter(|m| m.section == section)
                        .map_or(0, |m| m.index + 1);
                    labelled.push(ItemMark {
                        section,
                        row: s.body.len() - 1,
                        index,
                        numbered: false,
                        label: Some(lead.clone()),
                        lines: b.lines.clone(),
                        line: b.line,
                    });
                }
                if let Kind::Item {
                    depth: 0,
                    label,
                    index,
                    numbered,
                } = &b.kind
                {
                    marks.push(ItemMark {
                        section,
                        row: s.body.len() - 1,
                        index: *index,
                        numbered: *numbered,
                        label: label.clone(),
                        lines: b.lines.clone(),
                        line: b.line,
                    });
                }
            }
        }
    }
    // "**Pay it down early.** Debt grows…", three times or more under one
    // heading: paragraphs of tips, each its own section like a list's.
    for run in labelled.chunk_by(|a, b| a.section == b.section) {
        if run.len() >= 3 {
            marks.extend(run.iter().cloned());
        }
    }
    marks.sort_by_key(|m| (m.section, m.row));
    (sections, marks)
}

fn piece(b: &Block) -> Piece {
    Piece {
        kind: match b.kind {
            Kind::Item { .. } => PieceKind::Item,
            Kind::Quote => PieceKind::Quote,
            _ => PieceKind::Para,
        },
        text: b.text(),
        stressed: b.stressed.clone(),
        numbered: matches!(b.kind, Kind::Item { numbered: true, .. }),
        label: match &b.kind {
            Kind::Item { label, .. } => label.clone(),
            _ => None,
        },
    }
}

/// No headings: every paragraph is a section; list items join the paragraph
/// before them.
pub(super) fn headless(intro: Vec<Piece>) -> (Vec<Piece>, Vec<Section>) {
    let mut out: Vec<Section> = Vec::new();
    for p in intro {
        match (p.kind, out.last_mut()) {
            (PieceKind::Item | PieceKind::Quote, Some(s)) => s.body.push(p),
            _ => out.push(Section::plain(None, None, vec![p], 0)),
        }
    }
    (Vec::new(), out)
}

#[cfg(test)]
mod tests {
    use crate::lesson::read::tests::{headings, read_str};

    #[test]
    fn no_headings_makes_paragraph_sections() {
        let l = read_str(
            "Title\n\nFirst paragraph is long enough to be body, clearly so.\n\nSecond paragraph is long enough too, with more words in it.\n",
        );
        assert_eq!(headings(&l), ["-", "-"]);
    }
}
