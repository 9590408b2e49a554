//! Card text as the review screen shows it (docs/review-session.md, "Card
//! text"): a pure function from the stored text and a width to styled
//! lines. Line breaks and leading whitespace are kept, long lines wrap at
//! spaces under their own indent, and a small Markdown subset is drawn:
//! bold, emphasis, inline code, code blocks (indented, never wrapped, cut
//! with "…"), lists, quotes and headings. The marked answer of a cloze card
//! is bold and underlined, or `[answer]` without colour. Text from the deck
//! is made safe ([`safe_line`]) before it is measured, so the widths are
//! those shown.
//!
//! Markdown comes from `pulldown-cmark`; the wrapping from `textwrap`
//! (words at spaces, measured with `unicode-width`, a word wider than the
//! line broken at the width).

use std::ops::Range;

use pulldown_cmark::Parser;
use textwrap::WordSeparator;
use textwrap::core::{Word, break_words, display_width};

use markdown::Builder;
use textwrap::wrap_algorithms::wrap_first_fit;

use crate::cli::render::safe_line;

/// Around a cloze answer in the text given to [`render`] with
/// `Look::marks`: Unicode private-use characters, taken out of the card's
/// own text first ([`unmarked`]).
pub const MARK_OPEN: char = '\u{e000}';
pub const MARK_CLOSE: char = '\u{e001}';

/// Columns between tab stops when a tab is expanded.
const TAB: usize = 4;
/// Indent of a fenced code block under its paragraph (an indented block
/// keeps the four spaces it is written with).
const CODE_INDENT: &str = "  ";

/// How a piece of text is drawn. Without colour only the text is shown;
/// the markers that carry meaning (backticks, `[answer]`) are then part of
/// the text itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub dim: bool,
    pub code: bool,
}

impl Style {
    pub const PLAIN: Style = Style {
        bold: false,
        italic: false,
        underline: false,
        dim: false,
        code: false,
    };
    pub const BOLD: Style = Style {
        bold: true,
        ..Style::PLAIN
    };
    pub const DIM: Style = Style {
        dim: true,
        ..Style::PLAIN
    };
}

/// A run of text in one style; its text is safe to send to a terminal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

impl Span {
    /// Text from anywhere, made safe on one line.
    pub fn new(text: &str, style: Style) -> Span {
        Span {
            text: safe_line(text).to_string(),
            style,
        }
    }
}

/// One screen line.
pub type Line = Vec<Span>;

/// The line's text without styles.
pub fn plain(line: &[Span]) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}

/// Columns the line takes on screen.
pub fn columns(line: &[Span]) -> usize {
    line.iter().map(|s| display_width(&s.text)).sum()
}

/// The line cut to `width` columns, ending in "…" when cut.
pub fn cut(line: &[Span], width: usize) -> Line {
    if columns(line) <= width {
        return line.to_vec();
    }
    let mut out = Vec::new();
    let mut used = 0;
    let mut last = Style::PLAIN;
    'spans: for span in line {
        let mut text = String::new();
        for c in span.text.chars() {
            let w = display_width(c.encode_utf8(&mut [0; 4]));
            if used + w + 1 > width {
                out.push(Span {
                    text,
                    style: span.style,
                });
                last = span.style;
                break 'spans;
            }
            used += w;
            text.push(c);
        }
        out.push(Span {
            text,
            style: span.style,
        });
    }
    if width > 0 {
        out.push(Span {
            text: "…".into(),
            style: last,
        });
    }
    out.retain(|s| !s.text.is_empty());
    out
}

/// How to draw: the width of the text, colour or not, the style of the
/// whole text (the front is bold), and whether it carries cloze marks.
pub struct Look {
    pub width: usize,
    pub color: bool,
    pub base: Style,
    pub marks: bool,
}

/// Card text without the characters [`render`] reads as cloze marks.
pub fn unmarked(text: &str) -> String {
    text.replace([MARK_OPEN, MARK_CLOSE], "")
}

/// The text as screen lines of at most `look.width` columns.
pub fn render(text: &str, look: &Look) -> Vec<Line> {
    let source = expand_tabs(&text.replace("\r\n", "\n"));
    let mut builder = Builder::new(&source, look);
    for (event, range) in Parser::new(&source).into_offset_iter() {
        builder.event(event, range);
    }
    builder.finish_line();
    let mut logical = builder.out;
    while logical.last().is_some_and(Logical::is_blank) {
        logical.pop();
    }
    logical.iter().flat_map(|l| l.wrap(look.width)).collect()
}

/// Tabs become spaces to the next stop of [`TAB`] columns, line by line.
fn expand_tabs(text: &str) -> String {
    if !text.contains('\t') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut column = 0;
    for c in text.chars() {
        match c {
            '\t' => {
                let n = TAB - column % TAB;
                out.push_str(&" ".repeat(n));
                column += n;
            }
            '\n' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// One line of the text before wrapping: the prefix of its first screen
/// line (list marker, quote bar, indent), the prefix of the lines it wraps
/// onto, and its content.
#[derive(Debug, Default)]
struct Logical {
    first: String,
    rest: String,
    spans: Vec<Span>,
    wrap: bool,
}

impl Logical {
    fn is_blank(&self) -> bool {
        self.first.trim().is_empty() && self.spans.iter().all(|s| s.text.trim().is_empty())
    }

    /// Screen lines: wrapped at spaces under the continuation prefix, or,
    /// for code and aligned text (tables), one line cut with "…".
    fn wrap(&self, width: usize) -> Vec<Line> {
        let text: String = plain(&self.spans);
        let prefix = |p: &str| Span {
            text: p.to_string(),
            style: Style::PLAIN,
        };
        let room = width.saturating_sub(display_width(&self.rest)).max(1);
        if !self.wrap || is_aligned(&text) || text.is_empty() {
            let mut line = vec![prefix(&self.first)];
            line.extend(self.spans.iter().cloned());
            line.retain(|s| !s.text.is_empty());
            return vec![cut(&line, width)];
        }
        wrap_ranges(&text, room)
            .into_iter()
            .enumerate()
            .map(|(i, range)| {
                let p = if i == 0 { &self.first } else { &self.rest };
                let mut line = vec![prefix(p)];
                line.extend(slice(&self.spans, range));
                line.retain(|s| !s.text.is_empty());
                cut(&line, width)
            })
            .collect()
    }
}

/// Text laid out in columns: a table row, or a run of three spaces that
/// aligns what follows. Wrapping it would break the alignment, so it is
/// cut instead.
fn is_aligned(text: &str) -> bool {
    text.starts_with('|') || text.starts_with("+-") || text.trim_end().contains("   ")
}

/// The byte ranges of `text` on each wrapped line of `width` columns.
fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let words: Vec<Word> = break_words(WordSeparator::AsciiSpace.find_words(text), width);
    let start = |w: &Word| w.word.as_ptr() as usize - text.as_ptr() as usize;
    wrap_first_fit(&words, &[width as f64])
        .into_iter()
        .filter_map(|line| {
            let (first, last) = (line.first()?, line.last()?);
            Some(start(first)..start(last) + last.word.len())
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The part of `spans` in the byte range `range` of their joined text.
fn slice(spans: &[Span], range: Range<usize>) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for span in spans {
        let (start, end) = (at, at + span.text.len());
        at = end;
        let (from, to) = (range.start.max(start), range.end.min(end));
        if from < to {
            out.push(Span {
                text: span.text[from - start..to - start].to_string(),
                style: span.style,
            });
        }
    }
    out
}

mod markdown;

#[cfg(test)]
mod tests;
