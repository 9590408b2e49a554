//! The form a lesson's headings share, read before its sections: advice,
//! activities or mixed, for the lesson and for each parent's headings
//! (see docs/lessons.md, "Questions").

use std::collections::{BTreeMap, BTreeSet};

use super::ask::{Ask, classify, finite_verb};
use super::forms::{gerund_base, is_base, looks_plural};
use super::question::places_advice;
use super::sentence::Sent;
use super::statement::advice_first;
use crate::lesson::language::{
    Analysis, LEXICON, Pos, analyse, known_verb, only_a_verb, verb_reading,
};
use crate::lesson::read::Lesson;
use crate::lesson::text::Casing;

/// The form most of a lesson's headings share (see [`heading_style`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum HeadingStyle {
    #[default]
    Mixed,
    /// Advice: "Weigh the beans", "Rinse the filter".
    Advice,
    /// Activities: "Listening", "Reading and learning", "Setting goals".
    Activities,
}

/// Do most of the lesson's headings give advice ("Weigh the beans", "Rinse
/// the filter"), or name activities ("Listening", "Setting goals")?
/// Headings of one lesson share a form, so then a heading the tagger reads
/// as a noun phrase ("Grind just before brewing", "Setting expectations
/// and goals") is advice, or an activity, too.
pub(super) fn heading_style(
    lesson: &Lesson,
    sents: &[Vec<Sent>],
    casing: &Casing,
) -> (HeadingStyle, BTreeSet<String>) {
    let mut activities = 0;
    let asks: Vec<(Option<&str>, Ask)> = lesson
        .sections
        .iter()
        .zip(sents)
        .filter_map(|(section, ss)| {
            let inline = advice_first(casing.inline_words(section.heading.as_deref()?).join(" "));
            let advises = ss.iter().any(|s| s.imperative);
            let a = analyse(&inline);
            activities += usize::from(opens_with_gerund(&a));
            // "If you found a better name": a case the advice is for.
            let ask = if places_advice(&a) {
                Ask::Do
            } else {
                classify(&a, section, advises)
            };
            Some((section.context.as_deref(), ask))
        })
        .collect();
    let advises = |a: &Ask| matches!(a, Ask::Do | Ask::DoNot | Ask::Always);
    let advice = asks.iter().filter(|(_, a)| advises(a)).count();
    let style = if advice >= 2 && advice * 2 >= asks.len() {
        HeadingStyle::Advice
    } else if activities >= 3 && activities * 3 >= asks.len() * 2 {
        HeadingStyle::Activities
    } else {
        HeadingStyle::Mixed
    };
    // Headings under one parent share a form of their own: three or more
    // of which most are read as no advice ("An external battery", "Water
    // bottle", "Paper and pen", "Medication" under "Stuff to pack") name
    // things, whatever the rest of the lesson does.
    let mut groups: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (context, ask) in &asks {
        if let Some(c) = context {
            let entry = groups.entry(c).or_default();
            entry.0 += 1;
            entry.1 += usize::from(advises(ask));
        }
    }
    let named = groups
        .into_iter()
        .filter(|&(_, (n, advice))| n >= 3 && advice * 2 < n)
        .map(|(c, _)| c.to_string())
        .collect();
    (style, named)
}

/// A heading among others naming things (see [`heading_style`]): one
/// read as advice only because its first word can be a verb ("Water
/// bottle", "Paper and pen") names a thing too, unless that word is only
/// ever a verb or an object follows it.
pub(super) fn among_names(ask: Ask, analysis: &Analysis) -> Ask {
    let first = analysis.content().next();
    // (No article, pronoun or preposition after it: no object or place
    // of a verb, "Paper and pen".)
    let names = first.is_some_and(|w| !only_a_verb(&w.norm))
        && analysis.content().count() >= 2
        && analysis
            .content()
            .skip(1)
            .all(|w| !matches!(w.pos, Pos::Det | Pos::Pron | Pos::Adp | Pos::Part));
    if ask == Ask::Do && names {
        Ask::Noun
    } else {
        ask
    }
}

/// "Setting goals", "Not being afraid": a heading opening with a verb's
/// "-ing" form (after "not").
fn opens_with_gerund(a: &Analysis) -> bool {
    a.content()
        .find(|w| w.norm != "not")
        .is_some_and(|w| gerund_base(&w.norm).is_some())
}

/// The heading's form, read in the style of the lesson's other
/// headings (see [`heading_style`]).
pub(super) fn in_style(style: HeadingStyle, ask: Ask, analysis: &Analysis) -> Ask {
    let advice_style = style == HeadingStyle::Advice;
    // In a lesson of activities, a noun phrase opening with a gerund
    // ("Setting expectations and goals") is one more.
    if style == HeadingStyle::Activities
        && ask == Ask::Noun
        && opens_with_gerund(analysis)
        && analysis.content().count() >= 2
    {
        return Ask::Gerund;
    }
    // In a lesson of advice, a short heading that opens with a word in
    // its base form ("Grind just before brewing") is advice as well.
    match ask {
        Ask::Noun
            if advice_style
                && analysis.content().next().is_some_and(|w| {
                    !matches!(w.pos, Pos::Det | Pos::Pron | Pos::Num | Pos::Adp)
                        // An adjective that the tagger knows as no verb
                        // opens a noun phrase ("Private vulnerability
                        // reporting") unless an object and a preposition
                        // follow ("Separate X from Y").
                        && (w.pos != Pos::Adj
                            || verb_reading(&w.norm)
                            || analysis
                                .content()
                                .skip(2)
                                .any(|a| a.pos == Pos::Adp && a.norm != "of"))
                        // A word the dictionary knows as no verb
                        // ("Future step") opens no advice.
                        && (w.pos == Pos::Adj || known_verb(&w.norm) != Some(false))
                        && is_base(&w.norm)
                        && !w.norm.ends_with("ing")
                        && !LEXICON.noun_ending(&w.norm)
                })
                && analysis.content().count() >= 2 =>
        {
            Ask::Do
        }
        // "Support subsetted functionality", "Mark an interface
        // deprecated": a verb's base form, then a past form or a plural
        // noun the tagger took for the verb of a statement, is advice too.
        Ask::Statement
            if advice_style
                && analysis
                    .content()
                    .next()
                    .is_some_and(|w| is_base(&w.norm) && known_verb(&w.norm) == Some(true))
                && finite_verb(analysis, false).is_some_and(|i| {
                    let words: Vec<&crate::lesson::language::Word> = analysis.content().collect();
                    words.get(i).is_some_and(|v| {
                        (v.pos == Pos::Verb && v.norm.ends_with("ed"))
                            // "Test error flows using…": a plural noun after
                            // a noun, which the tagger took for the verb.
                            // ("Time management is important": "is" is
                            // no plural.)
                            || (i >= 2
                                && v.pos != Pos::Aux
                                && looks_plural(&v.norm)
                                && words[i - 1].pos == Pos::Noun)
                    })
                }) =>
        {
            Ask::Do
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use crate::lesson::cards::question::tests::lesson_fronts;

    #[test]
    fn headings_under_a_parent_of_names_name_things_in_a_lesson_of_advice() {
        let fronts = lesson_fronts(
            "# Hiking tips\n\n## Start early\n\nStart before dawn, because afternoon storms \
             build over the ridges.\n\n## Drink often\n\nDrink a little every twenty minutes, \
             because thirst comes late.\n\n## Kit list\n\n\
             * Head torch. Light fails fast under trees, and a torch keeps both hands free.\n\
             * Water bottle. A litre per two hours of walking keeps cramps away.\n\
             * Spare socks. Wet feet blister within an hour.\n",
        );
        assert!(
            fronts
                .iter()
                .all(|f| !f.starts_with("How should you water")),
            "{fronts:?}"
        );
        assert!(
            fronts.iter().any(|f| f.contains("water bottle")),
            "{fronts:?}"
        );
    }
}
