//! Which column holds what, and the cards of one row.
//!
//! Rows become [`CardEntry`]s expanded by [`crate::deck::expand`], the same
//! rules as TOML decks. Only a row carrying one of our own exported card ids
//! (`x#r`, `x#cN`) is taken as the single card it names, so that export →
//! import is the identity; any other `#` in an id is refused, as in a deck
//! file, so that every imported card can be exported as TOML again.

use super::CsvProblem;
use super::header::Header;
use crate::deck::{CardEntry, cloze, expand};
use crate::import::{CardDraft, CardId, CardKind, IdMaker, html, id_from_guid};

/// Which column holds what, decided once from the header.
#[derive(Debug)]
pub struct Layout {
    front: usize,
    back: usize,
    tags: Option<usize>,
    /// An explicit card id: our `Id` column (verbatim) or Anki's guid.
    id: Option<(usize, IdSource)>,
    /// Anki's "Add Reverse" field of "Basic (optional reversed card)".
    third: usize,
    /// Our `Extra` column: text shown with the answer.
    extra: Option<usize>,
    /// Our `Cloze` column: the cloze text of a `x#cN` card.
    cloze: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum IdSource {
    Ours,
    AnkiGuid,
}

/// One of our own card ids: `note#r` or `note#cN`.
enum OwnId<'a> {
    Reverse { note: &'a str },
    Cloze { note: &'a str, ord: u32 },
}

impl<'a> OwnId<'a> {
    /// Reads an id holding `#`; any other `#` is refused.
    fn parse(id: &'a str) -> Result<OwnId<'a>, CsvProblem> {
        let refused = || CsvProblem::HashInId(id.to_string());
        let (note, suffix) = id.split_once('#').ok_or_else(refused)?;
        if note.trim().is_empty() || suffix.contains('#') {
            return Err(refused());
        }
        if suffix == "r" {
            return Ok(OwnId::Reverse { note });
        }
        match suffix.strip_prefix('c').map(str::parse::<u32>) {
            Some(Ok(ord)) if ord > 0 => Ok(OwnId::Cloze { note, ord }),
            _ => Err(refused()),
        }
    }
}

impl Layout {
    pub fn new(header: &Header) -> Result<Layout, CsvProblem> {
        // The columns holding note fields, in order, skipping the special ones.
        let plain = |n: usize| (0..).filter(|&c| !header.is_special(c)).nth(n).unwrap_or(n);
        let mut layout = Layout {
            front: plain(0),
            back: plain(1),
            tags: header.tags_column,
            id: header.guid_column.map(|c| (c, IdSource::AnkiGuid)),
            third: plain(2),
            extra: None,
            cloze: None,
        };
        match &header.columns {
            Some(columns) => layout.name_columns(header, columns),
            None if header.tags_column.is_none() && header.notetype_column.is_none() => {
                layout.tags = Some(plain(2));
            }
            None => {}
        }
        if layout.front == layout.back {
            return Err(CsvProblem::SameColumn);
        }
        Ok(layout)
    }

    /// Takes the columns `#columns:` names: front, back, tags, id, extra,
    /// cloze, in any order and case.
    fn name_columns(&mut self, header: &Header, columns: &str) {
        let plain = |n: usize| (0..).filter(|&c| !header.is_special(c)).nth(n).unwrap_or(n);
        let separator = header.separator.map_or(',', char::from);
        let names: Vec<String> = split_columns(columns, separator);
        let find = |name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
        if let Some(c) = find("front") {
            self.front = c;
            self.back = find("back").unwrap_or_else(|| {
                (0..names.len().max(c + 2))
                    .find(|&i| i != c && !header.is_special(i) && Some(i) != find("id"))
                    .unwrap_or(c + 1)
            });
        } else if let Some(c) = find("back") {
            self.back = c;
        }
        if self.tags.is_none() {
            self.tags = find("tags");
        }
        self.extra = find("extra");
        self.cloze = find("cloze");
        if let Some(c) = find("id") {
            self.id = Some((c, IdSource::Ours));
            if find("front").is_none() && self.front == c {
                self.front = plain(1);
                self.back = plain(2);
            }
        }
    }

    /// The cards of one row (a reversed note gives two, a cloze one per number).
    pub fn row_cards(
        &self,
        header: &Header,
        fields: &[&str],
        ids: &mut IdMaker,
        out: &mut Vec<CardDraft>,
    ) -> Result<(), CsvProblem> {
        let row = Row {
            header,
            fields,
            layout: self,
        };
        let notetype = row.notetype();
        let is_cloze = notetype.contains("cloze");
        self.check_length(fields.len(), is_cloze)?;
        let id = row.id();
        if let Some(card_id) = id.as_deref().filter(|i| i.contains('#')) {
            return row.own_card(card_id, out);
        }
        let entry = if is_cloze {
            row.cloze_entry(id)?
        } else {
            row.basic_entry(id, &notetype)
        };
        expand(&entry, ids, out).map_err(CsvProblem::Entry)
    }

    fn check_length(&self, found: usize, is_cloze: bool) -> Result<(), CsvProblem> {
        let needed = if is_cloze {
            self.front
        } else {
            self.front.max(self.back)
        };
        if found > needed {
            return Ok(());
        }
        let place = if (self.front, self.back) == (0, 1) {
            String::new()
        } else {
            format!(" (columns {} and {})", self.front + 1, self.back + 1)
        };
        Err(CsvProblem::ShortRow {
            found,
            wanted: if is_cloze {
                "the cloze text"
            } else {
                "front and back"
            },
            place,
        })
    }
}

/// One row being read, with what the header and layout say about it.
struct Row<'a> {
    header: &'a Header,
    fields: &'a [&'a str],
    layout: &'a Layout,
}

impl Row<'_> {
    fn get(&self, column: usize) -> Option<&str> {
        self.fields.get(column).copied()
    }

    /// The card text of a column: HTML turned into text under `#html:true`.
    fn text(&self, column: usize) -> String {
        let raw = self.get(column).unwrap_or("");
        if self.header.html {
            html::to_text(raw)
        } else {
            raw.replace("\r\n", "\n").trim().to_string()
        }
    }

    fn optional_text(&self, column: Option<usize>) -> String {
        column.map(|c| self.text(c)).unwrap_or_default()
    }

    fn notetype(&self) -> String {
        self.header
            .notetype_column
            .and_then(|c| self.get(c))
            .or(self.header.notetype.as_deref())
            .unwrap_or("Basic")
            .trim()
            .to_ascii_lowercase()
    }

    fn tags(&self) -> Vec<String> {
        self.layout
            .tags
            .and_then(|c| self.get(c))
            .map(|t| t.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default()
    }

    fn id(&self) -> Option<String> {
        let (column, source) = self.layout.id?;
        let raw = self.get(column)?.trim();
        match source {
            _ if raw.is_empty() => None,
            IdSource::Ours => Some(raw.to_string()),
            IdSource::AnkiGuid => Some(id_from_guid(raw)),
        }
    }

    fn cloze_entry(&self, id: Option<String>) -> Result<CardEntry, CsvProblem> {
        let source = self.text(self.layout.front);
        if cloze::numbers(&source)
            .map_err(|e| CsvProblem::Entry(e.into()))?
            .is_empty()
        {
            return Err(CsvProblem::NoDeletion);
        }
        let extra = self.text(self.layout.back);
        Ok(CardEntry {
            id,
            cloze: Some(source),
            extra: (!extra.is_empty()).then_some(extra),
            tags: self.tags(),
            ..CardEntry::default()
        })
    }

    fn basic_entry(&self, id: Option<String>, notetype: &str) -> CardEntry {
        let reverse = notetype.starts_with("basic (and reversed")
            || (notetype.starts_with("basic (optional reversed")
                && !self.text(self.layout.third).is_empty());
        let extra = self.optional_text(self.layout.extra);
        let back = if extra.is_empty() {
            self.text(self.layout.back)
        } else {
            format!("{}\n\n{extra}", self.text(self.layout.back))
        };
        CardEntry {
            id,
            front: Some(self.text(self.layout.front)),
            back: Some(back),
            tags: self.tags(),
            reverse,
            ..CardEntry::default()
        }
    }

    /// The one card a row with our own card id (`x#r`, `x#cN`) stands for.
    fn own_card(&self, id: &str, out: &mut Vec<CardDraft>) -> Result<(), CsvProblem> {
        let (note, kind, front, back) = match OwnId::parse(id)? {
            OwnId::Reverse { note } => (
                note,
                CardKind::Reverse,
                self.text(self.layout.front),
                self.text(self.layout.back),
            ),
            OwnId::Cloze { note, ord } => {
                let source = self.optional_text(self.layout.cloze);
                if source.is_empty() {
                    return Err(CsvProblem::ClozeWithoutText(id.to_string()));
                }
                let numbers = cloze::numbers(&source).map_err(|e| CsvProblem::Entry(e.into()))?;
                if !numbers.contains(&ord) {
                    return Err(CsvProblem::ClozeMismatch {
                        id: id.to_string(),
                        ord,
                    });
                }
                let (front, back) = (cloze::front(&source, ord), cloze::plain(&source));
                (note, CardKind::Cloze { ord, source }, front, back)
            }
        };
        if front.is_empty() {
            return Err(CsvProblem::EmptySide("front"));
        }
        if back.is_empty() {
            return Err(CsvProblem::EmptySide("back"));
        }
        out.push(CardDraft {
            id: CardId(id.to_string()),
            note: note.trim().to_string(),
            kind,
            front,
            back,
            extra: self.optional_text(self.layout.extra),
            tags: self.tags(),
        });
        Ok(())
    }
}

/// `#columns:` names, split on the file's separator (or on commas, tabs and
/// semicolons when the header gave none).
fn split_columns(columns: &str, separator: char) -> Vec<String> {
    let parts: Vec<&str> = if columns.contains(separator) {
        columns.split(separator).collect()
    } else {
        columns.split(['\t', ',', ';', '|']).collect()
    };
    parts.iter().map(|p| p.trim().to_string()).collect()
}
