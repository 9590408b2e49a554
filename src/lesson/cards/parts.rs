//! A heading that names the kind of things its sub-sections are ("3
//! mistakes to avoid", "Tips for negotiating a better salary") is asked for
//! them: "What are the 3 mistakes to avoid?" → the sub-sections' headings
//! (see docs/lessons.md, "What it writes").

use crate::domain::slug;
use crate::lesson::language::{LEXICON, Pos, Role, Word, analyse};

use super::OVERVIEW_MAX;
use super::forms::looks_plural;
use super::overview::number_word;
use super::push::Face;
use super::{Maker, SLUG_CHARS};

/// Questions this vague, on a parent whose text only frames its parts,
/// give way to the parts card.
const VAGUE: [&str; 2] = ["What matters about ", "What should you know about "];

/// Most sentences of a parent's own text that only frames its parts.
const FRAMING_SENTENCES: usize = 3;

impl Maker {
    /// One card for each parent heading naming things in the plural over
    /// two to eight listed sub-sections the overview does not list. The
    /// parent's own vague card, if its text only frames the parts, is
    /// dropped: the parts say more.
    pub(super) fn parts_cards(&mut self) {
        let mut parents: Vec<&String> = Vec::new();
        for parent in self.listed.iter().filter_map(|(c, _)| c.as_ref()) {
            if !parents.contains(&parent) {
                parents.push(parent);
            }
        }
        // (Parts the overview lists already are not asked again.)
        let overview = format!("{}/overview", self.lesson_slug);
        let listed_there: Vec<String> = self
            .cards
            .iter()
            .filter(|c| c.id.as_deref() == Some(&overview))
            .filter_map(|c| c.back.as_deref())
            .flat_map(|b| b.split(" \u{b7} ").map(str::to_string))
            .collect();
        let mut made = Vec::new();
        for parent in parents {
            let mut parts = self.parts_of(parent);
            let inline = self.casing.inline_words(parent).join(" ");
            // ("The four principles" over four principles and "Conformance
            // levels": the count says which sub-sections are the parts.)
            match counted(&inline) {
                Some(n) if n < parts.len() => parts.truncate(n),
                Some(n) if n > parts.len() => continue,
                _ => {}
            }
            let in_overview = parts.iter().all(|p| listed_there.iter().any(|l| l == p));
            if !(2..=OVERVIEW_MAX).contains(&parts.len()) || in_overview || !names_kinds(&inline) {
                continue;
            }
            let the = if inline.starts_with(|c: char| c.is_ascii_digit())
                || opens_with_determiner(&inline)
            {
                ""
            } else {
                "the "
            };
            let question = format!("What are {the}{inline}?");
            // (A parent of a few sentences only frames its parts.)
            let framing = self
                .reports
                .iter()
                .find(|r| r.heading.as_ref() == Some(parent))
                .is_some_and(|r| r.sentences <= FRAMING_SENTENCES);
            made.push((
                slug(parent, SLUG_CHARS),
                question,
                parts.join(" \u{b7} "),
                framing,
            ));
        }
        for (parent_slug, question, back, framing) in made {
            let base = format!("{}/{parent_slug}", self.lesson_slug);
            self.cards.retain(|c| {
                if !framing {
                    return true;
                }
                let vague = c
                    .front
                    .as_deref()
                    .is_some_and(|f| VAGUE.iter().any(|v| f.starts_with(v)));
                !(vague && c.id.as_deref() == Some(&format!("{base}/point")))
            });
            self.push_card(
                format!("{base}/parts"),
                Face::Question(question, back),
                "overview",
                (
                    Vec::new(),
                    "a heading naming the kind of its sub-sections: they answer".into(),
                ),
            );
        }
    }
}

impl Maker {
    /// The sub-sections listed under `parent`, as the overview shows them,
    /// each once.
    fn parts_of(&self, parent: &str) -> Vec<&str> {
        let shown_parent = self.casing.sentence_case(parent);
        let mut parts: Vec<&str> = Vec::new();
        for (_, shown) in self
            .listed
            .iter()
            .filter(|(c, _)| c.as_deref() == Some(parent))
        {
            if !parts.contains(&shown.as_str()) && *shown != shown_parent {
                parts.push(shown);
            }
        }
        parts
    }
}

/// Does the heading name kinds of advice in the plural ("3 mistakes to
/// avoid…", "tips for negotiating…"; lexicon role `announced-noun`), or
/// count things ("Five winter habits")? Read by the last noun of the
/// words it opens with, before any preposition, verb or mark. ("Savings"
/// over "Pros" and "Cons" names no kinds.)
fn names_kinds(inline: &str) -> bool {
    let a = analyse(inline);
    let opening: Vec<&Word> = a
        .words
        .iter()
        .take_while(|w| matches!(w.pos, Pos::Noun | Pos::Adj | Pos::Num | Pos::Det))
        .collect();
    let counted = opening.iter().any(|w| w.pos == Pos::Num);
    let head = opening.iter().rev().find(|w| w.pos == Pos::Noun);
    head.is_some_and(|w| {
        looks_plural(&w.norm) && (counted || LEXICON.is(&w.norm, Role::AnnouncedNoun))
    })
}

/// The number a heading counts its parts by ("The four principles",
/// "3 mistakes to avoid"), if it opens with one.
fn counted(inline: &str) -> Option<usize> {
    inline.split(' ').take(3).find_map(|w| {
        w.parse()
            .ok()
            .or_else(|| (2..=8).find(|&n| number_word(n) == w))
    })
}

fn opens_with_determiner(inline: &str) -> bool {
    matches!(
        inline.split(' ').next(),
        Some("the" | "a" | "an" | "our" | "your" | "my" | "some" | "these" | "those")
    )
}

#[cfg(test)]
mod tests {
    use super::{counted, names_kinds};
    use crate::lesson::cards::question::tests::lesson_pairs;

    #[test]
    fn a_count_opening_the_heading_says_how_many_parts() {
        assert_eq!(counted("the four principles"), Some(4));
        assert_eq!(counted("3 mistakes to avoid"), Some(3));
        assert_eq!(counted("habits that help"), None);
    }

    #[test]
    fn a_plural_heading_names_kinds() {
        assert!(names_kinds(
            "3 mistakes to avoid during salary negotiations"
        ));
        assert!(names_kinds("tips for negotiating a better salary"));
        assert!(!names_kinds("time, temperature, and yeast"));
        assert!(!names_kinds("communication"));
        assert!(!names_kinds("savings"));
        assert!(names_kinds("five winter habits"));
    }

    #[test]
    fn a_parent_naming_its_parts_is_asked_for_them() {
        let pairs = lesson_pairs(
            "# Salary talks\n\nA raise is negotiated, not given.\n\n\
             ## Two mistakes to avoid\n\nMost people make at least one of these.\n\n\
             ### Naming a range\n\nA range tells the recruiter your lowest number, so they \
             offer it.\n\n\
             ### Waiting for a raise\n\nManagers rarely notice quiet work, so ask for the raise \
             yourself.\n\n\
             ## Habits that help\n\nA few habits make the talk easier.\n\n\
             ### Keep a record\n\nWrite down each win the week it happens, because memory fades \
             before the review.\n\n\
             ### Get it in writing\n\nAsk for every promise by email, since people change jobs.\n",
        );
        let has = |f: &str, b: &str| pairs.iter().any(|(x, y)| x == f && y == b);
        assert!(
            has(
                "What are the two mistakes to avoid?",
                "Naming a range \u{b7} Waiting for a raise"
            ),
            "{pairs:?}"
        );
        assert!(
            has(
                "What are the habits that help?",
                "Keep a record \u{b7} Get it in writing"
            ),
            "{pairs:?}"
        );
        assert!(
            pairs
                .iter()
                .all(|(f, _)| !f.starts_with("What matters about")),
            "{pairs:?}"
        );
    }
}
