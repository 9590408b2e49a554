//! A heading over nothing but a list of questions ("The team" over "- Who
//! would I work with most closely?", "- How does the team plan its
//! work?"): a checklist of questions to ask, or to be asked. No sentence
//! states a point, yet the questions are what the reader wants to recall;
//! the card asks for them, at most four a card (see docs/lessons.md,
//! "Lists of questions").

use super::ask::{Ask, classify};
use super::{BACK_CHARS, Explained, Maker};
use crate::deck::CardEntry;
use crate::lesson::language::analyse;
use crate::lesson::read::{PieceKind, Section};
use crate::lesson::text::{capitalise, stem, word_count};

/// Most questions one card asks the reader to recall.
const PER_CARD: usize = 4;
/// Longest question kept, in words: a longer one is a paragraph.
const QUESTION_WORDS: usize = 40;

/// Does the reader ask these questions, or is the reader asked them? The
/// words around the list say: "ask" (not "be asked") makes them the
/// reader's; "asked" the interviewer's; neither leaves it open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Reader,
    Asked,
    Open,
}

fn who_asks(around: &[&str]) -> Who {
    let words: Vec<String> = around
        .iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphabetic()))
        .map(str::to_lowercase)
        .collect();
    let passive = words
        .windows(2)
        .any(|w| matches!(w[0].as_str(), "be" | "being" | "get") && w[1] == "asked");
    if passive {
        Who::Asked
    } else if words.iter().any(|w| matches!(w.as_str(), "ask" | "asking")) {
        Who::Reader
    } else {
        Who::Open
    }
}

/// The section's questions, when its list is all it holds: two or more
/// items, under at most a lead-in paragraph, three in four of them or more
/// questions ("How often do you release? (weekly, monthly)": an aside
/// after the question mark goes). The other items stay as written: a
/// note among the questions is part of the checklist.
fn questions(section: &Section) -> Option<Vec<String>> {
    section.heading.as_ref()?;
    let items: Vec<&str> = section
        .body
        .iter()
        .filter(|p| p.kind == PieceKind::Item && !p.nested)
        .map(|p| without_aside(p.text.trim()))
        .collect();
    let prose = section
        .body
        .iter()
        .filter(|p| p.kind != PieceKind::Item)
        .count();
    let short = |t: &&str| (3..=QUESTION_WORDS).contains(&word_count(t));
    let asked = items
        .iter()
        .filter(|t| t.ends_with('?') && !t.contains(". "))
        .count();
    (items.len() >= 2 && prose <= 1 && asked * 4 >= items.len() * 3 && items.iter().all(short))
        .then(|| items.iter().map(|t| capitalise(t)).collect())
}

/// "Who reviews the code? (and how fast)" → "Who reviews the code?".
fn without_aside(item: &str) -> &str {
    match item.rfind(" (") {
        Some(k) if item.ends_with(')') && item[..k].ends_with('?') => &item[..k],
        _ => item,
    }
}

/// How many questions each card takes: as few cards as keep every card
/// to four questions and its back to the length of a back, the questions
/// shared out evenly, the first cards the fuller.
fn chunks(asked: &[String]) -> Vec<usize> {
    let n = asked.len();
    let sizes = |cards: usize| -> Vec<usize> {
        (0..cards)
            .map(|k| n / cards + usize::from(k < n % cards))
            .collect()
    };
    let fits = |sizes: &[usize]| {
        let mut start = 0;
        sizes.iter().all(|&size| {
            let chars: usize = asked[start..start + size]
                .iter()
                .map(|q| q.chars().count() + 3)
                .sum();
            start += size;
            size == 1 || chars <= BACK_CHARS
        })
    };
    let mut cards = n.div_ceil(PER_CARD).max(1);
    while cards < n && !fits(&sizes(cards)) {
        cards += 1;
    }
    sizes(cards)
}

impl Maker {
    /// The cards of a section that only lists questions; `None` when it
    /// is no such section. The heading is listed in the overview.
    pub(super) fn question_list(&mut self, section: &Section) -> Option<usize> {
        let asked = questions(section)?;
        let heading = section.heading.as_deref()?;
        let front = self.question_list_front(section, heading)?;
        let slug = self.section_slug(heading);
        let base = format!("{}/{slug}", self.lesson_slug);
        let mut start = 0;
        let sizes = chunks(&asked);
        let made = sizes.len();
        for (k, size) in sizes.into_iter().enumerate() {
            let these = &asked[start..start + size];
            start += size;
            let id = match k {
                0 => format!("{base}/point"),
                k => format!("{base}/point{}", k + 1),
            };
            let front = self.in_context(section, front.clone());
            let front = self.unique_front(front);
            self.explained.push(Explained {
                id: id.clone(),
                sources: these.to_vec(),
                why: "a heading over a list of questions alone: the questions are the answer, \
                      at most four a card"
                    .into(),
                runners_up: Vec::new(),
            });
            self.cards.push(CardEntry {
                id: Some(id),
                front: Some(front),
                back: Some(these.join(" · ")),
                tags: vec![self.lesson_slug.clone(), "point".into()],
                ..CardEntry::default()
            });
        }
        self.listed
            .push((section.context.clone(), self.casing.sentence_case(heading)));
        Some(made)
    }

    /// "What can you ask about the team?", "What technical questions
    /// might you be asked?", "What can you ask to understand the role?".
    fn question_list_front(&self, section: &Section, heading: &str) -> Option<String> {
        let lead: Vec<&str> = section
            .body
            .iter()
            .filter(|p| p.kind != PieceKind::Item)
            .map(|p| p.text.as_str())
            .collect();
        let mut around = vec![self.title.as_str(), heading];
        around.extend(section.context.as_deref());
        around.extend(lead);
        let who = who_asks(&around);
        let inline = self.casing.inline_words(heading).join(" ");
        let a = analyse(&inline);
        let ask = classify(&a, section, false);
        let lower = inline.to_lowercase();
        // "Technical questions", "Questions about pay": the heading names
        // the questions already.
        let last = a.content().last().map(|w| stem(&w.norm));
        if last.as_deref() == Some("question") {
            return Some(match who {
                Who::Reader => format!("What {inline} can you ask?"),
                Who::Asked => format!("What {inline} might you be asked?"),
                Who::Open => format!("What are the {inline}?"),
            });
        }
        if let Some(rest) = ["questions about ", "questions on ", "questions for "]
            .iter()
            .find_map(|p| lower.starts_with(p).then(|| &inline[p.len()..]))
        {
            return Some(match who {
                Who::Asked => format!("What might you be asked about {rest}?"),
                _ => format!("What can you ask about {rest}?"),
            });
        }
        let about = match ask {
            Ask::Do => format!("to {inline}"),
            Ask::Noun | Ask::Gerund | Ask::Term => {
                let counted = self.counted.contains(&lower);
                let determined = a.content().next().is_some_and(|w| w.pos.is_function());
                if counted && !determined && !lower.ends_with('s') {
                    format!("about the {inline}")
                } else {
                    format!("about {inline}")
                }
            }
            _ => return None,
        };
        Some(match who {
            Who::Asked => format!("What might you be asked {about}?"),
            Who::Reader => format!("What can you ask {about}?"),
            Who::Open => match ask {
                Ask::Do => format!("What questions help you {inline}?"),
                _ => format!("What are the questions {about}?"),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_around_say_who_asks() {
        assert_eq!(who_asks(&["Questions to ask a landlord"]), Who::Reader);
        assert_eq!(
            who_asks(&["Questions you may be asked", "Teamwork"]),
            Who::Asked
        );
        assert_eq!(who_asks(&["Common interview questions"]), Who::Open);
    }

    #[test]
    fn an_aside_after_the_question_goes() {
        assert_eq!(
            without_aside("How often do you release? (weekly, monthly)"),
            "How often do you release?"
        );
        assert_eq!(without_aside("Team size (rough)"), "Team size (rough)");
    }

    #[test]
    fn questions_are_shared_out_evenly() {
        let asked = |n: usize, chars: usize| -> Vec<String> {
            (0..n)
                .map(|_| format!("{}?", "w".repeat(chars - 1)))
                .collect()
        };
        assert_eq!(chunks(&asked(2, 30)), [2]);
        assert_eq!(chunks(&asked(4, 30)), [4]);
        assert_eq!(chunks(&asked(5, 30)), [3, 2]);
        assert_eq!(chunks(&asked(7, 30)), [4, 3]);
        assert_eq!(chunks(&asked(9, 30)), [3, 3, 3]);
        // (Long questions: fewer a card, so that the back stays short.)
        assert_eq!(chunks(&asked(4, 100)), [2, 2]);
        assert_eq!(chunks(&asked(2, 400)), [1, 1]);
    }
}
