//! The point card's back: the sentences most likely to carry the section's
//! point, at most two, cut at a clause when too long.

use std::collections::BTreeSet;

use crate::lesson::language::Pos;
use crate::lesson::read::{PieceKind, Section};
use crate::lesson::text::{capitalise, norm, stem, word_count};

use super::ask::Ask;
use super::compose::compose_back;
use super::leaning::introduced_before;
use super::listed::list_answer;
use super::phrase::capitalised_word;
use super::question::{defines, places_advice};
use super::reply::{pronoun_answer, reply_first, verdict};
use super::sentence::Sent;
use super::sentence::{in_heading, kin};
use super::steps::{advice_list, whole_list, with_its_list};
use super::{BACK_CHARS, Part, Topic};

/// What pointing at what a card does not show costs a sentence.
const POINTER_WEIGHT: f64 = 0.9;

/// How likely sentence `i` is to carry the section's point.
///
/// + up to 1.2 for sharing the heading's words, 0.4 / 0.2 for being first /
///   second, 0.5 for advice in the imperative, 0.6 for a phrase in bold
///   (1.2 for a first sentence all in bold),
///   0.4 for a reason (0.8 when the question asks why), 0.4 for a word
///   marking importance;
/// - for being very short or long, leaning on the sentence before, adding
///   to a point made elsewhere ("…can also…"), or not being a statement of
///   substance.
pub(super) fn sentence_score(i: usize, s: &Sent, heading: &BTreeSet<String>, why: bool) -> f64 {
    if !s.substantive() {
        return -5.0;
    }
    let stems = s.stems();
    let overlap = heading_share(heading, &stems);
    let mut score = 1.2 * overlap;
    score += match i {
        0 => 0.4,
        1 => 0.2,
        _ => 0.0,
    };
    if s.imperative {
        score += 0.5;
    }
    score += bold_weight(i, s);
    if s.reason {
        score += if why { 0.8 } else { 0.4 };
    }
    // "It's really important to…": the writer's own word for the point.
    score += if s.emphatic { 0.4 } else { 0.0 };
    let words = s.words();
    if words < 7 {
        score -= 0.6;
    } else if words > 35 {
        score -= 0.8;
    }
    if s.text.chars().count() > BACK_CHARS {
        score -= 1.5;
    }
    if s.leans.is_some() {
        score -= 0.4;
    }
    // "Therefore the code should be audited": the writer's conclusion
    // leans on its premise, and weighs as the point all the same.
    if s.concludes {
        score += 0.4;
    }
    score -= voice_cost(s);
    // "We're excited to have you!": a cheer, not a point. "In the future it
    // might…": a guess about what is not so.
    if s.cheer() || s.hook {
        score -= 0.8;
    }

    // A sentence leaning on the text before, or one remarking only how
    // common the thing is ("Bar plots are very common in papers": the
    // background), is rarely the point.
    score -=
        f64::from(u8::from(s.refers_back())) * 0.5 + f64::from(u8::from(s.is_background())) * 0.6;
    // "Lack of control can also show…": a point added to one made
    // elsewhere, not the section's own.
    if s.a.content().skip(1).any(|w| w.norm == "also") {
        score -= 0.4;
    }
    // "The Yellow team starts with 50": a case walked through by name, not
    // the idea.
    if names_a_case(s, heading) {
        score -= 0.8;
    }
    // A list item is a detail of the section; its paragraphs carry the point.
    if s.kind == PieceKind::Item {
        score -= 0.3;
    }
    let new_words = stems.difference(heading).count();
    if new_words < 3 {
        score -= 0.8;
    }
    score
}

/// A story or a walk-through of one example, or a sentence pointing at
/// what the card does not show, rarely states the point; an event of the
/// writer's past weighs least of their story.
fn voice_cost(s: &Sent) -> f64 {
    let mut cost = if s.narrated {
        0.7 + if super::background::recounts(s) {
            0.5
        } else {
            0.0
        }
    } else if s.personal {
        0.2
    } else {
        0.0
    };
    if s.pointer {
        cost += POINTER_WEIGHT;
    }
    cost
}

/// The share of the heading's words the sentence has, itself or of its
/// family ("compatible" for "compatibility"), from 0 to 1.
pub(super) fn heading_share(heading: &BTreeSet<String>, stems: &BTreeSet<String>) -> f64 {
    if heading.is_empty() {
        return 0.0;
    }
    let shared = heading
        .iter()
        .filter(|h| stems.contains(*h) || stems.iter().any(|w| kin(h, w)))
        .count();
    shared as f64 / heading.len() as f64
}

/// The writer set part of the sentence in bold, their own mark of the
/// point: 0.6; all of it (four fifths or more) as the section's first
/// sentence, their statement of the point, its thesis: 1.2.
fn bold_weight(i: usize, s: &Sent) -> f64 {
    if s.stressed.is_empty() {
        return 0.0;
    }
    let bold: usize = s.stressed.iter().map(|&(a, b)| b - a).sum();
    if i == 0 && bold * 5 >= s.text.len() * 4 {
        1.2
    } else {
        0.6
    }
}

/// Does the sentence name one case of the example being walked through
/// ("the Blue team"): "the", a capitalised word that is no part of the
/// heading, and a common noun in lower case?
fn names_a_case(s: &Sent, heading: &BTreeSet<String>) -> bool {
    let words: Vec<&crate::lesson::language::Word> = s.a.content().collect();
    words.windows(3).any(|w| {
        let name = &s.text[w[1].start..w[1].end];
        w[0].norm == "the"
            && capitalised_word(name)
            && name.chars().count() > 2
            && !in_heading(heading, &stem(&w[1].norm))
            && w[2].pos == Pos::Noun
            && s.text[w[2].start..w[2].end].chars().all(char::is_lowercase)
    })
}

/// Sentence indexes, best score first (the earlier sentence on a tie).
pub(super) fn rank(order: &mut [usize], scores: &[f64]) {
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
}

/// The section's sentences of substance other than `chosen`, best score
/// first.
pub(super) fn ranked_others(part: &super::Part, chosen: &[usize]) -> Vec<usize> {
    let mut others: Vec<usize> = part
        .substantive
        .iter()
        .copied()
        .filter(|i| !chosen.contains(i))
        .collect();
    rank(&mut others, &part.scores);
    others
}

/// The sentences that answer the point card (in document order), and why.
pub(super) fn choose_back(
    ss: &[Sent],
    substantive: &[usize],
    scores: &[f64],
    why: bool,
    lifted: (usize, f64),
    advice_heading: bool,
) -> (Vec<usize>, String) {
    // The writer's own story, or a sentence pointing at what the card does
    // not show ("the example above"), is the answer only when the section
    // has nothing else: a statement that holds on its own comes first.
    // (An introduction's synopsis, lifted, points at the text it sums up;
    // one not lifted, naming no parts, is an aside.)
    // Nor is a remark on how common the thing is ("Pie charts are common
    // in reports"), the background the point starts from.
    // (Nor the details of an example the paragraph sets up.)
    let aside = |i: usize| {
        ss[i].narrated
            || ss[i].is_background()
            || super::background::in_an_example(ss, i)
            || (ss[i].pointer && !ss[i].labelled && !(ss[i].synopsis && i == lifted.0))
            || (ss[i].synopsis && i != lifted.0)
    };
    let general = |i: &usize| !aside(*i) && scores[*i] > -2.0;
    let mut order: Vec<usize> = if substantive.iter().any(general) {
        substantive.iter().copied().filter(|&i| !aside(i)).collect()
    } else {
        substantive.to_vec()
    };
    rank(&mut order, scores);
    let len = |i: usize| ss[i].text.chars().count();
    let (mut chosen, note) = best_standing(ss, &order, advice_heading);
    let mut notes = vec![note];
    let total = |c: &[usize]| c.iter().map(|&i| len(i)).sum::<usize>();
    // (A synopsis, "This guide explains how…", sums the text up alone.)
    let summed_up = chosen.len() == 1 && ss[chosen[0]].synopsis && chosen[0] == lifted.0;
    if chosen.len() == 1 && !summed_up {
        let best = chosen[0];
        let fits = |i: usize| total(&chosen) + len(i) <= BACK_CHARS;
        let stands = |i: usize| stands_beside(ss, best, i);
        if why && !ss[best].reason {
            let reasons = || order.iter().copied().filter(|&i| i != best && ss[i].reason);
            if let Some(r) = reasons().find(|&i| stands(i) && fits(i)) {
                chosen.push(r);
                notes.push("and the section's reason, as the question asks why");
            } else if let Some(r) = reasons().find(|&i| {
                ss[i].leans.is_none()
                    && !ss[i].points_back()
                    && len(i) <= BACK_CHARS
                    && scores[i] > 0.0
            }) {
                // Too long beside the best sentence, the reason alone
                // answers the why the question asks.
                chosen = vec![r];
                notes.clear();
                notes.push("the section's reason alone, as the question asks why");
            }
        } else if let Some(&second) = order.get(1).filter(|&&i| {
            let best_score = scores[best] - if best == lifted.0 { lifted.1 } else { 0.0 };
            i != best && scores[i] > 0.3 && scores[i] >= 0.7 * best_score && stands(i) && fits(i)
        }) {
            chosen.push(second);
            notes.push("and the runner-up, nearly as good");
        } else if let Some(next) = goes_on_with(ss, scores, substantive, best).filter(|&i| {
            total(&chosen) + len(i) <= BACK_CHARS + 50 && !aside(i) && !ss[i].illustrates()
        }) {
            chosen.push(next);
            notes.push("and the sentence after it, which goes on with the point");
        }
    }
    chosen.sort_unstable();
    chosen.dedup();
    // ("There's also a Tornado worker class. It can…": what "it" names.)
    if introduced_before(ss, chosen[0]) && total(&chosen) + len(chosen[0] - 1) <= BACK_CHARS + 50 {
        chosen.insert(0, chosen[0] - 1);
        notes.push("after the sentence that brings in what its \"it\" names");
    }
    (chosen, notes.join(", "))
}

/// The best sentence of `order` that can stand alone, or that comes with
/// the one it leans on, and why it was taken.
fn best_standing(ss: &[Sent], order: &[usize], advice_heading: bool) -> (Vec<usize>, &'static str) {
    let len = |i: usize| ss[i].text.chars().count();
    for &i in order {
        if ss[i].leans.is_none() || (advice_heading && i == 0 && on_the_advice(&ss[i])) {
            return (
                vec![i],
                "the best-scoring sentence (heading words, position, advice, reason)",
            );
        }
        // "Bar charts are common. However, they hide…", "Many people
        // believe… In fact, …": what it turns from is only background (see
        // `background.rs`), and it stands without its connective.
        if i > 0 && ss[i - 1].is_background() {
            return (
                vec![i],
                "the best-scoring sentence, its connective dropped, as the one before is only background (how common the thing is, an aim, or a view the text weighs)",
            );
        }
        // "What is the piece's real tempo? Write this down.": the question
        // the text puts, then what to do with its answer.
        let asked_before = |j: usize| {
            ss[j].text.ends_with('?')
                && ss[j].piece == ss[i].piece
                && !ss[j].quoted
                && ss[j].words() >= 4
        };
        if i > 0
            && (ss[i - 1].substantive() || asked_before(i - 1))
            && ss[i - 1].leans.is_none()
            && len(i) + len(i - 1) <= BACK_CHARS + 50
        {
            return (
                vec![i - 1, i],
                "the best-scoring sentence, with the one before that it leans on",
            );
        }
    }
    (
        vec![order[0]],
        "every sentence leans on another: the best, its connective dropped",
    )
}

/// The sentence after the best one, in the same paragraph, when it is of
/// substance and scores above nothing: a point made in one sentence is
/// often finished in the next ("…does not do LTS releases. We support the
/// current release and the one before.").
///
/// When the best sentence ends its paragraph, the one before it sets it up
/// instead ("The colony grows to match the waste it receives. Adding a
/// whole community at once overwhelms it…").
fn goes_on_with(ss: &[Sent], scores: &[f64], substantive: &[usize], best: usize) -> Option<usize> {
    let joins =
        |i: usize| substantive.contains(&i) && ss[i].piece == ss[best].piece && scores[i] > GOES_ON;
    let next = best + 1;
    if next < ss.len() && ss[next].piece == ss[best].piece {
        return joins(next).then_some(next);
    }
    best.checked_sub(1)
        .filter(|&before| joins(before) && ss[before].leans.is_none())
}

/// "Add text to your slides" over "This helps readers who…": a section's
/// first sentence opening with "This" and its verb speaks of the advice in
/// the heading, which the question names, so it stands: "It helps…".
fn on_the_advice(s: &Sent) -> bool {
    let mut words = s.a.content();
    s.text.starts_with("This ")
        && words.next().is_some_and(|w| w.norm == "this")
        && words
            .next()
            .is_some_and(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
}

/// The least score of a sentence that finishes the point before it.
const GOES_ON: f64 = -0.5;

/// Can sentence `i` join `best` on the back? The next sentence may lean
/// on the best, but not as an example of it ("For example, a subject line
/// that says…" is no point); a sentence further off may not lean or point
/// back at all ("…compares that number…" needs the sentence before it).
fn stands_beside(ss: &[Sent], best: usize, i: usize) -> bool {
    (ss[i].leans.is_none() && (i == best + 1 || !ss[i].points_back()))
        || (i == best + 1 && !ss[i].illustrates())
}

/// Each sentence's score as the point's answer (see [`sentence_score`]).
///
/// A tip whose heading is its lead sentence keeps the sentence the heading
/// opens: what follows the heading in it is the point ("…, no longer than
/// a page").
pub(super) fn scores(ss: &[Sent], topic: &Topic, section: &Section) -> Vec<f64> {
    let sentence_heading = section.sentence_heading;
    let heading = norm(&topic.inline);
    // Words a sentence says after repeating the heading, if it does.
    let beyond = |s: &Sent| {
        let n = norm(&s.text);
        n.strip_prefix(&heading).map(word_count)
    };
    let others = ss
        .iter()
        .filter(|s| s.substantive() && beyond(s).is_none())
        .count();
    let first_substantive = ss.iter().position(Sent::substantive).unwrap_or(0);
    let (lifted, lift) = lift(ss, topic);
    let cased = places_advice(&topic.analysis);
    let asks_if_there_is =
        topic.ask == Ask::Question && topic.analysis.content().any(|w| w.norm == "there");
    // ("How should I handle deprecation?": a method answers how.)
    let asks_how = super::answers::question_asks_how(ss, topic);
    // ("Step 1 - Enable the feature": a step of a procedure is asked how
    // it is done, so its command answers.)
    let how = super::answers::asks_how(topic) || (section.step && topic.ask == Ask::Do);
    ss.iter()
        .enumerate()
        .map(|(i, s)| {
            let mut score = sentence_score(i, s, &topic.stems, topic.why);
            // ("This guide sets out…": in the introduction, the text
            // speaking of itself by its parts says what it is about, and
            // points at nothing a card should show.)
            if s.synopsis && topic.titled && super::worth::names_parts(s) {
                score += POINTER_WEIGHT;
            }
            // Under a heading naming a thing, the sentence saying what it
            // is answers first.
            if topic.ask == Ask::Noun && defines(s, &topic.stems) {
                score += 0.8;
            }
            // Under a question, the answer comes first: a FAQ, a Q&A. (Less
            // so when it names nothing the question asks about: then it
            // may set the answer up.)
            if topic.ask == Ask::Question {
                score += super::answers::answer_lift(s, topic, asks_how, i == first_substantive);
            }
            // "There are three types of tests that can help.": it announces
            // what the section goes on to say (a question may be answered
            // so: "Is there a client for Go?").
            if !asks_if_there_is && super::exists::announces(s) {
                score -= 3.0;
            }
            score +=
                super::answers::answers_what_is_asked(s, topic, how, cased, i == first_substantive);
            // An introduction states its thesis first, unless it opens with
            // a greeting or the writer's story (see docs/lessons.md).
            if i == lifted {
                score += lift;
            }
            // A sentence that only repeats the heading answers nothing: when
            // the section says anything else, that is the answer.
            match beyond(s) {
                // (Not even a sentence heading's: "Encourage questions."
                // over "Encourage questions." says it twice.)
                Some(0) if others > 0 => score -= 5.0,
                Some(n) if n >= 5 || sentence_heading => {}
                Some(_) if others > 0 => score -= 5.0,
                Some(_) => score -= 1.2,
                None => {}
            }
            score
        })
        .collect()
}

/// What [`scores`] adds to an introduction's first statement.
const LEDE_LIFT: f64 = 1.0;

/// What [`scores`] adds to a glossary entry's definition: the noun phrase
/// right after the term ("**Journal**: A record of all the transactions…")
/// is what "What is a journal?" asks for, however few heading words it
/// repeats; the history or the properties that follow come after it.
const GLOSS_LIFT: f64 = 2.0;

/// The sentence lifted for where it stands, and by how much: a glossary
/// entry's definition, or an introduction's first statement (the lift
/// decides what comes first, not whether a runner-up joins it).
fn lift(ss: &[Sent], topic: &Topic) -> (usize, f64) {
    if matches!(topic.ask, Ask::Gloss(_)) {
        let first = ss.iter().position(Sent::substantive).unwrap_or(usize::MAX);
        return (first, GLOSS_LIFT);
    }
    let lede = lede(ss, topic);
    let synopsis = ss.get(lede).is_some_and(|s| s.synopsis);
    (lede, if synopsis { SYNOPSIS_LIFT } else { LEDE_LIFT })
}

/// What an introduction's synopsis ("This guide explains how…") is lifted
/// by: the writer's own summary of the text outweighs any one statement.
const SYNOPSIS_LIFT: f64 = 2.0;

/// An introduction's synopsis ("This guide sets out…"), or its first
/// statement, where an article states what it is about: unless it is a greeting or the writer's story, or names nothing
/// of the title (an excerpt going on from an earlier page). `usize::MAX`
/// when there is none.
fn lede(ss: &[Sent], topic: &Topic) -> usize {
    if !topic.titled {
        return usize::MAX;
    }
    // ("This guide sets out four principles…": where the text says what it
    // covers by its parts, that answers what it is about; "This document
    // describes the problem pipelining solves" names none, and a
    // statement of the subject answers better.)
    if let Some(i) = ss
        .iter()
        .position(|s| s.synopsis && s.substantive() && !s.narrated && super::worth::names_parts(s))
    {
        return i;
    }
    ss.iter()
        .position(|s| s.substantive() && !s.synopsis)
        .filter(|&i| {
            !ss[i].narrated
                && !ss[i].cheer()
                && !ss[i].hook
                && !ss[i].stems().is_disjoint(&topic.stems)
        })
        .unwrap_or(usize::MAX)
}

/// A back the section gives whole, before any sentence is scored: the
/// heading's own reason, a list that answers, or a verdict in a few words.
fn given_whole(part: &Part) -> Option<(Vec<usize>, String, String)> {
    let (ss, topic) = (part.ss, &part.topic);
    // "Keep a list … so that you can share attention": the reason the
    // heading gives answers why.
    if let Some(reason) = &topic.reason {
        return Some((
            Vec::new(),
            reason.clone(),
            "the reason the heading's advice ends with".into(),
        ));
    }
    if let Some(answer) = list_answer(part) {
        return Some(answer);
    }
    // "How to give good feedback" over a list of tips: the tips answer.
    if topic.ask == Ask::HowTo
        && let Some((chosen, back)) = advice_list(ss)
    {
        return Some((
            chosen,
            back,
            "the list of advice the section gives, as the question asks how".into(),
        ));
    }
    let chosen = verdict(part)?;
    let back = compose_back(ss, &chosen);
    Some((
        chosen,
        back,
        "the few words that judge the question, then the sentence saying why".into(),
    ))
}

/// The point card's back, the sentences on it and why them.
pub(super) fn point_back(part: &Part) -> (Vec<usize>, String, String) {
    let (ss, topic) = (part.ss, &part.topic);
    if let Some(whole) = given_whole(part) {
        return whole;
    }
    let lifted = lift(ss, topic);
    let advice_heading = topic.ask == Ask::Do && !topic.made_up;
    let (mut chosen, mut back_why) = match pronoun_answer(part) {
        Some(first) => (
            first,
            "the first sentence, whose pronoun stands for what the question asks about".into(),
        ),
        None => choose_back(
            ss,
            &part.substantive,
            &part.scores,
            topic.why,
            lifted,
            advice_heading,
        ),
    };
    // "The main usage scenarios:" and four items: the best sentence is one
    // of them, and the answer is all of them.
    if chosen.iter().all(|&i| ss[i].kind == PieceKind::Item)
        && let Some((items, back)) = whole_list(ss, chosen[0])
        && items.contains(&chosen[0])
    {
        return (
            items,
            back,
            "the short list its best sentence is an item of, after the list's lead-in".into(),
        );
    }
    if let Some(after) = super::purpose::past_restatement(part, &chosen) {
        chosen = after;
        back_why = "the sentences after the one saying the advice again".into();
    }
    if let Some((with_list, back, why)) = with_its_list(part, &chosen) {
        return (with_list, back, why.into());
    }
    let reply = reply_first(part, &mut chosen);
    if reply.is_some() {
        back_why = format!("the yes or no the question asks for, then {back_why}");
    }
    let reply_word = reply.flatten();
    let mut back = compose_back(ss, &chosen);
    if advice_heading && chosen.first() == Some(&0) && on_the_advice(&ss[0]) {
        back = format!("It{}", &back[4..]);
    }
    if let Some(word) = reply_word {
        back = format!("{word}. {back}");
    }
    // "Don't X, Y": the heading's Y is what to do; the best sentence says
    // why or how.
    if topic.ask == Ask::DoNot
        && let Some((_, y)) = topic.inline.split_once(", ")
        && word_count(y) >= 2
    {
        let y = y.trim_end_matches(['.', '!']);
        let lead = format!("{}.", capitalise(y));
        let first = compose_back(ss, &chosen[..1]);
        back = if lead.chars().count() + first.chars().count() < BACK_CHARS + 50 {
            format!("{lead} {first}")
        } else {
            lead
        };
        chosen.truncate(1);
        back_why = format!("what the heading says to do instead, then {back_why}");
    }
    (chosen, back, back_why)
}

#[cfg(test)]
#[path = "back_tests.rs"]
mod tests;
