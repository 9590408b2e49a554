//! The JSON shapes of docs/json-output.md (CARD, REVIEW), small text
//! formatters shared by the commands, and [`safe`]: how text that came from
//! outside is shown on a terminal.

use std::fmt;

use chrono::{Local, NaiveDate, SecondsFormat, TimeZone};
use serde::Serialize;
use unicode_width::UnicodeWidthChar;

use crate::import::CardKind;
use crate::storage::{Card, Review, Schedule};

#[derive(Serialize)]
pub struct CardJson {
    pub id: String,
    pub deck: String,
    pub front: String,
    pub back: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub extra: String,
    pub tags: Vec<String>,
    pub kind: &'static str,
    pub state: &'static str,
    pub due: Option<String>,
    pub interval: i64,
    pub ease: f64,
    pub repetition: u32,
    pub lapses: i64,
    pub reviews: i64,
    /// Never shown, due or new until `rehearse unsuspend` (schema v7).
    pub suspended: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<ReviewJson>>,
}

impl CardJson {
    pub fn new(card: &Card) -> CardJson {
        let sm2 = card.schedule.sm2();
        CardJson {
            id: card.id().to_string(),
            deck: card.deck.clone(),
            front: card.draft.front.clone(),
            back: card.draft.back.clone(),
            extra: card.draft.extra.clone(),
            tags: card.draft.tags.clone(),
            kind: match card.draft.kind {
                CardKind::Basic => "basic",
                CardKind::Reverse => "reverse",
                CardKind::Cloze { .. } => "cloze",
            },
            state: card.schedule.maturity().name(),
            due: card.schedule.due().map(|d| d.to_string()),
            interval: sm2.interval_days,
            ease: sm2.ease,
            repetition: sm2.repetition,
            lapses: card.lapses,
            reviews: card.reviews,
            suspended: card.suspended,
            history: None,
        }
    }
}

#[derive(Serialize)]
pub struct ReviewJson {
    pub card: String,
    pub deck: String,
    pub at: String,
    pub quality: u8,
    pub grade: Option<&'static str>,
    pub kind: &'static str,
    pub interval: i64,
    pub ease: f64,
    pub due: String,
    /// Interview mode moved the due day to the eve of the interview.
    pub capped: bool,
    /// Where an imported answer came from (`anki:<revlog id>`); absent for
    /// answers given here.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

impl ReviewJson {
    pub fn new(review: &Review) -> ReviewJson {
        ReviewJson {
            card: review.card.clone(),
            deck: review.deck.clone(),
            at: rfc3339(review.answered_at_ms),
            quality: review.quality,
            grade: review.grade.map(|g| g.name()),
            kind: review.kind.name(),
            interval: review.sm2.interval_days,
            ease: review.sm2.ease,
            due: review.due.to_string(),
            capped: review.capped,
            origin: review.origin.clone(),
        }
    }
}

/// What to add to a schedule line when interview mode capped the due day.
pub fn capped_note(review: &Review) -> &'static str {
    if review.capped {
        " (capped: the eve of the interview)"
    } else {
        ""
    }
}

/// An instant as local RFC 3339 with its offset.
pub fn rfc3339(at_ms: i64) -> String {
    match Local.timestamp_millis_opt(at_ms).single() {
        Some(t) => t.to_rfc3339_opts(SecondsFormat::Secs, false),
        None => at_ms.to_string(),
    }
}

/// An instant as local `YYYY-MM-DD HH:MM`.
pub fn local_minute(at_ms: i64) -> String {
    match Local.timestamp_millis_opt(at_ms).single() {
        Some(t) => t.format("%Y-%m-%d %H:%M").to_string(),
        None => at_ms.to_string(),
    }
}

/// "today", "tomorrow", "in 5 days", "3 days ago".
pub fn relative_day(day: NaiveDate, today: NaiveDate) -> String {
    match (day - today).num_days() {
        0 => "today".into(),
        1 => "tomorrow".into(),
        -1 => "yesterday".into(),
        n if n > 1 => format!("in {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// A short interval for previews: "<1d" is not needed in SM-2 (minimum one day).
pub fn days(n: i64) -> String {
    if n < 30 {
        format!("{n}d")
    } else if n < 365 {
        format!("{:.1}mo", n as f64 / 30.44)
    } else {
        format!("{:.1}y", n as f64 / 365.25)
    }
}

/// The schedule in one line: "new" or "due 2026-11-26 (tomorrow) · interval 1d · ease 2.50 · repetition 1".
pub fn schedule_line(schedule: &Schedule, today: NaiveDate) -> String {
    match schedule {
        Schedule::New => "new (never answered)".into(),
        Schedule::Learned { sm2, due } => format!(
            "{} · due {due} ({}) · interval {} · ease {:.2} · repetition {}",
            schedule.maturity().name(),
            relative_day(*due, today),
            days(sm2.interval_days),
            sm2.ease,
            sm2.repetition
        ),
    }
}

/// Text from outside — card text, deck names, tags, ids, file names, a
/// line typed at the session — as it may be shown on a terminal.
///
/// A deck is written by strangers, and a terminal obeys the control
/// characters it is sent: ESC starts sequences that clear the screen,
/// retitle the window or write the clipboard (OSC 52), BS and CR overwrite
/// what was shown, and bidi controls reorder it so part of an answer hides.
/// Every such character is shown instead of sent: C0 controls and DEL in
/// caret notation (`^[`, `^H`, `^?`), C1 controls and bidi controls as
/// escapes (`\u{9b}`, `\u{202e}`). Newline and tab are kept: layouts that
/// need one line use [`safe_line`]. Files and `--json` keep the exact text.
pub fn safe(text: &str) -> Safe<'_> {
    Safe {
        text,
        keep_layout: true,
    }
}

/// [`safe`] for text that must stay on one line: newline and tab are shown
/// too (`^J`, `^I`).
pub fn safe_line(text: &str) -> Safe<'_> {
    Safe {
        text,
        keep_layout: false,
    }
}

/// Text shown safely; see [`safe`].
#[derive(Clone, Copy)]
pub struct Safe<'a> {
    text: &'a str,
    keep_layout: bool,
}

impl fmt::Display for Safe<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut start = 0;
        for (i, c) in self.text.char_indices() {
            let kept = self.keep_layout && matches!(c, '\n' | '\t');
            if kept || !is_terminal_control(c) {
                continue;
            }
            f.write_str(&self.text[start..i])?;
            match c {
                '\0'..='\x1f' => write!(f, "^{}", char::from(c as u8 + 0x40))?,
                '\x7f' => f.write_str("^?")?,
                _ => write!(f, "\\u{{{:x}}}", c as u32)?,
            }
            start = i + c.len_utf8();
        }
        f.write_str(&self.text[start..])
    }
}

/// C0 and C1 controls, DEL, and the bidi controls that reorder text:
/// the marks (U+061C, U+200E, U+200F), embeddings and overrides
/// (U+202A–U+202E) and isolates (U+2066–U+2069).
fn is_terminal_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// JSON text of `value`, pretty-printed. serde_json escapes C0 controls in
/// strings; the DEL, C1 and bidi controls it leaves raw are escaped here as
/// well (`\u009b`, `\u202e`), so the document is safe on a terminal and
/// parses back to exactly the text stored.
pub fn json_pretty<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    Ok(escape_controls(serde_json::to_string_pretty(value)?))
}

/// [`json_pretty`] on one line: a JSON line of `review --json`.
pub fn json_line<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    Ok(escape_controls(serde_json::to_string(value)?))
}

fn escape_controls(text: String) -> String {
    // Raw newlines are the layout: inside strings serde_json wrote `\n`.
    let escaped = |c: char| c != '\n' && is_terminal_control(c);
    if !text.contains(escaped) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if escaped(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Cuts text to `width` characters on one line, with an ellipsis; the text
/// is made [`safe`] first, so the width is the width shown.
pub fn one_line(text: &str, width: usize) -> String {
    let shown = safe(text).to_string();
    let flat: String = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= width {
        flat
    } else {
        let mut cut: String = flat.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// Left-aligned text table with a header row; the last column is not padded.
/// Cells are made safe on one line ([`safe_line`]) before they are measured.
pub fn table(header: &[&str], rows: &[Vec<String>], right_align: &[bool]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| safe_line(c).to_string()).collect())
        .collect();
    let n_columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| columns(h)).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate().take(n_columns) {
            widths[i] = widths[i].max(columns(cell));
        }
    }
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(columns(cell));
            let last = i + 1 == n_columns;
            if right_align.get(i).copied().unwrap_or(false) {
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            } else {
                text.push_str(cell);
                if !last {
                    text.push_str(&" ".repeat(pad));
                }
            }
            if !last {
                text.push_str("  ");
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(header.to_vec());
    for row in &rows {
        line(row.iter().map(String::as_str).collect());
    }
    out
}

/// "1 card", "2 cards": a count with its noun, singular only for one.
pub fn count(n: impl Into<i64>, noun: &str) -> String {
    let n = n.into();
    format!("{n} {}", plural(n, noun))
}

/// The noun for `n` things: "card" for one, "cards" otherwise.
pub fn plural(n: i64, noun: &str) -> String {
    if n == 1 {
        noun.to_string()
    } else {
        format!("{noun}s")
    }
}

/// Display columns of one line: wide characters count two, and the colour
/// escapes of our own views (`ESC [ … m`) count nothing.
pub fn columns(line: &str) -> usize {
    let mut width = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // Skip to the escape's final letter.
            for e in chars.by_ref() {
                if e.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            width += UnicodeWidthChar::width(c).unwrap_or(0);
        }
    }
    width
}

/// One line cut to `width` columns, ending in "…" when cut. Colour
/// escapes are kept whole and cost nothing; a line cut inside a colour
/// gets a reset, so the colour does not run on.
pub fn fit(line: &str, width: usize) -> String {
    if columns(line) <= width {
        return line.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    let mut chars = line.chars();
    let mut escapes = false;
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            out.push(c);
            escapes = true;
            for e in chars.by_ref() {
                out.push(e);
                if e.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.truncate(out.trim_end().len());
        out.push('…');
    }
    if escapes {
        out.push_str("\x1b[0m");
    }
    out
}

/// Every line of a text view cut to the terminal's width, when there is
/// one (stdout is a terminal); redirected output is never cut.
pub fn fit_lines(text: &str, width: Option<usize>) -> String {
    let Some(width) = width else {
        return text.to_string();
    };
    let mut out: Vec<String> = text.lines().map(|l| fit(l, width)).collect();
    if text.ends_with('\n') {
        out.push(String::new());
    }
    out.join("\n")
}

/// [`table`] made to fit `width` columns: the columns of `shrink` (free
/// text such as card fronts and deck names) give up space in that order,
/// down to their header's width (at least 6), their cells cut with "…";
/// whatever still does not fit is cut at the edge. Without a width the
/// table is [`table`].
pub fn fitted_table(
    header: &[&str],
    rows: &[Vec<String>],
    right_align: &[bool],
    shrink: &[usize],
    width: Option<usize>,
) -> String {
    let Some(width) = width else {
        return table(header, rows, right_align);
    };
    let shown: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|c| safe_line(c).to_string()).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| columns(h)).collect();
    for row in &shown {
        for (i, cell) in row.iter().enumerate().take(widths.len()) {
            widths[i] = widths[i].max(columns(cell));
        }
    }
    let total = |w: &[usize]| w.iter().sum::<usize>() + 2 * w.len().saturating_sub(1);
    let n_columns = widths.len();
    for &i in shrink.iter().filter(|&&i| i < n_columns) {
        let excess = total(&widths).saturating_sub(width);
        widths[i] = widths[i]
            .saturating_sub(excess)
            .max(columns(header[i]).max(6));
    }
    let cut: Vec<Vec<String>> = shown
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(i, c)| fit(c, widths.get(i).copied().unwrap_or(usize::MAX)))
                .collect()
        })
        .collect();
    fit_lines(&table(header, &cut, right_align), Some(width))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_shown_not_sent() {
        let hostile = "a\x1b]52;c;ZWNobw==\x07b\x08\rc\u{9b}2J\u{202e}d\u{2066}\x7f";
        assert_eq!(
            safe(hostile).to_string(),
            "a^[]52;c;ZWNobw==^Gb^H^Mc\\u{9b}2J\\u{202e}d\\u{2066}^?"
        );
        assert!(!safe(hostile).to_string().chars().any(is_terminal_control));
    }

    #[test]
    fn layout_keeps_newline_and_tab_one_line_does_not() {
        assert_eq!(safe("a\n\tb").to_string(), "a\n\tb");
        assert_eq!(safe_line("a\n\tb").to_string(), "a^J^Ib");
    }

    #[test]
    fn plain_text_and_other_scripts_pass_unchanged() {
        let text = "Rock & Roll — café, 日本語, עברית, مرحبا";
        assert_eq!(safe(text).to_string(), text);
        assert_eq!(safe(&safe("\x1b").to_string()).to_string(), "^[");
    }

    #[test]
    fn json_escapes_every_control_and_parses_back_exactly() {
        let hostile = "a\x1b]0;t\x07\u{9b}\u{202e}\x7f\n\tz";
        let json = json_pretty(&[hostile]).unwrap();
        assert!(!json.chars().any(|c| c != '\n' && is_terminal_control(c)));
        assert!(json.contains("\\u009b\\u202e\\u007f"), "{json}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [hostile]);
    }

    #[test]
    fn table_measures_cells_as_shown() {
        let rows = vec![vec!["\x1b".to_string(), "x".to_string()]];
        assert_eq!(
            table(&["id", "b"], &rows, &[false, false]),
            "id  b\n^[  x\n"
        );
    }

    #[test]
    fn counts_are_singular_only_for_one() {
        assert_eq!(count(0, "card"), "0 cards");
        assert_eq!(count(1, "card"), "1 card");
        assert_eq!(count(2, "answer"), "2 answers");
    }

    #[test]
    fn lines_are_cut_to_the_width_with_an_ellipsis() {
        assert_eq!(fit("abcdef", 6), "abcdef");
        assert_eq!(fit("abcdefg", 6), "abcde…");
        // Wide characters take two columns.
        assert_eq!(fit("日本語の文", 6), "日本…");
        assert_eq!(columns(&fit("日本語の文", 6)), 5);
        // Colours cost nothing and are closed when the cut falls inside.
        let red = "\x1b[31mabcdefgh\x1b[0m";
        assert_eq!(columns(red), 8);
        assert_eq!(fit(red, 4), "\x1b[31mabc…\x1b[0m");
        assert_eq!(fit_lines("abc\ndefgh\n", Some(4)), "abc\ndef…\n");
        assert_eq!(fit_lines("abcdefgh", None), "abcdefgh");
    }

    #[test]
    fn fitted_tables_shrink_their_text_columns_first() {
        let rows = vec![vec![
            "deck".to_string(),
            "a long front that does not fit".to_string(),
            "12".to_string(),
        ]];
        let header = ["id", "front", "n"];
        let right = [false, false, true];
        let wide = fitted_table(&header, &rows, &right, &[1, 0], Some(80));
        assert_eq!(wide, table(&header, &rows, &right));
        let narrow = fitted_table(&header, &rows, &right, &[1, 0], Some(24));
        for line in narrow.lines() {
            assert!(columns(line) <= 24, "{line:?} is wider than 24");
        }
        assert!(narrow.contains("deck  a long front…"), "{narrow}");
        assert_eq!(fitted_table(&header, &rows, &right, &[1, 0], None), wide);
    }
}
