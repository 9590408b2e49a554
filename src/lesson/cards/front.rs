//! The point card's question: made from the heading by its grammar, and
//! by what the back it asks for says (see docs/lessons.md, "Questions").

use std::collections::{BTreeMap, BTreeSet};

use super::ask::Ask;
use super::ask::lower_first;
use super::described::defined_object;
use super::described::described_advice;
use super::forms::{gerund_base, is_base, is_plural};
use super::from_back::question_from_back;
use super::gloss::{collective_gloss, gloss_question};
use super::maxim::advice_on_a_claim;
use super::mistake::{fault_front, names_fault, names_trouble};
use super::noun::named_thing;
use super::own_subject::own_subject_question;
use super::question::{defines, places_advice, plain_noun, question, what_is, with_article};
use super::sentence::Sent;
use super::style::{about_the_lesson, why_or_how};
use super::subject::{of_the_group, question_to_ask};
use super::{Maker, Part, SLUG_CHARS};

#[path = "by_shape.rs"]
mod by_shape_front;
use by_shape_front::by_shape;

#[path = "vague.rs"]
mod vague_front;
use crate::domain::slug;
use crate::lesson::language::analyse;
use crate::lesson::language::{LEXICON, Pos, Role, Word, verb_reading};
use crate::lesson::read::Section;
use crate::lesson::text::{norm, stem, word_count};
pub(super) use vague_front::{asks_nothing_of, vague, vague_subject};

/// "A scope may follow the type…": the sentence opens with the name (a
/// determiner before it or not) and a modal saying what it must, may or
/// shall do (lexicon role `rule-modal`): a rule for it.
pub(super) fn rule_for(s: &Sent, name: &BTreeSet<String>) -> bool {
    let words: Vec<&Word> = s.a.content().collect();
    let start = usize::from(words.first().is_some_and(|w| w.pos == Pos::Det));
    let named = words[start..]
        .iter()
        .take_while(|w| name.contains(&stem(&w.norm)))
        .count();
    named > 0
        && named == name.len()
        && words
            .get(start + named)
            .is_some_and(|m| LEXICON.is(&m.norm, Role::RuleModal))
}

impl Maker {
    /// The id prefix of a section's cards: `base` when the section's text
    /// made one already, else the lesson's slug and the slug of `name`.
    pub(super) fn section_base(&mut self, base: Option<&str>, name: &str) -> String {
        match base {
            Some(b) => b.to_string(),
            None => {
                let section_slug = self.section_slug(name);
                format!("{}/{section_slug}", self.lesson_slug)
            }
        }
    }

    /// The heading's slug, numbered when another section has it already.
    pub(super) fn section_slug(&mut self, heading: &str) -> String {
        let base = slug(heading, SLUG_CHARS);
        let mut section_slug = base.clone();
        let mut n = self.slug_next.get(&base).copied().unwrap_or(2);
        while !self.section_slugs.insert(section_slug.clone()) {
            section_slug = format!("{base}-{n}");
            n += 1;
        }
        self.slug_next.insert(base, n);
        section_slug
    }

    /// Two sections asking the same question get "(part 2)", "(part 3)"...
    pub(super) fn unique_front(&mut self, front: String) -> String {
        let mut front = crate::lesson::text::without_stray_quotes(front);
        let bare = front.trim_end_matches('?').trim_end().to_string();
        // (Many sections alike stay linear: numbering goes on from the
        // last part given to this question.)
        let mut k = self.front_next.get(&bare).copied().unwrap_or(2);
        while self.fronts.contains(&front) {
            front = format!("{bare} (part {k})?");
            k += 1;
        }
        self.front_next.insert(bare, k);
        self.fronts.insert(front.clone());
        front
    }

    /// A made-up heading (a tip's best noun phrase, or "this point"): what
    /// it is, the rule for it, or the aspect its back states.
    fn made_up_front(&self, part: &Part, on_back: &[usize], definition: bool) -> String {
        let (ss, topic) = (part.ss, &part.topic);
        if definition {
            return what_is(&topic.analysis, &topic.heading);
        }
        // The aspect the back states of the name made up for it ("What
        // is the rule for a normal version number?"), else anything.
        let (x, plural) = named_thing(part);
        if on_back
            .first()
            .is_some_and(|&i| rule_for(&ss[i], &topic.stems))
        {
            return format!("What is the rule for {x}?");
        }
        self.aspect_asked(part, on_back, &x, &topic.stems, plural)
            .or_else(|| question_from_back(part, on_back, (&x, plural), &self.casing))
            .or_else(|| {
                let &first = on_back.first()?;
                own_subject_question(&ss[first], &self.casing)
            })
            .unwrap_or_else(|| format!("What should you know about {x}?"))
    }

    /// "What does “Deprecated” mean (Cloud)?": a heading the lesson
    /// repeats under other parents asks under its parent's name, not as
    /// part 2 of the same question.
    pub(super) fn in_context(&self, section: &Section, front: String) -> String {
        // (In a comparison, an aspect asks how the two differ in it.)
        let text = || {
            let pieces = section.body.iter().map(|p| p.text.as_str());
            pieces.collect::<Vec<_>>().join(" ")
        };
        let inline = |side: &str| self.casing.inline_words(side).join(" ");
        if let Some(q) = vague_subject(&front).and_then(|aspect| {
            super::compared::differ_question(&self.title, aspect, &text(), inline)
        }) {
            return q;
        }
        // (In a list of faults, its title or the heading above naming
        // them, a fault heading asks what is wrong with it.)
        if let Some(h) = &section.heading
            && (self.title_kind.faults || section.context.as_deref().is_some_and(names_fault))
            && let Some(q) = fault_front(
                asks_nothing_of(&front),
                &self.casing.inline_words(h).join(" "),
                section,
                &front,
            )
        {
            return q;
        }
        // (Under a heading naming troubles, "What causes burnout", a
        // trouble asks what the problem with it is.)
        if let Some(x) = asks_nothing_of(&front)
            && section.context.as_deref().is_some_and(names_trouble)
            && fault_front(Some(x), x, section, &front).is_some()
        {
            return format!("What is the problem with {x}?");
        }
        // (Under "Why is X important?", a gain it brings asks how.)
        if let (Some(h), Some(c)) = (&section.heading, &section.context)
            && let Some(q) = super::benefit::gain_front(
                &self.casing.inline_words(c).join(" "),
                &self.casing.inline_words(h).join(" "),
                &front,
            )
        {
            return q;
        }
        // (Under "Step 1 - Installing UFW", a name alone, "Ubuntu", asks
        // how the parent's task is done there.)
        if let (Some(h), Some(c)) = (&section.heading, &section.context)
            && asks_nothing_of(&front).is_some()
            && let Some(q) = super::case::task_on(&self.casing, h, c)
        {
            return q;
        }
        // (Under "Step 2: Start the server", "Using the scripts" asks how
        // the task is done that way.)
        if let (Some(h), Some(c)) = (&section.heading, &section.context)
            && let Some(q) = super::case::task_by(&self.casing, h, c)
        {
            return q;
        }
        // (Under its parent, "Option 1" asks what it is there.)
        if let (Some(h), Some(c)) = (&section.heading, &section.context)
            && (vague_subject(&front).is_some() || front.starts_with("What is "))
            && let Some(q) = super::case::numbered_part(&self.casing, h, c)
        {
            return q;
        }
        match (&section.heading, &section.context) {
            // (Unless the question names the parent already.)
            (Some(h), Some(c))
                if (self.repeated.contains(h)
                    || (vague(&front) && placed_by(h, c, &self.title)))
                    && !names_parent(&front, c) =>
            {
                let bare = front.trim_end_matches('?').trim_end();
                format!("{bare} ({})?", c.trim())
            }
            _ => front,
        }
    }

    /// A glossed term's question (see [`gloss_question`]).
    fn gloss_front(&self, part: &Part) -> Option<String> {
        let topic = &part.topic;
        let Ask::Gloss(opens) = topic.ask else {
            return None;
        };
        let counted = self.counted.contains(&topic.inline.to_lowercase());
        collective_gloss(part)
            .or_else(|| gloss_question(&topic.analysis, &topic.inline, opens, counted).into())
    }

    pub(super) fn front(&self, part: &Part, on_back: &[usize], is_steps: bool) -> String {
        let (ss, topic) = (part.ss, &part.topic);
        let definition = part
            .substantive
            .iter()
            .any(|&i| defines(&ss[i], &topic.stems));
        if topic.made_up {
            return self.made_up_front(part, on_back, definition);
        }
        if let Some(front) = by_shape(part) {
            return front;
        }
        if let Some(front) = self
            .gloss_front(part)
            .or_else(|| self.aspect_front(part))
            .or_else(|| self.facet_front(part))
            .or_else(|| self.titled_aspect(part, on_back, definition))
        {
            return front;
        }
        let nested = part.section.context.is_some();
        if let Some(front) = self
            .bare_question(part)
            .or_else(|| about_the_lesson(&self.title, &self.title_kind, topic, nested))
        {
            return front;
        }
        if let Some(front) =
            question_to_ask(&self.title_kind, topic).or_else(|| of_the_group(topic))
        {
            return front;
        }
        if let Some(front) = advice_placed(part, on_back) {
            return front;
        }
        if topic.ask == Ask::Noun && plain_noun(&topic.analysis, &topic.inline) {
            if is_steps && !places_advice(&topic.analysis) {
                let what = with_article(&topic.analysis, &topic.inline);
                return format!("What are the steps of {what}?");
            }
            return self.noun_front(part, on_back, definition);
        }
        if !is_steps && let Some(front) = described_advice(part, on_back) {
            return front;
        }
        let (why, method) = why_or_how(part, on_back);
        if !is_steps
            && !why
            && let Some(front) = advice_on_a_claim(part, on_back)
        {
            return front;
        }
        // Steps say how, never why.
        let (why, method) = if is_steps {
            (false, true)
        } else {
            (why, method)
        };
        if let Some(front) = (if why {
            None
        } else {
            defined_object(part, on_back)
        })
        .or_else(|| term_by_answer(part, on_back))
        .or_else(|| self.activity_from_back(part, on_back, is_steps))
        {
            return front;
        }
        self.heading_or_back(part, on_back, (why, method, definition), is_steps)
    }

    /// The question the heading's grammar asks; one that asks nothing of
    /// it ("In parallel" under "Availability": "What matters about
    /// availability in parallel?") gives way to what the back's own
    /// sentence asks.
    fn heading_or_back(
        &self,
        part: &Part,
        on_back: &[usize],
        (why, method, definition): (bool, bool, bool),
        is_steps: bool,
    ) -> String {
        let topic = &part.topic;
        let asked = question(
            &topic.ask,
            &topic.analysis,
            &topic.inline,
            part.section,
            why,
            method,
            definition,
            self.apostrophe,
        );
        asks_nothing_of(&asked)
            .filter(|_| !is_steps)
            .and_then(|x| {
                let plural = is_plural(&topic.analysis);
                question_from_back(part, on_back, (x, plural), &self.casing)
            })
            .unwrap_or(asked)
    }
}

impl Maker {
    /// Does the heading repeat the lesson's title (give or take its
    /// closing mark)?
    ///
    /// A title of two parts ("Tutorial: Getting started with X", "X — a
    /// guide") is repeated by either part.
    /// The title, or an "Introduction" heading the lesson's first part
    /// and no heading holds: it speaks for the whole lesson.
    pub(super) fn speaks_for_the_lesson(&self, section: &Section, heading: &str) -> bool {
        self.is_title(heading)
            || (section.context.is_none()
                && LEXICON.is(&heading.to_lowercase(), Role::IntroHeading))
    }

    pub(super) fn is_title(&self, heading: &str) -> bool {
        // "How to open a pull request (PR)": a bracketed aside at the end
        // is no part of the name.
        let bare = |s: &str| {
            let s = s.trim();
            let s = match s.rfind(" (") {
                Some(k) if s.ends_with(')') => &s[..k],
                _ => s,
            };
            norm(s.trim_end_matches(|c: char| !c.is_alphanumeric()))
        };
        let heading = bare(heading);
        heading == bare(&self.title)
            || [": ", " \u{2014} ", " - ", " | "].iter().any(|sep| {
                self.title
                    .split_once(sep)
                    .is_some_and(|(a, b)| heading == bare(a) || heading == bare(b))
            })
    }

    /// "Creating a private network" over "Private networks provide full
    /// protection…": a section that says what the activity gives, and
    /// never how to do it, is asked what its back says.
    fn activity_from_back(&self, part: &Part, on_back: &[usize], is_steps: bool) -> Option<String> {
        let topic = &part.topic;
        if topic.ask != Ask::Gerund
            || is_steps
            || on_back.iter().any(|&i| part.ss[i].gives_method())
        {
            return None;
        }
        question_from_back(
            part,
            on_back,
            (&topic.inline, is_plural(&topic.analysis)),
            &self.casing,
        )
    }
}

/// "Check time" over "“Check Time” is the last time we…": a short heading
/// its answer defines is a term, whatever verb it opens on.
fn term_by_answer(part: &Part, on_back: &[usize]) -> Option<String> {
    let topic = &part.topic;
    (matches!(topic.ask, Ask::Do | Ask::Predicate)
        && topic.analysis.content().count() <= 3
        && on_back.first().is_some_and(|&i| {
            // (Its subject opens on the heading's words: "Opportunity to
            // help others is a privilege" defines no "help others".)
            let s = &part.ss[i];
            defines(s, &topic.stems)
                && s.a
                    .content()
                    .find(|w| !w.pos.is_function())
                    .is_some_and(|w| topic.stems.contains(&stem(&w.norm)))
        }))
    .then(|| what_is(&topic.analysis, &topic.inline))
}

/// A heading placing the advice under it, asked what to do there: "For
/// code reviewers" asks "What should code reviewers do?"; "After the
/// interview", "During the talk" ask "What should you do after the
/// interview?".
fn advice_placed(part: &Part, on_back: &[usize]) -> Option<String> {
    let (ss, topic) = (part.ss, &part.topic);
    let advice = on_back.first().is_some_and(|&i| ss[i].imperative);
    if topic.ask != Ask::Noun {
        return None;
    }
    // "To reduce disease pressure": a purpose, what serves it.
    let words: Vec<&Word> = topic.analysis.content().collect();
    if let [to, verb, _, ..] = words.as_slice()
        && to.norm == "to"
        && to.start == 0
        && is_base(&verb.norm)
        && verb_reading(&verb.norm)
    {
        let purpose = lower_first(&topic.inline);
        return Some(if advice {
            format!("What should you do {purpose}?")
        } else {
            format!("How can you {}?", purpose.get(verb.start..)?)
        });
    }
    if !advice {
        return None;
    }
    if let Some(who) = topic.inline.strip_prefix("for ") {
        return Some(format!("What should {who} do?"));
    }
    let first = topic.analysis.content().next()?;
    (first.pos == Pos::Adp && LEXICON.is(&first.norm, Role::PlacingConjunction)).then(|| {
        let case = super::case::in_readers_words(&topic.analysis, &topic.inline)
            .unwrap_or_else(|| topic.inline.clone());
        super::case::elided_case(&topic.inline)
            .unwrap_or_else(|| format!("What should you do {case}?"))
    })
}

/// Headings given to two sections or more under different parents
/// ("Deprecated" under "Cloud" and under "Core").
pub(super) fn repeated_headings(sections: &[Section]) -> BTreeSet<String> {
    let mut parents: BTreeMap<&str, BTreeSet<Option<&str>>> = BTreeMap::new();
    for s in sections {
        if let Some(h) = &s.heading {
            parents.entry(h).or_default().insert(s.context.as_deref());
        }
    }
    parents
        .into_iter()
        .filter(|(_, p)| p.len() >= 2 && p.iter().all(Option::is_some))
        .map(|(h, _)| h.to_string())
        .collect()
}

impl Maker {
    /// "But why?", "So how?": a heading of a question word alone asks it of
    /// the heading above, or else of the title: "Extensible databases:
    /// why?".
    fn bare_question(&self, part: &Part) -> Option<String> {
        let words: Vec<&str> = part
            .topic
            .analysis
            .content()
            .map(|w| w.norm.as_str())
            .filter(|w| !matches!(*w, "but" | "so" | "and"))
            .collect();
        let &[wh] = words.as_slice() else {
            return None;
        };
        if part.topic.ask != Ask::Question || !matches!(wh, "why" | "how" | "what" | "when") {
            return None;
        }
        let above = match &part.section.context {
            Some(c) => self.casing.sentence_case(c),
            None => format!("\u{201c}{}\u{201d}", self.title),
        };
        Some(format!("{above}: {wh}?"))
    }
}

/// Does the parent heading place a one-word heading ("Bash" under "Shell
/// completions", "Masters" under "Technology")? Not when it names only a
/// part of the text ("Considerations", "Tips") or a person ("Kate
/// Matsudaira"), says nothing the title does not ("Garden tips" in a
/// lesson on a garden), or runs long.
fn placed_by(heading: &str, parent: &str, title: &str) -> bool {
    let a = analyse(parent);
    let words: Vec<&Word> = a.content().collect();
    let part_of_text = |w: &&Word| {
        w.pos.is_function()
            || [
                Role::ContentNoun,
                Role::AnnouncedNoun,
                Role::AspectHeading,
                Role::Generic,
            ]
            .iter()
            .any(|&r| LEXICON.is(&w.norm, r) || LEXICON.is(w.norm.trim_end_matches('s'), r))
    };
    let person = words.len() >= 2 && words.iter().all(|w| w.pos == Pos::Propn);
    let titled: BTreeSet<String> = analyse(title).content().map(|w| stem(&w.norm)).collect();
    let from_title = |w: &&Word| titled.contains(&stem(&w.norm));
    word_count(heading) == 1
        && (1..=5).contains(&words.len())
        && !parent.contains(['(', '?'])
        && !words.iter().all(|w| part_of_text(w) || from_title(w))
        && !person
}

/// Does the question have most of the parent heading's words already
/// ("Why use a lame?" under "Using a lame")?
fn names_parent(front: &str, parent: &str) -> bool {
    let asked: BTreeSet<String> = analyse(front).content().map(|w| stem(&w.norm)).collect();
    // ("Using" is asked as "use".)
    let of_parent: Vec<String> = analyse(parent)
        .content()
        .filter(|w| !w.pos.is_function())
        .map(|w| stem(&gerund_base(&w.norm).unwrap_or_else(|| w.norm.clone())))
        .collect();
    let shared = of_parent.iter().filter(|s| asked.contains(*s)).count();
    shared * 2 > of_parent.len()
}
