//! Which sections and sentences are worth a card, and which sections have
//! no question to ask (see docs/lessons.md, "What it writes").

use super::acronym::spells_out;
use super::ask::Ask;
use super::purpose::reason_in_heading;
use super::question::{defines, verb_after_heading};
use super::sentence::Sent;
use super::steps::piece_firsts;
use super::style::lists_sources;
use super::tip_cloze::advice_span;
use super::{Part, Topic, cloze, front};
use crate::lesson::language::{LEXICON, Pos, Role};
use crate::lesson::read::{PieceKind, Section};
use crate::lesson::text::{stem, word_count};

/// The indexes of a section's sentences worth a card.
pub(super) fn substantive_of(section: &Section, ss: &[Sent]) -> Vec<usize> {
    let mut substantive: Vec<usize> = (0..ss.len()).filter(|&i| ss[i].substantive()).collect();
    // A question answered in a few words ("How is it pronounced?" —
    // "Jee-Arr-Pee-See."): the short answer is the section's point.
    if substantive.is_empty() && section.heading.as_deref().is_some_and(|h| h.ends_with('?')) {
        // (Only when it is all the section says: one short remark
        // after quoted examples is an aside.)
        if ss.iter().all(Sent::short_answer) {
            substantive = (0..ss.len()).collect();
        }
    }
    if substantive.is_empty() {
        substantive = tip_in_few_words(section, ss);
    }
    // "Why use it?" over "- Allows us to see…", "- Saves time": items that
    // lean on the question for their subject are its answer all the same.
    // So are short items under any heading ("Alter the situation" over
    // "- Express your feelings.", "- Create a balanced schedule."): the
    // list is what the section says.
    if substantive.is_empty()
        && section.heading.is_some()
        && section.body.iter().all(|p| p.kind == PieceKind::Item)
    {
        let firsts = piece_firsts(ss);
        // (Every item a statement of three words or more: not a question
        // to ask, a lead-in, a pointer or a command, "man ssh-keygen".)
        // Under a question, any items answer it ("Who is it for?" over
        // "- employers;", "- employees;").
        let asks = section.heading.as_deref().is_some_and(|h| h.ends_with('?'));
        let stated = |i: &usize| {
            let s = &ss[*i];
            !s.pointer && !s.lead_in && !s.text.ends_with('?') && (asks || word_count(&s.text) >= 3)
        };
        let most = if asks { 8 } else { 6 };
        if (2..=most).contains(&firsts.len()) && firsts.iter().all(stated) {
            substantive = firsts;
        }
    }
    // "To reach the state, declare it abstract in the mixin:" and code
    // too long for a card: when the section says nothing else, the
    // sentence leading into the code is its point.
    // (Not a lead-in to a list: its items are the section's text.)
    if substantive.is_empty() {
        let before_items = |i: usize| {
            section
                .body
                .get(ss[i].piece + 1)
                .is_some_and(|p| p.kind == PieceKind::Item)
        };
        substantive = (0..ss.len())
            .filter(|&i| ss[i].leads_into_code() && !before_items(i))
            .collect();
    }
    // "**DAG:** Directed Acyclic Graph.": what the letters stand for is
    // the entry's point, however short.
    if substantive.is_empty()
        && ss.len() == 1
        && section
            .heading
            .as_deref()
            .is_some_and(|h| spells_out(h, &ss[0]))
    {
        substantive = vec![0];
    }
    // "COUNT: returns the number of rows": the gloss a heading carried is
    // the term's point, however short.
    if section.glossed
        && !substantive.contains(&0)
        && ss
            .first()
            .is_some_and(|s| s.piece == 0 && !s.code() && s.words() >= 2)
    {
        substantive.insert(0, 0);
    }
    substantive
}

/// "**Hands should be quiet.** Don't wave.", "**Golden rule:** People
/// have short attention spans.": a tip's few words under its label are its
/// point, however short; the indexes of those sentences, or none.
fn tip_in_few_words(section: &Section, ss: &[Sent]) -> Vec<usize> {
    if !section.tip || section.heading.is_none() || ss.is_empty() {
        return Vec::new();
    }
    // (A statement or advice, with its verb: not quoted examples,
    // "“Mine”, “yours”", nor a bare figure, "120 words a minute".)
    let short_point = |s: &Sent| {
        let verb = s.a.content().any(|w| matches!(w.pos, Pos::Verb | Pos::Aux));
        verb && !s.quoted
            && !s.lead_in
            && !s.pointer
            && !s.code()
            && !s.text.contains('?')
            && !s.text.starts_with(['"', '\u{201c}', '(', '\''])
            && s.words() >= 2
    };
    if ss.iter().all(short_point) {
        (0..ss.len()).collect()
    } else {
        Vec::new()
    }
}

/// Whether the section illustrates the one before it ("Example",
/// "Exercise 2": its sentences are about one case, not the idea), and
/// whether it lists sources ("Further reading", "Resources" and the
/// sections under them), as (illustration, sources).
fn asks_nothing(section: &Section) -> (bool, bool) {
    let illustration = section.heading.as_deref().is_some_and(|h| {
        let label = h
            .trim_end_matches(|c: char| !c.is_alphabetic())
            .to_lowercase();
        LEXICON.is(&label, Role::ExampleHeading)
            || crate::lesson::read::numbered_as(h).is_some_and(|l| l == "exercise")
    });
    // (A course page's housekeeping teaches no more than a reading list.)
    let sources = [&section.heading, &section.context].iter().any(|h| {
        h.as_deref()
            .is_some_and(|h| lists_sources(h) || housekeeping(h))
    });
    (illustration, sources)
}

/// Does the section, or the heading over it, list sources or keep house
/// ("Further reading", "Congratulations!" over what to do next)? Its tips
/// teach nothing, their labels included.
pub(super) fn outside_the_lesson(section: &Section) -> bool {
    asks_nothing(section).1
}

/// "Assignment", "Knowledge check", "Learning outcomes": a course page's
/// housekeeping heading (lexicon role `course-heading`), over a section
/// that teaches nothing of its own.
pub(super) fn housekeeping(heading: &str) -> bool {
    let label = heading
        .trim_end_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    LEXICON.is(&label.replace('\u{2019}', "'"), Role::CourseHeading)
}

/// A section without a heading has no question to ask when its best name
/// is one common word ("model", "note"): its clozes stand alone. (A rule
/// for it is worth asking for: "A scope may follow…" asks "What is the
/// rule for a scope?") Nor has a tip of a list without a label, "- Pick
/// courgettes small, before they turn into marrows.": it is one piece of
/// advice, and a cloze of what it advises tests it.
pub(super) fn nameless(
    section: &Section,
    ss: &[Sent],
    substantive: &[usize],
    topic: &Topic,
) -> bool {
    let rule = substantive
        .first()
        .is_some_and(|&i| front::rule_for(&ss[i], &topic.stems));
    let lone_tip = section.tip
        && substantive
            .first()
            .is_some_and(|&i| advice_span(&ss[i]).is_some());
    topic.made_up
        && (lone_tip
            || (!topic.heading.contains([' ', '-'])
                && !topic.heading.chars().any(char::is_uppercase)
                && !rule)
            || topic.heading == cloze::NO_NAME)
}

impl super::Maker {
    /// A section no card asks about: `Some(left_out)` when it has nothing
    /// of substance (and no heading giving its reason), illustrates or
    /// lists sources; `left_out` tells whether it was left out on purpose,
    /// not lost. (A heading over nothing but headings groups them.)
    pub(super) fn asks_nothing(
        &mut self,
        section: &Section,
        ss: &[Sent],
        substantive: &[usize],
    ) -> Option<bool> {
        let (illustration, sources) = asks_nothing(section);
        let empty = substantive.is_empty() && !reason_in_heading(section, &self.casing);
        if !(empty || illustration || sources) {
            return None;
        }
        Some(illustration || sources || section.body.is_empty() || self.list_checklist(section, ss))
    }

    /// A checklist of fragments ("Passes all tests") asks nothing, but is
    /// one of the lesson's parts.
    fn list_checklist(&mut self, section: &Section, ss: &[Sent]) -> bool {
        if let Some(h) = &section.heading
            && ss.iter().filter(|s| s.kind == PieceKind::Item).count() >= 2
            && !self.is_title(h)
        {
            self.listed
                .push((section.context.clone(), self.casing.sentence_case(h)));
            return true;
        }
        false
    }

    /// A section with no point to ask for: one that only tells the writer's
    /// story ("I watched hours of videos…"), one whose every sentence opens
    /// with a pronoun for something before it ("These are the questions to
    /// practise") or points elsewhere, or the introduction of a page whose
    /// title names no subject ("Frequently asked questions").
    pub(super) fn no_point(&self, part: &Part) -> bool {
        let ss = part.ss;
        // (A tip whose heading gives its reason is answered by it, whatever
        // its text: see purpose.rs.)
        if part.topic.reason.is_some() {
            return false;
        }
        if part.substantive.is_empty() {
            return true;
        }
        // (Nor is a hook or a truism alone: "It might sound obvious that…,
        // but there are plenty of…" clears the ground for a point it
        // leaves to the sections after.)
        // (Nor, outside the introduction, the text speaking of itself:
        // "This blog post has had a cautionary tone.")
        let titled = part.topic.titled;
        let story = part
            .substantive
            .iter()
            .all(|&i| ss[i].narrated || ss[i].hook || (ss[i].synopsis && !titled));
        // (A tip whose heading is a whole sentence is what its text leans
        // on: "Use compat symbols." then "These let…".)
        let leans_on_heading = part.section.sentence_heading
            && part.topic.heading.split_whitespace().count() >= 5
            && matches!(part.topic.ask, Ask::Do | Ask::DoNot | Ask::Always);
        let stranded = part
            .substantive
            .iter()
            .all(|&i| (ss[i].leans_on_a_word() && !leans_on_heading) || ss[i].pointer);
        let generic = part.topic.titled && self.title_kind.generic;
        story || stranded || generic || unanswered_title(part)
    }
}

/// An introduction asked about its title ("What is “Guidance on peer
/// review” about?", a title read as advice: "How do you coach
/// guidelines…?") answers only when it opens on the title's subject ("Load
/// balancers distribute…"), defines it, sums the text up by its parts,
/// gives the advice a title in the imperative asks how to follow, or the
/// reason a "why" asks.
/// A hook, a synopsis or a remark ("There is no consensus…", "It's a
/// combination of…") under such a question is not worth studying, and the
/// introduction's other cards stand without it.
fn unanswered_title(part: &Part) -> bool {
    let topic = &part.topic;
    let asks_of_title = matches!(
        topic.ask,
        Ask::Noun | Ask::Do | Ask::DoNot | Ask::Always | Ask::Statement | Ask::Gerund
    );
    if !topic.titled || !asks_of_title || topic.why || topic.made_up {
        return false;
    }
    !part.substantive.iter().any(|&i| {
        let s = &part.ss[i];
        let advice = s.imperative && matches!(topic.ask, Ask::Do | Ask::DoNot | Ask::Always);
        defines(s, &topic.stems) || opens_on(s, &topic.stems) || names_parts(s) || advice
    })
}

/// "This guide explains how to set a price from costs, rivals and the
/// value buyers see": the text saying what it covers, naming three parts
/// or more, in words that point at nothing before ("…this chance" does).
/// One naming none ("This post describes the problem pipelining solves")
/// says what the text holds, never what its subject is.
pub(super) fn names_parts(s: &Sent) -> bool {
    s.synopsis
        && s.text.contains(", ")
        && !s
            .a
            .content()
            .skip(2)
            .any(|w| matches!(w.norm.as_str(), "this" | "these" | "those" | "it"))
}

/// Is the sentence's subject, before its first verb, the heading's words
/// (an article aside)?
fn opens_on(s: &Sent, heading: &std::collections::BTreeSet<String>) -> bool {
    let words: Vec<_> = s.a.content().collect();
    let Some(v) = verb_after_heading(s, &words, heading) else {
        return false;
    };
    v > 0
        && words[..v]
            .iter()
            .all(|w| w.pos == Pos::Det || heading.contains(&stem(&w.norm)))
        && words[..v].iter().any(|w| heading.contains(&stem(&w.norm)))
}

#[cfg(test)]
#[path = "worth_tests.rs"]
mod tests;
