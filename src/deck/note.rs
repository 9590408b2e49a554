//! One note as a small TOML file, for `rehearse edit` (README.md, "Editing
//! a card"): the keys of a deck entry (docs/deck-format.md) — `front`,
//! `back`, `tags` for a basic card (and `extra` when it has extra text),
//! `cloze`, `extra`, `tags` for a cloze note — written out, then read
//! back with every error at `file:line:column`.

use std::path::Path;

use serde::Deserialize;

use crate::domain::NoteText;
use crate::domain::cloze;
use crate::error::{Error, Result};

/// The file the editor opens: a comment saying what it is, then the keys.
pub fn write_note(note: &NoteText, comment: &str) -> String {
    let mut out = String::new();
    for line in comment.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    let mut key = |name: &str, value: &str| {
        out.push_str(&format!("{name} = {}\n", toml_string(value)));
    };
    match note {
        NoteText::Basic {
            front, back, extra, ..
        } => {
            key("front", front);
            key("back", back);
            if !extra.is_empty() {
                key("extra", extra);
            }
        }
        NoteText::Cloze { text, extra, .. } => {
            key("cloze", text);
            key("extra", extra);
        }
    }
    let tags: Vec<String> = note.tags().iter().map(|t| toml_string(t)).collect();
    out.push_str(&format!("tags = [{}]\n", tags.join(", ")));
    out
}

/// A TOML string holding `text` exactly: a multi-line literal when that
/// reads better, a basic string otherwise.
fn toml_string(text: &str) -> String {
    if text.contains('\n') && !text.contains("'''") && !text.chars().any(is_escaped) {
        format!("'''\n{text}'''")
    } else {
        toml::Value::String(text.to_string()).to_string()
    }
}

/// Characters a literal string cannot hold as they are.
fn is_escaped(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BasicFile {
    front: String,
    back: String,
    #[serde(default)]
    extra: String,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClozeFile {
    cloze: String,
    #[serde(default)]
    extra: String,
    #[serde(default)]
    tags: Vec<String>,
}

/// Reads the edited file back as a note of the same kind as `was`; `path`
/// names errors. The cloze numbers of the note's cards (`ords`) must stay.
pub fn read_note(path: &Path, text: &str, was: &NoteText, ords: &[u32]) -> Result<NoteText> {
    let located = |e: toml::de::Error| {
        let offset = e.span().map_or(0, |s| s.start);
        Error::at_offset(path, text, offset, e.message().trim().to_string())
    };
    let note = match was {
        NoteText::Basic { .. } => {
            let file: BasicFile = toml::from_str(text).map_err(located)?;
            NoteText::Basic {
                front: file.front,
                back: file.back,
                extra: file.extra,
                tags: file.tags,
            }
        }
        NoteText::Cloze { .. } => {
            let file: ClozeFile = toml::from_str(text).map_err(located)?;
            NoteText::Cloze {
                text: file.cloze,
                extra: file.extra,
                tags: file.tags,
            }
        }
    };
    check(path, text, &note, ords)?;
    Ok(note)
}

/// What a deck file refuses, refused here too (docs/deck-format.md).
fn check(path: &Path, text: &str, note: &NoteText, ords: &[u32]) -> Result<()> {
    let at_key = |key: &str, message: String| {
        let offset = key_offset(text, key);
        Error::at_offset(path, text, offset, message)
    };
    if let Some(tag) = note.tags().iter().find(|t| t.contains(char::is_whitespace)) {
        return Err(at_key("tags", format!("tag `{tag}` contains white space")));
    }
    match note {
        NoteText::Basic { front, back, .. } => {
            if front.trim().is_empty() {
                return Err(at_key("front", "`front` is empty".into()));
            }
            if back.trim().is_empty() {
                return Err(at_key("back", "`back` is empty".into()));
            }
        }
        NoteText::Cloze { text: cloze, .. } => {
            let numbers =
                cloze::numbers(cloze).map_err(|e| at_key("cloze", format!("`cloze`: {e}")))?;
            if let Some(gone) = ords.iter().find(|o| !numbers.contains(o)) {
                let message = format!(
                    "`cloze` lost deletion c{gone}, which card #c{gone} shows: keep it, or `rehearse delete` that card"
                );
                return Err(at_key("cloze", message));
            }
            if let Some(added) = numbers.iter().find(|n| !ords.contains(n)) {
                let message = format!(
                    "`cloze` has a new deletion c{added}: new cards come from deck files (`rehearse import`)"
                );
                return Err(at_key("cloze", message));
            }
        }
    }
    Ok(())
}

/// Where `key = ` starts in `text` (its first line), else the start.
fn key_offset(text: &str, key: &str) -> usize {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return offset + (line.len() - trimmed.len());
        }
        offset += line.len();
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basic() -> NoteText {
        NoteText::Basic {
            front: "Why \"this\"?".into(),
            back: "Line one\nline two".into(),
            extra: String::new(),
            tags: vec!["a".into(), "b::c".into()],
        }
    }

    #[test]
    fn a_written_note_reads_back_the_same() {
        let path = Path::new("card.toml");
        let note = basic();
        let text = write_note(&note, "edit me\nplease");
        assert!(text.starts_with("# edit me\n# please\n"), "{text}");
        assert_eq!(read_note(path, &text, &note, &[]).unwrap(), note);
        let cloze = NoteText::Cloze {
            text: "The {{c1::cat}} sat on the {{c2::mat}}.".into(),
            extra: "'''odd'''\u{1}".into(),
            tags: vec![],
        };
        let text = write_note(&cloze, "");
        assert_eq!(read_note(path, &text, &cloze, &[1, 2]).unwrap(), cloze);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let path = Path::new("/tmp/x/card.toml");
        let err = read_note(path, "front = \"a\"\nback = \n", &basic(), &[]).unwrap_err();
        assert!(err.to_string().starts_with("/tmp/x/card.toml:2:"), "{err}");
        let err = read_note(
            path,
            "front = \"a\"\nback = \"b\"\nnope = 1\n",
            &basic(),
            &[],
        )
        .unwrap_err();
        assert!(err.to_string().contains(":3:"), "{err}");
        let err = read_note(path, "front = \" \"\nback = \"b\"\n", &basic(), &[]).unwrap_err();
        assert!(err.to_string().contains(":1:1: `front` is empty"), "{err}");
    }

    #[test]
    fn a_cloze_note_keeps_its_numbers() {
        let path = Path::new("card.toml");
        let was = NoteText::Cloze {
            text: String::new(),
            extra: String::new(),
            tags: vec![],
        };
        let lost = read_note(path, "cloze = \"{{c1::a}}\"\n", &was, &[1, 2]).unwrap_err();
        assert!(lost.to_string().contains("lost deletion c2"), "{lost}");
        let added = read_note(path, "cloze = \"{{c1::a}} {{c3::b}}\"\n", &was, &[1]).unwrap_err();
        assert!(added.to_string().contains("new deletion c3"), "{added}");
    }
}
