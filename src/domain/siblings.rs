//! Siblings: cards made from the same note or lesson section, which a
//! session never shows one after the other and, once one of them is
//! answered, buries until the next day (docs/review-session.md,
//! "Siblings").
//!
//! Siblings are found from card ids alone (docs/deck-format.md, "Card
//! ids"), so the review log, which names cards by id, finds them too:
//!
//! - a card and its reverse: `x` and `x#r`;
//! - the clozes of one note: `x#c1`, `x#c2`, …;
//! - the point and cloze cards of one lesson section
//!   (docs/lessons.md): `<lesson>/<section>/point`,
//!   `<lesson>/<section>/cloze#c1`, `<lesson>/<section>/cloze2#c1`, …
//!
//! Cards of different decks are never siblings.

use super::card::Card;

/// What siblings share: the note of `#r` and `#cN` cards, narrowed to
/// `<lesson>/<section>` for the cards a lesson makes.
pub fn sibling_key(id: &str) -> &str {
    let note = note_of(id);
    lesson_section(note).unwrap_or(note)
}

/// Two different card ids of one deck that come from one note or one
/// lesson section.
pub fn are_siblings(a: &str, b: &str) -> bool {
    a != b && sibling_key(a) == sibling_key(b)
}

impl Card {
    /// Another card of the same deck made from the same note or section.
    pub fn is_sibling_of(&self, other: &Card) -> bool {
        self.deck_id == other.deck_id && are_siblings(self.id().as_str(), other.id().as_str())
    }
}

/// The note of a card id: `x` for `x#r` and `x#cN`, the id itself
/// otherwise (ids hold no other `#`: docs/deck-format.md).
fn note_of(id: &str) -> &str {
    match id.rsplit_once('#') {
        Some((note, "r")) => note,
        Some((note, suffix))
            if suffix.len() > 1
                && suffix.starts_with('c')
                && suffix[1..].bytes().all(|b| b.is_ascii_digit()) =>
        {
            note
        }
        _ => id,
    }
}

/// `<lesson>/<section>` of a lesson card's note `<lesson>/<section>/<kind>`,
/// where the kind is `point`, `cloze` or `clozeN`. Lesson and section
/// slugs never hold a `/`, so the note has exactly three parts.
fn lesson_section(note: &str) -> Option<&str> {
    let (section, kind) = note.rsplit_once('/')?;
    let (lesson, name) = section.split_once('/')?;
    if lesson.is_empty() || name.is_empty() || name.contains('/') {
        return None;
    }
    let lesson_kind = kind == "point"
        || kind
            .strip_prefix("cloze")
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    lesson_kind.then_some(section)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_and_its_reverse_are_siblings() {
        assert!(are_siblings("pitch/why", "pitch/why#r"));
        assert!(are_siblings("pitch/why#r", "pitch/why"));
        assert!(
            !are_siblings("pitch/why", "pitch/why"),
            "not its own sibling"
        );
        assert!(!are_siblings("pitch/why", "pitch/how#r"));
    }

    #[test]
    fn the_clozes_of_one_note_are_siblings() {
        assert!(are_siblings("note#c1", "note#c2"));
        assert!(are_siblings("note#c1", "note#c12"));
        assert!(!are_siblings("note#c1", "other#c1"));
        // `#c` without a number is not a cloze suffix
        assert_eq!(sibling_key("odd#c"), "odd#c");
        assert_eq!(sibling_key("odd#cx"), "odd#cx");
    }

    #[test]
    fn the_cards_of_one_lesson_section_are_siblings() {
        let point = "lesson/section/point";
        assert!(are_siblings(point, "lesson/section/cloze#c1"));
        assert!(are_siblings(point, "lesson/section/cloze2#c1"));
        assert!(are_siblings(
            "lesson/section/cloze#c1",
            "lesson/section/cloze3#c1"
        ));
        assert!(!are_siblings(point, "lesson/other/point"));
        assert!(!are_siblings(point, "other/section/point"));
        assert!(!are_siblings(point, "lesson/overview"));
    }

    #[test]
    fn ids_that_only_look_alike_are_not_siblings() {
        // two parts, or a last part that is no lesson kind: plain ids
        assert!(!are_siblings("pitch/why", "pitch/cloze"));
        assert!(!are_siblings("a/b/c", "a/b/d"));
        assert!(!are_siblings("a/b/pointy", "a/b/point"));
        assert!(!are_siblings("a/b/c/point", "a/b/c/cloze"));
        assert_eq!(sibling_key("/b/point"), "/b/point");
        // Anki guids are plain ids
        assert!(!are_siblings("mrz~$U?2*M#c1", "mrz~$U?2*N#c1"));
        assert!(are_siblings("mrz~$U?2*M#c1", "mrz~$U?2*M#c2"));
    }
}
