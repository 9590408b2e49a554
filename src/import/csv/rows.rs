//! The records of a CSV/TSV file after its header, each with the line it
//! starts on, read by the `csv` crate as a stream.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use super::header::Header;
use super::{CsvProblem, problem_at};
use crate::error::{Error, Result};

/// The records of a file after its header, each with the line it starts on.
pub struct Rows<'p> {
    path: &'p Path,
    reader: ::csv::Reader<BufReader<File>>,
    pub record: ::csv::ByteRecord,
    separator: u8,
    header_lines: usize,
    header_bytes: u64,
    /// The file's size, and whether it ends with a line break.
    pub total: u64,
    ends_with_newline: bool,
    /// Records read so far.
    pub count: u64,
}

impl<'p> Rows<'p> {
    pub fn open(path: &'p Path, default_separator: u8) -> Result<(Rows<'p>, Header)> {
        if path.is_dir() {
            return Err(Error::io(path, &std::io::ErrorKind::IsADirectory.into()));
        }
        let mut file = File::open(path).map_err(|e| Error::io(path, &e))?;
        let total = file.metadata().map(|m| m.len()).unwrap_or(0);
        let ends_with_newline =
            last_byte(&mut file).map_err(|e| Error::io(path, &e))? == Some(b'\n');
        let mut input = BufReader::with_capacity(1 << 16, file);
        let header = Header::read(path, &mut input)?;
        let separator = header.separator.unwrap_or(default_separator);
        let reader = ::csv::ReaderBuilder::new()
            .delimiter(separator)
            .has_headers(false)
            .flexible(true)
            .from_reader(input);
        let rows = Rows {
            path,
            reader,
            record: ::csv::ByteRecord::new(),
            separator,
            header_lines: header.lines,
            header_bytes: header.bytes,
            total,
            ends_with_newline,
            count: 0,
        };
        Ok((rows, header))
    }

    /// Bytes read so far.
    pub fn done(&self) -> u64 {
        self.header_bytes + self.reader.position().byte()
    }

    /// Reads the next record into `self.record`; the line it starts on, or
    /// `None` at the end of the file.
    pub fn next(&mut self) -> Result<Option<usize>> {
        let start = self.reader.position().clone();
        match self.reader.read_byte_record(&mut self.record) {
            Ok(true) => self.count += 1,
            Ok(false) => return Ok(None),
            Err(e) => return Err(csv_error(self.path, self.header_lines, e)),
        }
        let at_end = self.done() == self.total;
        if at_end {
            self.check_quotes(&start)?;
        }
        // The csv crate dates a record from the end of the one before (blank
        // lines included), so count back from where this one ended.
        let unterminated = at_end && !self.ends_with_newline;
        let last_line =
            self.header_lines + self.reader.position().line() as usize - usize::from(!unterminated);
        let inner_newlines: usize = self
            .record
            .iter()
            .map(|f| f.iter().filter(|&&b| b == b'\n').count())
            .sum();
        let line = last_line
            .saturating_sub(inner_newlines)
            .max(self.header_lines + 1);
        Ok(Some(line))
    }

    /// The csv crate ends a quoted field that is never closed at the end of
    /// the file, without a word: the whole rest of the file becomes one
    /// field, and the error a user saw was about a row far below the quote.
    /// So the last record is scanned again, and an open quote is an error
    /// at the line where it opened.
    fn check_quotes(&self, start: &::csv::Position) -> Result<()> {
        let io = |e: std::io::Error| Error::io(self.path, &e);
        let mut file = File::open(self.path).map_err(io)?;
        file.seek(SeekFrom::Start(self.header_bytes + start.byte()))
            .map_err(io)?;
        let mut raw = Vec::new();
        file.read_to_end(&mut raw).map_err(io)?;
        match unclosed_quote(&raw, self.separator) {
            Some(at) => {
                let before = raw[..at].iter().filter(|&&b| b == b'\n').count();
                let line = self.header_lines + start.line() as usize + before;
                Err(problem_at(self.path, Some(line), CsvProblem::UnclosedQuote))
            }
            None => Ok(()),
        }
    }
}

/// Where a quote opens a field that is still open at the end of `raw`, by
/// the csv crate's rules: a quote opens a field only at its start, and `""`
/// inside a quoted field is a quote.
fn unclosed_quote(raw: &[u8], separator: u8) -> Option<usize> {
    let mut opened: Option<usize> = None;
    let mut field_start = true;
    let mut i = 0;
    while i < raw.len() {
        let byte = raw[i];
        if opened.is_some() {
            if byte == b'"' {
                if raw.get(i + 1) == Some(&b'"') {
                    i += 1;
                } else {
                    opened = None;
                }
            }
        } else if field_start && byte == b'"' {
            opened = Some(i);
            field_start = false;
        } else {
            field_start = byte == separator || byte == b'\n' || byte == b'\r';
        }
        i += 1;
    }
    opened
}

/// The file's last byte (`None` when empty), leaving it at the start.
fn last_byte(file: &mut File) -> std::io::Result<Option<u8>> {
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

fn csv_error(path: &Path, header_lines: usize, err: ::csv::Error) -> Error {
    if let ::csv::ErrorKind::Io(io) = err.kind() {
        return Error::io(path, io);
    }
    let line = err.position().map(|p| header_lines + p.line() as usize);
    problem_at(path, line, CsvProblem::Parse(err))
}
