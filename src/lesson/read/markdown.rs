//! Markdown into blocks: pulldown-cmark's events folded into paragraphs, list
//! items (with depth, place in the list and bold label), quotes and headings,
//! each with its source line. Code, images and HTML are left out; a table
//! gives a block per row (see `table.rs`).

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::admonition::admonitions;
pub(super) use super::block::{Block, Kind};
use super::commands::Code;
use super::line_map::LineMap;
use super::pasted::{
    comments_in_code, has_markdown_headings, markdown_bullets, plain_text, without_template_tags,
};
use super::tags::{escape_mentioned_tags, is_tag};
use super::{heading::opens_a_remark, item_label::past_enumerator, pictograph};
use crate::lesson::text::{end_sentence, ends_sentence, names_a_file, squash, word_count};

/// Longest paragraph in bold read as a heading, in words.
const BOLD_HEADING_WORDS: usize = 12;

/// The blocks of a lesson's text, in order, each with its source line.
pub(super) fn blocks(text: &str) -> Vec<Block> {
    let text = escape_mentioned_tags(&comments_in_code(&without_template_tags(text)));
    let text = admonitions(&markdown_bullets(&text));
    let (text, original) = if has_markdown_headings(&text) {
        (text, Vec::new())
    } else {
        plain_text(&text)
    };
    let mut reader = Reader::new(LineMap::new(&text, original));
    let options = Options::ENABLE_TABLES | Options::ENABLE_DEFINITION_LIST;
    let options = options | Options::ENABLE_TASKLISTS; // ("- [ ]": a box, no text)
    for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
        reader.event(event, range);
    }
    reader.finish()
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
    // How many of those are bold: a paragraph all in italics
    // ("_taste it too!_") is an aside, not a heading.
    bold_depth: usize,
    label: Option<String>,
    label_open: bool,
    text_seen_in_item: bool,
    // The text in bold being read, when it is no label.
    stress: Option<String>,
    // The bold text opening the open paragraph, while it is read.
    para_lead: Option<String>,
    // The code block being skipped, kept in case it completes a lead-in.
    code: Option<Code>,
    // The last event was a line break inside a block.
    after_break: bool,
    // Inside a link, and whether the open paragraph has words outside any.
    link_depth: usize,
    para_unlinked: bool,
    // The open item opens with a pictograph ("🛠", "📖"): a resource's mark.
    item_marked: bool,
    // The table being read.
    table: Option<super::table::TableReader>,
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
            bold_depth: 0,
            label: None,
            label_open: false,
            text_seen_in_item: false,
            stress: None,
            para_lead: None,
            code: None,
            after_break: false,
            link_depth: 0,
            para_unlinked: false,
            item_marked: false,
            table: None,
        }
    }

    /// Is the open block a paragraph (outside any list or quote) that
    /// opened with a bold label?
    fn labelled_paragraph(&self) -> bool {
        self.strong_depth == 0
            && self.quote_depth == 0
            && !self.in_item_text()
            && self
                .current
                .as_ref()
                .is_some_and(|b| b.kind == Kind::Para && b.lead.is_some())
    }

    fn flush(&mut self) {
        if let Some(mut b) = self.current.take() {
            b.lines = b
                .lines
                .iter()
                .map(|l| squash(l))
                .filter(|l| !l.is_empty())
                .collect();
            // "**Required:** …": bold opening the text labels it. (Most
            // blocks have no bold: their text is not joined for nothing.)
            if b.lead.is_some() || !b.stressed.is_empty() {
                let text = b.text();
                if b.lead
                    .as_ref()
                    .is_some_and(|l| l.len() >= text.trim_end_matches(['.', ':']).len())
                {
                    b.lead = None;
                }
                // (A whole sentence in bold opening a paragraph, "**It is
                // the developer's job to fix a change.** You need not…", is
                // the writer's point, stressed though it opens the text.)
                b.stressed
                    .retain(|s| !text.starts_with(s.as_str()) || ends_sentence(s));
                b.terms = b.stressed.clone();
                b.stressed.retain(|s| word_count(s) >= 2);
            }
            let tag = matches!(b.kind, Kind::Heading(_)) && is_tag(&b.text());
            if !b.lines.is_empty() && !tag {
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
            terms: Vec::new(),
            lead: None,
            code: Vec::new(),
        });
    }

    /// Inside a list item, before any nested list: its text goes on.
    fn in_item_text(&self) -> bool {
        self.item_stack.last().is_some_and(Option::is_none)
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        if let Some(t) = self.table.as_mut() {
            if t.event(&event, range.start) {
                let rows = self.table.take().map(|t| t.rows()).unwrap_or_default();
                for row in rows {
                    self.open(Kind::Row(row.label), row.offset);
                    if let Some(b) = self.current.as_mut() {
                        b.lines = vec![row.text];
                    }
                    self.flush();
                }
            }
            return;
        }
        if self.skip_depth > 0 {
            match event {
                Event::Start(Tag::CodeBlock(_) | Tag::Table(_) | Tag::Image { .. }) => {
                    self.skip_depth += 1
                }
                Event::End(TagEnd::CodeBlock | TagEnd::Table | TagEnd::Image) => {
                    self.skip_depth -= 1;
                    if self.skip_depth == 0
                        && let Some(code) = self.code.take()
                    {
                        code.complete(self.current.as_mut(), self.out.last_mut());
                    }
                }
                Event::Text(t) if self.skip_depth == 1 => {
                    if let Some(code) = self.code.as_mut() {
                        code.text.push_str(&t);
                    }
                }
                _ => {}
            }
            return;
        }
        let after_break = std::mem::replace(
            &mut self.after_break,
            matches!(event, Event::SoftBreak | Event::HardBreak),
        );
        match event {
            // "**Label:** text" on line after line of one paragraph: each
            // line is a paragraph of its own, as if blank lines stood
            // between them (see docs/lessons.md).
            Event::Start(Tag::Strong) if after_break && self.labelled_paragraph() => {
                self.open_paragraph(range.start);
                self.start(Tag::Strong, range.start);
            }
            Event::Start(tag) => self.start(tag, range.start),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => self.code(&t),
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = self.current.as_mut() {
                    b.lines.push(String::new());
                }
                if self.label_open
                    && let Some(l) = self.label.as_mut()
                {
                    l.push(' ');
                }
                // (Bold text wrapped over lines goes on after a space.)
                if let Some(s) = self.stress.as_mut() {
                    s.push(' ');
                }
                if self.strong_depth > 0
                    && let Some(l) = self.para_lead.as_mut()
                {
                    l.push(' ');
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag, offset: usize) {
        match tag {
            Tag::Table(_) => {
                self.flush();
                self.table = Some(super::table::TableReader::default());
            }
            Tag::CodeBlock(_) | Tag::Image { .. } => {
                // Code inside an item's text leaves the item open: what
                // follows it ("This writes…") goes on with the item.
                let in_item = self.in_item_text()
                    && (self.current.as_ref()).is_some_and(|b| matches!(b.kind, Kind::Item { .. }));
                if !in_item {
                    self.flush();
                }
                self.skip_depth = 1;
                self.code = Code::new(&tag, in_item);
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.last_heading = level as usize;
                self.open(Kind::Heading(level as usize), offset);
            }
            Tag::Paragraph => {
                // A paragraph inside an item continues the item's text.
                if !self.in_item_text() {
                    self.open_paragraph(offset);
                } else if let Some(b) = self.current.as_mut() {
                    // (A paragraph ends its sentence: "**Record the
                    // versions**" and then "Commit the file…".)
                    if let Some(last) = b.lines.last_mut() {
                        end_sentence(last);
                    }
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
            Tag::Link { .. } => self.link_depth += 1,
            // "Term" then ": its definition" (a definition list): an item
            // labelled by its term, like "**Term:** definition".
            Tag::DefinitionList => {
                self.flush();
                self.list_stack.push(Vec::new());
                self.list_starts.push(None);
            }
            Tag::DefinitionListTitle => {
                self.start_item(offset);
                self.label_open = true;
                self.label = Some(String::new());
            }
            Tag::Strong | Tag::Emphasis => self.start_strong(&tag),
            _ => {}
        }
    }

    /// Bold or italics open: a label, a stress or a paragraph's lead.
    fn start_strong(&mut self, tag: &Tag) {
        self.strong_depth += 1;
        if matches!(tag, Tag::Strong) {
            self.bold_depth += 1;
        }
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

    /// Starts a paragraph (or a quote's) at byte `offset`, done with the
    /// block before.
    fn open_paragraph(&mut self, offset: usize) {
        self.flush();
        self.para_bold = false;
        self.para_plain = false;
        self.para_unlinked = false;
        let kind = if self.quote_depth > 0 {
            Kind::Quote
        } else if !self.item_stack.is_empty() {
            // An item's paragraph after its nested list ("Example: …") goes
            // on with the item, one level in: no paragraph of the page.
            Kind::Item {
                depth: self.list_stack.len(),
                index: 0,
                label: None,
                numbered: false,
            }
        } else {
            Kind::Para
        };
        self.open(kind, offset);
    }

    fn start_item(&mut self, offset: usize) {
        self.flush();
        self.item_stack.push(None);
        self.label = None;
        self.label_open = false;
        self.text_seen_in_item = false;
        (self.para_unlinked, self.item_marked) = (false, false);
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
            TagEnd::List(_) | TagEnd::DefinitionList => {
                self.flush();
                self.list_stack.pop();
                self.list_starts.pop();
            }
            TagEnd::Item | TagEnd::DefinitionListDefinition => {
                // "- 🛠 [Free SSL Server Test](…)": a resource, marked and
                // all link, points elsewhere; it goes, and the list counts
                // on without it. ("- [Install Git](…)" is a step.)
                if !self.para_unlinked
                    && self.item_marked
                    && self
                        .current
                        .as_ref()
                        .is_some_and(|b| matches!(b.kind, Kind::Item { .. }))
                {
                    self.current = None;
                    self.list_stack.last_mut().and_then(Vec::pop);
                }
                self.label = None;
                self.flush();
                self.item_stack.pop();
            }
            TagEnd::DefinitionListTitle => {
                self.close_label();
                // "Tests" then its definition: "Tests: Every change…".
                if let Some(last) = self.current.as_mut().and_then(|b| b.lines.last_mut()) {
                    if !last.trim_end().ends_with([':', '.', '?', '!']) {
                        last.push(':');
                    }
                    last.push(' ');
                }
            }
            TagEnd::Strong | TagEnd::Emphasis => {
                if matches!(tag, TagEnd::Strong) {
                    self.bold_depth = self.bold_depth.saturating_sub(1);
                }
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
                // "🔗 [Read more: avoiding callbacks](…)": a paragraph that
                // is all link points elsewhere and says nothing.
                if !self.para_unlinked
                    && self.current.as_ref().is_some_and(|b| b.kind == Kind::Para)
                {
                    self.current = None;
                }
                self.bold_paragraph_as_heading();
                self.flush();
            }
            TagEnd::Link => self.link_depth = self.link_depth.saturating_sub(1),
            TagEnd::Heading(_) => self.flush(),
            _ => {}
        }
    }

    fn end_strong(&mut self) {
        self.strong_depth = self.strong_depth.saturating_sub(1);
        if self.strong_depth == 0 && self.label_open {
            self.close_label();
        }
    }

    /// The open item's label is complete: it labels the item.
    fn close_label(&mut self) {
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
            && !names_a_file(&b.text())
            && !opens_a_remark(&b.text())
        {
            b.kind = Kind::Heading(level);
        }
    }

    /// An inline code span: its text, recorded as code too. (A span of
    /// marks alone, `?` or `"`, keeps its backticks: bare, it would read
    /// as the sentence's own punctuation.)
    fn code(&mut self, t: &str) {
        if t.chars().any(char::is_alphanumeric) {
            self.text(t);
        } else {
            self.text(&format!("`{t}`"));
        }
        if let Some(b) = self.current.as_mut() {
            b.code.push(t.trim().to_string());
        }
    }

    fn text(&mut self, t: &str) {
        let in_item_text = self.in_item_text();
        // ("- a. **Push, don't pull**": a letter numbering the item.)
        let opening = in_item_text && !self.text_seen_in_item && !self.label_open;
        let t = if opening { past_enumerator(t) } else { t };
        if self.link_depth == 0 && t.chars().any(char::is_alphanumeric) {
            self.para_unlinked = true;
        }
        self.item_marked |=
            !self.para_unlinked && self.link_depth == 0 && t.chars().any(pictograph);
        if !in_item_text && !t.trim().is_empty() {
            if self.bold_depth > 0 {
                self.para_bold = true;
            } else if self.strong_depth == 0 {
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
#[path = "markdown_tests.rs"]
mod tests;
