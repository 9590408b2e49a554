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

/// A list whose lead-in gives its items as examples or as the ends of
/// its sentence: no tips (see [`led_in_as_examples`],
/// [`led_in_as_clauses`]).
pub(super) fn led_in_apart(section: &Section, row: usize) -> bool {
    led_in_as_examples(section, row) || led_in_as_clauses(section, row)
}

/// "Here are a few examples:" then "Google: Our mission is…": a list
/// its short lead-in (eight words at most, ending in a colon) calls
/// examples shows cases of what the text said before; its labels name
/// the cases, no tips.
fn led_in_as_examples(section: &Section, row: usize) -> bool {
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

/// "Avoid founders who:" over "- Can't explain their plan", "- Don't
/// know their customer": a lead-in ending on a relative pronoun, whose
/// verb each item gives. The items finish its sentence; though they open
/// like advice, none is a tip of its own.
fn led_in_as_clauses(section: &Section, row: usize) -> bool {
    let Some(lead) = row.checked_sub(1).and_then(|r| section.body.get(r)) else {
        return false;
    };
    let last = lead
        .text
        .trim()
        .strip_suffix(':')
        .and_then(|t| t.rsplit(' ').next());
    lead.kind == PieceKind::Para
        && last.is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "who" | "that" | "which" | "whose"
            )
        })
}

#[cfg(test)]
mod tests {
    use crate::lesson::read::tests::{bodies, headings, read_str};

    #[test]
    fn items_ending_a_lead_in_on_who_are_no_tips() {
        let l = read_str(
            "# Choosing a landlord\n\n## Before you sign\n\nAsk to see the flat twice, once after dark.\n\n**Walk away from landlords who:**\n\n- Don't answer a question in writing.\n- Can't show the last energy bill.\n- Refuse a short inspection before you move in.\n- Ask for a deposit in cash.\n- Have no contract for you to read first.\n- Are renting out more rooms than the flat has.\n",
        );
        assert_eq!(headings(&l), ["Before you sign"]);
        assert_eq!(bodies(&l.sections[0]).len(), 8);
        // (Without its lead-in, "Don't answer a question in writing" reads
        // as advice; after "who:" it is a list.)
        let l = read_str(
            "# Choosing a landlord\n\n## Before you sign\n\nAsk to see the flat twice, once after dark.\n\n**Walk away from landlords. They:**\n\n- Don't answer a question in writing.\n- Can't show the last energy bill.\n- Refuse a short inspection before you move in.\n- Ask for a deposit in cash.\n- Have no contract for you to read first.\n- Are renting out more rooms than the flat has.\n",
        );
        assert_ne!(headings(&l), ["Before you sign"]);
    }
}
