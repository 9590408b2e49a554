//! Where a list of tips begins and ends beyond its own items: a list
//! broken only by quotations goes on, and a list a lead-in calls examples
//! holds no tips (see docs/lessons.md, "What it reads").

use super::lists::ItemMark;
use super::{PieceKind, Section};
use crate::lesson::text::word_count;

/// "* **Explore funding:** …", a pull quote, then "* **Use tools:** …":
/// a list of labelled items broken only by quotations (or an item's own
/// paragraphs) goes on after them, as one list of tips.
pub(super) fn across_quotes<'m>(
    sections: &[Section],
    lists: Vec<Vec<&'m ItemMark>>,
    inner: Vec<bool>,
) -> (Vec<Vec<&'m ItemMark>>, Vec<bool>) {
    let mut joined: Vec<(Vec<&ItemMark>, bool)> = Vec::new();
    for (l, is_inner) in lists.into_iter().zip(inner) {
        let goes_on = joined.last().is_some_and(|(before, was_inner)| {
            let (Some(last), Some(first)) = (before.last(), l.first()) else {
                return false;
            };
            let labelled = before.iter().chain(&l).all(|m| m.label.is_some());
            let between = sections[first.section]
                .body
                .get(last.row + 1..first.row)
                .unwrap_or(&[]);
            !was_inner
                && !is_inner
                && labelled
                && last.section == first.section
                && between.iter().any(|p| p.kind == PieceKind::Quote)
                && between
                    .iter()
                    .all(|p| p.kind == PieceKind::Quote || p.nested)
        });
        match joined.last_mut() {
            Some((before, _)) if goes_on => before.extend(l),
            _ => joined.push((l, is_inner)),
        }
    }
    joined.into_iter().unzip()
}

/// "Here are a few examples:" then "Google: Our mission is…": a list
/// its short lead-in (eight words at most, ending in a colon) calls
/// examples shows cases of what the text said before; its labels name
/// the cases, no tips.
pub(super) fn led_in_as_examples(section: &Section, row: usize) -> bool {
    let Some(lead) = row.checked_sub(1).and_then(|r| section.body.get(r)) else {
        return false;
    };
    let text = lead.text.trim();
    lead.kind == PieceKind::Para
        && text.ends_with(':')
        && word_count(text) <= 8
        && text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| matches!(w.to_lowercase().as_str(), "example" | "examples"))
}
