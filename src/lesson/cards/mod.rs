//! Making cards from a read lesson (see docs/lessons.md).
//!
//! Per section: a *point* card (a question made from the heading by its
//! grammar, answered by the section's point in at most two sentences) and
//! clozes (a sentence with its idea's phrase hidden), one card for every two
//! sentences of substance or so; for the lesson, an *overview* card.
//!
//! Every choice is a fixed rule over the text and its word classes (no
//! randomness, no hash-map order): the same lesson gives byte-identical
//! decks, and every card records why it was made ([`Explained`]).
//! [`sentence`] reads each sentence, [`ask`] reads the heading and
//! [`mod@question`] turns it into the point card's question, [`back`] chooses
//! its answer, [`cloze`] the phrases to hide and [`mod@overview`] the lesson's
//! parts; [`make_deck`] puts the cards together in order.

mod acronym;
mod answers;
mod ask;
mod asked;
mod back;
mod back_subject;
mod background;
mod bare_heading;
mod benefit;
mod case;
mod clause_subject;
mod cloze;
mod compared;
mod compose;
mod counted;
mod described;
mod exists;
mod facet;
mod finite;
mod forms;
mod from_back;
mod front;
mod gloss;
mod heading_style;
mod labelled;
mod leaning;
mod listed;
mod maxim;
mod misread;
mod mistake;
mod more;
mod named;
mod noun;
mod object;
mod opening;
mod overview;
mod own_subject;
mod page_subject;
mod pairs;
mod parts;
mod period;
mod phrase;
mod preferred;
mod purpose;
mod push;
mod quality;
mod question;
mod quote;
mod reason;
mod recast;
mod reply;
mod says;
mod sentence;
mod sequence;
mod setting;
mod statement;
mod steps;
mod style;
mod subject;
mod subject_question;
mod table;
mod they;
mod timed;
mod tip_cloze;
mod unheaded;
mod wanted;
mod weights;
mod worth;
mod writer;

use super::language::{Analysis, analyse};
use super::read::{Lesson, PieceKind, Section};
use super::text::{Casing, capitalise, sentences};
use crate::deck::{CardEntry, DeckFile};
use crate::domain::slug;
use ask::{Ask, ask_name, classify};
use back::{point_back, scores};
use bare_heading::{Bare, bare};
use cloze::made_up_heading;
use front::repeated_headings;
use heading_style::{HeadingStyle, heading_style, in_style};
use named::kinds_of_one_thing;
use purpose::with_reason;
use push::Face;
use recast::{answer_the_question, effects_of_advice, name_the_topic, pronoun_for_the_heading};
use sentence::{Sent, content_stems, section_sentences};
use statement::as_asked;
use std::collections::{BTreeMap, BTreeSet};
use steps::{steps, steps_back};
use style::{
    TitleKind, apostrophe_of, cases_apart, defining_intro, is_defining_intro, lesson_sentences,
    take_openers,
};
use subject::{name_the_subject, shared_subject};
use subject_question::sharpened;
use weights::Weights;
use worth::{nameless, substantive_of};

/// Longest id fragment taken from a title or heading.
const SLUG_CHARS: usize = 40;
/// Aim for a point card's back, in characters.
const BACK_CHARS: usize = 250;
/// Longest sentence a cloze is made from, in characters.
const CLOZE_CHARS: usize = 250;
/// Most cards for one section.
const MAX_SECTION_CARDS: usize = 5;
/// The overview lists this many items at most.
const OVERVIEW_MAX: usize = 8;

/// Statements of an introduction that says as much as a part of the
/// lesson: one that gives no card is warned about, as a section is.
const LONG_INTRO: usize = 8;

/// A card and the reasons it was made, for `lesson --explain`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub id: String,
    pub sources: Vec<String>,
    pub why: String,
    /// For a point card, the two best sentences left off its back, each
    /// after its score ("+0.84 Most databases…"), so that the choice can
    /// be judged against what came next.
    pub runners_up: Vec<String>,
}

/// What the generator found in one section, for `lesson --json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SectionReport {
    pub heading: Option<String>,
    pub context: Option<String>,
    pub line: usize,
    pub sentences: usize,
    pub cards: usize,
    /// Left without a card on purpose: an illustration, sources, a
    /// checklist the overview names, a heading over headings only.
    #[serde(skip)]
    pub left_out: bool,
}

pub struct Made {
    pub deck: DeckFile,
    pub sections: Vec<SectionReport>,
    pub explained: Vec<Explained>,
}

/// Makes the lesson's deck: per section a point card and clozes, then the
/// overview card.
pub fn make_deck(lesson: &Lesson) -> Made {
    // Headings and introductions recast before reading (see style.rs).
    let mut lesson = lesson.clone();
    cases_apart(&mut lesson);
    defining_intro(&mut lesson);
    let lesson = &lesson;
    let all_text = lesson_sentences(lesson);
    let mut sents: Vec<Vec<Sent>> = lesson.sections.iter().map(section_sentences).collect();
    let openers = take_openers(lesson, &mut sents);
    let casing = gloss::casing_of(lesson, &all_text);
    let mut maker = Maker {
        title: lesson.title.clone(),
        lesson_slug: slug(&lesson.title, SLUG_CHARS),
        counted: counted::counted_terms(lesson, &all_text, &casing),
        casing,
        apostrophe: apostrophe_of(&all_text),
        weights: Weights::learn(&sents),
        cards: Vec::new(),
        explained: Vec::new(),
        reports: Vec::new(),
        fronts: BTreeSet::new(),
        section_slugs: BTreeSet::new(),
        slug_next: BTreeMap::new(),
        front_next: BTreeMap::new(),
        listed: Vec::new(),
        hidden_taken: BTreeSet::new(),
        title_stems: content_stems(&analyse(&lesson.title), &lesson.title),
        title_kind: TitleKind::of(&lesson.title, &sents),
        advice_style: HeadingStyle::Mixed,
        named_groups: BTreeSet::new(),
        mistakes: false,
        unlisted: false,
        repeated: repeated_headings(&lesson.sections),
        kinds: kinds_of_one_thing(&lesson.sections),
        why_below: facet::why_asked_below(&lesson.sections),
    };
    let group = shared_subject(&lesson.title, &lesson.sections, &sents);
    let mut of_group = vec![false; sents.len()];
    for ((section, ss), about) in lesson
        .sections
        .iter()
        .zip(sents.iter_mut())
        .zip(&mut of_group)
    {
        if let Some(g) = &group
            && section.heading.is_some()
        {
            *about = name_the_subject(ss, g);
        }
        if let Some(h) = &section.heading {
            let inline = maker.casing.inline_words(h).join(" ");
            // (The heading is analysed once for both.)
            let analysis = analyse(&inline);
            name_the_topic(ss, &inline, &analysis);
            pronoun_for_the_heading(ss, &inline, &analysis, section.tip);
            answer_the_question(ss, h);
            effects_of_advice(ss, h);
        }
    }
    (maker.advice_style, maker.named_groups) = heading_style(lesson, &sents, &maker.casing);
    maker.mistakes = mistake::lesson_of_mistakes(lesson, &sents, maker.apostrophe);
    for (((section, ss), opener), about) in lesson
        .sections
        .iter()
        .zip(&sents)
        .zip(openers)
        .zip(of_group)
    {
        let group = group.as_deref().filter(|_| about);
        maker.section(section, ss, opener, group);
    }
    maker.overview_card(lesson);
    maker.parts_cards();
    let mut made = maker.finish(lesson);
    page_subject::name_the_subject(lesson, &mut made.deck.cards);
    made
}

/// The deck being made, and what must stay unique across its sections.
struct Maker {
    title: String,
    lesson_slug: String,
    casing: Casing,
    apostrophe: char,
    weights: Weights,
    cards: Vec<CardEntry>,
    explained: Vec<Explained>,
    reports: Vec<SectionReport>,
    fronts: BTreeSet<String>,
    section_slugs: BTreeSet<String>,
    /// Per slug taken, the number to try next for a section of the same
    /// name, so that many alike stay linear.
    slug_next: BTreeMap<String, usize>,
    /// The same for questions asked again ("… (part 2)?").
    front_next: BTreeMap<String, usize>,
    /// (context, heading as shown) of every section with cards, for the
    /// overview.
    listed: Vec<(Option<String>, String)>,
    /// The phrases clozes already hide, normalized.
    hidden_taken: BTreeSet<String>,
    /// The title's words: a cloze hiding one gives itself away.
    title_stems: BTreeSet<String>,
    /// What kind of page the title names (see [`TitleKind`]).
    title_kind: TitleKind,
    /// The form most of the lesson's headings share (see [`heading_style`]).
    advice_style: HeadingStyle,
    /// Parents whose headings name things (see [`heading_style`]).
    named_groups: BTreeSet<String>,
    /// The lesson lists the reader's mistakes (see [`mistake`]).
    mistakes: bool,
    /// A part with cards has no name for the overview to list it by.
    unlisted: bool,
    /// Headings the lesson gives to sections under different parents.
    repeated: BTreeSet<String>,
    /// Headings the text counts (see [`counted`]).
    counted: BTreeSet<String>,
    /// Headings naming kinds of one thing (see [`kinds_of_one_thing`]).
    kinds: BTreeSet<String>,
    /// Headings a "Why" heading sits under (see [`facet::why_asked_below`]).
    why_below: BTreeSet<String>,
}

/// A section's heading, as card making reads it.
struct Topic {
    /// As written, the section's opening advice, or made up from its best
    /// noun phrase.
    heading: String,
    made_up: bool,
    /// Sentence-cased, as the overview and the clozes' extra show it.
    shown: String,
    /// Cased as inside a sentence, as questions use it.
    inline: String,
    analysis: Analysis,
    stems: BTreeSet<String>,
    ask: Ask,
    /// The question asks why: the heading advises or states, and the section
    /// gives a reason.
    why: bool,
    /// A "Why" heading under this one asks why (see [`facet::why_asked_below`]).
    why_below: bool,
    /// The heading is the lesson's title: the section is its introduction.
    titled: bool,
    /// The group the section says something of (see [`subject`]).
    group: Option<String>,
    /// The reason the heading's advice ends with, cut from the question
    /// (see [`purpose`]).
    reason: Option<String>,
    /// The heading names the reader's mistake (see [`mistake`]): recast as
    /// advice, the fix answers; named, what it costs.
    mistake: mistake::Fault,
}

/// A section with cards to make, and what its cards share.
struct Part<'a> {
    section: &'a Section,
    ss: &'a [Sent],
    /// Indexes of the sentences worth a card.
    substantive: Vec<usize>,
    /// Per sentence, how likely it is to carry the point.
    scores: Vec<f64>,
    topic: Topic,
    /// The id prefix of the section's cards.
    base: String,
}

impl Maker {
    fn section(
        &mut self,
        section: &Section,
        ss: &[Sent],
        opener: Option<String>,
        group: Option<&str>,
    ) {
        let substantive = substantive_of(section, ss);
        let mut report = SectionReport {
            heading: section.heading.clone(),
            context: section.context.clone(),
            line: section.line,
            sentences: substantive.len(),
            cards: 0,
            left_out: false,
        };
        if substantive.is_empty() && self.table_alone(section, &mut report) {
            self.reports.push(report);
            return;
        }
        if let Some(made) = self.question_list(section) {
            report.cards = made;
            self.reports.push(report);
            return;
        }
        if let Some(left_out) = self.asks_nothing(section, ss, &substantive) {
            report.left_out = left_out;
            report.cards = self.label_cloze(section, None);
            self.reports.push(report);
            return;
        }
        let mut topic = self.topic(section, ss, &substantive, opener);
        topic.group = group.map(str::to_string);
        let nameless = nameless(section, ss, &substantive, &topic);
        self.list_part(section, &topic, nameless);
        // (A tip without a label is named in its id by its opening words.)
        let slug_from = match substantive.first() {
            Some(&i) if nameless && section.tip => ss[i].text.as_str(),
            _ => topic.heading.as_str(),
        };
        let section_slug = self.section_slug(slug_from);
        let base = format!("{}/{section_slug}", self.lesson_slug);
        let part = Part {
            section,
            ss,
            scores: scores(ss, &topic, section),
            substantive,
            topic,
            base,
        };
        let chosen = if nameless || self.no_point(&part) {
            // (An introduction is no part the reader listed: none to warn
            // of, unless it is as long as a whole part would be.)
            report.left_out |= part.topic.titled && part.substantive.len() < LONG_INTRO;
            Vec::new()
        } else {
            let chosen = self.point_card(&part);
            report.cards += usize::from(chosen.is_some());
            chosen.unwrap_or_default()
        };
        let before_clozes = self.explained.len();
        report.cards += self.cloze_cards(&part, &chosen);
        report.cards += self.list_clozes(&part, &chosen);
        report.cards += self.sequence_cards(&part, &chosen);
        if !nameless && (!chosen.is_empty() || part.topic.titled) {
            let used = self.used_sentences(&part, &chosen, before_clozes);
            report.cards += self.more_questions(&part, &used, report.cards);
        }
        report.cards += self.last_cards(section, &part.base, report.cards);
        if nameless && report.cards > 0 {
            self.list_by_context(section);
        }
        self.reports.push(report);
    }

    /// The section's heading as its questions use it, and whether it is
    /// made up: "Step 2" or "Let's look at an example" names nothing, and
    /// "Let's build it" is advice (see [`bare`]).
    fn heading_of(&self, section: &Section, ss: &[Sent], opener: Option<String>) -> (String, bool) {
        match (&section.heading, opener) {
            (Some(h), _) => match bare(h) {
                Some(Bare::Nothing) => (made_up_heading(ss, &self.weights), true),
                Some(Bare::Asked(h)) => (h, false),
                None => (h.clone(), false),
            },
            (None, Some(o)) => (o, false),
            (None, None) => (made_up_heading(ss, &self.weights), true),
        }
    }

    fn topic(
        &self,
        section: &Section,
        ss: &[Sent],
        substantive: &[usize],
        opener: Option<String>,
    ) -> Topic {
        let from_opener = section.heading.is_none() && opener.is_some();
        let (heading, made_up) = self.heading_of(section, ss, opener);
        let (shown, inline) = if made_up {
            (capitalise(&heading), heading.clone())
        } else {
            (
                self.casing.sentence_case(&heading),
                self.casing
                    .inline_words(bare_heading::without_rating(&heading))
                    .join(" "),
            )
        };
        let (inline, mistaken) = if made_up {
            (inline, false)
        } else {
            let (parent, apostrophe) = (section.context.as_deref(), self.apostrophe);
            let inline = as_asked(inline, &self.title, parent, apostrophe);
            self.mistake_as_advice(inline, section, ss)
        };
        let shown = match shown.strip_suffix(" by") {
            Some(advice) if inline.starts_with("how to ") => advice.to_string(),
            _ => shown,
        };
        let analysis = analyse(&inline);
        let stems = content_stems(&analysis, &inline);
        let ask = if made_up {
            Ask::Noun
        } else {
            let t = (&analysis, inline.as_str(), heading.as_str());
            self.heading_ask(t, section, ss, substantive, from_opener)
        };
        let (inline, analysis, reason) = with_reason(inline, analysis, &ask, section, ss, made_up);
        // (Not when a "Why" heading under it asks that, nor over a task's steps.)
        let why_below = self.why_below.contains(&heading);
        let gives_reason = substantive.iter().any(|&i| ss[i].reason) && !why_below && !mistaken;
        // (A heading asking "Why…?" itself wants the section's reason too.)
        let why_asked = answers::question_asks_why(&ask, &analysis);
        let why = gives_reason && (why_asked || steps::asks_why(&ask, ss, section.step));
        Topic {
            // (Past the first section with a heading, one the title heads is
            // a part like any other: "Pipelining" amid a lesson so titled.)
            titled: self.speaks_for_the_lesson(section, &heading)
                && self.reports.iter().all(|r| r.heading.is_none()),
            group: None,
            heading,
            made_up,
            shown,
            mistake: self.fault_of(mistaken, section, &inline),
            inline,
            analysis,
            stems,
            ask,
            why: why || reason.is_some(),
            why_below,
            reason,
        }
    }

    /// The point card: the heading's question, answered by the section's
    /// best sentences, which it returns; `None` when a name made up for
    /// the section gives no question and no sentence does either (see
    /// [`Maker::unheaded_point`]).
    fn point_card(&mut self, part: &Part) -> Option<Vec<usize>> {
        let topic = &part.topic;
        let listed_steps = steps(part).and_then(|f| steps_back(part.ss, &f).map(|b| (f, b)));
        let is_steps = listed_steps.is_some();
        let (chosen, back, back_why) = match listed_steps {
            Some((firsts, back)) => (
                firsts,
                back,
                "the section is a list of steps: each step's first sentence or clause".into(),
            ),
            None => self.first_step(part).unwrap_or_else(|| point_back(part)),
        };
        let front = self
            .first_step_front(part, &chosen)
            .unwrap_or_else(|| self.front(part, &chosen, is_steps));
        let (front, back) = timed::asked(part, &chosen, is_steps, (front, back, &self.casing));
        let (front, back, chosen) = sharpened(front, back, chosen, (part.ss, &self.title_kind));
        // (A made-up name still asked nothing of: another sentence, or no card.)
        let (front, back, chosen, back_why) =
            if topic.made_up && front::asks_nothing_of(&front).is_some() {
                let (front, back, chosen) = self.unheaded_point(part, (&front, &chosen))?;
                (front, back, chosen, unheaded::WHY.to_string())
            } else {
                (front, back, chosen, back_why)
            };
        let front = self.in_context(part.section, front);
        let front = self.unique_front(front);
        let id = format!("{}/point", part.base);
        let others = back::ranked_others(part, &chosen);
        let why = format!(
            "question: {} heading{}; back: {back_why}",
            ask_name(&topic.ask, topic.made_up),
            if topic.why {
                " and the section gives a reason"
            } else {
                ""
            }
        );
        let sources = chosen.iter().map(|&i| part.ss[i].text.clone()).collect();
        self.push_card(id, Face::Question(front, back), "point", (sources, why));
        // (Only the point card names the sentences that nearly made its back.)
        if let Some(explained) = self.explained.last_mut() {
            explained.runners_up = others
                .iter()
                .take(2)
                .map(|&i| format!("{:+.2} {}", part.scores[i], part.ss[i].text))
                .collect();
        }
        Some(chosen)
    }

    /// The question a real heading asks (see `ask.rs`), in the style of
    /// the lesson's headings or of its parent's (see `heading_style.rs`).
    fn heading_ask(
        &self,
        t: (&Analysis, &str, &str),
        section: &Section,
        ss: &[Sent],
        substantive: &[usize],
        from_opener: bool,
    ) -> Ask {
        let analysis = t.0;
        let named = section
            .context
            .as_ref()
            .is_some_and(|c| self.named_groups.contains(c));
        let among_names = |ask| {
            if named {
                heading_style::among_names(ask, analysis)
            } else {
                ask
            }
        };
        // (An opening sentence taken for the heading gives advice.)
        if from_opener {
            return among_names(Ask::Do);
        }
        let advises = substantive.iter().any(|&i| ss[i].imperative);
        let style = if named {
            HeadingStyle::Mixed
        } else {
            self.advice_style
        };
        let ask = among_names(in_style(
            style,
            classify(analysis, section, advises),
            analysis,
        ));
        self.as_named(ask, t, section, ss, substantive)
    }

    fn finish(self, lesson: &Lesson) -> Made {
        let intro: Vec<String> = lesson
            .intro
            .iter()
            .filter(|p| p.kind == PieceKind::Para)
            .flat_map(|p| sentences(&p.text))
            .collect();
        Made {
            deck: DeckFile {
                name: self.title,
                description: intro
                    .first()
                    .filter(|s| s.chars().count() <= 200 && !s.ends_with(':'))
                    .cloned()
                    .unwrap_or_default(),
                cards: self.cards,
            },
            sections: self.reports,
            explained: self.explained,
        }
    }
}
