//! CSV/TSV in Anki's text format (SPEC §5): rows `front, back[, tags]`, with
//! the `#key:value` header lines Anki writes at the top of its text exports.
//!
//! The file is read as a stream (header lines by hand, then the `csv` crate
//! over the rest of the same reader), so a large file costs only its cards.
//! Rows become [`CardEntry`]s expanded by [`crate::deck::expand`], the same
//! rules as TOML decks; only rows carrying one of our own exported card ids
//! (`x#r`, `x#c2`) are taken as single cards, so export → import is the
//! identity. Anki's own exports (`#guid column`, `#notetype column`) keep
//! their note guids as ids, the ids an `.apkg` import of the same notes gets.

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::deck::{CardEntry, cloze, expand};
use crate::error::{Error, Result};
use crate::import::{
    CardDraft, CardId, CardKind, CardSink, DeckDraft, IdMaker, Progress, html, id_from_guid,
};

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
    if path.is_dir() {
        return Err(Error::file(path, "is a directory, not a file"));
    }
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    let ends_with_newline = last_byte(&mut file).map_err(|e| Error::io(path, &e))? == Some(b'\n');
    progress.set_total(total);
    let mut input = BufReader::with_capacity(1 << 16, file);
    let header = Header::read(path, &mut input)?;
    let layout = Layout::new(path, &header)?;
    let separator = header.separator.unwrap_or(default_separator);

    let mut rows = ::csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let name = deck_override
        .map(str::to_string)
        .or_else(|| header.deck.clone())
        .unwrap_or_else(|| file_stem(path));
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::file(path, "the deck name is empty"));
    }
    sink.begin_deck(name, "")?;
    let mut rows_seen = 0u64;
    let mut ids = IdMaker::new();
    // The line of each card id, to name both rows of a duplicate.
    let mut lines: foldhash::HashMap<String, usize> = foldhash::HashMap::default();
    let mut row_cards: Vec<CardDraft> = Vec::new();
    let mut record = ::csv::ByteRecord::new();
    loop {
        match rows.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_error(path, header.lines, &e)),
        }
        // The csv crate dates a record from the end of the one before (blank
        // lines included), so count back from where this one ended.
        let end = rows.position();
        let at_unterminated_end = header.bytes + end.byte() == total && !ends_with_newline;
        let last_line = header.lines + end.line() as usize - usize::from(!at_unterminated_end);
        let inner_newlines: usize = record
            .iter()
            .map(|f| f.iter().filter(|&&b| b == b'\n').count())
            .sum();
        let line = last_line
            .saturating_sub(inner_newlines)
            .max(header.lines + 1);
        let fields = utf8_fields(path, line, &record)?;
        rows_seen += 1;
        if rows_seen.is_multiple_of(PROGRESS_EVERY_ROWS) {
            progress.set_done(header.bytes + end.byte());
        }
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        row_cards.clear();
        layout
            .row_cards(&header, &fields, &mut ids, &mut row_cards)
            .map_err(|message| Error::Line {
                path: path.display().to_string(),
                line,
                message,
            })?;
        for card in row_cards.drain(..) {
            if let Some(first) = lines.insert(card.id.to_string(), line) {
                return Err(Error::Line {
                    path: path.display().to_string(),
                    line,
                    message: format!(
                        "card id `{}` is already used by the row at line {first}",
                        card.id
                    ),
                });
            }
            sink.card(card)?;
        }
    }
    progress.set_done(total);
    if lines.is_empty() {
        return Err(Error::file(
            path,
            "no cards: the file has no rows (expected `front, back[, tags]` per line)",
        ));
    }
    Ok(())
}

/// The file's last byte (`None` when empty), leaving it at the start.
fn last_byte(file: &mut std::fs::File) -> std::io::Result<Option<u8>> {
    let len = file.metadata()?.len();
    if len == 0 {
        return Ok(None);
    }
    file.seek(SeekFrom::Start(len - 1))?;
    let mut byte = [0u8; 1];
    file.read_exact(&mut byte)?;
    file.seek(SeekFrom::Start(0))?;
    Ok(Some(byte[0]))
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
                let valid = &raw[..e.valid_up_to()];
                let inside = valid.iter().filter(|&&b| b == b'\n').count();
                return Err(Error::Line {
                    path: path.display().to_string(),
                    line: line + lines_before + inside,
                    message: "not valid UTF-8 text".into(),
                });
            }
        }
    }
    Ok(fields)
}

fn csv_error(path: &Path, header_lines: usize, err: &::csv::Error) -> Error {
    match err.kind() {
        ::csv::ErrorKind::Io(io) => Error::io(path, io),
        _ => match err.position() {
            Some(pos) => Error::Line {
                path: path.display().to_string(),
                line: header_lines + pos.line() as usize,
                message: err.to_string(),
            },
            None => Error::file(path, err.to_string()),
        },
    }
}

/// What the `#key:value` lines at the top of the file said.
#[derive(Debug, Default)]
struct Header {
    separator: Option<u8>,
    html: bool,
    /// `#columns:` as written; split once the separator is known.
    columns: Option<String>,
    /// 0-based columns named by `#tags column:`, `#guid column:`…
    tags_column: Option<usize>,
    guid_column: Option<usize>,
    notetype_column: Option<usize>,
    deck_column: Option<usize>,
    deck: Option<String>,
    notetype: Option<String>,
    /// Lines and bytes taken by the header (and a byte-order mark).
    lines: usize,
    bytes: u64,
}

impl Header {
    /// Reads the header lines, leaving `input` at the first row.
    fn read(path: &Path, input: &mut impl BufRead) -> Result<Header> {
        let mut header = Header::default();
        let peek = input.fill_buf().map_err(|e| Error::io(path, &e))?;
        if peek.starts_with(b"\xEF\xBB\xBF") {
            input.consume(3);
            header.bytes = 3;
        }
        let mut raw = Vec::new();
        loop {
            let peek = input.fill_buf().map_err(|e| Error::io(path, &e))?;
            if peek.first() != Some(&b'#') {
                return Ok(header);
            }
            raw.clear();
            let n = input
                .read_until(b'\n', &mut raw)
                .map_err(|e| Error::io(path, &e))?;
            header.lines += 1;
            header.bytes += n as u64;
            let line = header.lines;
            let text = std::str::from_utf8(&raw).map_err(|_| Error::Line {
                path: path.display().to_string(),
                line,
                message: "not valid UTF-8 text".into(),
            })?;
            header
                .apply(text.trim_end_matches(['\n', '\r']))
                .map_err(|message| Error::Line {
                    path: path.display().to_string(),
                    line,
                    message,
                })?;
        }
    }

    /// One `#key:value` line; lines without `:` and unknown keys are comments.
    fn apply(&mut self, line: &str) -> Result<(), String> {
        let Some((key, value)) = line[1..].split_once(':') else {
            return Ok(());
        };
        let key = key.trim().to_ascii_lowercase();
        let trimmed = value.trim();
        let column = || -> Result<usize, String> {
            match trimmed.parse::<usize>() {
                Ok(n) if n >= 1 => Ok(n - 1),
                _ => Err(format!(
                    "`#{key}:` needs a column number from 1, not `{trimmed}`"
                )),
            }
        };
        match key.as_str() {
            "separator" => self.separator = Some(parse_separator(value)?),
            "html" => {
                self.html = match trimmed.to_ascii_lowercase().as_str() {
                    "true" | "yes" | "1" => true,
                    "false" | "no" | "0" => false,
                    _ => return Err(format!("`#html:` is `true` or `false`, not `{trimmed}`")),
                }
            }
            "columns" => self.columns = Some(value.trim_end_matches(['\r', '\n']).to_string()),
            "tags column" => self.tags_column = Some(column()?),
            "guid column" => self.guid_column = Some(column()?),
            "notetype column" => self.notetype_column = Some(column()?),
            "deck column" => self.deck_column = Some(column()?),
            "deck" => self.deck = Some(trimmed.to_string()).filter(|d| !d.is_empty()),
            "notetype" => self.notetype = Some(trimmed.to_string()),
            _ => {}
        }
        Ok(())
    }

    /// Columns that hold no card text.
    fn is_special(&self, column: usize) -> bool {
        [
            self.tags_column,
            self.guid_column,
            self.notetype_column,
            self.deck_column,
        ]
        .contains(&Some(column))
    }
}

/// `#separator:` by Anki's names (any case) or as the character itself.
fn parse_separator(value: &str) -> Result<u8, String> {
    if let [byte] = value.as_bytes()
        && byte.is_ascii()
        && !byte.is_ascii_alphanumeric()
    {
        return Ok(*byte);
    }
    match value.trim().to_ascii_lowercase().as_str() {
        "tab" | "\\t" => Ok(b'\t'),
        "comma" => Ok(b','),
        "semicolon" => Ok(b';'),
        "pipe" => Ok(b'|'),
        "space" => Ok(b' '),
        "colon" => Ok(b':'),
        other => match other.as_bytes() {
            [byte] if byte.is_ascii() && !byte.is_ascii_alphanumeric() => Ok(*byte),
            _ => Err(format!(
                "unknown separator `{}`: use tab, comma, semicolon, pipe or space",
                value.trim()
            )),
        },
    }
}

/// Which column holds what, decided once from the header.
#[derive(Debug)]
struct Layout {
    front: usize,
    back: usize,
    tags: Option<usize>,
    /// An explicit card id: our `Id` column (verbatim) or Anki's guid.
    id: Option<(usize, IdSource)>,
    /// Anki's "Add Reverse" field of "Basic (optional reversed card)".
    third: usize,
    /// Our `Extra` column: text shown with the answer.
    extra: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum IdSource {
    Ours,
    AnkiGuid,
}

impl Layout {
    fn new(path: &Path, header: &Header) -> Result<Layout> {
        // The columns holding note fields, in order, skipping the special ones.
        let plain = |n: usize| (0..).filter(|&c| !header.is_special(c)).nth(n).unwrap_or(n);
        let mut layout = Layout {
            front: plain(0),
            back: plain(1),
            tags: header.tags_column,
            id: header.guid_column.map(|c| (c, IdSource::AnkiGuid)),
            third: plain(2),
            extra: None,
        };
        match &header.columns {
            Some(columns) => {
                let separator = header.separator.map_or(',', char::from);
                let names: Vec<String> = split_columns(columns, separator);
                let find = |name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
                if let Some(c) = find("front") {
                    layout.front = c;
                    layout.back = find("back").unwrap_or_else(|| {
                        (0..names.len().max(c + 2))
                            .find(|&i| i != c && !header.is_special(i) && Some(i) != find("id"))
                            .unwrap_or(c + 1)
                    });
                } else if let Some(c) = find("back") {
                    layout.back = c;
                }
                if layout.tags.is_none() {
                    layout.tags = find("tags");
                }
                layout.extra = find("extra");
                if let Some(c) = find("id") {
                    layout.id = Some((c, IdSource::Ours));
                    if find("front").is_none() && layout.front == c {
                        layout.front = plain(1);
                        layout.back = plain(2);
                    }
                }
            }
            None if header.tags_column.is_none() && header.notetype_column.is_none() => {
                layout.tags = Some(plain(2));
            }
            None => {}
        }
        if layout.front == layout.back {
            return Err(Error::file(
                path,
                "`#columns:` names the same column for front and back",
            ));
        }
        Ok(layout)
    }

    /// The cards of one row (a reversed note gives two, a cloze one per number).
    fn row_cards(
        &self,
        header: &Header,
        fields: &[&str],
        ids: &mut IdMaker,
        out: &mut Vec<CardDraft>,
    ) -> Result<(), String> {
        let get = |c: usize| fields.get(c).copied();
        let text = |c: usize| -> String {
            let raw = get(c).unwrap_or("");
            if header.html {
                html::to_text(raw)
            } else {
                raw.replace("\r\n", "\n").trim().to_string()
            }
        };
        let notetype = header
            .notetype_column
            .and_then(get)
            .or(header.notetype.as_deref())
            .unwrap_or("Basic")
            .trim()
            .to_ascii_lowercase();
        let is_cloze = notetype.contains("cloze");
        let needed = if is_cloze {
            self.front
        } else {
            self.front.max(self.back)
        };
        if fields.len() <= needed {
            let n = fields.len();
            let plural = if n == 1 { "" } else { "s" };
            let wanted = if is_cloze {
                "the cloze text"
            } else {
                "front and back"
            };
            let place = if (self.front, self.back) == (0, 1) {
                String::new()
            } else {
                format!(" (columns {} and {})", self.front + 1, self.back + 1)
            };
            return Err(format!(
                "row has {n} field{plural}, expected {wanted}{place}"
            ));
        }
        let tags: Vec<String> = self
            .tags
            .and_then(get)
            .map(|t| t.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        let id = self.id.and_then(|(c, source)| {
            let raw = get(c)?.trim();
            match source {
                _ if raw.is_empty() => None,
                IdSource::Ours => Some(raw.to_string()),
                IdSource::AnkiGuid => Some(id_from_guid(raw)),
            }
        });
        // One of our own exported card ids (`x#r`, `x#c1`): one card as written.
        let extra = self.extra.map(text).unwrap_or_default();
        if let Some(card_id) = id.as_deref().filter(|i| i.contains('#')) {
            return single_card(card_id, text(self.front), text(self.back), extra, tags, out);
        }
        let entry = if is_cloze {
            let source = text(self.front);
            if cloze::numbers(&source)
                .map_err(|e| e.to_string())?
                .is_empty()
            {
                return Err("the cloze text has no deletion like {{c1::hidden words}}".into());
            }
            let extra = text(self.back);
            CardEntry {
                id,
                cloze: Some(source),
                extra: (!extra.is_empty()).then_some(extra),
                tags,
                ..CardEntry::default()
            }
        } else {
            let reverse = notetype.starts_with("basic (and reversed")
                || (notetype.starts_with("basic (optional reversed")
                    && !text(self.third).is_empty());
            let back = if extra.is_empty() {
                text(self.back)
            } else {
                format!("{}\n\n{extra}", text(self.back))
            };
            CardEntry {
                id,
                front: Some(text(self.front)),
                back: Some(back),
                tags,
                reverse,
                ..CardEntry::default()
            }
        };
        expand(&entry, ids, out).map_err(|e| e.to_string())
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

fn single_card(
    id: &str,
    front: String,
    back: String,
    extra: String,
    tags: Vec<String>,
    out: &mut Vec<CardDraft>,
) -> Result<(), String> {
    if front.is_empty() {
        return Err("`front` is empty".into());
    }
    if back.is_empty() {
        return Err("`back` is empty".into());
    }
    out.push(CardDraft {
        id: CardId(id.to_string()),
        note: id.to_string(),
        kind: CardKind::Basic,
        front,
        back,
        extra,
        tags,
    });
    Ok(())
}

/// `export --format csv`: Anki's text format with our `Id` and `Extra`
/// columns, one row per card as shown (a cloze card's rendered sides), so
/// that reading it back gives the same ids, sides, extra text and tags.
pub fn write(deck_name: &str, cards: &[CardDraft]) -> String {
    let name: String = deck_name
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut out =
        format!("#separator:comma\n#html:false\n#deck:{name}\n#columns:Id,Front,Back,Extra,Tags\n");
    for card in cards {
        let row = [
            card.id.as_str(),
            card.front.as_str(),
            card.back.as_str(),
            card.extra.as_str(),
            &card.tags.join(" "),
        ];
        for (i, field) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(&mut out, field, i == 0);
        }
        out.push('\n');
    }
    out
}

/// A CSV field, quoted when it holds a comma, quote, line break or outer
/// white space, or when it would start a row with `#` (a header line).
fn push_field(out: &mut String, field: &str, first: bool) {
    let needs_quotes = field.contains([',', '"', '\n', '\r'])
        || field.trim() != field
        || (first && field.starts_with('#'));
    if needs_quotes {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn write_then_read_gives_the_same_cards() {
        let source = "name = \"Deck, with \\\"quotes\\\"\"\n\
[[cards]]\nid = \"pitch/why\"\nfront = \"Why, \\\"pitch\\\"?\"\nback = \"two\\nlines\"\ntags = [\"a\", \"b\"]\nreverse = true\n\
[[cards]]\nid = \"cl\"\ncloze = \"{{c1::Rust}} is {{c2::safe::what?}}\"\nextra = \"more\"\n\
[[cards]]\nfront = \"#hash first\"\nback = \" spaced \"\n";
        let original = crate::deck::parse(Path::new("d.toml"), source).unwrap();
        let text = write(&original.name, &original.cards);
        assert!(text.starts_with("#separator:comma\n#html:false\n#deck:Deck, with \"quotes\"\n#columns:Id,Front,Back,Extra,Tags\n"), "{text}");
        let back = read_str("x.csv", &text, b'\t').unwrap();
        assert_eq!(back.name, original.name);
        assert_eq!(back.cards.len(), original.cards.len());
        for (a, b) in original.cards.iter().zip(&back.cards) {
            assert_eq!(a.id, b.id);
            assert_eq!(a.front, b.front);
            assert_eq!(a.back, b.back);
            assert_eq!(a.extra, b.extra);
            assert_eq!(a.tags, b.tags);
        }
    }

    #[test]
    fn separator_follows_extension() {
        assert_eq!(separator_for(Path::new("a.CSV")), b',');
        assert_eq!(separator_for(Path::new("a.tsv")), b'\t');
        assert_eq!(separator_for(Path::new("a.txt")), b'\t');
    }
}
