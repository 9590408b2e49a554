//! The fixed lines of the review screen, each in forms from the longest to
//! the shortest, so that a narrow terminal shows a shorter form instead of
//! a wrapped or cut line (docs/review-session.md, "On a terminal"). Pure.

use chrono::NaiveDate;

use super::layout::line;
use super::text::{Line, Span, Style, columns, cut};
use super::{Banner, Choice, scheduled};
use crate::cli::render::{capped_note, days, relative_day};
use crate::review::{Entry, Session};
use crate::storage::{Card, Review, ReviewKind, Schedule};

/// "Deck · card 3 of 20", then "Deck · 3/20", then the deck name cut so
/// that the position still shows.
pub fn header(session: &Session, entry: &Entry, width: usize) -> Vec<Line> {
    let repeat = if entry.kind == ReviewKind::Drill {
        " · repeat"
    } else {
        ""
    };
    let (i, n) = (session.done + 1, session.total);
    let deck = Span::new(&entry.card.deck, Style::DIM).text;
    let short = format!(" · {i}/{n}{repeat}");
    let room = width.saturating_sub(1 + columns(&line(&short, Style::DIM)));
    let cut_deck = super::text::plain(&cut(&line(&deck, Style::DIM), room));
    [
        format!(" {deck} · card {i} of {n}{repeat}"),
        format!(" {deck}{short}"),
        format!(" {cut_deck}{short}"),
    ]
    .iter()
    .map(|f| line(f, Style::DIM))
    .collect()
}

pub fn banner(banner: &Banner) -> Vec<Line> {
    vec![
        line(&format!(" {}", banner.text), Style::PLAIN),
        line(&format!(" {}", banner.short), Style::PLAIN),
    ]
}

/// The grade keys with what each would schedule, and the hints under
/// them. On a terminal too narrow for "1 again 1d   2 hard 6d …" the keys
/// line keeps the days ("1→1d  2→6d …") and the hints name the grades.
pub fn keys_and_hints(
    entry: &Entry,
    choices: &[Choice],
    revealed: bool,
    width: usize,
) -> (Vec<Line>, Vec<Line>) {
    if !revealed {
        let hints = [
            " space/enter: show the answer · u undo · q quit",
            " space: show the answer · u undo · q quit",
            " space: answer · u undo · q quit",
            " space: answer · u · q",
        ];
        return (
            Vec::new(),
            hints.iter().map(|h| line(h, Style::DIM)).collect(),
        );
    }
    let undo = vec![line(" u undo · q quit", Style::DIM)];
    let named = [
        " 1 again 2 hard 3 good 4 easy · u undo · q quit",
        " 1 again 2 hard 3 good 4 easy · u · q",
        " 1 again 2 hard 3 good 4 easy",
    ];
    let named: Vec<Line> = named.iter().map(|h| line(h, Style::DIM)).collect();
    if entry.kind == ReviewKind::Drill || choices.is_empty() {
        let names = ["again", "hard", "good", "easy"].map(|n| format!(" {n}"));
        let keys = vec![
            keys_line(
                &names,
                " · ",
                "   (repeat: the schedule is already set, this only practises)",
            ),
            keys_line(&names, " · ", "   (repeat: the schedule stays)"),
            keys_line(&names, " ", " (repeat)"),
            keys_line(&names, " ", ""),
        ];
        return (keys, undo);
    }
    let with = |gap: &str, capped: &str, named: bool| {
        let parts: Vec<String> = choices
            .iter()
            .map(|c| {
                let cap = if c.capped { capped } else { "" };
                let name = if named {
                    format!(" {} ", c.grade)
                } else {
                    "→".into()
                };
                format!("{name}{}{cap}", days(c.days))
            })
            .collect();
        keys_line(&parts, gap, "")
    };
    let keys = vec![
        with("   ", " (capped)", true),
        with("  ", "*", true),
        with(" · ", "*", true),
    ];
    if keys.iter().any(|k| columns(k) <= width) {
        (keys, undo)
    } else {
        (vec![with("  ", "*", false)], named)
    }
}

/// " 1 again 1d   2 hard 6d …": each part after its key, the keys in bold
/// (they are what to press).
fn keys_line(parts: &[String], gap: &str, tail: &str) -> Line {
    let mut out = line(" ", Style::PLAIN);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push(Span::new(gap, Style::PLAIN));
        }
        out.push(Span::new(&(i + 1).to_string(), Style::BOLD));
        out.push(Span::new(part, Style::PLAIN));
    }
    if !tail.is_empty() {
        out.push(Span::new(tail, Style::PLAIN));
    }
    out
}

/// What an answer stored, longest form first: the status line.
pub fn answered(card: &Card, review: &Review, today: NaiveDate) -> Vec<String> {
    let grade = review.grade.map_or("answer", |g| g.name());
    let mut forms = vec![format!("{grade} → {}", scheduled(card, review, today))];
    if let (ReviewKind::Review, Schedule::Learned { sm2, due }) = (review.kind, card.schedule) {
        let cap = if capped_note(review).is_empty() {
            ""
        } else {
            " (capped)"
        };
        let day = relative_day(due, today);
        forms.push(format!(
            "{grade} → due {day}{cap} · {}",
            days(sm2.interval_days)
        ));
        forms.push(format!("{grade} → {day}{cap}"));
    }
    forms
}

/// The status forms as lines.
pub fn status(forms: &[String]) -> Vec<Line> {
    forms
        .iter()
        .map(|f| line(&format!(" {f}"), Style::PLAIN))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::review::text::plain;
    use crate::domain::CardDraft;

    fn entry(deck: &str, kind: ReviewKind) -> Entry {
        Entry {
            card: Card {
                row_id: 1,
                deck_id: 1,
                deck: deck.into(),
                draft: CardDraft::basic("q", "Question?", "Answer.", vec![]),
                position: 1,
                schedule: Schedule::New,
                reviews: 0,
                lapses: 0,
                suspended: false,
            },
            kind,
        }
    }

    fn choice(grade: &'static str, days: i64, capped: bool) -> Choice {
        Choice {
            grade,
            days,
            due: String::new(),
            capped,
        }
    }

    fn choices(capped: bool) -> Vec<Choice> {
        vec![
            choice("again", 1, false),
            choice("hard", 12, false),
            choice("good", 15, false),
            choice("easy", 40, capped),
        ]
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| plain(l)).collect()
    }

    #[test]
    fn the_header_keeps_the_position_when_the_deck_name_is_long() {
        let session = Session::new(vec![entry("d", ReviewKind::Review).card; 20]);
        let long = entry(
            "A deck name far too long for a narrow terminal",
            ReviewKind::Drill,
        );
        let forms = header(&session, &long, 40);
        let shown = plain(&crate::cli::review::layout::pick(&forms, 40));
        assert_eq!(shown, " A deck name far too lo… · 1/20 · repeat");
        assert_eq!(columns(&forms[2]), 40);
        let short = texts(&header(&session, &entry("d", ReviewKind::Review), 40));
        assert_eq!(short[0], " d · card 1 of 20");
    }

    #[test]
    fn keys_shorten_and_name_the_grades_in_the_hints_when_narrow() {
        let card = entry("d", ReviewKind::Review);
        let (keys, hints) = keys_and_hints(&card, &choices(true), true, 92);
        assert_eq!(
            plain(&keys[0]),
            " 1 again 1d   2 hard 12d   3 good 15d   4 easy 1.3mo (capped)"
        );
        assert_eq!(
            plain(&keys[1]),
            " 1 again 1d  2 hard 12d  3 good 15d  4 easy 1.3mo*"
        );
        assert_eq!(texts(&hints), [" u undo · q quit"]);
        assert!(keys[0].iter().any(|s| s.text == "1" && s.style.bold));
        let (keys, hints) = keys_and_hints(&card, &choices(false), true, 40);
        assert_eq!(texts(&keys), [" 1→1d  2→12d  3→15d  4→1.3mo"]);
        assert_eq!(
            plain(&hints[0]),
            " 1 again 2 hard 3 good 4 easy · u undo · q quit"
        );
        let hidden = keys_and_hints(&card, &choices(false), false, 40);
        assert!(hidden.0.is_empty());
        let repeat = keys_and_hints(&entry("d", ReviewKind::Drill), &[], true, 40);
        assert_eq!(
            plain(&crate::cli::review::layout::pick(&repeat.0, 40)),
            " 1 again 2 hard 3 good 4 easy (repeat)"
        );
    }

    #[test]
    fn banners_have_a_short_form() {
        let forms = banner(&Banner {
            text: "cram: 40 cards, weakest first; answers are practice and change no schedule"
                .into(),
            short: "cram: 40 cards · practice only".into(),
        });
        assert_eq!(
            plain(&crate::cli::review::layout::pick(&forms, 40)),
            " cram: 40 cards · practice only"
        );
    }
}
