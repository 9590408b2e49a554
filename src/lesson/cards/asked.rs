//! A heading over nothing but a list of questions ("The team" over "- Who
//! would I work with most closely?", "- How does the team plan its
//! work?"): a checklist of questions to ask, or to be asked. No sentence
//! states a point, yet the questions are what the reader wants to recall;
//! the card asks for them, or for the first four of a longer list (see
//! docs/lessons.md, "Lists of questions").

use super::ask::{Ask, classify};
use super::push::Face;
use super::{BACK_CHARS, Maker};
use crate::lesson::language::{LEXICON, Role, analyse};
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

/// How many of the first questions one card holds: at most four, within
/// the length of a back, and at least one. A longer checklist is not cut
/// into parts a reader could not tell apart ("… (part 5)"): its first
/// questions, as the writer ordered them, stand for it.
fn first_fitting(asked: &[String]) -> usize {
    let mut chars = 0;
    let mut n = 0;
    for q in asked.iter().take(PER_CARD) {
        chars += q.chars().count() + 3;
        if n > 0 && chars > BACK_CHARS {
            break;
        }
        n += 1;
    }
    n.max(1)
}

impl Maker {
    /// The cards of a section that only lists questions; `None` when it
    /// is no such section. The heading is listed in the overview.
    pub(super) fn question_list(&mut self, section: &Section) -> Option<usize> {
        let asked = questions(section)?;
        let heading = section
            .heading
            .as_deref()
            .filter(|h| !super::worth::housekeeping(h))?;
        let these = &asked[..first_fitting(&asked)];
        let sample = these.len() < asked.len();
        let front = self.question_list_front(section, heading, sample)?;
        let slug = self.section_slug(heading);
        let id = format!("{}/{slug}/point", self.lesson_slug);
        let front = self.in_context(section, front);
        let front = self.unique_front(front);
        self.push_card(
            id,
            Face::Question(front, these.join(" · ")),
            "point",
            (
                these.to_vec(),
                if sample {
                    "a heading over a list of questions alone: the first questions are the answer, \
                 as many as a back holds"
                } else {
                    "a heading over a list of questions alone: the questions are the answer"
                }
                .into(),
            ),
        );
        self.listed
            .push((section.context.clone(), self.casing.sentence_case(heading)));
        Some(1)
    }

    /// "What can you ask about the team?", "What technical questions
    /// might you be asked?", "What can you ask to understand the role?".
    ///
    /// `sample`: the card holds only some of the questions ("What are some
    /// questions you can ask about the team?").
    fn question_list_front(
        &self,
        section: &Section,
        heading: &str,
        sample: bool,
    ) -> Option<String> {
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
        // ("Its past" in "Questions to ask before you adopt a dog": the
        // dog's past.)
        let inline = match section.context {
            Some(_) => inline,
            None => super::they::its_is_the_title(inline, &self.title, self.apostrophe),
        };
        let a = analyse(&inline);
        // ("Be concise" over questions: "be" opens advice, whatever the
        // tagger makes of the rest.)
        let ask = match classify(&a, section, false) {
            Ask::Noun if a.content().next().is_some_and(|w| w.norm == "be") => Ask::Do,
            ask => ask,
        };
        let lower = inline.to_lowercase();
        // "Technical questions", "Questions about pay": the heading names
        // the questions already.
        let last = a.content().last().map(|w| stem(&w.norm));
        if last.as_deref() == Some("question") {
            return Some(match (who, sample) {
                (Who::Reader, false) => format!("What {inline} can you ask?"),
                (Who::Reader, true) => format!("What are some {inline} you can ask?"),
                (Who::Asked, false) => format!("What {inline} might you be asked?"),
                (Who::Asked, true) => format!("What are some {inline} you might be asked?"),
                (Who::Open, false) => format!("What are the {inline}?"),
                (Who::Open, true) => format!("What are some {inline}?"),
            });
        }
        if let Some(rest) = ["questions about ", "questions on ", "questions for "]
            .iter()
            .find_map(|p| lower.starts_with(p).then(|| &inline[p.len()..]))
        {
            let about = format!("about {rest}");
            return Some(asking(who, sample, &about));
        }
        // ("Before reaching out" places the questions: "What can you ask
        // before reaching out?")
        let placed = a
            .content()
            .next()
            .is_some_and(|w| LEXICON.is(&w.norm, Role::PlacingConjunction) && w.norm != "as");
        let about = match ask {
            _ if placed => inline.clone(),
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
        Some(match (who, ask) {
            (Who::Open, Ask::Do) if sample => {
                format!("What are some questions that help you {inline}?")
            }
            (Who::Open, Ask::Do) => format!("What questions help you {inline}?"),
            _ => asking(who, sample, &about),
        })
    }
}

/// "What can you ask about X?", or with only some of the questions on the
/// card, "What are some questions you can ask about X?".
fn asking(who: Who, sample: bool, about: &str) -> String {
    match (who, sample) {
        (Who::Asked, false) => format!("What might you be asked {about}?"),
        (Who::Asked, true) => format!("What are some questions you might be asked {about}?"),
        (Who::Reader, false) => format!("What can you ask {about}?"),
        (Who::Reader, true) => format!("What are some questions you can ask {about}?"),
        (Who::Open, false) => format!("What are the questions {about}?"),
        (Who::Open, true) => format!("What are some questions {about}?"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_under_be_advice_are_asked_to_follow_it() {
        let fronts = crate::lesson::cards::question::tests::lesson_fronts(
            "# Writing a CV\n\n## Be concise\n\n\
             - Can a reader find your main skills in ten seconds?\n\
             - Does the key fact stand out on the page?\n\
             - Does the first third of the page sell you?\n\n\
             ## Be specific\n\n\
             - Did you give a number for each result?\n\
             - Did you name the tools you used?\n",
        );
        assert!(
            fronts
                .iter()
                .any(|f| f == "What questions help you be concise?"),
            "{fronts:?}"
        );
    }

    #[test]
    fn questions_under_a_time_are_asked_then() {
        let fronts = crate::lesson::cards::question::tests::lesson_fronts(
            "# Questions to Ask When You Rent\n\n## Before signing\n\n\
             - Who pays for repairs to the boiler?\n\
             - How much notice must either side give?\n\
             - Is the deposit held in a protected scheme?\n",
        );
        assert!(
            fronts
                .iter()
                .any(|f| f == "What can you ask before signing?"),
            "{fronts:?}"
        );
    }

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
    fn a_card_holds_the_first_questions_that_fit() {
        let asked = |n: usize, chars: usize| -> Vec<String> {
            (0..n)
                .map(|_| format!("{}?", "w".repeat(chars - 1)))
                .collect()
        };
        assert_eq!(first_fitting(&asked(2, 30)), 2);
        assert_eq!(first_fitting(&asked(4, 30)), 4);
        assert_eq!(first_fitting(&asked(9, 30)), 4);
        // (Long questions: fewer, so that the back stays short.)
        assert_eq!(first_fitting(&asked(4, 100)), 2);
        assert_eq!(first_fitting(&asked(2, 400)), 1);
        assert_eq!(
            asking(Who::Reader, true, "about the team"),
            "What are some questions you can ask about the team?"
        );
    }
}
