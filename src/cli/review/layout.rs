//! Where each line of the review screen goes on a terminal of a given size
//! (docs/review-session.md, "On a terminal"); pure, so every size can be
//! tested without a terminal.
//!
//! From the top: the header, the banner lines, the front, and once the
//! answer is shown a rule and the back; under them the grade keys, the
//! hints and the status line; the progress bar takes the line after. The
//! header and the front stay in place: a back too long for the screen is
//! shown in a window that the arrow keys scroll, with a "more" line saying
//! what is hidden. Fixed lines come in forms from the longest to the
//! shortest, and the first that fits the width is shown; the last is cut
//! with "…" when none does. Blank lines and banner lines are shown only
//! while they leave room for the card.

use super::text::{Line, Span, Style, columns, cut};

/// Columns before the card's text.
pub const MARGIN: &str = "   ";
/// The widest text of a card, for readable lines on a wide terminal.
pub const MAX_TEXT_WIDTH: usize = 100;
/// Lines of the back that a scrolled screen keeps in view below the front.
const MIN_BACK_LINES: usize = 3;
/// A screen grants its spacing and banner lines while the back's window
/// keeps at least this many lines.
const ROOMY: usize = 8;

/// The width card text is drawn at on a terminal `width` columns wide.
pub fn text_width(width: usize) -> usize {
    width
        .saturating_sub(MARGIN.len() + 1)
        .clamp(10, MAX_TEXT_WIDTH)
}

/// Everything one card's screen may show; fixed lines as forms, longest
/// first.
pub struct Content {
    pub header: Vec<Line>,
    pub banner: Vec<Vec<Line>>,
    /// The front and the back (with the extra text), drawn at
    /// [`text_width`], without the margin.
    pub front: Vec<Line>,
    pub back: Vec<Line>,
    pub revealed: bool,
    pub keys: Vec<Line>,
    pub hints: Vec<Line>,
    /// No forms: no status line.
    pub status: Vec<Line>,
}

/// The lines to draw, and the scrolling they allow.
#[derive(Debug)]
pub struct Screen {
    pub lines: Vec<Line>,
    /// The first line of the scrolled part that is shown, and the largest
    /// such line; 0 and 0 when everything fits.
    pub scroll: usize,
    pub max_scroll: usize,
    /// Lines in the scrolled window: what PgUp/PgDn move by.
    pub page: usize,
}

/// The first form that fits `width`, or the last one cut.
pub fn pick(forms: &[Line], width: usize) -> Line {
    forms
        .iter()
        .find(|f| columns(f) <= width)
        .cloned()
        .unwrap_or_else(|| forms.last().map(|f| cut(f, width)).unwrap_or_default())
}

/// One line of plain text in one style.
pub fn line(text: &str, style: Style) -> Line {
    vec![Span::new(text, style)]
}

/// The screen of `content` on a `width` × `height` terminal, its scrolled
/// part starting at line `scroll` (clamped).
pub fn layout(content: &Content, width: usize, height: usize, scroll: usize) -> Screen {
    // The progress bar takes the last line.
    let avail = height.saturating_sub(1);
    let front = with_margin(&content.front);
    let back = with_margin(&content.back);
    let rule = line(
        &format!(" {}", "─".repeat(width.saturating_sub(2).min(60))),
        Style::DIM,
    );
    let status = (!content.status.is_empty()).then(|| pick(&content.status, width));
    let mut bottom = Vec::new();
    if content.revealed {
        bottom.push(pick(&content.keys, width));
    }
    bottom.push(pick(&content.hints, width));
    bottom.extend(status);
    // The card's part of the screen when revealed; the hidden screen has
    // the line of the keys too. Spacing is decided on the revealed screen,
    // so the front does not move when the answer is shown.
    let space = avail.saturating_sub(1 + usize::from(!content.revealed) + bottom.len());
    let need = front.len() + 1 + back.len();
    let roomy = |granted: usize| {
        need + granted < space || space.saturating_sub(granted + 2 + front.len()) >= ROOMY
    };
    let mut granted = 0;
    let extras = 2 + content.banner.len();
    while granted < extras && roomy(granted) {
        granted += 1;
    }
    let mut lines = vec![pick(&content.header, width)];
    let banners = granted.saturating_sub(2).min(content.banner.len());
    lines.extend(content.banner[..banners].iter().map(|f| pick(f, width)));
    if granted >= 2 {
        lines.push(Vec::new());
    }
    let region = space.saturating_sub(granted) + usize::from(!content.revealed);
    let part = if content.revealed {
        revealed(front, rule, back, region)
    } else {
        hidden(front, region)
    };
    let max_scroll = part.body.len().saturating_sub(part.window);
    let scroll = scroll.min(max_scroll);
    lines.extend(part.pinned);
    lines.extend(part.body.iter().skip(scroll).take(part.window).cloned());
    if max_scroll > 0 {
        let below = part.body.len() - scroll - part.window.min(part.body.len() - scroll);
        lines.push(pick(&more(scroll, below), width));
    }
    if granted >= 1 {
        lines.push(Vec::new());
    }
    lines.extend(bottom);
    lines.truncate(avail);
    Screen {
        lines: lines.iter().map(|l| cut(l, width)).collect(),
        scroll,
        max_scroll,
        page: part.window,
    }
}

/// The card's lines: some pinned, then a window onto the scrolled body.
struct Part {
    pinned: Vec<Line>,
    body: Vec<Line>,
    window: usize,
}

/// The front, the rule and the back in `region` lines: all of them when
/// they fit; otherwise the front stays (but for a few back lines) and the
/// rest scrolls above a "more" line.
fn revealed(front: Vec<Line>, rule: Line, back: Vec<Line>, region: usize) -> Part {
    if front.len() + 1 + back.len() <= region {
        let mut pinned = front;
        pinned.push(rule);
        return Part {
            pinned,
            window: back.len(),
            body: back,
        };
    }
    let view = region.saturating_sub(1);
    let keep = front
        .len()
        .min(view.saturating_sub(1 + MIN_BACK_LINES).max(1));
    let mut front = front;
    let mut body = front.split_off(keep);
    let mut pinned = front;
    if body.is_empty() {
        pinned.push(rule);
    } else {
        body.push(rule);
    }
    body.extend(back);
    Part {
        window: view.saturating_sub(pinned.len()).max(1),
        pinned,
        body,
    }
}

/// The front alone, scrolled when it is longer than `region`.
fn hidden(front: Vec<Line>, region: usize) -> Part {
    if front.len() <= region {
        return Part {
            pinned: front,
            body: Vec::new(),
            window: 0,
        };
    }
    Part {
        pinned: Vec::new(),
        window: region.saturating_sub(1).max(1),
        body: front,
    }
}

fn with_margin(lines: &[Line]) -> Vec<Line> {
    lines
        .iter()
        .map(|l| {
            if l.is_empty() {
                return Vec::new();
            }
            let mut out = line(MARGIN, Style::PLAIN);
            out.extend(l.iter().cloned());
            out
        })
        .collect()
}

/// The "more" line: what is above and below the window, and the keys.
fn more(above: usize, below: usize) -> Vec<Line> {
    let n = |k: usize| if k == 1 { "line" } else { "lines" };
    let keys = "↑/↓ PgUp/PgDn";
    let forms = match (above, below) {
        (0, b) => [
            format!("↓ {b} more {} — {keys}", n(b)),
            format!("↓ {b} more — ↑↓ PgUp/PgDn"),
            format!("↓ {b} more"),
        ],
        (a, 0) => [
            format!("↑ {a} {} above — {keys}", n(a)),
            format!("↑ {a} above — ↑↓ PgUp/PgDn"),
            format!("↑ {a} above"),
        ],
        (a, b) => [
            format!("↑ {a} above · ↓ {b} more {} — {keys}", n(b)),
            format!("↑ {a} above · ↓ {b} more — ↑↓"),
            format!("↑{a} ↓{b}"),
        ],
    };
    forms
        .iter()
        .map(|f| line(&format!("{MARGIN}{f}"), Style::DIM))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::review::text::plain;

    fn lines(prefix: &str, n: usize) -> Vec<Line> {
        (1..=n)
            .map(|i| line(&format!("{prefix} {i}"), Style::PLAIN))
            .collect()
    }

    fn content(front: usize, back: usize, revealed: bool) -> Content {
        Content {
            header: vec![line(" Deck · card 1 of 3", Style::DIM)],
            banner: vec![vec![line(" today: 3 due · 0 new", Style::PLAIN)]],
            front: lines("front", front),
            back: lines("back", back),
            revealed,
            keys: vec![line(
                " 1 again 1d   2 hard 1d   3 good 1d   4 easy 4d",
                Style::PLAIN,
            )],
            hints: vec![line(" u undo · q quit", Style::DIM)],
            status: vec![line(" good → due tomorrow", Style::PLAIN)],
        }
    }

    fn shown(screen: &Screen) -> Vec<String> {
        screen.lines.iter().map(|l| plain(l)).collect()
    }

    #[test]
    fn a_short_card_shows_everything_with_spacing() {
        let screen = layout(&content(1, 2, true), 92, 24, 0);
        assert_eq!(
            shown(&screen),
            [
                " Deck · card 1 of 3",
                " today: 3 due · 0 new",
                "",
                "   front 1",
                &format!(" {}", "─".repeat(60)),
                "   back 1",
                "   back 2",
                "",
                " 1 again 1d   2 hard 1d   3 good 1d   4 easy 4d",
                " u undo · q quit",
                " good → due tomorrow",
            ]
        );
        assert_eq!(screen.max_scroll, 0);
    }

    #[test]
    fn a_long_back_scrolls_under_the_header_and_front() {
        let card = content(2, 30, true);
        let screen = layout(&card, 40, 12, 0);
        let text = shown(&screen);
        assert_eq!(text.len(), 11, "{text:#?}");
        assert_eq!(text[0], " Deck · card 1 of 3");
        assert_eq!(text[1..3], ["   front 1", "   front 2"]);
        assert_eq!(text[4], "   back 1");
        assert!(text[7].contains("↓ 27 more"), "{text:#?}");
        assert_eq!(screen.page, 3);
        assert_eq!(screen.max_scroll, 27);
        let end = layout(&card, 40, 12, 100);
        let text = shown(&end);
        assert_eq!(end.scroll, 27);
        assert_eq!(text[1], "   front 1", "the front stays");
        assert_eq!(text[6], "   back 30");
        assert!(text[7].contains("↑ 27 lines above"), "{text:#?}");
        let middle = shown(&layout(&card, 40, 12, 5));
        assert!(middle[7].contains("↑ 5 above · ↓ 22 more"), "{middle:#?}");
    }

    #[test]
    fn the_front_does_not_move_when_the_answer_is_shown() {
        for (w, h) in [(40, 12), (92, 24), (200, 50)] {
            for back in [1, 5, 40] {
                let hidden = shown(&layout(&content(3, back, false), w, h, 0));
                let revealed = shown(&layout(&content(3, back, true), w, h, 0));
                let at = |s: &[String]| s.iter().position(|l| l == "   front 1");
                assert_eq!(at(&hidden), at(&revealed), "{w}×{h}, {back} back lines");
            }
        }
    }

    #[test]
    fn a_front_taller_than_the_screen_scrolls_too() {
        let screen = layout(&content(30, 2, false), 40, 12, 0);
        let text = shown(&screen);
        assert!(text.len() <= 11, "{text:#?}");
        assert!(screen.max_scroll > 0);
        assert!(text.iter().any(|l| l.contains("more")), "{text:#?}");
        let revealed = layout(&content(30, 2, true), 40, 12, 0);
        assert!(revealed.lines.len() <= 11);
        assert!(shown(&revealed)[1].contains("front 1"));
    }

    #[test]
    fn forms_are_picked_by_width() {
        let forms = [
            line("a long form", Style::PLAIN),
            line("short", Style::PLAIN),
        ];
        assert_eq!(plain(&pick(&forms, 20)), "a long form");
        assert_eq!(plain(&pick(&forms, 6)), "short");
        assert_eq!(plain(&pick(&forms, 4)), "sho…");
    }

    proptest::proptest! {
        #[test]
        fn every_size_fits(w in 40usize..=250, h in 12usize..=80, front in 0usize..40,
                           back in 0usize..200, revealed: bool, scroll in 0usize..300) {
            let screen = layout(&content(front, back, revealed), w, h, scroll);
            proptest::prop_assert!(screen.lines.len() < h);
            for l in &screen.lines {
                proptest::prop_assert!(columns(l) <= w);
            }
            proptest::prop_assert_eq!(&plain(&screen.lines[0]), " Deck · card 1 of 3");
            if front > 0 && (revealed || scroll == 0) {
                proptest::prop_assert!(screen.lines.iter().any(|l| plain(l) == "   front 1"));
            }
        }
    }
}
