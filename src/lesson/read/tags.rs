//! HTML tags a lesson names rather than uses: "A heading and a <ul> will
//! make…" mentions the list element, and the Markdown reader, taking the
//! tag for markup, would leave a hole in the sentence (see docs/lessons.md,
//! "What it reads"). A tag written bare, `<ul>`, with no attribute and no
//! closing `</ul>` anywhere in the text, is a mention: it is escaped so that
//! it reads as text. Writers who use HTML close their tags, or give them
//! attributes (`<img src=…>`); only `<br>`, `<hr>` and `<wbr>` stand alone
//! as markup. Code, fenced, indented or inline, is left as it is.

use super::pasted::fenced_lines;

/// The text with every mentioned tag escaped (`\<ul>`).
pub(super) fn escape_mentioned_tags(text: &str) -> String {
    if !text.contains('<') {
        return text.to_string();
    }
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(text.len() + 8);
    // (An indented code block opens after a blank line and goes on while
    // its lines are indented or blank.)
    let (mut blank_before, mut indented_code) = (true, false);
    for (line, code) in fenced_lines(text) {
        let indented = line.starts_with("    ") || line.starts_with('\t');
        let blank = line.trim().is_empty();
        indented_code =
            !code && (indented && (blank_before || indented_code) || blank && indented_code);
        blank_before = blank;
        if code || indented_code || !line.contains('<') {
            out.push_str(line);
            continue;
        }
        // (Between backticks, inline code: the odd parts.)
        for (k, part) in line.split('`').enumerate() {
            if k > 0 {
                out.push('`');
            }
            if k % 2 == 1 {
                out.push_str(part);
            } else {
                escape_in(part, &lower, &mut out);
            }
        }
    }
    out
}

/// `part` with its mentioned tags escaped, pushed onto `out`; `lower` is
/// the whole text in lower case, searched for closing tags.
fn escape_in(part: &str, lower: &str, out: &mut String) {
    let mut rest = part;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let name_len = after
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        let name = after[..name_len].to_lowercase();
        let bare = name_len > 0
            && after.as_bytes()[0].is_ascii_alphabetic()
            && after[name_len..].starts_with('>');
        let markup =
            matches!(name.as_str(), "br" | "hr" | "wbr") || lower.contains(&format!("</{name}>"));
        let escaped = at > 0 && rest[..at].ends_with('\\');
        if bare && !markup && !escaped {
            out.push('\\');
        }
        out.push('<');
        rest = after;
    }
    out.push_str(rest);
}

/// "📝 #updated", "#new": a heading of hashtags only marks what follows; it
/// names nothing, and the text under it goes on with the section above.
pub(super) fn is_tag(heading: &str) -> bool {
    let mut words = heading
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .peekable();
    words.peek().is_some() && words.all(|w| w.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::escape_mentioned_tags as esc;

    #[test]
    fn a_bare_tag_never_closed_is_a_mention() {
        assert_eq!(
            esc("A heading and a <ul> will help.\n"),
            "A heading and a \\<ul> will help.\n"
        );
        // (Closed, with attributes, or a line break: markup.)
        let used = "Press <kbd>Ctrl</kbd>, see <img src=\"a.png\">, end<br>\n";
        assert_eq!(esc(used), used);
        // (Code keeps its text.)
        let code = "Use `<ul>` here.\n```\n<ul>\n```\n";
        assert_eq!(esc(code), code);
        assert_eq!(esc("if a < b and b > c\n"), "if a < b and b > c\n");
        let indented =
            "To pin it:\n\n    brew pin <formula>\n\n    brew list\n\nThen a <ul> here.\n";
        assert_eq!(
            esc(indented),
            "To pin it:\n\n    brew pin <formula>\n\n    brew list\n\nThen a \\<ul> here.\n"
        );
    }
}
