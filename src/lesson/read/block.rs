//! The blocks the Markdown reader yields (see `markdown.rs`): headings,
//! paragraphs, list items, quotes and table rows, each with its text by
//! source line.

use crate::lesson::text::squash;

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
    /// A table's row, labelled by its first cell.
    Row(String),
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
    /// Every word or phrase set in bold inside the text, one word or more
    /// (a list item naming its idea mid-sentence: "…we call this **open
    /// data**"; see `lists::termed_tips`).
    pub(super) terms: Vec<String>,
    /// For a paragraph: the bold text opening it, when more follows
    /// ("**Pay it down early.** Debt grows…"), a label as a tip's.
    pub(super) lead: Option<String>,
    /// The program text in it: its inline code spans, and the commands
    /// joined to its text from the code block after it ("…by the
    /// command:" and `ufw enable`; see `commands.rs`).
    pub(super) code: Vec<String>,
}

impl Block {
    pub(super) fn text(&self) -> String {
        squash(&without_attribute_lists(&self.lines.join(" ")))
    }
}

/// The longest attribute list read as one, in characters.
const LIST_CHARS: usize = 80;

/// "[guide](…){:target="_blank" }", "{: .note }": the attribute lists
/// kramdown (Jekyll's Markdown) lets a span or a block carry are markup,
/// no part of the text. One opens on "{:" and then a class or id (".note",
/// "#top") or a name and "=" (`target="_blank"`); a format string in
/// program text, "{:?}", "{:.2f}", "{:>10}", is none.
pub(super) fn without_attribute_lists(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{:") {
        let inner = &rest[at + 2..];
        let end = inner.find('}').filter(|&e| e <= LIST_CHARS);
        match end.filter(|&e| is_attribute_list(&inner[..e])) {
            Some(e) => {
                out.push_str(rest[..at].trim_end_matches(' '));
                rest = &inner[e + 1..];
            }
            None => {
                out.push_str(&rest[..at + 2]);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Does the text inside "{:" and "}" read as attributes: a class or an id,
/// or a name and "="?
fn is_attribute_list(inner: &str) -> bool {
    let t = inner.trim_start();
    let mut chars = t.chars();
    match chars.next() {
        Some('.' | '#') => chars.next().is_some_and(|c| c.is_ascii_alphabetic()),
        Some(c) if c.is_ascii_alphabetic() => {
            let name = t.split('=').next().unwrap_or("");
            t.contains('=')
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::without_attribute_lists as clean;

    #[test]
    fn kramdown_attribute_lists_are_markup_not_text() {
        assert_eq!(
            clean("Read the guide{:target=\"_blank\" } before you start."),
            "Read the guide before you start."
        );
        assert_eq!(clean("{: .note }"), "");
        assert_eq!(clean("Top of page {: #top}"), "Top of page");
        // (Format strings in program text stay.)
        for code in [
            "println!(\"{:?}\", x)",
            "f\"{x:.2f}\" and \"{:.2f}\"",
            "{:>10}",
        ] {
            assert_eq!(clean(code), code);
        }
    }
}
