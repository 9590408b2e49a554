//! The Markdown walk of [`super::render`]: events from `pulldown-cmark`
//! become logical lines with their prefixes (list markers, quote bars,
//! the source's own indent) and styled spans.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
use textwrap::core::display_width;

use super::{CODE_INDENT, Logical, Look, MARK_CLOSE, MARK_OPEN, Span, Style};

/// A list item or quote around the lines being built: its prefix on its
/// first line and on the lines after.
struct Container {
    first: String,
    rest: String,
    used: bool,
}

/// Walks the Markdown events and collects [`Logical`] lines.
pub(super) struct Builder<'a> {
    source: &'a str,
    look: &'a Look,
    pub(super) out: Vec<Logical>,
    line: Option<Logical>,
    styles: Vec<Style>,
    containers: Vec<Container>,
    /// The next number of each open list; `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The text of a code block, drawn when it ends, and its indent.
    code: Option<String>,
    code_indent: &'static str,
    /// Link targets, shown after the link text when they differ from it.
    links: Vec<(String, String)>,
    in_mark: bool,
    /// A blank line is due before the next block.
    blank: bool,
    /// Where in the source the line to come begins.
    at: Option<usize>,
    /// Where the last piece of inline text (or break) ends in the source.
    leaf_end: usize,
}

impl<'a> Builder<'a> {
    pub(super) fn new(source: &'a str, look: &'a Look) -> Builder<'a> {
        Builder {
            source,
            look,
            out: Vec::new(),
            line: None,
            styles: vec![look.base],
            containers: Vec::new(),
            lists: Vec::new(),
            code: None,
            code_indent: CODE_INDENT,
            links: Vec::new(),
            in_mark: false,
            blank: false,
            at: None,
            leaf_end: 0,
        }
    }

    fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or(self.look.base)
    }

    fn push_style(&mut self, change: impl Fn(&mut Style)) {
        let mut style = self.style();
        change(&mut style);
        self.styles.push(style);
    }

    pub(super) fn event(&mut self, event: Event, range: Range<usize>) {
        if self.line.is_none() && self.at.is_none() {
            self.at = Some(range.start);
        }
        let leaf = !matches!(event, Event::Start(_) | Event::End(_));
        let leaf_end = if leaf { range.end } else { self.leaf_end };
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => match self.code.as_mut() {
                Some(code) => code.push_str(&text),
                None => {
                    let written = self.as_written(&text, range.clone());
                    self.text(&written, self.style())
                }
            },
            Event::Code(text) => {
                let style = Style {
                    code: true,
                    ..self.style()
                };
                let text = if self.look.color {
                    text.to_string()
                } else {
                    format!("`{text}`")
                };
                self.text(&text, style)
            }
            Event::Html(text) | Event::InlineHtml(text) => self.html(&text),
            Event::SoftBreak | Event::HardBreak => {
                // A break on an empty line keeps that line; a backslash
                // that made the break is shown.
                if self.source[range.clone()].starts_with('\\') {
                    self.text("\\", self.style());
                }
                if self.line.is_none() {
                    self.line = Some(self.new_line(true));
                }
                self.finish_line();
            }
            Event::Rule => {
                self.block_start();
                let rule = "─".repeat(self.look.width.min(20));
                self.text(&rule, Style::DIM);
                self.finish_line();
                self.blank = true;
            }
            Event::InlineMath(text) | Event::DisplayMath(text) => self.text(&text, self.style()),
            Event::FootnoteReference(text) => self.text(&format!("[^{text}]"), self.style()),
            Event::TaskListMarker(done) => {
                let mark = if done { "[x] " } else { "[ ] " };
                self.text(mark, self.style())
            }
        }
        self.leaf_end = leaf_end;
    }

    /// Text as the card wrote it: Markdown reads `\.` as `.` and `&amp;`
    /// as `&`, but a card about regular expressions, paths or HTML means
    /// the backslash and the entity (docs/review-session.md, "Card text").
    fn as_written(&self, text: &str, range: Range<usize>) -> String {
        let source = &self.source[range.clone()];
        if source.starts_with('&') && source.ends_with(';') && source != text {
            return source.to_string();
        }
        // An escaped character comes alone after the backslash that no
        // other piece of text holds.
        let escaped = range.start > self.leaf_end
            && self.source.as_bytes().get(range.start - 1) == Some(&b'\\');
        if escaped {
            format!("\\{text}")
        } else {
            text.to_string()
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::HtmlBlock => self.block_start(),
            Tag::Heading { .. } => {
                self.block_start();
                self.push_style(|s| s.bold = true);
            }
            Tag::BlockQuote(_) => {
                self.block_start();
                self.containers.push(Container {
                    first: "│ ".into(),
                    rest: "│ ".into(),
                    used: false,
                });
            }
            Tag::CodeBlock(kind) => {
                self.block_start();
                self.code = Some(String::new());
                self.code_indent = match kind {
                    CodeBlockKind::Indented => "    ",
                    CodeBlockKind::Fenced(_) => CODE_INDENT,
                };
            }
            Tag::List(first) => {
                self.block_start();
                self.lists.push(first);
            }
            Tag::Item => {
                self.finish_line();
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}. ", *n - 1)
                    }
                    _ => "• ".to_string(),
                };
                let rest = " ".repeat(display_width(&marker));
                self.containers.push(Container {
                    first: marker,
                    rest,
                    used: false,
                });
            }
            Tag::Emphasis => self.push_style(|s| s.italic = true),
            Tag::Strong => self.push_style(|s| s.bold = true),
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.links.push((dest_url.to_string(), String::new()));
                self.push_style(|_| {});
            }
            _ => self.push_style(|_| {}),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock => {
                self.finish_line();
                self.blank = true;
            }
            TagEnd::Heading(_) => {
                self.finish_line();
                self.styles.pop();
                self.blank = true;
            }
            TagEnd::BlockQuote(_) => {
                self.finish_line();
                self.containers.pop();
                self.blank = true;
            }
            TagEnd::CodeBlock => {
                let code = self.code.take().unwrap_or_default();
                self.code_block(&code);
                self.blank = true;
            }
            TagEnd::List(_) => {
                self.finish_line();
                self.lists.pop();
                self.blank = self.lists.is_empty() || self.blank;
            }
            TagEnd::Item => {
                self.finish_line();
                self.containers.pop();
            }
            TagEnd::Link | TagEnd::Image => {
                self.styles.pop();
                if let Some((url, text)) = self.links.pop()
                    && !url.is_empty()
                    && url != text
                {
                    self.text(&format!(" <{url}>"), Style::DIM);
                }
            }
            _ => {
                self.styles.pop();
            }
        }
    }

    /// Before a block: the line under way ends, and a blank line separates
    /// it from the block before.
    fn block_start(&mut self) {
        self.finish_line();
        if self.blank && !self.out.is_empty() {
            self.out.push(Logical::default());
        }
        self.blank = false;
    }

    pub(super) fn finish_line(&mut self) {
        if let Some(line) = self.line.take() {
            self.out.push(line);
        }
        self.at = None;
    }

    /// The prefix of a new line from the open containers; at the top level
    /// and with `recover`, the line's own indent in the source (Markdown
    /// would drop it).
    fn new_line(&mut self, recover: bool) -> Logical {
        let mut first = String::new();
        let mut rest = String::new();
        for c in &mut self.containers {
            first.push_str(if c.used { &c.rest } else { &c.first });
            rest.push_str(&c.rest);
            c.used = true;
        }
        let at = self.at.take();
        if let Some(at) = at.filter(|_| recover && self.containers.is_empty()) {
            let indent = " ".repeat(self.indent_at(at).min(self.look.width / 3));
            first.push_str(&indent);
            rest.push_str(&indent);
        }
        Logical {
            first,
            rest,
            spans: Vec::new(),
            wrap: true,
        }
    }

    /// Spaces before byte `at` on its source line, when only spaces are.
    fn indent_at(&self, at: usize) -> usize {
        let at = at.min(self.source.len());
        let start = self.source[..at].rfind('\n').map_or(0, |i| i + 1);
        let lead = &self.source[start..at];
        if lead.bytes().all(|b| b == b' ') {
            lead.len()
        } else {
            0
        }
    }

    /// Inline text: cloze marks switch the answer's style on and off.
    fn text(&mut self, text: &str, style: Style) {
        if self.line.is_none() {
            self.line = Some(self.new_line(true));
        }
        if let Some((_, shown)) = self.links.last_mut() {
            shown.push_str(text);
        }
        let spans = self.marked(text, style);
        let line = self.line.as_mut().expect("a line is under way");
        line.spans.extend(spans);
    }

    /// Spans of `text`; the cloze marks in it switch the answer's style
    /// (bold and underlined, or between brackets without colour) on and off.
    fn marked(&mut self, text: &str, style: Style) -> Vec<Span> {
        let mut pieces = Vec::new();
        let mut rest = text;
        if self.look.marks {
            while let Some(i) = rest.find([MARK_OPEN, MARK_CLOSE]) {
                pieces.push((&rest[..i], self.in_mark));
                let opening = rest[i..].starts_with(MARK_OPEN);
                if !self.look.color && opening != self.in_mark {
                    pieces.push((if opening { "[" } else { "]" }, true));
                }
                self.in_mark = opening;
                rest = &rest[i + MARK_OPEN.len_utf8()..];
            }
        }
        pieces.push((rest, self.in_mark));
        pieces
            .into_iter()
            .filter(|(piece, _)| !piece.is_empty())
            .map(|(piece, marked)| {
                let style = Style {
                    bold: style.bold || marked,
                    underline: style.underline || marked,
                    ..style
                };
                Span::new(piece, style)
            })
            .collect()
    }

    /// Raw HTML is shown as written, line by line.
    fn html(&mut self, text: &str) {
        let mut lines = text.split('\n').peekable();
        while let Some(line) = lines.next() {
            if line.is_empty() && lines.peek().is_none() {
                break;
            }
            self.text(line, self.style());
            if lines.peek().is_some() {
                self.finish_line();
            }
        }
    }

    /// A code block: its lines indented under the text, never wrapped.
    fn code_block(&mut self, code: &str) {
        let style = Style {
            code: true,
            ..Style::PLAIN
        };
        for line in code.strip_suffix('\n').unwrap_or(code).split('\n') {
            let mut logical = self.new_line(false);
            logical.first.push_str(self.code_indent);
            logical.rest.push_str(self.code_indent);
            logical.wrap = false;
            logical.spans = self.marked(line, style);
            self.out.push(logical);
        }
    }
}
