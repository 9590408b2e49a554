//! Text pasted from elsewhere, made ready for the Markdown reader: plain
//! bullets turned into list markers, and, in plain text, list items kept
//! apart from the lines under them unless wrapped by hand.

use super::plain::heading_like;
use crate::lesson::text::{ends_sentence, word_count};

/// Plain text bullets ("•", "◦") as Markdown list markers, so that a list
/// copied from a web page reads as a list; and headings written without
/// the space after their hashes ("###Column chart", which older Markdown
/// read as a heading and CommonMark does not) given it. Fenced code is
/// left as it is.
pub(super) fn markdown_bullets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (line, code) in fenced_lines(text) {
        if code {
            out.push_str(line);
            continue;
        }
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let bullet = ['•', '◦', '▪', '‣', '·']
            .iter()
            .find_map(|b| trimmed.strip_prefix(*b));
        match (bullet, unspaced_heading(trimmed)) {
            (Some(rest), _) => {
                let nested = indent > 0 || trimmed.starts_with('◦');
                out.push_str(if nested { "  - " } else { "- " });
                out.push_str(rest.trim_start());
            }
            (None, Some(hashes)) if indent < 4 => {
                out.push_str(&line[..indent + hashes]);
                out.push(' ');
                out.push_str(&trimmed[hashes..]);
            }
            _ => match unspaced_label(line) {
                Some(at) => {
                    out.push_str(&line[..at]);
                    out.push(' ');
                    out.push_str(&line[at..]);
                }
                None => out.push_str(line),
            },
        }
    }
    out
}

/// The text's lines, ends kept, each with whether it is fenced code or
/// one of its fences (```` ``` ```` or `~~~`, opened at most three spaces
/// in): what the readers of pasted text leave as it is.
pub(super) fn fenced_lines(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut fence: Option<&str> = None;
    text.split_inclusive('\n').map(move |line| {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let opens = ["```", "~~~"].into_iter().find(|f| trimmed.starts_with(f));
        match (fence, opens) {
            (Some(f), Some(g)) if f == g => fence = None,
            (None, Some(g)) if indent < 4 => fence = Some(g),
            _ => {}
        }
        (line, fence.is_some() || opens.is_some())
    })
}

/// `{{< accordion title="…" >}}`, `{% include note.html %}`: a line that
/// is only a site generator's template tag (Hugo's shortcodes, Jekyll's
/// and Jinja's tags) is markup of the page, no text; it is left blank, so
/// the text keeps its lines. Fenced code keeps its tags.
pub(super) fn without_template_tags(text: &str) -> String {
    let tag = |t: &str| {
        [("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}")]
            .iter()
            .any(|(open, close)| t.starts_with(open) && t.ends_with(close))
    };
    fenced_lines(text)
        .map(|(line, fenced)| {
            if !fenced && tag(line.trim()) {
                if line.ends_with('\n') { "\n" } else { "" }
            } else {
                line
            }
        })
        .collect()
}

/// "###Column chart" → 3: a heading line missing the space after its
/// hashes. Its text opens with a capital letter or a digit ("#include"
/// and "#!/bin/sh" are code); one hash alone needs two words or more, as
/// "#Journey" on a line of its own is a hashtag.
fn unspaced_heading(line: &str) -> Option<usize> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    let rest = line.get(hashes..)?.trim_end();
    let opens = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let words = rest.split_whitespace().count();
    ((1..=6).contains(&hashes) && opens && (hashes > 1 || words >= 2) && !rest.contains('#'))
        .then_some(hashes)
}

/// Most characters of a bold label.
const LABEL_CHARS: usize = 80;

/// "1. **Dear Reader:**Is there…" → the offset just after the label's
/// closing `**`: a bold label closed by its colon or period with no space
/// before the text, a slip CommonMark would print as asterisks (a `**`
/// after punctuation and before a letter closes nothing).
fn unspaced_label(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let marker = t
        .strip_prefix(['-', '*', '+'])
        .map(|r| t.len() - r.len())
        .or_else(|| {
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            ((1..=3).contains(&digits) && t[digits..].starts_with(['.', ')'])).then_some(digits + 1)
        })
        .filter(|&m| t[m..].starts_with([' ', '\t']))
        .unwrap_or(0);
    let rest = t[marker..].trim_start();
    let label = rest.strip_prefix("**")?;
    let close = label.find("**")?;
    let after = &label[close + 2..];
    let ok = (1..=LABEL_CHARS).contains(&close)
        && label[..close].ends_with([':', '.'])
        && !label[..close].starts_with(' ')
        && after.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '“' | '"' | '‘'));
    ok.then(|| line.len() - after.len())
}

/// `## Title` → 2: the level of a Markdown heading line (indentation
/// removed).
pub(super) fn atx_level(line: &str) -> Option<usize> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    ((1..=6).contains(&hashes) && line[hashes..].starts_with(' ')).then_some(hashes)
}

/// "   # create a socket" between indented lines of code: a comment of
/// the code, not a Markdown heading (which Markdown allows three spaces
/// before). It is written as the comment "//" marks, which the reader
/// leaves out with the code around it; the text keeps its lines.
pub(super) fn comments_in_code(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let code = |i: Option<usize>| {
        i.and_then(|i| lines.get(i))
            .is_some_and(|l| l.starts_with(char::is_whitespace) && is_code_line(l))
    };
    let mut out = String::with_capacity(text.len());
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        if (1..4).contains(&indent)
            && atx_level(t).is_some()
            && (code(i.checked_sub(1)) || code(Some(i + 1)))
        {
            out.push_str(&line[..indent]);
            out.push_str("// ");
            out.push_str(t.trim_start_matches('#').trim_start());
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Does the text use Markdown headings (`#`, or a line underlined)?
pub(super) fn has_markdown_headings(text: &str) -> bool {
    let mut prev = "";
    for line in text.lines() {
        let t = line.trim_start();
        if atx_level(t).is_some() && line.len() - t.len() < 4 {
            return true;
        }
        let rule = line.trim();
        if !prev.trim().is_empty()
            && rule.len() >= 3
            && (rule.chars().all(|c| c == '=') || rule.chars().all(|c| c == '-'))
        {
            return true;
        }
        prev = line;
    }
    false
}

/// "1. Tested:", "- Properly located:": a list marker and a few words
/// closed by a colon, labelling the lines under them.
fn is_label_line(marked: &str) -> bool {
    let text = marked
        .trim_start_matches(|c: char| {
            c.is_ascii_digit() || matches!(c, '-' | '*' | '+' | '.' | ')')
        })
        .trim();
    text.strip_suffix(':')
        .is_some_and(|l| (1..=6).contains(&l.split_whitespace().count()) && !l.contains(['.', ':']))
}

/// A line this long that ends mid-sentence was wrapped by hand, not set as
/// a heading.
const WRAPPED_CHARS: usize = 60;

/// In plain text, a line right under a list item and not indented is not
/// the item's continuation (as Markdown would read it) but new text: a blank
/// line goes between them. Unless the line above stops mid-sentence: then
/// the item was wrapped by hand and goes on.
fn end_lazy_items(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len() + 64);
    // For each output line, the 1-based input line.
    let mut lines = Vec::new();
    let mut in_item = false;
    // The item is a label ("1. Tested:"): the lines under it explain it.
    let mut labelled = false;
    let mut before = "";
    for line in text.split_inclusive('\n') {
        let above = before.trim_end();
        // (A lower-case line goes on even after a colon: "by two people:
        // / one who…".)
        let wrapped = !ends_sentence(above)
            && (line.starts_with(char::is_lowercase)
                || (!above.ends_with(':')
                    && (above.ends_with(',')
                        || (above.chars().count() >= WRAPPED_CHARS
                            && heading_like(line.trim_end(), None, None).is_none()))));
        before = line;
        let t = line.trim_start();
        let indent = line.len() - t.len();
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        let marker = t.starts_with("- ")
            || t.starts_with("* ")
            || t.starts_with("+ ")
            || (digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") ")));
        if t.trim().is_empty() {
            in_item = false;
            labelled = false;
        } else if marker {
            labelled = is_label_line(t);
            // A numbered line under a paragraph starts a list (Markdown
            // would read "2. …" as the paragraph's continuation).
            if !in_item && indent == 0 && !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
                lines.push(lines.last().copied().unwrap_or(1));
            }
            in_item = true;
        } else if in_item && indent == 0 && !wrapped && !labelled {
            out.push('\n');
            lines.push(
                lines
                    .len()
                    .saturating_sub(0)
                    .min(lines.last().copied().unwrap_or(1)),
            );
            in_item = false;
        }
        out.push_str(line);
        lines.push(lines.last().copied().unwrap_or(0) + 1);
    }
    (out, lines)
}

/// Plain text made ready for the Markdown reader: its dunder names
/// escaped ([`dunder_names`]) and its list items ended
/// ([`end_lazy_items`]).
pub(super) fn plain_text(text: &str) -> (String, Vec<usize>) {
    end_lazy_items(&dunder_names(&indented_headings(text)))
}

/// Most words of a line set in from the margin that [`indented_headings`]
/// moves back.
const INDENTED_HEADING_WORDS: usize = 12;

/// "\t\tChapter 1: Decisions", "        Kernel style": in plain text, a
/// short line set in from the margin by a tab or four spaces, alone
/// between blank lines, opening on a capital or a digit and ending on no
/// comma, colon or period, is a heading centred or tabbed by hand, not
/// indented code (see [`is_code_line`]): it moves to the margin, where
/// the plain-text reader weighs it as any other line.
fn indented_headings(text: &str) -> String {
    let lines: Vec<(&str, bool)> = fenced_lines(text).collect();
    let blank = |k: Option<usize>| {
        k.and_then(|k| lines.get(k))
            .is_none_or(|(l, _)| l.trim().is_empty())
    };
    let mut out = String::with_capacity(text.len());
    for (k, &(line, code)) in lines.iter().enumerate() {
        let t = line.trim();
        let heading = !code
            && (line.starts_with('\t') || line.starts_with("    "))
            && blank(k.checked_sub(1))
            && blank(Some(k + 1))
            && (1..=INDENTED_HEADING_WORDS).contains(&word_count(t))
            && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !t.ends_with(['.', ',', ';', ':'])
            && !is_code_line(t);
        out.push_str(if heading { line.trim_start() } else { line });
    }
    out
}

/// In plain text, a Python name between double underscores ("the
/// __doc__ attribute", "__init__.py") is a name, not Markdown's bold: its
/// underscores are escaped, outside code spans and indented code.
fn dunder_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (line, code) in fenced_lines(text) {
        let indent = line.len() - line.trim_start().len();
        if code || indent >= 4 || !line.contains("__") {
            out.push_str(line);
        } else {
            escape_dunders(line, &mut out);
        }
    }
    out
}

/// One line of [`dunder_names`]: a code span (a run of backticks to the
/// same run) is copied as it is.
fn escape_dunders(line: &str, out: &mut String) {
    let mut rest = line;
    let mut after_word = false;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            let run = rest.len() - rest.trim_start_matches('`').len();
            let close = rest[run..]
                .find(&rest[..run])
                .map_or(rest.len(), |k| run + k + run);
            out.push_str(&rest[..close]);
            rest = &rest[close..];
            after_word = false;
            continue;
        }
        if !after_word && let Some(len) = dunder_at(rest) {
            out.push_str(&format!("\\_\\_{}\\_\\_", &rest[2..len - 2]));
            rest = &rest[len..];
            continue;
        }
        after_word = c.is_alphanumeric() || c == '_';
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
}

/// The length of a dunder name opening the text ("__init__"): two
/// underscores, a lower-case name, two underscores, then no letter.
fn dunder_at(text: &str) -> Option<usize> {
    let name = text.strip_prefix("__")?;
    let end = name.find("__")?;
    let inner = &name[..end];
    let sound = inner.starts_with(|c: char| c.is_ascii_lowercase())
        && !inner.ends_with('_')
        && inner
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    let after = name[end + 2..].chars().next();
    (sound && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')).then_some(end + 4)
}

/// Looks like a line of program code pasted without a fence.
pub(super) fn is_code_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let words = word_count(t);
    t.ends_with(';')
        || t.ends_with('{')
        || t == "}"
        || t.starts_with("//")
        || t.starts_with("}")
        || t.contains("()")
        || (t.ends_with(')') && t.contains('(') && !t.contains(" ("))
        || (t.contains(" = ") && !t.contains(". ") && words <= 8)
        || t.starts_with("let ")
        || t.starts_with("const ")
        || t.starts_with("var ")
        || t.starts_with("fn ")
        || t.starts_with("def ")
        || annotation(t)
}

/// "@Property", "@app.route(\"/\")": a decorator or annotation over the
/// code it marks, an at sign and a name with no space before its
/// arguments.
fn annotation(t: &str) -> bool {
    let name = t.split('(').next().unwrap_or(t);
    t.strip_prefix('@')
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()))
        && !name.contains(char::is_whitespace)
}
