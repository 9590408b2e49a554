//! A section's sentences read again in the light of its heading: "This
//! algorithm" names the heading's topic, "Yes," answers the heading's
//! question, and "Rotating pairs…" under "Rotate pairs" gives the advice's
//! reason (see docs/lessons.md).

use crate::lesson::language::{Analysis, Pos, Word, can_be_verb, known_verb};
use crate::lesson::text::{capitalise, stem, word_count};

use super::forms::{gerund_base, is_base, looks_plural};
use super::sentence::Sent;

/// "This algorithm …" in a section headed "Mark-and-sweep algorithm" names
/// the section's topic, not something the sentence before said: such a
/// sentence stands alone once the heading replaces the demonstrative (or,
/// when the heading does not read well inside a sentence, as it is).
pub(super) fn name_the_topic(ss: &mut [Sent], inline: &str, h: &Analysis) {
    let Some(last) = h.content().last().filter(|w| w.pos.is_nominal()) else {
        return;
    };
    // The last noun heads the phrase only if no verb opens it and no
    // preposition comes before it ("Emulating methods with closures" is
    // about emulating, not about closures).
    // Nor when it joins two ("Expectations and goals": "these goals" are
    // only the last), nor when it opens with a word in "-ing" that may be
    // a gerund the tagger took for a noun ("Setting expectations").
    let opens_in_ing = h
        .content()
        .next()
        .is_some_and(|w| gerund_base(&w.norm).is_some());
    if opens_in_ing
        || h.content().any(|w| {
            matches!(w.pos, Pos::Adp | Pos::Cconj)
                || (w.pos == Pos::Verb && w.norm.ends_with("ing"))
        })
    {
        return;
    }
    let head = stem(&last.norm);
    let plural = looks_plural(&last.norm);
    let fits = word_count(inline) <= 5
        && inline
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '\'' | '\u{2019}'));
    for s in ss.iter_mut() {
        if s.leans.is_none() {
            continue;
        }
        let words: Vec<&Word> = s.a.content().take(2).collect();
        let [first, second] = words[..] else {
            continue;
        };
        let number_agrees = match first.norm.as_str() {
            "this" => !plural,
            "these" => plural,
            _ => false,
        };
        if !number_agrees || !second.pos.is_nominal() || stem(&second.norm) != head {
            continue;
        }
        if fits {
            // (A heading with its own article keeps it: "The ratio", not
            // "The the ratio".)
            let named = match inline.split_once(' ') {
                Some((article, rest)) if article.eq_ignore_ascii_case("the") => rest,
                _ => inline,
            };
            let text = format!("The {named}{}", &s.text[second.end..]);
            *s = Sent::new(text, s.kind);
        }
        s.leans = None;
    }
}

/// "**Durability.** It decides whether a crash loses the last writes.":
/// a section opening with a bare "It" or "This" (then a verb) before
/// anything else refers to its noun-phrase heading, which the card's
/// question names; the sentence leans on nothing the card does not show.
pub(super) fn pronoun_for_the_heading(ss: &mut [Sent], inline: &str, h: &Analysis, tip: bool) {
    let Some(last) = h.content().last() else {
        return;
    };
    // A tip's advice ("**Invest in your writing.** It takes more time,
    // but…"): "it" is following the advice, which the question names.
    let advice = tip
        && h.content()
            .next()
            .is_some_and(|w| w.pos == Pos::Verb && is_base(&w.norm));
    // A noun phrase: no verb or preposition in it, a noun last (or a
    // gerund after its modifiers, "Goal-oriented planning", which names an
    // activity).
    let words: Vec<&Word> = h.content().collect();
    // A statement of what its subject is ("**Lists are your friend.**
    // They are easy to scan."): "they" is the subject, which the question
    // names.
    if let Some(subject) = copula_subject(&words) {
        name_the_subject(ss, &inline[words[0].start..subject.end], &subject.norm);
        return;
    }
    let gerund_last = words.len() >= 2
        && last.pos == Pos::Verb
        && last.norm.ends_with("ing")
        && words[..words.len() - 1]
            .iter()
            .all(|w| matches!(w.pos, Pos::Noun | Pos::Adj | Pos::Propn) || w.norm.ends_with("ed"));
    // ("* `no-cache`. This instructs the browser…": a tip's label of one
    // hyphenated term names a thing, whatever classes its parts get.)
    let term = tip && words.len() <= 3 && h.words.iter().any(|w| w.norm == "-");
    if !advice
        && !gerund_last
        && !term
        && (!last.pos.is_nominal()
            || h.content()
                .any(|w| matches!(w.pos, Pos::Verb | Pos::Aux | Pos::Adp)))
    {
        return;
    }
    free_the_first(ss, !advice && looks_plural(&last.norm), tip);
}

/// The subject of a heading stating what it is ("Lists are your friend",
/// "Good tests are fast"): the head noun before a form of "be" that comes
/// first among the verbs, when only determiners, adjectives and nouns come
/// before it.
fn copula_subject<'w>(words: &[&'w Word]) -> Option<&'w Word> {
    let be = words
        .iter()
        .position(|w| matches!(w.pos, Pos::Verb | Pos::Aux))?;
    let (subject, be) = (&words[..be], words[be]);
    let last = subject.last()?;
    (matches!(be.norm.as_str(), "is" | "are" | "was" | "were")
        && last.pos.is_nominal()
        && subject.iter().all(|w| {
            matches!(w.pos, Pos::Noun | Pos::Propn | Pos::Adj)
                || (w.pos == Pos::Det
                    && !matches!(w.norm.as_str(), "this" | "these" | "that" | "those"))
        }))
    .then_some(*last)
}

/// The section's first sentence opens with "it" or "they", agreeing with
/// the heading's subject `head` and followed by a verb: the subject, as the
/// heading words it (`named`), takes the pronoun's place, and the sentence
/// stands alone ("They are easy to scan" → "Lists are easy to scan").
fn name_the_subject(ss: &mut [Sent], named: &str, head: &str) {
    let Some(first) = ss.first_mut() else {
        return;
    };
    let Some((pronoun, _)) = leaning_pronoun(first) else {
        return;
    };
    let agrees = match pronoun.norm.as_str() {
        "it" => !looks_plural(head),
        "they" => looks_plural(head),
        _ => false,
    };
    if !agrees {
        return;
    }
    let text = format!("{}{}", capitalise(named), &first.text[pronoun.end..]);
    let piece = first.piece;
    *first = Sent::new(text, first.kind);
    first.piece = piece;
    first.leans = None;
}

/// The section's first sentence opens with a pronoun (then a verb) of the
/// number of what the question names (`plural`): it stands for that, so it
/// leans on nothing the card does not show. `tip` says the heading is a
/// tip's label, which "This is…" may point at.
fn free_the_first(ss: &mut [Sent], plural: bool, tip: bool) {
    let Some(first) = ss.first_mut() else {
        return;
    };
    let Some((pronoun, verb)) = leaning_pronoun(first) else {
        return;
    };
    let agrees = match pronoun.norm.as_str() {
        "it" | "this" => !plural,
        "they" | "these" => plural,
        _ => false,
    };
    // ("This is the average case", "These are questions to practise":
    // under a heading, a demonstrative before "be" points at a table or
    // list; under a tip's label, at the label.)
    let points = !tip
        && matches!(pronoun.norm.as_str(), "this" | "these")
        && matches!(verb.norm.as_str(), "is" | "are" | "was" | "were" | "'s");
    if agrees && !points {
        first.leans = None;
    }
}

/// A leaning sentence's opening word and the verb right after it, when it
/// opens so ("They are…", "It decides…"): the opening may be a pronoun
/// standing for the heading.
fn leaning_pronoun(s: &Sent) -> Option<(&Word, &Word)> {
    s.leans.as_ref()?;
    let words: Vec<&Word> = s.a.content().take(2).collect();
    // ("This instructs…": a word in "-s" that can be a verb, after the
    // pronoun, is one, whatever the tagger says.)
    let verbal = |w: &Word| {
        matches!(w.pos, Pos::Verb | Pos::Aux) || (looks_plural(&w.norm) && can_be_verb(&w.norm))
    };
    match words[..] {
        [pronoun, verb] if verbal(verb) => Some((pronoun, verb)),
        _ => None,
    }
}

/// Under a question heading ("Can the server be replicated?"), a first
/// sentence opening "Yes," or "No," answers the heading: it leans on
/// nothing the card does not show.
pub(super) fn answer_the_question(ss: &mut [Sent], heading: &str) {
    if !heading.trim_end().ends_with('?') {
        return;
    }
    if let Some(first) = ss.iter_mut().find(|s| s.substantive() || s.leans.is_some())
        && first
            .a
            .content()
            .next()
            .is_some_and(|w| matches!(w.norm.as_str(), "yes" | "no"))
    {
        first.leans = None;
    }
}

/// "Rotate pairs" then "Rotating pairs spreads knowledge…": a sentence
/// whose subject is the heading's own verb as a gerund says what doing it
/// brings about, which is the advice's reason. Marks such sentences as
/// reasons.
pub(super) fn effects_of_advice(ss: &mut [Sent], heading: &str) {
    let Some(verb) = heading.split_whitespace().next().map(str::to_lowercase) else {
        return;
    };
    if known_verb(&verb) != Some(true) {
        return;
    }
    for s in ss.iter_mut() {
        let opens = s.a.content().next().map(|w| w.norm.clone());
        if opens.is_some_and(|w| w.ends_with("ing") && gerund_base(&w).as_deref() == Some(&verb)) {
            s.reason = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::language::analyse;
    use crate::lesson::read::PieceKind;

    #[test]
    fn a_demonstrative_naming_the_heading_gives_way_to_it() {
        let mut ss = vec![Sent::new(
            "This algorithm visits every reachable object once.".into(),
            PieceKind::Para,
        )];
        assert!(ss[0].leans.is_some());
        let heading = "mark-and-sweep algorithm";
        name_the_topic(&mut ss, heading, &analyse(heading));
        assert_eq!(
            ss[0].text,
            "The mark-and-sweep algorithm visits every reachable object once."
        );
        assert!(ss[0].leans.is_none());
        // A heading with its article keeps one.
        let mut ss = vec![Sent::new(
            "This ratio keeps the practice enjoyable.".into(),
            PieceKind::Para,
        )];
        name_the_topic(&mut ss, "the ratio", &analyse("the ratio"));
        assert_eq!(ss[0].text, "The ratio keeps the practice enjoyable.");
        // Not for a heading joining two, nor one that may be a gerund's.
        for heading in ["expectations and goals", "setting goals"] {
            let text = "These goals need to be attainable.";
            let mut ss = vec![Sent::new(text.into(), PieceKind::Para)];
            name_the_topic(&mut ss, heading, &analyse(heading));
            assert_eq!(ss[0].text, text, "{heading}");
        }
    }

    #[test]
    fn the_heading_verb_as_a_subject_gives_the_advice_a_reason() {
        use crate::lesson::cards::sentence::Sent;
        use crate::lesson::read::PieceKind;
        let mut ss: Vec<Sent> = [
            "Pairs should swap partners every week.",
            "Rotating pairs spreads knowledge across the team.",
        ]
        .iter()
        .map(|t| Sent::new(t.to_string(), PieceKind::Para))
        .collect();
        effects_of_advice(&mut ss, "Rotate pairs regularly");
        assert!(!ss[0].reason);
        assert!(ss[1].reason);
    }

    #[test]
    fn it_under_a_gerund_heading_names_the_activity() {
        let mut ss = vec![Sent::new(
            "It encourages you to give every coin a goal.".into(),
            PieceKind::Item,
        )];
        assert!(ss[0].leans.is_some());
        let heading = "goal-oriented planning";
        pronoun_for_the_heading(&mut ss, heading, &analyse(heading), true);
        assert!(ss[0].leans.is_none());
    }

    #[test]
    fn they_under_a_statement_heading_is_its_subject() {
        let heading = "Lists are your friend";
        let mut ss = vec![Sent::new(
            "They are easy to scan and show the main points.".into(),
            PieceKind::Item,
        )];
        pronoun_for_the_heading(&mut ss, heading, &analyse(heading), true);
        assert_eq!(
            ss[0].text,
            "Lists are easy to scan and show the main points."
        );
        assert!(ss[0].leans.is_none());
        // Not when the number disagrees, nor past a subject with a verb.
        for heading in ["A list is your friend", "Who you know is important"] {
            let mut ss = vec![Sent::new(
                "They are easy to scan and show the main points.".into(),
                PieceKind::Item,
            )];
            pronoun_for_the_heading(&mut ss, heading, &analyse(heading), true);
            assert!(ss[0].leans.is_some(), "{heading}");
        }
    }

    #[test]
    fn this_under_a_hyphenated_term_names_it() {
        let heading = "no-cache";
        let mut ss = vec![Sent::new(
            "This instructs the browser to revalidate every time.".into(),
            PieceKind::Item,
        )];
        pronoun_for_the_heading(&mut ss, heading, &analyse(heading), true);
        assert!(ss[0].leans.is_none());
    }
}
