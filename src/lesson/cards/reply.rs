//! Questions that ask yes or no ("Can I send alerts?"): the reply opening
//! the answer ("Yes, with the Alertmanager.") goes on the back first (see
//! docs/lessons.md, "What it writes").

use crate::lesson::language::{LEXICON, Role};
use crate::lesson::text::norm;

use crate::lesson::read::PieceKind;

use super::ask::opens_yes_no;
use crate::lesson::language::Pos;

use super::ask::Ask;
use super::sentence::Sent;
use super::{BACK_CHARS, Part};

/// Puts the section's yes or no first among the chosen sentences, when the
/// question asks for one: `None` when it does not. When the rest of that
/// sentence points elsewhere ("Yes - see the guide"), only the word is
/// kept, returned to open the back (`Some(Some(word))`).
pub(super) fn reply_first(part: &Part, chosen: &mut Vec<usize>) -> Option<Option<String>> {
    let (reply, word) = yes_or_no(part)?;
    let s = &part.ss[reply];
    let points = s.pointer || points_on(&s.text);
    if points && chosen.iter().any(|&i| i != reply) {
        chosen.retain(|&i| i != reply);
        return Some(Some(word.to_string()));
    }
    if !points && !chosen.contains(&reply) {
        chosen.insert(0, reply);
    }
    // (A reply pointing elsewhere that is all the back has stays whole.)
    chosen.contains(&reply).then_some(None)
}

/// "Yes - see the guide": what follows the yes or no sends the reader
/// elsewhere.
fn points_on(reply: &str) -> bool {
    let rest = reply
        .trim_start_matches(char::is_alphabetic)
        .trim_start_matches([',', '.', '!', ';', ':', '-', '\u{2013}', '\u{2014}', ' ']);
    let words: Vec<String> = rest.split_whitespace().map(norm).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    LEXICON.points_away(&words)
}

/// Under a question that asks yes or no ("Is it…?", "Can I…?"), the
/// section's first sentence when it answers so ("Yes.", "No, but…"), and
/// its first word.
fn yes_or_no<'a>(part: &Part<'a>) -> Option<(usize, &'a str)> {
    let heading = part.section.heading.as_deref()?;
    let first = heading.split_whitespace().next()?.to_lowercase();
    let s = part.ss.first()?;
    // ("Short answer: Yes.": a label of a few words before the reply.)
    let text = match s.text.split_once(": ") {
        Some((label, reply)) if label.split_whitespace().count() <= 3 => reply,
        _ => s.text.as_str(),
    };
    let word = text.split([' ', ',', '.', '!', ';']).next()?;
    // (A question may leave its mark off: "Can Cargo be used inside make".)
    ((heading.ends_with('?') || part.topic.ask == Ask::Question)
        && opens_yes_no(&first)
        && LEXICON.is(&word.to_lowercase(), Role::ReplyWord)
        && s.text.chars().count() <= 120)
        .then_some((0, word))
}

/// "Do I need a degree? It depends. Most teams hire for…": under a
/// question heading, a first sentence of a few words that judges the
/// question rather than stating a fact ("It depends.", "It doesn't
/// matter.", "Not really.") is the answer, and the sentence after it, in
/// the same paragraph, says why. Both go on the back, in that order.
pub(super) fn verdict(part: &Part) -> Option<Vec<usize>> {
    let heading = part.section.heading.as_deref()?;
    let (first, ss) = (part.ss.first()?, part.ss);
    let opener = first.a.content().next()?.norm.as_str();
    let judges = matches!(
        opener,
        "it" | "that" | "not" | "nobody" | "never" | "neither" | "depends"
    ) || short_answer(heading, first);
    if !heading.ends_with('?')
        || !judges
        || first.words() > 5
        || first.text.ends_with('?')
        || first.kind != PieceKind::Para
        || first.text.to_lowercase().contains("question")
    {
        return None;
    }
    Some(first_and_next(ss, |s| {
        !s.text.ends_with('?') && s.text.chars().count() <= BACK_CHARS && !s.code()
    }))
}

/// "What does “keg-only” mean? It means the formula is installed only
/// into the Cellar…": under a question heading, a first sentence whose
/// subject is "it", "this" or "they" speaks of what the question asks
/// about, and is its answer when it scores best among the section's
/// sentences; the sentence after it in its paragraph, leaning on it
/// ("This means most tools will not find it."), goes on with it.
pub(super) fn pronoun_answer(part: &Part) -> Option<Vec<usize>> {
    let (ss, scores) = (part.ss, &part.scores);
    let first = ss.first()?;
    let mut words = first.a.content();
    let opens = words
        .next()
        .is_some_and(|w| matches!(w.norm.as_str(), "it" | "this" | "they"));
    let verb = words
        .next()
        .is_some_and(|w| matches!(w.pos, Pos::Verb | Pos::Aux));
    let best = part.substantive.iter().all(|&i| scores[i] <= scores[0]);
    if part.topic.ask != Ask::Question
        || !opens
        || !verb
        || !best
        || !part.substantive.contains(&0)
        || first.text.ends_with('?')
    {
        return None;
    }
    Some(first_and_next(ss, |s| {
        // (Nor a lead-in, "To do so, ask questions like:", without its list.)
        !s.illustrates()
            && !s.lead_in
            && first.text.chars().count() + s.text.chars().count() <= BACK_CHARS
    }))
}

/// "How long should the dough rest? At least an hour.": under a question
/// asking how long, how much, when, where, which or what, a first
/// sentence of two to six words with no verb is the answer itself.
fn short_answer(heading: &str, first: &Sent) -> bool {
    let asks = heading
        .split_whitespace()
        .next()
        .map(norm)
        .is_some_and(|w| {
            matches!(
                w.as_str(),
                "how" | "what" | "when" | "where" | "which" | "who"
            )
        });
    // (One word, "Soon.", says too little to stand for the answer.)
    asks && (2..=6).contains(&first.words())
        && first.text.ends_with('.')
        && !first
            .a
            .words
            .iter()
            .any(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
}

/// The section's first sentence, and the one after it when it is in the
/// same paragraph and `goes_on` holds of it.
fn first_and_next(ss: &[Sent], goes_on: impl Fn(&Sent) -> bool) -> Vec<usize> {
    let next = ss.get(1).filter(|s| s.piece == ss[0].piece && goes_on(s));
    if next.is_some() { vec![0, 1] } else { vec![0] }
}

#[cfg(test)]
mod tests {
    use crate::lesson::cards::question::tests::lesson_pairs;

    #[test]
    fn a_one_word_reply_opens_the_back_even_without_a_question_mark() {
        let pairs = lesson_pairs(
            "# Kettle questions\n\n## Can the kettle boil milk\n\nIndeed. The element \
             sits under a steel plate, so milk heats evenly without scorching.\n\n\
             ## Is the handle safe to hold?\n\nAbsolutely. The handle stays cool because \
             a plastic sleeve keeps the heat away from it.\n",
        );
        assert!(pairs[0].1.starts_with("Indeed. The element"), "{pairs:?}");
        assert!(
            pairs[1].1.starts_with("Absolutely. The handle"),
            "{pairs:?}"
        );
    }

    #[test]
    fn a_few_words_without_a_verb_answer_a_question_of_how_long() {
        let pairs = lesson_pairs(
            "# Kettle questions\n\n## How long should the kettle cool before you refill it?\n\n\
             About two minutes. A scale builds up faster when cold water meets a hot element, \
             and the seal around the base wears sooner.\n\n## Why does the lid whistle?\n\n\
             Steam escapes through a narrow reed in the lid because the pressure inside rises \
             as the water boils.\n",
        );
        assert!(
            pairs[0].1.starts_with("About two minutes. A scale"),
            "{pairs:?}"
        );
    }

    #[test]
    fn a_labelled_reply_opens_the_back_too() {
        let pairs = lesson_pairs(
            "# Kettle questions\n\n## Does it work on a camping stove?\n\nShort answer: Yes.\n\
             Long answer: The base is flat and wide. Most camping burners hold a kettle of \
             this size safely, and it heats as fast as on a hob.\n\n## Why does the lid whistle?\n\nSteam escapes \
             through a narrow reed in the lid because the pressure inside rises as the water \
             boils.\n",
        );
        assert!(pairs[0].1.starts_with("Yes."), "{pairs:?}");
    }
}
