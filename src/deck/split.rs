//! Finding the entries of a plainly written deck file without parsing it:
//! the `[[cards]]` lines outside strings and comments. Performance
//! machinery, kept because a benchmark defends it (see `parse.rs`); any file
//! it is unsure of gives `None`, and is then parsed whole.

/// Where a deck file's entries are: the head is `..head_end`.
pub(super) struct Split {
    pub head_end: usize,
    pub entries: Vec<EntrySpan>,
}

/// One entry: its `[[cards]]` line starts at `header`, its keys are
/// `body..end`.
pub(super) struct EntrySpan {
    pub header: usize,
    pub body: usize,
    pub end: usize,
}

/// Cuts `text` at its `[[cards]]` lines, or `None` when it is written in a
/// way the cut could get wrong: another table header, a line starting with
/// `[` (a multi-line array), a string broken by a line end, `cards` in the
/// head.
pub(super) fn split_entries(text: &str) -> Option<Split> {
    let headers = headers(text)?;
    let head_end = headers.first().map_or(text.len(), |h| h.0);
    if text[..head_end]
        .lines()
        .any(|l| l.trim_start().starts_with("cards"))
    {
        return None;
    }
    let entries = headers
        .iter()
        .enumerate()
        .map(|(n, &(header, body))| EntrySpan {
            header,
            body,
            end: headers.get(n + 1).map_or(text.len(), |next| next.0),
        })
        .collect();
    Some(Split { head_end, entries })
}

/// Where the scan is: outside strings, or inside one of TOML's four kinds.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Normal,
    Basic,
    Literal,
    MultiBasic,
    MultiLiteral,
}

/// Each `[[cards]]` line as (its start, the start of the next line).
fn headers(text: &str) -> Option<Vec<(usize, usize)>> {
    let bytes = text.as_bytes();
    let mut headers = Vec::new();
    let mut state = State::Normal;
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        if line_start
            && state == State::Normal
            && let Some(next_line) = header_line(text, i)?
        {
            headers.push((i, next_line));
            i = next_line;
            continue;
        }
        let (next, new_state) = step(bytes, i, state)?;
        line_start = state == State::Normal && bytes[i] == b'\n';
        (i, state) = (next, new_state);
    }
    (state == State::Normal).then_some(headers)
}

/// At the start of a line outside strings: `Some(Some(next line))` for a
/// `[[cards]]` line, `Some(None)` for a line that is no table header,
/// `None` for any other header.
fn header_line(text: &str, i: usize) -> Option<Option<usize>> {
    let rest = &text[i..];
    if !rest.trim_start_matches([' ', '\t']).starts_with('[') {
        return Some(None);
    }
    let line_end = rest.find('\n').map_or(text.len(), |n| i + n + 1);
    let line = text[i..line_end].trim();
    let line = line.split_once('#').map_or(line, |(l, _)| l).trim();
    (line == "[[cards]]").then_some(Some(line_end))
}

/// Reads the byte at `i` in `state`: where to go on and in which state, or
/// `None` when a single-line string meets a line end.
fn step(bytes: &[u8], i: usize, state: State) -> Option<(usize, State)> {
    let at = |quotes: &[u8]| bytes[i..].starts_with(quotes);
    let next = match (state, bytes[i]) {
        (State::Normal, b'#') => {
            let end = bytes[i..].iter().position(|&b| b == b'\n');
            return Some((end.map_or(bytes.len(), |n| i + n), State::Normal));
        }
        (State::Normal, b'"') if at(b"\"\"\"") => return Some((i + 3, State::MultiBasic)),
        (State::Normal, b'"') => State::Basic,
        (State::Normal, b'\'') if at(b"'''") => return Some((i + 3, State::MultiLiteral)),
        (State::Normal, b'\'') => State::Literal,
        (State::Basic | State::MultiBasic, b'\\') => return Some((i + 2, state)),
        (State::Basic | State::Literal, b'\n') => return None,
        (State::Basic, b'"') | (State::Literal, b'\'') => State::Normal,
        (State::MultiBasic, b'"') if at(b"\"\"\"") => {
            return Some((close(bytes, i, b'"'), State::Normal));
        }
        (State::MultiLiteral, b'\'') if at(b"'''") => {
            return Some((close(bytes, i, b'\''), State::Normal));
        }
        (state, _) => state,
    };
    Some((i + 1, next))
}

/// Past the closing `"""` (or `'''`) at `i`: up to two more quotes are the
/// string's last characters.
fn close(bytes: &[u8], i: usize, quote: u8) -> usize {
    let mut end = i + 3;
    while end < bytes.len() && bytes[end] == quote {
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_found_outside_strings_only() {
        let text = "name = \"d\" # [[cards]] in a comment\n\n[[cards]]\nfront = \"\"\"\n[[cards]]\n\"\"\"\nback = 'it is'\n  [[cards]]  # second\nfront = \"a \\\" [[cards]]\"\nback = \"b\"\n";
        let split = split_entries(text).expect("plain file");
        assert_eq!(split.entries.len(), 2);
        assert_eq!(split.head_end, text.find("\n[[cards]]").unwrap() + 1);
        let second = &split.entries[1];
        assert_eq!(&text[second.header..second.body], "  [[cards]]  # second\n");
        assert_eq!(second.end, text.len());
    }

    #[test]
    fn strings_ending_in_quotes_and_escapes_close_where_toml_says() {
        let text = "name = \"d\"\n[[cards]]\nfront = \"\"\"a \"\"\"\"\"\nback = '''b '''''\nx = \"\\\\\"\n[[cards]]\n";
        assert_eq!(split_entries(text).expect("plain file").entries.len(), 2);
    }

    #[test]
    fn unusual_files_are_not_split() {
        for text in [
            "name = \"d\"\n[meta]\nx = 1\n",
            "name = \"d\"\n[[cards]]\nfront = \"a\"\nback = \"b\"\ntags = [\n[\"x\"]]\n",
            "name = \"d\"\ncards = [{ front = \"a\", back = \"b\" }]\n",
            "name = \"d\"\n[[cards]]\nfront = \"a\nback = \"b\"\n",
            "name = \"d\"\n[[cards]]\nfront = \"\"\"never closed\n",
        ] {
            assert!(split_entries(text).is_none(), "{text}");
        }
    }
}
