//! A Markdown table, read row by row (see docs/lessons.md, "Tables").
//! Comparison articles put their facts in tables ("Loan | Down payment |
//! Who it suits"): each data row whose first cell names it becomes a piece
//! of its own, labelled by that cell, its other cells after their column
//! headers ("Down payment: 3.5% · Who it suits: first-time buyers"), which
//! the card maker asks about row by row.

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::lesson::text::squash;

/// The most rows a table gives cards for: a longer one is reference
/// material, read in part.
const MAX_ROWS: usize = 10;

/// The table being read.
#[derive(Debug, Default)]
pub(super) struct TableReader {
    header: Vec<String>,
    rows: Vec<(Vec<String>, usize)>,
    row: Vec<String>,
    row_start: usize,
    cell: Option<String>,
}

/// A data row: its label (the first cell), the rest as text, and the byte
/// offset it starts at.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Row {
    pub(super) label: String,
    pub(super) text: String,
    pub(super) offset: usize,
}

impl TableReader {
    /// Takes one event inside the table; true at the table's end.
    pub(super) fn event(&mut self, event: &Event, offset: usize) -> bool {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                self.row.clear();
                self.row_start = offset;
            }
            Event::Start(Tag::TableCell) => self.cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let Some(c) = self.cell.take() {
                    self.row.push(squash(&c));
                }
            }
            Event::End(TagEnd::TableHead) => self.header = std::mem::take(&mut self.row),
            Event::End(TagEnd::TableRow) => {
                let row = std::mem::take(&mut self.row);
                self.rows.push((row, self.row_start));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = self.cell.as_mut() {
                    c.push_str(t);
                }
            }
            // ("<br>" inside a cell, a line break: words apart.)
            Event::SoftBreak | Event::HardBreak | Event::InlineHtml(_) => {
                if let Some(c) = self.cell.as_mut() {
                    c.push(' ');
                }
            }
            Event::End(TagEnd::Table) => return true,
            _ => {}
        }
        false
    }

    /// The rows worth a card: a table of two columns or more, each row
    /// with a label and a cell besides it, the first `MAX_ROWS` of them.
    pub(super) fn rows(self) -> Vec<Row> {
        if self.header.len() < 2 {
            return Vec::new();
        }
        let header = self.header;
        self.rows
            .into_iter()
            .filter_map(|(cells, offset)| {
                let label = cells.first()?.trim().to_string();
                let said: Vec<String> = cells
                    .iter()
                    .enumerate()
                    .skip(1)
                    .filter(|(_, c)| !c.trim().is_empty() && !is_dash(c))
                    .map(|(k, c)| match header.get(k).map(|h| h.trim()) {
                        Some(h) if !h.is_empty() => format!("{h}: {}", c.trim()),
                        _ => c.trim().to_string(),
                    })
                    .collect();
                (!label.is_empty() && !is_dash(&label) && !said.is_empty()).then(|| Row {
                    label,
                    text: said.join(" \u{b7} "),
                    offset,
                })
            })
            .take(MAX_ROWS)
            .collect()
    }
}

/// "-", "—", "n/a": an empty cell as written.
fn is_dash(cell: &str) -> bool {
    matches!(
        cell.trim().to_lowercase().as_str(),
        "-" | "\u{2013}" | "\u{2014}" | "n/a" | "na"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    fn rows(text: &str) -> Vec<(String, String)> {
        let mut t = TableReader::default();
        for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
            if matches!(event, Event::Start(Tag::Table(_))) {
                continue;
            }
            if t.event(&event, range.start) {
                break;
            }
        }
        t.rows().into_iter().map(|r| (r.label, r.text)).collect()
    }

    #[test]
    fn each_row_is_its_label_and_its_cells_under_their_headers() {
        let text = "| Loan | Down payment | Suits |\n|---|---|---|\n\
                    | FHA | 3.5% | Lower **credit** scores |\n| VA | - | Veterans |\n| | 5% | x |\n";
        assert_eq!(
            rows(text),
            vec![
                (
                    "FHA".to_string(),
                    "Down payment: 3.5% \u{b7} Suits: Lower credit scores".to_string()
                ),
                ("VA".to_string(), "Suits: Veterans".to_string()),
            ]
        );
    }

    #[test]
    fn a_table_of_one_column_gives_nothing() {
        assert!(rows("| Word |\n|---|\n| one |\n").is_empty());
    }
}
