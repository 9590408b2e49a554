//! Headings that name a facet of the heading above them ("Why", "How it
//! works", "Steps", "Notes" under "SSH keys"): alone they ask nothing, so
//! the card asks that facet of the parent (see docs/lessons.md,
//! "Questions").

use crate::lesson::language::{LEXICON, Pos, Role, analyse};

use super::forms::{gerund_base, is_base, is_plural};
use super::question::with_article;
use super::{Maker, Part};

/// What a facet heading asks of its parent.
#[derive(Clone, Copy)]
enum Facet {
    Why,
    Workings,
    Steps,
    Notes,
}

/// The parent heading, as a question needs it: a thing named ("SSH keys")
/// or advice in the imperative ("Create a group for SSH users").
enum Parent {
    Thing(String),
    Advice(String),
}

fn facet_of(heading: &str) -> Option<Facet> {
    let word = heading
        .trim_end_matches(['.', ':', '?', '!'])
        .to_lowercase();
    [
        (Role::WhyHeading, Facet::Why),
        (Role::WorkingsHeading, Facet::Workings),
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

fn ask(facet: Facet, parent: &Parent) -> String {
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
        Some(ask(facet, &parent_of(&inline)?))
    }
}
