//! Admonitions: the call-out boxes documentation sites write in their own
//! syntax ("!!! tip \"Title\"" over indented text in MkDocs, ":::tip Title"
//! … ":::" in Docusaurus). Read as Markdown, the first would be code and the
//! second stray text. Here a titled box that ends its section becomes a
//! heading one level below the last one, over its text: a tip of its own.
//! Any other box is an aside of the section it stands in, read as a quote
//! (see docs/lessons.md, "What it reads"). Lines keep their numbers: each
//! is rewritten in place.

use super::pasted::atx_level;

/// One box: its opening line, the lines of its text, its title and the line
/// after it (its closing ":::" for Docusaurus).
struct BoxAt {
    open: usize,
    text: std::ops::Range<usize>,
    title: Option<String>,
    /// Columns of indentation its text lines lose.
    indent: usize,
    /// The Docusaurus closing line.
    close: Option<usize>,
}

/// The text with its admonitions rewritten as plain Markdown.
pub(super) fn admonitions(text: &str) -> String {
    let boxes = find_boxes(&text.split('\n').collect::<Vec<_>>());
    if boxes.is_empty() {
        return text.to_string();
    }
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for b in boxes {
        let next = b.close.unwrap_or(b.text.end.saturating_sub(1)) + 1;
        let ends_section = lines[next.min(lines.len())..]
            .iter()
            .map(|l| l.trim())
            // (Link definitions, "[docs]: https://…", are no text.)
            .find(|l| !l.is_empty() && !is_link_definition(l))
            .is_none_or(|l| atx_level(l).is_some());
        let level = lines[..b.open]
            .iter()
            .rev()
            .find_map(|l| atx_level(l.trim_start()))
            .unwrap_or(1);
        let heading = b.title.filter(|_| ends_section);
        for l in &mut lines[b.text.clone()] {
            let strip = l.chars().take(b.indent).take_while(|&c| c == ' ').count();
            let body = &l[strip..];
            *l = match (&heading, body.trim().is_empty()) {
                (_, true) => String::new(),
                (Some(_), false) => body.to_string(),
                (None, false) => format!("> {body}"),
            };
        }
        lines[b.open] = match heading {
            Some(t) => format!("{} {t}", "#".repeat((level + 1).min(6))),
            None => String::new(),
        };
        if let Some(c) = b.close {
            lines[c] = String::new();
        }
    }
    lines.join("\n")
}

/// "[docs]: https://…": where a reference link points.
fn is_link_definition(line: &str) -> bool {
    line.starts_with('[') && line.contains("]: ")
}

/// The boxes of the text, outside fenced code.
fn find_boxes(lines: &[&str]) -> Vec<BoxAt> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    let mut i = 0;
    while i < lines.len() {
        let trimmed = lines[i].trim_start();
        let indent = lines[i].len() - trimmed.len();
        if let Some(f) = &fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            i += 1;
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
        } else if let Some(title) = mkdocs_opener(trimmed) {
            // Its text: the lines indented past the opener, blank lines
            // between them included.
            let body = indent + 4;
            let mut end = i + 1;
            let mut last = i;
            while end < lines.len() {
                let l = &lines[end];
                if l.trim().is_empty() {
                    end += 1;
                    continue;
                }
                if l.len() - l.trim_start().len() < body {
                    break;
                }
                last = end;
                end += 1;
            }
            out.push(BoxAt {
                open: i,
                text: i + 1..last + 1,
                title: title.map(str::to_string),
                indent: body,
                close: None,
            });
            i = last + 1;
            continue;
        } else if let Some(title) = docusaurus_opener(trimmed)
            && let Some(k) = lines[i + 1..].iter().position(|l| l.trim() == ":::")
        {
            let close = i + 1 + k;
            out.push(BoxAt {
                open: i,
                text: i + 1..close,
                title: title.map(str::to_string),
                indent: 0,
                close: Some(close),
            });
            i = close + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// `!!! tip "Title"`, `??? note`, `???+ warning "Title"`: the box's title,
/// if any.
fn mkdocs_opener(line: &str) -> Option<Option<&str>> {
    let rest = line
        .strip_prefix("!!! ")
        .or_else(|| line.strip_prefix("???+ "))
        .or_else(|| line.strip_prefix("??? "))?
        .trim();
    let (kind, title) = rest.split_once(' ').unwrap_or((rest, ""));
    if kind.is_empty() || !kind.chars().all(|c| c.is_alphanumeric() || c == '-') {
        return None;
    }
    let title = title.trim().trim_matches('"').trim();
    Some((!title.is_empty()).then_some(title))
}

/// `:::tip Title`, `:::note[Title]`, `:::info`: the box's title, if any.
fn docusaurus_opener(line: &str) -> Option<Option<&str>> {
    let rest = line.trim_end().strip_prefix(":::")?;
    let kind_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    if kind_len == 0 {
        return None;
    }
    let title = rest[kind_len..].trim();
    let title = title
        .strip_prefix('[')
        .and_then(|t| t.strip_suffix(']'))
        .unwrap_or(title)
        .trim();
    Some((!title.is_empty()).then_some(title))
}

#[cfg(test)]
mod tests {
    use super::admonitions;
    use crate::lesson::read::PieceKind;
    use crate::lesson::read::tests::{bodies, headings, read_str};

    #[test]
    fn a_titled_box_ending_its_section_heads_its_text() {
        let text = "# Site\n\n## Styles\n\nPut extra rules in one file.\n\n!!! tip \"Loading order\"\n\n    Extra files load after the theme, so their rules win.\n\n    Reload the page after each change.\n\n  [theme]: https://example.org\n\n## Scripts\n\nScripts load last.\n";
        assert_eq!(admonitions(text).lines().count(), text.lines().count());
        let l = read_str(text);
        assert_eq!(headings(&l), ["Styles", "Loading order", "Scripts"]);
        assert_eq!(l.sections[1].context.as_deref(), Some("Styles"));
        assert_eq!(
            bodies(&l.sections[1]),
            [
                "Extra files load after the theme, so their rules win.",
                "Reload the page after each change."
            ]
        );
    }

    #[test]
    fn a_box_inside_its_section_or_untitled_is_an_aside() {
        // The text after the box is still the section's.
        let l = read_str(
            "# Site\n\n## Styles\n\nPut extra rules in one file.\n\n!!! info \"Prerequisites\"\n    Install the theme with pip first.\n\nThe file name is free.\n\n!!! note\n    Reload the page after each change.\n",
        );
        assert_eq!(headings(&l), ["Styles"]);
        let kinds: Vec<PieceKind> = l.sections[0].body.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                PieceKind::Para,
                PieceKind::Quote,
                PieceKind::Para,
                PieceKind::Quote
            ]
        );
    }

    #[test]
    fn a_docusaurus_box_is_read_the_same_way() {
        let l = read_str(
            "# Site\n\n## Deploying\n\nPush the branch to deploy.\n\n:::warning[Cache]\nClear the cache after a deploy, or readers see old pages.\n:::\n",
        );
        assert_eq!(headings(&l), ["Deploying", "Cache"]);
        assert_eq!(
            bodies(&l.sections[1]),
            ["Clear the cache after a deploy, or readers see old pages."]
        );
    }

    #[test]
    fn code_blocks_keep_their_text() {
        let text = "# T\n\n```\n!!! tip \"Not a box\"\n:::note\n```\n";
        assert_eq!(admonitions(text), text);
    }
}
