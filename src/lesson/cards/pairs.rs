//! Cards for a rule's examples given in pairs (see docs/lessons.md,
//! "Example pairs"): "Yes: Mailchimp can send your campaign or can
//! schedule it." beside "No: Mailchimp can send your campaign or schedule
//! it." under "Repeat helping verbs" asks how to rewrite the wrong one by
//! the rule, and the right one answers.

use crate::lesson::language::known_verb;
use crate::lesson::read::{PieceKind, Section, example_label};

use super::Maker;
use super::push::Face;

/// Most pairs of one section that get a card.
const MOST_PAIRS: usize = 3;

/// Longest example a card shows, in characters.
const EXAMPLE_CHARS: usize = 300;

/// The section's examples paired, wrong then right, in the order written
/// (either may come first).
fn pairs(section: &Section) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let (mut right, mut wrong): (Option<&str>, Option<&str>) = (None, None);
    for p in &section.body {
        let Some((good, text)) = example_label(&p.text).filter(|_| p.kind == PieceKind::Item)
        else {
            continue;
        };
        if good {
            right = Some(text);
        } else {
            wrong = Some(text);
        }
        if let (Some(w), Some(r)) = (wrong, right) {
            out.push((w, r));
            (right, wrong) = (None, None);
        }
    }
    out
}

impl Maker {
    /// One card per pair of examples of `section` (up to [`MOST_PAIRS`]):
    /// the rule (its heading) and the wrong example ask how to rewrite it,
    /// the right one answers. `base` is the id prefix of the section's
    /// cards, when its text made one. Gives how many.
    pub(super) fn pair_cards(&mut self, section: &Section, base: Option<&str>) -> usize {
        let Some(heading) = section.heading.clone() else {
            return 0;
        };
        let fits = |t: &str| t.chars().count() <= EXAMPLE_CHARS;
        let pairs: Vec<(String, String)> = pairs(section)
            .into_iter()
            .filter(|(w, r)| fits(w) && fits(r) && w != r)
            .take(MOST_PAIRS)
            .map(|(w, r)| (w.to_string(), r.to_string()))
            .collect();
        if pairs.is_empty() {
            return 0;
        }
        let base = self.section_base(base, &heading);
        let rule = self
            .casing
            .sentence_case(heading.trim_end_matches(['.', '!', ':']));
        // ("Gerunds" under "Avoid -ing words": a heading naming a case, not
        // advice, is the rule above it in that case.)
        let first = heading
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let rule = match &section.context {
            Some(c) if known_verb(&first) != Some(true) => {
                format!("{} ({})", self.casing.sentence_case(c), rule.to_lowercase())
            }
            _ => rule,
        };
        for (k, (wrong, right)) in pairs.iter().enumerate() {
            let id = match k {
                0 => format!("{base}/example"),
                _ => format!("{base}/example{}", k + 1),
            };
            let (open, close) = ('\u{201c}', '\u{201d}');
            let front = self.unique_front(format!(
                "{rule}: how would you rewrite {open}{wrong}{close}?"
            ));
            self.push_card(id, Face::Question(front, right.clone()), "example", (vec![wrong.clone(), right.clone()], "a pair of examples: the rule and the one that breaks it ask, the one that follows it answers".into()));
        }
        pairs.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_example_is_known_by_its_label() {
        assert_eq!(
            example_label("Yes: Send it today."),
            Some((true, "Send it today."))
        );
        assert_eq!(
            example_label("Don\u{2019}t: Send it later."),
            Some((false, "Send it later."))
        );
        assert_eq!(
            example_label("**Bad:** Send it."),
            Some((false, "Send it."))
        );
        // A label of another kind, or an example with nothing after it.
        assert_eq!(example_label("Note: Send it today."), None);
        assert_eq!(example_label("No:"), None);
        let para = crate::lesson::read::Piece {
            kind: PieceKind::Para,
            text: "Yes: Send it today.".into(),
            stressed: Vec::new(),
            code: Vec::new(),
            numbered: false,
            label: None,
            nested: false,
            line: 1,
        };
        assert!(!para.asked_apart());
    }
}
