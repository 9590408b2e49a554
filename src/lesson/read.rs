//! Reading a lesson's structure: title, introduction, sections.
//!
//! The document is cut into blocks by pulldown-cmark (paragraphs, list items
//! with their depth and bold label, quotes, headings; code, tables and HTML
//! are left out), keeping each paragraph's source lines. Then (see
//! docs/lessons.md):
//!
//! - With Markdown headings below the title, every heading that has text
//!   directly under it is a section, with its parent heading as context: a
//!   `###` tip under a `##` group is its own section.
//! - Without them, the text is plain: every heading-like line starts a
//!   section, blank lines around it or not ([`heading_like`]).
//! - A list whose items each open with a bold label or a lead sentence is a
//!   list of tips: one section per item.
//! - With no heading at all, each paragraph is a section.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::text::{ends_sentence, is_title_case, sentences, squash, word_count};
use crate::error::{Error, Result};

/// A lesson's structure, text already plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub title: String,
    /// Text before the first section.
    pub intro: Vec<Piece>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading as written (numbering and final period removed), or
    /// `None` for a paragraph of a lesson without headings.
    pub heading: Option<String>,
    /// The heading this section sits under, when it is not the title.
    pub context: Option<String>,
    /// For a tip of a list: the sentence that introduced the list
    /// ("Small changes are:").
    pub lead_in: Option<String>,
    /// The heading was written as a sentence (a tip's lead sentence): if it
    /// can open with a verb, it does.
    pub sentence_heading: bool,
    pub body: Vec<Piece>,
    /// 1-based line of the heading (or of the first text) in the file.
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    Para,
    /// A list item: may be a fragment ("Least loaded"), never clozed alone.
    Item,
    /// Quoted text (a script, a quotation): never an answer.
    Quote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub kind: PieceKind,
    pub text: String,
}

/// Line endings made `\n`, byte-order mark and tabs removed.
pub fn normalize(text: &str) -> String {
    text.trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace('\t', "    ")
}

/// Refuses text with control characters: it is not a lesson but a binary file.
pub fn check_text(path: &Path, text: &str) -> Result<()> {
    for (i, line) in text.lines().enumerate() {
        if let Some(c) = line
            .chars()
            .find(|&c| c.is_control() && c != '\t' && c != '\u{c}')
        {
            return Err(Error::Line {
                path: path.to_path_buf(),
                line: i + 1,
                message: format!(
                    "control character U+{:04X}: this looks like a binary file, not a lesson",
                    c as u32
                ),
            });
        }
    }
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Heading(usize),
    Para,
    Item {
        depth: usize,
        /// Position in its list (0 for the first item) and the list's length.
        index: usize,
        /// A bold (or emphasised) label opening the item.
        label: Option<String>,
    },
    Quote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Block {
    kind: Kind,
    /// Plain text, one entry per source line.
    lines: Vec<String>,
    line: usize,
}

impl Block {
    fn text(&self) -> String {
        squash(&self.lines.join(" "))
    }
}

/// Plain text bullets ("•", "◦") as Markdown list markers, so that a list
/// copied from a web page reads as a list.
fn markdown_bullets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let bullet = ['•', '◦', '▪', '‣', '·']
            .iter()
            .find_map(|b| trimmed.strip_prefix(*b));
        match bullet {
            Some(rest) => {
                let nested = indent > 0 || trimmed.starts_with('◦');
                out.push_str(if nested { "  - " } else { "- " });
                out.push_str(rest.trim_start());
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Looks like a line of program code pasted without a fence.
fn is_code_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let words = word_count(t);
    t.ends_with(';')
        || t.ends_with('{')
        || t == "}"
        || t.starts_with("//")
        || t.starts_with("}")
        || t.contains("()")
        || (t.ends_with(')') && t.contains('(') && !t.contains(" ("))
        || (t.contains(" = ") && !t.contains(". ") && words <= 8)
        || t.starts_with("let ")
        || t.starts_with("const ")
        || t.starts_with("var ")
        || t.starts_with("fn ")
        || t.starts_with("def ")
}

/// Does the text use Markdown headings (`#`, or a line underlined)?
fn has_markdown_headings(text: &str) -> bool {
    let mut prev = "";
    for line in text.lines() {
        let t = line.trim_start();
        let hashes = t.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') && line.len() - t.len() < 4 {
            return true;
        }
        let rule = line.trim();
        if !prev.trim().is_empty()
            && rule.len() >= 3
            && (rule.chars().all(|c| c == '=') || rule.chars().all(|c| c == '-'))
        {
            return true;
        }
        prev = line;
    }
    false
}

/// In plain text, a line right under a list item and not indented is not
/// the item's continuation (as Markdown would read it) but new text: a blank
/// line goes between them.
fn end_lazy_items(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len() + 64);
    // For each output line, the 1-based input line.
    let mut lines = Vec::new();
    let mut in_item = false;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        let marker = t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with("+ ")
            || (digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") ")));
        if t.trim().is_empty() {
            in_item = false;
        } else if marker {
            // A numbered line under a paragraph starts a list (Markdown
            // would read "2. …" as the paragraph's continuation).
            if !in_item && indent == 0 && !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
                lines.push(lines.last().copied().unwrap_or(1));
            }
            in_item = true;
        } else if in_item && indent == 0 {
            out.push('\n');
            lines.push(
                lines
                    .len()
                    .saturating_sub(0)
                    .min(lines.last().copied().unwrap_or(1)),
            );
            in_item = false;
        }
        out.push_str(line);
        lines.push(lines.last().copied().unwrap_or(0) + 1);
    }
    (out, lines)
}

fn blocks(text: &str) -> Vec<Block> {
    let text = markdown_bullets(text);
    let (text, original) = if has_markdown_headings(&text) {
        (text, Vec::new())
    } else {
        end_lazy_items(&text)
    };
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |offset: usize| {
        let n = line_starts.partition_point(|&s| s <= offset);
        original.get(n - 1).copied().unwrap_or(n)
    };

    let mut out: Vec<Block> = Vec::new();
    // The block being filled, its lines and open inline state.
    let mut current: Option<Block> = None;
    // Per open list, the indexes in `out` of its items.
    let mut list_stack: Vec<Vec<usize>> = Vec::new();
    let mut item_stack: Vec<Option<usize>> = Vec::new();
    let mut quote_depth = 0usize;
    let mut skip_depth = 0usize; // inside code, tables, HTML, images
    let mut strong_depth = 0usize;
    let mut label: Option<String> = None;
    let mut label_open = false;
    let mut text_seen_in_item = false;

    let flush = |current: &mut Option<Block>, out: &mut Vec<Block>| {
        if let Some(mut b) = current.take() {
            b.lines = b
                .lines
                .iter()
                .map(|l| squash(l))
                .filter(|l| !l.is_empty())
                .collect();
            if !b.lines.is_empty() {
                out.push(b);
            }
        }
    };

    for (event, range) in Parser::new_ext(&text, Options::ENABLE_TABLES).into_offset_iter() {
        if skip_depth > 0 {
            match event {
                Event::Start(Tag::CodeBlock(_) | Tag::Table(_) | Tag::Image { .. }) => {
                    skip_depth += 1
                }
                Event::End(TagEnd::CodeBlock | TagEnd::Table | TagEnd::Image) => skip_depth -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Table(_) | Tag::Image { .. }) => {
                flush(&mut current, &mut out);
                skip_depth = 1;
            }
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, &mut out);
                current = Some(Block {
                    kind: Kind::Heading(level as usize),
                    lines: vec![String::new()],
                    line: line_of(range.start),
                });
            }
            Event::Start(Tag::Paragraph) => {
                // A paragraph inside an item continues the item's text.
                let in_item = item_stack.last().is_some_and(Option::is_none);
                if !in_item {
                    flush(&mut current, &mut out);
                    current = Some(Block {
                        kind: if quote_depth > 0 {
                            Kind::Quote
                        } else {
                            Kind::Para
                        },
                        lines: vec![String::new()],
                        line: line_of(range.start),
                    });
                } else if let Some(b) = current.as_mut() {
                    b.lines.push(String::new());
                }
            }
            Event::Start(Tag::BlockQuote(_)) => {
                flush(&mut current, &mut out);
                quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                flush(&mut current, &mut out);
                quote_depth = quote_depth.saturating_sub(1);
            }
            Event::Start(Tag::List(_)) => {
                flush(&mut current, &mut out);
                // The item that holds this list is done with its own text.
                if let Some(slot) = item_stack.last_mut() {
                    *slot = Some(0);
                }
                list_stack.push(Vec::new());
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut current, &mut out);
                list_stack.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut out);
                item_stack.push(None);
                label = None;
                label_open = false;
                text_seen_in_item = false;
                let index = list_stack.last().map_or(0, Vec::len);
                current = Some(Block {
                    kind: Kind::Item {
                        depth: list_stack.len().saturating_sub(1),
                        index,
                        label: None,
                    },
                    lines: vec![String::new()],
                    line: line_of(range.start),
                });
                if let Some(items) = list_stack.last_mut() {
                    items.push(out.len());
                }
            }
            Event::End(TagEnd::Item) => {
                label = None;
                flush(&mut current, &mut out);
                item_stack.pop();
            }
            Event::Start(Tag::Strong | Tag::Emphasis) => {
                strong_depth += 1;
                if item_stack.last().is_some_and(Option::is_none) && !text_seen_in_item {
                    label_open = true;
                    label.get_or_insert_with(String::new);
                }
            }
            Event::End(TagEnd::Strong | TagEnd::Emphasis) => {
                strong_depth = strong_depth.saturating_sub(1);
                if strong_depth == 0 && label_open {
                    label_open = false;
                    if let Some(Block {
                        kind: Kind::Item { label: l, .. },
                        ..
                    }) = current.as_mut()
                    {
                        *l = label.clone().map(|s| squash(&s)).filter(|s| !s.is_empty());
                    }
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(b) = current.as_mut() {
                    if let Some(last) = b.lines.last_mut() {
                        last.push_str(&t);
                    }
                    if label_open {
                        if let Some(l) = label.as_mut() {
                            l.push_str(&t);
                        }
                    } else if item_stack.last().is_some_and(Option::is_none) && !t.trim().is_empty()
                    {
                        text_seen_in_item = true;
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = current.as_mut() {
                    b.lines.push(String::new());
                }
                if label_open && let Some(l) = label.as_mut() {
                    l.push(' ');
                }
            }
            Event::End(TagEnd::Paragraph) => {
                let in_item = item_stack.last().is_some_and(Option::is_none);
                if !in_item {
                    flush(&mut current, &mut out);
                }
            }
            Event::End(TagEnd::Heading(_)) => flush(&mut current, &mut out),
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    // Alerts ("[!NOTE]") and leftover markers are not text.
    for b in &mut out {
        b.lines
            .retain(|l| !(l.starts_with("[!") && l.ends_with(']')));
    }
    out.retain(|b| !b.lines.is_empty());
    out
}

/// A heading's text, or `None` when nothing is left to name a section by.
fn heading(text: &str) -> Option<String> {
    Some(clean_heading(text)).filter(|h| h.chars().any(char::is_alphanumeric))
}

/// Removes a numbering ("1.", "Step 2:", "Tip 3 —", "3)") and a final period
/// or colon.
pub fn clean_heading(text: &str) -> String {
    let mut t = text.trim();
    // "Step 2:", "Tip 3 —": a word, a number, a mark.
    let mut words = t.splitn(3, ' ');
    if let (Some(first), Some(second)) = (words.next(), words.next()) {
        let num = second.trim_end_matches([':', '.', ')', '-', '\u{2013}', '\u{2014}']);
        if first.chars().all(char::is_alphabetic)
            && first.chars().next().is_some_and(char::is_uppercase)
            && !num.is_empty()
            && num.chars().all(|c| c.is_ascii_digit())
            && second.len() > num.len()
        {
            let rest = t[first.len() + 1 + second.len()..].trim_start();
            let rest = rest
                .trim_start_matches(['-', '\u{2013}', '\u{2014}', ':'])
                .trim();
            if !rest.is_empty() {
                t = rest;
            }
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(rest) = rest
            .strip_prefix(". ")
            .or_else(|| rest.strip_prefix(") "))
            .or_else(|| rest.strip_prefix(": "))
        {
            t = rest.trim();
        }
    }
    let mut t = t.trim_end_matches(['.', ':', '!']).trim_end();
    // A trailing reference ("(2a)", "[3]") is no part of the idea.
    if let Some(open) = t.rfind([' ']).filter(|_| t.ends_with([')', ']'])) {
        let tail = &t[open + 1..];
        if tail.len() <= 5 && tail.starts_with(['(', '[']) {
            t = t[..open].trim_end_matches(['.', ',', ' ']);
        }
    }
    squash(t)
}

/// Could this line be a heading, given the line before it in its block (if
/// any) and whether text follows it? `Some(true)` for a strong candidate
/// (Title Case, a question, no final period), `Some(false)` for a weak one (a
/// short plain sentence standing alone), `None` for body text.
fn heading_like(line: &str, before: Option<&str>, after: Option<&str>) -> Option<bool> {
    let words = word_count(line);
    if words == 0 || words > 12 || line.chars().count() > 90 {
        return None;
    }
    if line.ends_with([',', ';', ':', '\u{2014}', '\u{2013}', '-', '(']) {
        return None;
    }
    // The line before must end a sentence: otherwise this one continues it.
    if before.is_some_and(|b| !ends_sentence(b) && !b.ends_with(':')) {
        return None;
    }
    // The text after starts a new sentence.
    if after.is_some_and(|a| {
        a.chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ')'))
    }) {
        return None;
    }
    if is_code_line(line) {
        return None;
    }
    let first = line.chars().find(|c| c.is_alphanumeric())?;
    if !first.is_uppercase() && !first.is_ascii_digit() {
        return None;
    }
    let inner = line.trim_end_matches(['.', '?', '!']);
    if sentences(inner).len() > 1 {
        return None;
    }
    let strong = is_title_case(line) || line.ends_with('?') || !ends_sentence(line);
    if strong {
        Some(true)
    } else if words <= 8 && !line.contains(',') {
        Some(false)
    } else {
        None
    }
}

/// Reads the structure of a normalized, non-empty lesson.
pub fn read(path: &Path, text: &str) -> Result<Lesson> {
    let mut blocks = blocks(text);
    if blocks.is_empty() {
        return Err(Error::file(path, "the lesson is empty"));
    }
    let mut first = blocks.remove(0);
    let title = match first.kind {
        Kind::Heading(_) => first.text(),
        _ => {
            let title = first.lines.remove(0);
            if !first.lines.is_empty() {
                first.line += 1;
                blocks.insert(0, first);
            }
            title
        }
    };
    let title = squash(title.trim_end_matches(['.', ':']));
    // The title names the deck, and a deck needs a name.
    if title.is_empty() {
        return Err(Error::file(
            path,
            "the lesson has no title: its first line is only punctuation",
        ));
    }
    if blocks.is_empty() {
        return Err(Error::file(
            path,
            format!("the lesson has a title (`{title}`) but no text under it"),
        ));
    }
    let markdown = blocks.iter().any(|b| matches!(b.kind, Kind::Heading(_)));
    let blocks = if markdown {
        blocks
    } else {
        plain_headings(blocks)
    };
    let (sections, marks) = sections_of(&blocks);
    let mut sections = split_tip_lists(sections, marks);
    let intro = sections.remove(0).body;
    let has_headings = blocks.iter().any(|b| matches!(b.kind, Kind::Heading(_)));
    if sections.iter().all(|s| s.body.is_empty()) && has_headings && intro.is_empty() {
        return Err(Error::file(
            path,
            format!("the lesson `{title}` has headings but no text under any of them"),
        ));
    }
    let (mut intro, mut sections) = if sections.is_empty() {
        headless(intro)
    } else {
        (intro, sections)
    };
    // An introduction with as much to say as a section is one, named by
    // the title: its first paragraph still describes the deck.
    let intro_sentences: usize = intro
        .iter()
        .filter(|p| p.kind == PieceKind::Para)
        .map(|p| sentences(&p.text).len())
        .sum();
    if intro_sentences >= 4 {
        sections.insert(
            0,
            Section {
                heading: heading(&title),
                context: None,
                lead_in: None,
                sentence_heading: false,
                body: std::mem::take(&mut intro),
                line: 1,
            },
        );
        intro = sections[0].body.iter().take(1).cloned().collect();
    }
    if sections.is_empty() {
        return Err(Error::file(
            path,
            format!("the lesson has a title (`{title}`) but no text under it"),
        ));
    }
    Ok(Lesson {
        title,
        intro,
        sections,
    })
}

/// Plain text: heading-like lines become headings, wherever they stand.
fn plain_headings(blocks: Vec<Block>) -> Vec<Block> {
    // Split every paragraph into its lines first: a heading may sit inside a
    // paragraph when the text has no blank lines.
    struct Cand {
        block: Block,
        strong: Option<bool>,
    }
    let mut cands: Vec<Cand> = Vec::new();
    let next_is_item: Vec<bool> = (0..blocks.len())
        .map(|i| matches!(blocks.get(i + 1).map(|b| &b.kind), Some(Kind::Item { .. })))
        .collect();
    for (bi, b) in blocks.into_iter().enumerate() {
        match &b.kind {
            Kind::Para => {
                let lines: Vec<String> = b
                    .lines
                    .iter()
                    .filter(|l| !is_code_line(l))
                    .cloned()
                    .collect();
                let mut run: Vec<String> = Vec::new();
                let mut run_line = b.line;
                for (k, l) in lines.iter().enumerate() {
                    let before = if k == 0 {
                        None
                    } else {
                        Some(lines[k - 1].as_str())
                    };
                    let after = lines.get(k + 1).map(String::as_str);
                    // A lone line is judged against the next block below.
                    let strong = if lines.len() == 1 {
                        heading_like(l, None, None)
                    } else if after.is_some() || next_is_item[bi] {
                        heading_like(l, before, after)
                    } else {
                        None
                    };
                    // Inside a paragraph only clear headings split it.
                    if strong == Some(true) && lines.len() > 1 {
                        if !run.is_empty() {
                            cands.push(Cand {
                                block: Block {
                                    kind: Kind::Para,
                                    lines: std::mem::take(&mut run),
                                    line: run_line,
                                },
                                strong: None,
                            });
                        }
                        cands.push(Cand {
                            block: Block {
                                kind: Kind::Para,
                                lines: vec![l.clone()],
                                line: b.line + k,
                            },
                            strong,
                        });
                        run_line = b.line + k + 1;
                    } else if lines.len() == 1 {
                        cands.push(Cand {
                            block: Block {
                                kind: Kind::Para,
                                lines: vec![l.clone()],
                                line: b.line,
                            },
                            strong,
                        });
                    } else {
                        if run.is_empty() {
                            run_line = b.line + k;
                        }
                        run.push(l.clone());
                    }
                }
                if !run.is_empty() {
                    cands.push(Cand {
                        block: Block {
                            kind: Kind::Para,
                            lines: run,
                            line: run_line,
                        },
                        strong: None,
                    });
                }
            }
            // A numbered item alone in its list, one line: a numbered heading.
            Kind::Item { depth: 0, .. } if b.lines.len() == 1 => {
                let strong = heading_like(&b.lines[0], None, None).map(|_| true);
                cands.push(Cand { block: b, strong });
            }
            _ => cands.push(Cand {
                block: b,
                strong: None,
            }),
        }
    }
    // A one-item list is a numbered heading; a longer list is a list.
    let n = cands.len();
    for i in 0..n {
        if let Kind::Item { index, .. } = cands[i].block.kind {
            let alone = index == 0
                && !matches!(
                    cands.get(i + 1).map(|c| &c.block.kind),
                    Some(Kind::Item { .. })
                );
            if !alone {
                cands[i].strong = None;
            }
        }
    }
    // Short plain sentences count as headings only when the lesson has no
    // clearer ones: then they are its style.
    let accept_weak = !cands.iter().any(|c| c.strong == Some(true));
    let mut out = Vec::with_capacity(n);
    let mut awaiting_body = false;
    for i in 0..n {
        let next_is_body = cands[i + 1..]
            .first()
            .is_some_and(|c| !matches!(c.block.kind, Kind::Heading(_)));
        let is_heading = match cands[i].strong {
            Some(strong) => (strong || accept_weak) && !awaiting_body && next_is_body,
            None => false,
        };
        let mut b = std::mem::replace(
            &mut cands[i].block,
            Block {
                kind: Kind::Para,
                lines: Vec::new(),
                line: 0,
            },
        );
        if is_heading {
            b.kind = Kind::Heading(2);
            awaiting_body = true;
        } else {
            awaiting_body = false;
        }
        out.push(b);
    }
    out
}

fn piece(b: &Block) -> Piece {
    Piece {
        kind: match b.kind {
            Kind::Item { .. } => PieceKind::Item,
            Kind::Quote => PieceKind::Quote,
            _ => PieceKind::Para,
        },
        text: b.text(),
    }
}

/// A first-level list item of a section's body: where it is, and what it
/// needs to be judged as a tip.
struct ItemMark {
    section: usize,
    row: usize,
    index: usize,
    label: Option<String>,
    lines: Vec<String>,
    line: usize,
}

/// Every heading with text directly under it is a section; its parent heading
/// is its context. Section 0 holds the introduction (text before any heading).
fn sections_of(blocks: &[Block]) -> (Vec<Section>, Vec<ItemMark>) {
    let mut sections: Vec<Section> = vec![Section {
        heading: None,
        context: None,
        lead_in: None,
        sentence_heading: false,
        body: Vec::new(),
        line: 0,
    }];
    let mut marks = Vec::new();
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
                    sections.push(Section {
                        heading: h.clone(),
                        context,
                        lead_in: None,
                        sentence_heading: false,
                        body: Vec::new(),
                        line: *line,
                    });
                    open = true;
                }
                let section = sections.len() - 1;
                let s = sections.last_mut().expect("never empty");
                if s.body.is_empty() && section == 0 {
                    s.line = b.line;
                }
                s.body.push(piece(b));
                if let Kind::Item {
                    depth: 0,
                    label,
                    index,
                } = &b.kind
                {
                    marks.push(ItemMark {
                        section,
                        row: s.body.len() - 1,
                        index: *index,
                        label: label.clone(),
                        lines: b.lines.clone(),
                        line: b.line,
                    });
                }
            }
        }
    }
    (sections, marks)
}

/// The label that opens a list item: its bold text, a first line standing as
/// a heading, or a short lead sentence followed by more.
fn item_label(label: &Option<String>, lines: &[String], text: &str) -> Option<(String, String)> {
    if let Some(l) = label {
        let rest = text.strip_prefix(l.as_str()).unwrap_or(text).trim();
        // "**Label**, and the sentence goes on": the body keeps the whole sentence.
        let rest = if rest.starts_with([',', ';']) || rest.starts_with(char::is_lowercase) {
            text
        } else {
            rest
        };
        if word_count(l) <= 15 && !rest.is_empty() {
            return Some((l.clone(), rest.to_string()));
        }
    }
    if lines.len() >= 2 && heading_like(&lines[0], None, Some(&lines[1])) == Some(true) {
        return Some((lines[0].clone(), squash(&lines[1..].join(" "))));
    }
    let ss = sentences(text);
    if ss.len() >= 2 && word_count(&ss[0]) <= 12 && !ss[0].ends_with(':') {
        let rest = ss[1..].join(" ");
        return Some((ss[0].clone(), rest));
    }
    None
}

/// A list whose items all open with a label becomes one section per item,
/// under the section that held it.
fn split_tip_lists(sections: Vec<Section>, marks: Vec<ItemMark>) -> Vec<Section> {
    // Group marks into lists: consecutive indexes in one section.
    let mut lists: Vec<Vec<&ItemMark>> = Vec::new();
    for m in &marks {
        match lists.last_mut() {
            Some(l)
                if m.index > 0
                    && l.last()
                        .is_some_and(|p| p.section == m.section && p.index + 1 == m.index) =>
            {
                l.push(m)
            }
            _ => lists.push(vec![m]),
        }
    }
    // Per section: (row, label, rest of the item, line) of each tip.
    let mut tips_of: Vec<Vec<(usize, String, String, usize)>> = vec![Vec::new(); sections.len()];
    for l in &lists {
        if l.len() < 2 {
            continue;
        }
        let labels: Vec<Option<(String, String)>> = l
            .iter()
            .map(|m| item_label(&m.label, &m.lines, &squash(&m.lines.join(" "))))
            .collect();
        if labels.iter().all(Option::is_some) {
            for (m, lab) in l.iter().zip(labels) {
                let (h, rest) = lab.expect("checked");
                tips_of[m.section].push((m.row, h, rest, m.line));
            }
        }
    }
    let mut out: Vec<Section> = Vec::new();
    for (si, s) in sections.into_iter().enumerate() {
        let tips = &tips_of[si];
        if tips.is_empty() {
            out.push(s);
            continue;
        }
        let before: Vec<Piece> = s.body[..tips[0].0].to_vec();
        let lead_in = before
            .last()
            .filter(|p| p.text.ends_with(':'))
            .map(|p| p.text.clone());
        let mut own = s.clone();
        own.body = before
            .into_iter()
            .filter(|p| Some(&p.text) != lead_in.as_ref())
            .collect();
        // The introduction stays in place even when empty.
        if si == 0 || own.body.iter().any(|p| word_count(&p.text) >= 6) {
            out.push(own);
        }
        let context = s.heading.clone().or(s.context.clone());
        for (k, (row, h, rest, line)) in tips.iter().enumerate() {
            let end = tips.get(k + 1).map_or(s.body.len(), |t| t.0);
            let mut body = vec![Piece {
                kind: PieceKind::Para,
                text: rest.clone(),
            }];
            body.extend(s.body[row + 1..end].iter().cloned());
            body.retain(|p| !p.text.is_empty());
            out.push(Section {
                heading: heading(h),
                context: context.clone(),
                lead_in: lead_in.clone(),
                sentence_heading: ends_sentence(h),
                body,
                line: *line,
            });
        }
    }
    out
}

/// No headings: every paragraph is a section; list items join the paragraph
/// before them.
fn headless(intro: Vec<Piece>) -> (Vec<Piece>, Vec<Section>) {
    let mut out: Vec<Section> = Vec::new();
    for p in intro {
        match (p.kind, out.last_mut()) {
            (PieceKind::Item | PieceKind::Quote, Some(s)) => s.body.push(p),
            _ => out.push(Section {
                heading: None,
                context: None,
                lead_in: None,
                sentence_heading: false,
                body: vec![p],
                line: 0,
            }),
        }
    }
    (Vec::new(), out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(text: &str) -> Lesson {
        read(Path::new("l.md"), &normalize(text)).unwrap()
    }

    fn headings(l: &Lesson) -> Vec<&str> {
        l.sections
            .iter()
            .map(|s| s.heading.as_deref().unwrap_or("-"))
            .collect()
    }

    fn bodies(s: &Section) -> Vec<&str> {
        s.body.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn markdown_subheadings_are_sections_with_their_parent_as_context() {
        let l = read_str(
            "# The *Title*\n\nIntro **text**.\n\n## First part\n\nBody one.\n\n### Detail\n\n- item a\n- item b\n\n## Second part\n\n### Only child\n\nBody [two](http://x).\n",
        );
        assert_eq!(l.title, "The Title");
        assert_eq!(l.intro[0].text, "Intro text.");
        assert_eq!(headings(&l), ["First part", "Detail", "Only child"]);
        assert_eq!(l.sections[1].context.as_deref(), Some("First part"));
        assert_eq!(bodies(&l.sections[1]), ["item a", "item b"]);
        assert_eq!(l.sections[2].context.as_deref(), Some("Second part"));
    }

    #[test]
    fn plain_text_headings_stand_alone() {
        let l = read_str(
            "A Title\r\n\r\nAn introduction that runs for a while, as they do.\r\n\r\nKeep Your Notes Short.\r\n\r\nLong notes are never read again. Short ones are.\r\n\r\nwhy bother\r\n\r\nBecause it works.\r\n",
        );
        assert_eq!(l.title, "A Title");
        assert_eq!(headings(&l), ["Keep Your Notes Short"]);
        assert_eq!(l.sections[0].body.len(), 3);
    }

    #[test]
    fn plain_text_headings_without_blank_lines_still_start_sections() {
        let l = read_str(
            "Caching\nA cache keeps answers close.\nWhere Caches Live\nBrowsers keep a private cache.\nShared caches sit between.\nWhen to Revalidate\nAsk the server once the copy is stale.\n",
        );
        assert_eq!(headings(&l), ["Where Caches Live", "When to Revalidate"]);
        assert_eq!(l.intro[0].text, "A cache keeps answers close.");
        assert_eq!(
            bodies(&l.sections[0]),
            ["Browsers keep a private cache. Shared caches sit between."]
        );
    }

    #[test]
    fn hard_wrapped_lines_are_not_headings() {
        let l = read_str(
            "Title\n\nWrite the test first. It tells you\nwhat the code must do before you write it. Then\nKeep going until it passes.\n\nMore Here\n\nBody text that is long enough.\n",
        );
        assert_eq!(headings(&l), ["More Here"]);
    }

    #[test]
    fn numbered_headings_lose_their_numbers() {
        let l = read_str(
            "Prepare\n\nIntro paragraph here, long enough to be body text for sure.\n\n1. Research the company\n\nRead what they publish.\n\n2. Practise out loud\n\nSay answers aloud.\n- one\n- two\n",
        );
        assert_eq!(headings(&l), ["Research the company", "Practise out loud"]);
        assert_eq!(bodies(&l.sections[1]), ["Say answers aloud.", "one", "two"]);
    }

    #[test]
    fn a_list_of_tips_gives_one_section_per_tip() {
        let l = read_str(
            "Title\n\nGood habits are:\n\n- **Small.** Small changes are read with care.\n- **Tested.** A tested change breaks less.\n  - even a small test helps\n",
        );
        assert_eq!(headings(&l), ["Small", "Tested"]);
        assert_eq!(l.sections[0].lead_in.as_deref(), Some("Good habits are:"));
        assert_eq!(
            bodies(&l.sections[1]),
            ["A tested change breaks less.", "even a small test helps"]
        );
        let l = read_str(
            "Design tips\n\nA few habits help.\n\n1. Start with requirements. Ask what the system must do.\n2. Sketch the data. Tables outlive code.\n",
        );
        assert_eq!(headings(&l), ["Start with requirements", "Sketch the data"]);
    }

    #[test]
    fn a_list_of_plain_items_stays_a_list() {
        let l = read_str("Title\n\n## Part\n\nRoutes by:\n\n- Random\n- Least loaded\n");
        assert_eq!(headings(&l), ["Part"]);
        assert_eq!(
            bodies(&l.sections[0]),
            ["Routes by:", "Random", "Least loaded"]
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
    fn code_and_quotes_are_marked_or_left_out() {
        let l = read_str(
            "# T\n\n## Part\n\nText before.\n\n```\nlet x = 1;\n```\n\n> A quoted line.\n",
        );
        assert_eq!(bodies(&l.sections[0]), ["Text before.", "A quoted line."]);
        assert_eq!(l.sections[0].body[1].kind, PieceKind::Quote);
    }

    #[test]
    fn title_without_body_is_an_error() {
        let err = read(Path::new("l.md"), "# Only a title\n").unwrap_err();
        assert!(err.to_string().contains("no text under it"), "{err}");
    }

    #[test]
    fn control_characters_name_the_line() {
        let err = check_text(Path::new("x.bin"), "ok\nbad\u{0}byte\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.bin:2: control character U+0000: this looks like a binary file, not a lesson"
        );
    }

    #[test]
    fn headings_lose_numbers_and_periods() {
        assert_eq!(
            clean_heading("Step 2: Ask Better Questions."),
            "Ask Better Questions"
        );
        assert_eq!(clean_heading("3) Stay calm"), "Stay calm");
        assert_eq!(clean_heading("Why now?"), "Why now?");
        assert_eq!(
            clean_heading("Layer 4 load balancing"),
            "Layer 4 load balancing"
        );
    }
}
