//! Headings that name a facet of the heading above them ("Why", "How it
//! works", "Steps", "Notes" under "SSH keys"): alone they ask nothing, so
//! the card asks that facet of the parent (see docs/lessons.md,
//! "Questions").

use std::collections::BTreeSet;

use crate::lesson::language::{LEXICON, Pos, Role, analyse};
use crate::lesson::read::Section;
use crate::lesson::text::without_brackets;

use super::forms::{gerund_base, indefinite, is_base, is_plural, looks_plural};
use super::question::with_article;
use super::{Maker, Part};

/// What a facet heading asks of its parent.
#[derive(Clone, Copy)]
enum Facet {
    Why,
    Workings,
    How,
    Steps,
    Notes,
}

/// The parent heading, as a question needs it: a thing named ("SSH keys"),
/// advice in the imperative ("Create a group for SSH users"), or advice
/// against something ("Do not enable remote code", "Never reuse a key":
/// what not to do, and whether it said "never").
enum Parent {
    Thing(String),
    Advice(String),
    Avoid(String, bool),
}

fn facet_of(heading: &str) -> Option<Facet> {
    let word = heading
        .trim_end_matches(['.', ':', '?', '!'])
        .to_lowercase();
    [
        (Role::WhyHeading, Facet::Why),
        (Role::WorkingsHeading, Facet::Workings),
        (Role::HowHeading, Facet::How),
        (Role::StepsHeading, Facet::Steps),
        (Role::NotesHeading, Facet::Notes),
    ]
    .into_iter()
    .find(|(role, _)| LEXICON.is(&word, *role))
    .map(|(_, facet)| facet)
}

/// Reads the parent heading (in its inline casing): `None` for one that is
/// neither a short name nor advice ("Why tests matter?").
fn parent_of(inline: &str) -> Option<Parent> {
    let a = analyse(inline);
    let words: Vec<_> = a.content().collect();
    let first = words.first()?;
    if inline.contains('?') || words.len() > 10 {
        return None;
    }
    // "Do not enable…", "Don't reuse…", "Never reuse…".
    let negated = match (first.norm.as_str(), words.get(1).map(|w| w.norm.as_str())) {
        ("do", Some("not" | "n't")) => Some((2, false)),
        ("don't" | "dont", _) => Some((1, false)),
        ("never", _) => Some((1, true)),
        _ => None,
    };
    if let Some((skip, never)) = negated
        && let Some(verb) = words.get(skip).filter(|w| is_base(&w.norm))
    {
        return Some(Parent::Avoid(inline[verb.start..].to_string(), never));
    }
    if first.pos == Pos::Verb && is_base(&first.norm) {
        return Some(Parent::Advice(inline.to_string()));
    }
    // "Using SSH keys": advice as a gerund.
    if first.pos == Pos::Verb
        && let Some(base) = gerund_base(&first.norm)
    {
        return Some(Parent::Advice(format!("{base}{}", &inline[first.end..])));
    }
    // ("Cold proofing", "Load balancing": a gerund after the first word
    // names a thing.)
    let names = words.len() <= 6
        && !words.iter().any(|w| {
            matches!(w.pos, Pos::Aux | Pos::Adv) || (w.pos == Pos::Verb && !w.norm.ends_with("ing"))
        });
    names.then(|| Parent::Thing(with_article(&a, inline)))
}

/// The headings with a "Why" heading under them ("Why?" under "Enable
/// context isolation", as security checklists write them): that card asks
/// why, so the parent's own card asks what to do.
pub(super) fn why_asked_below(sections: &[Section]) -> BTreeSet<String> {
    sections
        .iter()
        .filter(|s| {
            s.heading
                .as_deref()
                .and_then(facet_of)
                .is_some_and(|f| matches!(f, Facet::Why))
        })
        .filter_map(|s| s.context.clone())
        .collect()
}

fn ask(facet: Facet, parent: &Parent, apostrophe: char) -> String {
    match (facet, parent) {
        (Facet::Why, Parent::Thing(t)) => format!("Why use {t}?"),
        (Facet::Why, Parent::Advice(a)) => format!("Why {a}?"),
        (Facet::Workings, Parent::Thing(t)) => {
            let does = if is_plural(&analyse(t)) { "do" } else { "does" };
            format!("How {does} {t} work?")
        }
        (Facet::Workings, Parent::Advice(a)) => format!("How does it work to {a}?"),
        (Facet::Steps, Parent::Thing(t)) => format!("What are the steps for {t}?"),
        (Facet::Steps, Parent::Advice(a)) => format!("What are the steps to {a}?"),
        (Facet::Notes, Parent::Thing(t)) => format!("What should you note about {t}?"),
        (Facet::Notes, Parent::Advice(a)) => format!("What should you note when you {a}?"),
        (Facet::How, Parent::Thing(t)) => format!("How do you use {t}?"),
        (Facet::How, Parent::Advice(a)) => format!("How do you {a}?"),
        (Facet::Why, Parent::Avoid(x, true)) => format!("Why should you never {x}?"),
        (Facet::Why, Parent::Avoid(x, false)) => format!("Why shouldn{apostrophe}t you {x}?"),
        (Facet::Notes, Parent::Avoid(x, _)) => {
            format!("What should you note about the advice not to {x}?")
        }
        (_, Parent::Avoid(x, _)) => format!("How do you make sure you do not {x}?"),
    }
}

impl Maker {
    /// "Why" under "SSH keys" asks "Why use SSH keys?"; "Steps" under
    /// "Create a group for SSH users" asks "What are the steps to create a
    /// group for SSH users?". The lesson's title stands in for a parent
    /// when the section has none and the title names a thing.
    pub(super) fn facet_front(&self, part: &Part) -> Option<String> {
        let topic = &part.topic;
        if topic.titled {
            return None;
        }
        let facet = facet_of(&topic.inline)?;
        let inline = self.parent_heading(part)?;
        Some(ask(facet, &parent_of(&inline)?, self.apostrophe))
    }

    /// "Objective" under "Pricking-out": a heading naming one aspect of
    /// what the heading above it names asks for that aspect of it ("What
    /// is the objective of pricking-out?"), as the word alone asks nothing.
    /// The lesson's title stands in for a parent when the section has none
    /// and the title names a thing.
    pub(super) fn aspect_front(&self, part: &Part) -> Option<String> {
        let topic = &part.topic;
        let word = topic.inline.trim_end_matches(['.', ':']).to_lowercase();
        if topic.ask != super::ask::Ask::Noun
            || topic.titled
            || !LEXICON.is(&word, Role::AspectHeading)
        {
            return None;
        }
        let parent = self.parent_heading(part)?;
        if parent.to_lowercase() == word {
            return None;
        }
        let a = analyse(&parent);
        let be = if looks_plural(&word) { "are" } else { "is" };
        // "Pros" under "Start a project while employed": the pros of
        // following that advice, named by the advice itself.
        // (Only a verb the tagger reads as one: "Credit card" names.)
        let advice = a
            .content()
            .next()
            .is_some_and(|w| w.pos == Pos::Verb && is_base(&w.norm));
        if !parent.contains('?') && advice {
            let advice = self.casing.sentence_case(&parent);
            return Some(format!("{advice}: what {be} the {word}?"));
        }
        // A parent that says something ("How to deploy…", "Why tests
        // matter") names no thing to have an aspect. (What it says in
        // brackets only qualifies the name: "Crowdfunding (recurring)".)
        // (A gerund names an activity: "the pros of crowdfunding".)
        let bare = analyse(&without_brackets(&parent));
        if parent.contains('?')
            || bare.content().any(|w| {
                matches!(w.pos, Pos::Aux | Pos::Adv)
                    || (w.pos == Pos::Verb && !w.norm.ends_with("ing"))
            })
            || a.content().count() > 6
        {
            return None;
        }
        let of = if LEXICON.is(&word, Role::NeedHeading) {
            "for"
        } else {
            "of"
        };
        // ("the pros of a credit card": the text counts it.)
        let lower = parent.to_lowercase();
        let thing = if self.counted.contains(&lower) && !looks_plural(&lower) && !is_plural(&a) {
            format!("{} {parent}", indefinite(&parent))
        } else {
            with_article(&a, &parent)
        };
        // ("Usage" under "Transactions": how they are used.)
        if word == "usage" {
            return Some(format!("How do you use {thing}?"));
        }
        Some(format!("What {be} the {word} {of} {thing}?"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_facet_of_advice_against_something_asks_about_not_doing_it() {
        let asks = |facet, parent: &str| ask(facet, &parent_of(parent).expect("a parent"), '\'');
        assert_eq!(
            asks(
                Facet::Why,
                "Do not enable Node.js integration for remote content"
            ),
            "Why shouldn't you enable Node.js integration for remote content?"
        );
        assert_eq!(
            asks(Facet::Why, "Never reuse a key"),
            "Why should you never reuse a key?"
        );
        assert_eq!(
            asks(Facet::How, "Do not store secrets in the image"),
            "How do you make sure you do not store secrets in the image?"
        );
        assert_eq!(
            asks(Facet::How, "enable context isolation"),
            "How do you enable context isolation?"
        );
        assert!(matches!(facet_of("How?"), Some(Facet::How)));
        assert!(matches!(facet_of("Why?"), Some(Facet::Why)));
    }

    #[test]
    fn a_rule_with_a_why_heading_under_it_leaves_the_why_to_that_card() {
        let deck = crate::lesson::generate(
            std::path::Path::new("lesson.md"),
            "# Server hardening\n\n\
             ### Do not run services as root\n\n\
             Every service should run under an account of its own.\n\n\
             #### Why?\n\n\
             A service running as root hands an attacker the whole machine \
             because nothing limits what its process may touch.\n\n\
             ### Rotate the keys\n\n\
             Replace every signing key once a year, since a key that never \
             changes leaks sooner or later.\n",
        )
        .expect("a lesson");
        let fronts: Vec<&str> = deck
            .cards
            .iter()
            .filter_map(|c| c.front.as_deref())
            .collect();
        assert!(
            fronts.contains(&"Why shouldn't you run services as root?"),
            "{fronts:?}"
        );
        assert_eq!(
            fronts.iter().filter(|f| f.starts_with("Why")).count(),
            2,
            "{fronts:?}"
        );
    }
}
