//! HTML fields (Anki notes, CSV files with `#html:true`) to the plain text
//! our cards hold. html2text does the parsing (entities, `<br>`, blocks,
//! lists); a decorator of our own keeps the output free of markdown-ish marks
//! (`**bold**`, `[link]`, `# heading`) that would show up literally on a card.
//! Images and `[sound:…]` references are dropped: media are not supported.

use html2text::render::TextDecorator;

/// Lines wider than this are not wrapped by html2text; a card's text is
/// wrapped by whoever shows it.
const NO_WRAP_WIDTH: usize = 100_000;

/// The plain text of an HTML fragment: entities decoded, line breaks for
/// `<br>` and blocks, `- ` before list items, media dropped, trailing white
/// space of each line and blank lines at both ends removed.
pub fn to_text(html: &str) -> String {
    let html = drop_sound_refs(html);
    if !html.contains(['<', '&']) {
        // No markup: HTML white space rules are all that apply. Much faster
        // than a parse, and the common case for CSV files.
        return html.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    if let Some(text) = simple_inline(&html) {
        return tidy(&text.replace('\u{a0}', " "));
    }
    let rendered = html2text::config::with_decorator(CardDecorator)
        .allow_width_overflow()
        .string_from_read(html.as_bytes(), NO_WRAP_WIDTH)
        .unwrap_or_else(|_| html.to_string());
    tidy(&rendered.replace('\u{a0}', " "))
}

/// Tags that only format text inline: they add nothing to the plain text.
/// (Not `sub`/`sup`: html2text turns some of them into ² and ₂.)
const INLINE_TAGS: [&str; 11] = [
    "b", "i", "u", "s", "em", "strong", "span", "font", "small", "big", "mark",
];

/// The plain text of a fragment holding only inline formatting, `<br>` and
/// common entities, which is what most Anki fields are: the same text
/// html2text gives, without building a document tree. `None` for anything
/// else, which then goes to html2text.
///
/// Kept because `benches/import.sh` defends it: importing `big.apkg`
/// (100,000 notes of inline HTML) takes a median 1.56 s with it and 4.66 s
/// without (CPU 0.35 s against 1.38 s); html2text is most of the time of a
/// large package import. `the_fast_path_gives_what_html2text_gives` and the
/// `html` fuzz target keep it honest.
fn simple_inline(html: &str) -> Option<String> {
    let mut out = String::with_capacity(html.len());
    let push_text = |out: &mut String, text: &str| {
        for ch in text.chars() {
            if ch.is_ascii_whitespace() {
                if !(out.is_empty() || out.ends_with(' ') || out.ends_with('\n')) {
                    out.push(' ');
                }
            } else {
                out.push(ch);
            }
        }
    };
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        push_text(&mut out, &rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('<') {
            let end = rest.find('>')?;
            let inner = rest[1..end].trim_start_matches('/');
            let name: String = inner
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            if name == "br" {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push('\n');
            } else if !INLINE_TAGS.contains(&name.as_str()) {
                return None;
            }
            rest = &rest[end + 1..];
        } else {
            let (decoded, end) = entity(rest)?;
            out.push(decoded);
            rest = &rest[end + 1..];
        }
    }
    push_text(&mut out, rest);
    Some(out)
}

/// The character of the entity at the start of `text` (which starts with
/// `&`) and the byte index of its `;`; `None` for an entity the fast path
/// leaves to html2text.
fn entity(text: &str) -> Option<(char, usize)> {
    // Look for the `;` among the first bytes only: slicing the text at a
    // fixed byte count could cut a character in two (issue 14.1).
    let end = text.bytes().take(12).position(|b| b == b';')?;
    let decoded = match &text[1..end] {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        num if num.starts_with("#x") || num.starts_with("#X") => {
            char::from_u32(u32::from_str_radix(&num[2..], 16).ok()?)?
        }
        num if num.starts_with('#') => char::from_u32(num[1..].parse().ok()?)?,
        _ => return None,
    };
    (!decoded.is_control()).then_some((decoded, end))
}

/// Removes Anki's `[sound:file.mp3]` references.
fn drop_sound_refs(html: &str) -> std::borrow::Cow<'_, str> {
    if !html.contains("[sound:") {
        return html.into();
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("[sound:") {
        out.push_str(&rest[..start]);
        match rest[start..].find(']') {
            Some(end) => rest = &rest[start + end + 1..],
            None => {
                rest = &rest[start..];
                break;
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// Trailing spaces of each line off, at most one blank line in a row, no
/// blank lines at the ends.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    out
}

/// Plain text with no decoration except list markers.
#[derive(Clone, Copy)]
struct CardDecorator;

impl TextDecorator for CardDecorator {
    type Annotation = ();

    fn decorate_link_start(&mut self, _url: &str) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_link_end(&mut self) -> String {
        String::new()
    }
    fn decorate_em_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_em_end(&self) -> String {
        String::new()
    }
    fn decorate_strong_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_strong_end(&self) -> String {
        String::new()
    }
    fn decorate_strikeout_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_strikeout_end(&self) -> String {
        String::new()
    }
    fn decorate_code_start(&self) -> (String, ()) {
        (String::new(), ())
    }
    fn decorate_code_end(&self) -> String {
        String::new()
    }
    fn decorate_preformat_first(&self) {}
    fn decorate_preformat_cont(&self) {}
    fn decorate_image(&mut self, _src: &str, _title: &str) -> (String, ()) {
        (String::new(), ())
    }
    fn header_prefix(&self, _level: usize) -> String {
        String::new()
    }
    fn quote_prefix(&self) -> String {
        String::new()
    }
    fn unordered_item_prefix(&self) -> String {
        "- ".to_string()
    }
    fn ordered_item_prefix(&self, i: i64) -> String {
        format!("{i}. ")
    }
    fn make_subblock_decorator(&self) -> Self {
        CardDecorator
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_breaks_and_emphasis() {
        assert_eq!(
            to_text("What does <b>SM-2</b> schedule?<br>Explain"),
            "What does SM-2 schedule?\nExplain"
        );
        assert_eq!(to_text("Reviews &amp; intervals"), "Reviews & intervals");
        assert_eq!(to_text("a&nbsp;b"), "a b");
        assert_eq!(
            to_text("<i>x</i> <a href=\"http://e.com\">link</a>"),
            "x link"
        );
    }

    #[test]
    fn lists_keep_one_item_per_line() {
        assert_eq!(
            to_text("<ul><li>sleep</li><li>read</li></ul>"),
            "- sleep\n- read"
        );
        assert_eq!(
            to_text("<ol><li>one</li><li>two</li></ol>"),
            "1. one\n2. two"
        );
    }

    #[test]
    fn media_are_dropped() {
        assert_eq!(
            to_text("Name three <img src=\"dot.png\"> habits [sound:a.mp3]"),
            "Name three habits"
        );
        assert_eq!(to_text("[sound:a.mp3]"), "");
        assert_eq!(
            to_text("broken [sound:never closed"),
            "broken [sound:never closed"
        );
    }

    #[test]
    fn plain_text_only_collapses_white_space() {
        assert_eq!(to_text("  two\n  lines  "), "two lines");
        assert_eq!(to_text("{{c1::Rust}} was"), "{{c1::Rust}} was");
        assert_eq!(
            to_text("<b>{{c1::Rust}}</b> &lt;3 {{c2::x::hint}}"),
            "{{c1::Rust}} <3 {{c2::x::hint}}"
        );
    }

    #[test]
    fn the_fast_path_gives_what_html2text_gives() {
        let samples = [
            "What does <b>SM-2</b> schedule?<br>Explain",
            "Reviews &amp; intervals &lt;3 &gt; &quot;q&quot; &#39;x&#39; &#x41;",
            "a <b> b </b>  c<br/>  d <BR> e",
            "<span style=\"color: red\">red</span> and <i>it</i><u>u</u>",
            "<b>{{c1::Rust}}</b> &lt;3 {{c2::x::hint}}",
            "a&nbsp;b&nbsp;&nbsp;c",
            "  lead <br><br> gap  ",
        ];
        for html in samples {
            let fast = simple_inline(html).map(|t| tidy(&t.replace('\u{a0}', " ")));
            let full = html2text::config::with_decorator(CardDecorator)
                .allow_width_overflow()
                .string_from_read(html.as_bytes(), NO_WRAP_WIDTH)
                .map(|r| tidy(&r.replace('\u{a0}', " ")))
                .unwrap();
            assert_eq!(fast.as_deref(), Some(full.as_str()), "{html}");
        }
        for html in [
            "<div>a</div>",
            "<p>a</p>",
            "<ul><li>a</li></ul>",
            "a &bogus; b",
            "<!-- c -->",
            "a < b",
            "y<sup>3</sup>",
        ] {
            assert_eq!(simple_inline(html), None, "{html}");
        }
    }

    /// Issue 14.1: the fast path cut the text 12 bytes after an `&`, which
    /// could land inside a character and panic.
    #[test]
    fn entity_followed_by_non_ascii_text_does_not_panic() {
        assert_eq!(
            to_text("Rock &amp; Roll &mdash; café"),
            "Rock & Roll — café"
        );
        assert_eq!(to_text("&amp;日本語"), "&日本語");
        assert_eq!(to_text("<b>&amp;é</b>日本語 &#233;x"), "&é日本語 éx");
        assert_eq!(to_text("&日本語です;"), "&日本語です;");
    }

    #[test]
    fn blocks_become_lines() {
        assert_eq!(to_text("<div>a</div><div>b</div>"), "a\nb");
        assert_eq!(to_text("<p>a</p><p>b</p>"), "a\n\nb");
        assert_eq!(to_text("<h1>Title</h1>text"), "Title\n\ntext");
    }
}
