//! Blocks into sections: every heading with text directly under it is one,
//! and a lesson without headings has a section per paragraph.

use super::lists::{ItemMark, item_section, mostly_paragraphs, rule_list};
use super::markdown::{Block, Kind};
use super::{Piece, PieceKind, Section, heading, numbered_as, without_marks};
use crate::lesson::language::{LEXICON, Role};

/// Open headings: (level, text, line, whether it numbers a step).
type Stack = Vec<(usize, Option<String>, usize, bool)>;

/// A heading opens: those of its level or deeper close, and it joins the
/// outline under the nearest named heading left open.
fn open_heading(stack: &mut Stack, outline: &mut Vec<(String, String)>, level: usize, b: &Block) {
    while stack.last().is_some_and(|(l, _, _, _)| *l >= level) {
        stack.pop();
    }
    let h = heading(&b.text());
    if let (Some(h), Some(up)) = (&h, stack.iter().rev().find_map(|(_, u, _, _)| u.as_ref())) {
        outline.push((h.clone(), up.clone()));
    }
    stack.push((level, h, b.line, numbers_a_step(&b.text())));
}

/// "Step 2: Set in the sleeves": a heading numbering a step (the label
/// "step" and a number, see [`numbered_as`]).
pub(super) fn numbers_a_step(heading: &str) -> bool {
    numbered_as(heading).is_some_and(|label| label == "step")
}

/// The section the deepest open heading opens, its parent its context.
fn section_of(stack: &Stack) -> Option<Section> {
    let (_, h, line, _) = stack.last()?;
    let context = stack
        .iter()
        .rev()
        .skip(1)
        .find_map(|(_, h, _, _)| h.clone());
    let mut opened = Section::plain(h.clone(), context, Vec::new(), *line);
    // (A part of a step, "### Place your binding" under "## Step 3: …", is
    // a step too.)
    opened.step = stack.iter().any(|(_, _, _, step)| *step);
    Some(opened)
}

/// What [`sections_of`] reads: the sections, the list items that may be
/// tips, and the outline.
pub(super) type Sectioned = (Vec<Section>, Vec<ItemMark>, Vec<(String, String)>);

/// Every heading with text directly under it is a section; its parent heading
/// is its context. Section 0 holds the introduction (text before any heading).
/// Also gives the list items that may be tips, and the outline: every
/// heading under another, with its parent (see `Lesson::outline`).
pub(super) fn sections_of(blocks: &[Block]) -> Sectioned {
    let mut sections: Vec<Section> = vec![Section::plain(None, None, Vec::new(), 0)];
    let mut marks = Vec::new();
    let mut outline = Vec::new();
    // Paragraphs opening with a bold label, in order (so by section).
    let mut labelled: Vec<ItemMark> = Vec::new();
    let mut stack: Stack = Vec::new();
    let mut open = true; // the deepest heading already has a section
    for b in blocks {
        match b.kind {
            Kind::Heading(level) => {
                open_heading(&mut stack, &mut outline, level, b);
                open = false;
            }
            _ => {
                if !open && let Some(opened) = section_of(&stack) {
                    sections.push(opened);
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
                        terms: Vec::new(),
                        lines: marked_lines(b),
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
                        terms: b.terms.clone(),
                        lines: marked_lines(b),
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
    announced_parts(&mut sections, &outline);
    (sections, marks, outline)
}

/// "To reach it from outside, use one of the following methods:" closing
/// a section whose next sections are its own parts ("### Load balancer",
/// "### Port forwarding"): their headings are the list its lead-in
/// announces, set after it as items (see docs/lessons.md, "What it
/// reads"); so is a last paragraph counting ways ([`counts_ways`]).
/// Parts named only by a number ("Option 1") list nothing.
fn announced_parts(sections: &mut [Section], outline: &[(String, String)]) {
    for section in sections.iter_mut() {
        let Some(h) = section.heading.clone() else {
            continue;
        };
        let announces = section.body.last().is_some_and(|p| {
            p.kind == PieceKind::Para && (p.text.ends_with(':') || counts_ways(&p.text))
        });
        // (From the outline: a part holding only code has no section.)
        let parts: Vec<String> = outline
            .iter()
            .filter(|(_, up)| *up == h)
            .map(|(part, _)| part.clone())
            .collect();
        let bare = |p: &String| numbered_as(p).is_some() && p.split_whitespace().count() <= 2;
        if !announces || parts.len() < 2 || parts.iter().any(bare) {
            continue;
        }
        // (Counting the ways, it leads into them as a colon would.)
        if let Some(last) = section.body.last_mut()
            && let Some(said) = last.text.strip_suffix('.')
        {
            last.text = format!("{said}:");
        }
        for text in parts {
            section.body.push(Piece::made(PieceKind::Item, text));
        }
    }
}

/// "There are several ways to make sure…": a paragraph saying how many
/// ways there are (lexicon role `choice-noun`) announces them as surely
/// as a colon does.
fn counts_ways(text: &str) -> bool {
    let lower = text.to_lowercase();
    let Some(rest) = lower.strip_prefix("there are ") else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().take(4).collect();
    let counted = words.first().is_some_and(|w| {
        matches!(
            *w,
            "several" | "many" | "multiple" | "various" | "two" | "three" | "four" | "five" | "a"
        )
    });
    counted
        && words
            .iter()
            .any(|w| LEXICON.is(w.trim_end_matches([',', '.', ':']), Role::ChoiceNoun))
}

/// A block's lines, without the pictographs marking it.
fn marked_lines(b: &Block) -> Vec<String> {
    let mut lines = b.lines.clone();
    if let Some(first) = lines.first_mut() {
        *first = without_marks(first);
    }
    lines
}

fn piece(b: &Block) -> Piece {
    Piece {
        kind: match b.kind {
            Kind::Item { .. } => PieceKind::Item,
            Kind::Quote => PieceKind::Quote,
            Kind::Row(_) => PieceKind::Row,
            _ => PieceKind::Para,
        },
        text: without_marks(&b.text()),
        stressed: b.stressed.clone(),
        code: b.code.clone(),
        numbered: matches!(b.kind, Kind::Item { numbered: true, .. }),
        nested: matches!(b.kind, Kind::Item { depth, .. } if depth > 0),
        line: b.line,
        label: match &b.kind {
            Kind::Item { label, .. } => label.clone(),
            Kind::Row(label) => Some(label.clone()),
            _ => None,
        },
    }
}

/// No headings: every paragraph is a section; list items join the paragraph
/// before them. But a list whose items are mostly paragraphs themselves (a
/// numbered list of tips, each explained) gives a section per item, unless
/// the paragraph before announced it ("Follow these steps:"), which then
/// holds it whole.
pub(super) fn headless(intro: Vec<Piece>) -> (Vec<Piece>, Vec<Section>) {
    let mut out: Vec<Section> = Vec::new();
    let mut announced = false;
    let mut rest = intro.into_iter().peekable();
    while let Some(p) = rest.next() {
        if p.kind != PieceKind::Item || out.is_empty() {
            if p.kind == PieceKind::Para {
                announced = p.text.ends_with(':');
            }
            match (p.kind, out.last_mut()) {
                // (A table's rows go with the paragraph before them.)
                (PieceKind::Quote | PieceKind::Row, Some(s)) => s.body.push(p),
                _ => {
                    let line = p.line;
                    out.push(Section::plain(None, None, vec![p], line));
                }
            }
            continue;
        }
        let mut list = vec![p];
        while let Some(item) = rest.next_if(|q| q.kind == PieceKind::Item) {
            list.push(item);
        }
        // (A nested item is part of the one above it, never a paragraph.)
        let texts = list.iter().map(|p| (!p.nested).then_some(p.text.as_str()));
        let top: Vec<&str> = list
            .iter()
            .filter(|p| !p.nested)
            .map(|p| p.text.as_str())
            .collect();
        if !announced && (mostly_paragraphs(texts) || rule_list(top.into_iter())) {
            // (A nested item goes with the item above it: "4. Compare
            // each identifier as follows:" and its sub-rules are one.)
            for item in list {
                match out.last_mut() {
                    Some(s) if item.nested => s.body.push(item),
                    _ => out.push(item_section(item)),
                }
            }
        } else if let Some(s) = out.last_mut() {
            s.body.extend(list);
        }
    }
    (Vec::new(), out)
}

/// In a lesson without headings, the text after a list of tips (a section
/// with no heading that is no tip) gets a section per paragraph, as a
/// lesson of paragraphs alone does (see [`headless`]).
pub(super) fn text_after_tips(sections: Vec<Section>) -> Vec<Section> {
    sections
        .into_iter()
        .flat_map(|s| {
            if s.heading.is_none() && !s.tip {
                headless(s.body).1
            } else {
                vec![s]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::lesson::read::tests::{headings, read_str};

    #[test]
    fn the_outline_keeps_headings_without_text() {
        let l = read_str(
            "# Principles\n\n## Start with needs\n\nResearch first.\n\n### Practical actions\n\n- **Start early.** Talk to users.\n- **Test.** Often.\n- **Share.** Widely.\n\n## Earn trust\n\nBe reliable.\n",
        );
        assert_eq!(
            l.outline,
            [(
                "Practical actions".to_string(),
                "Start with needs".to_string()
            ),]
        );
    }

    #[test]
    fn no_headings_makes_paragraph_sections() {
        let l = read_str(
            "Title\n\nFirst paragraph is long enough to be body, clearly so.\n\nSecond paragraph is long enough too, with more words in it.\n",
        );
        assert_eq!(headings(&l), ["-", "-"]);
    }

    #[test]
    fn a_list_of_paragraph_items_gives_a_section_per_item() {
        // Lead sentences too long to head a tip: each item is a paragraph.
        let l = read_str(
            "Teaching well\n\nA teacher sent us these notes after a long term.\n\n1. If you are giving a talk to a student who cannot see the screen, the slides should reach them a day or two before the class. They can then read along at their own pace.\n2. When you are drawing a diagram on the board for the whole class, it helps a great deal to describe every part of it aloud as you go. Not everyone can see the board.\n",
        );
        assert_eq!(l.sections.len(), 3);
        assert!(
            l.sections[1].body[0]
                .text
                .starts_with("If you are giving a talk")
        );
        // Each keeps the line it starts on, for warnings and `--json`.
        let lines: Vec<usize> = l.sections.iter().map(|s| s.line).collect();
        assert_eq!(lines, [3, 5, 6]);
    }

    #[test]
    fn a_list_of_short_items_or_an_announced_one_stays_with_its_paragraph() {
        let long = "1. If you are giving a talk to a student who cannot see the screen, the slides should reach them a day or two before the class. They can then read along at their own pace.\n2. When you are drawing a diagram on the board for the whole class, it helps a great deal to describe every part of it aloud as you go. Not everyone can see the board.\n";
        // Announced by a lead-in: the items of one paragraph.
        let l = read_str(&format!(
            "Teaching well\n\nA teacher sent us these notes, which come down to two things:\n\n{long}"
        ));
        assert_eq!(l.sections.len(), 1);
        // Mostly one-line items: a list.
        let l = read_str(&format!(
            "Teaching well\n\nA teacher sent us these notes after a long term.\n\n{long}3. Slides\n4. Boards\n5. Rooms\n"
        ));
        assert_eq!(l.sections.len(), 1);
    }
}
