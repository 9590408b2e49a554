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
//!   section, blank lines around it or not ([`plain::heading_like`]).
//! - A list whose items each open with a bold label or a lead sentence is a
//!   list of tips: one section per item.
//! - With no heading at all, each paragraph is a section.
//!
//! [`markdown`] cuts the text into blocks, [`plain`] finds the headings of
//! plain text, [`sections`] groups blocks under their headings and [`lists`]
//! turns lists of tips into sections.

mod admonition;
mod advice_list;
mod bare;
mod block;
mod byline;
mod commands;
mod glossed;
mod heading;
mod item_label;
mod line_map;
mod list_runs;
mod listing;
mod lists;
mod markdown;
mod para_tips;
mod pasted;
mod piece;
mod plain;
mod purpose;
mod repeated;
mod sections;
mod table;
mod tags;
mod termed;

use std::path::Path;

use super::language::{LEXICON, Role};
use super::text::{roman_numeral, sentences, squash, word_count};
use crate::error::{Error, Result};
pub use advice_list::in_order;
pub use commands::code_completes;
pub use heading::clean_heading;
use heading::{heading, is_lede, pictograph, without_attributes, without_marks};
pub use item_label::example_label;
use lists::split_tip_lists;
use markdown::{Block, Kind, blocks};
use plain::plain_headings;
pub use purpose::{purpose_split, purpose_split_infinitive};
use sections::{headless, sections_of, text_after_tips};

/// A lesson's structure, text already plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lesson {
    pub title: String,
    /// Text before the first section.
    pub intro: Vec<Piece>,
    pub sections: Vec<Section>,
    /// Every heading under another, with that parent heading, as written,
    /// including headings with no text of their own ("Practical actions"
    /// holding only tips): the lesson's outline, for its overview.
    pub outline: Vec<(String, String)>,
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
    /// An item of a list of tips, headed by its label or lead sentence
    /// ("**Durability.** It decides…"): its text is about that label.
    pub tip: bool,
    /// The heading or label carried its gloss after a colon, in lower
    /// case ("COUNT: returns the number of rows"; see `glossed.rs`): the
    /// section's first sentence says what the term is or does.
    pub glossed: bool,
    /// The heading numbered itself as a step of a procedure ("Step 2: Set
    /// in the sleeves"): its list is that step's own instructions, in
    /// order, not a list of tips.
    pub step: bool,
    pub body: Vec<Piece>,
    /// 1-based line of the heading (or of the first text) in the file.
    pub line: usize,
}

impl Section {
    /// A section that is not a tip of a list.
    fn plain(
        heading: Option<String>,
        context: Option<String>,
        body: Vec<Piece>,
        line: usize,
    ) -> Section {
        Section {
            heading,
            context,
            lead_in: None,
            sentence_heading: false,
            tip: false,
            glossed: false,
            step: false,
            body,
            line,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceKind {
    Para,
    /// A list item: may be a fragment ("Least loaded"), never clozed alone.
    Item,
    /// Quoted text (a script, a quotation): never an answer.
    Quote,
    /// A row of a table, labelled by its first cell, its other cells
    /// after their column headers: asked about on its own, never a
    /// sentence of the section (see `table.rs`).
    Row,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub kind: PieceKind,
    pub text: String,
    /// Phrases the writer set in bold inside the text, stressing the point.
    pub stressed: Vec<String>,
    /// The program text in it: inline code spans, and the commands
    /// joined to its text from the code block after it (see
    /// `commands.rs`).
    pub code: Vec<String>,
    /// An item of a numbered list: a step, when its list gives advice.
    pub numbered: bool,
    /// A list item's bold label ("**Authentication** (see below)").
    pub label: Option<String>,
    /// An item nested in another item.
    pub nested: bool,
    /// The line it starts on, counting from 1 (0 when made by the reader,
    /// not read from the text).
    pub line: usize,
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

/// YAML front matter ("---", `key: value` lines, "---") opening a file,
/// as static-site Markdown has: its lines are blanked (so line numbers stay
/// true) and its `title:`, if any, becomes the lesson's first heading.
pub fn without_front_matter(text: &str) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return text.to_string();
    }
    let Some(end) = lines
        .iter()
        .take(200)
        .skip(1)
        .position(|l| matches!(l.trim_end(), "---" | "..."))
        .map(|k| k + 1)
    else {
        return text.to_string();
    };
    let title = lines[1..end].iter().find_map(|l| {
        let v = l.strip_prefix("title:")?.trim();
        let v = v.trim_matches(['"', '\'']).trim();
        (!v.is_empty()).then(|| format!("# {v}"))
    });
    for line in lines.iter_mut().take(end + 1) {
        *line = "";
    }
    let mut out = lines.join("\n");
    if let Some(t) = title {
        out = format!("{t}{out}");
    }
    out
}

/// Reads the structure of a normalized, non-empty lesson.
pub fn read(path: &Path, text: &str) -> Result<Lesson> {
    // Zero-width spaces and joiners pasted from web pages ("Practice!\u{200b}")
    // would stick to the words around them.
    let text = text.replace(['\u{200b}', '\u{2060}', '\u{feff}'], "");
    let mut blocks = blocks(&text);
    if blocks.is_empty() {
        return Err(Error::file(path, "the lesson is empty"));
    }
    let title = take_title(path, &mut blocks)?;
    if blocks.is_empty() {
        return Err(no_text_under(path, &title));
    }
    // "### Sensitive data can sometimes get committed to your repository.":
    // a whole sentence set as a heading is the lede of the section above
    // it, not a section of its own.
    for b in blocks.iter_mut() {
        if matches!(b.kind, Kind::Heading(_)) && is_lede(&b.text()) {
            b.kind = Kind::Para;
        }
    }
    let markdown = blocks.iter().any(|b| matches!(b.kind, Kind::Heading(_)));
    let mut blocks = if markdown {
        blocks
    } else {
        plain_headings(blocks)
    };
    byline::unsign(&mut blocks);
    // "Pros" and "Cons" under every method: parts of each method.
    let blocks = repeated::nest_repeated(blocks);
    let (blocks, glossed_lines) = glossed::split_glossed_headings(blocks);
    let (mut sections, marks, outline) = sections_of(&blocks);
    glossed::mark(&mut sections, &glossed_lines);
    let mut sections = para_tips::split_paragraph_tips(split_tip_lists(sections, marks, &title));
    let intro = sections.remove(0).body;
    let has_headings = blocks.iter().any(|b| matches!(b.kind, Kind::Heading(_)));
    if sections.iter().all(|s| s.body.is_empty()) && has_headings && intro.is_empty() {
        return Err(Error::file(
            path,
            format!("the lesson `{title}` has headings but no text under any of them"),
        ));
    }
    let (intro, sections) = if sections.is_empty() {
        headless(intro)
    } else if !has_headings {
        (intro, text_after_tips(sections))
    } else {
        (intro, sections)
    };
    let (intro, sections) = long_intro_as_section(&title, intro, sections);
    if sections.is_empty() {
        return Err(no_text_under(path, &title));
    }
    Ok(Lesson {
        title,
        intro,
        sections,
        outline,
    })
}

fn no_text_under(path: &Path, title: &str) -> Error {
    Error::file(
        path,
        format!("the lesson has a title (`{title}`) but no text under it"),
    )
}

/// The title: the first heading, or else the first line, taken out of the
/// blocks.
fn take_title(path: &Path, blocks: &mut Vec<Block>) -> Result<String> {
    // ("## Step 1: Close the seams" then "## Step 2: …" and no "#" line:
    // a first heading numbered like a sibling after it, or a question
    // among questions of its level, as a FAQ pasted without its title
    // opens, is a section, and the file's name titles the deck.)
    let first = blocks[0].text();
    let like_first = |h: &str| match numbered_as(&first) {
        Some(label) => numbered_as(h).is_some_and(|l| l == label),
        None => first.trim_end().ends_with('?') && h.trim_end().ends_with('?'),
    };
    if let Kind::Heading(level) = blocks[0].kind
        && blocks[1..]
            .iter()
            .any(|b| b.kind == Kind::Heading(level) && like_first(&b.text()))
    {
        return Ok(title_from_name(path));
    }
    // ("Introduction", "Overview": a first line naming the introduction
    // is its heading, as an article pasted without its title opens; the
    // file's name titles the deck. Text read as plain finds it a heading
    // like the others.)
    let opening = blocks[0]
        .lines
        .first()
        .map_or("", |l| l.trim_end_matches([':', '.']));
    let h1 = blocks[0].kind == Kind::Heading(1);
    let more = blocks.len() > 1 || blocks[0].lines.len() > 1;
    if !h1 && more && LEXICON.is(&opening.trim().to_lowercase(), Role::IntroHeading) {
        return Ok(title_from_name(path));
    }
    let mut first = blocks.remove(0);
    let title = match first.kind {
        Kind::Heading(_) => without_attributes(&first.text()).to_string(),
        // A first line that is prose, not a title (a lesson pasted without
        // one): the file's name titles the deck and the line stays text.
        // So is a line the next one continues, in lower case or after a
        // comma (text wrapped by hand).
        _ if is_prose(&first.lines[0])
            || (first.lines[0].chars().any(char::is_alphanumeric)
                && first.lines.get(1).is_some_and(|l| {
                    l.starts_with(char::is_lowercase) || first.lines[0].ends_with(',')
                })) =>
        {
            let title = title_from_name(path);
            blocks.insert(0, first);
            title
        }
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
    Ok(title)
}

/// "Step 1: Close the seams" → "step", "2. Mix" → "": the label a
/// heading numbers itself with, if it does.
pub(crate) fn numbered_as(heading: &str) -> Option<String> {
    let mut words = heading.split_whitespace();
    let first = words.next()?;
    let number = |w: &str| {
        let w = w.trim_end_matches([':', '.', ')']);
        !w.is_empty() && (w.chars().all(|c| c.is_ascii_digit()) || roman_numeral(w))
    };
    if number(first) {
        return Some(String::new());
    }
    number(words.next()?).then(|| first.to_lowercase())
}

/// A line of prose rather than a title: more than one sentence, or longer
/// than any title.
fn is_prose(line: &str) -> bool {
    // ("We have one rule for definitions: use them rarely.": a title
    // ends on no full stop.)
    // ("This FAQ is divided into the following sections:": nor on a
    // colon announcing a list.)
    let stopped = line.trim_end().ends_with('.') && word_count(line) >= 6;
    let leads_in = line.trim_end().ends_with(':') && word_count(line) >= 5;
    word_count(line) > 16 || sentences(line).len() > 1 || stopped || leads_in
}

/// "08-config-in-the-environment.txt" → "Config in the environment".
fn title_from_name(path: &Path) -> String {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let words: Vec<&str> = stem
        .split(['-', '_', ' ', '.'])
        .filter(|w| !w.is_empty())
        .skip_while(|w| w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let title = words.join(" ");
    match title.chars().next() {
        Some(c) => c.to_uppercase().chain(title.chars().skip(1)).collect(),
        None => "Lesson".to_string(),
    }
}

/// An introduction with as much to say as a section is one, named by
/// the title: its first paragraph still describes the deck.
fn long_intro_as_section(
    title: &str,
    mut intro: Vec<Piece>,
    mut sections: Vec<Section>,
) -> (Vec<Piece>, Vec<Section>) {
    let intro_sentences: usize = intro
        .iter()
        .filter(|p| p.kind == PieceKind::Para)
        .map(|p| sentences(&p.text).len())
        .sum();
    if intro_sentences >= 4 {
        let body = std::mem::take(&mut intro);
        sections.insert(0, Section::plain(heading(title), None, body, 1));
        intro = sections[0].body.iter().take(1).cloned().collect();
    }
    (intro, sections)
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
