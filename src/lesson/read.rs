//! Reading a lesson's structure: title, introduction, sections.
//!
//! The document is cut into blocks line by line (paragraphs, list items,
//! Markdown headings), because plain text needs it: there a heading is only
//! "a short line standing alone". Inline Markdown (emphasis, links, code) is
//! then turned into plain text with pulldown-cmark.
//!
//! Headings: if the document has Markdown headings (`#`, or underlined with
//! `===`/`---`) below its title, the shallowest level makes the sections and
//! deeper ones are folded into them. Otherwise a short line standing alone is
//! a heading (see [`candidate`]); with no heading at all, each paragraph is a
//! section of its own (`heading: None`).

use std::path::Path;

use pulldown_cmark::{Event, Parser};

use super::text::{ends_sentence, is_title_case, norm, squash, word_count};
use crate::error::{Error, Result};

/// A lesson's structure, text already plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub title: String,
    /// Paragraphs before the first heading.
    pub intro: Vec<String>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading as written (number prefix and final period removed), or
    /// `None` when the lesson has no headings and this is one paragraph.
    pub heading: Option<String>,
    /// Paragraphs and list items, in order.
    pub body: Vec<String>,
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
enum Block {
    /// A Markdown heading (`#`…, or a line underlined with `=`/`-`).
    Heading {
        level: usize,
        text: String,
    },
    Para {
        lines: Vec<String>,
    },
    Item {
        numbered: bool,
        lines: Vec<String>,
        /// A blank line comes after it (a numbered line standing alone may be a heading).
        alone: bool,
    },
}

fn list_marker(line: &str) -> Option<(bool, &str)> {
    let t = line.trim_start();
    for m in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = t.strip_prefix(m) {
            return Some((false, rest));
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((true, rest));
        }
    }
    None
}

fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start();
    let level = t.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &t[level..];
    if !rest.is_empty() && !rest.starts_with(' ') {
        return None;
    }
    Some((level, rest.trim().trim_end_matches('#').trim()))
}

fn is_rule(line: &str, ch: char) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3 && t.chars().all(|c| c == ch)
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut current: Option<Block> = None;
    let mut fence: Option<&str> = None;
    for raw in text.lines() {
        let line = raw.trim();
        if let Some(f) = fence {
            if line.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if line.starts_with("```") || line.starts_with("~~~") {
            out.extend(current.take());
            fence = Some(&line[..3]);
            continue;
        }
        if line.is_empty() {
            if let Some(Block::Item { alone, .. }) = current.as_mut() {
                *alone = true;
            }
            out.extend(current.take());
            continue;
        }
        if line.starts_with("<!--") || line.starts_with('|') {
            continue;
        }
        let line = line.trim_start_matches('>').trim();
        if let Some((level, rest)) = atx_heading(line) {
            out.extend(current.take());
            if !rest.is_empty() {
                out.push(Block::Heading {
                    level,
                    text: rest.to_string(),
                });
            }
            continue;
        }
        let underline = if is_rule(line, '=') {
            Some(1)
        } else if is_rule(line, '-') {
            Some(2)
        } else {
            None
        };
        if let Some(level) = underline {
            match current.take() {
                Some(Block::Para { lines }) if lines.len() == 1 => out.push(Block::Heading {
                    level,
                    text: lines[0].clone(),
                }),
                other => out.extend(other),
            }
            continue;
        }
        if is_rule(line, '*') || is_rule(line, '_') {
            out.extend(current.take());
            continue;
        }
        if let Some((numbered, rest)) = list_marker(line) {
            out.extend(current.take());
            current = Some(Block::Item {
                numbered,
                lines: vec![rest.to_string()],
                alone: false,
            });
            continue;
        }
        match current.as_mut() {
            Some(Block::Para { lines }) | Some(Block::Item { lines, .. }) => {
                lines.push(line.to_string())
            }
            _ => {
                current = Some(Block::Para {
                    lines: vec![line.to_string()],
                })
            }
        }
    }
    out.extend(current);
    out.into_iter()
        .map(|b| match b {
            Block::Heading { level, text } => Block::Heading {
                level,
                text: plain(&text),
            },
            Block::Para { lines } => Block::Para {
                lines: lines
                    .iter()
                    .map(|l| plain(l))
                    .filter(|l| !l.is_empty())
                    .collect(),
            },
            Block::Item {
                numbered,
                lines,
                alone,
            } => Block::Item {
                numbered,
                lines: lines
                    .iter()
                    .map(|l| plain(l))
                    .filter(|l| !l.is_empty())
                    .collect(),
                alone,
            },
        })
        .filter(|b| match b {
            Block::Heading { text, .. } => !text.is_empty(),
            Block::Para { lines } | Block::Item { lines, .. } => !lines.is_empty(),
        })
        .collect()
}

/// Inline Markdown to plain text: emphasis and links dropped, code kept as text.
fn plain(line: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(line) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    squash(&out)
}

/// A heading's text, cleaned; `None` when nothing is left ("# ." or
/// "## 1."): the section is then named from its text like a headless
/// paragraph, instead of making cards about an empty name.
/// A heading's text, or `None` when nothing is left to name a section by
/// (".", "?", "—").
fn heading(text: &str) -> Option<String> {
    Some(clean_heading(text)).filter(|h| h.chars().any(char::is_alphanumeric))
}

/// Removes a numbering ("1.", "Step 2:", "Tip 3 —") and a final period or colon.
pub fn clean_heading(text: &str) -> String {
    let mut t = text.trim();
    let lower = norm(t);
    for word in [
        "step", "tip", "rule", "lesson", "part", "mistake", "tactic", "question",
    ] {
        if lower.starts_with(word) {
            let rest = &t[word.len()..];
            let digits = rest
                .trim_start()
                .chars()
                .take_while(char::is_ascii_digit)
                .count();
            if digits > 0 {
                let after = rest.trim_start()[digits..].trim_start();
                let after = after.trim_start_matches([':', '.', ')', '-', '\u{2013}', '\u{2014}']);
                if !after.trim().is_empty() {
                    t = after.trim();
                }
            }
            break;
        }
    }
    if let Some((_, rest)) = list_marker(t).filter(|(numbered, _)| *numbered) {
        t = rest.trim();
    }
    let t = t.trim_end_matches(['.', ':', '!']).trim_end();
    squash(t)
}

/// Could this line be a heading? `Some(true)` for a strong candidate (Title
/// Case, numbered, a question, or no final period), `Some(false)` for a weak
/// one (a short plain sentence), `None` for body text.
fn candidate(line: &str, numbered: bool) -> Option<bool> {
    let words = word_count(line);
    if words == 0 || words > 12 {
        return None;
    }
    if line.ends_with([',', ';', ':', '\u{2014}', '\u{2013}', '-']) {
        return None;
    }
    if !line.chars().find(|c| c.is_alphanumeric())?.is_uppercase() && !numbered {
        return None;
    }
    // Two sentences are not a heading.
    let inner = line.trim_end_matches(['.', '?', '!']);
    if super::text::sentences(inner).len() > 1 {
        return None;
    }
    let strong = numbered || is_title_case(line) || line.ends_with('?') || !ends_sentence(line);
    if strong {
        Some(true)
    } else if words <= 8 && !line.contains(',') {
        Some(false)
    } else {
        None
    }
}

/// A paragraph whose first line is a Title Case heading with its body glued
/// under it, without a blank line: split it in two.
fn split_glued(blocks: Vec<Block>) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        match b {
            Block::Para { lines } | Block::Item { lines, .. }
                if lines.len() >= 2
                    && is_title_case(&lines[0])
                    && word_count(&lines[0]) <= 10
                    && lines[1].chars().next().is_some_and(char::is_uppercase)
                    && candidate(&lines[0], false).is_some() =>
            {
                out.push(Block::Para {
                    lines: vec![lines[0].clone()],
                });
                out.push(Block::Para {
                    lines: lines[1..].to_vec(),
                });
            }
            Block::Item {
                numbered: true,
                lines,
                alone,
            } if lines.len() >= 2
                && word_count(&lines[0]) <= 10
                && lines[1].chars().next().is_some_and(char::is_uppercase)
                && !lines[0].ends_with([',', ';', ':']) =>
            {
                out.push(Block::Item {
                    numbered: true,
                    lines: vec![lines[0].clone()],
                    alone: true,
                });
                out.push(Block::Para {
                    lines: lines[1..].to_vec(),
                });
                let _ = alone;
            }
            other => out.push(other),
        }
    }
    out
}

fn block_text(b: &Block) -> String {
    match b {
        Block::Heading { text, .. } => text.clone(),
        Block::Para { lines } | Block::Item { lines, .. } => lines.join(" "),
    }
}

/// Reads the structure of a normalized, non-empty lesson.
pub fn read(path: &Path, text: &str) -> Result<Lesson> {
    let mut blocks = blocks(text);
    if blocks.is_empty() {
        return Err(Error::file(path, "the lesson is empty"));
    }
    let first = blocks.remove(0);
    let title = match first {
        Block::Heading { text, .. } => text,
        Block::Para { mut lines } | Block::Item { mut lines, .. } => {
            let title = lines.remove(0);
            if !lines.is_empty() {
                blocks.insert(0, Block::Para { lines });
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
    let section_level = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, .. } => Some(*level),
            _ => None,
        })
        .min();
    let (intro, sections) = match section_level {
        Some(level) => by_markdown_headings(blocks, level),
        None => by_lines_alone(split_glued(blocks)),
    };
    if sections.iter().all(|s| s.body.is_empty()) {
        return Err(Error::file(
            path,
            format!("the lesson `{title}` has headings but no text under any of them"),
        ));
    }
    Ok(Lesson {
        title,
        intro,
        sections,
    })
}

fn by_markdown_headings(blocks: Vec<Block>, level: usize) -> (Vec<String>, Vec<Section>) {
    let mut intro = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    for b in blocks {
        match b {
            Block::Heading { level: l, text } if l == level => sections.push(Section {
                heading: heading(&text),
                body: Vec::new(),
            }),
            // Deeper headings only organise the section's body.
            Block::Heading { .. } => {}
            other => {
                let text = block_text(&other);
                match sections.last_mut() {
                    Some(s) => s.body.push(text),
                    None => intro.push(text),
                }
            }
        }
    }
    (intro, sections)
}

fn by_lines_alone(blocks: Vec<Block>) -> (Vec<String>, Vec<Section>) {
    let candidates: Vec<Option<bool>> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| match b {
            Block::Para { lines } if lines.len() == 1 => candidate(&lines[0], false),
            // A numbered line standing alone, not part of a list of items.
            Block::Item {
                numbered: true,
                lines,
                alone: true,
            } if lines.len() == 1 && !matches!(blocks.get(i + 1), Some(Block::Item { .. })) => {
                candidate(&lines[0], true)
            }
            _ => None,
        })
        .collect();
    // Short plain sentences count as headings only when the lesson has no
    // clearer ones (Title Case, numbered…): then they are its style.
    let accept_weak = !candidates.contains(&Some(true));
    let mut intro = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut awaiting_body = false;
    let last = blocks.len().saturating_sub(1);
    for (i, b) in blocks.iter().enumerate() {
        let is_heading = match candidates[i] {
            Some(strong) => (strong || accept_weak) && !awaiting_body && i < last,
            None => false,
        };
        if is_heading {
            sections.push(Section {
                heading: heading(&block_text(b)),
                body: Vec::new(),
            });
            awaiting_body = true;
        } else {
            awaiting_body = false;
            match sections.last_mut() {
                Some(s) => s.body.push(block_text(b)),
                None => intro.push(block_text(b)),
            }
        }
    }
    if sections.is_empty() {
        // No headings: every paragraph is a section; list items join the
        // paragraph before them.
        let mut headless: Vec<Section> = Vec::new();
        for b in &blocks {
            let text = block_text(b);
            match (b, headless.last_mut()) {
                (Block::Item { .. }, Some(s)) => s.body.push(text),
                _ => headless.push(Section {
                    heading: None,
                    body: vec![text],
                }),
            }
        }
        return (Vec::new(), headless);
    }
    (intro, sections)
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

    #[test]
    fn markdown_sections_fold_deeper_headings() {
        let l = read_str(
            "# The *Title*\n\nIntro **text**.\n\n## First part\n\nBody one.\n\n### Detail\n\n- item a\n- item b\n\n## Second part\n\nBody [two](http://x).\n",
        );
        assert_eq!(l.title, "The Title");
        assert_eq!(l.intro, ["Intro text."]);
        assert_eq!(headings(&l), ["First part", "Second part"]);
        assert_eq!(l.sections[0].body, ["Body one.", "item a", "item b"]);
        assert_eq!(l.sections[1].body, ["Body two."]);
    }

    #[test]
    fn plain_text_headings_stand_alone() {
        let l = read_str(
            "A Title\r\n\r\nAn introduction that runs for a while, as they do.\r\n\r\nKeep Your Notes Short.\r\n\r\nLong notes are never read again. Short ones are.\r\n\r\nwhy bother\r\n\r\nBecause it works.\r\n\r\nClosing line.\r\n",
        );
        assert_eq!(l.title, "A Title");
        assert_eq!(headings(&l), ["Keep Your Notes Short"]);
        assert_eq!(l.sections[0].body.len(), 4);
    }

    #[test]
    fn numbered_headings_lose_their_numbers() {
        let l = read_str(
            "Prepare\n\nIntro paragraph here, long enough to be body text for sure.\n\n1. Research the company\n\nRead what they publish.\n\n2. Practise out loud\n\nSay answers aloud.\n- one\n- two\n",
        );
        assert_eq!(headings(&l), ["Research the company", "Practise out loud"]);
        assert_eq!(l.sections[1].body, ["Say answers aloud.", "one", "two"]);
    }

    #[test]
    fn no_headings_makes_paragraph_sections() {
        let l = read_str(
            "Title\n\nFirst paragraph is long enough to be body, clearly so.\n\nSecond paragraph is long enough too, with more words in it.\n",
        );
        assert_eq!(headings(&l), ["-", "-"]);
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
    }
}
