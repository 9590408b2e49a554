//! What a lesson's title says of the page (see docs/lessons.md, "What it
//! writes"): a FAQ, a glossary, questions to ask, a comparison, and the
//! names the lesson's sections use throughout.

use std::collections::{BTreeMap, BTreeSet};

use crate::lesson::language::{LEXICON, Role, analyse};
use crate::lesson::text::{norm, stem};

use crate::lesson::cards::sentence::Sent;

/// What the lesson's title says of the page, read once per lesson.
pub(in crate::lesson::cards) struct TitleKind {
    /// The page's kind, not its subject ("Frequently asked questions";
    /// lexicon role `generic-title`): its introduction has no thesis.
    pub(in crate::lesson::cards) generic: bool,
    /// Speaks of questions ("… FAQ", "Questions to ask…"): a pronoun in a
    /// question heading cannot stand for the title.
    pub(in crate::lesson::cards) of_questions: bool,
    /// Speaks of questions to ask ("Questions to ask your interviewer"; not
    /// "Frequently asked questions"): its question headings are the
    /// reader's to ask.
    pub(in crate::lesson::cards) to_ask: bool,
    /// Names a glossary ("Glossary", "Key terms"; lexicon role
    /// `glossary-title`): every heading is a term.
    pub(in crate::lesson::cards) glossary: bool,
    /// Compares things ("Availability vs consistency", "Rent or buy").
    pub(in crate::lesson::cards) compares: bool,
    /// Names getting things wrong ("Common mistakes", "Blogging clichés";
    /// lexicon role `fault-title`).
    pub(in crate::lesson::cards) faults: bool,
    /// The stems of its words, short ones too ("AI").
    pub(in crate::lesson::cards) stems: BTreeSet<String>,
    /// The stems of the names most of the lesson's sections use: its own
    /// subject, whatever the title says ("Gunicorn" in a page titled
    /// "Design").
    pub(in crate::lesson::cards) names: BTreeSet<String>,
}

/// Fewest sections of a lesson whose names [`pervasive_names`] reads.
const NAMING_SECTIONS: usize = 4;

/// "Gunicorn" in most sections of a page on its design: the stems of the
/// nouns (and names) that half the sections or more use.
fn pervasive_names(sents: &[Vec<Sent>]) -> BTreeSet<String> {
    if sents.len() < NAMING_SECTIONS {
        return BTreeSet::new();
    }
    let mut used: BTreeMap<String, usize> = Default::default();
    for section in sents {
        let stems: BTreeSet<String> = section
            .iter()
            .flat_map(|s| s.a.content().filter(|w| w.pos.is_nominal()))
            .map(|w| stem(&w.norm))
            .collect();
        for s in stems {
            *used.entry(s).or_default() += 1;
        }
    }
    let enough = sents.len().div_ceil(2);
    used.into_iter()
        .filter(|&(_, n)| n >= enough)
        .map(|(s, _)| s)
        .collect()
}

impl TitleKind {
    pub(in crate::lesson::cards) fn of(title: &str, sents: &[Vec<Sent>]) -> TitleKind {
        let named = norm(title);
        let of_questions = named.contains("question") || named.contains("faq");
        TitleKind {
            generic: LEXICON.is(
                &norm(title.trim_end_matches(['.', '?'])),
                Role::GenericTitle,
            ),
            of_questions,
            to_ask: names_questions_to_ask(title),
            stems: analyse(title).content().map(|w| stem(&w.norm)).collect(),
            compares: named
                .split(' ')
                .any(|w| matches!(w, "vs" | "versus" | "or")),
            faults: crate::lesson::cards::mistake::names_fault(title),
            glossary: names_glossary(title),
            names: pervasive_names(sents),
        }
    }
}

/// "Questions to ask your interviewer", not "Frequently asked questions":
/// a title naming questions for the reader to ask.
pub(in crate::lesson::cards) fn names_questions_to_ask(title: &str) -> bool {
    let named = norm(title);
    named.contains("question") && named.split(' ').any(|w| w == "ask" || w == "asking")
}

/// Does a title or heading name a glossary ("Key terms", "Some climbing
/// lingo"; lexicon role `glossary-title`)?
pub(in crate::lesson::cards) fn names_glossary(text: &str) -> bool {
    let named = norm(text);
    let words: Vec<&str> = named.split(' ').collect();
    (0..words.len()).any(|k| LEXICON.opens_with(&words[k..], Role::GlossaryTitle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::read::PieceKind;

    #[test]
    fn a_name_half_the_sections_use_is_the_lessons_subject() {
        let section = |t: &str| vec![Sent::new(t.to_string(), PieceKind::Para)];
        let sents = [
            section("Gunicorn forks workers."),
            section("The master keeps the workers alive."),
            section("Gunicorn reloads on a signal."),
            section("Threads share memory."),
        ];
        let names = pervasive_names(&sents);
        assert!(names.contains("gunicorn"), "{names:?}");
        assert!(!names.contains("thread"), "{names:?}");
        // Too few sections to tell.
        assert!(pervasive_names(&sents[..3]).is_empty());
    }
}
