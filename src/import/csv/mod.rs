//! CSV/TSV in Anki's text format (see docs/imports.md): rows
//! `front, back[, tags]`, with the `#key:value` header lines Anki writes at
//! the top of its text exports ([`header`]), columns chosen by them
//! ([`layout`]).
//!
//! The file is read as a stream (header lines by hand, then the `csv` crate
//! over the rest of the same reader), so a large file costs only its cards.
//! Anki's own exports (`#guid column`, `#notetype column`) keep their note
//! guids as ids, the ids an `.apkg` import of the same notes gets.

mod header;
mod layout;
mod rows;

use std::path::Path;

use header::Header;
use layout::Layout;
use rows::Rows;

use crate::error::{Error, Result};
use crate::import::{CardDraft, CardSink, DeckDraft, IdMaker, Progress};

pub use crate::error::CsvProblem;

/// The error for `problem` at `line` (when known) of `path`.
fn problem_at(path: &Path, line: Option<usize>, problem: CsvProblem) -> Error {
    Error::Csv {
        path: path.to_path_buf(),
        line,
        problem,
    }
}

/// The separator a file's extension suggests: comma for `.csv`, tab for
/// everything else (`.tsv`, `.txt`, Anki's text exports). A `#separator:`
/// header in the file wins over it.
pub fn separator_for(path: &Path) -> u8 {
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("csv") => b',',
        _ => b'\t',
    }
}

/// How often (in rows) the progress is reported.
const PROGRESS_EVERY_ROWS: u64 = 4096;

/// Reads a CSV/TSV file into one deck. `default_separator` applies when the
/// file has no `#separator:` header; `deck_override` (`--deck`) wins over
/// `#deck:` and the file stem.
pub fn read(
    path: &Path,
    default_separator: u8,
    deck_override: Option<&str>,
    progress: &dyn Progress,
) -> Result<DeckDraft> {
    let mut deck = DeckDraft::default();
    read_into(path, default_separator, deck_override, progress, &mut deck)?;
    Ok(deck)
}

/// Reads a CSV/TSV file as a stream, handing the deck and then each card to
/// `sink` as its row is read: memory stays flat however long the file.
pub fn read_into(
    path: &Path,
    default_separator: u8,
    deck_override: Option<&str>,
    progress: &dyn Progress,
    sink: &mut dyn CardSink,
) -> Result<()> {
    let (mut rows, header) = Rows::open(path, default_separator)?;
    progress.set_total(rows.total);
    let layout = Layout::new(&header).map_err(|p| problem_at(path, None, p))?;
    let name = deck_override
        .map(str::to_string)
        .or_else(|| header.deck.clone())
        .unwrap_or_else(|| file_stem(path));
    if name.trim().is_empty() {
        return Err(problem_at(path, None, CsvProblem::EmptyDeckName));
    }
    sink.begin_deck(name.trim(), "")?;
    let mut cards = RowCards::default();
    while let Some(line) = rows.next()? {
        if rows.count.is_multiple_of(PROGRESS_EVERY_ROWS) {
            progress.set_done(rows.done());
        }
        let fields = utf8_fields(path, line, &rows.record)?;
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        cards
            .read(&layout, &header, &fields, line)
            .map_err(|p| problem_at(path, Some(line), p))?;
        for card in cards.row.drain(..) {
            sink.card(card)?;
        }
    }
    progress.set_done(rows.total);
    if cards.lines.is_empty() {
        return Err(problem_at(path, None, CsvProblem::NoRows));
    }
    Ok(())
}

/// The cards of the rows read so far: ids given, and the line of each.
#[derive(Default)]
struct RowCards {
    ids: IdMaker,
    /// The line of each card id, to name both rows of a duplicate.
    lines: foldhash::HashMap<String, usize>,
    /// The cards of the row at hand.
    row: Vec<CardDraft>,
}

impl RowCards {
    fn read(
        &mut self,
        layout: &Layout,
        header: &Header,
        fields: &[&str],
        line: usize,
    ) -> Result<(), CsvProblem> {
        self.row.clear();
        layout.row_cards(header, fields, &mut self.ids, &mut self.row)?;
        for card in &self.row {
            if let Some(first) = self.lines.insert(card.id.to_string(), line) {
                return Err(CsvProblem::DuplicateId {
                    id: card.id.to_string(),
                    first,
                });
            }
        }
        Ok(())
    }
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The record's fields as text, or an error naming the line of the first
/// byte that is not UTF-8.
fn utf8_fields<'r>(
    path: &Path,
    line: usize,
    record: &'r ::csv::ByteRecord,
) -> Result<Vec<&'r str>> {
    let mut lines_before = 0;
    let mut fields = Vec::with_capacity(record.len());
    for raw in record.iter() {
        match std::str::from_utf8(raw) {
            Ok(text) => {
                lines_before += text.matches('\n').count();
                fields.push(text);
            }
            Err(e) => {
                let inside = raw[..e.valid_up_to()]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                let line = Some(line + lines_before + inside);
                return Err(problem_at(path, line, CsvProblem::NotUtf8));
            }
        }
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::CardKind;

    /// Reads `text` saved as `name` in a fresh folder; errors name the file
    /// by `name` alone, as a user running in that folder would see them.
    fn read_str(name: &str, text: &str, separator: u8) -> Result<DeckDraft, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        read(&path, separator, None, &crate::import::NoProgress).map_err(|e| {
            e.to_string()
                .replace(&format!("{}/", dir.path().display()), "")
        })
    }

    fn deck(text: &str) -> DeckDraft {
        read_str("cards.csv", text, b',').unwrap()
    }

    fn error(text: &str) -> String {
        read_str("cards.csv", text, b',').unwrap_err()
    }

    fn sides(deck: &DeckDraft) -> Vec<(&str, &str, &str)> {
        deck.cards
            .iter()
            .map(|c| (c.id.as_str(), c.front.as_str(), c.back.as_str()))
            .collect()
    }

    #[test]
    fn plain_rows_with_tags_and_derived_ids() {
        let d = deck("What is SM-2?,A scheduler,srs algo\nSecond,Answer\n\nSecond,Again\n");
        assert_eq!(d.name, "cards");
        assert_eq!(
            sides(&d),
            [
                ("what-is-sm-2", "What is SM-2?", "A scheduler"),
                ("second", "Second", "Answer"),
                ("second~2", "Second", "Again"),
            ]
        );
        assert_eq!(d.cards[0].tags, ["srs", "algo"]);
        assert!(d.cards[1].tags.is_empty());
    }

    #[test]
    fn quoted_fields_keep_newlines_and_bom_is_dropped() {
        let d = deck("\u{feff}\"multi\nline\",\"with \"\"quotes\"\", and comma\"\n");
        assert_eq!(d.cards[0].front, "multi\nline");
        assert_eq!(d.cards[0].back, "with \"quotes\", and comma");
        assert_eq!(d.cards[0].id.as_str(), "multi-line");
    }

    #[test]
    fn separator_header_by_name_or_char() {
        for sep in ["Tab", "tab", "\t"] {
            let d = deck(&format!("#separator:{sep}\na,b\tc\td\n"));
            assert_eq!(sides(&d), [("a-b", "a,b", "c")]);
            assert_eq!(d.cards[0].tags, ["d"]);
        }
        for (name, ch) in [
            ("Semicolon", ';'),
            ("PIPE", '|'),
            ("space", ' '),
            ("comma", ','),
        ] {
            let d = deck(&format!("#separator:{name}\nq{ch}a\n"));
            assert_eq!(sides(&d), [("q", "q", "a")], "{name}");
        }
        assert_eq!(deck("#separator:;\nq;a\n").cards[0].back, "a");
        let msg = error("#separator:Weird\nq,a\n");
        assert!(
            msg.starts_with("cards.csv:1: unknown separator `Weird`"),
            "{msg}"
        );
    }

    #[test]
    fn html_header_turns_fields_into_text() {
        let d =
            deck("#html:true\n\"<b>Bold</b> &amp; <br>more\",\"<ul><li>a</li><li>b</li></ul>\"\n");
        assert_eq!(d.cards[0].front, "Bold &\nmore");
        assert_eq!(d.cards[0].back, "- a\n- b");
        let d = deck("#html:false\n<b>kept</b>,&amp;\n");
        assert_eq!(sides(&d), [("b-kept-b", "<b>kept</b>", "&amp;")]);
    }

    #[test]
    fn columns_header_picks_front_back_tags_and_id() {
        let d = deck("#columns:Tags,Back,Source,Front\nt1 t2,the back,x,the front\n");
        assert_eq!(sides(&d), [("the-front", "the front", "the back")]);
        // An `Extra` column is shown with the answer.
        let d = deck("#columns:Tags,Back,Extra,Front\nt1 t2,the back,x,the front\n");
        assert_eq!(sides(&d), [("the-front", "the front", "the back\n\nx")]);
        assert_eq!(d.cards[0].tags, ["t1", "t2"]);
        let d = deck("#columns:Question,Answer,Source\nq,a,book\n");
        assert_eq!(sides(&d), [("q", "q", "a")]);
        assert!(
            d.cards[0].tags.is_empty(),
            "third column is not tags when named"
        );
        let d = deck("#columns:id,front,back,tags\nmy/id,q,a,t\nother#r,a,q,t\n");
        assert_eq!(sides(&d), [("my/id", "q", "a"), ("other#r", "a", "q")]);
    }

    #[test]
    fn tags_column_deck_and_notetype_headers() {
        let d = deck(
            "#tags column:1\n#deck:Interview::Java\n#notetype:Basic\n#unknown:x\n# just a comment\nt,q,a\n",
        );
        assert_eq!(d.name, "Interview::Java");
        assert_eq!(sides(&d), [("q", "q", "a")]);
        assert_eq!(d.cards[0].tags, ["t"]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deck.csv");
        std::fs::write(&path, "#deck:Named\nq,a\n").unwrap();
        let over = read(&path, b',', Some("Override"), &crate::import::NoProgress).unwrap();
        assert_eq!(over.name, "Override");
        assert!(error("#tags column:zero\nq,a\n").contains("column number"));
    }

    #[test]
    fn anki_export_columns_use_guid_and_notetype() {
        let text = "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:7\n\
g#1\tBasic (and reversed card)\tD\tchien\tdog\t\tfrench\n\
g2\tCloze\tD\t{{c1::Rust}} in {{c2::2015::year}}\tStable <b>1.0</b>\t\t\n\
g3\tBasic (optional reversed card)\tD\tone\tway\t\t\n";
        let d = read_str("export.txt", text, b'\t').unwrap();
        assert_eq!(
            sides(&d),
            [
                ("g%231", "chien", "dog"),
                ("g%231#r", "dog", "chien"),
                ("g2#c1", "[...] in 2015", "Rust in 2015"),
                ("g2#c2", "Rust in [year]", "Rust in 2015"),
                ("g3", "one", "way"),
            ]
        );
        assert_eq!(d.cards[0].tags, ["french"]);
        assert_eq!(d.cards[2].extra, "Stable 1.0");
    }

    #[test]
    fn row_errors_name_file_and_line() {
        assert_eq!(
            error("#deck:d\n\nq,a\n\n\n\"multi\nline\",a\nonly one"),
            "cards.csv:8: row has 1 field, expected front and back"
        );
        assert_eq!(
            error("q,a\n\"multi\nline\"\n"),
            "cards.csv:2: row has 1 field, expected front and back"
        );
        assert_eq!(
            error("q,a\n\nonly one\n"),
            "cards.csv:3: row has 1 field, expected front and back"
        );
        assert_eq!(error("#deck:x\nq,\n"), "cards.csv:2: `back` is empty");
        assert_eq!(error(" ,a\n"), "cards.csv:1: `front` is empty");
        assert!(error("").starts_with("cards.csv: no cards"));
        assert!(error("#deck:only headers\n\n").starts_with("cards.csv: no cards"));
        assert_eq!(
            error("#columns:Id,Front,Back\nx,q,a\nx,r,b\n"),
            "cards.csv:3: card id `x` is already used by the row at line 2"
        );
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.csv");
        std::fs::write(&path, b"q,a\n\"two\nlines\",\xff\n").unwrap();
        let msg = read(&path, b',', None, &crate::import::NoProgress)
            .unwrap_err()
            .to_string();
        assert_eq!(msg, format!("{}:3: not valid UTF-8 text", path.display()));
    }

    /// Issue 14.11: a quote never closed swallowed the rest of the file as
    /// one field, and the error named a later line without saying "quote".
    #[test]
    fn an_unclosed_quote_is_reported_where_it_opens() {
        assert_eq!(
            error("q,a\n\n\"never closed,x\nr,b\ns,c\n"),
            "cards.csv:3: a quote `\"` opens a field here and is never closed"
        );
        assert_eq!(
            error("#deck:d\nq,a\nr,\"open\nmore,rows"),
            "cards.csv:3: a quote `\"` opens a field here and is never closed"
        );
        // Quotes inside an unquoted field, and doubled quotes, are text.
        let d = deck("a\"b,c\n\"x \"\"y\"\"\",z\n");
        assert_eq!(sides(&d)[0].1, "a\"b");
        assert_eq!(sides(&d)[1].1, "x \"y\"");
    }

    /// Issue 14.9: an `Id` with `#` is one of our own card ids or refused,
    /// so every card imported can be written to a deck file again.
    #[test]
    fn ids_with_hash_are_our_card_ids_or_refused() {
        let d = deck(
            "#columns:Id,Front,Back,Extra,Tags,Cloze\n\
                      w#r,dog,chien,,,\nc#c2,x,y,,,{{c1::a}} {{c2::b}}\n",
        );
        assert_eq!(d.cards[0].kind, CardKind::Reverse);
        assert_eq!(d.cards[0].note, "w");
        assert_eq!(d.cards[1].note, "c");
        assert_eq!(
            (d.cards[1].front.as_str(), d.cards[1].back.as_str()),
            ("a [...]", "a b")
        );
        for bad in ["a#b", " #r", "a#r#r", "a#c0", "a#cx"] {
            assert_eq!(
                error(&format!("#columns:Id,Front,Back\n{bad},q,a\n")),
                format!(
                    "cards.csv:2: id `{}` contains `#`, which is kept for `#r` and `#cN` cards",
                    bad.trim()
                )
            );
        }
        assert!(error("#columns:Id,Front,Back\nc#c1,q,a\n").contains("needs the cloze text"));
        assert!(
            error("#columns:Id,Front,Back,Cloze\nc#c3,q,a,{{c1::x}}\n").contains("no deletion c3")
        );
    }

    #[test]
    fn separator_follows_extension() {
        assert_eq!(separator_for(Path::new("a.CSV")), b',');
        assert_eq!(separator_for(Path::new("a.tsv")), b'\t');
        assert_eq!(separator_for(Path::new("a.txt")), b'\t');
    }
}
