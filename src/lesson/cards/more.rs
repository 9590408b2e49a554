//! More cards from a long section (see docs/lessons.md, "more point cards from a
//! long section"): one point card cannot hold a section of many sentences,
//! so sentences of substance it leaves out, that no cloze hid, are asked
//! by their own grammar ("RPO determines how often backups run" → "What
//! does RPO determine?"), about one card for every three sentences.

use std::collections::BTreeSet;

use super::ask::lower_first;
use super::back::rank;
use super::back_subject::{Subject, subject};
use super::compose::compose_back;
use super::from_back::{Heading, ask_of, head_of};
use super::push::Face;
use super::sentence::Sent;
use super::subject_question::subject_question_in;
use super::{MAX_SECTION_CARDS, Maker, Part};
use crate::lesson::language::{LEXICON, Pos, Role};
use crate::lesson::text::Casing;

/// The longest question made this way, in characters.
const QUESTION_CHARS: usize = 110;

/// The fewest sentences of substance a section has before it gets more
/// than its point card and clozes.
const LONG_SECTION: usize = 6;

/// Sentences of substance per card, for a long section.
const SENTENCES_PER_CARD: usize = 3;

impl Maker {
    /// The sentences the section's cards hold: the point card's back, and
    /// the sources of the cards explained since `since`.
    pub(super) fn used_sentences(&self, part: &Part, chosen: &[usize], since: usize) -> Vec<usize> {
        let sources: BTreeSet<&str> = self.explained[since..]
            .iter()
            .flat_map(|e| e.sources.iter().map(String::as_str))
            .collect();
        let mut used = chosen.to_vec();
        used.extend(
            part.substantive
                .iter()
                .copied()
                .filter(|&i| sources.contains(part.ss[i].text.as_str())),
        );
        used
    }

    /// Question cards from the sentences `used` (on the point card's back
    /// or hidden by a cloze) leaves, up to the section's share; how many.
    /// (A long introduction that answers no question of its title has no
    /// point card, but its sentences of substance are asked all the same.)
    pub(super) fn more_questions(&mut self, part: &Part, used: &[usize], made: usize) -> usize {
        let n = part.substantive.len();
        if n < LONG_SECTION {
            return 0;
        }
        let share = (n / SENTENCES_PER_CARD).min(MAX_SECTION_CARDS);
        let mut budget = share.saturating_sub(made);
        let mut candidates: Vec<usize> = part
            .substantive
            .iter()
            .copied()
            .filter(|i| !used.contains(i))
            .filter(|&i| {
                let s = &part.ss[i];
                s.leans.is_none() && !s.hook && !s.personal && !s.narrated && part.scores[i] >= 0.0
            })
            .collect();
        rank(&mut candidates, &part.scores);
        let mut count = 0;
        for i in candidates {
            if budget == 0 {
                break;
            }
            // (Else the question for its subject, answered by the subject.)
            let Some((front, back)) = question_of_sentence(part, i, &self.casing)
                .map(|q| (q, compose_back(part.ss, &[i])))
                .or_else(|| subject_question_in(&part.ss[i], &self.title_kind))
            else {
                continue;
            };
            let front = self.in_context(part.section, front);
            if self.fronts.contains(&front) {
                continue;
            }
            self.fronts.insert(front.clone());
            count += 1;
            budget -= 1;
            let id = format!("{}/point{}", part.base, count + 1);
            self.push_card(
                id,
                Face::Question(front, back),
                "point",
                (
                    vec![part.ss[i].text.clone()],
                    "a long section: a sentence of substance no other card holds, \
                      asked by its own grammar (its subject, then what its verb says)"
                        .into(),
                ),
            );
        }
        count
    }
}

/// The question one sentence of the section answers by its own grammar,
/// when it names its subject (see docs/lessons.md, "more point cards from a
/// long section"): "Each answer carries a time to live…" under "Caching" →
/// "Caching: what does each answer carry?".
pub(super) fn question_of_sentence(part: &Part, i: usize, casing: &Casing) -> Option<String> {
    let topic = &part.topic;
    let heading = Heading {
        head: head_of(&topic.inline),
        text: &topic.inline,
        shown: &topic.shown,
    };
    let s = &part.ss[i];
    if s.points_back() || vague_subject(s) {
        return None;
    }
    let q = ask_of(s, false, &heading, (&topic.inline, false), casing)
        .or_else(|| definition(s, &heading, casing))?;
    // (A question heading before another question reads as two.)
    if q.contains("?:") {
        return None;
    }
    (q.chars().count() <= QUESTION_CHARS).then_some(q)
}

/// A subject with a word too general to name what it is about ("Things
/// get…", "Some contributors say…", "Most teams…"; lexicon role
/// `generic`) asks nothing worth a card of its own.
fn vague_subject(s: &Sent) -> bool {
    s.a.content()
        .take_while(|w| !matches!(w.pos, Pos::Aux | Pos::Verb))
        .any(|w| LEXICON.is(&w.norm, Role::Generic))
}

/// "A root server is the first server a resolver asks": a named subject
/// that "is" a noun phrase is defined; "What is a root server?" (beside the
/// heading when it names something else).
fn definition(s: &Sent, heading: &Heading, casing: &Casing) -> Option<String> {
    // (Right after an article a word is a noun, whatever the tagger says:
    // "A commit is…".)
    let mut w = s.a.words.clone();
    for k in 1..w.len() {
        if matches!(w[k - 1].norm.as_str(), "a" | "an" | "the") && w[k].pos == Pos::Verb {
            w[k].pos = Pos::Noun;
        }
    }
    let v = w
        .iter()
        .position(|w| matches!(w.pos, Pos::Aux | Pos::Verb))?;
    if !matches!(w[v].norm.as_str(), "is" | "are") {
        return None;
    }
    let next = w.get(v + 1)?;
    let after = w.get(v + 2);
    let noun_phrase = matches!(next.norm.as_str(), "a" | "an" | "the")
        && after.is_some_and(|a| a.pos.is_nominal() || a.pos == Pos::Adj);
    if !noun_phrase {
        return None;
    }
    let Subject::Named { text, about } = subject(s, &w[..v], heading, casing)? else {
        return None;
    };
    // (A subject too general to define, "a thing", or one "the" points
    // back with, "the problem", "the answer", when the heading does not
    // name it: what it is was said before.)
    if LEXICON.is(&w[v - 1].norm, Role::Generic) || (!about && w[0].norm == "the") {
        return None;
    }
    let asked = format!("What {} {text}?", w[v].norm);
    Some(if about {
        asked
    } else {
        format!("{}: {}", heading.shown, lower_first(&asked))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::read::PieceKind;

    fn cards(text: &str) -> Vec<(String, String)> {
        let deck =
            crate::lesson::generate(std::path::Path::new("lesson.md"), text).expect("a lesson");
        deck.cards
            .iter()
            .filter(|c| c.id.as_deref().is_some_and(|id| id.contains("/point")))
            .map(|c| {
                (
                    c.id.clone().unwrap_or_default(),
                    c.front.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_long_introduction_that_answers_no_title_question_is_asked_all_the_same() {
        let fronts: Vec<String> = cards(
            "# Cutting start-up time with lazy loading\n\nQuillpad is an editor for large \
             notebooks. It loads every plugin when it starts. The loader reads each manifest \
             from disk. A cold start can take several seconds on a slow drive. Users open the \
             editor many times a day. Most of them use only two or three plugins in a \
             session.\n\n## Loading on first use\n\nA plugin that loads on first use \
             costs nothing at start-up.\n",
        )
        .into_iter()
        .map(|(_, f)| f.to_lowercase())
        .collect();
        assert!(
            fronts.contains(&"what is quillpad?".to_string()),
            "{fronts:?}"
        );
    }

    const LONG: &str = "# Name servers\n\n## The resolver\n\n\
        The resolver is the server that looks a name up on your behalf. \
        It starts at the root and walks down the tree of zones. \
        Each answer carries a time to live in seconds.\n\n\
        Most laptops use the resolver their network hands out. \
        A forwarder is a resolver that passes every question on to another one. \
        The lookup takes place in a few milliseconds. \
        Public resolvers can block known malware domains.\n\n\
        Resolvers on a busy network answer most names from memory. \
        A cold cache makes the first lookup of the day slower than this.\n";

    #[test]
    fn a_long_section_asks_sentences_its_point_card_leaves() {
        let cards = cards(LONG);
        let fronts: Vec<&str> = cards.iter().map(|(_, f)| f.as_str()).collect();
        assert!(cards[0].0.ends_with("/point"), "{cards:?}");
        assert!(fronts.contains(&"What is a forwarder?"), "{fronts:?}");
        // Ids number the extra cards after the point card.
        assert!(
            cards
                .iter()
                .skip(1)
                .all(|(id, _)| id.contains("/point2") || id.contains("/point3"))
        );
        // A sentence leaning on another ("…slower than this") and a fixed
        // phrase ("takes place") are never asked.
        assert!(
            fronts
                .iter()
                .all(|f| !f.contains("cold cache") && !f.contains("take"))
        );
    }

    #[test]
    fn a_short_section_keeps_one_point_card() {
        let short = "# Name servers\n\n## The resolver\n\n\
            The resolver is the server that looks a name up on your behalf. \
            A stub resolver is a small library inside your operating system.\n";
        assert_eq!(cards(short).len(), 1);
    }

    #[test]
    fn a_sentence_on_its_own_card_is_defined_or_asked_whole() {
        let sent = |t: &str| Sent::new(t.to_string(), PieceKind::Para);
        let h = Heading {
            head: head_of("The resolver"),
            text: "the resolver",
            shown: "The resolver",
        };
        let define = |t: &str| definition(&sent(t), &h, &Casing::default());
        assert_eq!(
            define("A forwarder is a resolver that passes every question on."),
            Some("The resolver: what is a forwarder?".into())
        );
        assert_eq!(
            define("A stub resolver is a small library in the system."),
            Some("What is a stub resolver?".into())
        );
        // "Is" before no noun phrase, or a subject too general to define.
        assert_eq!(
            define("A commit is the moment the record reaches the disk."),
            Some("The resolver: what is a commit?".into())
        );
        assert_eq!(define("A forwarder is rarely needed at home."), None);
        assert_eq!(define("The problem is a slow answer."), None);
        // A card of its own cannot lean on the sentences around it.
        assert!(sent("A cold cache makes the first lookup slower than this.").points_back());
        assert!(!sent("The resolver keeps every answer it gets for a while.").points_back());
        assert!(sent("Caching will put that answer closer to the client.").points_back());
        assert!(!sent("The resolver says that the answer is cached.").points_back());
        assert!(vague_subject(&sent("Things get harder with many zones.")));
        assert!(vague_subject(&sent(
            "Some resolvers say on their pages that they log nothing."
        )));
        assert!(!vague_subject(&sent("Each answer carries a time to live.")));
        // A verb and its object making a fixed phrase ask nothing.
        let lookup = Heading {
            head: head_of("Lookup"),
            text: "lookup",
            shown: "Lookup",
        };
        let said = sent("The lookup takes place in a few milliseconds.");
        assert_eq!(
            ask_of(&said, false, &lookup, ("lookup", false), &Casing::default()),
            None
        );
    }
}
