//! Clozes: a sentence with the noun phrase that carries its idea hidden,
//! never a fixed phrase, a heading word, a list item or a word the sentence
//! gives away; and a name for a section without a heading, from the same
//! phrases.

use std::collections::{BTreeMap, BTreeSet};

use crate::lesson::language::{LEXICON, MAX_TAGGED_WORDS, Pos, Role, Word, analyse};
use crate::lesson::text::{capitalise, norm, stem};

use super::phrase::{
    completes_a_verb, in_a_list, main_clause_start, repeated_elsewhere, stands_alone, testable,
    whole, without_missed_verb,
};
use super::push::Face;
use super::question::defines;
use super::sentence::{Sent, content_stems, in_heading};
use super::tip_cloze::advice_span;
use super::weights::Weights;
use super::{CLOZE_CHARS, MAX_SECTION_CARDS, Maker, Part};

/// What [`made_up_heading`] calls a section it finds no name for: no
/// question can be asked of it, only its clozes.
pub(super) const NO_NAME: &str = "this point";

/// A name for a section without a heading: the subject of its first
/// sentence when that is a phrase of a few words ("An app's config is…"),
/// else its best noun phrase.
pub(super) fn made_up_heading(ss: &[Sent], weights: &Weights) -> String {
    // A path, a file or a list marker ("d)") names no topic in words.
    let wordy = |t: &str| !t.contains(['/', '_', ')', '(', '#', '.']);
    if let Some(subject) = ss
        .iter()
        .find(|s| s.substantive())
        .and_then(subject_of)
        .filter(|t| wordy(t))
    {
        return subject;
    }
    let mut best: Option<(f64, String)> = None;
    for (k, s) in ss.iter().filter(|s| s.substantive()).take(3).enumerate() {
        for p in noun_phrases(s, &BTreeSet::new()) {
            // A phrase of two words or more, early in the paragraph and
            // before its verb, is most likely what the paragraph is about.
            let score = p.score(weights)
                + if p.stems.len() >= 2 { 1.0 } else { 0.0 }
                + if k == 0 { 0.5 } else { 0.0 }
                + if p.after_verb { 0.0 } else { 0.3 }
                // A lone common word ("app", "model") names nothing.
                - if p.stems.len() < 2 && !named(s, &p) { 2.0 } else { 0.0 };
            if best.as_ref().is_none_or(|(b, _)| score > *b) && wordy(&s.text[p.start..p.end]) {
                best = Some((score, s.text[p.start..p.end].to_string()));
            }
        }
    }
    let label = best.map_or_else(|| NO_NAME.to_string(), |(_, l)| l);
    let label = without_verb_end(label);
    if label.chars().skip(1).any(char::is_uppercase) {
        label
    } else {
        label.to_lowercase()
    }
}

/// "Python 3 are" → "Python 3": a last word the dictionary knows as no
/// noun is the verb the tagger took into the phrase.
fn without_verb_end(label: String) -> String {
    match label.rsplit_once(' ') {
        Some((head, last)) if crate::lesson::language::known_not_noun(&last.to_lowercase()) => {
            head.to_string()
        }
        _ => label,
    }
}

/// The subject of a sentence, without its article: two to five words
/// (one will do before a modal of a rule, lexicon role `rule-modal`)
/// before the first verb, ending on a noun, with no pronoun, clause or
/// preposition opening it.
fn subject_of(s: &Sent) -> Option<String> {
    if s.leans.is_some() || s.pointer || s.personal {
        return None;
    }
    let words: Vec<&Word> = s.a.content().collect();
    let verb = words
        .iter()
        .position(|w| matches!(w.pos, Pos::Verb | Pos::Aux))?;
    let mut a = 0;
    while a < verb && (words[a].pos == Pos::Det || LEXICON.is(&words[a].norm, Role::Generic)) {
        a += 1;
    }
    // "an app's config": an article before a possessive stays.
    if a > 0 && words.get(a + 1).is_some_and(|w| w.norm == "'s") {
        a -= 1;
    }
    let span = &words[a..verb];
    // ("A scope may follow the type": one word is name enough for the
    // subject of a rule.)
    let modal = LEXICON.is(&words[verb].norm, Role::RuleModal);
    let ok = (if modal { 1 } else { 2 }..=5).contains(&span.len())
        && span
            .last()
            .is_some_and(|w| w.pos.is_nominal() || (modal && w.pos == Pos::Adj))
        && span.iter().all(|w| {
            !matches!(
                w.pos,
                Pos::Pron | Pos::Sconj | Pos::Adp | Pos::Adv | Pos::Cconj
            )
        });
    ok.then(|| {
        let text = &s.text[span[0].start..span[span.len() - 1].end];
        if text.chars().skip(1).any(char::is_uppercase) {
            text.to_string()
        } else {
            text.to_lowercase()
        }
    })
}

/// A phrase a cloze could hide, by byte span in its sentence.
#[derive(Debug, Clone)]
pub(super) struct Phrase {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) stems: Vec<String>,
    /// Comes after the sentence's first verb (an object, a complement).
    pub(super) after_verb: bool,
    /// The index in the sentence of its chunk's first word (before any
    /// general adjective was dropped).
    pub(super) first: usize,
}

impl Phrase {
    pub(super) fn score(&self, weights: &Weights) -> f64 {
        let salience: f64 = self.stems.iter().map(|s| weights.weight(s)).sum::<f64>();
        let mean = salience / self.stems.len().max(1) as f64;
        mean + 0.25 * (self.stems.len().min(3) as f64 - 1.0)
            + if self.after_verb { 0.3 } else { 0.0 }
    }
}

/// The noun phrases of a sentence that could carry its idea: whole chunks,
/// without a leading article or pronoun, with a noun in them; never a fixed
/// phrase, a general noun, a word of the heading, a word the sentence repeats
/// or one item of a list.
pub(super) fn noun_phrases(s: &Sent, heading: &BTreeSet<String>) -> Vec<Phrase> {
    let words: Vec<&Word> = s.a.words.iter().collect();
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let fixed = LEXICON.find(&norms, Role::Fixed);
    let first_verb = words
        .iter()
        .position(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
        .unwrap_or(usize::MAX);
    let mut out = Vec::new();
    for (a, b) in s.a.noun_phrases() {
        let b = without_missed_verb(&words, a, b);
        let chunk_start = a;
        // General adjectives ("good", "other", "previous") add nothing to
        // test: the phrase starts after them.
        let mut a = a;
        while b - a > 1 && LEXICON.is(&words[a].norm, Role::Generic) {
            a += 1;
        }
        if b - a > 5
            || !testable(&words[a..b])
            || fixed.iter().any(|&(fa, fb)| fa < b && a < fb)
            || !whole(&s.text, &words, &norms, a, b)
        {
            continue;
        }
        let stems: Vec<String> = words[a..b].iter().map(|w| stem(&w.norm)).collect();
        let head = words[b - 1];
        if stems.iter().any(|st| in_heading(heading, st)) || in_heading(heading, &stem(&head.norm))
        {
            continue;
        }
        if repeated_elsewhere(&words, a, b, &stems) || in_a_list(&words, a, b) {
            continue;
        }
        let start = words[a].start;
        let end = words[b - 1].end;
        if !stands_alone(&s.text, start, end) {
            continue;
        }
        out.push(Phrase {
            start,
            end,
            stems,
            after_verb: a > first_verb,
            first: chunk_start,
        });
    }
    out
}

/// The test of whether a phrase of `s` stands where a sentence puts its
/// idea: in the main clause, completing a verb (see [`completes_a_verb`]),
/// and, in advice, in the reason given for it. What to do is the point
/// card's; a cloze of an advice's object is rarely the idea. Where the
/// main clause and the reason start is found once per sentence.
fn in_focus(s: &Sent) -> impl Fn(&Phrase) -> bool + '_ {
    let words: Vec<&Word> = s.a.words.iter().collect();
    let reason_from = if s.imperative {
        let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
        LEXICON
            .find(&norms, Role::Reason)
            .first()
            .map_or(usize::MAX, |&(r, _)| r)
    } else {
        0
    };
    let from = main_clause_start(&words).max(reason_from);
    move |p: &Phrase| p.first >= from && completes_a_verb(&words, p.first)
}

pub(super) struct Cloze {
    pub(super) text: String,
    pub(super) sentence: usize,
    pub(super) why: String,
}

/// Clozes for a section, best first: each sentence at most once, each hidden
/// phrase once in the lesson, none when no phrase is strong enough.
#[allow(clippy::too_many_arguments)]
pub(super) fn clozes(
    ss: &[Sent],
    substantive: &[usize],
    scores: &[f64],
    on_back: &[usize],
    heading: &BTreeSet<String>,
    weights: &Weights,
    taken: &mut BTreeSet<String>,
    budget: usize,
) -> Vec<Cloze> {
    let mut candidates: Vec<(f64, usize, Phrase)> = Vec::new();
    let section_stems = stem_counts(ss, substantive);
    for &i in substantive {
        let s = &ss[i];
        if !clozable(s) {
            continue;
        }
        let focus = in_focus(s);
        let best = noun_phrases(s, heading)
            .into_iter()
            .filter(|p| focus(p) && !program_name(s, p))
            .map(|p| {
                // The writer set it in bold: the phrase they mean to stress.
                let bold = s.stressed.iter().any(|&(a, b)| a <= p.start && p.end <= b);
                (p.score(weights) + if bold { 0.6 } else { 0.0 }, p)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.start.cmp(&a.1.start)));
        if let Some((score, p)) = best {
            // A single noun is worth testing only when the section keeps
            // coming back to it: rarity alone is not salience.
            if p.stems.len() == 1
                && (!named(s, &p)
                    || section_stems.get(&p.stems[0]).copied().unwrap_or(0) < 2
                    || weights.weight(&p.stems[0]) < 1.5)
            {
                continue;
            }
            // A sentence already on the point card's back comes last.
            let mut total = score + 0.3 * scores[i];
            if on_back.contains(&i) {
                total -= 0.8;
            }
            candidates.push((total, i, p));
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    pick(ss, candidates, on_back, taken, budget)
}

/// In how many of the section's sentences of substance each stem occurs.
fn stem_counts(ss: &[Sent], substantive: &[usize]) -> BTreeMap<String, usize> {
    let mut m = BTreeMap::new();
    for &k in substantive {
        for st in ss[k].stems() {
            *m.entry(st).or_default() += 1;
        }
    }
    m
}

/// A sentence a cloze can be made from: standing alone, neither too short
/// nor too long, with no cloze or deck syntax in it.
fn clozable(s: &Sent) -> bool {
    clozable_from(s, CLOZE_WORDS)
}

/// Fewest words of a sentence to cloze.
const CLOZE_WORDS: usize = 7;

/// Fewest words of a tip to cloze: its list's heading shows beside it.
const TIP_CLOZE_WORDS: usize = 5;

fn clozable_from(s: &Sent, min_words: usize) -> bool {
    s.leans.is_none()
        && !s.personal
        && !s.pointer
        && !s
            .text
            .contains(['"', '\u{201c}', '\u{201d}', '?', '[', '{'])
        && !s.refers_back()
        && s.words() <= 40
        && s.words() >= min_words
        && s.text.chars().count() <= CLOZE_CHARS
        && !s.text.contains("{{")
        && !s.text.contains("}}")
        && !s.text.contains("::")
        && !s.a.untagged
        && s.a.words.len() <= MAX_TAGGED_WORDS * 2
}

/// A name from program text ("displayName", "size_of", "init()"): an
/// identifier of the example, not an idea of the lesson.
fn program_name(s: &Sent, p: &Phrase) -> bool {
    let w = &s.text[p.start..p.end];
    let lower_camel = w.starts_with(char::is_lowercase) && w.chars().any(char::is_uppercase);
    lower_camel || w.contains('_') || s.text[p.end..].starts_with('(') || splits_a_name(s, p)
}

/// Does the phrase leave part of a name or compound outside ("Go
/// {programming language}", "{hardware security} key")? A capitalised
/// word right before it, or a noun right after it, belongs with it.
fn splits_a_name(s: &Sent, p: &Phrase) -> bool {
    let before = s.text[..p.start].trim_end();
    let prev = before.rsplit([' ', '(']).next().unwrap_or("");
    let capital_before = !before.is_empty()
        && prev.starts_with(char::is_uppercase)
        && !before.ends_with(['.', ',', ':', ';'])
        && before.contains(' ');
    let after = s.a.words.iter().find(|w| w.start >= p.end);
    let noun_after = after.is_some_and(|w| w.pos.is_nominal() && w.start == p.end + 1);
    capital_before || noun_after
}

/// A single word must also be a name or a compound ("Option", "fail-over"):
/// a lone common noun is usually the weak cloze.
fn named(s: &Sent, p: &Phrase) -> bool {
    let w = &s.text[p.start..p.end];
    w.contains('-')
        || w.chars().skip(1).any(char::is_uppercase)
        || (w.chars().next().is_some_and(char::is_uppercase) && p.start > 0)
}

/// The best candidates, up to `budget`, each hiding a phrase not hidden
/// before in the lesson.
fn pick(
    ss: &[Sent],
    candidates: Vec<(f64, usize, Phrase)>,
    on_back: &[usize],
    taken: &mut BTreeSet<String>,
    budget: usize,
) -> Vec<Cloze> {
    let mut out = Vec::new();
    for (score, i, p) in candidates {
        if out.len() == budget {
            break;
        }
        let s = &ss[i];
        let phrase = &s.text[p.start..p.end];
        if !taken.insert(norm(phrase)) {
            continue;
        }
        out.push(Cloze {
            text: hide(&s.text, p.start, p.end),
            sentence: i,
            why: format!(
                "hides the noun phrase \u{201c}{phrase}\u{201d}: what the sentence says its named subject is, counts as or brings about (the complement of its verb{}), the most salient such phrase (rare elsewhere in the lesson), not a heading word, a fixed phrase, a list item, a name from program text or a word repeated in the sentence; score {score:.2}{}",
                if p.after_verb { ", after the first verb" } else { "" },
                if on_back.contains(&i) { "; the sentence is also on the point card's back" } else { "" }
            ),
        });
    }
    out
}

/// The sentence with bytes `a..b` hidden as the cloze's one deletion.
pub(super) fn hide(text: &str, a: usize, b: usize) -> String {
    capitalise(&format!(
        "{}{{{{c1::{}}}}}{}",
        &text[..a],
        &text[a..b],
        &text[b..]
    ))
}

/// The cloze of a tip without a label: its sentence of advice with what to
/// do hidden (see [`advice_span`]).
fn tip_cloze(ss: &[Sent], substantive: &[usize]) -> Option<Cloze> {
    substantive.first().and_then(|&i| {
        let s = &ss[i];
        let (a, b) = advice_span(s).filter(|&(a, b)| {
            clozable_from(s, TIP_CLOZE_WORDS) && !super::tip_cloze::shown_beside(&s.text, a, b)
        })?;
        Some(Cloze {
            text: hide(&s.text, a, b),
            sentence: i,
            why: format!(
                "a tip without a label: hides what it advises, \u{201c}{}\u{201d}, and leaves the case or reason around it as the cue",
                &s.text[a..b]
            ),
        })
    })
}

impl Maker {
    /// The section's clozes; returns how many were made.
    pub(super) fn cloze_cards(&mut self, part: &Part, on_back: &[usize]) -> usize {
        let topic = &part.topic;
        // About one card for every two sentences of substance.
        // (A tip of a list without a label has no point card: its one
        // cloze is its card.)
        let lone_tip = part.section.tip
            && topic.made_up
            && part
                .substantive
                .first()
                .is_some_and(|&i| advice_span(&part.ss[i]).is_some());
        let budget = ((1 + part.substantive.len() / 2).min(MAX_SECTION_CARDS) - 1)
            .max(usize::from(lone_tip));
        let extra = match &part.section.context {
            Some(c) if !topic.made_up => {
                format!("{} \u{2014} {}", self.casing.sentence_case(c), topic.shown)
            }
            Some(c) if lone_tip => self.casing.sentence_case(c),
            _ if topic.made_up => self.title.clone(),
            _ => topic.shown.clone(),
        };
        // The card shows the heading beside the cloze, and the lesson is
        // about its title: a phrase with a word of either is given away.
        // (A tip without a label shows its list's heading, not the name
        // made up for it.)
        let shown_stems = match &part.section.context {
            Some(c) if lone_tip => content_stems(&analyse(c), c),
            _ => topic.stems.clone(),
        };
        let given: BTreeSet<String> = shown_stems.union(&self.title_stems).cloned().collect();
        // A definition on the point card's back ("A satoshi is the smallest
        // unit…" under "What is a satoshi?") is tested there: a cloze of
        // it would ask the same thing again.
        let pool: Vec<usize> = part
            .substantive
            .iter()
            .copied()
            .filter(|i| !(on_back.contains(i) && defines(&part.ss[*i], &topic.stems)))
            .collect();
        let found = match lone_tip.then(|| tip_cloze(part.ss, &part.substantive)) {
            Some(Some(c)) => vec![c],
            _ => clozes(
                part.ss,
                &pool,
                &part.scores,
                on_back,
                &given,
                &self.weights,
                &mut self.hidden_taken,
                budget,
            ),
        };
        let mut made = 0;
        for (n, cloze) in found.into_iter().enumerate() {
            if !self.fronts.insert(cloze.text.clone()) {
                continue;
            }
            let kind = if n == 0 {
                "cloze".to_string()
            } else {
                format!("cloze{}", n + 1)
            };
            let id = format!("{}/{kind}", part.base);
            self.push_card(
                id,
                Face::Cloze(cloze.text, extra.clone()),
                "cloze",
                (vec![part.ss[cloze.sentence].text.clone()], cloze.why),
            );
            made += 1;
        }
        made
    }
}

#[cfg(test)]
#[path = "cloze_tests.rs"]
mod tests;
