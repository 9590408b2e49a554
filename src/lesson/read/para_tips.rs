//! Paragraphs of tips in plain text: "Water less often. A plant that grows
//! slowly drinks slowly…", "Stop feeding until spring. …": a run of
//! paragraphs that each open with a short sentence of advice and go on to
//! explain it. Markdown would set each lead in bold, or as a list item;
//! pasted as plain text, only the short imperative opening each paragraph
//! is left to show it. Each such paragraph is a tip, headed by its lead
//! (see docs/lessons.md, "Lists of tips"). So is a paragraph opening with
//! a short label and a colon ("Sleep debt: a week of…"), a bold label
//! once pasted, under a heading or under the title alone.

use super::lists::{colon_label, opens_with_advice};
use super::{Piece, PieceKind, Section, heading};
use crate::lesson::language::{Pos, analyse, known_verb};
use crate::lesson::text::{sentences, word_count};

/// Fewest paragraphs in a run of tips: two may be chance.
const RUN: usize = 3;

/// Most words of a lead sentence.
const LEAD_WORDS: usize = 10;

/// The paragraph's lead and the rest of its text, when it opens with a
/// short sentence that can give advice ("Water less often.", "Check for
/// pests.") and says more after it; and whether the lead surely opens with
/// a verb: the dictionary knows its first word as no adjective, or the
/// tagger reads it as a verb in the sentence.
fn lead(p: &Piece) -> Option<(String, String, bool)> {
    if p.kind != PieceKind::Para || p.label.is_some() {
        return None;
    }
    let ss = sentences(&p.text);
    let first = ss.first()?;
    let words = word_count(first);
    let rest = ss[1..].join(" ");
    let verb = first
        .split_whitespace()
        .next()
        .is_some_and(|w| known_verb(&w.to_lowercase()) == Some(true) && is_base_form(w));
    ((2..=LEAD_WORDS).contains(&words)
        && first.ends_with(['.', '!'])
        && verb
        && word_count(&rest) >= 8)
        .then(|| {
            let head = first.trim_end_matches(['.', '!']).to_string();
            // (The tagger reads the sentence whole: "Hold a straight line"
            // opens with a verb, whatever else "hold" can be.)
            let tagged = analyse(first)
                .content()
                .next()
                .is_some_and(|w| w.pos == Pos::Verb);
            (head, rest, opens_with_advice(first) || tagged)
        })
}

/// A paragraph opening with a short label and a colon ("Sleep debt: a
/// week of short nights…"), as a list of bold labels reads once pasted as
/// plain text: the label heads the tip, a name rather than advice.
fn label_lead(p: &Piece) -> Lead {
    if p.kind != PieceKind::Para || p.label.is_some() {
        return None;
    }
    colon_label(&p.text).map(|(label, rest)| (label, rest, true))
}

/// A word in a verb's base form, by its shape ("Check", not "Checks",
/// "Checked" or "Checking").
fn is_base_form(w: &str) -> bool {
    let w = w.to_lowercase();
    !(w.ends_with("ing") || w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
}

/// A paragraph's lead, its rest and whether the lead is surely advice
/// (see [`lead`]).
type Lead = Option<(String, String, bool)>;

/// The longest run of tip paragraphs, given each paragraph's lead, as
/// (start, end), when it holds at least [`RUN`] paragraphs surely of
/// advice and most of the section's paragraphs.
fn tip_run(body: &[Piece], leads: &[Lead]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut start = None;
    for k in 0..=leads.len() {
        let is_tip = leads.get(k).is_some_and(Option::is_some);
        match (is_tip, start) {
            (true, None) => start = Some(k),
            (false, Some(s)) => {
                if best.is_none_or(|(a, b)| k - s > b - a) {
                    best = Some((s, k));
                }
                start = None;
            }
            _ => {}
        }
    }
    let (a, b) = best?;
    let sure = leads[a..b]
        .iter()
        .filter(|l| l.as_ref().is_some_and(|(_, _, sure)| *sure))
        .count();
    let paragraphs = body.iter().filter(|p| p.kind == PieceKind::Para).count();
    (sure >= RUN && (b - a) * 2 > paragraphs).then_some((a, b))
}

/// Splits each headed section whose paragraphs are mostly tips: the paragraphs
/// before and after the run stay in the section (which is left out when
/// nothing is left in it but a sentence leading into the tips), and each
/// tip is a section under it.
pub(super) fn split_paragraph_tips(sections: Vec<Section>) -> Vec<Section> {
    let mut out = Vec::new();
    for (si, s) in sections.into_iter().enumerate() {
        // (Under the title, paragraphs are sections already when no
        // heading follows, each named by its opening advice.)
        let headed = si > 0 && s.heading.is_some() && !s.tip;
        // Labels head tips under the title too: no paragraph there is
        // named by a label.
        // Each paragraph's lead, and whether it is a label.
        let read: Vec<(Lead, bool)> = if headed {
            s.body
                .iter()
                .map(|p| match lead(p) {
                    Some(l) => (Some(l), false),
                    None => (label_lead(p), true),
                })
                .collect()
        } else if !s.tip {
            s.body.iter().map(|p| (label_lead(p), true)).collect()
        } else {
            Vec::new()
        };
        let labels = read
            .iter()
            .filter(|(l, label)| l.is_some() && *label)
            .count();
        let mut leads: Vec<Lead> = read.into_iter().map(|(l, _)| l).collect();
        let Some((a, b)) = (!leads.is_empty())
            .then(|| tip_run(&s.body, &leads))
            .flatten()
        else {
            out.push(s);
            continue;
        };
        let context = s.heading.clone().or(s.context.clone());
        let mut own = s.clone();
        own.body = s.body[..a].iter().chain(&s.body[b..]).cloned().collect();
        let own_sentences: usize = own.body.iter().map(|p| sentences(&p.text).len()).sum();
        if own_sentences >= 2 {
            out.push(own);
        }
        for (p, l) in s.body[a..b].iter().zip(&mut leads[a..b]) {
            let (h, rest, _) = l.take().expect("a tip of the run");
            out.push(Section {
                heading: heading(&h),
                context: context.clone(),
                lead_in: None,
                sentence_heading: labels * 2 <= b - a,
                tip: true,
                glossed: false,
                // ("**Step 1: The user enters the address**")
                step: super::sections::numbers_a_step(&h),
                body: vec![Piece {
                    text: rest,
                    ..p.clone()
                }],
                line: s.line,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Piece {
        Piece::made(PieceKind::Para, text.into())
    }

    fn section(body: Vec<Piece>) -> Section {
        Section::plain(Some("Habits".into()), None, body, 3)
    }

    const TIPS: [&str; 3] = [
        "Wash the knife by hand. A dishwasher knocks the edge against the rack \
         and dulls it within weeks.",
        "Store it in a block. Loose in a drawer, the blade rubs on other tools \
         and nicks the hand reaching in.",
        "Wipe the blade after each use. Acid from a lemon or an onion left \
         on the steel spots it with rust overnight.",
    ];

    #[test]
    fn paragraphs_opening_with_short_advice_are_tips() {
        let mut body = vec![para("A few habits keep a cook's fingers whole.")];
        body.extend(TIPS.iter().map(|t| para(t)));
        // (After the introduction, which stays whatever it holds.)
        let intro = Section::plain(None, None, vec![para("Knives reward care.")], 1);
        let out = split_paragraph_tips(vec![intro.clone(), section(body)]);
        assert_eq!(out[0], intro);
        let out = &out[1..];
        let headings: Vec<Option<&str>> = out.iter().map(|s| s.heading.as_deref()).collect();
        // The one sentence leading into the tips is no section of its own.
        assert_eq!(
            headings,
            [
                Some("Wash the knife by hand"),
                Some("Store it in a block"),
                Some("Wipe the blade after each use")
            ]
        );
        assert!(
            out.iter()
                .all(|s| s.tip && s.context.as_deref() == Some("Habits"))
        );
        assert!(out[0].body[0].text.starts_with("A dishwasher"));
    }

    #[test]
    fn paragraphs_opening_with_a_label_are_tips_even_under_the_title() {
        let body: Vec<Piece> = [
            "Sleep debt: a week of short nights lowers judgement as much as one night without sleep.",
            "Screen breaks: looking far away for a minute each hour relaxes the tired eye muscles.",
            "Quiet days: a day a week without meetings lets the mind settle what it has gathered.",
        ]
        .iter()
        .map(|t| para(t))
        .collect();
        let out = split_paragraph_tips(vec![Section::plain(None, None, body, 1)]);
        let headings: Vec<Option<&str>> = out.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(
            headings,
            [
                Some("Sleep debt"),
                Some("Screen breaks"),
                Some("Quiet days")
            ]
        );
        // A label names a thing: no sentence of advice.
        assert!(out.iter().all(|s| s.tip && !s.sentence_heading));
        assert!(out[0].body[0].text.starts_with("a week of short nights"));
    }

    #[test]
    fn two_tips_or_prose_are_left_alone() {
        let two: Vec<Piece> = TIPS[..2].iter().map(|t| para(t)).collect();
        assert_eq!(
            split_paragraph_tips(vec![section(two.clone())]),
            vec![section(two)]
        );
        // Paragraphs opening with statements, not advice.
        let prose = vec![
            para(
                "Knives dull with use. Each cut rolls the edge over a little, and the steel bends it back.",
            ),
            para(
                "Boards matter too. End-grain wood closes around the cut and spares the edge, unlike glass.",
            ),
            para(
                "Steel is soft. A harder steel keeps an edge for longer but chips when it is dropped.",
            ),
        ];
        assert_eq!(
            split_paragraph_tips(vec![section(prose.clone())]),
            vec![section(prose)]
        );
    }

    #[test]
    fn tips_must_be_most_of_the_section() {
        let mut body: Vec<Piece> = TIPS.iter().map(|t| para(t)).collect();
        for _ in 0..3 {
            body.push(para("Cooks have argued about knives for as long as there have been kitchens to argue in."));
        }
        assert_eq!(
            split_paragraph_tips(vec![section(body.clone())]),
            vec![section(body)]
        );
    }
}
