//! Markdown into blocks: pulldown-cmark's events folded into paragraphs,
//! list items (with depth, place in the list and bold label), quotes and
//! headings, each with its source line. Code, tables, images and HTML are
//! left out.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::plain::heading_like;
use crate::lesson::text::{ends_sentence, squash, word_count};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    Heading(usize),
    Para,
    Item {
        depth: usize,
        /// Position in its list (0 for the first item) and the list's length.
        index: usize,
        /// A bold (or emphasised) label opening the item.
        label: Option<String>,
        /// In a numbered list.
        numbered: bool,
    },
    Quote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Block {
    pub(super) kind: Kind,
    /// Plain text, one entry per source line.
    pub(super) lines: Vec<String>,
    pub(super) line: usize,
    /// Phrases of two words or more the writer set in bold inside the
    /// text (not a label opening it): where they stress their point.
    pub(super) stressed: Vec<String>,
    /// For a paragraph: the bold text opening it, when more follows
    /// ("**Pay it down early.** Debt grows…"), a label as a tip's.
    pub(super) lead: Option<String>,
}

impl Block {
    pub(super) fn text(&self) -> String {
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

/// Longest paragraph in bold read as a heading, in words.
const BOLD_HEADING_WORDS: usize = 12;

/// A line this long that ends mid-sentence was wrapped by hand, not set as
/// a heading.
const WRAPPED_CHARS: usize = 60;

/// In plain text, a line right under a list item and not indented is not
/// the item's continuation (as Markdown would read it) but new text: a blank
/// line goes between them. Unless the line above stops mid-sentence: then
/// the item was wrapped by hand and goes on.
fn end_lazy_items(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len() + 64);
    // For each output line, the 1-based input line.
    let mut lines = Vec::new();
    let mut in_item = false;
    let mut before = "";
    for line in text.split_inclusive('\n') {
        let above = before.trim_end();
        let wrapped = !ends_sentence(above)
            && !above.ends_with(':')
            && (above.ends_with(',')
                || line.starts_with(char::is_lowercase)
                || (above.chars().count() >= WRAPPED_CHARS
                    && heading_like(line.trim_end(), None, None).is_none()));
        before = line;
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
        } else if in_item && indent == 0 && !wrapped {
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

/// The blocks of a lesson's text, in order, each with its source line.
pub(super) fn blocks(text: &str) -> Vec<Block> {
    let text = markdown_bullets(text);
    let (text, original) = if has_markdown_headings(&text) {
        (text, Vec::new())
    } else {
        end_lazy_items(&text)
    };
    let mut reader = Reader::new(LineMap::new(&text, original));
    for (event, range) in Parser::new_ext(&text, Options::ENABLE_TABLES).into_offset_iter() {
        reader.event(event, range);
    }
    reader.finish()
}

/// Byte offsets to 1-based lines of the file as the author wrote it.
struct LineMap {
    starts: Vec<usize>,
    /// For each line of the text read, the original line (empty when the
    /// text was not changed).
    original: Vec<usize>,
}

impl LineMap {
    fn new(text: &str, original: Vec<usize>) -> LineMap {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineMap { starts, original }
    }

    fn line_of(&self, offset: usize) -> usize {
        let n = self.starts.partition_point(|&s| s <= offset);
        self.original.get(n - 1).copied().unwrap_or(n)
    }
}

/// pulldown-cmark's events folded into blocks.
struct Reader {
    lines: LineMap,
    out: Vec<Block>,
    // The block being filled, its lines and open inline state.
    current: Option<Block>,
    // Per open list, the indexes in `out` of its items.
    list_stack: Vec<Vec<usize>>,
    // Per open list, the place of its first item: a numbered list that
    // starts at 3 goes on with an earlier one ("2." after a paragraph).
    list_starts: Vec<Option<usize>>,
    // The level of the last heading (0 before any), and whether the open
    // paragraph has text in bold and out of it: a paragraph all in bold
    // ("**Stay connected**") heads what follows.
    last_heading: usize,
    para_bold: bool,
    para_plain: bool,
    item_stack: Vec<Option<usize>>,
    quote_depth: usize,
    skip_depth: usize, // inside code, tables, HTML, images
    strong_depth: usize,
    label: Option<String>,
    label_open: bool,
    text_seen_in_item: bool,
    // The text in bold being read, when it is no label.
    stress: Option<String>,
    // The bold text opening the open paragraph, while it is read.
    para_lead: Option<String>,
}

impl Reader {
    fn new(lines: LineMap) -> Reader {
        Reader {
            lines,
            out: Vec::new(),
            current: None,
            list_stack: Vec::new(),
            list_starts: Vec::new(),
            last_heading: 0,
            para_bold: false,
            para_plain: false,
            item_stack: Vec::new(),
            quote_depth: 0,
            skip_depth: 0,
            strong_depth: 0,
            label: None,
            label_open: false,
            text_seen_in_item: false,
            stress: None,
            para_lead: None,
        }
    }

    fn flush(&mut self) {
        if let Some(mut b) = self.current.take() {
            b.lines = b
                .lines
                .iter()
                .map(|l| squash(l))
                .filter(|l| !l.is_empty())
                .collect();
            // "**Required:** …": bold opening the text labels it.
            let text = b.text();
            if b.lead
                .as_ref()
                .is_some_and(|l| l.len() >= text.trim_end_matches(['.', ':']).len())
            {
                b.lead = None;
            }
            b.stressed
                .retain(|s| !text.starts_with(s.as_str()) && word_count(s) >= 2);
            if !b.lines.is_empty() {
                self.out.push(b);
            }
        }
    }

    /// Starts a block of `kind` at byte `offset`.
    fn open(&mut self, kind: Kind, offset: usize) {
        self.current = Some(Block {
            kind,
            lines: vec![String::new()],
            line: self.lines.line_of(offset),
            stressed: Vec::new(),
            lead: None,
        });
    }

    /// Inside a list item, before any nested list: its text goes on.
    fn in_item_text(&self) -> bool {
        self.item_stack.last().is_some_and(Option::is_none)
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        if self.skip_depth > 0 {
            match event {
                Event::Start(Tag::CodeBlock(_) | Tag::Table(_) | Tag::Image { .. }) => {
                    self.skip_depth += 1
                }
                Event::End(TagEnd::CodeBlock | TagEnd::Table | TagEnd::Image) => {
                    self.skip_depth -= 1
                }
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range.start),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => self.text(&t),
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = self.current.as_mut() {
                    b.lines.push(String::new());
                }
                if self.label_open
                    && let Some(l) = self.label.as_mut()
                {
                    l.push(' ');
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag, offset: usize) {
        match tag {
            Tag::CodeBlock(_) | Tag::Table(_) | Tag::Image { .. } => {
                self.flush();
                self.skip_depth = 1;
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.last_heading = level as usize;
                self.open(Kind::Heading(level as usize), offset);
            }
            Tag::Paragraph => {
                // A paragraph inside an item continues the item's text.
                if !self.in_item_text() {
                    self.flush();
                    self.para_bold = false;
                    self.para_plain = false;
                    let kind = if self.quote_depth > 0 {
                        Kind::Quote
                    } else {
                        Kind::Para
                    };
                    self.open(kind, offset);
                } else if let Some(b) = self.current.as_mut() {
                    b.lines.push(String::new());
                }
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote_depth += 1;
            }
            Tag::List(start) => {
                self.flush();
                // The item that holds this list is done with its own text.
                if let Some(slot) = self.item_stack.last_mut() {
                    *slot = Some(0);
                }
                self.list_stack.push(Vec::new());
                self.list_starts
                    .push(start.map(|n| usize::try_from(n).unwrap_or(1).saturating_sub(1)));
            }
            Tag::Item => self.start_item(offset),
            Tag::Strong | Tag::Emphasis => {
                self.strong_depth += 1;
                if self.in_item_text() && !self.text_seen_in_item {
                    self.label_open = true;
                    self.label.get_or_insert_with(String::new);
                } else if matches!(tag, Tag::Strong) && self.stress.is_none() {
                    self.stress = Some(String::new());
                }
                // Bold before any other text of a paragraph: its label.
                if self.strong_depth == 1
                    && !self.para_plain
                    && !self.para_bold
                    && self.current.as_ref().is_some_and(|b| {
                        b.kind == Kind::Para && b.lines.iter().all(|l| l.trim().is_empty())
                    })
                {
                    self.para_lead = Some(String::new());
                }
            }
            _ => {}
        }
    }

    fn start_item(&mut self, offset: usize) {
        self.flush();
        self.item_stack.push(None);
        self.label = None;
        self.label_open = false;
        self.text_seen_in_item = false;
        let start = self.list_starts.last().copied().flatten();
        let index = self.list_stack.last().map_or(0, Vec::len) + start.unwrap_or(0);
        let kind = Kind::Item {
            depth: self.list_stack.len().saturating_sub(1),
            index,
            label: None,
            numbered: start.is_some(),
        };
        self.open(kind, offset);
        let at = self.out.len();
        if let Some(items) = self.list_stack.last_mut() {
            items.push(at);
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.list_stack.pop();
                self.list_starts.pop();
            }
            TagEnd::Item => {
                self.label = None;
                self.flush();
                self.item_stack.pop();
            }
            TagEnd::Strong | TagEnd::Emphasis => {
                if self.strong_depth == 1
                    && let Some(l) = self.para_lead.take()
                    && let Some(b) = self.current.as_mut()
                {
                    b.lead = Some(squash(&l)).filter(|l| !l.is_empty());
                }
                if self.strong_depth == 1
                    && let Some(s) = self.stress.take()
                    && let Some(b) = self.current.as_mut()
                {
                    b.stressed.push(squash(&s));
                }
                self.end_strong();
            }
            TagEnd::Paragraph if !self.in_item_text() => {
                self.bold_paragraph_as_heading();
                self.flush();
            }
            TagEnd::Heading(_) => self.flush(),
            _ => {}
        }
    }

    fn end_strong(&mut self) {
        self.strong_depth = self.strong_depth.saturating_sub(1);
        if self.strong_depth == 0 && self.label_open {
            self.label_open = false;
            if let Some(Block {
                kind: Kind::Item { label: l, .. },
                ..
            }) = self.current.as_mut()
            {
                *l = self
                    .label
                    .clone()
                    .map(|s| squash(&s))
                    .filter(|s| !s.is_empty());
            }
        }
    }

    /// "**Ask for feedback**" alone in its paragraph, a few words: a
    /// heading one level below the last, as pasted web pages set them. Not
    /// a bold lead-in ("**Required:**") nor a bold remark ("**This section
    /// was added by…**").
    fn bold_paragraph_as_heading(&mut self) {
        let level = (self.last_heading + 1).clamp(2, 6);
        if let Some(b) = self.current.as_mut()
            && b.kind == Kind::Para
            && self.para_bold
            && !self.para_plain
            && (1..=BOLD_HEADING_WORDS).contains(&word_count(&b.text()))
            && !b.text().ends_with(':')
            && !b.text().split(' ').next().is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "this" | "that" | "these" | "those" | "it" | "we" | "i" | "note"
                )
            })
        {
            b.kind = Kind::Heading(level);
        }
    }

    fn text(&mut self, t: &str) {
        let in_item_text = self.in_item_text();
        if !in_item_text && !t.trim().is_empty() {
            if self.strong_depth > 0 {
                self.para_bold = true;
            } else {
                self.para_plain = true;
            }
        }
        let Some(b) = self.current.as_mut() else {
            return;
        };
        if let Some(last) = b.lines.last_mut() {
            last.push_str(t);
        }
        if let Some(s) = self.stress.as_mut() {
            s.push_str(t);
        }
        if self.strong_depth > 0
            && let Some(l) = self.para_lead.as_mut()
        {
            l.push_str(t);
        }
        if self.label_open {
            if let Some(l) = self.label.as_mut() {
                l.push_str(t);
            }
        } else if in_item_text && !t.trim().is_empty() {
            self.text_seen_in_item = true;
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        // Alerts ("[!NOTE]") and leftover markers are not text.
        for b in &mut self.out {
            b.lines
                .retain(|l| !(l.starts_with("[!") && l.ends_with(']')));
        }
        self.out.retain(|b| !b.lines.is_empty());
        self.out
    }
}

#[cfg(test)]
mod tests {
    use crate::lesson::read::PieceKind;
    use crate::lesson::read::tests::{bodies, headings, read_str};

    #[test]
    fn a_paragraph_all_in_bold_heads_what_follows() {
        let l = read_str(
            "# After a rejection\n\n## What next\n\nThere are a few ways forward.\n\n**Ask for feedback**\n\nA short note to the panel often gets an answer.\n\n**Required:**\n\nA polite tone throughout.\n\n**This part was added by a reader**\n\nKeep applying every year.\n",
        );
        assert_eq!(headings(&l), ["What next", "Ask for feedback"]);
        assert_eq!(l.sections[1].context.as_deref(), Some("What next"));
    }

    #[test]
    fn phrases_in_bold_inside_the_text_are_kept_as_stressed() {
        let l = read_str(
            "# Tea

## Brewing

**Note:** steep green tea **below boiling point**, or it turns **bitter**.

- **Water:** use it **fresh and cold** every time.
",
        );
        let body = &l.sections[0].body;
        // A label opening the text is no stress, nor is a single word.
        assert_eq!(body[0].stressed, ["below boiling point"]);
        assert_eq!(body[1].stressed, ["fresh and cold"]);
    }

    #[test]
    fn a_list_item_wrapped_by_hand_goes_on_under_its_marker() {
        let l = read_str(
            "Release rules\n\nThese rules keep version numbers honest for everyone.\n\n1. A released version never changes once it is out, and any fix goes into\nthe next version number instead of the old one.\n\n1. A breaking change raises the first number, so that users can\ntell from the number alone whether an upgrade is safe.\n",
        );
        assert!(
            l.sections
                .iter()
                .all(|s| s.heading.as_deref()
                    != Some("the next version number instead of the old one")),
            "{:?}",
            headings(&l)
        );
        let all: Vec<&str> = l.sections.iter().flat_map(|s| bodies(s)).collect();
        assert!(
            all.iter()
                .any(|t| t.contains("goes into the next version number")),
            "{all:?}"
        );
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
    fn code_and_quotes_are_marked_or_left_out() {
        let l = read_str(
            "# T\n\n## Part\n\nText before.\n\n```\nlet x = 1;\n```\n\n> A quoted line.\n",
        );
        assert_eq!(bodies(&l.sections[0]), ["Text before.", "A quoted line."]);
        assert_eq!(l.sections[0].body[1].kind, PieceKind::Quote);
    }
}
