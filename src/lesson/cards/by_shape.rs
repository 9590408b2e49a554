//! Headings whose shape alone gives the question: initials the section
//! spells out, a term, a construct of program text, two alternatives, a
//! numbered stage named by one word (see docs/lessons.md, "Questions").

use super::super::Part;
use super::super::acronym::{spells_out, stand_for_question};
use super::super::ask::{Ask, names_a_construct};
use super::super::maxim::contrast_maxim;
use super::super::question::term_question;
use crate::lesson::language::{Pos, Word};

/// A heading whose shape alone gives the question: initials the section
/// spells out, a term, a construct of program text, two alternatives.
pub(super) fn by_shape(part: &Part) -> Option<String> {
    let (ss, topic) = (part.ss, &part.topic);
    if let Some(h) = part.section.heading.as_deref()
        && ss.len() == 1
        && spells_out(h, &ss[0])
    {
        return Some(stand_for_question(h));
    }
    if topic.ask == Ask::Term {
        return Some(term_question(&topic.shown));
    }
    construct_question(topic)
        .or_else(|| stage_question(part))
        .or_else(|| super::super::wanted::wanted_front(part))
        .or_else(|| alternatives_question(topic))
        .or_else(|| contrast_maxim(&topic.shown))
}

/// "For loops" → "How do for loops work?": a keyword and the construct
/// of program text it names (see [`names_a_construct`]).
fn construct_question(topic: &super::super::Topic) -> Option<String> {
    let words: Vec<&Word> = topic.analysis.content().collect();
    let [_, construct] = words.as_slice() else {
        return None;
    };
    names_a_construct(&words).then(|| {
        let text = topic.inline.to_lowercase();
        if construct.norm.ends_with('s') {
            format!("How do {text} work?")
        } else {
            format!("How does a {text} work?")
        }
    })
}

/// "Fixed or adjustable rates", "Tabs or spaces": two alternatives, named
/// by nouns and adjectives alone, asked how they differ: "How do fixed
/// rates differ from adjustable rates?" (a lone adjective before "or"
/// shares the noun after it).
fn alternatives_question(topic: &super::super::Topic) -> Option<String> {
    if !matches!(topic.ask, Ask::Noun | Ask::Gloss(_)) || topic.made_up {
        return None;
    }
    let words: Vec<&Word> = topic.analysis.content().collect();
    let or = words.iter().position(|w| w.norm == "or")?;
    let named = |ws: &[&Word]| {
        !ws.is_empty()
            && ws.iter().all(|w| {
                matches!(w.pos, Pos::Adj | Pos::Noun | Pos::Propn)
                    || (w.pos == Pos::Verb && w.norm.ends_with("ed"))
            })
    };
    let modifier = |w: &Word| w.pos == Pos::Adj || w.norm.ends_with("ed");
    let (left, right) = (&words[..or], &words[or + 1..]);
    if !named(left) || !named(right) || words.iter().filter(|w| w.norm == "or").count() > 1 {
        return None;
    }
    let text = |ws: &[&Word]| {
        let (from, to) = (ws[0].start, ws[ws.len() - 1].end);
        topic.inline.get(from..to).map(str::to_string)
    };
    let b = text(right)?;
    let a = match left {
        [adj] if modifier(adj) && right.len() >= 2 => {
            let noun = text(&right[1..])?;
            format!("{} {noun}", text(left)?)
        }
        _ if left.iter().any(|w| w.pos.is_nominal())
            && right.iter().any(|w| w.pos.is_nominal()) =>
        {
            text(left)?
        }
        _ => return None,
    };
    let verb = if super::super::forms::looks_plural(&a) {
        "do"
    } else {
        "does"
    };
    Some(format!("How {verb} {a} differ from {b}?"))
}

/// "Stage 3 - Cool", "Phase 2 – Rest": a counted stage named by one
/// word, whose label the heading keeps as the word alone says too little,
/// asks what it holds: "What do you do in stage 3 (cool)?" over steps or
/// advice, "What happens in stage 3 (cool)?" over a section that tells.
fn stage_question(part: &Part) -> Option<String> {
    let heading = part.section.heading.as_deref()?;
    let words: Vec<&str> = heading.split_whitespace().collect();
    let &[label, number, mark, name] = words.as_slice() else {
        return None;
    };
    let counted = label.chars().next().is_some_and(char::is_uppercase)
        && label.chars().all(char::is_alphabetic)
        && number.chars().all(|c| c.is_ascii_digit())
        && matches!(mark, "-" | "\u{2013}" | "\u{2014}")
        && name.chars().all(char::is_alphabetic);
    if !counted {
        return None;
    }
    let advice = part.section.step || part.ss.iter().any(|s| s.imperative);
    let asked = if advice { "do you do" } else { "happens" };
    Some(format!(
        "What {asked} in {} {number} ({})?",
        label.to_lowercase(),
        name.to_lowercase()
    ))
}

#[cfg(test)]
mod tests {
    use crate::lesson::cards::question::tests::lesson_fronts;

    #[test]
    fn a_counted_stage_named_by_one_word_asks_what_it_holds() {
        let fronts = lesson_fronts(
            "# Making cheese\n\n## Stage 1 - Warm\n\nWarm the milk to thirty degrees, \
             and stir it gently so it heats evenly.\n\n## Stage 2 - Curdle\n\n\
             The rennet turns the warm milk into a soft curd within the hour.\n",
        );
        assert_eq!(
            fronts[..2],
            [
                "What do you do in stage 1 (warm)?",
                "What happens in stage 2 (curdle)?"
            ]
        );
    }
}
