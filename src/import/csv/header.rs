//! The `#key:value` lines Anki writes at the top of its text exports.

use std::io::BufRead;
use std::path::Path;

use super::{CsvProblem, problem_at};
use crate::error::{Error, Result};

/// What the `#key:value` lines at the top of the file said.
#[derive(Debug, Default)]
pub struct Header {
    pub separator: Option<u8>,
    pub html: bool,
    /// `#columns:` as written; split once the separator is known.
    pub columns: Option<String>,
    /// 0-based columns named by `#tags column:`, `#guid column:`…
    pub tags_column: Option<usize>,
    pub guid_column: Option<usize>,
    pub notetype_column: Option<usize>,
    pub deck_column: Option<usize>,
    pub deck: Option<String>,
    pub notetype: Option<String>,
    /// Lines and bytes taken by the header (and a byte-order mark).
    pub lines: usize,
    pub bytes: u64,
}

impl Header {
    /// Reads the header lines, leaving `input` at the first row.
    pub fn read(path: &Path, input: &mut impl BufRead) -> Result<Header> {
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
            let line = Some(header.lines);
            let text = std::str::from_utf8(&raw)
                .map_err(|_| problem_at(path, line, CsvProblem::NotUtf8))?;
            header
                .apply(text.trim_end_matches(['\n', '\r']))
                .map_err(|problem| problem_at(path, line, problem))?;
        }
    }

    /// One `#key:value` line; lines without `:` and unknown keys are comments.
    fn apply(&mut self, line: &str) -> Result<(), CsvProblem> {
        let Some((key, value)) = line[1..].split_once(':') else {
            return Ok(());
        };
        let key = key.trim().to_ascii_lowercase();
        let trimmed = value.trim();
        let column = || match trimmed.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(n - 1),
            _ => Err(CsvProblem::BadColumnNumber {
                key: key.clone(),
                value: trimmed.to_string(),
            }),
        };
        match key.as_str() {
            "separator" => self.separator = Some(parse_separator(value)?),
            "html" => {
                self.html = match trimmed.to_ascii_lowercase().as_str() {
                    "true" | "yes" | "1" => true,
                    "false" | "no" | "0" => false,
                    _ => return Err(CsvProblem::BadHtml(trimmed.to_string())),
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
    pub fn is_special(&self, column: usize) -> bool {
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
fn parse_separator(value: &str) -> Result<u8, CsvProblem> {
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
            _ => Err(CsvProblem::BadSeparator(value.trim().to_string())),
        },
    }
}
